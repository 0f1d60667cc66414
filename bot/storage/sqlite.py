"""The SQLite backend: one database file, accessed through aiosqlite.

Why it is built this way:

* **Group commit.** ``Database.write``/``write_all`` queue a write; every write waiting when the
  writer gets to it goes into one ``BEGIN IMMEDIATE ... COMMIT`` (same-SQL statements through
  ``executemany``), and each call returns only after its own ``COMMIT``. A failing batch is
  retried write by write, so one bad write never fails another. Writes with the same ``key``
  (a user) keep their order; ``key=None`` is a barrier. A read with ``key`` waits for that
  user's queued writes, so nothing is reported that a crash could still undo.
* **Durability.** WAL with ``synchronous=FULL``: a replied ``/done`` survives a kill and a power
  loss; group commit pays the fsync once per batch, which is why FULL costs little.
* **Reads on their own connection** (read-only, WAL), so reads never wait for a write.
* **Reads about one user in the event loop.** A read with a ``key`` (one user's rows: a few
  indexed point queries, such as "any pending notice?") runs on a third, synchronous read-only
  connection in the event loop's thread: it takes microseconds, while a hop to aiosqlite's
  thread and back costs far more than the query. It never waits for a lock (busy_timeout 0):
  if the database is busy it asks the read connection instead.
* **Migrations** ``migrations/NNNN_name.sql``, numbered without gaps and never edited once
  shipped, each run in its own transaction that also sets ``PRAGMA user_version``. A newer or
  foreign schema is refused and the file left untouched.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import AsyncIterator, Hashable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bot import observability
from bot.storage.base import StorageError
from bot.storage.identities import SqlIdentityStore
from bot.storage.pages import SqlPageStore
from bot.storage.reminders import SqlReminderStore, claim_sql
from bot.storage.reviews import SqlReviewStore
from bot.storage.snoozes import SqlSnoozeStore
from bot.storage.sql import Migration, Params, SqlStorage, Statement, load_migrations
from bot.storage.unanswered import SqlUnansweredStore

#: Milliseconds a connection waits for a lock held by another connection before failing.
BUSY_TIMEOUT_MS = 10_000
#: FULL: a committed write survives power loss too (see the module docstring).
SYNCHRONOUS = "FULL"
#: Most writes committed in one transaction.
MAX_BATCH = 2_000
#: Problems ``PRAGMA quick_check`` reports at most (at start, before anything is written).
QUICK_CHECK_PROBLEMS = 3


@dataclass(slots=True)
class _Write:
    statements: Sequence[Statement]
    key: Hashable | None
    future: asyncio.Future[None]


def plan_batch(batch: Sequence[_Write]) -> list[tuple[str, list[Params]]]:
    """Order a batch's statements into ``executemany`` groups, keeping every required order.

    Writes with the same key keep their queue order (the n-th write of a key goes into layer n);
    a write's own statements keep their order (position within the write); a write without a
    key is a barrier that nothing is moved across.
    """
    plan: list[tuple[str, list[Params]]] = []
    groups: dict[tuple[int, int, str], list[Params]] = {}
    layers: dict[Hashable, int] = {}

    def flush() -> None:
        for (_, _, sql), rows in sorted(groups.items(), key=lambda kv: kv[0][:2]):
            plan.append((sql, rows))
        groups.clear()
        layers.clear()

    for write in batch:
        if write.key is None:
            flush()
            plan.extend((sql, [params]) for sql, params in write.statements)
            continue
        layer = layers.get(write.key, 0)
        layers[write.key] = layer + 1
        for position, (sql, params) in enumerate(write.statements):
            groups.setdefault((layer, position, sql), []).append(params)
    flush()
    return plan


class Transaction:
    """Statements run inside :meth:`Database.transaction`."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; return how many rows it changed."""
        cursor = await self._connection.execute(sql, params)
        count = cursor.rowcount
        await cursor.close()
        return count

    async def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for each parameter tuple in ``rows``."""
        await (await self._connection.executemany(sql, rows)).close()

    async def fetchall(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Run a query (or a statement with RETURNING) and return its rows."""
        return list(await self._connection.execute_fetchall(sql, params))


class Database:
    """One SQLite file: a read connection, a write connection and the group-commit queue."""

    def __init__(
        self,
        path: Path,
        writer: aiosqlite.Connection,
        reader: aiosqlite.Connection,
        quick_reader: sqlite3.Connection,
    ) -> None:
        self.path = path
        self._writer = writer
        self._reader = reader
        self._quick_reader = quick_reader
        self._closed = False
        self._lock = asyncio.Lock()
        self._queue: list[_Write] = []
        self._wakeup = asyncio.Event()
        self._last: asyncio.Future[None] | None = None
        self._last_by_key: dict[Hashable, asyncio.Future[None]] = {}
        self._committer = asyncio.create_task(self._commit_forever(), name="sqlite-group-commit")

    @classmethod
    async def open(cls, path: Path) -> Database:
        """Open, check and migrate the database at ``path``; raise :class:`StorageError`."""
        path = Path(path).expanduser()  # noqa: ASYNC240 - once, at start-up
        if path.exists() and not path.is_file():
            raise StorageError(f"{path} is not a file. Set DATABASE_PATH to a database file path.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"cannot create the folder {path.parent} for the database ({error.strerror}). "
                "Create it, or set DATABASE_PATH to a writable location."
            ) from None
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise StorageError(
                f"the folder {path.parent} is read-only, and SQLite writes its journal next to "
                "the database. Make the folder writable, or set DATABASE_PATH to a file in a "
                "writable folder."
            )
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            raise StorageError(
                f"cannot read and write the database {path}. Fix its permissions, or set "
                "DATABASE_PATH to another file."
            )
        migrations = load_migrations()
        writer = reader = None
        try:
            writer = await _connect(path)
            (version,) = (await writer.execute_fetchall("PRAGMA user_version"))[0]
            latest = migrations[-1].version
            if version > latest:
                raise StorageError(
                    f"the database {path} has schema version {version}, newer than this "
                    f"roadmap-bot understands ({latest}). Upgrade roadmap-bot, or set "
                    "DATABASE_PATH to another file. The file was left untouched."
                )
            if version == 0 and await writer.execute_fetchall("SELECT 1 FROM sqlite_master"):
                raise StorageError(
                    f"{path} is an SQLite database of some other program (it has tables but no "
                    "roadmap-bot schema version). Set DATABASE_PATH to another file; "
                    "roadmap-bot never overwrites it."
                )
            await _check_integrity(writer, path)
            await writer.execute_fetchall("PRAGMA journal_mode = WAL")
            for migration in migrations[version:]:
                await _migrate(writer, migration)
            reader = await _connect(path)
            await reader.execute_fetchall("PRAGMA query_only = ON")
            quick_reader = _connect_quick_reader(path)
        except sqlite3.Error as error:
            for connection in (writer, reader):
                if connection is not None:
                    await connection.close()
            raise StorageError(_cannot_open(path, error)) from None
        except BaseException:
            for connection in (writer, reader):
                if connection is not None:
                    await connection.close()
            raise
        return cls(path, writer, reader, quick_reader)

    async def read(
        self, sql: str, params: Params = (), *, key: Hashable | None = None
    ) -> list[sqlite3.Row]:
        """Rows of a query on committed data, after the writes queued under ``key``.

        A read about one user (``key`` given) is small: it runs on the quick connection in the
        event loop's thread, unless the database is busy.
        """
        if key is not None:
            pending = self._last_by_key.get(key)
            if pending is not None:
                await asyncio.wait([pending])
            rows = self._quick(sql, params)  # microseconds: the command's own timing has it
            if rows is not None:
                return rows
        with observability.metrics.storage("read"):
            return list(await self._reader.execute_fetchall(sql, params))

    def _quick(self, sql: str, params: Params) -> list[sqlite3.Row] | None:
        """Rows read on the quick connection, or ``None`` if a lock is held (it never waits)."""
        try:
            cursor = self._quick_reader.execute(sql, params)
            try:
                return cursor.fetchall()
            finally:
                cursor.close()  # ends the read transaction: never hold up a checkpoint
        except sqlite3.OperationalError:  # busy: a checkpoint or recovery holds a lock
            return None

    async def read_one(
        self, sql: str, params: Params = (), *, key: Hashable | None = None
    ) -> sqlite3.Row | None:
        """The first row of :meth:`read`, or ``None``."""
        rows = await self.read(sql, params, key=key)
        return rows[0] if rows else None

    def submit(
        self, statements: Sequence[Statement], key: Hashable | None = None
    ) -> asyncio.Future[None]:
        """Queue an atomic write; the future resolves after its COMMIT."""
        if self._closed:
            raise StorageError("the database is closed")
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append(_Write(tuple(statements), key, future))
        self._last = future
        if key is not None:
            self._last_by_key[key] = future

            def settled(_: asyncio.Future[None]) -> None:
                if self._last_by_key.get(key) is future:
                    del self._last_by_key[key]

            future.add_done_callback(settled)
        self._wakeup.set()
        return future

    async def write(self, sql: str, params: Params = (), *, key: Hashable | None = None) -> None:
        """Run one statement durably (group-committed)."""
        await self.submit([(sql, params)], key)

    async def write_all(
        self, statements: Sequence[Statement], *, key: Hashable | None = None
    ) -> None:
        """Run statements atomically and durably (group-committed)."""
        await self.submit(statements, key)

    async def sync(self) -> None:
        """Wait until every write queued so far has committed (or failed)."""
        if self._last is not None and not self._last.done():
            await asyncio.wait([self._last])

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        """An explicit write transaction (BEGIN IMMEDIATE under the write lock)."""
        async with self._lock:
            if self._closed:  # closed while this waited for the lock
                raise StorageError("the database is closed")
            await self._drain()
            with observability.metrics.storage("transaction"):
                try:
                    await self._writer.execute("BEGIN IMMEDIATE")
                    yield Transaction(self._writer)
                except BaseException:
                    # Also when cancelled during BEGIN, which still runs on the connection's
                    # thread: the ROLLBACK is queued behind it (a no-op outside a transaction).
                    await self._writer.rollback()
                    raise
                await self._writer.execute("COMMIT")

    async def close(self) -> None:
        """Commit queued writes and close the connections; later writes raise StorageError."""
        async with self._lock:
            await self._drain()
            self._closed = True
            self._committer.cancel()
        await asyncio.gather(self._committer, return_exceptions=True)
        self._quick_reader.close()
        await self._reader.close()
        await self._writer.close()

    async def _commit_forever(self) -> None:
        while True:
            await self._wakeup.wait()
            self._wakeup.clear()
            async with self._lock:
                await self._drain()

    async def _drain(self) -> None:
        """Commit everything queued, batch by batch (the caller holds the lock)."""
        while self._queue:
            with observability.metrics.storage("commit"):
                await self._commit(None)

    async def _commit(self, only: list[_Write] | None) -> None:
        """Commit one batch: the queue head (taken after BEGIN, so it can fill up), or ``only``."""
        batch: list[_Write] = []
        try:
            await self._writer.execute("BEGIN IMMEDIATE")
            try:
                if only is None:
                    batch = self._queue[:MAX_BATCH]
                    del self._queue[:MAX_BATCH]
                else:
                    batch = only
                for sql, rows in plan_batch(batch):
                    await self._writer.executemany(sql, rows)
                await self._writer.execute("COMMIT")
            except BaseException:
                await self._writer.rollback()
                raise
        except sqlite3.Error as error:
            if len(batch) > 1:
                for write in batch:
                    await self._commit([write])
            else:
                for write in batch:
                    write.future.set_exception(error)
            return
        except BaseException as error:
            for write in batch:
                if not write.future.done():
                    write.future.set_exception(StorageError(f"write abandoned: {error!r}"))
            raise
        for write in batch:
            if not write.future.done():
                write.future.set_result(None)


async def _check_integrity(connection: aiosqlite.Connection, path: Path) -> None:
    """Raise :class:`StorageError` if ``PRAGMA quick_check`` finds damaged pages."""
    rows = await connection.execute_fetchall(f"PRAGMA quick_check({QUICK_CHECK_PROBLEMS})")
    problems = [" ".join(str(row[0]).split()) for row in rows]
    if problems != ["ok"]:
        raise StorageError(_damaged(path, "; ".join(problems)))


def _damaged(path: Path, detail: str) -> str:
    return (
        f"the database {path} is damaged ({detail}). Restore it from a backup, or move it away "
        "to start afresh (or set DATABASE_PATH to another file); roadmap-bot never overwrites it."
    )


def _cannot_open(path: Path, error: sqlite3.Error) -> str:
    """What stopped the database at ``path`` from opening, and what to do, from SQLite's error."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF  # the primary code of an extended one
    if code == sqlite3.SQLITE_FULL:
        return (
            f"the disk holding the database {path} is full ({error}). Free some space and start "
            "again; the database was left as it was."
        )
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return (
            f"cannot write the database {path} ({error}): it, or its folder, is read-only. Make "
            "them writable, or set DATABASE_PATH to a file in a writable folder."
        )
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return _damaged(path, str(error))
    return f"cannot open the database {path} ({error}). Set DATABASE_PATH to another file."


async def _connect(path: Path) -> aiosqlite.Connection:
    connection = await aiosqlite.connect(path, isolation_level=None)
    try:
        connection.row_factory = sqlite3.Row
        await connection.execute_fetchall(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await connection.execute_fetchall("PRAGMA foreign_keys = ON")
        await connection.execute_fetchall(f"PRAGMA synchronous = {SYNCHRONOUS}")
    except BaseException:
        # aiosqlite's worker thread is not a daemon: a connection left open keeps the
        # process from exiting.
        await connection.close()
        raise
    return connection


def _connect_quick_reader(path: Path) -> sqlite3.Connection:
    """The synchronous read-only connection of the reads about one user: it never waits."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA busy_timeout = 0")
        connection.execute("PRAGMA query_only = ON")
    except BaseException:
        connection.close()
        raise
    return connection


async def _migrate(connection: aiosqlite.Connection, migration: Migration) -> None:
    script = (
        f"BEGIN IMMEDIATE;\n{migration.sql}\n;\nPRAGMA user_version = {migration.version};\nCOMMIT;"
    )
    try:
        await connection.executescript(script)
    except sqlite3.Error:
        if connection.in_transaction:
            await connection.rollback()
        raise


def backup(source: Path, target: Path) -> None:
    """Copy the database at ``source`` to the new file ``target``, consistently, while in use.

    SQLite's backup API copies the pages under one read transaction: a snapshot of committed
    data, taken while the bot keeps reading and writing (WAL lets it). The copy is written next
    to ``target`` and renamed into place, so ``target`` is never a half copy; an existing
    ``target`` is refused. Raises :class:`StorageError`.
    """
    if not source.is_file():
        raise StorageError(f"there is no database at {source} to copy (see DATABASE_PATH).")
    if target.exists():
        raise StorageError(f"{target} already exists; name a new file for the copy.")
    partial = target.with_name(f".{target.name}.partial")
    try:
        reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            writer = sqlite3.connect(partial)
            try:
                reader.backup(writer)
            finally:
                writer.close()
        finally:
            reader.close()
        partial.rename(target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise StorageError(f"could not copy {source} to {target} ({error}).") from None


class SqliteStorage(SqlStorage):
    """:class:`bot.storage.base.Storage` on one SQLite file."""

    db: Database

    @classmethod
    async def open(cls, path: Path) -> SqliteStorage:
        """Open the database at ``path`` (see :meth:`Database.open`)."""
        db = await Database.open(path)
        reminders = SqlReminderStore(db, claim_sql())
        return cls(
            db,
            reminders,
            SqlReviewStore(db),
            SqlSnoozeStore(db),
            SqlUnansweredStore(db),
            SqlPageStore(db),
            SqlIdentityStore(db),
        )
