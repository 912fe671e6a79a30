"""/explore in a real browser: Debian's Chromium, driven by Playwright (tests/browser/), over
`dkg demo` as a user starts it. What the page shows is compared with what the API answers.
Screenshots are written to test-artifacts/ for people to look at."""

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from api.cli import URLS_TO_TRY
from graph.falkordb_store import FalkorDBStore
from tests.conftest import ROOT
from tests.e2e.conftest import run_dkg_server
from tests.graphs import add_extractions
from tests.integration.test_store import _extraction
from tests.node_tools import chromium, node_with_packages

BROWSER_DIR = ROOT / "tests" / "browser"
ARTIFACTS = ROOT / "test-artifacts"
EXPANSION_LIMIT = 60  # NEIGHBOURS_PER_EXPANSION in api/explore/explore.js

Drive = Callable[[dict], dict]


@pytest.fixture(scope="module")
def drive() -> Drive:
    node = node_with_packages(BROWSER_DIR, "playwright-core")
    browser = chromium()
    ARTIFACTS.mkdir(exist_ok=True)

    def run(plan: dict) -> dict:
        done = subprocess.run([str(node), "explore.mjs", json.dumps(plan)], cwd=BROWSER_DIR,
                              env={**os.environ, "CHROMIUM": str(browser)},
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout)

    return run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    yield from run_dkg_server(tmp_path_factory.mktemp("explore"), command="demo")


def _ids(base: str, path: str, **params) -> list[str]:
    return [item["id"] for item in httpx.get(f"{base}{path}", params=params).json()["items"]]


def _neighbourhood(base: str, node_id: str) -> set[str]:
    answer = httpx.get(f"{base}/graph/neighborhood/{node_id}",
                       params={"depth": 1, "limit": EXPANSION_LIMIT}).json()
    return {node["id"] for node in answer["nodes"]}


def _node_that_adds_nodes(base: str, drawn: set[str]) -> tuple[str, set[str]]:
    """An event next to the drawn centre whose own neighbours are not all drawn yet."""
    for candidate in sorted(drawn):
        if candidate.startswith("event:"):
            around = _neighbourhood(base, candidate)
            if not around <= drawn:
                return candidate, around
    pytest.fail("no event around the centre has neighbours of its own")


@pytest.fixture(scope="module")
def kazakhstan_session(demo, drive: Drive) -> tuple[str, dict, dict]:
    """Search "Kazakhstan", click an event, then filter: KAZ events from a middle date,
    meetings up to the last date."""
    base, _, _ = demo
    drawn = _neighbourhood(base, "KAZ")
    expand, around = _node_that_adds_nodes(base, drawn)
    dates = sorted(e["date"] for e in httpx.get(f"{base}/events", params={
        "country": "KAZ", "limit": 200}).json()["items"] if e["date"])
    filters = [{"country": "KAZ", "date_from": dates[len(dates) // 2]},
               {"type": "meeting", "date_to": dates[-1]}]
    plan = {"base": base, "search": "Kazakhstan", "expand": expand, "filters": filters,
            "screenshot": str(ARTIFACTS / "explore.png")}
    expected = {"search_drawn": drawn, "expand": expand, "expand_drawn": drawn | around,
                "filters": filters}
    return base, drive(plan), expected


def test_the_page_loads_nothing_from_elsewhere_and_logs_no_error(kazakhstan_session):
    _, seen, _ = kazakhstan_session
    assert seen["state"] == "ready"
    assert seen["console_errors"] == []
    assert seen["foreign_requests"] == []
    assert seen["failed_requests"] == []


def test_searching_kazakhstan_draws_the_country_and_its_events(kazakhstan_session):
    base, seen, expected = kazakhstan_session
    assert seen["hits"][0] == "KAZ"
    assert seen["details_title"].strip() == "Kazakhstan"
    assert {node["id"] for node in seen["after_search"]} == expected["search_drawn"]
    events = _ids(base, "/events", country="KAZ", limit=20)
    assert events and seen["details_events"] == events
    drawn_events = {n["id"] for n in seen["after_search"] if n["kind"] == "Event"}
    assert set(events) <= drawn_events


def test_clicking_a_node_adds_its_neighbours_and_shows_its_evidence(kazakhstan_session):
    base, seen, expected = kazakhstan_session
    assert {node["id"] for node in seen["after_expand"]} == expected["expand_drawn"]
    assert len(seen["after_expand"]) > len(seen["after_search"])
    event = httpx.get(f"{base}/events/{expected['expand']}").json()
    assert seen["expanded_details_title"].strip() == event["name"]
    sentences = {s for article in event["articles"] for s in article["evidence"]}
    sentences |= {e["sentence"] for field in ("countries", "organizers", "participants")
                  for ref in event[field] for e in ref["evidence"]}
    assert seen["evidence"] and set(seen["evidence"]) <= sentences


def test_filters_list_and_highlight_the_matching_events(kazakhstan_session):
    base, seen, expected = kazakhstan_session
    drawn_events = {n["id"] for n in seen["after_expand"] if n["kind"] == "Event"}
    assert len(seen["filters"]) == len(expected["filters"])
    for filter_, shown in zip(expected["filters"], seen["filters"], strict=True):
        matching = _ids(base, "/events", limit=200, **filter_)
        assert matching, filter_
        assert shown["title"] == f"Events ({len(matching)})"
        assert shown["events"] == matching
        assert set(shown["faded"]) == drawn_events - set(matching)


def test_a_link_opens_a_search_or_a_node(demo, drive: Drive):
    base, _, _ = demo
    top = httpx.get(f"{base}/search", params={"q": "Tokbergenow"}).json()["items"][0]["id"]
    by_search = drive({"base": base, "path": "/explore?q=Tokbergenow",
                       "screenshot": str(ARTIFACTS / "explore-link.png")})
    assert by_search["opened"] == [top]
    assert parse_qs(urlsplit(by_search["location"]).query) == {"node": [top]}
    by_node = drive({"base": base, "path": "/explore?node=KAZ",
                     "screenshot": str(ARTIFACTS / "explore-link.png")})
    assert by_node["opened"] == ["KAZ"]
    assert by_search["console_errors"] == by_node["console_errors"] == []


@pytest.mark.parametrize("path", [p for p in URLS_TO_TRY if not p.startswith("/explore")])
def test_every_url_the_demo_suggests_answers_with_data(demo, path):
    base, _, _ = demo
    answer = httpx.get(f"{base}{path}")
    assert answer.status_code == 200
    if answer.headers["content-type"] == "application/json":
        body = answer.json()
        assert body.get("items", body.get("nodes", body.get("events"))), body


def test_a_hub_with_many_neighbours_settles_in_view(demo, drive: Drive):
    """The force layout on its own: 300 neighbours around one node and a chain through 50
    of them settle, stay finite and apart, and are all inside the drawing."""
    base, _, _ = demo
    seen = drive({"base": base, "layout": {"neighbours": 300, "chain": 50},
                  "screenshot": str(ARTIFACTS / "explore-layout.png")})
    layout = seen["layout"]
    assert layout["drawn"] == 301 and layout["settled"] and layout["finite"]
    assert layout["extent"] < 5_000
    assert layout["closest"] > 5
    assert layout["outside"] == 0
    assert seen["console_errors"] == []


def test_a_screenshot_is_written(kazakhstan_session):
    picture = ARTIFACTS / "explore.png"
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert picture.stat().st_size > 20_000


def test_an_empty_graph_says_how_to_fill_it(drive: Drive, tmp_path: Path):
    for base, _, _ in run_dkg_server(tmp_path):
        seen = drive({"base": base, "screenshot": str(ARTIFACTS / "explore-empty.png")})
    assert seen["state"] == "empty"
    assert "The graph is empty" in seen["notice"] and "dkg ingest" in seen["notice"]
    assert seen["search_disabled"] is True
    assert seen["console_errors"] == [] and seen["foreign_requests"] == []


def test_an_event_shows_who_sent_it_a_message_and_draws_the_messages(drive: Drive,
                                                                     tmp_path: Path):
    with FalkorDBStore(tmp_path / "data") as store:
        store.apply_schema()
        update, _ = add_extractions(store, _extraction(senders=("Caspian Film Fund",)))
    event_id = next(i for i in update.written_nodes if i.startswith("event:"))
    for base, _, _ in run_dkg_server(tmp_path):
        seen = drive({"base": base, "path": f"/explore?node={event_id}",
                      "screenshot": str(ARTIFACTS / "explore-messages.png")})
    assert seen["opened"] == [event_id] and seen["console_errors"] == []
    details = " ".join(seen["details"].split())
    assert "Participants Dana Serikova (Director)" in details
    assert "Sent a message (not taking part) Caspian Film Fund" in details
    assert "Type forum PLOVER CONSULT" in details
    assert seen["links"].count("SENT_MESSAGE_TO") == 1
