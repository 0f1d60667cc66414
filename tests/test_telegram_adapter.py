"""End to end: the real python-telegram-bot Application polling a fake Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import socket
from collections.abc import AsyncIterator, Awaitable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import httpx
import pytest
from telegram.error import NetworkError, TimedOut
from telegram.error import RetryAfter as PtbRetryAfter

from adapters.paging import NOT_YOUR_PAGES, PAGES_KEPT
from adapters.telegram import TelegramStartError, create_adapter
from adapters.telegram.app import (
    EXPIRED_PAGES,
    MAX_NETWORK_ATTEMPTS,
    NETWORK_BACKOFF_SECONDS,
    OPEN_PRIVATE_CHAT,
    PRIVATE_NOTE,
    REFUSED_LOG_SECONDS,
    TelegramAdapter,
    TelegramOutbox,
    derived_webhook_secret,
    message_key,
    retry_seconds,
)
from adapters.telegram.render import menu
from bot.checklist import next_item
from bot.clock import ManualClock
from bot.commands import Command, Context, OptionKind
from bot.config import Settings
from bot.core import Core
from bot.delivery import (
    ChatMoved,
    Delivery,
    DeliveryError,
    PermanentDeliveryError,
    RetryAfter,
    TransientDeliveryError,
    UncertainDeliveryError,
)
from bot.knowledge import Knowledge, bundled_knowledge_path, load_knowledge
from bot.messages import Button, ChatKind, Field, Reply, Request
from bot.reminders.engine import ReminderEngine
from bot.serve import reminder_engine
from bot.storage import open_storage
from tests.conftest import TELEGRAM_TOKEN, start_bot_process, stop_bot_process
from tests.fakes.telegram_api import BOT_USERNAME, FakeTelegram, bold_title, check_text

TOKEN = TELEGRAM_TOKEN
ADA, BOB = 4201, 4202
GROUP = -100500
START = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
# PTB itself warns about its own RetryAfter.retry_after when it builds one (22.2+ migration).
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
#: Long-polling timeout for tests: short, so stopping is quick even if a poll is in flight.
POLL_SECONDS = 1


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(bundled_knowledge_path())


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    """The fake Bot API (conftest's ``telegram`` fixture) by the name these tests use."""
    return telegram


async def echo(ctx: Context) -> Reply:
    """Says back what it was given, in the title, a paragraph and a field."""
    return Reply(ctx.args, (f"You said: {ctx.args}",), (Field(ctx.args, ctx.args),))


async def tally(ctx: Context) -> Reply:
    """A press on its button updates the message it is on."""
    count = int(ctx.args or 0)
    plus = Button("+1", "tally", str(count + 1))
    return Reply("Tally", (f"count {count}",), buttons=(plus,), updates_pressed=True)


async def long_reply(ctx: Context) -> Reply:
    lines = "\n".join(f"• item {i} <{'&' * (i % 5)}>" for i in range(900))
    more = Button("More", "long")
    return Reply("A long list", (lines,), buttons=(more,), updates_pressed=True)


async def wide_reply(ctx: Context) -> Reply:
    """A long reply whose buttons carry multi-byte arguments (2 and 4 bytes a character)."""
    return Reply(
        "Wide",
        ("\n".join(f"line {i}" for i in range(700)),),
        buttons=(
            Button("é", "echo", "é" * 27),  # "4201|echo " and 54 bytes: 64, just fits
            Button("😀", "echo", "😀" * 13),  # 62 bytes
            Button("Too wide", "echo", "😀" * 14),  # 66 bytes: cannot be sent
        ),
    )


TEST_COMMANDS = (
    Command("echo", "Echo", echo, listed=False),
    Command("tally", "Count presses", tally, listed=False),
    Command("long", "A long answer", long_reply, listed=False),
    Command("wide", "Multi-byte buttons", wide_reply, listed=False),
)


@contextlib.asynccontextmanager
async def running(
    tmp_path: Path, fake: FakeTelegram, knowledge, database: Path | str | None = None, **settings
) -> AsyncIterator[TelegramAdapter]:
    """A core on ``database`` (or tmp_path's) and a started Telegram adapter; stopped afterwards."""
    config = Settings(
        database_path=tmp_path / "db.sqlite3",
        telegram_token=TOKEN,
        telegram_base_url=fake.base_url,
        **settings,
    )
    storage = await open_storage(database or config.database_path)
    core = Core(knowledge, storage, settings=config, clock=ManualClock(START))
    core.commands.update({command.name: command for command in TEST_COMMANDS})
    adapter = TelegramAdapter(core, config, poll_timeout=POLL_SECONDS)
    try:
        await adapter.start()
        yield adapter
    finally:
        await adapter.stop()
        await storage.close()


async def eventually(check) -> None:
    """Wait (briefly, polling) until ``check()`` holds: for effects the fake does not see."""
    async with asyncio.timeout(5):
        while not check():  # noqa: ASYNC110 - log records come with no event to await
            await asyncio.sleep(0.01)


def failed_calls(fake: FakeTelegram) -> list[str]:
    return [f"{call.method}: {call.error}" for call in fake.calls if call.error]


async def sample_args(core: Core, command: Command) -> str:
    request = Request("telegram", str(ADA), str(ADA), ChatKind.PRIVATE, command.name)
    values = []
    for option in command.options:
        if option.kind is OptionKind.CHOICE:
            values.append(option.choices[0])
        elif option.kind is OptionKind.TIME:
            values.append("09:00")
        elif option.kind is OptionKind.TEXT:
            values.append("what is a REST API")
        else:
            choices = await core.complete(option.kind, "", request)
            values.append(choices[-1].value if choices else "python")
    return command.join_options(values)


async def test_menu_is_registered_and_every_command_answers(tmp_path, fake, knowledge, caplog):
    caplog.set_level(logging.DEBUG)
    async with running(tmp_path, fake, knowledge) as adapter:
        core = adapter.core
        listed = [c for c in core.commands.values() if c.listed]
        assert [(c["command"], c["description"]) for c in fake.commands] == menu(listed)
        assert all(c["description"] for c in fake.commands)
        assert {c["command"] for c in fake.commands} >= {"lang", "roadmap", "compare", "ask"}
        for command in [c for c in core.commands.values() if c.name not in ("long", "wide")]:
            for args in ("", await sample_args(core, command)):
                before = len(fake.sent(ADA))
                await fake.send_text(f"/{command.name} {args}".strip(), user=ADA)
                (first, *_) = await fake.replies(ADA, 1, after=before)
                assert first["text"].strip(), command.name
        assert failed_calls(fake) == []
    assert TOKEN not in caplog.text


async def test_lang_python_and_command_addressing(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        await fake.send_text("/lang python", user=ADA)
        (reply,) = await fake.replies(ADA, 1)
        assert bold_title(reply) == "Python"
        # In a group: commands to this bot, with or without @name, are answered ...
        await fake.send_text(f"/lang@{BOT_USERNAME.lower()} python", user=ADA, chat=GROUP)
        await fake.send_text("/help", user=ADA, chat=GROUP)
        answered = await fake.replies(GROUP, 2)
        assert bold_title(answered[0]) == "Python"
        # ... another bot's commands, unknown bare commands and chatter are not.
        await fake.send_text("/lang@OtherBot python", user=ADA, chat=GROUP)
        await fake.send_text("/weather", user=ADA, chat=GROUP)
        await fake.send_text("what is docker", user=ADA, chat=GROUP)
        # A mention or a reply to the bot is a question for it.
        await fake.send_text(f"@{BOT_USERNAME} what is docker", user=ADA, chat=GROUP)
        await fake.send_text("and kubernetes?", user=ADA, chat=GROUP, reply_to=answered[0])
        group = await fake.replies(GROUP, 4)
        assert len(group) == 4
        assert "Docker" in group[2]["text"]
        # An unknown command in a private chat goes to the core: "did you mean".
        await fake.send_text("/lnag python", user=ADA)
        (_, unknown) = await fake.replies(ADA, 2)
        assert "/lang" in unknown["text"]
        # Plain text in a private chat is a question.
        await fake.send_text("what is docker", user=ADA)
        (*_, answer) = await fake.replies(ADA, 3)
        assert "Docker" in answer["text"]
        await asyncio.sleep(0.1)
        assert len(fake.sent(GROUP)) == 4


async def test_unexpected_updates_are_ignored_quietly(tmp_path, fake, knowledge, caplog):
    async with running(tmp_path, fake, knowledge):
        chat = {"id": ADA, "type": "private", "first_name": "Ada"}
        sender = {"id": ADA, "is_bot": False, "first_name": "Ada"}
        base = {"date": 1, "chat": chat, "from": sender}
        await fake.push(
            "edited_message", {**base, "message_id": 1, "text": "/help", "edit_date": 2}
        )
        await fake.push(
            "channel_post",
            {"message_id": 2, "date": 1, "chat": {"id": -5, "type": "channel"}, "text": "/help"},
        )
        await fake.push(
            "message",
            {
                **base,
                "message_id": 3,
                "sticker": {
                    "file_id": "s",
                    "file_unique_id": "s",
                    "type": "regular",
                    "width": 1,
                    "height": 1,
                    "is_animated": False,
                    "is_video": False,
                },
            },
        )
        await fake.push("message", {**base, "message_id": 4, "photo": []})
        await fake.push(
            "message",
            {
                **base,
                "message_id": 5,
                "from": {"id": 9, "is_bot": True, "first_name": "B"},
                "text": "/help",
            },
        )
        await fake.send_text("/help", user=ADA)
        (reply,) = await fake.replies(ADA, 1)
        assert bold_title(reply)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_hostile_input_is_escaped(tmp_path, fake, knowledge):
    nasty = "<b>bold</b> & <i>x</i> *_[]()~`>#+-=|{}.! &amp; <a href='x'>"
    async with running(tmp_path, fake, knowledge):
        await fake.send_text(f"/echo {nasty}", user=ADA, name="<Eve & Co>")
        await fake.send_text(f"/topic {nasty}", user=ADA)
        await fake.send_text(nasty, user=ADA)
        replies = await fake.replies(ADA, 3)
        assert bold_title(replies[0]) == nasty
        assert f"You said: {nasty}" in replies[0]["text"]
        assert failed_calls(fake) == []


def rows(message: dict) -> list[list[dict]]:
    """The inline keyboard of a message the fake holds."""
    return message.get("reply_markup", {}).get("inline_keyboard", [])


async def press_and_wait(fake: FakeTelegram, message: dict, data: str, user: int) -> dict:
    """Press a button and wait for the press to be answered; the answerCallbackQuery params."""
    query = await fake.press(message, data, user=user)
    (answer,) = await fake.wait_for(
        lambda: fake.calls_to("answerCallbackQuery", callback_query_id=query)
    )
    return answer.params


def assert_alert(answer: dict, text: str) -> None:
    assert answer["show_alert"] in (True, "true")
    assert answer["text"] == text


async def test_a_long_reply_is_one_message_paged_in_place(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        await fake.send_text("/long", user=ADA)
        (message,) = await fake.replies(ADA, 1)
        await asyncio.sleep(0.2)
        assert len(fake.calls_to("sendMessage")) == 1
        # Page one, the reply's own button, then ◀ 1/N ▶.
        *own, (previous, counter, following) = rows(message)
        assert [button["text"] for row in own for button in row] == ["More"]
        count = int(counter["text"].removeprefix("1/"))
        assert count >= 2
        assert (previous["text"], following["text"]) == ("◀", "▶")
        # ▶ edits the same message to each page in turn (own button kept), then wraps round.
        texts = [message["text"]]
        for turn in range(1, count + 1):
            answer = await press_and_wait(fake, message, rows(message)[-1][2]["callback_data"], ADA)
            assert "text" not in answer
            await fake.wait_for(lambda: len(fake.calls_to("editMessageText")) == turn)  # noqa: B023
            (message,) = fake.sent(ADA)
            assert rows(message)[-1][1]["text"] == f"{turn % count + 1}/{count}"
            assert [button["text"] for button in rows(message)[0]] == ["More"]
            texts.append(message["text"])
        assert texts[-1] == texts[0]
        shown = "\n".join(texts[:-1])
        for i in range(900):  # every line arrives whole, on exactly one page
            assert f"\n• item {i} <{'&' * (i % 5)}>\n" in f"\n{shown}\n"
        # ◀ from page one goes to the last page; the counter does nothing.
        await press_and_wait(fake, message, rows(message)[-1][0]["callback_data"], ADA)
        await fake.wait_for(lambda: len(fake.calls_to("editMessageText")) == count + 1)
        (message,) = fake.sent(ADA)
        assert rows(message)[-1][1]["text"] == f"{count}/{count}"
        await press_and_wait(fake, message, rows(message)[-1][1]["callback_data"], ADA)
        # The reply's own button on a later page updates the message in place: page one again.
        await press_and_wait(fake, message, rows(message)[0][0]["callback_data"], ADA)
        await fake.wait_for(lambda: len(fake.calls_to("editMessageText")) == count + 2)
        (message,) = fake.sent(ADA)
        assert rows(message)[-1][1]["text"] == f"1/{count}"
        assert message["text"] == texts[0]
        assert failed_calls(fake) == []
        assert all(
            len(button["callback_data"].encode()) <= 64 for row in rows(message) for button in row
        )


async def page_stored(adapter: TelegramAdapter, message: dict, shown: int) -> None:
    """Wait until the database says ``message`` shows page ``shown`` (stored after the call)."""
    key = message_key(message["chat"]["id"], message["message_id"])
    async with asyncio.timeout(5):
        while True:
            stored = await adapter.pages.get(key)
            if stored is not None and stored[1] == shown:
                return
            await asyncio.sleep(0.01)  # the store has no event to await


async def test_only_the_asker_turns_pages_in_any_process_until_they_expire(
    tmp_path, fake, knowledge, database, caplog
):
    """Pages live in the database: another process (here, after a restart) turns them."""
    async with running(tmp_path, fake, knowledge, database) as adapter:
        await fake.send_text("/long", user=ADA, chat=GROUP)
        (message,) = await fake.replies(GROUP, 1)
        await page_stored(adapter, message, 0)
        forward = rows(message)[-1][2]["callback_data"]
        assert_alert(await press_and_wait(fake, message, forward, BOB), NOT_YOUR_PAGES)
        assert fake.calls_to("editMessageText") == []
    async with running(tmp_path, fake, knowledge, database) as adapter:  # another process
        assert "text" not in await press_and_wait(fake, message, forward, ADA)
        await fake.wait_for(lambda: len(fake.calls_to("editMessageText")) == 1)
        (message,) = fake.sent(GROUP)
        assert rows(message)[-1][1]["text"].startswith("2/")
        assert [button["text"] for button in rows(message)[0]] == ["More"]
        await page_stored(adapter, message, 1)
        adapter.core.clock.advance(PAGES_KEPT.total_seconds() + 1)
        forward = rows(message)[-1][2]["callback_data"]
        assert_alert(await press_and_wait(fake, message, forward, ADA), EXPIRED_PAGES)
        await asyncio.sleep(0.1)
    assert len(fake.calls_to("editMessageText")) == 1
    assert len(fake.sent(GROUP)) == 1
    assert failed_calls(fake) == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_callback_data_with_multibyte_characters_fits(tmp_path, fake, knowledge, caplog):
    async with running(tmp_path, fake, knowledge):
        await fake.send_text("/wide", user=ADA)
        (message,) = await fake.replies(ADA, 1)
        labels = [button["text"] for row in rows(message) for button in row]
        assert labels[:2] == ["é", "😀"]  # the 66-byte one is left out, the page row kept
        assert labels[2:] == ["◀", f"1/{labels[3].split('/')[1]}", "▶"]
        data = [button["callback_data"] for row in rows(message) for button in row]
        assert all(1 <= len(item.encode()) <= 64 for item in data)
        assert len(data[0].encode()) == 64
        assert failed_calls(fake) == []
        assert "does not fit a button payload" in caplog.text
        # The multi-byte payload comes back whole: the command runs with its arguments.
        await press_and_wait(fake, message, data[1], ADA)
        (_, answer) = await fake.replies(ADA, 2)
        assert "😀" * 13 in answer["text"]


async def test_buttons_owner_edits_stranger_is_refused(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        await fake.send_text("/tally", user=ADA, chat=GROUP)
        (message,) = await fake.replies(GROUP, 1)
        data = message["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        assert len(data.encode()) <= 64
        # Someone else presses: refused with an alert, the message untouched.
        query = await fake.press(message, data, user=BOB)
        (answer,) = await fake.wait_for(
            lambda: fake.calls_to("answerCallbackQuery", callback_query_id=query)
        )
        assert answer.params["show_alert"] in (True, "true")
        assert "not yours" in answer.params["text"]
        assert len(answer.params["text"]) <= 200
        assert fake.calls_to("editMessageText") == []
        # The owner presses: the same message is edited in place.
        query = await fake.press(message, data, user=ADA)
        (edit,) = await fake.wait_for(lambda: fake.calls_to("editMessageText"))
        assert edit.params["message_id"] == str(message["message_id"])
        assert fake.calls_to("answerCallbackQuery", callback_query_id=query)
        (edited,) = fake.sent(GROUP)
        assert "count 1" in edited["text"]


async def test_ticking_a_checklist_item_by_button_and_nobody_elses(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        await fake.send_text("/track python", user=ADA)
        await fake.send_text("/next", user=ADA)
        replies = await fake.replies(ADA, 2)
        buttons = [b for row in replies[1]["reply_markup"]["inline_keyboard"] for b in row]
        done = next(b for b in buttons if "done" in b["callback_data"])
        await fake.press(replies[1], done["callback_data"], user=BOB)
        await fake.wait_for(lambda: fake.calls_to("answerCallbackQuery"))
        progress_before = len(fake.sent(ADA))
        await fake.press(replies[1], done["callback_data"], user=ADA)
        await fake.wait_for(lambda: len(fake.calls_to("answerCallbackQuery")) == 2)
        # The /next message itself turns into the ticked state; no new message.
        (edit,) = await fake.wait_for(lambda: fake.calls_to("editMessageText"))
        assert edit.params["message_id"] == str(replies[1]["message_id"])
        assert len(fake.sent(ADA)) == progress_before
        assert "ticked" in fake.sent(ADA)[-1]["text"]
        await fake.send_text("/progress", user=BOB)
        await fake.send_text("/progress", user=ADA)
        (bob,) = await fake.replies(BOB, 1)
        ada = (await fake.replies(ADA, 1, after=progress_before))[-1]
        assert "(1 of " in ada["text"]
        assert "(1 of " not in bob["text"]
        assert failed_calls(fake) == []


async def test_private_replies_in_a_group_go_to_a_private_chat(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        fake.fail(
            "sendMessage",
            403,
            "Forbidden: bot can't initiate conversation with a user",
            chat_id=BOB,
        )
        await fake.send_text("/progress", user=ADA, chat=GROUP)
        (note,) = await fake.replies(GROUP, 1)
        assert note["text"] == PRIVATE_NOTE
        (private,) = await fake.replies(ADA, 1)
        assert bold_title(private)
        await fake.send_text("/progress", user=BOB, chat=GROUP)
        (_, refusal) = await fake.replies(GROUP, 2)
        assert refusal["text"] == OPEN_PRIVATE_CHAT.format(bot=BOT_USERNAME)


async def test_export_is_sent_as_a_document(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        await fake.send_text("/track python", user=ADA)
        await fake.send_text("/export", user=ADA)
        (document,) = await fake.wait_for(lambda: fake.calls_to("sendDocument"))
        filename, content = document.files["document"]
        assert filename.endswith(".json")
        assert b"python" in content


def upgrade_to_supergroup(fake: FakeTelegram, chat: int) -> None:
    """The next message to ``chat`` fails as Telegram's does once it became ``chat - 1``."""
    fake.fail(
        "sendMessage",
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        chat_id=chat,
        migrate_to_chat_id=chat - 1,
    )


async def test_reply_errors_are_handled(tmp_path, fake, knowledge, caplog, capfd):
    caplog.set_level(logging.DEBUG)
    async with running(tmp_path, fake, knowledge) as adapter:
        # 429: wait as told (on the core's clock) and send again.
        clock = adapter.core.clock
        before = clock.now()
        fake.fail("sendMessage", 429, "Too Many Requests: retry after 7", retry_after=7)
        await fake.send_text("/help", user=ADA)
        await fake.replies(ADA, 1)
        assert clock.now() - before == timedelta(seconds=7)
        # 400 and 403: logged, nothing crashes, the next message is answered.
        fake.fail("sendMessage", 400, "Bad Request: can't parse entities: boom")
        await fake.send_text("/help", user=ADA)
        await eventually(lambda: "parse entities: boom" in caplog.text)
        fake.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
        await fake.send_text("/help", user=ADA)
        await eventually(lambda: "blocked" in caplog.text)
        # A group that became a supergroup: the reply follows and its reminders move.
        await fake.send_text("/remind 09:00", user=ADA, chat=GROUP)
        await fake.replies(GROUP, 1)
        upgrade_to_supergroup(fake, GROUP)
        await fake.send_text("/help", user=ADA, chat=GROUP)
        await fake.replies(GROUP - 1, 1)
        reminder = await adapter.core.storage.reminders.get(f"telegram:{ADA}")
        assert reminder is not None and reminder.chat_id == str(GROUP - 1)
        await fake.send_text("/help", user=ADA)
        await fake.replies(ADA, 2)
        # A wait longer than we allow an ordinary reply: dropped, not waited for.
        before = clock.now()
        fake.fail("sendMessage", 429, "Too Many Requests: retry after 3600", retry_after=3600)
        await fake.send_text("/help", user=ADA)
        await eventually(lambda: "flood control (3600s)" in caplog.text)
        assert clock.now() == before
        # A handler that crashes is logged by the error handler; the bot carries on.
        handle = adapter.core.handle

        async def broken(request):
            adapter.core.handle = handle
            raise RuntimeError(f"boom with {TOKEN}")

        adapter.core.handle = broken
        await fake.send_text("/help", user=ADA)
        await eventually(lambda: "RuntimeError" in caplog.text)
        await fake.send_text("/help", user=ADA)
        await fake.replies(ADA, 3)
    out, err = capfd.readouterr()
    assert TOKEN not in caplog.text + out + err
    assert "[redacted]" in caplog.text


async def test_a_reply_is_retried_after_network_errors(tmp_path, fake, knowledge, caplog):
    async with running(tmp_path, fake, knowledge) as adapter:
        clock = adapter.core.clock
        # A 5xx once: one backoff on the core's clock, then the reply arrives.
        before = clock.now()
        fake.fail("sendMessage", 502, "Bad Gateway")
        await fake.send_text("/help", user=ADA)
        (reply,) = await fake.replies(ADA, 1)
        assert bold_title(reply)
        assert clock.now() - before == timedelta(seconds=NETWORK_BACKOFF_SECONDS)
        # A dropped connection, then a 5xx: the backoff doubles and the third try gets through.
        before = clock.now()
        fake.drop("sendMessage")
        fake.fail("sendMessage", 503, "Service Unavailable")
        await fake.send_text("/help", user=ADA)
        await fake.replies(ADA, 2)
        assert clock.now() - before == timedelta(seconds=3 * NETWORK_BACKOFF_SECONDS)
        assert failed_calls(fake) == [
            "sendMessage: Bad Gateway",
            "sendMessage: connection dropped",
            "sendMessage: Service Unavailable",
        ]
        # Bounded: a reply that keeps failing is dropped and logged; the next one is answered.
        for _ in range(MAX_NETWORK_ATTEMPTS):
            fake.fail("sendMessage", 502, "Bad Gateway")
        await fake.send_text("/help", user=ADA)
        await eventually(lambda: f"dropped after {MAX_NETWORK_ATTEMPTS} tries" in caplog.text)
        await fake.send_text("/help", user=ADA)
        await fake.replies(ADA, 3)
        assert len(fake.sent(ADA)) == 3


async def due_reminder(
    fake: FakeTelegram, adapter: TelegramAdapter, *, chat: int | None = None, name: str = "Ada"
) -> ReminderEngine:
    """Ada sets a 07:00 UTC reminder (in ``chat``, or her private chat) and it falls due."""
    core = adapter.core
    await fake.send_text("/remind 07:00 UTC", user=ADA, chat=chat, name=name)
    await fake.replies(ADA if chat is None else chat, 1)
    core.clock.set(START + timedelta(hours=1, minutes=1))
    return reminder_engine(core, {"telegram": adapter.outbox})


async def test_reminder_delivered_through_the_outbox(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge) as adapter:
        engine = await due_reminder(fake, adapter)
        stats = await engine.run_once()
        assert stats.sent == 1
        (_, reminder) = await fake.replies(ADA, 2)
        assert reminder["text"].strip()
        assert reminder.get("reply_markup")
        # Every platform error maps onto the engine's errors.
        outbox = adapter.outbox
        assert (outbox.platform, outbox.per_chat_interval) == ("telegram", 1.0)
        # Within 5 % of Telegram's 30/s, and no second over 29 sends (one spare: see Pacer).
        assert 28.5 <= outbox.overall_rate < 30
        cases = [
            ((403, "Forbidden: bot was blocked by the user"), {}, PermanentDeliveryError),
            ((403, "Forbidden: bot was kicked from the group chat"), {}, PermanentDeliveryError),
            ((400, "Bad Request: chat not found"), {}, PermanentDeliveryError),
            ((429, "Too Many Requests: retry after 5"), {"retry_after": 5}, RetryAfter),
            ((400, "Bad Request: group chat was upgraded"), {"migrate_to_chat_id": -77}, ChatMoved),
            ((502, "Bad Gateway"), {}, TransientDeliveryError),
            ((400, "Bad Request: something else"), {}, DeliveryError),
        ]
        for (status, description), parameters, expected in cases:
            fake.fail("sendMessage", status, description, **parameters)
            with pytest.raises(expected) as raised:
                await outbox.deliver(Delivery("telegram", str(ADA), None), Reply("Hello"))
            assert type(raised.value) is expected
            if expected is RetryAfter:
                assert raised.value.seconds == 5
            if expected is ChatMoved:
                assert raised.value.new_chat_id == "-77"
        await outbox.deliver(Delivery("telegram", str(ADA), str(GROUP)), Reply("To the group"))
        (message,) = await fake.replies(GROUP, 1)
        assert bold_title(message) == "To the group"


async def test_a_long_reminder_is_one_paged_message_retried_whole(tmp_path, fake, knowledge):
    upcoming = next_item(knowledge, None, ())
    assert upcoming is not None
    long_summary = replace(upcoming, summary=upcoming.summary + " More detail." * 700)
    topics = [long_summary if t.id == upcoming.id else t for t in knowledge.topics.values()]
    wordy = Knowledge(knowledge.info, knowledge.sections, topics, knowledge.comparisons)
    async with running(tmp_path, fake, wordy) as adapter:
        engine = await due_reminder(fake, adapter)
        fake.fail("sendMessage", 502, "Bad Gateway", chat_id=ADA)
        stats = await engine.run_once()
        assert (stats.sent, stats.retries) == (1, 1)
        (_, reminder) = fake.sent(ADA)  # the confirmation, then the reminder: one message
        assert failed_calls(fake) == ["sendMessage: Bad Gateway"]
        *own, (_, counter, forward) = rows(reminder)
        assert [button["text"] for row in own for button in row] == ["Done", "Skip", "Snooze 1 h"]
        assert counter["text"].startswith("1/") and counter["text"] != "1/1"
        await press_and_wait(fake, reminder, forward["callback_data"], ADA)
        (edit,) = await fake.wait_for(lambda: fake.calls_to("editMessageText"))
        assert "More detail." in check_text(edit.params["text"], "HTML")[0]


async def test_a_blocked_reminder_is_turned_off_and_the_user_told(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge) as adapter:
        engine = await due_reminder(fake, adapter)
        fake.fail("sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=ADA)
        stats = await engine.run_once()
        assert (stats.sent, stats.disabled) == (0, 1)
        reminder = await adapter.core.storage.reminders.get(f"telegram:{ADA}")
        assert reminder is not None and not reminder.enabled
        adapter.core.clock.advance(24 * 3600)
        assert (await engine.run_once()).claimed == 0
        # The user's next command tells them why (once).
        await fake.send_text("/help", user=ADA)
        await fake.send_text("/help", user=ADA)
        (_, told, again) = await fake.replies(ADA, 3)
        assert "reminder was turned off" in told["text"]
        assert "blocked by the user" in told["text"]
        assert "turned off" not in again["text"]


async def test_a_reminder_follows_a_group_that_became_a_supergroup(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge) as adapter:
        engine = await due_reminder(fake, adapter, chat=GROUP)
        upgrade_to_supergroup(fake, GROUP)
        stats = await engine.run_once()
        assert stats.sent == 1
        (message,) = fake.sent(GROUP - 1)
        assert bold_title(message) == "Daily reminder for Ada"
        assert len(fake.sent(GROUP)) == 1  # only the confirmation
        reminder = await adapter.core.storage.reminders.get(f"telegram:{ADA}")
        assert reminder is not None and reminder.chat_id == str(GROUP - 1)


async def test_a_group_reminder_escapes_the_users_name(tmp_path, fake, knowledge):
    name = "<b>& Co"
    async with running(tmp_path, fake, knowledge) as adapter:
        engine = await due_reminder(fake, adapter, chat=GROUP, name=name)
        assert (await engine.run_once()).sent == 1
        (_, message) = fake.sent(GROUP)
        assert bold_title(message) == f"Daily reminder for {name}"
        sent = fake.calls_to("sendMessage", chat_id=str(GROUP))[-1].params["text"]
        assert "<b>Daily reminder for &lt;b&gt;&amp; Co</b>" in sent
        assert failed_calls(fake) == []


async def test_outbox_network_failure_is_transient(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge) as adapter:
        await fake.close()
        with pytest.raises(TransientDeliveryError):
            await adapter.outbox.deliver(Delivery("telegram", str(ADA), None), Reply("Hello"))


async def test_outbox_dropped_connection_is_uncertain(tmp_path, fake, knowledge):
    """The request went out: Telegram may have sent the message, so it is never retried."""
    async with running(tmp_path, fake, knowledge) as adapter:
        fake.drop("sendMessage", chat_id=ADA)
        with pytest.raises(UncertainDeliveryError):
            await adapter.outbox.deliver(Delivery("telegram", str(ADA), None), Reply("Hello"))


def _wrapped(error: NetworkError, cause: Exception) -> NetworkError:
    """``error`` raised as PTB raises it: ``from`` the httpx error it wraps."""
    error.__cause__ = cause
    return error


REQUEST = httpx.Request("POST", "https://api.telegram.org/botTOKEN/sendMessage")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (_wrapped(NetworkError("c"), httpx.ConnectError("refused")), TransientDeliveryError),
        (_wrapped(TimedOut(), httpx.ConnectTimeout("connect")), TransientDeliveryError),
        (_wrapped(TimedOut("pool"), httpx.PoolTimeout("pool")), TransientDeliveryError),
        (_wrapped(TimedOut(), httpx.ReadTimeout("read")), UncertainDeliveryError),
        (TimedOut(), UncertainDeliveryError),
        (_wrapped(NetworkError("r"), httpx.ReadError("reset")), UncertainDeliveryError),
        (
            _wrapped(NetworkError("p"), httpx.RemoteProtocolError("gone", request=REQUEST)),
            UncertainDeliveryError,
        ),
        (NetworkError("Bad Gateway"), TransientDeliveryError),  # a 5xx answer
        (_wrapped(NetworkError("?"), ValueError("odd")), UncertainDeliveryError),
    ],
)
async def test_outbox_only_a_failure_to_connect_or_a_5xx_is_transient(error, expected):
    async def fail(chat_id: int) -> None:
        raise error

    adapter = SimpleNamespace(steps=lambda reply, user_id: [fail])
    with pytest.raises(expected):
        await TelegramOutbox(adapter).deliver(Delivery("telegram", "1", None), Reply("Hello"))


def test_retry_after_as_seconds_or_timedelta(monkeypatch):
    assert retry_seconds(PtbRetryAfter(3)) == 3.0
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    assert retry_seconds(PtbRetryAfter(timedelta(seconds=4))) == 4.0


async def test_a_wrong_token_fails_to_start_without_leaking_it(
    tmp_path, fake, knowledge, capfd, caplog
):
    fake.token = "987654321:something-else-entirely-abcdefghijkl"
    with pytest.raises(TelegramStartError) as failure:
        async with running(tmp_path, fake, knowledge):
            pass
    assert TOKEN not in str(failure.value)
    assert failure.value.__cause__ is None and failure.value.__suppress_context__
    out, err = capfd.readouterr()
    assert TOKEN not in out + err + caplog.text

    config = Settings(database_path=tmp_path / "x", telegram_token=TOKEN)
    async with await open_storage(config.database_path) as storage:
        assert TOKEN not in repr(create_adapter(Core(knowledge, storage), config))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def webhook_update(text: str, user: int = ADA) -> dict:
    """A webhook body: ``user`` writes ``text`` in their private chat."""
    return {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 1,
            "chat": {"id": user, "type": "private", "first_name": "Ada"},
            "from": {"id": user, "is_bot": False, "first_name": "Ada"},
            "text": text,
        },
    }


@contextlib.asynccontextmanager
async def webhook_running(
    tmp_path: Path, fake: FakeTelegram, knowledge, secret: str = ""
) -> AsyncIterator[tuple[TelegramAdapter, str]]:
    """A started adapter in webhook mode and the URL it listens on."""
    port = free_port()
    async with running(
        tmp_path,
        fake,
        knowledge,
        telegram_webhook_url="https://bot.example.org/telegram-hook",
        telegram_webhook_listen="127.0.0.1",
        telegram_webhook_port=port,
        telegram_webhook_secret=secret,
    ) as adapter:
        yield adapter, f"http://127.0.0.1:{port}/telegram-hook"


async def post(url: str, body: dict, secret: str | None = None) -> int:
    """POST a webhook body, with the secret header if given; the response status."""
    headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=body, headers=headers) as response,
    ):
        return response.status


async def test_webhook_mode_receives_updates_with_the_secret(tmp_path, fake, knowledge):
    async with webhook_running(tmp_path, fake, knowledge, "s3cret-value") as (_, url):
        assert fake.webhook["url"] == "https://bot.example.org/telegram-hook"
        assert fake.webhook["secret_token"] == "s3cret-value"
        assert await post(url, webhook_update("/lang python"), "wrong") == 403
        assert await post(url, webhook_update("/lang python"), "s3cret-value") == 200
        (reply,) = await fake.replies(ADA, 1)
        assert bold_title(reply) == "Python"
        assert fake.polls == 0


async def test_webhook_without_a_configured_secret_refuses_forged_updates(
    tmp_path, fake, knowledge, caplog
):
    caplog.set_level(logging.WARNING, "adapters.telegram.app")
    async with webhook_running(tmp_path, fake, knowledge) as (adapter, url):
        secret = fake.webhook["secret_token"]
        assert len(secret) >= 32
        assert re.fullmatch(r"[A-Za-z0-9_-]+", secret)
        assert adapter.settings.telegram_token not in secret
        victim = f"telegram:{ADA}"
        await adapter.core.storage.set_track(victim, "python")
        forged = webhook_update("/forget confirm")
        statuses = [
            await post(url, forged),
            await post(url, forged, "guess"),
            await post(url, forged, ""),
        ]
        assert statuses == [403, 403, 403]
        # The real Telegram's call goes through, after the forged ones in the same sender's
        # queue: had any of those been queued, its reply would come first.
        assert await post(url, webhook_update("/lang python"), secret) == 200
        (reply,) = await fake.replies(ADA, 1)
        assert bold_title(reply) == "Python"
        assert (await adapter.core.storage.get_user(victim)).track == "python"

        refused = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
        assert len(refused) == 1  # rate-limited: the first refusal only, for now
        assert "1 webhook call" in refused[0]
        adapter.core.clock.advance(REFUSED_LOG_SECONDS)
        assert await post(url, forged, "guess again") == 403
        refused = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
        assert len(refused) == 2
        assert "3 webhook call" in refused[1]  # the two held back and this one
        logged = caplog.text
        assert "forget" not in logged
        assert "guess" not in logged
        assert secret not in logged
    assert not failed_calls(fake)


async def test_every_process_derives_the_same_webhook_secret(tmp_path, fake, knowledge):
    """Several processes behind one webhook URL agree on the secret without configuring one."""
    secrets_registered = []
    for run in ("first", "second"):
        (tmp_path / run).mkdir()
        async with webhook_running(tmp_path / run, fake, knowledge):
            secrets_registered.append(fake.webhook["secret_token"])
    assert secrets_registered[0] == secrets_registered[1]
    assert derived_webhook_secret(fake.token + "x") != secrets_registered[0]


def start_run_process(tmp_path: Path, fake: FakeTelegram) -> Awaitable[asyncio.subprocess.Process]:
    """``roadmap-bot run`` configured for the fake Telegram only."""
    settings = {"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_BASE_URL": fake.base_url}
    return start_bot_process(tmp_path, settings)


async def test_roadmap_bot_run_with_a_refused_token_exits_with_a_clear_message(tmp_path, fake):
    fake.token = "987654321:something-else-entirely-abcdefghijkl"
    process = await start_run_process(tmp_path, fake)
    output, _ = await asyncio.wait_for(process.communicate(), 30)
    text = output.decode()
    assert process.returncode == 2, text
    assert "roadmap-bot: Telegram rejected the bot token (TELEGRAM_TOKEN)" in text
    assert "Traceback" not in text
    assert TOKEN not in text


async def test_roadmap_bot_run_process_answers_and_stops_cleanly(tmp_path, fake):
    process = await start_run_process(tmp_path, fake)
    try:
        await fake.wait_for(lambda: fake.commands and fake.polls, seconds=20)
        await fake.send_text("/lang python", user=ADA)
        (reply,) = await fake.replies(ADA, 1)
        assert bold_title(reply) == "Python"
    finally:
        text = await stop_bot_process(process)
    assert process.returncode == 0, text
    assert TOKEN not in text
    assert "Telegram: running as @" in text
