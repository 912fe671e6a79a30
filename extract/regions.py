"""Geopolitical regions ("Central Asia", "Western Balkans", "Lancang-Mekong") in text, with
their member countries where membership is well defined (extract/data/regions.json).

Articles are scanned once, in the spaCy pipeline: the `dkg_regions` component
(extract/place_spans.py) matches `surfaces` as token phrases and asks `match_surface` what
each hit names. `find_all` applies the same rules to a plain string."""

import re
from dataclasses import dataclass
from functools import cache

from extract.gazetteer import Gazetteer, following_text, load_data

_OPENS_A_NAME = re.compile(r"\s+[A-Z]")


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

    def surfaces(self) -> list[str]:
        """Every name, alias and adjective a scan of running text matches, as written."""
        return sorted(self._gazetteer.by_surface)

    def match_surface(self, surface: str, *, following: str) -> Region | None:
        """The region `surface` names where `following` comes next. An adjective that opens
        a proper name ("Asian Development Bank", "European Union") names that body instead."""
        if surface in self._adjectives and _OPENS_A_NAME.match(following):
            return None
        return self._gazetteer.by_surface.get(surface)

    def find_all(self, text: str) -> list[RegionHit]:
        """Every region named in the text, in order, with character offsets."""
        hits = []
        for match in self._gazetteer.matches(text):
            region = self.match_surface(match.group(0), following=following_text(text, match.end()))
            if region is not None:
                hits.append(RegionHit(region, match.start(), match.end()))
        return hits

    def lookup(self, surface: str) -> Region | None:
        return self._gazetteer.lookup(surface)
