"""Quote extraction on PolNeAR (political news attributions), dev compartment by default.

Data: ../shared/data/quotes/polnear_train_dev.jsonl; one article per ``filename`` (its FIRST annotator
file in the data). Predictions: ``storyprism.extract.quotes.find_quotes`` on the article text with the
entities and the dependency parse spaCy finds in one pass (the same code ``extract_articles`` runs);
``--no-parse`` measures the pattern-rule fallback alone.

Definitions
- A prediction *matches* a gold attribution when any character of the prediction's quoted text overlaps
  any span of the gold ``content``.
- *Fully direct* gold quotes: ``content_is_direct_quote`` is true (the content starts and ends with a
  quote mark).
- Direct precision: share of predicted direct quotes matching any gold attribution (a direct quote inside
  an indirect attribution's content is a right find). Direct recall: share of fully direct gold quotes
  matched by a predicted direct quote.
- Speaker right (over fully direct gold quotes that were matched and have a gold source): the speaker
  phrase found next to the quote (``Found.speaker_span``, before pronoun/role resolution) overlaps the
  gold source span, or a word of the resolved speaker name (not a pronoun, article or title) occurs in
  the gold source text (the gold source may be the name while our phrase is the appositive, or the
  reverse). Pronoun resolution itself is therefore not scored here: "he" found on the gold "he" counts.
- All attributions (direct + indirect): precision = share of predictions matching a gold attribution,
  recall = share of gold attributions matched by some prediction, F1 of both. Both kinds of prediction
  count (``Found.kind``: "words", and "topic" for a stance on a bare noun phrase, "condemned the
  suggestion"), as PolNeAR annotates both. Per kind: ``words_*``/``topic_*`` give each kind's prediction
  count and precision, and ``words_recall`` the recall of the words alone.

Usage: ``python eval/quotes.py [--split dev|train] [--limit N] [--gate]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "quotes" / "polnear_train_dev.jsonl"
FLOORS = ROOT / "eval" / "floors" / "quotes.json"
_SKIP = {"he", "she", "they", "it", "i", "we", "the", "a", "an", "of", "his", "her", "mr", "mrs", "ms"}


def load(split: str, limit: int | None = None) -> list[dict]:
    if not DATA.is_file():
        raise SystemExit(f"{DATA} not found. Fix: put the shared data at ../shared next to the repository.")
    seen: set[str] = set()
    rows = []
    with DATA.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["compartment"] != split or row["filename"] in seen:
                continue
            seen.add(row["filename"])
            rows.append(row)
    return rows[:limit] if limit else rows


def _overlap(a: list[tuple[int, int]], b: list[list[int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _words(text: str) -> set[str]:
    return {w.strip(".,'’\"“”").lower() for w in text.split()} - _SKIP - {""}


def evaluate(rows: list[dict], show: int = 0, parse: bool = True) -> dict[str, float]:
    from storyprism.extract.nlp import analyse
    from storyprism.extract.quotes import find_quotes

    analysed = analyse([r["text"] for r in rows], parse=parse)
    pd = pd_ok = gd = gd_hit = spk_n = spk_ok = 0
    pa = pa_ok = ga = ga_hit = 0
    per_kind: dict[str, list[int]] = {"words": [0, 0], "topic": [0, 0]}  # predictions, matching
    gw_hit = 0
    shown = 0
    for row, (ent, tree) in zip(rows, analysed, strict=True):
        found = find_quotes(row["text"], ent, parse=tree)
        gold = [a for a in row["attributions"] if a.get("content")]
        for q in found:
            hit = any(_overlap(q.parts, g["content"]["spans"]) for g in gold)
            pa += 1
            pa_ok += hit
            counts = per_kind.setdefault(q.kind, [0, 0])
            counts[0] += 1
            counts[1] += hit
            if q.direct:
                pd += 1
                pd_ok += hit
                if not hit and shown < show:
                    shown += 1
                    print("FP direct:", q.speaker, "|", q.text[:100])
        for g in gold:
            ga += 1
            ga_hit += any(_overlap(q.parts, g["content"]["spans"]) for q in found)
            gw_hit += any(q.kind == "words" and _overlap(q.parts, g["content"]["spans"]) for q in found)
            if not g.get("content_is_direct_quote"):
                continue
            gd += 1
            match = [q for q in found if q.direct and _overlap(q.parts, g["content"]["spans"])]
            if not match:
                if shown < show:
                    shown += 1
                    print("FN direct:", g["content"]["text"][:100])
                continue
            gd_hit += 1
            src = g.get("source")
            if not src:
                continue
            spk_n += 1
            q = match[0]
            ok = bool(q.speaker_span and _overlap([q.speaker_span], src["spans"]))
            ok = ok or bool(q.speaker and _words(q.speaker) & _words(src["text"]))
            spk_ok += ok
            if not ok and shown < show:
                shown += 1
                t = row["text"]
                print(
                    "SPK:",
                    q.speaker,
                    "| gold:",
                    src["text"],
                    "||",
                    " ".join(t[max(0, q.start - 160) : q.start].split()),
                    "[[Q]]",
                    " ".join(t[q.end : q.end + 70].split()),
                )
    p_all = pa_ok / pa if pa else 0.0
    r_all = ga_hit / ga if ga else 0.0
    return {
        "articles": len(rows),
        "direct_gold": gd,
        "direct_precision": round(pd_ok / pd if pd else 0.0, 4),
        "direct_recall": round(gd_hit / gd if gd else 0.0, 4),
        "speaker_accuracy": round(spk_ok / spk_n if spk_n else 0.0, 4),
        "all_precision": round(p_all, 4),
        "all_recall": round(r_all, 4),
        "all_f1": round(2 * p_all * r_all / (p_all + r_all) if p_all + r_all else 0.0, 4),
        **{
            f"{kind}_{name}": value
            for kind, (n, ok) in per_kind.items()
            for name, value in (("predictions", n), ("precision", round(ok / n if n else 0.0, 4)))
        },
        "words_recall": round(gw_hit / ga if ga else 0.0, 4),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=0, help="print this many errors")
    ap.add_argument("--gate", action="store_true", help="exit 1 when a figure is below its floor")
    ap.add_argument("--no-parse", action="store_true", help="pattern rules only (NER without the parser)")
    args = ap.parse_args()
    figures = evaluate(load(args.split, args.limit), args.show, parse=not args.no_parse)
    print(json.dumps({"data": f"PolNeAR {args.split}", **figures}, indent=2))
    if args.gate:
        floors = json.loads(FLOORS.read_text())
        floors = {k: v for k, v in floors.items() if not k.startswith("_")}
        low = {k: (figures.get(k, 0.0), v) for k, v in floors.items() if figures.get(k, 0.0) < v}
        for k, (got, floor) in low.items():
            print(f"BELOW FLOOR {k}: {got} < {floor}")
        return 1 if low else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
