"""/remind and /timezone: the user's daily learning reminder and their time zone.

``/remind HH:MM [zone] [dm|here]`` sets the reminder (``dm``: the user's direct messages, the
default a platform with typed options fills in; ``here`` or nothing: this chat), ``/remind off``
stops it and ``/remind`` shows it. Setting it, showing it and moving it to a new time zone
echo the next send time in the user's local time.
"""

from __future__ import annotations

from datetime import datetime, time

from bot.commands import Command, Context, Option, OptionKind
from bot.limits import QUOTE_CHARS, SUGGESTIONS
from bot.matching import Resolution
from bot.messages import Button, ChatKind, Reply, ReplyKind
from bot.reminder_model import Reminder
from bot.text import shorten
from bot.timezones import TimeParseError, parse_time, resolve_timezone, zone_info

#: Delivery target words the args may end with.
TARGET_DM, TARGET_HERE = "dm", "here"
#: The zone used until the user sets one.
DEFAULT_ZONE = "UTC"
#: How many leading words may form the time ("9:30 pm" is two, "9 30 pm" three).
TIME_WORDS = 3
USAGE = "/remind HH:MM [time zone] · /remind off · /timezone <city>"


def _when(instant: datetime, zone: str, now: datetime) -> str:
    """``"Tue 5 Mar, 09:00 Europe/Berlin (in 3 h 5 min)"``."""
    local = instant.astimezone(zone_info(zone))
    minutes = max(round((instant - now).total_seconds() / 60), 0)
    hours, minutes = divmod(minutes, 60)
    wait = f"{hours} h {minutes} min" if hours else f"{minutes} min"
    return f"{local:%a} {local.day} {local:%b}, {local:%H:%M} {zone} (in {wait})"


def _zone_miss(query: str, resolution: Resolution) -> Reply:
    blocks = [f"I don't know the time zone “{shorten(query, QUOTE_CHARS)}”."]
    if resolution.suggestions:
        names = ", ".join(m.id for m in resolution.suggestions[:SUGGESTIONS])
        blocks.append(f"Did you mean: {names}?")
    blocks.append("Use a city or an IANA name, like “Berlin”, “New York” or “Asia/Kolkata”.")
    return Reply("Unknown time zone", tuple(blocks), kind=ReplyKind.NOT_FOUND, private=True)


def _fixed_offset_note(zone: str) -> list[str]:
    """A warning for a fixed-offset zone (``Etc/GMT-2``), which never moves its clocks."""
    if not zone.startswith("Etc/"):
        return []
    return [
        f"{zone} is a fixed offset: it does not follow daylight saving time. "
        "If your clocks change in summer, send /timezone <your city> instead."
    ]


def _error(title: str, text: str) -> Reply:
    return Reply(title, (text, f"Usage: {USAGE}"), kind=ReplyKind.ERROR, private=True)


#: Words that end a 12-hour time ("9 pm", "9 p.m."), never a time zone.
_MERIDIEM = frozenset({"am", "pm", "a.m", "p.m"})


def _split_time(words: list[str]) -> tuple[time, list[str]]:
    """The time from the first one to ``TIME_WORDS`` words, and the words left over."""
    errors: dict[int, TimeParseError] = {}
    for count in range(min(TIME_WORDS, len(words)), 0, -1):
        try:
            parsed = parse_time(" ".join(words[:count]))
        except TimeParseError as problem:
            errors[count] = problem
            continue
        if count + 1 in errors and words[count].casefold().strip(".") in _MERIDIEM:
            raise errors[count + 1]  # "23:59 pm": the "pm" belongs to the time, which is wrong
        return parsed, words[count:]
    # Nothing read as a time: the complaint about the first word alone is the clearest.
    raise errors[1] if errors else TimeParseError("Tell me a time, like 09:00 or 9am.")


async def _user_zone(ctx: Context, user_key: str) -> str | None:
    user = await ctx.storage.get_user(user_key)
    if user.timezone:
        return user.timezone
    reminder = await ctx.storage.reminders.get(user_key)
    return reminder.zone if reminder is not None else None


async def remind(ctx: Context) -> Reply:
    """Set, show or stop the daily reminder."""
    request = ctx.request
    words = ctx.args.split()
    target = TARGET_HERE
    if words and words[-1].casefold() in (TARGET_DM, TARGET_HERE):
        target = words.pop().casefold()
    if not words:
        return await _show(ctx, ctx.learner)
    if len(words) == 1 and words[0].casefold() in ("off", "stop", "cancel"):
        stopped = await ctx.storage.reminders.disable(ctx.learner, None, ctx.clock.now())
        text = "Your daily reminder is off." if stopped else "You had no daily reminder on."
        return Reply(
            "Reminder off",
            (text, "Send /remind HH:MM to start again."),
            kind=ReplyKind.CONFIRM,
            private=True,
        )
    try:
        at, rest = _split_time(words)
    except TimeParseError as error:
        return _error("That is not a time I understand", str(error))
    zone = None
    if rest:
        resolution = resolve_timezone(" ".join(rest))
        if resolution.match is None:
            return _zone_miss(" ".join(rest), resolution)
        zone = resolution.match.id
        await ctx.storage.set_timezone(ctx.learner, zone)
    zone = zone or await _user_zone(ctx, ctx.learner) or DEFAULT_ZONE
    now = ctx.clock.now()
    to_dm = target == TARGET_DM
    reminder = Reminder(
        user_key=ctx.learner,
        platform=request.platform,
        user_id=request.user_id,
        user_name=request.user_name,
        chat_id=None if to_dm else request.chat_id,
        chat_kind=ChatKind.PRIVATE if to_dm else request.chat_kind,
        local_time=at,
        zone=zone,
        enabled=True,
        next_due=now,  # the store works out the next due time
    )
    reminder = await ctx.storage.reminders.set_reminder(reminder, now)
    where = "in your direct messages" if to_dm else "here in this chat"
    blocks = [
        f"Every day at {at:%H:%M} ({zone}), {where}.",
        f"Next one: {_when(reminder.next_due, zone, now)}.",
    ]
    if not rest and zone == DEFAULT_ZONE:
        blocks.append("That is UTC: send /timezone <your city> to use your own time.")
    blocks += _fixed_offset_note(zone)
    return Reply(
        "Daily reminder set",
        tuple(blocks),
        buttons=(Button("Turn off", "remind", "off"),),
        kind=ReplyKind.CONFIRM,
        private=True,
    )


async def _show(ctx: Context, user_key: str) -> Reply:
    reminder = await ctx.storage.reminders.get(user_key)
    if reminder is None or not reminder.enabled:
        return Reply(
            "No daily reminder",
            (
                "You have no daily reminder on. Send /remind 09:00 Berlin (your time and city) "
                "for one message a day with your next item.",
            ),
            private=True,
        )
    where = "your direct messages" if reminder.chat_id is None else "the chat you set it in"
    now = ctx.clock.now()
    return Reply(
        "Your daily reminder",
        (
            f"Every day at {reminder.local_time:%H:%M} ({reminder.zone}), in {where}.",
            f"Next one: {_when(reminder.next_due, reminder.zone, now)}.",
        ),
        buttons=(Button("Turn off", "remind", "off"),),
        private=True,
    )


async def timezone(ctx: Context) -> Reply:
    """Set or show the user's time zone (and move their reminder with it)."""
    user_key = ctx.learner
    now = ctx.clock.now()
    if not ctx.args:
        zone = await _user_zone(ctx, user_key)
        if zone is None:
            return Reply(
                "No time zone set",
                ("Send /timezone <city>, for example /timezone Berlin or /timezone New York.",),
                private=True,
            )
        return Reply(
            "Your time zone",
            (f"{zone}: it is {now.astimezone(zone_info(zone)):%H:%M} there now.",),
            private=True,
        )
    resolution = resolve_timezone(ctx.args)
    if resolution.match is None:
        return _zone_miss(ctx.args, resolution)
    zone = resolution.match.id
    await ctx.storage.set_timezone(user_key, zone)
    blocks = [f"It is {now.astimezone(zone_info(zone)):%H:%M} there now."]
    reminder = await ctx.storage.reminders.get(user_key)
    if reminder is not None and reminder.enabled:
        moved = await ctx.storage.reminders.move_zone(user_key, zone, now)
        if moved is not None:
            blocks.append(f"Your daily reminder follows: next one {_when(moved, zone, now)}.")
    blocks += _fixed_offset_note(zone)
    return Reply(f"Time zone set to {zone}", tuple(blocks), kind=ReplyKind.CONFIRM, private=True)


COMMANDS = [
    Command(
        "remind",
        "Get a daily reminder with your next item",
        remind,
        usage="/remind HH:MM [time zone] · /remind off · /remind",
        options=(
            Option("time", "Time of day, like 09:00 or 9am (or “off”)", OptionKind.TIME),
            Option("timezone", "Your city or time zone, like Berlin", OptionKind.TIMEZONE),
            Option(
                "where",
                "Send it here or to your DMs (the default for a slash command)",
                OptionKind.CHOICE,
                choices=(TARGET_DM, TARGET_HERE),
                default=TARGET_DM,
            ),
        ),
        learner=True,
    ),
    Command(
        "timezone",
        "Set your time zone for reminders",
        timezone,
        usage="/timezone <city or zone>",
        options=(Option("zone", "Your city or time zone", OptionKind.TIMEZONE, required=True),),
        learner=True,
    ),
]
