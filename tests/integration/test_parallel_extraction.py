"""Extraction on worker processes gives what one process gives, in the articles' order."""

from api.ingest import Extractor
from api.parallel_extraction import ParallelExtractor
from tests.benchmarks.synthetic_articles import synthetic_article


def test_workers_extract_what_one_process_does_in_the_same_order(nlp):
    chunks = [[synthetic_article(i, seed=7) for i in range(start, start + 5)]
              for start in (0, 5, 10)]
    alone = Extractor(nlp)
    with ParallelExtractor(None, workers=2, fallback=alone) as parallel:
        spread = [parallel(chunk) for chunk in chunks]
        assert parallel._pool is not None  # the second chunk on went to the workers
    expected = [alone(chunk) for chunk in chunks]
    assert [[e.model_dump() for e in part] for part in spread] == [
        [e.model_dump() for e in part] for part in expected]


def test_one_worker_or_a_single_chunk_starts_no_process(nlp):
    chunk = [synthetic_article(i, seed=7) for i in range(3)]
    with ParallelExtractor(None, workers=1, fallback=Extractor(nlp)) as one:
        one(chunk), one(chunk)
        assert one._pool is None
    with ParallelExtractor(None, workers=2, fallback=Extractor(nlp)) as small:
        small(chunk)
        assert small._pool is None
