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
KINDS = ("countries", "organizations", "persons", "events")
ROLES = ("countries_involved", "organizers", "participants", "participant_organizations")
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
class ExtractedEvent:
    name: str
    type: str
    date: dt.date | None
    evidence: list[str]
    places: list[str]
    place_countries: list[str]
    countries: list[str]
    organizers: list[str]
    participants: list[str]
    participant_organizations: list[str]


@dataclass
class ExtractedArticle:
    """Everything the graph holds from one article file (listing items merged)."""

    countries: set[str] = field(default_factory=set)
    organizations: list[list[str]] = field(default_factory=list)
    persons: list[list[str]] = field(default_factory=list)
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


def match_one_to_one(gold: list, found: list, same: Callable[[object, object], bool]
                     ) -> tuple[list[tuple[object, object]], list, list]:
    """Maximum one-to-one matching (augmenting paths; the sets are small): pairs, unmatched
    gold, unmatched found. The result does not depend on the order of either list."""
    candidates = [[j for j, f in enumerate(found) if same(g, f)] for g in gold]
    partner_of_found: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in partner_of_found or assign(partner_of_found[j], seen):
                partner_of_found[j] = i
                return True
        return False

    for i in range(len(gold)):
        assign(i, set())
    gold_partner = {i: j for j, i in partner_of_found.items()}
    pairs = [(gold[i], found[gold_partner[i]]) for i in range(len(gold)) if i in gold_partner]
    missed = [g for i, g in enumerate(gold) if i not in gold_partner]
    extra = [f for j, f in enumerate(found) if j not in partner_of_found]
    return pairs, missed, extra


def _set_counts(gold: list[list[str]], found: list[list[str]]) -> tuple[Counts, list, list]:
    pairs, missed, extra = match_one_to_one(gold, found, names_match)
    return Counts(tp=len(pairs), fp=len(extra), fn=len(missed)), missed, extra


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
    for kind, gold_items in (("organizations", gold.organizations), ("persons", gold.persons)):
        counts, missed, extra = _set_counts([g.names for g in gold_items],
                                            getattr(found, kind))
        score.kinds[kind] = counts
        score.misses += [f"{kind[:-1]} missed: {m[0]}" for m in missed]
        score.misses += [f"{kind[:-1]} extra: {e[0]}" for e in extra]
    _score_events(score, gold, found, country_code)
    score.navigation_nodes = _navigation_nodes(gold, found, country_code)
    score.byline_persons = [b for b in gold.bylines if any(names_match([b], p)
                                                           for p in found.persons)]
    return score


def _score_events(score: ArticleScore, gold: GoldArticle, found: ExtractedArticle,
                  country_code: CountryCode) -> None:
    pairs, missed, extra = match_one_to_one(
        gold.events, found.events, lambda g, e: _events_match(g, e, country_code))
    score.kinds["events"] = Counts(tp=len(pairs), fp=len(extra), fn=len(missed))
    score.misses += [f"event missed: {g.name} ({g.type}, {g.date})" for g in missed]
    score.misses += [f"event extra: {e.name} ({e.type}, {e.date})" for e in extra]
    for g, e in pairs:
        _score_attributes(score, g, e, country_code)


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
                      country_code: CountryCode) -> None:
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
    for role in ("organizers", "participants", "participant_organizations"):
        counts, missed, extra = _set_counts([[n] for n in getattr(gold, role)],
                                            [[n] for n in getattr(event, role)])
        score.roles[role] += counts
        score.misses += [f"event {gold.name!r}: {role[:-1]} missed: {m[0]}" for m in missed]
        score.misses += [f"event {gold.name!r}: {role[:-1]} extra: {x[0]}" for x in extra]


def _navigation_nodes(gold: GoldArticle, found: ExtractedArticle, country_code: CountryCode
                      ) -> list[str]:
    """Forbidden names (navigation, other stories) that became nodes of this article."""
    hits = []
    names = [n for group in (found.organizations + found.persons) for n in group]
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
