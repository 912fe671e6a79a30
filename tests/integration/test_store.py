"""The GraphStore contract, run on every available engine (embedded FalkorDB always; Neo4j
when DKG_NEO4J_URI is set)."""

import datetime as dt

import pytest

from api.service import EventQuery, find_events
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
from graph.vocabulary import EventType, Plover
from tests.graphs import add_extractions

SENTENCE = "The Steppe Media Forum was held in Almaty on May 3, hosted by the Aral News Agency."


def _extraction(article_id: str = "article:a1", *, org_name: str = "Aral News Agency",
                event_name: str = "Steppe Media Forum",
                senders: tuple[str, ...] = ()) -> ArticleExtraction:
    """One article reporting the forum; `senders` sent it a message (a person of the
    article, Dana Serikova, or organizations it names only there)."""
    evidence = Evidence(article_id=article_id, sentence=SENTENCE, start=0, end=len(SENTENCE))
    return ArticleExtraction(
        article=Article(id=article_id, text=SENTENCE, title="Forum in Almaty",
                        url=f"https://example.org/{article_id}", published=dt.date(2026, 5, 4),
                        source="Example Wire", path=f"/news/{article_id}.txt"),
        countries=[CountryMention(iso3="KAZ", name="Kazakhstan", surface="Kazakh"),
                   CountryMention(iso3="UZB", name="Uzbekistan", surface="Uzbekistan")],
        organizations=[OrganizationMention(name=org_name, aliases=["ANA"], country="KAZ")],
        persons=[PersonMention(name="Dana Serikova", titles=["Director"], country="KAZ",
                               organization=org_name, organization_title="director")],
        places=[PlaceMention(name="Almaty", country="KAZ")],
        events=[EventMention(
            name=event_name, type=EventType.FORUM, date=dt.date(2026, 5, 3),
            place=PlaceMention(name="Almaty", country="KAZ"), countries=["KAZ", "UZB"],
            organizers=[org_name], participants=["Dana Serikova"],
            message_senders=list(senders), evidence=evidence,
        )],
    )


def _write(store, *extractions: ArticleExtraction):
    return add_extractions(store, *extractions)[1]


def test_writing_the_same_batch_twice_changes_nothing(store):
    first = _write(store, _extraction())
    counts = store.counts()
    second = _write(store, _extraction())
    assert first.nodes_created > 0 and first.relationships_created > 0
    assert (second.nodes_created, second.relationships_created) == (0, 0)
    assert store.counts() == counts


def test_counts_report_every_label_written(store):
    _write(store, _extraction())
    nodes = store.counts()["nodes"]
    assert nodes == {"Article": 1, "Country": 2, "Event": 1, "Organization": 1, "Person": 1,
                     "Place": 1}


@pytest.mark.parametrize(("country", "expected"), [("KAZ", 1), ("UZB", 1), ("CHN", 0)])
def test_list_events_filters_by_country(store, country, expected):
    _write(store, _extraction())
    page = find_events(store, EventQuery(countries=[country]), limit=10, offset=0)
    assert len(page.items) == expected and page.total == expected


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [("2026-05-01", "2026-05-31", 1), ("2026-05-04", None, 0), (None, "2026-05-02", 0)],
)
def test_list_events_filters_by_date_range(store, date_from, date_to, expected):
    _write(store, _extraction())
    query = EventQuery(date_from=date_from, date_to=date_to)
    assert len(find_events(store, query, limit=10, offset=0).items) == expected


def test_list_events_returns_dates_as_dates_and_sorted_newest_first(store):
    later = _extraction("article:a2", event_name="Caspian Press Dialogue")
    later.events[0].date = dt.date(2026, 6, 1)
    _write(store, _extraction(), later)
    rows = find_events(store, EventQuery(), limit=10, offset=0).items
    assert [row.date for row in rows] == [dt.date(2026, 6, 1), dt.date(2026, 5, 3)]
    assert rows[0].place == "Almaty" and sorted(rows[0].countries) == ["KAZ", "UZB"]


def test_get_event_by_id_returns_roles_and_sources_with_evidence(store):
    update, _ = add_extractions(store, _extraction())
    event_id = next(i for i in update.written_nodes if i.startswith("event:"))
    row = store.query("get_event_by_id", id=event_id)[0]
    assert [o["name"] for o in row["organizers"]] == ["Aral News Agency"]
    assert [p["name"] for p in row["participants"]] == ["Dana Serikova"]
    assert row["places"][0]["name"] == "Almaty" and row["place_countries"] == ["KAZ"]
    assert row["articles"][0]["evidence"] == [SENTENCE]
    assert row["organizers"][0]["evidence"] == [SENTENCE]


def test_get_event_by_id_returns_message_senders_apart_from_participants(store):
    update, _ = add_extractions(store, _extraction(senders=("Caspian Film Fund",)))
    event_id = next(i for i in update.written_nodes if i.startswith("event:"))
    row = store.query("get_event_by_id", id=event_id)[0]
    assert [(s["kind"], s["id"]) for s in row["message_senders"]] == [
        ("Organization", "org:caspian-film-fund")]
    assert row["message_senders"][0]["evidence"] == [SENTENCE]
    assert [p["name"] for p in row["participants"]] == ["Dana Serikova"]


def test_a_person_of_the_article_who_sent_a_message_is_that_person(store):
    update, _ = add_extractions(store, _extraction(senders=("Dana Serikova",)))
    event_id = next(i for i in update.written_nodes if i.startswith("event:"))
    [sender] = store.query("get_event_by_id", id=event_id)[0]["message_senders"]
    assert (sender["kind"], sender["id"]) == ("Person", "person:dana-serikova:kaz")
    assert store.counts()["relationships"]["SENT_MESSAGE_TO"] == 1


def test_events_carry_their_plover_category(store):
    update, _ = add_extractions(store, _extraction())
    event_id = next(i for i in update.written_nodes if i.startswith("event:"))
    assert store.query("get_event_by_id", id=event_id)[0]["plover"] == "CONSULT"
    [item] = find_events(store, EventQuery(), limit=10, offset=0).items
    assert (item.type, item.plover) == (EventType.FORUM, Plover.CONSULT)


def test_reports_from_two_articles_keep_both_sources(store):
    _write(store, _extraction("article:a1"))
    _write(store, _extraction("article:a2"))
    rows = find_events(store, EventQuery(), limit=10, offset=0).items
    assert len(rows) == 1
    row = store.query("get_event_by_id", id=rows[0].id)[0]
    assert sorted(a["id"] for a in row["articles"]) == ["article:a1", "article:a2"]


def test_aliases_accumulate_and_the_longest_name_is_canonical(store):
    _write(store, _extraction(org_name="Aral News Agency"))
    _write(store, _extraction("article:a2", org_name="ARAL NEWS AGENCY"))
    nodes, _ = store.iter_export()
    orgs = [n for n in nodes if n["labels"] == ["Organization"]]
    assert len(orgs) == 1
    assert set(orgs[0]["properties"]["aliases"]) >= {"Aral News Agency", "ANA"}


def test_names_with_quotes_and_cypher_are_stored_verbatim(store):
    hostile = "O'Neil \"Press\" }) MATCH (n) DETACH DELETE n //"
    _write(store, _extraction(org_name=hostile))
    nodes, _ = store.iter_export()
    names = {n["properties"].get("name") for n in nodes}
    assert hostile in names
    assert store.counts()["nodes"]["Event"] == 1


def test_export_lists_every_node_and_relationship_by_id(store):
    _write(store, _extraction())
    nodes, relationships = (list(rows) for rows in store.iter_export())
    ids = {n["id"] for n in nodes}
    assert len(nodes) == sum(store.counts()["nodes"].values())
    assert len(relationships) == sum(store.counts()["relationships"].values())
    assert all(r["start"] in ids and r["end"] in ids for r in relationships)


def test_schema_can_be_applied_again(store):
    store.apply_schema()
    _write(store, _extraction())
    assert store.counts()["nodes"]["Event"] == 1


def test_stored_organizations_are_found_by_blocking_key_with_their_units(store):
    _write(store, _extraction())
    rows = store.query("list_organization_units", ids=[], keys=["w:coastal", "w:aral"],
                       names=[], known=[])
    assert [(r["node"], r["unit"], r["articles"]) for r in rows] == [
        ("org:aral-news-agency:kaz", "aral news agency|KAZ", ["article:a1"])]
    assert rows[0]["surfaces"] == [["Aral News Agency", "ANA"]]


def test_nodes_already_fetched_are_left_out_of_a_lookup(store):
    _write(store, _extraction())
    rows = store.query("list_organization_units", ids=[], keys=["w:aral"], names=[],
                       known=["org:aral-news-agency:kaz"])
    assert rows == []


def _in_city(article_id: str, event_name: str, spelling: str) -> ArticleExtraction:
    """The forum story, its event renamed and placed in Saint Petersburg as spelled."""
    extraction = _extraction(article_id, event_name=event_name)
    city = PlaceMention(name=spelling, country="RUS", canonical="Saint Petersburg")
    extraction.places = [city]
    extraction.events[0].place = city
    return extraction


def test_two_spellings_of_one_city_are_one_place_that_either_spelling_finds(store):
    _write(store, _in_city("article:a1", "Neva Media Forum", "St. Petersburg"),
           _in_city("article:a2", "Baltic Press Dialogue", "Saint Petersburg"))
    assert store.counts()["nodes"]["Place"] == 1
    for spelling in ("St. Petersburg", "saint petersburg", "St Petersburg"):
        page = find_events(store, EventQuery(place=spelling), limit=10, offset=0)
        assert page.total == 2, spelling


def test_a_place_keeps_the_spellings_articles_used_as_its_aliases(store):
    _write(store, _in_city("article:a1", "Neva Media Forum", "St. Petersburg"))
    _write(store, _in_city("article:a2", "Baltic Press Dialogue", "Saint Petersburg"))
    [place] = [n for n in store.iter_export()[0] if "Place" in n["labels"]]
    assert (place["properties"]["name"], place["properties"]["aliases"]) == (
        "Saint Petersburg", ["St. Petersburg"])
