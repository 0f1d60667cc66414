"""Core replies rendered the Discord way: embeds within Discord's limits, pages, button layout.

A reply becomes one or more :class:`Page` s. Each page is one embed (title, a share of the
paragraphs and fields, the footer and a page counter) plus, on the first page, the reply's
notices as plain content. Every page also carries a plain-text fallback for channels where the
bot may not embed. Nothing here talks to Discord; the client module sends what this builds.
"""

from __future__ import annotations

from dataclasses import dataclass

import discord

from bot.messages import NOTICE_MARK, Button, ButtonStyle, Reply, ReplyKind, render_plain

# --- Discord's limits (https://discord.com/developers/docs/resources/message) ---
MAX_CONTENT = 2000
MAX_EMBED_TITLE = 256
MAX_EMBED_DESCRIPTION = 4096
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FIELDS = 25
MAX_ACTION_ROWS = 5
MAX_ROW_BUTTONS = 5
MAX_CUSTOM_ID = 100
MAX_BUTTON_LABEL = 80
MAX_CHOICE_NAME = 100
MAX_CHOICE_VALUE = 100
MAX_AUTOCOMPLETE_CHOICES = 25

# --- Our own budgets, below those limits ---
#: Characters of description plus fields on one page (keeps pages readable and far below 6,000).
PAGE_BUDGET = 3500
#: Longest footer we show (the page counter is added to it).
FOOTER_BUDGET = 512
#: Custom-id prefixes: core buttons carry ``core.button_payload``; page buttons a direction.
CORE_BUTTON_PREFIX = "rb:"
PAGE_BUTTON_PREFIX = "rbp:"
PREVIOUS, NEXT = "prev", "next"
#: Core buttons a message may carry: every action row but the one kept for page buttons.
MAX_CORE_BUTTONS = (MAX_ACTION_ROWS - 1) * MAX_ROW_BUTTONS
ELLIPSIS = "…"
#: How an embed points at a file sent with its message.
ATTACHED = "attachment://"
#: Stands in for text Discord requires but the reply left empty.
BLANK = "\u200b"

COLOURS = {
    ReplyKind.ANSWER: discord.Colour.blurple(),
    ReplyKind.NOT_FOUND: discord.Colour.gold(),
    ReplyKind.ERROR: discord.Colour.red(),
    ReplyKind.CONFIRM: discord.Colour.green(),
    ReplyKind.REMINDER: discord.Colour.teal(),
}
BUTTON_STYLES = {
    ButtonStyle.PRIMARY: discord.ButtonStyle.primary,
    ButtonStyle.SECONDARY: discord.ButtonStyle.secondary,
    ButtonStyle.SUCCESS: discord.ButtonStyle.success,
    ButtonStyle.DANGER: discord.ButtonStyle.danger,
}


@dataclass(frozen=True, slots=True)
class Page:
    """One message's worth of a reply."""

    content: str
    embed: discord.Embed
    #: The same page as plain text (at most ``MAX_CONTENT``), for when embeds are refused.
    fallback: str


@dataclass(frozen=True, slots=True)
class ButtonSpec:
    """A button to put on a message: what it says and the custom id it reports back."""

    label: str
    custom_id: str
    style: discord.ButtonStyle
    row: int


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return _cut(text, limit - len(ELLIPSIS)) + ELLIPSIS


def _cut(text: str, limit: int) -> str:
    """The first ``limit`` characters of escaped text, never ending inside an escape."""
    head = text[:limit]
    trailing = len(head) - len(head.rstrip("\\"))
    return head[:-1] if trailing % 2 else head


def escape(text: str) -> str:
    """Plain text made safe for Discord markdown (links in it keep working)."""
    return discord.utils.escape_markdown(text)


def split_text(text: str, limit: int) -> list[str]:
    """Split escaped ``text`` into chunks of at most ``limit`` characters, at line breaks."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        while len(line) > limit:
            head = _cut(line, limit)
            chunks.append(head)
            line = line[len(head) :]
        current = line
    if current or not chunks:
        chunks.append(current)
    return [chunk for chunk in chunks if chunk.strip()] or [""]


def _link_line(title: str, url: str) -> str:
    if url.startswith(("https://", "http://")) and not any(c in url for c in " ()<>"):
        return f"• [{escape(title).replace(']', '')}]({url})"
    return f"• {escape(title)}: {escape(url)}"


def _fields(reply: Reply) -> list[tuple[str, str, bool]]:
    """The reply's fields (and links) as embed fields, long values continued in more fields."""
    raw = [(item.name, escape(item.value), item.inline) for item in reply.fields]
    if reply.links:
        raw.append(("Links", "\n".join(_link_line(ln.title, ln.url) for ln in reply.links), False))
    fields: list[tuple[str, str, bool]] = []
    for name, value, inline in raw:
        title = truncate(escape(name), MAX_FIELD_NAME) if name.strip() else BLANK
        for index, chunk in enumerate(split_text(value, MAX_FIELD_VALUE)):
            label = title if index == 0 else truncate(f"{title} (continued)", MAX_FIELD_NAME)
            fields.append((label, chunk if chunk.strip() else BLANK, inline))
    return fields


def render(reply: Reply) -> list[Page]:
    """Render ``reply`` as pages; every page fits all of Discord's limits.

    A picture sent with the reply is shown in page one's embed.
    """
    title = truncate(escape(reply.title), MAX_EMBED_TITLE) if reply.title.strip() else BLANK
    description = escape("\n\n".join(block for block in reply.blocks if block))
    bodies: list[tuple[str, list[tuple[str, str, bool]]]] = [
        (chunk, []) for chunk in split_text(description, min(PAGE_BUDGET, MAX_EMBED_DESCRIPTION))
    ]
    used = len(bodies[-1][0])
    for field in _fields(reply):
        size = len(field[0]) + len(field[1])
        if used + size > PAGE_BUDGET or len(bodies[-1][1]) >= MAX_FIELDS:
            bodies.append(("", []))
            used = 0
        bodies[-1][1].append(field)
        used += size
    notices = "\n".join(NOTICE_MARK + escape(notice) for notice in reply.notices)
    footer = truncate(reply.footer, FOOTER_BUDGET)
    plain = render_plain(reply)
    pages = []
    for number, (text, fields) in enumerate(bodies, start=1):
        embed = discord.Embed(title=title, description=text or None, colour=COLOURS[reply.kind])
        for name, value, inline in fields:
            embed.add_field(name=name, value=value, inline=inline)
        counter = f"Page {number}/{len(bodies)}" if len(bodies) > 1 else ""
        if footer or counter:
            embed.set_footer(text=" · ".join(part for part in (footer, counter) if part))
        if number == 1 and reply.attachment is not None and reply.attachment.is_image:
            embed.set_image(url=ATTACHED + reply.attachment.filename)  # the file sent with it
        pages.append(
            Page(
                content=truncate(notices, MAX_CONTENT) if number == 1 else "",
                embed=embed,
                fallback=truncate(escape(plain), MAX_CONTENT) if number == 1 else "",
            )
        )
    return pages


def button_specs(
    buttons: tuple[Button, ...], payloads: list[str], *, paged: bool
) -> list[ButtonSpec]:
    """Lay out a reply's buttons (``payloads`` from ``core.button_payload``) and page buttons."""
    specs = [
        ButtonSpec(
            truncate(button.label, MAX_BUTTON_LABEL) or "?",
            CORE_BUTTON_PREFIX + payload,
            BUTTON_STYLES[button.style],
            index // MAX_ROW_BUTTONS,
        )
        for index, (button, payload) in enumerate(
            zip(buttons[:MAX_CORE_BUTTONS], payloads, strict=False)
        )
        if len(CORE_BUTTON_PREFIX + payload) <= MAX_CUSTOM_ID
    ]
    if paged:
        row = MAX_ACTION_ROWS - 1
        specs.append(ButtonSpec("◀", PAGE_BUTTON_PREFIX + PREVIOUS, discord.ButtonStyle.gray, row))
        specs.append(ButtonSpec("▶", PAGE_BUTTON_PREFIX + NEXT, discord.ButtonStyle.gray, row))
    return specs


def choice_name(label: str) -> str:
    """An autocomplete choice's label within Discord's limit (it must not be empty)."""
    return truncate(label.strip(), MAX_CHOICE_NAME) or "?"
