"""Cue words shared by every stage: negations, speech (attribution) verbs, hedges."""

from __future__ import annotations

# Words that turn a statement into its negation. Kept apart from the stop words on purpose: they are
# removed from content tokens (so "not" does not make sentences look different) but counted for polarity.
NEGATIONS = frozenset(
    ["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "can't", "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "shouldn't", "wouldn't", "couldn't", "n't", "deny", "denies", "denied", "denying", "rejected", "rejects", "refused", "refuses", "without"]
)

# Lemmas of verbs that attribute words to a speaker ("X said", "X told", "X warned").
SAY_LEMMAS = frozenset(
    """say tell state add note claim report announce explain stress insist warn write tweet quote
    confirm deny argue assert declare acknowledge admit reveal inform mention indicate describe remark
    comment reply respond answer disclose emphasize emphasise underline highlight caution predict
    promise vow pledge urge accuse blame concede recount testify""".split()  # noqa: SIM905
)
# Words that mark a statement as uncertain.
HEDGES = frozenset(
    """reportedly allegedly alleged purportedly purported apparently possibly possible probably likely
    may might could suspected unconfirmed unverified rumored rumoured seemingly perhaps presumably
    unclear suggest suggests suggested believed""".split()  # noqa: SIM905
)
