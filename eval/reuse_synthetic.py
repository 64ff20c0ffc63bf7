"""A copy benchmark built from real news (Giveme5W1H news_cluster texts), seeded.

From each sampled base article one derived article is made:
* ``edited``: new headline, ending trimmed, two paragraphs swapped, a paragraph of another event
  added (expected relation: copy/edited);
* ``rewrite``: every sentence paraphrased (synonym substitution, clause reordering, sentence
  splitting), attributions and quotes kept (expected: rewrite);
* ``planted``: an edited copy or a rewrite with 1-3 planted meaning changes (number, negation,
  role flip, dropped attribution).
Half the derived articles carry publication times (the source earlier), half carry none, so
direction is also judged on text evidence alone. The corpus also holds the other real articles of
the same events: independent reporting, which must not be called a copy. Pairs of real articles
that share verbatim passages (5-gram containment >= 0.1 of the shorter: syndication, a common wire
or press release) are not scored but counted; a relation between two real articles with less
overlap than that counts as a false relation.

The paraphraser here is lexical (synonyms, clause moves, splits) and leaves much 5-gram overlap
(Jaccard ~0.5-0.75), so its rewrites are rightly called ``edited`` as often as ``rewrite``: both
count as correct kinds for a rewrite, ``kind_strict.rewrite`` gives the share called ``rewrite``.

Figures: relation recall per derived type and kind accuracy, relation precision, direction
accuracy (with and without dates), planted-change recall and precision, and the share of pure
paraphrase / edited copies with no false change.

Usage: python eval/reuse_synthetic.py [--gate] [--bases N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter

from reuse_common import DATA, need, report
from storyprism.records import Article
from storyprism.reuse import ReuseOptions, detect_reuse
from storyprism.reuse.detect import COPY_KINDS
from storyprism.reuse.text import shingle_set, split_sentences

SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "announced": "declared", "big": "large",
    "large": "big", "small": "little", "important": "significant", "significant": "important",
    "began": "started", "start": "begin", "started": "began", "help": "assist", "helped": "assisted",
    "buy": "purchase", "bought": "purchased", "show": "indicate", "shows": "indicates", "showed": "indicated",
    "people": "individuals", "children": "kids", "officials": "authorities", "police": "law enforcement",
    "attack": "assault", "attacks": "assaults", "killed": "slain", "died": "perished", "injured": "wounded",
    "country": "nation", "countries": "nations", "government": "administration", "city": "town",
    "company": "firm", "companies": "firms", "meeting": "gathering", "talks": "negotiations",
    "decision": "ruling", "plan": "proposal", "plans": "proposals", "rule": "regulation", "rules": "regulations",
    "increase": "rise", "increased": "rose", "decrease": "drop", "fell": "dropped", "rose": "climbed",
    "quickly": "rapidly", "rapidly": "quickly", "about": "around", "nearly": "almost", "almost": "nearly",
    "also": "additionally", "however": "but", "because": "since", "before": "prior to", "after": "following",
    "during": "throughout", "many": "numerous", "several": "a number of", "major": "key", "key": "crucial",
    "recent": "latest", "recently": "lately", "new": "fresh", "former": "ex", "leader": "head",
    "leaders": "heads", "asked": "requested", "ask": "request", "try": "attempt", "tried": "attempted",
    "need": "require", "needs": "requires", "needed": "required", "want": "wish", "wanted": "wished",
    "expected": "anticipated", "expect": "anticipate", "continue": "carry on", "continued": "went on",
    "hit": "struck", "strong": "powerful", "powerful": "strong", "difficult": "hard", "hard": "difficult",
    "large-scale": "massive", "threat": "danger", "threats": "dangers", "warned": "cautioned",
    "reported": "stated", "according": "according", "received": "got", "give": "provide", "gave": "provided",
    "used": "employed", "use": "employ", "make": "create", "made": "created", "including": "among them",
    "area": "region", "areas": "regions", "week": "week", "month": "month", "efforts": "attempts",
    "effort": "attempt", "support": "backing", "supported": "backed", "claimed": "asserted",
    "believe": "think", "believed": "thought", "number": "count", "total": "sum", "fire": "blaze",
    "crash": "collision", "victims": "casualties", "residents": "inhabitants", "building": "structure",
    "destroyed": "wrecked", "damage": "harm", "caused": "led to", "cause": "lead to", "event": "occasion",
    "agreement": "deal", "deal": "agreement", "officers": "agents", "vehicle": "car", "said.": "stated.",
}  # fmt: skip

ATTRIBUTION_TAIL = re.compile(r",\s+([A-Z][\w.'’ -]{2,60}?)\s+(said|says|told reporters|stated)\.\s*$")
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w,]|\.\d)")
NEGATABLE = re.compile(r"\b(is|was|are|were|will|would|could|can|has|have|had|did|does)\b(?! not)")
ROLE = re.compile(r"\b(attack|invasion|killing|arrest|criticism|defeat|support|investigation|bombing|capture|"
                  r"murder|shooting|sanctions|victory|offensive|strikes?) (of|on|against) ((?:the )?[A-Z][\w-]+)")


def paraphrase_sentence(s: str, rng: random.Random) -> list[str]:
    """A meaning-preserving rewrite of one sentence (possibly as two sentences)."""
    toks = s.split(" ")
    out = []
    for t in toks:
        core = t.strip(",.;:\"'“”")
        rep = SYNONYMS.get(core.lower())
        if rep and rng.random() < 0.85 and core == core.lower():
            t = t.replace(core, rep)
        out.append(t)
    s2 = " ".join(out)
    # clause reordering: "After X, Y." -> "Y after X."
    m = re.match(r"^(After|Before|Following|During|While|When) ([^,]{5,80}), (.+)\.$", s2)
    if m and rng.random() < 0.8:
        rest = m.group(3)
        s2 = f"{rest[0].upper()}{rest[1:]} {m.group(1).lower()} {m.group(2)}."
    # ", and " split into two sentences
    parts = s2.split(", and ", 1)
    if len(parts) == 2 and len(parts[0].split()) >= 6 and len(parts[1].split()) >= 5 and rng.random() < 0.7:
        second = parts[1]
        return [parts[0].rstrip(".") + ".", "Also, " + second]
    # move a leading clause: "X said Y" stays; drop filler
    s2 = re.sub(r"\b(very|really|just)\s+", "", s2)
    return [s2]


def paraphrase(text: str, rng: random.Random) -> str:
    paras = []
    for para in text.split("\n"):
        sents = split_sentences(para)
        new = []
        for s in sents:
            new.extend(paraphrase_sentence(s, rng))
        if new:
            paras.append(" ".join(new))
    return "\n".join(paras)


def edited_copy(text: str, other: str, rng: random.Random) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    keep = max(3, int(len(paras) * rng.uniform(0.6, 0.85)))
    paras = paras[:keep]
    if len(paras) >= 4:
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    extra = [p for p in other.split("\n") if len(p.split()) > 15]
    if extra:
        paras.insert(rng.randrange(1, len(paras) + 1), rng.choice(extra))
    return "\n".join(paras)


def plant(text: str, rng: random.Random, k: int) -> tuple[str, list[tuple[str, str]]]:
    """Plant up to k changes; returns the new text and (kind, changed sentence of the copy)."""
    paras = text.split("\n")
    flat = [(pi, si, s) for pi, p in enumerate(paras) for si, s in enumerate(split_sentences(p))]
    sents = {(pi, si): s for pi, si, s in flat}
    planted: list[tuple[str, str]] = []
    order = list(sents)
    rng.shuffle(order)
    kinds = ["number", "negation", "role-flip", "attribution-dropped"]
    rng.shuffle(kinds)
    used: set[tuple[int, int]] = set()
    for kind in kinds:
        if len(planted) >= k:
            break
        for key in order:
            if key in used:
                continue
            s = sents[key]
            new = None
            if kind == "number" and (m := NUMBER.search(s)):
                val = int(m.group(1).replace(",", ""))
                new = s[: m.start()] + f"{val * 3 + 7:,}" + s[m.end() :]
            elif kind == "negation" and len(s.split()) > 8 and " not " not in s and (m := NEGATABLE.search(s)):
                new = s[: m.end()] + " not" + s[m.end() :]
            elif kind == "role-flip" and (m := ROLE.search(s)):
                new = s[: m.start(2)] + "by" + s[m.end(2) :]
            elif kind == "attribution-dropped" and (m := ATTRIBUTION_TAIL.search(s)) and len(s[: m.start()].split()) > 5:
                new = s[: m.start()] + "."
            if new and new != s:
                sents[key] = new
                used.add(key)
                planted.append((kind, new))
                break
    out_paras = []
    for pi, p in enumerate(paras):
        ss = [sents[(pi, si)] for si in range(len(split_sentences(p)))]
        out_paras.append(" ".join(ss))
    return "\n".join(p for p in out_paras if p), planted


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gate", action="store_true")
    ap.add_argument("--bases", type=int, default=60, help="base articles (one derived article each)")
    args = ap.parse_args()
    rng = random.Random(7)
    path = need(DATA / "clustering" / "giveme5w1h_news_cluster.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if r.get("text") and len(split_sentences(r["text"])) >= 8]
    # drop exact duplicate texts (real syndication) from the base pool
    seen_text: set[str] = set()
    pool = []
    for r in rows:
        key = r["text"][:400]
        if key not in seen_text:
            seen_text.add(key)
            pool.append(r)
    rng.shuffle(pool)
    bases = pool[: args.bases]
    base_events = {r["event_id"] for r in bases}
    corpus: list[Article] = []
    for r in rows:
        if r["event_id"] in base_events:
            corpus.append(Article(id=f"real:{r['id'][:12]}", ref=r["id"], title=r["title"] or "", text=r["text"],
                                  outlet=r["source_domain"], published=None))
    by_id = {a.ref: a for a in corpus}
    gold: dict[tuple[str, str], tuple[str, bool]] = {}  # (source id, copy id) -> (type, dated)
    planted: dict[str, list[tuple[str, str]]] = {}
    pure: set[str] = set()
    kinds = ["edited", "rewrite", "planted-edited", "planted-rewrite"]
    for n, r in enumerate(bases):
        src = by_id[r["id"]]
        kind = kinds[n % len(kinds)]
        other = rng.choice([x for x in rows if x["event_id"] != r["event_id"]])["text"]
        text = edited_copy(src.text, other, rng) if kind.endswith("edited") else paraphrase(src.text, rng)
        cid = f"copy{n}:{kind}"
        if kind.startswith("planted"):
            text, pl = plant(text, rng, rng.randint(1, 3))
            planted[cid] = pl
        else:
            pure.add(cid)
        dated = (n // len(kinds)) % 2 == 0  # every type both with and without dates
        if dated:
            src.published = "2017-10-01T08:00:00"
        copy = Article(id=cid, ref=cid, title=f"Re: {src.title[:40]}", text=text,
                       published="2017-10-01T15:30:00" if dated else None)
        corpus.append(copy)
        gold[(src.id, cid)] = (kind.replace("planted-", ""), dated)
    rng.shuffle(corpus)
    print(f"corpus: {len(corpus)} articles ({len(gold)} derived, {len(corpus) - len(gold)} real)")
    start = time.time()
    reuses = detect_reuse(corpus, ReuseOptions())
    print(f"detect_reuse: {time.time() - start:.1f}s, {len(reuses)} relations")

    texts = {a.id: a.text for a in corpus}
    shingles = {a.id: shingle_set(a.text, 5) for a in corpus if a.id.startswith("real:")}

    def real_overlap(a: str, b: str) -> float:
        import numpy as np

        sa, sb = shingles[a], shingles[b]
        return np.intersect1d(sa, sb).size / max(1, min(len(sa), len(sb)))

    pair_rel = {}
    for r in reuses:
        if r.kind in COPY_KINDS:
            pair_rel[frozenset((r.source, r.copy))] = r
    found = Counter()
    total = Counter()
    kind_ok = Counter()
    strict = Counter()
    dir_ok = Counter()
    dir_n = Counter()
    for (s, c), (typ, dated) in gold.items():
        total[typ] += 1
        r = pair_rel.get(frozenset((s, c)))
        if r is None:
            continue
        found[typ] += 1
        expected = {"edited": {"copy", "edited"}, "rewrite": {"rewrite", "edited"}}[typ]
        kind_ok[typ] += r.kind in expected
        strict[typ] += r.kind == ("rewrite" if typ == "rewrite" else r.kind)
        key = f"{'dated' if dated else 'undated'}.{typ}"
        dir_n[key] += 1
        dir_ok[key] += r.source == s
    fp = syndication = 0
    derived_cross = 0
    for key, r in pair_rel.items():
        a, b = sorted(key)
        if (r.source, r.copy) in gold or (r.copy, r.source) in gold:
            continue
        if a.startswith("real:") and b.startswith("real:"):
            if real_overlap(a, b) >= 0.1:
                # real articles sharing verbatim passages: reuse exists (syndication, a common
                # wire or press release); not scored, counted
                syndication += 1
            else:
                fp += 1
                print(f"  false relation {r.source} -> {r.copy} {r.kind} cov {r.coverage:.2f} {r.evidence[-1]}")
        else:
            # a derived article related to a real copy of its own source is right in substance
            derived_cross += 1
    tp = sum(found.values())
    # planted changes: a planted change counts as found when a change of that kind is reported on
    # an alignment whose copy sentence contains the planted sentence (or is contained in it)
    ch_tp = ch_total = ch_reported = ch_correct = 0
    false_free = false_n = 0
    for (s, c), _ in gold.items():
        r = pair_rel.get(frozenset((s, c)))
        # a change is matched by kind and sentence (either side, so a wrong direction is
        # scored by the direction figure, not twice)
        changes = [
            (ch.kind, al.copy_sentence + " " + al.source_sentence) for al in (r.alignments if r else []) for ch in al.changes
        ]
        if c in planted:
            pl = planted[c]
            ch_total += len(pl)
            for kind, sent in pl:
                hit = any(k == kind and sent[:60] in cs for k, cs in changes)
                ch_tp += hit
            ch_reported += len(changes)
            ch_correct += sum(
                1 for k, cs in changes if any(k == kind and sent[:60] in cs for kind, sent in pl)
            )
        elif c in pure and r is not None:
            false_n += 1
            false_free += not changes
            if changes:
                print(f"  false change on pure {c}: {changes[0][0]}")
    figures: dict[str, float] = {}
    for typ in ("edited", "rewrite"):
        figures[f"relation_recall.{typ}"] = found[typ] / total[typ] if total[typ] else 0.0
        figures[f"kind_accuracy.{typ}"] = kind_ok[typ] / found[typ] if found[typ] else 0.0
        figures[f"kind_strict.{typ}"] = strict[typ] / found[typ] if found[typ] else 0.0
    figures["relation_precision"] = tp / (tp + fp) if tp + fp else 1.0
    figures["false_relations_between_independent_articles"] = float(fp)
    figures["real_pairs_with_verbatim_overlap_related"] = float(syndication)
    figures["derived_to_other_copy_relations"] = float(derived_cross)
    for key in sorted(dir_n):
        figures[f"direction_accuracy.{key}"] = dir_ok[key] / dir_n[key] if dir_n[key] else 0.0
    figures["change_recall"] = ch_tp / ch_total if ch_total else 0.0
    figures["change_precision"] = ch_correct / ch_reported if ch_reported else 1.0
    figures["no_false_change_share_on_unplanted"] = false_free / false_n if false_n else 1.0
    print(f"texts: {len(texts)}")
    gate_figures = {k: v for k, v in figures.items()}
    gate_figures["no_false_relation"] = 1.0 / (1.0 + fp)
    return report("reuse_synthetic", gate_figures, args.gate)


if __name__ == "__main__":
    sys.exit(main())
