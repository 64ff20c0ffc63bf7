"""Speed of the story report: compare + render for one 100-article story, and whole-workspace comparison.

Articles come from Giveme5W1H (../shared/data) when present, else from the seeds repeated with light
edits. Prints seconds for: encoder load, comparison cold (nothing embedded yet), comparison warm
(sentence vectors cached in-process, as on a re-run after adding articles), comparison lexical-only
(``embeddings=False``), HTML and Markdown rendering; then articles/s for a whole workspace.

    .venv/bin/python benchmarks/report_speed.py [--articles 100] [--workspace 383]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from storyprism import models
from storyprism.compare import CompareOptions, compare_stories
from storyprism.compare import similarity as compare_similarity
from storyprism.records import AnalysisData, Article, Comparison, Story, to_dict
from storyprism.report import render_html, render_markdown

ROOT = Path(__file__).resolve().parents[1]
GIVEME = ROOT.parent / "shared" / "data" / "clustering" / "giveme5w1h_news_cluster.jsonl"


def load_articles(limit: int) -> tuple[list[Article], dict[str, int]]:
    articles: list[Article] = []
    event: dict[str, int] = {}
    if GIVEME.exists():
        with GIVEME.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                a = Article(id=r["id"][:16], ref=r["id"], title=r.get("title") or "", text=r.get("text") or "",
                            outlet=r.get("source_domain"), url=r.get("url"), published=r.get("date_publish"))
                articles.append(a)
                event[a.id] = int(r["event_id"])
    else:
        seeds = sorted((ROOT / "examples" / "seeds").glob("*.txt"))
        for k in range(limit):
            path = seeds[k % len(seeds)]
            lines = path.read_text(encoding="utf-8").split("\n")
            text = "\n".join(lines[1:]).replace("Wednesday", ["Tuesday", "Wednesday", "Thursday"][k % 3])
            a = Article(id=f"{path.stem[:3]}-{k}", ref=str(path), title=lines[0], text=text, outlet=f"outlet{k % 17}")
            articles.append(a)
            event[a.id] = 0
    return articles[:limit], event


def document(data: AnalysisData, result: Comparison) -> dict[str, Any]:
    story_of = {a: s.id for s in data.stories for a in s.articles}
    return {
        "articles": [
            {**to_dict(a), "origin": data.origins.get(a.id, a.id), "story": story_of.get(a.id)} for a in data.articles
        ],
        "stories": [to_dict(s) for s in data.stories],
        "claims": [to_dict(c) for c in result.claims],
        "conflicts": [to_dict(c) for c in result.conflicts],
        "summaries": [to_dict(s) for s in result.summaries],
        "outlet_coverage": [to_dict(c) for c in result.outlet_coverage],
        "timeline": [to_dict(t) for t in result.timeline],
    }


def timed(label: str, fn: Any) -> Any:
    t = time.perf_counter()
    out = fn()
    print(f"  {label:<42} {time.perf_counter() - t:8.2f} s")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--workspace", type=int, default=383)
    args = parser.parse_args()

    articles, _ = load_articles(args.articles)
    story = Story(id="bench", title="benchmark story", articles=[a.id for a in articles])
    data = AnalysisData(articles=articles, stories=[story], origins={a.id: a.id for a in articles})
    print(f"one story of {len(articles)} articles ({'Giveme5W1H' if GIVEME.exists() else 'seed copies'})")
    timed("encoder load", lambda: models.embed(["warm up"]))
    compare_similarity._CACHE.clear()
    cold = timed("compare, cold (embeds candidate sentences)", lambda: compare_stories(data, CompareOptions()))
    warm = timed("compare, warm (vectors cached)", lambda: compare_stories(data, CompareOptions()))
    timed("compare, lexical only (embeddings=False)", lambda: compare_stories(data, CompareOptions(embeddings=False)))
    doc = document(data, warm)
    page = timed("render_html", lambda: render_html(doc))
    timed("render_markdown", lambda: render_markdown(doc))
    t = time.perf_counter()
    compare_stories(data, CompareOptions())
    render_html(document(data, compare_stories(data, CompareOptions())))
    print(f"  report (compare warm + render), total       {time.perf_counter() - t:8.2f} s")
    print(f"  claims {len(cold.claims)}, conflicts {len(cold.conflicts)}, html {len(page) / 1e3:.0f} kB")

    articles, event = load_articles(args.workspace)
    stories: dict[int, list[str]] = {}
    for a in articles:
        stories.setdefault(event[a.id], []).append(a.id)
    data = AnalysisData(
        articles=articles,
        stories=[Story(id=f"e{e}", title=str(e), articles=ids) for e, ids in sorted(stories.items())],
        origins={a.id: a.id for a in articles},
    )
    print(f"\nwhole workspace: {len(articles)} articles in {len(stories)} stories")
    compare_similarity._CACHE.clear()
    for label, opts in (("cold", CompareOptions()), ("lexical only", CompareOptions(embeddings=False))):
        t = time.perf_counter()
        compare_stories(data, opts)
        dt = time.perf_counter() - t
        print(f"  compare {label:<14} {dt:8.2f} s  {len(articles) / dt:8.1f} articles/s")


if __name__ == "__main__":
    main()
