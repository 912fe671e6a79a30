"""Rails every request passes before a route sees it: the Host it names, where a write comes
from, and how large its body is.

- **Host.** A page on another site can make a browser talk to a loopback server by pointing
  its own host name at 127.0.0.1 (DNS rebinding); such requests name that host. Only the
  names the server listens on, loopback names and DKG_ALLOWED_HOSTS are answered.
- **Cross-site writes.** A browser sends `Origin` (and `Sec-Fetch-Site`) with a write; a
  write from a page of another origin than the server's own, and not one DKG_CORS_ORIGINS
  lists, is refused whatever its body. Without an API key, a write must also be JSON: a
  plain-text body is what a cross-site form can send without asking first.
- **Body size.** Over DKG_MAX_BODY_BYTES is a 413, whether Content-Length says so or the
  body streams.

Every refusal is JSON `{"detail": ...}` saying what was wrong.
"""

import ipaddress
from urllib.parse import urlsplit

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def error_response(status: int, detail: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"detail": detail})


async def _send(send: Send, response: JSONResponse) -> None:
    await send({"type": "http.response.start", "status": response.status_code,
                "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


def allowed_hosts(listen_host: str | None, extra: list[str]) -> list[str] | None:
    """The Host names a server listening on `listen_host` answers to; None: any (a server
    listening on every interface is reached by names it cannot know)."""
    if "*" in extra or listen_host in ("0.0.0.0", "::", ""):
        return None
    names = {*LOOPBACK_NAMES, *(name.lower() for name in extra)}
    if listen_host:
        names.add(listen_host.lower().strip("[]"))
    return sorted(names)


def _host_name(host: str) -> str:
    """The name part of a Host header: without the port, IPv6 brackets dropped."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        return host.rsplit(":", 1)[0]
    return host


def _is_loopback(name: str) -> bool:
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return name == "localhost"


class RequestGuard:
    """ASGI middleware for the three rails above."""

    def __init__(self, app: ASGIApp, *, hosts: list[str] | None, cors_origins: list[str],
                 max_bytes: int) -> None:
        self.app, self.hosts, self.max_bytes = app, hosts, max_bytes
        self.cors_origins = {origin.rstrip("/").lower() for origin in cors_origins}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers") or []}
        refusal = self._refusal(scope["method"], headers)
        if refusal is not None:
            await _send(send, refusal)
            return
        await self._limited(scope, receive, send, headers.get("content-length"))

    def _refusal(self, method: str, headers: dict[str, str]) -> JSONResponse | None:
        host = headers.get("host", "")
        name = _host_name(host)
        if self.hosts is not None and name not in self.hosts and not _is_loopback(name):
            return error_response(400, f"this server does not answer to the host {host!r}; "
                                       "add it to DKG_ALLOWED_HOSTS to reach it by that name")
        if method in WRITE_METHODS:
            origin = headers.get("origin")
            if origin is not None and origin != "null":
                parts = urlsplit(origin)
                same = parts.netloc.lower() == host.lower()
                if not same and origin.rstrip("/").lower() not in self.cors_origins:
                    return error_response(403, f"cross-site write from {origin!r} refused: "
                                               "write from this server's own pages, or list "
                                               "the origin in DKG_CORS_ORIGINS")
            elif origin == "null" or headers.get("sec-fetch-site") == "cross-site":
                return error_response(403, "cross-site write refused")
        return None

    async def _limited(self, scope: Scope, receive: Receive, send: Send,
                       declared: str | None) -> None:
        too_large = error_response(413, f"the request body is larger than {self.max_bytes} "
                                        "bytes (DKG_MAX_BODY_BYTES)")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _send(send, too_large)
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
                await _send(send, too_large)


class _BodyTooLarge(Exception):
    pass
