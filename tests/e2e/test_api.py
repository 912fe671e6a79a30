"""The REST API over an embedded store holding the bundled samples."""

import pytest


def test_health_reports_the_store_and_its_counts(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["engine"] == "falkordb"
    assert body["nodes"]["Event"] > 0 and body["relationships"]["REPORTS"] > 0


@pytest.mark.parametrize("country", ["Kazakhstan", "KAZ", "Kazakh", "kazakhstan"])
def test_events_by_country_accept_name_code_and_demonym(client, country):
    body = client.get("/events", params={"country": country}).json()
    assert body["total"] >= 3
    assert all("KAZ" in event["countries"] for event in body["items"])


def test_events_by_country_are_the_same_whatever_the_spelling(client):
    answers = {c: client.get("/events", params={"country": c, "limit": 500}).json()["items"]
               for c in ("Kazakhstan", "KAZ", "Kazakh")}
    assert answers["Kazakhstan"] == answers["KAZ"] == answers["Kazakh"]


def test_events_filter_by_type(client):
    body = client.get("/events", params={"type": "meeting"}).json()
    assert body["total"] >= 1 and {e["type"] for e in body["items"]} == {"meeting"}


def test_events_filter_by_date_range(client):
    body = client.get("/events", params={"date_from": "2026-06-01",
                                         "date_to": "2026-06-30"}).json()
    assert body["total"] >= 1
    assert all("2026-06-01" <= e["date"] <= "2026-06-30" for e in body["items"])


def test_events_paginate_with_a_stable_total(client):
    everything = client.get("/events", params={"limit": 500}).json()
    first = client.get("/events", params={"limit": 2, "offset": 0}).json()
    second = client.get("/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == everything["total"]
    assert [e["id"] for e in first["items"] + second["items"]] == [
        e["id"] for e in everything["items"][:4]]


def test_event_detail_lists_roles_and_sources(client):
    items = client.get("/events", params={"country": "UZB", "type": "meeting"}).json()["items"]
    event = client.get(f"/events/{items[0]['id']}").json()
    assert len(event["participants"]) >= 2
    assert event["articles"] and event["articles"][0]["evidence"]
    assert "UZB" in {c["id"] for c in event["countries"]}


def test_unknown_event_is_a_json_404(client):
    response = client.get("/events/event:does-not-exist")
    assert response.status_code == 404
    assert "does-not-exist" in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "bad"),
    [({"country": "Atlantis"}, "Atlantis"), ({"type": "party"}, "type"),
     ({"date_from": "yesterday"}, "date_from"), ({"limit": 0}, "limit")],
)
def test_bad_parameters_are_a_json_422_naming_them(client, params, bad):
    response = client.get("/events", params=params)
    assert response.status_code == 422
    assert bad in response.text


def test_countries_come_with_event_counts(client):
    items = client.get("/countries").json()["items"]
    by_id = {c["id"]: c for c in items}
    assert by_id["KAZ"]["name"] == "Kazakhstan" and by_id["KAZ"]["events"] >= 3
    assert [c["events"] for c in items] == sorted((c["events"] for c in items), reverse=True)


def test_openapi_documents_the_event_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/events", "/events/{event_id}", "/countries", "/health"} <= set(paths)
