"""Seeds: 003 is a rewrite of 001 (with a role flip and dropped attributions); 000, 001, 004 are
independent; four independent origins among 000, 001, 003, 004.

Usage: python eval/reuse_seeds.py [--gate]
"""

from __future__ import annotations

import argparse
import sys

from reuse_common import REPO, report
from storyprism.records import Article
from storyprism.reuse import ReuseOptions, detect_reuse, independent_count, origins

COPY_KINDS = {"identical", "copy", "edited", "rewrite"}


def load_seeds() -> list[Article]:
    arts = []
    for p in sorted((REPO / "examples" / "seeds").glob("*.txt")):
        raw = p.read_text(encoding="utf-8")
        title, _, body = raw.partition("\n")
        arts.append(Article(id=p.stem, ref=str(p), title=title.strip(), text=body, raw_text=body))
    try:  # junk removal when the clean stage exists
        from storyprism.clean import clean_articles
        from storyprism.clean.options import CleanOptions

        arts = list(clean_articles(arts, CleanOptions()))
    except (ImportError, AttributeError):
        pass
    return arts


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gate", action="store_true")
    args = ap.parse_args()
    arts = load_seeds()
    ids = {a.id[:3]: a.id for a in arts}
    reuses = detect_reuse(arts, ReuseOptions())
    for r in reuses:
        print(f"{r.source} -> {r.copy}: {r.kind} coverage {r.coverage:.2f} score {r.score:.2f}")
        for ev in r.evidence:
            print(f"    {ev}")
        for al in r.alignments:
            for ch in al.changes:
                print(f"    change {ch.kind}: {ch.source_text!r} -> {ch.copy_text[:80]!r}")
    rel = {(r.source, r.copy): r for r in reuses}
    r13 = rel.get((ids["001"], ids["003"]))
    kinds = {c.kind for al in (r13.alignments if r13 else []) for c in al.changes}
    independent = [("000", "001"), ("000", "004"), ("001", "004")]
    related = sum(
        1 for r in reuses for x, y in independent if {r.source, r.copy} == {ids[x], ids[y]} and r.kind in COPY_KINDS
    )
    any_rel = sum(1 for r in reuses for x, y in independent if {r.source, r.copy} == {ids[x], ids[y]})
    four = [ids[k] for k in ("000", "001", "003", "004")]
    org = origins([a.id for a in arts], reuses)
    n_changes = sum(len(al.changes) for al in (r13.alignments if r13 else []))
    figures = {
        "rewrite_003_from_001": float(r13 is not None and r13.kind == "rewrite"),
        "role_flip_found": float("role-flip" in kinds),
        "attribution_dropped_found": float("attribution-dropped" in kinds),
        "no_copy_relation_among_000_001_004": float(related == 0),
        "no_relation_at_all_among_000_001_004": float(any_rel == 0),
        "three_independent_origins": float(independent_count(four, org) == 3),
        "changes_reported_003": float(n_changes),
    }
    return report("reuse_seeds", figures, args.gate)


if __name__ == "__main__":
    sys.exit(main())
