"""End to end on the fake Discord: quiz answer buttons (owner only, once, across a restart)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from bot.knowledge import Knowledge
from bot.serve import reminder_engine
from tests.fakes.discord_api import FakeDiscord
from tests.test_discord_adapter import (
    EPHEMERAL,
    GUILD,
    OWNER,
    STRANGER,
    TOKEN,
    running,
)


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord(TOKEN)
    await server.start()
    yield server
    await server.close()


def option_ids(message: dict, knowledge: Knowledge) -> tuple[str, str]:
    """The custom ids of the right and of a wrong option of the question in ``message``."""
    ids = [c["custom_id"] for row in message["components"] for c in row["components"]]
    answers = [i for i in ids if "|answer " in i]
    question_id = answers[0].rsplit(" ", 2)[1]
    right = knowledge.questions[question_id].answer
    return answers[right], answers[(right + 1) % len(answers)]


async def test_quiz_buttons_answer_once_for_the_learner_only(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        asked = await fake.slash("quiz", {"topic": "docker"}, guild_id=GUILD)
        (message,) = await fake.answered(asked)
        assert message["flags"] & EPHEMERAL
        assert message["embeds"][0]["title"] == "Quiz: Docker"
        right, _ = option_ids(message, knowledge)
        refused = await fake.press(asked.original_id, right, user_id=STRANGER, guild_id=GUILD)
        (note,) = await fake.answered(refused)
        assert note["embeds"][0]["title"] == "That button is not yours"
        # A double press: both presses arrive carrying the question's buttons.
        presses = await asyncio.gather(
            *(fake.press(asked.original_id, right, user_id=OWNER, guild_id=GUILD) for _ in "12")
        )
        titles = set()
        for pressed in presses:
            (body,) = await fake.answered(pressed)
            assert pressed.callbacks[0]["type"] == 7  # the question turns into its answer
            titles.add(body["embeds"][0]["title"])
        assert titles == {"Right!", "You already answered this one"}
        assert fake.rejected == []


async def test_a_quiz_button_from_before_a_restart_still_counts(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        await fake.answered(await fake.slash("done", {"item": "docker"}, guild_id=GUILD))
        asked = await fake.slash("quiz", {"topic": "docker"}, guild_id=GUILD)
        (message,) = await fake.answered(asked)
    _, wrong = option_ids(message, knowledge)
    async with running(tmp_path, fake, knowledge) as adapter:
        pressed = await fake.press(asked.original_id, wrong, user_id=OWNER, guild_id=GUILD)
        await fake.answered(pressed)
        edited = fake.messages[asked.original_id]["embeds"][0]
        assert edited["title"] == "Not quite"
        assert "Next review of Docker: tomorrow." in edited["description"]
        state = await adapter.core.storage.reviews.get(f"discord:{OWNER}", "docker")
        assert state is not None and state.wrong == 1


async def test_reminder_skip_and_snooze_buttons_in_a_dm(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge) as adapter:
        core = adapter.core
        await fake.answered(await fake.slash("remind", {"time": "09:00", "timezone": "UTC"}))
        engine = reminder_engine(core, {adapter.platform: adapter.outbox})
        core.clock.set(datetime(2026, 3, 2, 9, 1, tzinfo=UTC))
        assert (await engine.run_once()).sent == 1
        (dm,) = fake.channel_messages
        ids = {c["label"]: c["custom_id"] for row in dm["components"] for c in row["components"]}
        assert {"Done", "Skip", "Snooze 1 h"} <= set(ids)
        where = {"channel_id": int(dm["channel_id"])}
        refused = await fake.press(int(dm["id"]), ids["Skip"], user_id=STRANGER, **where)
        (note,) = await fake.answered(refused)
        assert note["embeds"][0]["title"] == "That button is not yours"
        skipped = await fake.press(int(dm["id"]), ids["Skip"], user_id=OWNER, **where)
        (body,) = await fake.answered(skipped)
        first, second = knowledge.checklist(None)[:2]
        assert body["embeds"][0]["title"] == f"Skipped {first.title} for now"
        assert second.title in body["embeds"][0]["description"]
        snoozed = await fake.press(int(dm["id"]), ids["Snooze 1 h"], user_id=OWNER, **where)
        (body,) = await fake.answered(snoozed)
        assert body["embeds"][0]["title"] == "Snoozed"
        core.clock.advance(3600)
        assert (await engine.run_once()).sent == 1
        assert fake.channel_messages[-1]["embeds"][0]["title"] == "Your snoozed reminder"
        assert await core.storage.done_items(f"discord:{OWNER}") == frozenset()
        assert fake.rejected == []
