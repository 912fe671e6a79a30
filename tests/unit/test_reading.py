"""Reading input files into articles: every format, every way an input can be unreadable."""

import logging
import re
from datetime import date
from pathlib import Path

import pytest

from extract import reading
from extract.models import Article, ReadFailure
from extract.reading import SUPPORTED_EXTENSIONS, article_from_text, article_id, read_articles

BODY = (
    "The foreign ministers of Estonia and Finland met in Tallinn on Tuesday.\n"
    "They discussed ferry links across the Gulf of Finland."
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers meet in Tallinn | Baltic Wire</title>
<link rel="canonical" href="https://example.org/news/ministers-meet-tallinn">
<meta property="og:site_name" content="Baltic Wire">
<meta property="article:published_time" content="2024-03-05T09:30:00+02:00">
</head><body>
<nav><ul>
<li><a href="/">Homepage</a></li><li><a href="/sport">Sportsdesk</a></li>
<li><a href="/weather">Weatherwatch</a></li>
</ul></nav>
<article><h1>Ministers meet in Tallinn</h1>
<p>The foreign ministers of Estonia and Finland met in Tallinn on Tuesday to discuss ferry
links across the Gulf of Finland and cooperation on energy.</p>
<p>Both ministers called the talks constructive and agreed to meet again in Helsinki in the
autumn, officials said after the meeting ended.</p>
</article>
<footer><p>Copyright Baltic Wire. Subscribe to our newsletter. Privacy policy.</p></footer>
</body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def read_all(*paths: Path) -> list[Article | ReadFailure]:
    return list(read_articles(paths))


def read_one(path: Path) -> Article | ReadFailure:
    [item] = read_all(path)
    return item


def read_article(path: Path) -> Article:
    item = read_one(path)
    assert isinstance(item, Article), item
    return item


def read_failure(path: Path) -> ReadFailure:
    item = read_one(path)
    assert isinstance(item, ReadFailure), item
    return item


# --- plain text -----------------------------------------------------------------------------


def test_txt_header_fills_url_date_title_and_source(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "URL: https://example.org/a\nDATE: 2024-03-05\nTITLE: Ministers meet\n"
        "SOURCE: Baltic Wire\n\n" + BODY,
    )

    article = read_article(path)

    assert (article.url, article.published, article.title, article.source) == (
        "https://example.org/a",
        date(2024, 3, 5),
        "Ministers meet",
        "Baltic Wire",
    )
    assert article.text == BODY


@pytest.mark.parametrize("key", ["DATE", "date", "Date", "PUBLISHED", "Published"])
def test_txt_date_key_is_case_insensitive_and_published_is_a_synonym(
    tmp_path: Path, key: str
) -> None:
    path = write(tmp_path / "a.txt", f"{key}: 2024-03-05\n\n{BODY}")

    assert read_article(path).published == date(2024, 3, 5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("unknown", None),
        ("UNKNOWN", None),
        ("2018-08", None),
        ("2024-03-05T23:30:00+02:00", date(2024, 3, 5)),
        ("2024-03-05 08:00", date(2024, 3, 5)),
    ],
)
def test_txt_date_value_gives_full_date_or_none(
    tmp_path: Path, value: str, expected: date | None
) -> None:
    path = write(tmp_path / "a.txt", f"URL: https://example.org/a\nDATE: {value}\n\n{BODY}")

    assert read_article(path).published == expected


def test_txt_without_title_header_leaves_title_to_the_extractor(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", f"URL: https://example.org/a\n\nMinisters meet\n{BODY}")

    assert read_article(path).title is None


@pytest.mark.parametrize(
    "first_paragraph",
    [
        "Update: talks resume in Tallinn",
        "Tallinn: ministers meet",
        "URL: https://example.org/a\nUpdate: talks resume",
        "Ministers meet in Tallinn",
    ],
)
def test_txt_first_lines_without_known_keys_are_text_not_header(
    tmp_path: Path, first_paragraph: str
) -> None:
    path = write(tmp_path / "a.txt", f"{first_paragraph}\n\n{BODY}")

    article = read_article(path)

    assert article.text == f"{first_paragraph}\n\n{BODY}"
    assert article.url is None


def test_txt_first_paragraph_of_known_keys_is_a_header(tmp_path: Path) -> None:
    # The decision documented: "Source: ..." alone before a blank line is a header.
    path = write(tmp_path / "a.txt", f"Source: Baltic Wire\n\n{BODY}")

    article = read_article(path)

    assert (article.source, article.text) == ("Baltic Wire", BODY)


def test_txt_header_with_no_text_after_it_is_a_failure(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "URL: https://example.org/a\nDATE: 2024-03-05\n\n\n")

    assert read_failure(path).reason == "no text after header"


def test_txt_text_is_normalised_but_otherwise_kept(tmp_path: Path) -> None:
    raw = "\ufeffURL: https://example.org/a\r\n\r\nFirst line.  \r\n\r\n  Indented line.\t\r\n\r\n"
    path = write(tmp_path / "a.txt", raw)

    assert read_article(path).text == "First line.\n\n  Indented line."


# --- HTML -----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_main_text_leaves_out_navigation_and_footer(tmp_path: Path, suffix: str) -> None:
    article = read_article(write(tmp_path / f"page{suffix}", PAGE))

    assert "ferry" in article.text and "constructive" in article.text
    for boilerplate in ("Homepage", "Sportsdesk", "Weatherwatch", "newsletter"):
        assert boilerplate not in article.text


def test_html_metadata_fills_title_url_date_and_source(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "page.html", PAGE))

    assert (article.title, article.url, article.published, article.source) == (
        "Ministers meet in Tallinn",
        "https://example.org/news/ministers-meet-tallinn",
        date(2024, 3, 5),
        "Baltic Wire",
    )


def test_html_page_without_text_is_a_failure(tmp_path: Path) -> None:
    page = "<html><head><title>Nothing here</title></head><body><div></div></body></html>"

    assert read_failure(write(tmp_path / "page.html", page)).reason == (
        "no article text found in HTML"
    )


def test_html_in_another_encoding_is_still_read(tmp_path: Path) -> None:
    page = PAGE.replace("utf-8", "iso-8859-1").replace("Tuesday", "Tuesday in the Töölö hall")

    article = read_article(write(tmp_path / "page.html", page.encode("iso-8859-1")))

    assert "Töölö" in article.text


# --- JSON and JSONL -------------------------------------------------------------------------


def test_json_object_is_one_article(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.json",
        '{"text": "Ministers met.", "url": "https://example.org/a", "title": "Talks",'
        ' "published": "2024-03-05", "source": "Baltic Wire"}',
    )

    article = read_article(path)

    assert (article.text, article.url, article.title, article.published, article.source) == (
        "Ministers met.",
        "https://example.org/a",
        "Talks",
        date(2024, 3, 5),
        "Baltic Wire",
    )
    assert article.path == str(path)


def test_json_date_field_is_a_synonym_of_published(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '{"text": "Ministers met.", "date": "2024-03-05T10:00:00Z"}')

    assert read_article(path).published == date(2024, 3, 5)


def test_json_list_with_one_bad_record_still_yields_the_good_ones(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.json",
        '[{"text": "First story."}, {"title": "No text"}, {"text": "Third story."}]',
    )

    items = read_all(path)

    assert [(type(item).__name__, item.path) for item in items] == [
        ("Article", f"{path}[0]"),
        ("ReadFailure", f"{path}[1]"),
        ("Article", f"{path}[2]"),
    ]
    assert items[1] == ReadFailure(path=f"{path}[1]", reason="missing required field 'text'")


def test_jsonl_with_a_bad_line_names_the_line_and_keeps_the_rest(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl",
        '{"text": "First story."}\n\n{"text": "Second story.", \n{"text": "Third story."}\n',
    )

    items = read_all(path)

    assert [item.path for item in items] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    assert isinstance(items[1], ReadFailure)
    assert items[1].reason.startswith("invalid JSON: ")
    assert items[1].reason.endswith("(line 3)")
    assert [item.text for item in items if isinstance(item, Article)] == [
        "First story.",
        "Third story.",
    ]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ('{"title": "Talks"}', "missing required field 'text'"),
        ('{"text": "  \\n "}', "field 'text' is empty"),
        ('{"text": 42}', "field 'text' must be a string"),
        ('{"text": "Ministers met.", "url": 42}', "field 'url' must be a string"),
        ('"just a string"', "JSON must be an object or a list of objects, not string"),
        ("[]", "no records in JSON list"),
    ],
)
def test_json_without_usable_text_is_a_failure(tmp_path: Path, record: str, reason: str) -> None:
    assert read_failure(write(tmp_path / "a.json", record)).reason == reason


def test_json_record_that_is_not_an_object_is_a_failure(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", '["Ministers met."]\n')

    assert read_failure(path) == ReadFailure(
        path=f"{path}:1", reason="record is not a JSON object (list)"
    )


def test_invalid_json_reports_message_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '{\n  "text": "Ministers met."\n  "url": "x"\n}')

    reason = read_failure(path).reason

    assert re.fullmatch(r"invalid JSON: .+ \(line 3\)", reason), reason


def test_unparseable_published_keeps_article_and_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "a.json", '{"text": "Ministers met.", "published": "last Tuesday"}')

    with caplog.at_level(logging.WARNING, logger="extract.reading"):
        article = read_article(path)

    assert article.published is None
    assert str(path) in caplog.text and "last Tuesday" in caplog.text


# --- unreadable inputs ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_EXTENSIONS))
@pytest.mark.parametrize("content", [b"", b"  \n\n \t\n"])
def test_empty_file_is_a_failure(tmp_path: Path, suffix: str, content: bytes) -> None:
    assert read_failure(write(tmp_path / f"a{suffix}", content)).reason == "empty file"


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Ministers met in Tölö.".encode("latin-1")],
    ids=["binary", "latin-1"],
)
def test_binary_or_non_utf8_file_is_a_failure(tmp_path: Path, content: bytes) -> None:
    assert read_failure(write(tmp_path / "a.txt", content)).reason == "binary or not UTF-8 text"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("report.pdf", "unsupported file type '.pdf'"), ("README", "unsupported file type (none)")],
)
def test_unknown_extension_is_a_failure(tmp_path: Path, name: str, reason: str) -> None:
    assert read_failure(write(tmp_path / name, "Ministers met.")).reason == reason


def test_nonexistent_path_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"

    assert read_failure(path) == ReadFailure(path=str(path), reason="not a file or folder")


def test_file_over_the_size_limit_is_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 64)

    reason = read_failure(write(tmp_path / "a.txt", "x" * 65)).reason

    assert reason.startswith("file too large")


def test_unreadable_file_is_a_permission_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "a.txt", BODY)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)  # chmod 0 does not stop root

    assert read_failure(path).reason == "permission denied"


# --- folders --------------------------------------------------------------------------------


def test_folder_is_walked_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    for name in ["c.txt", "a/z.txt", "b.txt", "a/c.txt", ".hidden/d.txt", ".e.txt", "a/b/x.txt"]:
        write(tmp_path / name, f"Story {name}.")

    items = read_all(tmp_path)

    assert [Path(item.path).relative_to(tmp_path).as_posix() for item in items if item.path] == [
        "a/b/x.txt",
        "a/c.txt",
        "a/z.txt",
        "b.txt",
        "c.txt",
    ]


def test_bad_file_in_folder_does_not_stop_the_run(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"\x00\x01\x02")
    write(tmp_path / "b.txt", BODY)

    items = read_all(tmp_path)

    assert [type(item) for item in items] == [ReadFailure, Article]


# --- ids ------------------------------------------------------------------------------------


def test_same_text_in_two_files_gets_the_same_id(tmp_path: Path) -> None:
    first = read_article(write(tmp_path / "a.txt", BODY))
    second = read_article(write(tmp_path / "b.txt", BODY.replace("\n", "\r\n") + "  \n"))

    assert first.id == second.id


def test_url_decides_the_id_when_there_is_one(tmp_path: Path) -> None:
    first = read_article(write(tmp_path / "a.txt", f"URL: https://example.org/a\n\n{BODY}"))
    second = read_article(
        write(tmp_path / "b.json", '{"url": "https://example.org/a", "text": "x"}')
    )

    assert first.id == second.id != article_id(BODY)


def test_id_is_pinned_so_stored_graphs_stay_valid() -> None:
    # A change here orphans every article already stored: change only on purpose.
    assert article_id("anything", url="https://example.org/a") == "article:579f2a2ceeee0bc3"


def test_article_from_text_refuses_empty_text() -> None:
    with pytest.raises(ValueError):
        article_from_text(" \n ")
