"""Finding the names a data file lists in running text: one compiled alternation, longest
name first, whole words only, case as written."""

import json
import re
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Generic, TypeVar

Entry = TypeVar("Entry")


def load_data(filename: str) -> dict:
    """A JSON file of extract/data/."""
    return json.loads((resources.files("extract") / "data" / filename).read_text("utf-8"))


class Gazetteer(Generic[Entry]):
    """Surface forms mapped to entries, matched case-sensitively as whole words."""

    def __init__(self, by_surface: Mapping[str, Entry], *, hyphen_is_boundary: bool) -> None:
        self.by_surface = dict(by_surface)
        surfaces = sorted(self.by_surface, key=len, reverse=True)
        edge = r"\w" if hyphen_is_boundary else r"\w-"
        self._pattern = re.compile(
            rf"(?<![{edge}])(?:" + "|".join(re.escape(s) for s in surfaces) + rf")(?![{edge}])"
        )

    def matches(self, text: str) -> Iterator[re.Match]:
        return self._pattern.finditer(text)

    def lookup(self, surface: str) -> Entry | None:
        return self.by_surface.get(surface.strip())
