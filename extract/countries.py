"""Country names, aliases and demonyms -> ISO 3166-1 alpha-3, for single names and running text.

`CountryIndex` merges pycountry (the ISO list, offline) with `data/country_aliases.json`, the
project's own file of newsroom names, aliases and demonyms ("Kazakh", "Lao", "PRC", "Türkiye").
`lookup` resolves one surface (a name from an API call or an NER span). Articles are scanned
once, in the spaCy pipeline: the `dkg_countries` component (extract/place_spans.py) matches
`scanned_forms` as token phrases, asks `match_form` what each hit means and leaves the
results in `doc.spans["dkg_countries"]`. `find_all` applies the same rules to a plain string
(an organization's name, a title) with one compiled regex built as a character trie, so the
cost of a scan does not grow with the number of names.

Matching rules, and why:

- Diacritics and curly apostrophes are folded away ("Turkiye" == "Türkiye", "Côte d’Ivoire").
- `lookup` ignores case, except for forms with no lower-case letter (US, UK, UAE, PRC) and ISO3
  codes, which must be upper case so that "us" stays a pronoun.
- A scan of text is case-sensitive: names match as written in the data or in full capitals
  (headlines), so "turkey", "china" (porcelain), "chad", "polish" and "jersey" are not countries.
- Longer names win ("North Korean" over "Korean", "Guinea-Bissau" over "Guinea"), and names of
  regions or seas that contain a country ("South China Sea", "Latin America", "Northern
  Ireland") are consumed whole and dropped.
- Word boundaries are letters and digits only, so hyphenated compounds split ("China-Kazakhstan",
  "Sino-Kazakh", "U.S.-led") and possessives work ("China's"). In the pipeline a hit is also
  whole tokens: a name inside one token ("China.org.cn", a web address) is none.
- "Jordan" and "Chad" are also given names: a hit on them is dropped when the next word is
  capitalised and not a title-like word ("Jordan Bardella", but "Jordan Foreign Minister").
  A preceding given name ("Michael Jordan") is not detected.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pycountry
from pydantic import BaseModel, ConfigDict

from extract.gazetteer import following_text

logger = logging.getLogger(__name__)

_DATA_FILE = "country_aliases.json"

_SPECIAL_FOLDS = {
    "\u2019": "'",  # right single quotation mark
    "\u2018": "'",  # left single quotation mark
    "\u02bc": "'",  # modifier letter apostrophe
    "\u2032": "'",  # prime
    "`": "'",
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u00a0": " ",  # no-break space
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ı": "i",
}

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?<=\w)'s?$|(?<=\.)'s?$")
_WHITESPACE = re.compile(r"\s+")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'-]*)")
_ISO3 = re.compile(r"^[A-Z]{3}$")


class CountryDataError(ValueError):
    """The alias data claims one surface form for two countries, or is malformed."""


class CountryMatch(BaseModel):
    """A surface form resolved to a country."""

    model_config = ConfigDict(frozen=True)

    iso3: str
    name: str
    surface: str
    is_demonym: bool = False


class CountryHit(BaseModel):
    """A country found in running text; `text[start:end] == match.surface`."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    match: CountryMatch


@dataclass(frozen=True, slots=True)
class _Form:
    """What one surface form means: a country (and whether it is a demonym)."""

    iso3: str
    is_demonym: bool


class _FoldTable(dict[int, str]):
    """`str.translate` table mapping each character to one folded character, filled lazily."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


def _fold_char(char: str) -> str:
    """Strip diacritics from one character, keeping it one character long."""
    if char in _SPECIAL_FOLDS:
        return _SPECIAL_FOLDS[char]
    if char.isascii():
        return char
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Remove diacritics and unify apostrophes and hyphens, keeping every offset unchanged."""
    return text.translate(_FOLD_TABLE)


def _normalize_form(form: str) -> str:
    """A data-file form as a scan of text sees it: folded, single spaces."""
    return _WHITESPACE.sub(" ", fold(form)).strip()


def _is_upper_only(form: str) -> bool:
    """True for forms with no lower-case letter (US, U.S., PRC): they match only in capitals."""
    return not any(c.islower() for c in form)


def _strip_surface(surface: str) -> str:
    """Fold a lookup surface and drop a leading "the" and a trailing possessive."""
    text = _normalize_form(surface).strip('"“” ,;:')
    text = _LEADING_THE.sub("", text)
    return _POSSESSIVE.sub("", text).strip()


def _pycountry_names(country: Any) -> list[str]:
    """pycountry's names for one country that read as running text (no "Korea, Republic of")."""
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value or "," in value or "(" in value:
            continue
        names.append(_LEADING_THE.sub("", value))
    return names


def _trie_pattern(forms: Iterable[str]) -> str:
    """A regex matching any of `forms`, longest first, factored as a character trie."""
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: Mapping[str, Any]) -> str:
    """Regex for one trie node: children first, then the end of a form (greedy optional)."""
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _emit(child)
        for char, child in sorted(node.items())
        if char
    ]
    ends_here = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")


class CountryIndex:
    """Resolves country names, aliases, demonyms and ISO3 codes; finds countries in text."""

    def __init__(self, data: Mapping[str, Any], *, use_pycountry: bool = True) -> None:
        """Build from the alias file's contents; `use_pycountry` adds the ISO names."""
        started = time.perf_counter()
        self._names: dict[str, list[str]] = {}
        self._demonyms: dict[str, list[str]] = {}
        self._forms: dict[str, _Form | None] = {}
        self._exact: dict[str, _Form] = {}
        self._folded: dict[str, _Form] = {}
        self._regions: set[str] = set()
        self._load_file_countries(data.get("countries", {}))
        if use_pycountry:
            self._load_pycountry()
        self._load_exclusions(data.get("not_countries", {}))
        guard = data.get("person_name_guard", {})
        self._guarded = frozenset(_normalize_form(n) for n in guard.get("names", []))
        self._not_surnames = frozenset(guard.get("not_surnames", []))
        self._add_capitalised_variants()
        self._pattern = re.compile(r"(?<!\w)(?:" + _trie_pattern(self._forms) + r")(?![\w$])")
        logger.info(
            "country index: %d countries, %d surface forms, built in %.3f s",
            len(self._names),
            len(self._forms),
            time.perf_counter() - started,
        )

    @classmethod
    @functools.cache
    def default(cls) -> CountryIndex:
        """The index over pycountry and the project's alias file, built once per process."""
        return cls(load_alias_data())

    # -- building -----------------------------------------------------------------------

    def _load_file_countries(self, countries: Mapping[str, Mapping[str, Any]]) -> None:
        """Add the data file's entries; a surface claimed by two countries is an error."""
        for iso3, entry in countries.items():
            names = [entry["name"], *entry.get("aliases", [])]
            demonyms = list(entry.get("demonyms", []))
            self._names[iso3] = names
            self._demonyms[iso3] = demonyms
            for name in names:
                self._claim(name, _Form(iso3, is_demonym=False), strict=True)
            for demonym in demonyms:
                self._claim(demonym, _Form(iso3, is_demonym=True), strict=True)

    def _load_pycountry(self) -> None:
        """Add pycountry's names as aliases; the data file wins any disagreement."""
        for country in pycountry.countries:
            iso3 = country.alpha_3
            names = _pycountry_names(country)
            known = self._names.setdefault(iso3, [])
            for name in names:
                if name not in known and self._claim(name, _Form(iso3, False), strict=False):
                    known.append(name)

    def _load_exclusions(self, not_countries: Mapping[str, Any]) -> None:
        """Register regions and longer names that contain a country but do not mean it."""
        for key in ("regions", "containing_a_country"):
            for name in not_countries.get(key, []):
                form = _normalize_form(name)
                if self._forms.get(form) is not None:
                    raise CountryDataError(f"{name!r} is listed both as a country and not")
                self._forms[form] = None
                if key == "regions":
                    self._regions.add(form.casefold())

    def _claim(self, surface: str, form: _Form, *, strict: bool) -> bool:
        """Record what `surface` means; return False (or raise if strict) on a conflict."""
        key = _normalize_form(surface)
        table = self._exact if _is_upper_only(key) else self._folded
        lookup_key = key if _is_upper_only(key) else key.casefold()
        existing = table.get(lookup_key)
        if existing is not None and existing.iso3 != form.iso3:
            if strict:
                raise CountryDataError(
                    f"{surface!r} is claimed by both {existing.iso3} and {form.iso3}"
                )
            logger.debug("skipping %r for %s: already %s", surface, form.iso3, existing.iso3)
            return False
        if existing is None or (existing.is_demonym and not form.is_demonym):
            table[lookup_key] = form
        if self._forms.get(key) is None or not form.is_demonym:
            self._forms[key] = table[lookup_key]
        return True

    def _add_capitalised_variants(self) -> None:
        """Let every mixed-case form also match in full capitals, as in headlines."""
        for key, form in list(self._forms.items()):
            upper = key.upper()
            if upper != key and upper not in self._forms:
                self._forms[upper] = form

    # -- single surfaces ----------------------------------------------------------------

    def lookup(self, surface: str) -> CountryMatch | None:
        """Resolve a name, alias, demonym or upper-case ISO3 code; None if not a country."""
        raw = surface.strip()
        if _ISO3.match(raw) and raw in self._names:
            return self.match_of(raw, raw, is_demonym=False)
        text = _strip_surface(raw)
        form = self._exact.get(text) or self._folded.get(text.casefold())
        if form is None:
            return None
        return self.match_of(form.iso3, raw, is_demonym=form.is_demonym)

    def is_region(self, surface: str) -> bool:
        """True for names the data lists as regions, seas or sub-national areas."""
        return _strip_surface(surface).casefold() in self._regions

    def name_of(self, iso3: str) -> str | None:
        """The canonical name for an ISO3 code, or None if the code is unknown."""
        names = self._names.get(iso3)
        return names[0] if names else None

    def names_for(self, iso3: str, *, include_demonyms: bool = False) -> list[str]:
        """Every known name for a country, canonical first (for display and alias lists)."""
        names = list(self._names.get(iso3, []))
        if include_demonyms:
            names += self._demonyms.get(iso3, [])
        return names

    def iso3_codes(self) -> list[str]:
        """Every ISO3 code the index knows, sorted."""
        return sorted(self._names)

    # -- running text -------------------------------------------------------------------

    def scanned_forms(self) -> list[str]:
        """Every form a scan of running text matches, folded and single-spaced, as written and
        in capitals; forms that mean no country (regions, seas) are among them so that a scan
        consumes them whole."""
        return sorted(self._forms)

    def match_form(self, form: str, surface: str, *, following: str) -> CountryMatch | None:
        """What a scanned `form` (one of `scanned_forms`) means where the text wrote `surface`
        and `following` comes next; None for a region, a sea or a given name."""
        meaning = self._forms.get(form)
        if meaning is None or self._looks_like_person(form, following):
            return None
        return self.match_of(meaning.iso3, surface, is_demonym=meaning.is_demonym)

    def find_all(self, text: str) -> list[CountryHit]:
        """Every country name, alias or demonym in `text`, in order, with character offsets."""
        return list(self._iter_hits(text))

    def _iter_hits(self, text: str) -> Iterator[CountryHit]:
        """Scan folded text (same offsets as `text`) and keep hits that mean a country."""
        for found in self._pattern.finditer(fold(text)):
            start, end = found.span()
            match = self.match_form(_WHITESPACE.sub(" ", found.group()), text[start:end],
                                    following=following_text(text, end))
            if match is not None:
                yield CountryHit(start=start, end=end, match=match)

    def _looks_like_person(self, form: str, following: str) -> bool:
        """True when a guarded name (Jordan, Chad) is followed by a surname-like word."""
        if form not in self._guarded:
            return False
        next_word = _NEXT_WORD.match(following)
        if next_word is None:
            return False
        word = next_word.group(1)
        return word[0].isupper() and word not in self._not_surnames

    def match_of(self, iso3: str, surface: str, *, is_demonym: bool) -> CountryMatch:
        """A CountryMatch for `iso3` as the text wrote it, carrying the canonical name."""
        return CountryMatch(
            iso3=iso3, name=self._names[iso3][0], surface=surface, is_demonym=is_demonym
        )


def load_alias_data() -> dict[str, Any]:
    """Read `extract/data/country_aliases.json` from the installed package."""
    path = resources.files(__package__ or "extract").joinpath("data", _DATA_FILE)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
