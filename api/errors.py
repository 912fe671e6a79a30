"""Errors raised by api/ services: one base class; only api/app.py maps them to statuses."""


class ApiError(Exception):
    """Base class for every error the API's services raise."""


class NotFound(ApiError):
    """No node of that kind has that id (or name)."""


class BadParameter(ApiError):
    """A request value that is well-formed but means nothing here (an unknown country)."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"parameter {parameter!r}: {message}")
        self.parameter = parameter


class UnreadableArticle(ApiError):
    """A posted article that cannot become an article (empty text, bad metadata)."""
