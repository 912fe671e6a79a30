"""Finding a phrase as whole words, with the compiled pattern kept for the next call.

The rules look the same few hundred names and cues up in every sentence; compiling their
patterns once (instead of on every search, past the `re` module's small cache) keeps the
rules' cost a small share of the language pipeline's.
"""

import functools
import re


@functools.lru_cache(maxsize=8192)
def whole_words(phrase: str) -> re.Pattern:
    """ "Xinhua" in "Xinhua's report" but not in "Xinhuanet": no letter or digit either side."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


@functools.lru_cache(maxsize=8192)
def literal(phrase: str) -> re.Pattern:
    """The phrase exactly as written, anywhere."""
    return re.compile(re.escape(phrase))


@functools.lru_cache(maxsize=8192)
def unhyphenated(phrase: str) -> re.Pattern:
    """Whole words that are not part of a hyphenated compound either ("AU" not in "AU-UN")."""
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")


@functools.lru_cache(maxsize=4096)
def reported_by(name: str) -> re.Pattern:
    """ "the Ministry of Foreign Affairs reports": the name as the source of the text."""
    return re.compile(
        rf"{re.escape(name)}[^,.;]{{0,60}}?\s+(?:reports|reported|said|says|informs)\b")


@functools.lru_cache(maxsize=256)
def _any_of(cues: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(cue) for cue in cues) + r")\b")


def first_cue(lower: str, cues: tuple[str, ...]) -> str | None:
    """The cue written first in the text; of two starting together, the one listed first
    (the alternation tries them in order)."""
    match = _any_of(tuple(cues)).search(lower)
    return match.group(0) if match else None
