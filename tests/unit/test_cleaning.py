"""Reading the page before the text: noise out, listing pages split, headline and dateline."""

import re
from datetime import date

import pytest

from extract.cleaning import (
    PreparedArticle,
    is_headline_shaped,
    prepare_article,
    read_dateline,
    split_listing,
    split_roundup,
    strip_noise,
)
from extract.models import Article

STORY_BODY = (
    "The foreign ministers of Estland and Suomira met in Valdora on Thursday to discuss "
    "ferry links across the Orvel strait.\n"
    "Both ministers called the talks constructive and agreed to meet again in the autumn."
)

TEASERS = (
    "Harbour Festival Draws Record Crowds\n"
    "New Bridge Opens Over Kessel River\n"
    "Farmers Brace For Early Frost"
)

LISTING = """Lake Orvel Summit Ends With Water Pact
The leaders of Estland and Suomira signed a pact on shared use of Lake Orvel on Wednesday.
9f2c4be1a07d.png)
Trade Fair Opens In Kessel
A trade fair bringing together firms from nine countries opened in Kessel on Thursday.
Organisers expect forty thousand visitors.
-
Envoys Discuss Rail Corridor
Transport envoys met in Marrow to plan a rail corridor linking the two ports.
"""

LISTING_TITLES = [
    "Lake Orvel Summit Ends With Water Pact",
    "Trade Fair Opens In Kessel",
    "Envoys Discuss Rail Corridor",
]


def prepare_one(text: str, **fields: object) -> PreparedArticle:
    [prepared] = prepare_article(Article(id="story", text=text, **fields))
    return prepared


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)}


# -- noise ---------------------------------------------------------------------------------


def test_trailing_teasers_and_follow_us_line_leave_no_word_in_the_text() -> None:
    page = f"{STORY_BODY}\nFollow us on Telegram and Mastodon\n{TEASERS}\n"
    text = prepare_one(page).article.text
    noise = words(TEASERS) | {"follow", "telegram", "mastodon"}
    assert words(text) & noise == set()
    assert text == STORY_BODY


@pytest.mark.parametrize(
    "call_to_action",
    ["Follow us on Telegram for the latest updates.", "Subscribe to our daily harbour briefing."],
)
def test_call_to_action_line_is_removed(call_to_action: str) -> None:
    first, second = STORY_BODY.splitlines()
    kept, removed, _ = strip_noise(f"{first}\n{call_to_action}\n{second}")
    assert kept == [first, second]
    assert call_to_action in removed


@pytest.mark.parametrize(
    "fragment",  # the next story's headline on a listing page, or a sentence cut off
    ["Officials Expect A Reply Within Weeks",
     "Port authorities of both countries urged to share ferry schedu"],
)
def test_a_short_closing_line_that_stops_mid_sentence_is_no_story_text(fragment: str) -> None:
    kept, removed, _ = strip_noise(f"{STORY_BODY}\n{fragment}")
    assert kept == STORY_BODY.splitlines() and fragment in removed


def test_a_closing_line_keeps_its_finished_sentences_and_loses_the_cut_one() -> None:
    kept, removed, _ = strip_noise(f"{STORY_BODY}\nThe envoys also met the mayor. He said, "
                                   "talks were held o")
    assert kept[-1] == "The envoys also met the mayor."
    assert removed == ["He said, talks were held o"]


def test_a_closing_sentence_with_its_full_stop_is_kept() -> None:
    kept, _, _ = strip_noise(f"{STORY_BODY}\nOfficials expect a reply within weeks.")
    assert kept[-1] == "Officials expect a reply within weeks."


def test_another_storys_headline_inside_the_story_is_removed() -> None:
    first, second = STORY_BODY.splitlines()
    link = "Kessel grain exports surge amid rising freight tariffs"
    kept, removed, _ = strip_noise(f"{first}\n{link}\n{second}")
    assert kept == [first, second] and removed == [link]


def test_a_subheading_that_the_next_lines_take_up_is_kept() -> None:
    first, second = STORY_BODY.splitlines()
    subheading = "Ministers praise constructive talks"
    kept, _, _ = strip_noise(f"{first}\n{subheading}\n{second}")
    assert subheading in kept


@pytest.mark.parametrize("comment_form", ["LEAVE A REPLY", "Please enter your comment!",
                                          "Please enter your name here"])
def test_comment_form_lines_are_removed(comment_form: str) -> None:
    kept, removed, _ = strip_noise(f"{STORY_BODY}\n\n{comment_form}")
    assert kept == STORY_BODY.splitlines() and comment_form in removed


@pytest.mark.parametrize(
    "noise_line",
    ["9f2c4be1a07d.png)", "harbour_view_0193.JPG", "banner-top.webp)]", "-", "—", "***"],
)
def test_image_residue_and_separator_lines_are_removed(noise_line: str) -> None:
    first, second = STORY_BODY.splitlines()
    kept, removed, _ = strip_noise(f"{first}\n{noise_line}\n{second}")
    assert kept == [first, second]
    assert removed == [noise_line]


@pytest.mark.parametrize(
    "byline", ["By Anneli Kask", "Photo: Ruslan Orvik", "Reporting by Ilse Marr"]
)
def test_byline_is_removed(byline: str) -> None:
    kept, removed, _ = strip_noise(f"{byline}\n{STORY_BODY}")
    assert byline not in kept
    assert byline in removed


def test_bullet_menu_line_with_a_date_gives_the_page_date() -> None:
    kept, removed, page_date = strip_noise(f"• Friday, 30 May 2025\n{STORY_BODY}")
    assert page_date == date(2025, 5, 30)
    assert removed == ["• Friday, 30 May 2025"]


def test_page_date_becomes_the_publication_date_when_none_is_known() -> None:
    prepared = prepare_one(f"• Friday, 30 May 2025\n{STORY_BODY}")
    assert prepared.article.published == date(2025, 5, 30)
    assert prepared.default_year == 2025


def test_known_publication_date_wins_over_the_page_date() -> None:
    prepared = prepare_one(f"• Friday, 30 May 2025\n{STORY_BODY}", published=date(2025, 6, 2))
    assert prepared.article.published == date(2025, 6, 2)


def test_default_year_without_publication_date_is_the_latest_year_written() -> None:
    prepared = prepare_one(f"{STORY_BODY}\nThe 2019 ferry treaty was renewed in 2023.")
    assert prepared.default_year == 2023


def test_default_year_ignores_years_still_to_come() -> None:
    prepared = prepare_one(f"{STORY_BODY}\nThe 2019 ferry treaty expires in 2099.")
    assert prepared.default_year == 2019


# -- listing pages -------------------------------------------------------------------------


def test_listing_page_is_split_into_its_items() -> None:
    assert split_listing(LISTING) == [
        "Lake Orvel Summit Ends With Water Pact\nThe leaders of Estland and Suomira signed a "
        "pact on shared use of Lake Orvel on Wednesday.",
        "Trade Fair Opens In Kessel\nA trade fair bringing together firms from nine countries "
        "opened in Kessel on Thursday.\nOrganisers expect forty thousand visitors.",
        "Envoys Discuss Rail Corridor\nTransport envoys met in Marrow to plan a rail corridor "
        "linking the two ports.",
    ]


def test_listing_page_becomes_one_prepared_article_per_item() -> None:
    prepared = prepare_article(Article(id="digest", text=LISTING))
    assert [p.article.title for p in prepared] == LISTING_TITLES


def test_listing_items_get_numbered_ids_and_paths() -> None:
    prepared = prepare_article(Article(id="digest", text=LISTING, path="pages/digest.md"))
    assert [(p.article.id, p.article.path) for p in prepared] == [
        ("digest-item-1", "pages/digest.md#item-1"),
        ("digest-item-2", "pages/digest.md#item-2"),
        ("digest-item-3", "pages/digest.md#item-3"),
    ]


def test_listing_item_path_falls_back_to_the_page_id() -> None:
    prepared = prepare_article(Article(id="digest", text=LISTING))
    assert prepared[0].article.path == "digest#item-1"


def test_listing_items_inherit_the_page_date_and_default_year() -> None:
    page = f"• Friday, 30 May 2025\n-\n{LISTING}"
    prepared = prepare_article(Article(id="digest", text=page))
    assert [(p.article.published, p.default_year) for p in prepared] == [
        (date(2025, 5, 30), 2025)
    ] * 3


def test_listing_item_text_holds_only_its_own_story() -> None:
    prepared = prepare_article(Article(id="digest", text=LISTING))
    assert prepared[1].article.text == (
        "A trade fair bringing together firms from nine countries opened in Kessel on "
        "Thursday.\nOrganisers expect forty thousand visitors."
    )


def test_listing_keeps_the_first_item_under_the_page_date_line() -> None:
    page = f"• Friday, 30 May 2025\n{LISTING}"
    prepared = prepare_article(Article(id="digest", text=page))
    assert [p.article.title for p in prepared] == LISTING_TITLES


def test_single_story_is_not_a_listing() -> None:
    page = f"Ministers Open Ferry Talks\n{STORY_BODY}\n9f2c4be1a07d.png)\n"
    assert split_listing(page) is None


def test_single_story_stays_one_article_with_its_own_id() -> None:
    page = f"Ministers Open Ferry Talks\n{STORY_BODY}"
    prepared = prepare_article(Article(id="story", text=page))
    assert [p.article.id for p in prepared] == ["story"]


# -- headline and dateline -----------------------------------------------------------------


def test_headline_line_becomes_the_title_and_leaves_the_body() -> None:
    prepared = prepare_one(f"Ministers Open Ferry Talks\n{STORY_BODY}")
    assert prepared.article.title == "Ministers Open Ferry Talks"
    assert prepared.article.text == STORY_BODY


def test_given_title_is_kept_over_the_headline_line() -> None:
    prepared = prepare_one(f"Ministers Open Ferry Talks\n{STORY_BODY}", title="Ferry talks")
    assert prepared.article.title == "Ferry talks"
    assert "Ministers Open Ferry Talks" not in prepared.article.text


@pytest.mark.parametrize(
    ("opening", "city", "day", "agency"),
    [
        ("VALDORA, May 29 (Xinhua) -- ", "Valdora", date(2025, 5, 29), "Xinhua"),
        ("PORT KESSEL, Oct 29 (APP): ", "Port Kessel", date(2025, 10, 29), "APP"),
        ("Marrow, March 3 - ", "Marrow", date(2025, 3, 3), None),
        ("MARROW, March 3, 2024 (Orvel News) -- ", "Marrow", date(2024, 3, 3), "Orvel News"),
    ],
)
def test_dateline_gives_city_date_and_agency(
    opening: str, city: str, day: date, agency: str | None
) -> None:
    dateline, rest = read_dateline(f"{opening}Leaders met.", year_hint=2025)
    assert dateline is not None
    assert (dateline.city, dateline.date, dateline.agency) == (city, day, agency)
    assert rest == "Leaders met."


def test_dateline_without_any_year_has_no_date() -> None:
    dateline, _ = read_dateline("VALDORA, May 29 (Xinhua) -- Leaders met.", year_hint=None)
    assert dateline is not None
    assert dateline.date is None


def test_text_without_dateline_is_returned_unchanged() -> None:
    assert read_dateline(STORY_BODY, year_hint=2025) == (None, STORY_BODY)


def test_sentence_naming_a_place_before_a_date_is_not_a_dateline() -> None:
    sentence = "Ministers met in Kessel, May 29 - the talks ran late."
    assert read_dateline(sentence, year_hint=2025) == (None, sentence)


def test_prepared_story_reads_its_dateline_with_the_publication_year() -> None:
    body = "VALDORA, May 29 (Xinhua) -- The ministers of Estland and Suomira met on Thursday."
    prepared = prepare_one(f"Ministers Open Ferry Talks\n{body}", published=date(2024, 6, 1))
    assert prepared.dateline is not None
    assert (prepared.dateline.city, prepared.dateline.date, prepared.dateline.agency) == (
        "Valdora", date(2024, 5, 29), "Xinhua",
    )


def test_dateline_is_removed_from_the_prepared_text() -> None:
    body = "VALDORA, May 29 (Xinhua) -- The ministers of Estland and Suomira met on Thursday."
    prepared = prepare_one(f"Ministers Open Ferry Talks\n{body}", published=date(2024, 6, 1))
    assert prepared.article.text == "The ministers of Estland and Suomira met on Thursday."


def test_reference_date_is_the_dateline_date_before_the_publication_date() -> None:
    body = "VALDORA, May 29 (Xinhua) -- The ministers of Estland and Suomira met on Thursday."
    prepared = prepare_one(f"Ministers Open Ferry Talks\n{body}", published=date(2024, 6, 1))
    assert prepared.reference_date == date(2024, 5, 29)


def test_reference_date_without_dateline_is_the_publication_date() -> None:
    prepared = prepare_one(STORY_BODY, published=date(2024, 6, 1))
    assert prepared.reference_date == date(2024, 6, 1)


# -- headline shape ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["Envoys Discuss Rail Corridor", "2025 Budget Talks Begin In Kessel",
     "\u201cWe Will Return\u201d Says Envoy", "Ministers Meet In Valdora To Discuss Ferry Links"],
)
def test_line_is_headline_shaped(line: str) -> None:
    assert is_headline_shaped(line)


@pytest.mark.parametrize(
    "line",
    ["Envoys discussed a rail corridor.", "a lower-case opening line", "Will The Ferry Run?",
     " ".join(["Word"] * 21), ""],
)
def test_line_is_not_headline_shaped(line: str) -> None:
    assert not is_headline_shaped(line)


def test_syndication_and_source_lines_are_credited():
    from extract.cleaning import prepare_article
    from extract.models import Article

    text = ("(MENAFN- The Peninsula) The Egyptian Cultural Week opened in Doha on Sunday.\n\n"
            "It drew large crowds.\n\nSource: Qatar News Agency")
    prepared = prepare_article(Article(id="a", text=text))[0]
    assert set(prepared.credits) == {"MENAFN- The Peninsula", "Qatar News Agency"}


def test_a_tass_style_dateline_gives_city_date_and_agency():
    from extract.cleaning import read_dateline

    dateline, rest = read_dateline("MOSCOW, September 15. /TASS/. The forum opened.",
                                   year_hint=2024)
    assert (dateline.city, dateline.date.isoformat(), dateline.agency) == (
        "Moscow", "2024-09-15", "TASS")
    assert rest == "The forum opened."


_FESTIVAL_ITEM = ("The Embassy of Freedonia in Lisbon held a film week at the city's cinema "
                  "club from 3 to 9 May, showing eight recent features to an audience of "
                  "students, diplomats and critics who filled every screening of the week.")
_FORUM_ITEM = ("The Consulate of Freedonia in Porto organised a business forum on 12 May, "
               "where forty companies from both countries discussed shipping, tourism and "
               "renewable energy projects with officials of the regional government there.")


def test_a_roundup_under_a_section_title_splits_into_its_stories() -> None:
    items = split_roundup(["Missions in Brief", "", _FESTIVAL_ITEM, "", _FORUM_ITEM])
    assert items == [_FESTIVAL_ITEM, _FORUM_ITEM]


@pytest.mark.parametrize("continuation", [
    "The forum ended with a joint call for direct flights between the two countries, which "
    "the organisers said would double the number of visitors within three years of opening.",
    "Speaking at the forum, the consul said both countries would sign a shipping accord "
    "before the end of the year and invited the companies present to a second meeting soon.",
    "He added that the consulate would hold the forum every year from now on, alternating "
    "between Porto and the Freedonian capital, and that a trade office would open in June.",
])
def test_one_story_under_a_share_widget_line_is_not_a_roundup(continuation: str) -> None:
    assert split_roundup(["Spread the love", "", _FORUM_ITEM, "", continuation]) is None
