"""Connected components of conflicting items: the detectors join every pair of mentions that
disagree, and one disagreement is one component (a copy of either side is joined through it)."""

from __future__ import annotations

from collections.abc import Iterable


def components(edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The items the ``edges`` join, grouped into connected components: each component's items
    sorted, the components ordered by their smallest item (so the output does not depend on the
    order the pairs were found in)."""
    parent: dict[int, int] = {}

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]  # path halving keeps the chains short
            k = parent[k]
        return k

    for x, y in edges:
        parent.setdefault(x, x)
        parent.setdefault(y, y)
        parent[find(x)] = find(y)
    groups: dict[int, list[int]] = {}
    for k in sorted(parent):
        groups.setdefault(find(k), []).append(k)
    return list(groups.values())
