"""Which reported events are the same real event, across articles.

Blocking, then scoring, then clustering:
- blocking: events share a distinctive word of their normalized name (ordinals written as
  numbers, "IX" = "9th" = "ninth"), so only plausible pairs are compared;
- scoring: rapidfuzz token-set ratio of the normalized names, ties broken by plain ratio;
- clustering: pairs are taken best first and joined only when the two groups stay
  compatible — never two events of one article, never different dates (a day's slack for
  multi-day events), different ordinals (the 2024 and 2025 editions), different countries
  of the place, or unrelated kinds of event — so a chain of weak links cannot glue distinct
  events together. The result depends on the set of events, not on their order, and
  decomposes like entity resolution: reports joined by no chain of `linked` pairs never
  influence each other.
"""

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz

from graph.clustering import constrained_clusters
from graph.names import fold
from graph.vocabulary import EventType

NAME_MATCH_RATIO = 90
DATE_SLACK = dt.timedelta(days=1)

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xx": 20}
_ORDINAL_WORDS = {"first": 1, "inaugural": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
                  "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_GENERIC = frozenset(
    """meeting meetings summit forum visit talks conference dialogue ceremony exhibition
    session signing agreement of the and in on at for with by to a an official state annual
    event""".split()
)
# Kinds of event that may be one happening told differently by two reporters.
# A phone call is a kind of its own: a meeting the same day between the same people is
# another event.
FAMILIES: tuple[frozenset[EventType], ...] = (
    frozenset({EventType.MEETING, EventType.CONFERENCE, EventType.DIALOGUE, EventType.FORUM}),
    frozenset({EventType.PHONE_CALL}),
    frozenset({EventType.VISIT}),
    frozenset({EventType.AGREEMENT_SIGNING}),
    frozenset({EventType.CEREMONY, EventType.CULTURAL_EXCHANGE, EventType.EXHIBITION}),
    frozenset({EventType.STATEMENT}),
    frozenset({EventType.OTHER}),
)


@dataclass(frozen=True)
class EventRecord:
    """One event as one article reports it."""

    key: str  # "<article id>#<n>"
    name: str
    type: str
    date: dt.date | None
    articles: frozenset[str]
    place_country: str | None = None


@lru_cache(maxsize=262_144)
def normalize_event_name(name: str) -> str:
    """Folded name with ordinals as numbers: "IX Binational Meeting" -> "9 binational
    meeting", "Second ASEAN-GCC Summit" -> "2 asean gcc summit"."""
    words = []
    romans = {w.lower() for w in re.findall(r"\b[IVX]{2,5}\b", name) if w.lower() in _ROMAN}
    for word in fold(name).split():
        if word in romans:  # written in capitals: "IX Binational Meeting"
            words.append(str(_ROMAN[word]))
        elif word in _ORDINAL_WORDS:
            words.append(str(_ORDINAL_WORDS[word]))
        elif m := re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word):
            words.append(m.group(1))
        else:
            words.append(word)
    return " ".join(words)


def blocking_keys(name: str) -> list[str]:
    return list(_blocking_keys(name))


@lru_cache(maxsize=262_144)
def _blocking_keys(name: str) -> tuple[str, ...]:
    """Distinctive words of a normalized event name (never generic ones like "meeting")."""
    return tuple(sorted({w for w in normalize_event_name(name).split()
                         if w not in _GENERIC and not w.isdigit() and len(w) >= 3}))


def _ordinal(normalized: str) -> str | None:
    numbers = [w for w in normalized.split() if w.isdigit() and len(w) < 4]
    return numbers[0] if numbers else None


def _years(normalized: str) -> set[str]:
    return {w for w in normalized.split() if w.isdigit() and len(w) == 4}


def _compatible(a: EventRecord, b: EventRecord) -> bool:
    if a.articles & b.articles:
        return False  # one article never reports the same event twice
    if not any(a.type in family and b.type in family for family in FAMILIES):
        return False
    if a.date and b.date and abs(a.date - b.date) > DATE_SLACK:
        return False
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    na, nb = normalize_event_name(a.name), normalize_event_name(b.name)
    oa, ob = _ordinal(na), _ordinal(nb)
    if oa and ob and oa != ob:
        return False
    ya, yb = _years(na), _years(nb)
    return not (ya and yb and not ya & yb)


def _score(a: EventRecord, b: EventRecord) -> tuple[float, float] | None:
    na, nb = normalize_event_name(a.name), normalize_event_name(b.name)
    if fuzz.token_set_ratio(na, nb) < NAME_MATCH_RATIO:
        return None
    return fuzz.token_set_ratio(na, nb), fuzz.ratio(na, nb)


def linked(a: EventRecord, b: EventRecord) -> bool:
    """Whether clustering would consider joining the two reports directly."""
    if a.key == b.key or (a.date and b.date and abs(a.date - b.date) > DATE_SLACK):
        return False  # the cheap refusal first: most candidates are on other days
    return (bool(set(_blocking_keys(a.name)) & set(_blocking_keys(b.name)))
            and _compatible(a, b) and _score(a, b) is not None)


def cluster_events(records: list[EventRecord]) -> dict[str, list[EventRecord]]:
    """Each report's key mapped to the reports of its group."""
    blocks: dict[str, list[EventRecord]] = defaultdict(list)
    for record in records:
        for key in blocking_keys(record.name):
            blocks[key].append(record)
    pairs = {}
    for block in blocks.values():
        for a, b in combinations(block, 2):
            first, second = sorted((a, b), key=lambda r: r.key)
            if first.key == second.key or (first.key, second.key) in pairs:
                continue
            score = _score(first, second)
            if score is not None and _compatible(first, second):
                pairs[(first.key, second.key)] = (score, first, second)
    return constrained_clusters(records, pairs.values(), key=lambda r: r.key,
                                compatible=_compatible)


def representative(group: list[EventRecord]) -> EventRecord:
    """The report whose name the event takes: the most fully named (ties: lowest key)."""
    return min(group, key=lambda m: (-len(m.name), m.key))
