"""What a report shows for one story, gathered from the JSON export document.

Both renderers (HTML, Markdown) read these views, so they always show the same things. The
document may come from an older or partial run: every key may be missing or empty, and what
the comparison stage did not store (outlet coverage, timeline) is derived here from what is there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

MAX_SINGLE_SOURCE = 40  # single-source claims listed per story; the rest are counted
MAX_CHANGED_PAIRS = 20  # changed sentence pairs shown per copy relation


def _list(document: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    value = document.get(key) or []
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _strs(value: Any) -> list[str]:
    if not isinstance(value, list | tuple):
        return []
    return [str(v) for v in value if v is not None]


def outlet_name(article: Mapping[str, Any]) -> str:
    if article.get("outlet"):
        return str(article["outlet"])
    host = urlparse(_str(article.get("url"))).hostname if article.get("url") else None
    return host.removeprefix("www.") if host else _str(article.get("id"))


@dataclass(slots=True)
class StoryView:
    story: dict[str, Any]
    articles: list[dict[str, Any]]  # in citation order (earliest first)
    cite: dict[str, int]  # article id -> citation number (1-based)
    independent: list[list[dict[str, Any]]]  # articles grouped by origin
    summary: list[dict[str, Any]]
    corroborated: list[dict[str, Any]]
    single_source: list[dict[str, Any]]
    single_source_total: int
    coverage: list[dict[str, Any]]  # {outlet, articles, adds: [claim], omits: [claim]}
    conflicts: list[dict[str, Any]]
    quotes_by_speaker: list[tuple[str, list[list[dict[str, Any]]]]]  # speaker -> variant groups
    reuse: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    storyline: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QuoteGroupView:
    """One utterance as both renderers show it: its first wording, the other wordings, the relays."""

    text: str
    articles: list[Any]  # every article quoting it, in any wording
    # direct | indirect | topic: a "topic" is a stance on a bare noun phrase ("condemned the suggestion"),
    # no words; renderers list it under stances, as "X condemned: the suggestion", never in quotation marks
    kind: str
    variants: list[tuple[str, list[Any]]]  # (other wording, the articles using it)
    vias: list[str]
    cue: str = ""  # the cue verb's lemma ("condemn")
    stance: str = ""  # for a topic: the verb as a reader reads it ("condemned")


def is_stance(quote: Mapping[str, Any]) -> bool:
    """A stored quote record that is a stance on a topic (records stored before kinds were read are words)."""
    return quote.get("kind") == "topic"


def quote_group_view(group: list[dict[str, Any]]) -> QuoteGroupView:
    first = group[0]
    first_text = str(first.get("text"))
    variants = sorted({str(q.get("text")) for q in group[1:]} - {first_text})
    topic = is_stance(first)
    return QuoteGroupView(
        text=_str(first.get("text")),
        articles=[q.get("article") for q in group],
        kind="topic" if topic else "direct" if first.get("direct") else "indirect",
        variants=[(v, [q.get("article") for q in group if str(q.get("text")) == v]) for v in variants],
        vias=sorted({str(q.get("via")) for q in group if q.get("via")}),
        cue=_str(first.get("cue")),
        stance=past_tense(_str(first.get("cue"))) if topic else "",
    )


# Past forms of the irregular verbs of speech, belief and stance; the rest follow English spelling rules
_IRREGULAR = {
    "say": "said", "tell": "told", "speak": "spoke", "write": "wrote", "think": "thought", "hold": "held",
    "take": "took", "give": "gave", "make": "made", "know": "knew", "see": "saw", "find": "found",
    "feel": "felt", "mean": "meant", "teach": "taught", "seek": "sought", "bring": "brought",
    "swear": "swore", "foresee": "foresaw", "forbid": "forbade", "withdraw": "withdrew", "put": "put",
    "set": "set", "let": "let", "read": "read", "hear": "heard", "understand": "understood",
}
# a final stressed short syllable doubles its consonant ("admitted"); English spelling cannot show stress,
# so the common verbs of stance with that ending are named
_DOUBLING = frozenset(
    ["admit", "commit", "regret", "rebut", "omit", "permit", "refer", "prefer", "confer", "defer", "slam",
     "ban", "plan", "stop", "drop", "flag", "snap", "nod", "prod", "jab", "rap", "spot", "submit", "transmit"]
)


def past_tense(lemma: str) -> str:
    """The simple past of a cue lemma, for a stance line ("condemn" -> "condemned")."""
    words = lemma.split()
    if not words:
        return lemma
    verb, rest = words[0].lower(), words[1:]
    if verb in _IRREGULAR:
        past = _IRREGULAR[verb]
    elif verb in _DOUBLING:
        past = verb + verb[-1] + "ed"
    elif verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        past = verb[:-1] + "ied"
    else:
        past = verb + "ed"
    return " ".join([past, *rest])


@dataclass(slots=True)
class ChangedPair:
    """An aligned source/copy sentence pair with meaning changes, and the spans to mark."""

    source_sentence: str
    copy_sentence: str
    kinds: str  # the change kinds, comma-separated
    source_fragments: list[str]
    copy_fragments: list[str]


@dataclass(slots=True)
class CopyView:
    """One copy relation as both renderers show it."""

    source: str
    copy: str
    kind: str
    coverage_text: str  # ", 96% of the copy" or ""
    changed: list[ChangedPair]


def copy_views(reuse: Iterable[Mapping[str, Any]]) -> list[CopyView]:
    out = []
    for r in reuse:
        coverage = r.get("coverage")
        changed = []
        for al in r.get("alignments") or []:
            if not isinstance(al, dict) or not al.get("changes"):
                continue
            changes = [ch for ch in al.get("changes") or [] if isinstance(ch, dict)]
            changed.append(
                ChangedPair(
                    source_sentence=_str(al.get("source_sentence")),
                    copy_sentence=_str(al.get("copy_sentence")),
                    kinds=", ".join(sorted({str(ch.get("kind")) for ch in changes})),
                    source_fragments=[_str(ch.get("source_text")) for ch in changes],
                    copy_fragments=[_str(ch.get("copy_text")) for ch in changes],
                )
            )
        out.append(
            CopyView(
                source=_str(r.get("source")),
                copy=_str(r.get("copy")),
                kind=_str(r.get("kind")),
                coverage_text=f", {float(coverage):.0%} of the copy"
                if isinstance(coverage, int | float)
                else "",
                changed=changed[:MAX_CHANGED_PAIRS],
            )
        )
    return out


@dataclass(slots=True)
class DocumentView:
    stories: list[StoryView]
    unassigned: list[dict[str, Any]]  # articles in no story
    rejected: list[dict[str, Any]]
    article_count: int
    missing_story: str | None = None  # the story asked for, when the document has no such story


def _sort_key_published(article: Mapping[str, Any]) -> tuple[int, str, str]:
    published = _str(article.get("published"))
    return (0 if published else 1, published, _str(article.get("id")))


def build(document: Mapping[str, Any], story: str | None = None) -> DocumentView:
    if not isinstance(document, Mapping):
        document = {}
    articles = {_str(a.get("id")): a for a in _list(document, "articles") if a.get("id") is not None}
    stories = _list(document, "stories")
    storylines = {_str(line.get("id")): line for line in _list(document, "storylines")}
    in_story = {a for s in stories for a in _strs(s.get("articles"))}
    chosen = stories
    missing = None
    if story is not None:
        chosen = [s for s in stories if _str(s.get("id")) == story]
        if not chosen:
            missing = story
    views = [_story_view(document, s, articles, storylines, stories) for s in chosen]
    unassigned = [] if story is not None else [a for aid, a in articles.items() if aid not in in_story]
    return DocumentView(
        stories=views,
        unassigned=sorted(unassigned, key=_sort_key_published),
        rejected=_list(document, "rejected") if story is None else [],
        article_count=len(articles),
        missing_story=missing,
    )


def _for_story(items: Iterable[dict[str, Any]], story_id: str) -> list[dict[str, Any]]:
    return [i for i in items if _str(i.get("story")) == story_id]


def _story_view(
    document: Mapping[str, Any],
    story: dict[str, Any],
    articles: Mapping[str, dict[str, Any]],
    storylines: Mapping[str, dict[str, Any]],
    all_stories: list[dict[str, Any]],
) -> StoryView:
    sid = _str(story.get("id"))
    members = [articles[a] for a in _strs(story.get("articles")) if a in articles]
    members.sort(key=_sort_key_published)
    member_ids = {_str(a.get("id")) for a in members}
    cite = {_str(a.get("id")): n for n, a in enumerate(members, 1)}
    notes = []
    if len(members) < len(_strs(story.get("articles"))):
        notes.append("Some of this story's articles are not in the document.")

    groups: dict[str, list[dict[str, Any]]] = {}
    for a in members:
        if a.get("off_topic"):
            continue  # a body about something else counts as no source (listed apart in the report)
        groups.setdefault(_str(a.get("origin")) or _str(a.get("id")), []).append(a)

    claims = _for_story(_list(document, "claims"), sid)
    claims.sort(key=lambda c: (-int(c.get("independent_support") or 0), -len(_strs(c.get("articles")))))
    corroborated = [c for c in claims if int(c.get("independent_support") or 0) >= 2]
    single = [c for c in claims if int(c.get("independent_support") or 0) < 2]

    summaries = _for_story(_list(document, "summaries"), sid)
    summary = [s for s in (summaries[0].get("sentences") or []) if isinstance(s, dict)] if summaries else []

    coverage = _for_story(_list(document, "outlet_coverage"), sid) or _derive_coverage(members, claims)
    claim_by_id = {_str(c.get("id")): c for c in claims}
    coverage = [
        {
            "outlet": _str(c.get("outlet")),
            "articles": _strs(c.get("articles")),
            "adds": [claim_by_id[i] for i in _strs(c.get("adds")) if i in claim_by_id],
            "omits": [claim_by_id[i] for i in _strs(c.get("omits")) if i in claim_by_id],
        }
        for c in coverage
    ]

    quotes = [q for q in _list(document, "quotes") if _str(q.get("article")) in member_ids]
    reuse = [
        r
        for r in _list(document, "reuse")
        if _str(r.get("copy")) in member_ids or _str(r.get("source")) in member_ids
    ]
    line_id = _str(story.get("storyline"))
    storyline = storylines.get(line_id) if line_id else None
    timeline = _for_story(_list(document, "timeline"), sid) or _derive_timeline(
        document, story, members, storyline, all_stories
    )
    return StoryView(
        story=story,
        articles=members,
        cite=cite,
        independent=list(groups.values()),
        summary=summary,
        corroborated=corroborated,
        single_source=single[:MAX_SINGLE_SOURCE],
        single_source_total=len(single),
        coverage=coverage,
        conflicts=_for_story(_list(document, "conflicts"), sid),
        quotes_by_speaker=_quotes_by_speaker(quotes),
        reuse=reuse,
        timeline=timeline,
        storyline=storyline,
        notes=notes,
    )


def _quotes_by_speaker(quotes: list[dict[str, Any]]) -> list[tuple[str, list[list[dict[str, Any]]]]]:
    by_speaker: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for n, q in enumerate(quotes):
        speaker = _str(q.get("speaker")) or "Unattributed"
        group = _str(q.get("variant_group")) or f"_single{n}"
        if is_stance(q):
            # a stance never joins a group of words (a topic is no wording of an utterance): the same
            # verb on the same topic in several articles is listed once, with all its articles
            group = f"_topic:{_str(q.get('cue')).lower()}:{' '.join(_str(q.get('text')).lower().split())}"
        by_speaker.setdefault(speaker, {}).setdefault(group, []).append(q)
    ordered = sorted(
        by_speaker.items(),
        key=lambda kv: (kv[0] == "Unattributed", -sum(len(v) for v in kv[1].values()), kv[0]),
    )
    return [(speaker, sorted(groups.values(), key=lambda g: -len(g))) for speaker, groups in ordered]


SpeakerGroups = list[tuple[str, list[list[dict[str, Any]]]]]


def split_stances(by_speaker: SpeakerGroups) -> tuple[SpeakerGroups, SpeakerGroups]:
    """``quotes_by_speaker`` cut in two: the groups of words (quotes) and the stances on a topic, each per
    speaker (a speaker with none of one kind is left out of that half), so no stance is shown or counted
    as a quote."""
    quoted: SpeakerGroups = []
    stances: SpeakerGroups = []
    for speaker, groups in by_speaker:
        words = [g for g in groups if not (g and is_stance(g[0]))]
        topics = [g for g in groups if g and is_stance(g[0])]
        if words:
            quoted.append((speaker, words))
        if topics:
            stances.append((speaker, topics))
    return quoted, stances


def _derive_coverage(members: list[dict[str, Any]], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Outlet coverage from the claims, for documents exported without it."""
    outlets: dict[str, list[str]] = {}
    for a in members:
        outlets.setdefault(outlet_name(a), []).append(_str(a.get("id")))
    if len(outlets) < 2:
        return []
    outlet_of = {aid: o for o, ids in outlets.items() for aid in ids}
    out = []
    for outlet in sorted(outlets):
        others = len(outlets) - 1
        adds, omits = [], []
        for c in claims:
            carriers = {outlet_of[a] for a in _strs(c.get("articles")) if a in outlet_of}
            if carriers == {outlet}:
                adds.append(_str(c.get("id")))
            elif (
                outlet not in carriers
                and int(c.get("independent_support") or 0) >= 2
                and len(carriers) >= max(2, 0.5 * others)
            ):
                omits.append(_str(c.get("id")))
        out.append({"outlet": outlet, "articles": outlets[outlet], "adds": adds, "omits": omits})
    return out


def _derive_timeline(
    document: Mapping[str, Any],
    story: dict[str, Any],
    members: list[dict[str, Any]],
    storyline: dict[str, Any] | None,
    all_stories: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Articles by date, the storyline's events and dated statements, for documents without a timeline."""
    sid = _str(story.get("id"))
    entries: list[dict[str, Any]] = []
    for a in members:
        entries.append(
            {
                "date": a.get("published"),
                "kind": "article",
                "text": f"{outlet_name(a)}: {_str(a.get('title'))}",
                "articles": [_str(a.get("id"))],
            }
        )
    by_id = {_str(s.get("id")): s for s in all_stories}
    for other_id in _strs((storyline or {}).get("stories")) or [sid]:
        other = by_id.get(other_id)
        if other is None:
            continue
        title = _str(other.get("title")) + (" (this story)" if other_id == sid else "")
        entries.append(
            {
                "date": other.get("first_seen"),
                "kind": "event",
                "text": title,
                "articles": _strs(other.get("articles")),
            }
        )
    member_ids = {_str(a.get("id")) for a in members}
    seen: set[tuple[str, str]] = set()
    for d in _list(document, "dates"):
        if _str(d.get("article")) not in member_ids or not d.get("value") or not d.get("sentence"):
            continue
        key = (_str(d.get("value")), _str(d.get("sentence")).strip().lower())
        if key in seen:
            continue
        seen.add(key)
        entries.append(
            {
                "date": d.get("value"),
                "kind": "statement",
                "text": _str(d.get("sentence")).strip(),
                "articles": [_str(d.get("article"))],
            }
        )
    entries.sort(key=lambda e: (0 if e.get("date") else 1, _str(e.get("date")), _str(e.get("kind"))))
    return entries
