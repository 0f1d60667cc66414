"""Rendering core replies for Discord: every reply fits every limit, and nothing is lost."""

from __future__ import annotations

import re
from pathlib import Path

import discord
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.discord.render import (
    CORE_BUTTON_PREFIX,
    MAX_ACTION_ROWS,
    MAX_CONTENT,
    MAX_CUSTOM_ID,
    MAX_ROW_BUTTONS,
    PAGE_BUTTON_PREFIX,
    button_specs,
    escape,
    render,
    split_text,
    truncate,
)
from bot.messages import Attachment, Button, ButtonStyle, Field, Link, Reply, ReplyKind
from tests.fakes.discord_api import check_message

TEXT = st.text(max_size=3000)
LONG = st.text(min_size=0, max_size=9000)


def payload(page, specs=()) -> dict:
    rows: dict[int, list] = {}
    for spec in specs:
        rows.setdefault(spec.row, []).append(
            {"type": 2, "label": spec.label, "custom_id": spec.custom_id}
        )
    return {
        "content": page.content,
        "embeds": [page.embed.to_dict()],
        "components": [{"type": 1, "components": items} for items in rows.values()],
        "allowed_mentions": {"parse": []},
    }


replies = st.builds(
    Reply,
    title=st.text(max_size=400),
    blocks=st.lists(LONG, max_size=4).map(tuple),
    fields=st.lists(
        st.builds(Field, name=st.text(max_size=300), value=LONG, inline=st.booleans()),
        max_size=40,
    ).map(tuple),
    links=st.lists(
        st.builds(Link, title=st.text(max_size=200), url=st.text(max_size=200)), max_size=30
    ).map(tuple),
    footer=st.text(max_size=3000),
    kind=st.sampled_from(ReplyKind),
    notices=st.lists(TEXT, max_size=3).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(replies)
def test_any_reply_renders_within_every_discord_limit(reply):
    pages = render(reply)
    assert pages
    specs = button_specs((), [], paged=len(pages) > 1)
    for page in pages:
        check_message(payload(page, specs))  # raises FormError on any limit
        assert len(page.fallback) <= MAX_CONTENT


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text(alphabet="abc xyz\n", max_size=5000), max_size=4),
    st.lists(st.text(alphabet="abc xyz\n", min_size=1, max_size=3000), max_size=30),
)
def test_pagination_loses_no_text(blocks, values):
    reply = Reply("Title", tuple(blocks), tuple(Field(f"f{i}", v) for i, v in enumerate(values)))
    pages = render(reply)
    shown = "".join(
        (page.embed.description or "") + "".join(f.value for f in page.embed.fields)
        for page in pages
    )

    def squash(text: str) -> str:
        return re.sub(r"\s+", "", text.replace("\u200b", ""))

    assert squash(shown) == squash("".join(blocks) + "".join(values))


def test_a_long_reply_is_paged_with_a_counter_and_page_buttons():
    fields = tuple(Field(f"Step {i}", "• item\n" * 100) for i in range(12))
    pages = render(Reply("Roadmap", ("Intro",), fields, footer="Backend roadmap"))
    assert len(pages) > 1
    assert pages[0].embed.footer.text == f"Backend roadmap · Page 1/{len(pages)}"
    assert pages[-1].embed.footer.text.endswith(f"Page {len(pages)}/{len(pages)}")
    assert all(page.embed.title == "Roadmap" for page in pages)
    specs = button_specs((), [], paged=True)
    assert [s.custom_id for s in specs] == [
        PAGE_BUTTON_PREFIX + "prev",
        PAGE_BUTTON_PREFIX + "next",
    ]


def test_the_adapter_package_does_not_shadow_the_discord_library():
    import adapters.discord.render as render_module

    assert hasattr(discord, "Embed")
    assert Path(discord.__file__).parent != Path(render_module.__file__).parent


def test_a_short_reply_is_one_page_without_counter():
    (page,) = render(Reply("Python", ("A language.",), footer="See also /lang go"))
    assert page.embed.footer.text == "See also /lang go"
    assert page.embed.description == "A language."
    assert page.content == ""


def test_notices_come_first_as_content_on_the_first_page_only():
    fields = tuple(Field(f"F{i}", "x" * 1000) for i in range(10))
    pages = render(Reply("T", fields=fields, notices=("Your reminder was turned off.",)))
    assert pages[0].content == "📣 Your reminder was turned off."
    assert all(page.content == "" for page in pages[1:])


def test_markdown_in_user_text_is_escaped():
    (page,) = render(Reply("**bold** `code`", ("_under_ ~~strike~~ ||spoiler||",)))
    assert page.embed.title == r"\*\*bold\*\* \`code\`"
    assert page.embed.description == r"\_under\_ \~\~strike\~\~ \|\|spoiler\|\|"


def test_links_become_masked_links_only_for_safe_urls():
    reply = Reply(
        "T", links=(Link("Docs", "https://docs.python.org/3/"), Link("x", "javascript:(1)"))
    )
    (page,) = render(reply)
    (links,) = page.embed.fields
    assert links.name == "Links"
    assert "• [Docs](https://docs.python.org/3/)" in links.value
    assert "• x: javascript:(1)" in links.value


def test_long_field_values_continue_in_further_fields():
    (page,) = render(Reply("T", fields=(Field("Big", "line\n" * 500),)))
    names = [f.name for f in page.embed.fields]
    assert names[0] == "Big" and set(names[1:]) == {"Big (continued)"}


def test_core_buttons_get_prefixed_custom_ids_in_rows_of_five():
    buttons = tuple(Button(f"B{i}", "topic", f"t{i}", ButtonStyle.PRIMARY) for i in range(12))
    payloads = [f"42|topic t{i}" for i in range(12)]
    specs = button_specs(buttons, payloads, paged=True)
    core = [s for s in specs if s.custom_id.startswith(CORE_BUTTON_PREFIX)]
    assert [s.custom_id for s in core] == [CORE_BUTTON_PREFIX + p for p in payloads]
    assert max(s.row for s in specs) < MAX_ACTION_ROWS
    for row in {s.row for s in specs}:
        assert len([s for s in specs if s.row == row]) <= MAX_ROW_BUTTONS
    assert all(len(s.custom_id) <= MAX_CUSTOM_ID for s in specs)


def test_export_attachment_does_not_change_the_embed():
    reply = Reply("Your data", attachment=Attachment("export.json", b"{}"))
    (page,) = render(reply)
    assert page.embed.title == "Your data"


@given(st.text(alphabet="ab\\*_", max_size=300), st.integers(min_value=2, max_value=100))
def test_truncate_and_split_never_break_an_escape(text, limit):
    escaped = escape(text)
    cut = truncate(escaped, limit)
    assert len(cut) <= limit
    body = cut.removesuffix("…")
    assert (len(body) - len(body.rstrip("\\"))) % 2 == 0
    for chunk in split_text(escaped, limit):
        assert len(chunk) <= limit
        assert (len(chunk) - len(chunk.rstrip("\\"))) % 2 == 0
