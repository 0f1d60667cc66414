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
    due_reminder,
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


async def test_reminder_done_and_snooze_buttons_for_the_learner_only(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge) as adapter:
        engine = await due_reminder(fake, adapter)
        assert (await engine.run_once()).sent == 1
        (_, reminder) = await fake.replies(ADA, 2)
        data = {b["text"]: b["callback_data"] for row in rows(reminder) for b in row}
        assert {"Done", "Skip", "Snooze 1 h"} <= set(data)
        refused = await press_and_wait(fake, reminder, data["Done"], BOB)
        assert "not yours" in refused["text"]
        first = knowledge.checklist(None)[0]
        await press_and_wait(fake, reminder, data["Done"], ADA)
        ticked = (await fake.replies(ADA, 3))[2]
        assert f"✓ {first.title} ticked" in ticked["text"]
        assert first.id in await adapter.core.storage.done_items(f"telegram:{ADA}")
        await press_and_wait(fake, reminder, data["Snooze 1 h"], ADA)
        assert "Snoozed" in (await fake.replies(ADA, 4))[3]["text"]
        adapter.core.clock.advance(3600)
        assert (await engine.run_once()).sent == 1
        back = (await fake.replies(ADA, 5))[4]
        assert "Your snoozed reminder" in back["text"]
        assert not [b for row in rows(back) for b in row if "snooze" in b["callback_data"]]
        adapter.core.clock.advance(3600)
        assert (await engine.run_once()).sent == 0
        assert failed_calls(fake) == []
