"""Telegram rendering: HTML escaping, splitting within limits, keyboards, the command menu."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.telegram.app import file_base_url
from adapters.telegram.render import (
    EMPTY_TEXT,
    MAX_CALLBACK_ANSWER_CHARS,
    MAX_MESSAGE_CHARS,
    callback_answer,
    escape,
    keyboard,
    menu,
    page_keys,
    page_of,
    render,
    reply_lines,
    split_lines,
    utf16_len,
)
from bot.commands import Command
from bot.messages import Button, Field, Link, Reply, ReplyKind
from tests.fakes.telegram_api import ApiError, check_text, parse_html

NASTY = '<b>x</b> & &amp; <a href="y"> *_[]()~`>#+-=|{}.! \\ </i>'


async def _noop(ctx):  # pragma: no cover - never run
    raise AssertionError


def shown(reply: Reply) -> str:
    """Everything a user sees of a rendered reply, parts joined."""
    return "\n".join(check_text(part, "HTML")[0] for part in render(reply))


def test_dynamic_text_is_escaped_everywhere():
    reply = Reply(
        NASTY,
        (NASTY,),
        (Field(NASTY, NASTY),),
        (Link(NASTY, 'https://example.com/?a=1&b="2"<>'),),
        footer=NASTY,
        notices=(NASTY,),
    )
    (part,) = render(reply)
    text, entities = check_text(part, "HTML")
    assert text.count(NASTY) == 7  # notice, title, block, field x2, link, footer
    (link,) = [e for e in entities if e["type"] == "text_link"]
    assert link["url"] == 'https://example.com/?a=1&b="2"<>'
    assert "&amp;amp;" in part
    assert escape("a<b>&c") == "a&lt;b&gt;&amp;c"


def test_layout_notices_first_then_bold_title():
    reply = Reply("Title", ("Para one", "• item\n• item 2"), notices=("Heads up",), footer="f")
    (part,) = render(reply)
    assert part.startswith("<i>📣 Heads up</i>\n\n<b>Title</b>\n\nPara one\n\n• item\n• item 2")
    assert part.endswith("<i>f</i>")


def test_links_that_are_not_web_addresses_stay_text():
    (part,) = render(Reply("T", links=(Link("Local", "javascript:alert(1)"),)))
    assert "<a " not in part
    assert "Local: javascript:alert(1)" in check_text(part, "HTML")[0]


def test_long_replies_split_on_line_boundaries():
    lines = [f"line {i} {'é' * (i % 7)} & <x>" for i in range(2000)]
    reply = Reply("Long", ("\n".join(lines),), (Field("Tail", "last line"),))
    parts = render(reply)
    assert len(parts) > 1
    assert all(utf16_len(part) <= MAX_MESSAGE_CHARS for part in parts)
    text = shown(reply)
    for line in lines:
        assert f"\n{line}\n" in f"\n{text}\n"  # every line arrives whole


def test_one_huge_bold_line_is_cut_into_closed_tags():
    reply = Reply("😀" * 5000)
    parts = render(reply)
    assert len(parts) == 3
    for part in parts:
        assert part.startswith("<b>") and part.endswith("</b>")
        assert utf16_len(check_text(part, "HTML")[0]) <= MAX_MESSAGE_CHARS
    assert shown(reply).replace("\n", "") == "😀" * 5000


def test_long_words_are_cut_between_words_when_possible():
    words = " ".join(["word"] * 3000)
    parts = split_lines(reply_lines(Reply("", (words,))), limit=100)
    assert all(len(part) <= 100 for part in parts)
    assert all(not part.startswith("ord") for part in parts)
    assert "".join(parts).replace(" ", "") == words.replace(" ", "")


def test_empty_reply_still_has_text():
    assert render(Reply("   ")) == [EMPTY_TEXT]


def test_keyboard_rows_and_oversized_payloads():
    buttons = [(Button(f"B{i}", "done", str(i)), f"1|done {i}") for i in range(5)]
    buttons.append((Button("Too big", "done"), "x" * 65))
    buttons.append((Button("Emoji", "done"), "😀" * 16))  # 64 bytes: fits exactly
    rows = keyboard(buttons)
    flat = [key for row in rows for key in row]
    assert [key.label for key in flat] == ["B0", "B1", "B2", "B3", "B4", "Emoji"]
    assert all(len(row) <= 2 for row in rows)


def test_page_buttons_wrap_round_and_are_told_apart_from_core_payloads():
    keys = page_keys(0, 3)
    assert [key.label for key in keys] == ["◀", "1/3", "▶"]
    assert [page_of(key.data) for key in keys] == [2, 0, 1]
    assert [page_of(key.data) for key in page_keys(2, 3)] == [1, 2, 0]
    assert all(len(key.data.encode()) <= 64 for key in page_keys(99_998, 99_999))
    for data in ("4201|done python", "pg:", "pg:1x", "pg:-1", ""):
        assert page_of(data) is None


def test_callback_answer_is_short():
    reply = Reply("That button is not yours", ("x" * 500,), kind=ReplyKind.ERROR, private=True)
    text = callback_answer(reply)
    assert text.startswith("That button is not yours: x")
    assert len(text) <= MAX_CALLBACK_ANSWER_CHARS


def test_menu_skips_names_telegram_refuses_and_caps_descriptions():
    commands = [
        Command("lang", "Pick a language", _noop),
        Command("Bad-Name", "x", _noop),
        Command("long", "d" * 300, _noop),
        Command("blank", "  ", _noop),
    ]
    assert menu(commands) == [
        ("lang", "Pick a language"),
        ("long", "d" * 255 + "…"),
        ("blank", "blank"),
    ]


def test_file_base_url():
    assert file_base_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    assert file_base_url("http://127.0.0.1:81/bot") == "http://127.0.0.1:81/file/bot"


@pytest.mark.parametrize(
    "html",
    [
        "<b>open",
        "<b><i>x</b></i>",
        "<script>x</script>",
        "a & b",
        "&nbsp;",
        "<span>x</span>",
        "<a>x</a>",
        "1 > 0",
        "x</b>",
    ],
)
def test_the_fake_refuses_invalid_html(html):
    with pytest.raises(ApiError, match="can't parse entities"):
        parse_html(html)


def test_the_fake_counts_length_after_entity_parsing():
    check_text("&amp;" * MAX_MESSAGE_CHARS, "HTML")
    with pytest.raises(ApiError, match="message is too long"):
        check_text("x" * (MAX_MESSAGE_CHARS + 1), "HTML")
    assert (
        parse_html('<a href="u?a=1&amp;b">l</a> <tg-spoiler>s</tg-spoiler>')[1][0]["url"]
        == "u?a=1&b"
    )


text = st.text(min_size=0, max_size=300)


@settings(max_examples=150, deadline=None)
@given(
    title=text,
    blocks=st.lists(st.text(max_size=3000), max_size=4),
    fields=st.lists(st.tuples(text, st.text(max_size=2000)), max_size=4),
    links=st.lists(st.tuples(text, text), max_size=3),
    footer=text,
    notices=st.lists(text, max_size=2),
)
def test_any_reply_renders_to_valid_html_parts(title, blocks, fields, links, footer, notices):
    reply = Reply(
        title,
        tuple(blocks),
        tuple(Field(n, v) for n, v in fields),
        tuple(Link(t, "https://example.com/" + u) for t, u in links),
        footer=footer,
        notices=tuple(notices),
    )
    parts = render(reply)
    assert parts
    for part in parts:
        assert 0 < utf16_len(part) <= MAX_MESSAGE_CHARS
        check_text(part, "HTML")  # valid Telegram HTML, not empty, not too long
    # No visible character is lost (white space aside: Telegram trims it, and cuts move it).
    visible = "".join(shown(reply).split())
    for piece in (title, *blocks, footer, *notices, *(n + v for n, v in fields)):
        assert "".join(piece.split()) in visible or not piece.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=9000), st.integers(min_value=16, max_value=4096))
def test_any_text_splits_within_any_limit(body, limit):
    parts = split_lines(reply_lines(Reply(body, (body,))), limit=limit)
    for part in parts:
        assert utf16_len(part) <= limit
        parse_html(part)
