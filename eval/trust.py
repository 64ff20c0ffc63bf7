"""Evaluate source verdicts (who got the story from whom) on hand-read Giveme5W1H events.

Data: ../shared/data/trust/events_{a,b}.json (read its README) joined on ``id`` with
../shared/data/clustering/giveme5w1h_news_cluster.jsonl. The chosen events' articles are written to
one JSONL file and run through the whole pipeline in a temporary Workspace (ingest, clean, reuse,
stories, extract, compare), exactly as a user would; the export document is then scored:

* same-origin pairs: pairs of labelled on-topic articles of one event that share an ultimate origin
  (event 64 groups one newsroom's pieces, ``origins_grouping``). A predicted pair is two articles of
  one event, neither flagged ``off_topic``, with the same exported ``origin``. Precision/recall/F1
  pooled over events.
* independent-origin count: distinct exported origins among the event's articles not flagged
  off-topic, compared with the label ``independent_origins``; share of events exactly right. Also,
  as a user sees it (``_by_story``): distinct origins of the on-topic members of the story that holds
  most of the event's articles (the stories stage's own split and merge errors included).
* off-topic flags: precision/recall of ``off_topic`` against ``body_off_topic``/``off_event``.
* claim independence, two readings of the claims shown as corroborated (``independent_support`` >= 2)
  whose articles lie in one labelled event:
  - by origins: the share whose articles have 2+ distinct labelled ultimate origins (on-topic only);
  - by facts: each claim is matched to a labelled fact when its text and a quoted sentence of the
    fact share >= 50 % of the shorter one's content words (lower-cased, stop words and 1-2 letter
    words out); of the claims matched, the share matched to a ``corroborated`` fact rather than a
    ``single_origin_repeated`` one of type ``derivation``.

* fact grouping: the share of labelled ``corroborated`` facts shown as one claim with support >= 2
  (a claim holding two of the fact's quoting articles and >= 50 % of one quoted sentence's words).
* summaries: see ``score_summaries``.
* conflicts (``kind`` other than ``rewrite-change``, which stays with the copy), in stories whose
  articles lie in one labelled event: a predicted conflict is true when both its sides match the two
  sides of a labelled conflict (either order). A side matches when it names one of the labelled side's
  articles and its text carries >= 50 % of the content words of the labelled sentence
  (or one of its quoted sentences). Precision over predicted conflicts; recall over the labelled
  cross-origin conflicts (``independent: true``; same-origin ones are a copy's changes, not conflicts),
  and over the ``high``-confidence ones; ``conflict_tempting_reported`` counts predicted conflicts that
  match a labelled non-conflict (they must not be reported).

    .venv/bin/python eval/trust.py [--events a|b|all] [--gate] [-v]

``--events heldout`` scores events read later by the same rules and never used to set a rule before
they were read (``eval/labels/trust_heldout_*.json``: ids, verdicts, offsets; each file's ``about``
says what code it was read on and what it prompted afterwards), with the hand verdicts on the claims
and conflicts shown at the time (``hand_*``). ``--gate`` on all events also gates the held-out files
named in the floors (their own floors).

Runs in under a minute on 2 cores (82 + 50 articles, the whole pipeline).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TRUST = DATA / "trust"
GIVEME = DATA / "clustering" / "giveme5w1h_news_cluster.jsonl"
FLOORS = ROOT / "eval" / "floors" / "trust.json"
# events read by the same rules after the development set, never used to tune: ids, verdicts and
# character offsets only (the sentences are read back from the articles)
HELDOUT = sorted((ROOT / "eval" / "labels").glob("trust_heldout_*.json"))

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    ["the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "this", "from", "its", "but", "not", "they", "their", "his", "her", "said", "says", "will", "would", "which", "who", "what", "when", "where", "been", "also", "more", "than", "into", "about", "after", "over", "there", "them", "our", "all", "can", "could", "one", "two", "out", "new"]
)


def _load_events(which: str, files: list[str] | None = None) -> list[dict[str, Any]]:
    if which == "heldout":
        paths = [p for p in HELDOUT if files is None or p.name in files]
        if not paths:
            sys.exit("No held-out labels in eval/labels/trust_heldout_*.json.")
        return [e for path in paths for e in json.loads(path.read_text(encoding="utf-8"))["events"]]
    names = {"a": ["events_a.json"], "b": ["events_b.json"], "all": ["events_a.json", "events_b.json"]}[which]
    events: list[dict[str, Any]] = []
    for name in names:
        path = TRUST / name
        if not path.exists():
            sys.exit(f"No labelled data at {path}. Fix: run from a checkout with ../shared/data/trust present.")
        events.extend(json.loads(path.read_text(encoding="utf-8"))["events"])
    return events


def _fill_sentences(events: list[dict[str, Any]], records: dict[str, dict[str, Any]]) -> None:
    """Held-out labels keep a conflict side's sentence as offsets into its article (``span``:
    [article id, start, end]); read the text back so that both label sets score alike."""
    for e in events:
        for c in [*e.get("conflicts", []), *e.get("non_conflicts", [])]:
            for key in ("side1", "side2"):
                side = c.get(key) or {}
                if "span" in side and not side.get("text"):
                    aid, start, end = side["span"]
                    side["text"] = (records[aid].get("text") or "")[start:end]


def hand_judged(events: list[dict[str, Any]]) -> dict[str, float]:
    """Verdicts read by hand on the claims shown as corroborated and the conflicts reported, when
    the labels carry them (held-out events): the share right. They hold for the output they were
    read on (see the label file's ``about``), not for later code."""
    claims = [j for e in events for j in e.get("claims_judged", [])]
    conflicts = [j for e in events for j in e.get("conflicts_judged", [])]
    out: dict[str, float] = {}
    if claims:
        out["hand_claims_read"] = float(len(claims))
        out["hand_claims_really_corroborated"] = sum(bool(j.get("right")) for j in claims) / len(claims)
    if conflicts:
        out["hand_conflicts_read"] = float(len(conflicts))
        out["hand_conflicts_true"] = sum(bool(j.get("true_conflict")) for j in conflicts) / len(conflicts)
    return out


def _records(ids: set[str]) -> dict[str, dict[str, Any]]:
    if not GIVEME.exists():
        sys.exit(f"No articles at {GIVEME}. Fix: run from a checkout with ../shared/data/clustering present.")
    out = {}
    with GIVEME.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in ids:
                out[r["id"]] = r
    missing = ids - set(out)
    if missing:
        sys.exit(f"{len(missing)} labelled articles are missing from {GIVEME.name}, e.g. {sorted(missing)[:2]}.")
    return out


def _analyze(records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    from storyprism.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "trust_articles.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for r in records.values():
                keep = {k: r.get(k) for k in ("id", "url", "source_domain", "date_publish", "title", "description",
                                               "text", "language")}
                fh.write(json.dumps(keep, ensure_ascii=False) + "\n")
        with Workspace(Path(tmp) / "trust.db") as ws:
            ws.add([src])
            ws.analyze()
            return ws.document()


def _off(article: dict[str, Any]) -> bool:
    return bool(article.get("body_off_topic") or article.get("off_event") or article.get("kind") == "off-topic-body")


def _gold_origin(event: dict[str, Any]) -> dict[str, str]:
    """Labelled ultimate origin per on-topic article, newsroom groups applied."""
    group_of = {aid: name for name, ids in (event.get("origins_grouping") or {}).items() for aid in ids}
    out = {}
    for a in event["articles"]:
        if not _off(a):
            ult = a.get("ultimate_origin") or a["id"]
            if ult == "self":  # the reading rules' word for the article's own reporting: itself
                ult = a["id"]
            out[a["id"]] = group_of.get(ult, group_of.get(a["id"], ult))
    return out


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOP}


def _match_fact(claim_text: str, facts: list[tuple[str, set[str]]]) -> str | None:
    cw = _content(claim_text)
    best, best_score = None, 0.0
    for label, words in facts:
        if not cw or not words:
            continue
        score = len(cw & words) / min(len(cw), len(words))
        if score > best_score:
            best, best_score = label, score
    return best if best_score >= 0.5 else None


def _side_texts(side: dict[str, Any]) -> list[set[str]]:
    texts = [side.get("text", "")] + [q.get("sentence", "") for q in side.get("quotes", [])]
    return [_content(t) for t in texts if t]


def _side_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """One predicted side against one labelled side: a shared article and >= 50 % content overlap."""
    gold_articles = set(gold.get("articles", [])) | {q.get("article") for q in gold.get("quotes", [])}
    if not set(pred.get("articles", [])) & gold_articles:
        return False
    words = _content(pred.get("text", ""))
    # share of the labelled sentence the predicted side carries: a bare value label ("1 percent")
    # must not match a long sentence that happens to contain the same unit
    return bool(words) and any(g and len(words & g) / len(g) >= 0.5 for g in _side_texts(gold))


def _pair_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    sides = pred.get("sides", [])
    if "side1" not in gold or "side2" not in gold:
        return False  # the first held-out readings named some non-conflicts by attribute only
    g1, g2 = gold["side1"], gold["side2"]
    for x, y in combinations(sides, 2):
        if (_side_matches(x, g1) and _side_matches(y, g2)) or (_side_matches(x, g2) and _side_matches(y, g1)):
            return True
    return False


def score_conflicts(events: list[dict[str, Any]], doc: dict[str, Any], verbose: bool) -> dict[str, float]:
    """Predicted conflicts against the labelled ones (see the module docstring)."""
    event_of = {a["id"]: e["event_id"] for e in events for a in e["articles"]}
    by_event = {e["event_id"]: e for e in events}
    predicted: dict[Any, list[dict[str, Any]]] = {}
    for c in doc.get("conflicts", []):
        if c.get("kind") == "rewrite-change":
            continue
        members = {a for s in c.get("sides", []) for a in s.get("articles", [])}
        evs = {event_of[a] for a in members if a in event_of}
        if len(evs) == 1:
            predicted.setdefault(evs.pop(), []).append(c)
    tp = n_pred = tempting = 0
    found: set[tuple[Any, int]] = set()
    for eid, cs in predicted.items():
        e = by_event[eid]
        for c in cs:
            n_pred += 1
            hit = [k for k, g in enumerate(e.get("conflicts", [])) if _pair_matches(c, g)]
            tp += bool(hit)
            found.update((eid, k) for k in hit)
            bad = any(_pair_matches(c, g) for g in e.get("non_conflicts", []))
            tempting += bad
            if verbose or bad or not hit:
                mark = "TRUE" if hit else ("TEMPTING" if bad else "false")
                sides = " || ".join(s.get("text", "")[:90] for s in c.get("sides", []))
                print(f"    conflict {mark:8} event {eid} {c.get('kind')} ({str(c.get('about'))[:40]}): {sides}")
    gold_cross = [(e["event_id"], k, g) for e in events for k, g in enumerate(e.get("conflicts", []))
                  if g.get("independent", True)]
    high = [x for x in gold_cross if x[2].get("confidence") == "high"]
    for eid, k, g in gold_cross:
        if (eid, k) not in found and verbose:
            print(f"    missed conflict event {eid}: {g.get('attribute')}")
    return {
        "conflicts_predicted": float(n_pred),
        "conflict_precision": tp / n_pred if n_pred else 1.0,
        "conflict_recall": sum((eid, k) in found for eid, k, _ in gold_cross) / len(gold_cross) if gold_cross else 1.0,
        "conflict_recall_high": sum((eid, k) in found for eid, k, _ in high) / len(high) if high else 1.0,
        "conflict_tempting_reported": float(tempting),
    }


def score_fact_grouping(events: list[dict[str, Any]], doc: dict[str, Any], verbose: bool) -> float:
    """Share of labelled corroborated facts shown as one claim with support >= 2: a claim whose
    articles include two of the fact's quoting articles and whose text carries >= 50 % of one quoted
    sentence's content words (the fact stated in several wordings must come out as one claim)."""
    claims = [c for c in doc.get("claims", []) if int(c.get("independent_support") or 0) >= 2]
    found = total = 0
    for e in events:
        for f in e.get("corroborated", []):
            quotes = f.get("quotes", [])
            arts = {q.get("article") for q in quotes}
            sentences = [_content(q.get("sentence", "")) for q in quotes]
            total += 1
            hit = False
            for c in claims:
                if len(arts & set(c.get("articles", []))) < 2:
                    continue
                words = _content(c.get("text", ""))
                if any(g and len(words & g) / len(g) >= 0.5 for g in sentences):
                    hit = True
                    break
            found += hit
            if verbose and not hit:
                print(f"    fact not grouped, event {e['event_id']}: {f.get('fact', '')[:90]}")
    return found / total if total else 1.0


def score_summaries(events: list[dict[str, Any]], doc: dict[str, Any], verbose: bool) -> dict[str, float]:
    """Summaries of the story holding most of each event's articles, read against the event's labelled
    key facts (``corroborated`` and ``single_origin_repeated``, their quoted sentences): the share of
    openings that state one of them (the issue: "open with the sentence that states the event"), and
    the share of all summary sentences that do (a proxy for "about the event, not page furniture or
    another event"; labelled facts are at most ten per event, so 1.0 is out of reach)."""
    arts = {a["id"]: a for a in doc["articles"]}
    summaries = {s["story"]: s for s in doc.get("summaries", [])}
    openings = [0, 0]
    sentences = [0, 0]
    for e in events:
        facts: list[tuple[str, set[str]]] = []
        for key in ("corroborated", "single_origin_repeated"):
            for f in e.get(key, []):
                facts += [("fact", _content(q.get("sentence", ""))) for q in f.get("quotes", [])]
        stories = [arts[a["id"]].get("story") for a in e["articles"] if a["id"] in arts]
        stories = [s for s in stories if s]
        if not facts or not stories:
            continue
        main = max(set(stories), key=lambda s: (stories.count(s), str(s)))
        shown = [x.get("text", "") for x in summaries.get(main, {}).get("sentences", [])]
        if not shown:
            continue
        hits = [_match_fact(t, facts) is not None for t in shown]
        openings[0] += hits[0]
        openings[1] += 1
        sentences[0] += sum(hits)
        sentences[1] += len(hits)
        if verbose:
            print(f"    summary, event {e['event_id']}: {sum(hits)}/{len(hits)} state a labelled fact")
            for t, h in zip(shown, hits, strict=True):
                print(f"      {'+' if h else '-'} {t[:150]}")
    return {
        "summary_opening_states_fact": openings[0] / openings[1] if openings[1] else 0.0,
        "summary_sentences_state_fact": sentences[0] / sentences[1] if sentences[1] else 0.0,
    }


def score(events: list[dict[str, Any]], doc: dict[str, Any], verbose: bool) -> dict[str, float]:
    arts = {a["id"]: a for a in doc["articles"]}
    tp = fp = fn = 0
    exact = 0
    in_story = 0
    off_tp = off_fp = off_fn = 0
    claims_by_origin = [0, 0]  # [right, shown]
    claims_by_fact = [0, 0]
    event_of = {a["id"]: e["event_id"] for e in events for a in e["articles"]}
    gold_by_event = {e["event_id"]: _gold_origin(e) for e in events}
    for e in events:
        ids = [a["id"] for a in e["articles"] if a["id"] in arts]
        gold = gold_by_event[e["event_id"]]
        pred_off = {i for i in ids if arts[i].get("off_topic")}
        for a in e["articles"]:
            if a["id"] not in arts:
                continue
            flagged, truth = a["id"] in pred_off, _off(a)
            off_tp += flagged and truth
            off_fp += flagged and not truth
            off_fn += truth and not flagged
        pred = {i: str(arts[i].get("origin") or i) for i in ids if i not in pred_off}
        e_tp = e_fp = e_fn = 0
        for x, y in combinations(sorted(gold), 2):
            same_gold = gold[x] == gold[y]
            same_pred = x in pred and y in pred and pred[x] == pred[y]
            e_tp += same_gold and same_pred
            e_fn += same_gold and not same_pred
            e_fp += same_pred and not same_gold
        # a predicted pair touching a labelled off-topic article is a false pair too
        offs = [i for i in ids if i not in gold and i in pred]
        for x in offs:
            e_fp += sum(1 for y in pred if y != x and pred[y] == pred[x] and (y in gold or y > x))
        tp, fp, fn = tp + e_tp, fp + e_fp, fn + e_fn
        n_pred = len(set(pred.values()))
        ok = n_pred == e["independent_origins"]
        exact += ok
        # as a user sees it: the story holding most of the event's articles, all its on-topic members
        stories = [arts[i].get("story") for i in ids if arts[i].get("story")]
        if stories:
            main = max(set(stories), key=lambda s: (stories.count(s), str(s)))
            members = [a for a in doc["articles"] if a.get("story") == main and not a.get("off_topic")]
            in_story += len({str(a.get("origin") or a["id"]) for a in members}) == e["independent_origins"]
        if verbose or not ok:
            print(f"  event {e['event_id']:>3} {e['event'][:40]:40} origins gold {e['independent_origins']} "
                  f"pred {n_pred}{'' if ok else '  <-- wrong'}  pairs tp {e_tp} fp {e_fp} fn {e_fn}")
            if verbose:
                for a in e["articles"]:
                    p = arts.get(a["id"], {})
                    print(f"      {a['id'][:8]} {a['outlet'][:20]:20} gold {str(gold.get(a['id'], 'OFF'))[:26]:26} "
                          f"pred {str(pred.get(a['id'], 'OFF'))[:26]:26} {p.get('origin_kind', '')} "
                          f"{'; '.join(p.get('origin_evidence') or [])[:110]}")
    # claims shown as corroborated
    for e in events:
        gold = gold_by_event[e["event_id"]]
        facts: list[tuple[str, set[str]]] = []
        for f in e.get("corroborated", []):
            for q in f.get("quotes", []):
                facts.append(("corroborated", _content(q.get("sentence", ""))))
        for f in e.get("single_origin_repeated", []):
            if f.get("type") == "derivation":
                for q in f.get("quotes", []):
                    facts.append(("derivation", _content(q.get("sentence", ""))))
        for c in doc.get("claims", []):
            if int(c.get("independent_support") or 0) < 2:
                continue
            members = [a for a in c.get("articles", []) if a in event_of]
            if not members or {event_of[a] for a in members} != {e["event_id"]}:
                continue
            claims_by_origin[1] += 1
            right = len({gold[a] for a in members if a in gold}) >= 2
            claims_by_origin[0] += right
            if verbose and not right:
                why = ", ".join(f"{a[:6]}:{str(gold.get(a, 'OFF'))[:12]}->{str(arts[a].get('origin'))[:12]}"
                                for a in members if a in arts)
                print(f"    claim shown {c.get('independent_support')} but 1 origin, event {e['event_id']}: {why}")
            label = _match_fact(c.get("text", ""), facts)
            if label is not None:
                claims_by_fact[1] += 1
                claims_by_fact[0] += label == "corroborated"
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    figures = {
        "pair_precision": precision,
        "pair_recall": recall,
        "pair_f1": f1,
        "count_exact_share": exact / len(events) if events else 0.0,
        "count_exact_share_by_story": in_story / len(events) if events else 0.0,
        "off_topic_precision": off_tp / (off_tp + off_fp) if off_tp + off_fp else 1.0,
        "off_topic_recall": off_tp / (off_tp + off_fn) if off_tp + off_fn else 1.0,
        "claims_corroborated_shown": float(claims_by_origin[1]),
        "claim_independence_by_origins": claims_by_origin[0] / claims_by_origin[1] if claims_by_origin[1] else 1.0,
        "claims_matched_to_facts": float(claims_by_fact[1]),
        "claim_independence_by_facts": claims_by_fact[0] / claims_by_fact[1] if claims_by_fact[1] else 1.0,
    }
    print(f"  same-origin pairs: tp {tp} fp {fp} fn {fn}")
    figures["corroborated_fact_recall"] = score_fact_grouping(events, doc, verbose)
    figures.update(score_conflicts(events, doc, verbose))
    figures.update(score_summaries(events, doc, verbose))
    return figures


def evaluate(which: str, gate: bool, verbose: bool, save_doc: Path | None = None,
             saved: Path | None = None, files: list[str] | None = None) -> bool:
    """Analyse one label set's articles, print its figures; with ``gate``, False if a figure is
    below its floor (or above its ceiling)."""
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    # the gate scores the held-out files its floors were set on (later reads join with new floors)
    events = _load_events(which, pinned["heldout"]["files"] if gate and which == "heldout" else files)
    records = _records({a["id"] for e in events for a in e["articles"]})
    _fill_sentences(events, records)
    t0 = time.perf_counter()
    doc = json.loads(saved.read_text(encoding="utf-8")) if saved else _analyze(records)
    elapsed = time.perf_counter() - t0
    if save_doc:
        save_doc.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    print(f"trust ({which}): {len(events)} events, {len(records)} articles, analysed in {elapsed:.0f}s")
    figures = score(events, doc, verbose)
    figures.update(hand_judged(events))
    for k, v in figures.items():
        print(f"  {k:32} {v:.3f}")
    if not gate:
        return True
    # the held-out events have floors of their own: the same figures on other events read alike
    floors = pinned["heldout"] if which == "heldout" else pinned
    failed = [f"{k} {figures.get(k, 0.0):.3f} < floor {v}" for k, v in floors["floors"].items() if figures.get(k, 0.0) < v]
    failed += [f"{k} {figures.get(k, 0.0):.3f} > ceiling {v}" for k, v in floors.get("ceilings", {}).items()
               if figures.get(k, 0.0) > v]
    for msg in failed:
        print(f"  GATE FAILED: {msg}")
    return not failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", choices=("a", "b", "all", "heldout"), default="all",
                        help="the development events (a, b, all) or the held-out ones read later")
    parser.add_argument("--gate", action="store_true",
                        help="compare with eval/floors/trust.json (all: the development and the held-out events)")
    parser.add_argument("--files", nargs="+", help="with --events heldout: only these label files (names)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every article's verdict")
    parser.add_argument("--save-doc", type=Path, help="also write the export document here (to re-score it)")
    parser.add_argument("--doc", type=Path, help="score this saved export document instead of analysing")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    ok = evaluate(args.events, args.gate, args.verbose, args.save_doc, args.doc, args.files)
    if args.gate and args.events == "all" and HELDOUT and not args.doc:
        ok = evaluate("heldout", True, args.verbose) and ok
    if args.gate:
        print("trust gate:", "passed" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
