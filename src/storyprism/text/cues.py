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
# The surface forms of those verbs that tag a quotation in running text ("..., she said"; "X told
# reporters"), for the stages that read raw sentences with a regular expression rather than a parse.
SPEECH_FORMS = (
    """said says say told tells tell wrote writes added adds asked asks explained stated commented noted
    insisted claimed replied tweeted posted recalled warned argued admitted continued declared announced
    responded acknowledged conceded urged vowed joked quipped revealed""".split()  # noqa: SIM905
)


def speech_forms(extra: tuple[str, ...] = ()) -> str:
    """A regular-expression alternation of ``SPEECH_FORMS`` (and ``extra``), longest first."""
    return "|".join(sorted({*SPEECH_FORMS, *extra}, key=len, reverse=True))


# Words that mark a statement as uncertain.
HEDGES = frozenset(
    """reportedly allegedly alleged purportedly purported apparently possibly possible probably likely
    may might could suspected unconfirmed unverified rumored rumoured seemingly perhaps presumably
    unclear suggest suggests suggested believed""".split()  # noqa: SIM905
)
