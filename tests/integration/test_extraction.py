"""Article to extraction with the real spaCy pipeline: one behaviour of the rules per test.

Every article here is invented; only the cities are real.
"""

import datetime as dt

import pytest
from spacy.language import Language

from extract.models import (
    Article,
    ArticleExtraction,
    EventMention,
    PersonMention,
    PlaceMention,
)
from extract.pipeline import extract_articles
from graph.vocabulary import EventType

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2025, 6, 12)  # a Thursday


def extract_all(nlp: Language, text: str, *, published: dt.date | None = PUBLISHED,
                article_id: str = "story") -> list[ArticleExtraction]:
    article = Article(id=article_id, text=text, published=published)
    return list(extract_articles([article], nlp=nlp))


def extract_one(nlp: Language, text: str, **fields: object) -> ArticleExtraction:
    [extraction] = extract_all(nlp, text, **fields)
    return extraction


def event_named(extraction: ArticleExtraction, name: str) -> EventMention:
    [event] = [e for e in extraction.events if e.name == name]
    return event


def events_of_type(extraction: ArticleExtraction, event_type: EventType) -> list[EventMention]:
    return [e for e in extraction.events if e.type == event_type]


def person_named(extraction: ArticleExtraction, name: str) -> PersonMention:
    [person] = [p for p in extraction.persons if p.name == name]
    return person


# --- Datelines ------------------------------------------------------------------------------

WIRE_STORY = (
    "ALMATY, June 5 ({agency}) -- Kazakh Foreign Minister Daulet Serikbayev met with "
    "Estonian Foreign Minister Marten Kallaspuu on Tuesday to discuss transit routes.\n"
    "The two ministers agreed to set up a working group on logistics."
)


def test_weekday_counts_from_the_dateline_date_not_the_publication_date(nlp: Language) -> None:
    extraction = extract_one(nlp, WIRE_STORY.format(agency="Kazinform"))
    [meeting] = extraction.events
    assert meeting.date == dt.date(2025, 6, 3)  # the Tuesday before Thursday June 5


def test_dateline_city_is_the_place_when_the_story_names_none(nlp: Language) -> None:
    extraction = extract_one(nlp, WIRE_STORY.format(agency="Kazinform"))
    [meeting] = extraction.events
    assert meeting.place == PlaceMention(name="Almaty", country="KAZ", canonical="Almaty")


@pytest.mark.parametrize("agency", ["Kazinform", "Steppe Wire"])
def test_dateline_agency_becomes_an_organization(nlp: Language, agency: str) -> None:
    extraction = extract_one(nlp, WIRE_STORY.format(agency=agency))
    assert agency in [org.name for org in extraction.organizations]


def test_dateline_is_removed_from_the_story_text(nlp: Language) -> None:
    extraction = extract_one(nlp, WIRE_STORY.format(agency="Kazinform"))
    assert extraction.article.text.startswith("Kazakh Foreign Minister")


# --- People ---------------------------------------------------------------------------------

def test_demonym_and_title_give_the_title_and_the_country_represented(nlp: Language) -> None:
    extraction = extract_one(nlp, WIRE_STORY.format(agency="Kazinform"))
    person = person_named(extraction, "Daulet Serikbayev")
    assert person.titles == ["Foreign Minister"]
    assert person.country == "KAZ"


APPOSITION_STORY = (
    "The Steppe Poetry Forum was held in Bishkek on October 2, 2025.\n"
    "Aidana Toktogulova, president of the Steppe Translators Association (STA), said the "
    "forum would become an annual event."
)


def test_apposition_gives_the_affiliation_and_its_title(nlp: Language) -> None:
    extraction = extract_one(nlp, APPOSITION_STORY)
    person = person_named(extraction, "Aidana Toktogulova")
    assert person.organization == "Steppe Translators Association"
    assert person.organization_title == "president"


def test_acronym_in_an_apposition_becomes_an_alias(nlp: Language) -> None:
    extraction = extract_one(nlp, APPOSITION_STORY)
    [org] = [o for o in extraction.organizations if o.name == "Steppe Translators Association"]
    assert org.aliases == ["STA"]


GLUED_STORY = (
    "ASTANA, May 7 (Kazinform) -- Kazakh PresidentNurlan Abenov received Georgian Prime "
    "MinisterLevan Tsikarishvili on Wednesday.\n"
    "The two leaders discussed the Middle Corridor."
)


def test_title_glued_to_a_name_by_a_scraper_is_split_off(nlp: Language) -> None:
    extraction = extract_one(nlp, GLUED_STORY)
    names = {p.name for p in extraction.persons}
    assert {"Nurlan Abenov", "Levan Tsikarishvili"} <= names
    assert not any("President" in n or "Minister" in n for n in names)


def test_person_who_only_sent_a_congratulatory_letter_is_not_a_participant(
    nlp: Language,
) -> None:
    text = (
        "The Third Silk Road Youth Forum was held in Tashkent on May 14, 2025.\n"
        "Uzbek Deputy Prime Minister Jamshid Rakhmonberdiev attended the forum and delivered "
        "a speech.\n"
        "Turkish President Selim Karadoruk sent a congratulatory letter to the forum."
    )
    extraction = extract_one(nlp, text)
    [forum] = extraction.events
    assert "Selim Karadoruk" in [p.name for p in extraction.persons]
    assert forum.participants == ["Jamshid Rakhmonberdiev"]


def test_hyphenated_given_name_gives_one_person(nlp: Language) -> None:
    text = ("Mongolian Foreign Minister Batbold Tsendayush met with Korean Ambassador "
            "Kim Dae-sung in Seoul on Monday.")
    extraction = extract_one(nlp, text)
    assert [p.name for p in extraction.persons if p.name.startswith("Kim")] == ["Kim Dae-sung"]


# --- Organizations --------------------------------------------------------------------------

def test_center_under_an_acronym_is_part_of_the_acronym_long_form(nlp: Language) -> None:
    text = (
        "The Eurasian Translators Association (ETA) held its annual seminar in Astana on "
        "May 20, 2025.\n"
        "The seminar was co-organized by the Center for Steppe Studies under ETA."
    )
    extraction = extract_one(nlp, text)
    [center] = [o for o in extraction.organizations if o.name == "Center for Steppe Studies"]
    assert center.part_of == "Eurasian Translators Association"


def test_demonym_and_portfolio_before_a_title_make_no_organization(nlp: Language) -> None:
    text = ("The Uzbek Ambassador to Latvia Timur Khasanov met with Latvian Transport Minister "
            "Ilze Berzkalne in Riga on March 4, 2025 to discuss rail freight.")
    extraction = extract_one(nlp, text)
    assert extraction.organizations == []


# --- Events: organizers, participants, places and dates --------------------------------------

def test_jointly_hosted_by_gives_both_organizers(nlp: Language) -> None:
    text = (
        "The 2025 Caspian Media Forum was held in Baku on September 9, 2025.\n"
        "The forum was jointly hosted by the Caspian Press Association and the Baku "
        "Journalism Institute.\n"
        "More than 200 journalists from 12 countries took part."
    )
    extraction = extract_one(nlp, text)
    forum = event_named(extraction, "2025 Caspian Media Forum")
    assert forum.organizers == ["Caspian Press Association", "Baku Journalism Institute"]


MEETING_STORY = (
    "Lithuanian Foreign Minister Rokas Vaitkunas met with Armenian Ambassador Narek "
    "Hovsepyan in Vilnius on Monday.\n"
    "The two sides discussed cooperation in education."
)


def test_met_with_in_a_city_on_a_weekday_gives_a_meeting(nlp: Language) -> None:
    extraction = extract_one(nlp, MEETING_STORY)
    [meeting] = extraction.events
    assert meeting.type == EventType.MEETING
    assert meeting.participants == ["Rokas Vaitkunas", "Narek Hovsepyan"]
    assert meeting.place == PlaceMention(name="Vilnius", country="LTU", canonical="Vilnius")
    assert meeting.date == dt.date(2025, 6, 9)  # the Monday before Thursday June 12


def test_city_written_under_another_name_is_still_the_meeting_place(nlp: Language) -> None:
    text = ("Mongolian Foreign Minister Batbold Tsendayush met with Japanese Ambassador "
            "Hiroki Nakasone in Ulaanbaatar on Monday.")
    extraction = extract_one(nlp, text)
    [meeting] = extraction.events
    assert meeting.place is not None and meeting.place.country == "MNG"


def test_date_range_gives_date_and_end_date(nlp: Language) -> None:
    text = ("The Greater Mekong Trade Expo will run from March 10 to 12, 2026 in Bangkok.\n"
            "Organisers expect exhibitors from 20 countries.")
    extraction = extract_one(nlp, text)
    [expo] = extraction.events
    assert (expo.date, expo.end_date) == (dt.date(2026, 3, 10), dt.date(2026, 3, 12))


def test_demonym_capital_phrase_places_the_event_in_that_city(nlp: Language) -> None:
    text = ("A friendship concert was held in the Lao capital Vientiane on Friday, attended "
            "by Culture Minister Khamsay Vongphet.")
    extraction = extract_one(nlp, text)
    [concert] = extraction.events
    assert concert.place == PlaceMention(name="Vientiane", country="LAO", canonical="Vientiane")


def test_region_named_in_an_event_sentence_is_an_event_region(nlp: Language) -> None:
    text = ("The Second Steppe Water Forum was held in Dushanbe on April 3, 2025, bringing "
            "together experts from Central Asian countries.")
    extraction = extract_one(nlp, text)
    [forum] = extraction.events
    assert forum.regions == ["Central Asia"]
    assert "region:Central Asia" in forum.fact_evidence


# --- Events within events -------------------------------------------------------------------

CEREMONY_STORY = (
    "The 2025 Danube Culture Forum was held in Budapest on November 18, 2025.\n"
    'During the forum, the launching ceremony of the "Danube Voices Anthology" was held.'
)


def test_launching_ceremony_during_a_forum_is_part_of_it_on_its_date(nlp: Language) -> None:
    extraction = extract_one(nlp, CEREMONY_STORY)
    [ceremony] = events_of_type(extraction, EventType.CEREMONY)
    assert ceremony.name == "Launch of Danube Voices Anthology"
    assert ceremony.part_of == "2025 Danube Culture Forum"
    assert ceremony.date == dt.date(2025, 11, 18)


def test_launched_title_is_not_an_organization(nlp: Language) -> None:
    extraction = extract_one(nlp, CEREMONY_STORY)
    assert extraction.organizations == []


SIDELINES_STORY = (
    "The Fourth Caspian Leaders Summit was held in Aktau on August 12, 2025.\n"
    "On the sidelines of the summit, Kazakh President Nurlan Abenov met with Azerbaijani "
    "President Elnur Gasimzade.\n"
    "Turkmen President Serdar Orazgeldiyev also held talks with Iranian President "
    "Reza Talebzadeh."
)
SUMMIT = "Fourth Caspian Leaders Summit"


def test_two_bilateral_meetings_at_a_summit_are_two_meetings(nlp: Language) -> None:
    extraction = extract_one(nlp, SIDELINES_STORY)
    meetings = events_of_type(extraction, EventType.MEETING)
    assert [m.participants for m in meetings] == [
        ["Nurlan Abenov", "Elnur Gasimzade"],
        ["Serdar Orazgeldiyev", "Reza Talebzadeh"],
    ]


def test_bilateral_meetings_at_a_summit_are_part_of_it(nlp: Language) -> None:
    extraction = extract_one(nlp, SIDELINES_STORY)
    meetings = events_of_type(extraction, EventType.MEETING)
    assert [m.part_of for m in meetings] == [SUMMIT, SUMMIT]


def test_summit_lists_everyone_who_met_on_its_sidelines(nlp: Language) -> None:
    extraction = extract_one(nlp, SIDELINES_STORY)
    summit = event_named(extraction, SUMMIT)
    assert set(summit.participants) == {
        "Nurlan Abenov", "Elnur Gasimzade", "Serdar Orazgeldiyev", "Reza Talebzadeh"}


def test_sidelines_of_the_summit_refers_back_to_it(nlp: Language) -> None:
    extraction = extract_one(nlp, SIDELINES_STORY)
    assert [e.name for e in events_of_type(extraction, EventType.CONFERENCE)] == [SUMMIT]


def test_demonym_after_a_comma_is_not_a_place(nlp: Language) -> None:
    extraction = extract_one(nlp, SIDELINES_STORY)
    assert [p.name for p in extraction.places] == ["Aktau"]


# --- Page shapes ----------------------------------------------------------------------------

LISTING_PAGE = (
    "Uzbek and Lithuanian diplomats discuss rail freight\n"
    "Uzbek Ambassador Timur Khasanov met with Lithuanian Foreign Minister Rokas Vaitkunas in "
    "Vilnius on March 4, 2025 to discuss rail freight.\n"
    "0a7c93d2e41f.png)\n"
    "Film week opens in Tbilisi\n"
    "A Kyrgyz film week opened in Tbilisi on March 6, 2025 with screenings of six films.\n"
    "Organisers expect several thousand visitors.\n"
    "5be61f0ca3d9.jpg)\n"
    "Crafts fair closes in Samarkand\n"
    "The Silk Road Crafts Fair closed in Samarkand on March 8, 2025 after three days.\n"
)


def test_listing_page_gives_one_extraction_per_item(nlp: Language) -> None:
    extractions = extract_all(nlp, LISTING_PAGE, article_id="news-page")
    assert [e.article.id for e in extractions] == [
        "news-page-item-1", "news-page-item-2", "news-page-item-3"]


def test_listing_items_keep_their_own_events(nlp: Language) -> None:
    extractions = extract_all(nlp, LISTING_PAGE, article_id="news-page")
    places = [[e.place.name for e in x.events if e.place] for x in extractions]
    assert places == [["Vilnius"], ["Tbilisi"], ["Samarkand"]]


def test_trailing_teaser_headlines_add_no_entities(nlp: Language) -> None:
    text = (
        MEETING_STORY + "\n\n"
        "Pakistani Cricket Board Names New Captain\n"
        "Kenyan Runner Wins Berlin Marathon\n"
        "Swedish Parliament Approves Budget Plan\n"
    )
    extraction = extract_one(nlp, text)
    assert {c.iso3 for c in extraction.countries} == {"LTU", "ARM"}
    assert extraction.organizations == []
    assert {p.name for p in extraction.persons} == {"Rokas Vaitkunas", "Narek Hovsepyan"}


# --- Evidence -------------------------------------------------------------------------------

EVIDENCE_STORY = (
    "Caspian leaders meet in Aktau\n"
    "AKTAU, August 12 (Kazinform) -- " + SIDELINES_STORY.split("\n", 1)[1]
    + "\nThe Fourth Caspian Leaders Summit was hosted by the Caspian Secretariat Office."
)


def test_event_evidence_offsets_point_at_its_sentence(nlp: Language) -> None:
    extraction = extract_one(nlp, SIDELINES_STORY)
    text = extraction.article.text
    for event in extraction.events:
        assert event.evidence.sentence in text[event.evidence.start:event.evidence.end]


def test_fact_evidence_offsets_point_at_their_sentence(nlp: Language) -> None:
    extraction = extract_one(nlp, SIDELINES_STORY)
    text = extraction.article.text
    facts = [ev for event in extraction.events for ev in event.fact_evidence.values()]
    assert facts
    for evidence in facts:
        assert evidence.sentence in text[evidence.start:evidence.end]


def test_evidence_offsets_survive_headline_and_dateline_removal(nlp: Language) -> None:
    extraction = extract_one(nlp, EVIDENCE_STORY)
    text = extraction.article.text
    meeting = events_of_type(extraction, EventType.MEETING)[0]
    assert text[meeting.evidence.start:meeting.evidence.end].startswith("On the sidelines")
    assert meeting.evidence.article_id == "story"
