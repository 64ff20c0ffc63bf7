"""What each page shows, as plain JSON-ready dicts read from the store's precomputed views.

The HTML routes render these dicts and the /api/ routes return them unchanged, so the API always has
every page's data. Each function does a handful of indexed lookups; none builds the export document.
A missing id returns None (the route answers 404).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from typing import Any

from storyprism.report.view import past_tense
from storyprism.reuse.text import split_sentences
from storyprism.store import Store
from storyprism.store import views as v
from storyprism.web import render

PAGE_SIZE = 25


def stories_page(
    store: Store,
    sort: str,
    q: str,
    outlet: str,
    date_from: str,
    date_to: str,
    storyline: str,
    page: int,
) -> dict[str, Any]:
    page = max(1, page)
    total, rows = v.list_stories(
        store, sort, q, outlet, date_from, date_to, storyline, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
    )
    return {
        "total": total,
        "page": page,
        "pages": max(1, -(-total // PAGE_SIZE)),
        "page_size": PAGE_SIZE,
        "sort": sort if sort in v.SORTS else "size",
        "filters": {"q": q, "outlet": outlet, "from": date_from, "to": date_to, "storyline": storyline},
        "stories": rows,
        "articles": store.count("articles"),
        "analysed": v.has_views(store) and bool(store.get_meta("analysis")),
    }


def story_page(store: Store, story_id: str) -> dict[str, Any] | None:
    view = v.story_view(store, story_id)
    if view is None:
        return None
    nodes, edges = render.graph_parts(view["articles"], view["reuse"])
    view["graph"] = {"nodes": nodes, "edges": edges}
    return view


def _article_texts(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    cols = (
        "id",
        "title",
        "text",
        "raw_text",
        "removed",
        "outlet",
        "url",
        "published",
        "published_inferred",
        "author",
        "language",
        "ref",
        "duplicate_of",
        "source_format",
    )
    out = {}
    for aid in ids:
        row = store.db.execute(f"SELECT {', '.join(cols)} FROM articles WHERE id = ?", (aid,)).fetchone()
        if row is not None:
            d = dict(zip(cols, row, strict=True))
            d["removed"] = json.loads(d["removed"])
            d["published_inferred"] = bool(d["published_inferred"])
            d["outlet_name"] = v.outlet_label(d["outlet"], d["url"])
            out[aid] = d
    return out


def _meta(d: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "title", "outlet_name", "url", "published", "published_inferred", "author")
    return {k: d.get(k) for k in keys}


def copy_page(store: Store, source_id: str, copy_id: str) -> dict[str, Any] | None:
    reuse = v.derived_by_key(store, "reuse", f"{source_id}>{copy_id}")
    if reuse is None:
        return None
    texts = _article_texts(store, [source_id, copy_id])
    source, copy = texts.get(source_id), texts.get(copy_id)
    alignments = [al for al in reuse.get("alignments") or [] if isinstance(al, dict)]
    changes = []
    for al in alignments:
        for ch in al.get("changes") or []:
            rank, level = render.severity(str(ch.get("kind")))
            changes.append(
                {
                    "kind": ch.get("kind"),
                    "severity": level,
                    "rank": rank,
                    "source_text": ch.get("source_text"),
                    "copy_text": ch.get("copy_text"),
                    "source_sentence": al.get("source_sentence"),
                    "copy_sentence": al.get("copy_sentence"),
                    "row": al.get("copy_index", -1),
                }
            )
    changes.sort(key=lambda c: (c["rank"], c["row"]))
    story = v.story_of(store, [copy_id]).get(copy_id)
    return {
        "source": _meta(source)
        if source
        else {"id": source_id, "title": source_id, "outlet_name": source_id},
        "copy": _meta(copy) if copy else {"id": copy_id, "title": copy_id, "outlet_name": copy_id},
        "kind": reuse.get("kind"),
        "coverage": reuse.get("coverage"),
        "score": reuse.get("score"),
        "evidence": [_named(str(e), texts) for e in reuse.get("evidence") or []],
        "changes": changes,
        "rows": _aligned_rows(source, copy, alignments),
        "story": {"id": story, "title": v.story_titles(store, [story]).get(story, story)} if story else None,
    }


def _named(text: str, articles: dict[str, dict[str, Any]]) -> str:
    """Evidence strings name articles by id; pages name them by outlet."""
    for aid, a in articles.items():
        text = text.replace(aid, a["outlet_name"])
    return text


def _aligned_rows(
    source: dict[str, Any] | None, copy: dict[str, Any] | None, alignments: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Rows in copy order: aligned pairs with word diffs, sentences only in the copy (added), and
    source sentences the copy left out, placed where they stood in the source."""
    changed_kinds = {
        (al.get("source_sentence"), al.get("copy_sentence")): sorted(
            {str(c.get("kind")) for c in al.get("changes") or []}
        )
        for al in alignments
    }

    def pair(src: str, cp: str) -> dict[str, Any]:
        left, right = render.word_diff(src, cp)
        kinds = changed_kinds.get((src, cp), [])
        return {
            "type": "aligned",
            "source": left,
            "copy": right,
            "changes": kinds,
            "severity": min((render.severity(k) for k in kinds), default=(9, ""))[1],
        }

    src_sents = split_sentences(source["text"]) if source else []
    cp_sents = split_sentences(copy["text"]) if copy else []
    usable = all(
        0 <= int(al.get("source_index", -1)) < len(src_sents)
        and 0 <= int(al.get("copy_index", -1)) < len(cp_sents)
        and src_sents[int(al["source_index"])] == al.get("source_sentence")
        and cp_sents[int(al["copy_index"])] == al.get("copy_sentence")
        for al in alignments
    )
    if not usable:  # sentence indices from another splitter: show the aligned pairs alone
        return [pair(str(al.get("source_sentence")), str(al.get("copy_sentence"))) for al in alignments]
    by_copy = {int(al["copy_index"]): al for al in alignments}
    aligned_sources = {int(al["source_index"]) for al in alignments}
    rows: list[dict[str, Any]] = []
    next_source = 0
    for i, sentence in enumerate(cp_sents):
        al = by_copy.get(i)
        if al is None:
            rows.append(
                {"type": "added", "source": [], "copy": [{"text": sentence, "op": "ins"}], "changes": []}
            )
            continue
        si = int(al["source_index"])
        while next_source < si:
            if next_source not in aligned_sources:
                rows.append(
                    {
                        "type": "dropped",
                        "source": [{"text": src_sents[next_source], "op": "del"}],
                        "copy": [],
                        "changes": [],
                    }
                )
            next_source += 1
        next_source = max(next_source, si + 1)
        rows.append(pair(src_sents[si], sentence))
    for j in range(next_source, len(src_sents)):
        if j not in aligned_sources:
            rows.append(
                {
                    "type": "dropped",
                    "source": [{"text": src_sents[j], "op": "del"}],
                    "copy": [],
                    "changes": [],
                }
            )
    return rows


def article_page(store: Store, article_id: str) -> dict[str, Any] | None:
    found = _article_texts(store, [article_id]).get(article_id)
    if found is None:
        return None
    quotes = v.derived_for_article(store, "quote", article_id)
    mentions = v.derived_for_article(store, "mention", article_id)
    spans = [
        render.Span(
            int(q.get("start", -1)),
            int(q.get("end", -1)),
            "quote",
            f"/people/{q['speaker_id']}" if q.get("speaker_id") else None,
            # a stance on a topic names what was taken a stand on, not words said
            (f"stance of {q.get('speaker')} on this topic (no words reported)" if q.get("kind") == "topic"
             else f"said by {q.get('speaker')}" if q.get("speaker") else "quote"),
        )
        for q in quotes
    ] + [
        render.Span(
            int(m.get("start", -1)),
            int(m.get("end", -1)),
            "name",
            f"/people/{m['entity']}" if m.get("entity") else None,
            str(m.get("type") or ""),
        )
        for m in mentions
    ]
    paras = render.paragraphs(found["text"], spans)
    leading = render.place_removed(found["raw_text"], paras, found["text"], found["removed"])
    story_id = v.story_of(store, [article_id]).get(article_id)
    view = v.story_view(store, story_id) if story_id else None
    reuse = (view or {}).get("reuse") or []
    # The origin chain: follow "copied from" links upward (a copy of a copy of an original).
    chain: list[dict[str, Any]] = []
    current, seen = article_id, {article_id}
    sources_of: dict[str, dict[str, Any]] = {}
    for r in v.derived_for_article(store, "reuse", article_id) + reuse:
        sources_of.setdefault(str(r["copy"]), r)
    while current in sources_of and len(chain) < 10:
        r = sources_of[current]
        src = str(r["source"])
        if src in seen:
            break
        seen.add(src)
        chain.append({"id": src, "kind": r.get("kind"), "copy": current})
        current = src
        if current not in sources_of:
            sources_of.update({str(x["copy"]): x for x in v.derived_for_article(store, "reuse", current)})
    copies = [{"id": str(r["copy"]), "kind": r.get("kind")} for r in reuse if r.get("source") == article_id]
    metas = v.article_rows(store, [c["id"] for c in chain] + [c["id"] for c in copies])
    for item in chain + copies:
        m = metas.get(item["id"])
        item["outlet_name"] = m["outlet_name"] if m else item["id"].split(":", 1)[-1]
        item["title"] = m["title"] if m else ""
        item["known"] = m is not None
    return {
        "article": {k: found[k] for k in found if k not in ("raw_text",)},
        "paragraphs": [
            {
                "pieces": [
                    {
                        "text": p.text,
                        "quote": asdict(p.quote) if p.quote else None,
                        "name": asdict(p.name) if p.name else None,
                    }
                    for p in para.pieces
                ],
                "removed_after": para.removed_after,
            }
            for para in paras
        ],
        "removed_before": leading,
        # quotes of words and stances on a topic ("condemned: the suggestion") are listed apart
        "quotes": [
            {k: q.get(k) for k in ("text", "speaker", "speaker_id", "via", "direct", "cue")}
            for q in quotes
            if q.get("kind") != "topic"
        ],
        "stances": [
            {**{k: q.get(k) for k in ("text", "speaker", "speaker_id", "via", "cue")}, "verb": past_tense(str(q.get("cue") or ""))}
            for q in quotes
            if q.get("kind") == "topic"
        ],
        "origin_chain": chain,
        "copies": copies,
        "story": {"id": story_id, "title": view["story"]["title"]} if view else None,
        "storyline": (view or {}).get("story", {}).get("storyline"),
    }


def person_page(store: Store, entity_id: str) -> dict[str, Any] | None:
    entity = v.derived_by_key(store, "entity", entity_id)
    if entity is None:
        return None
    groups = v.person_quotes(store, entity_id)
    quoted = sorted({q["article"] for g in groups for q in g})
    mentioned = [a for a in entity.get("articles") or [] if a not in set(quoted)][:300]
    metas = v.article_rows(store, quoted + mentioned)
    stories = v.story_of(store, quoted + mentioned)
    titles = v.story_titles(store, sorted(set(stories.values())))
    outlets = Counter(metas[a]["outlet_name"] for a in quoted if a in metas)

    def art(aid: str) -> dict[str, Any]:
        m = metas.get(aid) or {"id": aid, "title": aid, "outlet_name": v.UNKNOWN_OUTLET}
        sid = stories.get(aid)
        return {**_meta(m), "story": sid, "story_title": titles.get(sid or "", "")}

    return {
        "entity": {k: entity.get(k) for k in ("id", "name", "type", "aliases")},
        "quotes": [
            {
                "text": g[0]["text"],
                "direct": g[0].get("direct"),
                "variants": sorted({q["text"] for q in g[1:]} - {g[0]["text"]}),
                "vias": sorted({q["via"] for q in g if q.get("via")}),
                "articles": [art(q["article"]) for q in g],
            }
            for g in groups
            if g[0].get("kind") != "topic"
        ],
        # stances on a topic ("condemned: the suggestion"): no words, so not among what the person said
        "stances": [
            {
                "text": g[0]["text"],
                "verb": past_tense(str(g[0].get("cue") or "")),
                "articles": [art(q["article"]) for q in g],
            }
            for g in groups
            if g[0].get("kind") == "topic"
        ],
        "outlets": outlets.most_common(),
        "stories": [{"id": s, "title": titles.get(s, s)} for s in sorted(set(stories.values()))],
        "mentioned_in": [art(a) for a in mentioned],
    }
