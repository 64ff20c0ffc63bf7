"""Review of the post-relay origin (reuse/post_relays.py) and the syndication footer
(credits.SYNDICATION_FOOTER): a platform named as a company or as where someone else posted is no
post of the lead's subject, and a body sentence saying where news first appeared is no footer.
Invented sentences only."""

from __future__ import annotations

from storyprism.reuse.credits import Credit, syndicated_from
from storyprism.reuse.post_relays import poster

LEAD = "Mara Velt, the founder of a ferry start-up, has a new plan for the harbour."


def test_the_platform_as_a_company_is_no_post():
    # an offer, a letter or a ban aimed at the company: the subject said something about it, not on it
    assert poster([LEAD, "Velt said she sent a letter to Twitter offering to buy the company."]) is None
    assert poster([LEAD, "Velt made an offer to Twitter on Thursday."]) is None
    assert poster([LEAD, "Velt said she would back a ban on TikTok for ferry staff."]) is None
    assert poster([LEAD, "Velt took her offer to Twitter's board."]) is None


def test_someone_elses_post_is_not_the_subjects():
    assert poster([LEAD, "Velt said a video posted on YouTube by a passenger shows the ferry."]) is None
    assert poster([LEAD, "Velt said Brand posted on Facebook that the pier was closed."]) is None


def test_the_subjects_own_posts_still_count():
    assert poster([LEAD, "Velt said late Friday on Twitter that the first boat sails in May."]) == "Velt"
    assert poster([LEAD, "Velt revealed the boat in a video posted to Instagram."]) == "Velt"
    assert poster([LEAD, "Velt made the announcement on Instagram."]) == "Velt"
    assert poster([LEAD, "Velt took to Twitter to thank her crew."]) == "Velt"


def _credit(sentence: str, name: str) -> Credit:
    return Credit(name=name, cue="first reported by", sentence=sentence, position=9)


def test_a_footer_is_the_page_speaking_of_itself():
    footers = ["This story was first published in the Harbour Times.", "Originally published at Quay Weekly.",
               "This article originally appeared on Quay Weekly."]
    body = ["The plan first appeared in the Harbour Times, which reported it on Monday.",
            "Velt said the photos first appeared on the Quay Weekly site."]
    assert len(syndicated_from([_credit(s, "Harbour Times") for s in footers])) == len(footers)
    assert syndicated_from([_credit(s, "Harbour Times") for s in body]) == []


def test_platforms_of_today_count():
    assert poster([LEAD, "Velt posted on X late on Sunday that the first boat sails in May."]) == "Velt"
    assert poster([LEAD, "Velt said on Truth Social that the pier will open."]) == "Velt"
    # an X-ray or a company named with an X is no platform
    assert poster([LEAD, "Velt posted the X-ray of the hull to her lawyers."]) is None


def test_a_post_origin_reads_as_the_persons_posts():
    from storyprism.report.graph import origin_label, single_source_sentence

    assert origin_label("posts:Velt") == "Velt's posts"
    arts = [{"id": "a", "origin": "posts:Velt", "origin_kind": "rewrite"},
            {"id": "b", "origin": "posts:Velt", "origin_kind": "rewrite"}]
    assert "posts:" not in (single_source_sentence(arts) or "")
