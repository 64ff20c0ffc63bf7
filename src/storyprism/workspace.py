"""``Workspace``: the Python API of storyprism. The CLI and the web app only call this.

from storyprism.workspace import Workspace
ws = Workspace("news.db")
ws.add(["saved-articles/"])       # ingest + clean, idempotent, resumable
ws.analyze()                      # copies, stories, quotes, names, claims, conflicts
doc = ws.document()               # the JSON export as a dict
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO

from storyprism import pipeline
from storyprism.intake import IngestReport, Progress, ingest_inputs
from storyprism.options import Options
from storyprism.pipeline import AnalysisReport
from storyprism.records import (
    Article,
    Entity,
    Quote,
    Rejected,
    Reuse,
    Story,
    StoryEdit,
)
from storyprism.store import Store, WorkspaceError
from storyprism.store.export import build_document, write_export


class Workspace:
    def __init__(
        self,
        path: str | Path | None = None,
        options: Options | None = None,
        create: bool = True,
        **overrides: Any,
    ) -> None:
        """Open (``create=True``: or create) the workspace file; ``create=False`` refuses a missing file,
        so that a mistyped path in a read-only command is an error, not a new empty workspace."""
        self.options = options or Options.build(**overrides)
        if path is not None:
            self.options.workspace = str(path)
        self.path = self.options.workspace
        if not create and self.path != ":memory:" and not Path(self.path).is_file():
            raise WorkspaceError(
                f"No workspace {self.path!r}. Fix: create it with `storyprism analyze INPUT... "
                f"--workspace {self.path}`, or pass the right --workspace."
            )
        self.store = Store(self.path)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # ------------------------------------------------------------------ running stages

    def add(
        self,
        inputs: Sequence[str | Path],
        stdin: BinaryIO | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Ingest files, folders, globs or "-" (stdin); every item becomes an article or a rejection."""
        return ingest_inputs(
            self.store, [str(i) for i in inputs], self.options, stdin, progress or _quiet
        )

    def analyze(self, progress: Progress | None = None) -> AnalysisReport:
        return pipeline.analyze(self.store, self.options, progress or _quiet)

    def status(self) -> dict[str, Any]:
        """The latest analysis (finished, or interrupted after which stage) and what is pending."""
        return pipeline.analysis_status(self.store)

    # ------------------------------------------------------------------ reading

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        return self.store.articles(ids)

    def article(self, article_id: str) -> Article:
        found = self.store.articles([article_id])
        if not found:
            raise WorkspaceError(
                f"No article {article_id!r} in {self.path}. Fix: list ids with `storyprism articles`."
            )
        return found[0]

    def rejected(self) -> list[Rejected]:
        return self.store.rejected()

    def stories(self) -> list[Story]:
        return self.store.derived(Story, "story")

    def story(self, story_id: str) -> Story:
        for s in self.stories():
            if s.id == story_id:
                return s
        raise WorkspaceError(
            f"No story {story_id!r} in {self.path}. Fix: list ids with `storyprism stories`."
        )

    def reuse(self) -> list[Reuse]:
        return self.store.derived(Reuse, "reuse")

    def quotes(self, article: str | None = None) -> list[Quote]:
        return self.store.derived(Quote, "quote", article=article)

    def entities(self) -> list[Entity]:
        return self.store.derived(Entity, "entity")

    def document(self, story: str | None = None) -> dict[str, Any]:
        return build_document(self.store, story)

    def export(
        self,
        fmt: str = "json",
        output: str | Path | IO[str] | None = None,
        collection: str = "articles",
        story: str | None = None,
    ) -> str | None:
        return write_export(self.document(story), fmt, output, collection)

    # ------------------------------------------------------------------ manual story edits

    def merge_stories(self, story_ids: Sequence[str]) -> Story:
        """Merge stories into one; the edit is kept and replayed on every later run."""
        known = {s.id for s in self.stories()}
        missing = [s for s in story_ids if s not in known]
        if len(set(story_ids)) < 2 or missing:
            raise WorkspaceError(
                f"Cannot merge {list(story_ids)}: "
                + (f"unknown stories {missing}. " if missing else "give at least two stories. ")
                + "Fix: list ids with `storyprism stories`."
            )
        edit = StoryEdit("merge", stories=list(story_ids), created=_now())
        return self._apply_edit(edit, self.story(story_ids[0]).articles[0])

    def split_story(self, article_ids: Sequence[str]) -> Story:
        """Move articles out of their story into a new one; kept across later runs."""
        placed = {a for s in self.stories() for a in s.articles}
        missing = [a for a in article_ids if a not in placed]
        if not article_ids or missing:
            raise WorkspaceError(
                f"Cannot split off {list(article_ids)}: articles not in any story: {missing}. "
                "Fix: run `storyprism analyze` first, and check ids with `storyprism articles`."
            )
        edit = StoryEdit("split", articles=list(article_ids), created=_now())
        return self._apply_edit(edit, article_ids[0])

    def _apply_edit(self, edit: StoryEdit, anchor_article: str) -> Story:
        """Apply now and record the edit; returns the story that now holds ``anchor_article``."""
        from storyprism import stories

        state = stories.apply_edit(pipeline.load_story_state(self.store), edit, self.options.stories)
        with self.store.transaction():  # the edit and its result land together
            self.store.add_story_edit(edit)
            pipeline.save_story_state(self.store, state)
        return next(s for s in state.stories if anchor_article in s.articles)

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.store.count("articles"),
            "rejected": self.store.count("rejected"),
            "stories": len(self.stories()),
        }


def _quiet(stage: str, done: int, total: int | None) -> None:
    return None


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
