"""The PostgreSQL backend (``DATABASE_URL=postgresql://...``), through asyncpg.

Why asyncpg: it is asyncio-native (no thread per connection), speaks the binary protocol with
statements prepared and cached per connection, has a connection pool built in, and installs as
a wheel with no libpq. Every write commits in its own transaction before it returns (PostgreSQL
batches concurrent commits itself), and reads see everything committed, by any process.

Migrations ``migrations_pg/NNNN_name.sql`` run on open, under a transaction-level advisory lock
so two processes starting together migrate once; the schema's version is kept in
``roadmap_bot_schema``. A newer schema, or tables of another program without that record, is
refused and left untouched. The password of the URL never appears in a message.

Reminders of each platform are sent by one process at a time (:class:`SenderElection`): the one
holding a session-level advisory lock keyed by the platform, on a connection of its own. When
that process dies its connection ends and the lock with it; another takes it at its next poll.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import AsyncIterator, Hashable, Sequence
from contextlib import asynccontextmanager
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from bot.spaced import entered
from bot.storage.base import StorageError
from bot.storage.identities import SqlIdentityStore
from bot.storage.pages import SqlPageStore
from bot.storage.reminders import SqlReminderStore, claim_sql
from bot.storage.reviews import SqlReviewStore
from bot.storage.snoozes import SqlSnoozeStore
from bot.storage.sql import Params, Row, SqlStorage, Statement, iso, load_migrations
from bot.storage.unanswered import SqlUnansweredStore

log = logging.getLogger(__name__)

#: Connections per process.
POOL_SIZE = 10
#: Seconds to wait for the server when opening.
CONNECT_TIMEOUT = 10.0
#: Any number, the same in every roadmap-bot: the advisory lock held while migrating.
MIGRATION_LOCK = 0x726F61646D6170
#: The first key of every sender election lock (the second is the platform's): "road".
SENDER_LOCK = 0x726F6164
#: Identity changes (/link, /unlink) take this advisory lock first, so they run one at a time:
#: "roadlink".
IDENTITY_CHANGES_ONE_AT_A_TIME = f"SELECT pg_advisory_xact_lock({0x726F61646C696E6B})"
SCHEMES = ("postgresql://", "postgres://")
_PLACEHOLDER = re.compile(r"\?")


def is_postgres_url(target: object) -> bool:
    """Whether ``target`` is a PostgreSQL connection URL."""
    return isinstance(target, str) and target.startswith(SCHEMES)


def redacted(url: str) -> str:
    """``url`` with its password (if any) replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


@lru_cache(maxsize=512)
def numbered(sql: str) -> str:
    """Shared SQL with ``?`` placeholders in PostgreSQL's ``$1, $2, ...`` form."""
    count = iter(range(1, sql.count("?") + 1))
    return _PLACEHOLDER.sub(lambda _: f"${next(count)}", sql)


def _count(status: str) -> int:
    """Rows changed, from a command status such as ``UPDATE 3`` or ``INSERT 0 1``."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


class Transaction:
    """Statements on one connection inside a transaction (see :class:`bot.storage.sql`)."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; return how many rows it changed."""
        return _count(await self._connection.execute(numbered(sql), *params))

    async def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for each parameter tuple in ``rows``."""
        if rows:
            await self._connection.executemany(numbered(sql), [tuple(row) for row in rows])

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        """Run a query (or a statement with RETURNING) and return its rows."""
        return list(await self._connection.fetch(numbered(sql), *params))


class Database:
    """A pool of connections to one PostgreSQL database."""

    def __init__(self, pool: asyncpg.Pool, where: str) -> None:
        self._pool = pool
        #: The database's URL without its password, for messages.
        self.where = where

    @classmethod
    async def open(cls, url: str) -> Database:
        """Connect, check and migrate; raise :class:`StorageError` (without the password)."""
        where = redacted(url)
        password = urlsplit(url).password

        def scrub(text: str) -> str:
            return text.replace(password, "***") if password else text

        try:
            pool = await asyncpg.create_pool(
                url, min_size=1, max_size=POOL_SIZE, timeout=CONNECT_TIMEOUT
            )
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            raise StorageError(
                f"cannot connect to the PostgreSQL database {where} "
                f"({type(error).__name__}: {scrub(str(error))}). Check DATABASE_URL and that "
                "the server is running."
            ) from None
        try:
            await _migrate(pool, where)
        except BaseException as error:
            await pool.close()
            if isinstance(error, asyncpg.PostgresError):
                raise StorageError(
                    f"cannot prepare the PostgreSQL database {where} ({scrub(str(error))})"
                ) from None
            raise
        return cls(pool, where)

    async def read(
        self, sql: str, params: Params = (), *, key: Hashable | None = None
    ) -> list[Row]:
        """Rows of a query on committed data (every write has committed when it returns)."""
        return list(await self._pool.fetch(numbered(sql), *params))

    async def read_one(
        self, sql: str, params: Params = (), *, key: Hashable | None = None
    ) -> Row | None:
        """The first row of :meth:`read`, or ``None``."""
        return await self._pool.fetchrow(numbered(sql), *params)

    async def write(self, sql: str, params: Params = (), *, key: Hashable | None = None) -> None:
        """Run one statement and commit it."""
        await self._pool.execute(numbered(sql), *params)

    async def write_returning(self, sql: str, params: Params = ()) -> list[Row]:
        """Run one statement (one round trip, committed on its own) and return its rows."""
        return list(await self._pool.fetch(numbered(sql), *params))

    async def write_all(
        self, statements: Sequence[Statement], *, key: Hashable | None = None
    ) -> None:
        """Run statements in one transaction and commit it."""
        async with self.transaction() as tx:
            for sql, params in statements:
                await tx.execute(sql, params)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        """A transaction on one pooled connection: committed on exit, rolled back on error."""
        async with self._pool.acquire() as connection, connection.transaction():
            yield Transaction(connection)

    async def close(self) -> None:
        """Close every connection of the pool."""
        await self._pool.close()


async def _migrate(pool: asyncpg.Pool, where: str) -> None:
    """Bring the schema up to date, refusing a newer or foreign one."""
    migrations = load_migrations("migrations_pg")
    latest = migrations[-1].version
    async with pool.acquire() as connection, connection.transaction():
        await connection.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
        version = 0
        if await connection.fetchval("SELECT to_regclass('roadmap_bot_schema') IS NOT NULL"):
            version = await connection.fetchval("SELECT version FROM roadmap_bot_schema")
        elif await connection.fetchval(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
        ):
            raise StorageError(
                f"the PostgreSQL database {where} holds tables of some other program (no "
                "roadmap-bot schema version). Point DATABASE_URL at an empty database; "
                "roadmap-bot never changes it."
            )
        else:
            await connection.execute("CREATE TABLE roadmap_bot_schema (version INTEGER NOT NULL)")
            await connection.execute("INSERT INTO roadmap_bot_schema VALUES (0)")
        if version > latest:
            raise StorageError(
                f"the PostgreSQL database {where} has schema version {version}, newer than "
                f"this roadmap-bot understands ({latest}). Upgrade roadmap-bot; the database "
                "was left untouched."
            )
        for migration in migrations[version:]:
            await connection.execute(migration.sql)
            await connection.execute(
                "UPDATE roadmap_bot_schema SET version = $1", migration.version
            )


def platform_key(platform: str) -> int:
    """A platform's election lock key: a signed 32-bit number, the same in every process."""
    return int.from_bytes(hashlib.sha256(platform.encode()).digest()[:4], "big", signed=True)


class SenderElection:
    """One reminder sender per platform among the processes on one database.

    A process sends a platform's reminders while it holds ``pg_try_advisory_lock(SENDER_LOCK,
    platform_key(platform))`` on a connection of its own (not pooled: a session lock belongs to
    its connection). Each poll checks that connection is alive and tries the platforms it does
    not hold yet, so when the holder dies (its connection ends, and the server releases its
    locks) another process takes over at its next poll. A process that loses its connection
    sends nothing until it has one and the lock again. Between a holder's connection dying and
    it noticing at its next poll, two processes may send for one poll interval; the reminder
    leases still send each reminder once.
    """

    def __init__(self, url: str, where: str) -> None:
        self._url = url
        self._where = where
        self._connection: asyncpg.Connection | None = None
        self._held: set[str] = set()

    async def held(self, platforms: frozenset[str]) -> frozenset[str]:
        """The ``platforms`` this process holds now, trying to take the ones it does not."""
        try:
            connection = self._connection
            if connection is None or connection.is_closed():
                self._lose()
                connection = self._connection = await asyncpg.connect(
                    self._url, timeout=CONNECT_TIMEOUT
                )
            elif self._held:
                await connection.fetchval("SELECT 1")  # alive, so the locks are still ours
            for platform in sorted(platforms - self._held):
                taken = await connection.fetchval(
                    "SELECT pg_try_advisory_lock($1, $2)", SENDER_LOCK, platform_key(platform)
                )
                if taken:
                    self._held.add(platform)
                    log.info("this process now sends the %s reminders", platform)
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            log.warning(
                "lost the reminder sender election connection to %s (%s); retrying next poll",
                self._where,
                type(error).__name__,
            )
            await self.close()
            return frozenset()
        return frozenset(self._held & platforms)

    def _lose(self) -> None:
        """Forget the locks of a connection that ended (the server released them)."""
        if self._held:
            log.warning("no longer sends the %s reminders", ", ".join(sorted(self._held)))
        self._held.clear()

    async def close(self) -> None:
        """Give up every platform (closing the connection releases its locks)."""
        self._lose()
        connection, self._connection = self._connection, None
        if connection is not None and not connection.is_closed():
            connection.terminate()


#: /done in one statement: the user's row, the tick, and only if the tick inserted (it returns a
#: row then) the day's activity and the review. The foreign keys, checked at the statement's
#: end, see the users row it inserted. Parameters: user key, time, item, local date, review
#: stage and due date.
_TICK = (
    "WITH u AS (INSERT INTO users (user_key, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING),"
    " c AS (INSERT INTO checklist (user_key, item_id, done_at) VALUES ($1, $3, $2)"
    " ON CONFLICT DO NOTHING RETURNING 1),"
    " a AS (INSERT INTO activity (user_key, local_date) SELECT $1::text, $4::text FROM c"
    " ON CONFLICT DO NOTHING),"
    " r AS (INSERT INTO reviews (user_key, topic_id, stage, due_date)"
    " SELECT $1::text, $3::text, $5::integer, $6::text FROM c ON CONFLICT DO NOTHING)"
    " SELECT 1 FROM c"
)
#: /undo in one statement: the review goes only if the tick did (it returns a row then).
_UNTICK = (
    "WITH c AS (DELETE FROM checklist WHERE user_key = $1 AND item_id = $2 RETURNING 1),"
    " r AS (DELETE FROM reviews WHERE user_key = $1 AND topic_id = $2"
    " AND EXISTS (SELECT 1 FROM c))"
    " SELECT 1 FROM c"
)


class PostgresStorage(SqlStorage):
    """:class:`bot.storage.base.Storage` in one PostgreSQL database, shared by any processes."""

    db: Database
    election: SenderElection

    @classmethod
    async def open(cls, url: str) -> PostgresStorage:
        """Open the database at ``url`` (see :meth:`Database.open`)."""
        db = await Database.open(url)
        reminders = SqlReminderStore(db, claim_sql("FOR UPDATE SKIP LOCKED"), " FOR UPDATE")
        snoozes = SqlSnoozeStore(db, " FOR UPDATE")
        storage = cls(
            db,
            reminders,
            SqlReviewStore(db),
            snoozes,
            SqlUnansweredStore(db),
            SqlPageStore(db),
            SqlIdentityStore(db, " FOR UPDATE", IDENTITY_CHANGES_ONE_AT_A_TIME),
        )
        storage.election = SenderElection(url, db.where)
        return storage

    async def mark_done(self, user_key: str, item_id: str, at: datetime, local_date: date) -> bool:
        """Tick an item in one statement (one round trip); ``True`` if it was not ticked.

        The checklist row's insert decides: only when it inserted are the day's activity and
        the review entered, so two processes ticking at once report one change.
        """
        state = entered(item_id, local_date)
        rows = await self.db.write_returning(
            _TICK,
            (
                user_key,
                iso(at),
                item_id,
                local_date.isoformat(),
                state.stage,
                state.due.isoformat(),
            ),
        )
        return bool(rows)

    async def mark_undone(self, user_key: str, item_id: str) -> bool:
        """Untick an item in one statement (one round trip); ``True`` if it was ticked."""
        return bool(await self.db.write_returning(_UNTICK, (user_key, item_id)))

    async def senders(self, platforms: frozenset[str]) -> frozenset[str]:
        """The platforms this process won the sender election for (see :class:`SenderElection`)."""
        return await self.election.held(platforms)

    async def close(self) -> None:
        """Give up the sender election, then close the pool."""
        await self.election.close()
        await super().close()
