"""The `dkg_event_triggers` component on hand-built Docs (no trained model)."""

import pytest
import spacy

from extract.triggers import (
    TRIGGERS_KEY,
    UNREPORTED_KEY,
    default_entries,
    load_patterns,
    trigger_entries,
)
from graph.vocabulary import EventType, Plover
from tests.unit.parsed import parsed


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("dkg_event_triggers")
    return nlp


def _run(nlp, rows):
    doc = nlp.get_pipe("dkg_event_triggers")(parsed(nlp.vocab, rows))
    reported = [(s.text, s.label_, s._.dkg_kind, s._.dkg_plover) for s in doc.spans[TRIGGERS_KEY]]
    return reported, [s.text for s in doc.spans[UNREPORTED_KEY]]


def test_a_verb_is_matched_by_its_lemma_and_part_of_speech(nlp):
    reported, _ = _run(nlp, [("Tokayev", "Tokayev", "PROPN", "nsubj", 1),
                             ("met", "meet", "VERB", "ROOT", 1),
                             ("Xi", "Xi", "PROPN", "dobj", 1)])
    assert reported == [("met", "meeting", "verb", Plover.CONSULT)]


def test_the_same_word_as_a_noun_is_not_the_verb_trigger(nlp):
    reported, _ = _run(nlp, [("a", "a", "DET", "det", 1), ("visit", "visit", "NOUN", "ROOT", 1)])
    assert reported == [("visit", "visit", "noun", Plover.CONSULT)]


def test_a_phone_call_is_its_own_event_type(nlp):
    reported, _ = _run(nlp, [("a", "a", "DET", "det", 2), ("phone", "phone", "NOUN", "compound", 2),
                             ("call", "call", "NOUN", "ROOT", 2)])
    assert reported == [("phone call", "phone_call", "noun", Plover.CONSULT)]


def test_an_entry_may_name_its_own_plover_category(nlp):
    reported, _ = _run(nlp, [("She", "she", "PRON", "nsubj", 1),
                             ("awarded", "award", "VERB", "ROOT", 1),
                             ("him", "he", "PRON", "dative", 1),
                             ("a", "a", "DET", "det", 4),
                             ("medal", "medal", "NOUN", "dobj", 1)])
    assert reported == [("awarded him a medal", "ceremony", "verb", Plover.SUPPORT)]


def test_a_plural_speaks_of_happenings_in_general(nlp):
    reported, _ = _run(nlp, [("regular", "regular", "ADJ", "amod", 1),
                             ("meetings", "meeting", "NOUN", "ROOT", 1)])
    assert reported == []


@pytest.mark.parametrize("rows", [
    [("They", "they", "PRON", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
     ("meet", "meet", "VERB", "ROOT", 2)],
    [("He", "he", "PRON", "nsubj", 1), ("plans", "plan", "VERB", "ROOT", 1),
     ("to", "to", "PART", "aux", 3), ("visit", "visit", "VERB", "xcomp", 1)],
    [("They", "they", "PRON", "nsubj", 3), ("did", "do", "AUX", "aux", 3),
     ("not", "not", "PART", "neg", 3), ("sign", "sign", "VERB", "ROOT", 3)],
    [("the", "the", "DET", "det", 2), ("proposed", "propose", "VERB", "amod", 2),
     ("summit", "summit", "NOUN", "ROOT", 2)],
    # "will discuss ... and adopt": the plan covers what is coordinated with it
    [("They", "they", "PRON", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
     ("discuss", "discuss", "VERB", "ROOT", 2), ("and", "and", "CCONJ", "cc", 2),
     ("visit", "visit", "VERB", "conj", 2)],
], ids=["modal", "planned", "negated", "proposed", "coordinated-with-modal"])
def test_planned_proposed_or_negated_happenings_are_not_reported(nlp, rows):
    reported, unreported = _run(nlp, rows)
    assert reported == []
    assert len(unreported) == 1


def test_the_trigger_file_loads_and_every_type_has_a_trigger():
    entries = default_entries()
    assert {e.type for e in entries.values()} == set(EventType) - {EventType.OTHER}
    assert len(entries) == len(load_patterns("event_triggers.jsonl"))  # ids are unique


def test_an_unknown_event_type_in_the_data_is_refused():
    with pytest.raises(ValueError, match="press_conference"):
        trigger_entries([{"id": "x", "type": "press_conference", "kind": "noun",
                          "phrase": "press conference"}])


def test_a_happening_that_only_describes_a_thing_is_not_reported(nlp):
    # "an agreement signed in 1992"
    rows = [("an", "an", "DET", "det", 1), ("agreement", "agreement", "NOUN", "ROOT", 1),
            ("signed", "sign", "VERB", "acl", 1), ("in", "in", "ADP", "prep", 2),
            ("1992", "1992", "NUM", "pobj", 3)]
    doc = parsed(nlp.vocab, rows)
    doc[2].tag_ = "VBN"  # a past participle
    doc = nlp.get_pipe("dkg_event_triggers")(doc)
    assert [s.text for s in doc.spans[TRIGGERS_KEY]] == ["agreement"]
    assert [s.text for s in doc.spans[UNREPORTED_KEY]] == ["signed"]


@pytest.mark.parametrize("thing, reports", [
    (("delegation", "delegation", "NOUN"), True), (("Li", "Li", "PROPN"), True),
    (("salute", "salute", "NOUN"), False), (("award", "award", "NOUN"), False),
])
def test_receiving_reports_a_meeting_only_when_someone_is_received(nlp, thing, reports):
    word, lemma, pos = thing
    reported, _ = _run(nlp, [("She", "she", "PRON", "nsubj", 1),
                             ("received", "receive", "VERB", "ROOT", 1),
                             ("the", "the", "DET", "det", 3), (word, lemma, pos, "dobj", 1)])
    assert bool(reported) is reports


def test_a_noun_that_only_describes_a_building_is_no_trigger(nlp):
    rows = [("the", "the", "DET", "det", 2), ("concert", "concert", "NOUN", "compound", 2),
            ("hall", "hall", "NOUN", "ROOT", 2)]
    reported, unreported = _run(nlp, rows)
    assert reported == [] and unreported == []


def test_being_keen_to_sign_is_a_wish_not_a_signing(nlp):
    rows = [("She", "she", "PRON", "nsubj", 1), ("was", "be", "AUX", "ROOT", 1),
            ("keen", "keen", "ADJ", "acomp", 1), ("to", "to", "PART", "aux", 4),
            ("sign", "sign", "VERB", "xcomp", 2), ("it", "it", "PRON", "dobj", 4)]
    reported, unreported = _run(nlp, rows)
    assert reported == [] and unreported == ["sign"]
