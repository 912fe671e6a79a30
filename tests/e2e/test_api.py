"""The REST API over an embedded store holding the bundled samples."""

import pytest


def test_health_reports_the_store_and_its_counts(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["engine"] in ("falkordb", "neo4j")
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


def test_openapi_documents_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {
        "/health", "/stats", "/events", "/events/{event_id}", "/timeline", "/countries",
        "/countries/{country}", "/countries/{country}/events", "/countries/{country}/partners",
        "/organizations", "/organizations/{org_id}", "/organizations/{org_id}/events",
        "/persons", "/persons/{person_id}", "/persons/{person_id}/events", "/search",
        "/graph/neighborhood/{node_id}", "/articles", "/articles/{article_id}"}
    assert set(paths["/articles"]) == {"get", "post"}
    assert set(paths["/articles/{article_id}"]) == {"get", "delete"}


# --- event filters ------------------------------------------------------------------------

def _all(client, path: str, **params) -> list[dict]:
    return client.get(path, params={**params, "limit": 500}).json()["items"]


def test_events_involving_all_countries_involve_each_of_them(client):
    both = _all(client, "/events", country=["Kazakhstan", "China"], match="all")
    kaz = _all(client, "/events", country="KAZ")
    chn = _all(client, "/events", country="CHN")
    assert both and all({"KAZ", "CHN"} <= set(e["countries"]) for e in both)
    assert {e["id"] for e in both} == {e["id"] for e in kaz} & {e["id"] for e in chn}


def test_events_involving_any_country_are_the_union(client):
    either = _all(client, "/events", country=["KAZ", "UZB"], match="any")
    kaz, uzb = _all(client, "/events", country="KAZ"), _all(client, "/events", country="UZB")
    assert {e["id"] for e in either} == {e["id"] for e in kaz} | {e["id"] for e in uzb}


def _organizer_with_events(client) -> dict:
    for org in _all(client, "/organizations"):
        if org["events"] > 0:
            return org
    raise AssertionError("the samples have an organization in an event")


def test_events_by_organization_name_and_id_agree(client):
    org = _organizer_with_events(client)
    by_id = _all(client, "/events", organization=org["id"])
    by_name = _all(client, "/events", organization=org["name"].upper())
    assert len(by_id) == org["events"] and by_id == by_name


def test_events_by_organization_all_name_it(client):
    org = _organizer_with_events(client)
    for summary in _all(client, "/events", organization=org["id"]):
        event = client.get(f"/events/{summary['id']}").json()
        roles = event["organizers"] + event["participant_organizations"]
        assert org["id"] in {o["id"] for o in roles}


def test_events_by_person_list_them_as_participant(client):
    person = next(p for p in _all(client, "/persons") if p["events"] > 0)
    events = _all(client, "/events", person=person["id"])
    assert len(events) == person["events"]
    for summary in events:
        event = client.get(f"/events/{summary['id']}").json()
        assert person["id"] in {p["id"] for p in event["participants"]}


def test_events_by_place_are_held_there(client):
    events = _all(client, "/events", place="astana")
    assert events and {e["place"] for e in events} == {"Astana"}


def test_events_by_text_contain_it_in_name_or_evidence(client):
    for summary in _all(client, "/events", q="Journalists"):
        event = client.get(f"/events/{summary['id']}").json()
        text = event["name"] + " ".join(s for a in event["articles"] for s in a["evidence"])
        assert "journalists" in text.lower()


def test_events_sort_oldest_first_with_undated_last(client):
    events = _all(client, "/events", sort="date")
    dates = [e["date"] for e in events]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates == dated + [None] * (len(dates) - len(dated))


def test_unknown_organization_matches_no_event(client):
    body = client.get("/events", params={"organization": "Ministry of Silly Walks"}).json()
    assert body == {"items": [], "total": 0, "limit": 50, "offset": 0}


def test_a_page_past_the_end_is_empty_but_keeps_the_total(client):
    total = client.get("/events").json()["total"]
    body = client.get("/events", params={"offset": total + 10}).json()
    assert body["items"] == [] and body["total"] == total


# --- one event ----------------------------------------------------------------------------

def test_event_evidence_names_the_article_it_was_read_in(client):
    for summary in _all(client, "/events"):
        event = client.get(f"/events/{summary['id']}").json()
        sources = {a["id"] for a in event["articles"]}
        facts = event["countries"] + event["organizers"] + event["participants"]
        assert all(e["article"] in sources for fact in facts for e in fact["evidence"])


def test_sub_events_and_parents_point_at_each_other(client):
    pairs = 0
    for summary in _all(client, "/events"):
        event = client.get(f"/events/{summary['id']}").json()
        for sub in event["sub_events"]:
            parent_ids = {p["id"] for p in client.get(f"/events/{sub['id']}").json()["part_of"]}
            assert event["id"] in parent_ids
            pairs += 1
    assert pairs >= 1


# --- countries ----------------------------------------------------------------------------

@pytest.mark.parametrize("ref", ["KAZ", "Kazakhstan", "Kazakh", "kaz"])
def test_a_country_is_found_by_code_name_or_demonym(client, ref):
    body = client.get(f"/countries/{ref}").json()
    assert body["id"] == "KAZ" and body["name"] == "Kazakhstan" and body["events"] >= 3


def test_a_country_absent_from_the_graph_is_404(client):
    assert client.get("/countries/Atlantis").status_code == 404
    assert client.get("/countries/Atlantis/events").status_code == 404


def test_country_events_are_the_events_filtered_by_it(client):
    assert _all(client, "/countries/Kazakh/events") == _all(client, "/events", country="KAZ")


def test_partners_count_the_events_shared_with_each(client):
    partners = _all(client, "/countries/KAZ/partners")
    assert partners and "KAZ" not in {p["id"] for p in partners}
    for partner in partners:
        shared = _all(client, "/events", country=["KAZ", partner["id"]], match="all")
        assert partner["events"] == len(shared)
        assert partner["latest"] == max((e["date"] for e in shared if e["date"]), default=None)
    assert [p["events"] for p in partners] == sorted((p["events"] for p in partners),
                                                     reverse=True)


# --- organizations and persons ------------------------------------------------------------

def test_organizations_list_most_active_first(client):
    items = _all(client, "/organizations")
    assert items and [o["events"] for o in items] == sorted((o["events"] for o in items),
                                                            reverse=True)


def test_organizations_filter_by_text_and_country(client):
    found = _all(client, "/organizations", q="silk road")
    assert found
    for org in found:
        detail = client.get(f"/organizations/{org['id']}").json()
        assert any("silk road" in n.lower() for n in [detail["name"], *detail["aliases"]])
    assert all(o["country"] == "CHN" for o in _all(client, "/organizations", country="China"))


def test_an_organization_shows_its_parts_and_each_part_its_parent(client):
    group = client.get("/search", params={"q": "CIPMG"}).json()["items"][0]
    body = client.get(f"/organizations/{group['id']}").json()
    assert "CIPMG" in body["aliases"] and body["parts"]
    for part in body["parts"]:
        parent = client.get(f"/organizations/{part['id']}").json()["part_of"]
        assert group["id"] in {p["id"] for p in parent}


def test_organization_events_match_the_event_filter(client):
    org = _organizer_with_events(client)
    assert _all(client, f"/organizations/{org['id']}/events") == _all(
        client, "/events", organization=org["id"])


def test_a_person_shows_titles_country_and_where_each_name_was_read(client):
    hit = client.get("/search", params={"q": "Nurgaliyev"}).json()["items"][0]
    body = client.get(f"/persons/{hit['id']}").json()
    assert body["name"] == "Aslan Nurgaliyev" and "President" in body["titles"]
    assert {c["id"] for c in body["countries"]} == {"KAZ"}
    assert body["mentions"] and all(m["surfaces"] for m in body["mentions"])


@pytest.mark.parametrize("path", ["/organizations/org:nobody", "/persons/person:nobody",
                                  "/organizations/org:nobody/events",
                                  "/persons/person:nobody/events", "/articles/article:nope",
                                  "/graph/neighborhood/nothing-here"])
def test_unknown_ids_are_404_with_a_message(client, path):
    response = client.get(path)
    assert response.status_code == 404 and "no " in response.json()["detail"]


# --- search -------------------------------------------------------------------------------

@pytest.mark.parametrize(("q", "kind", "name"), [
    ("cipmg", "Organization", "China International Publishing and Media Group"),
    ("silk road audio visual", "Organization", "China Silk Road Audiovisual Center"),
    ("Nurgaliev", "Person", "Aslan Nurgaliyev"),
    ("Kazakh", "Country", "Kazakhstan"),
    ("uzbekistan", "Country", "Uzbekistan"),
])
def test_search_ranks_the_right_node_first(client, q, kind, name):
    first = client.get("/search", params={"q": q}).json()["items"][0]
    assert (first["kind"], first["name"]) == (kind, name)


def test_search_hits_are_ranked_by_score(client):
    items = client.get("/search", params={"q": "media forum"}).json()["items"]
    assert items and [h["score"] for h in items] == sorted((h["score"] for h in items),
                                                           reverse=True)


def test_search_for_nothing_close_finds_nothing(client):
    assert client.get("/search", params={"q": "xqzvwk"}).json()["items"] == []


def test_search_needs_letters_or_digits(client):
    response = client.get("/search", params={"q": "!!!"})
    assert response.status_code == 422 and "'q'" in response.json()["detail"]


# --- neighbourhood ------------------------------------------------------------------------

def test_neighborhood_at_depth_one_touches_the_center(client):
    body = client.get("/graph/neighborhood/KAZ").json()
    assert body["relationships"]
    assert all("KAZ" in (r["source"], r["target"]) for r in body["relationships"])


def test_neighborhood_relationships_join_returned_nodes(client):
    body = client.get("/graph/neighborhood/KAZ", params={"depth": 2, "limit": 40}).json()
    ids = {n["id"] for n in body["nodes"]}
    assert all(r["source"] in ids and r["target"] in ids for r in body["relationships"])


def test_neighborhood_grows_with_depth_and_respects_the_limit(client):
    one = client.get("/graph/neighborhood/KAZ", params={"depth": 1, "limit": 500}).json()
    two = client.get("/graph/neighborhood/KAZ", params={"depth": 2, "limit": 500}).json()
    small = client.get("/graph/neighborhood/KAZ", params={"depth": 2, "limit": 5}).json()
    assert len(two["nodes"]) > len(one["nodes"])
    assert len(small["nodes"]) <= 6 and small["truncated"]


# --- timeline, articles, stats ------------------------------------------------------------

def test_timeline_buckets_add_up_to_the_event_total(client):
    body = client.get("/timeline", params={"country": "KAZ"}).json()
    total = client.get("/events", params={"country": "KAZ"}).json()["total"]
    assert sum(b["events"] for b in body["items"]) + body["undated"] == body["total"] == total
    months = [b["period"] for b in body["items"]]
    assert months == sorted(months) and len(months) == len(set(months))


def test_timeline_by_year_has_one_bucket_per_year(client):
    body = client.get("/timeline", params={"interval": "year"}).json()
    assert [b["period"] for b in body["items"]] == [
        str(y) for y in range(int(body["items"][0]["period"]),
                              int(body["items"][-1]["period"]) + 1)]


def test_timeline_takes_a_date_range(client):
    body = client.get("/timeline", params={"from": "2026-04-01", "to": "2026-04-30",
                                           "interval": "day"}).json()
    assert body["items"] and all(b["period"].startswith("2026-04") for b in body["items"])


def test_articles_list_every_article_with_what_was_read(client, samples_report):
    items = _all(client, "/articles")
    assert len(items) == samples_report.articles_ingested
    article = client.get(f"/articles/{items[0]['id']}").json()
    assert article["events"] and article["mentions"]
    kinds = {m["kind"] for m in article["mentions"]}
    assert kinds <= {"Country", "Region", "Organization", "Person"}


def test_stats_count_events_by_type(client):
    body = client.get("/stats").json()
    assert sum(t["events"] for t in body["event_types"]) == body["nodes"]["Event"]
