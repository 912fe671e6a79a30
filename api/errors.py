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


class ExtractionTimeout(ApiError):
    """Extracting a posted article took longer than the time limit; nothing was written."""


class ExtractionBusy(ApiError):
    """No extraction slot came free within the time limit."""


class ArticleTooLong(ApiError):
    """A posted article's text is longer than extraction takes (DKG_MAX_ARTICLE_CHARS)."""
