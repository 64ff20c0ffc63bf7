"""One options object for the whole pipeline, built from CLI flags, a TOML/YAML/JSON file or kwargs.

Each stage owns its own options class (``storyprism.<stage>.options``); this module only
aggregates them, so a stage can grow options without touching the others.
"""

from __future__ import annotations

import dataclasses
import json
import math
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyprism.clean.options import CleanOptions
from storyprism.compare.options import CompareOptions
from storyprism.extract.options import ExtractOptions
from storyprism.ingest.options import IngestOptions
from storyprism.reuse.options import ReuseOptions
from storyprism.stories.options import StoryOptions

DEFAULT_WORKSPACE = "storyprism.db"


class OptionsError(ValueError):
    """An option is unknown, has the wrong type or is out of range; the message names it and the fix."""


# Allowed values of every numeric option. Each option is checked up front (Options.build), so a bad
# value fails before any input is read, not half-way through an analysis. (lo, hi), either None for
# unbounded; both ends allowed. Similarities, shares, weights and thresholds are fractions.
# The range belongs beside the option: ``field(metadata={"range": (lo, hi)})`` (ingest/options.py's
# ``bounded``). Options that do not declare one yet are listed here, keyed "section.field" ("" section:
# top level); each entry moves into <stage>/options.py when that file is next edited.
RANGES: dict[str, tuple[float | None, float | None]] = {
    "batch_size": (1, 1_000_000),
    "workers": (0, 4096),
    "clean.repeated_min_articles": (1, None),
    "clean.repeated_min_share": (0, 1),
    "compare.summary_sentences": (0, 10_000),
    "compare.embedding_weight": (0, 1),
    "compare.claim_threshold": (0, 1),
    "compare.candidate_lexical": (0, 1),
    "compare.min_sentence_words": (1, 100_000),
    "compare.max_sentence_words": (1, 100_000),
    "compare.omission_share": (0, 1),
    "compare.number_context_threshold": (0, 1),
    "compare.exact_number_context_threshold": (0, 1),
    "compare.date_context_threshold": (0, 1),
    "compare.negation_threshold": (0, 1),
    "compare.summary_diversity": (0, 1),
    "compare.max_timeline_statements": (0, 100_000),
    "extract.batch_size": (1, 100_000),
    "extract.n_process": (1, 4096),
    "extract.variant_cosine": (0, 1),
    "extract.variant_lexical": (0, 1),
    "reuse.shingle_size": (1, 100),
    "reuse.num_perm": (1, 65_536),
    "reuse.lsh_threshold": (0, 1),
    "reuse.window_days": (0, 100_000),
    "reuse.max_posting": (1, None),
    "reuse.rare_df_share": (0, 1),
    "reuse.candidates_per_article": (1, None),
    "reuse.min_candidate_score": (0, 1),
    "reuse.align_threshold": (0, 1),
    "reuse.rewrite_coverage": (0, 1),
    "reuse.vector_pair_floor": (0, 1),
    "reuse.max_pairs": (1, None),
    "stories.window_days": (0, 100_000),
    "stories.time_penalty": (0, None),
    "stories.threshold": (0, 1),
    "stories.embedding_weight": (0, 1),
    "stories.identity_weight": (0, 1),
    "stories.identity_pivot": (0, 1),
    "stories.identity_follow": (0, 1),
    "stories.day_conflict": (0, 1),
    "stories.term_threshold": (0, 1),
    "stories.storyline_threshold": (0, 1),
    "stories.storyline_window_days": (0, 100_000),
    "stories.state_terms": (1, None),
}
# Options with a fixed set of values.
CHOICES: dict[str, tuple[str, ...]] = {"executor": ("local",)}
# Values that once were choices, with what replaces them (said in the error instead of a bare list).
REPLACED: dict[tuple[str, str], str] = {
    ("executor", "ray"): "Ray runs the whole analysis now: `storyprism analyze INPUTS --engine ray --output DIR`",
}


@dataclass(slots=True)
class Options:
    workspace: str = DEFAULT_WORKSPACE
    batch_size: int = 200  # articles per transaction / per executor batch
    workers: int = 0  # 0: one per core
    executor: str = "local"  # the process pool (Ray: `analyze --engine ray`, storyprism.engine)
    ingest: IngestOptions = field(default_factory=IngestOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    reuse: ReuseOptions = field(default_factory=ReuseOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    compare: CompareOptions = field(default_factory=CompareOptions)

    @classmethod
    def build(cls, file: str | Path | None = None, **overrides: Any) -> Options:
        """Defaults, then a config file, then keyword overrides (``reuse__lsh_threshold=0.4`` or
        ``reuse={"lsh_threshold": 0.4}``)."""
        opts = cls()
        if file is not None:
            opts.update(load_file(file))
        nested: dict[str, Any] = {}
        for key, value in overrides.items():
            if value is None:
                continue
            if "__" in key:
                section, name = key.split("__", 1)
                nested.setdefault(section, {})[name] = value
            else:
                nested[key] = value
        opts.update(nested)
        opts.validate()
        return opts

    def update(self, data: dict[str, Any]) -> None:
        _apply(self, data, "")

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def validate(self) -> None:
        """Raise OptionsError for a value out of its declared range (the field's ``metadata["range"]``,
        else ``RANGES``) or choices."""
        _validate(self, "")


def _apply(target: Any, data: dict[str, Any], prefix: str) -> None:
    names = {f.name: f for f in dataclasses.fields(target)}
    hints = typing.get_type_hints(type(target))
    for key, value in data.items():
        key = str(key).replace("-", "_")
        if key not in names:
            raise OptionsError(
                f"Unknown option '{prefix}{key}'. Valid options here: {', '.join(sorted(names))}."
            )
        current = getattr(target, key)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, dict):
                raise OptionsError(f"Option '{prefix}{key}' is a section; give it a table of options.")
            _apply(current, value, f"{prefix}{key}.")
            continue
        setattr(target, key, _checked(value, hints[key], f"{prefix}{key}"))


def _checked(value: Any, hint: Any, name: str) -> Any:
    """``value`` if it has the option's declared type; an int for a float option is widened. Nothing
    else is converted: a quoted "0.5" or a 3.0 for a count is a mistake the user should see."""
    args = typing.get_args(hint)
    if type(None) in args:  # X | None
        if value is None:
            return None
        hint = next(a for a in args if a is not type(None))
    if hint is bool:
        if not isinstance(value, bool):
            raise OptionsError(f"Option '{name}' must be true or false, not {value!r}.")
        return value
    if hint is int or hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise OptionsError(f"Option '{name}' must be a number, not {value!r}. Fix: write it unquoted.")
        if isinstance(value, float) and not math.isfinite(value):
            raise OptionsError(f"Option '{name}' must be a finite number, not {value!r}. Fix: use a real value.")
        if hint is int:
            if not isinstance(value, int):
                raise OptionsError(f"Option '{name}' must be a whole number, not {value!r}.")
            return value
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise OptionsError(f"Option '{name}' must be text, not {value!r}. Fix: quote it.")
        return value
    if typing.get_origin(hint) is dict:
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise OptionsError(f"Option '{name}' must be a table of text values, not {value!r}.")
        return dict(value)
    return value


def _validate(target: Any, prefix: str) -> None:
    for f in dataclasses.fields(target):
        value = getattr(target, f.name)
        name = f"{prefix}{f.name}"
        if dataclasses.is_dataclass(value):
            _validate(value, f"{name}.")
            continue
        if name in CHOICES and value not in CHOICES[name]:
            instead = REPLACED.get((name, str(value)))
            raise OptionsError(
                f"Option '{name}' is {value!r}."
                + (f" {instead}." if instead else "")
                + f" Fix: use one of {', '.join(CHOICES[name])}."
            )
        bounds = f.metadata.get("range") or RANGES.get(name)
        if bounds is None or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        lo, hi = bounds
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            if hi is None:
                allowed = f"at least {lo:g}"
            elif lo is None:
                allowed = f"at most {hi:g}"
            else:
                allowed = f"between {lo:g} and {hi:g}"
            raise OptionsError(f"Option '{name}' is {value!r}. Fix: give a value {allowed}.")


def load_file(path: str | Path) -> dict[str, Any]:
    """Read options from TOML, YAML or JSON (by extension). Every problem is one OptionsError line."""
    p = Path(path)
    if not p.is_file():
        raise OptionsError(f"Options file {str(p)!r} does not exist. Fix: check the path given to --config.")
    if p.suffix not in (".toml", ".yaml", ".yml", ".json"):
        raise OptionsError(f"Options file {str(p)!r}: use a .toml, .yaml or .json file.")
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise OptionsError(
            f"Options file {str(p)!r} is not UTF-8 text (byte {exc.start}). Fix: re-save it as UTF-8."
        ) from None
    except OSError as exc:
        raise OptionsError(f"Cannot read options file {str(p)!r}: {exc.strerror}. Fix: check it.") from None
    if not text.strip():
        raise OptionsError(f"Options file {str(p)!r} is empty. Fix: add options, or leave out --config.")
    loaded: Any
    # TOMLDecodeError and JSONDecodeError are ValueErrors; deep nesting is a RecursionError.
    errors: tuple[type[BaseException], ...] = (ValueError, RecursionError)
    try:
        if p.suffix == ".toml":
            loaded = tomllib.loads(text)
        elif p.suffix == ".json":
            loaded = json.loads(text)
        else:
            import yaml

            errors = (*errors, yaml.YAMLError)
            loaded = yaml.safe_load(text)
    except errors as exc:
        raise OptionsError(f"Options file {str(p)!r} does not parse: {_one_line(exc)}. Fix: correct it.") from None
    if not isinstance(loaded, dict):
        raise OptionsError(
            f"Options file {str(p)!r} must hold a table of options at the top level, "
            f"not {type(loaded).__name__}. Fix: e.g. `workers = 2`."
        )
    return loaded


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]
