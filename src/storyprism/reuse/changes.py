"""Meaning-bearing changes between an aligned source sentence and its copy.

Each detector looks for a difference that rewording cannot explain (a number that is not in the
other sentence, a negation present on one side only, the same head noun or verb with its roles
swapped, a named source that vanished together with every attribution to it, every hedge gone)
and stays quiet otherwise: a false alarm on a plain paraphrase costs as much as a missed change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from storyprism.records import Change
from storyprism.reuse.text import STOPWORDS, content_words, normalise, words
from storyprism.text.cues import HEDGES, SAY_LEMMAS  # one list for every stage (re-exported here)
from storyprism.text.numbers import WORD_NUMBERS, compatible, read_quantities
from storyprism.text.stopwords import stem

_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(%|percent|per cent|thousand|million|billion|trillion))?",
    re.IGNORECASE,
)
_NUMBER_WORDS = WORD_NUMBERS  # the shared table (storyprism.text.numbers)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NEGATION = frozenset({"not", "n't", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "without"})
_PATIENT_PREPS = frozenset({"of", "against", "on", "into", "toward", "towards", "at"})
_AGENT_PREPS = frozenset({"by"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)


def _clip(s: str, n: int = 140) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# --------------------------------------------------------------------------- numbers


def numbers(text: str) -> list[tuple[float, str]]:
    """(value, surface text) of every quantity; number words count, bare ordinals do not."""
    out: list[tuple[float, str]] = []
    for m in _NUMBER.finditer(text):
        value = float(m.group(1).replace(",", ""))
        unit = (m.group(2) or "").lower()
        if unit in _SCALE:
            value *= _SCALE[unit]
        out.append((value, m.group(0).strip()))
    toks = words(text)
    for i, t in enumerate(toks):
        if t in _NUMBER_WORDS and not (t == "one" and (i + 1 < len(toks) and toks[i + 1] in ("of", "another"))):
            value = float(_NUMBER_WORDS[t])
            surface = t
            if i + 1 < len(toks) and toks[i + 1] in _SCALE:
                value *= _SCALE[toks[i + 1]]
                surface = f"{t} {toks[i + 1]}"
            elif i + 1 < len(toks) and toks[i + 1] == "hundred":
                continue
            out.append((value, surface))
    return out


def number_changes(src: str, cp: str) -> list[Change]:
    a, b = numbers(src), numbers(cp)
    va = [v for v, _ in a]
    vb = [v for v, _ in b]
    only_a = [(v, s) for v, s in a if v not in vb]
    only_b = [(v, s) for v, s in b if v not in va]
    # a number is *changed* only when the copy puts a different number in its place; one that
    # is merely dropped (a trimmed detail) is not a change of meaning; nor is a figure both can state
    # at once ("more than 500 injured" and "527 injured": the shared reader's ``compatible``)
    qa, qb = read_quantities(src), read_quantities(cp)

    def agree(va: float, sa: str, vb: float, sb: str) -> bool:
        xa = [q for q in qa if sa in q.text]
        xb = [q for q in qb if sb in q.text]
        if xa and xb:
            return any(compatible(x, y) for x in xa for y in xb)
        # a bare figure (no counted noun for the shared reader): its own qualifier says how far it goes
        lo_a, hi_a = _interval(va, _qualifier(src, sa))
        lo_b, hi_b = _interval(vb, _qualifier(cp, sb))
        return lo_a <= hi_b and lo_b <= hi_a

    return [Change("number", sa, sb) for (va, sa), (vb, sb) in zip(only_a, only_b, strict=False)
            if _counts_alike(src, sa, cp, sb) and not agree(va, sa, vb, sb)]


def _counted(text: str, surface: str) -> str | None:
    """The word a figure counts ("269 counts", "18-month" -> "month"), stemmed; None at the end."""
    at = text.find(surface)
    if at < 0:
        return None
    after = words(text[at + len(surface) : at + len(surface) + 40])
    return stem(after[0]) if after else None


def _counts_alike(src: str, sa: str, cp: str, sb: str) -> bool:
    """Two figures in one place of a sentence are one quantity when they count the same thing: "12
    people" and "21 people" are; "269 counts" and "an 18-month investigation" are two quantities."""
    ua, ub = _counted(src, sa), _counted(cp, sb)
    return ua is None or ub is None or ua == ub


_QUALIFIERS = {
    "more than": "above", "over": "above", "at least": "above", "upwards of": "above",
    "nearly": "below", "almost": "below", "under": "below", "less than": "below", "up to": "below",
    "about": "near", "around": "near", "some": "near", "roughly": "near", "approximately": "near",
}


def _qualifier(text: str, surface: str) -> str:
    """How the text bounds a figure: "above" (more than), "below" (nearly), "near" (about), "exact"."""
    at = text.find(surface)
    before = " ".join(words(text[max(0, at - 24) : at])[-2:]) if at >= 0 else ""
    for phrase, kind in _QUALIFIERS.items():
        if before.endswith(phrase):
            return kind
    return "exact"


def _interval(value: float, kind: str) -> tuple[float, float]:
    """The values a figure stands for: "more than 500" is (500, inf), "about 40" is 36-44."""
    if kind == "above":
        return value, float("inf")
    if kind == "below":
        return float("-inf"), value
    if kind == "near":
        return value - 0.1 * abs(value), value + 0.1 * abs(value)
    return value, value


# --------------------------------------------------------------------------- negation / hedges


def _negations(toks: Iterable[str]) -> list[str]:
    return [t for t in toks if t in _NEGATION or t.endswith("n't")]


def _tokens_with_contractions(text: str) -> list[str]:
    return re.findall(r"[a-z]+n't|[a-z]+", normalise(text).lower())


def _negated_words(toks: Sequence[str]) -> list[str]:
    """The first content word after each negation: what is negated ("not massed" -> "massed")."""
    out = []
    for k, t in enumerate(toks):
        if t in _NEGATION or t.endswith("n't"):
            nxt = next((w for w in toks[k + 1 : k + 6] if w not in STOPWORDS and w not in _NEGATION), None)
            if nxt is not None:
                out.append(nxt)
    return out


def negation_changes(src: str, cp: str) -> list[Change]:
    ta, tb = _tokens_with_contractions(src), _tokens_with_contractions(cp)
    na, nb = _negations(ta), _negations(tb)
    # counts, not presence: a sentence may carry one negation and gain or lose another; "won't"
    # and "will not" count the same
    if len(na) == len(nb):
        return []
    # a flip negates what the other side asserts: the negated word is there on both sides. When the
    # copy dropped the whole negated clause ("..., indicating it may not have been a success"), that
    # is an omission, not a change of meaning.
    more, fewer = (ta, tb) if len(na) > len(nb) else (tb, ta)
    other = {stem(w) for w in fewer}
    negated_there = {stem(w) for w in _negated_words(fewer)}
    # ... and asserts it there: a word negated on both sides (a sentence repeated in a merged unit)
    # is no flip
    if not any(stem(w) in other and stem(w) not in negated_there for w in _negated_words(more)):
        return []
    return [Change("negation", _clip(src), _clip(cp))]


def hedge_changes(src: str, cp: str) -> list[Change]:
    ha = [t for t in words(src) if t in HEDGES]
    hb = [t for t in words(cp) if t in HEDGES]
    if ha and not hb:
        return [Change("hedge-removed", ", ".join(dict.fromkeys(ha)), _clip(cp))]
    return []


# --------------------------------------------------------------------------- roles


def _stem(w: str) -> str:
    return w[:-1] if len(w) > 4 and w.endswith("s") else w


def _prep_roles(text: str) -> dict[tuple[str, str], tuple[str, str]]:
    """(head, object) -> (role, surface) for "<head> <prep> [det] <object>" phrases."""
    toks = words(text)
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for i in range(1, len(toks) - 1):
        p = toks[i]
        if p in _PATIENT_PREPS:
            role = "patient"
        elif p in _AGENT_PREPS:
            role = "agent"
        else:
            continue
        head = toks[i - 1]
        if head in STOPWORDS:
            continue
        k = i + 1
        while k < len(toks) and toks[k] in _DETERMINERS:
            k += 1
        if k >= len(toks) or toks[k] in STOPWORDS:
            continue
        out[(_stem(head), _stem(toks[k]))] = (role, " ".join(toks[i - 1 : k + 1]))
    return out


def _span_head(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _verb_roles(doc: Any) -> dict[str, tuple[str, str, str]]:
    """verb lemma -> (agent head, patient head, surface) from subject/object/passive-agent deps."""
    out: dict[str, tuple[str, str, str]] = {}
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        agent = patient = None
        for ch in tok.children:
            if ch.dep_ == "nsubj":
                agent = ch
            elif ch.dep_ in ("dobj", "nsubjpass"):
                patient = ch
            elif ch.dep_ == "agent":
                for g in ch.children:
                    if g.dep_ == "pobj":
                        agent = g
        if agent is not None and patient is not None and agent.pos_ != "PRON" and patient.pos_ != "PRON":
            surface = doc[min(agent.i, patient.i, tok.i) : max(agent.i, patient.i, tok.i) + 1].text
            out[str(tok.lemma_).lower()] = (_span_head(agent), _span_head(patient), surface)
    return out


def role_changes(src: str, cp: str, doc_src: Any = None, doc_cp: Any = None) -> list[Change]:
    out: list[Change] = []
    ra, rb = _prep_roles(src), _prep_roles(cp)
    for key, (role, surface) in ra.items():
        other = rb.get(key)
        if other is not None and other[0] != role:
            out.append(Change("role-flip", surface, other[1]))
    if doc_src is not None and doc_cp is not None and not out:
        va, vb = _verb_roles(doc_src), _verb_roles(doc_cp)
        for verb, (ag, pa, surface) in va.items():
            other_roles = vb.get(verb)
            if other_roles and ag != pa and other_roles[0] == pa and other_roles[1] == ag:
                out.append(Change("role-flip", surface, other_roles[2]))
    return out


# --------------------------------------------------------------------------- attribution / entities


_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})


def attributions(doc: Any) -> list[tuple[str, str, bool, set[str]]]:
    """(speaker head, surface, speaker is a proper name, speaker words) for each "X said" /
    "according to X" in a parsed sentence."""
    out: list[tuple[str, str, bool, set[str]]] = []
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX") and str(tok.lemma_).lower() in SAY_LEMMAS:
            for ch in tok.children:
                if ch.dep_ in ("nsubj", "nsubjpass"):
                    span = doc[ch.left_edge.i : ch.right_edge.i + 1]
                    out.append((ch.text.lower(), f"{span.text} {tok.text}", ch.pos_ == "PROPN", set(words(span.text))))
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            for ch in doc[tok.i + 1].children:
                if ch.dep_ == "pobj":
                    span = doc[ch.left_edge.i : ch.right_edge.i + 1]
                    out.append((ch.text.lower(), f"according to {span.text}", ch.pos_ == "PROPN", set(words(span.text))))
    return out


def attribution_changes(src: str, cp: str, doc_src: Any, doc_cp: Any) -> list[Change]:
    """A source names who said it; the copy keeps the words but no attribution to that source.

    A named speaker must survive (by name, or as a pronoun speaker of an attribution in the copy);
    an unnamed one ("officials", "the leader") only needs some attribution to remain."""
    att_a = attributions(doc_src)
    if not att_a:
        return []
    att_b = attributions(doc_cp)
    cp_lower = normalise(cp).lower()
    copy_speakers: set[str] = set().union(*(w for _, _, _, w in att_b)) if att_b else set()
    pronoun_speaker = any(h in _PRONOUNS for h, _, _, _ in att_b)
    says = bool(att_b) or any(str(t.lemma_).lower() in SAY_LEMMAS for t in doc_cp)
    for head, surface, proper, span_words in sorted(att_a, key=lambda x: not x[2]):
        if proper:
            kept = normalise(head).lower() in cp_lower or bool(span_words & copy_speakers - STOPWORDS) or pronoun_speaker
        else:
            kept = says or head in set(words(cp))
        if not kept:
            return [Change("attribution-dropped", surface, _clip(cp))]
    return []


_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def entity_changes(src: str, cp: str, doc_src: Any, doc_cp: Any) -> list[Change]:
    """One named entity swapped for another of the same type in an otherwise kept sentence."""
    la, lb = src.lower(), cp.lower()
    gone = [e for e in doc_src.ents if e.label_ in _ENTITY_LABELS and e.text.lower() not in lb]
    new = [e for e in doc_cp.ents if e.label_ in _ENTITY_LABELS and e.text.lower() not in la]
    if len(gone) != 1 or len(new) != 1 or gone[0].label_ != new[0].label_:
        return []
    # the rest of the sentence must be the same: otherwise it is rewording, not a swap
    rest_a = set(content_words(src)) - set(words(gone[0].text))
    rest_b = set(content_words(cp)) - set(words(new[0].text))
    if not rest_a or not rest_b:
        return []
    if 2 * len(rest_a & rest_b) / (len(rest_a) + len(rest_b)) < 0.75:
        return []
    return [Change("entity", gone[0].text, new[0].text)]


# --------------------------------------------------------------------------- all together


# A number, a negation or a hedge that differs is a change of meaning only between two wordings of
# one statement: a loose paraphrase ("allows radio signals to be blocked" / "will not get disturbed by
# radio signals") shares few of its words, and a negation or a figure there is the rewording itself.
MIN_SHARED_WORDS = 0.4  # Dice overlap of the two sentences' content words


def _same_statement(src: str, cp: str) -> bool:
    a, b = set(content_words(src)), set(content_words(cp))
    return bool(a and b) and 2 * len(a & b) / (len(a) + len(b)) >= MIN_SHARED_WORDS


def sentence_changes(src: str, cp: str, doc_src: Any = None, doc_cp: Any = None) -> list[Change]:
    close = _same_statement(src, cp)
    out = (number_changes(src, cp) + negation_changes(src, cp)) if close else []
    out += role_changes(src, cp, doc_src, doc_cp)
    if doc_src is not None and doc_cp is not None:
        out += attribution_changes(src, cp, doc_src, doc_cp)
        out += entity_changes(src, cp, doc_src, doc_cp)
    if close:
        out += hedge_changes(src, cp)
    return out


def batch_changes(pairs: Sequence[tuple[str, str]], use_parser: bool = True) -> list[list[Change]]:
    """Changes for many aligned (source, copy) sentence pairs; one spaCy pass over all of them."""
    if not pairs:
        return []
    docs: dict[str, Any] = {}
    if use_parser:
        # No fallback: the role-flip detector reads the parse, and a missing model raises
        # ModelMissing with its fix rather than quietly losing the most severe change kind.
        # The full pipeline (the lemmatizer and the attribute ruler's coarse tags are read here) from
        # the model the extraction already loaded, not a second copy of it.
        from storyprism.models import full_spacy_pipe

        # a sentence the copy kept word for word changed nothing: only the others are parsed
        unique = list(dict.fromkeys(s for pair in pairs if pair[0] != pair[1] for s in pair))
        for text, doc in zip(unique, full_spacy_pipe(unique, batch_size=64), strict=True):
            docs[text] = doc
    return [sentence_changes(a, b, docs.get(a), docs.get(b)) if a != b else [] for a, b in pairs]
