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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyprism.extract.cues import ALL_FORMS, CUE_LEMMAS, _forms
from storyprism.extract.frames import frames
from storyprism.extract.parse import Parse

# beliefs, perceptions and stances that attribute a proposition ("officials fear that ...")
BELIEF_LEMMAS = (
    "believe", "think", "fear", "hope", "expect", "know", "feel", "worry", "doubt", "wonder", "suspect",
    "assume", "realize", "realise", "understand", "see", "find", "show", "suggest", "indicate", "estimate",
    "predict", "argue", "conclude", "decide", "hear", "learn", "consider", "recognize", "recognise",
    "acknowledge", "concede", "insist", "contend", "reckon", "figure", "notice", "imply", "mean", "read",
    "reveal", "determine", "prove", "demonstrate", "agree", "announce", "warn", "promise", "vow",
    "pledge", "threaten", "guarantee", "swear", "remind", "inform", "assure", "convince", "persuade",
    "retort", "speculate", "theorize", "surmise", "posit", "allege", "complain", "explain", "add",
)  # fmt: skip
_MORE_IRREGULAR = {
    "know": ["knew", "known", "knows", "knowing"],
    "feel": ["felt", "feels", "feeling"],
    "see": ["saw", "seen", "sees", "seeing"],
    "find": ["found", "finds", "finding"],
    "read": ["reads", "reading"],
    "hear": ["heard", "hears", "hearing"],
    "understand": ["understood", "understands", "understanding"],
    "mean": ["meant", "means", "meaning"],
    "learn": ["learned", "learnt", "learns", "learning"],
    "show": ["showed", "shown", "shows", "showing"],
    "swear": ["swore", "sworn", "swears", "swearing"],
    "prove": ["proved", "proven", "proves", "proving"],
    "forecast": ["forecasts", "forecasting"],
    "think": ["thought", "thinks", "thinking"],
    "worry": ["worried", "worries", "worrying"],
    "imply": ["implied", "implies", "implying"],
    "agree": ["agreed", "agrees", "agreeing"],
}
# "X told Y": the object is the addressee, not content; with these a clause complement is required
SPEECH_OR_BELIEF: dict[str, str] = {}
for _lem in (*CUE_LEMMAS, *BELIEF_LEMMAS):
    if _lem in ("told", "point out", "call", "describe", "praise", "criticize", "criticise", "dismiss"):
        continue  # no clausal complement ("called him a liar" is not a proposition)
    forms = _MORE_IRREGULAR.get(_lem) or _forms(_lem)
    for _f in (_lem, *forms):
        SPEECH_OR_BELIEF.setdefault(_f, _lem)

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_ADDRESSEE_VERBS = frozenset(
    ["tell", "ask", "inform", "remind", "assure", "urge", "warn", "notify", "brief", "advise", "implore"]
)
_NAME_MODS = ("compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod", "npadvmod")
_EXPLETIVE = frozenset(["it", "there", "this", "that", "what"])
_RELATIVE = frozenset(["who", "which", "that", "whom"])
PUNCT_EDGE = " ,;:—–-\"'“”‘’«»()"


@dataclass(slots=True)
class Attribution:
    cue: int  # token index of the cue verb (-1 for "according to")
    lemma: str
    speaker: tuple[int, int] | None
    content: list[tuple[int, int]]
    via: tuple[int, int] | None = None
    # the quote is a clause or object of a speech/cognition cue (not a title or a scare-quoted term
    # hanging from a preposition or a noun): enough to call even a short quote someone's words
    strong: bool = False
    kind: str = "ccomp"  # the complement that carries the content: ccomp, xcomp, dobj, prep, according


def lemma_of(p: Parse, text: str, i: int) -> str | None:
    """The cue lemma of token ``i`` when it is a verb of speech/cognition, else None."""
    if not p.tags[i].startswith("VB"):
        return None
    return SPEECH_OR_BELIEF.get(text[p.starts[i] : p.ends[i]].lower())


def name_span(p: Parse, text: str, n: int) -> tuple[int, int]:
    """The noun phrase a subject token heads, without its appositive, relative clause or prepositions.

    The name is the head with the modifiers before it ("Kremlin spokesman Dmitry Peskov",
    "the Russian leader"); an appositive child names the person when the head is a common noun
    ("the director, Vasily Kashin,").
    """
    if not p.tags[n].startswith("NNP") and p.tags[n] not in ("PRP", "WP"):
        for c in p.children(n):
            if p.deps[c] == "appos" and p.tags[c].startswith("NNP"):
                return name_span(p, text, c)
    left = n
    for c in p.children(n):
        if c < n and p.deps[c] in _NAME_MODS:
            left = min(left, p.lefts[c])
    right = n
    for c in p.children(n):
        if c > n and p.deps[c] in ("compound", "flat") and c == right + 1:
            right = c
    # "the Center for Humane Technology": a capitalised "of"/"for" phrase is part of a proper name
    if p.tags[n].startswith("NNP"):
        for c in p.children(n):
            if c == right + 1 and text[p.starts[c] : p.ends[c]].lower() in ("of", "for"):
                objs = [g for g in p.children(c) if p.deps[g] == "pobj" and p.tags[g].startswith("NNP")]
                if objs and all(
                    text[p.starts[k]].isupper() or p.tags[k] in ("DT", "CC")
                    for k in range(c + 1, p.rights[objs[0]] + 1)
                ):
                    right = p.rights[objs[0]]
    # "Lee Kuk-no", "Park Soo-hyun": a hyphen inside the name keeps both halves
    while (
        right + 2 < len(p)
        and text[p.starts[right + 1] : p.ends[right + 1]] == "-"
        and (p.starts[right + 1] == p.ends[right] and p.starts[right + 2] == p.ends[right + 1])
    ):
        right += 2
    # a dateline, a time stamp or a dash before the name is not part of it ("1:50 p.m. Famed fight
    # doctor Ferdie Pacheco", "WASHINGTON (AP) — Trump")
    for k in range(left, n):
        word = text[p.starts[k] : p.ends[k]]
        if (
            word in (".", ":", ";", ")", "(")
            or (word in ("—", "–", "-") and text[p.starts[k] - 1 : p.starts[k]].isspace())
            or "/" in word
            or word.lower() in ("p.m.", "a.m.")
            or (
                # a dateline in capitals ("WASHINGTON (AP) —", "LAS VEGAS —"), not an acronym ("An RAIB
                # spokesman"): followed by punctuation or by more capitals
                word.isupper()
                and len(word) > 3
                and not text[p.starts[n] : p.ends[n]].isupper()
                and (
                    not text[p.starts[k + 1] : p.ends[k + 1]][:1].isalnum()
                    or text[p.starts[k + 1] : p.ends[k + 1]].isupper()
                )
            )
        ):
            left = k + 1
    while left < n and text[p.starts[left]] in PUNCT_EDGE:
        left += 1
    return p.span(left, right)


# passives whose subject holds the stance ("The Times is expected to endorse", "She is assured of");
# for the rest the passive subject is the addressee ("was told that", "was asked")
_PASSIVE_HOLDER = frozenset(["assure", "convince", "persuade", "quote"])


def subject(p: Parse, text: str, v: int, depth: int = 0) -> tuple[int, int] | None:
    """The speaker phrase of verb ``v``: its subject, or the subject of the verb it hangs from."""
    word = text[p.starts[v] : p.ends[v]].lower()
    holder_passive = SPEECH_OR_BELIEF.get(word) in _PASSIVE_HOLDER
    for c in p.children(v):
        if p.deps[c] == "nsubj" or (holder_passive and p.deps[c] == "nsubjpass"):
            if not p.tags[c].startswith(("NN", "PRP", "CD", "DT", "WP")):
                return None  # a gerund or a verb parsed as subject ("Building the set ... included")
            word = text[p.starts[c] : p.ends[c]].lower()
            if word in _RELATIVE and p.deps[v] == "relcl" and p.heads[v] != v:
                return name_span(p, text, p.heads[v])  # "Smith, who said ...": Smith
            if word in _EXPLETIVE:
                return None
            return name_span(p, text, c)
        if p.deps[c] == "agent":  # "was told by X", "was quoted by X"
            for g in p.children(c):
                if p.deps[g] == "pobj":
                    return name_span(p, text, g)
    if p.deps[v] == "relcl" and p.heads[v] != v:
        return None
    h = p.heads[v]
    if depth < 3 and p.deps[v] in ("conj", "advcl", "xcomp") and h != v:
        # "Clinton posted a comment, saying that ...", "He declined to comment but said ..."
        if p.deps[h] in ("acomp", "attr") and p.heads[h] != h:
            h = p.heads[h]  # "voters are more likely to say": the subject of "are"
        return subject(p, text, h, depth + 1)
    if depth < 2 and p.deps[v] == "pcomp" and p.deps[h] == "prep" and p.is_verb(p.heads[h]):
        return subject(p, text, p.heads[h], depth + 1)  # "Xi replied by saying he ..."
    return None


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s] in PUNCT_EDGE:
        s += 1
    while e > s and (text[e - 1] in PUNCT_EDGE or text[e - 1] in ".!?"):
        e -= 1
    if text[s : s + 5].lower() == "that ":
        s += 5
    # page furniture glued to the sentence by scraping ("... since watching Senna FOR HAMILTON TO WIN
    # THE TITLE", "... was hacked MOST READ IN NEWS"): a run of words in capitals ends the content
    caps = re.search(r"(?:\s+[A-Z][A-Z'’:!?-]+){3,}", text[s:e])
    if caps and caps.start() > 0 and not text[s:e].isupper():
        e = s + caps.start()
    return (s, e) if e - s >= 3 else None


def _content(
    p: Parse, text: str, v: int, lemma: str, deps: frozenset[str]
) -> tuple[str, list[tuple[int, int]]]:
    """What ``v`` attributes: its clausal complement first, then (when the frame allows) an infinitive,
    an object (with its predicate: "called him a liar", "described it as a disaster"), or a
    prepositional object ("called for an inquiry"). The addressee ("told reporters that ...") is no
    content: with a clause present only the clause counts."""
    kids = p.children(v)
    comps = [c for c in kids if p.deps[c] == "ccomp"]
    if comps and "ccomp" in deps:
        return "ccomp", [s for s in (_trim(text, *p.subtree(c)) for c in comps) if s]
    if "xcomp" in deps:
        xs = [c for c in kids if p.deps[c] == "xcomp" and c > v]
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
            span = _trim(text, p.starts[p.lefts[o]], p.ends[right])
            return "dobj", [span] if span else []
    if "prep" in deps and lemma not in _ADDRESSEE_VERBS:  # "asked about X": X is no one's words
        preps = [c for c in kids if p.deps[c] == "prep" and v < c <= v + 3]
        for pr in preps[:1]:
            objs = [g for g in p.children(pr) if p.deps[g] in ("pobj", "pcomp")]
            if objs:
                span = _trim(text, *p.subtree(objs[0]))
                return "prep", [span] if span else []
    return "", []


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
    obj = next((g for g in p.children(to) if p.deps[g] == "pobj"), None) if to is not None else None
    if obj is None:
        return None
    h = p.heads[i]
    if h == i:
        return None
    # the clause: the head's subtree without the "according to X" phrase
    hs, he = p.lefts[h], p.rights[h]
    cut_s, cut_e = p.lefts[i], p.rights[i]
    parts = []
    if hs < cut_s:
        a = _trim(text, p.starts[hs], p.ends[cut_s - 1])
        if a:
            parts.append(a)
    if cut_e < he:
        b = _trim(text, p.starts[cut_e + 1], p.ends[he])
        if b:
            parts.append(b)
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
    if len(text[src[0] : src[1]].split()) > 10:
        src = name_span(p, text, obj)
    return Attribution(-1, "according to", _trim(text, *src) or src, parts, kind="according")


def clause_attributions(p: Parse, text: str) -> list[Attribution]:
    """Every cue verb that governs a clause, and every "according to", in text order."""
    forms, table = frames()
    out: list[Attribution] = []
    modifies: dict[int, int] = {}  # id of an "according to" attribution -> the verb it modifies
    for i in range(len(p)):
        word = text[p.starts[i] : p.ends[i]].lower()
        if word == "according" and p.deps[i] == "prep":
            a = _according(p, text, i)
            if a:
                modifies[id(a)] = p.heads[i]
                out.append(a)
            continue
        if not p.tags[i].startswith("VB"):
            continue
        lemma = forms.get(word) or SPEECH_OR_BELIEF.get(word)
        if lemma is None:
            continue
        deps = table.get(lemma, frozenset())
        if (lemma in BELIEF_LEMMAS or lemma in CUE_LEMMAS) and lemma not in _NOT_FRAMING:
            deps = deps | {"ccomp"}  # a speech or belief verb with a clause always attributes it
        if any(p.deps[c] == "neg" for c in p.children(i)):
            continue  # "did not confirm the details": a denial of speech is no attribution
        if lemma not in _PASSIVE_HOLDER and any(p.deps[c] in ("auxpass", "nsubjpass") for c in p.children(i)):
            continue  # "was asked", "was called in for": the subject is addressed, not speaking
        kind, content = _content(p, text, i, lemma, deps)
        spk = subject(p, text, i)
        # a fronted relative or object ("which Putin said he is studying") drags the cue into the
        # complement's subtree: the content starts after the cue
        content = [c for c in (_after_cue(text, c, p.ends[i], spk) for c in content) if c]
        if not content:
            continue
        out.append(Attribution(i, lemma, spk, content, kind=kind))
    _relays(p, text, out)
    # "Peskov said Putin told him that ...": the relayed attribution (with via) stands for both
    relayed = {p.heads[a.cue] for a in out if a.cue >= 0 and a.via is not None and p.deps[a.cue] == "ccomp"}
    out = [a for a in out if a.cue not in relayed]
    # "The leader said that ..., according to Ushakov": the leader speaks, Ushakov relays
    by_cue = {a.cue: a for a in out if a.cue >= 0}
    keep = []
    for a in out:
        inner = by_cue.get(modifies.get(id(a), -2))
        if inner is not None and inner.speaker:
            inner.via = inner.via or a.speaker
            continue
        keep.append(a)
    return keep


def _relays(p: Parse, text: str, atts: list[Attribution]) -> None:
    """In "Ushakov said Xi told him that ...": the inner attribution's words came via the outer speaker."""
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
        ):
            a.via = by_cue[h].speaker


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
    return None if lemma in _NOT_FRAMING else lemma


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
            if subj is not None and p.starts[subj] < qs and p.tags[subj].startswith("NNP"):
                spk = subject(p, text, t)
                if spk is None:
                    continue
                gov = _climb_to_cue(p, text, p.heads[t], inside)
                via = subject(p, text, gov[0]) if gov and gov[1] in _RELAY else None
                return Attribution(t, "say", spk, list(parts), via if via != spk else None, True)
    for t in tops:
        h = p.heads[t]
        steps = 0
        while not p.is_verb(h) and p.heads[h] != h and steps < 6:
            h = p.heads[h]
            steps += 1
        if not p.is_verb(h) or h in inside:
            continue
        gov = _climb_to_cue(p, text, h, inside)
        if gov is None and p.starts[h] > qe:
            continue  # a verb after the quote that is no cue does not introduce it ("… ” Nice-Matin posted …)
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
            spk = subject(p, text, k)
            if spk and not _inside(spk, qs, qe):
                return Attribution(k, cue, spk, list(parts), _via(p, text, k), True)
    return None


_CLAUSE_OF_CUE = frozenset(["ccomp", "dobj", "xcomp", "parataxis", "conj", "advcl", "oprd", "attr"])
_RELAY = frozenset(["say", "tell", "report", "write", "add", "state", "quote", "cite", "note", "explain"])


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
