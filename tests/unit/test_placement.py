"""Where the parse says an event happened, on hand-built Docs (no trained model)."""

import pytest
import spacy

from extract.countries import CountryIndex
from extract.models import PlaceMention
from extract.placement import KnownPlaces, place_of_mention
from extract.places import PlaceIndex
from tests.unit.parsed import parsed

LISBON = PlaceMention(name="Lisbon", country="PRT")
DHAKA = PlaceMention(name="Dhaka", country="BGD")
KAZAN = PlaceMention(name="Kazan", country="RUS")


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _known(*cities: PlaceMention, **spellings: PlaceMention) -> KnownPlaces:
    by_surface = {city.name: city for city in cities} | spellings
    return KnownPlaces(by_surface=by_surface, places=PlaceIndex.default(),
                       countries=CountryIndex.default())


def _place(vocab, rows, words: str, known: KnownPlaces) -> PlaceMention | None:
    """The place the sentence gives the event it names by `words`."""
    doc = parsed(vocab, rows)
    start = doc.text.index(words)
    return place_of_mention(doc[:], start, start + len(words), known)


# "The Media Summit opened in the Russian capital , serving as a prelude to the BRICS Summit
# in Kazan ."
_TWO_SUMMITS = [
    ("The", "the", "DET", "det", 2), ("Media", "media", "PROPN", "compound", 2),
    ("Summit", "summit", "PROPN", "nsubj", 3), ("opened", "open", "VERB", "ROOT", 3),
    ("in", "in", "ADP", "prep", 3), ("the", "the", "DET", "det", 7),
    ("Russian", "russian", "ADJ", "amod", 7), ("capital", "capital", "NOUN", "pobj", 4),
    (",", ",", "PUNCT", "punct", 3), ("serving", "serve", "VERB", "advcl", 3),
    ("as", "as", "ADP", "prep", 9), ("a", "a", "DET", "det", 12),
    ("prelude", "prelude", "NOUN", "pobj", 10), ("to", "to", "ADP", "prep", 12),
    ("the", "the", "DET", "det", 16), ("BRICS", "BRICS", "PROPN", "compound", 16),
    ("Summit", "summit", "PROPN", "pobj", 13), ("in", "in", "ADP", "prep", 16),
    ("Kazan", "Kazan", "PROPN", "pobj", 17), (".", ".", "PUNCT", "punct", 3),
]


def test_an_event_is_where_the_verb_that_reports_it_says_the_capital_of_a_country_is(vocab):
    place = _place(vocab, _TWO_SUMMITS, "Media Summit", _known(KAZAN))
    assert place == PlaceMention(name="Moscow", country="RUS", canonical="Moscow")


def test_a_phrase_on_an_event_noun_places_that_event_not_the_sentence_lead(vocab):
    assert _place(vocab, _TWO_SUMMITS, "BRICS Summit", _known(KAZAN)) == KAZAN


def test_a_city_in_apposition_to_the_capital_is_the_place(vocab):
    rows = [("The", "the", "DET", "det", 2), ("book", "book", "NOUN", "compound", 2),
            ("fair", "fair", "NOUN", "nsubj", 3), ("opened", "open", "VERB", "ROOT", 3),
            ("in", "in", "ADP", "prep", 3), ("the", "the", "DET", "det", 6),
            ("capital", "capital", "NOUN", "pobj", 4), (",", ",", "PUNCT", "punct", 6),
            ("Dhaka", "Dhaka", "PROPN", "appos", 6), (".", ".", "PUNCT", "punct", 3)]
    assert _place(vocab, rows, "book fair", _known(DHAKA)) == DHAKA


# "She presented her credentials to the President at Belém Palace in Lisbon ."
_CREDENTIALS = [
    ("She", "she", "PRON", "nsubj", 1), ("presented", "present", "VERB", "ROOT", 1),
    ("her", "her", "PRON", "poss", 3), ("credentials", "credential", "NOUN", "dobj", 1),
    ("to", "to", "ADP", "prep", 1), ("the", "the", "DET", "det", 6),
    ("President", "president", "PROPN", "pobj", 4), ("at", "at", "ADP", "prep", 6),
    ("Belém", "Belém", "PROPN", "compound", 9), ("Palace", "palace", "PROPN", "pobj", 7),
    ("in", "in", "ADP", "prep", 9), ("Lisbon", "Lisbon", "PROPN", "pobj", 10),
    (".", ".", "PUNCT", "punct", 1),
]


def test_a_venue_lies_in_the_city_its_phrase_names_not_in_a_city_its_name_contains(vocab):
    belem_in_brazil = PlaceMention(name="Belém", country="BRA")
    place = _place(vocab, _CREDENTIALS, "presented", _known(LISBON, belem_in_brazil))
    assert place == PlaceMention(name="Belém Palace, Lisbon", country="PRT")


def test_a_clause_on_the_event_places_it(vocab):
    # "The event , which kicked off at Darb Al Saai in Dhaka , runs until Friday ."
    rows = [("The", "the", "DET", "det", 1), ("event", "event", "NOUN", "nsubj", 12),
            (",", ",", "PUNCT", "punct", 1), ("which", "which", "PRON", "nsubj", 4),
            ("kicked", "kick", "VERB", "relcl", 1), ("off", "off", "ADP", "prt", 4),
            ("at", "at", "ADP", "prep", 4), ("Darb", "Darb", "PROPN", "compound", 9),
            ("Al", "Al", "PROPN", "compound", 9), ("Saai", "Saai", "PROPN", "pobj", 6),
            ("in", "in", "ADP", "prep", 9), ("Dhaka", "Dhaka", "PROPN", "pobj", 10),
            ("runs", "run", "VERB", "ROOT", 12), ("until", "until", "ADP", "prep", 12),
            ("Friday", "Friday", "PROPN", "pobj", 13), (".", ".", "PUNCT", "punct", 12)]
    assert _place(vocab, rows, "event", _known(DHAKA)) == DHAKA


def test_a_city_naming_another_event_is_not_a_place_of_what_happened_there(vocab):
    # "The plan was adopted at the Kazan summit ."
    rows = [("The", "the", "DET", "det", 1), ("plan", "plan", "NOUN", "nsubjpass", 3),
            ("was", "be", "AUX", "auxpass", 3), ("adopted", "adopt", "VERB", "ROOT", 3),
            ("at", "at", "ADP", "prep", 3), ("the", "the", "DET", "det", 7),
            ("Kazan", "Kazan", "PROPN", "compound", 7), ("summit", "summit", "NOUN", "pobj", 4),
            (".", ".", "PUNCT", "punct", 3)]
    assert _place(vocab, rows, "adopted", _known(KAZAN)) is None


def test_a_country_is_the_place_when_the_phrase_names_no_city(vocab):
    rows = [("The", "the", "DET", "det", 1), ("festival", "festival", "NOUN", "nsubjpass", 3),
            ("was", "be", "AUX", "auxpass", 3), ("held", "hold", "VERB", "ROOT", 3),
            ("in", "in", "ADP", "prep", 3), ("the", "the", "DET", "det", 6),
            ("State", "State", "PROPN", "pobj", 4), ("of", "of", "ADP", "prep", 6),
            ("Qatar", "Qatar", "PROPN", "pobj", 7), (".", ".", "PUNCT", "punct", 3)]
    assert _place(vocab, rows, "festival", _known()) == PlaceMention(name="Qatar", country="QAT")


def test_a_phrase_that_names_no_place_places_nothing(vocab):
    rows = [("The", "the", "DET", "det", 1), ("forum", "forum", "NOUN", "nsubjpass", 3),
            ("was", "be", "AUX", "auxpass", 3), ("held", "hold", "VERB", "ROOT", 3),
            ("in", "in", "ADP", "prep", 3), ("cooperation", "cooperation", "NOUN", "pobj", 4),
            ("with", "with", "ADP", "prep", 5), ("the", "the", "DET", "det", 8),
            ("ministry", "ministry", "NOUN", "pobj", 6), (".", ".", "PUNCT", "punct", 3)]
    assert _place(vocab, rows, "forum", _known(DHAKA)) is None


def test_a_phrase_on_another_events_noun_does_not_place_this_one(vocab):
    # "The forum was held ahead of the summit in Kazan ."
    rows = [("The", "the", "DET", "det", 1), ("forum", "forum", "NOUN", "nsubjpass", 3),
            ("was", "be", "AUX", "auxpass", 3), ("held", "hold", "VERB", "ROOT", 3),
            ("ahead", "ahead", "ADV", "advmod", 3), ("of", "of", "ADP", "prep", 4),
            ("the", "the", "DET", "det", 7), ("summit", "summit", "NOUN", "pobj", 5),
            ("in", "in", "ADP", "prep", 7), ("Kazan", "Kazan", "PROPN", "pobj", 8),
            (".", ".", "PUNCT", "punct", 3)]
    assert _place(vocab, rows, "forum", _known(KAZAN)) is None
    assert _place(vocab, rows, "summit", _known(KAZAN)) == KAZAN
