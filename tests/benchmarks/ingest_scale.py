"""Ingest at archive scale: synthetic articles in chunks into one fresh embedded store.

    python -m tests.benchmarks.ingest_scale --articles 100000          # the issue's run
    python -m tests.benchmarks.ingest_scale --articles 2000 --chunk 500  # a quick look

Prints, per chunk: seconds, articles/s, the store's nodes and relationships, the peak
resident memory of this process and of the store's server. Then a re-ingest of the first
chunk (it must create nothing and take a small fraction of the first pass) and the raw
`nlp.pipe(n_process=workers)` words/s on the first chunk's texts, for the ratio of ingest
throughput to the parallel trained pipeline. Figures, not a timed test: the machine is
shared, so compare ratios measured in one run.
"""

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from api.ingest import Extractor, ingest
from api.parallel_extraction import ParallelExtractor
from api.settings import Settings, open_embedded_store
from extract.pipeline import load_nlp
from tests.benchmarks.synthetic_articles import synthetic_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes extracting (as `dkg ingest --workers`) and for the "
                        "raw nlp.pipe figure")
    args = parser.parse_args()
    nlp = load_nlp()
    with (tempfile.TemporaryDirectory(prefix="dkg-scale-") as data_dir,
          ParallelExtractor(None, workers=args.workers, fallback=Extractor(nlp)) as extract):
        store = open_embedded_store(Settings(data_dir=Path(data_dir)))
        try:
            first = _chunks(args)
            print(f"{'chunk':>5} {'articles':>15} {'seconds':>8} {'art/s':>7} {'nodes':>8} "
                  f"{'rels':>9} {'rss MB':>7} {'store MB':>8}")
            times = []
            for n, (start, end) in enumerate(first, start=1):
                articles = [synthetic_article(i, seed=args.seed) for i in range(start, end)]
                began = time.perf_counter()
                ingest(articles, store=store, extract=extract)
                seconds = time.perf_counter() - began
                times.append(seconds)
                nodes, rels = _totals(store)
                rate = len(articles) / seconds
                print(f"{n:>5} {start + 1:>7}-{end:<7} {seconds:>8.1f} {rate:>7.1f} {nodes:>8}"
                      f" {rels:>9} {_own_peak_mb():>7.0f} {_store_peak_mb(store):>8.0f}",
                      flush=True)
            print(f"last chunk / first chunk: {times[-1] / times[0]:.2f}")
            _re_ingest(args, store, extract, times[0])
            _raw_pipeline(args, nlp, sum(times), args.articles)
        finally:
            store.close()


def _chunks(args: argparse.Namespace) -> list[tuple[int, int]]:
    return [(start, min(start + args.chunk, args.articles))
            for start in range(0, args.articles, args.chunk)]


def _totals(store) -> tuple[int, int]:
    counts = store.counts()
    return sum(counts["nodes"].values()), sum(counts["relationships"].values())


def _re_ingest(args, store, extract, first_seconds: float) -> None:
    before = _totals(store)
    articles = [synthetic_article(i, seed=args.seed) for i in range(min(args.chunk, args.articles))]
    began = time.perf_counter()
    report = ingest(articles, store=store, extract=extract)
    seconds = time.perf_counter() - began
    after = _totals(store)
    print(f"re-ingest of the first {len(articles)}: {seconds:.1f} s "
          f"({first_seconds / seconds:.0f}x faster than the first pass), "
          f"{report.articles_known} known, {after[0] - before[0]} new nodes, "
          f"{after[1] - before[1]} new relationships")


def _raw_pipeline(args, nlp, ingest_seconds: float, ingested: int) -> None:
    texts = [synthetic_article(i, seed=args.seed).text
             for i in range(min(args.chunk, args.articles))]
    words = sum(len(t.split()) for t in texts)
    began = time.perf_counter()
    list(nlp.pipe(texts, n_process=args.workers, batch_size=64))
    raw_seconds = time.perf_counter() - began
    raw_rate = len(texts) / raw_seconds
    ingest_rate = ingested / ingest_seconds
    print(f"raw nlp.pipe (n_process={args.workers}) on {len(texts)} texts: "
          f"{words / raw_seconds:.0f} words/s, {raw_rate:.1f} articles/s; "
          f"ingest {ingest_rate:.1f} articles/s: ratio {ingest_rate / raw_rate:.2f}")


def _own_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _store_peak_mb(store) -> float:
    """The store server's peak resident memory (VmHWM), 0 when it cannot be read."""
    pid = getattr(getattr(store, "_server", None), "pid", None)
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (OSError, TypeError):
        return 0.0
    line = next((row for row in status.splitlines() if row.startswith("VmHWM:")),
                "VmHWM: 0 kB")
    return int(line.split()[1]) / 1024


if __name__ == "__main__":
    main()
