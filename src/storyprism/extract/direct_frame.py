"""Who a direct quote belongs to, read off the dependency tree around it (``direct_attribution``).

Split from ``attribution`` (which finds cue verbs with their clauses and their speakers); this module
climbs from a quote in marks to the verb that introduces it, and shares that module's helpers."""

from __future__ import annotations

from storyprism.extract.attribution import _CLIMB, _RELAY, Attribution, _via, is_cue, lemma_of
from storyprism.extract.cues import ALL_FORMS, SPEECH_LEMMAS
from storyprism.extract.object_clauses import gerund_object, says
from storyprism.extract.parse import Parse
from storyprism.extract.subjects import name_span, subject


def direct_attribution(p: Parse, text: str, parts: list[tuple[int, int]]) -> Attribution | None:
    r"""Who a direct quote belongs to, read off the tree around it.

    - The quote hangs from a verb outside it (``"We will not back down," Freed told The Undefeated``:
      the quote's verb is the ``ccomp`` of told). From there the climb goes on through clause links to
      the nearest speech/cognition cue, so a quote inside reported speech belongs to the reporter of
      that speech (Kashin explained that China has shown “very unusual solidarity”: Kashin).
      Without a cue on the way the first verb's subject speaks (Moore thanked him for “...”).
    - The quote's own verb has its subject outside (… told reporters that Xi “underlined …”):
      that subject speaks, and the speech verb above it relays (``via``).
    - The quote is its own sentence and a speech verb outside hangs from it (``parataxis``).
    """
    qs, qe = parts[0][0], parts[-1][1]
    toks = p.tokens_in(qs, qe)
    if not toks:
        return None
    inside = set(toks)
    tops = [t for t in toks if p.heads[t] not in inside and p.heads[t] != t]
    for t in tops:
        if p.is_verb(t):
            # that Xi “underlined that …”, that Xi “fully supports …”: a named subject outside the
            # quote owns the quoted predicate, the speech verb above relays it; a pronoun subject
            # ("the army said he “acted professionally”") is the reporter's words about someone
            subj = next(
                (c for c in p.children(t) if p.deps[c] in ("nsubj", "nsubjpass") and c not in inside), None
            )
            # a copular predicate (She said Tarantino “was deeply regretful”) describes the subject in
            # the outer speaker's words; only a predicate of saying or stance is the subject's own
            copular = any(p.deps[c] in ("acomp", "attr") for c in p.children(t))
            if subj is not None and p.starts[subj] < qs and p.tags[subj].startswith("NNP") and not copular:
                spk = subject(p, text, t)
                if spk is None:
                    continue
                gov = _climb_to_cue(p, text, p.heads[t], inside)
                via = subject(p, text, gov[0]) if gov and gov[1] in _RELAY else None
                return Attribution(t, "say", spk, list(parts), via if via != spk else None, True)
    for t in tops:
        h = p.heads[t]
        if (
            p.deps[t] == "conj"
            and p.deps[h] == "ccomp"
            and any(p.deps[c] == "mark" and p.word(text, c) == "that" for c in p.children(t))
        ):
            # "said the deal went on but that basically, “She never ...”": a "that" clause joined to a
            # complement clause is a second complement of the same verb, so the quote is governed by
            # what governs its first conjunct ("said"), not by that conjunct's verb ("went on")
            h = p.heads[h]
        steps = 0
        while not p.is_verb(h) and p.heads[h] != h and steps < 6:
            h = p.heads[h]
            steps += 1
        if not p.is_verb(h) or h in inside:
            continue
        gov = _climb_to_cue(p, text, h, inside)
        if gov is None:
            heard = _heard_saying(p, text, h, parts)
            if heard is not None:
                return heard
        if (
            gov is None
            and text[p.starts[h] : p.ends[h]].lower() in _COPULAS
            and text[p.ends[h] : qs].strip(" :,“”\"'‘’\n")
        ):
            # "A gorilla was in the yard – and “the Zoo's team responded ...”": being is no saying; a
            # copula right before the quote still is ("Clinton's response was: “...”")
            continue
        if gov is None and p.starts[h] > qe:
            continue  # a verb after the quote that is no cue does not introduce it ("… ” Nice-Matin posted …)
        recalled = _recalled_saying(p, text, *gov, parts) if gov is not None else None
        if recalled is not None:
            return recalled
        v, lemma = gov if gov else (h, text[p.starts[h] : p.ends[h]].lower())
        strong = bool(gov) and v == p.heads[t] and p.deps[t] in _CLAUSE_OF_CUE
        spk = subject(p, text, v)
        if spk is None or _inside(spk, qs, qe):
            return None
        via = _via(p, text, v)
        return Attribution(v, lemma, spk, list(parts), via, strong)
    # the quote holds the root: a speech verb outside it attached to it ("..., he said" as parataxis)
    sents = {p.sent[t] for t in toks}
    for k in range(max(0, toks.start - 40), min(len(p), toks.stop + 40)):
        if k in inside or p.sent[k] not in sents or p.heads[k] not in inside:
            continue
        cue = lemma_of(p, text, k) or (
            ALL_FORMS.get(text[p.starts[k] : p.ends[k]].lower()) if p.is_verb(k) else None
        )
        if cue is not None:
            recalled = _recalled_saying(p, text, k, cue, parts)
            if recalled is not None:
                return recalled
            spk = subject(p, text, k)
            if spk and not _inside(spk, qs, qe):
                return Attribution(k, cue, spk, list(parts), _via(p, text, k), True)
    return None


def _recalled_saying(
    p: Parse, text: str, v: int, lemma: str, parts: list[tuple[int, int]]
) -> Attribution | None:
    """ "He recalled the pilot telling the passengers: “...”": a verb of memory or perception whose
    object and -ing verb of saying form one clause (``object_clauses``); the words are the object's,
    and the one who remembers them relays them (``via``)."""
    obj = next((c for c in p.children(v) if p.deps[c] == "dobj" and c > v), None)
    g = gerund_object(p, text, v, lemma, obj) if obj is not None else None
    if obj is None or g is None or not says(p, text, g):
        return None
    via = subject(p, text, v)
    return Attribution(g, lemma_of(p, text, g) or "say", name_span(p, text, obj), list(parts), via, True)


def _heard_saying(p: Parse, text: str, h: int, parts: list[tuple[int, int]]) -> Attribution | None:
    """ "“...,” a spectator can be heard saying", "she was filmed telling them": a passive verb of
    perception with a speech verb as its complement; the one heard (its passive subject) speaks."""
    if text[p.starts[h] : p.ends[h]].lower() not in _HEARD:
        return None
    say = next(
        (c for c in p.children(h) if p.deps[c] == "xcomp" and lemma_of(p, text, c) in SPEECH_LEMMAS), None
    )
    who = next((c for c in p.children(h) if p.deps[c] == "nsubjpass"), None)
    if say is None or who is None or any(s <= p.starts[who] < e for s, e in parts):
        return None
    lemma = lemma_of(p, text, say) or "say"
    return Attribution(say, lemma, name_span(p, text, who), list(parts), None, True)


_COPULAS = frozenset(["is", "are", "was", "were", "be", "been", "being", "'s", "’s", "'re", "’re"])
_HEARD = frozenset(["heard", "seen", "filmed", "recorded", "caught", "overheard", "captured", "videotaped"])
_CLAUSE_OF_CUE = frozenset(["ccomp", "dobj", "xcomp", "parataxis", "conj", "advcl", "oprd", "attr"])


def _inside(span: tuple[int, int], qs: int, qe: int) -> bool:
    return qs <= span[0] and span[1] <= qe


def _climb_to_cue(p: Parse, text: str, h: int, inside: set[int]) -> tuple[int, str] | None:
    steps = 0
    while steps < 8:
        if p.is_verb(h) and h not in inside:
            lemma = is_cue(p, text, h)
            if lemma:
                return h, lemma
        if p.heads[h] == h or p.deps[h] not in _CLIMB:
            return None
        h = p.heads[h]
        steps += 1
    return None
