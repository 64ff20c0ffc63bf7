"""Round 15 mends (extract): decimals that are amounts beside a version, Arabic-article place names, a
nickname given across a noun phrase, a body after a title's "of", a list of peoples' words, a compound
hyphen taken for a dateline, a count before "No.", and a duration's span over its minutes.
Real spaCy where speakers are read; the texts are written for the tests."""

from __future__ import annotations

from quote_helpers import quotes_of
from storyprism.extract.content_edges import credit_free_start
from storyprism.extract.ents import Ent
from storyprism.extract.name_types import drop_non_names
from storyprism.extract.numbers import find_numbers


def _nums(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(n.text, n.low, n.unit) for n in find_numbers("a", text, [(0, len(text))])]


def _kept(text: str, name: str, label: str) -> list[tuple[str, str]]:
    s = text.index(name)
    return [(x.text, x.label) for x in drop_non_names(text, [Ent(s, s + len(name), label, name)])]


def test_a_decimal_written_as_a_version_elsewhere_is_still_an_amount_with_a_unit_or_a_verb_of_change() -> (
    None
):
    text = "The tool moved to version 3.5 in May. Sales grew 3.5 percent and exports rose 3.5 in June."
    found = _nums(text)
    assert ("3.5 percent", 3.5, "percent") in found
    assert any(t == "3.5" and v == 3.5 for t, v, _ in found)
    bare = "The 4.20 update is out, and 4.20 lets you export files."
    assert _nums(bare) == []  # still a version where nothing beside it makes it an amount


def test_arabic_article_place_names_are_kept_and_relational_prefixes_dropped() -> None:
    assert _kept("Shelling reached al-Qaim and two villages on Sunday.", "al-Qaim", "GPE") == [
        ("al-Qaim", "GPE")
    ]
    assert _kept("The convoy left el-Tor at dawn.", "el-Tor", "GPE") == [("el-Tor", "GPE")]
    assert _kept("Crowds of anti-Kremlin marchers formed.", "anti-Kremlin", "GPE") == []
    assert _kept("The talks on inter-Korean ties resumed.", "inter-Korean", "NORP") == []


def test_a_body_after_a_title_of_is_kept_and_a_portfolio_dropped() -> None:
    text = "Li was First Secretary of the Workers' Party of Korea until 2011."
    assert _kept(text, "the Workers' Party of Korea", "ORG") == [("the Workers' Party of Korea", "ORG")]
    title = "He served as Secretary of Defense under two presidents."
    assert _kept(title, "Defense", "ORG") == []


def test_a_list_of_peoples_words_running_into_a_noun_is_no_list_of_languages() -> None:
    adj = "The poll, run in five languages, found Turkish, Greek and Cypriot voters were undecided."
    assert _kept(adj, "Greek", "NORP") == [("Greek", "NORP")]
    lang = "The leaflet was printed in four languages: English, Welsh, Polish and Greek."
    assert _kept(lang, "Polish", "NORP") == [("Polish", "LANGUAGE")]


def test_a_compound_hyphen_after_a_one_word_name_is_no_dateline() -> None:
    compound = "EU - Turkey relations have cooled again over the border deal, the envoy said."
    assert credit_free_start(compound, 0, len(compound)) == 0
    plain = "BERLIN - Turkey relations have cooled again over the border deal, the envoy said."
    assert credit_free_start(plain, 0, len(plain)) == 0  # one word, lone hyphen: read as a compound
    two = "NEW DELHI - The court said on Tuesday it would hear the case again."
    assert two[credit_free_start(two, 0, len(two)) or 0 :].startswith("The court")
    dash = "BERLIN — The court said on Tuesday it would hear the case again."
    assert dash[credit_free_start(dash, 0, len(dash)) or 0 :].startswith("The court")
    wire = "BERLIN (Reuters) - The court said on Tuesday it would hear the case again."
    assert wire[credit_free_start(wire, 0, len(wire)) or 0 :].startswith("The court")


def test_a_count_before_no_is_an_amount_and_a_named_word_with_a_serial_is_not() -> None:
    assert any(t == "350" and v == 350 for t, v, _ in _nums("The yard stacked 350 No. 4 steel rods."))
    assert not any(v == 1e9 for _, v, _ in _nums("The trawler Billions No. 7 went down."))


def test_a_duration_spans_its_minutes() -> None:
    found = _nums("The rescue took 6 hours and 30 minutes in all.")
    assert found == [("6 hours and 30 minutes", 6.5, "hours")]


def test_a_nickname_given_across_a_noun_phrase_names_that_phrase_not_the_subject() -> None:
    text = (
        "Attorney Nina Park defends the activist known as Red Fox in the trial. "
        "Red Fox said the arrest was unlawful."
    )
    hits = [q for q in quotes_of(text) if "arrest was unlawful" in q.text]
    assert hits and "Park" not in (hits[0].speaker or "")
    appos = (
        "Marek Halas, a retired judge, also known as the Hammer, spoke first. Halas said the law was clear."
    )
    assert any("law was clear" in q.text and "Halas" in (q.speaker or "") for q in quotes_of(appos))
