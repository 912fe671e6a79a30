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
