"""The `dkg_countries` and `dkg_regions` components on a blank English pipeline (no trained
model): countries, demonyms and regions as spans, by the rules of extract/countries.py."""

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.countries import CountryIndex
from extract.pipeline import split_hyphens_after_initials
from extract.place_spans import (
    COUNTRIES_KEY,
    REGIONS_KEY,
    RegionSpans,
    countries_in,
    regions_in,
)
from extract.regions import RegionIndex

REGIONS = {
    "regions": {
        "Central Asia": {"aliases": [], "adjectives": ["Central Asian"],
                         "members": ["KAZ", "KGZ", "TJK", "TKM", "UZB"]},
        "Southeast Asia": {"aliases": ["South-East Asia"], "adjectives": ["Southeast Asian"],
                           "members": ["KHM", "LAO", "THA", "VNM"]},
        "Asia": {"aliases": [], "adjectives": ["Asian"], "members": []},
    }
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    split_hyphens_after_initials(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(COUNTRIES_KEY)
    return nlp


@pytest.fixture(scope="module")
def region_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def countries(nlp: Language, text: str) -> list[tuple[str, str]]:
    """(text, ISO3) of every country span, in order."""
    doc = nlp(text)
    return [(span.text, span.kb_id_) for span in doc.spans[COUNTRIES_KEY]]


def regions(nlp: Language, text: str) -> list[tuple[str, str]]:
    """(text, region) of every region span the component finds with the test data."""
    doc = RegionSpans(nlp, RegionIndex(REGIONS))(nlp(text))
    return [(span.text, span.kb_id_) for span in doc.spans[REGIONS_KEY]]


# -- countries ------------------------------------------------------------------------------


def test_a_name_is_a_gpe_span_and_a_demonym_a_norp_span_with_the_iso3(nlp: Language) -> None:
    doc = nlp("Kazakh diplomats visited Kazakhstan.")
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans[COUNTRIES_KEY]] == [
        ("Kazakh", "NORP", "KAZ"), ("Kazakhstan", "GPE", "KAZ")]


@pytest.mark.parametrize(
    "text",
    ["They served roast turkey.", "The fine china was packed.", "Please polish the brass.",
     "He wore a jersey.", "Let us talk, said the envoy; join us.", "the uae and the prc"],
)
def test_a_name_in_lower_case_is_not_a_country(nlp: Language, text: str) -> None:
    assert countries(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TURKEY AND KAZAKHSTAN SIGN TRADE DEAL",
         [("TURKEY", "TUR"), ("KAZAKHSTAN", "KAZ")]),
        ("the UAE and the PRC", [("UAE", "ARE"), ("PRC", "CHN")]),
        ("ties with the UK deepened", [("UK", "GBR")]),
    ],
)
def test_a_name_matches_as_written_or_in_full_capitals(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert countries(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkiye and Türkiye", [("Turkiye", "TUR"), ("Türkiye", "TUR")]),
        ("Côte d’Ivoire signed", [("Côte d’Ivoire", "CIV")]),
        ("Cote d'Ivoire signed", [("Cote d'Ivoire", "CIV")]),
        ("Côte d'Ivoire signed", [("Côte d'Ivoire", "CIV")]),
    ],
)
def test_diacritics_and_apostrophe_styles_are_folded_and_the_text_kept(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert countries(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a North Korean vessel", [("North Korean", "PRK")]),
        ("voters in Guinea-Bissau", [("Guinea-Bissau", "GNB")]),
        ("Papua New Guinea joined", [("Papua New Guinea", "PNG")]),
        ("the Democratic Republic of the Congo", [("Democratic Republic of the Congo", "COD")]),
    ],
)
def test_the_longest_name_wins(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert countries(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    ["Patrols in the South China Sea continued.", "Exports to Latin America fell.",
     "A delegation from Northern Ireland arrived.", "Wildfires hit New Mexico.",
     "Tension on the Korean Peninsula eased."],
)
def test_a_region_or_sea_containing_a_country_is_consumed_and_dropped(
    nlp: Language, text: str
) -> None:
    assert countries(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the China-Kazakhstan border", [("China", "CHN"), ("Kazakhstan", "KAZ")]),
        ("Sino-Kazakh trade grew", [("Sino", "CHN"), ("Kazakh", "KAZ")]),
        ("new US-China talks", [("US", "USA"), ("China", "CHN")]),
        ("a U.S.-led coalition", [("U.S.", "USA")]),
        ("the ASEAN-GCC summit in June", []),
    ],
)
def test_hyphenated_compounds_split(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert countries(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China's envoy", [("China", "CHN")]),
        ("China’s envoy", [("China", "CHN")]),
        ("the Philippines' envoy", [("Philippines", "PHL")]),
        ("the U.S.'s envoy", [("U.S.", "USA")]),
    ],
)
def test_a_possessive_is_not_part_of_the_name(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert countries(nlp, text) == expected


def test_a_name_glued_to_a_dollar_sign_is_a_currency(nlp: Language) -> None:
    assert countries(nlp, "a loan of US$40 million") == []


@pytest.mark.parametrize(
    ("words", "spaces"),
    [(["a", "US", "$", "40", "loan"], [True, False, False, True, False]),
     (["the", "China", "2024", "plan"], [True, False, True, False])],
)
def test_a_name_touching_a_digit_or_dollar_across_tokens_is_not_a_country(
    nlp: Language, words: list[str], spaces: list[bool]
) -> None:
    doc = nlp.get_pipe(COUNTRIES_KEY)(Doc(nlp.vocab, words=words, spaces=spaces))
    assert list(doc.spans[COUNTRIES_KEY]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jordan Bardella spoke in Paris.", []),
        ("He met Chad Smith yesterday.", []),
        ("Jordan Foreign Minister Ayman Safadi arrived.", [("Jordan", "JOR")]),
        ("Chad President Mahamat Deby spoke.", [("Chad", "TCD")]),
        ("Talks with Jordan and Chad ended.", [("Jordan", "JOR"), ("Chad", "TCD")]),
    ],
)
def test_jordan_or_chad_before_a_surname_is_a_given_name(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert countries(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday the Philippines and Türkiye’s envoy met Kazakh officials.",
        "The Lao-Thai Friendship Bridge links Laos and Thailand.",
        "The People's Republic of China and the Republic of Korea signed.",
        "NEW DELHI: India and the U.S. held talks on the South China Sea.",
    ],
)
def test_the_spans_are_the_hits_the_string_scanner_finds(nlp: Language, text: str) -> None:
    index = CountryIndex.default()
    hits = countries_in(nlp(text), index)
    assert hits == index.find_all(text)
    assert hits


def test_a_sentence_gets_its_own_countries_with_offsets_into_its_text(nlp: Language) -> None:
    first, second = nlp("Talks began on Monday. Envoys from Laos met Kazakh officials.").sents
    hits = countries_in(second, CountryIndex.default())
    assert countries_in(first, CountryIndex.default()) == []
    assert [(second.text[h.start:h.end], h.match.iso3, h.match.is_demonym) for h in hits] == [
        ("Laos", "LAO", False), ("Kazakh", "KAZ", True)]


# -- regions --------------------------------------------------------------------------------


def test_a_region_name_is_a_loc_span_naming_the_region(region_nlp: Language) -> None:
    doc = RegionSpans(region_nlp, RegionIndex(REGIONS))(region_nlp("Leaders of Central Asia met."))
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans[REGIONS_KEY]] == [
        ("Central Asia", "LOC", "Central Asia")]


def test_a_hyphenated_alias_names_its_region(region_nlp: Language) -> None:
    assert regions(region_nlp, "Trade with South-East Asia grew.") == [
        ("South-East Asia", "Southeast Asia")]


def test_a_region_after_a_hyphen_is_found(region_nlp: Language) -> None:
    assert regions(region_nlp, "the China-Central Asia summit") == [
        ("Central Asia", "Central Asia")]


def test_the_longest_region_name_wins(region_nlp: Language) -> None:
    assert regions(region_nlp, "Southeast Asian and Central Asian leaders met.") == [
        ("Southeast Asian", "Southeast Asia"), ("Central Asian", "Central Asia")]


def test_an_adjective_before_a_common_noun_names_the_region(region_nlp: Language) -> None:
    assert regions(region_nlp, "Asian leaders met.") == [("Asian", "Asia")]


@pytest.mark.parametrize(
    "text", ["The Asian Development Bank lent more.", "Asian\n\nDevelopment Bank figures"]
)
def test_an_adjective_opening_a_proper_name_is_not_the_region(
    region_nlp: Language, text: str
) -> None:
    assert regions(region_nlp, text) == []


@pytest.mark.parametrize("text", ["Leaders of central asia met.", "Eurasian trade grew."])
def test_a_region_matches_only_as_written_and_as_whole_words(
    region_nlp: Language, text: str
) -> None:
    assert regions(region_nlp, text) == []


def test_a_sentence_gets_its_own_regions_with_offsets_into_its_text(
    region_nlp: Language
) -> None:
    index = RegionIndex(REGIONS)
    doc = RegionSpans(region_nlp, index)(region_nlp("Asia grew. Then Central Asian states met."))
    first, second = doc.sents
    [hit] = regions_in(second, index)
    assert (second.text[hit.start:hit.end], hit.region.members) == (
        "Central Asian", ("KAZ", "KGZ", "TJK", "TKM", "UZB"))
    assert [h.region.name for h in regions_in(first, index)] == ["Asia"]


def test_the_shipped_regions_are_found_by_the_registered_component() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(REGIONS_KEY)
    doc = nlp("Leaders of Central Asian countries met.")
    assert [(s.text, s.kb_id_) for s in doc.spans[REGIONS_KEY]] == [
        ("Central Asian", "Central Asia")]
