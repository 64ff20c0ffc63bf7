"""Junk removal: seeds, what goes, what stays, outlet boilerplate, auditability."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyprism.clean import REASONS, clean_articles, count_outlet_lines, merge_counts
from storyprism.clean.options import CleanOptions
from storyprism.records import Article

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"

# The page junk in the seeds, identified by reading them (test data, not used by the code).
SEED_JUNK = {
    "000": {"• Oops!", "Something went wrong.", "Please try again later."},
    "001": {"Full Screen", "1 / 5", "Sputnik", "Recommended Videos"},
    "002": {"Reuters Archive", "Putin will visit Beijing on Friday, the opening day of the Winter Olympics.",
            "READ MORE: Putin: Russia will be dragged into war if Ukraine joins NATO", "Loading...",
            "READ MORE: Turkiye, US discuss Ukraine crisis ahead of Erdogan visit", "Route 6"},
    "003": {"0", "820"},
    "004": {"Read more", "US deploys F-15 fighters closer to Russian borders", "Post a Comment", "0 Comments"},
}
SEED_CAPTIONS = {  # photo captions: sentence-shaped, but not journalism of the article
    "001": "Russian President Vladimir Putin gestures during his videoconference",
    "004": "US Air Force 336th Fighter Squadron planes arrive in Romania",
}
_TERMINAL = re.compile(r"[.!?][\"'”’)]*$")


def _seed_articles(with_headline: bool = False) -> list[Article]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        raw = path.read_text(encoding="utf-8") if with_headline else body
        out.append(Article(id=path.stem, ref=str(path), title=title.strip(), text=raw, raw_text=raw))
    return out


def _article(text: str, id: str = "a", title: str = "Some headline here", **kw: object) -> Article:
    return Article(id=id, ref=id, title=title, text=text, raw_text=text, **kw)  # type: ignore[arg-type]


def _clean_one(text: str, **kw: object) -> Article:
    return clean_articles([_article(text, **kw)], CleanOptions())[0]


def _ws(s: str) -> str:
    return " ".join(s.split())  # the seeds contain non-breaking spaces


def _removed(a: Article) -> dict[str, str]:
    return {_ws(r.line): r.reason for r in a.removed}


# --------------------------------------------------------------------------- seeds


def test_seeds_every_junk_line_removed_and_nothing_else() -> None:
    cleaned = clean_articles(_seed_articles(), CleanOptions())
    assert len(cleaned) == 5
    for a in cleaned:
        key = a.id[:3]
        junk = SEED_JUNK[key]
        caption = SEED_CAPTIONS.get(key)
        removed = _removed(a)
        for line in removed:
            assert line in junk or (caption is not None and line.startswith(caption)), (a.id, line)
        for line in junk:
            assert line in removed, (a.id, line)
            assert line not in {_ws(x) for x in a.text.splitlines()}
        if caption:
            assert removed.get(next(r for r in removed if r.startswith(caption))) == "caption"
        assert all(r.reason in REASONS for r in a.removed)


def test_seeds_no_sentence_of_journalism_lost() -> None:
    for a in clean_articles(_seed_articles(), CleanOptions()):
        key = a.id[:3]
        junk = SEED_JUNK[key]
        kept = {_ws(x) for x in a.text.splitlines()}
        for raw in a.raw_text.splitlines():
            line = _ws(raw)
            if not line or line in junk or not _TERMINAL.search(line):
                continue
            if key in SEED_CAPTIONS and line.startswith(SEED_CAPTIONS[key]):
                continue
            assert line in kept, (a.id, line)
        # the subhead in the TRT article is journalism, not a teaser
        if key == "002":
            assert "Door still open for talks" in kept


def test_seeds_paragraphs_kept_and_headline_line_removed_as_title() -> None:
    plain = clean_articles(_seed_articles(), CleanOptions())
    with_head = clean_articles(_seed_articles(with_headline=True), CleanOptions())
    for a, b in zip(plain, with_head, strict=True):
        assert a.text == b.text
        assert b.removed[0].reason == "title" and b.removed[0].position == 0
        assert "\n\n\n" not in a.text and a.text == a.text.strip()
        raw_paragraphs = [p for p in re.split(r"\n\s*\n", a.raw_text) if p.strip()]
        assert a.text.count("\n\n") >= len(raw_paragraphs) // 2


def test_seed_positions_point_at_raw_lines_and_removal_is_reversible() -> None:
    for a in clean_articles(_seed_articles(), CleanOptions()):
        raw_lines = a.raw_text.splitlines()
        by_position = {r.position: r.line for r in a.removed}
        for pos, line in by_position.items():
            assert raw_lines[pos].strip() == line
        rebuilt = [ln.strip() for i, ln in enumerate(raw_lines) if ln.strip() and i not in by_position]
        assert rebuilt == [ln for ln in a.text.splitlines() if ln]


# --------------------------------------------------------------------------- what goes


@pytest.mark.parametrize(
    ("junk", "reason"),
    [
        ("Oops! Something went wrong. Please try again later.", "ui-widget"),
        ("Loading...", "ui-widget"),
        ("An error has occurred, please try again later.", "ui-widget"),
        ("Advertisement", "ui-widget"),
        ("Read more", "teaser"),
        ("READ MORE: Minister resigns after budget row", "teaser"),
        ("Related: How the vote was won", "teaser"),
        ("[Related: Ten things to know about the summit]", "teaser"),
        ("Recommended Videos", "teaser"),
        ("Markets slide as oil jumps [VIDEO]", "teaser"),
        ("0", "counter"),
        ("1,204", "counter"),
        ("12 Comments", "counter"),
        ("Post a Comment", "counter"),
        ("3 / 12", "gallery"),
        ("Full Screen", "gallery"),
        ("Sign up for our daily newsletter to get the latest news in your inbox.", "promo"),
        ("We use cookies to improve your experience. By continuing to browse you agree.", "promo"),
        ("Subscribe to our YouTube channel!", "promo"),
        ("Copyright 2024 Example Media. All rights reserved.", "copyright"),
        ("Getty Images", "credit"),
        ("AFP/File", "credit"),
        ("© Jane Doe/Agency", "credit"),
        ("(Reporting by Ann Lee; Editing by Tom Bay)", "credit"),
        ("https://example.com/some/story", "link"),
        ("Updated 3 hours ago", "timestamp"),
        ("By Maria Lopez and Tom Hart", "byline"),
    ],
)
def test_junk_lines_go_with_reason(junk: str, reason: str) -> None:
    text = (
        "The council approved the budget on Monday after a long debate.\n\n"
        f"{junk}\n\n"
        "Opposition members said the plan would raise local taxes by 4%.\n\n"
        "The vote was 7 to 2."
    )
    a = _clean_one(text)
    assert _removed(a) == {junk: reason}
    assert junk not in a.text
    assert a.text.startswith("The council approved") and a.text.endswith("The vote was 7 to 2.")


def test_captions_and_credits_around_the_top() -> None:
    text = (
        "1 / 4\n\nFull Screen\n\nEFE\n\n"
        "Protesters march through the capital, Lima, Peru, Saturday, March 2, 2024. (John Roe, EFE via AP)\n\n"
        "LIMA, Peru – Thousands of people marched through the capital on Saturday to demand new elections.\n\n"
        "Police said the march was peaceful."
    )
    a = _clean_one(text)
    removed = _removed(a)
    assert removed["1 / 4"] == "gallery" and removed["Full Screen"] == "gallery"
    assert removed["EFE"] == "credit"
    assert any(r.reason == "caption" and r.line.startswith("Protesters march") for r in a.removed)
    assert a.text.startswith("LIMA, Peru – Thousands")


def test_caption_before_credit_and_its_verbatim_copy() -> None:
    text = (
        "Voters waited for hours outside polling stations in the north.\n"
        "Reuters Archive\n\n"
        "Voters waited for hours outside polling stations in the north.\n\n"
        "Turnout reached a record 81 percent, the election commission said on Sunday."
    )
    a = _clean_one(text)
    reasons = [r.reason for r in a.removed]
    assert reasons == ["caption", "credit", "duplicate-line"]
    assert a.text == "Turnout reached a record 81 percent, the election commission said on Sunday."


def test_caption_with_copyright_mark_inside_teaser_block() -> None:
    text = (
        "The two leaders spoke for an hour, officials said.\n\n"
        "Read more\n"
        "Soldiers unload supplies at the port, May 3, 2024. © Jane Roe/Agency Photo\n"
        "Army sends more troops to the border\n\n"
        "Talks will resume next week."
    )
    a = _clean_one(text)
    removed = _removed(a)
    assert removed["Read more"] == "teaser"
    assert removed["Army sends more troops to the border"] == "teaser"
    assert removed[next(r for r in removed if r.startswith("Soldiers"))] == "caption"
    assert a.text == "The two leaders spoke for an hour, officials said.\n\nTalks will resume next week."


def test_gallery_caption_restating_the_lede_goes_but_a_dateline_lede_stays() -> None:
    lede = ("LAMPA, Chile – Firefighters battled a wildfire near the village of Lampa outside Santiago "
            "on Tuesday as strong winds spread the flames toward homes.")
    caption = "Firefighters battle a wildfire near the village of Lampa outside Santiago as winds spread flames."
    rest = "Officials said 200 people were evacuated."
    with_caption = _clean_one(f"Full Screen\n1 / 5\n\n{caption}\n\n{lede}\n\n{rest}")
    assert _removed(with_caption)[caption] == "caption"
    assert with_caption.text == f"{lede}\n\n{rest}"
    without = _clean_one(f"Full Screen\n1 / 5\n\n{lede}\n\n{rest}")
    assert without.text == f"{lede}\n\n{rest}"
    # an ordinary first paragraph after a gallery label that does not restate what follows stays
    other = "The fire started in a dry field on Monday evening, according to local radio reports."
    kept = _clean_one(f"Full Screen\n\n{other}\n\n{rest}")
    assert kept.text == f"{other}\n\n{rest}"


def test_trailing_stub_after_widgets() -> None:
    text = (
        "The plant will open in 2026 and employ 400 people.\n\n"
        "READ MORE: Carmaker cuts jobs in Europe\n\nLoading...\nRiver crossing"
    )
    a = _clean_one(text)
    assert _removed(a)["River crossing"] == "trailing-stub"
    assert a.text == "The plant will open in 2026 and employ 400 people."


def test_html_style_text_keeps_one_paragraph_per_line() -> None:
    text = (
        "Storm Tess Hits the Coast\n"
        "Storm Tess hit the coast on Friday, cutting power to 20,000 homes.\n"
        "Share this article\n"
        "Related: What to do when the power goes out\n"
        "- Five ways to prepare for a storm\n"
        "- Where to find shelters near you\n"
        "Crews expect to restore power by Sunday.\n"
        "0 Comments"
    )
    a = _clean_one(text, title="Storm Tess hits the coast")
    assert a.text == (
        "Storm Tess hit the coast on Friday, cutting power to 20,000 homes.\n"
        "Crews expect to restore power by Sunday."
    )
    assert _removed(a)["Storm Tess Hits the Coast"] == "title"
    assert _removed(a)["- Five ways to prepare for a storm"] == "teaser"


# --------------------------------------------------------------------------- what stays


def test_journalism_stays() -> None:
    text = (
        "MOSCOW –\n\n"
        "The talks ended without agreement, the Kremlin said.\n\n"
        "'We will see,' he said.\n\n"
        "“No.”\n\n"
        "Door still open for talks\n\n"
        "Officials met again on Tuesday.\n\n"
        "10 people were hurt in the crush, police said.\n\n"
        "2024 will be decisive, he added.\n\n"
        "Netflix said 2 million people had signed up for its newsletter since March.\n\n"
        "Why it matters\n\n"
        "Readers can read more about the plan on the ministry's website.\n\n"
        "He was photographed by Reuters as he left the building.\n\n"
        "The reporter, by her own account, left early."
    )
    a = _clean_one(text)
    assert a.removed == []
    assert a.text == text


def test_one_sentence_paragraph_and_subhead_between_widgets_in_body() -> None:
    text = (
        "The bill passed the Senate on Thursday by a wide margin.\n\n"
        "READ MORE: Senate leader under pressure\n\n"
        "What happens next\n\n"
        "It now goes to the House.\n\n"
        "The House is expected to vote next month, aides said."
    )
    a = _clean_one(text)
    assert set(_removed(a)) == {"READ MORE: Senate leader under pressure"}
    assert "What happens next" in a.text and "It now goes to the House." in a.text


def test_credit_at_the_end_of_the_story_does_not_take_the_last_sentence() -> None:
    text = "Markets fell for a third day.\n\nInvestors await the central bank's decision.\nReuters"
    a = _clean_one(text)
    assert "Investors await the central bank's decision." in a.text
    assert _removed(a) == {"Reuters": "credit"}


# --------------------------------------------------------------------------- outlet boilerplate


def _outlet_batch() -> list[Article]:
    stories = [
        "Farmers protested new water rules in the valley on Monday. They blocked two roads for hours "
        "and asked the regional government to delay the rules until after the harvest.",
        "The city opened a second bridge across the river on Tuesday. It cost 40 million and took "
        "three years to build, longer than planned because of flooding in the spring.",
        "A local school won the national robotics contest this week. Its team of six students built "
        "a robot that sorts recycling, beating forty other schools from across the country.",
        "Hospital waiting times fell for the first time in two years. Managers credited new evening "
        "clinics, while unions warned that staff shortages could reverse the gains by winter.",
    ]
    footer = "The Valley Courier is an independent newspaper owned by its readers."
    return [
        _article(f"{s}\n\nMore details were expected later in the day.\n\n{footer}", id=f"v{i}",
                 outlet="Valley Courier")
        for i, s in enumerate(stories)
    ]


def test_lines_repeated_across_an_outlet_are_boilerplate() -> None:
    batch = _outlet_batch()
    counts = count_outlet_lines(batch)
    footer = "the valley courier is an independent newspaper owned by its readers"
    assert counts["valley courier"][footer] == 4
    assert counts["valley courier"][""] == 4
    for a in clean_articles(batch, CleanOptions()):
        assert _removed(a) == {
            "The Valley Courier is an independent newspaper owned by its readers.": "boilerplate-repeated",
            "More details were expected later in the day.": "boilerplate-repeated",
        }
        assert a.text == a.raw_text.split("\n\n")[0]
    # corpus-wide counts passed in override the batch: one article alone still loses its footer
    single = clean_articles(batch[:1], CleanOptions(), outlet_lines=counts)[0]
    assert "independent newspaper" not in single.text
    alone = clean_articles(batch[:1], CleanOptions())[0]
    assert "independent newspaper" in alone.text


def test_outlet_counts_use_url_host_skip_unknown_and_merge() -> None:
    a = _article("Subscribe now\n\nThe bridge opened on Monday.", id="u1", url="https://www.example.org/a")
    b = _article("Subscribe now\n\nThe school closed on Friday.", id="u2", url="https://example.org/b")
    c = _article("Subscribe now\n\nThe mayor resigned.", id="u3")  # no outlet, no URL: not counted
    counts = count_outlet_lines([a, b, c])
    assert set(counts) == {"example.org"}
    assert counts["example.org"]["subscribe now"] == 2 and counts["example.org"][""] == 2
    merged = merge_counts(counts, counts)
    assert merged["example.org"]["subscribe now"] == 4 and counts["example.org"]["subscribe now"] == 2


def test_copies_of_one_story_in_one_outlet_keep_their_journalism() -> None:
    body = (
        "The central bank raised rates by half a point on Wednesday.\n\n"
        "It was the fourth increase this year, the bank said.\n\n"
        "Economists had expected a smaller move."
    )
    copies = [_article(body, id="c0", outlet="Wire"), _article(body, id="c1", outlet="Wire"),
              _article(body + "\n\nShares fell after the news.", id="c2", outlet="Wire"),
              _article(body + "\n\nThe currency rose.", id="c3", outlet="Wire")]
    for a in clean_articles(copies, CleanOptions()):
        assert "raised rates by half a point" in a.text
        assert "Economists had expected a smaller move." in a.text


# --------------------------------------------------------------------------- robustness, options


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\x00\x01 odd", "word " * 20000, "é" * 5000, "\n" * 500])
def test_bad_input_never_crashes(text: str) -> None:
    a = _clean_one(text)
    assert isinstance(a.text, str)


def test_disabled_keeps_raw_text_and_cleaning_twice_is_stable() -> None:
    seeds = _seed_articles()
    off = clean_articles(seeds, CleanOptions(enabled=False))
    assert [a.text for a in off] == [a.raw_text for a in seeds] and all(not a.removed for a in off)
    once = clean_articles(seeds, CleanOptions())
    twice = clean_articles(once, CleanOptions())
    assert [a.text for a in once] == [a.text for a in twice]
    assert [len(a.removed) for a in once] == [len(a.removed) for a in twice]
    # text-only articles (no raw_text) are cleaned from text and keep it as raw_text
    bare = Article(id="t", ref="t", title="t", text="Loading...\n\nThe mayor resigned on Friday.",
                   content_hash="stale")
    done = clean_articles([bare], CleanOptions())[0]
    assert done.text == "The mayor resigned on Friday." and done.raw_text == bare.text
    assert done.content_hash == ""  # the hash of the uncleaned text is dropped; the store recomputes it


def test_lede_used_as_fallback_title_is_not_removed() -> None:
    lede = ("The city council voted on Tuesday to close two libraries and a swimming pool to save "
            "money, despite protests from hundreds of residents.")
    a = _clean_one(f"{lede}\n\nThe closures take effect in June.", title=lede)
    assert a.text.startswith(lede) and not a.removed


# --------------------------------------------------------------------------- inline junk (clean/inline.py)


def test_inline_widget_text_is_cut_out_of_real_paragraphs():
    from storyprism.clean import clean_text

    raw = (
        "The women wrote to the board on Monday. Newsletter Sign Up Continue reading the main story "
        "Sign Up for the Louder Newsletter Every week, stay on top of the latest in pop and jazz.\n"
        "Invalid email address. Please verify you're not a robot by clicking the box.\n"
        "The rocket lifted off at 9 a.m. local time. Hide Caption 1 of 8\n"
        "Officials said the launch failed.The agency declined to comment."
    )
    text, removed = clean_text(raw, "Launch")
    assert "Newsletter" not in text and "robot" not in text and "Hide Caption" not in text
    assert "The women wrote to the board on Monday." in text
    assert "The rocket lifted off at 9 a.m. local time." in text
    assert "failed. The agency" in text  # glued sentences split
    reasons = {r.reason for r in removed}
    assert {"inline-junk", "glued-sentences"} <= reasons


def test_glued_split_leaves_abbreviations_and_urls_alone():
    from storyprism.clean.inline import scrub_line

    for line in ("He moved to the U.S.Navy base.", "Visit example.Com/page for details.", "St.Louis won."):
        assert scrub_line(line)[0] == line
    assert scrub_line("she said.“We will")[0] == "she said.“We will"  # no capital after: untouched
    assert scrub_line("she said.The end")[0] == "she said. The end"


def test_interleaved_credits_and_furniture_lines_go():
    from storyprism.clean.inline import scrub_line

    for junk in ("David Becker/Getty Images", "Jae C. Hong/AP", "Scroll down for video",
                 "Advertisement - Continue Reading Below", "China: the new space superpower Read more"):
        assert scrub_line(junk)[0] == "", junk
    for body in ("The company said and/or the bank would pay.", "He flew the Boston/New York shuttle weekly."):
        assert scrub_line(body)[0] == body


def test_a_gallery_header_repeated_before_each_caption_is_cut_and_the_captions_kept() -> None:
    from storyprism.clean.document import clean_text

    header = "Photos: Mass shooting at Las Vegas music festival"
    captions = [
        "Debris is scattered on the ground at the site of the country music festival.",
        "Broken windows of the Mandalay Bay are seen early in Las Vegas on Monday.",
        "People embrace outside the Thomas & Mack Center after the shooting.",
    ]
    text = "\n".join(f"{header} {c}" for c in captions) + "\nPolice said the gunman fired from the 32nd floor."
    cleaned, removed = clean_text(text, "Mass shooting at Las Vegas music festival")
    assert cleaned.splitlines()[:3] == captions
    assert [r.line for r in removed] == [header] * 3
    # two lines sharing a label are not a gallery: nothing is cut
    two = "\n".join(f"{header} {c}" for c in captions[:2])
    assert clean_text(two)[0] == two


def test_an_outlets_own_notes_and_contact_lines_are_furniture_even_when_rare() -> None:
    """Three of twelve pages carry the line (under the 30 % share that makes a line boilerplate);
    one names the outlet itself, one is a contact line, one is reporting repeated in updates."""
    note = "NPR transcripts are created on a rush deadline by a contractor and may be revised."
    contact = "Do you have a story for our news team? Email us at tips@example.co.uk or call us."
    reporting = "The storm brought 34 inches of snow on Christmas Day, an all-time daily record for the city."
    articles = []
    for k in range(12):
        extra = [note, contact, reporting] if k < 3 else []
        town = ["Leeds", "Erie", "Omaha", "Tulsa", "Perth", "Cork", "Nice", "Bonn", "Lima", "Oslo", "Kobe", "Fez"][k]
        own = [f"The council of {town} met on the day and heard from {town} residents about {w}." for w in
               ("roads", "schools", "taxes", "parks", "buses", "water", "housing")]
        body = "\n".join([*own[:4], *extra, *own[4:]])
        articles.append(Article(id=f"a{k}", ref=f"a{k}", title=f"Story {k}", text=body, raw_text=body,
                                outlet="npr.org", url=f"https://www.npr.org/2017/{k}/story"))
    cleaned = clean_articles(articles, CleanOptions(), count_outlet_lines(articles))
    for a in cleaned[:3]:
        assert note not in a.text and contact not in a.text
        assert reporting in a.text


def test_a_template_line_repeating_only_across_batches_is_cut_from_the_first_batch_too(tmp_path: Path) -> None:
    """Articles are cleaned a batch at a time; the first batch sees one copy of a line that ten pages
    of the outlet carry. Once the run has counted them all, the first batch is cleaned again."""
    import json

    from storyprism.workspace import Workspace

    furniture = "Sign in to follow the stories you care about and get our morning briefing."
    rows = []
    for k, town in enumerate(["Leeds", "Erie", "Omaha", "Tulsa", "Perth", "Cork", "Nice", "Bonn", "Lima", "Oslo"]):
        # the first batch (four pages) has the line once; the later pages all carry it
        extra = [furniture] if k == 0 or k >= 4 else []
        body = "\n".join([f"The council of {town} met and heard residents about {w}." for w in
                          ("roads", "schools", "taxes", "parks")] + extra)
        rows.append({"id": f"a{k}", "url": f"https://news.example.com/{k}", "title": f"{town} council",
                     "text": body, "source_domain": "news.example.com"})
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with Workspace(tmp_path / "w.db", batch_size=3) as ws:
        ws.add([src])
        texts = [a.text for a in ws.store.articles()]
    assert len(texts) == 10
    assert all(furniture not in t for t in texts)
    assert all("The council of" in t for t in texts)


def test_media_widget_labels_list_headers_share_links_and_print_notes_go():
    from storyprism.clean.lines import line_reason

    assert line_reason("Enlarge this image toggle caption Joe Raedle/Getty Images Joe Raedle/Getty Images") == "caption"
    assert line_reason("Image copyright Reuters Image caption The boy was found after a search of 100 hours") == "caption"
    assert line_reason("Media playback is unsupported on your device Media caption The tram derailed at 06:00") == "caption"
    assert line_reason("MOST READ IN NEWS 'I'M MADDIE!' Student jokes she is a missing girl") == "teaser"
    assert line_reason("Read or Share this story: https://usat.ly/2s9A78j") == "link"
    assert line_reason("Sign up for BREAKING NEWS Emails privacy policy Thanks for subscribing!") == "promo"
    assert line_reason("A version of this article appears in print on Page A14 of the New York edition.") == "promo"
    # the same words inside reporting stay
    assert line_reason("Most read in the region was the report on the flood, officials said.") is None
    assert line_reason("Image analysis showed the crater was new, scientists said.") is None
    assert line_reason("Read the full statement here: we are proud of our staff.") is None
