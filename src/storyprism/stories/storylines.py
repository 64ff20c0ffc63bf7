"""Storylines: events that continue one another (same actors, same issue, over weeks or months).

An event without a storyline joins the storyline of its most similar earlier event that follows
the same actors (``same_actors``) when the similarity of their centroids reaches
``storyline_threshold`` (lower than the event bar, and with a wide time window), or, without an
actor in common, reaches ``TOPIC_LINK`` (as alike as one event's articles; not for a template's
retellings); otherwise it founds a singleton storyline. Existing assignments are never revisited,
so storyline ids are stable. An event this run split off from another (two happenings of one kind,
``split.py``) takes the storyline its other half gets, and so does an event whose articles retell another event's in
near-identical words with other names (``copies.py``, ``Event.kin``; asked first: the copy is
direct evidence of one kind of news, a split half of a mixed event is not).
"""

from __future__ import annotations

import heapq
from datetime import date

from storyprism.records import Storyline

from .cluster import Index, event_similarity, gap_days
from .features import DAY_KEY
from .options import StoryOptions
from .state import Event, new_storyline_id

# Events linked by a retelling (``Event.kin``) join at this share of ``storyline_threshold``: the
# mean similarity of two events that each mix several outlets' wording is low even when one article
# of each is the other's copy with other names. Measured (eval/stories_hard.py, fresh twins): every
# such link joined two events of one topic, their similarity 0.14-0.45; at the full bar a third
# of them were lost (storylines vs pairs 0.928 -> 0.887).
KIN_SHARE = 0.5
# ... and when they share a word of a name among this many of their strongest identity keys (all an
# event keeps): a storyline follows the same actors, and a retelling names other ones by definition,
# so the one it shares is often not among either's leading names (``shared_actors``). Measured:
# within the leading 8 / 16 / 32 / all name words, storylines vs pairs on fresh twins 0.895 / 0.918
# / 0.924 / 0.925, donor twins 0.814 / 0.823 / 0.847 / 0.851; two arrests told by one template that
# share no name stay two storylines.
KIN_ACTORS = 48
# Any two events: the same actors when a leading name of one is a leading name of the other, or when
# a word of a name is among the strongest 16 identity keys of both. Exact leading names miss the
# same actor written another way ("Equifax Inc." / "Equifax", "Kim Jong-un" / "Kim") and, in short
# texts, an actor named once among a few names: a three-sentence report of the second of two storms
# on one coast may name the coast only once, below its other places. The identity keys are weighted by
# rarity (tf-idf), so a word among the strongest 16 of both is a distinctive name, not "President".
# Measured (eval/stories_hard.py, storylines vs pairs; refine.py's sibling rule included): short fresh
# twins 0.786 -> 0.821, short donor twins 0.740 -> 0.753, full-text twins as they were (0.925 /
# 0.851 -> 0.852); storylines vs events on the real variants dated 0.928 -> 0.926, undated 0.928 ->
# 0.924, short 0.926 -> 0.922, short dated 0.913 -> 0.919 (more links between events of one topic,
# and two across the labelled topics on a distinctive name they share: a crypto company, "Korea" with
# "Olympic"). 8 / 12 words: short fresh twins 0.801 / 0.816; 24 and more link across topics on
# common name words (real storylines vs events 0.918 and below). Events are not touched.
ACTOR_WORDS = 16
# ... or, without an actor in common, when the two events' centroids are as alike as the event bar
# itself (blended similarity, embeddings only; ``StoryOptions.threshold`` is 0.32) in words each
# wrote on its own: on wording alone they would be one event, and only their names, numbers or days
# kept them apart, so they report the same issue. Short texts often leave the shared actor out (a
# three-sentence report of the second storm names the towns it hit, not the coast), and a lone
# article's few names rarely meet an event's leading ones. Not when one retells the other with other
# names (``Event.kin``, ``copies.py``): a template's words are alike for any two happenings it is used
# for (two arrests by two police forces), so their likeness says nothing of one issue; those link only
# with a name in common (``KIN_ACTORS``). Measured (eval/stories_hard.py, storylines vs pairs): short
# fresh twins 0.821 -> 0.833, short donor twins 0.753 -> 0.760, full-text twins as they were; storylines vs events on every real variant as they were. 0.29-0.32 link more
# twins but start to join real events of other happenings (short 0.922 -> 0.919); 0.38 gains less.
TOPIC_LINK = 0.34
# Candidates (ranked by the strongest terms they share) asked for ``TOPIC_LINK``: events that alike
# share the most terms, and the similarity of the rest is not computed (the actor test is cheaper).
TOPIC_CANDIDATES = 8


def name_words(ev: Event, top: int) -> frozenset[str]:
    """The words of names among an event's ``top`` strongest identity keys (numbers and days left
    out; ties by key, so every process ranks alike)."""
    ranked = heapq.nsmallest(top, ev.keys.items(), key=lambda kv: (-kv[1][1], kv[0])) if top > 0 else []
    return frozenset(k for k, _ in ranked if not k[0].isdigit() and not k.startswith(DAY_KEY))


def shared_name_words(a: Event, b: Event, top: int) -> bool:
    """Whether two events share a word of a name among their ``top`` strongest identity keys (numbers
    and days left out): the same person, place or organisation, however the rest of the name is
    written ("Equifax" in "Equifax Inc." and in "Equifax's breach")."""
    return bool(name_words(a, top) & name_words(b, top))


def shared_actors(a: Event, b: Event, top: int = 8) -> bool:
    """Whether two events share a leading name (person, place, organisation)."""
    names_a = {n.lower() for n, _ in a.names.most_common(top)}
    return any(n.lower() in names_a for n, _ in b.names.most_common(top))


def same_actors(a: Event, b: Event, words: dict[str, frozenset[str]] | None = None) -> bool:
    """Whether two events follow the same actors: a leading name in common (``shared_actors``), or a
    word of a name among the ``ACTOR_WORDS`` strongest identity keys of both (``name_words``).
    ``words`` caches each event's name words by id while the events do not change (one storyline
    pass asks about each event many times)."""
    if shared_actors(a, b):
        return True
    if words is None:
        return shared_name_words(a, b, ACTOR_WORDS)
    for ev in (a, b):
        if ev.id not in words:
            words[ev.id] = name_words(ev, ACTOR_WORDS)
    return bool(words[a.id] & words[b.id])


def assign_storylines(
    events: dict[str, Event], previous: dict[str, Storyline], options: StoryOptions
) -> dict[str, Storyline]:
    """Give every event a storyline; returns the storylines by id (titles filled later)."""
    lines: dict[str, Storyline] = {}
    for ev in events.values():
        if ev.storyline is not None and ev.storyline in previous:
            line = lines.get(ev.storyline)
            if line is None:
                old = previous[ev.storyline]
                line = Storyline(id=old.id, title=old.title, stories=[], state=dict(old.state))
                lines[line.id] = line
            line.stories.append(ev.id)
        else:
            ev.storyline = None
    taken = set(lines) | set(previous)
    index = Index()
    for ev in events.values():
        if ev.storyline is not None:
            index.add(ev)
    spans = {eid: ev.span() for eid, ev in events.items()}
    bar_scale = options.term_threshold / options.threshold if options.threshold else 1.0
    # Oldest events first, so a storyline grows forward in time as it did in the world.
    def start(ev: Event) -> tuple[bool, date, str]:
        span = spans[ev.id]
        return (span is None, span[0] if span else date.min, ev.id)

    words: dict[str, frozenset[str]] = {}  # name words per event (``same_actors``): none changes here
    pending: list[Event] = []
    queued: set[str] = set()
    for ev in sorted((ev for ev in events.values() if ev.storyline is None), key=start):
        half = events.get(ev.kin or ev.sibling or "")
        for item in (half, ev):  # the half that kept a split event's id chooses first
            if item is not None and item.storyline is None and item.id not in queued:
                queued.add(item.id)
                pending.append(item)
    for ev in pending:
        span = spans[ev.id]
        best: Event | None = None
        best_margin = 0.0
        kin = events.get(ev.kin) if ev.kin else None
        kin_score, kin_emb = event_similarity(ev, kin, options, identity=False) if kin else (0.0, True)
        if kin is not None and kin.storyline is not None and shared_name_words(ev, kin, KIN_ACTORS) and (
            kin_score >= KIN_SHARE * options.storyline_threshold * (1.0 if kin_emb else bar_scale)
        ):
            # Its articles retell that event's with other names (``copies.py``): the same kind of news
            # told by one template, and with an actor in common one storyline. The pairwise copy is
            # the evidence; the whole events' similarity only needs to be a part of the bar.
            ev.dirty = True
            ev.storyline = kin.storyline
            lines[kin.storyline].stories.append(ev.id)
            index.add(ev)
            continue
        sibling = events.get(ev.sibling) if ev.sibling else None
        if sibling is not None and sibling.storyline is not None:
            # Split off from an event in this run (``split.py``): the same kind of news, one topic.
            ev.dirty = True
            ev.storyline = sibling.storyline
            lines[sibling.storyline].stories.append(ev.id)
            index.add(ev)
            continue
        query = {t: w for t, (_, w) in ev.terms.items()}
        for rank, cid in enumerate(index.candidates(query)):
            other = events[cid]
            if cid == ev.id or other.storyline is None:
                continue
            if span is not None and gap_days(span[0], spans[cid]) > options.storyline_window_days:
                continue
            # A storyline follows the same actors, not just the same kind of news; or one issue told
            # in words each wrote on its own, as alike as one event's (``TOPIC_LINK``), asked only of
            # the candidates sharing the most of its strongest terms (``TOPIC_CANDIDATES``).
            actors = same_actors(ev, other, words)
            if not actors and (rank >= TOPIC_CANDIDATES or ev.kin == other.id or other.kin == ev.id):
                continue
            score, with_emb = event_similarity(ev, other, options, identity=False)
            if not actors and not (with_emb and score >= TOPIC_LINK):
                continue
            bar = options.storyline_threshold * (1.0 if with_emb else bar_scale)
            if score - bar >= 0.0 and (best is None or score - bar > best_margin):
                best, best_margin = other, score - bar
        ev.dirty = True  # its storyline is (re)assigned
        if best is not None and best.storyline is not None:
            ev.storyline = best.storyline
            lines[best.storyline].stories.append(ev.id)
        else:
            lid = new_storyline_id(ev.id, taken)
            taken.add(lid)
            ev.storyline = lid
            lines[lid] = Storyline(id=lid, title="", stories=[ev.id], state={})
        index.add(ev)
    return lines
