"""Claims, round 19 (compare/claims_same.py, compare/claims.py): sentences grouped by topic that do not
state one proposition.

* Two sentences that each print a speaker's words, neither printing the other's, report two things said
  (``claims_same.quote_different_words``), however short one side's quotation is.

Synthetic sentences written for these tests."""

from __future__ import annotations

from storyprism.compare import CompareOptions
from storyprism.compare.claims import score_pairs, story_text
from storyprism.compare.claims_same import quote_different_words
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
