"""Tests of the reuse stage on small hand-written fixtures and the seed articles (real models)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyprism.records import Alignment, Article, Change, Reuse
from storyprism.reuse import ReuseOptions, compare_texts, detect_reuse, independent_count, origins
from storyprism.reuse.changes import batch_changes
from storyprism.reuse.minhash import band_pairs, estimated_jaccard, optimal_bands, signatures
from storyprism.reuse.text import shingle_set, split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"

WIRE = """LISBON, Portugal (AP) — Portugal's government on Tuesday approved a plan to build a new airport near Lisbon, ending decades of debate over where to put it.
Infrastructure Minister Pedro Alves said the airport would cost about 6 billion euros and open by 2034.
"This is the most important public works decision of the decade," Alves told reporters after a cabinet meeting.
The new airport will be built on a former military firing range in Alcochete, about 40 kilometers east of the capital.
Environmental groups said the site sits next to a protected estuary where tens of thousands of birds spend the winter.
The current Humberto Delgado airport handled 33 million passengers last year and is operating at full capacity, according to the airport operator ANA.
Airlines have long complained about delays and a shortage of landing slots in Lisbon.
The opposition Social Democrats said they would support the plan but demanded a detailed environmental study.
Construction is expected to begin in 2027 if the European Commission approves public funding.
Portugal received a record 30 million foreign tourists last year, the national statistics institute said."""

REWRITE = """Portugal's cabinet has given the green light to a long-debated project for a new airport close to Lisbon.
The new airport would cost around 6 billion euros and should open by 2034, Infrastructure Minister Pedro Alves announced.
Speaking to journalists after the cabinet session, Alves described it as the most important public works decision of the decade.
The facility will be constructed on an old army firing range at Alcochete, roughly 40 kilometers to the east of the capital.
According to environmental organisations, the location borders a protected estuary where tens of thousands of birds spend the winter.
Lisbon's existing Humberto Delgado airport served 33 million travellers in the past year and has reached full capacity, its operator ANA said.
For years carriers have protested about delays and a lack of landing slots at Lisbon.
The Social Democrats, who are in opposition, said they would back the project but called for a thorough environmental assessment.
Building work is set to start in 2027 provided the European Commission signs off on public funds.
Last year Portugal welcomed a record 30 million visitors from abroad, according to the national statistics institute."""

OTHER = """Portugal will build a new international airport at Alcochete, the government decided on Tuesday.
"This is the most important public works decision of the decade," Infrastructure Minister Pedro Alves said.
The decision follows more than fifty years of studies, commissions and abandoned projects, and critics were quick to respond.
Tourism businesses in the Algarve welcomed the news but asked for faster rail links to the south of the country.
Hotel owners said the capital had been losing conferences and trade fairs to Madrid and Barcelona because flights were full.
A group of economists warned in an open letter that the cost could double, as happened with several motorway projects in the past.
Residents of Montijo, a site that had been considered earlier, said they were relieved.
The mayor of Alcochete said the town was ready but needed new schools and housing for thousands of workers.
Bird protection society SPEA announced it would file a complaint with the European Commission."""


def art(id_: str, text: str, published: str | None = None, title: str = "") -> Article:
    return Article(id=id_, ref=id_, title=title, text=text, published=published)


@pytest.fixture(scope="module", autouse=True)
def _one_torch_thread():
    """The encoder spins badly when several processes share two cores; restore afterwards."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def opts() -> ReuseOptions:
    return ReuseOptions()


def test_wire_copy_with_new_headline_and_trimmed_ending_is_a_copy(opts: ReuseOptions) -> None:
    body = WIRE.split("\n")
    copy_text = "\n".join(body[:7]) + "\nRead more: our guide to Lisbon's best neighbourhoods for a weekend away this summer."
    reuses = detect_reuse(
        [art("copy", copy_text, title="Lisbon gets its airport at last"), art("wire", WIRE, title="Portugal approves")],
        opts,
    )
    assert len(reuses) == 1
    r = reuses[0]
    assert r.kind in ("copy", "edited")
    assert (r.source, r.copy) == ("wire", "copy")
    assert r.coverage > 0.8
    assert any("contained" in e or "dateline" in e or "credit" in e for e in r.evidence)
    # a verbatim copy has no meaning changes
    assert not [c for al in r.alignments for c in al.changes]


def test_identical_and_publication_time_direction(opts: ReuseOptions) -> None:
    reuses = detect_reuse(
        [art("late", WIRE, "2024-05-02T10:00:00"), art("early", WIRE, "2024-05-01T09:00:00")], opts
    )
    assert [(r.source, r.copy, r.kind) for r in reuses] == [("early", "late", "identical")]
    assert any("published" in e for e in reuses[0].evidence)


def test_paraphrase_is_a_rewrite_with_the_right_direction(opts: ReuseOptions) -> None:
    reuses = detect_reuse([art("spun", REWRITE), art("wire", WIRE)], opts)
    assert len(reuses) == 1
    r = reuses[0]
    assert r.kind == "rewrite", r.evidence
    assert (r.source, r.copy) == ("wire", "spun")
    assert r.coverage >= 0.8
    # aligned in order, sentence i to sentence i
    assert sum(1 for al in r.alignments if al.source_index == al.copy_index) >= 8
    # rewording without a change of meaning reports (almost) nothing
    assert sum(len(al.changes) for al in r.alignments) <= 2


def test_independent_articles_quoting_the_same_person_are_not_copies(opts: ReuseOptions) -> None:
    reuses = detect_reuse([art("a", WIRE), art("b", OTHER)], opts)
    assert all(r.kind == "shared-source" for r in reuses)
    org = origins(["a", "b"], reuses)
    assert independent_count(["a", "b"], org) == 2


def test_change_detection_positives() -> None:
    pairs = [
        ("Police said 12 people were killed in the attack.", "Police said 21 people were killed in the attack."),
        ("The company did not confirm the merger on Monday.", "The company confirmed the merger on Monday."),
        ("Diplomats tried to prevent an invasion of Ukraine.", "Diplomats tried to prevent an invasion by Ukraine."),
        ("The army attacked the rebels near the city.", "The rebels attacked the army near the city."),
        ("The tax will rise next year, Finance Minister Anna Berg said.", "The tax will rise next year."),
        ("The minister reportedly resigned on Monday.", "The minister resigned on Monday."),
        ("Merkel met Macron in Berlin on Tuesday to discuss trade.", "Merkel met Johnson in Berlin on Tuesday to discuss trade."),
    ]
    expected = ["number", "negation", "role-flip", "role-flip", "attribution-dropped", "hedge-removed", "entity"]
    found = batch_changes(pairs)
    for (src, _), want, got in zip(pairs, expected, found, strict=True):
        assert want in {c.kind for c in got}, (src, got)
    assert [(c.source_text, c.copy_text) for c in found[0]] == [("12", "21")]


def test_change_detection_negatives_on_rewording() -> None:
    pairs = [
        ("The senator said the bill would not pass.", "The bill won't pass, the senator said."),
        ("Officials said more than 100,000 troops had gathered.", "More than 100,000 soldiers have massed, officials said."),
        ("Washington and Beijing remain at odds over trade.", "Beijing and Washington still disagree on trade."),
        ("The fire destroyed three homes, according to the fire department.", "Three houses were destroyed by the blaze, the fire department said."),
        ("Ukraine and the West feared it may indicate a new invasion.", "Ukraine and the West feared it might signal a new invasion."),
        ("The invasion of Ukraine began in February.", "The invasion of Ukraine started in February."),
    ]
    for (src, cp), got in zip(pairs, batch_changes(pairs), strict=True):
        assert got == [], (src, cp, got)


def test_seeds_003_is_a_rewrite_of_001_and_000_001_004_are_independent(opts: ReuseOptions) -> None:
    arts = []
    for p in sorted(SEEDS.glob("*.txt")):
        title, _, body = p.read_text(encoding="utf-8").partition("\n")
        arts.append(art(p.stem, body, title=title))
    ids = {a.id[:3]: a.id for a in arts}
    reuses = detect_reuse(arts, opts)
    rel = {(r.source, r.copy): r for r in reuses}
    r = rel[(ids["001"], ids["003"])]
    assert r.kind == "rewrite"
    kinds = {c.kind for al in r.alignments for c in al.changes}
    assert {"role-flip", "attribution-dropped"} <= kinds
    flip = next(c for al in r.alignments for c in al.changes if c.kind == "role-flip")
    assert "of ukraine" in flip.source_text.lower() and "by ukraine" in flip.copy_text.lower()
    for x, y in (("000", "001"), ("000", "004"), ("001", "004")):
        assert not any({q.source, q.copy} == {ids[x], ids[y]} and q.kind != "shared-source" for q in reuses)
    org = origins([a.id for a in arts], reuses)
    assert org[ids["003"]] == ids["001"]
    assert independent_count([ids[k] for k in ("000", "001", "003", "004")], org) == 3


def test_origins_collapse_copy_chains_but_not_shared_sources() -> None:
    reuses = [
        Reuse("a", "b", "copy", 1.0),
        Reuse("b", "c", "rewrite", 0.9),
        Reuse("d", "e", "shared-source", 0.2),
        Reuse("a", "f", "edited", 0.7),
    ]
    org = origins(["a", "b", "c", "d", "e", "f", "g"], reuses)
    assert org == {"a": "a", "b": "a", "c": "a", "d": "d", "e": "e", "f": "a", "g": "g"}
    assert independent_count(org, org) == 4


def test_minhash_estimates_jaccard_and_lsh_finds_near_duplicates() -> None:
    rng = np.random.default_rng(0)
    base = " ".join(f"w{int(x)}" for x in rng.integers(0, 5000, 400))
    variant = base.replace("w1", "zz", 3) + " extra words at the end of the text"
    others = [" ".join(f"w{int(x)}" for x in rng.integers(0, 5000, 400)) for _ in range(30)]
    sets = [shingle_set(t, 5) for t in [base, variant, *others, ""]]
    sigs = signatures(sets, 128)
    exact = np.intersect1d(sets[0], sets[1]).size / np.union1d(sets[0], sets[1]).size
    est = estimated_jaccard(sigs, np.array([[0, 1]]))[0]
    assert abs(est - exact) < 0.12
    pairs = band_pairs(sigs, *optimal_bands(0.3, 128))
    assert [0, 1] in pairs.tolist()
    assert all(33 not in p for p in pairs.tolist())  # the empty text matches nothing
    assert len(pairs) < 10


def test_bad_input_never_crashes(opts: ReuseOptions) -> None:
    assert detect_reuse([], opts) == []
    assert detect_reuse([art("a", WIRE)], opts) == []
    assert detect_reuse([art("a", ""), art("b", "   "), art("c", "One.")], opts) == []
    reuses = detect_reuse([art("a", WIRE), art("a", WIRE), art("b", "x")], opts)
    assert reuses == []
    assert compare_texts("", WIRE).kind is None


def test_split_sentences_keeps_abbreviations() -> None:
    sents = split_sentences("The U.S. and Gen. Smith met on Dec. 15, 2021. They talked. \"Fine,\" he said.")
    assert sents == ["The U.S. and Gen. Smith met on Dec. 15, 2021.", "They talked.", '"Fine," he said.']


def test_render_pair_marks_changes() -> None:
    from rich.console import Console

    from storyprism.reuse.view import render_pair

    src = art("s", "Police said 12 people died. The mayor spoke.")
    cp = art("c", "Police said 21 people died. The mayor spoke.")
    r = Reuse("s", "c", "edited", 1.0, 0.9, ["test"], [
        Alignment("Police said 12 people died.", "Police said 21 people died.", 0.9, 0, 0, [Change("number", "12", "21")]),
        Alignment("The mayor spoke.", "The mayor spoke.", 1.0, 1, 1),
    ])
    console = Console(width=120, record=True)
    console.print(render_pair(r, src, cp))
    out = console.export_text()
    assert "number: 12 → 21" in out
    assert "edited" in out


def test_a_rerun_keeps_near_duplicate_verdicts_instead_of_aligning_again(monkeypatch) -> None:
    from storyprism.reuse import detect

    lines = OTHER.split("\n")
    corpus = [
        art("w", OTHER, "2024-01-02T08:00:00"),
        art("c1", "\n".join(lines[:-1]) + "\nThe airport should open in 2034.", "2024-01-02T10:00:00"),
        art("c2", "\n".join(lines[1:]), "2024-01-02T11:00:00"),
    ]
    options = ReuseOptions(use_embeddings=False)
    first = detect.PairMemo()
    found = detect.detect_reuse(corpus, options, memo=first)
    assert {r.copy for r in found if r.kind in ("copy", "edited")} == {"c1", "c2"}
    assert any(k.startswith("dup:") for k in first.seen)
    compared: list[set[str]] = []
    real = detect.compare_docs
    monkeypatch.setattr(detect, "compare_docs",
                        lambda a, b, *rest, **kw: compared.append({a.article.id, b.article.id}) or real(a, b, *rest, **kw))
    again = detect.PairMemo(pairs=dict(first.seen), relations={f"{r.source}>{r.copy}": r for r in found})
    assert detect.detect_reuse(corpus, options, memo=again) == found
    assert compared == []  # every pair came from the memo
    corpus[2].text += "\nA late paragraph changes this copy."  # a changed text is compared again
    detect.detect_reuse(corpus, options, memo=detect.PairMemo(pairs=dict(first.seen), relations=again.relations))
    assert compared and all("c2" in pair for pair in compared)
