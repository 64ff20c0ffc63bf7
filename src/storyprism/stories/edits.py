"""Users' manual corrections (merge, split), replayed on every run so they are never lost.

Both edits are idempotent: replaying one that already holds changes nothing, so the lead can
pass the full edit history every time.
"""

from __future__ import annotations

from collections.abc import Mapping

from storyprism.records import StoryEdit

from .features import ArticleFeatures
from .state import Event, add_sums, short_hash


class EditError(ValueError):
    """An edit cannot be understood; the message says how to write it."""


def split_story_id(articles: list[str]) -> str:
    """A split's story id depends only on the articles moved, so a replay finds it again."""
    return "s-" + short_hash("split:" + "\n".join(sorted(set(articles))))


def resolve(events: Mapping[str, Event], story_id: str) -> str | None:
    """The event a story id now lives in (itself, or the event it was merged into)."""
    if story_id in events:
        return story_id
    for ev in events.values():
        if story_id in ev.aliases:
            return ev.id
    return None


def apply_merge(events: dict[str, Event], edit: StoryEdit) -> list[str]:
    """Merge ``edit.stories`` into the first of them that still exists; returns removed ids."""
    targets: list[str] = []
    for sid in edit.stories:
        rid = resolve(events, sid)
        if rid is not None and rid not in targets:
            targets.append(rid)
    if len(targets) < 2:
        return []
    keep = events[targets[0]]
    for rid in targets[1:]:
        keep.absorb(events.pop(rid))
    keep.manual = True
    return targets[1:]


def apply_split(
    events: dict[str, Event],
    edit: StoryEdit,
    features: Mapping[str, ArticleFeatures],
) -> tuple[str | None, list[str]]:
    """Move ``edit.articles`` into their own event; returns (new event id, emptied event ids).

    Vectors of articles seen in this run are exact; older articles are moved by their stored
    signature (top terms), and the new event borrows the embedding of the event they left.
    """
    wanted = list(dict.fromkeys(a for a in edit.articles if a))
    if not wanted:
        return None, []
    sid = split_story_id(wanted)
    wanted_set = set(wanted)
    home = {a: ev.id for ev in events.values() for a in ev.members if a in wanted_set}
    if not home:
        return None, []
    target = events.get(sid)
    moving = [a for a in wanted if a in home and home[a] != sid]
    if not moving:
        return sid if target is not None else None, []
    if target is None:
        target = Event(id=sid, manual=True)
        events[sid] = target
    emptied: list[str] = []
    for article in moving:
        source = events[home[article]]
        feat = features.get(article)
        member = source.remove(article, feat)
        if member is None:
            continue
        if feat is not None and feat.vector:
            target.add(feat, member.get("g"))
        else:
            vector = {str(t): float(w) for t, w in dict(member.get("t", {})).items()}
            target._add_vector(vector, +1)
            add_sums(target.keys, dict(member.get("k", {})), +1)
            if source.emb is not None and target.emb is None:
                target.emb, target.emb_n = list(source.emb), 1
            target.names.update(member.get("x", []))
            target.members[article] = member
        if not source.members:
            emptied.append(source.id)
    for eid in emptied:
        events.pop(eid, None)
    target.manual = True
    return sid, emptied


def check_edit(edit: StoryEdit) -> None:
    if not isinstance(edit, StoryEdit):
        raise EditError(f"Not a story edit: {edit!r}. Use StoryEdit(kind='merge'|'split', ...).")
    if edit.kind == "merge":
        if len(edit.stories or []) < 2:
            raise EditError("A merge edit needs at least two story ids in `stories`.")
    elif edit.kind == "split":
        if not edit.articles:
            raise EditError("A split edit needs the article ids to move in `articles`.")
    else:
        raise EditError(f"Unknown story edit kind {edit.kind!r}: use 'merge' or 'split'.")
