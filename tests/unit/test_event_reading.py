"""How the event reader names and places what the parse gives it, on hand-built Docs."""

import spacy

from extract.events import _destination, _has_party, _visit_name
from tests.unit.parsed import parsed


def _visit(rows, start, end, label="visit"):
    doc = parsed(spacy.blank("en").vocab, rows)
    return doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text),
                         label=label)


_STATE_VISIT = [("Xi", "Xi", "PROPN", "compound", 1), ("Jinping", "Jinping", "PROPN", "poss", 4),
                ("’s", "’s", "PART", "case", 1), ("state", "state", "NOUN", "compound", 4),
                ("visit", "visit", "NOUN", "ROOT", 4), ("to", "to", "ADP", "prep", 4),
                ("Bangladesh", "Bangladesh", "PROPN", "pobj", 5)]


def test_a_visit_is_named_by_its_visitor_kind_and_destination():
    trigger = _visit(_STATE_VISIT, 4, 5)
    assert _has_party(trigger)
    assert _destination(trigger) == "Bangladesh"
    assert _visit_name(trigger) == "Xi Jinping state visit to Bangladesh"


def test_a_visit_of_a_pronoun_waits_for_the_story_to_name_its_visitor():
    rows = [("His", "his", "PRON", "poss", 1), ("visit", "visit", "NOUN", "ROOT", 1),
            ("to", "to", "ADP", "prep", 1), ("Lisbon", "Lisbon", "PROPN", "pobj", 2)]
    trigger = _visit(rows, 1, 2)
    assert _has_party(trigger)  # it went somewhere: an event of its own
    assert _visit_name(trigger) is None


def test_a_visit_with_no_visitor_or_destination_is_no_event_by_itself():
    rows = [("the", "the", "DET", "det", 1), ("visit", "visit", "NOUN", "ROOT", 1)]
    assert not _has_party(_visit(rows, 1, 2))


def test_a_signing_is_named_by_what_was_signed_without_its_clauses():
    from extract.events import _acted_on

    rows = [("They", "they", "PRON", "nsubj", 1), ("signed", "sign", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 3), ("memorandum", "memorandum", "NOUN", "dobj", 1),
            ("of", "of", "ADP", "prep", 3), ("understanding", "understanding", "NOUN", "pobj", 4),
            ("aimed", "aim", "VERB", "acl", 3), ("at", "at", "ADP", "prep", 6),
            ("growth", "growth", "NOUN", "pobj", 7)]
    assert _acted_on(_visit(rows, 1, 2, label="agreement_signing")) == (
        "memorandum of understanding")


def test_a_signed_thing_keeps_its_capitals_only_when_it_is_a_name_or_acronym():
    from extract.events import _in_running_text

    assert _in_running_text("Memorandum of understanding") == "memorandum of understanding"
    assert _in_running_text("MoU") == "MoU"
    assert _in_running_text("Kazan Declaration") == "Kazan Declaration"


def test_a_venue_named_without_its_city_lies_in_the_city_the_article_names():
    from extract.entities import ArticleEntities
    from extract.events import _Draft, _place_venues
    from extract.models import Evidence, PlaceMention
    from graph.vocabulary import EventType

    entities = ArticleEntities()
    entities.places["lisbon"] = PlaceMention(name="Lisbon", country="PRT")
    evidence = Evidence(article_id="a", sentence="s", start=0, end=1)
    at_palace = _Draft("Ceremony", EventType.CEREMONY, "ceremony", evidence, False,
                       place=PlaceMention(name="Belém Palace"))
    in_city = _Draft("Meeting", EventType.MEETING, "meeting", evidence, False,
                     place=PlaceMention(name="Porto", country="PRT"))
    _place_venues([at_palace, in_city], entities)
    assert at_palace.place == PlaceMention(name="Belém Palace, Lisbon", country="PRT")
    assert in_city.place == PlaceMention(name="Porto", country="PRT")


def test_an_event_placed_in_a_country_is_in_the_one_city_of_it_the_article_names():
    from extract.entities import ArticleEntities
    from extract.events import _Draft, _place_venues, _place_with_the_lead
    from extract.models import Evidence, PlaceMention
    from graph.vocabulary import EventType

    entities = ArticleEntities()
    entities.places["bogota"] = PlaceMention(name="Bogota", country="COL")
    evidence = Evidence(article_id="a", sentence="s", start=0, end=1)
    festival = _Draft("Festival", EventType.CULTURAL_EXCHANGE, "festival", evidence, False,
                      place=PlaceMention(name="Colombia", country="COL"))
    reception = _Draft("Reception", EventType.CEREMONY, "reception", evidence, False)
    _place_venues([festival, reception], entities)
    _place_with_the_lead([festival, reception])
    assert festival.place == PlaceMention(name="Bogota", country="COL")
    assert reception.place == festival.place  # same (unstated) day: where the lead was


def test_a_summit_of_media_is_a_forum_and_one_of_two_states_a_meeting():
    from extract.events import _named_type
    from graph.vocabulary import EventType

    assert _named_type("Fourth China-Nepal Media Summit", "summit") == EventType.FORUM
    assert _named_type("22nd India-Russia Annual Summit", "summit") == EventType.MEETING
    assert _named_type("Inaugural ASEAN-GCC Summit", "summit") == EventType.CONFERENCE


def _dated(name: str, day, place=None):
    from extract.events import _Draft
    from extract.models import Evidence
    from graph.vocabulary import EventType

    evidence = Evidence(article_id="a", sentence="s", start=0, end=1)
    return _Draft(name, EventType.FORUM, "forum", evidence, True, date=day, place=place)


def test_an_event_within_days_of_the_lead_is_where_the_lead_was_and_a_later_one_is_not():
    import datetime as dt

    from extract.events import _place_with_the_lead
    from extract.models import PlaceMention

    dubai = PlaceMention(name="Dubai", country="ARE")
    forum = _dated("Media Forum", dt.date(2024, 5, 28), dubai)
    youth = _dated("Youth Forum", dt.date(2024, 5, 27))
    next_year = _dated("Next Forum", dt.date(2025, 5, 27))
    _place_with_the_lead([forum, youth, next_year])
    assert youth.place == dubai
    assert next_year.place is None


def test_a_lead_told_without_a_day_counts_as_of_the_days_the_story_was_filed():
    import datetime as dt

    from extract.events import _place_with_the_lead
    from extract.models import PlaceMention

    minsk = PlaceMention(name="Minsk", country="BLR")
    week = _dated("Culture Week", None, minsk)
    display = _dated("Art display", dt.date(2021, 4, 10))
    _place_with_the_lead([week, display], filed=dt.date(2021, 4, 11))
    assert display.place == minsk


def test_a_city_that_begins_a_venues_name_does_not_place_the_sentence():
    from extract.entities import ArticleEntities
    from extract.events import _place_in
    from extract.models import PlaceMention
    from extract.places import PlaceIndex

    entities = ArticleEntities()
    entities.places["belem"] = PlaceMention(name="Belém", country="BRA")
    text = "On her arrival at the courtyard of Belém Palace, she received a salute."
    assert _place_in(text, entities, PlaceIndex.default()) is None
