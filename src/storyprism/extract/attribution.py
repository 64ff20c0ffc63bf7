"""Attribution from the dependency parse: which cue verb governs a quote or a clause, and its subject.

General signals, none tied to a corpus:

- a *cue* is a verb of speech, cognition or perception (``cues.CUE_LEMMAS`` plus the belief and
  perception verbs below) and it must *govern* the content: the content is its clausal complement
  (``ccomp``: "said that ...", "believes the plan ..."), or, for a direct quote, the quote hangs from it
  in the tree. A verb merely near a quote or a clause is no cue ("Bell added a 10-yard TD run": a direct
  object, not a clause, so no attribution);
- the content is the complement's subtree, so it ends where the attributed words end: the addressee
  (the cue's object, "told The Undefeated"), the cue and the reporter's clause are outside it;
- the *speaker* is the cue's subject; a cue without one borrows it from the verb it is coordinated
  with or subordinate to ("posted a comment, saying that ..."); a relative pronoun stands for the noun
  it modifies; an appositive ("Vasily Kashin, the director of the Centre for ...") is never the speaker
  when the subject is a name, and names the speaker when the subject is a role noun ("the director,
  Vasily Kashin,");
- "according to X" attributes the clause it modifies to X;
- a speech cue whose content is itself an attribution ("Ushakov said Xi told him ...") makes its
  subject the relayer (``via``) of the inner speaker.

- an adjective of belief or certainty with a clause ("are confident that ...") is its subject's view.

The speaker phrase itself (subjects, names, appositives) is read by ``subjects``; word lists are in
``cues``; who a quote in marks belongs to (``direct_attribution``) is read by ``direct_frame``.
"""

from __future__ import annotations

import re

from storyprism.extract import not_quotes, not_speech, unsaid
from storyprism.extract.attribution_spans import (
    _ADDRESSEE_VERBS,
    Attribution,
    _clip,
    _headline,
    _line,
    _says_something,
    _subtree_without,
    _trim,
)
from storyprism.extract.content_edges import (
    TIME_WORDS,
    clause_after_phrase,
    complement_start,
    stranded_that_clause,
)
from storyprism.extract.cue_shapes import _agent_passive, _noun_cue, _stance_adjective
from storyprism.extract.cues import (
    ALL_FORMS,
    BELIEF_LEMMAS,
    CIRCUMSTANCE,
    CUE_LEMMAS,
    DOCUMENTS,
    EMPTY_WORDS,
    MEDIA,
    NOT_DONE,
    PASSIVE_HOLDER,
    QUESTION_WORDS,
    SPEECH_LEMMAS,
    SPEECH_NOUNS,
    SPEECH_OR_BELIEF,
    TALK,
)
from storyprism.extract.frames import MESSAGE_PREP, frames
from storyprism.extract.object_clauses import gap_head, gerund_object, says, unstated
from storyprism.extract.parse import Parse
from storyprism.extract.relays import cited_sources, coordinated_statements, relays
from storyprism.extract.subjects import (
    misread_verb,
    name_before_cue,
    name_span,
    noun_phrase_before,
    subject,
)
from storyprism.extract.thing_holders import thing_forecast

_SUBJ = ("nsubj", "nsubjpass", "csubj")


# "say" reports its message as a clause or a quote; a phrase after it names what was said only through
# "about"/"of" ("said of Apple", "said about Latinos"). "at", "on", "to", "with", "in" name the place,
# the medium, the addressee or the manner of saying ("said at a rally", "said on Twitter", "said to
# reporters", "said with a smirk"): circumstances of the act, not its topic. PolNeAR train: 30 of the 65
# "say" topics matched no attribution, most of them such circumstances; this drops 20 (17 unmatched).
_SAY_TOPIC_PREPS = frozenset(["about", "of"])


def _says_yes_or_no(p: Parse, text: str, v: int) -> bool:
    """ "said no to the war", "said yes to the deal": a refusal or an assent, whose "to" names what is
    refused or accepted (the stance's topic), not an addressee."""
    return any(p.word(text, c) in ("no", "yes") and c > v for c in p.children(v))


def lemma_of(p: Parse, text: str, i: int) -> str | None:
    """The cue lemma of token ``i`` when it is a verb of speech/cognition, else None."""
    if not p.tags[i].startswith("VB"):
        return None
    lemma = SPEECH_OR_BELIEF.get(text[p.starts[i] : p.ends[i]].lower())
    return None if lemma is not None and moves(p, text, i, lemma) else lemma


# a particle that turns a cue into a verb of motion: "the rocket will blast off" launches, it criticises
# no one ("X blasted the plan" still speaks)
_MOTION_PARTICLES = frozenset([("blast", "off")])


def moves(p: Parse, text: str, i: int, lemma: str) -> bool:
    """Whether cue ``i`` (read as ``lemma``) carries a particle that makes it a verb of motion."""
    return any(p.deps[c] == "prt" and (lemma, p.word(text, c)) in _MOTION_PARTICLES for c in p.children(i))


def _inverted_tag(p: Parse, text: str, v: int, o: int) -> bool:
    """Whether "X" in "..., reported X." is the inverted subject: the cue follows a comma and its
    object, a name, closes the sentence."""
    before = text[max(0, p.starts[v] - 3) : p.starts[v]].rstrip()
    if re.search(r"[,?!][\"”’']$", before):
        return True  # '"Meh," wrote a Trump supporter who ...': after a quote, the verb's object is who wrote
    after = text[p.ends[p.rights[o]] : p.ends[p.rights[o]] + 20].lstrip()
    # "..., reported French media, adding that ...": a source noun, and a participle may follow
    source = p.tags[o].startswith("NNP") or text[p.starts[o] : p.ends[o]].lower() in _SOURCE_NOUNS
    ends = not after or after[0] in ".;\n" or re.match(r",\s+[a-z]+ing\b", after) is not None
    return before.endswith(",") and source and ends


_SOURCE_NOUNS = frozenset(["media", "outlets", "newspapers", "reports", "television", "sources", "officials"])


def _content(
    p: Parse, text: str, v: int, lemma: str, deps: frozenset[str]
) -> tuple[str, list[tuple[int, int]]]:
    """What ``v`` attributes: its clausal complement first, then (when the frame allows) an infinitive,
    an object (with its predicate: "called him a liar", "described it as a disaster"), or a
    prepositional object ("called for an inquiry"). The addressee ("told reporters that ...") is no
    content: with a clause present only the clause counts."""
    kids = p.children(v)
    comps = [c for c in kids if p.deps[c] == "ccomp"]
    stranded = stranded_that_clause(p, text, v) if not comps and "ccomp" in deps else None
    if stranded is None and not comps and "ccomp" in deps and lemma in SPEECH_LEMMAS:
        stranded = clause_after_phrase(p, v)  # "said after the convention he would ..."
    comps = [stranded] if stranded is not None else comps
    if len(comps) > 1 and any(c > v for c in comps):
        # "Seattle's sex industry has grown ... and the city's authorities have said that ...": a clause
        # before the cue joined to its subject by "and" (no comma sets it off as fronted content) is
        # the reporter's own, hung on the cue by the parser
        comps = [c for c in comps if c > v or not _joined_on(p, text, p.rights[c])]
    if any(p.deps[c] == "dobj" and c > v for c in kids) and lemma not in _ADDRESSEE_VERBS:
        # "What's exciting is these features are open to any app; developers can find information on
        # the site": a verb with an object of its own after it ("find information") does not report the
        # clause before it (an addressee, "told reporters", still lets it: who is told is no content)
        comps = [c for c in comps if c > v]
    if lemma == "add" and comps and _scored_object(p, text, v, comps[0]):
        return "", []  # "Moss added a 12-yard scoring run ...": what is added is the object, no words
    if comps and "ccomp" in deps:
        spans = [p.subtree(c) for c in comps]
        if comps[0] > v:  # "said he and Y would ride": the subject the parser hung on the cue goes back
            start = complement_start(p, v, comps[0], lemma in _ADDRESSEE_VERBS)
            spans[0] = (start, spans[0][1]) if start is not None else spans[0]
        gap = gap_head(p, text, v, comps[0])
        if gap is not None:
            spans.insert(0, gap)  # "an alleged incident she said took place ...": the gap's noun first
        return "ccomp", [s for s in (_trim(text, *sp) for sp in spans) if s]
    if "as" in deps:
        # "voters see Clinton as more trustworthy": the object with its "as" phrase is the view
        objs = [c for c in kids if p.deps[c] == "dobj" and c > v]
        as_ = [c for c in kids if objs and c > objs[0] and p.deps[c] == "prep" and p.word(text, c) == "as"]
        if as_:
            span = _trim(text, p.starts[p.lefts[objs[0]]], p.ends[p.rights[as_[0]]])
            return "dobj", [span] if span else []
    if "xcomp" in deps:
        xs = [c for c in kids if p.deps[c] == "xcomp" and c > v]
        if xs and p.deps[v] == "relcl" and any(p.deps[c] == "dobj" and c < v for c in p.children(xs[0])):
            # "radio waves, which Falcke hopes to catch": the relative pronoun is the infinitive's
            # object, so "to catch" alone attributes nothing
            return "", []
        if xs:
            span = _trim(text, *p.subtree(xs[0]))
            return "xcomp", [span] if span else []
    if "dobj" in deps:
        objs = [c for c in kids if p.deps[c] == "dobj" and c > v]
        if objs and lemma in _ADDRESSEE_VERBS:
            # "told reporters", "urged Congress to act": the object is who is addressed; only what
            # follows it ("to act") is content
            rest = [c for c in kids if c > objs[0] and p.deps[c] in ("xcomp", "ccomp")]
            span = _trim(text, *p.subtree(rest[0])) if rest else None
            return ("xcomp", [span]) if span else ("", [])
        if objs and any(p.deps[c] == "dative" for c in kids):
            return "", []  # "denied it entry", "showed them the door": giving or refusing, not saying
        if objs and _inverted_tag(p, text, v, objs[0]):
            return "", []  # "..., reported The Associated Press.": the object is the source
        if objs and not _message_object(p, text, objs[0]):
            return "", []
        if objs:
            o = objs[0]
            right = p.rights[o]
            for c in kids:
                if (
                    c > o
                    and (
                        p.deps[c] in ("oprd", "xcomp", "ccomp")
                        # "described it as ...", "accused them of theft", "blamed him for ..."
                        or (
                            p.deps[c] == "prep"
                            and text[p.starts[c] : p.ends[c]].lower() in ("as", "of", "for")
                        )
                    )
                ):
                    right = max(right, p.rights[c])
            g = gerund_object(p, text, v, lemma, o)
            if g is not None:
                # "recalled the tram speeding up": after a verb of memory or perception the object and
                # its -ing verb are one clause, an event (``object_clauses``): what is recalled is a
                # proposition, not a topic; "recalled the pilot telling the passengers: ..." relays the
                # pilot's words, which the -ing verb of saying attributes on its own
                if says(p, text, g):
                    return "", []
                span = _trim(text, p.starts[p.lefts[o]], p.ends[max(right, p.rights[g])])
                return "gerund", [span] if span and _says_something(text, span) else []
            span = _trim(text, p.starts[p.lefts[o]], p.ends[right])
            return "dobj", [span] if span and _says_something(text, span) else []
    if "prep" in deps and (
        lemma not in _ADDRESSEE_VERBS
        or (
            lemma in MESSAGE_PREP
            and not any(p.deps[c] == "dobj" for c in kids)
            and not (p.tags[v] == "VBN" and not any(p.deps[c] == "aux" for c in kids))
        )
    ):
        # "told them about X", "asked about X": the addressee's topic, no one's words; with no one
        # addressed, "warned of a crisis" names the danger and "asked for a recount" the request; a
        # bare participle ("when asked for comment") is passive: its subject is the one asked
        preps = [c for c in kids if p.deps[c] == "prep" and v < c <= v + 3]
        for pr in preps[:1]:
            allowed = MESSAGE_PREP.get(lemma)
            word = text[p.starts[pr] : p.ends[pr]].lower()
            if allowed is not None and word not in allowed:
                break  # "apologized to the players": the addressee, not what the apology was for
            if lemma in TALK and word in ("to", "with"):
                break  # "talks to Vivienne Walt": who is talked to, not what is said
            if lemma == "say" and word not in _SAY_TOPIC_PREPS and not _says_yes_or_no(p, text, v):
                break  # "said at a news conference", "said on Twitter", "said with a smirk", "said to him"
            if word in CIRCUMSTANCE or any(p.word(text, g) in TIME_WORDS for g in p.children(pr)):
                break  # "said in a statement to CNN", "said after the meeting": how or when, not what
            objs = [g for g in p.children(pr) if p.deps[g] in ("pobj", "pcomp")]
            if objs and _message_object(p, text, objs[0]):
                span = _trim(text, *p.subtree(objs[0]))
                return "prep", [span] if span and _says_something(text, span) else []
        if not preps:
            # "called for Trump to drop out", "pushed for the bill to pass": the parser reads the
            # preposition as the mark of a clause; the clause after it is what was called for
            for c in kids:
                m = next((k for k in p.children(c) if p.deps[k] == "mark" and k == v + 1), None)
                if p.deps[c] != "advcl" or m is None:
                    continue
                allowed = MESSAGE_PREP.get(lemma)
                word = p.word(text, m)
                if word != "for" or (allowed is not None and word not in allowed):
                    break
                span = _trim(text, p.ends[m], p.ends[p.rights[c]])
                return "prep", [span] if span and _says_something(text, span) else []
    return "", []


def _yet_to(p: Parse, text: str, v: int) -> bool:
    """Whether ``v`` is the infinitive of "has yet to" / "is yet to" ("state media has yet to reference the
    launch"): the construction says the act has not happened (so far), as "declined to" does. With an
    embedded question ("has yet to explain why ...") it names the open question, as a negated cue does."""
    h = p.heads[v]
    return p.word(text, h) in _YET_HEADS and any(p.word(text, c) == "yet" for c in p.children(h))


_YET_HEADS = frozenset(["has", "have", "had", "is", "are", "was", "were"])


def _asks(p: Parse, text: str, v: int) -> bool:
    """Whether the clausal complement of ``v`` is an embedded question ("what ...", "whether ...")."""
    for c in p.children(v):
        if p.deps[c] == "ccomp" and c > v:
            first = text[p.starts[p.lefts[c]] : p.ends[p.lefts[c]]].lower()
            return first in QUESTION_WORDS
    return False


def _joined_on(p: Parse, text: str, last: int) -> bool:
    """Whether the clause ending at token ``last`` is joined to what follows by "and" (the "and" may
    hang inside the clause's subtree)."""
    return any(0 <= k < len(p) and text[p.starts[k] : p.ends[k]].lower() == "and" for k in (last, last + 1))


def _scored_object(p: Parse, text: str, v: int, comp: int) -> bool:
    """Whether "add" at ``v`` takes a noun-phrase object of its own before the clause ``comp`` the parser
    hung on it ("Moss added a 12-yard scoring run late in the third and Lake made it 31-6"). Signal: "add"
    with a direct object is putting something in (a score, a feature, a stop), not saying; a clause
    only counts as said when nothing but an addressee or a bare "this"/"that" stands before it, or
    the object is a noun of saying ("added a warning that ...")."""
    return any(
        p.deps[c] == "dobj"
        and v < c < comp
        and p.word(text, c) not in EMPTY_WORDS
        and p.word(text, c) not in SPEECH_NOUNS
        and p.word(text, c) not in DOCUMENTS
        for c in p.children(v)
    )


def _message_object(p: Parse, text: str, o: int) -> bool:
    """Whether object ``o`` of a cue can be what was said: not a picture or a clip ("tweeted an image
    of ...", "posted a video"). Content that is only a demonstrative or a formula ("say goodbye",
    "have to say about all this", "said that") is dropped by ``_says_something``."""
    return text[p.starts[o] : p.ends[o]].lower() not in MEDIA


def _after_cue(
    text: str, span: tuple[int, int], cue_end: int, spk: tuple[int, int] | None
) -> tuple[int, int] | None:
    s, e = span
    if s < cue_end <= e or (spk and s <= spk[0] < e):
        return _trim(text, max(cue_end, spk[1] if spk else s), e)
    return span


def _according(p: Parse, text: str, i: int) -> Attribution | None:
    """The "according to X" at token ``i``: X is the source of the clause it modifies."""
    to = next((c for c in p.children(i) if text[p.starts[c] : p.ends[c]].lower() == "to"), None)
    kids = p.children(to) if to is not None else []
    # "according to show insiders": what follows "to" is a noun phrase whatever the parser made of it
    # (a noun read as a verb hangs the phrase as a clause, ``pcomp``)
    obj = next((g for g in kids if p.deps[g] == "pobj"), None) or next(
        (g for g in kids if p.deps[g] == "pcomp"), None
    )
    if obj is None:
        return None
    if p.word(text, obj) in _NORMS and not any(p.deps[k] in ("det", "poss", "amod", "compound") for k in p.children(obj)):
        # "If all goes according to plan", "according to schedule": the phrase says how things go, by a
        # plan or a custom, no one's account (a source comes with a determiner or an owner: "according to
        # the plan's authors", "according to his schedule" names whose)
        return None
    h = p.heads[i]
    if h == i:
        # "According to X, the move reeks of ...": a sentence-opening frame the parser made the root,
        # with the clause hung on the source; the clause is what follows the source's comma
        comma = text.find(",", p.ends[obj], p.ends[p.rights[i]])
        if p.lefts[i] != i or comma < 0:
            return None
        clause = _trim(text, comma + 1, p.ends[p.rights[i]])
        parts = [clause] if clause else []
    else:
        # the clause: the head's subtree without the "according to X" phrase
        parts = _subtree_without(text, p, h, i)
        # "The center has been organizing leaders, according to its website, but this week announced ...":
        # a source set after the first of two coordinated predicates vouches for what precedes it; the
        # predicate joined after it is the reporter's own narration
        # (a source opening the sentence, "According to police, officers saw ... and ordered ...", vouches
        # for all of it)
        later = [c for c in p.children(h) if p.deps[c] in ("cc", "conj") and c > p.rights[i]]
        if later and i > h:
            cut = p.starts[p.lefts[later[0]]]
            parts = [c for c in (_trim(text, s, min(e, cut)) for s, e in parts if s < cut) if c]
    if not parts:
        return None
    # the whole source phrase when short ("a story on The Athletic"), else the name it heads
    src = p.subtree(obj)
    comma = text.find(",", p.ends[obj], src[1])
    if comma > 0:
        src = (src[0], comma)  # "a story on The Athletic, team trainers ...": up to the comma
    slash = text.rfind("/", src[0], src[1])
    if slash > 0:
        src = (slash + 1, src[1])  # "Andrew Kelly / Reuters": a photo credit before the source
    # "according to a police source cited by AFP": the source is the one cited, the citing agency
    # passes its words on (``via``), as a report "citing" its source does (``relays.cited_sources``)
    via = None
    cited = next(
        (c for c in p.children(obj) if p.deps[c] == "acl" and p.word(text, c) in ("cited", "quoted")), None
    )
    agent = next((c for c in p.children(cited) if p.deps[c] == "agent"), None) if cited is not None else None
    by = next((g for g in p.children(agent) if p.deps[g] == "pobj"), None) if agent is not None else None
    if by is not None and cited is not None:
        via = name_span(p, text, by)
        src = (src[0], min(src[1], p.starts[cited]))
    if len(text[src[0] : src[1]].split()) > 10:
        src = name_span(p, text, obj)
    # "according to his remarks provided by the Kremlin": words are their owner's, whoever passed them on
    owner = next((c for c in p.children(obj) if p.deps[c] == "poss"), None)
    if owner is not None and p.word(text, obj) in _WORDS_OWNED:
        src = name_span(p, text, owner)
    out = Attribution(-1, "according to", _trim(text, *src) or src, parts, kind="according")
    out.via = via
    return out


# nouns for someone's own words: a possessive on them names the one who spoke
_WORDS_OWNED = frozenset(["remarks", "comments", "words", "statement", "statements", "testimony", "account"])


def clause_attributions(p: Parse, text: str) -> list[Attribution]:
    """Every cue verb that governs a clause, and every "according to", in text order."""
    forms, table = frames()
    out: list[Attribution] = []
    modifies: dict[int, int] = {}  # id of an "according to" attribution -> the verb it modifies
    asked: dict[int, int] = {}  # cue of a demanded act -> the verb of asking (``unsaid.demanded_act``)
    for i in range(len(p)):
        word = text[p.starts[i] : p.ends[i]].lower()
        if word == "according" and p.deps[i] in ("prep", "ROOT"):
            a = _according(p, text, i)
            if a:
                modifies[id(a)] = p.heads[i]
                out.append(a)
            continue
        misread = misread_verb(p, text, i)
        if not p.tags[i].startswith("VB") and not misread:
            continue
        lemma = forms.get(word) or SPEECH_OR_BELIEF.get(word)
        if lemma is None:
            continue
        deps = table.get(lemma, frozenset())
        if unsaid.self_naming(p, text, i, lemma):
            continue  # "calling themselves The League": a name given to oneself, no words (``unsaid``)
        if (lemma in BELIEF_LEMMAS or lemma in CUE_LEMMAS) and lemma not in _NOT_FRAMING:
            deps = deps | {"ccomp"}  # a speech or belief verb with a clause always attributes it
        if any(p.deps[c] == "neg" for c in p.children(i)) and not (
            any(p.deps[c] == "ccomp" for c in p.children(i))
            and (lemma in _NEGATED_STANCE or _asks(p, text, i))
        ):
            # "did not confirm the details": a denial of speech is no attribution; "she doesn't think
            # Clinton can win" still states her view (negation raises to the clause it governs), and
            # "isn't saying what other techniques he would support" names the open question he leaves
            # (an embedded question asserts nothing, so no claim is put in his mouth)
            continue
        if not_speech.asked(p, text, i):
            continue  # "Do we expect him to ...?": a yes/no question asserts nothing (``not_speech``)
        if p.deps[i] == "xcomp" and (
            text[p.starts[p.heads[i]] : p.ends[p.heads[i]]].lower() in NOT_DONE
            or (_yet_to(p, text, i) and not _asks(p, text, i))
        ):
            continue  # "was unable to confirm the reports", "declined to say", "has yet to comment": not said
        if p.deps[i] == "xcomp" and not_speech.obliged(p, text, i):
            continue  # "firms have to report suspicious transfers": a duty laid down, no one's words
        asker = unsaid.demanded_act(p, text, i)
        if asker == -1:
            continue  # "an effort to force the U.S. to ... agree to", "demanded NATO guarantee": not said
        if lemma not in PASSIVE_HOLDER and (
            any(p.deps[c] in ("auxpass", "nsubjpass") for c in p.children(i))
            or (
                # "a practice criticized by Miller": a bare past participle with a "by" agent on a noun
                # is a passive; so is one opening a clause with an infinitive ("Asked by reporters to
                # comment, ..."): the one asked is pressed to act, the infinitive is no one's words
                # ("When pressed by Holt about how ..." keeps the asker's question)
                p.tags[i] == "VBN"
                and any(p.deps[c] == "agent" for c in p.children(i))
                and (
                    p.deps[i] == "acl"
                    or (p.deps[i] == "advcl" and any(p.deps[c] == "xcomp" for c in p.children(i)))
                )
            )
        ):
            agented = _agent_passive(p, text, i, lemma, deps)
            if agented is not None:
                out.append(agented)
            continue  # "was asked", "was called in for": the subject is addressed, not speaking
        kind, content = _content(p, text, i, lemma, deps)
        if not_speech.no_content(p, text, i, lemma, kind):
            continue  # a gap in a relative clause, a fronted wh-subject, "found himself" (``not_speech``)
        content = not_speech.without_questions(p, text, i, lemma, content)
        if unstated(p, text, i, lemma, kind):
            continue  # "photographs showing wreckage", "lead viewers to believe", "unless X agrees" (``object_clauses``)
        if not_quotes.topic_only(p, text, i, lemma, kind, content):
            continue  # a plain noun phrase referred to, cheered, tweeted about or unveiled (``not_quotes``)
        if (
            kind == "dobj"
            and "ccomp" in table.get(lemma, frozenset())
            and p.deps[i] in ("advcl", "acl")
            and any(p.deps[c] == "aux" and p.word(text, c) == "to" for c in p.children(i))
        ):
            # "called an emergency meeting to discuss countermeasures", "went on air to explain herself":
            # an infinitive of purpose (a "to" infinitive hung on a verb or a noun as its aim) whose verb
            # reports words in a clause elsewhere ("discussed that ...") but here takes a noun names the
            # topic of the talk, not its words; a verb that only ever takes an object ("rallied to condemn
            # the regime", "to voice their frustration") states the stance itself and stays
            continue
        if not content and (lemma in SPEECH_LEMMAS or lemma in _OPINION):
            kind, content = "parenthetical", _interrupted(p, text, i)
        spk = subject(p, text, i) if not misread else noun_phrase_before(p, text, i)
        if asker is not None:
            spk = subject(p, text, asker)  # "urged candidates to disclose": the demand is the asker's
            asked[i] = asker
        if spk is None and not misread and lemma in SPEECH_LEMMAS:
            spk = name_before_cue(p, i)  # "... of the Washington Post Trump said that ..."
        line = _line(text, p.starts[i])
        if spk and not (line[0] <= spk[0] and spk[1] <= line[1]):
            spk = None  # a subject in another paragraph is a parse that ran across the break
        if unsaid.event_sign(p, text, lemma, spk):
            continue  # "the video call signaled unity": the reporter's reading of a happening (``unsaid``)
        if thing_forecast(p, text, lemma, spk):
            continue  # "the shaft threatens to collapse": a thing's likely fate, no one's words (``thing_holders``)
        # a fronted relative or object ("which Putin said he is studying") drags the cue into the
        # complement's subtree: the content starts after the cue
        content = [c for c in (_after_cue(text, c, p.ends[i], spk) for c in content) if c]
        content = _clip(text, content, line)
        if not content or (kind == "dobj" and _headline(text, line)):
            # "Elon Musk confirms Amber Heard split" on a line of its own: a teaser's noun phrase names
            # the news, it reports no one's words (a clause after the cue still does)
            continue
        out.append(Attribution(i, lemma, spk, content, kind=kind))
    # a demand the verb of asking already attributes ("urged the minister to confirm ...") is told once
    cues = {b.cue for b in out}
    out = [a for a in out if a.cue not in asked or asked[a.cue] not in cues]
    out.extend(a for a in (_noun_cue(p, text, i) for i in range(len(p))) if a is not None)
    out.extend(a for a in (_stance_adjective(p, text, i) for i in range(len(p))) if a is not None)
    for a in out:  # content ends before another holder's relative clause, starts after its own frame
        a.content = not_speech.trimmed(p, text, a.cue, a.content)
        if a.kind == "according":  # "..., as X accounts for 90%, according to UN data": the figure alone
            a.content = not_quotes.data_figure(p, text, a.speaker, a.content)
    out.sort(key=lambda a: a.content[0][0])
    # "Wolfson says a judge may be convinced that ...": a stance someone only predicts or supposes
    # ("may", "might", "could", "would", "will": "experts expect that companies will announce ...") is
    # the outer speaker's claim, not the inner one's words
    supposed = {
        a.cue
        for a in out
        if a.cue >= 0
        and p.deps[a.cue] == "ccomp"
        and p.heads[a.cue] in {b.cue for b in out if b.cue >= 0 and b.speaker}
        and any(text[p.starts[c] : p.ends[c]].lower() in _SUPPOSING for c in p.children(a.cue))
    }
    out = [a for a in out if a.cue not in supposed]
    out = unsaid.without_cited_evidence(p, text, out)
    relays(p, text, out)
    out = cited_sources(p, text, out)
    coordinated_statements(p, text, out)
    # "Peskov said Putin told him that ...": the relayed attribution (with via) stands for both
    relayed = {p.heads[a.cue] for a in out if a.cue >= 0 and a.via is not None and p.deps[a.cue] == "ccomp"}
    out = [a for a in out if a.cue not in relayed]
    # "The leader said that ..., according to Ushakov": the leader speaks, Ushakov relays
    by_cue = {a.cue: a for a in out if a.cue >= 0}
    keep = []
    for a in out:
        inner = by_cue.get(modifies.get(id(a), -2))
        if inner is None and id(a) in modifies:
            up = _governing_cue(p, modifies[id(a)], by_cue)
            if up is not None and up.speaker and _continues(text, up.content, a.content):
                # "Suga says the missile reached ..., crossed ... and fell into the ocean ..., according
                # to Reuters": "according to" hangs from a verb of the reported clause (here its last
                # conjunct), yet relays the whole statement; the clause is the speaker's, all of it
                up.content = _joined(up.content + a.content)
                inner = up
        if inner is not None and inner.speaker:
            if a.speaker and inner.via is None and (
                inner.lemma == "report" or _evidence_holder(text, inner.speaker)
            ):
                # "The Enquirer reports that ..., according to the WWF": a report passes on its source's
                # account, so the source speaks and the reporter relays (a person's "said" keeps the
                # words, the one "according to" names having passed them on). So does a report or
                # reading with no author of its own ("Early reports ... indicated ..., according to the
                # South Korean military"): the named party is whose account it is
                relayer = inner.speaker if not _evidence_holder(text, inner.speaker) else None
                inner.speaker, inner.via = a.speaker, relayer
            else:
                inner.via = inner.via or a.speaker
            continue
        keep.append(a)
    return keep


# Things that "indicate" or "show" without an author named in them: reports, readings and data are
# someone's, and an "according to" on their sentence names whose
_EVIDENCE = frozenset(
    ["report", "reports", "data", "figures", "estimates", "records", "readings", "findings", "statistics",
     "indications", "results", "tests", "images", "footage", "assessments"]
)  # fmt: skip


# bare nouns of a plan or a custom after "according to": how something goes, not who says so
_NORMS = frozenset(["plan", "plans", "schedule", "script", "tradition", "custom", "protocol", "form", "law"])


def _evidence_holder(text: str, speaker: tuple[int, int] | None) -> bool:
    """Whether a speaker span is a bare report or reading with no owner named in it ("Early reports",
    "preliminary data"; not "the Pentagon's report", "Reuters images")."""
    if speaker is None:
        return False
    words = text[speaker[0] : speaker[1]].split()
    return (
        0 < len(words) <= 4
        and words[-1].lower().strip(".,") in _EVIDENCE
        and not any(w[:1].isupper() or "'" in w or "’" in w for w in words[1:])
    )


def _governing_cue(p: Parse, verb: int, by_cue: dict[int, Attribution]) -> Attribution | None:
    """The attribution whose cue governs ``verb`` from above within its sentence (the cue of the
    clause that verb is part of), or None."""
    at, steps = verb, 0
    while p.heads[at] != at and steps < 12:
        at, steps = p.heads[at], steps + 1
        if at in by_cue:
            return by_cue[at]
    return None


def _continues(text: str, first: list[tuple[int, int]], then: list[tuple[int, int]]) -> bool:
    """Whether the spans ``then`` go on right where ``first`` ends (overlapping, or after nothing but a
    comma or "and"/"or": the next conjunct of one clause)."""
    if not first or not then:
        return False
    begin, end = min(s for s, _ in first), max(e for _, e in first)
    start = min(s for s, _ in then)
    if start < begin:
        return False
    return start <= end or re.fullmatch(r"\s*,?\s*(?:(?:and|or)\s+)?", text[end:start]) is not None


def _joined(parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans sorted, overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(parts):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


_SUPPOSING = frozenset(["may", "might", "could", "would", "should", "will", "'ll", "’ll"])


# opinion verbs whose negation with a clause is itself an opinion ("doesn't think", "don't believe")
_NEGATED_STANCE = frozenset(["think", "believe", "expect", "feel", "suppose", "reckon"])
# opinion verbs that are set off like a speech tag ("This is, I think, a mistake")
_OPINION = frozenset(["think", "believe", "argue", "acknowledge", "write", "contend", "suspect", "fear"])


def _interrupted(p: Parse, text: str, v: int) -> list[tuple[int, int]]:
    """The clause a parenthetical or trailing cue interrupts: "The museum, Mr. Bush said, celebrated
    ...", "Hawaii, as one of his advisers pointed out, rarely gets ...". The cue is set off
    (``parataxis``, or an "as" clause) and has its own subject; the content is the clause it hangs
    from without the cue's own phrase. A cue with an object of its own ("he told me") is not set off."""
    dep = p.deps[v]
    kids = p.children(v)
    if dep == "advcl":
        if not not_speech.set_off(p, text, v):  # "..., as one adviser noted", not "comes as X will testify"
            return []
    elif dep != "parataxis":
        return []
    if not any(p.deps[c] == "nsubj" for c in kids) or any(
        p.deps[c] in ("ccomp", "xcomp", "dobj", "dative") for c in kids
    ):
        return []
    h = p.heads[v]
    if h == v or not p.is_verb(h):
        return []
    if p.deps[h] == "ccomp" and lemma_of(p, text, p.heads[h]) is not None:
        # "the firm now says the issue was not a matter of form, as many first claimed": a comment clause
        # inside someone's reported words is part of that report, and the clause it comments on may be
        # the opposite of what its holders said (the negation is the reporting speaker's)
        return []
    return _subtree_without(text, p, h, v)


_CLIMB = ("ccomp", "xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "prep", "pobj", "dobj", "attr", "oprd")


# verbs of perception and inference report facts, not someone's words: a quote under "China has
# shown “very unusual solidarity”" belongs to whoever reports that, not to China
_NOT_FRAMING = frozenset(
    [
        "show",
        "find",
        "see",
        "know",
        "learn",
        "mean",
        "indicate",
        "prove",
        "demonstrate",
        "determine",
        "hear",
        "understand",
        "recognize",
        "recognise",
        "realize",
        "realise",
        "consider",
        "decide",
        "estimate",
        "project",
        "forecast",
        "guess",
        "assume",
    ]
)


def is_cue(p: Parse, text: str, i: int) -> str | None:
    """Cue lemma of a verb that can frame a direct quote (speech and stance verbs, "called", "read")."""
    if not p.is_verb(i):
        return None
    word = text[p.starts[i] : p.ends[i]].lower()
    lemma = SPEECH_OR_BELIEF.get(word) or ALL_FORMS.get(word)
    if lemma is None or lemma in _NOT_FRAMING or moves(p, text, i, lemma):
        return None
    return lemma


_RELAY = frozenset(["say", "tell", "report", "write", "add", "state", "quote", "cite", "note", "explain"])


def _via(p: Parse, text: str, v: int) -> tuple[int, int] | None:
    """The relayer of cue ``v``: "according to Y" on it, or the subject of a speech verb it is reported by."""
    for c in p.children(v):
        if text[p.starts[c] : p.ends[c]].lower() == "according":
            a = _according(p, text, c)
            if a and a.speaker:
                return a.speaker
    h = p.heads[v]
    if p.deps[v] == "ccomp" and h != v and (is_cue(p, text, h) or "") in _RELAY:
        outer = subject(p, text, h)
        if outer and outer != subject(p, text, v):
            return outer
    return None
