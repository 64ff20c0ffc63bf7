"""Things that look like attributions but carry no one's words (issue 12, round 12b).

Each rule is one general signal of grammar or of news writing (used by ``attribution`` and ``quotes``):

- a verb of cheering, referring or tweeting-about whose object is a plain noun phrase (no clause of its
  own, no quotation) names who or what the act is about, not what was said: "referring to his police
  forces", "tweeted about the scene", "cheer the team to victory"; "revealed" + a plain noun phrase
  unveils a thing ("revealed the first car off the line"); with a clause ("revealed that ...") or a
  quotation the words are there and stay. "Praised X" and a thing that "shows" are left as they are:
  PolNeAR annotates both as attributions, and dropping them lowered its all-attribution F1;
- a quotation that fills its own line, in title case, with no sentence punctuation, is a section heading
  the outlet set in quotation marks, not anyone's words;
- quotation marks inside an embedded post (a line that ends with the post's signature, "— Name (@handle)
  Month D, YYYY") set off a phrase the poster mentions or a question others ask ("I mean, not “over
  Christmas”", "so u stop askin, “How's Michael?”"): the post is the poster's words, the marked phrase
  inside it nobody's statement (a short phrase: a passage of six words or more the post quotes is a
  source it relays, and stays). A post quoted whole after a frame ("He tweeted: “...” — X (@x) ...")
  opens at the mark and stays;
- content ends where the reporter takes the floor again: before a relative clause set off by a dash
  ("... against Apple - which usually waits until ..."), before a correction in the reporter's voice
  ("... had died, when in fact he was in prison") and before a "while" clause whose subject is another
  named holder ("it expects a hit, while Bank of America will take a charge").
"""

from __future__ import annotations

import re

from storyprism.extract.deeds import deed_object
from storyprism.extract.parse import Parse

# verbs whose object is the person or thing an act of praise, reference or support is about
# ("praise" is left out: PolNeAR annotates "officials praised the protests" as the officials' stance, and
# dropping it cost 0.0007 of all-attribution F1 on dev)
# "alluding to one of the oldest curses on the team": to allude is to refer without saying, so its
# object is what the words were about, as with "referring to"
TOPIC_CUES = frozenset(["refer", "allude", "cheer", "reveal"])
# "tweeted about the scene": the preposition names the topic ("tweeted a warning" keeps its message)
TOPIC_PREP_CUES = frozenset(["tweet"])
# "Writing an op-ed piece for The Times, X added, “...”": a participle framing the main statement
# names the work its words appeared in (the medium, as "said in a statement"); the words are the main
# clause's. A finite "wrote his memoir" stays (PolNeAR annotates the work as what was written)
WRITTEN_WORKS = frozenset(
    ["op-ed", "piece", "column", "letter", "article", "essay", "book", "memoir", "post", "blog", "editorial",
     "memo", "note", "story", "novel", "song", "script", "report", "review", "tweet", "email"]
)  # fmt: skip
_CLAUSE_DEPS = frozenset(["nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "ccomp"])
_QUOTE_CHARS = re.compile(r"[\"“”‘’]|(?<!\w)'|'(?!\w)")


def topic_only(p: Parse, text: str, v: int, lemma: str, kind: str, content: list[tuple[int, int]]) -> bool:
    """Whether cue ``v`` only names the topic of an act: its content is a plain noun phrase."""
    if not content:
        return False
    deed = deed_object(p, text, v, lemma, kind, content)  # "called his mother", "reports earnings"
    if not deed and not (
        (kind in ("dobj", "prep") and lemma in TOPIC_CUES)
        or (kind == "prep" and lemma in TOPIC_PREP_CUES)
        or (kind == "dobj" and lemma == "write" and _framing_work(p, text, v, content[0]))
    ):
        return False
    kids = p.children(v)
    if any(p.deps[c] == "prep" and p.word(text, c) == "as" and c > v for c in kids):
        return False  # "referred to X as Y": the name used is the words
    if lemma == "reveal" and not any(p.deps[c] == "nsubj" and p.tags[c].startswith("NNP") for c in kids):
        # a named person or company revealing a thing unveils it ("Musk revealed the first car off the
        # line"); a document or an event that "reveals" something is evidence read as a finding
        return False
    for s, e in content:
        if _QUOTE_CHARS.search(text, s, e):
            return False  # "praised the 'courage' of ...": quoted words are someone's words
        # a clause inside the object ("revealed information ... had been exposed") states a claim
        if any(p.deps[t] in _CLAUSE_DEPS for t in p.tokens_in(s, e)):
            return False
    return True


_TITLE_SMALL = frozenset(
    ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with"]
)


def section_heading(text: str, start: int, end: int) -> bool:
    """Whether the quotation at ``start``..``end`` is a heading: alone on its line between marks, three
    words or more, every word but the small ones capitalised, and no sentence punctuation inside or
    before the closing mark (a spoken line alone in a paragraph ends with its full stop or question)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    before, after = text[ls:start].strip(), text[end:le].strip()
    if len(before) > 1 or len(after) > 1:
        return False  # the line holds more than the quotation (a cue, a speaker)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end])
    if len(words) < 3 or re.search(r"[.!?,;:]\s*$", text[start:end]):
        return False
    big = [w for w in words if w.lower() not in _TITLE_SMALL]
    return bool(big) and all(w[0].isupper() for w in big)


# a relative clause set off by a dash: the reporter's aside on the last noun ("Apple - which usually
# waits until September"), no part of what the holder said
_DASH_ASIDE = re.compile(r"\s+[-–—]+\s*(?=(?:which|who|whose|where)\b)|[–—](?=(?:which|who|whose|where)\b)")
# "when in fact", "while actually": the reporter corrects the claim just reported
_CORRECTION = re.compile(
    r",?\s+(?:when|while|whereas|but|though|although),?\s+(?:in\s+fact|actually|in\s+reality)\b"
)


def reporter_end(p: Parse, text: str, cue: int, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` ended before a dash aside, a correction or another named holder's "while" clause, when
    the cue comes first: a tag after the words ("... - which it often is, according to X") attributes
    all the sentence before it, aside included."""
    s, e = span
    if cue < 0 or p.starts[cue] > s:
        return span
    cut = e
    for rx in (_DASH_ASIDE, _CORRECTION):
        m = rx.search(text, s, e)
        if m and m.start() - s > 20:
            cut = min(cut, m.start())
    for t in p.tokens_in(s, e):
        if p.word(text, t) != "while" or p.deps[t] != "mark" or t == 0 or p.word(text, t - 1) != ",":
            continue
        head = p.heads[t]
        subj = [c for c in p.children(head) if p.deps[c] in ("nsubj", "nsubjpass") and c > t]
        main = p.heads[head]
        own = [c for c in p.children(main) if p.deps[c] in ("nsubj", "nsubjpass") and p.starts[c] >= s]
        # signal: the holder speaks of itself ("it expects a hit") and a contrast whose subject is a
        # proper name sets another holder's position beside it ("..., while Y will take a charge"): the
        # reporter's juxtaposition; a finding about third parties ("found HSBC has ..., while Z has ...")
        # goes on with the same finding
        if (
            subj
            and p.tags[subj[0]].startswith("NNP")
            and own
            and p.tags[own[0]] == "PRP"
            and p.starts[t - 1] - s > 20
        ):
            cut = min(cut, p.starts[t - 1])
    while cut > s and text[cut - 1] in " ,;":
        cut -= 1
    return (s, cut) if cut > s else span


# sources that are records, not holders: they state figures, never the reading a reporter gives them
_DATA_NOUNS = frozenset(
    ["data", "figures", "statistics", "stats", "records", "numbers", "estimates", "census", "tally", "count"]
)  # fmt: skip
_REASON = re.compile(r",\s+(?:as|because|since)\s+")


def data_figure(
    p: Parse, text: str, source: tuple[int, int] | None, content: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The content of "according to <data>" cut to the reason clause that holds the figure ("China has
    been key to that strategy, as Beijing accounts for nearly 90% of its imports, according to UN data"):
    a record states the figure; the main clause is the reporter's reading of it."""
    if source is None or len(content) != 1:
        return content
    head = text[source[0] : source[1]].lower().split()
    if not head or not any(w.strip(".,") in _DATA_NOUNS for w in head[:4]):
        return content
    s, e = content[0]
    m = _REASON.search(text, s, e)
    if m is None or m.start() - s < 10:
        return content
    figure = any(p.tags[t] == "CD" or text[p.starts[t]] == "%" for t in p.tokens_in(m.end(), e))
    main_figure = any(p.tags[t] == "CD" for t in p.tokens_in(s, m.start()))
    # only a figure in the reason clause and none in the main one: the record backs the reason alone
    return [(m.end(), e)] if figure and not main_figure else content


def _framing_work(p: Parse, text: str, v: int, span: tuple[int, int]) -> bool:
    """Whether "write" at ``v`` is a participle framing another clause and its object ``span`` is headed
    by a noun naming a written work."""
    if p.tags[v] != "VBG" or p.deps[v] != "advcl":
        return False
    s, e = span
    heads = p.span_heads(s, e)
    return bool(heads) and p.word(text, heads[0]).removesuffix("s") in WRITTEN_WORKS


# a passive verb of naming right before the opening mark: "what are called “draa”", "is known as",
# "was dubbed", "so-called"
_NAMED_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being)\s+(?:now\s+|often\s+|sometimes\s+|commonly\s+|also\s+)?"
    r"(?:called|known\s+as|dubbed|named|termed)|\bso-called)\s*[“\"‘']?\s*$",
    re.IGNORECASE,
)
_AGENT_AFTER = re.compile(r"^[”\"’']?[,]?\s+by\s")
# a verb of naming with a reflexive object, then at most a few words of the name before the mark:
# "has taken to calling itself the Islamic State's “West African Province”" names itself, says nothing
_SELF_NAMED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|nam(?:e|es|ed|ing)|styl(?:e|es|ed|ing)|brand(?:s|ed|ing)?"
    r"|term(?:s|ed|ing)?)\s+"
    r"(?:itself|themselves|himself|herself|myself|ourselves|yourselves|yourself)"
    r"(?:\s+[\w'’.-]+){0,4}\s*[“\"‘']?\s*$",
    re.IGNORECASE,
)


# words a name leaves in lower case between its capitalised words ("Islamic State of Iraq and the Levant")
_NAME_JOINERS = frozenset(["of", "and", "the", "for", "de", "del", "la", "al", "el", "in", "on", "&"])


def _name_like(quoted: str) -> bool:
    """Whether quoted words read as a name: at most six words, every word but the joining ones capitalised
    (English writes names in title case; a description such as "the luckiest woman alive" is not)."""
    words = re.findall(r"[\w'’&.-]+", quoted)
    if not words or len(words) > 6:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_JOINERS for w in words)


def naming_term(text: str, start: int, end: int) -> bool:
    """Whether the quotation at ``start``..``end`` is a name or a term given by a passive verb of naming
    ("landforms ... and what are called “draa”", "a group known as “the Squad”"): the passive with no
    agent names no one who said it, so the marks set off a word, not someone's words ("was called
    “a disaster” by critics" keeps its speakers)."""
    if _SELF_NAMED.search(text, max(0, start - 80), start) and _name_like(text[start:end]):
        # a name its bearer gives itself: the marks set off the name; a description one gives oneself
        # ("calls himself “a simple farmer who got lucky”") is that person's own words and stays
        return True
    if _WORK_BEFORE.search(text, max(0, start - 40), start) and _name_like(text[start:end]):
        # "Prince performing “I Would Die 4 U”", "the single “Mirrors”": a title after a verb of
        # performing or a noun of a work names the work, it is nobody's statement
        return True
    return bool(_NAMED_BEFORE.search(text, max(0, start - 40), start)) and not _AGENT_AFTER.match(
        text[end : end + 8]
    )


_WORK_BEFORE = re.compile(
    r"\b(?:perform(?:s|ed|ing)?|sang|sings?|singing|play(?:s|ed|ing)?|cover(?:s|ed|ing)?|song|single|album|track"
    r"|anthem|film|movie|novel|poem|titled|entitled)\s*[“\"‘']\s*$",
    re.IGNORECASE,
)


# the signature an embedded post ends with: a dash, the poster's name, the handle in brackets, maybe a date
_POST_SIGNATURE = re.compile(
    r"\s[—–-]\s*[^\n—–()]{1,60}\(@\w{1,30}\)(?:\s*[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})?"
)


def inside_post(text: str, start: int, end: int) -> bool:
    """Whether the quotation at ``start``..``end`` sits inside the body of an embedded post, after the
    body's first words (see the module): its line ends with a post signature, and the body (from the line
    start, or from a colon frame) holds words before the opening mark."""
    if len(text[start:end].split()) >= 6:
        return False  # a whole passage in marks inside a post is a source the poster relays ("Alarm: “...”")
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not _POST_SIGNATURE.search(text, end, line_end):
        return False
    body = max(text.rfind("\n", 0, start) + 1, text.rfind(":", 0, start) + 1)
    return bool(text[body : max(body, start - 1)].strip(" “\"‘'"))


# a reformulation marker right before the opening mark: the reporter restating in plain words what was
# just told, in marks for a voice ("Or in other words: “We don't know where it's coming down.”")
_GLOSS_BEFORE = re.compile(
    r"\b(?:in\s+other\s+words|(?:simply|plainly)\s+put|put\s+(?:simply|plainly|another\s+way|differently)"
    r"|to\s+put\s+it\s+(?:simply|plainly|bluntly|another\s+way|differently)|in\s+plain\s+English)"
    r"\s*[:,]?\s*[“\"‘']?\s*$",
    re.IGNORECASE,
)


def reporters_gloss(text: str, start: int) -> bool:
    """Whether the quotation opening at ``start`` follows a reformulation marker ("in other words:"):
    with no speaker named for it, it is the reporter's own gloss, no one's words."""
    return bool(_GLOSS_BEFORE.search(text, max(0, start - 40), start))


# ", however, a U.S.-drafted statement did not ...": "however" inside a sentence, after a comma
_CONTRAST_OPEN = re.compile(r"however\b,?\s")


def reporters_contrast(text: str, start: int, direct: bool) -> bool:
    """Whether reported content at ``start`` opens with a lower-case "however": the reporter's contrast
    with what was just reported ("X said it was of “vital importance” that ..., however, a U.S.-drafted
    statement did not threaten sanctions"). Signal: a reported clause follows its cue or "that"; a
    connective that sets one clause against the one before belongs to the writer's sentence, not to the
    words reported. Quotes in marks are the speaker's own words and stay."""
    return not direct and _CONTRAST_OPEN.match(text, start) is not None
