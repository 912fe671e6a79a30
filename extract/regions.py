"""Geopolitical regions ("Central Asia", "Western Balkans", "Lancang-Mekong") in text, with
their member countries where membership is well defined (extract/data/regions.json)."""

import re
from dataclasses import dataclass
from functools import cache

from extract.gazetteer import Gazetteer, load_data


@dataclass(frozen=True)
class Region:
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]


@dataclass(frozen=True)
class RegionHit:
    region: Region
    start: int
    end: int


class RegionIndex:
    """Finds region names, aliases and adjectives in running text, longest first."""

    def __init__(self, data: dict) -> None:
        by_surface: dict[str, Region] = {}
        self._adjectives: set[str] = set()
        for name, entry in data["regions"].items():
            region = Region(name=name, aliases=tuple(entry.get("aliases", [])),
                            members=tuple(entry.get("members", [])))
            for surface in (name, *region.aliases, *entry.get("adjectives", [])):
                by_surface[surface] = region
            self._adjectives.update(entry.get("adjectives", []))
        # "China-Central Asia": a region may follow a hyphen.
        self._gazetteer = Gazetteer(by_surface, hyphen_is_boundary=True)

    @classmethod
    @cache
    def default(cls) -> "RegionIndex":
        return cls(load_data("regions.json"))

    def find_all(self, text: str) -> list[RegionHit]:
        """Every region named in the text. An adjective that opens a proper name ("Asian
        Development Bank", "European Union") names that body, not the region."""
        hits = []
        for match in self._gazetteer.matches(text):
            if match.group(0) in self._adjectives and re.match(r"\s+[A-Z]", text[match.end():]):
                continue
            hits.append(RegionHit(self._gazetteer.by_surface[match.group(0)], match.start(),
                                  match.end()))
        return hits

    def lookup(self, surface: str) -> Region | None:
        return self._gazetteer.lookup(surface)
