"""Incremental resolution equals resolving everything at once, on every available store,
in the cases where it is hardest: a blocking key that crosses MAX_BLOCK (pairs on it vanish
or appear for units far from what changed), a bridge between two stored nodes, a surname
made ambiguous by a namesake. Hand-built extractions, no spaCy."""

import datetime as dt
import itertools
import random

import pytest

from api.export import export_json
from api.retraction import retract_article
from extract.models import (
    Article,
    ArticleExtraction,
    EventMention,
    Evidence,
    OrganizationMention,
    PersonMention,
)
from graph.entity_resolution import MAX_BLOCK
from graph.vocabulary import EventType
from tests.conftest import STORE_OPENERS
from tests.graphs import add_extractions


def _article(article_id: str, *, orgs: list[str] = (), persons: list[str] = ()
             ) -> ArticleExtraction:
    return ArticleExtraction(
        article=Article(id=article_id, text=f"(text of {article_id})"),
        organizations=[OrganizationMention(name=name) for name in orgs],
        persons=[PersonMention(name=name) for name in persons])


def _ministries(n: int) -> list[ArticleExtraction]:
    """"MFA" pairs with "Ministry of Foreign Affairs" on the key a:mfa alone, which every
    "Ministry of Foreign Affairs of X" holds too."""
    return ([_article("article:mofa", orgs=["Ministry of Foreign Affairs"]),
             _article("article:mfa", orgs=["MFA"])]
            + [_article(f"article:m{i:03d}", orgs=[f"Ministry of Foreign Affairs of Valdor{i}"])
               for i in range(n)])


def _clean_export(engine: str, tmp_path, extractions: list[ArticleExtraction]) -> str:
    clean = STORE_OPENERS[engine](tmp_path / "clean")
    try:
        clean.apply_schema()
        add_extractions(clean, *extractions)
        return export_json(clean)
    finally:
        clean.close()


def _organizations(store) -> dict[str, list[str]]:
    nodes, _ = store.iter_export()
    return {n["id"]: n["properties"]["aliases"] for n in nodes
            if n["labels"] == ["Organization"]}


def test_a_key_held_by_too_many_units_brings_no_pair(store):
    add_extractions(store, *_ministries(MAX_BLOCK + 1))
    orgs = _organizations(store)
    assert orgs["org:mfa"] == ["MFA"]


def test_below_the_limit_the_same_key_joins_the_acronym(store):
    add_extractions(store, *_ministries(MAX_BLOCK - 5))
    assert "MFA" in _organizations(store)["org:ministry-of-foreign-affairs"]


def test_retracting_units_until_a_key_counts_again_joins_what_it_pairs(store, tmp_path):
    articles = _ministries(MAX_BLOCK + 1)
    add_extractions(store, *articles)
    gone = [f"article:m{i:03d}" for i in range(5)]
    for article in gone:
        retract_article(store, article)
    rest = [x for x in articles if x.article.id not in gone]
    assert "MFA" in _organizations(store)["org:ministry-of-foreign-affairs"]
    assert export_json(store) == _clean_export(store.engine, tmp_path, rest)


def test_adding_units_until_a_key_stops_counting_splits_what_it_paired(store, tmp_path):
    articles = _ministries(MAX_BLOCK + 1)
    add_extractions(store, *articles[:MAX_BLOCK - 3])
    assert "MFA" in _organizations(store)["org:ministry-of-foreign-affairs"]
    add_extractions(store, *articles[MAX_BLOCK - 3:])
    assert _organizations(store)["org:mfa"] == ["MFA"]
    assert export_json(store) == _clean_export(store.engine, tmp_path, articles)


@pytest.mark.parametrize("seed", range(3))
def test_any_batching_around_the_limit_gives_the_global_graph(store, tmp_path, seed):
    articles = _ministries(MAX_BLOCK + 2)
    rng = random.Random(seed)
    order = rng.sample(articles, len(articles))
    cut = sorted(rng.sample(range(1, len(order)), 4))
    for start, end in zip([0, *cut], [*cut, len(order)], strict=True):
        add_extractions(store, *order[start:end])
    for article in rng.sample(order, 4):
        retract_article(store, article.article.id)
    remaining = {row["id"] for row in store.query("list_article_ids", skip=0, limit=1000)}
    expected = _clean_export(store.engine, tmp_path,
                             [x for x in articles if x.article.id in remaining])
    assert export_json(store) == expected


def test_a_mention_that_bridges_two_stored_nodes_merges_them(store, tmp_path):
    first = _article("article:a", persons=["Ilmar Varenkov"])
    second = _article("article:b", persons=["Ilmar Varenkoff"])  # no pair with the first
    bridge = _article("article:c", persons=["Ilmar Varenkov", ])
    bridge = bridge.model_copy(update={"persons": [PersonMention(
        name="Ilmar B. Varenkoff", aliases=["Ilmar Varenkov"])]})
    add_extractions(store, first)
    add_extractions(store, second)
    before = {n for n in _person_ids(store)}
    add_extractions(store, bridge)
    assert export_json(store) == _clean_export(store.engine, tmp_path, [first, second, bridge])
    assert len(_person_ids(store)) <= len(before)


def _person_ids(store) -> list[str]:
    nodes, _ = store.iter_export()
    return [n["id"] for n in nodes if n["labels"] == ["Person"]]


def test_a_namesake_makes_a_lone_surname_stand_alone_again(store, tmp_path):
    lone = _article("article:a", persons=["Varenkov"])
    full = _article("article:b", persons=["Ilmar Varenkov"])
    namesake = _article("article:c", persons=["Dana Varenkov"])
    add_extractions(store, lone)
    add_extractions(store, full)
    assert len(_person_ids(store)) == 1
    add_extractions(store, namesake)
    assert sorted(_person_ids(store)) == ["person:dana-varenkov", "person:ilmar-varenkov",
                                          "person:varenkov"]
    assert export_json(store) == _clean_export(store.engine, tmp_path, [lone, full, namesake])


def _sending(article_id: str, sender: str) -> ArticleExtraction:
    """An article in which `sender`, a person it names, sent a message to a ceremony."""
    sentence = f"{sender} sent a letter to the Orvel Press Awards."
    return _article(article_id, persons=[sender]).model_copy(update={"events": [EventMention(
        name="Orvel Press Awards", type=EventType.CEREMONY, date=dt.date(2026, 3, 2),
        message_senders=[sender],
        evidence=Evidence(article_id=article_id, sentence=sentence, start=0,
                          end=len(sentence)))]})


def _senders(store) -> list[str]:
    _, relationships = store.iter_export()
    return sorted(r["start"] for r in relationships if r["type"] == "SENT_MESSAGE_TO")


def test_a_message_moves_with_the_sender_its_article_names(store, tmp_path):
    lone, full = _sending("article:a", "Varenkov"), _sending("article:b", "Ilmar Varenkov")
    add_extractions(store, lone)
    assert _senders(store) == ["person:varenkov"]
    add_extractions(store, full)
    assert _senders(store) == ["person:ilmar-varenkov"]
    add_extractions(store, _article("article:c", persons=["Dana Varenkov"]))
    assert _senders(store) == ["person:ilmar-varenkov", "person:varenkov"]
    retract_article(store, "article:c")
    assert _senders(store) == ["person:ilmar-varenkov"]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_messages_give_the_global_graph_in_any_order(store, tmp_path, order):
    articles = [_sending("article:a", "Varenkov"), _sending("article:b", "Ilmar Varenkov"),
                _article("article:c", persons=["Dana Varenkov"])]
    for n in order:
        add_extractions(store, articles[n])
    assert export_json(store) == _clean_export(store.engine, tmp_path, articles)
