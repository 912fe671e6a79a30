"""Well-known bodies found by name or acronym, case-sensitively, by the
`dkg_known_organizations` ruler in a blank pipeline (no trained model)."""

import pytest
import spacy

from extract.known_organizations import KnownOrganizations, add_known_organizations, known_in

DATA = {
    "organizations": [
        {"name": "World Health Organization", "aliases": ["WHO"]},
        {"name": "United Nations", "aliases": ["UN", "U.N."]},
        {"name": "United Nations Security Council", "aliases": ["UN Security Council", "UNSC"]},
        {"name": "Asian Development Bank", "aliases": ["ADB"]},
        {"name": "BRICS", "aliases": []},
    ]
}


@pytest.fixture(scope="module")
def known() -> KnownOrganizations:
    return KnownOrganizations(DATA)


def found(known: KnownOrganizations, text: str) -> list[tuple[str, str]]:
    nlp = spacy.blank("en")
    add_known_organizations(nlp, known)
    return [(org.name, surface) for org, surface in known_in(nlp(text), known)]


def test_full_name_is_found(known: KnownOrganizations) -> None:
    assert found(known, "The Asian Development Bank approved a loan.") == [
        ("Asian Development Bank", "Asian Development Bank")
    ]


def test_acronym_names_its_organization(known: KnownOrganizations) -> None:
    assert found(known, "Experts from WHO visited the clinic.") == [
        ("World Health Organization", "WHO")
    ]


@pytest.mark.parametrize(
    "text",
    ["Doctors who trained abroad returned home.", "Who will chair the session?",
     "The adb report was late.", "Brics were stacked by the road."],
)
def test_acronym_in_other_case_is_not_found(known: KnownOrganizations, text: str) -> None:
    assert found(known, text) == []


def test_longest_name_wins(known: KnownOrganizations) -> None:
    assert found(known, "The UN Security Council met on Friday.") == [
        ("United Nations Security Council", "UN Security Council")
    ]


def test_acronym_inside_a_hyphenated_compound_is_not_found(known: KnownOrganizations) -> None:
    assert found(known, "A UN-Habitat report was published.") == []


def test_one_result_per_organization_with_its_first_surface(known: KnownOrganizations) -> None:
    text = ("WHO experts arrived. The World Health Organization said WHO teams would stay. "
            "BRICS members welcomed them.")
    assert found(known, text) == [("World Health Organization", "WHO"), ("BRICS", "BRICS")]


def test_dotted_acronym_is_found(known: KnownOrganizations) -> None:
    assert found(known, "A U.N. envoy arrived.") == [("United Nations", "U.N.")]


def test_lookup_is_case_sensitive(known: KnownOrganizations) -> None:
    org = known.lookup("ADB")
    assert org is not None and org.name == "Asian Development Bank"
    assert known.lookup("adb") is None


def test_shipped_data_finds_who_by_acronym() -> None:
    assert found(KnownOrganizations.default(), "A WHO mission reached Vientiane.") == [
        ("World Health Organization", "WHO")]
