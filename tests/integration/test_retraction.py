"""Retracting an article, on every available store: the graph becomes what the other
articles alone give. What only it supported goes, what others also support loses it as a
source, names are rebuilt from what remains, and facts no article needs stay."""

import pytest

from api.errors import NotFound
from api.retraction import retract_article
from api.service import EventQuery, find_events
from extract.models import PlaceMention, RegionMention
from tests.conftest import STORE_OPENERS
from tests.graphs import add_extractions
from tests.integration.test_store import SENTENCE, _extraction


def _write(store, *extractions):
    add_extractions(store, *extractions)


def _event_id(store) -> str:
    return find_events(store, EventQuery(), limit=1, offset=0).items[0].id


def _relationship_articles(store) -> list[list[str]]:
    _, relationships = store.iter_export()
    return [r["properties"].get("articles") for r in relationships
            if r["type"] != "IN_REGION"]


def test_retracting_the_only_source_empties_the_graph(store):
    _write(store, _extraction("article:a1"))
    report = retract_article(store, "article:a1")
    assert store.counts() == {"nodes": {}, "relationships": {}}
    assert {ref.kind for ref in report.deleted} == {
        "Country", "Event", "Organization", "Person", "Place"}
    assert report.updated == []


def test_a_shared_fact_keeps_the_other_source_only(store):
    _write(store, _extraction("article:a1"))
    _write(store, _extraction("article:a2"))
    before = store.counts()
    retract_article(store, "article:a1")
    assert store.counts()["nodes"] == {**before["nodes"], "Article": 1}
    assert all(articles == ["article:a2"] for articles in _relationship_articles(store))
    row = store.query("get_event_by_id", id=_event_id(store))[0]
    assert [a["id"] for a in row["articles"]] == ["article:a2"]
    assert row["countries"][0]["spans"] == [f"article:a2:0-{len(SENTENCE)}"]
    assert row["countries"][0]["evidence"] == [SENTENCE]


def test_a_fact_only_the_retracted_article_gave_disappears(store):
    _write(store, _extraction("article:a1"))
    other = _extraction("article:a2", event_name="Caspian Press Dialogue")
    other = other.model_copy(update={"organizations": [], "persons": []})
    other.events[0].organizers = []
    other.events[0].participants = []
    _write(store, other)
    report = retract_article(store, "article:a1")
    nodes = store.counts()["nodes"]
    assert "Organization" not in nodes and "Person" not in nodes
    assert nodes["Event"] == 1 and nodes["Country"] == 2
    assert {ref.id for ref in report.deleted} >= {"org:aral-news-agency:kaz",
                                                  "person:dana-serikova:kaz"}


def test_a_message_only_the_retracted_article_reported_disappears(store):
    _write(store, _extraction("article:a1", senders=("Caspian Film Fund", "Dana Serikova")))
    _write(store, _extraction("article:a2"))
    report = retract_article(store, "article:a1")
    assert "SENT_MESSAGE_TO" not in store.counts()["relationships"]
    assert "org:caspian-film-fund" in {ref.id for ref in report.deleted}
    assert store.query("get_event_by_id", id=_event_id(store))[0]["message_senders"] == []


def test_a_message_two_articles_report_keeps_the_other_source(store):
    _write(store, _extraction("article:a1", senders=("Caspian Film Fund",)))
    _write(store, _extraction("article:a2", senders=("Caspian Film Fund",)))
    retract_article(store, "article:a1")
    [sender] = store.query("get_event_by_id", id=_event_id(store))[0]["message_senders"]
    assert sender["id"] == "org:caspian-film-fund"
    assert sender["spans"] == [f"article:a2:0-{len(SENTENCE)}"]


def test_names_only_the_retracted_article_used_are_dropped(store):
    _write(store, _extraction("article:a1", org_name="Aral News Agency"))
    renamed = _extraction("article:a2", org_name="Aral News Agency")
    renamed.organizations[0] = renamed.organizations[0].model_copy(
        update={"aliases": ["Aral Press"]})
    _write(store, renamed)
    retract_article(store, "article:a2")
    row = store.query("get_organization", id="org:aral-news-agency:kaz", limit=10)[0]
    assert sorted(row["aliases"]) == ["ANA", "Aral News Agency"]


def test_retracting_an_unknown_article_says_so(store):
    with pytest.raises(NotFound, match="article:nope"):
        retract_article(store, "article:nope")


def test_retracting_twice_is_an_error_and_changes_nothing(store):
    _write(store, _extraction("article:a1"), _extraction("article:a2"))
    retract_article(store, "article:a1")
    counts = store.counts()
    with pytest.raises(NotFound):
        retract_article(store, "article:a1")
    assert store.counts() == counts




def _with_region(article_id: str):
    extraction = _extraction(article_id)
    return extraction.model_copy(update={"regions": [RegionMention(
        name="Central Asia", members=["KAZ", "KGZ", "TJK", "TKM", "UZB"])]})


def test_region_membership_stays_while_the_region_does(store):
    _write(store, _with_region("article:a1"), _with_region("article:a2"))
    retract_article(store, "article:a1")
    _, relationships = store.iter_export()
    members = sorted(r["start"] for r in relationships if r["type"] == "IN_REGION")
    assert members == ["KAZ", "KGZ", "TJK", "TKM", "UZB"]


def test_retracting_every_article_leaves_an_empty_graph(store):
    _write(store, _with_region("article:a1"), _with_region("article:a2"),
           _extraction("article:a3", org_name="Steppe Media Group"))
    for article in ("article:a1", "article:a2", "article:a3"):
        retract_article(store, article)
    assert store.counts() == {"nodes": {}, "relationships": {}}


def _export(store) -> tuple[list, list]:
    nodes, relationships = store.iter_export()
    return list(nodes), list(relationships)


def test_retraction_leaves_exactly_the_graph_of_the_other_articles(store, tmp_path):
    articles = [_with_region("article:a1"),
                _extraction("article:a2", org_name="ARAL NEWS AGENCY",
                            senders=("Dana Serikova", "Caspian Film Fund")),
                _extraction("article:a3", event_name="Caspian Press Dialogue",
                            senders=("Caspian Film Fund",))]
    _write(store, *articles)
    retract_article(store, "article:a2")
    clean = STORE_OPENERS[store.engine](tmp_path / "clean")
    try:
        clean.apply_schema()
        _write(clean, articles[0], articles[2])
        assert _export(store) == _export(clean)
    finally:
        clean.close()


def test_a_spelling_only_the_retracted_article_used_leaves_the_place(store):
    def in_city(article_id: str, spelling: str):
        extraction = _extraction(article_id)
        extraction.events[0].place = PlaceMention(name=spelling, country="RUS",
                                                  canonical="Saint Petersburg")
        return extraction

    add_extractions(store, in_city("article:a1", "Saint Petersburg"),
                    in_city("article:a2", "St. Petersburg"))
    retract_article(store, "article:a1")
    [place] = [n for n in store.iter_export()[0] if "Place" in n["labels"]]
    assert (place["properties"]["name"], place["properties"]["aliases"]) == (
        "St. Petersburg", [])
