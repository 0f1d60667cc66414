"""Button payloads: a button's command packed with its owner, within platform size limits.

A payload is ``<owner user id>|<command> <args>``. Telegram allows 64 bytes of callback data
and Discord 100 characters of custom id, so payloads are capped at the smaller of the two.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.limits import MAX_ACTION_BYTES
from bot.messages import Button

SEPARATOR = "|"


@dataclass(frozen=True, slots=True)
class Action:
    """A decoded button press: whose data it acts on and which command it runs."""

    owner_id: str
    command: str
    args: str


def encode_action(button: Button, owner_id: str) -> str:
    """Pack a button for a platform; raise ``ValueError`` if it would not fit."""
    payload = f"{owner_id}{SEPARATOR}{button.command} {button.args}".rstrip()
    if len(payload.encode()) > MAX_ACTION_BYTES:
        raise ValueError(f"button payload too long ({len(payload.encode())} bytes): {payload!r}")
    return payload


def decode_action(payload: str) -> Action | None:
    """Unpack a payload made by :func:`encode_action`; ``None`` if it is not one."""
    owner_id, separator, rest = payload.partition(SEPARATOR)
    command, _, args = rest.strip().partition(" ")
    if not separator or not command:
        return None
    return Action(owner_id, command, args.strip())
