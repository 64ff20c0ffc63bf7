"""Issue 10, twentieth round: origins keyed as a reader names them. Invented copy only."""

from __future__ import annotations

from storyprism.reuse.post_relays import _same_poster, canonical, full_name


def test_a_poster_is_keyed_by_the_full_name_the_piece_prints():
    lines = ["Dana Quill says her team will row a solar canoe to Auckland.",
             "The canoe will leave from Sydney, Quill tweeted late on Sunday."]
    assert full_name(lines, "Quill") == "Dana Quill"
    # only the surname printed: the surname is the key
    assert full_name(["Quill tweeted that the canoe is ready."], "Quill") == "Quill"


def test_titles_labels_and_sentence_openers_are_no_given_name():
    lines = ["President Quill tweeted that the canoe is ready.",
             "On Sunday Quill posted a photo of the hull to Instagram.",
             "Rower Quill said more would follow; the rower plans a second trip."]
    assert full_name(lines, "Quill") == "Quill"


def test_two_given_names_of_one_surname_are_two_posters():
    assert _same_poster("Dana Quill", "Quill")
    assert _same_poster("Dana Quill", "Dana Quill")
    assert not _same_poster("Dana Quill", "Ivo Quill")
    assert not _same_poster("Dana Quill", "Dana Brand")



def test_a_relay_printing_the_surname_alone_takes_the_one_full_name_of_the_others():
    assert canonical("Quill", ["Quill", "Dana Quill", "Dana Quill"]) == "Dana Quill"
    assert canonical("Quill", ["Quill", "Dana Quill", "Ivo Quill"]) == "Quill"  # which one is unknown
    assert canonical("Ivo Quill", ["Dana Quill"]) == "Ivo Quill"


def test_editors_initials_with_bracketed_agencies_sign_off_agency_copy():
    from storyprism.reuse.credits import wire_signals
    body = ("A river cruise boat struck a bridge pier on Sunday evening, injuring 25 passengers.\n"
            "Police said the captain would be questioned on Monday.\n")
    assert wire_signals(body + "jm/dm (AFP, dpa)", None)[0] == "AFP+dpa"
    assert wire_signals(body + "ls/rc (Reuters)", None)[0] == "Reuters"
    assert wire_signals(body + "(AFP, dpa)", None)[0] == "AFP+dpa"
    # brackets that hold no agency, or an agency name inside a sentence, sign nothing off
    assert wire_signals(body + "he/she (the mayor said)", None)[0] is None
    assert wire_signals(body + "The photo (AFP, dpa) shows the pier.", None)[0] is None
