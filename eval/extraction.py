"""HTML body extraction quality: plain trafilatura vs storyprism (extract_html + clean_articles).

Data: ../shared/data/extraction (50 pages of the ScrapingHub article-extraction benchmark, with
their true article bodies). Metric (the benchmark's): ``\\w+`` tokens, 4-token shingles with counts,
per-page tp/fp/fn normalised to sum 1, precision = mean over pages with tp+fp > 0, recall = mean over
pages with tp+fn > 0, F1 of the two means.

    python eval/extraction.py            # print the figures
    python eval/extraction.py --gate     # also compare with eval/floors/extraction.json, exit 1 below
    python eval/extraction.py --seeds    # every line junk removal takes out of the seed articles
    python eval/extraction.py --verbose  # per page: lines removed that were part of the true body
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction"
SEEDS = ROOT / "examples" / "seeds"
FLOORS = ROOT / "eval" / "floors" / "extraction.json"
sys.path.insert(0, str(ROOT / "src"))

from storyprism.clean import clean_articles  # noqa: E402
from storyprism.clean.options import CleanOptions  # noqa: E402
from storyprism.records import Article  # noqa: E402

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text or "")
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    a, b = shingles(true), shingles(pred)
    tp = sum((a & b).values())
    fp = sum((b - a).values())
    fn = sum((a - b).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(pairs: Sequence[tuple[str, str]]) -> dict[str, float]:
    """precision, recall, F1 as the benchmark computes them over (true, predicted) pairs."""
    precisions, recalls = [], []
    for true, pred in pairs:
        tp, fp, fn = page_counts(true, pred)
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


def load_pages(data: Path) -> list[tuple[str, str, str, str]]:
    """(item_id, url, html, true body) for every page of the benchmark sample."""
    truth_file = data / "ground-truth.json"
    if not truth_file.is_file():
        sys.exit(f"No labelled data at {data}. Fix: put the shared data at ../shared/data (see DEVELOPERS.md).")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for item_id, rec in sorted(truth.items()):
        raw = gzip.decompress((data / "html" / f"{item_id}.html.gz").read_bytes())
        pages.append((item_id, rec.get("url", ""), raw.decode("utf-8", "replace"), rec["articleBody"]))
    return pages


def _trafilatura_default(html: str, url: str) -> tuple[str, str | None]:
    import trafilatura

    return trafilatura.extract(html, url=url) or "", None


def _trafilatura_bare(html: str, url: str) -> tuple[str, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return "", None
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return get("text") or "", get("title")


def _storyprism_extract() -> tuple[str, Callable[[str, str], tuple[str, str | None]]]:
    """The ingest stage's extractor (no fallback: a broken extractor fails the gate)."""
    from storyprism.ingest.html import extract_html

    def run(html: str, url: str) -> tuple[str, str | None]:
        res = extract_html(html, url)
        return res.text or "", res.title

    return "storyprism.ingest.html.extract_html", run


def evaluate(data: Path, verbose: bool = False) -> dict[str, dict[str, float]]:
    pages = load_pages(data)
    results: dict[str, dict[str, float]] = {}
    results["trafilatura_extract"] = score([(t, _trafilatura_default(h, u)[0]) for _, u, h, t in pages])
    results["trafilatura_bare"] = score([(t, _trafilatura_bare(h, u)[0]) for _, u, h, t in pages])
    name, extract = _storyprism_extract()
    articles = []
    for item_id, url, html, _ in pages:
        text, title = extract(html, url)
        articles.append(Article(id=item_id, ref=item_id, title=title or "", text=text, raw_text=text,
                                url=url, source_format="html"))
    results["storyprism_extract"] = score([(t, a.text) for a, (*_, t) in zip(articles, pages, strict=True)])
    cleaned = clean_articles(articles, CleanOptions())
    results["storyprism_clean"] = score([(t, a.text) for a, (*_, t) in zip(cleaned, pages, strict=True)])
    removed = sum(len(a.removed) for a in cleaned)
    wrong = 0
    for a, (_, url, _, truth) in zip(cleaned, pages, strict=True):
        norm_truth = " ".join(_TOKEN.findall(truth))
        lost = [r for r in a.removed if len(_TOKEN.findall(r.line)) >= 3
                and " ".join(_TOKEN.findall(r.line)) in norm_truth]
        wrong += len(lost)
        if verbose and a.removed:
            print(f"-- {a.id[:12]} {url[:80]}")
            for r in a.removed:
                flag = "LOST" if r in lost else "    "
                print(f"   {flag} {r.reason:20s} {r.line[:110]}")
    results["storyprism_clean"]["removed_lines"] = float(removed)
    results["storyprism_clean"]["removed_true_body_lines"] = float(wrong)
    print(f"{len(pages)} pages from {data}; storyprism extractor: {name}")
    for key, vals in results.items():
        figures = "  ".join(f"{k}={v:.4f}" if k in ("precision", "recall", "f1") else f"{k}={v:.0f}"
                            for k, v in vals.items())
        print(f"{key:22s} {figures}")
    return results


def print_seeds() -> None:
    """Every line the clean stage removes from the seed articles, with its reason."""
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        articles.append(Article(id=path.stem, ref=str(path), title=title.strip(), text=body, raw_text=body))
    for a in clean_articles(articles, CleanOptions()):
        kept = a.words
        raw = len(a.raw_text.split())
        print(f"== {a.id}: {len(a.removed)} lines removed, {raw - kept} of {raw} words")
        for r in a.removed:
            print(f"   line {r.position:3d}  {r.reason:20s} {r.line}")


def gate(results: dict[str, dict[str, float]]) -> int:
    if not FLOORS.is_file():
        print(f"No floors file {FLOORS}. Fix: create it (see eval/extraction.py).")
        return 1
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    failed = 0
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        section, _, metric = key.partition(".")
        value = results.get(section, {}).get(metric)
        if value is None:
            print(f"FAIL {key}: not measured")
            failed += 1
        elif value < floor:
            print(f"FAIL {key} = {value:.4f} < floor {floor:.4f}")
            failed += 1
        else:
            print(f"ok   {key} = {value:.4f} >= floor {floor:.4f}")
    # Junk removal must never cost F1 compared with the extractor it cleans.
    raw_f1 = results["storyprism_extract"]["f1"]
    clean_f1 = results["storyprism_clean"]["f1"]
    if clean_f1 + 1e-9 < raw_f1:
        print(f"FAIL junk removal lowers F1: {clean_f1:.4f} < {raw_f1:.4f} before cleaning")
        failed += 1
    else:
        print(f"ok   junk removal does not lower F1 ({raw_f1:.4f} -> {clean_f1:.4f})")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gate", action="store_true", help="exit 1 when a figure is below its floor")
    parser.add_argument("--seeds", action="store_true", help="print the lines removed from the seeds")
    parser.add_argument("--verbose", action="store_true", help="print removed lines per page")
    parser.add_argument("--data", type=Path, default=DATA, help="extraction data folder")
    args = parser.parse_args(argv)
    if args.seeds:
        print_seeds()
        if not args.gate and not args.verbose:
            return 0
    results = evaluate(args.data, verbose=args.verbose)
    return gate(results) if args.gate else 0


if __name__ == "__main__":
    raise SystemExit(main())
