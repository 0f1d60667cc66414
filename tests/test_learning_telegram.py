"""End to end on the fake Bot API: quiz answer buttons (owner only, once, across a restart)."""

from __future__ import annotations

import pytest

from tests.conftest import right_and_wrong
from tests.test_telegram_adapter import (
    ADA,
    BOB,
    due_reminder,
    failed_calls,
    press_and_wait,
    rows,
    running,
)

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


def callback_data(message: dict) -> list[str]:
    """The callback data of the buttons on ``message``."""
    return [button["callback_data"] for row in rows(message) for button in row]


async def test_quiz_buttons_answer_once_for_the_learner_only(tmp_path, telegram, knowledge):
    async with running(tmp_path, telegram, knowledge):
        await telegram.send_text("/quiz docker", user=ADA)
        (question,) = await telegram.replies(ADA, 1)
        assert "Quiz: Docker" in question["text"]
        right, _ = right_and_wrong(callback_data(question), knowledge)
        refused = await press_and_wait(telegram, question, right, BOB)
        assert "not yours" in refused["text"]
        await press_and_wait(telegram, question, right, ADA)
        (edit,) = await telegram.wait_for(lambda: telegram.calls_to("editMessageText"))
        assert edit.params["message_id"] == str(question["message_id"])
        assert "Right!" in telegram.sent(ADA)[-1]["text"]
        # The same (old) button pressed again: explained, not counted twice.
        await press_and_wait(telegram, question, right, ADA)
        await telegram.wait_for(lambda: len(telegram.calls_to("editMessageText")) == 2)
        assert "already answered" in telegram.sent(ADA)[-1]["text"]
        assert failed_calls(telegram) == []


async def test_a_quiz_button_from_before_a_restart_still_counts(tmp_path, telegram, knowledge):
    async with running(tmp_path, telegram, knowledge):
        await telegram.send_text("/done docker", user=ADA)
        await telegram.send_text("/quiz docker", user=ADA)
        question = (await telegram.replies(ADA, 2))[1]
    _, wrong = right_and_wrong(callback_data(question), knowledge)
    async with running(tmp_path, telegram, knowledge) as adapter:
        await press_and_wait(telegram, question, wrong, ADA)
        await telegram.wait_for(lambda: telegram.calls_to("editMessageText"))
        text = telegram.sent(ADA)[-1]["text"]
        assert "Not quite" in text and "Next review of Docker: tomorrow." in text
        state = await adapter.core.storage.reviews.get(f"telegram:{ADA}", "docker")
        assert state is not None and state.wrong == 1


async def test_reminder_done_and_snooze_buttons_for_the_learner_only(tmp_path, telegram, knowledge):
    async with running(tmp_path, telegram, knowledge) as adapter:
        engine = await due_reminder(telegram, adapter)
        assert (await engine.run_once()).sent == 1
        (_, reminder) = await telegram.replies(ADA, 2)
        data = {b["text"]: b["callback_data"] for row in rows(reminder) for b in row}
        assert {"Done", "Skip", "Snooze 1 h"} <= set(data)
        refused = await press_and_wait(telegram, reminder, data["Done"], BOB)
        assert "not yours" in refused["text"]
        first = knowledge.checklist(None)[0]
        await press_and_wait(telegram, reminder, data["Done"], ADA)
        ticked = (await telegram.replies(ADA, 3))[2]
        assert f"✓ {first.title} ticked" in ticked["text"]
        assert first.id in await adapter.core.storage.done_items(f"telegram:{ADA}")
        await press_and_wait(telegram, reminder, data["Snooze 1 h"], ADA)
        assert "Snoozed" in (await telegram.replies(ADA, 4))[3]["text"]
        adapter.core.clock.advance(3600)
        assert (await engine.run_once()).sent == 1
        back = (await telegram.replies(ADA, 5))[4]
        assert "Your snoozed reminder" in back["text"]
        assert not [b for row in rows(back) for b in row if "snooze" in b["callback_data"]]
        adapter.core.clock.advance(3600)
        assert (await engine.run_once()).sent == 0
        assert failed_calls(telegram) == []
