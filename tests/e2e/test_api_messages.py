"""Message senders and PLOVER categories over HTTP, on every available store: an article
POSTed, then its event read back with who sent it a message (apart from who took part),
its category, and the relationship drawn in the neighbourhood graph.

Extraction does not find message senders yet, so the server extracts with a stub that
reads each of the articles below as a hand-built extraction (evidence located in the text
the server received)."""

from collections.abc import Iterator, Sequence

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.extraction_worker import ExtractionWorker
from api.settings import Settings
from extract.models import (
    Article,
    ArticleExtraction,
    EventMention,
    Evidence,
    OrganizationMention,
    PersonMention,
)
from graph.vocabulary import EventType

OPENING = ("The Steppe Poetry Festival opened in Astana on April 8, 2026, hosted by the "
           "Aral Writers Union.")
ATTENDED = "Kazakh Culture Minister Aida Bekova read the first poem."
LETTER = ("Uzbek President Sardor Mirzayev sent a congratulatory letter to the festival, and "
          "the Caspian Film Fund sent its greetings.")
FESTIVAL = {"title": "Poetry festival opens in Astana", "published": "2026-04-09",
            "text": f"ASTANA, April 8 -- {OPENING} {ATTENDED} {LETTER}"}
CALL_SENTENCE = ("Aida Bekova and Uzbek Culture Minister Timur Yusupov discussed the festival "
                 "by telephone on April 10, 2026.")
CALL = {"title": "Ministers discuss the festival", "published": "2026-04-11",
        "text": f"TASHKENT, April 10 -- {CALL_SENTENCE}"}


def _evidence(article: Article, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence(article_id=article.id, sentence=sentence, start=start,
                    end=start + len(sentence))


def _extraction(article: Article) -> ArticleExtraction:
    """What extraction should read in each article of this module."""
    if LETTER in article.text:
        return ArticleExtraction(
            article=article,
            organizations=[OrganizationMention(name="Aral Writers Union", country="KAZ")],
            persons=[PersonMention(name="Aida Bekova", titles=["Culture Minister"],
                                   country="KAZ"),
                     PersonMention(name="Sardor Mirzayev", titles=["President"],
                                   country="UZB")],
            events=[EventMention(
                name="Steppe Poetry Festival", type=EventType.CULTURAL_EXCHANGE,
                countries=["KAZ"], organizers=["Aral Writers Union"],
                participants=["Aida Bekova"],
                message_senders=["Sardor Mirzayev", "Caspian Film Fund"],
                evidence=_evidence(article, OPENING),
                fact_evidence={"participant:Aida Bekova": _evidence(article, ATTENDED),
                               "message_sender:Sardor Mirzayev": _evidence(article, LETTER),
                               "message_sender:Caspian Film Fund": _evidence(article, LETTER)},
            )])
    return ArticleExtraction(
        article=article,
        persons=[PersonMention(name="Aida Bekova", country="KAZ"),
                 PersonMention(name="Timur Yusupov", country="UZB")],
        events=[EventMention(
            name="Bekova-Yusupov phone call", type=EventType.PHONE_CALL,
            countries=["KAZ", "UZB"], participants=["Aida Bekova", "Timur Yusupov"],
            evidence=_evidence(article, CALL_SENTENCE))])


def _extract(articles: Sequence[Article]) -> list[ArticleExtraction]:
    return [_extraction(article) for article in articles]


@pytest.fixture
def client(store) -> Iterator[TestClient]:
    app = create_app(Settings(api_key=None), store=store)
    app.state.extraction = ExtractionWorker(_extract)
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def _event_of(client: TestClient, body: dict) -> str:
    created = client.post("/articles", json=body).json()["created"]
    return next(ref["id"] for ref in created if ref["kind"] == "Event")


def test_an_event_lists_who_sent_it_a_message_with_the_sentence(client):
    event = client.get(f"/events/{_event_of(client, FESTIVAL)}").json()
    senders = [(s["kind"], s["id"], s["name"]) for s in event["message_senders"]]
    assert senders == [("Organization", "org:caspian-film-fund", "Caspian Film Fund"),
                       ("Person", "person:sardor-mirzayev:uzb", "Sardor Mirzayev")]
    assert all([e["sentence"] for e in s["evidence"]] == [LETTER]
               for s in event["message_senders"])


def test_a_message_sender_is_not_a_participant(client):
    event = client.get(f"/events/{_event_of(client, FESTIVAL)}").json()
    assert [p["name"] for p in event["participants"]] == ["Aida Bekova"]
    assert event["participant_organizations"] == []


def test_an_event_and_its_listing_carry_its_plover_category(client):
    event_id = _event_of(client, FESTIVAL)
    assert client.get(f"/events/{event_id}").json()["plover"] == "COOPERATE"
    [item] = client.get("/events").json()["items"]
    assert (item["id"], item["type"], item["plover"]) == (event_id, "cultural_exchange",
                                                          "COOPERATE")


def test_the_neighbourhood_draws_the_messages(client):
    event_id = _event_of(client, FESTIVAL)
    graph = client.get(f"/graph/neighborhood/{event_id}", params={"depth": 1}).json()
    sent = sorted(r["source"] for r in graph["relationships"] if r["type"] == "SENT_MESSAGE_TO")
    assert sent == ["org:caspian-film-fund", "person:sardor-mirzayev:uzb"]
    [centre] = [n for n in graph["nodes"] if n["id"] == event_id]
    assert (centre["event_type"], centre["event_plover"]) == ("cultural_exchange", "COOPERATE")


def test_events_filter_by_the_phone_call_type(client):
    _event_of(client, FESTIVAL)
    call_id = _event_of(client, CALL)
    page = client.get("/events", params={"type": "phone_call"}).json()
    assert [(item["id"], item["plover"]) for item in page["items"]] == [(call_id, "CONSULT")]


def test_retracting_the_article_takes_its_messages_away(client):
    event_id = _event_of(client, FESTIVAL)
    article_id = client.get(f"/events/{event_id}").json()["articles"][0]["id"]
    deleted = client.delete(f"/articles/{article_id}").json()["deleted"]
    assert {"org:caspian-film-fund", "person:sardor-mirzayev:uzb"} <= {r["id"] for r in deleted}
    assert "SENT_MESSAGE_TO" not in client.get("/health").json()["relationships"]
