"""Issue 9, round 15: the reuse stage keeps per-article reads between runs (the candidate steps' token
facts, the headline-name test's words and corpus counts, the tracer's per-article values) and reads
only the new articles' texts, and stores what a run over every article at once stores.

The articles are written here: a few events (a wire story and its copies, a rewrite, a credited
report, a headline over another body) among filler reports of distinct council meetings, enough of
them (more than ``detect.SMALL_CORPUS``) for the rare-term candidate search to run."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from storyprism import models
from storyprism.options import Options
from storyprism.records import Article, Origin, Reuse, to_dict
from storyprism.reuse import detect, headline_memo, signal_store, topic, trace
from storyprism.reuse.headline_memo import KeptHeadlineReads
from storyprism.reuse.text import STOPWORDS
from storyprism.reuse_runs import run_reuse
from storyprism.store import Store


def _fake_vectors(texts: Sequence[str]) -> np.ndarray:
    """A deterministic stand-in for the encoder: hashed bag of words, unit length."""
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for row, text in enumerate(texts):
        for w in re.findall(r"[a-z0-9]+", text.lower()):
            out[row, int(hashlib.md5(w.encode()).hexdigest(), 16) % 384] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


@pytest.fixture
def encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "embed", lambda texts: _fake_vectors(texts))


_TOWNS = ["Ashby", "Brinton", "Calder", "Dunmore", "Elswick", "Farleigh", "Garston", "Hollin", "Ingleby",
          "Jarrow", "Kirkby", "Lydney", "Morley", "Nelson", "Oakham", "Pelton", "Quarry", "Ripley", "Selby",
          "Thorne", "Ulverston", "Ventnor", "Wetherby", "Yeadon", "Zennor"]
_THINGS = ["bridge", "library", "school", "harbour", "market", "museum", "stadium", "hospital", "tramway",
           "reservoir"]


def _filler(k: int) -> Article:
    town, thing = _TOWNS[k % len(_TOWNS)], _THINGS[k % len(_THINGS)]
    name = f"{town}{k}"
    text = (f"The council of {name} approved a new {thing} on Monday after a long debate. "
            f"Councillor Mara {name}son said the {thing} would cost {k + 3} million pounds. "
            f"\"The {thing} will serve every family in {name},\" she said. "
            f"Work on the {thing} starts in the spring and should end within {k % 4 + 2} years.")
    return Article(id=f"f{k:03d}", ref=f"f{k:03d}", title=f"{name} approves new {thing}", text=text,
                   url=f"https://news{k % 7}.example/{name.lower()}", outlet=f"News {k % 7}",
                   published=f"2031-0{k % 9 + 1}-1{k % 10}T08:00:00")


_WIRE = ("MARLOW VALE (AP) -- Heavy rain flooded the river town of Marlow Vale on Tuesday, forcing 1,200 residents "
         "from their homes. Mayor Helen Castell said the water rose two metres in six hours. \"We have never seen the "
         "river this high in living memory,\" Castell said. The Environment Agency issued 14 flood warnings across the "
         "county. Emergency crews from Redbridge Fire Service rescued 37 people by boat overnight.")
_REWRITE = ("About 1,200 people had to leave their homes in Marlow Vale after heavy rain on Tuesday. The river rose two "
            "metres in six hours, according to Mayor Helen Castell. \"We have never seen the river this high in living "
            "memory,\" she said. Crews of the Redbridge Fire Service pulled 37 people from the water by boat. The "
            "Environment Agency put 14 flood warnings in place.")
_CREDITED = ("The Valley Post reported that the Marlow Vale flood forced 1,200 people out, the Valley Post said on "
             "Tuesday. Mayor Helen Castell told the Valley Post the river rose two metres.")
_ADS = ("Several brands paid for minute-long spots during the big game. A soft drink maker showed dancing "
        "robots, and a carmaker showed a family road trip. Viewers voted the robots their favourite spot.")


def _events(extra: bool) -> list[Article]:
    first = [
        Article(id="wire", ref="wire", title="River floods Marlow Vale", text=_WIRE, url="https://apnews.com/flood",
                outlet="AP", published="2031-03-03T09:00:00"),
        Article(id="post", ref="post", title="Marlow Vale flood", text=_CREDITED, url="https://valleypost.example/f",
                outlet="Valley Post", published="2031-03-03T12:00:00"),
    ]
    first.append(Article(
        id="cinema", ref="cinema", title="Marvel fans line up for trailer", outlet="Screen",
        text="Fans of Marvel lined up for the Infinity War trailer at the Odeon in Ashby on Friday. The new "
             "Marvel film opens in April, and the Infinity War cast visits Ashby in May.",
        url="https://screen.example/c", published="2031-02-01T10:00:00"))
    if not extra:
        return first
    return [
        *first,
        Article(id="copy", ref="copy", title="River floods Marlow Vale", text=_WIRE, url="https://daily.example/f",
                outlet="Daily", published="2031-03-03T11:00:00"),
        Article(id="rewrite", ref="rewrite", title="Marlow Vale residents flee", text=_REWRITE,
                url="https://herald.example/f", outlet="Herald", published="2031-03-04T09:00:00"),
        Article(id="credit", ref="credit", title="Flood in Marlow Vale", text=_CREDITED.replace("1,200", "1,300"),
                url="https://courier.example/f", outlet="Courier", published="2031-03-04T10:00:00"),
        # a headline over another body: its names (Infinity War, Marvel) stand nowhere in it
        Article(id="ads", ref="ads", title="Marvel Infinity War trailer tops Super Bowl", text=_ADS,
                url="https://screen.example/a", outlet="Screen", published="2031-02-05T10:00:00"),
    ]


FIRST = [*(_filler(k) for k in range(0, 70)), *_events(False)]
ALL = [*FIRST, *(_filler(k) for k in range(70, 76)), *_events(True)[3:]]


def _store(path: Path, articles: Sequence[Article]) -> Store:
    store = Store(path)
    with store.transaction():
        for a in articles:
            store.upsert_article(a)
    return store


def _stored(store: Store) -> dict[str, list[str]]:
    return {
        "reuse": sorted(json.dumps(to_dict(r), sort_keys=True) for r in store.derived(Reuse, "reuse")),
        "origin": sorted(json.dumps(to_dict(o), sort_keys=True) for o in store.derived(Origin, "origin")),
    }


def test_reuse_in_two_steps_stores_what_one_step_stores(
    tmp_path: Path, encoder: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = Options()
    grown = _store(tmp_path / "grown.db", FIRST)
    run_reuse(grown, grown.articles(), options)
    with grown.transaction():
        for a in ALL[len(FIRST):]:
            grown.upsert_article(a)
    read: list[str] = []
    doc_facts = detect.doc_facts

    def counting(tokens: list[str], digest: str, text: str) -> detect.DocFacts:
        read.append(text)
        return doc_facts(tokens, digest, text)

    monkeypatch.setattr(detect, "doc_facts", counting)
    run_reuse(grown, grown.articles(), options)
    # the candidate steps read the facts of the new texts only (the others were kept)
    assert set(read) == {a.text for a in ALL[len(FIRST):]} - {a.text for a in FIRST}  # (the copy's is known)
    fresh = _store(tmp_path / "fresh.db", ALL)
    run_reuse(fresh, fresh.articles(), options)
    got, want = _stored(grown), _stored(fresh)
    assert want["reuse"] and len(want["origin"]) == len(ALL)  # something to compare
    assert got == want
    origins = {o.article: o for o in fresh.derived(Origin, "origin")}
    assert origins["copy"].origin == "wire" and origins["ads"].off_topic  # the events were read as events
    # kept reads were stored for every article, and a third run over the same articles reads none again
    assert set(grown.get_meta("trace_reads")["articles"]) == {a.id for a in ALL}
    read.clear()
    run_reuse(grown, grown.articles(), options)
    assert not read and _stored(grown) == want


def test_kept_headline_reads_flag_what_reading_every_article_flags(encoder: None) -> None:
    fresh = topic.headline_names_unreported(ALL)
    assert "ads" in fresh  # the headline's names (Marvel, Infinity) are names across the corpus
    first = KeptHeadlineReads()
    topic.headline_names_unreported(FIRST, True, first)
    again = KeptHeadlineReads(json.loads(json.dumps(first.kept())))
    assert topic.headline_names_unreported(ALL, True, again) == fresh
    # counts kept for articles since changed are not added to: the corpus is counted again
    changed = [a if a.id != "f001" else Article(id="f001", ref="f001", title=a.title, text=_ADS) for a in ALL]
    stale = KeptHeadlineReads(json.loads(json.dumps(again.kept())))
    assert topic.headline_names_unreported(changed, True, stale) == topic.headline_names_unreported(changed)
    changed_f001 = next(a for a in changed if a.id == "f001")
    assert stale.kept()["counts"]["members"]["f001"] == headline_memo.fingerprint(changed_f001)
    assert stale.kept()["counts"]["seen"] == {
        w: n for w, n in topic.case_counts(a.text for a in changed)[0].items() if len(w) > 3 and w not in STOPWORDS}


def test_doc_facts_give_the_same_candidates_and_ranks_without_tokenising() -> None:
    options = Options().reuse
    plain = detect.prepare(ALL, options, lazy=True)
    facts = detect.DocFactsCache()
    detect.prepare(FIRST, options, lazy=True, facts=facts)
    kept = detect.DocFactsCache(json.loads(json.dumps(facts.kept)))
    docs = detect.prepare(ALL, options, lazy=True, facts=kept)
    known = {a.text for a in FIRST}
    # known texts (the copy's is the wire's) are not tokenised; the others are
    assert [d.tokens_ is None for d in docs] == [a.text in known for a in ALL] and not all(known_ for known_ in
                                                                                        [a.text in known for a in ALL])
    assert detect.rare_term_pairs(docs, options) == detect.rare_term_pairs(plain, options)
    assert detect.rare_term_pairs(plain, options)  # something to compare
    assert [detect.source_rank(d) for d in docs] == [detect.source_rank(d) for d in plain]
    assert [d.digest for d in docs] == [d.digest for d in plain] and kept.changed


def test_kept_tracer_reads_trace_the_same_origins() -> None:
    reuses = [Reuse(source="wire", copy="copy", kind="identical", coverage=1.0, score=1.0)]
    arts = ALL
    fresh = trace.trace_origins(arts, reuses)
    reads = signal_store.ArticleReads()
    trace.trace_origins(arts[:-3], reuses[:0], reads=reads)
    kept = signal_store.ArticleReads(json.loads(json.dumps(reads.kept())))
    got = trace.trace_origins(arts, reuses, reads=kept)
    assert {k: to_dict(v) for k, v in got.items()} == {k: to_dict(v) for k, v in fresh.items()}
    assert fresh["copy"].origin == "wire" and fresh["post"].origin == "post"
    assert kept.changed and set(kept.kept()) == {a.id for a in arts}


def test_headline_reads_kept_under_other_code_are_stored_again(tmp_path: Path, encoder: None) -> None:
    """A record kept by other code is not read; the one this run reads is stored, even when it holds
    the same values (else its old salt would make every later run read every article again)."""
    options = Options()
    store = _store(tmp_path / "w.db", FIRST)
    run_reuse(store, store.articles(), options)
    record = store.get_meta("headline_reads")
    assert record["reads"]["articles"]
    with store.transaction():
        store.set_meta("headline_reads", {**record, "salt": "other code"})
    run_reuse(store, store.articles(), options)
    assert store.get_meta("headline_reads") == record
