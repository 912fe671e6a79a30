"""Every query the embedded engine runs (shared files and its own) is planned by FalkorDB's
`GRAPH.EXPLAIN` with its header's parameters: the engine parses it, knows every function,
and no parameter is missing from the header. (Its schema file is applied by every store
test instead.)"""

import pytest

from cypher import declared_parameters, load_query, query_names, render_query
from graph.falkordb_store import FalkorDBStore
from graph.vocabulary import RELATIONSHIP_PATTERNS, pattern_slots

# Sample values where null will not do (LIMIT and SKIP want integers); null elsewhere.
SAMPLE = {"skip": 0, "limit": 10}


@pytest.fixture(scope="module")
def falkordb(tmp_path_factory: pytest.TempPathFactory):
    store = FalkorDBStore(tmp_path_factory.mktemp("explain") / "data")
    store.apply_schema()
    yield store
    store.close()


@pytest.mark.parametrize("name", [n for n in query_names("falkordb") if n != "schema"])
def test_falkordb_plans_the_query(falkordb, name):
    parameters = {p: SAMPLE.get(p) for p in declared_parameters(name, "falkordb")}
    falkordb._graph.explain(load_query(name, "falkordb"), parameters)


def test_a_parameter_missing_from_the_header_is_caught(falkordb):
    with pytest.raises(Exception, match="(?i)missing parameters"):
        falkordb._graph.explain("MATCH (n:Event {id: $id}) RETURN n LIMIT $limit",
                                {"limit": 1})


PATTERN_IDS = [f"{t.value}-{s.value}-{e.value}" for t, s, e in RELATIONSHIP_PATTERNS]


@pytest.mark.parametrize("template", ["merge_relationships", "copy_relationships"])
@pytest.mark.parametrize(("rel_type", "start", "end"), RELATIONSHIP_PATTERNS, ids=PATTERN_IDS)
def test_falkordb_plans_the_relationship_templates_for_every_pattern(falkordb, rel_type, start,
                                                                     end, template):
    text = render_query(template, "falkordb", pattern_slots(rel_type, start, end))
    falkordb._graph.explain(text, {"rows": []})
