"""What the API answers, as plain functions over a store: named queries in, response models out.

    page = find_events(store, EventQuery(countries=["KAZ"]), limit=50, offset=0)

Routes in api/app.py only parse the request and call these; the benchmark calls them
directly to measure what HTTP adds. Every value reaches Cypher as a parameter.
"""

import datetime as dt
from collections import Counter
from typing import Any, Literal

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from api.errors import BadParameter, NotFound
from api.schemas import (
    ArticlePublic,
    ArticlesPublic,
    CountriesPublic,
    CountryPublic,
    EventPublic,
    EventsPublic,
    EventSummary,
    Evidence,
    GraphNode,
    GraphPublic,
    GraphRelationship,
    OrganizationPublic,
    OrganizationsPublic,
    PartnersPublic,
    PersonPublic,
    PersonsPublic,
    PlacePublic,
    SearchHit,
    SearchPublic,
    StatsPublic,
    TimelineBucket,
    TimelinePublic,
)
from extract.countries import CountryIndex, CountryMatch
from extract.places import PlaceIndex
from graph.entity_resolution import EntityRecord, blocking_keys
from graph.event_resolution import blocking_keys as event_blocking_keys
from graph.fulltext import fulltext_query
from graph.names import fold, place_id
from graph.store import GraphStore, Row
from graph.vocabulary import EventType, Label

# Longest list any detail answer embeds (mentions, parts, people): the rest is paged elsewhere.
DETAIL_LIST_CAP = 100
# Rows a fuzzy search ranks before keeping the best.
SEARCH_CANDIDATES = 400
# Relationships fetched per node asked for, at each step of a neighbourhood walk.
NEIGHBOURS_PER_NODE = 4
# Most buckets a timeline answers with.
MAX_BUCKETS = 5000

Interval = Literal["day", "week", "month", "year"]


def _country(value: str) -> CountryMatch | None:
    """The country a name, alias, demonym or ISO3 code (any case) refers to."""
    index = CountryIndex.default()
    return index.lookup(value) or (index.lookup(value.upper()) if len(value) == 3 else None)


def country_code(value: str, *, parameter: str = "country") -> str:
    """ISO3 for a country given by name, alias, demonym or code."""
    match = _country(value)
    if match is None:
        raise BadParameter(parameter, f"unknown country {value[:80]!r}: give a name, alias, "
                                      "demonym or ISO 3166-1 alpha-3 code such as 'KAZ'")
    return match.iso3


# --- events -------------------------------------------------------------------------------

class EventQuery(BaseModel):
    """The filters of an event list; every one given must hold."""

    countries: list[str] = Field(default_factory=list, description="ISO3 codes.")
    match: Literal["any", "all"] = "any"
    organization: str | None = Field(default=None, description="Organization id or name.")
    person: str | None = Field(default=None, description="Person id or name.")
    type: EventType | None = None
    place: str | None = Field(default=None, description="Place id or name.")
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = Field(default=None, description="Text in the name or evidence.")
    sort: Literal["date", "-date"] = "-date"

    def filters(self) -> dict[str, Any]:
        """The filters that narrow events to a set of ids, as (query name, parameters)."""
        return {name: params for name, params in (
            ("list_event_ids_by_countries", {"countries": sorted(set(self.countries)),
                                             "match": self.match} if self.countries else None),
            ("list_event_ids_by_organization",
             {"organization": _id_or_key(self.organization, "org:")}
             if self.organization else None),
            ("list_event_ids_by_person", {"person": _id_or_key(self.person, "person:")}
             if self.person else None),
            ("list_event_ids_by_place", _place_params(self.place) if self.place else None),
            ("list_event_ids_by_text", {"q": self.q.lower()} if self.q else None),
        ) if params is not None}


def _event_params(store: GraphStore, query: EventQuery) -> dict[str, Any]:
    """Parameters of cypher/list_events.cypher. Events of any of some countries are found
    by the page query itself; any other filter first narrows events to a set of ids (each
    an anchored lookup), and the page query then pages through those."""
    filters = query.filters()
    only_countries = set(filters) <= {"list_event_ids_by_countries"} and (
        query.match == "any" or len(set(query.countries)) < 2)
    ids = None
    if not only_countries:
        for name, params in filters.items():
            found = {row["id"] for row in store.query(name, **params)}
            ids = found if ids is None else ids & found
    return {
        "ids": sorted(ids) if ids is not None else None,
        "countries": sorted(set(query.countries)),
        "type": query.type.value if query.type else None,
        "date_from": query.date_from.isoformat() if query.date_from else None,
        "date_to": query.date_to.isoformat() if query.date_to else None,
        "descending": query.sort == "-date",
    }


def _id_or_key(value: str, prefix: str) -> str:
    """An id passes as it is; a name becomes the alias key nodes are matched by."""
    return value if value.startswith(prefix) else fold(value)


def _place_params(value: str) -> dict[str, str | None]:
    """A place id as it is; a name lower-cased, and the id of the city the gazetteer knows
    by it, so any spelling finds the city ("St Petersburg", "Saint Petersburg")."""
    if value.startswith("place:"):
        return {"place": value, "city": None}
    city = PlaceIndex.default().mention(value)
    return {"place": value.lower(), "city": place_id(city) if city else None}


def find_events(store: GraphStore, query: EventQuery, *, limit: int, offset: int
                ) -> EventsPublic:
    """One page of the events matching `query`, in date order, with the total."""
    rows = store.query("list_events", **_event_params(store, query), skip=offset, limit=limit,
                       with_dates=False)
    total = rows[0]["total"] if rows else 0
    items = [EventSummary(**_without(row, "total", "dates")) for row in rows
             if row["id"] is not None]
    return EventsPublic(items=items, total=total, limit=limit, offset=offset)


def get_event(store: GraphStore, event_id: str) -> EventPublic:
    rows = store.query("get_event_by_id", id=event_id)
    if not rows:
        raise NotFound(f"no event with id {event_id!r}")
    row = rows[0]
    place = None
    if row["places"]:
        first = min(row["places"], key=lambda p: p["id"])
        country = row["place_countries"][0] if row["place_countries"] else None
        place = PlacePublic(**_evidenced(first), country=country)
    return EventPublic(
        id=row["id"], name=row["name"], type=row["type"], plover=row["plover"],
        date=row["date"], end_date=row["end_date"], place=place,
        countries=_evidenced_list(row["countries"]), regions=_evidenced_list(row["regions"]),
        organizers=_evidenced_list(row["organizers"]),
        participants=[{**p, "titles": p["titles"] or []}
                      for p in _evidenced_list(row["participants"])],
        participant_organizations=_evidenced_list(row["participant_organizations"]),
        message_senders=_evidenced_list(row["message_senders"]),
        part_of=_by_name(row["parents"]), sub_events=_by_name(row["sub_events"]),
        articles=sorted(({**a, "evidence": _unique(a["evidence"] or [])} for a in row["articles"]),
                        key=lambda a: a["id"]),
    )


def _evidenced(row: Row) -> dict[str, Any]:
    """A role's sentences paired with the article each was read in (its span's prefix)."""
    sentences, spans = row.pop("evidence", None) or [], row.pop("spans", None) or []
    pairs = {(span.rsplit(":", 1)[0], sentence) for sentence, span in zip(sentences, spans,
                                                                          strict=False)}
    return {**row, "evidence": [Evidence(article=a, sentence=s) for a, s in sorted(pairs)]}


def _evidenced_list(rows: list[Row]) -> list[dict[str, Any]]:
    return _by_name([_evidenced(dict(row)) for row in rows])


def _by_name(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda row: (row.get("name") or "", row["id"]))


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _without(row: Row, *keys: str) -> Row:
    return {k: v for k, v in row.items() if k not in keys}


# --- timeline -----------------------------------------------------------------------------

def timeline(store: GraphStore, query: EventQuery, *, interval: Interval) -> TimelinePublic:
    """Counts of the events matching `query` per day, week, month or year, with every
    bucket between the first and the last (empty ones at zero) for charts."""
    rows = store.query("list_events", **_event_params(store, query), skip=0, limit=0,
                       with_dates=True)
    row = rows[0] if rows else {"total": 0, "dates": []}
    dates = [dt.date.fromisoformat(str(d)) for d in row["dates"] if d is not None]
    counts = Counter(_bucket_start(d, interval) for d in dates)
    buckets = []
    if counts:
        start, last = min(counts), max(counts)
        while start <= last:
            if len(buckets) == MAX_BUCKETS:
                raise BadParameter("interval", f"more than {MAX_BUCKETS} {interval}s between "
                                               "the first and last event: choose a longer "
                                               "interval or a shorter date range")
            buckets.append(TimelineBucket(period=_period(start, interval), start=start,
                                          events=counts.get(start, 0)))
            start = _next_bucket(start, interval)
    return TimelinePublic(interval=interval, items=buckets, total=row["total"],
                          undated=row["total"] - len(dates))


def _bucket_start(day: dt.date, interval: Interval) -> dt.date:
    if interval == "year":
        return day.replace(month=1, day=1)
    if interval == "month":
        return day.replace(day=1)
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    return day


def _next_bucket(start: dt.date, interval: Interval) -> dt.date:
    if interval == "year":
        return start.replace(year=start.year + 1)
    if interval == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start + dt.timedelta(days=7 if interval == "week" else 1)


def _period(start: dt.date, interval: Interval) -> str:
    if interval == "year":
        return f"{start.year}"
    if interval == "month":
        return f"{start:%Y-%m}"
    if interval == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return start.isoformat()


# --- countries ----------------------------------------------------------------------------

def list_countries(store: GraphStore, *, limit: int, offset: int) -> CountriesPublic:
    row = store.query("list_countries", skip=offset, limit=limit)[0]
    return CountriesPublic(items=[_with_lists(i, "aliases") for i in row["items"]],
                           total=row["total"], limit=limit, offset=offset)


def get_country(store: GraphStore, ref: str) -> CountryPublic:
    """A country by ISO3 code, name, alias or demonym."""
    match = _country(ref)
    rows = store.query("get_country", id=match.iso3, limit=DETAIL_LIST_CAP) if match else []
    if not rows:
        raise NotFound(f"no country {ref[:80]!r} in the graph")
    row = _with_lists(rows[0], "aliases")
    return CountryPublic(**{**row, "organizations": _by_name(row["organizations"]),
                            "persons": _by_name(row["persons"])})


def country_partners(store: GraphStore, ref: str, *, limit: int, offset: int
                     ) -> PartnersPublic:
    iso3 = get_country(store, ref).id
    row = store.query("list_country_partners", id=iso3, skip=offset, limit=limit)[0]
    return PartnersPublic(country=iso3, items=row["items"], total=row["total"], limit=limit,
                          offset=offset)


# --- organizations and persons ------------------------------------------------------------

def list_organizations(store: GraphStore, *, q: str | None, country: str | None, limit: int,
                       offset: int) -> OrganizationsPublic:
    row = store.query("list_organizations", q=fold(q) if q else None, country=country,
                      skip=offset, limit=limit)[0]
    return OrganizationsPublic(items=row["items"], total=row["total"], limit=limit,
                               offset=offset)


def get_organization(store: GraphStore, org_id: str) -> OrganizationPublic:
    rows = store.query("get_organization", id=org_id, limit=DETAIL_LIST_CAP)
    if not rows:
        raise NotFound(f"no organization with id {org_id!r}")
    row = _with_lists(rows[0], "aliases")
    return OrganizationPublic(
        **_without(row, "parents", "mentions", "parts", "people", "countries"),
        part_of=_by_name(row["parents"]), parts=_by_name(row["parts"]),
        people=_by_name(row["people"]), countries=_by_name(row["countries"]),
        mentions=_mentions(row["mentions"]),
    )


def list_persons(store: GraphStore, *, q: str | None, country: str | None, limit: int,
                 offset: int) -> PersonsPublic:
    row = store.query("list_persons", q=fold(q) if q else None, country=country, skip=offset,
                      limit=limit)[0]
    return PersonsPublic(items=[_with_lists(i, "titles") for i in row["items"]],
                         total=row["total"], limit=limit, offset=offset)


def get_person(store: GraphStore, person_id: str) -> PersonPublic:
    rows = store.query("get_person", id=person_id, limit=DETAIL_LIST_CAP)
    if not rows:
        raise NotFound(f"no person with id {person_id!r}")
    row = _with_lists(rows[0], "aliases", "titles")
    return PersonPublic(**_without(row, "mentions", "affiliations", "countries"),
                        affiliations=_by_name(row["affiliations"]),
                        countries=_by_name(row["countries"]),
                        mentions=_mentions(row["mentions"]))


def _mentions(rows: list[Row]) -> list[Row]:
    return sorted((_with_lists(m, "surfaces") for m in rows), key=lambda m: m["article"])


def _with_lists(row: Row, *keys: str) -> Row:
    """Lists the store left unset (null) as empty lists."""
    return {**row, **{key: row.get(key) or [] for key in keys}}


# --- search -------------------------------------------------------------------------------

def search(store: GraphStore, q: str, *, limit: int) -> SearchPublic:
    """Countries, organizations, persons and events whose name or an alias is close to `q`
    (spelling, transliteration, acronym), best first."""
    text = fold(q)
    if not text:
        raise BadParameter("q", "give some letters or digits to search for")
    entity_keys = set()
    for label in (Label.ORGANIZATION, Label.PERSON):
        entity_keys |= blocking_keys(EntityRecord(key="q", label=label, name=q), generic=True)
    event_keys = event_blocking_keys(q)
    # Neo4j reads candidates from its full-text index with `fulltext_query`; the embedded
    # engine scans and ignores it.
    rows = store.query("search_candidates", entity_keys=sorted(entity_keys),
                       event_keys=event_keys, text=text, limit=SEARCH_CANDIDATES,
                       fulltext_query=fulltext_query(text, keys=[*entity_keys, *event_keys]))
    country = _country(q)
    hits = {}
    for row in rows:
        names = [row["name"], *row["aliases"]]
        score, matched = max((_closeness(text, name), name) for name in names if name)
        if country is not None and row["id"] == country.iso3:
            score, matched = 100.0, q
        if score >= 60:
            hits[row["id"]] = SearchHit(id=row["id"], kind=row["kind"], name=row["name"],
                                        score=round(score, 1), matched=matched)
    if country is not None and country.iso3 not in hits:
        found = store.query("get_nodes_by_id", ids=[country.iso3])
        if found:
            hits[country.iso3] = SearchHit(id=country.iso3, kind="Country", name=found[0]["name"],
                                           score=100.0, matched=q)
    ranked = sorted(hits.values(), key=lambda h: (-h.score, _KIND_ORDER[h.kind], h.name, h.id))
    return SearchPublic(query=q, items=ranked[:limit])


_KIND_ORDER = {"Country": 0, "Organization": 1, "Person": 2, "Event": 3}


def _closeness(text: str, name: str) -> float:
    """0-100: exact (folded) names and acronyms first, then close spellings, then names
    that contain the query."""
    folded = fold(name)
    if folded == text or folded.replace(" ", "") == text.replace(" ", ""):
        return 100.0
    whole = fuzz.ratio(text, folded)
    words = max((fuzz.ratio(text, w) for w in folded.split()), default=0.0)
    partial = fuzz.partial_ratio(text, folded) * 0.9 if len(text) >= 4 else 0.0
    return max(whole, words * 0.95, partial)


# --- graph --------------------------------------------------------------------------------

def neighborhood(store: GraphStore, node_id: str, *, depth: int, limit: int) -> GraphPublic:
    """The nodes within `depth` relationships of a node (at most `limit` of them besides
    it) and the relationships between them, breadth first."""
    found = store.query("get_nodes_by_id", ids=[node_id])
    if not found:
        raise NotFound(f"no node with id {node_id!r}")
    nodes = {node_id: GraphNode(**found[0])}
    relationships: dict[tuple[str, str, str], GraphRelationship] = {}
    frontier, truncated = [node_id], False
    for _ in range(depth):
        if not frontier:
            break
        budget = NEIGHBOURS_PER_NODE * limit
        rows = store.query("list_neighbors", ids=frontier, limit=budget)
        truncated |= len(rows) == budget
        frontier = []
        for row in rows:
            if row["id"] not in nodes:
                if len(nodes) > limit:
                    truncated = True
                    continue
                nodes[row["id"]] = GraphNode(**_without(row, "type", "source", "target"))
                frontier.append(row["id"])
            relationships[(row["type"], row["source"], row["target"])] = GraphRelationship(
                type=row["type"], source=row["source"], target=row["target"])
    return GraphPublic(center=node_id, depth=depth, nodes=list(nodes.values()),
                       relationships=sorted(relationships.values(),
                                            key=lambda r: (r.type, r.source, r.target)),
                       truncated=truncated)


# --- articles and statistics --------------------------------------------------------------

def list_articles(store: GraphStore, *, limit: int, offset: int) -> ArticlesPublic:
    row = store.query("list_articles", skip=offset, limit=limit)[0]
    return ArticlesPublic(items=row["items"], total=row["total"], limit=limit, offset=offset)


def get_article(store: GraphStore, article_id: str) -> ArticlePublic:
    rows = store.query("get_article", id=article_id)
    if not rows:
        raise NotFound(f"no article with id {article_id!r}")
    row = rows[0]
    return ArticlePublic(
        **_without(row, "events", "mentions"),
        events=sorted(({**e, "evidence": _unique(e["evidence"] or [])} for e in row["events"]),
                      key=lambda e: e["id"]),
        mentions=sorted((_with_lists(m, "surfaces") for m in row["mentions"]),
                        key=lambda m: (m["kind"], m["name"] or "", m["id"])),
    )


def stats(store: GraphStore) -> StatsPublic:
    counts = store.counts()
    return StatsPublic(engine=store.engine, nodes=counts["nodes"],
                       relationships=counts["relationships"],
                       event_types=store.query("count_events_by_type"))
