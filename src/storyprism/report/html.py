"""Self-contained HTML report: inline CSS, no scripts, no external assets; opens offline.

Every piece of article-derived text goes through ``esc`` (html.escape) before it reaches the page;
markup is only ever added around already-escaped text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from storyprism.report.graph import copy_graph_svg, origin_label, single_source_sentence, story_graph
from storyprism.report.view import (
    DocumentView,
    StoryView,
    build,
    copy_views,
    outlet_name,
    quote_group_view,
    split_stances,
)
from storyprism.text.links import safe_url

CSS = """
:root{--fg:#1d232a;--muted:#5b6672;--line:#d9dee4;--bg:#fff;--soft:#f5f7f9;--acc:#1f5fa8;
--ok:#1d7a45;--warn:#a35a00;--bad:#b3261e}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);
margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:1.8em;margin:.2em 0}h2{font-size:1.45em;margin:1.6em 0 .3em;border-bottom:2px solid var(--line)}
h3{font-size:1.1em;margin:1.2em 0 .4em;color:var(--acc)}
.meta,.muted{color:var(--muted);font-size:.9em}
section.story{border:1px solid var(--line);border-radius:8px;padding:8px 20px 20px;margin:28px 0;background:var(--bg)}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--soft)}
sup.cite a{color:var(--acc);text-decoration:none;font-size:.8em}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.8em;background:var(--soft);
border:1px solid var(--line);margin-right:4px}
.badge.ok{color:var(--ok);border-color:var(--ok)}.badge.warn{color:var(--warn);border-color:var(--warn)}
.badge.bad{color:var(--bad);border-color:var(--bad)}
ol.summary li{margin:.3em 0}
ul.claims li{margin:.35em 0}
.conflict{border-left:4px solid var(--bad);background:#fdf4f3;padding:6px 12px;margin:10px 0}
.side{margin:4px 0 4px 12px}
.quote{margin:6px 0 6px 12px;padding-left:10px;border-left:3px solid var(--line)}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin:6px 0;font-size:.92em}
.pair div{background:var(--soft);padding:6px 8px;border-radius:4px}
del,mark.del{background:#fbe3e1;color:var(--bad);text-decoration:line-through}
ins,mark.ins{background:#e2f4e8;color:var(--ok);text-decoration:none}
.timeline li{margin:.25em 0}.timeline .date{font-variant-numeric:tabular-nums;color:var(--muted);
display:inline-block;min-width:11em}
nav ul{columns:2}
"""


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _anchor(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text)[:80] or "x"


def _cites(view: StoryView, article_ids: Sequence[Any]) -> str:
    numbers = sorted({view.cite[str(a)] for a in article_ids or [] if str(a) in view.cite})
    sid = _anchor(str(view.story.get("id", "")))
    links = "".join(f'<a href="#a-{sid}-{n}">[{n}]</a>' for n in numbers)
    return f'<sup class="cite">{links}</sup>' if links else ""


def _support_badge(claim: Mapping[str, Any]) -> str:
    n = int(claim.get("independent_support") or 0)
    cls = "ok" if n >= 3 else ("warn" if n == 2 else "")
    word = "independent source" if n == 1 else "independent sources"
    return f'<span class="badge {cls}">{n} {word}</span>'


def _mark(sentence: str, fragments: list[str], cls: str) -> str:
    """Escape ``sentence``, wrapping each fragment's first occurrence (escaped too) in a mark."""
    spans: list[tuple[int, int]] = []
    for fragment in fragments:
        i = sentence.find(fragment) if fragment else -1
        if i >= 0 and not any(i < e and i + len(fragment) > b for b, e in spans):
            spans.append((i, i + len(fragment)))
    out, pos = [], 0
    for b, e in sorted(spans):
        out.append(esc(sentence[pos:b]) + f'<mark class="{cls}">' + esc(sentence[b:e]) + "</mark>")
        pos = e
    out.append(esc(sentence[pos:]))
    return "".join(out)


def render_html(document: dict, story: str | None = None) -> str:
    """The report as one HTML page; ``story`` limits it to that story id."""
    view = build(document, story)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(_page_title(view))}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{esc(_page_title(view))}</h1>",
        f'<p class="meta">{view.article_count} articles · {len(view.stories)} '
        f"{'story' if len(view.stories) == 1 else 'stories'}</p>",
    ]
    if view.missing_story is not None:
        parts.append(
            f"<p><strong>No story with id {esc(view.missing_story)} in this workspace.</strong> "
            "Run <code>storyprism stories</code> to list the story ids.</p>"
        )
    if not view.stories and view.missing_story is None:
        parts.append("<p>No stories yet. Add articles and run the analysis to group them into stories.</p>")
    if len(view.stories) > 1:
        parts.append("<nav><h2>Stories</h2><ul>")
        for sv in view.stories:
            sid = _anchor(str(sv.story.get("id", "")))
            parts.append(
                f'<li><a href="#s-{sid}">{esc(sv.story.get("title") or sv.story.get("id"))}</a> '
                f'<span class="muted">({len(sv.articles)} articles)</span></li>'
            )
        parts.append("</ul></nav>")
    for sv in view.stories:
        parts.append(_story_html(sv))
    parts.append(_extras_html(view))
    parts.append("</body></html>")
    return "\n".join(parts)


def _page_title(view: DocumentView) -> str:
    if len(view.stories) == 1:
        return f"storyprism report: {view.stories[0].story.get('title') or view.stories[0].story.get('id')}"
    return "storyprism report"


def _story_html(sv: StoryView) -> str:
    s = sv.story
    sid = _anchor(str(s.get("id", "")))
    out = [f'<section class="story" id="s-{sid}">', f"<h2>{esc(s.get('title') or s.get('id'))}</h2>"]
    meta = [f"story {esc(s.get('id'))}"]
    if s.get("first_seen") or s.get("last_seen"):
        meta.append(f"{esc(s.get('first_seen') or '?')} – {esc(s.get('last_seen') or '?')}")
    meta.append(f"{len(sv.articles)} articles from {len({outlet_name(a) for a in sv.articles})} outlets")
    meta.append(f"{len(sv.independent)} independent sources")
    if sv.storyline:
        meta.append(f"storyline: {esc(sv.storyline.get('title') or sv.storyline.get('id'))}")
    out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if s.get("keywords"):
        out.append(
            f'<p class="muted">Keywords: {esc(", ".join(str(k) for k in s.get("keywords") or []))}</p>'
        )
    out.extend(f'<p class="muted">{esc(n)}</p>' for n in sv.notes)

    out.append(
        "<h3>Independent sources</h3><table><tr><th>#</th><th>Outlet</th><th>Article</th>"
        "<th>Published</th><th>Relation</th></tr>"
    )
    for group in sv.independent:
        for a in group:
            aid = str(a.get("id"))
            origin = str(a.get("origin") or aid)
            if origin == aid:
                relation = "original"
            elif origin in sv.cite:
                relation = f"{esc(a.get('origin_kind') or 'reuses')} · origin [{sv.cite[origin]}] {esc(origin)}"
            else:  # an outside origin (wire:AP, outlet:New York Times): not an article of the story
                relation = f"{esc(a.get('origin_kind') or 'reuses')} · origin {esc(origin_label(origin))}"
            published = esc(a.get("published") or "unknown") + (
                " (inferred)" if a.get("published_inferred") else ""
            )
            title = esc(a.get("title") or aid)
            link = safe_url(a.get("url"))  # only http(s): a javascript: or data: URL stays plain text
            if link:
                title = f'<a href="{esc(link)}" rel="noopener noreferrer nofollow">{title}</a>'
            out.append(
                f'<tr id="a-{sid}-{sv.cite[aid]}"><td>[{sv.cite[aid]}]</td><td>{esc(outlet_name(a))}</td>'
                f"<td>{title}</td><td>{published}</td><td>{relation}</td></tr>"
            )
    out.append("</table>")
    out.extend(_copy_graph_html(sv))

    if sv.summary:
        out.append('<h3>Summary</h3><ol class="summary">')
        for sent in sv.summary:
            out.append(f"<li>{esc(sent.get('text'))}{_cites(sv, sent.get('articles') or [])}</li>")
        out.append("</ol>")

    out.append("<h3>Corroborated claims</h3>")
    if sv.corroborated:
        out.append('<ul class="claims">')
        for c in sv.corroborated:
            out.append(
                f"<li>{_support_badge(c)}{esc(c.get('text'))}{_cites(sv, c.get('articles') or [])}</li>"
            )
        out.append("</ul>")
    else:
        out.append('<p class="muted">No claim is carried by two or more independent sources.</p>')
    out.append("<h3>Single-source claims</h3>")
    if sv.single_source:
        out.append('<ul class="claims">')
        for c in sv.single_source:
            out.append(f"<li>{esc(c.get('text'))}{_cites(sv, c.get('articles') or [])}</li>")
        out.append("</ul>")
        if sv.single_source_total > len(sv.single_source):
            out.append(f'<p class="muted">… and {sv.single_source_total - len(sv.single_source)} more.</p>')
    else:
        out.append('<p class="muted">None.</p>')

    if sv.coverage:
        out.append("<h3>What each outlet adds and leaves out</h3>")
        for cov in sv.coverage:
            out.append(f"<p><strong>{esc(cov['outlet'])}</strong>{_cites(sv, cov['articles'])}</p><ul>")
            if cov["adds"]:
                out.append(
                    f"<li>Adds ({len(cov['adds'])}): "
                    + "; ".join(esc(c.get("text")) for c in cov["adds"][:5])
                )
                out.append(" …</li>" if len(cov["adds"]) > 5 else "</li>")
            if cov["omits"]:
                out.append(
                    f"<li>Leaves out ({len(cov['omits'])}): "
                    + "; ".join(esc(c.get("text")) for c in cov["omits"][:5])
                )
                out.append(" …</li>" if len(cov["omits"]) > 5 else "</li>")
            if not cov["adds"] and not cov["omits"]:
                out.append('<li class="muted">Nothing of its own; omits nothing most others carry.</li>')
            out.append("</ul>")

    out.append("<h3>Conflicts</h3>")
    if sv.conflicts:
        for c in sv.conflicts:
            about = f" — {esc(c.get('about'))}" if c.get("about") else ""
            out.append(f'<div class="conflict"><span class="badge bad">{esc(c.get("kind"))}</span>{about}')
            for side in c.get("sides") or []:
                if isinstance(side, dict):
                    out.append(
                        f'<div class="side">• {esc(side.get("text"))}{_cites(sv, side.get("articles") or [])}</div>'
                    )
            out.append("</div>")
    else:
        out.append('<p class="muted">No disagreement found between the sources.</p>')

    out.append("<h3>Quotes by speaker</h3>")
    quoted, stances = split_stances(sv.quotes_by_speaker)
    if quoted:
        for speaker, groups in quoted:
            out.append(f"<p><strong>{esc(speaker)}</strong></p>")
            for qv in map(quote_group_view, groups):
                # only verbatim words go inside quotation marks: a paraphrase must not be cited as one
                mark, end = ("“", "”") if qv.kind == "direct" else ("", "")
                out.append(
                    f'<div class="quote">{mark}{esc(qv.text)}{end}{_cites(sv, qv.articles)}'
                    f' <span class="muted">{qv.kind}</span>'
                )
                for v, arts in qv.variants:
                    out.append(f'<div class="muted">variant: {mark}{esc(v)}{end}{_cites(sv, arts)}</div>')
                if qv.vias:
                    out.append(f'<div class="muted">via {esc(", ".join(qv.vias))}</div>')
                out.append("</div>")
    else:
        out.append('<p class="muted">No quotes found.</p>')
    if stances:
        # a stance on a topic reports no words: its topic follows the verb, never inside quotation marks
        out.append("<h3>Stances</h3>")
        out.append('<p class="muted">A position taken on a topic; no words reported.</p>')
        for speaker, groups in stances:
            for qv in map(quote_group_view, groups):
                out.append(
                    f'<div class="stance"><strong>{esc(speaker)}</strong> {esc(qv.stance)}: {esc(qv.text)}'
                    f"{_cites(sv, qv.articles)}</div>"
                )

    out.append("<h3>Copies and rewrites</h3>")
    if sv.reuse:
        for cv in copy_views(sv.reuse):
            out.append(
                f"<p>[{sv.cite.get(cv.copy, '–')}] {esc(cv.copy)} is a <strong>{esc(cv.kind)}</strong> of "
                f"[{sv.cite.get(cv.source, '–')}] {esc(cv.source)}{cv.coverage_text}</p>"
            )
            for pair in cv.changed:
                src_html = _mark(pair.source_sentence, pair.source_fragments, "del")
                cpy_html = _mark(pair.copy_sentence, pair.copy_fragments, "ins")
                out.append(f'<div class="muted">changed: {esc(pair.kinds)}</div>')
                out.append(f'<div class="pair"><div>{src_html}</div><div>{cpy_html}</div></div>')
    else:
        out.append('<p class="muted">No copies or rewrites among this story\'s articles.</p>')

    if sv.timeline:
        out.append('<h3>Timeline</h3><ul class="timeline">')
        for e in sv.timeline:
            kind = str(e.get("kind") or "")
            out.append(
                f'<li><span class="date">{esc(e.get("date") or "undated")}</span> '
                f'<span class="badge">{esc(kind)}</span>{esc(e.get("text"))}{_cites(sv, e.get("articles") or [])}</li>'
            )
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _copy_graph_html(sv: StoryView) -> list[str]:
    """The story's copy graph as inline SVG, the single-source explanation, off-topic articles."""
    out: list[str] = []
    sentence = single_source_sentence(sv.articles)
    if sentence:
        out.append(f"<p><strong>{esc(sentence)}</strong></p>")
    nodes, edges = story_graph(sv.articles)
    if edges:
        out.append('<h3>Copy graph</h3><div class="copy-graph">' + copy_graph_svg(nodes, edges) + "</div>")
    off = [a for a in sv.articles if a.get("off_topic")]
    if off:
        out.append('<p class="muted">Counted nowhere (body about something else): '
                   + "; ".join(f"{esc(outlet_name(a))}: {esc(a.get('off_topic'))}" for a in off) + "</p>")
    return out


def _extras_html(view: DocumentView) -> str:
    out = []
    if view.unassigned:
        out.append("<h2>Articles in no story</h2><ul>")
        for a in view.unassigned:
            out.append(
                f"<li>{esc(outlet_name(a))}: {esc(a.get('title') or a.get('id'))} "
                f'<span class="muted">{esc(a.get("published") or "")}</span></li>'
            )
        out.append("</ul>")
    if view.rejected:
        out.append("<h2>Inputs not read</h2><table><tr><th>Input</th><th>Reason</th></tr>")
        for r in view.rejected:
            out.append(f"<tr><td>{esc(r.get('ref'))}</td><td>{esc(r.get('reason'))}</td></tr>")
        out.append("</table>")
    return "\n".join(out)
