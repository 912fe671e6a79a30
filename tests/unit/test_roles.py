"""The `dkg_event_roles` component on hand-built Docs (no trained model)."""

import pytest
import spacy

from extract.roles import ROLES_KEY, EventRoles
from tests.unit.parsed import parsed


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("dkg_event_roles")
    return nlp


def _roles(nlp, rows):
    doc = nlp.get_pipe("dkg_event_roles")(parsed(nlp.vocab, rows))
    return [(s.text, s.label_) for s in doc.spans[ROLES_KEY]]


def test_who_speaks_at_an_event_takes_part_in_it(nlp):
    rows = [("Ahmed", "Ahmed", "PROPN", "compound", 1), ("Ali", "Ali", "PROPN", "nsubj", 2),
            ("said", "say", "VERB", "ROOT", 2), ("at", "at", "ADP", "prep", 2),
            ("the", "the", "DET", "det", 5), ("forum", "forum", "NOUN", "pobj", 3)]
    assert _roles(nlp, rows) == [("Ahmed Ali", "participant")]


def test_a_list_of_speakers_gives_one_filler_each(nlp):
    rows = [("speeches", "speech", "NOUN", "ROOT", 0), ("by", "by", "ADP", "prep", 0),
            ("Smith", "Smith", "PROPN", "pobj", 1), (",", ",", "PUNCT", "punct", 2),
            ("Jones", "Jones", "PROPN", "conj", 2), ("and", "and", "CCONJ", "cc", 4),
            ("Li", "Li", "PROPN", "conj", 4)]
    assert _roles(nlp, rows) == [("Smith", "participant"), ("Jones", "participant"),
                                 ("Li", "participant")]


def test_organizers_listed_as_appositions_are_each_organizers(nlp):
    # the small English parser reads "hosted by A, B and C" as A with B in apposition
    rows = [("The", "the", "DET", "det", 1), ("forum", "forum", "NOUN", "nsubjpass", 3),
            ("was", "be", "AUX", "auxpass", 3), ("hosted", "host", "VERB", "ROOT", 3),
            ("by", "by", "ADP", "agent", 3), ("CICG", "CICG", "PROPN", "pobj", 4),
            (",", ",", "PUNCT", "punct", 5), ("Xinhua", "Xinhua", "PROPN", "appos", 5),
            ("and", "and", "CCONJ", "cc", 7), ("TASS", "TASS", "PROPN", "conj", 7)]
    assert _roles(nlp, rows) == [("CICG", "organizer"), ("Xinhua", "organizer"),
                                 ("TASS", "organizer")]


def test_a_persons_apposition_is_a_title_not_another_participant(nlp):
    rows = [("Sylla", "Sylla", "PROPN", "nsubj", 3), (",", ",", "PUNCT", "punct", 0),
            ("Ambassador", "ambassador", "PROPN", "appos", 0),
            ("spoke", "speak", "VERB", "ROOT", 3)]
    assert _roles(nlp, rows) == [("Sylla", "participant")]


def test_who_sent_a_congratulatory_letter_is_a_message_sender(nlp):
    rows = [("Xi", "Xi", "PROPN", "nsubj", 1), ("sent", "send", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 4), ("congratulatory", "congratulatory", "ADJ", "amod", 4),
            ("letter", "letter", "NOUN", "dobj", 1)]
    assert _roles(nlp, rows) == [("Xi", "message_sender")]


def test_who_reads_out_a_letter_takes_part_and_its_writer_sent_it(nlp):
    rows = [("Huang", "Huang", "PROPN", "nsubj", 1), ("read", "read", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 3), ("letter", "letter", "NOUN", "dobj", 1),
            ("from", "from", "ADP", "prep", 3), ("Xi", "Xi", "PROPN", "pobj", 4)]
    assert _roles(nlp, rows) == [("Huang", "participant"), ("Xi", "message_sender")]


def test_a_recorded_address_makes_its_speaker_a_sender_not_a_participant(nlp):
    # "In his video address, Lavrov said ...": "his" is Lavrov, who was not there
    rows = [("In", "in", "ADP", "prep", 6), ("his", "his", "PRON", "poss", 3),
            ("video", "video", "NOUN", "compound", 3), ("address", "address", "NOUN", "pobj", 0),
            (",", ",", "PUNCT", "punct", 6), ("Lavrov", "Lavrov", "PROPN", "nsubj", 6),
            ("said", "say", "VERB", "ROOT", 6)]
    assert _roles(nlp, rows) == [("Lavrov", "message_sender")]


def test_a_relative_pronoun_stands_for_the_noun_it_describes(nlp):
    # "Kim, who addressed the forum"
    rows = [("Kim", "Kim", "PROPN", "ROOT", 0), (",", ",", "PUNCT", "punct", 0),
            ("who", "who", "PRON", "nsubj", 3), ("addressed", "address", "VERB", "relcl", 0),
            ("the", "the", "DET", "det", 5), ("forum", "forum", "NOUN", "dobj", 3)]
    assert _roles(nlp, rows) == [("Kim", "participant")]


def test_in_collaboration_with_names_a_co_organizer(nlp):
    rows = [("held", "hold", "VERB", "ROOT", 0), ("in", "in", "ADP", "prep", 0),
            ("collaboration", "collaboration", "NOUN", "pobj", 1),
            ("with", "with", "ADP", "prep", 2),
            ("UNESCO", "UNESCO", "PROPN", "pobj", 3)]
    assert _roles(nlp, rows) == [("UNESCO", "organizer")]


def test_a_memorandum_of_cooperation_with_a_party_names_no_organizer(nlp):
    rows = [("a", "a", "DET", "det", 1), ("memorandum", "memorandum", "NOUN", "ROOT", 1),
            ("of", "of", "ADP", "prep", 1), ("cooperation", "cooperation", "NOUN", "pobj", 2),
            ("with", "with", "ADP", "prep", 3), ("Interfax", "Interfax", "PROPN", "pobj", 4)]
    assert _roles(nlp, rows) == []


def test_an_unknown_role_in_the_patterns_is_refused(nlp):
    with pytest.raises(ValueError, match="witness"):
        EventRoles(nlp, [{"id": "x", "role": "witness", "fillers": ["person"], "pattern": [
            {"RIGHT_ID": "filler", "RIGHT_ATTRS": {"DEP": "nsubj"}}]}])


def test_who_leads_a_delegation_takes_part_and_who_leads_an_event_organizes_it(nlp):
    delegation = [("a", "a", "DET", "det", 1), ("delegation", "delegation", "NOUN", "ROOT", 1),
                  ("led", "lead", "VERB", "acl", 1), ("by", "by", "ADP", "agent", 2),
                  ("Anh", "Anh", "PROPN", "pobj", 3)]
    assert _roles(nlp, delegation) == [("Anh", "participant")]
    event = [("The", "the", "DET", "det", 1), ("forum", "forum", "NOUN", "nsubjpass", 3),
             ("was", "be", "AUX", "auxpass", 3), ("led", "lead", "VERB", "ROOT", 3),
             ("by", "by", "ADP", "agent", 3), ("UNESCO", "UNESCO", "PROPN", "pobj", 4)]
    assert _roles(nlp, event) == [("UNESCO", "organizer")]


def test_the_subject_of_hosting_a_named_week_organizes_it(nlp):
    # a proper-noun object keeps its capitals as its lemma: "Week", not "week"
    rows = [("Tiber", "Tiber", "PROPN", "compound", 1), ("Radio", "Radio", "PROPN", "nsubj", 3),
            ("is", "be", "AUX", "aux", 3), ("hosting", "host", "VERB", "ROOT", 3),
            ("the", "the", "DET", "det", 7), ("Orla", "Orla", "PROPN", "compound", 7),
            ("Film", "Film", "PROPN", "compound", 7), ("Week", "Week", "PROPN", "dobj", 3)]
    assert ("Tiber Radio", "organizer") in _roles(nlp, rows)


def test_who_credentials_are_presented_to_takes_part(nlp):
    rows = [("She", "she", "PRON", "nsubj", 1), ("presented", "present", "VERB", "ROOT", 1),
            ("her", "her", "PRON", "poss", 3), ("credentials", "credential", "NOUN", "dobj", 1),
            ("to", "to", "ADP", "prep", 1), ("President", "President", "PROPN", "compound", 6),
            ("Lima", "Lima", "PROPN", "pobj", 4)]
    assert ("President Lima", "participant") in _roles(nlp, rows)
