"""Articles whose body is about something other than their headline (a crawler kept the wrong part
of the page: a live blog's other post, a video page's chat widget, a licence notice).

Signal: the headline is echoed nowhere in the body. With the sentence encoder, the best cosine
between the headline and any body sentence; reports on their own headline score 0.3-0.7, bodies
about something else under 0.25 (measured on the hand-read Giveme5W1H events, eval/trust.py).
Without the encoder, no content word of a headline of 3+ content words occurs in the body.
A body of fewer than five words (all the page had was a widget or a notice) reports nothing either.
A body that leaves out most of its headline's names and restates it nowhere (under 0.5) sits under
someone else's headline (``headline_names_unreported``). A body that lists past happenings and
names its headline's subject almost nowhere is a roundup (``roundup_of_past``). Off-event:
``off_event_articles``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from urllib.parse import parse_qsl, urlparse

import numpy as np

from storyprism.records import Article
from storyprism.reuse.direction import parse_time
from storyprism.reuse.happening import earlier_runs, later_reports
from storyprism.reuse.text import STOPWORDS, split_sentences
from storyprism.text.calendar import MONTHS, month_alternation
from storyprism.text.outlets import outlet_keys

_WORD = re.compile(r"[a-z0-9]+")
MAX_SIMILARITY = 0.25  # best headline/sentence cosine below this: the body is about something else
MAX_LEXICAL = 0.5  # ... and at most half of the headline's content words occur in the body
MAX_SENTENCES = 40
MIN_BODY_WORDS = 5  # fewer words than this is no report at all (a one-line video caption has more)


# a headline whose names the body mostly never mentions, and that no body sentence restates (cosine
# under 0.5), is a headline over someone else's text (a roundup of Super Bowl ads under an "Infinity
# War trailer" headline). On the 383 Giveme5W1H articles five bodies lack two or more, and half, of
# their headline's names (a short report that names no place, a blog body cut before its app list,
# a race report without the race's name, the mismatched roundup); only the mismatch has no sentence
# above 0.43, the others restate their headline at 0.57-0.76
NAME_MISSING_SIMILARITY = 0.5
NAME_CAPITALISED_SHARE = 0.8  # a word capitalised mid-sentence this often across the corpus is a name


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 3 and w not in STOPWORDS}


# articles whose headline and body vectors are held at once: up to 41 vectors an article, so a
# corpus-wide matrix would grow with the corpus (about 65 kB an article); blocks keep it flat
SIMILARITY_BLOCK = 1000


def _best_similarity(rows: Sequence[tuple[str, list[str]]]) -> list[float] | None:
    """Best cosine between each headline and its body sentences; None without the encoder."""
    try:
        from storyprism.models import embed
    except ImportError:  # no model here: the caller falls back to words alone
        return None
    sims: list[float] = []
    for start in range(0, len(rows), SIMILARITY_BLOCK):
        block = rows[start : start + SIMILARITY_BLOCK]
        try:
            vecs = embed([t for title, sents in block for t in [title, *sents]])
        except (OSError, RuntimeError):  # the model files are missing: words alone, as above
            return None
        k = 0
        for _, sents in block:
            v = vecs[k : k + 1 + len(sents)]
            sims.append(float(np.max(v[1:] @ v[0])))
            k += 1 + len(sents)
    return sims


def body_sentences(a: Article) -> list[str]:
    """The body sentences the off-topic tests compare with the headline (four words or more, the first
    ``MAX_SENTENCES``), or the body's opening when none is that long; public so that the Ray engine's
    embed pool can encode exactly these texts ahead of the global step."""
    return [s for s in split_sentences(a.text) if len(s.split()) >= 4][:MAX_SENTENCES] or [a.text[:400]]


_ANY_WORD = re.compile(r"[a-z0-9]+")
_CAPITALISED = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-z0-9]*[a-z][a-z0-9]*(?![A-Za-z0-9])")  # not all capitals
_SENTENCE_FIRST = re.compile(r"(?:^|[.!?][\"'\u201d\u2019)]*\s+|\n)[\"'\u201c\u2018(]*([A-Z][A-Za-z0-9]*)")


def case_counts(texts: Iterable[str]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(all, capitalised, sentence-first) counts of every word over the texts, with C-level
    counters; sums over texts, so a corpus's counts are its articles' counts added up."""
    capitalised: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    first: Counter[str] = Counter()
    for text in texts:
        seen.update(_ANY_WORD.findall(text.lower()))
        capitalised.update(map(str.lower, _CAPITALISED.findall(text)))
        first.update(map(str.lower, _SENTENCE_FIRST.findall(text)))
    return seen, capitalised, first


def _case_counts(articles: Sequence[Article], words: set[str]) -> tuple[Counter[str], Counter[str]]:
    """(capitalised, all) counts of ``words`` where they stand inside a sentence (a sentence's first
    word is capitalised anyway), over the articles' bodies. Counted whole-corpus with C-level
    counters, then read for ``words`` alone."""
    return inside_counts(case_counts(a.text or "" for a in articles), words)


def inside_counts(
    counts: tuple[Counter[str], Counter[str], Counter[str]], words: set[str]
) -> tuple[Counter[str], Counter[str]]:
    """``_case_counts`` from a corpus's ``case_counts``, for ``words``."""
    seen, capitalised, first = counts
    return (
        Counter({w: max(0, capitalised[w] - first[w]) for w in words}),
        Counter({w: max(0, seen[w] - first[w]) for w in words}),
    )


def headline_gap(a: Article) -> tuple[list[str], list[str]]:
    """(the headline's content words, those of them the body never uses), each sorted: all the
    headline-name test reads of an article's own text besides its case counts."""
    title = _content(a.title or "")
    return sorted(title), sorted(title - _content(a.text or ""))


class HeadlineReads:
    """What ``headline_names_unreported`` reads of the articles, computed here; the pipeline's
    ``headline_memo.KeptHeadlineReads`` answers the same from what earlier runs kept."""

    def gap(self, a: Article) -> tuple[list[str], list[str]]:
        return headline_gap(a)

    def counts(self, articles: Sequence[Article], words: set[str]) -> tuple[Counter[str], Counter[str]]:
        return _case_counts(articles, words)

    def similarities(self, rows: Sequence[tuple[Article, list[str]]]) -> list[float] | None:
        return _best_similarity([(a.title, body_sentences(a)) for a, _ in rows])


def headline_names_unreported(
    articles: Sequence[Article], use_embeddings: bool = True, reads: HeadlineReads | None = None
) -> dict[str, str]:
    """Article id -> reason, for bodies that leave out two or more (and half) of their headline's names
    and restate it nowhere. What is a name comes from the corpus itself (a word capitalised
    mid-sentence in most of its uses), so this runs over the whole run's articles; only the few
    candidates are embedded. Without the encoder nothing is flagged:
    a missing name alone also happens in short reports that leave out the place. ``reads``: where the
    per-article words, the corpus counts and the similarities come from (kept between runs by the
    pipeline; computed here by default)."""
    if not use_embeddings or len(articles) < 2:
        return {}
    reads = reads or HeadlineReads()
    gaps = {a.id: reads.gap(a) for a in articles}
    # only a headline with two of its words absent from the body can qualify: the corpus is then
    # read for those headlines' words alone
    possible = [a for a in articles if len(gaps[a.id][1]) >= 2]
    if not possible:
        return {}
    capitalised, seen = reads.counts(articles, set().union(*(gaps[a.id][0] for a in possible)))
    candidates: list[tuple[Article, list[str]]] = []
    for a in possible:
        title, absent = gaps[a.id]
        names = sorted(w for w in title if seen[w] and capitalised[w] >= NAME_CAPITALISED_SHARE * seen[w])
        missing = [w for w in names if w in absent]
        if len(missing) >= 2 and 2 * len(missing) >= len(names):
            candidates.append((a, missing))
    if not candidates:
        return {}
    sims = reads.similarities(candidates)
    if sims is None:
        return {}
    return {
        a.id: (f"the body never names its headline's {' or '.join(names)} and restates it nowhere "
               f"(best headline/sentence similarity {sim:.2f})")
        for (a, names), sim in zip(candidates, sims, strict=True) if sim < NAME_MISSING_SIMILARITY
    }


# words of a section's or a site's own title ("World news - RT International", "ABC News | Home")
_SECTION_WORDS = frozenset([
    "news", "world", "home", "homepage", "latest", "breaking", "headlines", "top", "stories", "international",
    "national", "local", "politics", "business", "tech", "technology", "science", "sport", "sports", "entertainment",
    "health", "opinion", "video", "videos", "live", "today", "online", "page", "index", "section", "us", "uk",
    "the", "and", "of",
])
_TITLE_WORD = re.compile(r"[A-Za-z0-9]+")


# a site's search page: a path step named "search" (/search, /templates/search/index.php) with the
# query it ran; its body is a list of teasers for whatever matched the words, none of them the story
_SEARCH_STEP = re.compile(r"^search(?:results?)?(?:\.(?:php|html?|aspx?|jsp))?$", re.IGNORECASE)
_SEARCH_KEYS = frozenset(["q", "query", "search", "searchinput", "searchterm", "keyword", "keywords", "s"])


def search_page(url: str | None) -> bool:
    """The URL is a site's search results page: a path step named "search" and a query holding the
    words searched for. Signal: a crawler following a search link keeps a page of other articles'
    teasers (an old Olympics snippet under "NPR Search"), which reports no event."""
    if not url:
        return False
    parts = urlparse(url)
    steps = [s for s in parts.path.split("/") if s]
    if not any(_SEARCH_STEP.match(s) for s in steps):
        return False
    return any(k.lower() in _SEARCH_KEYS and v.strip() for k, v in parse_qsl(parts.query))


def section_page(title: str | None, outlet_keys: set[str]) -> bool:
    """The headline is only a site's or a section's name ("World news - RT International", "ABC News"):
    the crawler kept a landing page, whose few lines (a teaser, a disclaimer) report no article."""
    words = [w.lower() for w in _TITLE_WORD.findall(title or "")]
    if not words:
        return False
    rest = "".join(w for w in words if w not in _SECTION_WORDS)
    if not rest:
        return True  # "World news", "Latest headlines"
    return any(rest in k or (len(k) >= 3 and k in rest and len(rest) - len(k) <= 3) for k in outlet_keys)


# A roundup or gallery of past happenings ("celebrity splits", "the deadliest shootings") kept under
# the headline of one of its items: the body is a list of items each dated months before the page
# ("In September 2017, X announced ..."), and the headline's names stand in almost none of its
# sentences. A report of one happening dates its background in a few sentences and names its own
# subject throughout. Of the 383 Giveme5W1H articles six bodies have 10 or more sentences dated 60+
# days before their page: a 59-slide gallery of celebrity splits (42 dated; its headline's couple
# named in 3 of 121 sentences, 2%) and five reports with a chronology of earlier attacks, seasons or
# titles (11-16 dated), each naming its own headline's subject in 23-66% of its sentences
ROUNDUP_DATED_SENTENCES = 10
ROUNDUP_DATED_DAYS = 60
ROUNDUP_NAME_SHARE = 0.05
# a month with its year ("September 2017", "May 28, 2016", "28 May 2016"), or a year after "in",
# "since", "from" or "of" ("born in 2009"): explicit dates a reader places without the page's date
_DATED = re.compile(
    r"\b(" + month_alternation() + r")(?:\s+\d{1,2})?,?\s+((?:19|20)\d\d)\b"
    r"|\b(?:in|since|from|of)\s+((?:19|20)\d\d)\b"
)
_NAME = re.compile(r"[A-Z][A-Za-z'\u2019-]+")


def _past_dated(sentence: str, published: datetime) -> bool:
    """The sentence names a month or a year that ended ``ROUNDUP_DATED_DAYS`` or more before ``published``."""
    for m in _DATED.finditer(sentence):
        month, year, bare = m.groups()
        y = int(year or bare)
        # the last day the named month (or year) covers: a date inside it is no earlier than that
        ends = datetime(y, 12, 31) if month is None else (
            datetime(y + 1, 1, 1) if month.lower() == "december" else datetime(y, MONTHS.index(month.lower()) + 2, 1))
        if (published - ends).days >= ROUNDUP_DATED_DAYS:
            return True
    return False


def roundup_of_past(a: Article) -> str | None:
    """Why ``a``'s body is a roundup of past happenings rather than a report of its headline, or None."""
    published = parse_time(a.published)
    if published is None or a.published_inferred:
        return None  # without a trustworthy page date nothing is "months before" it
    sentences = [s for s in split_sentences(a.text or "") if len(s.split()) >= 4]
    dated = sum(_past_dated(s, published) for s in sentences)
    if dated < ROUNDUP_DATED_SENTENCES:
        return None
    names = {w for w in _NAME.findall(a.title or "") if len(w) > 2 and w.lower() not in STOPWORDS}
    if not names:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b")
    naming = sum(1 for s in sentences if pattern.search(s))
    if naming > ROUNDUP_NAME_SHARE * len(sentences):
        return None
    return (f"a roundup of past happenings, not a report of its headline: {dated} of its {len(sentences)} "
            f"sentences are dated months before it and its headline's names stand in {naming} of them")


def off_topic_articles(articles: Sequence[Article], use_embeddings: bool = True) -> dict[str, str]:
    """Article id -> reason, for bodies that do not report their headline."""
    out: dict[str, str] = {}
    rows: list[tuple[Article, float]] = []
    for a in articles:
        title = _content(a.title or "")
        if len((a.text or "").split()) < MIN_BODY_WORDS:
            # a chat widget or a licence notice was all the page had: nothing reports the event
            out[a.id] = "no article text (the body is empty once page furniture is removed)"
            continue
        if section_page(a.title, outlet_keys(a.outlet, a.url)):
            out[a.id] = f"a section or landing page, not an article (its headline is the site's: {a.title!r})"
            continue
        if search_page(a.url):
            out[a.id] = f"a site's search results page, not an article ({a.url})"
            continue
        roundup = roundup_of_past(a)
        if roundup:
            out[a.id] = roundup
            continue
        if len(title) < 3:
            continue  # a short headline says too little to judge by
        lexical = len(title & _content(a.text)) / len(title)
        rows.append((a, lexical))
    if not rows:
        return out
    # The verdict needs both tests to fail, so only a body that already lacks half or more of its
    # headline's content words is encoded: the others are on topic whatever their similarity. On the
    # 383 Giveme5W1H articles that is 47 of the 375 tested, 861 of the 8,554 texts (headline and up
    # to 40 body sentences each) that encoding every body took.
    doubtful = [n for n, (_, lexical) in enumerate(rows) if lexical <= MAX_LEXICAL]
    sims: dict[int, float] | None = None
    if use_embeddings:
        found = _best_similarity([(rows[n][0].title, body_sentences(rows[n][0])) for n in doubtful]) if doubtful else []
        sims = None if found is None else dict(zip(doubtful, found, strict=True))
    for n, (a, lexical) in enumerate(rows):
        if sims is not None:
            if n in sims and sims[n] < MAX_SIMILARITY:
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
    source), since a rewrite of an old scoop is still about it. Also flagged: the one member printed
    days before a burst of all the others (``_before_burst``), and the reports of a run of coverage
    that ended weeks before the story's own run and whose ledes date an earlier happening
    (``happening.earlier_runs``), and reports printed weeks after that run whose ledes date another
    happening (``happening.later_reports``). Meant to run once stories exist.
    """
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
        ties: dict[str, set[str]] = {}  # member -> the members it derives from or feeds
        inside = set(members)
        for m in members:
            parent = parents.get(m)
            if parent is not None and parent in inside and parent != m:
                ties.setdefault(m, set()).add(parent)
                ties.setdefault(parent, set()).add(m)
        texts = {m: (by_id[m].title or "", by_id[m].text or "", by_id[m].published) for m in dated}
        for m, reason in earlier_runs(dated, texts, ties).items():
            out.setdefault(m, reason)
        for m, reason in later_reports(dated, texts, ties).items():
            out.setdefault(m, reason)
        early = _before_burst(dated, linked)
        if early is not None and early not in out:
            m, lead, burst = early
            out[m] = (f"about an earlier development: published {by_id[m].published}, {lead:.0f} days before "
                      f"the other {len(dated) - 1} reports of the story, all printed within {burst:.1f} days")
    return out


# A story whose other reports all came out in one burst (within BURST_DAYS of each other: the event
# broke then) and one member printed BURST_LEAD_DAYS or more before the whole burst: that member
# cannot report what set the burst off; it reports an earlier step of the same subject (a beta before
# the release, an earlier slide of a price). Only earlier, never later: a late date is often a crawl
# date on a report of the event itself (agency feeds re-dated a week or more later), while an early
# one is printed before the news existed. Hand-read Giveme5W1H events (dev and held-out): each of the
# three unlinked members dated four days or more before a burst of two days or less was another
# development; the eight later members at 5-12 days were reports of the event. A member a reuse relation ties
# to the burst (a scoop the others copy or credit) is left alone.
BURST_DAYS = 2.0
BURST_LEAD_DAYS = 4.0


def _before_burst(dated: dict[str, datetime], linked: set[str]) -> tuple[str, float, float] | None:
    """(member, days it leads the burst by, the burst's span in days) for the one member printed
    before a burst of all the others, or None."""
    if len(dated) < MIN_STORY_ARTICLES:
        return None
    order = sorted(dated, key=lambda m: (dated[m], m))
    first, rest = order[0], order[1:]
    span = (dated[rest[-1]] - dated[rest[0]]).total_seconds() / 86400
    lead = (dated[rest[0]] - dated[first]).total_seconds() / 86400
    if first in linked or span > BURST_DAYS or lead < BURST_LEAD_DAYS:
        return None
    return first, lead, span
