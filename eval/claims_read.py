"""Blind hand reads of the claims storyprism shows as corroborated: draw a sample, report the reads.

Issue 11 asks that claims shown as corroborated (``independent_support`` >= 2) really rest on two or
more independent origins, read by hand on 30 claims. Each read is a label file
``eval/labels/trust_claims_read_N.json`` (ids, offsets, verdicts, seed; its ``about`` says what code it
was read on, how and what it found). Reads 6 to 13 were drawn from the held-out events alike:

    .venv/bin/python eval/claims_read.py export --out /tmp/read     # doc.json + claim_spans.jsonl
    .venv/bin/python eval/claims_read.py draw --dir /tmp/read --seed 62013 > skeleton.json
    .venv/bin/python eval/claims_read.py report [--overlap trust_claims_read_13.json]

``export`` analyses the held-out events a..h as one corpus (as ``eval/trust.py --events heldout``)
with the compare stage's ``build_claims`` wrapped to log each claim's sentences
(``article:start:end`` in the export's cleaned text). ``draw`` takes the claims shown corroborated
whose articles all lie in one labelled event, sorted by claim id, ``random.seed(seed)``,
``random.sample(claims, 30)``, and writes a skeleton to fill in by hand (verdicts null).
``report`` prints each read's figures: the true count; where the read states them (reads 12 on:
``strict``, the true ones left when the borderline ones are read as false, and ``false_kinds``, the
false ones by cause), those too; with ``--overlap``, the claims of that read that earlier reads also
read, and whether the verdicts (``independent_really``, ``is_claim``) agree.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "eval" / "labels"
HELDOUT_FILES = [f"trust_heldout_{x}.json" for x in "abcdefgh"]
def read_number(path: Path) -> int:
    """Read 1 is ``trust_claims_read.json``, read N ``trust_claims_read_N.json``."""
    m = re.search(r"_(\d+)\.json$", path.name)
    return int(m.group(1)) if m else 1


def reads() -> list[Path]:
    return sorted(LABELS.glob("trust_claims_read*.json"), key=read_number)


def eligible(doc: dict[str, Any], event_of: dict[str, Any]) -> list[dict[str, Any]]:
    """Claims shown corroborated whose articles (those labelled) all lie in one labelled event,
    sorted by claim id (the order the seeded draw samples from)."""
    out = []
    for c in doc.get("claims", []):
        if int(c.get("independent_support") or 0) < 2:
            continue
        members = [a for a in c.get("articles", []) if a in event_of]
        if members and len({event_of[a] for a in members}) == 1:
            out.append(c)
    return sorted(out, key=lambda c: c["id"])


def draw(claims: list[dict[str, Any]], seed: int, n: int = 30) -> list[dict[str, Any]]:
    random.seed(seed)
    return random.sample(claims, min(n, len(claims)))


def figures(read: dict[str, Any]) -> dict[str, Any]:
    """True count from the verdicts; the strict count and the false ones by kind as the read states
    them (``strict``, ``false_kinds``: reads 12 on; earlier reads give them in ``about`` only)."""
    claims = read.get("claims", [])
    out: dict[str, Any] = {"read": len(claims), "true": sum(1 for c in claims if c.get("independent_really"))}
    for key in ("strict", "false_kinds"):
        if key in read:
            out[key] = read[key]
    return out


def overlap(name: str) -> list[str]:
    """Lines naming each claim of read ``name`` an earlier read also read, with both verdicts."""
    paths = reads()
    target = next((p for p in paths if p.name == name), None)
    if target is None:
        sys.exit(f"No read {name} in {LABELS}.")
    mine = {c["claim"]: c for c in json.loads(target.read_text(encoding="utf-8"))["claims"]}
    lines = []
    for p in paths:
        if read_number(p) >= read_number(target):
            continue
        for c in json.loads(p.read_text(encoding="utf-8")).get("claims", []):
            if c["claim"] in mine:
                now = mine[c["claim"]]
                same = bool(c.get("independent_really")) == bool(now.get("independent_really"))
                if "is_claim" in c and "is_claim" in now:
                    same = same and c["is_claim"] == now["is_claim"]
                lines.append(f"  {c['claim']}  read {read_number(p)}: {bool(c.get('independent_really'))}  "
                             f"{'agrees' if same else 'DIFFERS'}")
    return lines


def report(overlap_with: str | None) -> None:
    for p in reads():
        d = json.loads(p.read_text(encoding="utf-8"))
        f = figures(d)
        line = f"read {read_number(p):2d} seed {d.get('seed')} on {d.get('commit', '?')}: true {f['true']}/{f['read']}"
        if "strict" in f:
            line += f", strict {f['strict']}"
        if "false_kinds" in f:
            line += ", false: " + "; ".join(f"{k} {v}" for k, v in f["false_kinds"].items())
        print(line)
    if overlap_with:
        lines = overlap(overlap_with)
        print(f"{overlap_with}: {len({ln.split()[0] for ln in lines})} claims read before")
        print("\n".join(lines))


def export(out: Path) -> None:
    """Analyse the held-out events a..h and write the export (doc.json) and each claim's sentence
    spans (claim_spans.jsonl; compare workers fork, so each appends its own lines)."""
    import storyprism.compare.stage as stage
    import trust

    out.mkdir(parents=True, exist_ok=True)
    log = out / "claim_spans.jsonl"
    log.write_text("", encoding="utf-8")
    build, split = stage.build_claims, stage._compare_split
    in_split = [False]

    def logged_split(*args: Any, **kwargs: Any) -> None:
        in_split[0] = True  # claims built to compare two stories are not exported
        try:
            split(*args, **kwargs)
        finally:
            in_split[0] = False

    def logged_build(st: Any, quotes: Any, options: Any) -> Any:
        claims = build(st, quotes, options)
        if not in_split[0]:
            spans: dict[str, list[str]] = {}
            for i, cid in sorted(st.claim_of.items()):
                s = st.sentences[i]
                spans.setdefault(cid, []).append(f"{s.article}:{s.start}:{s.end}")
            with log.open("a", encoding="utf-8") as fh:
                for c in claims:
                    fh.write(json.dumps({"claim": c.id, "sentences": spans.get(c.id, [])}) + "\n")
        return claims

    stage.build_claims, stage._compare_split = logged_build, logged_split  # type: ignore[assignment]
    try:
        events = trust._load_events("heldout", HELDOUT_FILES)
        doc = trust._analyze(trust._records({a["id"] for e in events for a in e["articles"]}))
    finally:
        stage.build_claims, stage._compare_split = build, split  # type: ignore[assignment]
    (out / "doc.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    print(f"export and claim spans in {out}")


def skeleton(folder: Path, seed: int) -> dict[str, Any]:
    doc = json.loads((folder / "doc.json").read_text(encoding="utf-8"))
    spans: dict[str, list[str]] = {}
    for line in (folder / "claim_spans.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        spans.setdefault(r["claim"], r["sentences"])
    event_of = {a["id"]: e["event_id"] for name in HELDOUT_FILES
                for e in json.loads((LABELS / name).read_text(encoding="utf-8"))["events"] for a in e["articles"]}
    pool = eligible(doc, event_of)
    claims = [{"claim": c["id"], "independent_really": None, "is_claim": None, "sentences": spans.get(c["id"], []),
               "support_shown": c["independent_support"], "why": ""} for c in draw(pool, seed)]
    return {"about": f"{len(pool)} eligible claims", "seed": seed, "read": len(claims), "true": None, "claims": claims}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("export", help="analyse the held-out events, logging each claim's sentences")
    ex.add_argument("--out", type=Path, required=True)
    dr = sub.add_parser("draw", help="the seeded sample of claims shown corroborated, as a skeleton")
    dr.add_argument("--dir", type=Path, required=True, help="a folder written by export")
    dr.add_argument("--seed", type=int, required=True)
    rp = sub.add_parser("report", help="each read's figures")
    rp.add_argument("--overlap", help="also list this read's claims earlier reads read (a file name)")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # as eval/trust.py: the models are read from the local cache
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if args.cmd == "export":
        export(args.out)
    elif args.cmd == "draw":
        print(json.dumps(skeleton(args.dir, args.seed), ensure_ascii=False, indent=1))
    else:
        report(args.overlap)
    return 0


if __name__ == "__main__":
    sys.exit(main())
