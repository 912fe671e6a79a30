"""Idempotent in every order: whatever the order, grouping and repetition of ingests (by
the ingest service and by POST /articles) and retractions, the same articles give the
same graph, byte for byte in the export. A property test (hypothesis) over a corpus the
project writes itself, and the shared corpora in several groupings."""

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from api.export import export_json
from api.extraction_worker import ExtractionWorker
from api.ingest import Extractor, ingest
from api.retraction import retract_article
from api.settings import Settings
from extract.models import Article, ArticleExtraction
from extract.reading import read_articles
from graph.falkordb_store import FalkorDBStore
from tests.benchmarks.synthetic_articles import synthetic_articles
from tests.conftest import SHARED

pytestmark = pytest.mark.model

# Articles that move each other's mentions around: a surname alone, then the full name,
# then a namesake that makes the surname ambiguous; an acronym defined late; one event
# told by three outlets, one of them without a date.
HANDWRITTEN = [
    "BISHKEK -- The Steppe Media Week in Astana drew editors from Kyrgyzstan, Tokbergenov "
    "told the Kabar news agency.",
    "ASTANA, March 3 -- Kazakh Information Minister Nurlan Tokbergenov opened the Steppe "
    "Media Week in Astana on March 3, 2026, hosted by the Aral News Agency (ANA).",
    "ALMATY, March 9 -- Dana Tokbergenov, director of the Caspian Film Fund, met Uzbek "
    "Ambassador Bakhrom Aliyev in Almaty on March 9, 2026.",
    "TASHKENT, March 4 -- ANA and Uzbek Culture Minister Gulnora Karimova signed a "
    "memorandum on news exchange in Tashkent on March 4, 2026.",
    "ASTANA, March 3 -- Tokbergenov opened the Steppe Media Week in Astana on Tuesday.",
]


@dataclass(frozen=True)
class Corpus:
    articles: list[Article]
    extract: Callable[[Sequence[Article]], list[ArticleExtraction]]


def _cached(nlp, articles: list[Article]) -> Callable[[Sequence[Article]], list]:
    """Extraction done once per article (it depends on the article alone)."""
    extractor = Extractor(nlp)
    done = {a.id: extractor([a]) for a in articles}
    return lambda batch: [x for a in batch for x in done[a.id]]


@pytest.fixture(scope="module")
def corpus(nlp) -> Corpus:
    from extract.reading import article_from_text

    articles = [article_from_text(text, title=f"Story {n}") for n, text in enumerate(HANDWRITTEN)]
    articles += list(synthetic_articles(14, seed=11))
    return Corpus(articles, _cached(nlp, articles))


@pytest.fixture(scope="module")
def server_dir(tmp_path_factory) -> Iterator[Path]:
    """One embedded server for the module; each graph below is a graph of its own on it."""
    data_dir = tmp_path_factory.mktemp("order") / "data"
    with FalkorDBStore(data_dir):
        yield data_dir


class Graphs:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir, self.made = data_dir, 0

    def fresh(self) -> FalkorDBStore:
        self.made += 1
        store = FalkorDBStore(self.data_dir, graph_name=f"order{self.made}")
        store.apply_schema()
        return store


@pytest.fixture(scope="module")
def graphs(server_dir) -> Graphs:
    return Graphs(server_dir)


@pytest.fixture(scope="module")
def reference(corpus, graphs) -> str:
    store = graphs.fresh()
    try:
        ingest(corpus.articles, store=store, extract=corpus.extract)
        return export_json(store)
    finally:
        store.close()


def _post(store: FalkorDBStore, corpus: Corpus, articles: list[Article]) -> None:
    app = create_app(Settings(api_key=None), store=store, listen_host="127.0.0.1")
    app.state.extraction = ExtractionWorker(corpus.extract)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        for article in articles:
            body: dict[str, Any] = {"text": article.text, "title": article.title,
                                    "url": article.url}
            if article.published:
                body["published"] = article.published.isoformat()
            assert client.post("/articles", json=body).status_code in (200, 201)


# Each step: ("ingest" | "post" | "retract", indices of articles).
steps = st.lists(st.tuples(st.sampled_from(["ingest", "ingest", "post", "retract"]),
                           st.lists(st.integers(0, 18), min_size=1, max_size=8)),
                 min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps, final_order=st.randoms(use_true_random=False))
def test_no_order_grouping_or_repetition_changes_the_export(plan, final_order, corpus,
                                                            graphs, reference):
    articles = corpus.articles
    store = graphs.fresh()
    try:
        for action, indices in plan:
            batch = [articles[i % len(articles)] for i in indices]
            if action == "ingest":
                ingest(batch, store=store, extract=corpus.extract)
            elif action == "post":
                _post(store, corpus, batch)
            else:
                for article in batch:
                    if store.query("get_article_ids", ids=[article.id]):
                        retract_article(store, article.id)
        rest = list(articles)
        final_order.shuffle(rest)
        ingest(rest, store=store, extract=corpus.extract)  # whatever is missing goes in
        assert export_json(store) == reference
    finally:
        store.execute("delete_all")
        store.close()


def test_the_corpus_is_one_that_resolution_has_to_revise(corpus, graphs):
    """The property above means something: ingesting the handwritten articles one by one
    moves earlier mentions (a surname alone joins the full name that comes next, and stands
    alone again when a namesake comes)."""
    store = graphs.fresh()
    try:
        rewritten = 0
        for article in corpus.articles[:5]:
            from graph.resolver import plan_update

            update, _ = store.transact(lambda reader, a=article: plan_update(
                reader, add=corpus.extract([a])))
            rewritten += len(update.rewritten)
        assert rewritten >= 2
    finally:
        store.close()


# -- the shared corpora ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared(nlp) -> Corpus:
    folders = [SHARED / "seeds", SHARED / "corpus" / "dev", SHARED / "corpus" / "dev2"]
    if not all(folder.is_dir() for folder in folders):
        pytest.skip(f"the shared corpora are not in {SHARED}")
    articles = [a for a in read_articles(folders) if isinstance(a, Article)]
    return Corpus(articles, _cached(nlp, articles))


@pytest.mark.parametrize("grouping", ["folders", "folders reversed", "ten shuffled batches",
                                      "one at a time, shuffled", "everything twice"])
def test_the_shared_corpora_give_one_graph_however_they_are_grouped(shared, graphs, grouping):
    articles = shared.articles
    by_folder: dict[str, list[Article]] = {}
    for article in articles:
        by_folder.setdefault(str(Path(article.path).parent), []).append(article)
    shuffled = random.Random(5).sample(articles, len(articles))
    batches = {
        "folders": list(by_folder.values()),
        "folders reversed": list(reversed(by_folder.values())),
        "ten shuffled batches": [shuffled[i::10] for i in range(10)],
        "one at a time, shuffled": [[a] for a in shuffled],
        "everything twice": [articles, articles],
    }[grouping]
    exports = []
    for run in ([articles], batches):
        store = graphs.fresh()
        try:
            for batch in run:
                ingest(batch, store=store, extract=shared.extract)
            exports.append(export_json(store))
        finally:
            store.execute("delete_all")
            store.close()
    assert exports[0] == exports[1]
