"""Entity resolution on hand-built records: which person and organization mentions become
one entity, which stay apart, and what the group is called. No spaCy, no store."""

import random

import pytest

from graph.entity_resolution import (
    Curation,
    EntityRecord,
    blocking_keys,
    cluster_entities,
    representative,
    skeleton,
)
from graph.vocabulary import Label

Groups = dict[str, list[EntityRecord]]


def person(key: str, name: str, *aliases: str, country: str | None = None,
           stored: bool = False) -> EntityRecord:
    return _record(key, Label.PERSON, name, aliases, country, stored)


def organization(key: str, name: str, *aliases: str, country: str | None = None,
                 stored: bool = False) -> EntityRecord:
    return _record(key, Label.ORGANIZATION, name, aliases, country, stored)


def _record(key: str, label: Label, name: str, aliases: tuple[str, ...],
            country: str | None, stored: bool) -> EntityRecord:
    """Batch keys are "<article>#<label>#<n>", so the article is the key's first part;
    stored nodes keep the articles that reported them under their own id."""
    article = f"old-{key}" if stored else key.split("#")[0]
    return EntityRecord(key=key, label=label, name=name, aliases=aliases, country=country,
                        articles=frozenset({article}), stored=stored)


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
def test_two_mentions_of_one_article_are_never_merged(make) -> None:
    groups = cluster_entities([make("a1#x#0", "Ilmar Varenkov"),
                               make("a1#x#1", "Ilmar Varenkov")])
    assert not together(groups, "a1#x#0", "a1#x#1")


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


# -- stored records ------------------------------------------------------------------------


def test_batch_mention_joins_the_stored_node() -> None:
    groups = cluster_entities([person("person:ilmar-varenkov", "Ilmar Varenkov", stored=True),
                               person("a1#per#0", "Ilmar Bekovich Varenkov")])
    assert together(groups, "person:ilmar-varenkov", "a1#per#0")


def test_stored_node_represents_its_group_over_a_longer_batch_name() -> None:
    groups = cluster_entities([person("person:ilmar-varenkov", "Ilmar Varenkov", stored=True),
                               person("a1#per#0", "Ilmar Bekovich Varenkov")])
    assert representative(groups["a1#per#0"]).key == "person:ilmar-varenkov"


def test_two_stored_nodes_are_not_merged_without_curation() -> None:
    groups = cluster_entities([
        person("person:ilmar-varenkov", "Ilmar Varenkov", stored=True),
        person("person:ilmar-varenkov-2", "Ilmar Varenkov", stored=True),
    ])
    assert not together(groups, "person:ilmar-varenkov", "person:ilmar-varenkov-2")


def test_batch_mention_matching_two_stored_nodes_does_not_bridge_them() -> None:
    groups = cluster_entities([
        person("person:ilmar-varenkov", "Ilmar Varenkov", stored=True),
        person("person:ilmar-varenkov-2", "Ilmar Varenkov", stored=True),
        person("a1#per#0", "Ilmar Varenkov"),
    ])
    assert not together(groups, "person:ilmar-varenkov", "person:ilmar-varenkov-2")
    assert len(partition(groups)) == 2


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


def test_curation_must_merge_joins_two_stored_nodes() -> None:
    curation = Curation(must_merge=[(Label.PERSON, "Ilmar Varenkov", "I. Varenkov")])
    groups = cluster_entities([
        person("person:ilmar-varenkov", "Ilmar Varenkov", stored=True),
        person("person:i-varenkov", "I. Varenkov", stored=True),
    ], curation=curation)
    assert together(groups, "person:ilmar-varenkov", "person:i-varenkov")


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


def test_representative_of_several_stored_nodes_is_the_lowest_id() -> None:
    group = [person("person:zz", "Ilmar Varenkov", stored=True),
             person("person:aa", "I. Varenkov", stored=True),
             person("a1#per#0", "Ilmar Bekovich Varenkov")]
    assert representative(group).key == "person:aa"


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
            {"w:valdoran", "w:trade", "w:agency", "s:vldrn", "s:trd", "s:agnk", "a:vta"},
            id="organization: words, skeletons and initials",
        ),
        pytest.param(
            organization("a1#org#0", "Bank of the Steppe"),
            {"w:bank", "w:steppe", "s:bnk", "s:stp", "a:bs"},
            id="organization: stopwords dropped",
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
