"""copy_graph (what `dkg push` runs): the embedded graph of the bundled samples, copied into
another store (a second embedded graph always; Neo4j when DKG_NEO4J_URI is set), comes back
node by node and property by property, types included, however it is batched and however
often it is copied."""

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.copy import CopyProgress, copy_graph
from graph.falkordb_store import FalkorDBStore
from graph.store import GraphStore
from tests.conftest import STORE_OPENERS, with_samples
from tests.graphs import add_extractions
from tests.integration.test_store import _extraction


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory, nlp) -> Iterator[GraphStore]:
    yield from with_samples(FalkorDBStore(tmp_path_factory.mktemp("copy") / "source"), nlp)


@pytest.fixture(params=sorted(STORE_OPENERS))
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store of each available engine, schema not yet applied."""
    opened = STORE_OPENERS[request.param](tmp_path)
    try:
        yield opened
    finally:
        opened.close()


def _typed(properties: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    """Properties with their Python types, so "2026-05-03" never equals a date."""
    return {key: (type(value).__name__, value) for key, value in properties.items()}


def _graph(store: GraphStore) -> tuple[dict, dict]:
    nodes, relationships = store.iter_export()
    return (
        {n["id"]: (n["labels"], _typed(n["properties"])) for n in nodes},
        {(r["start"], r["type"], r["end"]): (r["start_label"], r["end_label"],
                                             _typed(r["properties"])) for r in relationships},
    )


def test_the_target_holds_every_node_and_relationship_with_the_same_properties(source,
                                                                                target):
    report = copy_graph(source, target)
    nodes, relationships = _graph(source)
    assert _graph(target) == (nodes, relationships)
    assert (report.nodes, report.relationships) == (len(nodes), len(relationships))
    assert (report.nodes_created, report.relationships_created) == (len(nodes),
                                                                   len(relationships))
    assert target.counts() == source.counts()


def test_dates_and_lists_keep_their_types(source, target):
    copy_graph(source, target)
    events = [props for labels, props in _graph(target)[0].values() if labels == ["Event"]]
    assert any(props.get("date", ("", None))[0] == "date" for props in events)
    assert all(props["block_keys"][0] == "list" for props in events)


def test_copying_twice_creates_nothing_and_changes_nothing(source, target):
    copy_graph(source, target)
    first = _graph(target)
    again = copy_graph(source, target)
    assert (again.nodes_created, again.relationships_created) == (0, 0)
    assert again.nodes == len(first[0]) and again.relationships == len(first[1])
    assert _graph(target) == first == _graph(source)


def test_batches_smaller_than_the_counts_carry_every_row(source, target):
    seen: list[CopyProgress] = []
    report = copy_graph(source, target, batch_size=7,
                        on_progress=lambda p: seen.append(p.model_copy()))
    counts = source.counts()
    groups = {**counts["nodes"], **counts["relationships"]}
    assert report.batches >= sum(math.ceil(n / 7) for n in groups.values())
    assert len(seen) == report.batches
    assert [p.nodes + p.relationships for p in seen] == sorted(
        p.nodes + p.relationships for p in seen)
    assert (seen[-1].nodes, seen[-1].relationships) == (seen[-1].nodes_total,
                                                        seen[-1].relationships_total)
    assert _graph(target) == _graph(source)


def test_a_second_copy_brings_a_changed_node_back_to_the_source(source, target):
    copy_graph(source, target)
    org = next(n for n in source.iter_export()[0] if n["labels"] == ["Organization"])
    target.execute("merge_organization_nodes", rows=[{
        "id": org["id"], "name": "Renamed", "aliases": ["Renamed"], "alias_keys": ["renamed"],
        "block_keys": []}])
    assert _graph(target) != _graph(source)
    copy_graph(source, target, batch_size=3)
    assert _graph(target) == _graph(source)


def test_messages_and_plover_categories_are_copied(target, tmp_path):
    with FalkorDBStore(tmp_path / "senders") as senders:
        senders.apply_schema()
        add_extractions(senders, _extraction(senders=("Dana Serikova", "Caspian Film Fund")))
        copy_graph(senders, target)
        copied = _graph(target)
        assert copied == _graph(senders)
    sent = sorted((start_label, start) for (start, rel_type, _), (start_label, *_)
                  in copied[1].items() if rel_type == "SENT_MESSAGE_TO")
    assert sent == [("Organization", "org:caspian-film-fund"),
                    ("Person", "person:dana-serikova:kaz")]
    assert {props["plover"] for labels, props in copied[0].values()
            if labels == ["Event"]} == {("str", "CONSULT")}


def test_a_batch_size_below_one_is_refused(source, target):
    with pytest.raises(ValueError, match="batch_size"):
        copy_graph(source, target, batch_size=0)
