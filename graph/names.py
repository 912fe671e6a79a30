"""Name normalisation and the stable ids the project computes for nodes."""

import hashlib
import re
import unicodedata
from functools import lru_cache

from extract.models import PlaceMention


@lru_cache(maxsize=262_144)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names:
    "the People’s Daily" and "People's Daily" fold alike, as do "Türkiye" and "Turkiye"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("ı", "i"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def slug(text: str) -> str:
    return fold(text).replace(" ", "-") or "unnamed"


def digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def organization_id(name: str) -> str:
    return f"org:{slug(name)}"


def person_id(name: str) -> str:
    return f"person:{slug(name)}"


def place_id(place: PlaceMention) -> str:
    """One node per city whatever the spelling ("St. Petersburg", "Saint Petersburg"): a
    city by its gazetteer name, anything else (a venue) by the name written."""
    in_country = f":{place.country.lower()}" if place.country else ""
    return f"place:{slug(place.canonical or place.name)}{in_country}"


def region_id(name: str) -> str:
    return f"region:{slug(name)}"


def event_id(name: str, *, date: str | None, article_id: str) -> str:
    """Dated events are identified by name and date, so two reports of the same named event
    meet; undated ones stay within their article, since nothing else tells them apart."""
    return f"event:{digest(fold(name), date or article_id)}"

