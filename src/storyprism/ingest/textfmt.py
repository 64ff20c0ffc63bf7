"""Plain text and Markdown: YAML front matter, the headline line, Markdown markup -> plain text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
# Front matter starts with a "key:" line; a "---" rule above ordinary text is not front matter.
_YAML_KEY = re.compile(r"^\s*(?:#.*\n\s*)*[A-Za-z_][\w-]*\s*:", re.M)
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_MAX_HEADLINE_WORDS = 40  # real headlines run 5-20 words; 40 leaves room for long ones and subtitles

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_EMPHASIS = re.compile(r"(\*\*|\*|~~)(?=\S)(.+?)(?<=\S)\1")
_UNDERSCORE = re.compile(r"(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")  # not intraword: snake_case stays
_CODE = re.compile(r"`([^`]+)`")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_BLOCK_PREFIX = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^(\s*)[*+-]\s+(?=\S)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


class FrontMatterError(ValueError):
    """The YAML front matter does not parse; the message says where."""


@dataclass(slots=True)
class TextDoc:
    title: str | None
    body: str
    meta: Mapping[str, Any]
    markdown: bool


def _no_alias_loader() -> type:
    """yaml's SafeLoader refusing aliases: they can expand a few hundred bytes into gigabytes
    ("billion laughs"), and front matter has no use for them."""
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise FrontMatterError(
                    "The YAML front matter uses an alias (*name). Fix: write the value out in full."
                )
            return super().compose_node(parent, index)

    return NoAliasLoader


def split_front_matter(text: str) -> tuple[Mapping[str, Any], str]:
    """(front-matter mapping, the rest). Raises FrontMatterError when a front-matter block is malformed."""
    m = FRONT_MATTER.match(text)
    if not m or not _YAML_KEY.match(m.group(1)):
        return {}, text
    import yaml

    try:
        loaded = yaml.load(m.group(1), Loader=_no_alias_loader())  # a SafeLoader subclass: safe
    except FrontMatterError:
        raise
    except ValueError as exc:  # e.g. an impossible date "2024-02-30" inside YAML's timestamp parsing
        raise FrontMatterError(f"The YAML front matter holds an invalid value: {exc}. Fix: correct it.") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise FrontMatterError(
            f"The YAML front matter does not parse{where}: {getattr(exc, 'problem', None) or exc}. "
            "Fix: correct it, or quote values that contain a colon."
        ) from exc
    if not isinstance(loaded, dict):
        return {}, text
    return loaded, text[m.end() :]


def parse_text(text: str, markdown: bool, meta_title: str | None) -> TextDoc:
    """Headline and body of a text/Markdown document (front matter already split off).

    The headline is the first line with letters or digits, unless ``meta_title`` gives one; a first
    line that repeats ``meta_title`` is that headline and not body text. A first line of paragraph
    length is body text of a file without a headline: it stays in the body.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = meta_title
    start = 0
    while start < len(lines) and not any(ch.isalnum() for ch in lines[start]):
        start += 1  # blank lines and rules ("***", "===") above the headline
    if start < len(lines):
        first = _strip_heading(lines[start]) if markdown else lines[start].strip()
        if markdown:
            first = inline_to_text(first)
        paragraph = title is None and len(first.split()) > _MAX_HEADLINE_WORDS
        if not paragraph and (title is None or _same(first, title)):
            title = title or first
            start += 1
            if markdown and start < len(lines) and _SETEXT.match(lines[start]):
                start += 1
    body_lines = lines[start:]
    body = markdown_to_text(body_lines) if markdown else "\n".join(body_lines)
    return TextDoc(title=title, body=body, meta={}, markdown=markdown)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _strip_heading(line: str) -> str:
    s = line.strip()
    if s.startswith("#"):
        s = s.lstrip("#").strip()
        s = re.sub(r"\s+#+\s*$", "", s)  # closing hashes: "# Title #"
    return s


def inline_to_text(line: str) -> str:
    """Markdown inline markup -> its text: links keep their words, images and markup go."""
    line = _IMAGE.sub(lambda m: m.group(1), line)
    line = _LINK.sub(lambda m: m.group(1), line)
    line = _REF_LINK.sub(lambda m: m.group(1), line)
    line = _AUTOLINK.sub(lambda m: m.group(1), line)
    line = _CODE.sub(lambda m: m.group(1), line)
    for _ in range(2):  # nested emphasis: ***x*** / **_x_**
        line = _EMPHASIS.sub(lambda m: m.group(2), line)
        line = _UNDERSCORE.sub(lambda m: m.group(2), line)
    return _HTML_TAG.sub("", line)


def markdown_to_text(lines: list[str]) -> str:
    """Markdown body -> plain text with one paragraph per line group, so later stages see prose.

    Headings, quotes and list items keep their words (a pull quote is still a quote); rules, link
    definitions and code-fence markers go. Hard-wrapped lines are left as they are.
    """
    out: list[str] = []
    in_fence = False
    for raw in lines:
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(raw)
            continue
        if _RULE.match(raw) or _LINK_DEF.match(raw) or (_SETEXT.match(raw) and out and out[-1].strip()):
            continue
        line = _BLOCK_PREFIX.sub("", raw)
        line = _BULLET.sub(r"\1", line)
        line = _strip_heading(line) if line.lstrip().startswith("#") else line
        out.append(inline_to_text(line).rstrip())
    return "\n".join(out)
