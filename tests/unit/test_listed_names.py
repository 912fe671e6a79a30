"""Definite lists of organizers read whole (extract/listed_names.py), on sentences of our own."""

from extract.listed_names import definite_lists

_LIST = ("The fair was organised by the Culture (Heritage) Department of the Council of "
         "Tiberia, the Sylvan Books Distribution Administration (officially known as Sylvan "
         "Publishing Group or SPG), the Orla Huabao publishing corporation, the Academy of "
         "Modern Tiberia and World Studies, and the Institute of Northern, Eastern and Coastal "
         "Studies.")


def test_each_item_of_a_definite_list_is_one_whole_name():
    names = [item.name for item in definite_lists(_LIST)]
    assert names == [
        "Culture Department of the Council of Tiberia",
        "Sylvan Books Distribution Administration",
        "Orla Huabao publishing corporation",
        "Academy of Modern Tiberia and World Studies",
        "Institute of Northern, Eastern and Coastal Studies",
    ]


def test_a_parenthesis_gives_aliases():
    aliases = {item.name: item.aliases for item in definite_lists(_LIST)}
    assert aliases["Sylvan Books Distribution Administration"] == ("Sylvan Publishing Group",
                                                                   "SPG")
    assert aliases["Culture Department of the Council of Tiberia"] == (
        "Culture (Heritage) Department of the Council of Tiberia",)


def test_an_item_spans_its_written_text():
    first = definite_lists(_LIST)[0]
    assert _LIST[first.start:first.end] == (
        "the Culture (Heritage) Department of the Council of Tiberia")


def test_a_single_organizer_or_a_list_without_the_is_left_to_the_recogniser():
    assert definite_lists("The fair was hosted by the Tiber Press Agency.") == []
    assert definite_lists("The fair was hosted by Tiber Press and Orla Radio.") == []


def test_items_that_name_no_body_are_not_names():
    text = "The fair was hosted by the city and the Tiber Press Agency."
    assert [item.name for item in definite_lists(text)] == ["Tiber Press Agency"]
