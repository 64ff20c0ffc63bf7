"""Ingest: every supported format, ids/refs/identities, source listing (folders, globs, stdin)."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from storyprism.ingest import (
    FieldMapError,
    IngestOptions,
    IngestStats,
    check_field_map,
    detect_format,
    extract_html,
    list_sources,
    normalise_date,
    read_inputs,
    read_source,
)
from storyprism.ingest.build import domain_of
from storyprism.records import Article, Rejected, Source

FIX = Path(__file__).parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
OPTS = IngestOptions()


def read(*inputs: str, options: IngestOptions = OPTS) -> list[Article | Rejected]:
    return list(read_inputs(list(inputs), options))


def articles(items: list[Article | Rejected]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def rejected(items: list[Article | Rejected]) -> list[Rejected]:
    return [i for i in items if isinstance(i, Rejected)]


# --------------------------------------------------------------------------- text and Markdown


def test_plain_text_headline_is_first_non_empty_line() -> None:
    (a,) = read(str(FIX / "article.txt"))
    assert isinstance(a, Article)
    assert a.title == "Harbour town votes to rebuild its storm-damaged sea wall"
    assert a.text.startswith("The council of Port Alder")
    assert "sea wall" not in a.text.splitlines()[0][:20]  # the headline is not repeated in the body
    assert a.text == a.raw_text
    assert a.id == "article" and a.ref == str(FIX / "article.txt")
    assert a.identity == os.path.abspath(FIX / "article.txt")
    assert a.source_format == "text" and a.url is None and a.outlet is None


def test_markdown_front_matter_overrides_and_heading_is_not_body() -> None:
    (a,) = read(str(FIX / "story.md"))
    assert isinstance(a, Article)
    assert a.id == "rail-strike-2021"
    assert a.title == "Rail strike called off after late-night talks"
    assert a.text.startswith("Union leaders called off")
    assert a.outlet == "Example News" and a.author == "Sam Reed"
    assert a.url == "https://www.example-news.co.uk/business/rail-strike-called-off"
    assert a.identity == a.url
    assert a.published == "2021-12-15T10:00:00+00:00"  # RFC 2822 normalised
    assert a.language == "en"  # en-GB -> primary subtag
    assert a.source_format == "markdown"


def test_markdown_heading_hashes_stripped() -> None:
    (a,) = read(str(FIX / "notes.markdown"))
    assert isinstance(a, Article)
    assert a.title == "Library reopens after two-year refurbishment"
    assert a.source_format == "markdown"


def test_malformed_front_matter_is_rejected_with_fix(tmp_path: Path) -> None:
    p = tmp_path / "bad.md"
    p.write_text("---\ntitle: [unclosed\n---\nHeadline\nBody text here.\n")
    (r,) = read(str(p))
    assert isinstance(r, Rejected) and r.reason == "malformed-front-matter" and "Fix:" in r.detail


def test_seeds_read_as_text_articles() -> None:
    items = read(str(SEEDS))
    arts = articles(items)
    assert len(arts) == len(list(SEEDS.glob("*.txt"))) and not rejected(items)
    for a in arts:
        assert a.title and a.title not in a.text.splitlines()[:1]
        assert a.id == Path(a.ref).stem
        assert len(a.text.split()) > 100


# --------------------------------------------------------------------------- HTML


def test_html_page_body_and_metadata() -> None:
    (a,) = read(str(FIX / "page.html"))
    assert isinstance(a, Article)
    assert a.title == "Volunteers clear tonnes of plastic from river banks"
    assert "three hundred volunteers" in a.text
    assert "Copyright" not in a.text and "Sport" not in a.text  # boilerplate left out
    assert len(a.text.splitlines()) >= 3  # paragraphs stay on their own lines
    assert a.outlet == "The Valley Courier"  # site name beats the URL's domain
    assert a.published == "2022-03-14"
    assert a.author == "Priya Nandakumar"
    assert a.language == "en"
    assert a.url == "https://www.valleycourier.example.com/news/river-clean-up" == a.identity
    assert a.id == "page" and a.source_format == "html"


def test_extract_html_accepts_bytes_and_declared_charset() -> None:
    html = (FIX / "page.html").read_text().replace('charset="utf-8"', 'charset="windows-1252"')
    html = html.replace("Daniel Okafor", "Dániel Økafor")
    result = extract_html(html.encode("cp1252"), url="https://x.example.org/a")
    assert "Dániel Økafor" in result.text
    assert result.encoding == "cp1252"
    assert result.sitename == "The Valley Courier"


def test_html_without_article_text_is_no_text() -> None:
    (r,) = read(str(FIX / "index.html"))
    assert isinstance(r, Rejected) and r.reason == "no-text" and "Fix:" in r.detail


def test_gzipped_html_is_unpacked(tmp_path: Path) -> None:
    import gzip

    target = tmp_path / "page.html.gz"
    target.write_bytes(gzip.compress((FIX / "page.html").read_bytes()))
    (a,) = read(str(target))
    assert isinstance(a, Article) and a.id == "page" and a.source_format == "html"


def test_content_beats_extension_for_a_saved_page(tmp_path: Path) -> None:
    target = tmp_path / "saved.txt"
    shutil.copy(FIX / "page.html", target)
    (a,) = read(str(target))
    assert isinstance(a, Article) and a.source_format == "html" and "<p>" not in a.text


def test_detect_format_by_content() -> None:
    assert detect_format('{"a": 1}\n{"a": 2}\n') == "jsonl"
    assert detect_format('[{"a": 1}]') == "json"
    assert detect_format("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert detect_format("---\ntitle: x\n---\nbody") == "markdown"
    assert detect_format("Just a headline\nAnd a body.") == "text"
    assert detect_format("x", "a/b/c.ndjson") == "jsonl"


# --------------------------------------------------------------------------- JSON / JSON Lines


def test_json_wrapper_list_generic_fields_and_html_body() -> None:
    items = read(str(FIX / "list.json"))
    assert len(items) == 3
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "list-0" and first.ref == f"{FIX / 'list.json'}#0"
    assert first.outlet == "Coastal Times"  # NewsAPI's source: {id, name}
    assert first.published == "2023-01-09T07:45:00+00:00" and first.author == "Mo Adeyemi"
    assert first.identity == first.url == "https://coastaltimes.example.org/ferries-resume"
    assert second.id == "77" and second.ref.endswith("list.json#77")
    assert second.identity == os.path.abspath(FIX / "list.json") + "#77"  # no URL: path + id
    assert second.title == "Bakery wins national award" and second.published == "2023-01-10"
    assert "<p>" not in second.text and len(second.text.splitlines()) == 2  # HTML body extracted
    assert isinstance(third, Rejected) and third.reason == "no-text" and third.ref.endswith("list.json#2")


def test_single_json_object_uses_file_stem() -> None:
    (a,) = read(str(FIX / "single.json"))
    assert isinstance(a, Article)
    assert a.id == "single" and a.ref == str(FIX / "single.json")
    assert a.author == "Ana Ruiz, Tom Bell"
    assert a.published == "2023-01-12T18:00:00+00:00"
    assert a.outlet == "example.com"  # no outlet field, no site name: the URL's registered domain


def test_jsonl_news_please_malformed_line_and_missing_text() -> None:
    items = read(str(FIX / "newsplease.jsonl"))
    by_ref = {i.ref.rsplit("#", 1)[1]: i for i in items}
    assert set(by_ref) == {"1", "2", "3", "np-4"}  # the blank line 4 is not an item
    a = by_ref["1"]
    assert isinstance(a, Article)
    assert a.id == "newsplease-1" and a.source_format == "jsonl"
    assert a.title == "Caddon paper mill to close"
    assert a.text.startswith("The paper mill") and a.author == "Lena Ford"
    assert a.outlet == "caddonpost.example.com" and a.language == "en"
    assert a.published == "2017-11-02T21:05:00" and a.fetched == "2017-11-03T10:12:44"
    bad = by_ref["2"]
    assert isinstance(bad, Rejected) and bad.reason == "malformed-json" and "Line 2" in bad.detail
    empty = by_ref["3"]
    assert isinstance(empty, Rejected) and empty.reason == "no-text" and "--field text=" in empty.detail
    named = by_ref["np-4"]
    assert isinstance(named, Article) and named.id == "np-4"
    assert named.identity == os.path.abspath(FIX / "newsplease.jsonl") + "#np-4"


def test_field_map_dotted_paths(tmp_path: Path) -> None:
    p = tmp_path / "custom.jsonl"
    p.write_text(
        '{"payload": {"story": {"words": "A custom body of text."}, "hed": "Custom"}, "meta": {"when": "2020-02-03"}, '
        '"people": [{"name": "Kim"}]}\n'
    )
    opts = IngestOptions(
        field_map={
            "text": "payload.story.words",
            "title": "payload.hed",
            "published": "meta.when",
            "author": "people.0.name",
        }
    )
    (a,) = read(str(p), options=opts)
    assert isinstance(a, Article)
    assert (a.text, a.title, a.published, a.author) == (
        "A custom body of text.",
        "Custom",
        "2020-02-03",
        "Kim",
    )
    (r,) = read(str(p))  # without the mapping the body is not found
    assert isinstance(r, Rejected) and r.reason == "no-text"


def test_unknown_field_map_name_is_reported_and_the_run_goes_on() -> None:
    opts = IngestOptions(field_map={"bodytext": "x", "title": "headline"})
    items = list(read_inputs([str(FIX / "single.json")], opts))
    bad, art = items
    assert isinstance(bad, Rejected) and bad.reason == "bad-option" and bad.ref == "--field bodytext=x"
    assert "Fix:" in bad.detail and "text" in bad.detail
    assert isinstance(art, Article) and art.text.startswith("The transport committee")
    with pytest.raises(FieldMapError, match="Fix"):
        check_field_map(opts.field_map)


def test_json_lines_in_a_json_file_and_top_level_scalar(tmp_path: Path) -> None:
    p = tmp_path / "lines.json"
    p.write_text('{"title": "One", "text": "First body."}\n{"title": "Two", "text": "Second body."}\n')
    assert [a.title for a in articles(read(str(p)))] == ["One", "Two"]
    q = tmp_path / "scalar.json"
    q.write_text("42")
    (r,) = read(str(q))
    assert isinstance(r, Rejected) and r.reason == "malformed-json"


# --------------------------------------------------------------------------- dates, domains


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-15", "2021-12-15"),
        ("2021-12-15 10:00:00", "2021-12-15T10:00:00"),
        ("Wed, 15 Dec 2021 10:00:00 GMT", "2021-12-15T10:00:00+00:00"),
        ("2021-12-15T10:00:00Z", "2021-12-15T10:00:00+00:00"),
        ("December 15, 2021", "2021-12-15"),
        ("15 Dec 2021", "2021-12-15"),
        ("Updated 3:00 PM December 15, 2021", "2021-12-15T15:00:00"),
        (1639562400, "2021-12-15T10:00:00+00:00"),
        ("1639562400000", "2021-12-15T10:00:00+00:00"),
        ("not a date", None),
        ("Dec 2021", None),  # no day: not a full date, so not invented
        (0, None),
        ("", None),
    ],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_domain_of_uses_public_suffixes() -> None:
    assert domain_of("https://www.bbc.co.uk/news/world-1") == "bbc.co.uk"
    assert domain_of("https://apnews.com/article/x") == "apnews.com"
    assert domain_of("not a url") is None


# --------------------------------------------------------------------------- listing sources


def test_folder_recursion_skips_hidden_and_is_sorted() -> None:
    items = list(list_sources([str(FIX)], OPTS))
    refs = [s.ref for s in items if isinstance(s, Source)]
    assert refs == sorted(refs, key=lambda r: (os.path.dirname(r) != str(FIX), r))
    assert str(FIX / "nested" / "deeper" / "deep.txt") in refs
    assert not any("/." in r for r in refs)  # .hidden/ and .dotfile.txt are skipped
    assert all(isinstance(s, Source) and s.size > 0 and s.fingerprint for s in items)


def test_glob_and_duplicates_and_not_found() -> None:
    items = list(
        list_sources([str(FIX / "**" / "*.txt"), str(FIX / "article.txt"), str(FIX / "nope.txt")], OPTS)
    )
    sources = [s for s in items if isinstance(s, Source)]
    assert {Path(s.ref).name for s in sources} == {"article.txt", "deep.txt"}  # hidden files: not matched
    assert len(sources) == 2  # article.txt named twice is read once
    (missing,) = [r for r in items if isinstance(r, Rejected)]
    assert missing.reason == "not-found" and "Fix:" in missing.detail
    (no_match,) = list(list_sources([str(FIX / "*.nothing")], OPTS))
    assert isinstance(no_match, Rejected) and no_match.reason == "not-found"


def test_stdin_is_read_into_the_source() -> None:
    data = (FIX / "article.txt").read_bytes()
    items = list(read_inputs(["-"], OPTS, stdin=io.BytesIO(data)))
    (a,) = items
    assert isinstance(a, Article)
    assert a.ref == "-" and a.id == "stdin" and a.identity.startswith("stdin:")
    assert a.title.startswith("Harbour town")
    (src,) = list(list_sources(["-"], OPTS, stdin=io.BytesIO(data)))
    assert isinstance(src, Source) and src.data == data and src.path is None and src.size == len(data)


def test_stdin_jsonl_refs_use_line_numbers() -> None:
    data = b'{"title": "A", "text": "Alpha body."}\n{"title": "B", "text": "Beta body."}\n'
    items = list(read_inputs(["-"], OPTS, stdin=io.BytesIO(data)))
    assert [i.ref for i in items] == ["-#1", "-#2"]
    assert [i.id for i in articles(items)] == ["stdin-1", "stdin-2"]


def test_stats_count_articles_and_rejections() -> None:
    stats = IngestStats()
    items = list(read_inputs([str(FIX / "newsplease.jsonl"), str(FIX / "missing.txt")], OPTS, stats=stats))
    assert stats.articles == len(articles(items)) == 2
    assert stats.rejected == {"malformed-json": 1, "no-text": 1, "not-found": 1}
    assert stats.formats == {"jsonl": 2}


def test_read_source_on_vanished_file(tmp_path: Path) -> None:
    p = tmp_path / "gone.txt"
    p.write_text("Headline\nBody.\n")
    (src,) = list(list_sources([str(p)], OPTS))
    assert isinstance(src, Source)
    p.unlink()
    (r,) = list(read_source(src, OPTS))
    assert isinstance(r, Rejected) and r.reason == "not-found"


def test_paragraph_first_line_is_not_a_headline(tmp_path: Path) -> None:
    p = tmp_path / "nohead.txt"
    para = " ".join(["The committee met again on Monday to discuss the budget."] * 6)
    p.write_text(para + "\nSecond paragraph.\n")
    a = read(str(p))[0]
    assert isinstance(a, Article)
    assert a.text.startswith("The committee met again")  # kept as body
    assert a.title == "The committee met again on Monday to discuss the budget."


def test_site_name_suffix_is_dropped_from_titles(tmp_path: Path) -> None:
    p = tmp_path / "suffix.html"
    html = (FIX / "page.html").read_text()
    html = html.replace(
        '<meta property="og:title" content="Volunteers clear tonnes of plastic from river banks">', ""
    )
    p.write_text(html)
    a = read(str(p))[0]
    assert isinstance(a, Article)
    assert a.title == "Volunteers clear tonnes of plastic from river banks"  # "| The Valley Courier" gone
    from storyprism.ingest.build import strip_site_suffix

    assert (
        strip_site_suffix("Best gadgets of 2019 | ZDNet", None, "https://www.zdnet.com/a")
        == "Best gadgets of 2019"
    )
    assert strip_site_suffix("Trump - Biden debate", "Fox News", None) == "Trump - Biden debate"


def test_large_jsonl_is_streamed_with_a_per_line_limit(tmp_path: Path) -> None:
    import gzip
    import json

    lines = [json.dumps({"title": f"T{i}", "text": f"Body number {i}. " * 20}) for i in range(60)]
    lines[7] = json.dumps({"title": "huge", "text": "x " * 5000})
    payload = ("\n".join(lines) + "\n").encode()
    opts = IngestOptions(max_bytes=2000)
    assert len(payload) > 10 * opts.max_bytes  # the file is far over the limit, each line is not
    for name, data in (("dump.jsonl", payload), ("dump.jsonl.gz", gzip.compress(payload))):
        p = tmp_path / name
        p.write_bytes(data)
        items = read(str(p), options=opts)
        assert len(articles(items)) == 59
        (big,) = rejected(items)
        assert big.reason == "too-large" and big.ref == f"{p}#8"
        assert articles(items)[7].id == "dump-9"  # line numbers stay right after the skipped line


def test_markdown_markup_becomes_plain_text(tmp_path: Path) -> None:
    p = tmp_path / "post.md"
    p.write_text(
        "Title line\n==========\n\nThe **mayor** said [the plan](https://x.example.com/plan) was _final_.\n"
        '> "We will not delay," she said.\n\n- first point\n- second point\n\n---\n\n[1]: https://x.example.com\n'
    )
    (a,) = read(str(p))
    assert isinstance(a, Article)
    assert a.title == "Title line"
    lines = a.text.splitlines()
    assert lines[0] == "The mayor said the plan was final."
    assert '"We will not delay," she said.' in lines and "first point" in lines
    assert "---" not in a.text and "https://" not in a.text and "=" not in a.text


def test_rule_above_text_is_not_front_matter(tmp_path: Path) -> None:
    p = tmp_path / "rule.md"
    p.write_text("---\nA headline under a rule\n---\nThe body follows here.\n")
    (a,) = read(str(p))
    assert (
        isinstance(a, Article) and a.title == "A headline under a rule" and a.text == "The body follows here."
    )


def test_rss_feed_items_become_articles() -> None:
    items = read(str(FIX / "feed.rss"))
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.source_format == "feed" and first.id == "feed-0" and first.ref.endswith("feed.rss#0")
    assert first.title == "Lifeboat crew rescues two kayakers"
    assert first.text.splitlines() == [  # content:encoded preferred to the description; markup gone
        "Two kayakers were rescued off Gull Point on Saturday afternoon after their boats capsized in rough water.",
        "The volunteer crew reached them within twelve minutes, the station manager said.",
    ]
    assert first.url == first.identity == "https://gazette.example.net/2024/06/lifeboat-rescue"
    assert first.published == "2024-06-01T16:20:00+01:00" and first.author == "Rhian Evans"
    assert first.outlet == "Harbourside Gazette" and first.language == "en"
    assert second.text.startswith("The market hall will stay open")  # description when no content
    assert isinstance(third, Rejected) and third.reason == "no-text" and third.ref.endswith("feed.rss#2")


def test_atom_feed_entries_become_articles(tmp_path: Path) -> None:
    (a,) = read(str(FIX / "feed.atom"))
    assert isinstance(a, Article)
    assert a.title == "Sheep farmers meet over new grazing rules"
    assert a.url == "https://uplandweekly.example.org/grazing-rules"
    assert a.author == "Gwen Pryce" and a.published == "2024-03-04T18:30:00+00:00"
    assert a.text.startswith("About sixty farmers") and "<p>" not in a.text
    assert a.outlet == "Upland Weekly" and a.language == "en"
    saved = tmp_path / "download.xml"  # detected by content under a generic extension
    shutil.copy(FIX / "feed.atom", saved)
    assert [i.source_format for i in read(str(saved)) if isinstance(i, Article)] == ["feed"]


def test_json_record_with_a_raw_page_field(tmp_path: Path) -> None:
    import json

    html = (FIX / "page.html").read_text()
    p = tmp_path / "pages.jsonl"
    p.write_text(
        json.dumps({"html": html}) + "\n" + json.dumps({"html": (FIX / "index.html").read_text()}) + "\n"
    )
    a, r = read(str(p))
    assert isinstance(a, Article)
    assert a.title == "Volunteers clear tonnes of plastic from river banks"  # filled from the page
    assert a.published == "2022-03-14" and a.outlet == "The Valley Courier"
    assert "three hundred volunteers" in a.text and "Copyright" not in a.text
    assert isinstance(r, Rejected) and r.reason == "no-text"


def test_mhtml_single_file_page() -> None:
    (a,) = read(str(FIX / "saved.mhtml"))
    assert isinstance(a, Article)
    assert a.source_format == "mhtml" and a.id == "saved"
    assert a.title == "Volunteers clear tonnes of plastic from river banks"
    assert "Dániel Okafor" in a.text  # quoted-printable UTF-8 decoded
    assert "font-family" not in a.text  # the stylesheet part is not the page
    assert a.url == "https://www.valleycourier.example.com/news/river-clean-up"
    assert a.published == "2022-03-14" and a.outlet == "The Valley Courier"


def test_page_companion_files_are_unsupported(tmp_path: Path) -> None:
    files = tmp_path / "page_files"
    files.mkdir()
    (files / "style.css").write_text("body { color: red; }\n.headline { font-size: 2em; }\n")
    (files / "app.js").write_text("window.dataLayer = [];\nfunction track() { return 1; }\n")
    items = read(str(tmp_path))
    assert [(Path(i.ref).name, i.reason) for i in items if isinstance(i, Rejected)] == [
        ("app.js", "unsupported"),
        ("style.css", "unsupported"),
    ]


def test_a_record_keeps_its_description_beside_the_body(tmp_path: Path) -> None:
    p = tmp_path / "caption.jsonl"
    p.write_text(json.dumps({
        "title": "Steelers cruise to win over Texans",
        "text": "Houston receiver DeAndre Hopkins reaches for the ball during the second half.",
        "description": "HOUSTON (AP) \u2014 Ben Roethlisberger told his teammates\n  to do what they could.",
    }) + "\n")
    (a,) = read(str(p))
    assert isinstance(a, Article)
    assert a.description == "HOUSTON (AP) \u2014 Ben Roethlisberger told his teammates to do what they could."
    assert a.text.startswith("Houston receiver")  # the body stays the body
