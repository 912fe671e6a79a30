"""Planning the update that adds hand-built extractions to an empty graph: ids, merges, links
and evidence (graph/resolver.py, no store: the empty graph answers no rows)."""

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
    RegionMention,
)
from graph.resolver import GraphUpdate, entity_node_id, plan_update
from graph.vocabulary import (
    RELATIONSHIP_PATTERNS,
    EventType,
    Label,
    Plover,
    RelType,
    node_merge_query,
)

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


class EmptyGraph:
    """A reader for a graph that holds nothing yet."""

    def query(self, name: str, **params: object) -> list[dict]:
        return []


def resolve(extractions: list[ArticleExtraction]) -> GraphUpdate:
    return plan_update(EmptyGraph(), add=extractions)


def nodes(update: GraphUpdate, label: Label) -> list[dict]:
    return [row for statement in update.statements
            if statement.name == node_merge_query(label) for row in statement.params["rows"]]


def ids(update: GraphUpdate, label: Label) -> list[str]:
    return [row["id"] for row in nodes(update, label)]


def relationships(update: GraphUpdate) -> list[tuple[RelType, Label, Label, dict]]:
    """(type, start label, end label, row) of every relationship the update merges."""
    found = []
    for statement in update.statements:
        if statement.name == "merge_relationships":
            slots = dict(statement.slots)
            found += [(RelType(slots["type"]), Label(slots["start"]), Label(slots["end"]), row)
                      for row in statement.params["rows"]]
    return found


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
        persons=[PersonMention(name="Ilmar Tokayev", titles=["Minister"], country="SMR"),
                 PersonMention(name="Lena Arvo", aliases=["Arvo"])],
        events=[
            event(
                aid, day=date(2025, 5, 28), countries=["EST", "SMR"],
                place=PlaceMention(name="Valdora", country="VLD"),
                organizers=["ACR"], participants=["Ilmar Tokayev", "Dana Marr"],
                participant_organizations=["Harbour Council"],
                message_senders=["Arvo", "Orvel Fisheries Board"],
            )
        ],
    )


def affiliated_person() -> ArticleExtraction:
    return extraction("affiliated", persons=[
        PersonMention(name="Marta Velkov", organization="Harbour Authority of Kessel",
                      organization_title="director"),
    ])


# -- organizations and acronyms ------------------------------------------------------------


@pytest.mark.parametrize("order", ["definition first", "bare use first"])
def test_acronym_defined_in_one_article_resolves_bare_use_in_another(order: str) -> None:
    batch_order = [defines_acr(), uses_acr()]
    if order == "bare use first":
        batch_order.reverse()
    assert ids(resolve(batch_order), Label.ORGANIZATION) == [ACR_ID]


def test_unknown_bare_acronym_gets_its_own_id() -> None:
    assert ids(resolve([uses_acr()]), Label.ORGANIZATION) == ["org:acr"]


def test_merged_organization_shows_the_long_name_and_keeps_every_alias() -> None:
    [org] = nodes(resolve([defines_acr(), uses_acr()]), Label.ORGANIZATION)
    assert org["name"] == ACR_LONG
    assert org["aliases"] == sorted({ACR_LONG, "ACR"})


def test_node_lookup_keys_cover_words_initials_and_aliases() -> None:
    update = resolve([
        defines_acr(),
        extraction("people", persons=[PersonMention(name="Ilmar Tokayev", aliases=["Tokayev"])]),
    ])
    [org], [person] = nodes(update, Label.ORGANIZATION), nodes(update, Label.PERSON)
    assert {"w:coastal", "w:research", "a:acr"} <= set(org["block_keys"])
    assert {"w:ilmar", "w:tokayev"} <= set(person["block_keys"])
    assert org["block_keys"] == sorted(org["block_keys"])
    assert person["alias_keys"] == ["ilmar tokayev", "tokayev"]


def test_an_organization_named_only_as_an_organizer_is_a_mention_of_the_article() -> None:
    update = resolve([extraction("a", events=[event("a", organizers=["Harbour Council"])])])
    assert ids(update, Label.ORGANIZATION) == ["org:harbour-council"]
    mentions = [row for rel_type, _, end, row in relationships(update)
                if rel_type == RelType.MENTIONS and end == Label.ORGANIZATION]
    assert [(m["end"], m["props"]["surfaces"]) for m in mentions] == [
        ("org:harbour-council", ["Harbour Council"])]


# -- ids -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "name", "country", "expected"), [
    (Label.PERSON, "Ilmar Tokayev", None, "person:ilmar-tokayev"),
    (Label.PERSON, "Ilmar Tokayev", "KAZ", "person:ilmar-tokayev:kaz"),
    (Label.ORGANIZATION, "Ministry of Foreign Affairs", "UZB",
     "org:ministry-of-foreign-affairs:uzb"),
])
def test_entity_ids_name_the_unit_they_take_their_name_from(
        label: Label, name: str, country: str | None, expected: str) -> None:
    assert entity_node_id(label, name, country) == expected


def test_same_name_in_two_countries_gives_two_nodes_with_two_ids() -> None:
    update = resolve([
        extraction("a", organizations=[OrganizationMention(name="Ministry of Culture",
                                                           country="VLD")]),
        extraction("b", organizations=[OrganizationMention(name="Ministry of Culture",
                                                           country="ORV")]),
    ])
    assert sorted(ids(update, Label.ORGANIZATION)) == [
        "org:ministry-of-culture:orv", "org:ministry-of-culture:vld"]


# -- persons -------------------------------------------------------------------------------


def test_surname_resolves_to_a_full_name_from_the_same_batch() -> None:
    update = resolve([
        extraction("a", persons=[PersonMention(name="Tokayev")]),
        extraction("b", persons=[PersonMention(name="Ilmar Tokayev")]),
    ])
    assert ids(update, Label.PERSON) == ["person:ilmar-tokayev"]


def test_surname_shared_by_two_persons_stays_separate() -> None:
    update = resolve([
        extraction("a", persons=[PersonMention(name="Tokayev")]),
        extraction("b", persons=[PersonMention(name="Ilmar Tokayev")]),
        extraction("c", persons=[PersonMention(name="Dana Tokayev")]),
    ])
    assert sorted(ids(update, Label.PERSON)) == [
        "person:dana-tokayev", "person:ilmar-tokayev", "person:tokayev"]


def test_each_mention_records_why_it_joined_its_node() -> None:
    update = resolve([
        extraction("a", persons=[PersonMention(name="Tokayev")]),
        extraction("b", persons=[PersonMention(name="Ilmar Tokayev")]),
    ])
    reasons = {row["start"]: row["props"]["resolution"] for rel_type, _, end, row
               in relationships(update) if rel_type == RelType.MENTIONS and end == Label.PERSON}
    assert reasons == {"a": "matched by name variants", "b": "own node"}


# -- stability and events ------------------------------------------------------------------


def test_planning_the_same_extractions_twice_gives_identical_updates() -> None:
    batch = [rich_extraction(), defines_acr(), uses_acr()]
    assert resolve(batch) == resolve(batch)


def test_the_update_does_not_depend_on_the_order_of_the_batch() -> None:
    batch = [rich_extraction(), defines_acr(), uses_acr(), affiliated_person()]
    assert resolve(batch).statements == resolve(list(reversed(batch))).statements


@pytest.mark.parametrize("other_name", ["Lake Orvel Summit", "the lake Orvel summit"])
def test_dated_event_reported_by_two_articles_gets_one_id(other_name: str) -> None:
    day = date(2025, 5, 28)
    update = resolve([extraction("a", events=[event("a", day=day)]),
                      extraction("b", events=[event("b", name=other_name, day=day)])])
    assert len(ids(update, Label.EVENT)) == 1


def test_same_name_on_different_dates_gives_two_events() -> None:
    update = resolve([extraction("a", events=[event("a", day=date(2025, 5, 28))]),
                      extraction("b", events=[event("b", day=date(2024, 5, 28))])])
    assert len(ids(update, Label.EVENT)) == 2


def test_same_named_undated_events_of_different_articles_are_one_event() -> None:
    update = resolve([extraction("a", events=[event("a")]), extraction("b", events=[event("b")])])
    assert len(set(ids(update, Label.EVENT))) == 1


def test_same_named_events_on_different_days_stay_apart() -> None:
    update = resolve([extraction("a", events=[event("a", day=date(2025, 5, 28))]),
                      extraction("b", events=[event("b", day=date(2025, 6, 28))])])
    assert len(set(ids(update, Label.EVENT))) == 2


def test_both_articles_report_the_shared_event() -> None:
    day = date(2025, 5, 28)
    update = resolve([extraction("a", events=[event("a", day=day)]),
                      extraction("b", events=[event("b", day=day)])])
    reports = {row["start"] for rel_type, *_, row in relationships(update)
               if rel_type == RelType.REPORTS}
    assert reports == {"a", "b"}


def test_an_undated_report_takes_the_date_of_the_event_it_joins() -> None:
    update = resolve([extraction("a", events=[event("a", name="The Lake Orvel Summit 2025")]),
                      extraction("b", events=[event("b", day=date(2025, 5, 28))])])
    [row] = nodes(update, Label.EVENT)
    assert row["name"] == "The Lake Orvel Summit 2025" and row["date"] == "2025-05-28"


# -- relationships -------------------------------------------------------------------------


@pytest.mark.parametrize("make", [pytest.param(rich_extraction, id="rich"),
                                  pytest.param(affiliated_person, id="affiliation")])
def test_every_relationship_joins_nodes_the_update_writes(
    make: Callable[[], ArticleExtraction],
) -> None:
    update = resolve([make()])
    written = {(label, row["id"]) for label in Label for row in nodes(update, label)}
    loose = [(rel_type, label, node) for rel_type, start, end, row in relationships(update)
             for label, node in ((start, row["start"]), (end, row["end"]))
             if (label, node) not in written]
    assert loose == []


def test_relationship_patterns_are_ones_the_vocabulary_allows() -> None:
    update = resolve([rich_extraction(), affiliated_person()])
    patterns = {(rel_type, start, end) for rel_type, start, end, _ in relationships(update)}
    assert patterns <= set(RELATIONSHIP_PATTERNS)


def test_region_membership_carries_no_article() -> None:
    update = resolve([extraction("a", regions=[RegionMention(name="Central Asia",
                                                            members=["KAZ", "UZB"])])])
    members = [row for rel_type, *_, row in relationships(update)
               if rel_type == RelType.IN_REGION]
    assert {row["start"] for row in members} >= {"KAZ", "UZB"}
    assert all(row["articles"] == [] and row["evidence"] == [] for row in members)


def test_an_affiliation_keeps_the_title_the_article_gave() -> None:
    [row] = [row for rel_type, *_, row in relationships(resolve([affiliated_person()]))
             if rel_type == RelType.AFFILIATED_WITH]
    assert (row["end"], row["title"]) == ("org:harbour-authority-of-kessel", "director")


FACTS = {
    "country:SMR": "Suomira sent its fisheries minister.",
    "organizer:ACR": "The ACR hosted the summit.",
    "participant:Dana Marr": "Dana Marr spoke on the second day.",
    "participant_organization:Harbour Council": "The Harbour Council sent observers.",
    "message_sender:Lena Arvo": "Lena Arvo sent a letter of congratulations.",
    "message_sender:Orvel Fisheries Board": "The Orvel Fisheries Board sent its greetings.",
}


def evidenced_event() -> ArticleExtraction:
    return extraction(
        "facts",
        events=[event(
            "facts", day=date(2025, 5, 28), countries=["SMR"], organizers=["ACR"],
            participants=["Dana Marr"], participant_organizations=["Harbour Council"],
            message_senders=["Lena Arvo", "Orvel Fisheries Board"],
            fact_evidence={key: evidence("facts", sentence) for key, sentence in FACTS.items()},
        )],
        persons=[PersonMention(name="Lena Arvo")],
    )


@pytest.mark.parametrize(
    ("rel_type", "start_label", "fact"),
    [
        (RelType.INVOLVES, Label.EVENT, "country:SMR"),
        (RelType.ORGANIZED, Label.ORGANIZATION, "organizer:ACR"),
        (RelType.PARTICIPATED_IN, Label.PERSON, "participant:Dana Marr"),
        (RelType.PARTICIPATED_IN, Label.ORGANIZATION, "participant_organization:Harbour Council"),
        (RelType.SENT_MESSAGE_TO, Label.PERSON, "message_sender:Lena Arvo"),
        (RelType.SENT_MESSAGE_TO, Label.ORGANIZATION, "message_sender:Orvel Fisheries Board"),
    ],
)
def test_relationship_carries_the_sentence_its_fact_was_read_from(
    rel_type: RelType, start_label: Label, fact: str
) -> None:
    [row] = [row for t, start, _, row in relationships(resolve([evidenced_event()]))
             if t == rel_type and start == start_label]
    sentence = FACTS[fact]
    assert row["evidence"] == [[f"facts:0-{len(sentence)}", sentence]]
    assert row["articles"] == ["facts"]


# -- message senders -----------------------------------------------------------------------


def senders(update: GraphUpdate) -> list[tuple[Label, str]]:
    return sorted((start, row["start"]) for rel_type, start, _, row in relationships(update)
                  if rel_type == RelType.SENT_MESSAGE_TO)


def test_a_sender_a_person_of_the_article_goes_by_is_that_person() -> None:
    update = resolve([rich_extraction()])
    assert (Label.PERSON, "person:lena-arvo") in senders(update)
    assert "person:arvo" not in ids(update, Label.PERSON)


def test_a_sender_no_person_goes_by_is_an_organization_of_the_article() -> None:
    update = resolve([extraction("a", events=[
        event("a", message_senders=["Orvel Fisheries Board"])])])
    assert senders(update) == [(Label.ORGANIZATION, "org:orvel-fisheries-board")]
    assert ids(update, Label.ORGANIZATION) == ["org:orvel-fisheries-board"]
    assert ids(update, Label.PERSON) == []


def test_a_sender_named_as_a_participant_is_that_person() -> None:
    update = resolve([extraction("a", events=[
        event("a", name="Lake Orvel Summit", participants=["Dana Marr"]),
        event("a", name="Valdora Book Fair", message_senders=["Dana Marr"]),
    ])])
    assert senders(update) == [(Label.PERSON, "person:dana-marr")]


def test_a_sender_is_not_a_participant() -> None:
    update = resolve([rich_extraction()])
    participants = {row["start"] for rel_type, *_, row in relationships(update)
                    if rel_type == RelType.PARTICIPATED_IN}
    assert {node for _, node in senders(update)}.isdisjoint(participants)


def test_a_message_is_supported_by_the_article_that_reports_it() -> None:
    [row, _] = [row for rel_type, *_, row in relationships(resolve([rich_extraction()]))
                if rel_type == RelType.SENT_MESSAGE_TO]
    assert row["articles"] == ["rich"]
    assert [sentence for _, sentence in row["evidence"]] == [
        "The Lake Orvel Summit opened in Valdora."]


# -- PLOVER categories -----------------------------------------------------------------------


def test_an_event_takes_the_plover_category_of_its_type_by_default() -> None:
    [row] = nodes(resolve([extraction("a", events=[event("a")])]), Label.EVENT)
    assert (row["type"], row["plover"]) == ("forum", "CONSULT")


def test_an_event_takes_the_plover_category_its_report_gives() -> None:
    update = resolve([extraction("a", events=[event("a", plover=Plover.SUPPORT)])])
    [row] = nodes(update, Label.EVENT)
    assert row["plover"] == "SUPPORT"
    [report] = [row for rel_type, *_, row in relationships(update) if rel_type == RelType.REPORTS]
    assert report["props"]["reported_plover"] == "SUPPORT"


@pytest.mark.parametrize("order", ["as given", "reversed"])
def test_a_shared_event_takes_the_plover_category_of_the_report_it_is_named_after(
        order: str) -> None:
    day = date(2025, 5, 28)
    batch = [extraction("a", events=[event("a", day=day, plover=Plover.AID)]),
             extraction("b", events=[event("b", name="The Lake Orvel Summit", day=day)])]
    if order == "reversed":
        batch.reverse()
    [row] = nodes(resolve(batch), Label.EVENT)
    assert (row["name"], row["plover"]) == ("The Lake Orvel Summit", "CONSULT")


def test_fact_without_its_own_sentence_carries_the_event_sentence() -> None:
    update = resolve([extraction("a", events=[event("a", countries=["SMR"])])])
    [row] = [row for rel_type, *_, row in relationships(update) if rel_type == RelType.INVOLVES]
    assert [sentence for _, sentence in row["evidence"]] == [
        "The Lake Orvel Summit opened in Valdora."]


def test_a_relationship_two_articles_support_is_one_row_with_both() -> None:
    day = date(2025, 5, 28)
    update = resolve([extraction("a", events=[event("a", day=day, countries=["SMR"])]),
                      extraction("b", events=[event("b", day=day, countries=["SMR"])])])
    [row] = [row for rel_type, *_, row in relationships(update) if rel_type == RelType.INVOLVES]
    assert row["articles"] == ["a", "b"]
    assert [span for span, _ in row["evidence"]] == sorted(span for span, _ in row["evidence"])


# -- what the update says about the articles -------------------------------------------------


def test_the_update_names_the_articles_it_adds_and_nodes_it_writes() -> None:
    update = resolve([defines_acr(), uses_acr()])
    assert update.added == ["defines", "uses"] and update.known == []
    assert {"defines", "uses", ACR_ID} <= set(update.written_nodes)


def test_the_same_article_twice_in_a_batch_is_added_once() -> None:
    update = resolve([defines_acr(), defines_acr()])
    assert update.added == ["defines"]
