"""Named entities and the dependency parse from spaCy, in ONE ``nlp.pipe`` pass per text.

Attribution needs the parse (who governs a quote, which clause a cue verb takes), so the pass runs
tok2vec, tagger, parser and ner; the lemmatizer and attribute ruler are left out (the rules read Penn
tags and map verb forms to lemmas with their own table in ``cues``). With names off nothing runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from storyprism.extract.glosses import abbreviates, initialism
from storyprism.extract.linking import aliases
from storyprism.extract.name_types import drop_non_names, known_countries, place_appositions
from storyprism.extract.parse import Parse
from storyprism.extract.speakers import Ent
from storyprism.models import spacy_model

NEWLINE_PIPE = "storyprism_newline_sentences"

NER_DISABLE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
PARSE_DISABLE = ("attribute_ruler", "lemmatizer")
MAX_CHARS = 200_000  # longer texts are cut into pieces so spaCy's memory stays bounded


def entities(texts: Sequence[str], batch_size: int = 32, n_process: int = 1) -> list[list[Ent]]:
    """PERSON/ORG/GPE/LOC/NORP/DATE... spans of each text, offsets into that text (NER only)."""
    return [e for e, _ in analyse(texts, batch_size, n_process, parse=False)]


def analyse(
    texts: Sequence[str], batch_size: int = 32, n_process: int = 1, parse: bool = True
) -> list[tuple[list[Ent], Parse | None]]:
    """Entities and (with ``parse``) the dependency parse of each text, from one ``nlp.pipe`` pass."""
    nlp = spacy_model(PARSE_DISABLE if parse else NER_DISABLE)
    if parse and NEWLINE_PIPE not in nlp.pipe_names:
        _register_newline_pipe()
        nlp.add_pipe(NEWLINE_PIPE, before="parser")
    pieces: list[tuple[int, int, str]] = []  # (text index, offset, piece)
    for i, text in enumerate(texts):
        for off in range(0, max(len(text), 1), MAX_CHARS):
            pieces.append((i, off, text[off : off + MAX_CHARS]))
    out: list[list[Ent]] = [[] for _ in texts]
    parses: list[Parse | None] = [Parse() if parse else None for _ in texts]
    docs = nlp.pipe((p for _, _, p in pieces), batch_size=batch_size, n_process=n_process)
    for (i, off, _), doc in zip(pieces, docs, strict=True):
        out[i].extend(Ent(off + e.start_char, off + e.end_char, e.label_, e.text) for e in doc.ents)
        tree = parses[i]
        if tree is not None:
            tree.extend_doc(doc, off)
    return [(gazetteer(text, ents), tree) for text, ents, tree in zip(texts, out, parses, strict=True)]


@lru_cache(maxsize=1)
def _register_newline_pipe() -> None:
    from spacy.language import Language

    Language.component(NEWLINE_PIPE, func=newline_sentence_starts)


def newline_sentence_starts(doc: Any) -> Any:
    """Start a sentence after every line break, before the parser runs.

    Signal: scraped news puts paragraphs on their own lines, often without a closing period (headlines,
    captions, bylines, transcript turns); spaCy's parser would otherwise run the two paragraphs into one
    sentence and hang the next paragraph's subject on the previous line's verb. The parser respects
    sentence starts preset here (it may still split further, never join).
    """
    for t in doc[1:]:
        if not t.is_space and "\n" in doc[t.i - 1].text:
            t.is_sent_start = True
    return doc


_LABEL = {"place": "GPE", "norp": "NORP", "org": "ORG"}


@lru_cache(maxsize=1)
def _gazetteer_re() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds: dict[str, str] = {}
    for variant, (canonical, kind) in aliases().items():
        if kind in _LABEL:
            for name in (variant, canonical):
                if len(name) > 2 and not name.startswith("the "):
                    kinds.setdefault(name, _LABEL[kind])
    alt = "|".join(sorted((re.escape(k) for k in kinds), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alt})(?![\w])", re.IGNORECASE), kinds


def gazetteer(text: str, ents: list[Ent]) -> list[Ent]:
    """NER plus the alias table: names spaCy's small model misses or mislabels ("Kyiv" as a PERSON)."""
    pattern, kinds = _gazetteer_re()
    out = []
    for e in ents:
        kind = kinds.get(e.text.lower().strip(".'’s"))
        out.append(Ent(e.start, e.end, kind, e.text) if kind and e.label == "PERSON" else e)
    for m in pattern.finditer(text):
        if not m.group(0)[:1].isupper() or any(e.start < m.end() and m.start() < e.end for e in out):
            continue
        out.append(Ent(m.start(), m.end(), kinds[m.group(0).lower()], m.group(0)))
    out.extend(_bracketed_initialisms(text, out))
    out.sort(key=lambda e: e.start)
    # descriptions and place words inside a body's name go first; then places the NER typed as bodies
    out = known_countries(place_appositions(text, drop_non_names(text, out)))
    return _kin_and_honorifics(text, out, kinds)


def _bracketed_initialisms(text: str, ents: list[Ent]) -> list[Ent]:
    """ "Transport for London (TfL)": the small model often leaves the initialism in brackets untagged
    (mixed case above all); right after a body's or a place's name, with that name's letters, it is
    the same body's short name, so it is tagged like the name (``glosses`` then joins the two)."""
    taken = {(e.start, e.end) for e in ents}
    extra = []
    for e in ents:
        if e.label not in ("ORG", "GPE"):
            continue
        m = re.match(r" \(([A-Z][A-Za-z]{1,5})\)", text[e.end : e.end + 10])
        if not m or (e.end + 2, e.end + 2 + len(m.group(1))) in taken:
            continue
        short = m.group(1)
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", e.text) if w[0].isupper())
        if initialism(short) and abbreviates(short, e.text, initials):
            extra.append(Ent(e.end + 2, e.end + 2 + len(short), e.label, short))
    return extra


# words that put a person's name right after them: kin ("her father Bassem", "his wife, Hoda") and
# honorifics ("Mr Brooker", "Ms. Teigen"); a body, a place or a people never takes them
_PERSON_LEAD = re.compile(
    r"(?:\b(?i:his|her|their|my|our|whose)\s+(?:father|mother|dad|mum|mom|son|daughter|brother|sister|"
    r"husband|wife|uncle|aunt|cousin|grandfather|grandmother|grandson|granddaughter|nephew|niece|"
    r"fianc[eé]e?|boyfriend|girlfriend|stepfather|stepmother|stepson|stepdaughter),?|"
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Mx)\.?|(?<![\w.])Miss)\s$"
)


def _kin_and_honorifics(text: str, ents: list[Ent], kinds: dict[str, str]) -> list[Ent]:
    """A name the NER typed ORG, GPE, NORP or LOC right after a kin noun or an honorific is a person's,
    and so is every mention of the same name in the text (one text names one person so). Names the
    alias table knows (places, bodies) and names in capitals (headline kickers) are left alone."""
    persons: set[str] = set()
    for e in ents:
        name = e.text.strip()
        if (
            e.label in ("ORG", "GPE", "NORP", "LOC")
            and 1 <= len(name.split()) <= 2
            and all(w[:1].isupper() for w in name.split())
            and not name.isupper()
            and name.lower() not in kinds
            and _PERSON_LEAD.search(text[max(0, e.start - 40) : e.start])
        ):
            persons.add(name)
    if not persons:
        return ents
    return [Ent(e.start, e.end, "PERSON", e.text) if e.text.strip() in persons else e for e in ents]
