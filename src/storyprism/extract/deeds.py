"""Cue verbs whose plain noun-phrase object is a deed, not words (issue 12, round 14b).

A cue verb with a noun phrase for its object is an attribution in news annotation (PolNeAR) when the
object is the message or the stance ("confirmed the report", "praised the deal", "cite the 2000
election"). Some frames of the same verbs report an act instead, and each is told apart by a grammatical
or journalistic signal, never by the object's words alone:

- "call" with an object, no secondary predicate and a purpose infinitive of speech is a telephone
  call ("called his mother after the crash to tell her ..."): the words are the infinitive's; "call"
  reports words itself when it names ("called him a liar": an object predicate) or demands ("called for");
- "report" + the periodic results a company publishes ("reports earnings in mid-January") with no
  figure names the act of publishing its accounts (a scheduled filing), not anything stated; "reported
  a loss of $2 billion" states the figure and stays, and so does a past "reported record profits" (a
  modifier that grades the results is a finding); only a non-past verb or the bare results noun is a filing;
- "claim" + what is taken or won ("'Black Monday' claimed the jobs of several coaches", "claimed the
  title"): the verb of seizing, not of asserting (an assertion takes a clause, "claimed that ..."); the
  same nouns stay with other cues ("hinted at a broadcast job" is a stated leaning);
- "write" + a demonstrative on a written work ("I write this note", "these lines") points at the text
  in hand: the words are the document itself, no content span.

Tried and dropped (PolNeAR annotates them, and its dev figures fell): "citing" + a reason ("citing the
tax overhaul", 4 gold attributions lost), a call with no purpose clause ("called Democratic bigwigs"),
a song sung ("sings" + lyrics: 2 direct quotes lost).
"""

from __future__ import annotations

from storyprism.extract.parse import Parse

# a predicate on the object of "call" names it ("called him a liar", "called the plan dead")
_NAMING_DEPS = frozenset(["oprd", "xcomp", "ccomp", "acomp", "attr", "dative"])
# what a company publishes each quarter: its results (a noun of accounts, not a claim)
_RESULTS = frozenset(
    ["earnings", "results", "profit", "profits", "revenue", "revenues", "sales", "income", "figures"]
)  # fmt: skip
# verb forms that are not past: a filing still to come or done by habit ("reports", "will report")
_NON_PAST = frozenset(["VB", "VBZ", "VBP", "VBG"])
# modifiers that only say which filing the results are: the reporting period, not how they turned out
_PERIODS = frozenset(
    ["quarterly", "annual", "interim", "half-year", "full-year", "first-quarter", "second-quarter",
     "third-quarter", "fourth-quarter", "fiscal"]
)  # fmt: skip
# verbs of speech a purpose infinitive after "call" can carry the words with ("to tell her ...")
_SPEECH_INFINITIVES = frozenset(["tell", "say", "ask", "inform", "warn", "explain", "announce", "report"])
# what "claim" takes or wins rather than asserts ("claimed the jobs of", "claimed the title")
_TAKEN = frozenset(["job", "jobs", "title", "titles", "crown", "seat", "seats", "prize", "life", "scalp"])
# the self-reference of a letter or a post: "this note", "these lines"
_DEMONSTRATIVES = frozenset(["this", "these"])
_WORKS = frozenset(
    ["note", "letter", "post", "message", "column", "piece", "article", "essay", "blog", "lines", "words",
     "statement", "tribute", "email", "memo"]
)  # fmt: skip


def deed_object(p: Parse, text: str, v: int, lemma: str, kind: str, content: list[tuple[int, int]]) -> bool:
    """Whether cue ``v`` with the plain noun-phrase object ``content`` reports a deed (see the module)."""
    if kind != "dobj" or len(content) != 1:
        return False
    s, e = content[0]
    heads = p.span_heads(s, e)
    if not heads:
        return False
    head = heads[0]
    kids = p.children(v)
    if lemma == "claim":
        return p.word(text, head) in _TAKEN
    if lemma == "call":
        # no naming predicate on the verb or inside the object, and a purpose infinitive of speech
        # ("called his mother after the crash to tell her ..."): the call reached someone and the
        # infinitive's own attribution carries the words. A call with no such infinitive stays: news
        # annotation (PolNeAR) counts "called Democratic bigwigs" as a communicative act
        if any(p.deps[c] in _NAMING_DEPS and p.tags[c] != "VB" for c in kids) or any(
            p.deps[t] in ("ccomp", "oprd", "xcomp", "nsubj") for t in p.tokens_in(s, e)
        ):
            return False
        return any(
            p.deps[c] in ("advcl", "xcomp")
            and p.tags[c] == "VB"
            and p.word(text, c) in _SPEECH_INFINITIVES
            and any(p.deps[g] == "aux" and p.word(text, g) == "to" for g in p.children(c))
            for c in kids
        )
    if lemma == "report":
        if p.word(text, head) not in _RESULTS or any(p.tags[t] == "CD" for t in p.tokens_in(s, e)):
            return False
        # a filing is announced ahead ("reports earnings in mid-January", "will report results"): a
        # non-past form of the verb. Once past, "reported record profits", "reported weaker-than-expected
        # revenue" state a finding; only the bare results noun ("reported earnings on Tuesday", "its
        # quarterly results") still names the act, as nothing in it says how the results were
        return p.tags[v] in _NON_PAST or all(
            p.deps[c] in ("det", "poss") or p.word(text, c) in _PERIODS for c in p.children(head)
        )
    if lemma == "write":
        det = [c for c in p.children(head) if p.deps[c] == "det"]
        return bool(det) and p.word(text, det[0]) in _DEMONSTRATIVES and p.word(text, head) in _WORKS
    return False
