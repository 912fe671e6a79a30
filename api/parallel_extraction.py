"""Extraction on several cores: worker processes, each with its own spaCy pipeline.

    with ParallelExtractor(model_name, workers=2, fallback=Extractor(nlp)) as extract:
        report = ingest(records, store=store, extract=extract)

A chunk of articles is cut into one slice per worker; the slices are extracted at once and
their extractions come back in the articles' order, so the graph is the same as with one
process. The workers start only when an ingest needs a second chunk: a small ingest (a
POST, a test, a few files) is extracted in this process by `fallback`, without paying for
the workers' start (each loads the pipeline). Resolution and writes stay in this process.
"""

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from spacy.language import Language

from extract.models import Article, ArticleExtraction
from extract.pipeline import extract_articles, load_nlp

_worker_nlp: Language | None = None  # the pipeline of this worker process


def _start_worker(model_name: str | None) -> None:
    global _worker_nlp
    _worker_nlp = load_nlp(model_name)


def _extract_slice(articles: list[Article]) -> list[ArticleExtraction]:
    assert _worker_nlp is not None, "the worker's pipeline is loaded when it starts"
    return list(extract_articles(articles, nlp=_worker_nlp))


class ParallelExtractor:
    """An `Extract` (api/ingest.py) that spreads each chunk over worker processes."""

    def __init__(self, model_name: str | None, *, workers: int, fallback) -> None:
        self.model_name, self.workers, self.fallback = model_name, workers, fallback
        self._calls = 0
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "ParallelExtractor":
        return self

    def __exit__(self, *_exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def __call__(self, articles: Sequence[Article]) -> list[ArticleExtraction]:
        self._calls += 1
        if self.workers < 2 or self._calls == 1 or len(articles) < self.workers:
            return self.fallback(articles)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker, initargs=(self.model_name,))
        size = -(-len(articles) // self.workers)  # ceiling: every worker gets a slice
        slices = [list(articles[i:i + size]) for i in range(0, len(articles), size)]
        return [extraction for part in self._pool.map(_extract_slice, slices)
                for extraction in part]
