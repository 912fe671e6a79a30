"""Hostile request text is only ever a value: no quote, Cypher fragment, odd unicode or
huge string changes the graph or makes the server fail."""

from urllib.parse import quote

import pytest

HOSTILE = [
    "'",
    '"',
    "\\",
    "}) MATCH (n) DETACH DELETE n //",
    "' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //",
    "KAZ'}) DETACH DELETE c RETURN 1 //",
    "$id",
    "`Event`",
    "\u202eKazakhstan\u202c",
    "Қазақстан 🇰🇿 中国",
    "\x00\x01\x7f",
    "k" * 10_000,
]

QUERY_ROUTES = [
    ("/events", "country"), ("/events", "organization"), ("/events", "person"),
    ("/events", "place"), ("/events", "q"), ("/events", "type"), ("/events", "match"),
    ("/events", "sort"), ("/events", "date_from"), ("/timeline", "country"),
    ("/timeline", "interval"), ("/organizations", "q"), ("/organizations", "country"),
    ("/persons", "q"), ("/persons", "country"), ("/search", "q"),
]
PATH_ROUTES = [
    "/events/{}", "/countries/{}", "/countries/{}/events", "/countries/{}/partners",
    "/organizations/{}", "/organizations/{}/events", "/persons/{}", "/persons/{}/events",
    "/graph/neighborhood/{}", "/articles/{}",
]


@pytest.fixture(scope="module")
def counts_before(client):
    return client.get("/stats").json()


@pytest.mark.parametrize(("path", "parameter"), QUERY_ROUTES)
@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_query_parameters_are_answered_without_failing(client, counts_before, path,
                                                               parameter, value):
    response = client.get(path, params={parameter: value})
    assert response.status_code in (200, 404, 422), response.text
    assert isinstance(response.json()["detail" if response.status_code != 200 else
                                       next(iter(response.json()))], (str, list, int, dict))


@pytest.mark.parametrize("template", PATH_ROUTES)
@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_ids_are_a_404(client, counts_before, template, value):
    response = client.get(template.format(quote(value, safe="")))
    assert response.status_code in (404, 422), response.text
    assert response.json()["detail"]


def test_hostile_text_is_matched_literally(client):
    for value in HOSTILE[3:8]:
        body = client.get("/events", params={"q": value}).json()
        assert body["total"] == 0


def test_the_graph_is_unchanged_after_every_hostile_request(client, counts_before):
    for value in HOSTILE:
        for path, parameter in QUERY_ROUTES:
            client.get(path, params={parameter: value})
        client.delete(f"/articles/{quote(value, safe='')}")
    assert client.get("/stats").json() == counts_before
