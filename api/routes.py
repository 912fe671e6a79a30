"""The REST endpoints: parse the request, call api/service.py, answer its model.

Reads never write; the two writes (POST and DELETE /articles) need the API key when one
is configured, and are closed when the server was started without one on a public address.
"""

import datetime as dt
import json
import secrets
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from api import service
from api.errors import ArticleTooLong, UnreadableArticle
from api.ingest import ingest
from api.retraction import retract_article
from api.schemas import (
    ArticleIn,
    ArticleIngested,
    ArticlePublic,
    ArticleRetracted,
    ArticlesPublic,
    CountriesPublic,
    CountryPublic,
    ErrorPublic,
    EventPublic,
    EventsPublic,
    GraphPublic,
    HealthPublic,
    KindedRef,
    OrganizationPublic,
    OrganizationsPublic,
    PartnersPublic,
    PersonPublic,
    PersonsPublic,
    SearchPublic,
    StatsPublic,
    TimelinePublic,
)
from api.service import EventQuery, country_code
from extract.reading import article_from_text, text_article
from graph.store import GraphStore
from graph.vocabulary import EventType

MAX_PAGE = 500
MAX_GRAPH_NODES = 500
MAX_SEARCH_HITS = 100
MAX_TEXT = 200  # longest name or search text a filter takes

NOT_FOUND = {404: {"model": ErrorPublic, "description": "No such id."}}

router = APIRouter()


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


StoreDep = Annotated[GraphStore, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
Text = Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT)]
CountryRef = Annotated[str, Query(min_length=1, max_length=MAX_TEXT,
                                  description="Name, alias, demonym or ISO3: Kazakhstan, KAZ, "
                                              "Kazakh.")]


def event_query(
    country: Annotated[list[str], Query(
        max_length=20, description="Name, alias, demonym or ISO3 code (Kazakhstan, KAZ, "
                                   "Kazakh); repeat for several.")] = [],  # noqa: B006
    match: Annotated[Literal["any", "all"], Query(
        description="Events involving any of the countries, or all of them.")] = "any",
    organization: Annotated[str | None, Query(
        min_length=1, max_length=MAX_TEXT,
        description="Organization id or name (organizer or participant).")] = None,
    person: Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT,
                                        description="Person id or name (participant).")] = None,
    type: Annotated[EventType | None, Query(description="Event type.")] = None,
    place: Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT,
                                       description="Place id or name (city, venue).")] = None,
    date_from: Annotated[dt.date | None, Query(description="Earliest date (ISO).")] = None,
    date_to: Annotated[dt.date | None, Query(description="Latest date (ISO).")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT,
                                   description="Text in the name or evidence sentences.")
                 ] = None,
    sort: Annotated[Literal["date", "-date"], Query(
        description="Oldest (date) or newest (-date) first; undated events last.")] = "-date",
) -> EventQuery:
    for value in country:
        if len(value) > MAX_TEXT:
            raise HTTPException(422, f"query parameter 'country': longer than {MAX_TEXT}")
    return EventQuery(countries=[country_code(c) for c in country], match=match,
                      organization=organization, person=person, type=type, place=place,
                      date_from=date_from, date_to=date_to, q=q, sort=sort)


EventQueryDep = Annotated[EventQuery, Depends(event_query)]


# --- meta ---------------------------------------------------------------------------------

@router.get("/health", response_model=HealthPublic, tags=["meta"])
def health(store: StoreDep) -> HealthPublic:
    """Whether the store answers, and how many nodes and relationships it holds."""
    counts = store.counts()
    return HealthPublic(status="ok", engine=store.engine, nodes=counts["nodes"],
                        relationships=counts["relationships"])


@router.get("/stats", response_model=StatsPublic, tags=["meta"])
def stats(store: StoreDep) -> StatsPublic:
    """Node and relationship counts, and events per type with their first and last date."""
    return service.stats(store)


# --- events -------------------------------------------------------------------------------

@router.get("/events", response_model=EventsPublic, tags=["events"])
def list_events(store: StoreDep, query: EventQueryDep, limit: Limit = 50,
                offset: Offset = 0) -> EventsPublic:
    """Events matching every filter given, newest first unless `sort=date`."""
    return service.find_events(store, query, limit=limit, offset=offset)


@router.get("/events/{event_id}", response_model=EventPublic, tags=["events"],
            responses=NOT_FOUND)
def get_event(event_id: str, store: StoreDep) -> EventPublic:
    """One event: type, dates, place, countries, organizers, participants with titles,
    parent and sub-events, and the source articles; every fact with its sentences."""
    return service.get_event(store, event_id)


@router.get("/timeline", response_model=TimelinePublic, tags=["events"])
def timeline(
    store: StoreDep,
    query: EventQueryDep,
    interval: Annotated[Literal["day", "week", "month", "year"], Query()] = "month",
    from_: Annotated[dt.date | None, Query(alias="from", description="Earliest date.")] = None,
    to: Annotated[dt.date | None, Query(description="Latest date.")] = None,
) -> TimelinePublic:
    """Counts of matching events per interval, for charts (takes the /events filters too)."""
    query = query.model_copy(update={"date_from": from_ or query.date_from,
                                     "date_to": to or query.date_to})
    return service.timeline(store, query, interval=interval)


# --- countries ----------------------------------------------------------------------------

@router.get("/countries", response_model=CountriesPublic, tags=["countries"])
def list_countries(store: StoreDep, limit: Limit = 300, offset: Offset = 0) -> CountriesPublic:
    """Countries in the graph, those involved in the most events first."""
    return service.list_countries(store, limit=limit, offset=offset)


@router.get("/countries/{country}", response_model=CountryPublic, tags=["countries"],
            responses=NOT_FOUND)
def get_country(country: str, store: StoreDep) -> CountryPublic:
    """One country, by ISO3 code, name, alias or demonym."""
    return service.get_country(store, country)


@router.get("/countries/{country}/events", response_model=EventsPublic, tags=["countries"],
            responses=NOT_FOUND)
def country_events(country: str, store: StoreDep, limit: Limit = 50, offset: Offset = 0
                   ) -> EventsPublic:
    """Events involving the country, newest first."""
    iso3 = service.get_country(store, country).id
    return service.find_events(store, EventQuery(countries=[iso3]), limit=limit, offset=offset)


@router.get("/countries/{country}/partners", response_model=PartnersPublic,
            tags=["countries"], responses=NOT_FOUND)
def country_partners(country: str, store: StoreDep, limit: Limit = 50, offset: Offset = 0
                     ) -> PartnersPublic:
    """Countries involved in the same events, with how many and the latest date."""
    return service.country_partners(store, country, limit=limit, offset=offset)


# --- organizations and persons ------------------------------------------------------------

@router.get("/organizations", response_model=OrganizationsPublic, tags=["organizations"])
def list_organizations(store: StoreDep, q: Text = None,
                       country: Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT,
                                                            description="Based in.")] = None,
                       limit: Limit = 50, offset: Offset = 0) -> OrganizationsPublic:
    """Organizations, those in the most events first; `q` filters by name or alias."""
    return service.list_organizations(store, q=q, country=country_code(country)
                                      if country else None, limit=limit, offset=offset)


@router.get("/organizations/{org_id}", response_model=OrganizationPublic,
            tags=["organizations"], responses=NOT_FOUND)
def get_organization(org_id: str, store: StoreDep) -> OrganizationPublic:
    """One organization: aliases, country, parent and parts, people, the articles naming it."""
    return service.get_organization(store, org_id)


@router.get("/organizations/{org_id}/events", response_model=EventsPublic,
            tags=["organizations"], responses=NOT_FOUND)
def organization_events(org_id: str, store: StoreDep, limit: Limit = 50, offset: Offset = 0
                        ) -> EventsPublic:
    """Events the organization organized or took part in, newest first."""
    service.get_organization(store, org_id)
    return service.find_events(store, EventQuery(organization=org_id), limit=limit,
                               offset=offset)


@router.get("/persons", response_model=PersonsPublic, tags=["persons"])
def list_persons(store: StoreDep, q: Text = None,
                 country: Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT,
                                                      description="Represents.")] = None,
                 limit: Limit = 50, offset: Offset = 0) -> PersonsPublic:
    """People, those in the most events first; `q` filters by name or alias."""
    return service.list_persons(store, q=q, country=country_code(country) if country else None,
                                limit=limit, offset=offset)


@router.get("/persons/{person_id}", response_model=PersonPublic, tags=["persons"],
            responses=NOT_FOUND)
def get_person(person_id: str, store: StoreDep) -> PersonPublic:
    """One person: aliases, titles, affiliations, country, the articles naming them."""
    return service.get_person(store, person_id)


@router.get("/persons/{person_id}/events", response_model=EventsPublic, tags=["persons"],
            responses=NOT_FOUND)
def person_events(person_id: str, store: StoreDep, limit: Limit = 50, offset: Offset = 0
                  ) -> EventsPublic:
    """Events the person took part in, newest first."""
    service.get_person(store, person_id)
    return service.find_events(store, EventQuery(person=person_id), limit=limit, offset=offset)


# --- search and graph ---------------------------------------------------------------------

@router.get("/search", response_model=SearchPublic, tags=["search"])
def search(store: StoreDep,
           q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT,
                                   description="A name, alias, acronym or a close spelling.")],
           limit: Annotated[int, Query(ge=1, le=MAX_SEARCH_HITS)] = 20) -> SearchPublic:
    """Countries, organizations, persons and events by name, best match first."""
    return service.search(store, q, limit=limit)


@router.get("/graph/neighborhood/{node_id}", response_model=GraphPublic, tags=["graph"],
            responses=NOT_FOUND)
def neighborhood(node_id: str, store: StoreDep,
                 depth: Annotated[int, Query(ge=1, le=3)] = 1,
                 limit: Annotated[int, Query(ge=1, le=MAX_GRAPH_NODES,
                                             description="Most nodes besides the center.")
                                  ] = 100) -> GraphPublic:
    """Nodes and relationships around any node, ready to draw."""
    return service.neighborhood(store, node_id, depth=depth, limit=limit)


# --- articles -----------------------------------------------------------------------------

@router.get("/articles", response_model=ArticlesPublic, tags=["articles"])
def list_articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> ArticlesPublic:
    """Articles in the graph, newest first."""
    return service.list_articles(store, limit=limit, offset=offset)


@router.get("/articles/{article_id}", response_model=ArticlePublic, tags=["articles"],
            responses=NOT_FOUND)
def get_article(article_id: str, store: StoreDep) -> ArticlePublic:
    """One article and what was read from it: events reported, entities mentioned."""
    return service.get_article(store, article_id)


def require_writer(
    request: Request,
    x_api_key: Annotated[str | None, Header(description="Needed when DKG_API_KEY is set.")
                         ] = None,
) -> None:
    if not request.app.state.writes_enabled:
        raise HTTPException(403, "writes are closed on this server: it listens on a public "
                                 "address without DKG_API_KEY")
    expected = request.app.state.settings.api_key
    if expected and not secrets.compare_digest((x_api_key or "").encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong X-API-Key header")


WRITE_ERRORS = {
    401: {"model": ErrorPublic, "description": "Missing or wrong API key."},
    403: {"model": ErrorPublic, "description": "Writes are closed, or the write is cross-site."},
    413: {"model": ErrorPublic, "description": "The body is too large."},
    415: {"model": ErrorPublic, "description": "Not JSON (or, with the API key, plain text)."},
    503: {"model": ErrorPublic, "description": "The store is unreachable, or extraction took "
                                               "longer than its time limit."},
}

ARTICLE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "text/plain": {"schema": {"type": "string", "minLength": 1},
                       "example": "Title: ...\nDate: 2026-04-16\n\nASTANA, April 16 -- ..."},
    },
}


@router.post("/articles", response_model=ArticleIngested, status_code=201, tags=["articles"],
             dependencies=[Depends(require_writer)],
             responses={200: {"model": ArticleIngested,
                              "description": "The article was already in the graph."},
                        **WRITE_ERRORS},
             openapi_extra={"requestBody": ARTICLE_BODY})
async def post_article(request: Request, response: Response) -> ArticleIngested:
    """Ingest one article, sent as JSON (`text` and optional metadata) or, with the API
    key, as plain text. Answers with the nodes it created and those it added facts to (200,
    with none, when the article was already in the graph)."""
    app = request.app
    settings = app.state.settings
    article = _article_from(await request.body(), request.headers.get("content-type", ""),
                            keyed=bool(settings.api_key))
    if len(article.text) > settings.max_article_chars:
        raise ArticleTooLong(f"the article text is {len(article.text)} characters, more than "
                             f"the {settings.max_article_chars} extraction takes "
                             "(DKG_MAX_ARTICLE_CHARS); send it in parts")
    store = app.state.store
    if await run_in_threadpool(_known, store, article):
        response.status_code = 200
        return ArticleIngested(article=article.id, events=0, created=[], touched=[])
    extractions = await app.state.extraction(article)

    def write() -> ArticleIngested:
        with app.state.write_lock:
            report = ingest([article], store=store, extract=lambda _: extractions,
                            curation=app.state.curation, track_nodes=True,
                            max_article_chars=settings.max_article_chars)
        if report.skipped:
            raise UnreadableArticle(report.skipped[0].reason)
        if article.id not in report.created:
            response.status_code = 200
        return ArticleIngested(article=article.id, events=report.events,
                               created=_kinded(store, report.created),
                               touched=_kinded(store, report.touched))

    return await run_in_threadpool(write)


@router.delete("/articles/{article_id}", response_model=ArticleRetracted, tags=["articles"],
               dependencies=[Depends(require_writer)], responses={**NOT_FOUND, **WRITE_ERRORS})
def delete_article(article_id: str, request: Request, store: StoreDep) -> ArticleRetracted:
    """Retract an article: the graph becomes what the other articles alone give (facts
    only it supported disappear, shared ones lose it as a source)."""
    with request.app.state.write_lock:
        report = retract_article(store, article_id, curation=request.app.state.curation)
    return ArticleRetracted(article=article_id, deleted=report.deleted, updated=report.updated)


def _known(store: GraphStore, article) -> bool:
    ids = [article.id, f"{article.id}-item-1"]
    return bool(store.query("get_article_ids", ids=ids))


def _article_from(body: bytes, content_type: str, *, keyed: bool):
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise UnreadableArticle("the body is not UTF-8 text") from e
    try:
        if content_type.startswith("application/json"):
            try:
                value = json.loads(text)
            except RecursionError:
                raise UnreadableArticle("not an article: JSON nested too deeply") from None
            fields = ArticleIn.model_validate(value)
            return article_from_text(fields.text, title=fields.title, url=fields.url,
                                     published=fields.published, source=fields.source)
        if content_type.startswith("text/plain"):
            if not keyed:
                raise HTTPException(415, "without DKG_API_KEY this server takes articles as "
                                         "application/json only (a plain-text body is what "
                                         "another site's form can send unasked)")
            return text_article(text)
    except (ValueError, ValidationError) as e:
        raise UnreadableArticle(f"not an article: {_short(e)}") from e
    raise HTTPException(415, "send the article as application/json (or, with the API key, "
                             "text/plain)")


def _short(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}"
                         for e in error.errors())
    return str(error)


def _kinded(store: GraphStore, ids: list[str]) -> list[KindedRef]:
    if not ids:
        return []
    rows = store.query("get_nodes_by_id", ids=sorted(set(ids)))
    return [KindedRef(id=r["id"], kind=r["kind"], name=r["name"]) for r in rows]

