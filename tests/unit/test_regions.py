"""Region names, aliases and adjectives in running text (no trained model)."""

import pytest

from extract.regions import RegionIndex

DATA = {
    "regions": {
        "Central Asia": {
            "aliases": [],
            "adjectives": ["Central Asian"],
            "members": ["KAZ", "KGZ", "TJK", "TKM", "UZB"],
        },
        "Southeast Asia": {
            "aliases": ["South-East Asia"],
            "adjectives": ["Southeast Asian"],
            "members": ["KHM", "LAO", "THA", "VNM"],
        },
        "Asia": {"aliases": [], "adjectives": ["Asian"], "members": []},
        "Eurasia": {"aliases": [], "adjectives": ["Eurasian"], "members": []},
    }
}


@pytest.fixture(scope="module")
def index() -> RegionIndex:
    return RegionIndex(DATA)


def names(index: RegionIndex, text: str) -> list[str]:
    return [hit.region.name for hit in index.find_all(text)]


def test_region_name_is_found_with_its_offsets(index: RegionIndex) -> None:
    text = "Water experts from Central Asia met in Dushanbe."
    [hit] = index.find_all(text)
    assert hit.region.name == "Central Asia"
    assert text[hit.start:hit.end] == "Central Asia"


def test_alias_names_its_region(index: RegionIndex) -> None:
    assert names(index, "Rice exports from South-East Asia rose.") == ["Southeast Asia"]


def test_adjective_before_a_common_noun_names_the_region(index: RegionIndex) -> None:
    assert names(index, "Ministers of Central Asian countries met on Monday.") == [
        "Central Asia"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A loan from the Asian Development Bank was signed.",
        "The Central Asian Film Academy gave its awards.",
        "Delegates of the Eurasian Economic Union arrived.",
    ],
)
def test_adjective_opening_a_proper_name_does_not_name_the_region(
    index: RegionIndex, text: str
) -> None:
    assert names(index, text) == []


def test_region_name_inside_a_compound_is_found(index: RegionIndex) -> None:
    assert names(index, "The China-Central Asia Summit opened in Xi'an.") == ["Central Asia"]


def test_longest_name_wins_over_a_shorter_one_inside_it(index: RegionIndex) -> None:
    assert names(index, "Trade across Southeast Asia grew.") == ["Southeast Asia"]


def test_region_name_inside_a_longer_word_is_not_found(index: RegionIndex) -> None:
    assert names(index, "A railway across Eurasia was proposed.") == ["Eurasia"]


def test_each_mention_is_a_hit_in_text_order(index: RegionIndex) -> None:
    text = "Central Asian and Southeast Asian envoys met; Central Asia hosts the next round."
    assert names(index, text) == ["Central Asia", "Southeast Asia", "Central Asia"]


def test_hit_carries_the_region_members(index: RegionIndex) -> None:
    [hit] = index.find_all("Central Asian leaders gathered.")
    assert hit.region.members == ("KAZ", "KGZ", "TJK", "TKM", "UZB")


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("Central Asia", "Central Asia"), (" Southeast Asian ", "Southeast Asia"),
     ("South-East Asia", "Southeast Asia")],
)
def test_lookup_finds_names_aliases_and_adjectives(
    index: RegionIndex, surface: str, expected: str
) -> None:
    region = index.lookup(surface)
    assert region is not None and region.name == expected


def test_lookup_of_an_unknown_surface_is_none(index: RegionIndex) -> None:
    assert index.lookup("Middle Earth") is None


def test_shipped_data_knows_central_asian_members() -> None:
    [hit] = RegionIndex.default().find_all("Leaders of Central Asian countries met.")
    assert hit.region.name == "Central Asia"
    assert "KAZ" in hit.region.members
