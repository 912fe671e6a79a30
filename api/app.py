"""The FastAPI application: thin routes over named queries.

    app = create_app(settings)          # opens the configured store in its lifespan
    app = create_app(settings, store)   # serves a store the caller already opened
"""

import datetime as dt
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from api.schemas import (
    CountriesPublic,
    CountryPublic,
    EntityPublic,
    ErrorPublic,
    EventPublic,
    EventsPublic,
    EventSummary,
    HealthPublic,
    PlacePublic,
)
from api.settings import Settings, open_store
from extract.countries import CountryIndex
from graph.errors import QueryFailed, StoreUnavailable
from graph.store import GraphStore
from graph.vocabulary import EventType

logger = logging.getLogger(__name__)

MAX_PAGE = 500


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


StoreDep = Annotated[GraphStore, Depends(get_store)]


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The API over `store`, or over the store `settings` describe (opened on start-up and
    closed on shutdown)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        app.state.store = store if store is not None else open_store(settings or Settings())
        try:
            yield
        finally:
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="Diplomatic event knowledge graph",
        description="Countries, organizations, people and events read from diplomatic news.",
        version="0.1.0",
        lifespan=lifespan,
        responses={503: {"model": ErrorPublic, "description": "The store is unreachable."}},
    )
    _add_error_handlers(app)
    _add_routes(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StoreUnavailable)
    async def store_unavailable(request: Request, exc: StoreUnavailable) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    @app.exception_handler(QueryFailed)
    async def query_failed(request: Request, exc: QueryFailed) -> JSONResponse:
        logger.error("%s", exc)
        return JSONResponse(status_code=500, content={"detail": f"the store rejected query "
                                                      f"{exc.name!r}; see the server log"})


def resolve_country(country: str) -> str:
    """ISO3 for a country given by name, alias, demonym or code; 422 when unknown."""
    match = CountryIndex.default().lookup(country)
    if match is None:
        raise HTTPException(status_code=422,
                            detail=f"unknown country {country!r}: give a name, alias, demonym "
                                   "or ISO 3166-1 alpha-3 code such as 'KAZ'")
    return match.iso3


def _add_routes(app: FastAPI) -> None:
    @app.get("/health", response_model=HealthPublic, tags=["meta"])
    def health(store: StoreDep) -> HealthPublic:
        """Whether the store answers, and how many nodes and relationships it holds."""
        counts = store.counts()
        return HealthPublic(status="ok", engine=store.engine, nodes=counts["nodes"],
                            relationships=counts["relationships"])

    @app.get("/events", response_model=EventsPublic, tags=["events"])
    def list_events(
        store: StoreDep,
        country: Annotated[str | None, Query(
            description="Name, alias, demonym or ISO3 code: Kazakhstan, KAZ, Kazakh.")] = None,
        type: Annotated[EventType | None, Query(description="Event type.")] = None,
        date_from: Annotated[dt.date | None, Query(description="Earliest date (ISO).")] = None,
        date_to: Annotated[dt.date | None, Query(description="Latest date (ISO).")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> EventsPublic:
        """Events, newest first, filtered by country, type and date range."""
        filters = {
            "country": resolve_country(country) if country else None,
            "type": type.value if type else None,
            "date_from": date_from.isoformat() if date_from else None,
            "date_to": date_to.isoformat() if date_to else None,
        }
        total = store.query("count_events", **filters)[0]["total"]
        rows = store.query("list_events", **filters, skip=offset, limit=limit)
        return EventsPublic(items=[EventSummary(**row) for row in rows], total=total,
                            limit=limit, offset=offset)

    @app.get("/events/{event_id}", response_model=EventPublic, tags=["events"],
             responses={404: {"model": ErrorPublic}})
    def get_event(event_id: str, store: StoreDep) -> EventPublic:
        """One event with its place, countries, organizers, participants and sources."""
        rows = store.query("get_event_by_id", id=event_id)
        if not rows:
            raise HTTPException(status_code=404, detail=f"no event with id {event_id!r}")
        row = rows[0]
        place = None
        if row["places"]:
            first = row["places"][0]
            country = row["place_countries"][0] if row["place_countries"] else None
            place = PlacePublic(id=first["id"], name=first["name"], country=country)
        return EventPublic(
            id=row["id"], name=row["name"], type=row["type"], date=row["date"],
            end_date=row["end_date"], place=place, countries=_evidenced(row["countries"]),
            organizers=_evidenced(row["organizers"]),
            participants=_evidenced(row["participants"]),
            participant_organizations=_evidenced(row["participant_organizations"]),
            articles=_evidenced(row["articles"]),
        )

    @app.get("/entities/{entity_id}", response_model=EntityPublic, tags=["entities"],
             responses={404: {"model": ErrorPublic}})
    def get_entity(entity_id: str, store: StoreDep) -> EntityPublic:
        """An organization or person: its names, and where each name was read and why it
        was resolved to this node."""
        rows = store.query("get_entity_by_id", id=entity_id)
        if not rows:
            raise HTTPException(status_code=404, detail=f"no organization or person with id "
                                                        f"{entity_id!r}")
        row = rows[0]
        return EntityPublic(
            id=row["id"], kind=row["labels"][0], name=row["name"], aliases=row["aliases"] or [],
            titles=row["titles"] or [], country=row["country"],
            mentions=sorted(({**m, "surfaces": m["surfaces"] or []} for m in row["mentions"]),
                            key=lambda m: m["article"]),
        )

    @app.get("/countries", response_model=CountriesPublic, tags=["countries"])
    def list_countries(
        store: StoreDep,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 300,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> CountriesPublic:
        """Countries in the graph with the number of events involving each."""
        total = store.query("count_countries")[0]["total"]
        rows = store.query("list_countries", skip=offset, limit=limit)
        return CountriesPublic(
            items=[CountryPublic(**{**row, "aliases": row["aliases"] or []}) for row in rows],
            total=total,
        )


def _evidenced(rows: list[dict]) -> list[dict]:
    """Relationship evidence comes back as a list, or null when none was recorded."""
    return sorted(({**row, "evidence": row.get("evidence") or []} for row in rows),
                  key=lambda row: row.get("name") or row.get("id") or "")

