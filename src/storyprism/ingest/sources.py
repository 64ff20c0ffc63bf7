"""Inputs as the user gives them (files, folders, globs, "-") -> Source records."""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from storyprism.ingest.fields import FieldMapError, check_field_map
from storyprism.ingest.options import IngestOptions
from storyprism.records import Rejected, Source
from storyprism.text.unicode import safe_text

_GLOB_CHARS = frozenset("*?[")


def list_sources(
    inputs: Sequence[str], options: IngestOptions, stdin: BinaryIO | None = None
) -> Iterator[Source | Rejected]:
    """Every file the inputs name, in a stable order, each once.

    Folders are walked recursively, skipping hidden files and folders (names starting with ".");
    a pattern with ``*``/``?``/``[`` is a glob (``**`` recurses); ``-`` reads ``stdin`` (or the
    process's stdin) into memory. A missing path yields ``Rejected(ref, "not-found")``.
    A ``--field`` mapping naming an unknown field yields ``Rejected("--field ...", "bad-option")``
    first (call ``check_field_map`` to fail fast instead).
    """
    for name, path in options.field_map.items():
        try:
            check_field_map({name: path})
        except FieldMapError as exc:
            # A configuration mistake, reported like bad input so the run's report shows it; the
            # other mappings and all inputs are still read.
            yield Rejected(f"--field {name}={path}", "bad-option", str(exc))
    if isinstance(inputs, str):  # a lone path would otherwise be iterated character by character
        inputs = [inputs]
    seen: set[str] = set()
    for ref in inputs:
        try:
            for item in _expand(ref, options, stdin, seen):
                # A name that is not valid UTF-8 is kept in ``path`` (to open it) and shown escaped in
                # ``ref`` ("bad_\\xff.txt"), which is what the workspace stores.
                item.ref = safe_text(item.ref)
                if isinstance(item, Rejected):
                    item.detail = safe_text(item.detail)
                yield item
        except PermissionError as exc:
            yield Rejected(
                safe_text(ref),
                "unreadable",
                f"Permission denied on {safe_text(str(exc.filename or ref))}. "
                "Fix: make it (and the folders above it) readable, or run as a user who can read it.",
            )
        except OSError as exc:
            yield Rejected(
                safe_text(ref),
                "unreadable",
                safe_text(f"Cannot access {ref!r}: {exc.strerror or exc}. Fix: check the path."),
            )


def _expand(
    ref: str, options: IngestOptions, stdin: BinaryIO | None, seen: set[str]
) -> Iterator[Source | Rejected]:
    if ref == "-":
        yield _stdin_source(stdin, options)
        return
    path = Path(os.path.expanduser(ref))
    if path.is_dir():
        yield from _walk(ref, path, seen)
    elif path.exists() or path.is_symlink():
        source = _file_source(ref, path, seen)
        if source is not None:
            yield source
    elif _GLOB_CHARS & set(ref):
        matches = sorted(glob.glob(os.path.expanduser(ref), recursive=True))
        if not matches:
            yield Rejected(
                ref,
                "not-found",
                f"The pattern {ref!r} matches no file. Fix: check the pattern and "
                "quote it so the shell does not expand it (use ** to search sub-folders).",
            )
        for match in matches:
            mpath = Path(match)
            if _is_dir(mpath):
                yield from _walk(match, mpath, seen)
            else:
                source = _file_source(match, mpath, seen)
                if source is not None:
                    yield source
    else:
        yield Rejected(
            ref,
            "not-found",
            f"{ref!r} does not exist (looked for {os.path.abspath(path)}). "
            "Fix: check the path, or give a folder or a quoted glob such as 'news/**/*.html'.",
        )


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # unreadable: treated as a file, and reading it reports why
        return False


def _walk(ref: str, root: Path, seen: set[str]) -> Iterator[Source | Rejected]:
    errors: list[OSError] = []
    found = False
    # Symlinked sub-folders are followed (skipping them dropped their articles without a word); a
    # folder already walked (a link loop, or two links to one place) is not walked again.
    walked: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in walked:
            dirnames[:] = []
            continue
        walked.add(real)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and os.path.realpath(os.path.join(dirpath, d)) not in walked
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            found = True
            full = Path(dirpath) / name
            # The ref keeps the user's spelling of the folder, so messages point where they looked.
            sub_ref = os.path.join(ref, os.path.relpath(full, root))
            source = _file_source(sub_ref, full, seen)
            if source is not None:
                yield source
    for err in errors:
        where = str(err.filename or root)
        reason = "unreadable" if isinstance(err, PermissionError) else "not-found"
        yield Rejected(
            where, reason, f"Cannot list folder {where}: {err.strerror}. Fix: check its permissions."
        )
    if not found and not errors:
        yield Rejected(ref, "empty", f"Folder {ref!r} holds no (non-hidden) files. Fix: check the folder.")


def _file_source(ref: str, path: Path, seen: set[str]) -> Source | None:
    absolute = os.path.abspath(path)
    if absolute in seen:
        return None
    seen.add(absolute)
    try:
        st = path.stat()
    except OSError:  # dangling symlink, or vanished: read_source reports it with its fix
        return Source(ref=ref, path=absolute)
    return Source(
        ref=ref,
        path=absolute,
        size=st.st_size,
        mtime=st.st_mtime,
        fingerprint=f"{st.st_size}:{st.st_mtime_ns}",
    )


def _stdin_source(stdin: BinaryIO | None, options: IngestOptions) -> Source:
    if stdin is None:
        import sys

        stdin = sys.stdin.buffer
    # One byte over the limit is enough to know the input is too large, without holding all of it.
    data = stdin.read(options.max_bytes + 1)
    if isinstance(data, str):  # a text stream was passed: storyprism works on bytes
        data = data.encode("utf-8")
    digest = hashlib.sha1(data).hexdigest()
    return Source(ref="-", path=None, size=len(data), fingerprint=f"{len(data)}:{digest}", data=data)
