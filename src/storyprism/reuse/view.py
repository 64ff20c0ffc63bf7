"""A copy beside its source, sentence by sentence, with its changes marked (rich renderable)."""

from __future__ import annotations

import difflib
from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storyprism.records import Alignment, Article, Reuse
from storyprism.reuse.text import split_sentences

_CHANGE_STYLE = "bold white on red"


def _word_diff(src: str, cp: str) -> tuple[Text, Text]:
    """Source with dropped words struck through, copy with added words underlined."""
    a, b = src.split(), cp.split()
    ta, tb = Text(), Text()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            ta.append(" ".join(a[i1:i2]) + " ")
            tb.append(" ".join(b[j1:j2]) + " ")
            continue
        if i2 > i1:
            ta.append(" ".join(a[i1:i2]) + " ", style="red strike")
        if j2 > j1:
            tb.append(" ".join(b[j1:j2]) + " ", style="green underline")
    return ta, tb


def _short(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _mark(text: Text, span: str) -> None:
    """Highlight ``span`` (a change's text) wherever it occurs, ignoring case."""
    if not span or len(span) > 200:
        return
    text.highlight_words([span], style=_CHANGE_STYLE, case_sensitive=False)


def render_pair(reuse: Reuse, source: Article, copy: Article) -> Any:
    """A rich renderable: header (kind, coverage, evidence) and a two-column sentence table."""
    head = Text()
    head.append(f"{copy.id}", style="bold")
    head.append(f" {reuse.kind} of ")
    head.append(f"{source.id}", style="bold")
    head.append(f"  coverage {reuse.coverage:.0%}  score {reuse.score:.2f}\n")
    if source.title or copy.title:
        head.append(f"source: {source.title or '-'}  ({source.outlet or '?'}, {source.published or 'date unknown'})\n")
        head.append(f"copy:   {copy.title or '-'}  ({copy.outlet or '?'}, {copy.published or 'date unknown'})\n")
    for ev in reuse.evidence:
        head.append(f"• {ev}\n", style="dim")
    n_changes = sum(len(a.changes) for a in reuse.alignments)
    head.append(f"{n_changes} meaning change(s) marked", style="bold red" if n_changes else "green")

    table = Table(show_lines=True, expand=True)
    table.add_column("source", ratio=5)
    table.add_column("copy", ratio=5)
    table.add_column("sim", justify="right", width=5)
    table.add_column("changes", ratio=3)

    src_sents = split_sentences(source.text)
    cp_sents = split_sentences(copy.text)
    by_copy: dict[int, list[Alignment]] = {}
    aligned_src: set[int] = set()
    for al in reuse.alignments:
        by_copy.setdefault(al.copy_index, []).append(al)
        aligned_src.add(al.source_index)
    last_src = -1
    # unaligned copy sentences show as additions; source sentences skipped over show as drops
    indices = sorted(set(range(len(cp_sents))) | set(by_copy))
    for j in indices:
        for al in by_copy.get(j, []):
            for i in range(last_src + 1, al.source_index):
                if i not in aligned_src and i < len(src_sents):
                    table.add_row(Text(src_sents[i], style="red dim"), Text("(dropped)", style="dim"), "", "")
            last_src = max(last_src, al.source_index)
            ta, tb = _word_diff(al.source_sentence, al.copy_sentence)
            notes = Text()
            for ch in al.changes:
                _mark(ta, ch.source_text)
                _mark(tb, ch.copy_text)
                notes.append(f"{ch.kind}: ", style="bold red")
                notes.append(f"{_short(ch.source_text)} → {_short(ch.copy_text)}\n")
            table.add_row(ta, tb, f"{al.similarity:.2f}", notes)
        if j not in by_copy and j < len(cp_sents):
            table.add_row(Text("(added)", style="dim"), Text(cp_sents[j], style="green dim"), "", "")
    for i in range(last_src + 1, len(src_sents)):
        if i not in aligned_src:
            table.add_row(Text(src_sents[i], style="red dim"), Text("(dropped)", style="dim"), "", "")
    return Group(Panel(head, title="reuse"), table)
