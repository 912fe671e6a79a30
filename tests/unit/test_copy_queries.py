"""The query files `dkg push` copies with: one per label and one relationship template
rendered for every pattern, each replacing the properties of what it merges by id, and
every date the ingest writes as a date typed again."""

import re

import pytest

from cypher import ENGINES, load_query, query_names, render_query
from graph.vocabulary import (
    RELATIONSHIP_PATTERNS,
    Label,
    node_copy_query,
    node_merge_query,
    pattern_slots,
)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("label", list(Label))
def test_every_label_has_a_copy_file_that_replaces_properties(label, engine):
    text = load_query(node_copy_query(label), engine)
    assert f"MERGE (n:{label.value} {{id: row.id}})" in text
    assert "SET n = row.properties" in text


PATTERN_IDS = [f"{t.value}-{s.value}-{e.value}" for t, s, e in RELATIONSHIP_PATTERNS]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("rel_type", "start", "end"), RELATIONSHIP_PATTERNS, ids=PATTERN_IDS)
def test_every_pattern_is_copied_by_the_template_that_replaces_properties(rel_type, start, end,
                                                                         engine):
    text = render_query("copy_relationships", engine, pattern_slots(rel_type, start, end))
    assert f"MATCH (a:{start.value} {{id: row.start}})" in text
    assert f"MATCH (b:{end.value} {{id: row.end}})" in text
    assert f"MERGE (a)-[r:{rel_type.value}]->(b)" in text
    assert "SET r = row.properties" in text


@pytest.mark.parametrize("engine", ENGINES)
def test_every_copy_file_belongs_to_a_label(engine):
    expected = {node_copy_query(label) for label in Label}
    assert {name for name in query_names(engine) if name.startswith("copy_")} == expected


@pytest.mark.parametrize("label", list(Label))
def test_a_date_the_ingest_writes_is_copied_as_a_date(label):
    written = set(re.findall(r"\bdate\(row\.(\w+)\)", load_query(node_merge_query(label),
                                                                  "neo4j")))
    copied = set(re.findall(r"n\.(\w+) = date\(row\.properties\.\1\)",
                            load_query(node_copy_query(label), "neo4j")))
    assert copied == written
