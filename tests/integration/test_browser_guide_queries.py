"""The queries of the Neo4j Browser guide (cypher/browser/), run on a small hand-built graph
on every available engine (embedded FalkorDB always; Neo4j when DKG_NEO4J_URI is set): the
Cypher is portable, except cypher/neo4j/browser/show_schema (a Neo4j procedure)."""

from collections.abc import Iterator
from datetime import date

import pytest

from api.browser_kit import guide_queries
from cypher import query_names
from graph.store import GraphStore
from graph.vocabulary import Label, RelType
from tests.conftest import STORE_OPENERS
from tests.graphs import Node, Rel, write_graph

DIALOGUE, SIGNING, FORUM, EXHIBITION, TALKS, UZBEK = (
    "event:dialogue", "event:signing", "event:forum", "event:exhibition", "event:talks",
    "event:uzbek")
FIRST, SECOND = "The Media Dialogue opened in Astana.", "Kazakh and Chinese editors met."

def _node(label: Label, node_id: str, **properties: object) -> Node:
    return Node(label, node_id, dict(properties))


def _rel(rel_type: RelType, start: tuple[Label, str], end: tuple[Label, str], *,
         article: str = "article:a1", evidence: str = FIRST) -> Rel:
    return Rel(rel_type, start, end, article=article, evidence=evidence)


def _graph() -> tuple[list[Node], list[Rel]]:
    art, cty, org, per, evt, plc, reg = (Label.ARTICLE, Label.COUNTRY, Label.ORGANIZATION,
                                         Label.PERSON, Label.EVENT, Label.PLACE, Label.REGION)
    nodes = [
        _node(art, "article:a1", title="Media dialogue in Astana", published="2026-04-17"),
        _node(art, "article:a2", title="Editors meet", published="2026-04-18"),
        _node(cty, "KAZ", name="Kazakhstan"), _node(cty, "CHN", name="China"),
        _node(cty, "MNG", name="Mongolia"), _node(cty, "UZB", name="Uzbekistan"),
        _node(reg, "region:central-asia", name="Central Asia"),
        _node(plc, "place:astana:kaz", name="Astana"),
        _node(org, "org:agency", name="Kazakh Media Agency", aliases=["KMA"]),
        _node(org, "org:group", name="Media Group"),
        _node(org, "org:office", name="Youth Office"),
        _node(org, "org:desk", name="Youth Desk"),
        _node(per, "person:aigerim", name="Aigerim Suleimenova"),
        _node(per, "person:lin", name="Lin Haoran"),
        _node(evt, DIALOGUE, name="Media Dialogue", type="dialogue", date="2026-04-16"),
        _node(evt, SIGNING, name="Content Signing", type="agreement_signing",
              date="2026-04-16"),
        _node(evt, FORUM, name="Business Forum", type="forum", date="2026-05-26"),
        _node(evt, EXHIBITION, name="Painting Exhibition", type="exhibition",
              date="2026-06-05"),
        _node(evt, TALKS, name="Talks"),
        _node(evt, UZBEK, name="Uzbek Meeting", date="2026-01-01"),
    ]
    ev = {key: (evt, key) for key in (DIALOGUE, SIGNING, FORUM, EXHIBITION, TALKS, UZBEK)}
    kaz, chn, mng, uzb = (cty, "KAZ"), (cty, "CHN"), (cty, "MNG"), (cty, "UZB")
    agency, group = (org, "org:agency"), (org, "org:group")
    office, desk = (org, "org:office"), (org, "org:desk")
    aigerim, lin = (per, "person:aigerim"), (per, "person:lin")
    relationships = [
        _rel(RelType.REPORTS, (art, "article:a1"), ev[DIALOGUE]),
        _rel(RelType.REPORTS, (art, "article:a2"), ev[DIALOGUE], article="article:a2",
             evidence=SECOND),
        _rel(RelType.MENTIONS, (art, "article:a1"), kaz),
        _rel(RelType.HELD_IN, ev[DIALOGUE], (plc, "place:astana:kaz")),
        _rel(RelType.LOCATED_IN, (plc, "place:astana:kaz"), kaz),
        _rel(RelType.IN_REGION, kaz, (reg, "region:central-asia")),
        _rel(RelType.ORGANIZED, agency, ev[DIALOGUE]),
        _rel(RelType.PARTICIPATED_IN, aigerim, ev[DIALOGUE]),
        _rel(RelType.PARTICIPATED_IN, lin, ev[DIALOGUE]),
        _rel(RelType.SENT_MESSAGE_TO, group, ev[DIALOGUE]),
        _rel(RelType.PARTICIPATED_IN, agency, ev[SIGNING]),
        _rel(RelType.PART_OF, ev[SIGNING], ev[DIALOGUE]),
        _rel(RelType.ORGANIZED, office, ev[EXHIBITION]),
        _rel(RelType.PARTICIPATED_IN, desk, ev[FORUM]),
        _rel(RelType.PART_OF, office, group),
        _rel(RelType.PART_OF, desk, office),
        _rel(RelType.BASED_IN, agency, kaz),
        _rel(RelType.REPRESENTS, aigerim, kaz),
        _rel(RelType.REPRESENTS, lin, chn),
        _rel(RelType.AFFILIATED_WITH, aigerim, agency),
    ]
    relationships += [_rel(RelType.INVOLVES, ev[e], kaz)
                      for e in (DIALOGUE, SIGNING, FORUM, EXHIBITION, TALKS)]
    relationships += [_rel(RelType.INVOLVES, ev[e], chn)
                      for e in (DIALOGUE, SIGNING, EXHIBITION, TALKS)]
    relationships += [_rel(RelType.INVOLVES, ev[FORUM], mng),
                      _rel(RelType.INVOLVES, ev[UZBEK], uzb)]
    return nodes, relationships


@pytest.fixture(scope="module", params=sorted(STORE_OPENERS))
def graph(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[GraphStore]:
    store = STORE_OPENERS[request.param](tmp_path_factory.mktemp("guide"))
    store.apply_schema()
    write_graph(store, *_graph())
    yield store
    store.close()


def _ends(rows: list[dict]) -> list[tuple[str, ...]]:
    """Each returned path as the ids of its nodes (FalkorDB and Neo4j paths alike)."""
    def node_id(node) -> str:
        return node.properties["id"] if hasattr(node, "properties") else node["id"]
    paths = [row["path"] for row in rows]
    return sorted(tuple(map(node_id, p.nodes() if callable(p.nodes) else p.nodes))
                  for p in paths)


@pytest.mark.parametrize("query", guide_queries(), ids=lambda q: q.name)
def test_every_guide_query_runs(graph: GraphStore, query):
    if query.name not in query_names(graph.engine, folder="browser"):
        pytest.skip(f"{query.name} is Neo4j-only (cypher/neo4j/browser/)")
    graph.query(query.name, **{p: "KAZ" for p in query.parameters})


def test_events_of_a_country_come_newest_first_with_undated_last(graph):
    rows = graph.query("browser/list_events_by_country", country="KAZ")
    assert [row["id"] for row in rows] == [EXHIBITION, FORUM, SIGNING, DIALOGUE, TALKS]
    assert rows[0]["date"] == date(2026, 6, 5)


def test_events_of_a_country_name_place_organizers_and_participants(graph):
    dialogue = next(row for row in graph.query("browser/list_events_by_country",
                                               country="KAZ") if row["id"] == DIALOGUE)
    assert dialogue["places"] == ["Astana"]
    assert dialogue["organizers"] == ["Kazakh Media Agency"]
    assert sorted(dialogue["participants"]) == ["Aigerim Suleimenova", "Lin Haoran"]


def test_the_picture_of_a_country_reaches_its_events_and_their_organizers(graph):
    paths = _ends(graph.query("browser/show_events_by_country", country="KAZ"))
    assert ("KAZ", DIALOGUE) in paths and ("KAZ", TALKS) in paths
    assert ("KAZ", DIALOGUE, "org:agency") in paths
    assert ("KAZ", EXHIBITION, "org:office") in paths
    assert not any(UZBEK in p for p in paths)


def test_partners_count_shared_events_and_leave_the_country_itself_out(graph):
    rows = graph.query("browser/list_partners_by_country", country="KAZ")
    assert [(row["id"], row["events"]) for row in rows] == [("CHN", 4), ("MNG", 1)]
    assert (rows[0]["first"], rows[0]["latest"]) == (date(2026, 4, 16), date(2026, 6, 5))


def test_a_bilateral_timeline_holds_the_events_of_both_oldest_first(graph):
    rows = graph.query("browser/list_events_by_country_pair", country="KAZ", other="CHN")
    assert [row["id"] for row in rows] == [SIGNING, DIALOGUE, EXHIBITION, TALKS]


def test_a_persons_network_reaches_ties_events_and_whom_they_met(graph):
    paths = _ends(graph.query("browser/show_network_by_person", person="person:aigerim"))
    assert paths == sorted([
        ("person:aigerim", "KAZ"), ("person:aigerim", "org:agency"),
        ("person:aigerim", DIALOGUE), ("person:aigerim", DIALOGUE, "person:lin"),
        ("person:aigerim", DIALOGUE, "org:agency"),
    ])


def test_an_organization_view_reaches_its_parent_its_parts_and_their_events(graph):
    paths = _ends(graph.query("browser/show_parts_and_events_by_organization",
                              organization="org:office"))
    assert paths == sorted([
        ("org:office", "org:group"), ("org:office", "org:desk"),
        ("org:office", EXHIBITION), ("org:office", "org:desk", FORUM),
    ])


def test_the_articles_behind_an_event_come_with_their_sentences(graph):
    rows = graph.query("browser/list_articles_by_event", event=DIALOGUE)
    assert [(row["article"], row["sentences"]) for row in rows] == [
        ("article:a1", [FIRST]), ("article:a2", [SECOND])]
    assert rows[0]["title"] == "Media dialogue in Astana"


def test_the_facts_of_an_event_say_their_direction_and_evidence(graph):
    rows = graph.query("browser/list_facts_by_event", event=DIALOGUE)
    facts = {(row["relationship"], row["direction"], row["id"]) for row in rows}
    assert facts == {
        ("HELD_IN", "event -> Place", "place:astana:kaz"),
        ("INVOLVES", "event -> Country", "KAZ"), ("INVOLVES", "event -> Country", "CHN"),
        ("ORGANIZED", "Organization -> event", "org:agency"),
        ("PARTICIPATED_IN", "Person -> event", "person:aigerim"),
        ("PARTICIPATED_IN", "Person -> event", "person:lin"),
        ("SENT_MESSAGE_TO", "Organization -> event", "org:group"),
        ("PART_OF", "Event -> event", SIGNING),
    }
    assert all(row["sentences"] == [FIRST] and row["articles"] == ["article:a1"]
               for row in rows)


@pytest.mark.parametrize(("text", "found"), [
    ("MEDIA", {"org:agency", "org:group", DIALOGUE, "article:a1"}),
    ("kma", {"org:agency"}),
])
def test_finding_ids_matches_names_titles_and_aliases_in_any_case(graph, text, found):
    rows = graph.query("browser/find_nodes_by_name", text=text)
    assert {row["id"] for row in rows} == found


def test_this_module_builds_every_label_and_relationship_type():
    """The hand-built graph exercises the whole vocabulary the guide draws."""
    nodes, relationships = _graph()
    assert {n.label for n in nodes} == set(Label)
    assert {r.type for r in relationships} == set(RelType)

