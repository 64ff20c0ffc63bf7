"""Copy graph of one story as inline SVG: origins on the left, derived articles to their right.

``copy_graph_svg(nodes, edges)`` takes plain dicts so the HTML report and the web app can share it:

- a node is ``{"id", "label", "kind": "article" | "virtual", "outlet"}``; ``virtual`` nodes are origins
  outside the corpus (``wire:AP``, ``outlet:New York Times``, ``release:...``) and are drawn dashed;
- an edge is ``{"source", "target", "kind"}`` and points from the origin to the article derived from it
  (``copy``, ``edited``, ``rewrite``, ``credited``), labelled with its kind.

The layout is deterministic (same input, same SVG): each node's column is its depth from an origin
(longest path, cycles broken), rows are sorted by label. All text is XML-escaped; the SVG has no
scripts, links or external references, so it is safe to inline into any page.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from typing import Any

COL_W = 230
ROW_H = 56
BOX_W = 170
BOX_H = 36
PAD = 16
MAX_LABEL = 26

EDGE_COLOURS = {"copy": "#b3261e", "edited": "#a35a00", "rewrite": "#1f5fa8", "credited": "#1d7a45"}


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _short(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _depths(ids: Sequence[str], edges: Sequence[tuple[str, str]]) -> dict[str, int]:
    """Longest-path depth from a root; edges closing a cycle are ignored (a cycle of credits must
    still draw, and its nodes stay in the earliest column that reaches them)."""
    parents: dict[str, list[str]] = {i: [] for i in ids}
    for s, t in edges:
        parents[t].append(s)
    depth: dict[str, int] = {}
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done

    def visit(node: str) -> int:
        if state.get(node) == 2:
            return depth[node]
        state[node] = 1
        best = 0
        for p in parents[node]:
            if state.get(p) == 1:  # back edge: part of a cycle
                continue
            best = max(best, visit(p) + 1)
        state[node] = 2
        depth[node] = best
        return best

    for i in ids:
        visit(i)
    return depth


def _arrowhead(x1: float, y1: float, x2: float, y2: float, colour: str) -> str:
    """A small filled triangle at (x2, y2) pointing along the edge (drawn inline: no marker
    references, so the SVG holds no url(...) at all)."""
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = x2 - 8 * ux, y2 - 8 * uy
    px, py = -uy * 4, ux * 4
    pts = f"{x2:.1f},{y2:.1f} {bx + px:.1f},{by + py:.1f} {bx - px:.1f},{by - py:.1f}"
    return f'<polygon points="{pts}" fill="{colour}"/>'


def copy_graph_svg(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    """Render the copy graph as a standalone ``<svg>`` element (empty string when there are no nodes)."""
    seen: dict[str, Mapping[str, Any]] = {}
    for node in nodes:
        nid = str(node.get("id", ""))
        if nid and nid not in seen:
            seen[nid] = node
    if not seen:
        return ""
    ids = list(seen)
    pairs: list[tuple[str, str, str]] = []
    for edge in edges:
        s, t = str(edge.get("source", "")), str(edge.get("target", ""))
        if s in seen and t in seen and s != t:
            pairs.append((s, t, str(edge.get("kind") or "")))
    depth = _depths(ids, [(s, t) for s, t, _ in pairs])

    def label(nid: str) -> str:
        node = seen[nid]
        return str(node.get("label") or node.get("outlet") or nid)

    columns: dict[int, list[str]] = {}
    for nid in sorted(ids, key=lambda i: (label(i).lower(), i)):
        columns.setdefault(depth[nid], []).append(nid)
    pos: dict[str, tuple[int, int]] = {}
    for col, members in columns.items():
        for row, nid in enumerate(members):
            pos[nid] = (PAD + col * COL_W, PAD + row * ROW_H)
    width = PAD * 2 + max(columns) * COL_W + BOX_W
    height = PAD * 2 + max(len(m) for m in columns.values()) * ROW_H - (ROW_H - BOX_H)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="copy-graph" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui,sans-serif" font-size="12">',
        "<title>Copy graph: origins on the left, derived articles to the right</title>",
    ]
    for s, t, kind in pairs:
        (sx, sy), (tx, ty) = pos[s], pos[t]
        colour = EDGE_COLOURS.get(kind, "#5b6672")
        x1, y1 = sx + BOX_W, sy + BOX_H // 2
        x2, y2 = tx, ty + BOX_H // 2
        if depth[t] <= depth[s]:  # a back edge of a cycle: route it below the boxes
            x1, y1, x2, y2 = sx + BOX_W // 2, sy + BOX_H, tx + BOX_W // 2, ty + BOX_H
        out.append(
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" stroke-width="1.5" '
            f'><title>{_esc(label(s))} → {_esc(label(t))}: {_esc(kind)}</title></line>'
        )
        out.append(_arrowhead(x1, y1, x2, y2, colour))
        mx, my = (x1 + x2) // 2, (y1 + y2) // 2 - 3
        out.append(f'<text x="{mx}" y="{my}" text-anchor="middle" fill="{colour}" font-size="10">{_esc(kind)}</text>')
    for nid in ids:
        x, y = pos[nid]
        shown = seen[nid]
        virtual = shown.get("kind") == "virtual"
        dash = ' stroke-dasharray="4 3"' if virtual else ""
        fill = "#f5f7f9" if virtual else "#ffffff"
        full = label(nid)
        outlet = str(shown.get("outlet") or "")
        tip = full if not outlet or outlet == full else f"{full} ({outlet})"
        out.append(
            f'<g class="node {"virtual" if virtual else "article"}"><title>{_esc(tip)}</title>'
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{fill}" stroke="#1d232a"{dash}/>'
            f'<text x="{x + BOX_W // 2}" y="{y + BOX_H // 2 + 4}" text-anchor="middle">{_esc(_short(full))}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


# --------------------------------------------------------------------------- from the export document

_VIRTUAL_PREFIX = {"wire": "wire", "outlet": "outlet", "release": "release"}
_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def origin_label(origin: str, outlet_of: Mapping[str, str] | None = None) -> str:
    """A reader's name for an origin: "AP" for wire:AP, "Musk's posts" for posts:Musk (reuse's relays of
    one person's public posts), the outlet for an article id."""
    prefix, _, rest = origin.partition(":")
    if rest and prefix == "posts":
        return f"{rest}'s posts"
    if rest and prefix in _VIRTUAL_PREFIX:
        return rest
    return (outlet_of or {}).get(origin) or origin


def _outlet(a: Mapping[str, Any]) -> str:
    return str(a.get("outlet") or a.get("id") or "")


def story_graph(articles: Sequence[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and edges of one story's copy graph from its export articles (``origin_parent`` and
    ``origin_kind``): every article, every outside origin they derive from, one edge per derivation.
    Off-topic articles are left out (they count nowhere)."""
    kept = [a for a in articles if not a.get("off_topic")]
    ids = {str(a.get("id")) for a in kept}
    outlet_of = {str(a.get("id")): _outlet(a) for a in kept}
    nodes: list[dict[str, Any]] = [
        {"id": str(a.get("id")), "label": _outlet(a), "kind": "article", "outlet": _outlet(a)} for a in kept
    ]
    edges: list[dict[str, Any]] = []
    virtual: set[str] = set()
    for a in kept:
        aid = str(a.get("id"))
        parent = str(a.get("origin_parent") or a.get("origin") or aid)
        kind = str(a.get("origin_kind") or "self")
        if parent == aid:
            continue
        if parent not in ids and parent not in virtual:
            virtual.add(parent)
            label = origin_label(parent, outlet_of)
            nodes.append({"id": parent, "label": label, "kind": "virtual", "outlet": label})
        edges.append({"source": parent, "target": aid, "kind": "same newsroom" if kind == "self" else kind})
    return nodes, edges


def single_source_sentence(articles: Sequence[Mapping[str, Any]]) -> str | None:
    """Why a story with several articles has one independent origin, in words; None otherwise."""
    kept = [a for a in articles if not a.get("off_topic")]
    if len(kept) < 2:
        return None
    origins = {str(a.get("origin") or a.get("id")) for a in kept}
    if len(origins) != 1:
        return None
    (origin,) = origins
    outlet_of = {str(a.get("id")): _outlet(a) for a in kept}
    name = origin_label(origin, outlet_of)
    n = len(kept)
    count = _NUMBERS.get(n, str(n))
    kinds = {str(a.get("origin_kind") or "self") for a in kept if str(a.get("id")) != origin}
    if origin.startswith("wire:"):
        return f"All {count} carry {name}'s text: one wire story, one independent source."
    if kinds <= {"copy", "edited"}:
        return f"All {count} carry {name}'s text: one independent source."
    if kinds <= {"credited"}:
        return f"All {count} go back to {name}, which the others credit: one independent source."
    return f"All {count} go back to {name} (copied, rewritten or credited): one independent source."
