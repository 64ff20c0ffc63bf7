"""Stances on a topic: a speech or stance verb whose object is a bare noun phrase reports no words.

"X condemned the suggestion", "Y denied the allegations", "Z called for an inquiry": the object names
what the speaker took a stand on, not anything the speaker said. PolNeAR annotates these as attributions
(and a reader wants to know that X condemned something), so they are kept, but as ``kind="topic"``:
shown apart from quotes, never inside quotation marks and never counted as a quote of words.

The signal is grammatical, read from the dependency parse of the attribution's content:

- the cue took its content as an object ("dobj": a direct object or a passive subject with its agent)
  or as the object of a preposition ("prep": "called for an inquiry", "warned of a crisis");
- the content is one noun phrase: a single root that is a noun, pronoun, number or determiner, with no
  predicate hung on it by the cue ("described it as a disaster", "accused them of theft" add a claim
  about the object, so they report what was said);
- no clause inside it carries a proposition or a plan: no clausal complement, no "that/whether/if"
  clause on a noun ("the claim that he lied"), no infinitive on a noun ("plans to cut jobs"). A relative
  clause or a participle only describes the topic ("the allegations made against him") and stays;
- no quotation marks: a quoted fragment ("condemned the 'disgraceful' remarks") quotes words;
- the verb takes a stance, not informs: verbs of informing (assertives: "announced a ban", "confirmed the
  death of a man", "reported a 5 percent fall in sales", "recommended a fine") put a fact or a proposal in
  their object, a nominalised proposition ("confirmed that the man died"), so they report what was said.
  Attitude verbs ("condemned", "denied", "praised", "welcomed", "called for") keep the topic reading.
"""

from __future__ import annotations

import re

from storyprism.extract.cues import DOCUMENTS, SPEECH_NOUNS
from storyprism.extract.marks import QUOTE_MARKS
from storyprism.extract.parse import Parse
from storyprism.extract.stance_objects import handed_on, questioned_person, sports_feat

TOPIC_KINDS = frozenset({"dobj", "prep"})
_NOMINAL = ("NN", "PRP", "CD", "DT")  # tag prefixes of a noun phrase's root (NN, NNS, NNP, NNPS, PRP$ ...)
_PUNCT = frozenset({".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "$", "#"})
_CLAUSE_MARKS = frozenset({"that", "whether", "if"})
_MARKS = frozenset(QUOTE_MARKS)
# a single mark opening a word ("the 'disgraceful' remarks"); one inside or after a word is an apostrophe
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(]))['‘]\w")


# verbs of informing (assertives): their object is the news they give, not a topic they take a stand on
INFORMING = frozenset(
    ["announce", "confirm", "report", "reveal", "disclose", "estimate", "forecast", "predict", "recommend",
     "propose"]
)  # fmt: skip


# nouns that name a piece of news or someone's words without giving them ("confirmed the news", "the reports")
_NEWS_NOUNS = (
    SPEECH_NOUNS
    | DOCUMENTS
    | frozenset(
        ["news", "reports", "rumour", "rumours", "rumor", "rumors", "story", "stories", "details", "information",
         "account", "accounts", "it", "this", "that", "them", "these", "those", "speculation", "decision",
         "move", "plan", "plans", "figures", "results", "findings"]
    )
)  # fmt: skip


def _states_news(p: Parse, text: str, head: int, s: int, e: int) -> bool:
    """Whether an informing verb's object noun phrase states the news itself: it gives an amount ("a 5
    percent fall", "a fine of $2 million") or the head noun takes its own argument ("the death of a man",
    "a ban on plastic bags", "a fall in sales"), as the clause it nominalises would. A noun alone
    ("reported the incident", "announced his retirement") names an event, which stays the topic."""
    if any(p.tags[t] == "CD" for t in p.tokens_in(s, e)):
        return True
    return any(p.deps[c] == "prep" and p.word(text, c) in _ARGUMENT_PREPS for c in p.children(head))


_ARGUMENT_PREPS = frozenset(["of", "on", "in", "to", "against"])


def is_topic(
    p: Parse, text: str, kind: str, content: list[tuple[int, int]], lemma: str | None = None
) -> bool:
    """Whether an attribution whose content came as ``kind`` is a stance on a bare noun phrase."""
    if kind not in TOPIC_KINDS or len(content) != 1:
        return False
    s, e = content[0]
    if any(ch in _MARKS for ch in text[s:e]) or _SINGLE_OPEN.search(text[s:e]):
        return False
    heads = [t for t in p.span_heads(s, e) if p.tags[t] not in _PUNCT]
    if len(heads) == 2 and _reason(p, text, heads[1], s):
        # "criticized the board for its poor returns": the "for" phrase gives the reason of the stance,
        # hung on the verb; the object alone is still the topic (no clause, no words reported)
        heads = heads[:1]
    if len(heads) == 1 and _activity(p, text, kind, heads[0], s):
        return True
    if len(heads) != 1 or not p.tags[heads[0]].startswith(_NOMINAL):
        return False
    head = heads[0]
    if lemma in INFORMING and p.word(text, head) not in _NEWS_NOUNS and _states_news(p, text, head, s, e):
        # "confirmed the death of a man", "reported a 5 percent fall": the news given, not a topic; "confirmed
        # the news", "denied the reports" point at words given elsewhere and stay a stance on them
        return False
    for t in p.tokens_in(s, e):
        if t == head:
            continue
        dep = p.deps[t]
        if dep in ("ccomp", "csubj", "csubjpass", "xcomp"):
            return False  # a clause of its own inside the object: a proposition, reported
        if p.is_verb(t) or dep == "acl":
            # an infinitive anywhere in the phrase states a plan or a demand ("plans to cut jobs", "for
            # the settlements to be stopped", whatever the parser's label), and a "that/whether" clause
            # a proposition ("the claim that ..."); a finite relative clause only describes the topic
            for m in p.children(t):
                word = p.word(text, m)
                if p.deps[m] == "aux" and word == "to" and not _in_relative(p, t, head):
                    return False
                if p.deps[m] == "mark" and word in _CLAUSE_MARKS and dep != "relcl":
                    return False
    return True


def _reason(p: Parse, text: str, t: int, s: int) -> bool:
    """Whether ``t`` is a "for" phrase after the object, hung outside the span on the cue."""
    return p.deps[t] == "prep" and p.word(text, t) == "for" and p.heads[t] < s and p.children(t) != []


# verbs of sending: "emailed one full message", "sent a letter" hand over a thing, which states no view
_SENDING = frozenset(["email", "mail", "send", "forward", "fax", "text"])
# things that point to something without holding a view: "details of his past pointed to ..." is the
# reporter's reading of the evidence, no one speaks
_EVIDENCE = frozenset(
    ["detail", "details", "evidence", "data", "sign", "signs", "record", "records", "document", "documents",
     "fact", "facts", "clue", "clues", "trace", "traces", "indicator", "indicators", "statistics"]
)  # fmt: skip


def no_stance(
    p: Parse, text: str, cue: int, lemma: str | None, content: tuple[int, int], speaker: tuple[int, int]
) -> bool:
    """Whether a topic item (a cue with a bare noun-phrase object) holds no stance of its speaker."""
    if lemma in _SENDING:
        return True
    if cue < 0:
        return False
    if (
        handed_on(p, cue, lemma)
        or sports_feat(p, text, cue, lemma, content)
        or questioned_person(p, text, lemma, content)
    ):
        return True  # "referred questions to X", "blasted a two-run homer": a deed (``stance_objects``)
    if lemma == "recall" and any(
        p.deps[t] == "nummod" and p.heads[t] in p.span_heads(*content) for t in p.tokens_in(*content)
    ):
        # "The firm recalled 10,000 cars": a counted object is goods called back, not a memory told
        return True
    if lemma == "point" and text[speaker[0] : speaker[1]].split()[0].lower() in _EVIDENCE:
        return True
    if _no_view(p, text, cue, lemma, content, speaker):
        return True
    # "the North lashes out with weapons trials": after "lash out" the "with" phrase is the means of the
    # act, no topic ("lashed out at the plan" keeps its target; "agreed with" is another verb)
    return lemma == "lash" and any(
        p.deps[c] == "prep" and p.word(text, c) == "with" and 0 <= content[0] - p.ends[c] <= 2
        for c in p.children(cue)
    )


def _activity(p: Parse, text: str, kind: str, head: int, s: int) -> bool:
    """ "said of walking onto the set for the first time": after "of"/"about" on the cue, a gerund with no
    subject of its own names the activity spoken about, the topic; the words are elsewhere (often a
    quote before it). A gerund with its own subject ("said of him leaving") still names the topic."""
    if kind != "prep" or p.tags[head] != "VBG" or p.starts[head] != s:
        return False
    prep = p.heads[head]
    return p.word(text, prep) in ("of", "about") and not any(
        p.deps[c] in ("nsubj", "nsubjpass", "aux", "mark") for c in p.children(head)
    )


def _in_relative(p: Parse, t: int, head: int) -> bool:
    """Whether verb ``t`` sits inside a relative clause of the object ("the judgement of men who used
    work emails to buy sex"): its infinitive is the purpose of the men's act, which only describes the
    topic; it states no plan or demand of the speaker. The relative clause must hold the infinitive, not
    be it ("roads to be halted" is the demand itself, whatever the parser's label)."""
    t = p.heads[t]
    while t != head and p.heads[t] != t:
        if p.deps[t] == "relcl":
            return True
        t = p.heads[t]
    return False


# verbs that may take oneself as object without any topic: "expressing himself through voice-acting",
# "explained herself" speak of the manner of speaking; a reflexive after "defended"/"blamed" stays a stance
_SELF_MANNER = frozenset(["express", "explain", "repeat", "introduce", "present", "identify"])
_REFLEXIVE = frozenset(["himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself", "oneself"])
# verbs of ending or opening: "it concluded with the death of the driver", "the ad concludes with text"
_SEQUENCE = frozenset(["conclude", "end", "close", "open", "begin", "start", "finish", "wrap"])
# nouns for a piece of language: "a phrase that commonly refers to ...", "the term refers to": a word
# has a meaning, it holds no view
_LANGUAGE = frozenset(
    ["phrase", "term", "word", "words", "expression", "slang", "acronym", "abbreviation", "label", "nickname",
     "idiom", "hashtag", "slogan"]
)  # fmt: skip


def _no_view(
    p: Parse, text: str, cue: int, lemma: str | None, content: tuple[int, int], speaker: tuple[int, int]
) -> bool:
    """Topic items that state no one's view (signals in the comments above each word list):
    a reflexive object after a verb of the manner of speaking; "with" after a verb of ending or
    opening (the shape of an event, "concluded with" = ended with); a piece of language as the subject
    of "refer"/"mean"; and a "live-" act ("live-tweeted the developments"), a running account of events."""
    obj = text[content[0] : content[1]].strip().lower()
    if lemma in _SELF_MANNER and obj in _REFLEXIVE:
        return True
    if lemma in _SEQUENCE and any(
        p.deps[c] == "prep" and p.word(text, c) == "with" and p.ends[c] <= content[0] for c in p.children(cue)
    ):
        return True
    head = re.findall(r"[\w-]+", text[speaker[0] : speaker[1]].lower())
    if lemma in ("refer", "mean") and head and head[-1] in _LANGUAGE:
        return True
    return text[max(0, p.starts[cue] - 5) : p.starts[cue]].lower() == "live-"
