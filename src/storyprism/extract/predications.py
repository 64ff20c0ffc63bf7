"""What each sentence asserts, read off the extraction's one dependency parse (``SentenceFrame``).

A claim is shown in one sentence and counts the origins of the sentences that state it. Sentences
grouped by shared names and words may assert different things: "a police union boss criticized the
organisers for designating a safety area" and "the organisers designated a safety area" share every
name and most nouns, yet the first asserts a criticism of the designation the second reports.
Grammatically, what a clause asserts is its main verb (the root of the parse), and a verb inside one of
its arguments ("for designating", "comments from X, who opined ...") is an act the sentence says
something about. The comparison stage (``compare.claims_frames``) uses both to keep such a sentence
from counting as support for the embedding act.

The main predicate is read through the verbs that carry none of the assertion themselves:
- a speech verb ("X said that Y", "'Y,' X said") reports its complement: the predicate is Y's, and so
  does a verb of belief or suspicion ("is suspected of transferring");
- a light verb or the copula ("is key", "has a special zone") asserts through its complement or object;
- coordinated main verbs ("found and rescued") each count.

The parse is the one extraction already made (``extract.parse.Parse``: Penn tags, dependencies and
heads, no lemmatizer): a word form is mapped to its lemma through the verb-form tables (``extract.cues``
and the strong verbs of news here) where they know it, else by the regular English inflections (-s,
-ed, -ing) undone; a strong form no table knows ("slew") keeps a key of its own. A
final "e" is dropped from every key ("designate", "designated", "designating" all give "designat"),
so one verb's forms meet without a lemmatizer. Derivations ("criticize" / "criticism") meet on their
first five letters, as the comparison reads them. The sentences are those of the shared splitter
(``text.sentences``), the very spans the comparison stage compares.
"""

from __future__ import annotations

from storyprism.extract.cues import ALL_FORMS, BELIEF_LEMMAS, verb_forms
from storyprism.extract.parse import Parse
from storyprism.records import SentenceFrame
from storyprism.text.cues import SAY_LEMMAS
from storyprism.text.sentences import split_sentences

# Verbs that attribute the words of their complement to a speaker: the assertion is the complement's.
# The shared list of reporting verbs (``text.cues.SAY_LEMMAS``: "revealed that", "admitted that" report
# their complement as "said that" does) less the verbs that assert an act of their own: a denial,
# accusation, warning, promise or appeal is not a report of what it denies, charges, warns of,
# promises or urges. "post" (on social media) reports words as "tweet" does.
OWN_ACT_SPEECH = frozenset(
    "deny accuse blame warn promise vow pledge urge caution predict".split()  # noqa: SIM905
)
SPEECH = (SAY_LEMMAS - OWN_ACT_SPEECH) | {"post"}
# Verbs of belief and suspicion hedge the act they take ("is suspected of transferring", "is believed
# to have fled"): the assertion is that act, as with a speech verb. Taken from the shared belief verbs
# (``extract.cues.BELIEF_LEMMAS``) where they hedge; the perception and stance verbs there ("found",
# "showed", "vowed") assert something of their own and are left out.
EPISTEMIC = frozenset(w for w in BELIEF_LEMMAS if w in {"suspect", "believe", "allege", "think", "expect", "fear"})
# Light verbs and the copula: the predicate is what they take ("is key", "have a zone", "make a call").
LIGHT = frozenset("be have do make get take give become seem remain appear keep".split())  # noqa: SIM905
# Strong forms of the light verbs and of common verbs of news (the speech and belief verbs' are in
# ``extract.cues``): a strong past is a fact of each verb, not of a rule, so "fled" meets "flee" and
# "fought" meets "fight" only through this table.
_STRONG_FORMS = {
    "be": ["is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re", "'m", "’m"],
    "have": ["has", "had", "having", "'ve", "’ve"],
    "do": ["does", "did", "done", "doing"],
    "make": ["made"],
    "get": ["got", "gotten", "getting"],
    "take": ["took", "taken"],
    "give": ["gave", "given"],
    "become": ["became"],
    "keep": ["kept"],
    "flee": ["fled", "flees", "fleeing"],
    "die": ["died", "dies", "dying"],
    "lie": ["lied", "lies", "lying"],
    "tie": ["tied", "ties", "tying"],
    "rise": ["rose", "risen"],
    "run": ["ran", "running"],
    "fight": ["fought"],
    "forgive": ["forgave", "forgiven"],
    "steal": ["stole", "stolen"],
    "drive": ["drove", "driven"],
    "fall": ["fell", "fallen"],
    "hide": ["hid", "hidden"],
    "shoot": ["shot", "shooting"],
    "strike": ["struck", "stricken"],
    "seek": ["sought"],
    "catch": ["caught", "catches"],
    "leave": ["left"],
    "lead": ["led"],
    "win": ["won", "winning"],
    "lose": ["lost"],
    "begin": ["began", "begun", "beginning"],
    "break": ["broke", "broken"],
    "choose": ["chose", "chosen"],
    "sink": ["sank", "sunk"],
    "hold": ["held"],
    "send": ["sent"],
    "spend": ["spent"],
    "build": ["built"],
    "buy": ["bought"],
    "bring": ["brought"],
    "pay": ["paid"],
    "sell": ["sold"],
    "meet": ["met"],
    "grow": ["grew", "grown"],
    "throw": ["threw", "thrown"],
    "blow": ["blew", "blown"],
    "fly": ["flew", "flown", "flies"],
    "eat": ["ate", "eaten"],
    "go": ["went", "gone", "goes"],
    "come": ["came"],
    "stand": ["stood"],
    "sit": ["sat", "sitting"],
    "wake": ["woke", "woken"],
    "bite": ["bit", "bitten"],
    "shake": ["shook", "shaken"],
    "swim": ["swam", "swum", "swimming"],
    "freeze": ["froze", "frozen"],
    "speak": ["spoke", "spoken"],
    "wear": ["wore", "worn"],
    "tear": ["tore", "torn"],
}


# Common verbs with strong forms whose table ``extract.cues`` keeps ("found" / "find", "saw" / "see").
_STRONG = frozenset("know feel see find hear understand mean learn show swear prove".split())  # noqa: SIM905


def _form_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma in sorted(SPEECH | EPISTEMIC | LIGHT | _STRONG | set(_STRONG_FORMS)):
        for form in verb_forms([lemma], _STRONG_FORMS):
            table.setdefault(form, lemma)
    return table


VERB_LEMMA = _form_table()  # verb form -> lemma, for the verbs whose lemma decides how a clause reads

# The dependents through which a light or speech verb carries its assertion.
_COMPLEMENTS = frozenset(["ccomp", "xcomp", "attr", "acomp", "dobj", "oprd"])
# Edges that leave the main predicate's arguments: a catenative or coordinated verb ("came forward to
# accuse", "found and rescued") and an adverbial clause ("..., saying it suggests ...") add acts of the
# sentence's own, not an act it is about.
_OWN_ACT_DEPS = frozenset(["xcomp", "conj", "advcl", "acl", "parataxis", "ROOT"])
# Prepositions of time and circumstance: "held since arresting her", "with two crew jumping into the
# sea" assert the arrest and the jump as much as the main verb does.
_CIRCUMSTANCE = frozenset("since after before until till during while when with without amid following as in at".split())  # noqa: SIM905
_DOUBLED_KEPT = frozenset("lsz")  # "called", "passed", "buzzed" keep their double letter in the lemma


def _deinflect(form: str, tag: str) -> str:
    """The regular English lemma of ``form`` for its Penn ``tag`` (plural nouns, verb inflections)."""
    if tag in ("VBZ", "NNS") and form.endswith("s") and len(form) > 3:
        if form.endswith("ies") and len(form) == 4:
            return form[:-1]  # "dies", "ties", "lies": a short "-ie" verb, not a "-y" one
        if form.endswith("ies"):
            return form[:-3] + "y"
        if form.endswith(("sses", "shes", "ches", "xes", "zes")):
            return form[:-2]
        return form if form.endswith(("ss", "us", "is")) else form[:-1]
    for suffix, tags in (("ed", ("VBD", "VBN")), ("ing", ("VBG",))):
        if tag in tags and form.endswith(suffix) and len(form) > len(suffix) + 1:
            if suffix == "ed" and form.endswith("ied"):
                # "died", "tied", "vied" come of a short "-ie" verb; longer ones of "-y" ("carried")
                return form[:-1] if len(form) == 4 else form[:-3] + "y"
            base = form[: -len(suffix)]
            if base[-1] == base[-2] and base[-1] not in "aeiou" and base[-1] not in _DOUBLED_KEPT:
                base = base[:-1]  # "stopped", "running"
            return base
    return form


def key(form: str, tag: str) -> str:
    """The key two forms of one word share, without a final "e" ("use"/"used"/"using" all give "us"):
    the lemma for a verb the tables know (``VERB_LEMMA``), else the form with its regular inflection
    undone. Not a lemma for every word: a strong form no table knows ("slew") keeps its own key, so
    it meets none of its verb's other forms."""
    form = form.lower()
    lemma = VERB_LEMMA.get(form) if tag.startswith("VB") or tag == "MD" else None
    lemma = lemma or _deinflect(form, tag)
    return lemma[:-1] if lemma.endswith("e") and len(lemma) > 2 else lemma


class _Sentence:
    """One sentence's tokens of the article parse, with what the rules ask of each."""

    def __init__(self, text: str, parse: Parse, start: int, end: int) -> None:
        self.p = parse
        self.tokens = parse.tokens_in(start, end)
        inside = set(self.tokens)
        self.inside = inside
        self.forms = {i: text[parse.starts[i] : parse.ends[i]].lower() for i in self.tokens}
        # a token whose head lies outside the sentence heads it, as the root of the sentence parsed
        # alone would (the parser may run two of the splitter's sentences into one)
        self.roots = [i for i in self.tokens if parse.heads[i] == i or parse.heads[i] not in inside]
        self.root_set = set(self.roots)

    def dep(self, i: int) -> str:
        return "ROOT" if i in self.root_set else self.p.deps[i]

    def lemma(self, i: int) -> str | None:
        """The lemma of a verb the tables know (speech, belief and light verbs), else None."""
        return VERB_LEMMA.get(self.forms[i]) if self.p.is_verb(i) else None

    def key(self, i: int) -> str:
        return key(self.forms[i], self.p.tags[i])

    def pos(self, i: int) -> str:
        """spaCy's coarse part of speech from the Penn tag: an auxiliary, modal or form of "be" is AUX."""
        tag = self.p.tags[i]
        if tag == "MD":
            return "AUX"
        if tag.startswith("VB"):
            aux = self.p.deps[i] in ("aux", "auxpass") or self.lemma(i) == "be"
            return "AUX" if aux else "VERB"
        if tag in ("NN", "NNS"):
            return "NOUN"
        if tag.startswith("NNP"):
            return "PROPN"
        return "ADJ" if tag.startswith("JJ") else tag

    def children(self, i: int) -> list[int]:
        return [c for c in self.p.children(i) if c in self.inside]


def _predicates_of(s: _Sentence, token: int, out: set[str], depth: int = 0) -> None:
    """Add the main predicate(s) that ``token`` (a root or a conjoined main verb) asserts."""
    if depth > 4:
        return
    lemma = s.lemma(token)
    kids = s.children(token)
    complements = [c for c in kids if s.dep(c) in _COMPLEMENTS]
    verbal = s.pos(token) in ("VERB", "AUX")
    if lemma is not None and (lemma in SPEECH or lemma in EPISTEMIC) and verbal:
        clauses = [c for c in complements if s.dep(c) in ("ccomp", "xcomp") and s.pos(c) in ("VERB", "AUX")]
        if lemma in EPISTEMIC:  # "suspected of transferring": the act is the preposition's clause
            clauses += [g for c in kids if s.dep(c) == "prep" for g in s.children(c)
                        if s.dep(g) == "pcomp" and s.pos(g) == "VERB"]
        if clauses:
            for c in clauses:
                _predicates_of(s, c, out, depth + 1)
        else:
            out.add(s.key(token))  # "X said" with no clause (a quotation's tag): the statement is the saying
    elif lemma is not None and lemma in LIGHT and not any(s.dep(c) == "prt" for c in kids):
        # ("set up", "take over" are verbs of their own: the particle makes the predicate)
        for c in complements:
            if s.pos(c) in ("VERB", "AUX"):
                _predicates_of(s, c, out, depth + 1)
            elif s.pos(c) in ("NOUN", "ADJ", "PROPN") and s.forms[c].isalpha():
                out.add(s.key(c))
    elif verbal and s.forms[token].isalpha():
        out.add(s.key(token))
    for c in kids:
        if s.dep(c) == "conj" and s.pos(c) == "VERB":
            _predicates_of(s, c, out, depth + 1)


def _embedded(s: _Sentence, main: set[int]) -> set[str]:
    """Keys of the verbs that lie inside an argument of a main predicate (token indices ``main``)."""
    out: set[str] = set()
    for t in s.tokens:
        if t in main or s.pos(t) != "VERB":
            continue
        node, ok = t, True
        for _ in range(12):  # a sentence's parse is shallow; the bound only guards a malformed tree
            if s.dep(node) in _OWN_ACT_DEPS or (s.dep(node) == "prep" and s.forms[node] in _CIRCUMSTANCE):
                ok = False
                break
            if s.dep(node) == "relcl" and s.forms[node] not in ALL_FORMS:
                # a relative clause describes its noun in the writer's own voice ("ran a fund that paid
                # no tax" asserts the unpaid tax too), unless its verb reports words or a stance
                # ("comments from X, who argued ...": the main act is about what X argued)
                ok = False
                break
            node = s.p.heads[node]
            if node in main:
                break
        else:
            ok = False
        if ok and node in main:
            out.add(s.key(t))
    return out


def frame(article: str, text: str, parse: Parse, start: int, end: int) -> SentenceFrame | None:
    """The ``SentenceFrame`` of the sentence ``text[start:end]`` (None when it has no main predicate:
    then it neither embeds another's act nor is embedded, and nothing is stored)."""
    s = _Sentence(text, parse, start, end)
    preds: set[str] = set()
    for root in s.roots:
        _predicates_of(s, root, preds)
    if not preds:
        return None
    main = {t for t in s.tokens if s.pos(t) in ("VERB", "AUX", "NOUN", "ADJ", "PROPN") and s.key(t) in preds}
    words = {w for t in s.tokens if s.forms[t].isalpha() for w in (s.forms[t], s.key(t))}
    return SentenceFrame(article, start, end, sorted(preds), sorted(_embedded(s, main)), sorted(words))


def sentence_frames(article: str, text: str, parse: Parse) -> list[SentenceFrame]:
    """The frame of every sentence of ``text`` that has a main predicate, in text order."""
    out = []
    for start, end in split_sentences(text):
        found = frame(article, text, parse, start, end)
        if found is not None:
            out.append(found)
    return out
