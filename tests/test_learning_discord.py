"""End to end on the fake Discord: quiz answer buttons (owner only, once, across a restart)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.knowledge import Knowledge
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
