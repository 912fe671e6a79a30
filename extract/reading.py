"""Turn input files into `Article` records, and report every input that cannot become one.

Supported inputs: plain text with an optional `Key: value` header (`.txt`), web pages
(`.html`, `.htm`, main content found by trafilatura), and JSON records (`.json` holding an
object or a list of objects, `.jsonl` holding one object per line). Folders are walked
recursively in sorted order. Reading never raises for a bad input: it yields a `ReadFailure`
saying which file (or which record of it) and why, and goes on with the next.

Everything read is valid Unicode text: a file name that is not UTF-8 is shown with its odd
bytes escaped (`caf\xe9.txt`), and a lone surrogate in a JSON string ("\ud800", valid JSON
but not text) becomes U+FFFD, so no article can fail later for its bytes.
"""

import hashlib
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import decode_file

from extract.models import Article, ReadFailure

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_EXTENSIONS",
    "article_from_text",
    "article_id",
    "normalize_text",
    "read_articles",
]

logger = logging.getLogger(__name__)

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset({".txt", ".html", ".htm", ".json", ".jsonl"})
MAX_FILE_BYTES = 20 * 1024 * 1024

# Header keys of `.txt` files (compared case-insensitively) and the Article field each fills.
_HEADER_FIELDS = {
    "url": "url",
    "date": "published",
    "published": "published",
    "title": "title",
    "source": "source",
}
_HEADER_LINE = re.compile(r"(?P<key>[A-Za-z]+)[ \t]*:[ \t]*(?P<value>.*)")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029]")
_JSONL_LINES = re.compile(r"\r\n?|\n")
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{1,2})?")
_UNKNOWN_DATES = {"", "unknown", "n/a", "none", "null"}

_NOT_TEXT = "binary or not UTF-8 text"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_TOO_DEEP = "invalid JSON: nested too deeply"

Record = Article | ReadFailure


def read_articles(paths: Iterable[Path]) -> Iterator[Record]:
    """Yield one `Article` per readable input and one `ReadFailure` per unreadable one.

    Each path is a file or a folder; folders are walked recursively in sorted order,
    skipping hidden files and folders. JSON lists and JSONL files yield one item per record.
    """
    for path in paths:
        yield from _read_path(Path(path), seen_folders=set())


def display_path(path: Path) -> str:
    """A path as valid text: bytes of the name that are not UTF-8 escaped (`caf\xe9.txt`)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def valid_text(text: str) -> str:
    """`text` with every lone surrogate (not text, though JSON can carry one) as U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def normalize_text(text: str) -> str:
    """Newlines to `\\n`, trailing whitespace stripped from each line and from both ends.

    Nothing else changes: the extractor, not the reader, decides what is noise.
    """
    lines = _NEWLINES.sub("\n", text).split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def article_id(text: str, *, url: str | None = None) -> str:
    """The project's stable id of an article: a hash of its URL, or of its text without one."""
    key = url.strip() if url and url.strip() else normalize_text(text)
    digest = hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()
    return "article:" + digest[:16]


def article_from_text(
    text: str,
    *,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
    source: str | None = None,
    path: str | None = None,
) -> Article:
    """Build an `Article` from text and metadata, as every input (file or POST) should.

    Raises ValueError when the text is empty once normalised.
    """
    text = normalize_text(valid_text(text))
    if not text:
        raise ValueError("article text is empty")
    url = _clean(url)
    return Article(
        id=article_id(text, url=url),
        text=text,
        title=_clean(title),
        url=url,
        published=published,
        source=_clean(source),
        path=path,
    )


# --- walking --------------------------------------------------------------------------------


def _read_path(path: Path, *, seen_folders: set[Path]) -> Iterator[Record]:
    shown = display_path(path)
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        yield ReadFailure(path=shown, reason="not a file or folder")
        return
    except PermissionError:
        yield ReadFailure(path=shown, reason="permission denied")
        return
    except OSError as e:
        yield ReadFailure(path=shown, reason=f"cannot read: {e.strerror or e}")
        return
    if stat.S_ISDIR(mode):
        yield from _read_folder(path, seen_folders=seen_folders)
    elif stat.S_ISREG(mode):
        yield from _read_file(path)
    else:
        yield ReadFailure(path=shown, reason="not a file or folder")


def _read_folder(folder: Path, *, seen_folders: set[Path]) -> Iterator[Record]:
    real = folder.resolve()
    if real in seen_folders:  # a symlink loop
        logger.debug("skipping %s: folder already read", folder)
        return
    seen_folders.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except PermissionError:
        yield ReadFailure(path=display_path(folder), reason="permission denied")
        return
    except OSError as e:
        yield ReadFailure(path=display_path(folder),
                          reason=f"cannot list folder: {e.strerror or e}")
        return
    if not entries:
        logger.info("folder %s is empty", folder)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        yield from _read_path(entry, seen_folders=seen_folders)


def _read_file(path: Path) -> Iterator[Record]:
    shown = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        reason = f"unsupported file type '{suffix}'" if suffix else "unsupported file type (none)"
        yield ReadFailure(path=shown, reason=reason)
        return
    data = _load_bytes(path)
    if isinstance(data, ReadFailure):
        yield data
        return
    try:
        if suffix in (".html", ".htm"):
            yield _read_html(data, shown=shown)
            return
        text = _decode(data)
        if text is None:
            yield ReadFailure(path=shown, reason=_NOT_TEXT)
        elif not text.strip():
            yield ReadFailure(path=shown, reason="empty file")
        elif suffix == ".txt":
            yield _read_txt(text, shown=shown)
        elif suffix == ".json":
            yield from _read_json(text, shown=shown)
        else:
            yield from _read_jsonl(text, shown=shown)
    except Exception as e:  # one bad file never stops the run
        logger.exception("unexpected error reading %s", shown)
        yield ReadFailure(path=shown, reason=f"unexpected error: {type(e).__name__}: {e}")


def _load_bytes(path: Path) -> bytes | ReadFailure:
    shown = display_path(path)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return ReadFailure(path=shown, reason="not a file or folder")
    except PermissionError:
        return ReadFailure(path=shown, reason="permission denied")
    except OSError as e:
        return ReadFailure(path=shown, reason=f"cannot read: {e.strerror or e}")
    if len(data) > MAX_FILE_BYTES:
        return ReadFailure(
            path=shown, reason=f"file too large (limit {MAX_FILE_BYTES // (1024 * 1024)} MB)"
        )
    if not data:
        return ReadFailure(path=shown, reason="empty file")
    return data


def _decode(data: bytes) -> str | None:
    """UTF-8 text (a BOM is accepted), or None for binary or other encodings."""
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


# --- plain text -----------------------------------------------------------------------------


def _read_txt(text: str, *, shown: str) -> Record:
    try:
        return text_article(text, path=shown)
    except ValueError:
        return ReadFailure(path=shown, reason="no text after header")


def text_article(text: str, *, path: str | None = None) -> Article:
    """An article from plain text with an optional `Key: value` header (a `.txt` file, a
    posted text). Raises ValueError when no text follows the header."""
    header, body = _split_header(_NEWLINES.sub("\n", text))
    published = None
    if "published" in header:
        published = _parse_published(header["published"], where=path or "posted text")
    return article_from_text(body, url=header.get("url"), title=header.get("title"),
                             published=published, source=header.get("source"), path=path)


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """Split `Key: value` lines before the first blank line from the text that follows.

    They are a header only when every one of them has a known key; otherwise the whole
    file is text (a headline such as "Update: talks resume" is not a header).
    """
    lines = text.split("\n")
    end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    if end == 0:
        return {}, text
    header: dict[str, str] = {}
    for line in lines[:end]:
        match = _HEADER_LINE.fullmatch(line.rstrip())
        if match is None or match["key"].lower() not in _HEADER_FIELDS:
            return {}, text
        header.setdefault(_HEADER_FIELDS[match["key"].lower()], match["value"])
    return header, "\n".join(lines[end + 1 :])


# --- HTML -----------------------------------------------------------------------------------


def _read_html(data: bytes, *, shown: str) -> Record:
    if b"\x00" in data:
        return ReadFailure(path=shown, reason=_NOT_TEXT)
    try:
        html = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        html = decode_file(data)  # guesses the page's encoding, as trafilatura does for bytes
    if not html.strip():
        return ReadFailure(path=shown, reason="empty file")

    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        if not isinstance(document, Document):
            document = trafilatura.extract_metadata(html)
        text = document.text or ""
        if not text.strip():
            logger.debug("%s: no main content found, using trafilatura's baseline", shown)
            text = trafilatura.baseline(html)[1]
        if not text.strip():
            text = trafilatura.html2txt(html)
    except Exception as e:  # lxml and trafilatura raise a wide range of errors on bad pages
        logger.warning("%s: HTML could not be parsed: %s", shown, e)
        return ReadFailure(path=shown, reason=f"HTML could not be parsed: {type(e).__name__}")

    if not text.strip():
        return ReadFailure(path=shown, reason="no article text found in HTML")
    published = _parse_published(document.date, where=shown) if document.date else None
    return article_from_text(
        text,
        url=document.url,
        title=document.title,
        published=published,
        source=document.sitename,
        path=shown,
    )


# --- JSON -----------------------------------------------------------------------------------


def _read_json(text: str, *, shown: str) -> Iterator[Record]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        yield ReadFailure(path=shown, reason=f"invalid JSON: {e.msg} (line {e.lineno})")
        return
    except RecursionError:
        yield ReadFailure(path=shown, reason=_TOO_DEEP)
        return
    if isinstance(value, dict):
        yield _article_from_record(value, shown=shown)
    elif isinstance(value, list):
        if not value:
            yield ReadFailure(path=shown, reason="no records in JSON list")
        for index, record in enumerate(value):
            yield _article_from_record(record, shown=f"{shown}[{index}]")
    else:
        yield ReadFailure(
            path=shown,
            reason=f"JSON must be an object or a list of objects, not {_json_type(value)}",
        )


def _read_jsonl(text: str, *, shown: str) -> Iterator[Record]:
    # Only CR and LF end a record: JSON strings may hold U+2028 unescaped.
    for number, line in enumerate(_JSONL_LINES.split(text), start=1):
        if not line.strip():
            continue
        where = f"{shown}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadFailure(path=where, reason=f"invalid JSON: {e.msg} (line {number})")
            continue
        except RecursionError:
            yield ReadFailure(path=where, reason=_TOO_DEEP)
            continue
        yield _article_from_record(record, shown=where)


def _article_from_record(record: Any, *, shown: str) -> Record:
    if not isinstance(record, dict):
        return ReadFailure(path=shown, reason=f"record is not a JSON object ({_json_type(record)})")
    if "text" not in record:
        return ReadFailure(path=shown, reason="missing required field 'text'")
    if not isinstance(record["text"], str):
        return ReadFailure(path=shown, reason="field 'text' must be a string")
    fields: dict[str, str | None] = {}
    for name in ("url", "title", "source"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return ReadFailure(path=shown, reason=f"field '{name}' must be a string")
        fields[name] = value
    raw_date = record.get("published")
    if raw_date is None:
        raw_date = record.get("date")
    published = _parse_published(raw_date, where=shown) if raw_date is not None else None
    try:
        return article_from_text(record["text"], published=published, path=shown, **fields)
    except ValueError:
        return ReadFailure(path=shown, reason="field 'text' is empty")


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


# --- shared ---------------------------------------------------------------------------------


def _parse_published(value: Any, *, where: str) -> date | None:
    """A full calendar date from an ISO date or datetime; None when unknown or partial."""
    if not isinstance(value, str):
        logger.warning("%s: published date %r is not a string; reading without one", where, value)
        return None
    value = value.strip()
    if value.lower() in _UNKNOWN_DATES:
        return None
    if _PARTIAL_DATE.fullmatch(value):
        logger.debug("%s: published date %r is not a full date; reading without one", where, value)
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        logger.warning("%s: cannot parse published date %r; reading without one", where, value)
        return None


def _clean(value: str | None) -> str | None:
    """Valid text with surrounding whitespace removed; an empty value is no value."""
    if value is None:
        return None
    return valid_text(value).strip() or None
