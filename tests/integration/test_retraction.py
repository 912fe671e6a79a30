"""Retracting an article, on every available store: what only it supported goes, what
others also support loses it as a source, and names are rebuilt from what remains."""

import pytest

from api.errors import NotFound
from api.retraction import retract_article
from api.service import EventQuery, find_events
from graph.resolver import KnownNames, resolve
from tests.integration.test_store import SENTENCE, _extraction


def _write(store, *extractions):
    store.write(resolve(list(extractions), known=KnownNames()))


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
    assert {ref.id for ref in report.deleted} >= {"org:aral-news-agency",
                                                  "person:dana-serikova"}


def test_names_only_the_retracted_article_used_are_dropped(store):
    _write(store, _extraction("article:a1", org_name="Aral News Agency"))
    renamed = _extraction("article:a2", org_name="Aral News Agency")
    renamed.organizations[0] = renamed.organizations[0].model_copy(
        update={"aliases": ["Aral Press"]})
    _write(store, renamed)
    retract_article(store, "article:a2")
    row = store.query("get_organization", id="org:aral-news-agency", limit=10)[0]
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


