"""Names of bodies listed after an organizer cue, read whole.

"The forum was organised by the Publicity (Propaganda) Department of the Central Committee
of the Communist Party of China, the China Foreign Languages Publication and Distribution
Administration (officially known as China International Publishing Group or CIPG), the
Renmin Huabao publishing corporation, the Academy of Contemporary China and World Studies,
and the Institute of ..."

A small parser and recogniser cut such names into pieces ("Publicity", "World Studies").
When every item of the list opens with "the", the items are the names: the list splits only
where "the" opens the next item, never at an "and" or comma inside a name. A parenthesis
gives aliases: an acronym, "officially known as A or B", or a word of the name itself
("Publicity (Propaganda) Department", kept as written as an alias).
"""

import re
from dataclasses import dataclass

from extract.lexicon import ORGANIZATION_HEADS, ORGANIZER_CUES

_CUED_LIST = re.compile(
    r"\b(?:" + "|".join(re.escape(cue) for cue in ORGANIZER_CUES) + r")\s+(?P<list>the\s+[^.;:]+)",
    re.IGNORECASE,
)
# Where the next item of a definite list starts: ", the", ", and the", " and the".
_NEXT_ITEM = re.compile(r",\s+(?:and\s+)?(?=the\s)|\s+and\s+(?=the\s)")
_PARENTHESIS = re.compile(r"\s*\((?P<inner>[^()]*)\)")
_KNOWN_AS = re.compile(r"^(?:(?:officially|also|formerly|now)\s+)?(?:known as|called|renamed)\s+",
                       re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z][A-Za-z&.-]{1,11}")


@dataclass(frozen=True)
class ListedName:
    name: str
    aliases: tuple[str, ...]
    start: int  # where the item is written in the text, parenthesis included
    end: int


def definite_lists(text: str) -> list[ListedName]:
    """The names of every list of two or more "the ..." items after an organizer cue."""
    found: list[ListedName] = []
    for match in _CUED_LIST.finditer(text):
        items = _items(match["list"], match.start("list"))
        if len(items) >= 2:
            found += [name for item in items if (name := _named(text, *item)) is not None]
    return found


def _items(listed: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each item, splitting only outside parentheses."""
    masked = re.sub(r"\([^()]*\)", lambda m: "(" + "x" * (len(m[0]) - 2) + ")", listed)
    items, start = [], 0
    for cut in _NEXT_ITEM.finditer(masked):
        items.append((offset + start, offset + cut.start()))
        start = cut.end()
    items.append((offset + start, offset + len(listed.rstrip(" ,"))))
    return items


def _named(text: str, start: int, end: int) -> ListedName | None:
    """The name an item writes, with its aliases; None when it is not a body's name."""
    written = re.sub(r"^the\s+", "", text[start:end].strip(), flags=re.IGNORECASE)
    aliases: list[str] = []
    for inner in _PARENTHESIS.findall(written):
        if _KNOWN_AS.match(inner):
            aliases += [a.strip() for a in re.split(r"\s+or\s+|,\s*", _KNOWN_AS.sub("", inner))]
        elif _ACRONYM.fullmatch(inner) and sum(c.isupper() for c in inner) >= 2:
            aliases.append(inner)
        else:
            aliases.append(written)  # "Publicity (Propaganda) Department ...": as written
    name = _PARENTHESIS.sub("", written).strip()
    words = name.split()
    if not words or not words[0][:1].isupper() or len(words) > 16:
        return None
    if not any(w.lower().strip(",") in ORGANIZATION_HEADS for w in words):
        return None
    return ListedName(name=name, aliases=tuple(a for a in aliases if a and a != name),
                      start=start, end=end)
