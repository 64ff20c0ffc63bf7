"""Pure helpers for the web pages: safe links, word-level diffs, highlighted text, inline SVG charts.

Nothing here touches the store; every function takes plain data and returns plain data or escaped
markup, so each one is testable on its own. All SVG is built server-side with presentation attributes
only (no style attributes, no scripts, no links), so it is safe to inline under a strict CSP.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from rapidfuzz.distance import Indel

# Severity of a meaning change between a source and its copy: changes that reverse who did what or
# whether it happened come first, then changed figures and dropped attributions, then softer edits.
SEVERITY = {
    "role-flip": (0, "high"),
    "negation": (0, "high"),
    "number": (1, "high"),
    "attribution-dropped": (2, "medium"),
    "entity": (2, "medium"),
    "speaker": (2, "medium"),
    "hedge-removed": (3, "low"),
}


def severity(kind: str) -> tuple[int, str]:
    return SEVERITY.get(kind, (4, "low"))


# ---------------------------------------------------------------------------- word-level diff

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")


def word_diff(source: str, copy: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(source segments, copy segments) as ``{"text", "op"}`` with op ``same`` | ``del`` | ``ins``: words
    only in the source are ``del``, only in the copy ``ins``.

    Compared on lower-cased word tokens, so a capitalisation change alone is not a difference.
    """
    a, b = _TOKEN.findall(source), _TOKEN.findall(copy)
    left: list[dict[str, str]] = []
    right: list[dict[str, str]] = []
    # A longest-common-subsequence diff over tokens (rapidfuzz, in C: a copy page diffs dozens of pairs)
    for o in Indel.opcodes([t.lower() for t in a], [t.lower() for t in b]):
        op, i1, i2, j1, j2 = o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end
        if op == "equal":
            _push(left, "".join(a[i1:i2]), "same")
            _push(right, "".join(b[j1:j2]), "same")
            continue
        if i2 > i1:
            _push(left, "".join(a[i1:i2]), "del")
        if j2 > j1:
            _push(right, "".join(b[j1:j2]), "ins")
    return left, right


def _push(out: list[dict[str, str]], text: str, op: str) -> None:
    # whitespace-only changes are shown as unchanged: they carry no meaning
    if op != "same" and not text.strip():
        op = "same"
    if out and out[-1]["op"] == op:
        out[-1]["text"] += text
    else:
        out.append({"text": text, "op": op})


# ---------------------------------------------------------------------------- highlighted text


@dataclass(slots=True)
class Span:
    start: int
    end: int
    kind: str  # quote | name
    link: str | None = None
    title: str = ""


@dataclass(slots=True)
class Piece:
    text: str
    quote: Span | None = None
    name: Span | None = None


@dataclass(slots=True)
class Paragraph:
    start: int
    pieces: list[Piece]
    removed_after: list[dict[str, Any]] = field(default_factory=list)


def paragraphs(text: str, spans: Sequence[Span]) -> list[Paragraph]:
    """The text's non-empty lines as paragraphs, cut into pieces at every quote and name boundary."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    out = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        cuts = {start, end}
        inside = [s for s in valid if s.start < end and s.end > start]
        for s in inside:
            cuts.update(c for c in (s.start, s.end) if start < c < end)
        points = sorted(cuts)
        pieces = []
        for a, b in pairwise(points):
            quote = next((s for s in inside if s.kind == "quote" and s.start <= a and b <= s.end), None)
            name = next((s for s in inside if s.kind == "name" and s.start <= a and b <= s.end), None)
            pieces.append(Piece(text[a:b], quote, name))
        out.append(Paragraph(start, pieces))
    return out


def place_removed(
    raw_text: str, paras: list[Paragraph], text: str, removed: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Attach each removed junk line after the cleaned paragraph it followed in the raw text.

    Returns the removed lines that come before the first paragraph (or whose position is unknown is
    placed at the end of the last paragraph). The raw lines that were kept are found in the cleaned
    text in order, which is what anchors each removed line.
    """
    by_position = {int(r.get("position", -1)): r for r in removed if int(r.get("position", -1)) >= 0}
    unknown = [r for r in removed if int(r.get("position", -1)) < 0]
    starts = [p.start for p in paras]
    leading: list[dict[str, Any]] = []
    current = -1  # index of the paragraph the last kept raw line landed in
    cursor = 0
    for n, line in enumerate(raw_text.split("\n")):
        if n in by_position:
            (paras[current].removed_after if current >= 0 else leading).append(by_position[n])
            continue
        stripped = line.strip()
        if not stripped:
            continue
        at = text.find(stripped, cursor)
        if at < 0:
            continue
        cursor = at + len(stripped)
        while current + 1 < len(starts) and starts[current + 1] <= at:
            current += 1
    placed = {id(r) for p in paras for r in p.removed_after} | {id(r) for r in leading}
    rest = [r for r in by_position.values() if id(r) not in placed] + unknown
    if paras:
        paras[-1].removed_after.extend(rest)
    else:
        leading.extend(rest)
    return leading


# ---------------------------------------------------------------------------- coverage timeline (SVG)

PALETTE = ["#1f5fa8", "#b3261e", "#1d7a45", "#a35a00", "#6b3fa0", "#00838f", "#8d6e00", "#c2185b", "#455a64"]
MAX_ROWS = 12


def _day(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def timeline_svg(articles: Sequence[dict[str, Any]]) -> str:
    """Articles over time by outlet: one row per outlet, a dot per day sized by its article count."""
    dated = [
        (d, str(a.get("outlet_name") or a.get("outlet") or "unknown outlet"))
        for a in articles
        if (d := _day(a.get("published")))
    ]
    if not dated:
        return ""
    per_outlet = Counter(o for _, o in dated)
    rows = [o for o, _ in per_outlet.most_common(MAX_ROWS)]
    if len(per_outlet) > MAX_ROWS:
        rows.append("other outlets")
    row_of = {o: i for i, o in enumerate(rows)}
    cells = Counter((d, row_of.get(o, len(rows) - 1)) for d, o in dated)
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max(1, (last - first).days)
    label_w, plot_w, row_h, top = 170, 560, 26, 14
    width, height = label_w + plot_w + 30, top + row_h * len(rows) + 34
    esc = html.escape
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="system-ui,sans-serif" font-size="12">',
        f"<title>Coverage over time by outlet, {esc(first.isoformat())} to {esc(last.isoformat())}</title>",
    ]
    for i, outlet in enumerate(rows):
        y = top + i * row_h + row_h // 2
        label = outlet if len(outlet) <= 24 else outlet[:23] + "…"
        out.append(
            f'<text x="{label_w - 8}" y="{y + 4}" text-anchor="end" fill="#1d232a">{esc(label)}</text>'
        )
        out.append(f'<line x1="{label_w}" y1="{y}" x2="{label_w + plot_w}" y2="{y}" stroke="#e3e7eb"/>')
    biggest = max(cells.values())
    for (d, row), n in sorted(cells.items()):
        x = label_w + (plot_w * (d - first).days) // span if span else label_w + plot_w // 2
        if first == last:
            x = label_w + plot_w // 2
        y = top + row * row_h + row_h // 2
        r = 4 + 6 * (n / biggest) ** 0.5
        colour = PALETTE[row % len(PALETTE)]
        out.append(
            f'<circle cx="{x}" cy="{y}" r="{r:.1f}" fill="{colour}" fill-opacity="0.8">'
            f"<title>{esc(rows[row])}: {n} article{'s' if n != 1 else ''} on {esc(d.isoformat())}</title></circle>"
        )
    axis_y = top + row_h * len(rows) + 6
    out.append(f'<line x1="{label_w}" y1="{axis_y}" x2="{label_w + plot_w}" y2="{axis_y}" stroke="#5b6672"/>')
    out.append(f'<text x="{label_w}" y="{axis_y + 18}" fill="#5b6672">{esc(first.isoformat())}</text>')
    if last != first:
        out.append(
            f'<text x="{label_w + plot_w}" y="{axis_y + 18}" text-anchor="end" fill="#5b6672">{esc(last.isoformat())}</text>'
        )
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------------------- copy graph

MAX_GRAPH_ARTICLES = 40


def graph_parts(
    articles: Sequence[dict[str, Any]], reuse: Sequence[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and edges for ``report.graph.copy_graph_svg``: every article that copies or is copied, by
    outlet name; a source outside the story (a wire agency, a press release, another story's article)
    becomes a dashed virtual node."""
    by_id = {str(a["id"]): a for a in articles}
    nodes: dict[str, dict[str, Any]] = {}
    edges = []

    def node(aid: str) -> None:
        if aid in nodes:
            return
        a = by_id.get(aid)
        if a is not None:
            outlet = str(a.get("outlet_name") or "unknown outlet")
            nodes[aid] = {"id": aid, "label": outlet, "kind": "article", "outlet": outlet}
        else:
            label = aid.split(":", 1)[1] if ":" in aid else aid
            nodes[aid] = {"id": aid, "label": label, "kind": "virtual", "outlet": label}

    if len(articles) <= MAX_GRAPH_ARTICLES:  # small stories: independent articles are shown too
        for a in articles:
            node(str(a["id"]))
    for r in reuse:
        source, copy = str(r.get("source")), str(r.get("copy"))
        node(source)
        node(copy)
        edges.append({"source": source, "target": copy, "kind": str(r.get("kind") or "")})
    return list(nodes.values()), edges
