"""Vectorised MinHash signatures and LSH banding: near-duplicate candidates in linear time.

Instead of datasketch's per-shingle ``MinHash.update`` (a SHA-1 and a 128-wide numpy op per
shingle), shingles are hashed once to 64 bits (``text.shingle_hashes``) and every permutation is
a multiply-add in uint64 arithmetic applied to a whole batch of articles at once; per-article
minima come from ``np.minimum.reduceat``. Banding sorts band keys instead of filling Python dict
buckets, and every bucket is linked as a star (each member to the bucket's first member), so a
bucket of a wire story republished 500 times costs 499 checks, not 124,750.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

_MASK32 = np.uint64(0xFFFFFFFF)
_MAX = np.uint32(0xFFFFFFFF)


def permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def signatures(
    shingle_sets: Sequence[np.ndarray], num_perm: int = 128, seed: int = 1, chunk: int = 1 << 16
) -> np.ndarray:
    """MinHash signatures (uint32, shape ``(len(shingle_sets), num_perm)``); empty sets get all-max."""
    n = len(shingle_sets)
    out = np.full((n, num_perm), _MAX, dtype=np.uint32)
    a, b = permutations(num_perm, seed)
    a = a[:, None]
    b = b[:, None]
    i = 0
    while i < n:
        # gather a batch of articles holding about ``chunk`` shingles in total
        j, total = i, 0
        while j < n and (total == 0 or total + len(shingle_sets[j]) <= chunk):
            total += len(shingle_sets[j])
            j += 1
        idx = [k for k in range(i, j) if len(shingle_sets[k])]
        if idx:
            flat = np.concatenate([shingle_sets[k] for k in idx])
            offsets = np.cumsum([0] + [len(shingle_sets[k]) for k in idx[:-1]])
            with np.errstate(over="ignore"):
                hv = a * flat[None, :]
                hv += b
            # the minimum of the 64-bit values carries the minimum of their high 32 bits, so
            # reduce first and shift only the small result
            mins = np.minimum.reduceat(hv, offsets, axis=1)  # (num_perm, len(idx))
            out[idx] = (mins >> np.uint64(32)).astype(np.uint32).T
        i = j
    return out


def optimal_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising false positives + false negatives around ``threshold``."""
    from datasketch.lsh import _optimal_param

    b, r = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(b), int(r)


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's LSH band keys (shape ``(n, bands)``, uint64; two rows share a band when the keys
    at that band are equal) and which rows are empty (all-max signatures, never a candidate).
    A row's keys depend on its own signature only, so they can be computed article by article."""
    empty = np.all(sigs == _MAX, axis=1)
    keys = np.zeros((sigs.shape[0], bands), dtype=np.uint64)
    weights = (np.arange(1, rows + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)) | np.uint64(1)
    for band in range(bands):
        block = sigs[:, band * rows : (band + 1) * rows].astype(np.uint64)
        with np.errstate(over="ignore"):
            keys[:, band] = (block * weights[None, :]).sum(axis=1, dtype=np.uint64) ^ np.uint64(band)
    return keys, empty


def star_pairs(members: np.ndarray) -> np.ndarray:
    """The pairs of one bucket (rows sharing a band key), linked as a star from its smallest row."""
    if len(members) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    m = np.sort(np.asarray(members, dtype=np.int64))
    return np.stack([np.full(len(m) - 1, m[0]), m[1:]], axis=1)


def band_pairs(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Candidate pairs (shape ``(k, 2)``, i < j) of rows sharing at least one band, star-linked."""
    n = sigs.shape[0]
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    all_keys, empty = band_keys(sigs, bands, rows)
    chunks = []
    ids = np.arange(n, dtype=np.int64)
    for band in range(bands):
        keys = all_keys[~empty, band]
        members = ids[~empty]
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        sm = members[order]
        if len(sk) < 2:
            continue
        starts = np.r_[True, sk[1:] != sk[:-1]]
        run_id = np.cumsum(starts) - 1
        head = sm[np.flatnonzero(starts)][run_id]
        linked = head != sm
        if linked.any():
            chunks.append(np.stack([head[linked], sm[linked]], axis=1))
    if not chunks:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(chunks)
    pairs.sort(axis=1)
    return np.unique(pairs, axis=0)


def keep_estimate(sig_a: np.ndarray, sig_b: np.ndarray, threshold: float) -> bool:
    """``near_duplicate_pairs``' filter for one pair: estimated Jaccard >= 0.8 * threshold."""
    return bool((sig_a == sig_b).mean() >= 0.8 * threshold)


def estimated_jaccard(sigs: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    if len(pairs) == 0:
        return np.zeros(0, dtype=np.float64)
    out = np.empty(len(pairs), dtype=np.float64)
    step = 1 << 15
    for s in range(0, len(pairs), step):
        p = pairs[s : s + step]
        out[s : s + step] = (sigs[p[:, 0]] == sigs[p[:, 1]]).mean(axis=1)
    return out


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def near_duplicate_pairs(
    shingle_sets: Sequence[np.ndarray], threshold: float, num_perm: int = 128
) -> tuple[np.ndarray, np.ndarray]:
    """Verified near-duplicate pairs (estimated Jaccard >= 0.8 * threshold) and their estimates.

    The 0.8 slack keeps pairs the estimator's noise would push just under the threshold; the
    caller re-checks every pair exactly anyway."""
    return pairs_from_signatures(signatures(shingle_sets, num_perm), threshold, num_perm)


def pairs_from_signatures(
    sigs: np.ndarray, threshold: float, num_perm: int = 128, banding: tuple[int, int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``near_duplicate_pairs`` from the articles' signatures (``signatures``, ``SignatureCache``);
    ``banding``: ``optimal_bands(threshold, num_perm)`` when the caller kept it (``SignatureCache.banding``)."""
    bands, rows = banding or optimal_bands(threshold, num_perm)
    pairs = band_pairs(sigs, bands, rows)
    est = estimated_jaccard(sigs, pairs)
    keep = est >= 0.8 * threshold
    return pairs[keep], est[keep]


def components(n: int, pairs: np.ndarray) -> list[list[int]]:
    """Groups (size >= 2) of rows joined by pairs, each sorted."""
    uf = UnionFind(n)
    for i, j in pairs.tolist():
        uf.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


@dataclass(slots=True)
class SignatureCache:
    """MinHash signatures kept between runs, by a digest of the article's tokens (which alone decide
    its shingles, hence its signature): a re-run hashes the shingles of new or changed articles only,
    instead of every article's on every run. ``known`` holds the last run's (digest -> base64 of the
    little-endian uint32 signature); ``kept`` collects this run's, to be stored for the next, so the
    signatures of removed articles drop out."""

    known: dict[str, str] = field(default_factory=dict)
    kept: dict[str, str] = field(default_factory=dict)
    # "threshold:num_perm" -> [bands, rows]: ``optimal_bands`` integrates numerically over every
    # banding (and importing datasketch for it takes a second), for an answer that never changes
    bands: dict[str, list[int]] = field(default_factory=dict)
    bands_fresh: bool = False  # a banding computed on this run (to be stored)

    def banding(self, threshold: float, num_perm: int) -> tuple[int, int]:
        """``optimal_bands(threshold, num_perm)``, computed once and kept with the signatures."""
        key = f"{threshold!r}:{num_perm}"
        got = self.bands.get(key)
        if not (isinstance(got, list) and len(got) == 2):
            got = self.bands[key] = list(optimal_bands(threshold, num_perm))
            self.bands_fresh = True
        return int(got[0]), int(got[1])

    def signatures(self, digests: Sequence[str], shingles: Callable[[int], np.ndarray], num_perm: int) -> np.ndarray:
        """``signatures`` of the articles with these token digests (``shingles(k)``: the shingles of the
        k-th, read only for an article whose signature is not known): the same array, row for row (a
        row depends on its own article only)."""
        out = np.empty((len(digests), num_perm), dtype=np.uint32)
        todo: list[int] = []
        for k, digest in enumerate(digests):
            code = self.known.get(digest)
            if code is not None:
                row = np.frombuffer(base64.b64decode(code), dtype="<u4")
                if row.size == num_perm:  # (another num_perm: computed again)
                    out[k] = row
                    self.kept[digest] = code
                    continue
            todo.append(k)
        if todo:
            fresh = signatures([shingles(k) for k in todo], num_perm)
            for k, row in zip(todo, fresh, strict=True):
                out[k] = row
                self.kept[digests[k]] = base64.b64encode(row.astype("<u4").tobytes()).decode("ascii")
        return out

    @property
    def changed(self) -> bool:
        return self.bands_fresh or self.kept != self.known
