"""Late passes of the origin tracer (reuse/trace.py) that read the whole family of one text.

The tracer gives each article its best single parent; these passes look at the parents already
chosen and correct what one pair at a time cannot see:

* ``join_text_families``: an article left as its own origin that other articles copied or rewrote,
  while those copies already derive from an earlier origin, is one more carrier of that text;
* ``passage_credit``: credits that sit in one short passage, deep in a long article, credit that
  passage (a background anecdote, a side point), not the whole article;
* ``newsroom_pieces``: own pieces of one outlet on one story count once, but a piece that relays
  another outlet's story (``relays_another_outlet``), or agency text another desk carries too
  (``carried_elsewhere``), is no piece of the newsroom's own reporting;
* ``story_source_rewrites``: an uncredited piece with no quote and no reporting of its own, in a
  story whose other reports credit one source, rests on that source too;
* ``pasted_sentences`` (``pasted_alignments``, the sentences themselves): the narrative sentences two
  articles print word for word; a line of a social post (``public_post``) counts only when the
  earlier article did no reporting of its own.

They work on the tracer's state (``_Tracer``); kept apart so that the tracer stays readable.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from storyprism.records import Alignment, Article, Reuse
from storyprism.reuse.credits import STORY_CUES, Credit, Signals, article_signals
from storyprism.reuse.direction import parse_time
from storyprism.reuse.text import split_sentences
from storyprism.reuse.topic import OFF_EVENT_DAYS
from storyprism.text.outlets import outlet_keys
from storyprism.text.overlap import PASTED_MIN_WORDS, SAME_SENTENCE, quotations, word_containment

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
NEWSROOM_DAYS = 3  # own pieces of one outlet this close in time on one event (word overlap, no story yet)
# once stories exist, own pieces of one outlet anywhere in one story are one newsroom: the story's own
# window (a member further from it reports another event, topic.OFF_EVENT_DAYS) bounds it. Reading
# rule of the hand-read trust set (README, event 64; a follow-up a month later is grouped too): a
# newsroom's follow-ups rest on the same sources, contacts and archive as its first piece
STORY_NEWSROOM_DAYS = OFF_EVENT_DAYS
RELAY_LEAD = 3  # a credit in an article's first sentences names where its story comes from
STORY_SOURCE_CREDITS = 2  # other reports of a story resting on one credited source make it the story's
# reports of one event compared by story_source_rewrites: a retelling follows its source within days
# (and the bound keeps the pass linear in the corpus: only articles this close in time are compared)
STORY_SOURCE_DAYS = 10
POST_MARK = r"(?<![\w.])[@#][A-Za-z_]\w+|pic\.twitter"  # a social post's handle, hashtag or image link
# a social post named where a passage is quoted: the passage is the post's public text
_SOCIAL = re.compile(POST_MARK + r"|\b(?:tweet(?:s|ed)?|twitter|instagram|snapchat|"
                     r"facebook post|posted on)\b", re.IGNORECASE)
# a quotation of three words or more, someone's words rather than a scare-quoted term ("creepy"):
# in double marks, in curly single marks, or a paragraph opening with a straight single mark
_SPOKEN = re.compile(
    r"[\"\u201c][^\"\u201c\u201d]*\w\s+\S+\s+\w[^\"\u201c\u201d]*[\"\u201d]"
    r"|\u2018[^\u2018\u2019]*\w\s+\S+\s+\w[^\u2018\u2019]*\u2019(?!\w)"
    r"|(?:^|\n)'\w[^\n]*?[,.!?]'"
)


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
    piece stays its own origin. So is a piece whose byline credits unnamed agencies ("By Agencies"):
    agency copy, whichever agency wrote it, is not the carrying newsroom's reporting."""
    if sig.own_reporting:
        return False
    return sig.unnamed_agency is not None or any(c.position < RELAY_LEAD for c in sig.credits)


_STORY_OR_INTERVIEW = STORY_CUES | {"told", "citing"}


def lede_credit(groups: Sequence[Sequence[Credit]], sig: Signals) -> Credit | None:
    """The credit that names an article's source in its opening, or None: the opening (its first
    ``RELAY_LEAD`` sentences) credits one outlet and no other, no outlet is credited more often
    than that one, and the article reports nothing of its own (no credit to its own outlet).
    Signal: a desk that rewrites another outlet's story names it where the story starts ("gave an
    interview to The New York Times", "state media Xinhua reported"); a newsroom that reported
    opens with what it found and attributes other outlets' facts further down. One later credit of
    another outlet attributes a quote and does not outweigh the opening's; two outlets credited
    equally often, twice or more, are conflicting credits (left to the tracer to record). A name in
    apposition with a media noun ("the newspaper X said") attributes a fact and is never a
    story-level cue (credits._appositive_credits), so it is left out here too."""
    if sig.own_reporting or not groups:
        return None
    # only a credit of a story or an interview ("X reported", "told X", "citing X"): "according to X"
    # after one quote attributes that quote, and a report that quotes another outlet's interview in
    # its third sentence is still its own story
    opening = [c for c in sig.credits if c.position < RELAY_LEAD and c.cue in _STORY_OR_INTERVIEW]
    if not opening:
        return None
    named = [g for g in groups if any(c in g for c in opening)]
    if len(named) != 1 or len(named[0]) < len(groups[0]):
        return None
    if len(groups) > 1 and len(groups[1]) == len(groups[0]) >= 2:
        # two outlets each credited again and again: conflicting credits, recorded by the tracer and
        # not settled by where the first one stands (a single later credit only attributes a quote)
        return None
    return min(opening, key=lambda c: c.position)


def _newsroom_key(keys: set[str]) -> str:
    """One key per outlet: the shortest of its keys ("cnn" for edition.cnn.com), ties by spelling so
    the choice does not depend on set order."""
    return min(keys, key=lambda k: (len(k), k)) if keys else ""


def _publication_order(article: Article) -> tuple:
    """Sort key: earliest published first, undated last, ties by id."""
    t = parse_time(article.published)
    return (t is None, t or 0, article.id)


def _signals(a: Article) -> Signals:
    return article_signals(a.text or "", a.url, a.outlet, split_sentences(a.text or ""), a.raw_text, a.description)


def _own_piece(a: Article, story: Sequence[Article]) -> bool:
    """Whether ``a`` is a piece of its newsroom's own coverage: it relays no other outlet's story
    (``relays_another_outlet``), and it reports (credits its own outlet) or prints no text another
    desk of the story carries too (``carried_elsewhere``: agency copy)."""
    sig = _signals(a)
    if relays_another_outlet(sig):
        return False
    return bool(sig.own_reporting) or carried_elsewhere(a, story) is None


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
    Before stories exist only near-identical pieces can be grouped (``passes.newsrooms``, word
    overlap); a story says "same event" far better than word overlap, so here any two own pieces
    (``kinds``: "self") of one outlet in one story published within ``STORY_NEWSROOM_DAYS`` are one
    newsroom, attached to its earliest piece. Off-topic articles (``off``) join nothing, nor do
    pieces that relay another outlet's story (``relays_another_outlet``) or print agency text another
    desk of the story carries too (``carried_elsewhere``); both read only for outlets with two or
    more pieces in a story, so the few candidates alone are parsed."""
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
            story = [by_id[m] for m in members if m in by_id]
            pieces = [p for p in pieces if _own_piece(by_id[p], story)]
            pieces.sort(key=lambda x: _publication_order(by_id[x]))
            first = pieces[0] if pieces else ""
            for p in pieces[1:]:
                ta, tp = parse_time(by_id[first].published), parse_time(by_id[p].published)
                if ta is not None and tp is not None and (tp - ta).total_seconds() > STORY_NEWSROOM_DAYS * 86400:
                    first = p  # beyond the story's window: the newsroom's reporting of another event
                    continue
                out[p] = first
    return out


# two desks printing this share of the shorter text's narrative sentences (CARRIED_MIN_WORDS words or
# more, quoting no one: a quoted statement is printed word for word by every desk) word for word,
# within CARRIED_DAYS of each other, carry one text. Independent reports share no such sentence;
# a paper's copy of agency text adds captions and trims, so less than all of it matches (the two
# British papers' agency report of a Grand Prix share 10 of the shorter one's 22)
CARRIED_SHARE = 0.4
CARRIED_MIN_WORDS = 8
CARRIED_DAYS = 1.0


@lru_cache(maxsize=4096)
def _long_sentences(text: str) -> tuple[str, ...]:
    """The narrative sentences ``carried_elsewhere`` compares, normalised (cached: the tracer reads
    each article against every article a relation ties to it)."""
    return tuple(" ".join(s.lower().split()) for s in split_sentences(text)
                 if len(s.split()) >= CARRIED_MIN_WORDS and not quotations(s))


def carried_elsewhere(piece: Article, others: Sequence[Article]) -> Article | None:
    """Another outlet's article (of ``others``) that prints much of ``piece``'s narrative word for
    word within ``CARRIED_DAYS`` of it (``CARRIED_SHARE``), or None. Signal: identical text at two
    competing outlets within hours, neither crediting the other, is agency copy both desks carried
    (the Press Association's text on two national papers), not one newsroom's own reporting; so
    such a piece is no piece of its newsroom's own coverage (``newsroom_pieces``,
    ``passes.newsrooms``)."""
    mine = _long_sentences(piece.text or "")
    if len(mine) < 3:
        return None
    keys = outlet_keys(piece.outlet, piece.url)
    when = parse_time(piece.published)
    for other in others:
        if other.id == piece.id or keys & outlet_keys(other.outlet, other.url):
            continue
        then = parse_time(other.published)
        if when is None or then is None or abs((when - then).total_seconds()) > CARRIED_DAYS * 86400:
            continue
        theirs = set(_long_sentences(other.text or ""))
        if theirs and sum(1 for x in mine if x in theirs) >= CARRIED_SHARE * min(len(mine), len(theirs)):
            return other
    return None


def public_post(sentence: str, text: str) -> bool:
    """The sentence sits in a paragraph of ``text`` that names a social post (a tweet, an Instagram
    post, an @handle): it is the post's public text. Signal: every desk prints a celebrity's or an
    agency's posts word for word (one as quotes, another as embedded lines), so a post shared by two
    articles is no passage one pasted from the other (the quoted-post rule of the quote-only pass)."""
    at = text.find(sentence[:60])
    if at < 0:
        return False
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return bool(_SOCIAL.search(text[start:end if end >= 0 else len(text)]))


def pasted_alignments(r: Reuse, source_text: str, copy_text: str, posts: bool = True) -> list[Alignment]:
    """The aligned sentences of a relation that the two sides print word for word: narrative (quoting
    no one on either side), the copy's ``PASTED_MIN_WORDS`` long, ``SAME_SENTENCE`` contained; with
    ``posts`` False, not those from a social post either (``public_post``)."""
    return [
        al for al in r.alignments
        if len(al.copy_sentence.split()) >= PASTED_MIN_WORDS
        and not quotations(al.copy_sentence) and not quotations(al.source_sentence)
        and word_containment(al.source_sentence, al.copy_sentence) >= SAME_SENTENCE
        and (posts or not (public_post(al.source_sentence, source_text) or public_post(al.copy_sentence, copy_text)))
    ]


def pasted_sentences(r: Reuse, source_text: str, copy_text: str, posts: bool = True) -> int:
    """Narrative sentences the two sides of a shared-source relation print word for word
    (``pasted_alignments``)."""
    return len(pasted_alignments(r, source_text, copy_text, posts))


def story_source_rewrites(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """An article left as its own origin that credits nobody, reports nothing of its own and prints
    no quotation at all, in a story where ``STORY_SOURCE_CREDITS`` or more close reports (``close``:
    one event) rest on one source by their own credit ("The Verge reported", "seen by The Verge"),
    rests on that source too. Signal: a reporter who reported has someone to quote or a source to
    name; a quote-less, source-less piece could only retell what the story's known source printed,
    and the others name it (one paywalled or trimmed rewrite among the credited ones). Two sources
    credited equally often leave it alone (no one source to follow)."""
    credited = [o for o, t in traces.items() if t.kind == "credited" and t.parent != o and not t.off_topic]
    if len(credited) < STORY_SOURCE_CREDITS:
        return
    for aid, t in sorted(traces.items()):
        sig = tracer.signals[aid]
        if t.parent != aid or t.off_topic or aid in tracer.source_like or sig.primary or sig.own_reporting:
            continue
        if sig.credits or sig.document_credits or sig.unnamed_credits or sig.wire:
            continue
        if _SPOKEN.search(tracer.articles[aid].text or ""):
            continue  # someone is quoted: the piece may have reported
        def near(other: str, aid: str = aid) -> bool:
            # within STORY_SOURCE_DAYS, or undated on either side (it may be): the tracer's parsed times
            return not STORY_SOURCE_DAYS < tracer._days_apart(aid, other) < float("inf")

        votes = Counter(traces[o].parent for o in credited if o != aid and near(o) and tracer.close(aid, o))
        ranked = votes.most_common(2)
        if not ranked or ranked[0][1] < STORY_SOURCE_CREDITS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            continue
        # the known source of the story: most of the reports close to this one rest on it (a few
        # credits among many own reports are side sources, not where the story came from)
        peers = sum(1 for o, u in traces.items() if o != aid and not u.off_topic and near(o) and tracer.close(aid, o))
        if 2 * ranked[0][1] <= peers:
            continue
        source = ranked[0][0]
        if _reaches(traces, source, aid):
            continue
        t.parent, t.kind = source, "rewrite"
        name = tracer.articles[source].outlet if source in tracer.articles else source
        t.evidence.append(
            f"credits no one and quotes no one, and {ranked[0][1]} other reports of this story rest on "
            f"{name} by their own credit: retells the story's known source"
        )
