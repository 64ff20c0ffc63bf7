"""Claims, round 18 (extract/predications.py, compare/claims_frames.py, compare/claims.py): what each
sentence asserts is read at extraction, off the one dependency parse extraction makes (no second parse,
no lemmatizer), stored with the extraction ("frame" records) and read by the claims: a sentence that
states another's act inside an act of its own ("criticized the organizers for designating a quiet
area") is not supported by the sentences that state only the embedded act.

Synthetic sentences written for these tests; spaCy's small English model parses them."""

from __future__ import annotations

from pathlib import Path

from storyprism.compare import CompareOptions
from storyprism.compare.claims import _asserts_more, _wording_and_support, story_text
from storyprism.compare.claims_frames import Frame, asserts_about, frame_of, story_frames
from storyprism.extract import extract_articles
from storyprism.extract.nlp import analyse
from storyprism.extract.predications import key, sentence_frames
from storyprism.records import Article, SentenceFrame, Story

CRITICISM = ("A regional firefighters' union leader has criticized the organizers of the harbour festival for "
             "designating a special quiet area for children, saying it suggests they are unsafe elsewhere.")
DESIGNATION = "For the first time, organizers of the harbour festival have designated a special quiet area for children."
DESIGNATION_AGAIN = "The organizers of the harbour festival designated a quiet area for children this year."


def _frames(*sentences: str) -> list[Frame]:
    """One frame per sentence, each parsed as its own text (as extraction parses an article)."""
    out = []
    for text in sentences:
        ((_, tree),) = analyse([text])
        assert tree is not None
        found = sentence_frames("a", text, tree)
        assert len(found) == 1, (text, found)
        out.append(frame_of(found[0]))
    return out


def test_keys_meet_across_inflections_without_a_lemmatizer():
    # one key for a verb's forms, strong forms through the tables, plural nouns undone
    assert key("designated", "VBN") == key("designating", "VBG") == key("designates", "VBZ") == key("designate", "VB")
    assert key("used", "VBD") == key("uses", "VBZ") == key("using", "VBG")
    assert key("stopped", "VBD") == key("stop", "VB") and key("called", "VBD") == "call"
    assert key("said", "VBD") == key("says", "VBZ") and key("was", "VBD") == key("is", "VBZ")
    assert key("found", "VBD") == key("find", "VB") and key("companies", "NNS") == key("company", "NN")
    assert key("bed", "NN") == "bed"  # the tables are for verbs: a noun keeps its form


def test_main_predicate_reads_through_speech_belief_and_light_verbs():
    said, copula, plain, suspected = _frames(
        "The mayor said on Monday that the bridge had collapsed after the storm.",
        "The fate of the port's shipping business is key to the town's future.",
        "Rescuers found the missing hiker near the summit on Sunday.",
        "The freighter is suspected of transferring 300 tons of diesel to another vessel.",
    )
    assert key("collapsed", "VBN") in said.predicates and key("said", "VBD") not in said.predicates
    assert copula.predicates == frozenset({"key"})
    assert plain.predicates == frozenset({key("find", "VB")})
    assert suspected.predicates == frozenset({"transfer"})


def test_an_act_inside_an_argument_is_what_the_sentence_is_about():
    criticism, designation, again = _frames(CRITICISM, DESIGNATION, DESIGNATION_AGAIN)
    assert key("designate", "VB") in criticism.embedded
    assert asserts_about(criticism, designation)  # the criticism says something about the designation
    assert not asserts_about(designation, criticism)
    assert not asserts_about(designation, again) and not asserts_about(again, designation)
    downplayed, remark = _frames(
        "The ministry also downplayed comments from a former adviser, who argued that the harbour plan is failing.",
        "A former adviser said in March that the harbour plan was failing the town.",
    )
    assert asserts_about(downplayed, remark)  # through a relative clause of the object that reports words
    ran, paid = _frames(
        "The minister's father ran an offshore fund that paid no tax in Britain for 30 years.",
        "The offshore fund paid no tax in Britain for 30 years, according to the leaked files.",
    )
    # a relative clause that describes its noun is the writer's own assertion, not an act reported on
    assert key("paid", "VBD") not in ran.embedded and not asserts_about(ran, paid)


def test_acts_the_sentence_states_itself_are_not_embedded():
    # a time clause, an accompanying circumstance and a catenative verb assert their act too
    held, arrested, sparked, jumped, came, accused = _frames(
        "The army has held the activist since arresting him three days after the march.",
        "The activist was arrested at his home three days after the march.",
        "A blast sparked a fire on the barge, with two crew members jumping into the sea to escape.",
        "Two crew members jumped into the sea to escape the fire on the barge.",
        "Dozens of workers have come forward to accuse the contractor of fraud.",
        "The contractor has been accused of fraud by dozens of workers.",
    )
    assert not asserts_about(held, arrested)
    assert not asserts_about(sparked, jumped)
    assert not asserts_about(came, accused)


def _article(k: int, text: str) -> Article:
    return Article(id=f"a{k}", ref=f"a{k}", title="Festival", text=text, outlet=f"outlet{k}.com",
                   url=f"https://www.outlet{k}.com/s", published=f"2024-05-0{k + 1}T10:00:00")


def test_extraction_stores_a_frame_per_sentence_on_the_compared_spans():
    text = f"{DESIGNATION} {CRITICISM}\nThe festival opens on Friday with music on three stages near the harbour."
    out = extract_articles([_article(0, text)])
    spans = [(f.start, f.end) for f in out.frames]
    assert [text[a:b] for a, b in spans] == [DESIGNATION, CRITICISM, "The festival opens on Friday with music on three stages near the harbour."]
    assert all(f.article == "a0" for f in out.frames)
    # the claims find each compared sentence's frame by its span
    arts = {"a0": _article(0, text)}
    st = story_text(Story(id="s", title="Festival", articles=["a0"]), arts, {"a0": "a0"}, CompareOptions())
    frames = story_frames(st.sentences, out.frames)
    assert set(frames) == set(range(len(st.sentences))) and len(st.sentences) == 3


def test_a_claim_is_shown_in_the_act_its_sentences_share():
    arts = {f"a{k}": _article(k, t) for k, t in enumerate((CRITICISM, DESIGNATION, DESIGNATION_AGAIN))}
    st = story_text(Story(id="s", title="Festival", articles=list(arts)), arts, {a: a for a in arts}, CompareOptions())
    assert [s.article for s in st.sentences] == ["a0", "a1", "a2"]
    # the criticism is the group's most central sentence (the encoder rates it close to both)
    st.pair_sim = {(0, 1): 0.7, (0, 2): 0.7, (1, 2): 0.6}
    st.frames = story_frames(st.sentences, extract_articles(list(arts.values())).frames)
    assert _asserts_more(st, 0, 1) and _asserts_more(st, 0, 2) and not _asserts_more(st, 1, 0)
    medoid, origins = _wording_and_support(st, [0, 1, 2], [], {})
    # shown as the designation, which all three articles state; never as the criticism with their support
    assert medoid in (1, 2) and origins == ["a0", "a1", "a2"]
    # without frames, the central criticism would carry all three
    st.frames = {}
    medoid, origins = _wording_and_support(st, [0, 1, 2], [], {})
    assert medoid == 0 and len(origins) == 3


def test_frames_are_stored_loaded_and_compared_again_when_they_change(tmp_path: Path):
    from storyprism import pipeline
    from storyprism.extraction_runs import load_extraction
    from storyprism.workspace import Workspace

    folder = tmp_path / "in"
    folder.mkdir()
    for k, t in enumerate((CRITICISM, DESIGNATION)):
        (folder / f"a{k}.txt").write_text(f"Festival {k}\n\n{t}\n", encoding="utf-8")
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([folder])
        ws.analyze()
        stored = load_extraction(ws.store).frames
        assert stored and all(isinstance(f, SentenceFrame) for f in stored)
        assert any(f.embedded for f in stored)
        linked = pipeline.run_linking(ws.store)
        assert linked.frames == stored  # linking hands the frames on to the comparison untouched


def test_the_extract_stage_declares_the_frames_it_keeps():
    from storyprism.pipeline import PIPELINE

    assert "frame" in next(s for s in PIPELINE if s.name == "extract").stores


# ---- review mends (round 18, review 4)


def test_every_reporting_verb_of_the_shared_list_reports_its_complement():
    from storyprism.extract.cues import BELIEF_LEMMAS
    from storyprism.extract.predications import EPISTEMIC, OWN_ACT_SPEECH, SPEECH
    from storyprism.text.cues import SAY_LEMMAS

    # one list of reporting verbs: the shared one, less the verbs whose act is their own
    assert SAY_LEMMAS - OWN_ACT_SPEECH <= SPEECH and not SPEECH & OWN_ACT_SPEECH
    assert {"reveal", "admit", "acknowledge", "disclose", "concede", "testify"} <= SPEECH
    assert set(BELIEF_LEMMAS) >= EPISTEMIC
    revealed, denied = _frames(
        "The port authority revealed on Friday that the cargo volumes dropped sharply in the spring.",
        "The port authority denied on Friday that the cargo volumes dropped sharply in the spring.",
    )
    assert revealed.predicates == frozenset({key("dropped", "VBD")})  # a report of the drop
    assert key("dropped", "VBD") not in denied.predicates  # a denial asserts the denial


def test_a_revealed_fact_keeps_the_support_of_a_plain_statement_of_it():
    plain = "The cargo volumes of the port dropped 12 percent in the spring, the port authority said on Friday."
    for verb in ("revealed", "admitted", "acknowledged", "disclosed", "conceded", "said"):
        reported = f"The port authority {verb} on Friday that the cargo volumes of the port dropped sharply in the spring."
        arts = {"a0": _article(0, reported), "a1": _article(1, plain)}
        st = story_text(Story(id="s", title="Port", articles=list(arts)), arts, {a: a for a in arts}, CompareOptions())
        assert len(st.sentences) == 2
        st.pair_sim = {(0, 1): 0.7}
        st.frames = story_frames(st.sentences, extract_articles(list(arts.values())).frames)
        assert not _asserts_more(st, 0, 1), verb
        # the plain statement (it gives a figure the report lacks) is a second origin of the fact
        assert _wording_and_support(st, [0, 1], [], {})[1] == ["a0", "a1"], verb


def test_strong_verbs_of_news_meet_their_other_forms():
    pairs = [("fled", "VBD", "flee", "VB"), ("died", "VBD", "die", "VB"), ("dies", "VBZ", "dying", "VBG"),
             ("lied", "VBD", "lie", "VB"), ("rose", "VBD", "rise", "VB"), ("ran", "VBD", "run", "VB"),
             ("fought", "VBD", "fighting", "VBG"), ("forgave", "VBD", "forgives", "VBZ"),
             ("stole", "VBD", "steal", "VB"), ("sank", "VBD", "sinking", "VBG"), ("tied", "VBD", "ties", "VBZ")]
    for a, ta, b, tb in pairs:
        assert key(a, ta) == key(b, tb), (a, b)
    assert key("carried", "VBD") == key("carry", "VB") and key("studies", "VBZ") == key("study", "VB")
    fought, fighting = _frames(
        "The farmers' union fought the county over shutting the old ferry.",
        "The county shut the old ferry, and the farmers' union is fighting the decision.",
    )
    # the second sentence states the fight as well: no act of the first lies outside it
    assert not asserts_about(fought, fighting)


def test_linking_hands_the_frames_on():
    from storyprism import extract

    text = "The county shut the old ferry on Monday. Officials said the captain fled the harbour."
    extracted = extract.extract_articles([Article(id="a", ref="a", title="", text=text)])
    assert extracted.frames
    assert extract.link_corpus(extracted).frames == extracted.frames


def test_a_rerun_into_the_same_output_keeps_none_of_the_old_frames(tmp_path: Path):
    from storyprism.engine import parquet
    from storyprism.records import to_dict

    out = str(tmp_path)
    parquet.write_rows(out, "frames", [to_dict(SentenceFrame("old", 0, 10, ["x"], [], ["x"]))])
    for folder in parquet.ALL_COLLECTIONS:  # what a ray run clears before it writes
        parquet.remove(out, folder)
    assert parquet.read_rows(out, "frames") == []
