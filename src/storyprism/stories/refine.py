"""Second look at placement: move an article to the event it now fits better than its own.

Placement is greedy, one article at a time, against events as they were when the article came.
When two happenings of one kind arrive interleaved (two storms, two arrests, a result and another
company's), the first article of the second happening finds only the first happening's event: its
wording passes the bar, and its names are too few a sample to hold it back. Later articles of the
second happening then open an event of their own, or join the first one the same way. Once every
article is placed, each event's mean vectors say who, where and when it is about; an article whose
own event (without it) now scores below another event under the same rules (blended similarity,
identity keys, near-retellings with other names, days the texts name) moves there.

Only articles placed into events this run opened are looked at (the split pass holds their
vectors), and only those whose identity keys agree little with the rest of their event
(``SETTLED_KEYS``): an article that shares its event's names, numbers and days is where it
belongs, and skipping it keeps the pass cheap. An event an article moves to that this run opened
and that has no storyline yet takes the storyline of the event the article left when the two share
an actor (``storylines.same_actors``): the article passed that event's bar, so the two report the
same kind of news, and with the same actors that makes one storyline (as the halves of a split do).
"""

from __future__ import annotations

from collections.abc import Mapping

from .cluster import Clusterer
from .features import DAY_KEY
from .split import Held
from .state import INDEX_TERMS, Event
from .storylines import same_actors

# An article whose mean identity-key cosine with the other members of its event reaches this is
# left where it is. Measured (eval/stories_hard.py): 0.15-0.3 score alike on every variant; looking
# at every article gains no more and costs a second placement of the whole run.
SETTLED_KEYS = 0.25
# An article moves only when it clears the other event's bar by this much more than its own's (a
# tie is no reason to undo placement).
MOVE_GAIN = 0.02
# Only into an event of at least this many articles: against one article the similarity is a
# pairwise one, always higher than an average over a group, so a lone article looks like the
# better fit (measured: moves into one-article events cost real undated events 0.951 -> 0.947).
MOVE_TO = 2
# Events scored in full per article (placement scores ``cluster.MAX_CANDIDATES``): the happening it
# belongs to shares the most of its strongest terms. Measured: 16 moves the same articles as 64 on
# eval/stories_hard.py at a third of the pass's cost on benchmarks/stories_speed.py.
LOOK_CANDIDATES = 16


def reassign(clusterer: Clusterer, fresh: set[str], held: Mapping[str, Held]) -> int:
    """Move articles of the events in ``fresh`` to the event they fit best now; returns how many
    moved. Events keep their ids, and none is left empty (an event of one article is not looked at)."""
    moved = 0
    for article, entry in held.items():  # in the order they were placed
        eid = clusterer.article_event.get(article)
        ev = clusterer.events.get(eid) if eid is not None else None
        if ev is None or eid not in fresh or ev.n < 2:
            continue  # alone, an article is its event: consolidation already weighed it
        keys = entry.keys()
        own = ev.key_cosine(keys)
        if own is not None:
            # Leave-one-out: the mean over the other members (its own unit vector adds 1 to the sum).
            own = (ev.n * own - sum(w * w for w in keys.values())) / (ev.n - 1)
            if own >= SETTLED_KEYS:
                continue
        kept = bool(entry.feat.vector)  # an article a manual split names keeps its vectors for the replay
        moved += _second_look(clusterer, fresh, entry, ev)
        if not kept:  # free the unpacked vectors again (``held`` keeps them packed): a big batch is held whole
            entry.feat.vector, entry.feat.keys, entry.feat.embedding = {}, {}, None
    return moved


def _second_look(clusterer: Clusterer, fresh: set[str], entry: Held, ev: Event) -> int:
    """Move one article out of ``ev`` when another event now fits it better; 1 when it moved."""
    feat = entry.restored()
    order = list(ev.members)
    member = ev.remove(feat.id, feat)
    # ``remove`` takes back only the names its member record keeps; ``add`` counted them all.
    kept_names = set(member.get("x", [])) if member else set()
    for name in dict.fromkeys(feat.names):
        if name not in kept_names and ev.names.get(name, 0) > 0:
            ev.names[name] -= 1
            if ev.names[name] <= 0:
                del ev.names[name]
    origin = member.get("g") if member else None
    origin_id = str(origin) if origin is not None else None
    target, margin = clusterer.best_margin(feat, LOOK_CANDIDATES)
    if target is not None and target.id != ev.id and target.n < MOVE_TO:
        target = None
    if target is not None and target.id != ev.id:
        stay = clusterer.margin(feat, ev, [k for k in feat.keys if k.startswith(DAY_KEY)])
        if stay is not None and margin < stay + MOVE_GAIN:
            target = None  # no better there: placement's choice stands
    if target is None or target.id == ev.id:
        ev.add(feat, origin_id)
        ev.members = {a: ev.members[a] for a in order}  # the founder stays first (split.py)
        return 0
    target.add(feat, origin_id)
    clusterer.article_event[feat.id] = target.id
    clusterer.index.add(target, [t for t, _ in sorted(feat.vector.items(), key=lambda kv: -kv[1])[:INDEX_TERMS]])
    clusterer.spans[target.id] = target.span()
    clusterer.spans[ev.id] = ev.span()
    if target.id in fresh and target.storyline is None and target.sibling is None and same_actors(target, ev):
        target.sibling = ev.id  # one kind of news, and the same actors: a storyline (storylines.py)
    return 1
