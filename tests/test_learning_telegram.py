"""End to end on the fake Bot API: quiz answer buttons (owner only, once, across a restart)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.knowledge import Knowledge
from tests.fakes.telegram_api import FakeTelegram
from tests.test_telegram_adapter import (
    ADA,
    BOB,
    TOKEN,
    failed_calls,
    press_and_wait,
    rows,
    running,
)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram(TOKEN)
    await server.start()
    yield server
    await server.close()


pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


def option_data(message: dict, knowledge: Knowledge) -> tuple[str, str]:
    """The callback data of the right and of a wrong option of the question in ``message``."""
    data = [button["callback_data"] for row in rows(message) for button in row]
    answers = [d for d in data if "|answer " in d]
    question_id = answers[0].rsplit(" ", 2)[1]
    right = knowledge.questions[question_id].answer
    return answers[right], answers[(right + 1) % len(answers)]


async def test_quiz_buttons_answer_once_for_the_learner_only(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        await fake.send_text("/quiz docker", user=ADA)
        (question,) = await fake.replies(ADA, 1)
        assert "Quiz: Docker" in question["text"]
        right, _ = option_data(question, knowledge)
        refused = await press_and_wait(fake, question, right, BOB)
        assert "not yours" in refused["text"]
        await press_and_wait(fake, question, right, ADA)
        (edit,) = await fake.wait_for(lambda: fake.calls_to("editMessageText"))
        assert edit.params["message_id"] == str(question["message_id"])
        assert "Right!" in fake.sent(ADA)[-1]["text"]
        # The same (old) button pressed again: explained, not counted twice.
        await press_and_wait(fake, question, right, ADA)
        await fake.wait_for(lambda: len(fake.calls_to("editMessageText")) == 2)
        assert "already answered" in fake.sent(ADA)[-1]["text"]
        assert failed_calls(fake) == []


async def test_a_quiz_button_from_before_a_restart_still_counts(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        await fake.send_text("/done docker", user=ADA)
        await fake.send_text("/quiz docker", user=ADA)
        question = (await fake.replies(ADA, 2))[1]
    _, wrong = option_data(question, knowledge)
    async with running(tmp_path, fake, knowledge) as adapter:
        await press_and_wait(fake, question, wrong, ADA)
        await fake.wait_for(lambda: fake.calls_to("editMessageText"))
        text = fake.sent(ADA)[-1]["text"]
        assert "Not quite" in text and "Next review of Docker: tomorrow." in text
        state = await adapter.core.storage.reviews.get(f"telegram:{ADA}", "docker")
        assert state is not None and state.wrong == 1
