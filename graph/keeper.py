"""The keeper of an embedded FalkorDB server: runs it while anyone uses it, then stops it.

    python -I -S keeper.py LOCK_FD CLIENTS_FILE SOCKET LOG -- REDIS-SERVER ARGS...

Started by graph/embedded.py with the data directory's exclusive lock open as LOCK_FD, it
starts the server (handing it the lock, and on Linux asking the kernel to stop it should
the keeper die), then watches CLIENTS_FILE: every process using the server holds a shared
lock on it, which the kernel releases when that process ends, however it ends. When no
process holds one any more, the keeper takes the file's exclusive lock (so no newcomer
attaches meanwhile), shuts the server down cleanly and exits. A killed `dkg` therefore never
leaves a server behind, and a server is never stopped while someone still uses it.

Standard library only, and nothing of the project: it starts with `-I -S`, in milliseconds.
"""

import ctypes
import fcntl
import os
import signal
import socket
import subprocess
import sys

POLL_S = 0.2
SHUTDOWN_GRACE_S = 10.0
_PR_SET_PDEATHSIG = 1


def _die_with_keeper() -> None:
    """In the server's process, before it runs: SIGTERM it when the keeper dies."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _shutdown(server: subprocess.Popen, socket_path: str) -> None:
    """SHUTDOWN (which writes out the append-only file), then signals if need be."""
    if server.poll() is not None:
        return
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(SHUTDOWN_GRACE_S)
            conn.connect(socket_path)
            conn.sendall(b"SHUTDOWN\r\n")
            conn.recv(64)  # the server closes the connection as it exits
    except OSError:
        server.terminate()
    try:
        server.wait(timeout=SHUTDOWN_GRACE_S)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def main(argv: list[str]) -> int:
    lock_fd, clients_path, socket_path, log_path = int(argv[0]), argv[1], argv[2], argv[3]
    command = argv[argv.index("--") + 1:]
    stopping = []
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, lambda *_: stopping.append(True))
    with open(log_path, "ab") as log:
        server = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=log, pass_fds=(lock_fd,), preexec_fn=_die_with_keeper)
    os.close(lock_fd)
    clients = os.open(clients_path, os.O_RDWR | os.O_CREAT, 0o600)
    while not stopping:
        try:
            return server.wait(timeout=POLL_S) or 0  # gone by itself (or killed)
        except subprocess.TimeoutExpired:
            pass
        try:
            fcntl.flock(clients, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break  # nobody uses the server any more; newcomers wait for us
        except BlockingIOError:
            continue
    _shutdown(server, socket_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
