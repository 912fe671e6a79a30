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


def test_the_opening_ceremony_of_a_festival_is_the_festival_not_a_ceremony():
    from extract.events import _ceremony_of_a_gathering

    rows = [("the", "the", "DET", "det", 2), ("opening", "opening", "NOUN", "compound", 2),
            ("ceremony", "ceremony", "NOUN", "ROOT", 2), ("of", "of", "ADP", "prep", 2),
            ("the", "the", "DET", "det", 6), ("film", "film", "NOUN", "compound", 6),
            ("festival", "festival", "NOUN", "pobj", 3)]
    assert _ceremony_of_a_gathering(_visit(rows, 2, 3, label="ceremony"))
    rows[6] = ("exhibition", "exhibition", "NOUN", "pobj", 3)  # an opening of its own
    assert not _ceremony_of_a_gathering(_visit(rows, 2, 3, label="ceremony"))


def _draft(name, event_type, *, named, date=None, participants=()):
    from extract.events import _Draft
    from extract.models import Evidence

    evidence = Evidence(article_id="a", sentence=name, start=0, end=len(name))
    return _Draft(name, event_type, event_type.value, evidence, named, date=date,
                  participants=list(participants))


def test_an_unnamed_forum_beside_the_named_one_is_that_forum():
    from datetime import date

    from extract.events import _merge_unnamed_gatherings
    from graph.vocabulary import EventType

    named = _draft("Tiber Media Forum", EventType.FORUM, named=True, date=date(2026, 5, 4))
    caption = _draft("media forum", EventType.FORUM, named=False, participants=["Ana Lima"])
    meeting = _draft("Meeting", EventType.MEETING, named=False, participants=["Ana Lima"])
    other_day = _draft("forum", EventType.FORUM, named=False, date=date(2026, 5, 9))
    kept = _merge_unnamed_gatherings([caption, named, meeting, other_day])
    assert kept == [named, meeting, other_day]
    assert named.participants == ["Ana Lima"]


def test_a_forum_is_never_named_after_a_person_but_a_meeting_may_be():
    from extract.events import _descriptive_name
    from graph.vocabulary import EventType

    forum = _draft("forum", EventType.FORUM, named=False, participants=["Ana Lima", "Li Wei"])
    meeting = _draft("meeting", EventType.MEETING, named=False,
                     participants=["Ana Lima", "Li Wei"])
    assert "Ana Lima" not in _descriptive_name(forum)
    assert _descriptive_name(meeting) == "Meeting of Ana Lima and Li Wei"


def _article_with(*persons):
    from extract.entities import ArticleEntities
    from extract.models import PersonMention

    entities = ArticleEntities()
    for name, titles in persons:
        entities.persons[name.lower()] = PersonMention(name=name, titles=list(titles))
    return entities


def test_a_visit_told_by_its_visitor_s_title_is_named_after_the_title_holder():
    from extract.events import _name_visitor_by_title
    from graph.vocabulary import EventType

    entities = _article_with(("Ana Lima", ["Chief Adviser"]), ("Li Wei", ["Ambassador"]))
    visit = _draft("Chief Adviser visit to Tiberia", EventType.VISIT, named=True)
    _name_visitor_by_title(visit, entities)
    assert visit.name == "Ana Lima visit to Tiberia" and visit.participants == ["Ana Lima"]


def test_the_president_is_the_one_president_of_the_article():
    from extract.events import _title_holder

    rows = [("the", "the", "DET", "det", 1), ("President", "President", "PROPN", "ROOT", 1)]
    span = _visit(rows, 0, 2, label="participant")
    one = _article_with(("Ana Lima", ["President of Tiberia"]), ("Li Wei", ["Ambassador"]))
    assert _title_holder(span, one) == ["Ana Lima"]
    two = _article_with(("Ana Lima", ["President of Tiberia"]), ("Li Wei", ["President"]))
    assert _title_holder(span, two) == []  # which one the text means is not known


def test_a_hyphenated_name_ends_in_its_event_noun():
    from extract.events import _head_noun

    assert _head_noun("Orla Culture-Tourism Days".split()) == "culture days"
    assert _head_noun("Orla Media Forum".split()) == "forum"


def test_meeting_someone_new_after_a_named_summit_is_a_meeting_of_its_own():
    from extract.events import _same_as_earlier
    from graph.vocabulary import EventType

    entities = _article_with(("Ana Lima", []), ("Li Wei", []))
    summit = _draft("Tiber Annual Meeting", EventType.MEETING, named=True)
    told_again = _draft("Meeting", EventType.MEETING, named=False)
    assert _same_as_earlier(told_again, [summit], entities, "Ana Lima also met Li Wei.") is None
    earlier = _draft("Meeting", EventType.MEETING, named=False)
    assert _same_as_earlier(told_again, [earlier], entities, "Ana Lima also met Li Wei.") is earlier


def test_a_meeting_its_sentence_calls_a_dialogue_is_a_dialogue():
    from spacy.tokens import Span

    from extract.events import _called_a_dialogue
    from extract.models import Evidence
    from extract.triggers import TRIGGERS_KEY
    from graph.vocabulary import EventType

    rows = [("a", "a", "DET", "det", 1), ("meeting", "meeting", "NOUN", "ROOT", 1),
            (",", ",", "PUNCT", "punct", 1), ("a", "a", "DET", "det", 5),
            ("strategic", "strategic", "ADJ", "amod", 5),
            ("dialogue", "dialogue", "NOUN", "appos", 1)]
    doc = parsed(spacy.blank("en").vocab, rows)
    doc.spans[TRIGGERS_KEY] = [Span(doc, 1, 2, label="meeting"), Span(doc, 5, 6, label="dialogue")]
    meeting = _draft("Meeting", EventType.MEETING, named=False)
    meeting.evidence = Evidence(article_id="a", sentence=doc.text, start=0, end=len(doc.text))
    assert _called_a_dialogue(meeting, doc)
    doc.spans[TRIGGERS_KEY] = [Span(doc, 1, 2, label="meeting")]
    assert not _called_a_dialogue(meeting, doc)


def test_the_time_of_a_sentence_is_read_before_its_speaker_not_in_what_was_said():
    from spacy.tokens import Span

    from extract.events import _OWN_TIME, _up_to_the_speaker
    from extract.roles import ROLES_KEY

    words = "In his message , Ana Lima said ties would grow".split()
    rows = [(w, w.lower(), "X", "dep", 0) for w in words]
    doc = parsed(spacy.blank("en").vocab, rows)
    doc.spans[ROLES_KEY] = [Span(doc, 4, 6, label="message_sender")]
    sentence = doc[0:len(doc)]
    assert _OWN_TIME.search(sentence.text)  # "would", in what she said
    assert _OWN_TIME.search(_up_to_the_speaker(sentence)) is None


def test_a_title_filler_followed_by_a_name_is_that_person():
    from spacy.tokens import Span

    from extract.events import _named_after_title

    words = "The Ambassador of Tiberia to Sylvania H.E Ana Lima presented".split()
    doc = parsed(spacy.blank("en").vocab, [(w, w.lower(), "X", "dep", 1) for w in words])
    span = Span(doc, 0, 4, label="participant")  # "The Ambassador of Tiberia"
    entities = _article_with(("Ana Lima", []), ("Li Wei", []))
    references = {"Ana Lima": ["Ana Lima"], "Li Wei": ["Li Wei"]}
    assert _named_after_title(span, entities, references) == []  # "Tiberia" is no country
    words[3], words[5] = "Portugal", "Spain"
    doc = parsed(spacy.blank("en").vocab, [(w, w.lower(), "X", "dep", 1) for w in words])
    span = Span(doc, 0, 4, label="participant")
    assert _named_after_title(span, entities, references) == ["Ana Lima"]


def test_a_named_meeting_the_dignitaries_hold_is_the_meeting_told_before():
    from spacy.tokens import Span

    from extract.events import _merge_told_again
    from extract.models import Evidence
    from extract.roles import ROLES_KEY
    from graph.vocabulary import EventType

    words = "the dignitaries are holding the Tiber Annual Meeting".split()
    doc = parsed(spacy.blank("en").vocab, [(w, w.lower(), "X", "dep", 1) for w in words])
    doc[1].lemma_, doc[1].tag_ = "dignitary", "NNS"
    doc.spans[ROLES_KEY] = [Span(doc, 0, 2, label="organizer")]
    earlier = _draft("Meeting", EventType.MEETING, named=False, participants=["Ana Lima"])
    named = _draft("Tiber Annual Meeting", EventType.MEETING, named=True)
    named.evidence = Evidence(article_id="a", sentence=doc.text, start=0, end=len(doc.text))
    assert _merge_told_again([earlier, named], doc) == [named]
    assert named.participants == ["Ana Lima"]


def test_a_visit_lists_its_visitors_before_its_hosts():
    from extract.countries import CountryIndex
    from extract.events import _hosts_after_visitors
    from extract.places import PlaceIndex
    from graph.vocabulary import EventType

    entities = _article_with(("Ana Lima", []), ("Li Wei", []), ("Tom Berg", []))
    entities.persons["ana lima"].country = "PRT"
    entities.persons["li wei"].country = "BRA"
    visit = _draft("Visit to Lisbon", EventType.VISIT, named=False,
                   participants=["Ana Lima", "Tom Berg", "Li Wei"])
    visit.destination = "Lisbon"
    _hosts_after_visitors(visit, entities, PlaceIndex.default(), CountryIndex.default())
    assert visit.participants == ["Li Wei", "Tom Berg", "Ana Lima"]


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
