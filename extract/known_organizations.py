"""Well-known international bodies and news agencies (extract/data/organizations.json),
found by name or acronym where NER misses them ("BRICS", "Mercosur", "the African Union")."""

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class KnownOrganization:
    name: str
    aliases: tuple[str, ...]


class KnownOrganizations:
    """Case-sensitive scan for the listed names and acronyms, longest first."""

    def __init__(self, data: dict) -> None:
        self._by_surface: dict[str, KnownOrganization] = {}
        for entry in data["organizations"]:
            org = KnownOrganization(name=entry["name"], aliases=tuple(entry.get("aliases", [])))
            for surface in (org.name, *org.aliases):
                self._by_surface[surface] = org
        surfaces = sorted(self._by_surface, key=len, reverse=True)
        self._pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in surfaces) + r")(?![\w-])"
        )

    @classmethod
    @cache
    def default(cls) -> "KnownOrganizations":
        text = (resources.files("extract") / "data" / "organizations.json").read_text("utf-8")
        return cls(json.loads(text))

    def find_all(self, text: str) -> list[tuple[KnownOrganization, str]]:
        """Each organization named in the text, with the surface form it was named by."""
        found: dict[str, tuple[KnownOrganization, str]] = {}
        for match in self._pattern.finditer(text):
            org = self._by_surface[match.group(0)]
            found.setdefault(org.name, (org, match.group(0)))
        return list(found.values())

    def lookup(self, surface: str) -> KnownOrganization | None:
        return self._by_surface.get(surface.strip())
