"""Scoring extracted articles against gold, as ../shared/corpus/GOLD-FORMAT.md describes.

Pure functions over plain records: no store, no spaCy. Names match when they fold alike or
have a token-set ratio of 90 or more; sets are matched one-to-one; events match by name, or
by date plus a shared country plus the evidence sentence. Two dates "agree" when they are
equal (a gold `YYYY-MM` accepting any day of that month) or when neither side states one:
gold null means the text gives no date, and an extractor that gives none agrees with it.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from api.evaluation.gold import GoldArticle, GoldEvent
from graph.names import fold

NAME_MATCH_RATIO = 90
EVIDENCE_MATCH_RATIO = 80
KINDS = ("countries", "regions", "organizations", "persons", "events")
# Event roles whose holders compare by name, each under its gold and node aliases (message
# senders may be persons or organizations); countries_involved compares by code.
NAMED_ROLES = ("organizers", "participants", "participant_organizations", "message_senders")
ROLES = ("countries_involved", *NAMED_ROLES)
ATTRIBUTES = ("type", "date", "city", "country")

CountryCode = Callable[[str], str | None]


@dataclass
class Counts:
    """True positives, false positives and false negatives of one comparison."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def __iadd__(self, other: "Accuracy") -> "Accuracy":
        self.right += other.right
        self.total += other.total
        return self

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class ExtractedEntity:
    """An organization or person node as one article sees it."""

    id: str
    names: list[str]


@dataclass
class ExtractedEvent:
    name: str
    type: str
    date: dt.date | None
    evidence: list[str]
    places: list[str]
    place_countries: list[str]
    countries: list[str]
    organizers: list[list[str]]  # each holder with its aliases, name first
    participants: list[list[str]]
    participant_organizations: list[list[str]]
    message_senders: list[list[str]] = field(default_factory=list)  # persons or organizations
    id: str | None = None


@dataclass
class ExtractedArticle:
    """Everything the graph holds from one article file (listing items merged)."""

    countries: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    organizations: list[ExtractedEntity | list[str]] = field(default_factory=list)
    persons: list[ExtractedEntity | list[str]] = field(default_factory=list)
    events: list[ExtractedEvent] = field(default_factory=list)


@dataclass
class ArticleScore:
    name: str
    kinds: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    roles: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    attributes: dict[str, Accuracy] = field(
        default_factory=lambda: {a: Accuracy() for a in ATTRIBUTES})
    navigation_nodes: list[str] = field(default_factory=list)
    byline_persons: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    # Which node each matched gold entity or event ended up as, for resolution scores:
    # kind -> [(gold canonical name, node id)].
    links: dict[str, list[tuple[str, str]]] = field(
        default_factory=lambda: {"organizations": [], "persons": [], "events": []})


def names_match(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether any name of one side matches any name of the other."""
    folded_b = [fold(n) for n in b if n]
    for name in a:
        folded = fold(name)
        if not folded:
            continue
        for other in folded_b:
            if folded == other or fuzz.token_set_ratio(folded, other) >= NAME_MATCH_RATIO:
                return True
    return False


Score = Callable[[object, object], float | None]


def match_one_to_one(gold: list, found: list, *criteria: Score
                     ) -> tuple[list[tuple[object, object]], list, list]:
    """One-to-one matching in stages, strongest criterion first (an exact name before a
    fuzzy one, a name before shared evidence). A criterion scores a pair (None or False: no
    match; True counts as 1);
    within a stage the best-scoring pairs are taken first, ties in list order. Returns
    pairs, unmatched gold, unmatched found."""
    pairs: list[tuple[object, object]] = []
    missed, extra = list(gold), list(found)
    for score in criteria:
        scored = sorted(
            ((-float(s), i, j) for i, g in enumerate(missed) for j, f in enumerate(extra)
             if (s := score(g, f)) is not None and s is not False),
        )
        used_gold: set[int] = set()
        used_found: set[int] = set()
        for _, i, j in scored:
            if i not in used_gold and j not in used_found:
                used_gold.add(i)
                used_found.add(j)
                pairs.append((missed[i], extra[j]))
        missed = [g for i, g in enumerate(missed) if i not in used_gold]
        extra = [f for j, f in enumerate(extra) if j not in used_found]
    return pairs, missed, extra


def name_score(a: Iterable[str], b: Iterable[str]) -> float | None:
    """How alike two entities' names are (best pair), or None when they do not match."""
    best = None
    for x in (fold(n) for n in a if n):
        for y in (fold(n) for n in b if n):
            if x == y or fuzz.token_set_ratio(x, y) >= NAME_MATCH_RATIO:
                similarity = fuzz.ratio(x, y)
                best = similarity if best is None else max(best, similarity)
    return best


def names_equal(a: Iterable[str], b: Iterable[str]) -> float | None:
    """1 when any name of one side folds exactly like a name of the other, else None."""
    return 1.0 if {fold(n) for n in a if n} & {fold(n) for n in b if n} else None


def _set_counts(gold: list, found: list) -> tuple[Counts, list, list]:
    pairs, missed, extra = _match_names(gold, found)
    return Counts(tp=len(pairs), fp=len(extra), fn=len(missed)), missed, extra


def _match_names(gold: list, found: list) -> tuple[list, list, list]:
    return match_one_to_one(gold, found, lambda g, f: names_equal(_names(g), _names(f)),
                            lambda g, f: name_score(_names(g), _names(f)))


def score_article(gold: GoldArticle, found: ExtractedArticle, *, country_code: CountryCode
                  ) -> ArticleScore:
    """Precision/recall counts per kind and event attribute accuracy for one article."""
    score = ArticleScore(name=gold.name)
    gold_countries = {code for c in gold.countries if (code := country_code(c))}
    score.kinds["countries"] = Counts(
        tp=len(gold_countries & found.countries), fp=len(found.countries - gold_countries),
        fn=len(gold_countries - found.countries))
    score.misses += [f"country missed: {c}" for c in sorted(gold_countries - found.countries)]
    score.misses += [f"country extra: {c}" for c in sorted(found.countries - gold_countries)]
    if gold.regions is not None:  # optional in gold: only scored where annotated
        counts, missed, extra = _set_counts([[r] for r in gold.regions],
                                            [[r] for r in sorted(found.regions)])
        score.kinds["regions"] = counts
        score.misses += [f"region missed: {m[0]}" for m in missed]
        score.misses += [f"region extra: {e[0]}" for e in extra]
    for kind, gold_items in (("organizations", gold.organizations), ("persons", gold.persons)):
        pairs, missed, extra = _match_names(list(gold_items), getattr(found, kind))
        score.kinds[kind] = Counts(tp=len(pairs), fp=len(extra), fn=len(missed))
        score.links[kind] = [(g.name, f.id) for g, f in pairs if isinstance(f, ExtractedEntity)]
        score.misses += [f"{kind[:-1]} missed: {_names(m)[0]}" for m in missed]
        score.misses += [f"{kind[:-1]} extra: {_names(e)[0]}" for e in extra]
    _score_events(score, gold, found, country_code)
    score.navigation_nodes = _navigation_nodes(gold, found, country_code)
    score.byline_persons = [b for b in gold.bylines if any(names_match([b], _names(p))
                                                           for p in found.persons)]
    return score


def _score_events(score: ArticleScore, gold: GoldArticle, found: ExtractedArticle,
                  country_code: CountryCode) -> None:
    pairs, missed, extra = match_one_to_one(
        gold.events, found.events,
        lambda g, e: name_score([g.name], [e.name]),
        lambda g, e: 1.0 if _events_match(g, e, country_code) else None)
    score.kinds["events"] = Counts(tp=len(pairs), fp=len(extra), fn=len(missed))
    score.links["events"] = [(g.name, e.id) for g, e in pairs if e.id is not None]
    score.misses += [f"event missed: {g.name} ({g.type}, {g.date})" for g in missed]
    score.misses += [f"event extra: {e.name} ({e.type}, {e.date})" for e in extra]
    for g, e in pairs:
        _score_attributes(score, g, e, country_code, gold)


def _events_match(gold: GoldEvent, event: ExtractedEvent, country_code: CountryCode) -> bool:
    if names_match([gold.name], [event.name]):
        return True
    dates_agree = (gold.date is None and event.date is None) or (
        gold.date is not None and _date_right(gold.date, event.date))
    if not dates_agree:
        return False
    gold_countries = {country_code(c) for c in gold.countries_involved}
    if not gold_countries & set(event.countries):
        return False
    return _evidence_overlaps(gold.evidence, event.evidence)


def _evidence_overlaps(gold: str | None, found: list[str]) -> bool:
    if not gold:
        return False
    pieces = [p.strip(" .\"“”") for p in gold.split("...") if len(p.strip()) > 10]
    return any(fuzz.partial_ratio(piece, sentence) >= EVIDENCE_MATCH_RATIO
               for piece in pieces for sentence in found)


def _date_right(gold: str, found: dt.date | None) -> bool:
    """Exact, or any day of the month when gold gives only `YYYY-MM`."""
    if found is None:
        return False
    return found.isoformat() == gold if len(gold) == 10 else found.isoformat()[:7] == gold[:7]


def _score_attributes(score: ArticleScore, gold: GoldEvent, event: ExtractedEvent,
                      country_code: CountryCode, gold_article: GoldArticle) -> None:
    def check(attribute: str, right: bool, detail: str) -> None:
        score.attributes[attribute] += Accuracy(right=int(right), total=1)
        if not right:
            score.misses.append(f"event {gold.name!r}: {attribute} {detail}")

    check("type", gold.type == event.type, f"{event.type} != {gold.type}")
    if gold.date:
        check("date", _date_right(gold.date, event.date), f"{event.date} != {gold.date}")
    if gold.location.city:
        city = fold(gold.location.city)
        right = any(f" {city} " in f" {fold(p)} " for p in event.places)
        check("city", right, f"{event.places} != {gold.location.city}")
    if gold.location.country:
        code = country_code(gold.location.country)
        check("country", code in event.place_countries,
              f"{event.place_countries} != {gold.location.country}")
    gold_countries = {c for name in gold.countries_involved if (c := country_code(name))}
    found_countries = set(event.countries)
    score.roles["countries_involved"] += Counts(
        tp=len(gold_countries & found_countries), fp=len(found_countries - gold_countries),
        fn=len(gold_countries - found_countries))
    known = {g.name: g.names for g in (*gold_article.organizations, *gold_article.persons)}
    for role in NAMED_ROLES:
        counts, missed, extra = _set_counts([known.get(n, [n]) for n in getattr(gold, role)],
                                            [_names(n) for n in getattr(event, role)])
        score.roles[role] += counts
        score.misses += [f"event {gold.name!r}: {role[:-1]} missed: {m[0]}" for m in missed]
        score.misses += [f"event {gold.name!r}: {role[:-1]} extra: {x[0]}" for x in extra]


def _names(holder: object) -> list[str]:
    """The names of a gold entity, an extracted entity, a name list or a lone name."""
    if isinstance(holder, str):
        return [holder]
    if isinstance(holder, ExtractedEntity):
        return holder.names
    names = getattr(holder, "names", None)  # a GoldEntity
    return list(names) if names is not None else list(holder)


def _navigation_nodes(gold: GoldArticle, found: ExtractedArticle, country_code: CountryCode
                      ) -> list[str]:
    """Forbidden names (navigation, other stories) that became nodes of this article."""
    hits = []
    names = [n for group in (found.organizations + found.persons) for n in _names(group)]
    names += [e.name for e in found.events] + [p for e in found.events for p in e.places]
    folded = {fold(n) for n in names}
    for forbidden in gold.forbidden_names:
        code = country_code(forbidden)
        if code is not None:
            if code in found.countries or any(code in e.countries for e in found.events):
                hits.append(forbidden)
        elif fold(forbidden) in folded:
            hits.append(forbidden)
    return hits
