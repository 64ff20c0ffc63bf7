"""Extraction on the five seed articles: quotes with speakers and variant groups, merged names, dates, troops.

Seeds: examples/seeds/*.txt (file stem = article id, first line = headline, the rest = body, page junk
included; ``storyprism.clean.clean_articles`` removes the junk first when that stage is available).
Prints what was found; ``--gate`` checks the facts below and exits 1 when one fails:

- the Xi "fully supports our initiative" quote of 000 and 001 and its unquoted rewrite in 003 share one
  variant group, with speaker Xi Jinping (relayed by Yuri Ushakov in 000 and 001);
- Vasily Kashin's words in 004 ("very unusual solidarity") go to Vasily Kashin, not to a name inside his
  affiliation ("the director of the Centre for Comprehensive European and International Studies at ...");
- Sergei/Sergey Ryabkov (001/004) are one entity, and Kyiv/Kiev (001, 003 / 002) are one entity;
- 001 and 004 are dated 2021-12-15 from their own text (photo captions). 000 and 002 carry no full date
  at all ("on Wednesday", "in February", no year), so they cannot be dated from their own text; this is
  reported, not gated;
- troops: "more than 100,000" -> [100000, inf) (000), "tens of thousands" -> [20000, 99999] (001, 003).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyprism.extract import ExtractOptions, extract_articles, link_corpus  # noqa: E402
from storyprism.records import Article, Extraction  # noqa: E402

SEEDS = ROOT / "examples" / "seeds"


def load() -> list[Article]:
    arts = []
    for path in sorted(SEEDS.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        arts.append(Article(id=path.stem, ref=str(path), title=title.strip(), text=body, raw_text=body))
    try:
        from storyprism.clean import clean_articles  # type: ignore[attr-defined]
        from storyprism.clean.options import CleanOptions

        arts = list(clean_articles(arts, CleanOptions()))
    except (ImportError, AttributeError):
        pass  # the clean stage is not there yet: extract from the raw bodies
    return arts


def checks(ex: Extraction) -> list[tuple[str, bool]]:
    short = {q.article: q.article[:3] for q in ex.quotes}
    support = [
        q
        for q in ex.quotes
        if "fully supports our" in q.text or "fully supports our" in q.text.replace("’", "'")
    ]
    groups = {q.variant_group for q in support}
    gid = next(iter(groups)) if len(groups) == 1 else None
    grouped = {short[q.article] for q in ex.quotes if gid and q.variant_group == gid}
    ent_articles = {e.name: {a[:3] for a in e.articles} for e in ex.entities}
    ryabkov = [e for e in ex.entities if e.name.endswith("Ryabkov")]
    kyiv = [e for e in ex.entities if e.name in ("Kyiv", "Kiev")]
    dates = {k[:3]: v for k, v in ex.inferred_published.items()}
    troops = {(n.article[:3], n.low, n.high) for n in ex.numbers if n.unit == "troops"}
    kashin = [q for q in ex.quotes if "very unusual solidarity" in q.text]
    return [
        ("Xi quote grouped across 000/001/003", gid is not None and {"000", "001", "003"} <= grouped),
        ("Xi quote speaker Xi Jinping", bool(support) and all(q.speaker == "Xi Jinping" for q in support)),
        (
            "Xi quote via Yuri Ushakov in 000/001",
            all(q.via == "Yuri Ushakov" for q in support if short[q.article] in ("000", "001")),
        ),
        (
            "Kashin's words to Vasily Kashin",
            bool(kashin) and all(q.speaker == "Vasily Kashin" for q in kashin),
        ),
        (
            "Ryabkov variants one entity",
            len(ryabkov) == 1 and ent_articles[ryabkov[0].name] >= {"001", "004"},
        ),
        ("Kyiv/Kiev one entity", len(kyiv) == 1 and {"001", "002"} <= ent_articles[kyiv[0].name]),
        ("001 dated 2021-12-15", dates.get("001") == "2021-12-15"),
        ("004 dated 2021-12-15", dates.get("004") == "2021-12-15"),
        ("000 more than 100,000 troops", ("000", 100000, None) in troops),
        ("001 tens of thousands of troops", ("001", 20000, 99999) in troops),
        ("003 tens of thousands of troops", ("003", 20000, 99999) in troops),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--gate", action="store_true")
    args = ap.parse_args()
    ex = link_corpus(extract_articles(load(), ExtractOptions()))
    print("== quotes")
    for q in ex.quotes:
        via = f" via {q.via}" if q.via else ""
        group = f" [{q.variant_group}]" if q.variant_group else ""
        kind = "direct" if q.direct else "indirect"
        print(f"{q.id} {kind} {q.cue}: {q.speaker}{via}{group} | {q.text[:90]}")
    print("== entities with variants")
    for e in ex.entities:
        if e.aliases:
            print(f"{e.id} {e.type} {e.name} <- {', '.join(e.aliases)} ({len(e.articles)} articles)")
    print("== inferred publication dates")
    for path in sorted(SEEDS.glob("*.txt")):
        print(f"{path.stem}: {ex.inferred_published.get(path.stem, 'not datable from its own text')}")
    print("== troop numbers")
    for n in ex.numbers:
        if n.unit == "troops":
            print(f"{n.article}: {n.text!r} -> [{n.low}, {n.high}] {n.qualifier}")
    print("== checks")
    results = checks(ex)
    for name, ok in results:
        print(f"{'PASS' if ok else 'FAIL'} {name}")
    failed = [n for n, ok in results if not ok]
    return 1 if args.gate and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
