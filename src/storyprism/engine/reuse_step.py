"""Copy and rewrite detection as distributed Ray Data steps, equal to ``reuse.detect_reuse``.

The global step hands out the articles reuse compares as blocks of rows (``idx``: the article's
place in ``detect_reuse``'s list, and a payload: the article and the int8 vectors of its
sentences). From there, no step holds all articles or all pairs:

1. features (a map over articles): MinHash signature, LSH band keys, content terms, source rank;
2. near-duplicate candidates: ``(band, key, article)`` rows grouped by band key, each bucket linked
   as a star from its smallest article (``minhash.star_pairs``, as ``minhash.band_pairs`` links it);
   the estimated-Jaccard filter by a pair join with the signatures;
3. components: one task over the surviving pairs (two integers each) runs the union-find;
4. roots: each component's most source-like member (grouped by component, ranks only);
5. rewrite candidates among the representatives (roots and articles in no component):
   ``(term, article)`` rows grouped by term give document frequencies and capped postings; grouped
   by article, each article's shared weight with every partner; grouped by pair, both totals meet
   and give the score; grouped by article again, its ``candidates_per_article`` best partners
   (``detect.candidate_scores`` and ``detect.top_candidates``, the very functions
   ``rare_term_pairs`` uses, on sums that are exact, so the same pairs come out);
6. verification: each component's members grouped with it (``detect.verify_component``), and each
   rewrite candidate joined with its two articles' rows (``detect.verify_rewrite``);
7. the relations go back to the global step in ``detect_reuse``'s order.

``max_pairs`` (a cap on verified pairs in one run) depends on the order pairs are verified in, which
a distributed run does not have: when the candidates could reach it, ``run`` returns None and the
caller runs ``detect_reuse`` in one process instead (the only exact way), and says so.

The pair join (``_pair_join``) is the shuffle pattern used twice: every pair asks for its two rows
(grouped by article, each row answers the pairs that asked for it), and the answers meet grouped
by pair. A task thus receives only the rows its pairs name.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa

from storyprism.engine.remote import LazyRemote
from storyprism.records import Article, Reuse
from storyprism.reuse import detect, minhash
from storyprism.reuse.options import ReuseOptions

Bytes = dict[str, int]

_PAIR_SCHEMA = pa.schema([("i", pa.int64()), ("j", pa.int64())])
_JOIN_SCHEMA = pa.schema([("idx", pa.int64()), ("i", pa.int64()), ("j", pa.int64()), ("payload", pa.large_binary())])
_MET_SCHEMA = pa.schema([("i", pa.int64()), ("j", pa.int64()), ("side", pa.int8()), ("payload", pa.large_binary())])
_RESULT_SCHEMA = pa.schema([("i", pa.int64()), ("j", pa.int64()), ("payload", pa.large_binary())])


def run(
    ray: Any, doc_refs: list[Any], n: int, options: ReuseOptions, bytes_moved: Bytes, cpus: int = 2,
    seconds: dict[str, float] | None = None,
) -> tuple[list[Any], list[Any]] | None:
    """The reuse relations of the articles behind ``doc_refs`` as two lists of Arrow-block refs:
    near-duplicate relations (``i``: component, ``j``: member) and rewrite-candidate results
    (``i``, ``j``: the pair; payload ``(pair key, relation or None)``). None when ``max_pairs``
    could bind (the caller then runs ``detect_reuse`` in one process). ``bytes_moved`` gets the
    size of what each shuffle moved, ``seconds`` the time of each part."""
    import ray.data

    from storyprism.engine.laps import Laps

    lap = Laps(seconds if seconds is not None else {})

    # enough partitions that each holds a bounded share of the rows (about 20,000 articles' worth)
    _SETTINGS["partitions"] = max(2, 2 * cpus, n // 20_000)
    docs = ray.data.from_arrow_refs(doc_refs)
    features = docs.map_batches(_features, batch_format="pyarrow", batch_size=None,
                                fn_kwargs={"options": options}).materialize()
    bytes_moved["reuse features"] = features.size_bytes()
    lap("reuse: features")

    # 2. near-duplicate candidates
    band_rows = features.map_batches(_band_rows, batch_format="pyarrow", batch_size=None).materialize()
    bytes_moved["reuse band keys"] = band_rows.size_bytes()
    near = _empty(ray, _PAIR_SCHEMA)
    if band_rows.count():
        buckets = _group(band_rows, ["band", "key"], _bucket_pairs, _PAIR_SCHEMA)
        sigs = features.map_batches(_signature_rows, batch_format="pyarrow", batch_size=None)
        near = _pair_join(buckets, sigs, _keep_estimate, {"threshold": options.lsh_threshold}, bytes_moved,
                          "reuse signatures")
    near_refs = near.to_arrow_refs()
    # 3. components (one task over integer pairs)
    info_ref, comps_ref = _components.options(num_cpus=1, num_returns=2).remote(n, *near_refs)
    info = ray.get(info_ref)  # three counts
    lap("reuse: near-duplicate candidates")
    # 4. roots: the most source-like member of each component
    roots_ref = comps_ref
    if info["components"]:
        ranks = features.map_batches(_member_ranks, batch_format="pyarrow", batch_size=None,
                                     fn_kwargs={"comps": [comps_ref]})
        roots = _group(ranks, "comp", _root, _ROOT_SCHEMA).to_arrow_refs()
        roots_ref = _with_roots.options(num_cpus=1).remote(comps_ref, *roots)
    reps = n - info["members"] + info["components"]
    lap("reuse: roots")
    # 5. rewrite candidates among the representatives
    candidates = _rewrite_candidates(ray, features, roots_ref, reps, options, bytes_moved).materialize()
    bound = 4 * (info["members"] - info["components"]) + candidates.count()
    bytes_moved["reuse candidates"] = candidates.size_bytes()
    lap("reuse: rewrite candidates")
    if bound >= options.max_pairs:
        return None  # the cap could cut pairs, and which ones depends on the local order
    # 6. verification
    near_results: list[Any] = []
    if info["components"]:
        members = docs.map_batches(_member_docs, batch_format="pyarrow", batch_size=None,
                                   fn_kwargs={"comps": [roots_ref]}).materialize()
        bytes_moved["reuse components"] = members.size_bytes()
        near_results = _group(members, "comp", _verify_component, _RESULT_SCHEMA,
                              {"comps": [roots_ref], "options": options}).to_arrow_refs()
    lap("reuse: verify components")
    rewrite_results: list[Any] = []
    if candidates.count():
        rewrite_results = _pair_join(candidates, docs, _verify_pair, {"options": options}, bytes_moved,
                                     "reuse pair rows").to_arrow_refs()
    lap("reuse: verify pairs")
    return near_results, rewrite_results


def gather(
    near_tables: list[pa.Table], rewrite_tables: list[pa.Table]
) -> tuple[list[Reuse], dict[str, str | None]]:
    """The relations in ``detect_reuse``'s order (components by their smallest member, members in
    order; then rewrite candidates by pair) and the pair memo's entries for the rewrite pairs."""
    near: list[tuple[int, int, Reuse]] = []
    near_tables = [t for t in near_tables if t.num_rows]  # an empty block may carry no columns
    rewrite_tables = [t for t in rewrite_tables if t.num_rows]
    for t in near_tables:
        for i, j, payload in zip(t.column("i").to_pylist(), t.column("j").to_pylist(),
                                 t.column("payload").to_pylist(), strict=True):
            near.append((i, j, pickle.loads(payload)))
    rewrites: list[tuple[int, int, str, Reuse | None]] = []
    for t in rewrite_tables:
        for i, j, payload in zip(t.column("i").to_pylist(), t.column("j").to_pylist(),
                                 t.column("payload").to_pylist(), strict=True):
            pkey, relation = pickle.loads(payload)
            rewrites.append((i, j, pkey, relation))
    near.sort(key=lambda r: (r[0], r[1]))
    rewrites.sort(key=lambda r: (r[0], r[1]))
    found = [r for _, _, r in near] + [r for _, _, _, r in rewrites if r is not None]
    seen = {pkey: (None if r is None else detect.relation_key(r)) for _, _, pkey, r in rewrites}
    return found, seen


# ------------------------------------------------------------------------- per-article maps


_CACHE: dict[str, Any] = {}


def _shared(refs: list[Any]) -> Any:
    """A small object every task of a step reads (fetched once per worker process)."""
    import ray

    key = refs[0].hex()
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = ray.get(refs[0])
    return _CACHE[key]


def _doc_rows(table: pa.Table, options: ReuseOptions) -> list[tuple[int, detect.Doc, list[Any]]]:
    out = []
    for idx, payload in zip(table.column("idx").to_pylist(), table.column("payload").to_pylist(), strict=True):
        article, vectors = pickle.loads(payload)  # our own blocks, written by the global step of this run
        out.append((idx, detect.prepare_doc(article, options), vectors))
    return out


def _features(batch: pa.Table, options: ReuseOptions) -> pa.Table:
    rows = _doc_rows(batch, options)
    sigs = minhash.signatures([d.shingles for _, d, _ in rows], options.num_perm)
    bands, band_rows = minhash.optimal_bands(options.lsh_threshold, options.num_perm)
    keys, empty = minhash.band_keys(sigs, bands, band_rows)
    return pa.table({
        "idx": pa.array([r[0] for r in rows], pa.int64()),
        "published": pa.array([d.article.published for _, d, _ in rows], pa.string()),
        "rank": pa.array([pickle.dumps(detect.source_rank(d)) for _, d, _ in rows], pa.binary()),
        "sig": pa.array([s.tobytes() for s in sigs], pa.binary()),
        "keys": pa.array([[] if e else k.view(np.int64).tolist() for k, e in zip(keys, empty, strict=True)],
                         pa.list_(pa.int64())),
        "terms": pa.array([detect.content_terms(d.tokens) for _, d, _ in rows], pa.list_(pa.string())),
    })


def _band_rows(batch: pa.Table) -> pa.Table:
    band, key, idx = [], [], []
    for i, keys in zip(batch.column("idx").to_pylist(), batch.column("keys").to_pylist(), strict=True):
        for b, k in enumerate(keys):
            band.append(b)
            key.append(k)
            idx.append(i)
    return pa.table({"band": pa.array(band, pa.int64()), "key": pa.array(key, pa.int64()),
                     "idx": pa.array(idx, pa.int64())})


def _bucket_pairs(group: pa.Table) -> pa.Table:
    pairs = minhash.star_pairs(np.asarray(group.column("idx").to_numpy()))
    return pa.table({"i": pa.array(pairs[:, 0], pa.int64()), "j": pa.array(pairs[:, 1], pa.int64())})


def _signature_rows(batch: pa.Table) -> pa.Table:
    return pa.table({"idx": batch.column("idx"), "payload": batch.column("sig").cast(pa.large_binary())})


def _keep_estimate(i: int, j: int, a: bytes, b: bytes, threshold: float) -> bytes | None:
    ok = minhash.keep_estimate(np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32), threshold)
    return b"" if ok else None


# ------------------------------------------------------------------------- components and roots


def _components_impl(n: int, *tables: pa.Table) -> tuple[dict[str, int], dict[str, Any]]:
    """Union-find over the near-duplicate pairs (integers only), as ``detect_reuse`` runs it."""
    chunks = [np.stack([t.column("i").to_numpy(), t.column("j").to_numpy()], axis=1) for t in tables if t.num_rows]
    pairs = np.unique(np.concatenate(chunks), axis=0) if chunks else np.zeros((0, 2), dtype=np.int64)
    comps = minhash.components(n, pairs)
    comp_of = {k: c[0] for c in comps for k in c}
    comp_pairs: dict[int, list[tuple[int, int]]] = {}
    for i, j in pairs.tolist():
        comp_pairs.setdefault(comp_of[i], []).append((i, j))
    info = {"members": len(comp_of), "components": len(comps), "pairs": len(pairs)}
    return info, {"comp_of": comp_of, "members": {c[0]: c for c in comps}, "pairs": comp_pairs, "root": {}}


def _member_ranks(batch: pa.Table, comps: list[Any]) -> pa.Table:
    comp_of = _shared(comps)["comp_of"]
    rows = [(comp_of[i], i, r) for i, r in zip(batch.column("idx").to_pylist(), batch.column("rank").to_pylist(),
                                              strict=True) if i in comp_of]
    return pa.table({"comp": pa.array([r[0] for r in rows], pa.int64()), "idx": pa.array([r[1] for r in rows], pa.int64()),
                     "rank": pa.array([r[2] for r in rows], pa.binary())})


_ROOT_SCHEMA = pa.schema([("comp", pa.int64()), ("root", pa.int64())])


def _root(group: pa.Table) -> pa.Table:
    """The component's most source-like member (``min`` over members in order, as detect_reuse)."""
    members = sorted(zip(group.column("idx").to_pylist(), group.column("rank").to_pylist(), strict=True))
    root = min(members, key=lambda m: pickle.loads(m[1]))[0]
    return pa.table({"comp": pa.array([group.column("comp")[0].as_py()], pa.int64()), "root": pa.array([root], pa.int64())})


def _with_roots_impl(comps: dict[str, Any], *tables: pa.Table) -> dict[str, Any]:
    root = {c: r for t in tables if t.num_rows
            for c, r in zip(t.column("comp").to_pylist(), t.column("root").to_pylist(), strict=True)}
    return {**comps, "root": root}


# ------------------------------------------------------------------------- rewrite candidates


def _rewrite_candidates(
    ray: Any, features: Any, comps_ref: Any, reps: int, options: ReuseOptions, bytes_moved: Bytes
) -> Any:
    """``detect.rare_term_pairs`` over the representatives, as shuffles (see the module doc)."""
    kwargs = {"comps": [comps_ref]}
    if reps < 2:
        return _empty(ray, _PAIR_SCHEMA)
    if reps <= detect.SMALL_CORPUS:
        # a small corpus: every pair within the window (at most 1,770), in one group
        times = features.map_batches(_rep_times, batch_format="pyarrow", batch_size=None, fn_kwargs=kwargs)
        return _group(times, "one", _all_pairs, _PAIR_SCHEMA, {"days": options.window_days})
    parts = _SETTINGS["partitions"]
    terms = features.map_batches(_term_rows, batch_format="pyarrow", batch_size=None,
                                 fn_kwargs={**kwargs, "parts": parts}).materialize()
    bytes_moved["reuse terms"] = terms.size_bytes()
    # per term: document frequency, weight; each article's weight rows and each pair's shares
    shares = _shuffle(terms, _postings, {"n": reps, "options": options, "parts": parts}).materialize()
    bytes_moved["reuse shares"] = shares.size_bytes()
    # per first article: its total weight, and each pair's summed share with it
    sums = _shuffle(shares, _sum_shares, {"parts": parts}).materialize()
    bytes_moved["reuse pair sums"] = sums.size_bytes()
    # per second article: its total meets the pair; the score, both ways
    scored = _shuffle(sums, _score_pairs, {"days": options.window_days, "parts": parts}).materialize()
    bytes_moved["reuse scores"] = scored.size_bytes()
    # per article: its best partners; then one row per pair
    chosen = _shuffle(scored, _choose, {"options": options, "parts": parts})
    return _shuffle(chosen, _unique_pairs).map_batches(_pairs_only, batch_format="pyarrow", batch_size=None)


def _is_rep(i: int, comps: dict[str, Any]) -> bool:
    c = comps["comp_of"].get(i)
    return c is None or comps["root"].get(c) == i


def _rep_times(batch: pa.Table, comps: list[Any]) -> pa.Table:
    info = _shared(comps)
    keep = [(i, p) for i, p in zip(batch.column("idx").to_pylist(), batch.column("published").to_pylist(), strict=True)
            if _is_rep(i, info)]
    return pa.table({"one": pa.array([0] * len(keep), pa.int64()), "idx": pa.array([k[0] for k in keep], pa.int64()),
                     "published": pa.array([k[1] for k in keep], pa.string())})


def _dated(published: str | None) -> Article:
    return Article(id="", ref="", title="", text="", published=published)


def _all_pairs(group: pa.Table, days: int) -> pa.Table:
    rows = sorted(zip(group.column("idx").to_pylist(), group.column("published").to_pylist(), strict=True))
    arts = [(i, _dated(p)) for i, p in rows]
    pairs = [(i, j) for x, (i, a) in enumerate(arts) for j, b in arts[x + 1 :] if detect.within_window(a, b, days)]
    return pa.table({"i": pa.array([p[0] for p in pairs], pa.int64()), "j": pa.array([p[1] for p in pairs], pa.int64())})


# Rows of the rewrite-candidate shuffles: ``part`` says which partition a row goes to (a hash of
# the key the next step groups by), ``i``/``j`` articles (``j`` = -1: a row about ``i`` alone),
# ``val`` a weight, share or score, ``mass`` a total weight, ``t``/``u`` the two articles' dates
# (``detect.window_time``; _NO_TIME: none).
_ROW_SCHEMA = pa.schema([("part", pa.int64()), ("i", pa.int64()), ("j", pa.int64()), ("val", pa.float64()),
                         ("mass", pa.float64()), ("t", pa.int64()), ("u", pa.int64())])
_NO_TIME = -(2**63)


def _rows(part: np.ndarray, i: np.ndarray, j: np.ndarray, val: np.ndarray, mass: np.ndarray, t: np.ndarray,
          u: np.ndarray) -> pa.Table:
    return pa.table({"part": part, "i": i, "j": j, "val": val, "mass": mass, "t": t, "u": u}, schema=_ROW_SCHEMA)


def _part(parts: int, *keys: np.ndarray) -> np.ndarray:
    """The partition of integer keys (the same on every worker: no per-process hash seed)."""
    h = np.zeros(len(keys[0]), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in keys:
            h = (h ^ np.asarray(k).astype(np.uint64)) * np.uint64(0x9E3779B97F4A7C15)
    return ((h >> np.uint64(33)) % np.uint64(parts)).astype(np.int64)


def _term_rows(batch: pa.Table, comps: list[Any], parts: int) -> pa.Table:
    info = _shared(comps)
    term, idx, when = [], [], []
    for i, p, ts in zip(batch.column("idx").to_pylist(), batch.column("published").to_pylist(),
                        batch.column("terms").to_pylist(), strict=True):
        if _is_rep(i, info):
            t = detect.window_time(p)
            for w in ts:
                term.append(w)
                idx.append(i)
                when.append(_NO_TIME if t is None else t)
    part = np.array([zlib.crc32(w.encode("utf-8")) % parts for w in term], dtype=np.int64)
    return pa.table({"part": part, "term": pa.array(term, pa.string()), "idx": pa.array(idx, pa.int64()),
                     "t": pa.array(when, pa.int64())})


def _postings(table: pa.Table, n: int, options: ReuseOptions, parts: int) -> pa.Table:
    """The terms of one partition: document frequency among the representatives; for a rare term
    (``detect.rare_limit``), a weight row per article holding it and a share row per pair of them
    (at most ``rare_limit`` articles, so at most limit² / 2 pairs a term)."""
    limit = detect.rare_limit(n, options)
    terms = table.column("term").to_pylist()
    idx = table.column("idx").to_numpy()
    when = table.column("t").to_numpy()
    by_term: dict[str, list[int]] = {}
    for k, w in enumerate(terms):
        by_term.setdefault(w, []).append(k)
    out = []
    for rows in by_term.values():
        df = len(rows)
        if not 2 <= df <= limit:
            continue
        weight = detect.term_weight(n, df)
        if not weight:
            continue
        order = np.array(rows)[np.argsort(idx[rows], kind="stable")]
        members, times = idx[order], when[order]
        a, b = np.triu_indices(df, k=1)
        none = np.full(df, -1, dtype=np.int64)
        out.append(_rows(_part(parts, members), members, none, np.full(df, weight), np.zeros(df), times, times))
        out.append(_rows(_part(parts, members[a]), members[a], members[b], np.full(len(a), detect.pair_share(weight)),
                         np.zeros(len(a)), times[a], times[b]))
    return pa.concat_tables(out) if out else _ROW_SCHEMA.empty_table()


def _sum_shares(table: pa.Table, parts: int) -> pa.Table:
    """Articles of one partition: each one's total weight (a ``j`` = -1 row, sent on to every
    partition its partners are in) and its summed share with each later partner (float64 sums of
    float32 terms: exact, so the order rows arrive in does not matter)."""
    i, j = table.column("i").to_numpy(), table.column("j").to_numpy()
    val, t, u = table.column("val").to_numpy(), table.column("t").to_numpy(), table.column("u").to_numpy()
    own = j < 0
    ids, inv = np.unique(i[own], return_inverse=True)
    mass = np.zeros(len(ids))
    np.add.at(mass, inv, val[own])
    when = np.full(len(ids), _NO_TIME, dtype=np.int64)
    when[inv] = t[own]
    pi, pj, pv, pt, pu = i[~own], j[~own], val[~own], t[~own], u[~own]
    keys, first, inv2 = np.unique(np.stack([pi, pj], axis=1), axis=0, return_index=True, return_inverse=True)
    sums = np.zeros(len(keys))
    np.add.at(sums, inv2.ravel(), pv)
    mass_i = mass[np.searchsorted(ids, keys[:, 0])] if len(keys) else np.zeros(0)
    pairs = _rows(_part(parts, keys[:, 1]), keys[:, 0], keys[:, 1], sums, mass_i, pt[first], pu[first])
    # each total goes to its article's own partition, where the pairs it is second in arrive
    totals = _rows(_part(parts, ids), ids, np.full(len(ids), -1, dtype=np.int64), mass, mass, when, when)
    return pa.concat_tables([pairs, totals])


def _score_pairs(table: pa.Table, days: int, parts: int) -> pa.Table:
    """Pairs grouped by their second article, with that article's total: the score
    (``detect.candidate_scores``) and the window, as a row for each side's choice of partners."""
    i, j = table.column("i").to_numpy(), table.column("j").to_numpy()
    val, mass = table.column("val").to_numpy(), table.column("mass").to_numpy()
    t, u = table.column("t").to_numpy(), table.column("u").to_numpy()
    own = j < 0
    ids = i[own]
    order = np.argsort(ids)
    ids, totals = ids[order], mass[own][order]
    pi, pj, pv, mi = i[~own], j[~own], val[~own], mass[~own]
    mj = totals[np.searchsorted(ids, pj)] if len(pj) else np.zeros(0)
    scores = detect.candidate_scores(pv, mi, mj)
    dated = (t[~own] != _NO_TIME) & (u[~own] != _NO_TIME)
    gap = np.abs(np.where(dated, t[~own], 0) - np.where(dated, u[~own], 0))
    near = ~dated | (days <= 0) | (gap <= days * 86_400 * 1_000_000)
    flag = near.astype(np.float64)
    both_i, both_j = np.concatenate([pi, pj]), np.concatenate([pj, pi])
    return _rows(_part(parts, both_i), both_i, both_j, np.concatenate([scores, scores]), np.concatenate([flag, flag]),
                 np.zeros(2 * len(pi), dtype=np.int64), np.zeros(2 * len(pi), dtype=np.int64))


def _choose(table: pa.Table, options: ReuseOptions, parts: int) -> pa.Table:
    """Articles of one partition: each one's best partners (``detect.top_candidates``: by score
    first, then kept when within the window, as ``rare_term_pairs`` does), as ordered pairs."""
    i, j = table.column("i").to_numpy(), table.column("j").to_numpy()
    scores, near = table.column("val").to_numpy(), table.column("mass").to_numpy() > 0
    order = np.argsort(i, kind="stable")
    i, j, scores, near = i[order], j[order], scores[order], near[order]
    starts = np.flatnonzero(np.r_[True, i[1:] != i[:-1]]) if len(i) else np.zeros(0, dtype=np.int64)
    ends = np.r_[starts[1:], len(i)]
    lo, hi = [], []
    for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
        ok = dict(zip(j[s:e].tolist(), near[s:e].tolist(), strict=True))
        for other in detect.top_candidates(j[s:e], scores[s:e], options):
            if ok[other]:
                lo.append(min(int(i[s]), other))
                hi.append(max(int(i[s]), other))
    a, b = np.array(lo, dtype=np.int64), np.array(hi, dtype=np.int64)
    zero = np.zeros(len(a))
    return _rows(_part(parts, a, b), a, b, zero, zero, np.zeros(len(a), dtype=np.int64), np.zeros(len(a), dtype=np.int64))


def _unique_pairs(table: pa.Table) -> pa.Table:
    pairs = np.stack([table.column("i").to_numpy(), table.column("j").to_numpy()], axis=1)
    pairs = np.unique(pairs, axis=0) if len(pairs) else pairs
    zero = np.zeros(len(pairs))
    return _rows(np.zeros(len(pairs), dtype=np.int64), pairs[:, 0], pairs[:, 1], zero, zero,
                 np.zeros(len(pairs), dtype=np.int64), np.zeros(len(pairs), dtype=np.int64))


def _pairs_only(batch: pa.Table) -> pa.Table:
    return pa.table({"i": batch.column("i"), "j": batch.column("j")}, schema=_PAIR_SCHEMA)


# ------------------------------------------------------------------------- verification


class _Vectors:
    """The two articles' stored vectors, as the embedding store's backend (the global step's
    in-memory store plays this part when reuse runs there)."""

    def __init__(self, rows: list[tuple[bytes, float, bytes]]) -> None:
        self.rows = {k: (s, c) for k, s, c in rows}

    def get_embeddings(self, keys: Any) -> dict[bytes, tuple[float, bytes]]:
        return {k: self.rows[k] for k in keys if k in self.rows}

    def put_embeddings(self, rows: Any) -> None:
        for k, s, c in rows:
            self.rows[k] = (s, c)


def _with_vectors(vectors: list[tuple[bytes, float, bytes]], fn: Callable[[], Any]) -> Any:
    from storyprism.models import embedding_store

    store = embedding_store()
    store.attach(_Vectors(vectors))
    try:
        return fn()
    finally:
        store.attach(None)


def _member_docs(batch: pa.Table, comps: list[Any]) -> pa.Table:
    comp_of = _shared(comps)["comp_of"]
    keep = [(comp_of[i], i, p) for i, p in zip(batch.column("idx").to_pylist(), batch.column("payload").to_pylist(),
                                               strict=True) if i in comp_of]
    return pa.table({"comp": pa.array([k[0] for k in keep], pa.int64()), "idx": pa.array([k[1] for k in keep], pa.int64()),
                     "payload": pa.array([k[2] for k in keep], pa.large_binary())})


def _verify_component(group: pa.Table, comps: list[Any], options: ReuseOptions) -> pa.Table:
    """``detect.verify_component`` on one component, its members' rows at hand."""
    info = _shared(comps)
    comp = group.column("comp")[0].as_py()
    rows = _doc_rows(group, options)
    docs = {i: d for i, d, _ in rows}
    vectors = [v for _, _, vs in rows for v in vs]
    members = info["members"][comp]
    neighbours = detect.neighbour_lists(info["pairs"].get(comp, []))
    found = _with_vectors(vectors, lambda: detect.verify_component(
        docs, members, info["root"][comp], neighbours, options, set()
    ))
    return pa.table({"i": pa.array([comp] * len(found), pa.int64()), "j": pa.array([k for k, _ in found], pa.int64()),
                     "payload": pa.array([pickle.dumps(r) for _, r in found], pa.large_binary())},
                    schema=_RESULT_SCHEMA)


def _verify_pair(i: int, j: int, a: bytes, b: bytes, options: ReuseOptions) -> bytes:
    (art_a, vec_a), (art_b, vec_b) = pickle.loads(a), pickle.loads(b)
    first, second = detect.source_first(detect.prepare_doc(art_a, options), detect.prepare_doc(art_b, options))
    relation = _with_vectors(vec_a + vec_b, lambda: detect.verify_rewrite(first, second, options))
    return pickle.dumps((detect.pair_key(first, second), relation))


# ------------------------------------------------------------------------- the pair join


def _pair_join(
    pairs: Any, rows: Any, fn: Callable[..., bytes | None], kwargs: dict[str, Any], bytes_moved: Bytes, label: str
) -> Any:
    """``fn(i, j, row_i, row_j, **kwargs)`` for every distinct pair of ``pairs`` (columns i, j),
    with the payloads of ``rows`` (columns idx, payload); results as (i, j, payload) rows, a pair
    whose ``fn`` returns None left out."""
    asks = pairs.map_batches(_asks, batch_format="pyarrow", batch_size=None)
    answers = rows.map_batches(_answers, batch_format="pyarrow", batch_size=None)
    routed = _group(asks.union(answers), "idx", _route, _MET_SCHEMA).materialize()
    bytes_moved[label] = routed.size_bytes()
    return _group(routed, ["i", "j"], _meet, _RESULT_SCHEMA, {"fn": fn, "kwargs": kwargs})


def _asks(batch: pa.Table) -> pa.Table:
    i, j = batch.column("i").to_numpy(), batch.column("j").to_numpy()
    return pa.table({"idx": np.concatenate([i, j]), "i": np.concatenate([i, i]), "j": np.concatenate([j, j]),
                     "payload": pa.nulls(2 * batch.num_rows, pa.large_binary())}, schema=_JOIN_SCHEMA)


def _answers(batch: pa.Table) -> pa.Table:
    none = pa.array([-1] * batch.num_rows, pa.int64())
    return pa.table({"idx": batch.column("idx"), "i": none, "j": none,
                     "payload": batch.column("payload").cast(pa.large_binary())}, schema=_JOIN_SCHEMA)


def _route(group: pa.Table) -> pa.Table:
    """One article: its row, sent to every distinct pair that asked for it."""
    idx = group.column("idx")[0].as_py()
    payload = None
    asks = set()
    for i, j, p in zip(group.column("i").to_pylist(), group.column("j").to_pylist(),
                       group.column("payload").to_pylist(), strict=True):
        if i < 0:
            payload = p
        else:
            asks.add((i, j))
    if payload is None:
        raise RuntimeError(f"article {idx} was asked for but has no row: the pair lists and the articles disagree")
    ordered = sorted(asks)
    return pa.table({"i": pa.array([a[0] for a in ordered], pa.int64()), "j": pa.array([a[1] for a in ordered], pa.int64()),
                     "side": pa.array([0 if a[0] == idx else 1 for a in ordered], pa.int8()),
                     "payload": pa.array([payload] * len(ordered), pa.large_binary())}, schema=_MET_SCHEMA)


def _meet(group: pa.Table, fn: Callable[..., bytes | None], kwargs: dict[str, Any]) -> pa.Table:
    i, j = group.column("i")[0].as_py(), group.column("j")[0].as_py()
    sides = dict(zip(group.column("side").to_pylist(), group.column("payload").to_pylist(), strict=True))
    out = fn(i, j, sides[0], sides[1], **kwargs)
    if out is None:
        return _RESULT_SCHEMA.empty_table()
    return pa.table({"i": pa.array([i], pa.int64()), "j": pa.array([j], pa.int64()),
                     "payload": pa.array([out], pa.large_binary())}, schema=_RESULT_SCHEMA)


# ------------------------------------------------------------------------- Ray plumbing


_SETTINGS = {"partitions": 4}  # shuffle partitions per grouping (set by ``run`` from the CPUs)


def _empty(ray: Any, schema: pa.Schema) -> Any:
    return ray.data.from_arrow(schema.empty_table())


def _shuffle(ds: Any, fn: Callable[..., pa.Table], kwargs: dict[str, Any] | None = None) -> Any:
    """``fn`` over the partitions of ``ds`` by its ``part`` column: a hash shuffle into a fixed
    number of partitions, each grouped inside ``fn`` with numpy (one Ray group per partition, not
    per key: per-key groups cost Ray far more than the work in them)."""
    ds = _compact(ds)
    if ds is None:
        return _empty_like(_ROW_SCHEMA)
    return ds.groupby("part", num_partitions=_SETTINGS["partitions"]).map_groups(
        fn, batch_format="pyarrow", fn_kwargs=kwargs or {}
    )


def _compact(ds: Any) -> Any:
    """``ds`` without its empty blocks (None when nothing is left). Seen in the engine: an empty
    block reached a hash shuffle with another schema (its producer's, apparently: a map seems to pass
    an empty block on without calling its function) and broke the merge of partitions with
    ``ArrowInvalid: Schema ... was different``; every grouping here starts from non-empty blocks."""
    import ray
    import ray.data

    refs = ds.to_arrow_refs()
    sizes = ray.get([_num_rows.options(num_cpus=0).remote(r) for r in refs])
    keep = [r for r, k in zip(refs, sizes, strict=True) if k]
    return ray.data.from_arrow_refs(keep) if keep else None


def _num_rows_impl(table: pa.Table) -> int:
    return int(table.num_rows)


def _empty_like(schema: pa.Schema) -> Any:
    import ray

    return _empty(ray, schema)


def _group(ds: Any, key: str | list[str], fn: Callable[..., pa.Table], schema: pa.Schema,
           kwargs: dict[str, Any] | None = None) -> Any:
    """``fn`` over the groups of ``ds`` by the integer columns ``key``: rows are hashed to a fixed
    number of partitions (one Ray group each: a Ray group per key would cost far more than the
    work in it), and each partition is cut into its key groups here."""
    keys = [key] if isinstance(key, str) else list(key)
    parts = _SETTINGS["partitions"]
    ds = _compact(ds)
    if ds is None:
        return _empty_like(schema)
    tagged = ds.map_batches(_tag, batch_format="pyarrow", batch_size=None, fn_kwargs={"keys": keys, "parts": parts})
    return tagged.groupby("part", num_partitions=parts).map_groups(
        _each_key, batch_format="pyarrow",
        fn_kwargs={"by": keys, "fn": fn, "schema": schema, "kwargs": kwargs or {}},
    )


def _tag(batch: pa.Table, keys: list[str], parts: int) -> pa.Table:
    part = _part(parts, *[batch.column(k).to_numpy() for k in keys]) if batch.num_rows else np.zeros(0, np.int64)
    return batch.append_column("part", pa.array(part, pa.int64()))


def _each_key(table: pa.Table, by: list[str], fn: Callable[..., pa.Table], schema: pa.Schema,
              kwargs: dict[str, Any]) -> pa.Table:
    table = table.drop_columns(["part"]).sort_by([(k, "ascending") for k in by])
    if not table.num_rows:
        return schema.empty_table()
    changed = np.zeros(table.num_rows, dtype=bool)
    changed[0] = True
    for k in by:
        col = table.column(k).to_numpy()
        changed[1:] |= col[1:] != col[:-1]
    starts = np.flatnonzero(changed).tolist()
    ends = [*starts[1:], table.num_rows]
    out = [fn(table.slice(a, b - a), **kwargs) for a, b in zip(starts, ends, strict=True)]
    out = [t for t in out if t.num_rows]
    return pa.concat_tables(out) if out else schema.empty_table()


_components = LazyRemote(_components_impl)
_num_rows = LazyRemote(_num_rows_impl)
_with_roots = LazyRemote(_with_roots_impl)
