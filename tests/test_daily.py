"""Acting on the daily reminder through the core: Done, Skip, Snooze (once a day), streaks."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.checklist import longest_streak, streak
from bot.core import Core
from bot.messages import Button, Reply
from bot.reminders.buttons import day_code, parse_day
from bot.reminders.engine import ReminderEngine
from bot.serve import reminder_writer
from tests.conftest import make_request
from tests.test_reminders import FakeOutbox, engine_for

KEY = "telegram:42"
HOUR = 3600


def button(reply: Reply, label: str) -> Button:
    return next(b for b in reply.buttons if b.label.startswith(label))


async def press(core: Core, reply: Reply, label: str, user: str = "42") -> Reply:
    """Press the button of ``reply`` whose label starts with ``label``, as ``user``."""
    payload = core.button_payload(button(reply, label), reply.owner or "42")
    return await core.press(make_request(None, user=user), payload)


@given(st.dates(max_value=date(4500, 12, 31)))
def test_day_codes_round_trip_and_stay_short(day: date) -> None:
    assert parse_day(day_code(day)) == day
    assert len(day_code(day)) <= 4


@given(st.text(max_size=10))
def test_any_day_code_text_is_a_date_or_nothing(text: str) -> None:
    parsed = parse_day(text)
    assert parsed is None or isinstance(parsed, date)


def test_longest_streak_and_current_streak() -> None:
    day = date(2026, 3, 2)
    dates = [day - timedelta(days=n) for n in (0, 1, 5, 6, 7, 8)]
    assert (streak(dates, day), longest_streak(dates)) == (2, 4)
    assert longest_streak([]) == 0


async def test_done_ticks_the_named_step_and_answers_with_the_next(ask, core) -> None:
    reminder = await reminder_writer(core).write(KEY)
    first, second = core.knowledge.checklist(None)[:2]
    reply = await press(core, reminder, "Done")
    assert reply.title == f"✓ {first.title} ticked"
    assert f"Next: {second.title}" in reply.blocks
    assert first.id in await core.storage.done_items(KEY)
    assert button(reply, "Done").args.startswith(second.id)
    again = await press(core, reminder, "Done")
    assert again.title == f"{first.title} was already ticked"


async def test_skip_moves_on_without_ticking(core) -> None:
    reminder = await reminder_writer(core).write(KEY)
    first, second, third = core.knowledge.checklist(None)[:3]
    skipped = await press(core, reminder, "Skip")
    assert skipped.title == f"Skipped {first.title} for now"
    assert f"Instead, try: {second.title}" in skipped.blocks
    assert await core.storage.done_items(KEY) == frozenset()
    onwards = await press(core, skipped, "Skip")
    assert f"Instead, try: {third.title}" in onwards.blocks


async def test_done_and_skip_after_the_day_still_work_and_say_so(core, clock) -> None:
    reminder = await reminder_writer(core).write(KEY)
    clock.advance(2 * 24 * HOUR)
    done = await press(core, reminder, "Done")
    assert "ticked" in done.title
    assert any("The day is over, but the button still works." in b for b in done.blocks)
    late = await press(core, reminder, "Snooze")
    assert late.title == "That reminder's day is over"


async def test_only_the_learner_can_press_the_reminder_buttons(core) -> None:
    reminder = await reminder_writer(core).write(KEY)
    for label in ("Done", "Skip", "Snooze"):
        refused = await press(core, reminder, label, user="43")
        assert refused.title == "That button is not yours"
    assert await core.storage.done_items(KEY) == frozenset()


async def test_stale_or_typed_step_buttons_get_friendly_replies(ask) -> None:
    for command, args in [
        ("rdone", ""),
        ("rdone", "no-such-topic abc"),
        ("rskip", "docker !!"),
        ("snooze", ""),
        ("snooze", "zzzzzzzzz"),
    ]:
        reply = await ask(command, args)
        assert reply.title in {
            "That button no longer matches a step",
            "That button no longer works",
        }, (command, args)


async def test_snoozed_reminder_comes_back_once_that_day(ask, core, clock) -> None:
    outbox = FakeOutbox(clock)
    engine: ReminderEngine = engine_for(core, outbox)
    await ask("remind", "10:00 UTC")
    clock.set(clock.now().replace(hour=10, minute=0))
    assert (await engine.run_once()).sent == 1
    (_, _, reminder) = outbox.sent[0]
    snoozed = await press(core, reminder, "Snooze 1 h")
    assert snoozed.title == "Snoozed" and "11:00" in snoozed.blocks[0]
    twice = await press(core, reminder, "Snooze 1 h")
    assert twice.title == "Already snoozed today"
    clock.advance(59 * 60)
    assert (await engine.run_once()).sent == 0
    clock.advance(60)
    assert (await engine.run_once()).sent == 1
    (_, _, back) = outbox.sent[1]
    assert back.title == "Your snoozed reminder"
    assert not any(b.command == "snooze" for b in back.buttons)
    clock.advance(2 * HOUR)
    assert (await engine.run_once()).sent == 0
    never_more = await press(core, reminder, "Snooze 1 h")
    assert never_more.title == "Already snoozed today"
    assert "already came back" in never_more.blocks[0]


async def test_snooze_till_the_evening_time_set_once(ask, core, clock) -> None:
    reminder = await reminder_writer(core).write(KEY)
    assert [b.label for b in reminder.buttons if b.command == "snooze"] == ["Snooze 1 h"]
    assert (await ask("evening", "7pm")).title == "Evening time set"
    assert (await ask("evening", "nonsense")).title == "That is not a time I understand"
    reminder = await reminder_writer(core).write(KEY)
    evening = await press(core, reminder, "Snooze till 19:00")
    assert evening.title == "Snoozed" and "19:00" in evening.blocks[0]
    data = await core.storage.export_user(KEY)
    assert data["snooze"]["evening_time"] == "19:00"
    await ask("forget", "confirm")
    assert await core.storage.snoozes.evening(KEY) is None


async def test_streaks_count_ticks_and_answers_and_show_in_progress(ask, core, clock) -> None:
    await ask("done", "docker")
    clock.advance(24 * HOUR)
    reply = await ask("quiz", "rest")
    question = core.knowledge.questions[reply.buttons[0].args.split()[0]]
    await ask("answer", f"{question.id} 0")
    progress = await ask("progress")
    assert "Streak: 2 days now, longest 2 days." in progress.blocks
    reminder = await reminder_writer(core).write(KEY)
    assert {f.name: f.value for f in reminder.fields}["Streak"] == "2 days in a row"
    clock.advance(3 * 24 * HOUR)
    later = await ask("progress")
    assert "Streak: 0 days now, longest 2 days." in later.blocks
    assert "Streak" not in {f.name for f in (await reminder_writer(core).write(KEY)).fields}


async def test_button_commands_are_never_suggested_for_a_typo(ask) -> None:
    for typo, hidden in [("skip", "rskip"), ("don", "rdone"), ("answr", "answer")]:
        reply = await ask(typo)
        assert reply.title == "Unknown command"
        assert all(button.command != hidden for button in reply.buttons), typo
        assert f"/{hidden}" not in "\n".join(reply.blocks)
