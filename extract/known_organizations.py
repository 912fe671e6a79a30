"""Well-known international bodies and news agencies (extract/data/organizations.json),
found by name or acronym where NER misses them ("BRICS", "Mercosur", "the African Union")."""

from dataclasses import dataclass
from functools import cache

from extract.gazetteer import Gazetteer, load_data


@dataclass(frozen=True)
class KnownOrganization:
    name: str
    aliases: tuple[str, ...]


class KnownOrganizations:
    """Case-sensitive scan for the listed names and acronyms, longest first."""

    def __init__(self, data: dict) -> None:
        by_surface: dict[str, KnownOrganization] = {}
        for entry in data["organizations"]:
            org = KnownOrganization(name=entry["name"], aliases=tuple(entry.get("aliases", [])))
            for surface in (org.name, *org.aliases):
                by_surface[surface] = org
        self._gazetteer = Gazetteer(by_surface, hyphen_is_boundary=False)

    @classmethod
    @cache
    def default(cls) -> "KnownOrganizations":
        return cls(load_data("organizations.json"))

    def find_all(self, text: str) -> list[tuple[KnownOrganization, str]]:
        """Each organization named in the text, with the surface form it was named by."""
        found: dict[str, tuple[KnownOrganization, str]] = {}
        for match in self._gazetteer.matches(text):
            org = self._gazetteer.by_surface[match.group(0)]
            found.setdefault(org.name, (org, match.group(0)))
        return list(found.values())

    def lookup(self, surface: str) -> KnownOrganization | None:
        return self._gazetteer.lookup(surface)
