"""Hostile input and faults (issue 16): each test failed before its fix."""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

import pytest

from storyprism.ingest import IngestOptions, read_inputs
from storyprism.records import Article, Rejected
from storyprism.workspace import Workspace

BODY = "The council met on Tuesday and voted to repair the bridge before winter.\n"


# --------------------------------------------------------------- 1: names that are not valid UTF-8


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_non_utf8_file_name_is_stored_escaped_with_the_good_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Good title\n\n" + BODY)
    with open(os.fsencode(folder) + b"/bad_\xff.txt", "wb") as f:
        f.write(b"Bad name\n\nA different body: the mayor resigned after the vote.\n")
    with Workspace(tmp_path / "w.db") as ws:
        report = ws.add([str(folder)])
        assert report.added == 2
        refs = sorted(a.ref for a in ws.articles())
        assert any(r.endswith("bad_\\xff.txt") for r in refs), refs
        # a second run finds the source done (its key was stored) instead of failing
        again = ws.add([str(folder)])
        assert again.skipped_sources == 2


def test_lone_surrogates_in_json_are_stored(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text('{"title": "T \\ud800", "text": "Body \\udc00 of the article here."}')
    with Workspace(tmp_path / "w.db") as ws:
        assert ws.add([str(p)]).added == 1
        assert "\\udc00" in ws.articles()[0].text


# --------------------------------------------------------------- 3: unbounded expansion


def test_gzip_of_many_bad_lines_is_capped(tmp_path: Path) -> None:
    p = tmp_path / "bomb.jsonl.gz"
    p.write_bytes(gzip.compress(b"1\n" * 50_000))
    opts = IngestOptions(max_rejections=20, max_records=10_000)
    items = list(read_inputs([str(p)], opts))
    assert len(items) == 22  # 20 listed + the record cap + the count of the rest
    reasons = [i.reason for i in items if isinstance(i, Rejected)]
    assert reasons.count("malformed-json") == 20
    assert "too-many-records" in reasons
    more = [i for i in items if isinstance(i, Rejected) and i.reason == "more-rejected"]
    assert len(more) == 1 and "9,980 more" in more[0].detail


def test_unpacked_bytes_are_capped(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl.gz"
    line = b'{"title": "t", "text": "' + b"word " * 200 + b'"}\n'
    p.write_bytes(gzip.compress(line * 200))
    items = list(read_inputs([str(p)], IngestOptions(max_unpacked_bytes=len(line) * 10)))
    assert sum(isinstance(i, Article) for i in items) == 10
    assert any(isinstance(i, Rejected) and i.reason == "too-large" for i in items)


def test_rejections_stored_per_source_are_capped(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text("1\n" * 300)
    with Workspace(tmp_path / "w.db", ingest={"max_rejections": 50}) as ws:
        ws.add([str(p)])
        assert ws.store.count("rejected") == 51


# --------------------------------------------------------------- 4: text analysed per article


def test_giant_article_is_cut_with_a_record(tmp_path: Path) -> None:
    p = tmp_path / "giant.txt"
    p.write_text("Giant\n\n" + BODY * 5000)
    items = list(read_inputs([str(p)], IngestOptions(max_chars=10_000)))
    article = next(i for i in items if isinstance(i, Article))
    assert len(article.text) <= 10_000 and article.text.endswith("winter.")
    assert article.raw_text == article.text
    note = next(i for i in items if isinstance(i, Rejected))
    assert note.reason == "truncated" and note.ref == article.ref


# --------------------------------------------------------------- 8: silent data loss


def test_a_field_path_that_matches_nothing_is_not_swapped_for_the_description(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(
        '{"title": "T", "description": "Just the lead.", "body": {"content": "' + "Full body words. " * 50 + '"}}\n'
    )
    ok = list(read_inputs([str(p)], IngestOptions(field_map={"text": "body.content"})))
    assert isinstance(ok[0], Article) and ok[0].text.startswith("Full body")
    bad = list(read_inputs([str(p)], IngestOptions(field_map={"text": "a.path.that.matches.nothing"})))
    assert len(bad) == 1 and isinstance(bad[0], Rejected)
    assert bad[0].reason == "no-text" and "a.path.that.matches.nothing" in bad[0].detail


def test_a_symlinked_sub_folder_is_followed_once(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "linked.txt").write_text("Linked\n\n" + BODY)
    root = tmp_path / "in"
    root.mkdir()
    (root / "own.txt").write_text("Own\n\nAnother body about the new school opening in March.\n")
    (root / "link").symlink_to(elsewhere, target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)  # must not recurse for ever
    items = list(read_inputs([str(root)], IngestOptions()))
    titles = sorted(i.title for i in items if isinstance(i, Article))
    assert titles == ["Linked", "Own"], items


def test_a_line_with_mixed_encodings_keeps_its_text(tmp_path: Path) -> None:
    p = tmp_path / "mixed.jsonl"
    line = '{"title": "Café", "text": "The café owner said the naïve plan would fail, the council agreed."}\n'
    p.write_bytes(line.encode("utf-8").replace("naïve".encode(), "naïve".encode("cp1252")))
    items = list(read_inputs([str(p)], IngestOptions()))
    assert isinstance(items[0], Article), items
    assert "café owner" in items[0].text and "naïve plan" in items[0].text


def test_legacy_text_is_not_taken_for_mixed_utf8() -> None:
    from storyprism.ingest.decode import decode_bytes

    western = "Le café était fermé; naïve déjà vu à Noël, où l'été s'achève.".encode("cp1252")
    decoded = decode_bytes(western)
    assert decoded is not None and decoded.how != "mixed" and "était fermé" in decoded.text
    cyrillic = "Мэр заявил, что мост откроют весной, ещё до выборов.".encode("cp1251")
    decoded = decode_bytes(cyrillic)
    assert decoded is None or decoded.how != "mixed"


def test_an_endless_line_stops_at_the_byte_bound(tmp_path: Path) -> None:
    p = tmp_path / "endless.jsonl.gz"
    p.write_bytes(gzip.compress(b'{"text": "' + b"x" * 3_000_000))
    opts = IngestOptions(max_bytes=1000, max_unpacked_bytes=100_000)
    items = list(read_inputs([str(p)], opts))
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["too-large"]
    assert "Stopped after 100,000 bytes" in items[0].detail  # type: ignore[union-attr]
