"""Issue 9: the link step of an incremental run. Linking's own code keys the link step, not extraction
(a linking change relinks a workspace, it never re-reads its articles with spaCy), and a workspace
grown in two steps is linked exactly as one built at once."""

from __future__ import annotations

import ast
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from storyprism import code_version, models
from storyprism.extraction_runs import _per_article_keys, run_linking
from storyprism.records import Mention, Quote
from storyprism.store import Store

_PACKAGE = Path(code_version.__file__).resolve().parent
_LINK_ENTRY = {"link_corpus"}  # extract/stage.py: the link step's entry point, which only the link step calls


def _defined_names(module: Path) -> set[str]:
    """Names a module binds itself (not those it imports from another module)."""
    tree = ast.parse(module.read_text())
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _dotted(path: str) -> str:
    return "storyprism." + path.removesuffix(".py").replace("/", ".")


def _uses_outside(tree: ast.Module, name: str, allowed: set[str]) -> list[int]:
    """Lines where ``name`` is used outside the functions named in ``allowed``."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in allowed:
            inside |= {id(n) for n in ast.walk(node)}
    return [
        n.lineno for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == name and id(n) not in inside
    ]


def test_no_extraction_module_runs_the_link_steps_own_code() -> None:
    """What extraction's digest leaves out (``LINK_ONLY``) must be code extraction never runs: an
    extraction module may import from a link-only module only what that module re-exports from a
    shared one (``name_words``, ``name_signals``), or the link step's entry point inside it."""
    link_only = {_dotted(p): _defined_names(_PACKAGE / p) for p in code_version.LINK_ONLY if (_PACKAGE / p).exists()}
    assert "storyprism.extract.linking" in link_only and "storyprism.extract.variants" in link_only
    scope = [p for part in ("extract", "text") for p in (_PACKAGE / part).rglob("*.py")] + [_PACKAGE / "models.py"]
    offending = []
    for path in scope:
        rel = path.relative_to(_PACKAGE).as_posix()
        if rel in code_version.LINK_ONLY:
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                offending += [f"{rel}: import {a.name}" for a in node.names if a.name in link_only]
            elif isinstance(node, ast.ImportFrom) and node.module in link_only:
                for alias in node.names:
                    if alias.name in link_only[node.module]:
                        lines = _uses_outside(tree, alias.asname or alias.name, _LINK_ENTRY)
                        offending += [f"{rel}:{n} uses {node.module}.{alias.name}" for n in lines]
    assert offending == []


def test_a_link_only_change_keeps_extraction_marks_but_not_the_whole_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "extract").mkdir()
    (tmp_path / "extract" / "quotes.py").write_text("CUES = ['said']\n")
    (tmp_path / "extract" / "linking.py").write_text("THRESHOLD = 0.5\n")
    monkeypatch.setattr(code_version, "_ROOT", tmp_path)
    code_version.code_digest.cache_clear()
    exclude = ("extract/linking.py",)
    try:
        extraction, linking = code_version.code_digest("extract", exclude=exclude), code_version.code_digest("extract")
        (tmp_path / "extract" / "linking.py").write_text("THRESHOLD = 0.6\n")
        code_version.code_digest.cache_clear()
        assert code_version.code_digest("extract", exclude=exclude) == extraction  # no re-extraction
        assert code_version.code_digest("extract") != linking  # the link step's digest follows it
        (tmp_path / "extract" / "quotes.py").write_text("CUES = ['said', 'told']\n")
        code_version.code_digest.cache_clear()
        assert code_version.code_digest("extract", exclude=exclude) != extraction
    finally:
        code_version.code_digest.cache_clear()


# --------------------------------------------------------------------------- a workspace grown in two steps


def _bag_of_words(texts: list[str]) -> np.ndarray:
    """A stand-in for the sentence encoder (no model in a unit test): unit vectors of word counts, so
    the same words give cosine 1 and unrelated ones about 0."""
    out = np.zeros((len(texts), 256), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.lower().split():
            out[row, int(hashlib.md5(word.strip('.,"').encode()).hexdigest(), 16) % 256] += 1.0
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


_SAID = "We have never seen the river this high in living memory"


def _extracted(article: str) -> tuple[list[Mention], list[Quote]]:
    """What extraction might read in three articles, written here: ``a`` types "Castell" an
    organisation (an NER slip the corpus later corrects) and quotes her by surname; ``b`` names her
    in full with a title; ``c`` quotes the same words again and writes "Teigen" both bare and titled."""
    if article == "a":
        mentions = [
            Mention("a", "Marlow Vale", "GPE", 0, 11),
            Mention("a", "Castell", "ORG", 40, 47),
            Mention("a", "Redbridge Fire Service", "ORG", 60, 82),
            Mention("a", "Teigen", "ORG", 90, 96),
        ]
        quotes = [Quote("a", _SAID, True, "said", "Castell", start=100, end=160, id="a:q0")]
    elif article == "b":
        mentions = [
            Mention("b", "Mayor Helen Castell", "PERSON", 0, 19),
            Mention("b", "Castell", "PERSON", 50, 57),
            Mention("b", "Marlow Vale", "GPE", 70, 81),
        ]
        quotes = [Quote("b", _SAID + ".", True, "said", "Castell", start=90, end=150, id="b:q0")]
    else:
        mentions = [
            Mention("c", "Helen Castell", "PERSON", 0, 13),
            Mention("c", "Ms Teigen", "PERSON", 20, 29),
            Mention("c", "Redbridge Fire Service", "ORG", 40, 62),
        ]
        quotes = [Quote("c", _SAID, True, "told", "Helen Castell", start=70, end=130, id="c:q0")]
    return mentions, quotes


def _add_extracted(store: Store, articles: list[str]) -> None:
    """Store articles' records as ``run_extraction`` does (same keys, appended in article order)."""
    with store.transaction():
        for article in articles:
            mentions, quotes = _extracted(article)
            store.add_derived("quote", [(q.id, q) for q in quotes], lambda q: q.article)
            store.add_derived("mention", _per_article_keys(mentions, "m"), lambda m: m.article)


def _payloads(store: Store, kind: str) -> list[tuple[str, str]]:
    rows = store.db.execute("SELECT key, payload FROM derived WHERE kind = ? ORDER BY rowid", (kind,))
    return [(row[0], row[1]) for row in rows]


def _linked(store: Store) -> dict[str, list[tuple[str, str]]]:
    return {kind: _payloads(store, kind) for kind in ("mention", "quote", "entity")}


def test_a_workspace_linked_in_two_steps_equals_one_linked_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models, "embed", _bag_of_words)
    grown = Store(tmp_path / "grown.db")
    _add_extracted(grown, ["a", "b"])
    run_linking(grown)
    before = {key: json.loads(p) for key, p in _payloads(grown, "mention")}
    _add_extracted(grown, ["c"])
    changes = grown.db.total_changes
    run_linking(grown)
    written = grown.db.total_changes - changes
    at_once = Store(tmp_path / "at_once.db")
    _add_extracted(at_once, ["a", "b", "c"])
    run_linking(at_once)
    assert _linked(grown) == _linked(at_once)  # every record, byte for byte, in the same order
    after = {key: json.loads(p) for key, p in _payloads(grown, "mention")}
    # the added article changed what linking made of an old one: "Teigen" in a is a person now, its
    # reading kept in as_found, and linked from extraction's reading, not from the first run's
    teigen = next(k for k, m in after.items() if m["article"] == "a" and m["text"] == "Teigen")
    assert before[teigen]["type"] == "ORG" and after[teigen]["type"] == "PERSON"
    assert after[teigen]["as_found"] == ["Teigen", "ORG", 90, 96]
    quotes = {json.loads(p)["article"]: json.loads(p) for _, p in _payloads(grown, "quote")}
    assert quotes["a"]["speaker"] == "Helen Castell" and quotes["a"]["as_found"] == ["Castell", None]
    assert len({q["variant_group"] for q in quotes.values()}) == 1 and quotes["a"]["variant_group"]
    # only what changed was written: far fewer rows than the workspace holds
    assert 0 < written < sum(len(rows) for rows in _linked(grown).values())


def test_linking_an_unchanged_workspace_again_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "embed", _bag_of_words)
    store = Store(tmp_path / "w.db")
    _add_extracted(store, ["a", "b", "c"])
    run_linking(store)
    linked, changes = _linked(store), store.db.total_changes
    run_linking(store)
    assert store.db.total_changes == changes and _linked(store) == linked
