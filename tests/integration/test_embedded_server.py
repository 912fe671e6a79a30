"""The embedded FalkorDB server's lifecycle: start, join, leave, restart, failure, and
processes that die without leaving."""

from __future__ import annotations

import fcntl
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph.embedded import LOCK_FILE, EmbeddedServer
from graph.errors import StoreUnavailable
from tests.conftest import ROOT

GRAPH = "lifecycle_test"
CREATE_INDEX = "CREATE INDEX FOR (n:Thing) ON (n.id)"
MERGE_THINGS = "UNWIND $ids AS id MERGE (n:Thing {id: id}) ON CREATE SET n.name = 'thing'"
COUNT_THINGS = "MATCH (n:Thing) RETURN count(n)"

MakeServer = Callable[..., EmbeddedServer]


@pytest.fixture
def make_server() -> Iterator[MakeServer]:
    """Build EmbeddedServers; every one leaves at teardown."""
    servers: list[EmbeddedServer] = []

    def make(data_dir: Path, **options: float) -> EmbeddedServer:
        server = EmbeddedServer(data_dir, **options)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


def merge_things(server: EmbeddedServer, count: int, *, batch: int = 1000) -> None:
    graph = server.connection().select_graph(GRAPH)
    for start in range(0, count, batch):
        graph.query(MERGE_THINGS, {"ids": list(range(start, min(start + batch, count)))})


def count_things(server: EmbeddedServer) -> int:
    rows = server.connection().select_graph(GRAPH).ro_query(COUNT_THINGS).result_set
    return int(rows[0][0])


def lock_is_free(data_dir: Path) -> bool:
    fd = os.open(data_dir / LOCK_FILE, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def test_started_server_answers_a_graph_query(make_server: MakeServer, tmp_path: Path) -> None:
    server = make_server(tmp_path / "data")
    server.start()

    result = server.connection().select_graph(GRAPH).query("RETURN 1 + 1")

    assert result.result_set == [[2]]
    assert server.started_server


def test_new_data_dir_is_private_to_the_user(make_server: MakeServer, tmp_path: Path) -> None:
    server = make_server(tmp_path / "data")
    server.start()

    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700


def test_server_runs_in_its_own_session(make_server: MakeServer, tmp_path: Path) -> None:
    server = make_server(tmp_path / "data")
    server.start()

    assert server.pid is not None
    assert os.getsid(server.pid) != os.getsid(0)


def test_second_server_on_same_dir_joins_the_running_one(
    make_server: MakeServer, tmp_path: Path
) -> None:
    first = make_server(tmp_path / "data")
    first.start()
    second = make_server(tmp_path / "data")
    second.start()

    assert not second.started_server
    assert second.pid == first.pid


def test_data_written_through_one_server_is_visible_through_the_other(
    make_server: MakeServer, tmp_path: Path
) -> None:
    first = make_server(tmp_path / "data")
    first.start()
    second = make_server(tmp_path / "data")
    second.start()

    merge_things(second, 10)

    assert count_things(first) == 10


def test_a_joiner_leaving_leaves_the_server_running(make_server: MakeServer,
                                                    tmp_path: Path) -> None:
    starter = make_server(tmp_path / "data")
    starter.start()
    joiner = make_server(tmp_path / "data")
    joiner.start()

    joiner.stop()

    assert starter.connection().connection.ping()


def test_the_server_outlives_the_process_that_started_it_while_others_use_it(
    make_server: MakeServer, tmp_path: Path
) -> None:
    starter = make_server(tmp_path / "data")
    starter.start()
    joiner = make_server(tmp_path / "data")
    joiner.start()
    merge_things(joiner, 5)

    starter.stop()

    assert count_things(joiner) == 5
    joiner.stop()
    assert lock_is_free(tmp_path / "data")


def test_the_last_to_leave_ends_the_server_quickly(make_server: MakeServer,
                                                  tmp_path: Path) -> None:
    server = make_server(tmp_path / "data")
    server.start()
    merge_things(server, 100)
    pid = server.pid

    started = time.monotonic()
    server.stop()
    elapsed = time.monotonic() - started

    assert elapsed < 2.0
    assert pid is not None and _gone(pid, within=1.0)


def test_the_last_to_leave_releases_the_lock(make_server: MakeServer, tmp_path: Path) -> None:
    server = make_server(tmp_path / "data")
    server.start()
    assert not lock_is_free(tmp_path / "data")

    server.stop()

    assert lock_is_free(tmp_path / "data")


def test_stop_twice_is_harmless(make_server: MakeServer, tmp_path: Path) -> None:
    server = make_server(tmp_path / "data")
    server.start()

    server.stop()
    server.stop()

    assert lock_is_free(tmp_path / "data")


def test_data_survives_a_restart(make_server: MakeServer, tmp_path: Path) -> None:
    with make_server(tmp_path / "data") as server:
        merge_things(server, 50)

    with make_server(tmp_path / "data") as server:
        assert server.started_server
        assert count_things(server) == 50


def test_restart_after_rewrite_aof_keeps_5000_merged_nodes(
    make_server: MakeServer, tmp_path: Path
) -> None:
    with make_server(tmp_path / "data") as server:
        server.connection().select_graph(GRAPH).query(CREATE_INDEX)
        merge_things(server, 5000)
        server.rewrite_aof()

    started = time.monotonic()
    with make_server(tmp_path / "data") as server:
        restart_s = time.monotonic() - started
        assert count_things(server) == 5000
    print(f"restart after rewrite_aof with 5,000 merged nodes: {restart_s * 1000:.0f} ms")


def test_stale_socket_file_does_not_prevent_start(make_server: MakeServer, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / "falkordb.sock").write_text("left behind by a killed server")
    server = make_server(data_dir)

    server.start()

    assert server.started_server
    assert server.connection().connection.ping()


def test_uncreatable_data_dir_raises_store_unavailable_naming_it(
    make_server: MakeServer, tmp_path: Path
) -> None:
    (tmp_path / "a_file").write_text("not a directory")
    data_dir = tmp_path / "a_file" / "data"
    server = make_server(data_dir)

    with pytest.raises(StoreUnavailable, match="cannot create the data directory") as caught:
        server.start()

    assert str(data_dir) in str(caught.value)


def test_server_exiting_at_start_raises_store_unavailable_with_its_log(
    make_server: MakeServer, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    (data_dir / "appendonlydir").mkdir(parents=True)
    (data_dir / "appendonlydir" / "appendonly.aof.manifest").write_text("not a manifest\n")
    server = make_server(data_dir)

    with pytest.raises(StoreUnavailable, match="exited during start-up") as caught:
        server.start()

    assert "AOF MANIFEST" in str(caught.value)
    assert lock_is_free(data_dir)


# -- processes that die without leaving ------------------------------------------------------

USER = textwrap.dedent("""
    import sys, time
    from graph.embedded import EmbeddedServer
    server = EmbeddedServer(sys.argv[1])
    server.start()
    print(server.pid, flush=True)
    time.sleep(600)
""")


def _user_process(data_dir: Path) -> tuple[subprocess.Popen, int]:
    """A process that starts (or joins) the server and then hangs: returns it and the
    server's pid."""
    process = subprocess.Popen([sys.executable, "-c", USER, str(data_dir)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True)
    return process, int(process.stdout.readline())


def _gone(pid: int, *, within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_a_killed_user_leaves_no_server_behind(tmp_path: Path) -> None:
    process, server_pid = _user_process(tmp_path / "data")
    process.kill()
    process.wait()

    assert _gone(server_pid)
    assert lock_is_free(tmp_path / "data")


def test_a_killed_starter_leaves_the_server_to_those_still_using_it(
    make_server: MakeServer, tmp_path: Path
) -> None:
    process, server_pid = _user_process(tmp_path / "data")
    joiner = make_server(tmp_path / "data")
    joiner.start()
    process.kill()
    process.wait()
    time.sleep(0.5)  # more than the keeper's poll

    merge_things(joiner, 3)

    assert joiner.pid == server_pid and count_things(joiner) == 3


def test_a_killed_server_is_started_again_on_restart(make_server: MakeServer,
                                                     tmp_path: Path) -> None:
    server = make_server(tmp_path / "data")
    server.start()
    merge_things(server, 7)
    time.sleep(1.1)  # the append-only file is synced every second
    pid = server.pid
    os.kill(pid, signal.SIGKILL)
    assert _gone(pid)

    server.restart()

    assert count_things(server) == 7


def test_startup_waits_as_long_as_told_and_says_what_it_waits_for(
    make_server: MakeServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, os, time
        fd = os.open({str(data_dir / LOCK_FILE)!r}, os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
        print("locked", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        server = make_server(data_dir, startup_timeout=2.5)
        started = time.monotonic()
        with caplog.at_level("WARNING"), pytest.raises(StoreUnavailable) as caught:
            server.start()
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert 2.5 <= waited < 5.0
    assert "DKG_STARTUP_TIMEOUT" in str(caught.value) and "2 s" in str(caught.value)
    assert any("waiting for the embedded store" in r.getMessage() for r in caplog.records)
