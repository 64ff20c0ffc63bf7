"""Content spans less the clauses in them that carry a direct quote: the quoted clause is the direct
quote's own attribution, the rest of the content stays reported speech (split from ``attribution``)."""

from __future__ import annotations

from storyprism.extract.attribution import _trim
from storyprism.extract.parse import Parse

_CLAUSE_DEPS = frozenset(["conj", "advcl", "parataxis", "ccomp"])


def without_quoted_clauses(
    p: Parse, text: str, spans: list[tuple[int, int]], quoted: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Content spans less the clauses inside them that carry a direct quote ("he respects Clinton and
    calls her “an extremely intelligent woman”": the quoted clause is the direct quote's; "he
    respects Clinton" stays reported speech). A quote that is an argument of the content's own verb
    ("said the plan was “a disaster”") is not cut off: the content then still overlaps the quote."""
    if not any(s < qe and qs < e for s, e in spans for qs, qe in quoted):
        return spans
    cuts: list[tuple[int, int]] = []
    for s, e in spans:
        for t in p.tokens_in(s, e):
            if p.deps[t] not in _CLAUSE_DEPS or not p.is_verb(t) or not s <= p.starts[p.heads[t]] < e:
                continue  # the content's own head is not cut off, only clauses inside it
            if any(qs <= p.starts[t] < qe for qs, qe in quoted):
                continue  # the clause's own verb is quoted: the quote is the clause
            a, b = p.subtree(t)
            if any(a < qe and qs < b for qs, qe in quoted):
                # with the "and"/"but" and the comma that join it
                k = p.lefts[t] - 1
                while k >= 0 and p.deps[k] in ("cc", "punct") and p.heads[k] in (t, p.heads[t]):
                    a = p.starts[k]
                    k -= 1
                cuts.append((a, b))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        pieces = [(s, e)]
        for a, b in cuts:
            nxt = []
            for x, y in pieces:
                if b <= x or y <= a:
                    nxt.append((x, y))
                    continue
                for piece in ((x, a), (b, y)):
                    if piece[1] > piece[0]:
                        trimmed = _trim(text, *piece)
                        if trimmed:
                            nxt.append(trimmed)
            pieces = nxt
        out.extend(pieces)
    return out
