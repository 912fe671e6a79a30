"""Resolving hand-built extractions into a graph batch: ids, merges, links and evidence."""

from collections.abc import Callable
from datetime import date

import pytest

from extract.models import (
    Article,
    ArticleExtraction,
    CountryMention,
    EventMention,
    Evidence,
    OrganizationMention,
    PersonMention,
    PlaceMention,
)
from graph.model import GraphBatch, NodeRecord
from graph.resolver import KnownNames, canonical_name, entity_lookup_keys, resolve
from graph.vocabulary import RELATIONSHIP_PATTERNS, EventType, Label, RelType

ACR_LONG = "Agency for Coastal Research"
ACR_ID = "org:agency-for-coastal-research"


def evidence(article_id: str, sentence: str) -> Evidence:
    return Evidence(article_id=article_id, sentence=sentence, start=0, end=len(sentence))


def extraction(article_id: str, **mentions: object) -> ArticleExtraction:
    return ArticleExtraction(article=Article(id=article_id, text="(text)"), **mentions)


def event(article_id: str, name: str = "Lake Orvel Summit", day: date | None = None,
          **facts: object) -> EventMention:
    return EventMention(
        name=name, type=EventType.FORUM, date=day,
        evidence=evidence(article_id, f"The {name} opened in Valdora."), **facts,
    )


def nodes(batch: GraphBatch, label: Label) -> list[NodeRecord]:
    return [node for node in batch.nodes if node.label == label]


def ids(batch: GraphBatch, label: Label) -> list[str]:
    return [node.id for node in nodes(batch, label)]


def defines_acr() -> ArticleExtraction:
    definition = OrganizationMention(name=ACR_LONG, aliases=["ACR"])
    return extraction("defines", organizations=[definition])


def uses_acr() -> ArticleExtraction:
    return extraction("uses", organizations=[OrganizationMention(name="ACR")])


def rich_extraction() -> ArticleExtraction:
    """One article touching every kind of node and relationship the resolver makes."""
    aid = "rich"
    return extraction(
        aid,
        countries=[CountryMention(iso3="EST", name="Estland", surface="Estlandic")],
        organizations=[
            OrganizationMention(name=ACR_LONG, aliases=["ACR"], country="EST",
                                part_of="Orvel Ministry of Science"),
        ],
        persons=[PersonMention(name="Ilmar Tokayev", titles=["Minister"], country="SMR")],
        events=[
            event(
                aid, day=date(2025, 5, 28), countries=["EST", "SMR"],
                place=PlaceMention(name="Valdora", country="VLD"),
                organizers=["ACR"], participants=["Ilmar Tokayev", "Dana Marr"],
                participant_organizations=["Harbour Council"],
            )
        ],
    )


def affiliated_person() -> ArticleExtraction:
    return extraction("affiliated", persons=[
        PersonMention(name="Marta Velkov", organization="Harbour Authority of Kessel",
                      organization_title="director"),
    ])


# -- organizations and acronyms ------------------------------------------------------------


@pytest.mark.parametrize(
    "order",
    [
        pytest.param("definition first"),
        pytest.param("bare use first"),
    ],
)
def test_acronym_defined_in_one_article_resolves_bare_use_in_another(order: str) -> None:
    batch_order = [defines_acr(), uses_acr()]
    if order == "bare use first":
        batch_order.reverse()
    batch = resolve(batch_order, known=KnownNames())
    assert ids(batch, Label.ORGANIZATION) == [ACR_ID]


def test_bare_acronym_known_from_the_graph_resolves_to_the_stored_id() -> None:
    batch = resolve([uses_acr()], known=KnownNames(organizations={"acr": ACR_ID}))
    assert ids(batch, Label.ORGANIZATION) == [ACR_ID]


def test_unknown_bare_acronym_gets_its_own_id() -> None:
    batch = resolve([uses_acr()], known=KnownNames())
    assert ids(batch, Label.ORGANIZATION) == ["org:acr"]


def test_merged_organization_shows_the_long_name_and_keeps_every_alias() -> None:
    batch = resolve([defines_acr(), uses_acr()], known=KnownNames())
    [org] = nodes(batch, Label.ORGANIZATION)
    assert org.properties["name"] == ACR_LONG
    assert set(org.properties["aliases"]) == {ACR_LONG, "ACR"}


def test_lookup_keys_cover_words_initials_and_aliases() -> None:
    batch = [
        defines_acr(),
        extraction("people", persons=[PersonMention(name="Ilmar Tokayev", aliases=["Tokayev"])]),
    ]
    keys = entity_lookup_keys(batch)
    assert {"w:agency", "w:coastal", "w:research", "a:acr"} <= set(keys[Label.ORGANIZATION])
    assert {"w:ilmar", "w:tokayev"} <= set(keys[Label.PERSON])
    assert keys[Label.ORGANIZATION] == sorted(keys[Label.ORGANIZATION])


# -- persons -------------------------------------------------------------------------------


def test_surname_resolves_to_the_only_known_person_bearing_it() -> None:
    known = KnownNames(persons={"ilmar tokayev": "person:ilmar-tokayev"})
    batch = resolve([extraction("a", persons=[PersonMention(name="Tokayev")])], known=known)
    assert ids(batch, Label.PERSON) == ["person:ilmar-tokayev"]


def test_surname_resolves_to_a_full_name_from_the_same_batch() -> None:
    batch = resolve(
        [
            extraction("a", persons=[PersonMention(name="Tokayev")]),
            extraction("b", persons=[PersonMention(name="Ilmar Tokayev")]),
        ],
        known=KnownNames(),
    )
    assert ids(batch, Label.PERSON) == ["person:ilmar-tokayev"]


def test_surname_shared_by_two_known_persons_stays_separate() -> None:
    known = KnownNames(persons={
        "ilmar tokayev": "person:ilmar-tokayev", "dana tokayev": "person:dana-tokayev",
    })
    batch = resolve([extraction("a", persons=[PersonMention(name="Tokayev")])], known=known)
    assert ids(batch, Label.PERSON) == ["person:tokayev"]


# -- stability and events ------------------------------------------------------------------


def test_resolving_the_same_extractions_twice_gives_identical_batches() -> None:
    batch = [rich_extraction(), defines_acr(), uses_acr()]
    first = resolve(batch, known=KnownNames())
    second = resolve(batch, known=KnownNames())
    assert first.model_dump() == second.model_dump()


@pytest.mark.parametrize("other_name", ["Lake Orvel Summit", "the lake Orvel summit"])
def test_dated_event_reported_by_two_articles_gets_one_id(other_name: str) -> None:
    day = date(2025, 5, 28)
    batch = resolve(
        [
            extraction("a", events=[event("a", day=day)]),
            extraction("b", events=[event("b", name=other_name, day=day)]),
        ],
        known=KnownNames(),
    )
    assert len(ids(batch, Label.EVENT)) == 1


def test_same_name_on_different_dates_gives_two_events() -> None:
    batch = resolve(
        [
            extraction("a", events=[event("a", day=date(2025, 5, 28))]),
            extraction("b", events=[event("b", day=date(2024, 5, 28))]),
        ],
        known=KnownNames(),
    )
    assert len(ids(batch, Label.EVENT)) == 2


def test_same_named_undated_events_of_different_articles_are_one_event() -> None:
    batch = resolve(
        [extraction("a", events=[event("a")]), extraction("b", events=[event("b")])],
        known=KnownNames(),
    )
    assert len(set(ids(batch, Label.EVENT))) == 1


def test_same_named_events_on_different_days_stay_apart() -> None:
    batch = resolve(
        [extraction("a", events=[event("a", day=date(2025, 5, 28))]),
         extraction("b", events=[event("b", day=date(2025, 6, 28))])],
        known=KnownNames(),
    )
    assert len(set(ids(batch, Label.EVENT))) == 2


def test_both_articles_report_the_shared_event() -> None:
    day = date(2025, 5, 28)
    batch = resolve(
        [extraction("a", events=[event("a", day=day)]),
         extraction("b", events=[event("b", day=day)])],
        known=KnownNames(),
    )
    reports = {rel.start for rel in batch.relationships if rel.type == RelType.REPORTS}
    assert reports == {"a", "b"}


# -- relationships -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(rich_extraction, id="rich"),
        pytest.param(affiliated_person, id="affiliation"),
    ],
)
def test_every_relationship_joins_nodes_of_the_batch(
    make: Callable[[], ArticleExtraction],
) -> None:
    batch = resolve([make()], known=KnownNames())
    node_ids = {(node.label, node.id) for node in batch.nodes}
    loose = [
        (rel.type, end_label, end)
        for rel in batch.relationships
        for end_label, end in ((rel.start_label, rel.start), (rel.end_label, rel.end))
        if (end_label, end) not in node_ids
    ]
    assert loose == []


def test_relationship_patterns_are_ones_the_vocabulary_allows() -> None:
    batch = resolve([rich_extraction(), affiliated_person()], known=KnownNames())
    patterns = {(rel.type, rel.start_label, rel.end_label) for rel in batch.relationships}
    assert patterns <= set(RELATIONSHIP_PATTERNS)


FACTS = {
    "country:SMR": "Suomira sent its fisheries minister.",
    "organizer:ACR": "The ACR hosted the summit.",
    "participant:Dana Marr": "Dana Marr spoke on the second day.",
    "participant_organization:Harbour Council": "The Harbour Council sent observers.",
}


def evidenced_event() -> ArticleExtraction:
    return extraction(
        "facts",
        events=[event(
            "facts", day=date(2025, 5, 28), countries=["SMR"], organizers=["ACR"],
            participants=["Dana Marr"], participant_organizations=["Harbour Council"],
            fact_evidence={key: evidence("facts", sentence) for key, sentence in FACTS.items()},
        )],
    )


@pytest.mark.parametrize(
    ("rel_type", "start_label", "fact"),
    [
        (RelType.INVOLVES, Label.EVENT, "country:SMR"),
        (RelType.ORGANIZED, Label.ORGANIZATION, "organizer:ACR"),
        (RelType.PARTICIPATED_IN, Label.PERSON, "participant:Dana Marr"),
        (RelType.PARTICIPATED_IN, Label.ORGANIZATION, "participant_organization:Harbour Council"),
    ],
)
def test_relationship_carries_the_sentence_its_fact_was_read_from(
    rel_type: RelType, start_label: Label, fact: str
) -> None:
    batch = resolve([evidenced_event()], known=KnownNames())
    [rel] = [r for r in batch.relationships
             if r.type == rel_type and r.start_label == start_label]
    assert rel.properties["evidence"] == FACTS[fact]
    assert rel.properties["article"] == "facts"


def test_fact_without_its_own_sentence_carries_the_event_sentence() -> None:
    batch = resolve([extraction("a", events=[event("a", countries=["SMR"])])], known=KnownNames())
    [rel] = [r for r in batch.relationships if r.type == RelType.INVOLVES]
    assert rel.properties["evidence"] == "The Lake Orvel Summit opened in Valdora."


# -- canonical names -----------------------------------------------------------------------


def test_canonical_name_prefers_the_longest_form() -> None:
    assert canonical_name("ACR", ACR_LONG) == ACR_LONG


def test_canonical_name_breaks_length_ties_alphabetically() -> None:
    assert canonical_name("Marr Council", "Kask Council") == "Kask Council"


@pytest.mark.parametrize(
    ("a", "b"),
    [("ACR", ACR_LONG), ("Marr Council", "Kask Council"), ("Dana Marr", "Dana Marr")],
)
def test_canonical_name_does_not_depend_on_order(a: str, b: str) -> None:
    assert canonical_name(a, b) == canonical_name(b, a)
