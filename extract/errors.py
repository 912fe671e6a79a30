"""Errors raised by extract/."""


class ExtractError(Exception):
    """Base class for every error raised by the extract package."""


class ModelMissing(ExtractError):
    """No spaCy English pipeline is installed."""
