"""One fact told twice in other words: the test a summary uses to state each fact once.

Two newsrooms rarely word one fact alike ("The club fired its coach on Monday" / "The coach was
dismissed by the club on Monday"), so word overlap alone lets the same fact into a summary two or
three times. A news fact is who did what, with which figures: two sentences state one fact when

* they name the same actors: the same subject (the names before the main verb, or the noun after
  its determiner: "The investigation is ongoing ..." / "The investigation is still pending ...")
  and a good part of their names in common; or one distinctive figure in common, which names the
  fact as well as a person does ("A Pennsylvania woman ... more than $284 billion" / "Mary
  Horomanski of Erie received a bill of more than $284 billion");
* they give no different figures: a figure is part of the fact ("a 34-6 win" and "a 10-0 lead" are
  two facts about one game; "in 2003" and "on Friday" two times), so two sentences whose figures
  disagree are kept apart, whatever else they share;
* they state the same happening: the words that are not names (the verb, its object) meet, or the
  sentence encoder puts them close enough that the predicates are paraphrases (fired / dismissed).

The encoder alone is no test: it rates two different facts about one person ("X is a popular
figure" / "X is a senior member of a group") as close as a paraphrase; the names alone are none
either (every sentence of a story names its protagonist). Each signal below guards the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from storyprism.compare.readability import display_text
from storyprism.compare.text import content_tokens, sentence_names

# Figures as printed in digits (a score "34-6" gives 34 and 6). Years included: the year is the
# time of the fact.
_DIGITS = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
# Determiners before a subject noun ("The investigation", "A spokesman"): the subject is the noun.
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "its", "his", "her", "their"])
# An opening adverbial or subordinate clause, closed by a comma: a preposition or subordinator,
# then at most a dozen words without a verb of saying or a quotation ("On Sunday, ...", "In a
# heartfelt Instagram post, ...", "Although part of the rocket was built abroad, ...").
_INTRO = re.compile(
    r"^(?:in|on|at|after|before|during|since|following|despite|although|though|while|when|as|with|by|"
    r"for|from|under|amid|over|last|earlier|later|meanwhile|also)\b[^,“\"]{0,90},\s+",
    re.IGNORECASE,
)
# The subject is read among the main clause's first words, up to the first auxiliary or common verb.
_SUBJECT_WORDS = 6
_VERB_STARTS = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "did",
     "does", "said", "says", "told", "who", "which", "that", "and", "said,"]
)  # fmt: skip

# Two sentences of one fact share at least this many predicate words (non-name content words).
_PREDICATE_MIN_SHARED = 2
# Without the encoder, most of the shorter sentence's predicate words must be the other's.
_PREDICATE_SHARE_ALONE = 0.6
# With it: cosine + weight x share of predicate words in common. On the trust events' summaries,
# restatements with the same subject scored 0.82-1.0 ("called for an end to gun violence" / "is
# calling for an end to violence": cosine 0.75, half the words), two facts of one subject 0.73-0.80
# ("is ready to launch satellites on long-range rockets" / "has spent decades perfecting a
# long-range rocket": cosine 0.65, two words of seven).
_SHARE_WEIGHT = 0.5
_SAME_FACT_SCORE = 0.81
# A distinctive figure in common stands for the actors (one person named two ways), the encoder
# then only has to agree loosely (long sentences around one figure embed at 0.5-0.6).
_COSINE_FIGURE = 0.5
# Subjects phrased differently: many predicate words and two names in common with a moderate
# cosine, or the encoder close to certain with one name and one predicate word in common.
_MANY_SHARED = 5
_MANY_NAMES = 2
_COSINE_MANY = 0.55
_COSINE_PARAPHRASE = 0.8
# Share of the fewer names that both sentences carry: a restatement adds a title or a place.
_NAMES_SHARE = 1 / 3
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class Fact:
    """What a sentence states, as far as comparing two sentences needs: its names, the content
    words that are not names (the predicate and its objects), its figures and its subject word."""

    names: frozenset[str]
    predicate: frozenset[str]
    figures: frozenset[str]
    subject: frozenset[str]


def _figures(text: str) -> frozenset[str]:
    """Figures printed in digits. Small counts spelled out ("two trains") are often left out by a
    restatement, and an ordinal ("the 53rd Street tunnel") names a place or a rank, not an amount."""
    return frozenset(m.group().replace(",", "") for m in _DIGITS.finditer(text) if not _ORDINAL_SUFFIX.match(text, m.end()))


def _main_clause(text: str) -> str:
    """The sentence without an opening adverbial or subordinate clause ("In a heartfelt post, ...",
    "Although part of it was built abroad, ..."): English puts the subject after it."""
    m = _INTRO.match(text)
    return text[m.end() :] if m else text


def _subject(text: str) -> frozenset[str]:
    """Who or what the main clause is about: the names among its first words, up to the verb
    ("Netanyahu's Likud party has approved" -> netanyahu, likud), or, naming nobody, the noun after
    its determiner ("The investigation is ongoing" -> investigation)."""
    ws = re.findall(r"[A-Za-z][A-Za-z'’\-]*", _main_clause(text))[:_SUBJECT_WORDS]
    head: list[str] = []
    for w in ws:
        if w.lower() in _VERB_STARTS:
            break
        head.append(w)
    names = frozenset(sentence_names(" ".join(head)))
    if names:
        return names
    if len(head) >= 2 and head[0].lower() in _DETERMINERS:
        return frozenset([head[1].lower()])
    return frozenset()


def _verb_stem(stem: str) -> str:
    """One spelling for a verb's forms as the shared stemmer leaves them: "fire", "fir" (of "firing"),
    "stopp" (of "stopped") and "stop" meet once a final "e" and a doubled consonant go."""
    if len(stem) > 3 and stem.endswith("e"):
        stem = stem[:-1]
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        stem = stem[:-1]
    return stem


def fact_of(text: str) -> Fact:
    shown = display_text(text)
    names = frozenset(sentence_names(shown))
    # names leave the predicate as the content words spell them ("Bears" -> "bear")
    named = set(content_tokens(" ".join(names)))
    tokens = {t for t in content_tokens(shown) if not t[:1].isdigit()} - names - named
    return Fact(
        names=names,
        predicate=frozenset(_verb_stem(t) for t in tokens),
        figures=_figures(shown),
        subject=_subject(shown),
    )


def _same_actors(a: Fact, b: Fact) -> bool:
    """The same subject, and the names of each mostly shared."""
    if not a.subject & b.subject:
        return False
    if a.names and b.names:
        shared = len(a.names & b.names)
        # A good part of the names of the sentence naming fewer: a restatement adds a title or a
        # place to the actors, two facts about other people share a place name at most.
        return shared >= 1 and shared >= _NAMES_SHARE * min(len(a.names), len(b.names))
    return not a.names and not b.names


def _figures_agree(a: Fact, b: Fact) -> bool:
    """The same years (a sentence naming a year speaks of that year, one naming none of the story's
    own days), and no figure of one missing from the other when both give figures: a sentence giving
    none may restate one giving some ("the singer posted photos" / "posted three photos")."""
    if {f for f in a.figures if _YEAR.fullmatch(f)} != {f for f in b.figures if _YEAR.fullmatch(f)}:
        return False
    if not a.figures or not b.figures:
        return True
    return a.figures <= b.figures or b.figures <= a.figures


def _distinctive_figures(f: Fact) -> set[str]:
    """Figures no two facts of a story share by chance: three digits or more, or a decimal ("$284
    billion", "update 5.50"), years aside."""
    return {x for x in f.figures if not _YEAR.fullmatch(x) and (len(x.replace(".", "")) >= 3 or "." in x)}


def restates(a: Fact, b: Fact, cosine: Callable[[], float | None] | None = None) -> bool:
    """Whether the sentences read as ``a`` and ``b`` state one fact in other words (see the module
    docstring). ``cosine`` gives their encoder similarity when there is one; it is asked only once
    the cheap signals (actors or a distinctive figure, figures, shared predicate words) hold."""
    if not _figures_agree(a, b):
        return False
    shared = len(a.predicate & b.predicate)
    share = shared / max(1, min(len(a.predicate), len(b.predicate)))
    figure = bool(_distinctive_figures(a) & _distinctive_figures(b))
    if figure and shared >= _PREDICATE_MIN_SHARED:
        # One distinctive figure and the same predicate: the same fact whoever the sentence names
        # first ("A Pennsylvania woman ... more than $284 billion" / "Mary Horomanski ... $284 billion").
        value = cosine() if cosine is not None else None
        return value is None or value >= _COSINE_FIGURE
    if not _same_actors(a, b):
        # The subject phrased another way ("A police union boss has criticised ..." / "The chairman
        # of the police union, Ray Wendt, criticised ..."): names and many predicate words in
        # common, or the encoder close to certain with a name and a predicate word in common.
        names = len(a.names & b.names)
        if shared < 1 or not names or cosine is None:
            return False
        value = cosine()
        if value is None:
            return False
        many = shared >= _MANY_SHARED and names >= _MANY_NAMES and value >= _COSINE_MANY
        return many or value >= _COSINE_PARAPHRASE
    if shared < _PREDICATE_MIN_SHARED:
        return False
    value = cosine() if cosine is not None else None
    if value is None:
        return share >= _PREDICATE_SHARE_ALONE
    # The encoder's paraphrase judgement, helped by the share of predicate words in common: either
    # alone misjudges (two facts about one actor embed close; paraphrases share few words).
    return value + _SHARE_WEIGHT * share >= _SAME_FACT_SCORE


def same_fact(a: str, b: str, cosine: float | None = None) -> bool:
    """``restates`` on two sentences as printed (``cosine``: their encoder similarity, if known)."""
    return restates(fact_of(a), fact_of(b), None if cosine is None else lambda: cosine)


# Share of the shorter sentence's content words the other carries beyond which two sentences state
# one thing ("spotted a phenomenon that may carry small marine creatures at high speed over long
# distances" twice, in two outlets' words): a summary says it once. A few shared words (a name, a
# place, "played") make no restatement: at least this many must be shared.
_RESTATED_SHARE = 0.6
_RESTATED_MIN_WORDS = 6


def shares_most_words(a: str, b: str) -> bool:
    """The same statement reworded: most of the shorter sentence's content words are the other's,
    whoever the sentences name first (the cheap test, before ``restates`` reads actors and figures)."""
    ta, tb = set(content_tokens(display_text(a))), set(content_tokens(display_text(b)))
    if not ta or not tb:
        return False
    shared = len(ta & tb)
    return shared >= _RESTATED_MIN_WORDS and shared / min(len(ta), len(tb)) >= _RESTATED_SHARE
