"""The `dkg` command line, run as a user runs it, on an empty data directory."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.e2e.conftest import run_dkg


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory):
    data_dir = tmp_path_factory.mktemp("cli") / "data"
    first = run_dkg(["ingest", str(SAMPLES)], data_dir=data_dir)
    return data_dir, first


def _graph_counts(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("graph ")]


def test_ingest_prints_a_summary_with_counts(ingested):
    _, first = ingested
    assert first.returncode == 0, first.stderr
    assert "ingested 11 articles" in first.stdout
    assert "skipped 0" in first.stdout
    assert "created" in first.stdout and len(_graph_counts(first.stdout)) == 2


def test_a_second_ingest_of_the_same_files_changes_nothing(ingested, tmp_path: Path):
    data_dir, first = ingested
    before = run_dkg(["export", "--out", str(tmp_path / "before.json")], data_dir=data_dir)
    second = run_dkg(["ingest", str(SAMPLES)], data_dir=data_dir)
    after = run_dkg(["export", "--out", str(tmp_path / "after.json")], data_dir=data_dir)
    assert second.returncode == 0, second.stderr
    assert "ingested 0 articles" in second.stdout and "8 already in the graph" in second.stdout
    assert "created 0 nodes and 0 relationships" in second.stdout
    assert _graph_counts(second.stdout) == _graph_counts(first.stdout)
    assert before.returncode == after.returncode == 0
    assert (tmp_path / "before.json").read_bytes() == (tmp_path / "after.json").read_bytes()


def test_a_path_that_does_not_exist_exits_2_and_names_it(tmp_path: Path):
    done = run_dkg(["ingest", str(SAMPLES), str(tmp_path / "nwes")], data_dir=tmp_path / "d")
    assert done.returncode == 2
    assert "nwes" in done.stderr and "ingested 11 articles" in done.stdout


def test_a_folder_of_only_unreadable_files_exits_1(tmp_path: Path):
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\x00\x01")
    (folder / "b.json").write_text("{nope")
    done = run_dkg(["ingest", str(folder)], data_dir=tmp_path / "d")
    assert done.returncode == 1 and "skipped 2" in done.stdout


def test_unreadable_inputs_are_reported_and_the_run_goes_on(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "broken.json").write_text("{not json")
    (tmp_path / "in" / "good.txt").write_text(
        "DATE: 2026-02-02\n\nASTANA, Feb 2 -- Kazakh Foreign Minister Arman Bekov met with "
        "Lao Ambassador Somsak Vongsa in Astana on Monday to discuss transit trade.\n"
    )
    result = run_dkg(["ingest", str(tmp_path / "in")], data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "ingested 1 articles" in result.stdout and "skipped 3" in result.stdout
    for reason in ("unsupported file type '.pdf'", "empty file", "invalid JSON"):
        assert reason in result.stdout


def test_export_writes_the_graph_contract(ingested, tmp_path: Path):
    data_dir, _ = ingested
    out = tmp_path / "graph.json"
    result = run_dkg(["export", "--format", "json", "--out", str(out)], data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    graph = json.loads(out.read_text(encoding="utf-8"))
    ids = {node["id"] for node in graph["nodes"]}
    assert set(graph) == {"nodes", "relationships"}
    assert all(set(n) == {"id", "labels", "properties"} for n in graph["nodes"])
    assert all(set(r) == {"type", "start", "end", "properties"} for r in graph["relationships"])
    assert all(r["start"] in ids and r["end"] in ids for r in graph["relationships"])
    events = [n for n in graph["nodes"] if n["labels"] == ["Event"]]
    dated = [e["properties"]["date"] for e in events if e["properties"].get("date")]
    assert dated and all(len(d) == 10 and d[4] == "-" for d in dated)


def test_export_refuses_an_unknown_format(ingested):
    data_dir, _ = ingested
    result = run_dkg(["export", "--format", "xml"], data_dir=data_dir)
    assert result.returncode == 2 and "unknown format" in result.stderr


def test_stats_prints_node_and_relationship_counts(ingested):
    data_dir, first = ingested
    result = run_dkg(["stats"], data_dir=data_dir)
    assert result.returncode == 0
    assert _graph_counts(result.stdout) == _graph_counts(first.stdout)


def test_demo_without_serving_ingests_the_bundled_samples(tmp_path: Path):
    result = run_dkg(["demo", "--no-serve"], data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "ingested 11 articles" in result.stdout and "demo data ready" in result.stdout


def test_neo4j_init_needs_a_neo4j_uri(tmp_path):
    result = run_dkg(["neo4j", "init"], data_dir=tmp_path / "data")
    assert result.returncode == 2 and "DKG_NEO4J_URI" in result.stderr


def test_an_unreachable_neo4j_says_what_to_check(tmp_path):
    env = {**os.environ, "DKG_DATA_DIR": str(tmp_path / "data"),
           "DKG_NEO4J_URI": "bolt://127.0.0.1:9"}
    result = subprocess.run([sys.executable, "-m", "api.cli", "neo4j", "init"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "cannot reach Neo4j at bolt://127.0.0.1:9" in result.stderr
    assert "DKG_NEO4J_URI" in result.stderr


def test_push_needs_a_neo4j_uri(tmp_path):
    result = run_dkg(["push", "--to", "neo4j"], data_dir=tmp_path / "data")
    assert result.returncode == 2 and "DKG_NEO4J_URI is not set" in result.stderr


def test_push_to_an_unreachable_neo4j_says_what_to_check(tmp_path):
    env = {**os.environ, "DKG_DATA_DIR": str(tmp_path / "data"),
           "DKG_NEO4J_URI": "bolt://127.0.0.1:9"}
    result = subprocess.run([sys.executable, "-m", "api.cli", "push", "--to", "neo4j"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "cannot reach Neo4j at bolt://127.0.0.1:9" in result.stderr
    assert "DKG_NEO4J_URI" in result.stderr
    assert not (tmp_path / "data").exists()  # the embedded store was never started


def test_push_refuses_an_unknown_target(tmp_path):
    result = run_dkg(["push", "--to", "sqlite"], data_dir=tmp_path / "data")
    assert result.returncode == 2 and "unknown target 'sqlite'" in result.stderr


# `dkg push` as a user runs it, with a second embedded store standing in for Neo4j (no
# Neo4j server runs here): the opener of the target is swapped before the CLI starts.
PUSH_STAND_IN = (
    "import sys; from pathlib import Path; import api.settings as s; "
    "from graph.falkordb_store import FalkorDBStore; target = Path(sys.argv.pop(1)); "
    "s.open_neo4j_store = lambda settings: s._with_schema(FalkorDBStore(target)); "
    "from api.cli import app; app()"
)


def _push(data_dir: Path, target: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DKG_DATA_DIR": str(data_dir), "DKG_NEO4J_URI": "bolt://stand-in"}
    return subprocess.run([sys.executable, "-c", PUSH_STAND_IN, str(target), "push",
                           "--to", "neo4j", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_push_copies_every_node_and_relationship_and_a_second_push_adds_nothing(ingested,
                                                                                  tmp_path):
    data_dir, first = ingested
    counts = _graph_counts(first.stdout)
    nodes, relationships = (int(line.split(":")[1].split("(")[0]) for line in counts)
    pushed = _push(data_dir, tmp_path / "target", "--batch-size", "25")
    assert pushed.returncode == 0, pushed.stderr
    assert (f"pushed {nodes} nodes and {relationships} relationships ({nodes} nodes and "
            f"{relationships} relationships new)") in pushed.stdout
    assert f"{nodes}/{nodes} nodes, {relationships}/{relationships} relationships" in \
        pushed.stderr
    again = _push(data_dir, tmp_path / "target")
    assert again.returncode == 0, again.stderr
    assert "(0 nodes and 0 relationships new)" in again.stdout
    stats = run_dkg(["stats"], data_dir=tmp_path / "target")
    assert _graph_counts(stats.stdout) == counts


def test_browser_kit_writes_the_style_and_the_guide_and_says_how_to_load_them(tmp_path: Path):
    folder = tmp_path / "kit"
    result = run_dkg(["browser-kit", str(folder)], data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["dkg-guide.html", "dkg-style.grass"]
    assert "node.Country" in (folder / "dkg-style.grass").read_text(encoding="utf-8")
    assert '<pre class="runnable">:param country =&gt; \'KAZ\'</pre>' in (
        folder / "dkg-guide.html").read_text(encoding="utf-8")
    for hint in (":style", ":guide http://localhost:8001/dkg-guide.html", ":param",
                 "browser.remote_content_hostname_whitelist"):
        assert hint in result.stdout


def test_browser_kit_serves_the_kit_to_neo4j_browser(tmp_path: Path):
    import socket
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "DKG_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "browser-kit", str(tmp_path / "kit"), "--serve",
         "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    try:
        url = f"http://127.0.0.1:{port}/dkg-guide.html"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    body = response.read().decode("utf-8")
                    allowed = response.headers["Access-Control-Allow-Origin"]
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        assert allowed == "*" and "<slide" in body
    finally:
        process.terminate()
        stdout, _ = process.communicate(timeout=30)
    assert f":style http://localhost:{port}/dkg-style.grass" in stdout
