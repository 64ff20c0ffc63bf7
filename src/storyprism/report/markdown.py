"""Markdown report: the same sections as the HTML report, as plain Markdown.

Article-derived text is escaped for Markdown (so a headline cannot open a link or a table cell) and
for HTML (Markdown renderers pass raw HTML through).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from storyprism.report.graph import origin_label, single_source_sentence
from storyprism.report.view import (
    StoryView,
    build,
    copy_views,
    outlet_name,
    quote_group_view,
    split_stances,
)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~])")


def md(value: Any) -> str:
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return " ".join(text.split())  # one line: a newline in a title must not break the list


def _cites(sv: StoryView, article_ids: Sequence[Any]) -> str:
    numbers = sorted({sv.cite[str(a)] for a in article_ids or [] if str(a) in sv.cite})
    return " " + "".join(f"[{n}]" for n in numbers) if numbers else ""


def _mark(sentence: str, fragment: str, marker: str) -> str:
    if not fragment or fragment not in sentence:
        return md(sentence)
    i = sentence.index(fragment)
    return md(sentence[:i]) + f" {marker}{md(fragment)}{marker} " + md(sentence[i + len(fragment) :])


def render_markdown(document: dict, story: str | None = None) -> str:
    """The report as Markdown; ``story`` limits it to that story id."""
    view = build(document, story)
    title = "storyprism report"
    if len(view.stories) == 1:
        title += f": {md(view.stories[0].story.get('title') or view.stories[0].story.get('id'))}"
    lines = [f"# {title}", "", f"{view.article_count} articles · {len(view.stories)} stories", ""]
    if view.missing_story is not None:
        lines += [
            f"**No story with id {md(view.missing_story)} in this workspace.** "
            "Run `storyprism stories` to list the story ids.",
            "",
        ]
    if not view.stories and view.missing_story is None:
        lines += ["No stories yet. Add articles and run the analysis to group them into stories.", ""]
    for sv in view.stories:
        lines += _story_md(sv)
    if view.unassigned:
        lines += ["## Articles in no story", ""]
        lines += [f"- {md(outlet_name(a))}: {md(a.get('title') or a.get('id'))}" for a in view.unassigned]
        lines.append("")
    if view.rejected:
        lines += ["## Inputs not read", "", "| Input | Reason |", "|---|---|"]
        lines += [f"| {md(r.get('ref'))} | {md(r.get('reason'))} |" for r in view.rejected]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _claim_line(sv: StoryView, c: Mapping[str, Any], badge: bool) -> str:
    n = int(c.get("independent_support") or 0)
    prefix = f"**{n} independent** — " if badge else ""
    return f"- {prefix}{md(c.get('text'))}{_cites(sv, c.get('articles') or [])}"


def _story_md(sv: StoryView) -> list[str]:
    s = sv.story
    out = [f"## {md(s.get('title') or s.get('id'))}", ""]
    meta = [f"story `{md(s.get('id'))}`"]
    if s.get("first_seen") or s.get("last_seen"):
        meta.append(f"{md(s.get('first_seen') or '?')} – {md(s.get('last_seen') or '?')}")
    meta.append(f"{len(sv.articles)} articles from {len({outlet_name(a) for a in sv.articles})} outlets")
    meta.append(f"{len(sv.independent)} independent sources")
    if sv.storyline:
        meta.append(f"storyline: {md(sv.storyline.get('title') or sv.storyline.get('id'))}")
    out += [" · ".join(meta), ""]
    out += [f"_{md(n)}_" for n in sv.notes]

    out += [
        "### Independent sources",
        "",
        "| # | Outlet | Article | Published | Relation |",
        "|---|---|---|---|---|",
    ]
    for group in sv.independent:
        for a in group:
            aid = str(a.get("id"))
            origin = str(a.get("origin") or aid)
            kind = md(a.get("origin_kind") or "reuses")
            if origin == aid:
                relation = "original"
            elif origin in sv.cite:
                relation = f"{kind} · origin [{sv.cite[origin]}] {md(origin)}"
            else:  # an outside origin (wire:AP, outlet:New York Times)
                relation = f"{kind} · origin {md(origin_label(origin))}"
            published = md(a.get("published") or "unknown") + (
                " (inferred)" if a.get("published_inferred") else ""
            )
            out.append(
                f"| [{sv.cite[aid]}] | {md(outlet_name(a))} | {md(a.get('title') or aid)} | {published} | {relation} |"
            )
    out.append("")
    sentence = single_source_sentence(sv.articles)
    if sentence:
        out += [f"**{md(sentence)}**", ""]
    off = [a for a in sv.articles if a.get("off_topic")]
    if off:
        out += ["_Counted nowhere (body about something else): "
                + "; ".join(f"{md(outlet_name(a))}: {md(a.get('off_topic'))}" for a in off) + "_", ""]

    if sv.summary:
        out += ["### Summary", ""]
        out += [
            f"{n}. {md(sent.get('text'))}{_cites(sv, sent.get('articles') or [])}"
            for n, sent in enumerate(sv.summary, 1)
        ]
        out.append("")
    out += ["### Corroborated claims", ""]
    out += [_claim_line(sv, c, True) for c in sv.corroborated] or [
        "_No claim is carried by two or more independent sources._"
    ]
    out += ["", "### Single-source claims", ""]
    out += [_claim_line(sv, c, False) for c in sv.single_source] or ["_None._"]
    if sv.single_source_total > len(sv.single_source):
        out.append(f"- … and {sv.single_source_total - len(sv.single_source)} more")
    out.append("")

    if sv.coverage:
        out += ["### What each outlet adds and leaves out", ""]
        for cov in sv.coverage:
            out.append(f"- **{md(cov['outlet'])}**{_cites(sv, cov['articles'])}")
            if cov["adds"]:
                out.append(
                    f"  - adds ({len(cov['adds'])}): " + "; ".join(md(c.get("text")) for c in cov["adds"][:5])
                )
            if cov["omits"]:
                out.append(
                    f"  - leaves out ({len(cov['omits'])}): "
                    + "; ".join(md(c.get("text")) for c in cov["omits"][:5])
                )
        out.append("")

    out += ["### Conflicts", ""]
    if sv.conflicts:
        for c in sv.conflicts:
            about = f" — {md(c.get('about'))}" if c.get("about") else ""
            out.append(f"- **{md(c.get('kind'))}**{about}")
            for side in c.get("sides") or []:
                if isinstance(side, dict):
                    out.append(f"  - {md(side.get('text'))}{_cites(sv, side.get('articles') or [])}")
    else:
        out.append("_No disagreement found between the sources._")
    out.append("")

    out += ["### Quotes by speaker", ""]
    quoted, stances = split_stances(sv.quotes_by_speaker)
    if quoted:
        for speaker, groups in quoted:
            out.append(f"- **{md(speaker)}**")
            for qv in map(quote_group_view, groups):
                # only verbatim words go inside quotation marks: a paraphrase must not be cited as one
                mark = "“" if qv.kind == "direct" else ""
                end = "”" if mark else ""
                out.append(f"  - {mark}{md(qv.text)}{end}{_cites(sv, qv.articles)} ({qv.kind})")
                for v, arts in qv.variants:
                    out.append(f"    - variant: {mark}{md(v)}{end}{_cites(sv, arts)}")
    else:
        out.append("_No quotes found._")
    out.append("")
    if stances:
        # a stance on a topic reports no words: its topic follows the verb, never inside quotation marks
        out += ["### Stances (a position on a topic, no words reported)", ""]
        for speaker, groups in stances:
            for qv in map(quote_group_view, groups):
                out.append(f"- **{md(speaker)}** {md(qv.stance)}: {md(qv.text)}{_cites(sv, qv.articles)}")
        out.append("")

    out += ["### Copies and rewrites", ""]
    if sv.reuse:
        for cv in copy_views(sv.reuse):
            out.append(
                f"- [{sv.cite.get(cv.copy, '–')}] {md(cv.copy)} is a **{md(cv.kind)}** of "
                f"[{sv.cite.get(cv.source, '–')}] {md(cv.source)}{cv.coverage_text}"
            )
            for pair in cv.changed:
                first_src = pair.source_fragments[0] if pair.source_fragments else ""
                first_cpy = pair.copy_fragments[0] if pair.copy_fragments else ""
                out.append(f"  - changed ({md(pair.kinds)}):")
                out.append(f"    - source: {_mark(pair.source_sentence, first_src, '~~')}")
                out.append(f"    - copy: {_mark(pair.copy_sentence, first_cpy, '**')}")
    else:
        out.append("_No copies or rewrites among this story's articles._")
    out.append("")

    if sv.timeline:
        out += ["### Timeline", ""]
        for e in sv.timeline:
            out.append(
                f"- {md(e.get('date') or 'undated')} · {md(e.get('kind'))} · {md(e.get('text'))}"
                f"{_cites(sv, e.get('articles') or [])}"
            )
        out.append("")
    return out
