"""Config files and options (issue 16, item 7): one-line errors that name the fix, nothing converted
silently, every numeric option range-checked before anything runs."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from storyprism.options import RANGES, Options, OptionsError


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bad.toml", b"[reuse\nnum_perm = 3\n"),
        ("bad.yaml", b"reuse: [1, 2\n  x: : :\n"),
        ("bad.json", b'{"reuse": {"num_perm": 3,}}'),
        ("empty.toml", b""),
        ("blank.yaml", b"  \n\n"),
        ("latin.toml", b'[ingest]\ndefault_outlet = "caf\xe9"\n'),
        ("list.json", b"[1, 2]"),
        ("scalar.yaml", b"just text\n"),
        ("huge.json", b'{"compare": {"claim_threshold": 1e400}}'),
        ("huge.toml", b"[compare]\nclaim_threshold = 1e400\n"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000),
    ],
)
def test_bad_config_files_are_one_line_errors(tmp_path: Path, name: str, content: bytes) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(OptionsError) as info:
        Options.build(p)
    message = str(info.value)
    assert "\n" not in message and "Fix" in message, message


@pytest.mark.parametrize(
    "overrides",
    [
        {"compare__claim_threshold": 7},
        {"reuse__num_perm": -3},
        {"workers": -5},
        {"executor": "spark"},
        {"reuse__num_perm": 64.0},  # a float for a count: not truncated silently
        {"stories__threshold": "0.3"},  # quoted number: not converted silently
        {"clean__enabled": 1},
        {"ingest__default_outlet": 5},
        {"ingest__field_map": {"text": 3}},
        {"batch_size": True},
    ],
)
def test_wrong_types_and_ranges_are_rejected(overrides: dict[str, object]) -> None:
    with pytest.raises(OptionsError, match="Option '"):
        Options.build(**overrides)


def test_an_int_for_a_float_option_is_fine() -> None:
    assert Options.build(compare__claim_threshold=1).compare.claim_threshold == 1.0


def _numeric_options(obj: object, prefix: str = "") -> dict[str, bool]:
    """Every numeric option -> whether it declares its range beside it (field metadata)."""
    found: dict[str, bool] = {}
    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        if dataclasses.is_dataclass(value):
            found.update(_numeric_options(value, f"{prefix}{f.name}."))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            found[f"{prefix}{f.name}"] = "range" in f.metadata
    return found


def test_every_numeric_option_declares_its_range_and_defaults_fit() -> None:
    numeric = _numeric_options(Options())
    missing = [n for n, beside in numeric.items() if not beside and n not in RANGES]
    assert not missing, f"declare a range (field metadata, or options.RANGES) for {missing}"
    assert not [n for n in RANGES if n not in numeric], "RANGES names options that do not exist"
    assert not [n for n in RANGES if numeric[n]], "a range is declared twice: drop it from RANGES"
    Options().validate()


def test_a_range_declared_beside_the_option_is_checked() -> None:
    with pytest.raises(OptionsError, match=r"ingest\.max_chars"):
        Options.build(ingest__max_chars=10)


def test_bad_executor_fails_before_ingest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nA body with some words in it.\n")
    db = tmp_path / "w.db"
    proc = subprocess.run(
        [sys.executable, "-m", "storyprism", "analyze", str(tmp_path / "a.txt"), "-w", str(db), "--executor", "spark"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "use one of local" in proc.stderr and "Traceback" not in proc.stderr
    assert not db.exists()  # nothing was ingested, not even a workspace created


def test_a_config_asking_for_the_old_ray_executor_names_the_engine_before_ingest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nA body with some words in it.\n")
    (tmp_path / "o.toml").write_text('executor = "ray"\n')
    db = tmp_path / "w.db"
    proc = subprocess.run(
        [sys.executable, "-m", "storyprism", "analyze", str(tmp_path / "a.txt"), "-w", str(db), "-c", str(tmp_path / "o.toml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "--engine ray" in proc.stderr and "Traceback" not in proc.stderr
    assert not db.exists()
