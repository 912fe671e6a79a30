"""A corpus of hostile inputs, each with what ingesting it must do.

    inputs = build_hostile_corpus(folder)   # writes the files, returns their specs

Inputs a news pipeline meets in the wild: file names that are not UTF-8, lone surrogates in
JSON strings, JSON nested a hundred thousand deep, binary and wrong encodings, huge files
and over-long articles, empty files, wrong JSON shapes, named pipes, dangling links and
link loops, syndicated copies. Each is either ingested (in the graph entirely) or skipped
with its true reason; good articles among them must all go in.
"""

import json
import os
from dataclasses import dataclass
from pathlib import Path

from extract.reading import MAX_FILE_BYTES


def _story(city: str, day: int, who: str, other: str, event: str) -> str:
    return (f"{city.upper()}, March {day} -- {who}, Minister of Culture of Valdora, met "
            f"{other}, Ambassador of Orvelia, in {city} on March {day}, 2026 to open the "
            f"{event}. The two sides agreed to hold the next edition in Orvel.")


GOOD = _story("Astana", 3, "Dana Serikova", "Ilmar Tokayev", "Steppe Media Week")
OTHER = _story("Almaty", 5, "Arman Dauletov", "Bakhrom Aliyev", "Caspian Film Days")
THIRD = _story("Tashkent", 9, "Gulnara Akhmetova", "Lin Haoran", "Silk Road Book Fair")


@dataclass(frozen=True)
class Hostile:
    """One input: its file name (bytes: it may not be UTF-8), how to make it, and what
    ingesting it must give: "ingested", "known" (a copy of one already in), or the
    reason it is skipped with (a part of it)."""

    name: bytes
    content: bytes | None
    expect: str
    kind: str = "file"  # file, fifo, dangling-link, link-loop
    records: int = 1  # articles (or skipped records) the input gives

    @property
    def shown(self) -> str:
        return self.name.decode("utf-8", "backslashreplace")


def _json(value: object) -> bytes:
    return json.dumps(value).encode()


def _with_escape(record: dict[str, str], escape: str) -> bytes:
    """JSON of `record` with "@@" in its values written as the raw `escape` (a lone
    surrogate such as \\ud800: valid JSON, not valid text)."""
    return json.dumps(record).replace("@@", escape).encode()


HOSTILE: tuple[Hostile, ...] = (
    Hostile(b"good.txt", GOOD.encode(), "ingested"),
    Hostile(b"caf\xe9-latin1-name.txt", OTHER.encode(), "ingested"),
    Hostile(b"surrogate-title.json",
            _with_escape({"text": THIRD, "title": "Week @@ opens"}, "\\ud800"), "ingested"),
    Hostile(b"surrogate-url.json",
            _with_escape({"text": GOOD.replace("Steppe", "Aral"),
                          "url": "https://example.org/@@"}, "\\udfff"), "ingested"),
    Hostile(b"surrogate-source.json",
            _with_escape({"text": OTHER.replace("Caspian", "Tien Shan"), "source": "Wire @@"},
                         "\\udc80"), "ingested"),
    Hostile(b"surrogate-text.json",
            _with_escape({"text": THIRD.replace("Book", "Poetry") + " @@"}, "\\ud83d"),
            "ingested"),
    Hostile(b"deep.json", b"[" * 200_000, "nested too deeply"),
    Hostile(b"deep.jsonl", b'{"text": ' + b"[" * 200_000 + b"\n", "nested too deeply"),
    Hostile(b"binary.txt", bytes(range(256)) * 64, "binary or not UTF-8"),
    Hostile(b"latin1.txt", "Déclaration à Genève, l'été.".encode("latin-1"),
            "binary or not UTF-8"),
    Hostile(b"utf16.txt", GOOD.encode("utf-16"), "binary or not UTF-8"),
    Hostile(b"empty.txt", b"", "empty file"),
    Hostile(b"whitespace.txt", b"  \n\t\n  ", "empty file"),
    Hostile(b"header-only.txt", b"TITLE: nothing follows\nDATE: 2026-03-03\n\n",
            "no text after header"),
    Hostile(b"huge.txt", b"a" * (MAX_FILE_BYTES + 1), "file too large"),
    Hostile(b"long-article.txt", ((GOOD + "\n\n") * 300).encode(), "more than the limit"),
    Hostile(b"broken.json", b'{"text": "unfinished', "invalid JSON"),
    Hostile(b"numbers.json", b"[1, 2]", "record is not a JSON object", records=2),
    Hostile(b"string.json", b'"just a string"', "JSON must be an object or a list"),
    Hostile(b"empty-list.json", b"[]", "no records in JSON list"),
    Hostile(b"no-text.json", _json({"title": "No body"}), "missing required field 'text'"),
    Hostile(b"text-number.json", _json({"text": 42}), "field 'text' must be a string"),
    Hostile(b"title-list.json", _json({"text": GOOD, "title": ["a"]}),
            "field 'title' must be a string"),
    Hostile(b"empty-text.json", _json({"text": "   "}), "field 'text' is empty"),
    Hostile(b"nul-in-text.json", _json({"text": OTHER.replace("Film", "Film\u0000Music")}),
            "ingested"),
    Hostile(b"control-chars.txt",
            ("\x01\x02\x1b[31m" + THIRD.replace("Book", "Music") + "\x7f").encode(),
            "ingested"),
    Hostile(b"scripts-only.html",
            b"<html><head><script>var a = 1;</script></head><body><script>x()</script>"
            b"</body></html>", "no article text found in HTML"),
    Hostile(b"binary.html", b"<html>\x00\x01\x02</html>", "binary or not UTF-8"),
    Hostile(b"report.pdf", b"%PDF-1.7 binary", "unsupported file type '.pdf'"),
    Hostile(b"no-extension", GOOD.encode(), "unsupported file type (none)"),
    Hostile(b"notes.md", b"# Notes\n\nNothing to see.", "unsupported file type '.md'"),
    Hostile(b"pipe.txt", None, "not a file or folder", kind="fifo"),
    Hostile(b"dangling.txt", None, "not a file or folder", kind="dangling-link"),
    Hostile(b"loop", None, "", kind="link-loop", records=0),
    Hostile("bidi-\u202e-name.txt".encode(), GOOD.replace("Steppe", "Pamir").encode(),
            "ingested"),
    Hostile(b"line\nbreak.txt", OTHER.replace("Caspian", "Altai").encode(), "ingested"),
    Hostile(b"n" * 200 + b".txt", THIRD.replace("Silk Road", "Lapis").encode(), "ingested"),
    Hostile(b"emoji.txt", (GOOD.replace("Steppe", "Turan") + " \U0001f30d\U0001f91d").encode(),
            "ingested"),
    Hostile(b"zz-copy-of-good.txt", GOOD.encode(), "known"),
    Hostile(b"syndicated.txt", b"URL: https://wire.example.org/1\n\n" + GOOD.encode(),
            "ingested"),
    Hostile(b"bad-date.txt", b"DATE: 2026-13-45\n\n" + OTHER.replace("Film", "Dance").encode(),
            "ingested"),
    Hostile(b"nan-date.json", _json({"text": THIRD.replace("Book", "Craft"),
                                     "published": float("nan")}), "ingested"),
    Hostile(b"blank-lines.jsonl", b"\n" * 1000 + _json({"text": GOOD.replace("Media", "Radio")}),
            "ingested"),
    Hostile(b"markup.txt", ("<p><b>" + OTHER.replace("Film", "Jazz") + "</b></p>").encode(),
            "ingested"),
    Hostile(b"punctuation.txt", b"!!! ??? ... ;;; --- ***", "ingested"),
)


def build_hostile_corpus(folder: Path) -> tuple[Hostile, ...]:
    """Write every hostile input into `folder` (bytes paths: names need not be UTF-8)."""
    root = os.fsencode(folder)
    os.makedirs(root, exist_ok=True)
    for item in HOSTILE:
        path = os.path.join(root, item.name)
        if item.kind == "fifo":
            os.mkfifo(path)
        elif item.kind == "dangling-link":
            os.symlink(os.path.join(root, b"nowhere.txt"), path)
        elif item.kind == "link-loop":
            os.makedirs(path)
            os.symlink(path, os.path.join(path, b"again"))
        else:
            with open(path, "wb") as file:
                file.write(item.content or b"")
    return HOSTILE
