"""Errors raised by graph/: one base class, a few specific ones."""


class GraphError(Exception):
    """Base class for every error raised by the graph package."""


class StoreUnavailable(GraphError):
    """The store could not be reached or started; the message says what to check."""


class QueryFailed(GraphError):
    """A named query was rejected or failed inside the store."""

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(f"query {name!r} failed: {detail}")
        self.name = name
        self.detail = detail


class QueryTimeout(QueryFailed):
    """A read query ran longer than the store's read timeout and was stopped."""


class UnknownQuery(GraphError):
    """No file in cypher/ has that name."""


class StoreBusy(GraphError):
    """Other writers kept changing the graph while a write was being planned."""
