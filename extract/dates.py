"""Dates as news text writes them, resolved to ISO dates.

Absolute dates ("March 14", "Feb. 7", "22 August 2018", "from March 10 to 12"), and relative
ones ("Thursday", "today", "yesterday") resolved against a reference date (the dateline or the
publication date). When the text gives no year, the reference date's year is used, or failing
that the page's own year; when nothing anchors a date, the answer is None, never a guess.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\.?"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<{g}>(?:19|20)\d\d))?"
_RANGE_SEP = r"\s*(?:-|–|—|to|until|through)\s*"


def _p(template: str, group: str) -> str:
    return template.format(g=group)


# Month names are matched case-sensitively: "may" the verb is not "May" the month.
# "March 10 to 12, 2026", "March 3 to April 4", "10-12 March 2026", "26 – 27 June 2019"
_RANGE_MONTH_FIRST = re.compile(
    rf"\b{_p(_MONTH, 'm1')}\s+{_p(_DAY, 'd1')}{_RANGE_SEP}(?:{_p(_MONTH, 'm2')}\s+)?"
    rf"{_p(_DAY, 'd2')}\b{_p(_YEAR, 'y')}"
)
_RANGE_DAY_FIRST = re.compile(
    rf"\b{_p(_DAY, 'd1')}(?:\s+(?:of\s+)?{_p(_MONTH, 'm1')})?{_RANGE_SEP}{_p(_DAY, 'd2')}\s+"
    rf"(?:of\s+)?{_p(_MONTH, 'm2')}{_p(_YEAR, 'y')}"
)
_MONTH_FIRST = re.compile(rf"\b{_p(_MONTH, 'm')}\s+{_p(_DAY, 'd')}\b{_p(_YEAR, 'y')}")
_DAY_FIRST = re.compile(rf"\b{_p(_DAY, 'd')}\s+(?:of\s+)?{_p(_MONTH, 'm')}{_p(_YEAR, 'y')}")
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_WEEKDAY = re.compile(
    r"\b(?P<rel>last|next|this|on)?\s*(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b",
    re.IGNORECASE,
)
_RELATIVE_DAY = re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"\b(?P<y>(?:19|20)\d\d)\b")


@dataclass(frozen=True)
class DateSpan:
    """A date found in text: the first day, the last day (for ranges) and where it stood."""

    start: date
    end: date | None
    char_start: int
    char_end: int
    relative: bool = False  # "Thursday", "today": resolved against a reference date


def month_number(name: str) -> int | None:
    """1-12 for a month name or its abbreviation ("Sept.", "March"), else None."""
    key = name.lower().rstrip(".")
    return MONTHS.get(key[:4] if key.startswith("sept") else key[:3])


def _make_date(year: int | None, month: int | None, day: int) -> date | None:
    if year is None or month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, explicit: str | None, reference: date | None,
              default_year: int | None) -> int | None:
    """The year of a month-day: explicit, else the reference's (stepping back a year when
    that would put a past report more than a season ahead of its reference), else the page's."""
    if explicit:
        return int(explicit)
    if reference is not None:
        candidate = _make_date(reference.year, month, day)
        if candidate is not None and candidate - reference > timedelta(days=120):
            return reference.year - 1
        return reference.year
    return default_year


def find_dates(
    text: str, *, reference: date | None = None, default_year: int | None = None
) -> list[DateSpan]:
    """Every date expression in `text`, in order of appearance, ranges as one span."""
    spans: list[DateSpan] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match) -> bool:
        return all(m.end() <= s or m.start() >= e for s, e in taken)

    def add(m: re.Match, start: date | None, end: date | None, *, relative: bool = False
            ) -> None:
        if start is None or not free(m):
            return
        if end is not None and end < start:
            end = None
        taken.append((m.start(), m.end()))
        spans.append(DateSpan(start, end, m.start(), m.end(), relative))

    for m in _ISO.finditer(text):
        add(m, _make_date(int(m["y"]), int(m["m"]), int(m["d"])), None)
    for pattern in (_RANGE_MONTH_FIRST, _RANGE_DAY_FIRST):
        for m in pattern.finditer(text):
            m1 = month_number(m["m1"]) if m["m1"] else None
            m2 = month_number(m["m2"]) if m["m2"] else None
            m1, m2 = m1 or m2, m2 or m1
            if m1 is None or m2 is None:
                continue
            d1, d2 = int(m["d1"]), int(m["d2"])
            crosses_new_year = m2 < m1
            if m["y"] and crosses_new_year:  # "December 30 to January 2, 2026": the end's year
                end_year = int(m["y"])
                year = end_year - 1
            else:
                year = _year_for(m1, d1, m["y"], reference, default_year)
                end_year = year + 1 if (year is not None and crosses_new_year) else year
            add(m, _make_date(year, m1, d1), _make_date(end_year, m2, d2))
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        for m in pattern.finditer(text):
            month, day = month_number(m["m"]), int(m["d"])
            if month is None:
                continue
            year = _year_for(month, day, m["y"], reference, default_year)
            add(m, _make_date(year, month, day), None)
    if reference is not None:
        for m in _RELATIVE_DAY.finditer(text):
            shift = {"yesterday": -1, "tomorrow": 1}.get(m["w"].lower(), 0)
            add(m, reference + timedelta(days=shift), None, relative=True)
        for m in _WEEKDAY.finditer(text):
            if m["w"][0].islower() and m["rel"] is None:
                continue  # "monday" in running text lower-case is rarely a date
            add(m, _resolve_weekday(m["w"], m["rel"], reference), None, relative=True)
    spans.sort(key=lambda span: span.char_start)
    return spans


def _resolve_weekday(weekday: str, relation: str | None, reference: date) -> date:
    """The named weekday nearest the reference: the latest on or before it, or the next
    one after it when the text says "next"."""
    target = WEEKDAYS.index(weekday.lower())
    back = (reference.weekday() - target) % 7
    if relation and relation.lower() == "next":
        return reference + timedelta(days=(target - reference.weekday()) % 7 or 7)
    if relation and relation.lower() == "last" and back == 0:
        back = 7
    return reference - timedelta(days=back)


def parse_standalone_date(text: str) -> date | None:
    """A full date that makes up a whole line ("Friday, 30 May 2025", "May 30, 2025")."""
    cleaned = re.sub(r"^[\W_]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?", "",
                     text.strip(), flags=re.IGNORECASE)
    for pattern in (_ISO, _MONTH_FIRST, _DAY_FIRST):
        m = pattern.fullmatch(cleaned.rstrip(". "))
        if m is None:
            continue
        if pattern is _ISO:
            return _make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if m["y"]:
            return _make_date(int(m["y"]), month_number(m["m"]), int(m["d"]))
    return None


def years_mentioned(text: str) -> list[int]:
    """Four-digit years (1900-2099) written in the text."""
    return [int(m["y"]) for m in _YEAR_ONLY.finditer(text)]
