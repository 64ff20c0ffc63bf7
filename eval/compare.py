"""Evaluate cross-source comparison on the seeds and on Giveme5W1H news clusters.

Seeds (examples/seeds): the troop-number conflict (000 "more than 100,000" vs 001 "tens of
thousands") is found; the claim that Xi supports Russia's push for security guarantees is
corroborated by three independent origins (000, 001, 004; 003 counts with 001); the conflicts that
are not number or rewrite changes are listed for reading (mere rewording must not appear).

Giveme5W1H (../shared/data/clustering/giveme5w1h_news_cluster.jsonl): each gold event is a story;
origins come from the reuse stage when it runs, else every article is its own origin. Prints per-event
counts of claims, corroborated claims and conflicts, a sample of each to read by hand, and claim
purity on a negative control: pairs of different events compared as if they were one story, where any
claim spanning both events is a false merge.

    .venv/bin/python eval/compare.py [--events N] [--control N] [--gate]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from storyprism.compare import CompareOptions, compare_stories
from storyprism.ingest.textfmt import split_front_matter
from storyprism.records import AnalysisData, Article, Comparison, Extraction, Story

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GIVEME = DATA / "clustering" / "giveme5w1h_news_cluster.jsonl"
SEEDS = ROOT / "examples" / "seeds"
FLOORS = ROOT / "eval" / "floors" / "compare.json"


# ---------------------------------------------------------------------------- inputs


def _seed_articles() -> list[Article]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        # the "---\noutlet: AP\n---" header read as ingest reads it, so the title is the headline
        meta, text = split_front_matter(path.read_text(encoding="utf-8"))
        title, _, body = text.lstrip().partition("\n")
        outlet = str(meta["outlet"]) if meta.get("outlet") else None
        out.append(Article(id=path.stem, ref=str(path), title=title.strip(), text=body, outlet=outlet))
    return out


def _clean(articles: list[Article]) -> list[Article]:
    from storyprism import clean
    from storyprism.clean.options import CleanOptions

    return clean.clean_articles(articles, CleanOptions(), clean.count_outlet_lines(articles))


def _reuse(articles: list[Article]) -> tuple[list[Any], dict[str, str]]:
    from storyprism import reuse
    from storyprism.reuse.options import ReuseOptions

    found = reuse.detect_reuse(articles, ReuseOptions())
    return found, reuse.origins([a.id for a in articles], found)


def _extract(articles: list[Article]) -> Extraction:
    from storyprism import extract
    from storyprism.extract.options import ExtractOptions

    return extract.link_corpus(extract.extract_articles(articles, ExtractOptions()))


def _seed_stories(articles: list[Article], origins: dict[str, str]) -> list[Story]:
    """The stories stage's own events: no fallback, so a broken stage fails this gate."""
    from storyprism import stories
    from storyprism.records import StoryState
    from storyprism.stories.options import StoryOptions

    return list(stories.update_stories(articles, StoryState(), [], StoryOptions(), origins).stories)


def seed_data() -> AnalysisData:
    articles = _clean(_seed_articles())
    published = {"000": "2021-12-15", "001": "2021-12-15", "002": "2022-02-02", "003": None, "004": "2021-12-15"}
    for a in articles:
        a.published = a.published or published.get(a.id[:3])
    found, origin_of = _reuse(articles)
    extraction = _extract(articles)
    return AnalysisData(
        articles=articles,
        stories=_seed_stories(articles, origin_of),
        reuses=found,
        origins=origin_of,
        extraction=extraction,
    )


def seed_figures(result: Comparison, data: AnalysisData) -> dict[str, float]:
    xi = [
        c
        for c in result.claims
        if "xi" in c.text.lower() and "support" in c.text.lower() and "guarantee" in c.text.lower()
    ]
    xi_support = max((c.independent_support for c in xi), default=0)
    best = max(xi, key=lambda c: c.independent_support, default=None)
    troop = [
        c
        for c in result.conflicts
        if c.kind == "number"
        and any("100,000" in s.text for s in c.sides)
        and any("tens of thousands" in s.text.lower() for s in c.sides)
    ]
    other = [c for c in result.conflicts if c not in troop and c.kind != "rewrite-change"]
    print(f"  origins: {data.origins}")
    print(f"  stories: {[(s.id, sorted(a[:3] for a in s.articles)) for s in data.stories]}")
    print(f"  claims {len(result.claims)}, corroborated {sum(c.independent_support >= 2 for c in result.claims)}")
    if best:
        print(f"  Xi-supports-guarantees claim: support {best.independent_support}, articles "
              f"{[a[:3] for a in best.articles]}, origins {[o[:3] for o in best.origins]}: {best.text[:110]}")
    print(f"  troop-number conflict found: {bool(troop)}")
    for c in result.conflicts:
        sides = " | ".join(f"{s.text[:70]} {[a[:3] for a in s.articles]}" for s in c.sides)
        print(f"    conflict {c.kind} ({c.about[:40]}): {sides}")
    return {
        "seeds_troop_conflict": float(bool(troop)),
        "seeds_xi_independent_support": float(xi_support),
        "seeds_other_conflicts": float(len(other)),
    }


# ---------------------------------------------------------------------------- Giveme5W1H


def giveme_articles() -> list[tuple[Article, int]]:
    out = []
    with GIVEME.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            text = r.get("text") or ""
            title = r.get("title") or ""
            if text.startswith(title):  # news-please repeats the headline as the first line
                text = text[len(title) :].lstrip("\n")
            out.append(
                (
                    Article(
                        id=r["id"][:16],
                        ref=r.get("filename") or r["id"],
                        title=title,
                        text=text,
                        outlet=r.get("source_domain"),
                        url=r.get("url"),
                        published=r.get("date_publish"),
                    ),
                    int(r["event_id"]),
                )
            )
    return out


def giveme_eval(max_events: int, control_pairs: int, options: CompareOptions) -> dict[str, float]:
    rows = giveme_articles()
    events: dict[int, list[Article]] = {}
    for article, event in rows:
        events.setdefault(event, []).append(article)
    chosen = sorted((e for e, arts in events.items() if len(arts) >= 2), key=lambda e: e)[:max_events]
    articles = _clean([a for e in chosen for a in events[e]])  # as the pipeline does: page junk out
    by_id = {a.id: a for a in articles}
    events = {e: [by_id[a.id] for a in events[e] if a.id in by_id] for e in chosen}
    t0 = time.perf_counter()
    found, origin_of = _reuse(articles)
    extraction = _extract(articles)
    stories = [Story(id=f"event-{e}", title=events[e][0].title, articles=[a.id for a in events[e]]) for e in chosen]
    t1 = time.perf_counter()
    result = compare_stories(
        AnalysisData(articles=articles, stories=stories, reuses=found, origins=origin_of, extraction=extraction),
        options,
    )
    t2 = time.perf_counter()
    print(f"  {len(chosen)} events, {len(articles)} articles; reuse+extract {t1 - t0:.1f}s, compare {t2 - t1:.1f}s "
          f"({len(articles) / max(t2 - t1, 1e-9):.1f} articles/s); copy relations {Counter(r.kind for r in found)}")
    print(f"  {'event':>6} {'arts':>4} {'origins':>7} {'claims':>6} {'corrob':>6} {'conflicts':>9}")
    claims_by = Counter(c.story for c in result.claims)
    corr_by = Counter(c.story for c in result.claims if c.independent_support >= 2)
    conf_by = Counter(c.story for c in result.conflicts)
    for e in chosen:
        sid = f"event-{e}"
        n_orig = len({origin_of.get(a.id, a.id) for a in events[e]})
        print(f"  {e:>6} {len(events[e]):>4} {n_orig:>7} {claims_by[sid]:>6} {corr_by[sid]:>6} {conf_by[sid]:>9}")
    kinds = Counter(c.kind for c in result.conflicts)
    corroborated = [c for c in result.claims if c.independent_support >= 2]
    print(f"  totals: claims {len(result.claims)}, corroborated {len(corroborated)}, conflicts {dict(kinds)}")
    rng = random.Random(7)
    title = {a.id: f"{a.outlet}" for a in articles}
    print("\n  --- 10 conflicts (read by hand) ---")
    for c in rng.sample(result.conflicts, min(10, len(result.conflicts))):
        print(f"  [{c.story}] {c.kind}: {c.about[:60]}")
        for s in c.sides:
            print(f"      - {s.text[:200]}  <{', '.join(title[a] for a in s.articles)}>")
    print("\n  --- 10 corroborated claims (read by hand) ---")
    for c in rng.sample(corroborated, min(10, len(corroborated))):
        print(f"  [{c.story}] support {c.independent_support}: {c.text[:220]}")
    figures = {
        "giveme_events": float(len(chosen)),
        "giveme_claims_per_event": len(result.claims) / max(1, len(chosen)),
        "giveme_corroborated_per_event": len(corroborated) / max(1, len(chosen)),
        "giveme_conflicts_per_event": len(result.conflicts) / max(1, len(chosen)),
        "giveme_articles_per_s": len(articles) / max(t2 - t1, 1e-9),
    }
    if control_pairs:
        figures["control_claim_purity"] = _control(events, chosen, control_pairs, options, origin_of)
    return figures


def _control(
    events: dict[int, list[Article]], chosen: list[int], pairs: int, options: CompareOptions, origin_of: dict[str, str]
) -> float:
    """Pairs of different gold events compared as one story: a claim spanning both is a false merge."""
    rng = random.Random(11)
    event_of = {a.id: e for e in chosen for a in events[e]}
    stories = []
    for k in range(pairs):
        e1, e2 = rng.sample(chosen, 2)
        stories.append(Story(id=f"mix-{k}", title="mix", articles=[a.id for a in events[e1] + events[e2]]))
    articles = list({a.id: a for s in stories for a in (x for e in chosen for x in events[e]) if a.id in s.articles}.values())
    result = compare_stories(AnalysisData(articles=articles, stories=stories, origins=origin_of), options)
    multi = [c for c in result.claims if c.independent_support >= 2]
    false = [c for c in multi if len({event_of[a] for a in c.articles}) > 1]
    purity = 1.0 - len(false) / max(1, len(multi))
    print(f"\n  control: {pairs} mixed event pairs, corroborated claims {len(multi)}, spanning two events "
          f"{len(false)}: purity {purity:.3f}")
    for c in false[:5]:
        print(f"      false merge: {c.text[:160]}")
    return purity


# ---------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1000, help="at most this many Giveme5W1H events")
    parser.add_argument("--control", type=int, default=10, help="mixed event pairs for the purity control")
    parser.add_argument("--gate", action="store_true", help=f"compare with the floors in {FLOORS}")
    args = parser.parse_args(argv)
    options = CompareOptions()
    figures: dict[str, float] = {}
    print("== seeds")
    data = seed_data()
    with tempfile.TemporaryDirectory():
        figures.update(seed_figures(compare_stories(data, options), data))
    if GIVEME.exists():
        print("\n== Giveme5W1H")
        figures.update(giveme_eval(args.events, args.control, options))
    elif args.gate:
        print(f"{GIVEME} not found: the gate needs ../shared/data (it never passes on the seeds alone).")
        return 2
    else:
        print(f"\n{GIVEME} not found: Giveme5W1H figures skipped (they need ../shared/data).")
    print("\n== figures")
    for key, value in figures.items():
        print(f"  {key}: {value:.3f}")
    if not args.gate:
        return 0
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    failed = []
    for key, floor in pinned.get("floors", {}).items():
        if key in figures and figures[key] < floor:
            failed.append(f"{key} {figures[key]:.3f} < floor {floor}")
    for key, ceiling in pinned.get("ceilings", {}).items():
        if key in figures and figures[key] > ceiling:
            failed.append(f"{key} {figures[key]:.3f} > ceiling {ceiling}")
    for line in failed:
        print(f"GATE FAILED: {line}")
    print("gate: " + ("FAILED" if failed else "passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
