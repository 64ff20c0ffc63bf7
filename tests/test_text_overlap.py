"""The verbatim tests the reuse and comparison stages share (``storyprism.text.overlap``)."""

from storyprism.text.overlap import (
    fold_quote_marks,
    has_long_quotation,
    long_quotations,
    mostly_quoted,
    word_containment,
)


def test_fold_quote_marks_makes_house_styles_compare_equal() -> None:
    curly = "He said: \u201cWe\u2019re  done\u201d"
    straight = 'he said: "we\'re done"'
    assert fold_quote_marks(curly) == straight


def test_long_quotations_are_folded_and_stripped_of_edge_punctuation() -> None:
    sentence = "\u201cThe bridge will reopen on Monday,\u201d the mayor said, calling it \u201cgreat\u201d."
    # the twelve-character floor keeps the scare-quoted word out
    assert long_quotations(sentence) == ["the bridge will reopen on monday"]
    assert has_long_quotation(sentence)
    assert not has_long_quotation('The so-called "truce" held.')


def test_mostly_quoted_and_containment() -> None:
    assert mostly_quoted('"We will rebuild every house on this street," she said.')
    assert not mostly_quoted('The council met on Monday and she said it would "look again".')
    assert word_containment("the mayor said the bridge is closed", "Officials: the mayor said the bridge is closed today") == 1.0


def test_quoted_passages_has_one_home_that_the_claims_read() -> None:
    from storyprism.compare import claims_same
    from storyprism.text.overlap import quoted_passages

    # the claims' test of quoted statements reads the shared implementation, not a copy of its own
    assert claims_same.quoted_passages is quoted_passages
    # each mark read by where it stands: the attribution between two quotations is no quotation
    assert quoted_passages('"Not yet," the keeper said, "the gate opens at noon."') == [
        "Not yet,", "the gate opens at noon."]
