"""Relayed words: "Ushakov said Xi told him that ..." (the inner speaker's words came via the outer one).

Split from ``attribution``. General signal: a speech cue whose clausal complement is itself an
attribution relays it; a clause joined to the outer cue's own reported clause by "and"/"but" is a
second statement side by side, not a relayed one. Also who holds words the grammar hands to someone
else: a pronoun bound by the reporting subject ("investigators say they believe"), a plan's terms
(held by whoever proposed the plan) and a report's cited source.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from storyprism.extract.parse import Parse

if TYPE_CHECKING:
    from storyprism.extract.attribution import Attribution


def relays(p: Parse, text: str, atts: list[Attribution]) -> None:
    """In "Ushakov said Xi told him that ...": the inner attribution's words came via the outer speaker.

    Only when the inner speaker, cue and content all come after the outer cue and on its line: an
    inner cue after its own content ("... , '' Burman said of the plan") is a new statement the parse
    hung from the sentence before, not a relayed one."""
    by_cue = {a.cue: a for a in atts if a.cue >= 0}
    for a in atts:
        if a.cue < 0:
            continue
        h = p.heads[a.cue]
        if (
            p.deps[a.cue] == "ccomp"
            and h in by_cue
            and by_cue[h].speaker
            and a.speaker
            and by_cue[h].lemma in ("say", "tell", "report", "write", "add", "state")
            and p.ends[h] <= a.speaker[0]
            and all(p.ends[h] <= s for s, _ in a.content)
            and a.speaker[0] < a.content[0][0]
            and "\n" not in text[p.ends[h] : p.starts[a.cue]]
            and not _coordinated(p, text, h, a.cue)
        ):
            outer = by_cue[h].speaker
            a.via = outer
            if outer is not None and _bound_pronoun(p, text, a.speaker, outer):
                a.speaker = outer  # "investigators say they believe ...": their own belief
    for a in atts:
        proposer = _proposer(p, text, a.cue)
        if proposer is not None:
            a.speaker = proposer


# nouns for a plan someone puts forward, and the verbs that put one forward
_PLANS = frozenset(
    ["initiative", "plan", "proposal", "roadmap", "blueprint", "scheme", "framework", "draft", "resolution"]
)  # fmt: skip
_PROPOSING = frozenset(
    ["proposed", "propose", "proposes", "proposing", "floated", "drafted", "submitted", "unveiled", "tabled",
     "offered", "put", "presented", "introduced"]
)  # fmt: skip

_RELATIVE_PRONOUNS = frozenset(["which", "that"])


def _proposer(p: Parse, text: str, cue: int) -> tuple[int, int] | None:
    """Who holds the terms of a plan ("Moscow and Beijing proposed an initiative, which calls for ..."):
    a plan says nothing, its terms are the stance of those who put it forward. Signal: the cue's subject
    is a relative pronoun whose antecedent, a plan noun, is the object of a verb of proposing with a
    subject of its own; that subject holds the terms."""
    from storyprism.extract.subjects import subject

    if cue < 0 or p.deps[cue] != "relcl":
        return None
    # "a plan that the minister says is unaffordable": a speech verb with a subject of its own (not the
    # relative pronoun standing for the plan) reports that subject's words about the plan, not its terms
    if any(
        p.deps[c] in ("nsubj", "nsubjpass") and p.word(text, c) not in _RELATIVE_PRONOUNS
        for c in p.children(cue)
    ):
        return None
    plan = p.heads[cue]
    if p.word(text, plan) not in _PLANS or p.deps[plan] != "dobj":
        return None
    verb = p.heads[plan]
    if p.word(text, verb) not in _PROPOSING:
        return None
    return subject(p, text, verb)


def _bound_pronoun(p: Parse, text: str, inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    """Whether the inner holder is a pronoun bound by the outer speaker ("investigators say they
    believe", "Smith said he thinks"). Signal: a subject pronoun in a reported clause takes the reporting
    clause's subject as its antecedent when they agree in number (they: a plural noun; he/she: a name);
    the holder is then the outer speaker, who relays no one."""
    word = text[inner[0] : inner[1]].lower()
    heads = p.span_heads(*outer)
    if not heads:
        return False
    tag = p.tags[heads[-1]]
    return (word == "they" and tag == "NNS") or (word in ("he", "she") and tag == "NNP")


_COORDINATORS = frozenset(["and", "but", "while", "whereas", "yet"])


def _coordinated(p: Parse, text: str, outer: int, inner: int) -> bool:
    """Whether the inner cue's clause is coordinated with a clause the outer cue reports ("voters said
    Vance is honest, and three-quarters said she has the experience", parsed with the second "said"
    as a complement of the first): the outer cue has a reported clause of its own before the inner
    one, and a coordinating conjunction opens the inner clause. Signal: a reported clause follows its
    cue (at most "that" between); one after "and" with its own subject and cue is a new statement."""
    first = p.lefts[inner]
    before = first - 1
    while before > outer and p.word(text, before) in (",", ";"):
        before -= 1
    if before <= outer or p.word(text, before).lower() not in _COORDINATORS:
        return False
    return any(c != inner and p.deps[c] == "ccomp" and outer < c < first for c in p.children(outer))


def coordinated_statements(p: Parse, text: str, atts: list[Attribution]) -> None:
    """Ends the outer attribution's content before a coordinated statement it swallowed ("voters said
    Vance is honest, and three-quarters said ...": the first group's words end at "honest"); the
    second statement is its own attribution."""
    by_cue = {a.cue: a for a in atts if a.cue >= 0}
    for a in atts:
        h = p.heads[a.cue] if a.cue >= 0 else -1
        if h not in by_cue or h == a.cue or p.deps[a.cue] != "ccomp" or not _coordinated(p, text, h, a.cue):
            continue
        own = max(c for c in p.children(h) if p.deps[c] == "ccomp" and h < c < p.lefts[a.cue])
        last = p.rights[own]
        while last > own and p.word(text, last) in _COORDINATORS | {",", ";"}:
            last -= 1
        limit = p.ends[last]
        outer = by_cue[h]
        outer.content = [(s, min(e, limit)) for s, e in outer.content if s < limit]


# nouns for the people and bodies a report can cite as its source (besides names and person nouns)
_CITED_SOURCES = frozenset(
    ["authorities", "officials", "official", "sources", "source", "people", "person", "police", "ministry",
     "government", "witnesses", "witness", "residents", "spokesman", "spokeswoman", "spokesperson", "agency",
     "office", "department", "prosecutors", "investigators", "diplomats", "aides", "insiders", "executives",
     # a written source speaks for whoever issued it ("Reuters reported, citing United Nations documents"):
     # the report passes the documents' account on, as it would an official's
     "documents", "document", "filings", "filing", "records", "papers", "memo", "memos", "letter",
     "statement", "report", "reports"]
)  # fmt: skip
_REPORTING = frozenset(["say", "report", "write", "tell", "state", "add"])
# the participles by which a report names the source it passes on ("citing officials", "quoting sources")
_CITING = frozenset(["citing", "quoting"])
# the named-entity kinds that can be a report's source: people, organisations, countries and cities, and
# groups ("Palestinians"); a storm, a holiday or a law ("citing Hurricane Ian", "citing Christmas") is a
# reason the reporter gives, named like a source but no one who speaks
_SOURCE_LABELS = frozenset(["PERSON", "ORG", "GPE", "NORP"])
# the article's entity spans of those kinds while its attributions are read (the parse carries no
# entities, and ``attribution`` calls ``cited_sources`` with the parse alone); None: none known
_SOURCE_NAMES: ContextVar[list[tuple[int, int]] | None] = ContextVar("source_names", default=None)


@contextmanager
def source_names(ents: list[tuple[int, int, str]]) -> Iterator[None]:
    """While open, ``cited_sources`` takes a cited name as a source only inside one of the (start, end,
    label) entities whose label names a speaker (``_SOURCE_LABELS``)."""
    token = _SOURCE_NAMES.set([(s, e) for s, e, label in ents if label in _SOURCE_LABELS])
    try:
        yield
    finally:
        _SOURCE_NAMES.reset(token)


def _named_source(p: Parse, obj: int) -> bool:
    """Whether the name heading the cited object is a person, an organisation or a place that speaks
    (its head token lies in such an entity). With no entities known, no bare name is taken."""
    spans = _SOURCE_NAMES.get()
    return spans is not None and any(s <= p.starts[obj] and p.ends[obj] <= e for s, e in spans)


def cited_sources(p: Parse, text: str, atts: list[Attribution]) -> list[Attribution]:
    """ "..., CNN affiliate Teletica reported, citing civil aviation authorities": a report that cites
    its source passes on that source's words, so the cited source is the speaker and the reporter the
    relayer (``via``). Signal: the participle "citing" set on the reporting verb, or on the reported
    clause's head (the parser's other reading of the same sentence), with a person or a body as its
    object ("citing safety concerns", "citing Hurricane Ian" give a reason, not a source). The "citing"
    itself, whose object is that source, is then no attribution of its own: the list comes back
    without it."""
    from storyprism.extract.person_nouns import PERSON_NOUNS
    from storyprism.extract.subjects import name_span

    taken: set[int] = set()
    for a in atts:
        if a.cue < 0 or a.lemma not in _REPORTING or a.speaker is None or a.via is not None:
            continue
        hosts = [a.cue, *(c for c in p.children(a.cue) if p.deps[c] == "ccomp")]
        for h in hosts:
            cite = next(
                (c for c in p.children(h) if p.deps[c] == "advcl" and p.word(text, c) in _CITING), None
            )
            if cite is None:
                continue
            obj = next((g for g in p.children(cite) if p.deps[g] == "dobj"), None)
            if obj is None:
                continue
            word = p.word(text, obj)
            # a source noun or a person noun heads the object ("citing court records", "citing a
            # spokesman"), or the object is a name of someone who can speak ("citing Interfax")
            if (
                word in _CITED_SOURCES
                or word in PERSON_NOUNS
                or (p.tags[obj].startswith("NNP") and _named_source(p, obj))
            ):
                a.via, a.speaker = a.speaker, name_span(p, text, obj)
                # the citing phrase leaves the content wherever it stands: after the reported words
                # ("X reported Y, citing Z") or before them ("X, citing Z, reported that Y")
                cs, ce = p.subtree(cite)
                a.content = [
                    piece
                    for s, e in a.content
                    for piece in ((s, min(e, cs)), (max(s, ce), e))
                    if piece[0] < piece[1]
                ]
                taken.add(cite)
            break
    return [a for a in atts if a.cue not in taken]
