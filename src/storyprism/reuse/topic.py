"""Articles whose body is about something other than their headline (a crawler kept the wrong part
of the page: a live blog's other post, a video page's chat widget, a licence notice).

Signal: the headline is echoed nowhere in the body. With the sentence encoder, the best cosine
between the headline and any body sentence; reports on their own headline score 0.3-0.7, bodies
about something else under 0.25 (measured on the hand-read Giveme5W1H events, eval/trust.py).
Without the encoder, no content word of a headline of 3+ content words occurs in the body.
A body of fewer than five words (all the page had was a widget or a notice) reports nothing either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from storyprism.records import Article
from storyprism.reuse.text import STOPWORDS, split_sentences

_WORD = re.compile(r"[a-z0-9]+")
MAX_SIMILARITY = 0.25  # best headline/sentence cosine below this: the body is about something else
MAX_LEXICAL = 0.5  # ... and at most half of the headline's content words occur in the body
MAX_SENTENCES = 40
MIN_BODY_WORDS = 5  # fewer words than this is no report at all (a one-line video caption has more)


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 3 and w not in STOPWORDS}


def off_topic_articles(articles: Sequence[Article], use_embeddings: bool = True) -> dict[str, str]:
    """Article id -> reason, for bodies that do not report their headline."""
    out: dict[str, str] = {}
    rows: list[tuple[Article, list[str], float]] = []
    for a in articles:
        title = _content(a.title or "")
        if len((a.text or "").split()) < MIN_BODY_WORDS:
            # a chat widget or a licence notice was all the page had: nothing reports the event
            out[a.id] = "no article text (the body is empty once page furniture is removed)"
            continue
        if len(title) < 3:
            continue  # a short headline says too little to judge by
        lexical = len(title & _content(a.text)) / len(title)
        sentences = [s for s in split_sentences(a.text) if len(s.split()) >= 4][:MAX_SENTENCES]
        rows.append((a, sentences or [a.text[:400]], lexical))
    if not rows:
        return out
    sims: list[float] | None = None
    if use_embeddings:
        try:
            from storyprism.models import embed

            texts = [t for a, sents, _ in rows for t in [a.title, *sents]]
            vecs = embed(texts)
            sims, k = [], 0
            for _, sents, _ in rows:
                v = vecs[k : k + 1 + len(sents)]
                sims.append(float(np.max(v[1:] @ v[0])))
                k += 1 + len(sents)
        except (ImportError, OSError, RuntimeError) as exc:  # no model here: the lexical test alone
            sims = None
            _ = exc
    for n, (a, _, lexical) in enumerate(rows):
        if sims is not None:
            if sims[n] < MAX_SIMILARITY and lexical <= MAX_LEXICAL:
                out[a.id] = (f"the body does not report the headline (best headline/sentence similarity "
                             f"{sims[n]:.2f}, {lexical:.0%} of the headline's words in the body)")
        elif lexical == 0.0:
            out[a.id] = "the body does not report the headline (none of the headline's words occur in it)"
    return out


# an article this far from its story's median date reports another event. On Giveme5W1H's stories the
# members 50-60 days out were mixed (crawl-dated copies of the event, one other event); every member
# past 60 days that no reuse relation ties to the story was another happening of the same kind (an
# earlier trailer, a later missile launch)
OFF_EVENT_DAYS = 60
MIN_STORY_ARTICLES = 3


def off_event_articles(
    story_members: Sequence[Sequence[str]],
    articles: Sequence[Article],
    parents: dict[str, str] | None = None,
    suspect: set[str] | None = None,
) -> dict[str, str]:
    """Article id -> reason, for members of a story published months away from the rest of it.

    A news event is covered within days; an article dated two months or more from the story's
    median date is about an earlier or later event of the same kind (a 2013 launch filed with a
    2016 one). Not flagged: articles whose date is inferred or suspect (the date may be what is
    wrong), and articles that derive from or feed another member (``parents``: id -> immediate
    source), since a rewrite of an old scoop is still about it. Meant to run once stories exist.
    """
    from storyprism.reuse.direction import parse_time

    by_id = {a.id: a for a in articles}
    parents = parents or {}
    suspect = suspect or set()
    out: dict[str, str] = {}
    for members in story_members:
        dated = {
            m: t for m in members
            if m in by_id and not by_id[m].published_inferred and m not in suspect
            and (t := parse_time(by_id[m].published)) is not None
        }
        if len(dated) < MIN_STORY_ARTICLES:
            continue
        times = sorted(dated.values())
        median = times[len(times) // 2]
        linked = {m for m in members if parents.get(m) in members and parents.get(m) != m}
        linked |= {parents[m] for m in linked}
        for m, t in dated.items():
            days = abs((t - median).days)
            if days > OFF_EVENT_DAYS and m not in linked:
                out[m] = (f"about another event: published {by_id[m].published}, {days} days from the "
                          f"story's median date {median.date()}")
    return out
