"""CountryIndex: names, aliases, demonyms and ISO3 codes, alone and in running text."""

import pycountry
import pytest

from extract.countries import CountryDataError, CountryIndex, load_alias_data


@pytest.fixture(scope="module")
def index() -> CountryIndex:
    return CountryIndex.default()


def found(index: CountryIndex, text: str) -> list[tuple[str, str]]:
    """(surface, iso3) of every hit, in order."""
    return [(hit.match.surface, hit.match.iso3) for hit in index.find_all(text)]


# -- lookup ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [
        ("Kazakh", "KAZ"),
        ("Kazakhs", "KAZ"),
        ("Kazakhstani", "KAZ"),
        ("Lao", "LAO"),
        ("Laotian", "LAO"),
        ("Uzbek", "UZB"),
        ("Uzbekistani", "UZB"),
        ("Kyrgyz", "KGZ"),
        ("Tajik", "TJK"),
        ("Turkmen", "TKM"),
        ("Chinese", "CHN"),
        ("Turkish", "TUR"),
        ("Korean", "KOR"),
        ("North Korean", "PRK"),
        ("Emirati", "ARE"),
        ("Saudi", "SAU"),
        ("Filipino", "PHL"),
        ("Philippine", "PHL"),
        ("Argentine", "ARG"),
        ("Bruneian", "BRN"),
        ("Burkinabe", "BFA"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Kosovar", "XKX"),
        ("Dutch", "NLD"),
        ("British", "GBR"),
        ("American", "USA"),
    ],
)
def test_demonym_resolves_to_its_country(index: CountryIndex, surface: str, iso3: str) -> None:
    match = index.lookup(surface)
    assert match is not None
    assert (match.iso3, match.is_demonym) == (iso3, True)


@pytest.mark.parametrize("surface", ["Türkiye", "Turkey", "Turkiye", "TÜRKIYE", "turkey"])
def test_turkey_spellings_resolve_to_turkiye(index: CountryIndex, surface: str) -> None:
    match = index.lookup(surface)
    assert match is not None
    assert (match.iso3, match.name, match.is_demonym) == ("TUR", "Türkiye", False)


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [
        ("Republic of Korea", "KOR"),
        ("ROK", "KOR"),
        ("DPRK", "PRK"),
        ("Democratic People’s Republic of Korea", "PRK"),
        ("People's Republic of China", "CHN"),
        ("PRC", "CHN"),
        ("Russian Federation", "RUS"),
        ("Republic of Kazakhstan", "KAZ"),
        ("Kingdom of Saudi Arabia", "SAU"),
        ("KSA", "SAU"),
        ("UAE", "ARE"),
        ("Holland", "NLD"),
        ("Burma", "MMR"),
        ("Swaziland", "SWZ"),
        ("Macedonia", "MKD"),
        ("Timor-Leste", "TLS"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("U.K.", "GBR"),
        ("America", "USA"),
        ("USA", "USA"),
        ("U.S.", "USA"),
        ("Czech Republic", "CZE"),
        ("Viet Nam", "VNM"),
        ("Lao PDR", "LAO"),
        ("DR Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Brunei Darussalam", "BRN"),
    ],
)
def test_alias_resolves_to_its_country(index: CountryIndex, surface: str, iso3: str) -> None:
    match = index.lookup(surface)
    assert match is not None
    assert (match.iso3, match.is_demonym) == (iso3, False)


@pytest.mark.parametrize(
    ("iso3", "name"),
    [
        ("RUS", "Russia"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("IRN", "Iran"),
        ("LAO", "Laos"),
        ("VNM", "Vietnam"),
        ("SYR", "Syria"),
        ("TUR", "Türkiye"),
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("BRN", "Brunei"),
        ("BOL", "Bolivia"),
        ("VEN", "Venezuela"),
        ("TZA", "Tanzania"),
        ("MDA", "Moldova"),
        ("CZE", "Czechia"),
        ("TWN", "Taiwan"),
        ("PSE", "Palestine"),
        ("COD", "Democratic Republic of the Congo"),
        ("COG", "Republic of the Congo"),
        ("CIV", "Ivory Coast"),
    ],
)
def test_canonical_name_is_the_newsroom_name(index: CountryIndex, iso3: str, name: str) -> None:
    assert index.name_of(iso3) == name


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [
        ("côte d’ivoire", "CIV"),
        ("COTE D'IVOIRE", "CIV"),
        ("sao tome and principe", "STP"),
        ("  kazakhstan ", "KAZ"),
    ],
)
def test_lookup_ignores_case_diacritics_and_apostrophe_style(
    index: CountryIndex, surface: str, iso3: str
) -> None:
    match = index.lookup(surface)
    assert match is not None
    assert match.iso3 == iso3


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [("China's", "CHN"), ("China’s", "CHN"), ("Philippines'", "PHL"), ("U.S.'s", "USA")],
)
def test_lookup_drops_a_possessive(index: CountryIndex, surface: str, iso3: str) -> None:
    match = index.lookup(surface)
    assert match is not None
    assert match.iso3 == iso3


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [("the Philippines", "PHL"), ("The United States", "USA"), ("the Gambia", "GMB")],
)
def test_lookup_drops_a_leading_the(index: CountryIndex, surface: str, iso3: str) -> None:
    match = index.lookup(surface)
    assert match is not None
    assert match.iso3 == iso3


def test_lookup_keeps_the_surface_as_given(index: CountryIndex) -> None:
    match = index.lookup("China's")
    assert match is not None
    assert match.surface == "China's"


@pytest.mark.parametrize("surface", ["us", "Us", "uk", "prc", "uae", "usa", "u.s."])
def test_lookup_of_capitals_only_alias_needs_capitals(index: CountryIndex, surface: str) -> None:
    assert index.lookup(surface) is None


@pytest.mark.parametrize(("code", "name"), [("KAZ", "Kazakhstan"), ("XKX", "Kosovo")])
def test_lookup_accepts_an_upper_case_iso3_code(index: CountryIndex, code: str, name: str) -> None:
    match = index.lookup(code)
    assert match is not None
    assert (match.iso3, match.name) == (code, name)


@pytest.mark.parametrize("surface", ["kaz", "Kaz", "ZZZ"])
def test_lookup_rejects_a_lower_case_or_unknown_code(index: CountryIndex, surface: str) -> None:
    assert index.lookup(surface) is None


@pytest.mark.parametrize(
    "surface",
    [
        "Central Asia",
        "Western Balkans",
        "Global South",
        "Lancang-Mekong",
        "Europe",
        "Africa",
        "Latin America",
        "Hainan",
        "ASEAN",
        "",
    ],
)
def test_region_is_not_a_country(index: CountryIndex, surface: str) -> None:
    assert index.lookup(surface) is None


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("Central Asia", True), ("hainan", True), ("South China Sea", True), ("Kazakhstan", False)],
)
def test_is_region_knows_listed_regions(index: CountryIndex, surface: str, expected: bool) -> None:
    assert index.is_region(surface) is expected


def test_georgia_is_the_country(index: CountryIndex) -> None:
    match = index.lookup("Georgia")
    assert match is not None
    assert match.iso3 == "GEO"


def test_every_iso_country_has_an_entry_in_the_alias_file() -> None:
    countries = load_alias_data()["countries"]
    missing = {c.alpha_3 for c in pycountry.countries} - set(countries)
    assert missing == set()


def test_names_for_lists_canonical_name_first_then_aliases(index: CountryIndex) -> None:
    names = index.names_for("TUR")
    assert names[0] == "Türkiye"
    assert "Turkey" in names
    assert "Turkish" not in names


def test_names_for_adds_demonyms_on_request(index: CountryIndex) -> None:
    assert "Kazakh" in index.names_for("KAZ", include_demonyms=True)


@pytest.mark.parametrize("code", ["ZZZ", "kaz"])
def test_unknown_code_has_no_name(index: CountryIndex, code: str) -> None:
    assert index.name_of(code) is None
    assert index.names_for(code) == []


def test_default_index_is_built_once() -> None:
    assert CountryIndex.default() is CountryIndex.default()


def test_a_surface_claimed_by_two_countries_is_a_data_error() -> None:
    data = {
        "countries": {
            "AAA": {"name": "Alphaland", "demonyms": ["Alphan"]},
            "BBB": {"name": "Betaland", "aliases": ["Alphan"]},
        }
    }
    with pytest.raises(CountryDataError, match="Alphan"):
        CountryIndex(data, use_pycountry=False)


# -- find_all -------------------------------------------------------------------------------


def test_find_all_offsets_slice_the_surface(index: CountryIndex) -> None:
    text = "On Tuesday the Philippines and Türkiye’s envoy met Kazakh officials."
    hits = index.find_all(text)
    assert [text[h.start : h.end] for h in hits] == ["Philippines", "Türkiye", "Kazakh"]
    assert [h.match.surface for h in hits] == ["Philippines", "Türkiye", "Kazakh"]
    assert [h.start for h in hits] == [15, 31, 51]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the China-Kazakhstan border", [("China", "CHN"), ("Kazakhstan", "KAZ")]),
        ("a Brunei-China joint statement", [("Brunei", "BRN"), ("China", "CHN")]),
        ("the China-Central Asia summit", [("China", "CHN")]),
        ("the ASEAN-GCC summit in June", []),
        ("Sino-Kazakh trade grew", [("Sino", "CHN"), ("Kazakh", "KAZ")]),
        ("new US-China talks", [("US", "USA"), ("China", "CHN")]),
        ("a U.S.-led coalition", [("U.S.", "USA")]),
        ("the Lao-Thai Friendship Bridge", [("Lao", "LAO"), ("Thai", "THA")]),
    ],
)
def test_find_all_splits_hyphenated_compounds(
    index: CountryIndex, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(index, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kazakh President arrived.", [("Kazakh", "KAZ")]),
        ("He flew on to the Lao capital.", [("Lao", "LAO")]),
        ("Two Uzbek ministers and a Chinese delegation", [("Uzbek", "UZB"), ("Chinese", "CHN")]),
        ("Turkish and Korean firms", [("Turkish", "TUR"), ("Korean", "KOR")]),
    ],
)
def test_find_all_resolves_demonyms_before_nouns(
    index: CountryIndex, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(index, text) == expected


def test_find_all_flags_demonyms(index: CountryIndex) -> None:
    hits = index.find_all("Kazakh diplomats visited Kazakhstan.")
    assert [h.match.is_demonym for h in hits] == [True, False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a North Korean vessel", [("North Korean", "PRK")]),
        ("talks in South Sudan", [("South Sudan", "SSD")]),
        ("Papua New Guinea joined", [("Papua New Guinea", "PNG")]),
        ("voters in Guinea-Bissau", [("Guinea-Bissau", "GNB")]),
        ("the Dominican Republic said", [("Dominican Republic", "DOM")]),
        ("the People's Republic of China", [("People's Republic of China", "CHN")]),
        ("the Democratic Republic of the Congo", [("Democratic Republic of the Congo", "COD")]),
        ("American Samoa sent a team", [("American Samoa", "ASM")]),
    ],
)
def test_find_all_prefers_the_longest_name(
    index: CountryIndex, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(index, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Leaders from Central Asia met in spring.",
        "The Western Balkans and the Global South were discussed.",
        "Lancang-Mekong cooperation expanded.",
        "Trade with Europe and Africa rose.",
        "Exports to Latin America fell.",
        "Tension on the Korean Peninsula eased.",
        "Patrols in the South China Sea continued.",
        "A delegation from Northern Ireland arrived.",
        "Wildfires hit New Mexico.",
        "A resort in Hainan opened.",
    ],
)
def test_find_all_ignores_regions(index: CountryIndex, text: str) -> None:
    assert index.find_all(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "They served roast turkey.",
        "The fine china was packed.",
        "A guinea pig escaped.",
        "Please polish the brass.",
        "He wore a jersey.",
        "Let us talk, said the envoy; join us.",
    ],
)
def test_find_all_ignores_lower_case_common_words(index: CountryIndex, text: str) -> None:
    assert index.find_all(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the US and Japan", [("US", "USA"), ("Japan", "JPN")]),
        ("ties with the UK deepened", [("UK", "GBR")]),
        ("the UAE and the PRC", [("UAE", "ARE"), ("PRC", "CHN")]),
        ("the uae and the prc", []),
    ],
)
def test_find_all_matches_capitals_only_aliases_in_capitals(
    index: CountryIndex, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(index, text) == expected


def test_find_all_reads_us_dollar_as_currency(index: CountryIndex) -> None:
    assert index.find_all("a loan of US$40 million") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkiye and Türkiye", [("Turkiye", "TUR"), ("Türkiye", "TUR")]),
        ("Côte d’Ivoire signed", [("Côte d’Ivoire", "CIV")]),
        ("Cote d'Ivoire signed", [("Cote d'Ivoire", "CIV")]),
    ],
)
def test_find_all_ignores_diacritics_and_apostrophe_style(
    index: CountryIndex, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(index, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("China's exports", [("China", "CHN")]), ("Kazakhs' votes", [("Kazakhs", "KAZ")])],
)
def test_find_all_stops_before_a_possessive(
    index: CountryIndex, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(index, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jordan Bardella spoke in Paris.", []),
        ("Chad Smith played drums.", []),
        ("Jordan and Egypt agreed.", [("Jordan", "JOR"), ("Egypt", "EGY")]),
        ("Jordan's king flew in.", [("Jordan", "JOR")]),
        ("The Jordan Foreign Minister said so.", [("Jordan", "JOR")]),
        ("Troops left Chad.", [("Chad", "TCD")]),
    ],
)
def test_find_all_drops_jordan_or_chad_used_as_given_names(
    index: CountryIndex, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(index, text) == expected


def test_find_all_matches_headlines_in_capitals(index: CountryIndex) -> None:
    assert found(index, "KAZAKHSTAN AND CHINA SIGN DEAL") == [
        ("KAZAKHSTAN", "KAZ"),
        ("CHINA", "CHN"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("an Omani envoy", [("Omani", "OMN")]),
        ("Nigeria and Niger", [("Nigeria", "NGA"), ("Niger", "NER")]),
        ("a stroll through Chinatown", []),
        ("Indiana farmers", []),
    ],
)
def test_find_all_matches_whole_words_only(
    index: CountryIndex, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(index, text) == expected


def test_find_all_accepts_a_line_break_inside_a_name(index: CountryIndex) -> None:
    assert found(index, "talks with South\nKorea") == [("South\nKorea", "KOR")]


def test_find_all_of_empty_text_is_empty(index: CountryIndex) -> None:
    assert index.find_all("") == []
