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
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import BadParameter, NotFound, UnreadableArticle
from api.explore import add_explorer
from api.routes import router
from api.schemas import ErrorPublic
from api.settings import Settings, open_store
from graph.errors import QueryFailed, QueryTimeout, StoreUnavailable
from graph.store import GraphStore

logger = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, store: GraphStore | None = None, *,
               nlp: Language | None = None, writes_enabled: bool = True) -> FastAPI:
    """The API over `store`, or over the store `settings` describe (opened on start-up and
    closed on shutdown). `nlp` is the pipeline POST /articles extracts with (loaded on the
    first POST when not given); `writes_enabled=False` closes the write endpoints."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
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
    _add_error_handlers(app)
    app.include_router(router)
    add_explorer(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["Content-Type", "X-API-Key"])
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    return app


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"detail": detail})


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "; ".join(_describe(error) for error in exc.errors()))

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(UnreadableArticle)
    async def unreadable(request: Request, exc: UnreadableArticle) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(StoreUnavailable)
    async def store_unavailable(request: Request, exc: StoreUnavailable) -> JSONResponse:
        return _error(503, str(exc))

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


class BodySizeLimit:
    """Answers 413 to a request whose body is larger than `max_bytes`, whether it says so
    in Content-Length or streams it."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._too_large(send)
            return
        received = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            response_started |= message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not response_started:
                await self._too_large(send)

    async def _too_large(self, send: Send) -> None:
        response = _error(413, f"the request body is larger than {self.max_bytes} bytes "
                               "(DKG_MAX_BODY_BYTES)")
        await send({"type": "http.response.start", "status": 413,
                    "headers": response.raw_headers})
        await send({"type": "http.response.body", "body": response.body})


class _BodyTooLarge(Exception):
    pass
