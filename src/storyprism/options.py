"""One options object for the whole pipeline, built from CLI flags, a TOML/YAML/JSON file or kwargs.

Each stage owns its own options class (``storyprism.<stage>.options``); this module only
aggregates them, so a stage can grow options without touching the others.
"""

from __future__ import annotations

import dataclasses
import json
import tomllib
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
    """An option is unknown or has the wrong type; the message names it and the valid choices."""


@dataclass(slots=True)
class Options:
    workspace: str = DEFAULT_WORKSPACE
    batch_size: int = 200  # articles per transaction / per executor batch
    workers: int = 0  # 0: one per core
    executor: str = "local"  # local | ray
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
        return opts

    def update(self, data: dict[str, Any]) -> None:
        _apply(self, data, "")

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _apply(target: Any, data: dict[str, Any], prefix: str) -> None:
    names = {f.name: f for f in dataclasses.fields(target)}
    for key, value in data.items():
        key = key.replace("-", "_")
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
        if isinstance(current, bool) and not isinstance(value, bool):
            raise OptionsError(f"Option '{prefix}{key}' must be true or false, not {value!r}.")
        if isinstance(current, int | float) and not isinstance(current, bool):
            try:
                value = type(current)(value)
            except (TypeError, ValueError) as exc:
                raise OptionsError(f"Option '{prefix}{key}' must be a number, not {value!r}.") from exc
        setattr(target, key, value)


def load_file(path: str | Path) -> dict[str, Any]:
    """Read options from TOML, YAML or JSON (by extension)."""
    p = Path(path)
    if not p.is_file():
        raise OptionsError(f"Options file {str(p)!r} does not exist. Fix: check the path given to --config.")
    text = p.read_text(encoding="utf-8")
    if p.suffix == ".toml":
        return tomllib.loads(text)
    if p.suffix in (".yaml", ".yml"):
        import yaml

        loaded = yaml.safe_load(text) or {}
        if not isinstance(loaded, dict):
            raise OptionsError(f"Options file {str(p)!r} must hold a mapping at the top level.")
        return loaded
    if p.suffix == ".json":
        loaded = json.loads(text)
        if not isinstance(loaded, dict):
            raise OptionsError(f"Options file {str(p)!r} must hold an object at the top level.")
        return loaded
    raise OptionsError(f"Options file {str(p)!r}: use a .toml, .yaml or .json file.")
