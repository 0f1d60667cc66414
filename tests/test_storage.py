import asyncio
import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.storage import StorageError, open_storage
from bot.storage import sqlite as sqlite_storage
from bot.storage.base import StoredPages
from bot.storage.sqlite import Migration, _Write, load_migrations, plan_batch
from bot.users import UserRecord
from tests.conftest import damage_pages

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
DAY = date(2026, 3, 2)
LATEST = load_migrations()[-1].version
ROOT = Path(__file__).resolve().parent.parent


def rows(path: Path, sql: str, params=()) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, params).fetchall()


@pytest.fixture
async def storage(database):
    """The storage tests not about SQLite itself run on SQLite and on PostgreSQL."""
    async with await open_storage(database) as opened:
        yield opened


@pytest.fixture
async def on_sqlite(tmp_path):
    """A storage for the tests of SQLite's own machinery (group commit, its writer)."""
    async with await open_storage(tmp_path / "bot.sqlite3") as opened:
        yield opened


# -- opening, pragmas, migrations ------------------------------------------------------------


async def test_a_new_database_is_created_with_its_folder_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "bot.sqlite3"
    async with await open_storage(path) as storage:
        assert (await storage.db.read_one("PRAGMA foreign_keys"))[0] == 1
        assert (await storage.db.read_one("PRAGMA synchronous"))[0] == 2  # FULL
        assert (await storage.db.read_one("PRAGMA busy_timeout"))[0] > 0
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]
    assert rows(path, "PRAGMA user_version") == [(LATEST,)]


def test_migrations_are_numbered_without_gaps() -> None:
    assert [m.version for m in load_migrations()] == list(range(1, LATEST + 1))
    assert load_migrations()[0].name == "0001_initial.sql"


@pytest.mark.parametrize("version", range(LATEST))
async def test_every_earlier_version_is_migrated_keeping_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:
        for migration in load_migrations()[:version]:
            connection.executescript(migration.sql)
        connection.execute(f"PRAGMA user_version = {version}")
        if version >= 1:
            connection.execute(
                "INSERT INTO users VALUES ('telegram:1', 'python', NULL, ?)", (AT.isoformat(),)
            )
            connection.execute(
                "INSERT INTO checklist VALUES ('telegram:1', 'sql', ?)", (AT.isoformat(),)
            )
        if version >= 2:
            connection.execute(
                "INSERT INTO reminders (user_key, platform, user_id, chat_kind, local_time, zone,"
                " next_due, updated_at) VALUES ('telegram:1', 'telegram', '1', 'private',"
                " '09:00', 'UTC', ?, ?)",
                (int(AT.timestamp()), int(AT.timestamp())),
            )
    connection.close()
    async with await open_storage(path) as storage:
        if version >= 1:
            assert await storage.done_items("telegram:1") == {"sql"}
            assert (await storage.get_user("telegram:1")).track == "python"
        if version >= 2:
            batch = await storage.reminders.claim_due(
                AT, timedelta(hours=1), {"telegram": 10}, "test", AT + timedelta(minutes=1)
            )
            assert [claim.reminder.user_key for claim in batch.claims] == ["telegram:1"]
    assert rows(path, "PRAGMA user_version") == [(LATEST,)]
    indexes = {
        name for (name,) in rows(path, "SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    assert "reminders_platform_due" in indexes and "reminders_due" not in indexes


async def test_a_failing_migration_rolls_back_alone(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "bot.sqlite3"
    first = load_migrations()[0]
    broken = Migration(
        2, "0002_broken.sql", "CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);"
    )
    monkeypatch.setattr(sqlite_storage, "load_migrations", lambda: [first, broken])
    with pytest.raises(StorageError, match=str(path)):
        await open_storage(path)
    assert rows(path, "PRAGMA user_version") == [(1,)]
    tables = {name for (name,) in rows(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert "users" in tables
    assert "half" not in tables


async def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    content = b"these are my holiday notes, not a database\n" * 200
    path.write_bytes(content)
    with pytest.raises(StorageError) as caught:
        await open_storage(path)
    assert str(path) in str(caught.value)
    assert "DATABASE_PATH" in str(caught.value)
    assert path.read_bytes() == content


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (f"PRAGMA user_version = {LATEST + 1}", "newer"),
        ("CREATE TABLE users (id INTEGER)", "some other program"),
        ("CREATE TABLE recipes (name TEXT)", "some other program"),
    ],
)
async def test_a_database_not_for_this_version_is_refused_and_left_alone(
    tmp_path: Path, setup: str, reason: str
) -> None:
    path = tmp_path / "bot.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute(setup)
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match=reason) as caught:
        await open_storage(path)
    assert str(path) in str(caught.value)
    assert "DATABASE_PATH" in str(caught.value)
    assert path.read_bytes() == before  # not even switched to WAL
    assert not Path(f"{path}-wal").exists()  # noqa: ASYNC240


async def test_a_database_with_damaged_pages_is_refused_at_start_and_left_alone(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bot.sqlite3"
    async with await open_storage(path) as storage:
        await storage.mark_done("telegram:1", "sql", AT, DAY)
    damage_pages(path)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="is damaged") as caught:
        await open_storage(path)
    message = str(caught.value)
    assert str(path) in message
    assert "\n" not in message
    assert "backup" in message and "DATABASE_PATH" in message
    assert path.read_bytes() == before


async def test_a_disk_full_at_start_is_said_plainly(tmp_path: Path, monkeypatch) -> None:
    connect = sqlite_storage._connect

    async def tiny(path: Path):  # a disk with room for two pages
        connection = await connect(path)
        await connection.execute_fetchall("PRAGMA max_page_count = 2")
        return connection

    monkeypatch.setattr(sqlite_storage, "_connect", tiny)
    with pytest.raises(StorageError) as caught:
        await open_storage(tmp_path / "bot.sqlite3")
    message = str(caught.value)
    assert "disk holding the database" in message and "is full" in message
    assert "damaged" not in message and "move it away" not in message.casefold()


async def test_a_path_that_cannot_be_a_database_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(StorageError, match="not a file"):
        await open_storage(folder)
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="cannot create the folder"):
        await open_storage(blocker / "bot.sqlite3")


# -- the storage API ---------------------------------------------------------------------------


async def test_ticks_are_per_platform_user_and_survive_reopening(database) -> None:
    path = database
    async with await open_storage(path) as storage:
        assert await storage.mark_done("telegram:42", "sql", AT, DAY) is True
        assert await storage.mark_done("telegram:42", "sql", AT, DAY) is False
        assert await storage.mark_done("discord:42", "go", AT, DAY) is True
        assert await storage.mark_undone("discord:42", "sql") is False
        await storage.set_track("telegram:42", "python")
        await storage.set_timezone("telegram:42", "Europe/Berlin")
    async with await open_storage(path) as storage:
        assert await storage.done_items("telegram:42") == {"sql"}
        assert await storage.done_items("discord:42") == {"go"}
        user = await storage.get_user("telegram:42")
        assert (user.track, user.timezone) == ("python", "Europe/Berlin")
        assert user.created == AT
        assert (await storage.get_user("discord:42")).track is None
        assert await storage.get_user("slack:42") == type(user)("slack:42")


async def test_undo_reset_and_activity_dates(storage) -> None:
    user = "telegram:1"
    for day, item in ((date(2026, 3, 1), "sql"), (DAY, "go"), (DAY, "gin")):
        await storage.mark_done(user, item, AT, day)
    assert await storage.mark_undone(user, "go") is True
    assert await storage.done_items(user) == {"sql", "gin"}
    assert await storage.activity_dates(user) == [date(2026, 3, 1), DAY]
    await storage.reset_progress(user)
    assert await storage.done_items(user) == frozenset()
    assert await storage.activity_dates(user) == []


async def test_a_tick_enters_review_and_the_day_only_when_it_changes_something(storage) -> None:
    user, later = "telegram:1", date(2026, 3, 5)
    assert await storage.checklist_state(user) == (UserRecord(user), set())
    assert await storage.mark_done(user, "sql", AT, DAY) is True
    assert await storage.mark_done(user, "sql", AT, later) is False  # already ticked: no new day
    assert await storage.activity_dates(user) == [DAY]
    assert (await storage.reviews.get(user, "sql")) is not None
    record, ticked = await storage.checklist_state(user)
    assert (record, ticked) == (await storage.get_user(user), {"sql"})
    assert record.created == AT
    assert await storage.mark_undone(user, "sql") is True
    assert await storage.mark_undone(user, "sql") is False
    assert await storage.reviews.get(user, "sql") is None
    assert await storage.activity_dates(user) == [DAY]  # the day stays in the streak


async def test_notices_are_taken_once_in_order_and_none_costs_no_write(
    storage, monkeypatch
) -> None:
    await storage.add_notice("telegram:1", "first")
    await storage.add_notice("telegram:1", "second")
    assert await storage.take_notices("discord:1") == []
    assert await storage.take_notices("telegram:1") == ["first", "second"]
    assert await storage.take_notices("telegram:1") == []

    def no_write(*_args, **_kwargs):
        raise AssertionError("take_notices wrote to the database")

    monkeypatch.setattr(storage.db, "transaction", no_write)
    assert await storage.take_notices("telegram:1") == []
    assert await storage.take_notices("discord:1") == []


async def test_two_processes_on_one_database_see_each_others_writes(database) -> None:
    """Issue 11: each process trusted its own cache and missed the other's ticks and notices."""
    path = database
    async with await open_storage(path) as a, await open_storage(path) as b:
        user = "telegram:1"
        assert await a.done_items(user) == frozenset()  # A has read the user once
        assert await b.mark_done(user, "sql", AT, DAY) is True
        assert await a.done_items(user) == {"sql"}
        assert await a.mark_done(user, "sql", AT, DAY) is False
        assert await a.mark_undone(user, "sql") is True  # B's tick, undone through A
        assert await b.done_items(user) == frozenset()
        assert await a.take_notices(user) == []
        await b.add_notice(user, "from B")
        await b.set_track(user, "python")
        assert await a.take_notices(user) == ["from B"]
        assert (await a.get_user(user)).track == "python"


async def test_a_notice_still_being_committed_is_taken(on_sqlite) -> None:
    """The quick check in the event loop waits for the user's own queued write like a read."""
    user = "telegram:1"
    adding = asyncio.create_task(on_sqlite.add_notice(user, "queued"))
    await asyncio.sleep(0)  # queued for the group commit, not committed yet
    assert not adding.done()
    assert await on_sqlite.take_notices(user) == ["queued"]
    await adding
    assert await on_sqlite.take_notices(user) == []


async def test_a_write_after_closing_fails_instead_of_waiting_forever(tmp_path: Path) -> None:
    storage = await open_storage(tmp_path / "bot.sqlite3")
    waiting = asyncio.create_task(storage.unanswered.prune(AT))  # waits for the write lock
    await storage.close()
    with pytest.raises(StorageError):
        await asyncio.wait_for(waiting, 10)
    with pytest.raises(StorageError):
        await asyncio.wait_for(storage.add_notice("telegram:1", "late"), 10)


async def test_export_and_forget_cover_every_table(storage) -> None:
    me, other = "telegram:1", "telegram:2"
    for user in (me, other):
        await storage.mark_done(user, "sql", AT, DAY)
        await storage.set_track(user, "go")
        await storage.add_notice(user, "hello")
        await storage.pages.put(f"m{user}", StoredPages(user, "{}", 1), AT + timedelta(days=1), AT)
    exported = await storage.export_user(me)
    assert exported["user"] == me
    assert exported["track"] == "go"
    assert exported["done"] == [{"item": "sql", "at": AT.isoformat()}]
    assert exported["activity_dates"] == [DAY.isoformat()]
    assert exported["notices"][0]["text"] == "hello"
    await storage.forget_user(me)
    for table in ("users", "checklist", "activity", "notices", "reviews", "pages"):
        sql = f"SELECT count(*) FROM {table} WHERE user_key = ?"
        assert (await storage.db.read_one(sql, (me,), key=me))[0] == 0
        assert (await storage.db.read_one(sql, (other,), key=other))[0] == 1
    assert await storage.done_items(me) == frozenset()
    assert (await storage.get_user(me)).track is None
    assert await storage.take_notices(me) == []
    assert (await storage.export_user(me))["done"] == []


async def test_transaction_commits_or_rolls_back(storage) -> None:
    db = storage.db
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO users VALUES ('x:1', NULL, NULL, 'now')")
        assert await tx.execute("UPDATE users SET track = 'go' WHERE user_key = 'x:1'") == 1
    with pytest.raises(RuntimeError):
        async with db.transaction() as tx:
            await tx.execute("DELETE FROM users WHERE user_key = 'x:1'")
            raise RuntimeError("boom")
    assert (await db.read_one("SELECT track FROM users WHERE user_key = 'x:1'"))[0] == "go"


# -- concurrency and group commit --------------------------------------------------------------


async def test_many_users_and_double_clicks_lose_nothing_and_duplicate_nothing(database) -> None:
    path = database
    users = [f"telegram:{n}" for n in range(300)]
    items = ["sql", "go", "gin"]
    async with await open_storage(path) as storage:
        results = await asyncio.gather(
            *(storage.mark_done(u, i, AT, DAY) for u in users for i in items for _ in range(2))
        )
        assert sum(results) == len(users) * len(items)  # each double click changed once
        await asyncio.gather(*(storage.mark_undone(u, "go") for u in users[::2]))
        expected = len(users) * len(items) - len(users[::2])
        assert (await storage.db.read_one("SELECT count(*) FROM checklist"))[0] == expected
    async with await open_storage(path) as storage:
        assert await storage.done_items(users[0]) == {"sql", "gin"}
        assert await storage.done_items(users[1]) == {"sql", "go", "gin"}


async def test_one_bad_write_does_not_fail_its_batch(on_sqlite) -> None:
    db = on_sqlite.db
    good = [
        db.write("INSERT INTO users VALUES (?, NULL, NULL, 'now')", (f"x:{n}",)) for n in range(5)
    ]
    bad = db.write("INSERT INTO checklist VALUES ('nobody:1', 'sql', 'now')")  # foreign key
    outcome = await asyncio.gather(*good, bad, return_exceptions=True)
    assert outcome[:5] == [None] * 5
    assert isinstance(outcome[5], sqlite3.IntegrityError)
    assert (await db.read_one("SELECT count(*) FROM users"))[0] == 5


KEYS = st.sampled_from(["a", "b", "c"])
STATEMENTS = st.one_of(
    st.tuples(st.just("INSERT OR REPLACE INTO kv VALUES (?, ?)"), st.integers(0, 9)),
    st.tuples(st.just("UPDATE kv SET v = v * 10 + ? WHERE k = ?"), st.integers(0, 9)),
    st.tuples(st.just("DELETE FROM kv WHERE k = ?"), st.none()),
)


def _params(key: str, sql: str, value: int | None) -> tuple:
    if value is None:
        return (key,)
    return (key, value) if sql.startswith("INSERT") else (value, key)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(KEYS, st.booleans(), st.lists(STATEMENTS, min_size=1, max_size=3)), max_size=12
    )
)
def test_group_commit_plan_gives_the_same_result_as_running_in_order(writes) -> None:
    batch = [
        _Write(
            [(sql, _params(key, sql, value)) for sql, value in statements],
            key if keyed else None,
            None,  # type: ignore[arg-type]
        )
        for key, keyed, statements in writes
    ]
    in_order, planned = (sqlite3.connect(":memory:") for _ in range(2))
    for connection in (in_order, planned):
        connection.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER)")
    for write in batch:
        for sql, params in write.statements:
            in_order.execute(sql, params)
    for sql, params_list in plan_batch(batch):
        planned.executemany(sql, params_list)
    query = "SELECT k, v FROM kv ORDER BY k"
    assert planned.execute(query).fetchall() == in_order.execute(query).fetchall()


def test_plan_groups_independent_users_into_few_statements() -> None:
    sql = "INSERT INTO t VALUES (?)"
    batch = [_Write([("ENSURE", (n,)), (sql, (n,))], f"u{n}", None) for n in range(100)]  # type: ignore[arg-type]
    plan = plan_batch(batch)
    assert [(s, len(params)) for s, params in plan] == [("ENSURE", 100), (sql, 100)]


# -- crash safety --------------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from bot.core import Core
    from bot.knowledge import bundled_knowledge_path, load_knowledge
    from bot.messages import ChatKind, Request, render_plain
    from bot.storage import open_storage

    async def main():
        storage = await open_storage(Path(sys.argv[1]))
        core = Core(load_knowledge(bundled_knowledge_path()), storage)
        request = Request("telegram", "42", "42", ChatKind.PRIVATE, "done", "postgres")
        reply = await core.handle(request)
        print(reply.title, flush=True)
        await asyncio.sleep(60)

    asyncio.run(main())
    """
)


async def test_a_replied_done_survives_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    child = subprocess.Popen(  # noqa: ASYNC220 - the child is read synchronously on purpose
        [sys.executable, "-c", CHILD, str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
        assert "PostgreSQL" in line and "ticked" in line
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    async with await open_storage(path) as storage:
        assert await storage.done_items("telegram:42") == {"postgresql"}


async def test_a_transaction_cancelled_at_any_point_leaves_the_writer_usable(database) -> None:
    async with await open_storage(database) as storage:
        await cancel_transactions_at_every_step(storage.db)


async def cancel_transactions_at_every_step(db) -> None:

    async def write() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO users (user_key, created_at) VALUES ('t:1', 'x')")
            await asyncio.sleep(3600)

    for yields in range(40):  # cancel after 0, 1, 2, ... steps: inside BEGIN among them
        task = asyncio.create_task(write())
        for _ in range(yields):
            await asyncio.sleep(0)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        async with db.transaction() as tx:  # fails if the writer was left mid-transaction
            rows = await tx.fetchall("SELECT COUNT(*) FROM users WHERE user_key = 't:1'")
        assert rows[0][0] == 0


# -- PostgreSQL ---------------------------------------------------------------------------------


@pytest.fixture
def pg_url(postgres_server) -> str:
    if postgres_server is None:
        pytest.skip("no PostgreSQL server could start")
    return postgres_server.database()


async def execute(url: str, *statements: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        for sql in statements:
            await connection.execute(sql)
    finally:
        await connection.close()


async def test_postgres_refuses_a_newer_schema_and_leaves_it_alone(pg_url: str) -> None:
    await (await open_storage(pg_url)).close()
    await execute(pg_url, "UPDATE roadmap_bot_schema SET version = 999")
    with pytest.raises(StorageError, match="schema version 999, newer"):
        await open_storage(pg_url)


async def test_postgres_refuses_another_programs_tables(pg_url: str) -> None:
    await execute(pg_url, "CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StorageError, match="tables of some other program"):
        await open_storage(pg_url)


async def test_postgres_migrates_once_when_processes_start_together(pg_url: str) -> None:
    storages = await asyncio.gather(*(open_storage(pg_url) for _ in range(4)))
    for storage in storages:
        await storage.close()


async def test_the_database_password_never_appears_in_errors_or_settings(postgres_server) -> None:
    from bot.config import Settings
    from bot.storage.postgres import redacted

    url = "postgresql://bot:s3cret-pw@127.0.0.1:1/roadmap"
    with pytest.raises(StorageError) as caught:
        await open_storage(url)
    assert "s3cret-pw" not in str(caught.value)
    assert "postgresql://bot:***@127.0.0.1:1/roadmap" in str(caught.value)
    assert redacted(url) == "postgresql://bot:***@127.0.0.1:1/roadmap"
    settings = Settings.from_env({"DATABASE_URL": url}, env_file=Path("/nonexistent"))
    assert "s3cret-pw" in settings.secrets and "s3cret-pw" not in repr(settings)
    assert settings.database == url


async def test_concurrent_claimers_on_postgres_never_hold_the_same_reminder(pg_url: str) -> None:
    """Four claimers, each on its own connection pool, drain 2,000 due reminders together."""
    storages = [await open_storage(pg_url) for _ in range(4)]
    due = int(AT.timestamp()) - 60
    rows = ", ".join(
        f"('telegram:{n}', 'telegram', '{n}', 'private', '09:29', 'UTC', {due}, 0)"
        for n in range(2000)
    )
    await execute(
        pg_url,
        "INSERT INTO reminders (user_key, platform, user_id, chat_kind, local_time, zone,"
        f" next_due, updated_at) VALUES {rows}",
    )

    async def drain(storage, holder: str) -> list[str]:
        got: list[str] = []
        while True:
            batch = await storage.reminders.claim_due(
                AT, timedelta(hours=1), {"telegram": 50}, holder, AT + timedelta(minutes=5)
            )
            if not batch.claims:
                return got
            for claim in batch.claims:
                assert await storage.reminders.attempt(claim)
                got.append(claim.reminder.user_key)

    try:
        claimed = await asyncio.gather(*(drain(s, f"h{i}") for i, s in enumerate(storages)))
    finally:
        for storage in storages:
            await storage.close()
    everything = [key for got in claimed for key in got]
    assert len(everything) == len(set(everything)) == 2000
    assert all(claimed), "every claimer got some: they ran concurrently"


# -- backup --------------------------------------------------------------------------------------


async def test_backup_is_a_consistent_copy_taken_while_the_bot_writes(tmp_path: Path) -> None:
    from bot.storage.sqlite import backup

    path, copy = tmp_path / "bot.sqlite3", tmp_path / "copy.sqlite3"
    async with await open_storage(path) as storage:
        for n in range(50):
            await storage.mark_done(f"telegram:{n}", "sql", AT, DAY)
        writing = asyncio.gather(
            *(storage.mark_done(f"telegram:{n}", "go", AT, DAY) for n in range(200))
        )
        await asyncio.to_thread(backup, path, copy)  # while those writes commit
        await writing
        with pytest.raises(StorageError, match="already exists"):
            backup(path, copy)
    async with await open_storage(copy) as restored:
        for n in range(50):
            assert "sql" in await restored.done_items(f"telegram:{n}")
        gos = (await restored.db.read_one("SELECT count(*) FROM checklist WHERE item_id = 'go'"))[0]
        reviews = (
            await restored.db.read_one("SELECT count(*) FROM reviews WHERE topic_id = 'go'")
        )[0]
        assert gos == reviews  # each tick whole: never a tick without its review row
    assert rows(copy, "PRAGMA quick_check") == [("ok",)]


def test_backup_command(tmp_path: Path) -> None:
    """``roadmap-bot backup PATH`` in a process of its own (it sets up logging globally)."""

    async def create(path: Path) -> None:
        await (await open_storage(path)).close()

    path, copy = tmp_path / "bot.sqlite3", tmp_path / "copy.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DATABASE_PATH"}}

    def backup(target: Path, **settings: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "backup", str(target)],
            cwd=tmp_path,
            env={**env, "PYTHONPATH": str(ROOT), "DATABASE_PATH": str(path), **settings},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    missing = backup(copy)
    assert (missing.returncode, "no database" in missing.stderr) == (2, True)
    asyncio.run(create(path))
    done = backup(copy)
    assert done.returncode == 0, done.stderr
    assert rows(copy, "PRAGMA quick_check") == [("ok",)]
    postgres = backup(tmp_path / "other.sqlite3", DATABASE_URL="postgresql://bot:pw@db/roadmap")
    assert (postgres.returncode, "pg_dump" in postgres.stderr) == (2, True)
