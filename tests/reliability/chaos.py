"""Chaos: kill ingests, stores, keepers and resolves at random moments, and check the graph.

    python -m tests.reliability.chaos --rounds 20 [--articles 300] [--seed 1]

A synthetic corpus (tests/benchmarks/synthetic_articles.py) is ingested once, cleanly, by
`dkg ingest`: that export is the reference. Then, round after round, on a fresh data
directory, a `dkg` workload is interrupted at a random moment by one kind of kill:

- ``ingest-kill`` / ``ingest-term``: `dkg ingest` gets SIGKILL / SIGTERM;
- ``store-kill``: the FalkorDB server gets SIGKILL while the ingest runs;
- ``store-kill-mid-write``: the same, at the moment it is executing a write;
- ``keeper-kill``: the server's keeper gets SIGKILL (the server must go down cleanly);
- ``serve-term``: `dkg serve` gets SIGTERM while an ingest is attached to its server;
- ``resolve-kill``: `dkg resolve` (with a curation that changes what merges) gets SIGKILL.

After each kill the store is opened again (the restart time is measured) and the graph
must be exactly the graph of the articles it holds: the export is compared with a clean
build of those same articles (from their stored extractions). Then the workload is run
again to the end and the export must equal the reference byte for byte (with the curation
applied, for resolve rounds). Prints rounds, kills, articles checked, mismatches (must be
0) and restart times (must stay under 5 s).
"""

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

from api.curation import load_curation
from api.export import export_json
from extract.models import ArticleExtraction
from graph.falkordb_store import FalkorDBStore
from graph.resolver import plan_update
from tests.benchmarks.synthetic_articles import synthetic_articles

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("ingest-kill", "ingest-term", "store-kill", "store-kill-mid-write", "keeper-kill",
         "serve-term", "resolve-kill")
RESTART_LIMIT_S = 5.0


@dataclass
class Tally:
    rounds: int = 0
    kills: dict[str, int] = field(default_factory=dict)
    articles_checked: int = 0
    comparisons: int = 0
    mismatches: list[str] = field(default_factory=list)
    restarts: list[float] = field(default_factory=list)

    def report(self) -> str:
        kills = ", ".join(f"{kind} {n}" for kind, n in sorted(self.kills.items()))
        restarts = (f"max {max(self.restarts):.2f} s, median "
                    f"{statistics.median(self.restarts):.2f} s") if self.restarts else "none"
        return "\n".join([
            f"rounds: {self.rounds}",
            f"kills: {sum(self.kills.values())} ({kills})",
            f"articles checked: {self.articles_checked} in {self.comparisons} comparisons",
            f"mismatches: {len(self.mismatches)}",
            *(f"  {m}" for m in self.mismatches),
            f"store restart after a kill: {restarts} (limit {RESTART_LIMIT_S:.0f} s)",
        ])


def dkg(args: list[str], data_dir: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "api.cli", *args], cwd=ROOT,
                            env={**os.environ, "DKG_DATA_DIR": str(data_dir), **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_to_end(args: list[str], data_dir: Path, **env: str) -> None:
    process = dkg(args, data_dir, **env)
    output, errors = process.communicate(timeout=1800)
    if process.returncode != 0 or "Traceback" in errors:
        raise RuntimeError(f"dkg {' '.join(args)} failed ({process.returncode}):\n{errors}")


def write_corpus(folder: Path, n: int) -> None:
    """The synthetic articles as JSONL files of 25 articles each."""
    folder.mkdir(parents=True)
    articles = list(synthetic_articles(n))
    for start in range(0, n, 25):
        with open(folder / f"part-{start // 25:03d}.jsonl", "w", encoding="utf-8") as out:
            for article in articles[start:start + 25]:
                out.write(json.dumps({"text": article.text, "title": article.title,
                                      "url": article.url, "published":
                                      article.published.isoformat() if article.published
                                      else None}) + "\n")


def server_pids(data_dir: Path) -> tuple[int | None, int | None]:
    """(server pid, keeper pid) of the embedded store on data_dir, when one runs."""
    try:
        client = redis.Redis(unix_socket_path=str(data_dir / "falkordb.sock"),
                             socket_timeout=1)
        server = int(client.info("server")["process_id"])
        client.close()
    except (redis.RedisError, OSError):
        return None, None
    try:
        keeper = int((data_dir / "falkordb.lock").read_text().strip())
    except (OSError, ValueError):
        keeper = None
    return server, keeper


def kill_mid_write(data_dir: Path, deadline: float) -> bool:
    """SIGKILL the server the moment a client of it is executing a write (GRAPH.QUERY)."""
    while time.monotonic() < deadline:
        try:
            client = redis.Redis(unix_socket_path=str(data_dir / "falkordb.sock"),
                                 socket_timeout=1, decode_responses=True)
            pid = int(client.info("server")["process_id"])
            while time.monotonic() < deadline:
                if any(c.get("cmd", "").lower() == "graph.query" and "b" in c.get("flags", "")
                       for c in client.client_list()):
                    os.kill(pid, signal.SIGKILL)
                    return True
                time.sleep(0.001)
        except (redis.RedisError, OSError, ValueError):
            time.sleep(0.05)
    return False


class Chaos:
    def __init__(self, work: Path, articles: int, seed: int) -> None:
        self.work, self.rng, self.tally = work, random.Random(seed), Tally()
        self.corpus = work / "corpus"
        write_corpus(self.corpus, articles)
        self.curation = work / "curation.json"
        reference_dir = work / "reference"
        started = time.monotonic()
        run_to_end(["ingest", str(self.corpus)], reference_dir)
        self.ingest_seconds = time.monotonic() - started
        with FalkorDBStore(reference_dir) as store:
            self.reference = export_json(store)
            ids = [row["id"] for row in store.query("list_article_ids", skip=0, limit=100_000)]
            self.extractions = {row["id"]: ArticleExtraction.model_validate_json(
                row["extraction"]) for row in store.query("list_article_states", ids=ids)}
            self._write_curation(store)
        curated_dir = work / "curated"
        run_to_end(["ingest", str(self.corpus)], curated_dir,
                   DKG_CURATION_FILE=str(self.curation))
        with FalkorDBStore(curated_dir) as store:
            self.curated_reference = export_json(store)
        print(f"corpus: {len(ids)} articles; a clean ingest takes {self.ingest_seconds:.1f} s",
              flush=True)

    def _write_curation(self, store: FalkorDBStore) -> None:
        """A curation that keeps apart the two names of some merged person, so that
        `dkg resolve` has something to change."""
        persons = [n for n in store.iter_export()[0] if n["labels"] == ["Person"]
                   and len(n["properties"].get("aliases", [])) > 1]
        pairs = [{"label": "Person", "names": sorted(p["properties"]["aliases"])[:2]}
                 for p in persons[:5]]
        self.curation.write_text(json.dumps({"must_not_merge": pairs}))

    # -- checks --------------------------------------------------------------------------

    def reopen(self, data_dir: Path) -> FalkorDBStore:
        """Open the store as every `dkg` command does (schema included), timing it."""
        started = time.monotonic()
        store = FalkorDBStore(data_dir, startup_timeout=60)
        store.apply_schema()
        self.tally.restarts.append(time.monotonic() - started)
        return store

    def check_holds_whole_articles(self, data_dir: Path, label: str,
                                   curated: bool = False) -> int:
        """The graph after a kill is exactly the graph of the articles it holds (how many
        it holds is returned)."""
        with self.reopen(data_dir) as store:
            ids = [r["id"] for r in store.query("list_article_ids", skip=0, limit=100_000)]
            found = export_json(store)
        clean_dir = Path(tempfile.mkdtemp(dir=self.work, prefix="clean-"))
        curation = load_curation(self.curation) if curated else None
        with FalkorDBStore(clean_dir) as clean:
            clean.apply_schema()
            chosen = [self.extractions[i] for i in ids]
            for start in range(0, len(chosen), 64):
                clean.transact(lambda reader, part=chosen[start:start + 64]: plan_update(
                    reader, add=part, curation=curation))
            expected = export_json(clean)
        self.compare(found, expected, f"{label}: graph after the kill ({len(ids)} articles)",
                     len(ids))
        return len(ids)

    def compare(self, found: str, expected: str, what: str, articles: int) -> None:
        self.tally.comparisons += 1
        self.tally.articles_checked += articles
        if found != expected:
            self.tally.mismatches.append(what)
            (self.work / f"mismatch-{len(self.tally.mismatches)}.json").write_text(found)

    def check_complete(self, data_dir: Path, label: str, *, curated: bool = False) -> None:
        with FalkorDBStore(data_dir) as store:
            found = export_json(store)
        expected = self.curated_reference if curated else self.reference
        self.compare(found, expected, f"{label}: graph after finishing", len(self.extractions))

    # -- rounds ------------------------------------------------------------------------------

    def round(self, n: int, kind: str) -> str:
        """Run one round; say what the kill hit."""
        data_dir = self.work / f"round-{n:02d}"
        self.tally.kills[kind] = self.tally.kills.get(kind, 0) + 1
        label = f"round {n} ({kind})"
        if kind == "resolve-kill":
            return self.resolve_round(data_dir, label)
        delay = self.rng.uniform(0.5, max(1.0, self.ingest_seconds * 0.9))
        if kind == "serve-term":
            return self.serve_round(data_dir, label, delay)
        ingest = dkg(["ingest", str(self.corpus)], data_dir)
        hit = "killed"
        if kind == "store-kill-mid-write":
            time.sleep(self.rng.uniform(0.5, 3.0))
            if not kill_mid_write(data_dir, time.monotonic() + self.ingest_seconds * 2):
                hit = "no write seen to kill"
        else:
            time.sleep(delay)
            if kind == "ingest-kill":
                ingest.kill()
            elif kind == "ingest-term":
                ingest.terminate()
            else:
                server, keeper = server_pids(data_dir)
                victim = server if kind == "store-kill" else keeper
                if victim:
                    os.kill(victim, signal.SIGKILL)
        _, errors = ingest.communicate(timeout=1800)
        if "Traceback" in errors:
            self.tally.mismatches.append(f"{label}: dkg ingest printed a traceback:\n{errors}")
        if ingest.returncode == 0 and kind in ("ingest-kill", "ingest-term"):
            hit = "too late: the ingest had finished"
        time.sleep(0.3)  # a killed keeper's server shuts down; a killed server's keeper exits
        held = self.check_holds_whole_articles(data_dir, label)
        run_to_end(["ingest", str(self.corpus)], data_dir)
        self.check_complete(data_dir, label)
        return f"{hit}; {held}/{len(self.extractions)} articles in the graph after it"

    def serve_round(self, data_dir: Path, label: str, delay: float) -> None:
        port = 20000 + self.rng.randrange(20000)
        serve = dkg(["serve", "--port", str(port)], data_dir)
        deadline = time.monotonic() + 60
        while server_pids(data_dir)[0] is None and time.monotonic() < deadline:
            time.sleep(0.1)
        ingest = dkg(["ingest", str(self.corpus)], data_dir)
        time.sleep(delay)
        serve.terminate()
        serve.communicate(timeout=60)
        before_end = ingest.poll() is None
        output, errors = ingest.communicate(timeout=1800)
        if ingest.returncode != 0 or "Traceback" in errors:
            self.tally.mismatches.append(f"{label}: the attached ingest failed:\n{errors}")
        self.check_holds_whole_articles(data_dir, label)
        self.check_complete(data_dir, label)
        return ("serve stopped while the ingest ran; it finished" if before_end
                else "too late: the ingest had finished")

    def resolve_round(self, data_dir: Path, label: str) -> str:
        run_to_end(["ingest", str(self.corpus)], data_dir)
        resolve = dkg(["resolve"], data_dir, DKG_CURATION_FILE=str(self.curation))
        time.sleep(self.rng.uniform(1.5, 1.5 + self.ingest_seconds / 3))
        resolve.kill()
        resolve.communicate(timeout=60)
        hit = "too late: resolve had finished" if resolve.returncode == 0 else "killed"
        with self.reopen(data_dir) as store:
            counts = store.counts()
        articles = counts["nodes"].get("Article", 0)
        self.tally.comparisons += 1
        self.tally.articles_checked += articles
        if articles != len(self.extractions) or not counts["relationships"]:
            self.tally.mismatches.append(f"{label}: after the kill the graph held {articles} "
                                         f"articles and {counts['relationships']}")
        run_to_end(["resolve"], data_dir, DKG_CURATION_FILE=str(self.curation))
        self.check_complete(data_dir, label, curated=True)
        return f"{hit}; {articles} articles in the graph after it"

    def run(self, rounds: int) -> Tally:
        for n in range(rounds):
            kind = KINDS[n % len(KINDS)] if n < len(KINDS) else self.rng.choice(KINDS)
            started = time.monotonic()
            what = self.round(n, kind)
            self.tally.rounds += 1
            print(f"round {n:2d} {kind:21s} {time.monotonic() - started:5.1f} s  {what}; "
                  f"mismatches so far {len(self.tally.mismatches)}", flush=True)
        return self.tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dkg-chaos-"))
    try:
        tally = Chaos(work, options.articles, options.seed).run(options.rounds)
        print(tally.report())
        ok = not tally.mismatches and max(tally.restarts, default=0) < RESTART_LIMIT_S
        return 0 if ok else 1
    finally:
        if options.keep:
            print(f"work folder: {work}")
        else:
            subprocess.run(["rm", "-rf", str(work)], check=False)


if __name__ == "__main__":
    sys.exit(main())
