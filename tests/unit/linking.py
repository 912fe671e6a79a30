"""For resolution tests: the records a `linked` predicate joins by chains."""

from collections.abc import Callable
from typing import Any


def linked_components(records: list[Any], linked: Callable[[Any, Any], bool]) -> list[set[str]]:
    """Each group of record keys joined by chains of links (all pairs compared)."""
    groups: dict[str, set[str]] = {r.key: {r.key} for r in records}
    for a in records:
        for b in records:
            if linked(a, b) and groups[a.key] is not groups[b.key]:
                merged = groups[a.key] | groups[b.key]
                for key in merged:
                    groups[key] = merged
    return list({id(g): g for g in groups.values()}.values())
