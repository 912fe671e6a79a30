"""Finding the names a data file lists in a plain string: one compiled alternation, longest
name first, whole words only, case as written. (Articles are scanned by pipeline components
instead: extract/known_organizations.py, extract/place_spans.py.)"""

import json
import re
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Generic, TypeVar

Entry = TypeVar("Entry")

# How much text after a hit the rules about the next word read ("Jordan Bardella", "Asian
# Development Bank"): enough for the spaces and the word.
_FOLLOWING_CHARS = 40


def load_data(filename: str) -> dict:
    """A JSON file of extract/data/."""
    return json.loads((resources.files("extract") / "data" / filename).read_text("utf-8"))


def following_text(text: str, end: int) -> str:
    """The text after a hit that ends at `end`, as far as a rule about the next word reads."""
    return text[end:end + _FOLLOWING_CHARS]


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
