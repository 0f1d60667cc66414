"""The SQLite storage: one database file, accessed through aiosqlite.

Public API for other stores built on the same file (``bot.storage.reminders``)
-----------------------------------------------------------------------------
``Database`` (``storage.db``) owns two aiosqlite connections to the file:

* ``await db.read(sql, params)`` -> ``list[sqlite3.Row]`` and ``await db.read_one(...)`` -> row or
  ``None``: run on a read-only connection and see only committed data (WAL lets reads run while
  a write is in progress).
* ``await db.write(sql, params, key=user_key)`` and ``await db.write_all([(sql, params), ...],
  key=user_key)``: queued and *group-committed*: every write waiting when the writer gets to it
  goes into one ``BEGIN IMMEDIATE ... COMMIT``, statements with the same SQL executed together
  with ``executemany``. The call returns only after its ``COMMIT`` (durable), or raises the
  ``sqlite3.Error`` of its own statements (a failing batch is retried write by write, so one bad
  write never fails another). ``write_all`` is atomic. Writes with the same ``key`` run in the
  order they were queued; writes with different keys may be reordered within a batch, so pass
  ``key=user_key`` only for writes that touch nothing but that user's rows. ``key=None``
  (the default) keeps the write in strict queue order relative to every other write.
  Writes return no row counts; use a transaction when you need them.
* ``async with db.transaction() as tx:`` takes the write lock, flushes queued writes, then runs
  ``BEGIN IMMEDIATE``; ``await tx.execute(sql, params)`` -> rowcount, ``await tx.executemany(sql,
  rows)``, ``await tx.fetchall(sql, params)`` -> rows (these see the transaction's own changes).
  Commits on exit, rolls back on an exception. Never call ``db.write`` (or ``db.sync``) inside
  a transaction: it would wait for the lock the transaction holds.
* ``ensure_user(user_key, at)`` -> the statement that creates the ``users`` row if missing; put
  it first in a ``write_all`` for a table that references ``users`` (every per-user table must,
  with ``ON DELETE CASCADE``, so that ``forget_user`` deletes it).
* ``await db.sync()``: wait until every write queued so far has committed.

Durability: WAL mode with ``synchronous=FULL``. A write returns only after its ``COMMIT``, so a
replied ``/done`` survives the process being killed (that alone needs only NORMAL in WAL mode)
*and* a power loss or OS crash (FULL syncs the WAL on every commit). Group commit pays that
fsync once per batch, not once per write, which is why FULL costs little here.

Migrations: ``bot/storage/migrations/NNNN_name.sql``, numbered from 0001 without gaps and never
edited once shipped. On open every file above ``PRAGMA user_version`` runs in its own
transaction which also sets ``user_version`` to its number. A migration must not contain
BEGIN/COMMIT itself.
"""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
from collections.abc import AsyncIterator, Hashable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

from bot import observability
from bot.lru import LruCache
from bot.storage import Storage, StorageError, UserRecord
from bot.storage.reminders import SqliteReminderStore
from bot.storage.reviews import SqliteReviewStore, enter_statement
from bot.storage.snoozes import SqliteSnoozeStore
from bot.storage.unanswered import SqliteUnansweredStore

#: Milliseconds a connection waits for a lock held by another connection before failing.
BUSY_TIMEOUT_MS = 10_000
#: FULL: a committed write survives power loss too (see the module docstring).
SYNCHRONOUS = "FULL"
#: Most writes committed in one transaction.
MAX_BATCH = 2_000
#: Problems ``PRAGMA quick_check`` reports at most (at start, before anything is written).
QUICK_CHECK_PROBLEMS = 3
#: Users whose checklist, record and notice flag are kept in memory (least recently used dropped).
CACHE_USERS = 20_000

MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
LOAD_USER = """
SELECT 'user', track, timezone, created_at FROM users WHERE user_key = :user
UNION ALL SELECT 'done', item_id, NULL, NULL FROM checklist WHERE user_key = :user
UNION ALL SELECT 'notices', NULL, NULL, NULL WHERE EXISTS (
    SELECT 1 FROM notices WHERE user_key = :user
)
"""
#: The columns of a review row besides its topic, copied when a topic id is carried over.
_REVIEW_COLUMNS = "user_key, stage, due_date, reviewed_date, right_count, wrong_count"
ENSURE_USER = "INSERT INTO users (user_key, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"

Params = Sequence[Any] | Mapping[str, Any]
Statement = tuple[str, Params]


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step."""

    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """The shipped migrations in order; raise ``RuntimeError`` if their numbering has a gap."""
    folder = resources.files("bot.storage") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda migration: migration.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 0001, 0002, ... without gaps: {found}")
    return found


def ensure_user(user_key: str, at: datetime) -> Statement:
    """The statement creating ``user_key``'s row (created ``at``) if it does not exist yet."""
    return ENSURE_USER, (user_key, _iso(at))


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


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
        self, path: Path, writer: aiosqlite.Connection, reader: aiosqlite.Connection
    ) -> None:
        self.path = path
        self._writer = writer
        self._reader = reader
        self._lock = asyncio.Lock()
        self._queue: list[_Write] = []
        self._wakeup = asyncio.Event()
        self._last: asyncio.Future[None] | None = None
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
        return cls(path, writer, reader)

    async def read(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Rows of a query on committed data."""
        with observability.metrics.storage("read"):
            return list(await self._reader.execute_fetchall(sql, params))

    async def read_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """The first row of a query on committed data, or ``None``."""
        rows = await self.read(sql, params)
        return rows[0] if rows else None

    def submit(
        self, statements: Sequence[Statement], key: Hashable | None = None
    ) -> asyncio.Future[None]:
        """Queue an atomic write; the future resolves after its COMMIT."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append(_Write(tuple(statements), key, future))
        self._last = future
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
        """Commit queued writes and close both connections."""
        async with self._lock:
            await self._drain()
            self._committer.cancel()
        await asyncio.gather(self._committer, return_exceptions=True)
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


class SqliteStorage(Storage):
    """:class:`bot.storage.Storage` on one SQLite file, with a write-through per-user cache.

    The cache holds each recently seen user's ticked items, record and whether they have
    notices. It is authoritative for users in it (every write goes through this object and
    updates it before queueing the write), so ``/progress`` and ``take_notices`` usually need no
    database round trip. Answers about a user wait for that user's queued writes to commit, so
    nothing is ever reported that a crash could still undo.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._done: LruCache[str, set[str]] = LruCache(CACHE_USERS)
        self._users: LruCache[str, UserRecord] = LruCache(CACHE_USERS)
        self._has_notices: LruCache[str, bool] = LruCache(CACHE_USERS)
        self._notice_adds = 0
        self._loading: dict[str, asyncio.Future[None]] = {}
        self._writes: dict[str, asyncio.Future[None]] = {}
        self.reminders = SqliteReminderStore(db)
        self.reviews = SqliteReviewStore(db, self._ensure_user)
        self.snoozes = SqliteSnoozeStore(db, self._ensure_user)
        self.unanswered = SqliteUnansweredStore(db)

    @classmethod
    async def open(cls, path: Path) -> SqliteStorage:
        """Open the database at ``path`` (see :meth:`Database.open`)."""
        return cls(await Database.open(path))

    # -- plumbing ------------------------------------------------------------------------------

    def _submit(self, user_key: str, statements: Sequence[Statement]) -> asyncio.Future[None]:
        future = self.db.submit(statements, key=user_key)
        self._writes[user_key] = future

        def settled(_: asyncio.Future[None]) -> None:
            if self._writes.get(user_key) is future:
                del self._writes[user_key]

        future.add_done_callback(settled)
        return future

    async def _settled(self, user_key: str) -> None:
        """Wait until the user's queued writes have committed."""
        pending = self._writes.get(user_key)
        if pending is not None:
            await asyncio.wait([pending])

    async def _load(self, user_key: str) -> None:
        """Read the user's record, ticks and notice flag in one query into the cache.

        Entries already cached are kept: they are authoritative (see the class docstring).
        """
        loading = self._loading.get(user_key)
        if loading is not None:
            await asyncio.shield(loading)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._loading[user_key] = future
        try:
            await self._settled(user_key)
            rows = await self.db.read(LOAD_USER, {"user": user_key})
            record, items, notices = UserRecord(user_key), set(), False
            for kind, first, second, third in rows:
                if kind == "user":
                    created = datetime.fromisoformat(third)
                    record = UserRecord(user_key, first, second, created)
                elif kind == "done":
                    items.add(first)
                else:
                    notices = True
            self._users.put_if_absent(user_key, record)
            self._done.put_if_absent(user_key, items)
            self._has_notices.put_if_absent(user_key, notices)
            future.set_result(None)
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # retrieved: waiters (if any) get it re-raised
            raise
        finally:
            del self._loading[user_key]

    async def _items(self, user_key: str) -> set[str]:
        """The user's ticked items: the cached, mutable set."""
        while (items := self._done.get(user_key)) is None:
            await self._load(user_key)
        return items

    def _ensure_user(self, user_key: str, at: datetime) -> Statement:
        """The statement creating the user's row; keeps a cached blank record in step."""
        cached = self._users.get(user_key)
        if cached is not None and cached.created is None:
            self._users.put(user_key, replace(cached, created=at))
        return ensure_user(user_key, at)

    async def _write_items(self, user_key: str, statements: Sequence[Statement]) -> None:
        """Write a checklist change; on failure forget the cached set so it is reloaded."""
        try:
            await self._submit(user_key, statements)
        except BaseException:
            self._done.pop(user_key)
            raise

    # -- users ---------------------------------------------------------------------------------

    async def get_user(self, user_key: str) -> UserRecord:
        """The user's record (see :meth:`Storage.get_user`)."""
        while (record := self._users.get(user_key)) is None:
            await self._load(user_key)
        return record

    async def _update_user(self, user_key: str, column: str, value: str | None) -> None:
        record = await self.get_user(user_key)
        created = record.created or datetime.now(UTC)
        self._users.put(user_key, replace(record, created=created, **{column: value}))
        await self._submit(
            user_key,
            [
                ensure_user(user_key, created),
                (f"UPDATE users SET {column} = ? WHERE user_key = ?", (value, user_key)),  # noqa: S608
            ],
        )

    async def set_track(self, user_key: str, track: str | None) -> None:
        """Choose the user's track, or ``None`` for the whole roadmap."""
        await self._update_user(user_key, "track", track)

    async def set_timezone(self, user_key: str, zone: str | None) -> None:
        """Set (or clear) the user's IANA time zone name."""
        await self._update_user(user_key, "timezone", zone)

    # -- checklist -----------------------------------------------------------------------------

    async def done_items(self, user_key: str) -> frozenset[str]:
        """Every item the user ticked."""
        items = await self._items(user_key)
        await self._settled(user_key)
        return frozenset(items)

    async def mark_done(self, user_key: str, item_id: str, at: datetime, local_date: date) -> bool:
        """Tick an item; ``True`` if it changed. Returns after the change is committed."""
        items = await self._items(user_key)
        if item_id in items:
            await self._settled(user_key)
            return False
        items.add(item_id)
        await self._write_items(
            user_key,
            [
                self._ensure_user(user_key, at),
                (
                    "INSERT INTO checklist (user_key, item_id, done_at) VALUES (?, ?, ?) "
                    "ON CONFLICT DO NOTHING",
                    (user_key, item_id, _iso(at)),
                ),
                (
                    "INSERT INTO activity (user_key, local_date) VALUES (?, ?) "
                    "ON CONFLICT DO NOTHING",
                    (user_key, local_date.isoformat()),
                ),
                enter_statement(user_key, item_id, local_date),
            ],
        )
        return True

    async def mark_undone(self, user_key: str, item_id: str) -> bool:
        """Untick an item; ``True`` if it changed. Returns after the change is committed."""
        items = await self._items(user_key)
        if item_id not in items:
            await self._settled(user_key)
            return False
        items.discard(item_id)
        await self._write_items(
            user_key,
            [
                (
                    "DELETE FROM checklist WHERE user_key = ? AND item_id = ?",
                    (user_key, item_id),
                ),
                (
                    "DELETE FROM reviews WHERE user_key = ? AND topic_id = ?",
                    (user_key, item_id),
                ),
            ],
        )
        return True

    async def reset_progress(self, user_key: str) -> None:
        """Untick everything and forget the activity history."""
        items = await self._items(user_key)
        items.clear()
        await self._write_items(
            user_key,
            [
                ("DELETE FROM checklist WHERE user_key = ?", (user_key,)),
                ("DELETE FROM activity WHERE user_key = ?", (user_key,)),
                ("DELETE FROM reviews WHERE user_key = ?", (user_key,)),
                ("DELETE FROM quiz_asked WHERE user_key = ?", (user_key,)),
            ],
        )

    async def activity_dates(self, user_key: str) -> list[date]:
        """Local dates with something ticked, oldest first."""
        await self._settled(user_key)
        rows = await self.db.read(
            "SELECT local_date FROM activity WHERE user_key = ? ORDER BY local_date", (user_key,)
        )
        return [date.fromisoformat(row[0]) for row in rows]

    # -- notices -------------------------------------------------------------------------------

    async def add_notice(self, user_key: str, text: str) -> None:
        """Queue a one-off message for the user's next reply."""
        now = datetime.now(UTC)
        self._notice_adds += 1
        self._has_notices.put(user_key, True)
        await self._submit(
            user_key,
            [
                self._ensure_user(user_key, now),
                (
                    "INSERT INTO notices (user_key, text, created_at) VALUES (?, ?, ?)",
                    (user_key, text, _iso(now)),
                ),
            ],
        )

    async def take_notices(self, user_key: str) -> list[str]:
        """Pending notices, oldest first, deleted as they are taken."""
        while (pending := self._has_notices.get(user_key)) is None:
            await self._load(user_key)
        if not pending:
            return []
        adds = self._notice_adds
        await self._settled(user_key)
        async with self.db.transaction() as tx:
            rows = await tx.fetchall(
                "DELETE FROM notices WHERE user_key = ? RETURNING id, text", (user_key,)
            )
        if adds == self._notice_adds:
            self._has_notices.put(user_key, False)
        return [row[1] for row in sorted(rows, key=lambda row: row[0])]

    # -- the user's data as a whole --------------------------------------------------------------

    async def export_user(self, user_key: str) -> dict[str, Any]:
        """Everything stored about the user, as JSON-ready values."""
        await self._settled(user_key)
        record = await self.get_user(user_key)
        checklist = await self.db.read(
            "SELECT item_id, done_at FROM checklist WHERE user_key = ? ORDER BY done_at, item_id",
            (user_key,),
        )
        notices = await self.db.read(
            "SELECT text, created_at FROM notices WHERE user_key = ? ORDER BY id", (user_key,)
        )
        data: dict[str, Any] = {
            "user": user_key,
            "track": record.track,
            "timezone": record.timezone,
            "created": record.created.isoformat() if record.created else None,
            "done": [{"item": row[0], "at": row[1]} for row in checklist],
            "activity_dates": [day.isoformat() for day in await self.activity_dates(user_key)],
            "notices": [{"text": row[0], "at": row[1]} for row in notices],
        }
        data["reminders"] = await self.reminders.export_user(user_key)
        data["reviews"] = await self.reviews.export_user(user_key)
        data["snooze"] = await self.snoozes.export_user(user_key)
        return data

    async def carry_over(self, renamed: Mapping[str, str]) -> int:
        """Move ticks, review state and tracks from former ids (see :meth:`Storage.carry_over`)."""
        moved = 0
        if not renamed:
            return moved
        async with self.db.transaction() as tx:
            for old, new in renamed.items():
                for table, column, columns in (
                    ("checklist", "item_id", "user_key, done_at"),
                    ("reviews", "topic_id", _REVIEW_COLUMNS),
                ):
                    moved += await tx.execute(
                        f"INSERT INTO {table} ({column}, {columns})"  # noqa: S608 - fixed names
                        f" SELECT ?, {columns} FROM {table} WHERE {column} = ?"
                        " ON CONFLICT DO NOTHING",
                        (new, old),
                    )
                    await tx.execute(f"DELETE FROM {table} WHERE {column} = ?", (old,))  # noqa: S608
                moved += await tx.execute("UPDATE users SET track = ? WHERE track = ?", (new, old))
        self._done = LruCache(CACHE_USERS)
        self._users = LruCache(CACHE_USERS)
        return moved

    async def forget_user(self, user_key: str) -> None:
        """Delete everything stored about the user."""
        items = await self._items(user_key)
        items.clear()
        self._users.put(user_key, UserRecord(user_key))
        self._has_notices.put(user_key, False)
        await self.reminders.forget_user(user_key)
        await self._write_items(user_key, [("DELETE FROM users WHERE user_key = ?", (user_key,))])

    async def ping(self) -> None:
        """Read from the database file (the reader connection), raising if it fails."""
        await self.db.read("SELECT count(*) FROM sqlite_master")

    async def close(self) -> None:
        """Commit queued writes and close the database."""
        await self.db.close()
