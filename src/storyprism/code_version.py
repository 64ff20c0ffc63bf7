"""Digests of storyprism's own code, for the results a workspace keeps between runs.

A workspace keeps what a run computed (each article's extraction, its tracing signals, reuse pair
decisions, each story's comparison inputs, the whole run's fingerprint) and reuses it while what it
was computed from is unchanged. "Unchanged" has to include the code that computed it: the version
number alone changes only with a release, so an installed upgrade or a development tree would keep
serving the old code's results for old articles next to the new code's for new ones. A digest of the
source (and data files) of the stages that produced a result changes whenever that code does.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from storyprism import __version__

_ROOT = Path(__file__).resolve().parent
_KINDS = (".py", ".txt", ".tsv", ".json")  # source and the word lists / tables stages read

# The link step's own modules under extract/: corpus-wide linking reads what extraction found and
# nothing in extraction runs them, so a change to them relinks a workspace but must not re-extract it
# (re-reading 5,000 articles with spaCy to relink them costs minutes). Extraction's digest leaves them
# out; tests/test_code_version.py checks that no extraction module uses a name they define (words
# both read live in extract/name_words.py) except the link step's entry point, ``link_corpus``.
LINK_ONLY = (
    "extract/linking.py",
    "extract/link_types.py",
    "extract/name_bodies.py",
    "extract/name_persons.py",
    "extract/variants.py",
)


@cache
def code_digest(*parts: str, exclude: tuple[str, ...] = ()) -> str:
    """A digest of storyprism's version and of the files under ``parts`` (paths relative to the
    package: ``"extract"``, ``"reuse/credits.py"``; ``""`` for the whole package), less the files
    named in ``exclude`` (paths relative to the package). Computed once per process (reading the
    whole package takes a few milliseconds)."""
    h = hashlib.sha1(__version__.encode())
    left_out = {_ROOT / path for path in exclude}
    for part in sorted(set(parts)):
        path = _ROOT / part
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in _KINDS and "__pycache__" not in p.parts)
        elif path.is_file():
            files = [path]
        else:
            raise ValueError(f"code_digest: {part!r} is not a module or package of storyprism ({_ROOT}).")
        for f in files:
            if f in left_out:
                continue
            h.update(f"\0{f.relative_to(_ROOT).as_posix()}\0".encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]
