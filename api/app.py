"""The FastAPI application: the store, the safety rails and the error contract.

    app = create_app(settings)          # opens the configured store in its lifespan
    app = create_app(settings, store)   # serves a store the caller already opened

Routes live in api/routes.py; what they answer is computed in api/service.py.
"""

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from spacy.language import Language

from api.curation import load_curation
from api.errors import (
    ArticleTooLong,
    BadParameter,
    ExtractionBusy,
    ExtractionTimeout,
    NotFound,
    UnreadableArticle,
)
from api.explore import add_explorer
from api.extraction_worker import ExtractionWorker
from api.guards import RequestGuard, allowed_hosts, error_response
from api.routes import router
from api.schemas import ErrorPublic
from api.settings import Settings, open_store
from graph.errors import QueryFailed, QueryTimeout, StoreBusy, StoreUnavailable
from graph.store import GraphStore

logger = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, store: GraphStore | None = None, *,
               nlp: Language | None = None, writes_enabled: bool = True,
               listen_host: str | None = None) -> FastAPI:
    """The API over `store`, or over the store `settings` describe (opened on start-up and
    closed on shutdown). `nlp` is the pipeline POST /articles extracts with (loaded on the
    first POST when not given); `writes_enabled=False` closes the write endpoints;
    `listen_host` is the address the server listens on (loopback when not given), which
    with loopback names and DKG_ALLOWED_HOSTS makes the Host names it answers to."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        app.state.curation = load_curation(settings.curation_path())
        app.state.store = store if store is not None else open_store(settings)
        try:
            yield
        finally:
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="Diplomatic event knowledge graph",
        description="Countries, organizations, people and events read from diplomatic news. "
                    "Lists are paginated (`limit`, `offset`, `total`) in a stable order.",
        version="0.2.0",
        lifespan=lifespan,
        responses={422: {"model": ErrorPublic, "description": "A parameter is invalid."},
                   503: {"model": ErrorPublic, "description": "The store is unreachable or "
                                                          "the query took too long."}},
    )
    app.state.settings = settings
    app.state.nlp = nlp
    app.state.nlp_lock = threading.Lock()
    app.state.write_lock = threading.Lock()
    app.state.writes_enabled = writes_enabled
    app.state.curation = None
    app.state.extraction = ExtractionWorker(lambda articles: _extractor(app)(articles),
                                            timeout=settings.extraction_timeout)
    _add_error_handlers(app)
    app.include_router(router)
    add_explorer(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["Content-Type", "X-API-Key"])
    app.add_middleware(RequestGuard, hosts=allowed_hosts(listen_host, settings.allowed_hosts),
                       cors_origins=settings.cors_origins, max_bytes=settings.max_body_bytes)
    return app


def _extractor(app: FastAPI):
    """Extraction with the app's pipeline, loaded on first use."""
    from api.ingest import Extractor

    with app.state.nlp_lock:
        if app.state.nlp is None:
            from extract.pipeline import load_nlp

            app.state.nlp = load_nlp(app.state.settings.spacy_model)
    return Extractor(app.state.nlp)


_error = error_response


# The API's errors and their status codes; each answers JSON {"detail": "<the message>"}.
_STATUS: dict[type[Exception], int] = {
    BadParameter: 422, UnreadableArticle: 422, ArticleTooLong: 422, NotFound: 404,
    StoreUnavailable: 503, StoreBusy: 503, ExtractionTimeout: 503, ExtractionBusy: 503,
}


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "; ".join(_describe(error) for error in exc.errors()))

    async def plain(request: Request, exc: Exception) -> JSONResponse:
        status = next(code for kind, code in _STATUS.items() if isinstance(exc, kind))
        return _error(status, str(exc))

    for error in _STATUS:
        app.add_exception_handler(error, plain)

    @app.exception_handler(QueryTimeout)
    async def query_timeout(request: Request, exc: QueryTimeout) -> JSONResponse:
        return _error(503, f"query {exc.name!r} took longer than the store's timeout "
                           "(DKG_QUERY_TIMEOUT); narrow the request")

    @app.exception_handler(QueryFailed)
    async def query_failed(request: Request, exc: QueryFailed) -> JSONResponse:
        logger.error("%s", exc)
        return _error(500, f"the store rejected query {exc.name!r}; see the server log")


def _describe(error: dict) -> str:
    """"query parameter 'limit': Input should be less than or equal to 500"."""
    where = [str(part) for part in error.get("loc", ())]
    if where and where[0] in ("query", "path", "body", "header"):
        place = f"{where[0]} parameter" if where[0] != "body" else "body"
        name = ".".join(where[1:])
        return f"{place} {name!r}: {error.get('msg', 'invalid')}" if name else \
            f"{place}: {error.get('msg', 'invalid')}"
    return str(error.get("msg", "invalid request"))
