"""End to end on the fake Discord: quiz answer buttons (owner only, once, across a restart)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from bot.serve import reminder_engine
from tests.conftest import right_and_wrong
from tests.test_discord_adapter import (
    EPHEMERAL,
    GUILD,
    OWNER,
    STRANGER,
    running,
)


def custom_ids(message: dict) -> list[str]:
    """The custom ids of the buttons on ``message``."""
    return [c["custom_id"] for row in message["components"] for c in row["components"]]


async def test_quiz_buttons_answer_once_for_the_learner_only(tmp_path, discord, knowledge):
    async with running(tmp_path, discord, knowledge):
        asked = await discord.slash("quiz", {"topic": "docker"}, guild_id=GUILD)
        (message,) = await discord.answered(asked)
        assert message["flags"] & EPHEMERAL
        assert message["embeds"][0]["title"] == "Quiz: Docker"
        right, _ = right_and_wrong(custom_ids(message), knowledge)
        refused = await discord.press(asked.original_id, right, user_id=STRANGER, guild_id=GUILD)
        (note,) = await discord.answered(refused)
        assert note["embeds"][0]["title"] == "That button is not yours"
        # A double press: both presses arrive carrying the question's buttons.
        presses = await asyncio.gather(
            *(discord.press(asked.original_id, right, user_id=OWNER, guild_id=GUILD) for _ in "12")
        )
        titles = set()
        for pressed in presses:
            (body,) = await discord.answered(pressed)
            assert pressed.callbacks[0]["type"] == 7  # the question turns into its answer
            titles.add(body["embeds"][0]["title"])
        assert titles == {"Right!", "You already answered this one"}
        assert discord.rejected == []


async def test_a_quiz_button_from_before_a_restart_still_counts(tmp_path, discord, knowledge):
    async with running(tmp_path, discord, knowledge):
        await discord.answered(await discord.slash("done", {"item": "docker"}, guild_id=GUILD))
        asked = await discord.slash("quiz", {"topic": "docker"}, guild_id=GUILD)
        (message,) = await discord.answered(asked)
    _, wrong = right_and_wrong(custom_ids(message), knowledge)
    async with running(tmp_path, discord, knowledge) as adapter:
        pressed = await discord.press(asked.original_id, wrong, user_id=OWNER, guild_id=GUILD)
        await discord.answered(pressed)
        edited = discord.messages[asked.original_id]["embeds"][0]
        assert edited["title"] == "Not quite"
        assert "Next review of Docker: tomorrow." in edited["description"]
        state = await adapter.core.storage.reviews.get(f"discord:{OWNER}", "docker")
        assert state is not None and state.wrong == 1


async def test_reminder_skip_and_snooze_buttons_in_a_dm(tmp_path, discord, knowledge):
    async with running(tmp_path, discord, knowledge) as adapter:
        core = adapter.core
        await discord.answered(await discord.slash("remind", {"time": "09:00", "timezone": "UTC"}))
        engine = reminder_engine(core, {adapter.platform: adapter.outbox})
        core.clock.set(datetime(2026, 3, 2, 9, 1, tzinfo=UTC))
        assert (await engine.run_once()).sent == 1
        (dm,) = discord.channel_messages
        ids = {c["label"]: c["custom_id"] for row in dm["components"] for c in row["components"]}
        assert {"Done", "Skip", "Snooze 1 h"} <= set(ids)
        where = {"channel_id": int(dm["channel_id"])}
        refused = await discord.press(int(dm["id"]), ids["Skip"], user_id=STRANGER, **where)
        (note,) = await discord.answered(refused)
        assert note["embeds"][0]["title"] == "That button is not yours"
        skipped = await discord.press(int(dm["id"]), ids["Skip"], user_id=OWNER, **where)
        (body,) = await discord.answered(skipped)
        first, second = knowledge.checklist(None)[:2]
        assert body["embeds"][0]["title"] == f"Skipped {first.title} for now"
        assert second.title in body["embeds"][0]["description"]
        snoozed = await discord.press(int(dm["id"]), ids["Snooze 1 h"], user_id=OWNER, **where)
        (body,) = await discord.answered(snoozed)
        assert body["embeds"][0]["title"] == "Snoozed"
        core.clock.advance(3600)
        assert (await engine.run_once()).sent == 1
        assert discord.channel_messages[-1]["embeds"][0]["title"] == "Your snoozed reminder"
        assert await core.storage.done_items(f"discord:{OWNER}") == frozenset()
        assert discord.rejected == []
