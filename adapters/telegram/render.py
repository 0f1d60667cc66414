"""Core replies rendered the Telegram way: HTML pages within Telegram's limits, keyboards, menus.

A reply becomes one or more HTML *pages*. Long replies are split on line boundaries; a single
line too long for one message is cut between characters, each piece wrapped in its own tags, so
no page ever holds an unclosed tag. A reply of several pages is sent as one message showing page
one under a ◀ n/N ▶ row of buttons (see :func:`page_keys`); the adapter edits the message to
show another page. Nothing here talks to Telegram.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from bot.commands import Command
from bot.messages import NOTICE_MARK, Button, Reply
from bot.text import shorten

# --- Telegram's limits (https://core.telegram.org/bots/api) ---
#: Message text, counted in UTF-16 code units after entity parsing.
MAX_MESSAGE_CHARS = 4096
#: ``callback_data`` of an inline button, in bytes.
MAX_CALLBACK_DATA_BYTES = 64
#: Text of an answerCallbackQuery notification or alert.
MAX_CALLBACK_ANSWER_CHARS = 200
#: setMyCommands: how many commands, and the length of a description.
MAX_MENU_COMMANDS = 100
MAX_COMMAND_DESCRIPTION = 256
#: A command name Telegram accepts in a menu.
MENU_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")

# --- Our own choices, below those limits ---
#: Inline buttons per keyboard row (labels stay readable on a phone).
BUTTONS_PER_ROW = 2
#: Longest button label we show.
MAX_BUTTON_LABEL = 48
#: Longest URL we make a link of; longer ones are shown as text.
MAX_LINK_URL = 1024
#: Smallest room for text inside a pair of tags before the tags are dropped to make room.
MIN_PIECE = 16
#: Sent when a reply has no visible text at all (Telegram refuses empty messages).
EMPTY_TEXT = "…"
#: Page buttons: ``pg:<n>`` shows page n (0-based) of the message the button is on, which
#: keeps the data short whatever the reply; core payloads always hold a ``|``, so never clash.
PAGE_DATA_PREFIX = "pg:"
PREVIOUS_PAGE, NEXT_PAGE = "◀", "▶"
_PAGE_DATA = re.compile(rf"{PAGE_DATA_PREFIX}(\d{{1,6}})")


def escape(text: str) -> str:
    """Plain text made safe for Telegram HTML: ``&``, ``<`` and ``>`` become entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    """Plain text made safe inside a double-quoted HTML attribute."""
    return escape(text).replace('"', "&quot;")


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units: most emoji count 2)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True, slots=True)
class Span:
    """Plain ``text`` shown inside one (possibly empty) pair of tags."""

    text: str
    open: str = ""
    close: str = ""

    @property
    def html(self) -> str:
        """The span as HTML."""
        return f"{self.open}{escape(self.text)}{self.close}"


#: One line of a message; an empty line separates paragraphs.
Line = tuple[Span, ...]


def _bold(text: str) -> Span:
    return Span(text, "<b>", "</b>")


def _italic(text: str) -> Span:
    return Span(text, "<i>", "</i>")


def _plain_lines(text: str) -> Iterator[Line]:
    for line in text.split("\n"):
        yield (Span(line),)


def _link(title: str, url: str) -> Line:
    if url.startswith(("https://", "http://")) and len(url) <= MAX_LINK_URL:
        return (Span("• "), Span(title or url, f'<a href="{escape_attribute(url)}">', "</a>"))
    return (Span(f"• {title}: {url}"),)


def reply_lines(reply: Reply) -> list[Line]:
    """The reply as lines: notices, bold title, paragraphs, fields, links, italic footer."""
    paragraphs: list[list[Line]] = []
    if reply.notices:
        paragraphs.append([(_italic(NOTICE_MARK + n),) for n in reply.notices])
    if reply.title.strip():
        paragraphs.append([(_bold(reply.title),)])
    paragraphs.extend(list(_plain_lines(block)) for block in reply.blocks if block.strip())
    for item in reply.fields:
        paragraphs.append([(_bold(item.name),), *_plain_lines(item.value)])
    if reply.links:
        paragraphs.append([_link(link.title, link.url) for link in reply.links])
    if reply.footer.strip():
        paragraphs.append([(_italic(reply.footer),)])
    lines: list[Line] = []
    for paragraph in paragraphs:
        if lines:
            lines.append(())
        lines.extend(paragraph)
    return lines


def _line_html(line: Line) -> str:
    return "".join(span.html for span in line)


def _break_span(span: Span, limit: int) -> Iterator[str]:
    """``span`` as HTML pieces of at most ``limit`` UTF-16 units, preferably cut at spaces."""
    room = limit - utf16_len(span.open) - utf16_len(span.close)
    if room < MIN_PIECE:  # the tags alone would crowd the text out: drop them
        span, room = Span(span.text), limit
    piece = ""
    size = 0
    for char in span.text:
        cost = utf16_len(escape(char))
        if size + cost > room:
            cut = piece.rfind(" ", len(piece) // 2)
            rest = piece[cut + 1 :] if cut > 0 else ""
            rest_size = utf16_len(escape(rest))
            if rest_size + cost > room:
                rest, rest_size = "", 0
            yield Span(piece[: len(piece) - len(rest)], span.open, span.close).html
            piece, size = rest, rest_size
        piece += char
        size += cost
    if piece:
        yield Span(piece, span.open, span.close).html


def split_lines(lines: Sequence[Line], limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Pack lines into HTML parts of at most ``limit`` UTF-16 units, breaking at line ends."""
    parts: list[str] = []
    current = ""

    def add(html: str, joiner: str) -> None:
        nonlocal current
        candidate = f"{current}{joiner}{html}" if current else html
        if utf16_len(candidate) <= limit:
            current = candidate
            return
        parts.append(current)
        current = html

    for line in lines:
        html = _line_html(line)
        if utf16_len(html) <= limit:
            add(html, "\n")
            continue
        joiner = "\n"
        for span in line:
            for piece in _break_span(span, limit):
                add(piece, joiner)
                joiner = ""
    parts.append(current)
    return [part.strip("\n") for part in parts if _visible(part).strip()]


_TAG = re.compile(r"<[^>]*>")
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&amp;": "&"}
_ENTITY = re.compile("|".join(_ENTITIES))


def _visible(html: str) -> str:
    """The text Telegram shows for our own HTML (tags dropped, entities decoded)."""
    return _ENTITY.sub(lambda m: _ENTITIES[m.group()], _TAG.sub("", html))


def render(reply: Reply) -> list[str]:
    """Render ``reply`` as HTML pages; each is valid Telegram HTML of 1-4,096 characters."""
    return split_lines(reply_lines(reply)) or [escape(EMPTY_TEXT)]


@dataclass(frozen=True, slots=True)
class KeyButton:
    """An inline button: its label and the callback data it reports back."""

    label: str
    data: str


def keyboard(buttons: Iterable[tuple[Button, str]]) -> list[list[KeyButton]]:
    """Rows of inline buttons for ``(button, payload)`` pairs; oversized payloads left out."""
    keys = [
        KeyButton(shorten(button.label.strip(), MAX_BUTTON_LABEL) or "?", payload)
        for button, payload in buttons
        if 0 < len(payload.encode()) <= MAX_CALLBACK_DATA_BYTES
    ]
    return [keys[i : i + BUTTONS_PER_ROW] for i in range(0, len(keys), BUTTONS_PER_ROW)]


def page_keys(index: int, count: int) -> list[KeyButton]:
    """The ◀ n/N ▶ row under page ``index`` (0-based) of ``count``; the arrows wrap around."""
    return [
        KeyButton(PREVIOUS_PAGE, f"{PAGE_DATA_PREFIX}{(index - 1) % count}"),
        KeyButton(f"{index + 1}/{count}", f"{PAGE_DATA_PREFIX}{index}"),
        KeyButton(NEXT_PAGE, f"{PAGE_DATA_PREFIX}{(index + 1) % count}"),
    ]


def page_of(data: str) -> int | None:
    """The page (0-based) a page button's callback data asks for; ``None`` for other data."""
    match = _PAGE_DATA.fullmatch(data)
    return int(match.group(1)) if match else None


def callback_answer(reply: Reply) -> str:
    """A refusal reply as the short text of an answerCallbackQuery alert."""
    text = ": ".join(part for part in (reply.title, *reply.blocks[:1]) if part.strip())
    return shorten(text, MAX_CALLBACK_ANSWER_CHARS)


def menu(commands: Iterable[Command]) -> list[tuple[str, str]]:
    """``(name, description)`` pairs for setMyCommands, skipping names Telegram refuses."""
    entries = [
        (command.name, shorten(command.summary.strip() or command.name, MAX_COMMAND_DESCRIPTION))
        for command in commands
        if MENU_COMMAND_NAME.fullmatch(command.name)
    ]
    return entries[:MAX_MENU_COMMANDS]
