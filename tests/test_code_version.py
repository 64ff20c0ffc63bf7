"""Results a workspace keeps between runs follow the code that computed them (``code_version``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyprism import code_version
from storyprism.extract.options import ExtractOptions
from storyprism.extraction_runs import extraction_mark
from storyprism.records import Article


def test_the_digest_changes_with_any_source_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "extract").mkdir()
    (tmp_path / "extract" / "rules.py").write_text("THRESHOLD = 0.5\n")
    (tmp_path / "extract" / "words.txt").write_text("said\n")
    (tmp_path / "other.py").write_text("X = 1\n")
    monkeypatch.setattr(code_version, "_ROOT", tmp_path)
    code_version.code_digest.cache_clear()
    try:
        before = code_version.code_digest("extract")
        whole = code_version.code_digest("")
        (tmp_path / "other.py").write_text("X = 2\n")
        code_version.code_digest.cache_clear()
        assert code_version.code_digest("extract") == before  # another stage's code: still valid
        assert code_version.code_digest("") != whole
        (tmp_path / "extract" / "words.txt").write_text("said\nclaimed\n")
        code_version.code_digest.cache_clear()
        assert code_version.code_digest("extract") != before  # a word list is code too
        with pytest.raises(ValueError, match="not a module or package"):
            code_version.code_digest("no_such_stage")
    finally:
        code_version.code_digest.cache_clear()


def test_an_article_is_extracted_again_when_its_text_or_what_extraction_finds_changes() -> None:
    a = Article(id="a1", ref="f#1", title="t", text="Body.", content_hash="h1")
    b = Article(id="a1", ref="f#1", title="t", text="Body, edited.", content_hash="h2")
    mark = extraction_mark(a, ExtractOptions())
    assert mark.startswith("h1:")
    assert extraction_mark(b, ExtractOptions()) != mark
    assert extraction_mark(a, ExtractOptions(numbers=False)) != mark
    assert extraction_mark(a, ExtractOptions(batch_size=8)) == mark  # speed, not results


def test_a_change_to_the_records_extraction_fills_extracts_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A field added to a record (a quote's kind) is filled only by extracting again, so records.py is
    part of what an extraction mark follows; the link step's own modules are not."""
    from storyprism import extraction_runs

    for folder in ("extract", "text"):
        (tmp_path / folder).mkdir()
    (tmp_path / "extract" / "quotes.py").write_text("CUES = ['said']\n")
    (tmp_path / "extract" / "linking.py").write_text("THRESHOLD = 0.5\n")
    (tmp_path / "text" / "sentences.py").write_text("END = '.'\n")
    (tmp_path / "models.py").write_text("NAME = 'm'\n")
    (tmp_path / "records.py").write_text("FIELDS = ('text',)\n")
    monkeypatch.setattr(code_version, "_ROOT", tmp_path)
    a = Article(id="a1", ref="f#1", title="t", text="Body.", content_hash="h1")

    def mark() -> str:
        code_version.code_digest.cache_clear()
        extraction_runs._code_and_options.cache_clear()
        return extraction_mark(a, ExtractOptions())

    try:
        before = mark()
        (tmp_path / "extract" / "linking.py").write_text("THRESHOLD = 0.6\n")
        assert mark() == before  # a linking change relinks, it never re-extracts
        (tmp_path / "records.py").write_text("FIELDS = ('text', 'kind')\n")
        assert mark() != before
    finally:
        code_version.code_digest.cache_clear()
        extraction_runs._code_and_options.cache_clear()
