"""Direct quotes announced by the sentence before them: "At 10:24 p.m., officers report from the stairwell.
“I'm on the 32nd floor.”" A sentence whose main verb is a verb of saying with no content of its own (no
clause, no object: only where and when) tells that its subject speaks, and the unattributed quotation
opening the next sentence gives the words. Signal: a speech verb used without its content announces
the words that follow (as a colon does), the convention of transcripts and live accounts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.cues import SPEECH_LEMMAS, SPEECH_OR_BELIEF
from storyprism.extract.parse import Parse
from storyprism.extract.speaker_kinds import PERSONISH
from storyprism.extract.speakers import DocContext, resolve
from storyprism.extract.subjects import name_span

if TYPE_CHECKING:
    from storyprism.extract.quotes import Found

# children that carry a verb's content: a clause, an object, a quotation it governs
_CONTENT = frozenset(["ccomp", "xcomp", "dobj", "obj", "attr", "oprd", "csubj", "parataxis", "dative"])
# what may stand between the announcing sentence and the quote: its full stop, one line break, the mark
_GAP = re.compile(r"\.[ \t]*\n?[ \t]*[“\"]?$")


def announced_quotes(text: str, ctx: DocContext, parse: Parse, found: list[Found]) -> None:
    """Give an unattributed direct quote the subject of a content-less speech verb in the sentence
    right before it (see the module). The subject must name someone who can speak: a name the NER tags
    as a person or body, or a person or body noun (singular or plural: "officers", "a dispatcher")."""
    spans = [(q.start, q.end) for q in found]
    for q in found:
        if not q.direct or q.speaker is not None or q.start < 2:
            continue
        gap = _GAP.search(text, max(0, q.start - 6), q.start)
        if gap is None:
            continue
        stop = parse.token_at(gap.start())
        if stop >= len(parse):
            continue
        root = stop
        for _ in range(40):
            if parse.heads[root] == root:
                break
            root = parse.heads[root]
        if not parse.tags[root].startswith("VB"):
            continue
        lemma = SPEECH_OR_BELIEF.get(parse.word(text, root))
        if lemma not in SPEECH_LEMMAS:
            continue
        kids = parse.children(root)
        if any(parse.deps[c] in _CONTENT for c in kids):
            continue  # the verb has its own content: its words are reported there, not in the quote
        subj = next((c for c in kids if parse.deps[c] == "nsubj"), None)
        if subj is None:
            continue
        s, e = name_span(parse, text, subj)
        if any(a < e and s < b for a, b in spans):
            continue  # the sentence is inside another quotation
        head = parse.word(text, subj)
        named = any(x.start < e and s < x.end for x in ctx.ents if x.label in ("PERSON", "ORG", "NORP"))
        if not named and head not in PERSONISH and head.rstrip("s") not in PERSONISH:
            continue
        if head in ("it", "this", "that"):
            continue
        q.speaker_span = (s, e)
        q.speaker = resolve(ctx, (s, e))
        q.cue = lemma
