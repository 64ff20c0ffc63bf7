"""Late passes of the origin tracer (reuse/trace.py) that read the whole family of one text.

The tracer gives each article its best single parent; these passes look at the parents already
chosen and correct what one pair at a time cannot see:

* ``join_text_families``: an article left as its own origin that other articles copied or rewrote,
  while those copies already derive from an earlier origin, is one more carrier of that text;
* ``passage_credit``: credits that sit in one short passage, deep in a long article, credit that
  passage (a background anecdote, a side point), not the whole article;
* ``newsroom_pieces``: own pieces of one outlet on one story count once, but a piece that relays
  another outlet's story (``relays_another_outlet``) is no piece of the newsroom's own reporting.

They work on the tracer's state (``_Tracer``); kept apart so that the tracer stays readable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from storyprism.records import Article
from storyprism.reuse.credits import Credit, Signals, article_signals
from storyprism.reuse.direction import parse_time
from storyprism.reuse.text import split_sentences
from storyprism.text.outlets import outlet_keys

if TYPE_CHECKING:  # the tracer imports this module: no import cycle at run time
    from storyprism.reuse.trace import Trace, _Tracer

# relations that say one text: verbatim, lightly edited, or reworded sentence by sentence
_ONE_TEXT = frozenset({"identical", "copy", "edited", "rewrite"})
# a credit passage: the credits of one outlet all lie within this many sentences of each other ...
PASSAGE_SPAN = 8
# ... after the article's opening (a story's source is named in its first sentences) ...
PASSAGE_AFTER = 3
# ... in an article at least this many times longer than the passage
PASSAGE_SHARE = 4
NEWSROOM_DAYS = 3  # own pieces of one outlet this close in time on one story: one newsroom
RELAY_LEAD = 3  # a credit in an article's first sentences names where its story comes from


def _root(traces: Mapping[str, Trace], aid: str) -> str:
    """Where ``aid``'s chain of parents ends (an article id or a virtual origin)."""
    node, seen = aid, {aid}
    while node in traces and traces[node].parent != node:
        node = traces[node].parent
        if node in seen:
            break
        seen.add(node)
    return node


def _reaches(traces: Mapping[str, Trace], start: str, target: str) -> bool:
    """Whether ``start``'s chain of parents passes through ``target``."""
    node, seen = start, set()
    while node in traces and node not in seen:
        if node == target:
            return True
        seen.add(node)
        if traces[node].parent == node:
            return False
        node = traces[node].parent
    return node == target


def join_text_families(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """An article left as its own origin that is the *source* side of a one-text relation (copy,
    edited, rewrite) whose other side already derives from an earlier article of the corpus joins
    that family. Signal: one text has one origin. The pair-wise choice named this article the source
    because the other side is later than it; but that side took its text from an origin published
    before this article, so this article cannot be where the text started: it carries the same text
    (the same public post or release, rewritten by several desks). It must relate to a second member
    of that family too (a compilation pasting two stories would tie an own report to the other one).
    A newsroom that reported (credits its own outlet), a primary document and an agency's own site
    keep their origin."""
    best: dict[str, tuple[float, str, str, str]] = {}  # article -> (score, other side, kind, root)
    for r in tracer.reuses:
        x, y = r.source, r.copy
        if r.kind not in _ONE_TEXT or x == y or x not in traces or y not in traces:
            continue
        tx, ty = traces[x], traces[y]
        if tx.parent != x or tx.off_topic or ty.off_topic or ty.parent == y:
            continue
        if x in tracer.source_like or tracer.signals[x].own_reporting:
            continue
        root = _root(traces, y)
        if root == x or root not in tracer.articles or _reaches(traces, y, x):
            continue
        # the family's origin must be older than this article: else this article may be it
        if not tracer._not_later(root, x) or tracer._days_apart(root, x) == 0:
            continue
        if x not in best or r.score > best[x][0]:
            best[x] = (r.score, y, r.kind, root)
    for x, (_, y, kind, root) in sorted(best.items()):
        # tied to the family twice (any relation, shared lines included, to a second member): a
        # compilation that pasted an earlier story and this article's own report says nothing alone
        linked = {o for o in tracer.related.get(x, set()) if o != y and o in traces}
        if not any(_root(traces, o) == root for o in linked):
            continue
        if _reaches(traces, y, x):
            continue  # an earlier join made y derive from x
        t = traces[x]
        t.parent, t.kind = y, "edited" if kind != "rewrite" else "rewrite"
        t.evidence.append(
            f"one text with {tracer.articles[y].outlet or y} ({kind}), which derives from "
            f"{tracer.articles[root].outlet or root}, published before it: one text, one origin"
        )


def passage_credit(group: Sequence[Credit], n_sentences: int) -> bool:
    """The credits of one outlet all sit in one short passage after the opening of a much longer
    article: they credit that passage (a background anecdote, a side point), not the article.
    Signal: a rewrite names its source where the story starts, or throughout; an article that
    credits an outlet only for a few adjacent sentences deep in its body got the rest elsewhere."""
    if not group:
        return False
    first = min(c.position for c in group)
    last = max(c.position for c in group)
    span = last - first + 1
    return first >= PASSAGE_AFTER and span <= PASSAGE_SPAN and n_sentences >= PASSAGE_SHARE * span


def relays_another_outlet(sig: Signals) -> bool:
    """The article's opening credits another outlet and it reports nothing of its own (no credit to
    its own outlet): it relays that outlet's story. Signal: a desk that rewrites another outlet's
    report names it where the story starts ("Xinhua reported", "told The Paper"); its pieces are
    relays of different sources, not one newsroom's own reporting, even when the credits tie and the
    piece stays its own origin."""
    return not sig.own_reporting and any(c.position < RELAY_LEAD for c in sig.credits)


def _newsroom_key(keys: set[str]) -> str:
    """One key per outlet: the shortest of its keys ("cnn" for edition.cnn.com), ties by spelling so
    the choice does not depend on set order."""
    return min(keys, key=lambda k: (len(k), k)) if keys else ""


def _publication_order(article: Article) -> tuple:
    """Sort key: earliest published first, undated last, ties by id."""
    t = parse_time(article.published)
    return (t is None, t or 0, article.id)


def _relay(a: Article) -> bool:
    sentences = split_sentences(a.text or "")
    return relays_another_outlet(article_signals(a.text or "", a.url, a.outlet, sentences, a.raw_text, a.description))


def newsroom_pieces(
    story_members: Sequence[Sequence[str]],
    articles: Sequence[Article],
    kinds: Mapping[str, str],
    off: set[str] | None = None,
) -> dict[str, str]:
    """Article id -> the earlier piece of its own outlet it joins, once stories exist.

    Several own pieces of one outlet on one event (a news story, a profile, an interactive, a video)
    share its newsroom, its sources and its briefings: they are one independent origin, not several
    (the reading rule of the hand-read trust set, and what "independent sources" means to a reader).
    Before stories exist only near-identical pieces can be grouped (``_Tracer._newsrooms``, word
    overlap); a story says "same event" far better than word overlap, so here any two own pieces
    (``kinds``: "self") of one outlet in one story published within ``NEWSROOM_DAYS`` are one
    newsroom, attached to its earliest piece. Off-topic articles (``off``) join nothing, nor do
    pieces that relay another outlet's story (``relays_another_outlet``; read only for outlets with
    two or more pieces in a story, so the few candidates alone are parsed)."""
    by_id = {a.id: a for a in articles}
    off = off or set()
    out: dict[str, str] = {}
    for members in story_members:
        by_outlet: dict[str, list[str]] = {}
        for m in members:
            a = by_id.get(m)
            if a is None or m in off or kinds.get(m, "self") != "self":
                continue
            key = _newsroom_key(outlet_keys(a.outlet, a.url))
            if key:
                by_outlet.setdefault(key, []).append(m)
        for pieces in by_outlet.values():
            if len(pieces) < 2:
                continue
            pieces = [p for p in pieces if not _relay(by_id[p])]
            pieces.sort(key=lambda x: _publication_order(by_id[x]))
            first = pieces[0] if pieces else ""
            for p in pieces[1:]:
                ta, tp = parse_time(by_id[first].published), parse_time(by_id[p].published)
                if ta is not None and tp is not None and (tp - ta).total_seconds() > NEWSROOM_DAYS * 86400:
                    first = p  # days later: the newsroom's next round of reporting starts here
                    continue
                out[p] = first
    return out
