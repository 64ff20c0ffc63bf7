"""The tracer's per-article signals kept between runs: the same origins as reading them again, and
a changed article read again."""

from __future__ import annotations

from storyprism.records import Article, to_dict
from storyprism.reuse import signals_for, trace_origins


def _articles(second_text: str) -> list[Article]:
    return [
        Article(id="a", ref="a", title="Dam opens", outlet="Valley Post", url="https://valleypost.example/dam",
                text="The new dam opened on Monday, the Valley Post has learned. Engineers cut the ribbon at noon."),
        Article(id="b", ref="b", title="Dam opens", outlet="Hill Herald", url="https://hillherald.example/dam",
                text=second_text, published="2021-03-02T10:00:00"),
    ]


def test_stored_signals_trace_the_same_origins_and_a_changed_article_is_read_again() -> None:
    first = _articles("The dam opened on Monday, the Valley Post reported. Officials praised it.")
    fresh, stored = signals_for(first, {})
    assert fresh["b"].credits and fresh["b"].credits[0].cue  # "the Valley Post reported" is a credit
    again, kept = signals_for(first, stored)
    assert kept == stored and {k: to_dict(v) for k, v in again.items()} == {k: to_dict(v) for k, v in fresh.items()}
    plain = trace_origins(first, [])
    assert {k: to_dict(v) for k, v in trace_origins(first, [], signals=again).items()} == {
        k: to_dict(v) for k, v in plain.items()}
    assert plain["b"].origin == "a"  # the credited outlet's piece is the origin

    changed = _articles("The dam opened on Monday. Officials praised it, our reporter saw.")
    signals, kept = signals_for(changed, stored)
    assert kept["a"] == stored["a"] and kept["b"] != stored["b"]
    assert signals["b"].credits == []  # read again: the new text credits no one
    assert trace_origins(changed, [], signals=signals)["b"].origin == "b"
