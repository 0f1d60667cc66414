"""The platform-neutral request and reply model shared by the core and every adapter.

An adapter turns a platform event into a :class:`Request`, hands it to
:meth:`bot.core.Core.handle` and renders the :class:`Reply` it gets back. Every string in a
reply is plain text (no markup): adapters escape it for their platform.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any


class ChatKind(enum.StrEnum):
    """Where a message was written."""

    PRIVATE = "private"
    GROUP = "group"


def user_key_of(platform: str, user_id: str) -> str:
    """A user's id namespaced by platform: ``telegram:42`` is not ``discord:42``."""
    return f"{platform}:{user_id}"


@dataclass(frozen=True, slots=True)
class Request:
    """One thing a user asked of the bot, whatever the platform.

    ``command`` is the command name without the slash (``"lang"``), or ``None`` for a plain
    message; ``args`` is the rest of the line as the user typed it.
    """

    platform: str
    user_id: str
    chat_id: str
    chat_kind: ChatKind
    command: str | None
    args: str = ""
    user_name: str = ""

    @property
    def user_key(self) -> str:
        """The user's id namespaced by platform (:func:`user_key_of`)."""
        return user_key_of(self.platform, self.user_id)


class ButtonStyle(enum.StrEnum):
    """How prominent a button is; adapters map it to what their platform has."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
    SUCCESS = "success"
    DANGER = "danger"


@dataclass(frozen=True, slots=True)
class Button:
    """A follow-up command the user can run with one tap (``command`` ``args``)."""

    label: str
    command: str
    args: str = ""
    style: ButtonStyle = ButtonStyle.SECONDARY

    @property
    def command_line(self) -> str:
        """The command this button stands for, as a user would type it."""
        return f"/{self.command} {self.args}".rstrip()


@dataclass(frozen=True, slots=True)
class Field:
    """A named piece of a reply (a section, a list); ``value`` may span several lines."""

    name: str
    value: str
    inline: bool = False


@dataclass(frozen=True, slots=True)
class Link:
    """A resource the reply points to."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a reply: a data export, a picture.

    Adapters show a picture (``media_type`` ``image/…``) as one: a photo, an image in the embed,
    a file the terminal names; any other file is sent as a document.
    """

    filename: str
    content: bytes
    media_type: str = "application/octet-stream"

    @property
    def is_image(self) -> bool:
        """Whether the file is a picture."""
        return self.media_type.startswith("image/")

    @property
    def is_text(self) -> bool:
        """Whether the file is text that can be shown as it is (JSON or ``text/…``)."""
        return self.media_type == "application/json" or self.media_type.startswith("text/")


#: What adapters put before each notice, so it stands apart from the answer it comes with.
NOTICE_MARK = "📣 "


class ReplyKind(enum.StrEnum):
    """What sort of answer a reply is, for adapters that colour or log them."""

    ANSWER = "answer"
    NOT_FOUND = "not_found"
    ERROR = "error"
    CONFIRM = "confirm"
    REMINDER = "reminder"


@dataclass(frozen=True, slots=True)
class Reply:
    """A complete, structured answer.

    ``blocks`` are paragraphs of plain text, shown as written. ``private`` marks
    replies about the user's own data (Discord shows them only to that user). ``owner`` is the
    platform user id whose data the buttons act on; the core refuses presses by anyone else.
    ``updates_pressed`` asks adapters, when the reply answers a button press, to replace the
    message that carried the button (the item just ticked) instead of sending a new one.
    Buttons are unique by command line: a later button running the same command as an earlier
    one is dropped (platforms refuse a message with two buttons of the same payload).
    """

    title: str
    blocks: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    links: tuple[Link, ...] = ()
    buttons: tuple[Button, ...] = ()
    footer: str = ""
    kind: ReplyKind = ReplyKind.ANSWER
    private: bool = False
    owner: str = ""
    attachment: Attachment | None = None
    notices: tuple[str, ...] = field(default=())
    updates_pressed: bool = False

    def __post_init__(self) -> None:
        unique: dict[str, Button] = {}
        for button in self.buttons:
            unique.setdefault(button.command_line, button)
        if len(unique) < len(self.buttons):
            object.__setattr__(self, "buttons", tuple(unique.values()))

    def replaces_pressed(self, *, pressed_is_private: bool) -> bool:
        """Whether this reply, answering a button press, replaces the message that carried it.

        Only when it asks to (``updates_pressed``), has no file to attach (an edit cannot add
        one) and shows nothing private to others: a private reply replaces only a message that
        only the presser sees (``pressed_is_private``).
        """
        return (
            self.updates_pressed
            and self.attachment is None
            and (not self.private or pressed_is_private)
        )

    def owned_by(self, owner: str) -> Reply:
        """Return a copy whose buttons act on ``owner``'s data.

        Cheaper than :func:`dataclasses.replace` (the core does this for most replies): the
        buttons are already unique, so the copy skips checking them again.
        """
        copy = object.__new__(Reply)
        for name in Reply.__slots__:
            object.__setattr__(copy, name, getattr(self, name))
        object.__setattr__(copy, "owner", owner)
        return copy

    def with_notices(self, *notices: str) -> Reply:
        """Return a copy with ``notices`` (one-off messages for the user) prepended."""
        return replace(self, notices=(*notices, *self.notices))


def private_reply(title: str, *blocks: str, **extra: Any) -> Reply:
    """A reply about the user's own data (private), its empty blocks left out."""
    return Reply(title=title, blocks=tuple(b for b in blocks if b), private=True, **extra)


def render_plain(reply: Reply) -> str:
    """Render a reply as plain text: the console's format and the JSON ``reply`` field."""
    parts: list[str] = [*reply.notices]
    parts.append(reply.title)
    parts.extend(block for block in reply.blocks if block)
    for item in reply.fields:
        parts.append(f"{item.name}\n{item.value}")
    if reply.links:
        parts.append("\n".join(f"• {link.title}: {link.url}" for link in reply.links))
    if reply.attachment is not None:
        file = reply.attachment
        parts.append(f"[{file.filename}]" + (f"\n{file.content.decode()}" if file.is_text else ""))
    if reply.buttons:
        parts.append("→ " + "  ".join(button.command_line for button in reply.buttons))
    if reply.footer:
        parts.append(reply.footer)
    return "\n\n".join(parts)
