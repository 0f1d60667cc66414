"""The daily reminder's buttons: Done and Skip for the step it names, and Snooze.

They carry the step they name and the local date of the reminder (as a short code, so a button
fits Telegram's 64 bytes with a 32-character topic id and a 20-digit owner). The commands they
run are in :mod:`bot.features.daily`.
"""

from __future__ import annotations

from datetime import date, time

from bot.messages import Button, ButtonStyle

#: The argument of /snooze that means "this evening".
EVENING = "evening"
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def day_code(day: date) -> str:
    """A date as a short code: its ordinal in base 36 (four characters until the year 4500)."""
    number, code = day.toordinal(), ""
    while number:
        number, digit = divmod(number, 36)
        code = _DIGITS[digit] + code
    return code


def parse_day(code: str) -> date | None:
    """The date of a :func:`day_code`, or ``None`` if ``code`` is not one."""
    if not code or len(code) > 6 or any(ch not in _DIGITS for ch in code):
        return None
    try:
        return date.fromordinal(int(code, 36))
    except (ValueError, OverflowError):
        return None


def step_buttons(topic_id: str, day: date) -> tuple[Button, ...]:
    """Done and Skip for the step a reminder of ``day`` names."""
    code = day_code(day)
    return (
        Button("Done", "rdone", f"{topic_id} {code}", ButtonStyle.SUCCESS),
        Button("Skip", "rskip", f"{topic_id} {code}"),
    )


def snooze_buttons(day: date, evening: time | None) -> tuple[Button, ...]:
    """Snooze for an hour, and until the evening if the learner set an evening time."""
    code = day_code(day)
    buttons = [Button("Snooze 1 h", "snooze", code)]
    if evening is not None:
        buttons.append(Button(f"Snooze till {evening:%H:%M}", "snooze", f"{code} {EVENING}"))
    return tuple(buttons)
