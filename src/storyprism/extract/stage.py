"""The stage's two entry points (see the package docstring)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from storyprism.extract.dates import find_dates, infer_published
from storyprism.extract.linking import CLASS_OF, junk_name, link, shouted_kicker
from storyprism.extract.numbers import find_numbers
from storyprism.extract.options import ExtractOptions
from storyprism.extract.parse import Parse
from storyprism.extract.predications import sentence_frames
from storyprism.extract.quotes import find_quotes
from storyprism.extract.speakers import Ent
from storyprism.extract.text import paragraphs, sentences
from storyprism.records import Article, Extraction, Mention, Quote

log = logging.getLogger(__name__)


def extract_articles(articles: Sequence[Article], options: ExtractOptions | None = None) -> Extraction:
    """Quotes, mentions, numbers, dates and inferred publication dates of a batch of cleaned articles.

    Runs spaCy once over the batch (one ``nlp.pipe`` pass: tagger, parser, NER; the parse only when
    quotes are on); everything else is rules over that. One article that fails is logged and skipped,
    never the batch.
    """
    options = options or ExtractOptions()
    out = Extraction()
    if not options.enabled or not articles:
        return out
    texts = [a.text or "" for a in articles]
    analysed: list[tuple[list[Ent], Parse | None]]
    if options.names:
        from storyprism.extract.nlp import analyse

        parse = options.quotes
        try:
            analysed = analyse(texts, batch_size=options.batch_size, n_process=options.n_process, parse=parse)
        except (ValueError, RuntimeError, MemoryError) as exc:
            # one pathological text must not cost the batch its names: retry text by text
            log.warning("extract: batch NER failed (%s); retrying article by article", exc)
            analysed = [_safe_analyse(t, parse) for t in texts]
    else:
        analysed = [([], None) for _ in texts]
    for article, text, (doc_ents, tree) in zip(articles, texts, analysed, strict=True):
        if tree is None and options.names and options.quotes and text.strip():
            out.failed[article.id] = "the language model could not analyse this text"
            continue
        sizes = [len(out.quotes), len(out.mentions), len(out.numbers), len(out.dates), len(out.frames)]
        try:
            _one(article, text, doc_ents, tree, options, out)
        except Exception as exc:  # recorded per article and retried next run, never silently skipped
            log.warning("extract: article %s failed (%s: %s)", article.id, type(exc).__name__, exc)
            # nothing half-done is kept: the article's partial records are dropped with it
            del out.quotes[sizes[0] :], out.mentions[sizes[1] :], out.numbers[sizes[2] :], out.dates[sizes[3] :]
            del out.frames[sizes[4] :]
            out.inferred_published.pop(article.id, None)
            out.failed[article.id] = f"{type(exc).__name__}: {exc}"[:300]
    return out


def _safe_analyse(text: str, parse: bool) -> tuple[list[Ent], Parse | None]:
    from storyprism.extract.nlp import analyse

    try:
        return analyse([text], parse=parse)[0]
    except (ValueError, RuntimeError, MemoryError) as exc:
        log.warning("extract: NER skipped for one article (%s)", exc)
        return [], None


def _one(
    article: Article,
    text: str,
    doc_ents: list[Ent],
    tree: Parse | None,
    options: ExtractOptions,
    out: Extraction,
) -> None:
    spans = [s for p in paragraphs(text) for s in sentences(text, *p)]
    for e in doc_ents:
        if e.label in CLASS_OF and not junk_name(e.text) and not shouted_kicker(text, e.start, e.end):
            out.mentions.append(Mention(article.id, e.text, e.label, e.start, e.end))
    if options.quotes:
        for n, q in enumerate(find_quotes(text, doc_ents, indirect=options.indirect_quotes, parse=tree)):
            out.quotes.append(
                Quote(
                    article.id,
                    q.text,
                    q.direct,
                    q.cue,
                    q.speaker,
                    None,
                    q.via,
                    None,
                    q.start,
                    q.end,
                    f"{article.id}:q{n}",
                    kind=q.kind,
                )
            )
    published = article.published
    if not published:
        # the raw text keeps what cleaning removed: photo captions and datelines are the best evidence
        inferred = infer_published(article.raw_text or text) or infer_published(text)
        if inferred:
            out.inferred_published[article.id] = inferred
            published = inferred
    if tree is not None:
        # what each sentence asserts, read off the parse already made (a walk over its tokens): the
        # comparison's claims read it instead of parsing their sentences again
        out.frames.extend(sentence_frames(article.id, text, tree))
    if options.numbers:
        out.numbers.extend(find_numbers(article.id, text, spans))
    if options.dates:
        out.dates.extend(find_dates(article.id, text, spans, published))


def link_corpus(extraction: Extraction, options: ExtractOptions | None = None) -> Extraction:
    """Corpus-wide: ``Entity`` records and ``Mention.entity``, ``Quote.speaker_id``, ``Quote.variant_group``."""
    options = options or ExtractOptions()
    linked = link(extraction, options.variant_cosine, options.variant_lexical)
    return keep_quote_kinds(extraction, linked)


def keep_quote_kinds(extraction: Extraction, linked: Extraction) -> Extraction:
    """Each linked quote keeps the kind extraction gave it, and a stance on a topic ("condemned the
    suggestion") joins no variant group: a group is one utterance's words across outlets, and a topic
    names no words, so two outlets naming the same topic are no shared quote."""
    if all(q.kind == "words" for q in extraction.quotes):
        return linked
    if len(linked.quotes) == len(extraction.quotes):
        # linking returns its quotes one for one, in the order it was given them
        kinds = [q.kind for q in extraction.quotes]
    else:
        by_id = {q.id: q.kind for q in extraction.quotes if q.id}
        kinds = [by_id.get(q.id, q.kind) if q.id else q.kind for q in linked.quotes]
    for q, kind in zip(linked.quotes, kinds, strict=True):
        q.kind = kind
        if kind == "topic":
            q.variant_group = None
    return linked
