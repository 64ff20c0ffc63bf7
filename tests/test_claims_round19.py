"""Claims, round 19 (compare/claims_same.py, compare/claims.py): sentences grouped by topic that do not
state one proposition.

* Two sentences that each print a speaker's words, neither printing the other's, report two things said
  (``claims_same.quote_different_words``), however short one side's quotation is; quoted words are
  read by where each mark stands (the attribution between two quotations is none), and a quoted label
  of one or two words is no statement (``claims_same.quoted_passages``/``quoted_words``); two stretches
  of one long answer that share a run of words print one answer (``claims_same.QUOTE_RUN_WORDS``).

Synthetic sentences written for these tests."""

from __future__ import annotations

from storyprism.compare import CompareOptions
from storyprism.compare.claims import score_pairs, story_text
from storyprism.compare.claims_same import quote_different_words, quoted_passages, quoted_words
from storyprism.records import Article, Story

TOLL = ('Rebel spokesman Omar Haddad, speaking from a hideout in the hills, said the "heroic operation" on the '
        'naval depot had left "dozens of enemies" dead.')
MISSION = ('Rebel spokesman Omar Haddad said by telephone that armed fighters had been sent "with orders to burn '
           'the naval depot and sink every ship moored there".')
MISSION_AGAIN = ('The rebels\' spokesman, Omar Haddad, said the fighters went "with orders to burn the naval depot and '
                 'sink every ship moored there".')


def test_two_different_quotations_of_one_speaker_are_two_statements():
    assert quote_different_words(TOLL, MISSION)
    assert not quote_different_words(MISSION, MISSION_AGAIN)  # the same words quoted twice
    # a quotation beside a line that restates its words outside quotation marks is one statement
    quoted = 'Of the reasons for leaving, the coach said, "Family\'s the main one."'
    restated = 'The coach, 61, said there "were many reasons for the move" but stressed that family was the main one.'
    assert not quote_different_words(quoted, restated)
    # one side quoting nobody: a paraphrase, left to the similarity
    assert not quote_different_words(TOLL, "A rebel spokesman said dozens of enemy soldiers died in the attack.")
    # a one-word scare quote is a term, not something said
    assert not quote_different_words('The mayor opened the "hub" on Monday.', MISSION)


def test_the_comparison_does_not_link_two_quotations_of_one_speaker():
    padding = "The naval depot outside the port city burned through the night. "
    texts = {"a": TOLL, "b": MISSION}
    arts = {aid: Article(id=aid, ref=f"{aid}.txt", title="Depot attack", text=padding * (aid == "a") + t,
                         outlet=f"Paper {aid}", published="2024-03-02") for aid, t in texts.items()}
    st = story_text(Story(id="s", title="Depot attack", articles=list(arts)), arts, {a: a for a in arts},
                    CompareOptions(embeddings=False))
    toll = next(i for i, s in enumerate(st.sentences) if "dozens" in s.text)
    mission = next(i for i, s in enumerate(st.sentences) if "orders" in s.text)
    # a candidate pair by its words (speaker, place), and little of either sentence is quotation
    assert (st.tfidf[toll] @ st.tfidf[mission].T).toarray()[0, 0] >= CompareOptions().candidate_lexical
    score_pairs(st, [], CompareOptions(embeddings=False))
    assert (min(toll, mission), max(toll, mission)) not in st.pair_sim


def test_the_words_between_two_quotations_are_no_quotation():
    # a first quotation too short for the old eight-character reading left its closing mark to open
    # the attribution: "he told the crowd" was read as the speaker's words, the answer after it was not
    answer = '"Never," he told the crowd outside the court, "will this town forget what its firemen did that night."'
    assert quoted_passages(answer) == ["Never,", "will this town forget what its firemen did that night."]
    assert quoted_words(answer) == ["will this town forget what its firemen did that night."]  # "Never," one word
    # a quotation running on from the sentence before, and one running on into the next
    assert quoted_passages('We stayed until the water reached the roof," the farmer said.') == [
        "We stayed until the water reached the roof,"]
    assert quoted_passages('The farmer said: "We stayed until the water reached the roof.') == [
        "We stayed until the water reached the roof."]
    # curly marks pair by their shape
    assert quoted_passages("\u201cNo,\u201d she said, \u201cthe bridge stays shut until spring.\u201d") == [
        "No,", "the bridge stays shut until spring."]
    # a curly closing mark printed for an opening one opens by where it stands
    assert quoted_passages("The firm praised her \u201dwillingness to talk about the mistake.\u201d") == [
        "willingness to talk about the mistake."]
    # the answer restated outside quotation marks beside other quoted words: its words are found there,
    # one statement (read with the attribution as the quotation, the two looked like two things said)
    refusal = '"No," the mayor told the council, "the budget cannot carry a new stadium this year."'
    restated = ("The city's leader said the budget could not carry a new stadium this year, calling the plan "
                '"a fantasy for another decade".')
    assert not quote_different_words(refusal, restated)


def test_a_quoted_label_is_no_statement():
    # two names for one raid, each in quotation marks: the lines state one fact (fighters killed by the
    # border), not two things the ministry said
    label = 'The defence ministry said its "special operation" had killed eleven fighters near the border.'
    other = ('Eleven fighters were killed near the border in what the defence ministry called a '
             '"counter-terrorism raid".')
    assert not quote_different_words(label, other)
    # a clause of three words or more is something said
    assert quote_different_words('The ministry said "tens of invaders" died.', MISSION)
    # a label both print ties two lines, whatever else each quotes
    shared = ('The ministry said its "special operation" near the border had killed eleven fighters, '
              '"a decisive blow against the rebels".')
    again = ('Eleven fighters died in the "special operation", the ministry said, adding that "the border is now '
             'secure for farmers".')
    assert not quote_different_words(shared, again)


def test_two_stretches_of_one_answer_are_one_statement():
    # two outlets quoting overlapping stretches of one long answer: under half of either quotation is in
    # the other sentence, but a run of words printed alike says they print the same answer
    first = ('"We drove the route twice that morning, a flooded lane is a flooded lane, and nobody on the crew '
             'thought the water would rise again before noon," the director said.')
    second = ('The director told the paper: "I keep going back to it, because a flooded lane is a flooded lane and '
              'I signed off on the shot myself."')
    assert not quote_different_words(first, second)
