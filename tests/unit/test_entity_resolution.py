"""Entity resolution on hand-built records: which person and organization mentions become
one entity, which stay apart, and what the group is called. No spaCy, no store."""

import random

import pytest

from graph.entity_resolution import (
    Curation,
    EntityRecord,
    blocking_keys,
    cluster_entities,
    cluster_units,
    collapse,
    linked,
    representative,
    skeleton,
)
from graph.vocabulary import Label
from tests.unit.linking import linked_components

Groups = dict[str, list[EntityRecord]]


def person(key: str, name: str, *aliases: str, country: str | None = None) -> EntityRecord:
    return _record(key, Label.PERSON, name, aliases, country)


def organization(key: str, name: str, *aliases: str, country: str | None = None
                 ) -> EntityRecord:
    return _record(key, Label.ORGANIZATION, name, aliases, country)


def _record(key: str, label: Label, name: str, aliases: tuple[str, ...],
            country: str | None) -> EntityRecord:
    """Keys are "<article>#<label>#<n>", so the article is the key's first part."""
    return EntityRecord(key=key, label=label, name=name, aliases=aliases, country=country,
                        articles=frozenset({key.split("#")[0]}))


def partition(groups: Groups) -> frozenset[frozenset[str]]:
    return frozenset(frozenset(member.key for member in group) for group in groups.values())


def together(groups: Groups, a: str, b: str) -> bool:
    return b in {member.key for member in groups[a]}


# -- merges what must merge ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Valdora People’s Tribune", "the Valdora People's Tribune",
                     id="curly apostrophe and leading article"),
        pytest.param("ORVEL NEWS-AGENCY", "Orvel News Agency", id="case and hyphen"),
        pytest.param("Orvel Port Authority.", "Orvel Port Authority", id="trailing full stop"),
    ],
)
def test_case_punctuation_and_apostrophes_do_not_split_an_organization(
        first: str, second: str) -> None:
    groups = cluster_entities([organization("a1#org#0", first),
                               organization("a2#org#0", second)])
    assert together(groups, "a1#org#0", "a2#org#0")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Selim Erdoğan", "Selim Erdogan", id="g breve"),
        pytest.param("Aydın Kılıç", "Aydin Kilic", id="dotless i and cedilla"),
        pytest.param("Jiří Dvořák", "Jiri Dvorak", id="caron and ring"),
    ],
)
def test_diacritics_do_not_split_a_person(first: str, second: str) -> None:
    groups = cluster_entities([person("a1#per#0", first), person("a2#per#0", second)])
    assert together(groups, "a1#per#0", "a2#per#0")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Zelensky", "Zelenskyy", id="doubled y"),
        pytest.param("Gaddafi", "Qaddafi", id="q for g"),
        pytest.param("Khamidov", "Hamidov", id="kh for h"),
        pytest.param("Mustapha", "Mustafa", id="ph for f"),
    ],
)
def test_transliteration_variants_share_a_skeleton(first: str, second: str) -> None:
    assert skeleton(first) == skeleton(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Oleksa Zelensky", "Oleksa Zelenskyy", id="doubled y"),
        pytest.param("Hamid Gaddafi", "Hamid Qaddafi", id="q for g"),
    ],
)
def test_transliteration_variants_of_a_surname_merge(first: str, second: str) -> None:
    groups = cluster_entities([person("a1#per#0", first), person("a2#per#0", second)])
    assert together(groups, "a1#per#0", "a2#per#0")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("R. Tamarindam", "Rajendran Tamarindam", id="initial with full stop"),
        pytest.param("R Tamarindam", "Rajendran Tamarindam", id="bare initial"),
    ],
)
def test_initial_merges_with_the_given_name_it_abbreviates(first: str, second: str) -> None:
    groups = cluster_entities([person("a1#per#0", first), person("a2#per#0", second)])
    assert together(groups, "a1#per#0", "a2#per#0")


def test_initial_does_not_merge_with_a_given_name_of_another_letter() -> None:
    groups = cluster_entities([person("a1#per#0", "S. Tamarindam"),
                               person("a2#per#0", "Rajendran Tamarindam")])
    assert not together(groups, "a1#per#0", "a2#per#0")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Bogdan Ilyich Varenkov", "Bogdan Varenkov", id="patronymic"),
        pytest.param("Marta Louisa Velkov", "Marta Velkov", id="middle name"),
    ],
)
def test_middle_names_and_patronymics_do_not_split_a_person(first: str, second: str) -> None:
    groups = cluster_entities([person("a1#per#0", first), person("a2#per#0", second)])
    assert together(groups, "a1#per#0", "a2#per#0")


@pytest.mark.parametrize(
    ("acronym", "long_form"),
    [
        pytest.param("VTA", "Valdoran Trade Agency", id="initials"),
        pytest.param("BOS", "Bank of the Orvel Steppe", id="initials skipping stopwords"),
    ],
)
def test_acronym_merges_with_its_long_form(acronym: str, long_form: str) -> None:
    groups = cluster_entities([organization("a1#org#0", acronym),
                               organization("a2#org#0", long_form)])
    assert together(groups, "a1#org#0", "a2#org#0")


def test_acronym_does_not_merge_with_a_long_form_of_other_initials() -> None:
    groups = cluster_entities([organization("a1#org#0", "VTA"),
                               organization("a2#org#0", "Valdoran Travel Bureau")])
    assert not together(groups, "a1#org#0", "a2#org#0")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Valdoran Organisation for Maritime Trade",
                     "Valdoran Organization for Maritime Trade", id="organisation"),
        pytest.param("Orvel Centre for Strategic Studies",
                     "Orvel Center for Strategic Studies", id="centre"),
        pytest.param("Orvel Ministry of Defence", "Orvel Ministry of Defense", id="defence"),
        pytest.param("Valdoran Labour Programme", "Valdoran Labor Program",
                     id="labour and programme"),
        pytest.param(
            "Orvel Co-operation Office", "Orvel Cooperation Office", id="co-operation"),
    ],
)
def test_british_and_american_spellings_merge(first: str, second: str) -> None:
    groups = cluster_entities([organization("a1#org#0", first),
                               organization("a2#org#0", second)])
    assert together(groups, "a1#org#0", "a2#org#0")


def test_alias_of_one_record_matches_the_name_of_another() -> None:
    groups = cluster_entities([
        organization("a1#org#0", "Valdoran Trade Agency", "Valdora Trade Office"),
        organization("a2#org#0", "Valdora Trade Office"),
    ])
    assert together(groups, "a1#org#0", "a2#org#0")


# -- keeps apart what must stay apart ------------------------------------------------------


def test_two_officials_sharing_a_family_name_stay_apart() -> None:
    groups = cluster_entities([person("a1#per#0", "Ilmar Varenkov"),
                               person("a2#per#0", "Dana Varenkov")])
    assert not together(groups, "a1#per#0", "a2#per#0")


def test_father_and_son_with_a_shared_nasab_stay_apart() -> None:
    groups = cluster_entities([
        person("a1#per#0", "Faris bin Yusuf Al Marwani"),
        person("a2#per#0", "Nasser bin Faris bin Yusuf Al Marwani"),
    ])
    assert not together(groups, "a1#per#0", "a2#per#0")


@pytest.mark.parametrize(
    ("body", "part"),
    [
        pytest.param("Orvel Media Group", "Orvel Media Group Center for Asia",
                     id="center of a group"),
        pytest.param("Valdoran League", "Supreme Council of the Valdoran League",
                     id="council of a league"),
        pytest.param("Orvel National Academy of Agricultural and Environmental Sciences",
                     "Orvel National Academy of Agricultural and Environmental Sciences "
                     "Council", id="near-identical long names"),
    ],
)
def test_a_body_and_one_of_its_parts_stay_apart(body: str, part: str) -> None:
    groups = cluster_entities([organization("a1#org#0", body),
                               organization("a2#org#0", part)])
    assert not together(groups, "a1#org#0", "a2#org#0")


@pytest.mark.parametrize(
    "make", [pytest.param(person, id="person"), pytest.param(organization, id="organization")]
)
def test_same_name_in_different_countries_stays_apart(make) -> None:
    groups = cluster_entities([make("a1#x#0", "Marta Velkov Foundation", country="VAL"),
                               make("a2#x#0", "Marta Velkov Foundation", country="ORV")])
    assert not together(groups, "a1#x#0", "a2#x#0")


def test_same_name_with_one_country_unknown_merges() -> None:
    groups = cluster_entities([person("a1#per#0", "Ilmar Varenkov", country="VAL"),
                               person("a2#per#0", "Ilmar Varenkov")])
    assert together(groups, "a1#per#0", "a2#per#0")


def test_a_person_and_an_organization_of_the_same_name_never_share_a_group() -> None:
    groups = cluster_entities([person("a1#per#0", "Marta Velkov"),
                               organization("a2#org#0", "Marta Velkov")])
    assert not together(groups, "a1#per#0", "a2#org#0")


@pytest.mark.parametrize(
    "make", [pytest.param(person, id="person"), pytest.param(organization, id="organization")]
)
def test_two_mentions_one_article_writes_differently_are_never_merged(make) -> None:
    groups = cluster_entities([make("a1#x#0", "Ilmar Varenkov"),
                               make("a1#x#1", "I. Varenkov")])
    assert not together(groups, "a1#x#0", "a1#x#1")


def test_a_name_written_alike_in_many_articles_is_one_unit() -> None:
    units, members = collapse([person("a1#per#0", "Ilmar Varenkov"),
                               person("a2#per#0", "ILMAR VARENKOV", "Varenkov"),
                               person("a3#per#0", "Ilmar Varenkov", country="VAL")])
    assert len(units) == 2
    [both] = [u for u in units if u.country is None]
    assert both.articles == {"a1", "a2"} and both.aliases == ("Varenkov",)
    assert sorted(m.key for m in members[both.key]) == ["a1#per#0", "a2#per#0"]


# -- a surname alone -----------------------------------------------------------------------


def test_surname_alone_joins_the_only_person_bearing_it() -> None:
    groups = cluster_entities([person("a1#per#0", "Ilmar Varenkov"),
                               person("a2#per#0", "Varenkov")])
    assert together(groups, "a1#per#0", "a2#per#0")


def test_surname_alone_stays_apart_when_two_people_bear_it() -> None:
    groups = cluster_entities([person("a1#per#0", "Ilmar Varenkov"),
                               person("a2#per#0", "Dana Varenkov"),
                               person("a3#per#0", "Varenkov")])
    assert partition(groups) == {frozenset({"a1#per#0"}), frozenset({"a2#per#0"}),
                                 frozenset({"a3#per#0"})}


# -- order and chains ----------------------------------------------------------------------


def mixed_records() -> list[EntityRecord]:
    return [
        person("a1#per#0", "Ilmar Varenkov"),
        person("a2#per#0", "I. Varenkov"),
        person("a3#per#0", "Igor Varenkov"),
        person("a4#per#0", "Ilmar Bekovich Varenkov", country="VAL"),
        person("a5#per#0", "Varenkov"),
        person("a1#per#1", "Hamid Gaddafi"),
        person("a2#per#1", "Hamid Qaddafi"),
        person("a3#per#1", "Rajendran Tamarindam"),
        person("a4#per#1", "R. Tamarindam"),
        organization("a1#org#0", "Valdoran Trade Agency"),
        organization("a2#org#0", "VTA"),
        organization("a3#org#0", "Valdoran Trade Agency Council"),
        organization("a4#org#0", "Orvel Centre for Strategic Studies", country="ORV"),
        organization("a5#org#0", "Orvel Center for Strategic Studies"),
        organization("a6#org#0", "Orvel Center for Strategic Studies", country="VAL"),
    ]


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 5, 6, 7])
def test_partition_does_not_depend_on_input_order(seed: int) -> None:
    shuffled = mixed_records()
    random.Random(seed).shuffle(shuffled)
    assert partition(cluster_entities(shuffled)) == partition(cluster_entities(mixed_records()))


def test_chain_of_weak_links_does_not_glue_incompatible_persons() -> None:
    # "I. Varenkov" fits both; "Ilmar" and "Igor" do not fit each other.
    groups = cluster_entities([person("a1#per#0", "Ilmar Varenkov"),
                               person("a2#per#0", "I. Varenkov"),
                               person("a3#per#0", "Igor Varenkov")])
    assert not together(groups, "a1#per#0", "a3#per#0")
    assert len(partition(groups)) == 2


def test_chain_through_an_entity_of_unknown_country_does_not_glue_two_countries() -> None:
    groups = cluster_entities([
        organization("a1#org#0", "Orvel Port Authority", country="ORV"),
        organization("a2#org#0", "Orvel Port Authority"),
        organization("a3#org#0", "Orvel Port Authority", country="VAL"),
    ])
    assert not together(groups, "a1#org#0", "a3#org#0")
    assert len(partition(groups)) == 2


# -- links: what clustering may join, and what it decomposes along -----------------------


def test_linked_records_are_the_ones_clustering_may_join() -> None:
    ilmar, initial = person("a1#per#0", "Ilmar Varenkov"), person("a2#per#0", "I. Varenkov")
    assert linked(ilmar, initial)
    assert not linked(ilmar, person("a3#per#0", "Igor Varenkov"))
    assert not linked(ilmar, person("a1#per#1", "I. Varenkov"))  # same article
    assert not linked(ilmar, organization("a2#org#0", "Ilmar Varenkov"))


def test_curated_names_are_linked_without_a_shared_key() -> None:
    curation = Curation(must_merge=[(Label.ORGANIZATION, "Valdoran Trade Agency",
                                     "Bureau of Commerce")])
    a, b = organization("a1#org#0", "Valdoran Trade Agency"), organization("a2#org#0",
                                                                           "Bureau of Commerce")
    assert not linked(a, b) and linked(a, b, curation)


@pytest.mark.parametrize("seed", range(6))
def test_clustering_each_linked_component_alone_gives_the_global_partition(seed: int) -> None:
    """What makes incremental resolution exact (graph/resolver.py): a group never
    reaches beyond the records linked to it."""
    units, _ = collapse(mixed_records())
    random.Random(seed).shuffle(units)
    whole = partition(cluster_units(units))
    by_key = {u.key: u for u in units}
    pieces = frozenset().union(*(
        partition(cluster_units([by_key[k] for k in component]))
        for component in linked_components(units, linked)))
    assert pieces == whole


# -- curation ------------------------------------------------------------------------------


def test_curation_must_merge_joins_names_the_rules_keep_apart() -> None:
    curation = Curation(must_merge=[(Label.PERSON, "Dmitri Orlov", "Dima Orlov")])
    groups = cluster_entities([person("a1#per#0", "Dmitri Orlov"),
                               person("a2#per#0", "Dima Orlov")], curation=curation)
    assert together(groups, "a1#per#0", "a2#per#0")


def test_curation_must_merge_joins_names_with_no_word_in_common() -> None:
    curation = Curation(must_merge=[(Label.ORGANIZATION, "Valdoran Trade Agency",
                                     "Bureau of Commerce")])
    groups = cluster_entities([organization("a1#org#0", "Valdoran Trade Agency"),
                               organization("a2#org#0", "Bureau of Commerce")],
                              curation=curation)
    assert together(groups, "a1#org#0", "a2#org#0")


def test_curation_must_merge_of_another_label_is_ignored() -> None:
    curation = Curation(must_merge=[(Label.ORGANIZATION, "Dmitri Orlov", "Dima Orlov")])
    groups = cluster_entities([person("a1#per#0", "Dmitri Orlov"),
                               person("a2#per#0", "Dima Orlov")], curation=curation)
    assert not together(groups, "a1#per#0", "a2#per#0")


def test_curation_must_not_merge_separates_names_the_rules_would_join() -> None:
    curation = Curation(must_not_merge=[(Label.PERSON, "Ilmar Varenkov", "I. Varenkov")])
    groups = cluster_entities([person("a1#per#0", "Ilmar Varenkov"),
                               person("a2#per#0", "I. Varenkov")], curation=curation)
    assert not together(groups, "a1#per#0", "a2#per#0")


def test_curation_matches_names_in_folded_form() -> None:
    curation = Curation(must_not_merge=[(Label.PERSON, "ILMAR VARENKOV", "i varenkov")])
    groups = cluster_entities([person("a1#per#0", "Ilmar Varenkov"),
                               person("a2#per#0", "I. Varenkov")], curation=curation)
    assert not together(groups, "a1#per#0", "a2#per#0")


# -- representative ------------------------------------------------------------------------


def test_representative_is_the_longest_name() -> None:
    group = [person("a1#per#0", "Varenkov"), person("a2#per#0", "Ilmar Bekovich Varenkov"),
             person("a3#per#0", "I. Varenkov")]
    assert representative(group).name == "Ilmar Bekovich Varenkov"


def test_representative_breaks_a_length_tie_alphabetically() -> None:
    group = [person("a1#per#0", "Dana Orlov"), person("a2#per#0", "Anna Orlov")]
    assert representative(group).name == "Anna Orlov"


# -- blocking keys -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "keys"),
    [
        pytest.param(
            person("a1#per#0", "Ilmar Bekovich Varenkov Jr"),
            {"w:ilmar", "w:bekovich", "w:varenkov", "s:ilmr", "s:bkvkh", "s:vrnkv"},
            id="person: words and skeletons, suffix dropped, no initials",
        ),
        pytest.param(
            organization("a1#org#0", "Valdoran Trade Agency"),
            {"w:valdoran", "s:vldrn", "a:vta"},
            id="organization: distinctive words, their skeletons and initials",
        ),
        pytest.param(
            organization("a1#org#0", "Bank of the Steppe"),
            {"w:steppe", "s:stp", "a:bs"},
            id="organization: stopwords and generic words dropped",
        ),
        pytest.param(
            organization("a1#org#0", "VTA"), {"w:vta", "a:vta"},
            id="acronym: itself as initials, too short for a skeleton",
        ),
        pytest.param(
            organization("a1#org#0", "Orvel Bureau", "OB"),
            {"w:orvel", "w:bureau", "s:orvl", "s:br", "a:ob"},
            id="aliases contribute keys",
        ),
        pytest.param(
            person("a1#per#0", "Li Wu"), set(), id="short words give no key",
        ),
    ],
)
def test_blocking_keys(record: EntityRecord, keys: set[str]) -> None:
    assert blocking_keys(record) == keys


def test_acronym_with_a_country_qualifier_joins_the_long_form_of_that_country() -> None:
    records = [
        organization("a1#org#0", "Valdoran MFA", country="VLD"),
        organization("a2#org#0", "Ministry of Foreign Affairs of the Republic of Valdora",
                     country="VLD"),
        organization("a3#org#0", "Orvelian MFA", country="ORV"),
    ]
    groups = cluster_entities(records)
    assert together(groups, "a1#org#0", "a2#org#0")
    assert not together(groups, "a3#org#0", "a2#org#0")
