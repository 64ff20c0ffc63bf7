"""One options object from defaults, files and kwargs; executors that keep order."""

from __future__ import annotations

import pytest

from storyprism.executor import LocalExecutor, batched, make_executor
from storyprism.options import Options, OptionsError


def test_file_then_kwargs_override(tmp_path):
    cfg = tmp_path / "o.yaml"
    cfg.write_text("batch_size: 50\nreuse:\n  lsh_threshold: 0.5\n  shingle_size: 4\n")
    opts = Options.build(cfg, reuse__shingle_size=6, workspace="x.db")
    assert opts.batch_size == 50
    assert opts.reuse.lsh_threshold == 0.5 and opts.reuse.shingle_size == 6
    assert opts.workspace == "x.db"


def test_toml_and_json_files(tmp_path):
    (tmp_path / "o.toml").write_text('executor = "local"\n[stories]\nwindow_days = 3\n')
    (tmp_path / "o.json").write_text('{"clean": {"enabled": false}}')
    assert Options.build(tmp_path / "o.toml").stories.window_days == 3
    assert Options.build(tmp_path / "o.json").clean.enabled is False


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"nope": 1}, "Unknown option 'nope'"),
        ({"reuse": {"num_perm": "many"}}, "must be a number"),
        ({"clean": {"enabled": "yes"}}, "true or false"),
        ({"reuse": 3}, "is a section"),
    ],
)
def test_bad_options_say_what_is_wrong(data, message):
    with pytest.raises(OptionsError, match=message):
        Options().update(data)


def test_missing_options_file(tmp_path):
    with pytest.raises(OptionsError, match="does not exist"):
        Options.build(tmp_path / "absent.toml")


def _square_all(batch: list[int]) -> list[int]:
    return [x * x for x in batch]


def test_local_executors_keep_order():
    data = list(range(23))
    expected = [x * x for x in data]
    for workers in (1, 2):
        out = LocalExecutor(workers).map(_square_all, batched(data, 5))
        assert [y for batch in out for y in batch] == expected


def test_unknown_executor_says_the_fix():
    with pytest.raises(ValueError, match="--executor local"):
        make_executor("spark")
