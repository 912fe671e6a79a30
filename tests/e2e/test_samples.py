"""What the bundled samples must give: the events an analyst reads in them, and nothing
from their navigation noise. Floors, measured when written; raise them as extraction gets
better, never lower them to make a change pass."""

import datetime as dt
import json
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from graph.names import fold

EXPECTED = json.loads((Path(__file__).parents[1] / "fixtures" / "samples_expected.json")
                      .read_text(encoding="utf-8"))
EVENT_RECALL_FLOOR = 0.75
DATE_ACCURACY_FLOOR = 0.9


@pytest.fixture(scope="module")
def graph(samples_store):
    nodes, relationships = (list(rows) for rows in samples_store.iter_export())
    return nodes, relationships


def _events(graph):
    nodes, _ = graph
    return [n["properties"] for n in nodes if "Event" in n["labels"]]


def _matches(expected: dict, event: dict) -> bool:
    names = [expected["name"], *expected.get("aliases", [])]
    if any(fuzz.token_set_ratio(fold(n), fold(event["name"])) >= 80 for n in names):
        return True
    return bool(expected["date"]) and event.get("date") == dt.date.fromisoformat(
        expected["date"]) and event.get("type") in expected.get("acceptable_types",
                                                                 [expected["type"]])


def test_ingest_reports_every_sample_and_skips_none(samples_report):
    assert samples_report.skipped == []
    assert samples_report.articles_ingested == len(EXPECTED)


def test_most_expected_events_are_found_with_their_dates(graph):
    expected = [e for entry in EXPECTED for e in entry["events"]]
    found = [(e, next((x for x in _events(graph) if _matches(e, x)), None)) for e in expected]
    matched = [(e, x) for e, x in found if x is not None]
    recall = len(matched) / len(expected)
    dated = [(e, x) for e, x in matched if e["date"]]
    right = sum(1 for e, x in dated if x.get("date") == dt.date.fromisoformat(e["date"]))
    print(f"samples: event recall {recall:.2f} ({len(matched)}/{len(expected)}), "
          f"dates right {right}/{len(dated)}")
    assert recall >= EVENT_RECALL_FLOOR
    assert right >= DATE_ACCURACY_FLOOR * len(dated)


def _article_path_suffix(entry: dict) -> str:
    """How the reader and the listing splitter name the article an entry describes."""
    item = entry["item"]
    if item is None:
        return entry["file"]
    if entry["file"].endswith(".json"):
        return f"{entry['file']}[{item}]"
    if entry["file"].endswith(".jsonl"):
        return f"{entry['file']}:{item + 1}"
    return f"{entry['file']}#item-{item + 1}"


def _names_from_article(graph, suffix: str) -> set[str]:
    """Folded names of everything the article mentions or reports, and of what its events
    involve."""
    nodes, relationships = graph
    by_id = {n["id"]: n for n in nodes}
    article = next(n["id"] for n in nodes
                   if "Article" in n["labels"] and n["properties"]["path"].endswith(suffix))
    reached = {r["end"] for r in relationships if r["start"] == article}
    events = {r["end"] for r in relationships if r["start"] == article and r["type"] == "REPORTS"}
    reached |= {r["start"] if r["end"] in events else r["end"] for r in relationships
                if r["start"] in events or r["end"] in events}
    reached -= {n["id"] for n in nodes if "Article" in n["labels"]}
    return {fold(name) for node_id in reached for name in
            [by_id[node_id]["properties"].get("name", ""),
             *by_id[node_id]["properties"].get("aliases", [])] if name}


@pytest.mark.parametrize("entry", EXPECTED, ids=_article_path_suffix)
def test_navigation_and_teasers_produce_no_nodes(graph, entry):
    forbidden = {fold(n) for n in entry.get("forbidden_names", [])}
    assert not _names_from_article(graph, _article_path_suffix(entry)) & forbidden


def test_bylines_are_not_persons(graph):
    nodes, _ = graph
    persons = {fold(n["properties"]["name"]) for n in nodes if "Person" in n["labels"]}
    bylines = {fold(b) for entry in EXPECTED for b in entry.get("bylines", [])}
    assert not persons & bylines
