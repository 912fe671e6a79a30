"""Constrained clustering shared by every kind of resolution.

Candidate pairs are taken best first; two groups join only when every pair across them is
compatible (cannot-link constraints hold at group level), so a chain of weak links cannot
glue distinct things together. Pairs are sorted by score and then by key, so the partition
depends on the set of records, never on the order they arrived in.
"""

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

Record = TypeVar("Record")


def constrained_clusters(
    records: list[Record],
    pairs: Iterable[tuple[tuple[float, ...], Record, Record]],
    *,
    key: Callable[[Record], Hashable],
    compatible: Callable[[Record, Record], bool],
    must_link: Callable[[Record, Record], bool] = lambda a, b: False,
) -> dict[Hashable, list[Record]]:
    """Each record's key mapped to the members of its group."""
    groups: dict[Hashable, list[Record]] = {key(r): [r] for r in records}
    ordered = sorted(pairs, key=lambda p: (tuple(-s for s in p[0]), str(key(p[1])),
                                           str(key(p[2]))))
    for _score, a, b in ordered:
        group_a, group_b = groups[key(a)], groups[key(b)]
        if group_a is group_b:
            continue
        if must_link(a, b) or all(compatible(x, y) for x in group_a for y in group_b):
            group_a.extend(group_b)
            for member in group_b:
                groups[key(member)] = group_a
    return groups
