"""Typed records that flow between storyprism's stages.

Every stage consumes and produces these records and nothing else, so stages never
need to know each other's internals. They are slotted dataclasses: cheap to create
in the millions, and trivially turned into JSON (``to_dict``) and back
(``from_dict``) by the store and the exporters.
"""

from __future__ import annotations

import copy
import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


# --------------------------------------------------------------------------- ingest / clean


@dataclass(slots=True)
class RemovedLine:
    """A line taken out of an article's text as page junk, kept so the removal is auditable."""

    line: str
    reason: str
    position: int = -1  # index of the line in the raw text, -1 when unknown


@dataclass(slots=True)
class Article:
    """One news article as storyprism knows it after ingestion and cleaning."""

    id: str
    ref: str  # the input reference: path as given, FILE#ID / FILE#LINE, or a WARC target URI
    title: str
    text: str  # body after junk removal
    raw_text: str = ""  # body as ingested, before junk removal
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601
    published_inferred: bool = False  # True when ``published`` was read off the text, not metadata
    language: str | None = None
    author: str | None = None
    fetched: str | None = None  # when a crawler fetched the page (WARC-Date), ISO 8601
    # the page's own summary (meta description, a record's "description"): it keeps what a crawler's
    # body may have lost, such as a wire dateline above a page that kept only a photo caption
    description: str | None = None
    source_format: str = "text"  # text | markdown | html | json | jsonl | warc | feed | mhtml
    removed: list[RemovedLine] = field(default_factory=list)
    content_hash: str = ""  # hash of the normalised cleaned text
    duplicate_of: str | None = None  # id of an earlier article with identical text
    identity: str = ""  # what makes this article the same on a re-run (URL, or absolute input path)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class Source:
    """One input to read: a file (or stdin). Its fingerprint lets an interrupted run skip what is done."""

    ref: str  # as the user gave it (path as given, or "-" for stdin)
    path: str | None  # absolute path, None for stdin
    size: int = 0
    mtime: float = 0.0
    fingerprint: str = ""  # size + mtime (+ hash for stdin): unchanged sources are not read again
    data: bytes | None = None  # in-memory content (stdin); None: read ``path``


@dataclass(slots=True)
class Rejected:
    """An input item that did not become an article, with the reason and what to do about it."""

    ref: str
    reason: str  # a stable code: binary, empty, undecodable, too-large, malformed-json, no-text, ...
    detail: str = ""  # human explanation, including the fix where there is one


@dataclass(slots=True)
class Sentence:
    article: str
    index: int
    text: str
    start: int
    end: int


# --------------------------------------------------------------------------- reuse (copies)


@dataclass(slots=True)
class Change:
    """A meaning-bearing difference between an aligned source and copy sentence."""

    kind: str  # number | negation | role-flip | entity | attribution-dropped | hedge-removed | ...
    source_text: str
    copy_text: str


@dataclass(slots=True)
class Alignment:
    source_sentence: str
    copy_sentence: str
    similarity: float
    source_index: int = -1
    copy_index: int = -1
    changes: list[Change] = field(default_factory=list)


@dataclass(slots=True)
class Reuse:
    """``copy`` reuses ``source`` (article ids)."""

    source: str
    copy: str
    kind: str  # identical | copy | edited | rewrite | shared-source
    coverage: float  # share of the copy's sentences aligned to the source
    score: float = 0.0
    evidence: list[str] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)


@dataclass(slots=True)
class Origin:
    """``article``'s independent original (itself when it is one), from the reuse relations."""

    article: str
    origin: str
    # How the origin was found (issue 10): the immediate source, the kind of derivation
    # (self | copy | edited | rewrite | credited), the evidence, sentences the article adds of its own,
    # and bad input met on the way (off-topic body, suspect date, conflicting credits, cycles).
    parent: str = ""
    kind: str = "self"
    evidence: list[str] = field(default_factory=list)
    adds_own_reporting: list[str] = field(default_factory=list)
    off_topic: str | None = None
    published_suspect: str | None = None
    problems: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- stories


@dataclass(slots=True)
class Story:
    """An event: articles that report the same real-world happening."""

    id: str
    title: str
    articles: list[str]
    storyline: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    outlets: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    independent_sources: int | None = None
    # Stage-private state kept between runs (centroids, term signatures...), JSON-serialisable.
    state: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Storyline:
    id: str
    title: str
    stories: list[str]
    state: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class StoryEdit:
    """A user's manual correction to the clustering, replayed on every later run."""

    kind: str  # merge | split
    stories: list[str] = field(default_factory=list)  # merge: the stories to merge
    articles: list[str] = field(default_factory=list)  # split: the articles moved to a new story
    created: str = ""


# --------------------------------------------------------------------------- extraction


@dataclass(slots=True)
class Quote:
    article: str
    text: str
    direct: bool
    cue: str | None = None
    speaker: str | None = None  # the speaker's name as resolved in the document
    speaker_id: str | None = None  # entity id of the speaker
    via: str | None = None  # who relayed the words, when not the speaker
    variant_group: str | None = None  # quotes of the same utterance across articles share this
    start: int = -1
    end: int = -1
    id: str = ""
    # [speaker, via] as extraction resolved them, kept only where corpus-wide linking renamed them:
    # every run links again from these, so linking never feeds on its own earlier output
    as_found: list[str | None] | None = None
    # "words": someone's words or claim (quoted or reported); "topic": a speech or stance verb whose object
    # is a bare noun phrase ("condemned the suggestion", "denied the allegations"): a stance ON a topic,
    # which reports no words, so it is never shown in quotation marks nor counted as a quote. Records
    # stored before the field existed load as "words" (what they were shown as)
    kind: str = "words"


@dataclass(slots=True)
class Mention:
    article: str
    text: str
    type: str  # PERSON | ORG | GPE | LOC | NORP | ...
    start: int = -1
    end: int = -1
    entity: str | None = None  # entity id once linked
    # [text, type, start, end] as extraction read them, kept only where corpus-wide linking changed
    # them (a type voted over the corpus, a caption credit cut off): every run links again from these,
    # so a workspace grown run by run links exactly as one analysed at once
    as_found: list[str | int] | None = None


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class NumberMention:
    """A quantity as a value interval: ``low``/``high`` None mean unbounded."""

    article: str
    text: str
    low: float | None
    high: float | None
    qualifier: str | None = None  # more-than | about | at-least | range | ...
    unit: str | None = None  # what is counted ("troops")
    sentence: str = ""
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class DateMention:
    article: str
    text: str
    value: str | None  # ISO date (or YYYY-MM / YYYY at coarser granularity)
    granularity: str = "day"  # day | month | year
    relative: bool = False
    sentence: str = ""
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class SentenceFrame:
    """What one sentence asserts, read off the extraction's dependency parse (``extract.predications``):
    the keys of its main predicate(s), of the verbs that lie inside an argument of that predicate
    (the acts it says something about), and of all its words. Keys are lower-cased lemmas where
    the verb tables know the form, else the word with its inflection undone, and a final "e" dropped
    (``extract.predications.key``), so that most inflected forms of one word meet.
    ``start``/``end`` are the sentence's span as the shared splitter (``text.sentences``) cuts it."""

    article: str
    start: int
    end: int
    predicates: list[str] = field(default_factory=list)
    embedded: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- comparison


@dataclass(slots=True)
class Claim:
    id: str
    story: str
    text: str
    articles: list[str]
    independent_support: int
    first_reported: str | None = None  # article id
    origins: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ConflictSide:
    text: str  # the full sentence (the value label is in ``value``)
    articles: list[str]
    value: str = ""  # what this side says: "more than 100,000 troops", "2017-12-29", "no one"
    outlets: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)  # ultimate origins of ``articles``


@dataclass(slots=True)
class Conflict:
    story: str
    kind: str  # number | date | negation | speaker | rewrite-change
    sides: list[ConflictSide]
    about: str = ""
    attribute: str = ""  # what the sides disagree about, in words ("number of photos posted")
    confidence: float = 0.0  # 0..1: how sure the disagreement is real (not an update or a rewording)


@dataclass(slots=True)
class SummarySentence:
    text: str
    articles: list[str]
    outlets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Summary:
    story: str
    sentences: list[SummarySentence]


# --------------------------------------------------------------------------- stage result bundles


@dataclass(slots=True)
class Extraction:
    """What the extract stage found in a batch of articles (or, after linking, the corpus)."""

    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    # per sentence, what it asserts (the claims of the comparison stage read it; ``SentenceFrame``)
    frames: list[SentenceFrame] = field(default_factory=list)
    # article id -> ISO date read off the text, for articles whose metadata had no publication date
    inferred_published: dict[str, str] = field(default_factory=dict)
    # article id -> why its extraction failed (nothing of it is kept; the next run tries it again)
    failed: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class StoryState:
    """All events and storylines; carried from run to run so ids stay stable."""

    stories: list[Story] = field(default_factory=list)
    storylines: list[Storyline] = field(default_factory=list)


@dataclass(slots=True)
class AnalysisData:
    """Everything the comparison stage reads."""

    articles: list[Article]
    stories: list[Story]
    storylines: list[Storyline] = field(default_factory=list)
    reuses: list[Reuse] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)
    extraction: Extraction = field(default_factory=Extraction)


@dataclass(slots=True)
class Comparison:
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)
    outlet_coverage: list[OutletCoverage] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    # story id -> why its comparison failed (nothing of it is kept; the next run tries it again)
    failed: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class OutletCoverage:
    """Per story and outlet: claims only it carries, and claims most other outlets carry but it omits."""

    story: str
    outlet: str
    articles: list[str]
    adds: list[str] = field(default_factory=list)  # claim ids
    omits: list[str] = field(default_factory=list)  # claim ids


@dataclass(slots=True)
class TimelineEntry:
    """One dated point of a story's timeline: an article, a storyline event, or a dated statement."""

    story: str
    date: str | None  # ISO date/datetime; None when unknown (listed last)
    kind: str  # article | event | statement
    text: str
    articles: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- (de)serialisation


def to_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data (nested records included): what ``dataclasses.asdict``
    returns, at a fraction of its cost (asdict looks every field up and deep-copies every leaf, and
    an analysis writes hundreds of thousands of records)."""
    out = _plain(record)
    if not isinstance(out, dict):
        raise TypeError(f"to_dict() takes a record (a dataclass instance), not {type(record).__name__}")
    return out


_LEAVES = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    if isinstance(value, _LEAVES):
        return value
    names = _FIELD_NAMES.get(type(value))
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        items = [_plain(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    return copy.deepcopy(value)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type) and isinstance(value, dict):
        return from_dict(tp, value)
    if origin is list:
        (inner,) = typing.get_args(tp) or (Any,)
        return [_convert(inner, v) for v in value]
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is type(None):
                continue
            if dataclasses.is_dataclass(arg) and isinstance(value, dict):
                return from_dict(arg, value)  # type: ignore[arg-type]
        return value
    return value


def _holds_record(tp: Any) -> bool:
    """Whether a field's type has a record anywhere inside it (only those need converting back)."""
    if dataclasses.is_dataclass(tp):
        return True
    return any(_holds_record(arg) for arg in typing.get_args(tp))


# Per record class: (field name, its type when the value must be converted, else None; is a list).
_PLANS: dict[type, list[tuple[str, Any, bool]]] = {}


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record from ``to_dict`` output; unknown keys are ignored (older/newer schemas)."""
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = [
            (f.name, hints[f.name] if _holds_record(hints[f.name]) else None, typing.get_origin(hints[f.name]) is list)
            for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        ]
        _PLANS[cls] = plan
    kwargs = {}
    for name, tp, is_list in plan:
        if name in data:
            value = data[name]
            if tp is not None:
                value = _convert(tp, value)
            elif is_list and value is not None:
                value = list(value)  # the record owns its lists, as when they are converted
            kwargs[name] = value
    return cls(**kwargs)
