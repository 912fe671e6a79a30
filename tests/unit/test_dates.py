"""Dates as news text writes them: absolute, ranges, relative to a reference, or nothing."""

from datetime import date

import pytest

from extract.dates import find_dates, month_number, parse_standalone_date, years_mentioned

# A Thursday: relative days in the tests below count from it.
THURSDAY = date(2025, 5, 29)


def starts(text: str, **kwargs: object) -> list[date]:
    return [span.start for span in find_dates(text, **kwargs)]


def only_span(text: str, **kwargs: object) -> tuple[date, date | None]:
    [span] = find_dates(text, **kwargs)
    return span.start, span.end


# -- month names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "number"),
    [("March", 3), ("Mar", 3), ("Sept.", 9), ("Sep", 9), ("September", 9), ("Dec", 12),
     ("May", 5), ("june", 6)],
)
def test_month_number_reads_names_and_abbreviations(name: str, number: int) -> None:
    assert month_number(name) == number


@pytest.mark.parametrize("name", ["Smarch", "Quintember", ""])
def test_month_number_is_none_for_a_word_that_is_no_month(name: str) -> None:
    assert month_number(name) is None


# -- absolute dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoys met in Kessel on March 14.", date(2025, 3, 14)),
        ("The accord was signed Feb. 7 in Marrow.", date(2025, 2, 7)),
        ("The trade fair closes on 22 August, organisers said.", date(2025, 8, 22)),
        ("Talks resume Sept. 3 in Valdora.", date(2025, 9, 3)),
    ],
)
def test_date_without_year_takes_the_reference_year(text: str, expected: date) -> None:
    assert starts(text, reference=THURSDAY) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit of 30 May 2024 ended early.", date(2024, 5, 30)),
        ("It was signed on March 14, 2023 in Kessel.", date(2023, 3, 14)),
        ("It was signed on 14 March, 2023 in Kessel.", date(2023, 3, 14)),
        ("Published 2022-11-03 by the ministry.", date(2022, 11, 3)),
    ],
)
def test_date_with_its_own_year_keeps_it(text: str, expected: date) -> None:
    assert starts(text, reference=THURSDAY) == [expected]


def test_span_offsets_cover_the_date_expression() -> None:
    text = "Ministers of Estland met on March 14 to talk about ferries."
    [span] = find_dates(text, reference=THURSDAY)
    assert text[span.char_start : span.char_end] == "March 14"


def test_dates_come_back_in_order_of_appearance() -> None:
    text = "Envoys arrived on 2 May, met on April 30 and left yesterday."
    assert starts(text, reference=THURSDAY) == [
        date(2025, 5, 2), date(2025, 4, 30), date(2025, 5, 28),
    ]


# -- ranges --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("The forum runs from March 10 to 12 in Kessel.", date(2025, 3, 10), date(2025, 3, 12)),
        ("The forum runs from March 3 to April 4.", date(2025, 3, 3), date(2025, 4, 4)),
        ("The forum runs March 10 to 12, 2026.", date(2026, 3, 10), date(2026, 3, 12)),
        ("The fair is held 10-12 March 2026 in Marrow.", date(2026, 3, 10), date(2026, 3, 12)),
        ("The fair was held 26 – 27 June 2019.", date(2019, 6, 26), date(2019, 6, 27)),
        ("The fair ran from 10 March to 12 April.", date(2025, 3, 10), date(2025, 4, 12)),
    ],
)
def test_range_gives_one_span_with_start_and_end(text: str, first: date, last: date) -> None:
    assert only_span(text, reference=THURSDAY) == (first, last)


def test_range_whose_end_precedes_its_start_keeps_no_end() -> None:
    assert only_span("The forum ran March 12-10.", reference=THURSDAY) == (date(2025, 3, 12), None)


def test_range_with_impossible_end_day_keeps_the_start_only() -> None:
    assert only_span("Held from February 27 to 30.", reference=THURSDAY) == (
        date(2025, 2, 27), None,
    )


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("The festival ran from December 30 to January 2.", date(2026, 1, 5)),
        ("The festival ran from 30 December to 2 January.", date(2026, 1, 5)),
        ("The festival ran from 30 December to 2 January 2026.", None),
    ],
)
def test_range_across_new_year_keeps_its_end(text: str, reference: date | None) -> None:
    assert only_span(text, reference=reference) == (date(2025, 12, 30), date(2026, 1, 2))


# -- relative days -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met on Thursday.", THURSDAY),
        ("The ministers met Thursday.", THURSDAY),
        ("The ministers met on Monday.", date(2025, 5, 26)),
        ("The ministers met Friday.", date(2025, 5, 23)),
        ("The ministers met last Thursday.", date(2025, 5, 22)),
        ("The ministers will meet next Monday.", date(2025, 6, 2)),
        ("The ministers will meet next Thursday.", date(2025, 6, 5)),
        ("The ministers met today.", THURSDAY),
        ("The ministers met yesterday.", date(2025, 5, 28)),
        ("The ministers meet tomorrow.", date(2025, 5, 30)),
    ],
)
def test_relative_day_resolves_against_the_reference(text: str, expected: date) -> None:
    assert starts(text, reference=THURSDAY) == [expected]


def test_lower_case_weekday_in_running_text_is_not_a_date() -> None:
    assert find_dates("a sleepy monday mood settled over the port", reference=THURSDAY) == []


@pytest.mark.parametrize(
    "text",
    ["The ministers met on Wednesday.", "The ministers met today.", "They left yesterday."],
)
def test_relative_day_without_reference_gives_nothing(text: str) -> None:
    assert find_dates(text, default_year=2025) == []


# -- which year ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # More than 120 days after the reference: a past event, last year.
        ("The talks of December 20 were recalled.", date(2026, 1, 5), date(2025, 12, 20)),
        ("The talks of September 27 were recalled.", THURSDAY, date(2024, 9, 27)),
        # Exactly 120 days ahead: still this year.
        ("The talks of September 26 were recalled.", THURSDAY, date(2025, 9, 26)),
        # Before the reference: this year.
        ("The talks of January 15 were recalled.", THURSDAY, date(2025, 1, 15)),
    ],
)
def test_year_steps_back_when_month_day_is_far_after_the_reference(
    text: str, reference: date, expected: date
) -> None:
    assert starts(text, reference=reference) == [expected]


def test_default_year_dates_a_month_day_when_there_is_no_reference() -> None:
    assert starts("The envoys met on March 14.", default_year=2023) == [date(2023, 3, 14)]


def test_reference_year_wins_over_default_year() -> None:
    assert starts("The envoys met on March 14.", reference=THURSDAY, default_year=2019) == [
        date(2025, 3, 14)
    ]


def test_month_day_with_nothing_to_anchor_its_year_gives_nothing() -> None:
    assert find_dates("The envoys met on March 14.") == []


# -- what is not a date --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Of the delegates, 12 may attend the closing dinner.", "Officials said 3 may leave early."],
)
def test_may_the_verb_is_not_a_month(text: str) -> None:
    assert find_dates(text, reference=THURSDAY) == []


@pytest.mark.parametrize(
    "text",
    ["The pact is dated February 30.", "It was signed on 31 April 2025.", "Filed 2025-02-30."],
)
def test_impossible_calendar_date_gives_nothing(text: str) -> None:
    assert find_dates(text, reference=THURSDAY) == []


@pytest.mark.parametrize(
    "text",
    ["12 Mayors Sign Harbour Pledge", "10 Marines Return To Kessel", "3 Junior Envoys Promoted",
     "7 Novices Join The Ministry"],
)
def test_number_before_a_word_starting_like_a_month_is_not_a_date(text: str) -> None:
    assert find_dates(text, reference=THURSDAY) == []


# -- whole-line dates and years ------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["Friday, 30 May 2025", "May 30, 2025", "2025-05-30", "• Friday, 30 May 2025",
     "30 May 2025.", "  friday 30 May 2025  "],
)
def test_standalone_date_line_is_parsed(line: str) -> None:
    assert parse_standalone_date(line) == date(2025, 5, 30)


@pytest.mark.parametrize(
    "line",
    ["May 30", "Friday", "The forum opened on May 30, 2025", "30 February 2025", ""],
)
def test_line_that_is_not_a_full_date_gives_none(line: str) -> None:
    assert parse_standalone_date(line) is None


def test_years_mentioned_lists_four_digit_years_in_order() -> None:
    text = "The 1999 treaty was renewed in 2025 and again in 2024."
    assert years_mentioned(text) == [1999, 2025, 2024]


@pytest.mark.parametrize("text", ["In 1850 the port opened.", "Route 12025 is closed.",
                                  "A plan for 2150 was drafted."])
def test_years_mentioned_ignores_numbers_outside_1900_to_2099(text: str) -> None:
    assert years_mentioned(text) == []
