"""Which person or organization mentions are the same entity.

Mentions written identically (same label, folded name and country) form one *unit*,
compared once however many articles use the name. Blocking keys (name words, initials, a
transliteration skeleton) bring plausible pairs of units together without comparing all
pairs; a scored rule set decides each pair (rapidfuzz plus name structure: initials,
surnames, acronyms, spelling variants); constrained clustering (graph/clustering.py) joins
pairs best first and never joins two people with different given names, a body with one of
its parts, entities of different countries, or two entities one article names side by side.

A blocking key that more than MAX_BLOCK units share tells nothing (a common given name, a
country's name in its bodies' names): it brings no pair together, since every unit also has
more distinctive keys. Whether a key is *active* so depends on how many units share it in
all the graph, which callers that cluster a part of it pass in (`active`).

The partition is a function of the set of units. It also decomposes: units joined by no
chain of `linked` pairs never influence each other, so re-clustering the units linked to
what changed (graph/resolver.py) gives exactly what clustering everything again would.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz

from graph.clustering import constrained_clusters
from graph.names import fold
from graph.vocabulary import Label

_STOPWORDS = frozenset("of the and for in on at de du des la le del da dos van von bin al".split())
# Words that name a part of a body: "Supreme Council of the GCC", "CICG Center for ...".
_UNIT_WORDS = frozenset(
    """center centre commission council secretariat committee department office institute
    bureau division directorate branch chapter mission embassy consulate delegation
    subcommittee""".split()
)
_SPELLING = (("organisation", "organization"), ("centre", "center"), ("defence", "defense"),
             ("programme", "program"), ("labour", "labor"), ("co operation", "cooperation"))
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
# Words so common in organization names that sharing one says nothing: they give no
# blocking key (the other words and the initials do).
_GENERIC_ORGANIZATION_WORDS = frozenset(
    """ministry foreign affairs national international republic state government agency
    news media group company corporation association union council committee commission
    department office center centre institute university organization organisation
    development cooperation co operation bank embassy general federal people peoples
    chamber commerce trade economic affairs public service services information
    press""".split()
)


@dataclass(frozen=True)
class EntityRecord:
    """One person or organization as resolution sees it: a mention, or a unit of them."""

    key: str  # unique among the records clustered together
    label: Label
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    articles: frozenset[str] = frozenset()  # the articles that name it

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Curation:
    """A user's decisions, applied on every ingest: names that must be one entity, and
    names that must never be."""

    must_merge: list[tuple[Label, str, str]] = field(default_factory=list)
    must_not_merge: list[tuple[Label, str, str]] = field(default_factory=list)

    def _pairs(self, pairs: list[tuple[Label, str, str]], a: EntityRecord,
               b: EntityRecord) -> bool:
        if not pairs:
            return False
        names_a, names_b = {fold(n) for n in a.names}, {fold(n) for n in b.names}
        return any(label == a.label == b.label and (
            (fold(x) in names_a and fold(y) in names_b) or (fold(y) in names_a
                                                            and fold(x) in names_b))
                   for label, x, y in pairs)

    def merges(self, a: EntityRecord, b: EntityRecord) -> bool:
        return self._pairs(self.must_merge, a, b)

    def forbids(self, a: EntityRecord, b: EntityRecord) -> bool:
        return self._pairs(self.must_not_merge, a, b)


@lru_cache(maxsize=262_144)
def _normalize(name: str) -> str:
    text = fold(name)
    for variant, standard in _SPELLING:
        text = re.sub(rf"\b{variant}\b", standard, text)
    return text


@lru_cache(maxsize=262_144)
def skeleton(word: str) -> str:
    """A transliteration key: "Zelenskyy" and "Zelensky", "Gaddafi" and "Qaddafi",
    "Erdogan" and "Erodogan" share one."""
    word = fold(word).replace(" ", "")
    for a, b in (("kh", "h"), ("ph", "f"), ("zh", "j"), ("ck", "k"), ("q", "g"), ("c", "k"),
                 ("w", "v"), ("y", "i"), ("ou", "u"), ("ee", "i")):
        word = word.replace(a, b)
    if not word:
        return ""
    consonants = word[0] + re.sub(r"[aeiou]", "", word[1:])
    return re.sub(r"(.)\1+", r"\1", consonants)


def _initials(name: str) -> str:
    return "".join(w[0] for w in _normalize(name).split() if w not in _STOPWORDS)


def _is_acronym(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,11}", name.strip()))


def blocking_keys(record: EntityRecord, *, generic: bool = False) -> set[str]:
    """The keys that bring plausible pairs together: name words, their transliteration
    skeletons and (organizations) initials. With `generic`, also the words too common in
    organization names to pair on, which a search may still look nodes up by (nodes store
    them all, see graph/resolver.py)."""
    keys = set()
    for name in record.names:
        words = [w for w in _normalize(name).split() if w not in _STOPWORDS]
        distinctive = [w for w in words if w not in _SUFFIXES and (generic or not (
            record.label == Label.ORGANIZATION and w in _GENERIC_ORGANIZATION_WORDS))]
        keys |= {f"w:{w}" for w in distinctive if len(w) >= 3}
        keys |= {f"s:{skeleton(w)}" for w in distinctive if len(w) >= 4}
        if record.label == Label.ORGANIZATION:
            keys.add(f"a:{fold(name).replace(' ', '') if _is_acronym(name) else _initials(name)}")
            parts = name.split()
            if len(parts) == 2 and _is_acronym(parts[1]):  # "Kazakh MFA"
                keys.add(f"a:{fold(parts[1])}")
            initials = _initials(name)
            # "Ministry of Foreign Affairs of the Republic of X" starts with "MFA"
            keys |= {f"a:{initials[:n]}" for n in range(3, min(len(initials), 5) + 1)}
    return keys


_HONORIFICS = frozenset("mr mrs ms dr prof sir he hh hrh sheikh dato datuk".split())


def _person_parts(name: str) -> tuple[str, list[str], str]:
    """Given name, middle names, surname; honorifics ("Dr", "H.E.") and "Jr." left out."""
    words = [w for w in fold(name).split() if w not in _SUFFIXES]
    while len(words) > 1 and (words[0] in _HONORIFICS or (len(words[0]) == 1 and len(words) > 2
                                                             and words[0] + words[1] in
                                                             _HONORIFICS)):
        words = words[2:] if words[0] not in _HONORIFICS else words[1:]
    return (words[0] if len(words) > 1 else "", words[1:-1], words[-1] if words else "")


def _given_compatible(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b or fuzz.ratio(a, b) >= 85 or skeleton(a) == skeleton(b)


def _surnames_match(a: str, b: str) -> bool:
    return a == b or fuzz.ratio(a, b) >= 88 or (len(a) >= 5 and skeleton(a) == skeleton(b))


def _best_over_names(a: EntityRecord, b: EntityRecord,
                     score_names: Callable[[str, str, EntityRecord, EntityRecord],
                                           float | None]) -> float | None:
    """The best score of any name of `a` against any name of `b` (None: no pair matches)."""
    scores = [score for x in a.names for y in b.names
              if (score := score_names(x, y, a, b)) is not None]
    return max(scores, default=None)


def _person_names_score(x: str, y: str, a: EntityRecord, b: EntityRecord) -> float | None:
    fx, fy = fold(x), fold(y)
    if fx == fy:
        return 100.0
    gx, _, sx = _person_parts(x)
    gy, _, sy = _person_parts(y)
    if not _surnames_match(sx, sy):
        # "Mohammed bin Salman bin Abdulaziz Al Saud" vs "Salman bin Abdulaziz Al Saud":
        # same words at the end are not enough when the given names differ.
        return None
    if gx and gy:
        return 90 + fuzz.ratio(fx, fy) / 10 if _given_compatible(gx, gy) else None
    return 85.0  # a surname alone: joins only an unambiguous group


def _person_score(a: EntityRecord, b: EntityRecord) -> float | None:
    return _best_over_names(a, b, _person_names_score)


def _person_compatible(a: EntityRecord, b: EntityRecord) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if a.articles & b.articles:
        return False  # one article's persons are already one per person
    for x in a.names:
        for y in b.names:
            gx, _, sx = _person_parts(x)
            gy, _, sy = _person_parts(y)
            if gx and gy and _surnames_match(sx, sy) and not _given_compatible(gx, gy):
                return False  # two officials surnamed Wang
    return True


def _organization_names_score(x: str, y: str, a: EntityRecord, b: EntityRecord
                              ) -> float | None:
    nx, ny = _normalize(x), _normalize(y)
    if nx == ny:
        return 100.0
    if _is_acronym(x) != _is_acronym(y):
        acronym, full = (x, y) if _is_acronym(x) else (y, x)
        matches = fold(acronym).replace(" ", "") == _initials(full) and len(acronym) >= 2
        return 95.0 if matches else None
    if fuzz.token_sort_ratio(nx, ny) >= 92:
        return 90 + fuzz.ratio(nx, ny) / 10
    if _qualified_acronym_matches(x, y, a, b) or _qualified_acronym_matches(y, x, b, a):
        return 93.0
    return None


def _organization_score(a: EntityRecord, b: EntityRecord) -> float | None:
    return _best_over_names(a, b, _organization_names_score)


def _qualified_acronym_matches(short: str, full: str, short_record: EntityRecord,
                               full_record: EntityRecord) -> bool:
    """ "Kazakh MFA" is the "Ministry of Foreign Affairs of the Republic of Kazakhstan": an
    acronym with a country qualifier, the long form's initials starting with the acronym,
    both placed in the same country."""
    words = short.split()
    if len(words) != 2 or not _is_acronym(words[1]) or _is_acronym(words[0]):
        return False
    if not short_record.country or short_record.country != full_record.country:
        return False
    return len(words[1]) >= 2 and _initials(full).startswith(fold(words[1]))


def _is_part_of(a: str, b: str) -> bool:
    """Whether one name is the other plus words naming a unit of it."""
    wa, wb = set(_normalize(a).split()), set(_normalize(b).split())
    small, large = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return small < large and bool((large - small) & _UNIT_WORDS)


def _numbers(name: str) -> set[str]:
    return set(re.findall(r"\d+", name))


def _organization_compatible(a: EntityRecord, b: EntityRecord) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    numbers_a = set().union(*(_numbers(n) for n in a.names))
    numbers_b = set().union(*(_numbers(n) for n in b.names))
    if numbers_a and numbers_b and not numbers_a & numbers_b:
        return False  # "Working Group 3" is not "Working Group 4"
    if a.articles & b.articles:
        return False
    return not any(_is_part_of(x, y) for x in a.names for y in b.names)


def collapse(records: list[EntityRecord]
             ) -> tuple[list[EntityRecord], dict[str, list[EntityRecord]]]:
    """Records written identically (same label, folded name and country) become one unit
    (keyed by its members' lowest key); returns the units and each unit's members."""
    members: dict[tuple, list[EntityRecord]] = defaultdict(list)
    for record in records:
        members[(record.label, fold(record.name), record.country)].append(record)
    units, expansion = [], {}
    for same_name in members.values():
        unit = _unit(sorted(same_name, key=lambda r: r.key))
        units.append(unit)
        expansion[unit.key] = same_name
    return units, expansion


def _unit(group: list[EntityRecord]) -> EntityRecord:
    if len(group) == 1:
        return group[0]
    aliases = tuple(sorted({a for r in group for a in r.aliases}))
    name = min((r.name for r in group), key=lambda n: (-len(n), n))
    return EntityRecord(key=group[0].key, label=group[0].label, name=name, aliases=aliases,
                        country=group[0].country,
                        articles=frozenset().union(*(r.articles for r in group)))


def cluster_entities(records: list[EntityRecord], *, curation: Curation | None = None
                     ) -> dict[str, list[EntityRecord]]:
    """Each record's key mapped to the members of its group (labels never mix)."""
    units, expansion = collapse(records)
    groups = cluster_units(units, curation=curation)
    result: dict[str, list[EntityRecord]] = {}
    for unit_group in {id(g): g for g in groups.values()}.values():
        members = [m for unit in unit_group for m in expansion[unit.key]]
        for member in members:
            result[member.key] = members
    return result


MAX_BLOCK = 60

# Whether a blocking key of a label is active (see the module's docstring).
Active = Callable[[Label, str], bool]


def active_in(units: list[EntityRecord]) -> Active:
    """Keys active among `units` taken as all there is: shared by at most MAX_BLOCK."""
    sizes: Counter[tuple[Label, str]] = Counter(
        (unit.label, key) for unit in units for key in blocking_keys(unit))
    return lambda label, key: sizes[(label, key)] <= MAX_BLOCK


def cluster_units(units: list[EntityRecord], *, curation: Curation | None = None,
                  active: Active | None = None) -> dict[str, list[EntityRecord]]:
    """Each unit's key mapped to the units of its group. Units must have distinct keys and
    be written differently (see `collapse`). `active` says which keys bring pairs together
    (default: those `units` share at most MAX_BLOCK times)."""
    curation = curation or Curation()
    active = active or active_in(units)
    blocks: dict[tuple[Label, str], list[EntityRecord]] = defaultdict(list)
    for unit in units:
        for key in blocking_keys(unit):
            blocks[(unit.label, key)].append(unit)
    pairs: dict[tuple[str, str], tuple[tuple[float, ...], EntityRecord, EntityRecord]] = {}
    for (label, key), block in blocks.items():
        if not active(label, key):
            continue
        for a, b in combinations(block, 2):
            first, second = sorted((a, b), key=lambda r: r.key)
            if (first.key, second.key) in pairs or not compatible(first, second, curation):
                continue
            score = _score(first, second)
            if score is not None:
                pairs[(first.key, second.key)] = ((score,), first, second)
    _drop_ambiguous_surnames(pairs)
    for a, b in curated_pairs(units, curation):
        first, second = sorted((a, b), key=lambda r: r.key)
        pairs[(first.key, second.key)] = ((100.0,), first, second)
    return constrained_clusters(units, pairs.values(), key=lambda r: r.key,
                                compatible=lambda a, b: compatible(a, b, curation),
                                must_link=curation.merges)


def linked(a: EntityRecord, b: EntityRecord, curation: Curation | None = None, *,
           active: Active | None = None) -> bool:
    """Whether clustering would consider joining `a` and `b` directly: a curated pair, or a
    scored pair on an active key that nothing forbids. Groups only ever form along such
    links. (`active`: every key, when not given.)"""
    curation = curation or Curation()
    if a.label != b.label or a.key == b.key:
        return False
    if curation.merges(a, b):
        return True
    shared = blocking_keys(a) & blocking_keys(b)
    if active is not None:
        shared = {key for key in shared if active(a.label, key)}
    return bool(shared) and compatible(a, b, curation) and _score(a, b) is not None


def compatible(a: EntityRecord, b: EntityRecord, curation: Curation | None = None) -> bool:
    """Whether `a` and `b` may share a group (a cannot-link check, pair by pair)."""
    if curation is not None and curation.forbids(a, b):
        return False
    return (_person_compatible if a.label == Label.PERSON else _organization_compatible)(a, b)


def curated_pairs(units: list[EntityRecord], curation: Curation
                  ) -> list[tuple[EntityRecord, EntityRecord]]:
    """The pairs a must-merge decision joins; they need no shared blocking key."""
    pairs = []
    for label, x, y in curation.must_merge:
        named_x = [u for u in units if u.label == label and fold(x) in map(fold, u.names)]
        named_y = [u for u in units if u.label == label and fold(y) in map(fold, u.names)]
        pairs += [(a, b) for a in named_x for b in named_y if a.key != b.key]
    return pairs


def _score(a: EntityRecord, b: EntityRecord) -> float | None:
    return (_person_score if a.label == Label.PERSON else _organization_score)(a, b)


def _drop_ambiguous_surnames(pairs: dict) -> None:
    """A surname alone ("Tokayev") joins a person only when one person bearing it is in
    sight; with two ("Ilmar Tokayev", "Dana Tokayev") it stays apart."""
    partners: dict[str, set[str]] = defaultdict(set)
    for _pair_key, (_, a, b) in pairs.items():
        for lone, other in ((a, b), (b, a)):
            if lone.label == Label.PERSON and " " not in lone.name.strip() and " " in other.name:
                partners[lone.key].add(fold(other.name))
    ambiguous = {key for key, names in partners.items() if len(names) > 1}
    for pair_key in [k for k in pairs if k[0] in ambiguous or k[1] in ambiguous]:
        del pairs[pair_key]


def representative(group: list[EntityRecord]) -> EntityRecord:
    """The member whose name the group takes: the longest name (ties alphabetical)."""
    return min(group, key=lambda m: (-len(m.name), m.name, m.key))
