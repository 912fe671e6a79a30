"""Benchmark: the REST API under concurrent load, beside the same service calls made directly.

    python -m tests.benchmarks.api_load [--articles 10000] [--requests 200] [--concurrency 16]
                                        [--data-dir .bench/api_load] [--node-id KAZ] [--depth 1]
                                        [--rebuild]

1. Build: ingests `--articles` synthetic articles (tests/benchmarks/synthetic_articles.py)
   through the real pipeline (spaCy extraction, resolution, store writes) into an embedded
   store under `--data-dir`. A graph built earlier from the same articles is reused (10,000
   articles take about a quarter of an hour on 2 cores); `--rebuild` builds it again, as
   it must be after a change to extraction, resolution or the graph model.
2. HTTP: serves that store with `dkg serve` in a child process on a free loopback port and,
   from this process, sends `--requests` requests per target with `--concurrency` workers
   (httpx.AsyncClient): `GET /events?country=KAZ` and `GET /graph/neighborhood/{id}`.
3. Direct: the service functions those routes call, on the same store from this process,
   with as many threads and as many calls.

Prints, per target and side, requests/s, p50/p95/p99 latency and errors, and then
HTTP p50 / direct p50: what HTTP, routing and JSON add (the target is at most 1.5).
"""

import argparse
import asyncio
import hashlib
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import httpx

from api import service
from api.ingest import ingest_articles
from api.settings import Settings, open_store
from extract.pipeline import load_nlp
from graph.store import GraphStore
from tests.benchmarks.synthetic_articles import synthetic_articles

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = REPO / ".bench" / "api_load"
SEED = 2025
BUILD_CHUNK = 1000  # articles per ingest call: one progress line (and one AOF rewrite) each
PAGE = 50  # items per /events page and most relationships per neighbourhood
SERVER_START_TIMEOUT = 120.0


@dataclass(frozen=True)
class Target:
    """One query, reachable over HTTP (`path`) and directly (`call`)."""

    name: str
    path: str
    call: Callable[[GraphStore], object]


@dataclass(frozen=True)
class Figures:
    """What one load run measured."""

    requests: int
    errors: int
    seconds: float
    latencies: list[float]  # seconds, successful requests only
    first_error: str | None = None  # what the first failed request got, to say why

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: int) -> float:
        """Latency at percentile `p`, in milliseconds."""
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100)[p - 1] * 1000


def targets(*, node_id: str, depth: int) -> list[Target]:
    """The two routes measured, each with the service call it makes."""
    query = service.EventQuery(countries=["KAZ"])
    return [
        Target("events", f"/events?country=KAZ&limit={PAGE}",
               lambda store: service.find_events(store, query, limit=PAGE, offset=0)),
        Target("neighborhood", f"/graph/neighborhood/{node_id}?depth={depth}&limit={PAGE}",
               lambda store: service.neighborhood(store, node_id, depth=depth, limit=PAGE)),
    ]


# --- build ---------------------------------------------------------------------------------


def open_graph(data_dir: Path, *, articles: int, rebuild: bool) -> GraphStore:
    """The embedded store under `data_dir`, holding `articles` synthetic articles: the one
    built by an earlier run when it matches, else a new one."""
    graph_dir, marker = data_dir / "graph", data_dir / "build.json"
    wanted = {"articles": articles, "seed": SEED, "fingerprint": fingerprint()}
    built = json.loads(marker.read_text()) if marker.exists() else None
    if not rebuild and built and {k: built.get(k) for k in wanted} == wanted:
        store = open_embedded(graph_dir)
        if store.counts()["nodes"].get("Article") == built["articles_ingested"]:
            print(f"reusing the graph of {articles} articles in {graph_dir} "
                  f"(built in {built['seconds']:.0f} s)")
            return store
        store.close()
    marker.unlink(missing_ok=True)
    shutil.rmtree(graph_dir, ignore_errors=True)
    graph_dir.mkdir(parents=True)
    store = open_embedded(graph_dir)
    ingested, seconds = build(store, articles=articles)
    marker.write_text(json.dumps({**wanted, "articles_ingested": ingested, "seconds": seconds}))
    return store


def open_embedded(graph_dir: Path) -> GraphStore:
    """The embedded store on `graph_dir`, opened as `dkg serve` opens it (schema, read
    timeout), so both sides run the same queries the same way."""
    return open_store(Settings(data_dir=graph_dir, neo4j_uri=None))


def fingerprint() -> str:
    """A hash of the first articles' text: a changed generator makes a new graph."""
    texts = "\n".join(article.text for article in synthetic_articles(20, seed=SEED))
    return hashlib.sha256(texts.encode()).hexdigest()[:16]


def build(store: GraphStore, *, articles: int) -> tuple[int, float]:
    """Ingest the synthetic articles through the real pipeline; articles ingested, seconds."""
    print(f"building a graph of {articles} synthetic articles ...")
    nlp = load_nlp()
    started = time.perf_counter()
    done = ingested = events = 0
    stream = synthetic_articles(articles, seed=SEED)
    while chunk := list(islice(stream, BUILD_CHUNK)):
        report = ingest_articles(chunk, store=store, nlp=nlp)
        done += len(chunk)
        ingested += report.articles_ingested
        events += report.events
        elapsed = time.perf_counter() - started
        print(f"  {done:>6}/{articles} articles, {events} events, {elapsed:6.0f} s "
              f"({done / elapsed:.1f} articles/s)", flush=True)
    seconds = time.perf_counter() - started
    print(f"build: {ingested} articles ingested in {seconds:.1f} s "
          f"({articles / seconds:.1f} articles/s)")
    return ingested, seconds


# --- load ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(graph_dir: Path, *, log: Path) -> Iterator[str]:
    """`dkg serve` on the graph in a child process; yields its base URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_NEO4J")}
    env["DKG_DATA_DIR"] = str(graph_dir)
    command = [sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1",
               "--port", str(port)]
    with log.open("w") as log_file:
        process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                                   stderr=log_file)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base_url, process, log=log)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_healthy(base_url: str, process: subprocess.Popen, *, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"dkg serve exited with {process.returncode}; see {log}")
        try:
            if httpx.get(f"{base_url}/health", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"dkg serve did not answer within {SERVER_START_TIMEOUT:.0f} s; see {log}")


def http_load(base_url: str, target: Target, *, requests: int, concurrency: int) -> Figures:
    """`requests` GETs of the target, `concurrency` at a time, after one per worker."""
    return asyncio.run(_http_load(base_url, target.path, requests, concurrency))


async def _http_load(base_url: str, path: str, requests: int, concurrency: int) -> Figures:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:
        await _http_run(client, path, concurrency, concurrency)  # warm-up: one per worker
        return await _http_run(client, path, requests, concurrency)


async def _http_run(client: httpx.AsyncClient, path: str, requests: int,
                    concurrency: int) -> Figures:
    remaining = iter(range(requests))
    latencies: list[float] = []
    failures: list[str] = []

    async def worker() -> None:
        for _ in remaining:  # the workers share one iterator: each request is sent once
            started = time.perf_counter()
            try:
                response = await client.get(path)
            except httpx.HTTPError as e:
                failures.append(repr(e))
                continue
            if response.status_code == 200:
                latencies.append(time.perf_counter() - started)
            else:
                failures.append(f"{response.status_code} {response.text[:200]}")

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Figures(requests, len(failures), time.perf_counter() - started, latencies,
                   failures[0] if failures else None)


def direct_load(store: GraphStore, target: Target, *, requests: int,
                concurrency: int) -> Figures:
    """`requests` calls of the target's service function on `concurrency` threads, after
    one per thread."""

    def timed(_: int) -> float | str:
        started = time.perf_counter()
        try:
            target.call(store)
        except Exception as e:
            return repr(e)
        return time.perf_counter() - started

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(timed, range(concurrency)))  # warm-up: one per thread
        started = time.perf_counter()
        results = list(pool.map(timed, range(requests)))
        seconds = time.perf_counter() - started
    latencies = [r for r in results if isinstance(r, float)]
    failures = [r for r in results if isinstance(r, str)]
    return Figures(requests, len(failures), seconds, latencies,
                   failures[0] if failures else None)


# --- report --------------------------------------------------------------------------------


def print_counts(store: GraphStore) -> None:
    counts = store.counts()
    for kind in ("nodes", "relationships"):
        items = counts[kind]
        detail = ", ".join(f"{k} {v}" for k, v in sorted(items.items()))
        print(f"graph {kind}: {sum(items.values())} ({detail})")


def print_figures(rows: list[tuple[str, str, Figures]]) -> None:
    print(f"{'target':<13} {'side':<7} {'requests':>8} {'req/s':>8} {'p50 ms':>8} "
          f"{'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, side, f in rows:
        print(f"{name:<13} {side:<7} {f.requests:>8} {f.rate:>8.1f} {f.percentile(50):>8.2f} "
              f"{f.percentile(95):>8.2f} {f.percentile(99):>8.2f} {f.errors:>7}")
    for name, side, f in rows:
        if f.first_error:
            print(f"  first error of {name} {side}: {f.first_error}")


def print_ratios(http: dict[str, Figures], direct: dict[str, Figures]) -> None:
    for name in http:
        ratio = http[name].percentile(50) / direct[name].percentile(50)
        if math.isnan(ratio):
            print(f"{name}: HTTP p50 / direct p50 = n/a (too few successful requests)")
            continue
        verdict = "within" if ratio <= 1.5 else "OVER"
        print(f"{name}: HTTP p50 / direct p50 = {ratio:.2f} ({verdict} the 1.5 target)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000,
                        help="synthetic articles in the graph (default 10000)")
    parser.add_argument("--requests", type=int, default=200,
                        help="measured requests per target and side (default 200)")
    parser.add_argument("--concurrency", type=int, default=16,
                        help="requests in flight at once, HTTP workers and threads (default 16)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help=f"where the graph is built and kept (default {DEFAULT_DATA_DIR})")
    parser.add_argument("--node-id", default="KAZ",
                        help="node whose neighbourhood is asked for (default KAZ)")
    parser.add_argument("--depth", type=int, default=1, help="neighbourhood depth (default 1)")
    parser.add_argument("--rebuild", action="store_true",
                        help="build the graph again even if one of the same size is there")
    args = parser.parse_args()

    args.data_dir.mkdir(parents=True, exist_ok=True)
    store = open_graph(args.data_dir, articles=args.articles, rebuild=args.rebuild)
    try:
        print_counts(store)
        chosen = targets(node_id=args.node_id, depth=args.depth)
        for target in chosen:
            print(f"target {target.name}: GET {target.path}")
        load = {"requests": args.requests, "concurrency": args.concurrency}
        # The child server joins the embedded FalkorDB this process started, so both sides
        # query the same server.
        with served(args.data_dir / "graph", log=args.data_dir / "serve.log") as base_url:
            http = {t.name: http_load(base_url, t, **load) for t in chosen}
        direct = {t.name: direct_load(store, t, **load) for t in chosen}
    finally:
        store.close()
    print(f"\n{args.requests} requests per target, concurrency {args.concurrency}, "
          f"{args.articles} articles")
    print_figures([(name, side, figures[name]) for name in http
                   for side, figures in (("http", http), ("direct", direct))])
    print_ratios(http, direct)


if __name__ == "__main__":
    main()
