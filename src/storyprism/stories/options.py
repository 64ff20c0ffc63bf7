"""Options of the story (event) and storyline clustering stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def bounded(default: Any, lo: float | None, hi: float | None = None) -> Any:
    """A numeric option with its allowed range ``lo..hi`` (None: unbounded), checked by
    ``storyprism.options`` before anything runs."""
    return field(default=default, metadata={"range": (lo, hi)})


@dataclass(slots=True)
class StoryOptions:
    enabled: bool = True
    # Articles further apart than this (when dated) need stronger evidence to be one event:
    # the similarity bar rises by ``time_penalty`` per doubling of the gap beyond the window.
    window_days: int = 14
    time_penalty: float = 0.15
    # A developing story: when two groups of coverage are checked for one event (the consolidation
    # pass), the window widens to the earlier one's own running span, up to this many days. Coverage
    # that has already run for weeks (a breach, its fallout, its fixes) continues after a pause as
    # long as it has run; one day's news weeks later is still held to ``window_days`` (the same
    # actors meeting again), and so is a later group that breaks as a burst of its own (three
    # articles within three days: ``cluster.BURST_ARTICLES``) or is one article (it cannot show
    # which it is; so one-article-per-call updates stay as they were). Measured on giveme5w1h: 30-60 days
    # score alike (dated F1 0.943 -> 0.951, precision 0.990 kept; short dated 0.916 -> 0.924;
    # without the burst guard a rocket launch joined its payload's reveal). 0 turns it off.
    running_days: int = bounded(45, 0)
    use_embeddings: bool = True
    # An article joins the best candidate event when its blended similarity (``embedding_weight`` x
    # mean embedding cosine with the event's articles + the rest x mean tf-idf cosine with them,
    # i.e. average linkage) reaches this bar; otherwise it opens a new event. Precision first: a
    # false merge fakes corroboration. B-cubed F1 on giveme5w1h is flat (0.916-0.919) for 0.28-0.32.
    threshold: float = 0.32
    embedding_weight: float = 0.6
    # Identity: when the mean cosine of the identity keys (name words, numbers, calendar days) with
    # the event's articles is below ``identity_pivot``, the blended similarity drops by
    # ``identity_weight`` x the shortfall: the same topic with other participants, places, numbers
    # or days is another happening. Only a penalty: shared names alone never make one event (the
    # same leaders meeting again weeks later is a new event). 0 turns it off. Measured on
    # eval/stories_hard.py (develop on train): stronger weights or higher pivots split real events.
    identity_weight: float = 0.5
    identity_pivot: float = 0.1
    # Later coverage (an article, or a new event's articles) outside an event's span is relieved of
    # the time penalty in proportion to the share of it that names the day the event broke (its
    # first article's day, up to 3 days before) or a day the event's articles name, full relief at
    # this share: it dates what it reports to that happening ("the Oct. 1 shooting"). No relief when
    # it dates itself as much to its own first days: a new happening that recalls an old one.
    identity_follow: float = 0.3
    # Retold with other names: the closer an article's wording is to an event's, the more of their
    # identity keys should agree (same-event article pairs on giveme5w1h: at blended similarity 0.5
    # nine in ten share key cosine >= 0.2, at 0.7 >= 0.35). When the key cosine falls short of
    # ``blend - template_offset``, the similarity drops by ``template_weight`` x the shortfall:
    # near-identical wording with other people, places and numbers is another happening of one
    # template (two storms, two arrests, two quarterly results), not more coverage of this one.
    # Placement, and merges of events of two or more articles each (one article's keys are too
    # noisy a sample: digests, junk pages). Embeddings only (the blend is its scale). 0 turns it off.
    # Measured (eval/stories_hard.py): weight 4-7 with offset 0.43-0.45 leaves every whole-corpus
    # real variant as it was, but 5 and more split real events within a topic (short 0.936 -> 0.932);
    # offset 0.40 splits short and dated ones.
    template_weight: float = bounded(4.0, 0)
    template_offset: float = bounded(0.45, 0, 1)
    # The same rule between two groups of two or more articles each (the consolidation pass) starts
    # at this lower offset: a group's mean keys are a surer sample of who, where and when than one
    # article's. Measured (eval/stories_hard.py): real merges of such groups have blend - key cosine
    # up to 0.20, synthetic twin merges 0.12-0.55; 0.35 leaves every real variant as it was (within
    # topic too; 0.30 the whole-corpus ones), 0.25 starts to split real short dated events.
    group_template_offset: float = bounded(0.35, 0, 1)
    # Two happenings in one event (``split.py``): after placement and consolidation, an event this
    # run opened is split in two when its articles fall into two groups whose identity keys agree
    # across at most this share of what they agree within (and little in absolute terms, each with
    # names of its own, dated groups neither over the same days nor further apart than the window).
    # Placement takes one article at a time, so once one article of another happening of the same
    # kind has joined, the rest follow it; this looks at the event as a whole. The split-off half
    # takes the other's storyline (one topic). Measured (eval/stories_hard.py): 0.45 splits no real
    # event (the nearest real events' groups agree across 0.53 of within, or fail another test) and
    # lifts fresh twins 0.714 -> 0.839, donor twins 0.667 -> 0.749, short fresh twins 0.757 -> 0.796.
    # 0 turns it off, and with it the second look at placement (``refine.py``), which reads the same
    # held vectors.
    split_ratio: float = bounded(0.45, 0, 1)
    # Retold with other names, pairwise (``copies.py``): an article whose wording without names,
    # numbers and days has at least this cosine with a member this run placed, while their identity
    # keys barely agree (``copies.COPY_KEYS``), never joins that member's event, and two new events
    # holding such a pair are never merged: one template told of two happenings (the mean vectors of
    # an event that holds some of both agree with either side). 0 turns it off. Measured
    # (eval/stories_hard.py): real same-event pairs this close in wording share their keys (0.5+).
    copy_wording: float = bounded(0.8, 0, 1)
    # The texts date the article (or a new event) to other calendar days than the day an event's
    # articles name (two or more of them, and at least half): the similarity drops by this much.
    # Dates in the text count when there is no publication date (two storms, Sept. 10 vs Oct. 10).
    day_conflict: float = 0.1
    # The bar on tf-idf cosine alone, used when embeddings are off or unavailable.
    term_threshold: float = 0.14
    # Events join a storyline (same actors and issue over time) at this lower blended similarity.
    storyline_threshold: float = 0.25
    storyline_window_days: int = 365
    # Per-event state kept between runs: this many centroid terms.
    state_terms: int = 96
