"""The stage's entry points: ``update_stories`` and ``apply_edit``."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from storyprism.records import Article, Story, StoryEdit, Storyline, StoryState

from .cluster import Clusterer, prepare, publication_order
from .copies import kin_events
from .edits import EditError, apply_merge, apply_split, check_edit
from .features import ArticleFeatures, parse_day
from .options import StoryOptions
from .refine import reassign
from .split import Held, split_events
from .state import Event
from .storylines import assign_storylines

KEYWORDS = 10


def update_stories(
    new_articles: Sequence[Article],
    previous: StoryState,
    edits: Sequence[StoryEdit],
    options: StoryOptions,
    origins: Mapping[str, str] | None = None,
) -> StoryState:
    """Place new articles into the events of ``previous`` or open new ones; replay ``edits``.

    Existing story and storyline ids stay; ``previous`` is not modified. Articles already placed
    are left where they are; an exact duplicate (``duplicate_of``) joins its original's event.
    """
    seen: set[str] = set()
    fresh: list[Article] = []
    placed = {a for s in previous.stories for a in s.articles}
    for article in new_articles:
        if not isinstance(article, Article) or not article.id or article.id in seen:
            continue  # not an article, or given twice in one batch: place it once
        seen.add(article.id)
        if article.id not in placed:
            fresh.append(article)
    return update_with_features(prepare(fresh, options), new_articles, previous, edits, options, origins)


def update_with_features(
    feats: Sequence[ArticleFeatures],
    articles: Sequence[Article],
    previous: StoryState,
    edits: Sequence[StoryEdit],
    options: StoryOptions,
    origins: Mapping[str, str] | None = None,
) -> StoryState:
    """``update_stories`` on precomputed features (the eval script reuses embeddings this way)."""
    duplicate_of = {a.id: a.duplicate_of for a in articles if isinstance(a, Article) and a.duplicate_of}
    events = {s.id: Event.from_story(s) for s in previous.stories}
    clusterer = Clusterer(events, options)
    todo = [f for f in feats if f.id not in clusterer.article_event]
    clusterer.count(todo)
    # Exact duplicates go last so that their original is placed before them.
    ordered = publication_order([f for f in todo if f.id not in duplicate_of])
    ordered += publication_order([f for f in todo if f.id in duplicate_of])
    keep = {a for edit in edits if getattr(edit, "kind", None) == "split" for a in (edit.articles or [])}
    # Articles placed into events this run opened are held, packed, for the split pass (it looks at
    # their identity keys and rebuilds the events it splits from their vectors).
    held: dict[str, Held] = {}
    for feat in ordered:
        original = duplicate_of.get(feat.id)
        into = clusterer.article_event.get(original) if original else None
        placed = clusterer.place(feat, origins.get(feat.id) if origins else None, into)
        if options.split_ratio > 0 and placed not in events:
            held[feat.id] = Held.of(feat)
        if feat.id not in keep:  # placed: its vectors live on in the event's sums; free them
            feat.tf, feat.vector, feat.embedding, feat.key_tf, feat.keys = {}, {}, None, {}, {}
    fresh = {eid for eid in clusterer.events if eid not in events}
    clusterer.consolidate(set(fresh))
    if held:  # a second look at each article of this run's events, now that they have taken shape
        reassign(clusterer, {eid for eid in fresh if eid in clusterer.events}, held)
    split_events(clusterer, {eid for eid in fresh if eid in clusterer.events}, held)
    for article, entry in held.items():
        if article not in keep:  # the split pass set the vectors of the articles it moved again
            entry.feat.vector, entry.feat.embedding, entry.feat.keys = {}, None, {}
    del held
    events = clusterer.events
    # Events whose articles retell another's with other names are the same kind of news (storylines).
    for eid, other in kin_events(clusterer.copies, clusterer.article_event).items():
        if eid in events and other in events and events[eid].kin is None:
            events[eid].kin = other
    by_id = {f.id: f for f in feats}
    for edit in edits:
        try:
            _replay(events, edit, by_id)
        except (EditError, AttributeError, TypeError):
            continue  # a malformed edit is skipped; apply_edit reports it to whoever makes one
    previous_lines = {line.id: line for line in previous.storylines}
    lines = assign_storylines(events, previous_lines, options)
    return _finish(events, lines, previous, options, origins)


def apply_edit(state: StoryState, edit: StoryEdit, options: StoryOptions | None = None) -> StoryState:
    """Apply one manual edit now (the lead also keeps it to replay on later runs).

    Raises ``EditError`` with the fix when the edit is malformed.
    """
    options = options or StoryOptions()
    check_edit(edit)
    events = {s.id: Event.from_story(s) for s in state.stories}
    _replay(events, edit, {})
    lines = assign_storylines(events, {line.id: line for line in state.storylines}, options)
    return _finish(events, lines, state, options, None)


def _replay(events: dict[str, Event], edit: StoryEdit, feats: Mapping[str, ArticleFeatures]) -> None:
    check_edit(edit)
    if edit.kind == "merge":
        apply_merge(events, edit)
    else:
        apply_split(events, edit, feats)


def _finish(
    events: dict[str, Event],
    lines: dict[str, Storyline],
    previous: StoryState,
    options: StoryOptions,
    origins: Mapping[str, str] | None,
) -> StoryState:
    """Records out: summaries recomputed from each event's state, order kept stable."""
    order = {s.id: i for i, s in enumerate(previous.stories)}
    stories: list[Story] = []
    for ev in sorted(events.values(), key=lambda e: (order.get(e.id, len(order)), e.id)):
        if not ev.members:
            continue
        if ev.source is not None and not _changed(ev, origins):
            stories.append(ev.source)
        else:
            stories.append(_story(ev, options, origins))
    titles = {s.id: s for s in stories}
    line_order = {line.id: i for i, line in enumerate(previous.storylines)}
    out_lines: list[Storyline] = []
    for line in sorted(lines.values(), key=lambda ln: (line_order.get(ln.id, len(line_order)), ln.id)):
        # events in the order they happened (then by id): the same on every run, whatever order the
        # events were placed in
        members = sorted(
            (sid for sid in line.stories if sid in titles), key=lambda sid: (titles[sid].first_seen or "", sid)
        )
        if not members:
            continue
        biggest = max(members, key=lambda sid: (len(titles[sid].articles), sid))
        days = sorted(d for sid in members for d in (titles[sid].first_seen, titles[sid].last_seen) if d)
        state = {"v": 1, "first": days[0] if days else None, "last": days[-1] if days else None}
        out_lines.append(Storyline(id=line.id, title=titles[biggest].title, stories=members, state=state))
    return StoryState(stories=stories, storylines=out_lines)


def _changed(ev: Event, origins: Mapping[str, str] | None) -> bool:
    """Whether an event's Story must be rebuilt; untouched ones are passed through as they were,
    which keeps a run's cost proportional to what it adds, not to the whole store."""
    if ev.dirty or ev.source is None or ev.source.storyline != ev.storyline:
        return True
    if origins:
        return any(a in origins and ev.members[a].get("g") != origins[a] for a in ev.members)
    return False


def _story(ev: Event, options: StoryOptions, origins: Mapping[str, str] | None) -> Story:
    members = ev.members
    articles = list(members)
    # Medoid: the member whose signature is closest to the centroid names the event.
    medoid = max(articles, key=lambda a: (_signature_score(ev, members[a].get("t", {})), a))
    days = sorted(d for d in (parse_day(m.get("d")) for m in members.values()) if d is not None)
    outlets = sorted({str(m["o"]) for m in members.values() if m.get("o")})
    independent: int | None = None
    if origins is not None:
        for a in articles:
            if a in origins:
                members[a]["g"] = origins[a]
        independent = len({str(members[a].get("g") or a) for a in articles})
    return Story(
        id=ev.id,
        title=str(members[medoid].get("h") or ""),
        articles=articles,
        storyline=ev.storyline,
        first_seen=days[0].isoformat() if days else None,
        last_seen=days[-1].isoformat() if days else None,
        outlets=outlets,
        keywords=keywords(ev),
        independent_sources=independent,
        state=ev.to_state(options.state_terms),
    )


def _signature_score(ev: Event, sig: Mapping[str, float]) -> float:
    if not sig:
        return -1.0
    norm = math.sqrt(sum(float(w) ** 2 for w in sig.values())) or 1.0
    return sum(float(w) * ev.weight(t) for t, w in sig.items()) / norm


def keywords(ev: Event, k: int = KEYWORDS) -> list[str]:
    """Names and terms the members share: why these articles are together."""
    n = len(ev.members)
    need = 2 if n >= 2 else 1  # in a multi-article event only what at least two articles share
    out: list[str] = []
    covered: set[str] = set()
    for name, count in ev.names.most_common():
        if count < need or len(out) >= k // 2:
            break
        low = name.lower()
        if low in covered:
            continue
        out.append(name)
        covered.update(low.split())
    cased = {name.lower(): name for name, _ in reversed(ev.names.most_common())}  # commonest wins
    ranked = sorted(ev.terms.items(), key=lambda kv: -(kv[1][1] * min(kv[1][0], n) / max(n, 1)))
    for term, (count_f, _) in ranked:
        count = int(count_f)
        if len(out) >= k:
            break
        if count >= need and term not in covered:
            out.append(cased.get(term, term))  # 'putin' shown as the name 'Putin'
            covered.add(term)
    return out


def count_members(state: StoryState) -> Counter[str]:
    """How many stories each article is in (every article must be in exactly one)."""
    return Counter(a for s in state.stories for a in s.articles)
