"""Acting on the daily reminder: its Done, Skip and Snooze buttons, and /evening.

The buttons (made by :mod:`bot.reminders.buttons`) carry the step they name and the local date
of the reminder:

- ``/rdone <topic> <day>`` ticks the step and answers with the next one;
- ``/rskip <topic> <day>`` shows the next unticked step after it, ticking nothing (the
  reminder itself keeps naming the first unticked step);
- ``/snooze <day> [evening]`` brings the reminder back in an hour, or at the learner's evening
  time (set once with ``/evening HH:MM``). A day's reminder comes back once, never more.

Done and Skip pressed after the reminder's day still work and say so; Snooze then explains that
the day is over. Only the learner can press them (the core checks the buttons' owner).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from typing import NamedTuple

from bot import checklist
from bot.commands import Command, Context, Handler, Option, OptionKind
from bot.features.knowledge import first_sentence
from bot.features.personal import PROGRESS, local_today
from bot.knowledge import Topic
from bot.messages import Button, Reply, ReplyKind, private_reply
from bot.reminder_schedule import local_instant
from bot.reminders.buttons import EVENING, parse_day, step_buttons
from bot.timezones import TimeParseError, parse_time, zone_info
from bot.users import UserRecord

#: How long "Snooze" puts the reminder off.
SNOOZE = timedelta(hours=1)
#: Words that clear the evening time.
OFF_WORDS = frozenset({"off", "none", "clear"})


def _late(day: date, today: date) -> str:
    """A note that a button belongs to an earlier day's reminder (empty if it is today's)."""
    if day >= today:
        return ""
    return (
        f"That was the reminder of {day:%a} {day.day} {day:%b}. "
        "The day is over, but the button still works."
    )


def _step(topic: Topic, day: date, intro: str) -> tuple[list[str], tuple[Button, ...]]:
    """Blocks and buttons presenting ``topic`` as the step to take now."""
    blocks = [f"{intro}: {topic.title}", first_sentence(topic.summary, topic.title)]
    return blocks, (*step_buttons(topic.id, day), Button("More about it", "topic", topic.id))


class _Press(NamedTuple):
    """A Done or Skip press: the step and day its button names, who pressed it, their today.

    ``done`` is what they had ticked when it was pressed.
    """

    topic: Topic
    day: date
    user: UserRecord
    today: date
    done: frozenset[str]


async def _pressed_step(ctx: Context) -> _Press | None:
    """The press behind ``/rdone`` or ``/rskip``, or ``None`` if its step or day is unknown."""
    topic_id, _, code = ctx.args.partition(" ")
    topic = ctx.knowledge.topic(topic_id)
    day = parse_day(code)
    if topic is None or day is None:
        return None
    user, done = await ctx.storage.checklist_state(ctx.learner)
    return _Press(topic, day, user, local_today(ctx, user.timezone), done)


def _on_press(act: Callable[[Context, _Press], Awaitable[Reply]]) -> Handler:
    """The handler of a Done or Skip button: ``act`` on its press, if it still names a step."""

    async def handler(ctx: Context) -> Reply:
        press = await _pressed_step(ctx)
        if press is not None:
            return await act(ctx, press)
        return private_reply(
            "That button no longer matches a step",
            "The roadmap has changed since. Send /next for your next step.",
            buttons=(Button("Next", "next"), PROGRESS),
            kind=ReplyKind.NOT_FOUND,
        )

    return handler


async def step_done(ctx: Context, press: _Press) -> Reply:
    """Tick the step a reminder named and answer with the next one."""
    topic, day, user, today, done = press
    changed = await ctx.storage.mark_done(ctx.learner, topic.id, ctx.clock.now(), today)
    done |= {topic.id}  # the ticks read with the press, and this one: no second read
    progress = checklist.progress(ctx.knowledge, user.track, done)
    title = f"✓ {topic.title} ticked" if changed else f"{topic.title} was already ticked"
    upcoming = checklist.next_item(ctx.knowledge, user.track, done)
    if upcoming is None:
        return private_reply(
            title,
            _late(day, today),
            "That was the last step on your checklist. Well done!",
            checklist.summary(progress),
            buttons=(PROGRESS,),
        )
    blocks, buttons = _step(upcoming, today, "Next")
    return private_reply(
        title, _late(day, today), *blocks, checklist.summary(progress), buttons=buttons
    )


async def step_skip(ctx: Context, press: _Press) -> Reply:
    """Show the next unticked step after the one a reminder named, ticking nothing."""
    topic, day, user, today, done = press
    items = checklist.layout(ctx.knowledge, user.track).items
    ids = [item.id for item in items]
    start = ids.index(topic.id) + 1 if topic.id in ids else 0
    following = next(
        (item for item in (*items[start:], *items[:start]) if item.id not in done | {topic.id}),
        None,
    )
    if following is None:
        return private_reply(
            f"Nothing to skip to after {topic.title}",
            _late(day, today),
            f"{topic.title} is the only unticked step on your checklist.",
            buttons=(*step_buttons(topic.id, today)[:1], PROGRESS),
        )
    blocks, buttons = _step(following, today, "Instead, try")
    return private_reply(
        f"Skipped {topic.title} for now",
        _late(day, today),
        *blocks,
        f"{topic.title} stays unticked; /next still starts from the first unticked step.",
        buttons=buttons,
    )


async def snooze(ctx: Context) -> Reply:
    """Bring today's reminder back in an hour, or this evening; once a day."""
    code, _, when = ctx.args.partition(" ")
    day = parse_day(code)
    if day is None:
        return private_reply(
            "That button no longer works",
            "Snooze works from the buttons of a daily reminder.",
            kind=ReplyKind.ERROR,
        )
    storage, key, now = ctx.storage, ctx.learner, ctx.clock.now()
    user = await storage.get_user(key)
    today = local_today(ctx, user.timezone)
    if day < today:
        return private_reply(
            "That reminder's day is over",
            f"It was the reminder of {day:%a} {day.day} {day:%b}. Today's comes as usual.",
            buttons=(Button("Next", "next"),),
        )
    reminder = await storage.reminders.get(key)
    zone = zone_info(user.timezone or (reminder.zone if reminder else None) or "UTC")
    if when == EVENING:
        evening = await storage.snoozes.evening(key)
        if evening is None:
            return private_reply(
                "No evening time set",
                "Send /evening HH:MM once (for example /evening 19:00); then Snooze till "
                "evening brings the reminder back at that time.",
                buttons=(Button("Snooze 1 h", "snooze", code),),
            )
        due = local_instant(today, evening, zone)
        if due <= now:
            return private_reply(
                f"It is already past {evening:%H:%M}",
                "Snooze for an hour instead?",
                buttons=(Button("Snooze 1 h", "snooze", code),),
            )
    else:
        due = now + SNOOZE
    made, snoozed = await storage.snoozes.snooze(key, day, due, now)
    if not made:
        back = (
            f"It comes back at {snoozed.due.astimezone(zone):%H:%M}."
            if snoozed.due is not None
            else "It already came back once."
        )
        return private_reply(
            "Already snoozed today",
            f"A reminder comes back once a day. {back}",
            kind=ReplyKind.ERROR,
        )
    return private_reply(
        "Snoozed",
        f"I'll remind you again at {due.astimezone(zone):%H:%M}.",
        kind=ReplyKind.CONFIRM,
    )


async def evening(ctx: Context) -> Reply:
    """Set, show or clear the time "Snooze till evening" brings a reminder back."""
    storage, key, now = ctx.storage, ctx.learner, ctx.clock.now()
    if not ctx.args:
        at = await storage.snoozes.evening(key)
        text = (
            f"Snooze till evening brings a reminder back at {at:%H:%M}."
            if at is not None
            else "You have no evening time. Send /evening 19:00 (your time) to set one."
        )
        return private_reply("Your evening time", text)
    if ctx.args.casefold() in OFF_WORDS:
        await storage.snoozes.set_evening(key, None, now)
        return private_reply("Evening time cleared", "Snooze now offers one hour only.")
    try:
        at = parse_time(ctx.args)
    except TimeParseError as error:
        return private_reply(
            "That is not a time I understand",
            str(error),
            "Usage: /evening HH:MM, or /evening off",
            kind=ReplyKind.ERROR,
        )
    await storage.snoozes.set_evening(key, at, now)
    return private_reply(
        "Evening time set",
        f"Snooze till {at:%H:%M} now appears on your daily reminder.",
        kind=ReplyKind.CONFIRM,
    )


COMMANDS = [
    Command(
        "evening",
        "The time Snooze till evening brings a reminder back",
        evening,
        "/evening [HH:MM|off]",
        (Option("time", "Time of day, like 19:00 (or off)", OptionKind.TIME),),
        learner=True,
    ),
    Command(
        "rdone",
        "Tick a reminder's step",
        _on_press(step_done),
        "/rdone <step> <day>",
        listed=False,
        learner=True,
    ),
    Command(
        "rskip",
        "Skip a reminder's step",
        _on_press(step_skip),
        "/rskip <step> <day>",
        listed=False,
        learner=True,
    ),
    Command(
        "snooze",
        "Snooze a daily reminder",
        snooze,
        "/snooze <day> [evening]",
        listed=False,
        learner=True,
    ),
]
