"""/link end to end: Telegram, Discord and the terminal against the loopback fakes, one database."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from adapters.telegram.app import PRIVATE_NOTE
from bot.limits import LINK_CODE_MINUTES, LINK_MAX_WRONG
from bot.serve import reminder_engine
from tests.fakes.telegram_api import FakeTelegram, bold_title
from tests.test_console import PROMPT, USER, Terminal
from tests.test_discord_adapter import EPHEMERAL, GUILD, OWNER, STRANGER
from tests.test_discord_adapter import running as running_discord
from tests.test_telegram_adapter import (
    ADA,
    BOB,
    GROUP,
    START,
    failed_calls,
    press_and_wait,
    rows,
)
from tests.test_telegram_adapter import running as running_telegram

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

CODE = re.compile(r"[2-9A-Z]{4}-[2-9A-Z]{4}")
ADA_TG = f"telegram:{ADA}"


def code_in(text: str) -> str:
    """The one link code a text shows."""
    (code,) = set(CODE.findall(text))
    return code


async def link_code(telegram: FakeTelegram, user: int, seen: int, chat: int | None = None) -> str:
    """``user`` sends /link (in ``chat``, else privately): the code of the private reply after
    the ``seen`` messages the user already had."""
    await telegram.send_text("/link", user=user, chat=chat)
    return code_in((await telegram.replies(user, seen + 1))[seen]["text"])


def title(message: dict) -> str:
    """The title of a Discord reply."""
    return message["embeds"][0]["title"]


def buttons(message: dict) -> dict[str, str]:
    """A Discord message's buttons: label -> custom id."""
    return {c["label"]: c["custom_id"] for row in message["components"] for c in row["components"]}


async def test_a_telegram_learner_links_discord_and_unlinks_again(
    tmp_path, telegram, discord, knowledge
):
    async with (
        running_telegram(tmp_path, telegram, knowledge) as tg,
        running_discord(tmp_path, discord, knowledge) as dc,
    ):
        await telegram.send_text("/done docker", user=ADA)
        # Asked for in a group, the code goes to Ada's private chat; the group sees a note.
        code = await link_code(telegram, ADA, 1, chat=GROUP)
        (note,) = await telegram.replies(GROUP, 1)
        assert note["text"] == PRIVATE_NOTE
        assert code not in note["text"]
        # Typed in a Discord server channel, the code is burnt.
        burnt = await discord.slash("link", {"code": code}, guild_id=GUILD)
        (message,) = await discord.answered(burnt)
        assert message["flags"] & EPHEMERAL and title(message) == "Link codes are secret"
        code = await link_code(telegram, ADA, 2)
        # A mistyped code, then the right one, in a DM with the bot.
        wrong = await discord.slash("link", {"code": code[:-1] + ("Z" if code[-1] != "Z" else "Y")})
        assert title((await discord.answered(wrong))[0]) == "That code does not work"
        linked = await discord.slash("link", {"code": code.lower()})
        (message,) = await discord.answered(linked)
        assert title(message) == "Linked!"
        assert "Telegram, Discord" in message["embeds"][0]["description"]
        # One learner: a tick on Discord is Ada's on Telegram, and the other way round.
        await discord.answered(await discord.slash("done", {"item": "sql"}, guild_id=GUILD))
        assert {"docker", "sql"} <= await tg.core.storage.done_items(ADA_TG)
        await telegram.send_text("/progress", user=ADA)
        progress = (await telegram.replies(ADA, 4))[3]
        assert "✓ Docker" in progress["text"] and "✓ SQL" in progress["text"]
        assert await dc.core.storage.identities.learner(f"discord:{OWNER}") == ADA_TG
        # A code asked for in a Discord server is ephemeral: only the asker sees it.
        issued = await discord.slash("link", guild_id=GUILD)
        (message,) = await discord.answered(issued)
        assert message["flags"] & EPHEMERAL and CODE.search(title(message))
        # /unlink: only Ada may press its button; then each side has its own copy.
        asked = await discord.slash("unlink", guild_id=GUILD)
        (question,) = await discord.answered(asked)
        assert title(question) == "Unlink this Discord account?"
        confirm = buttons(question)["Yes, unlink"]
        refused = await discord.press(asked.original_id, confirm, user_id=STRANGER, guild_id=GUILD)
        assert title((await discord.answered(refused))[0]) == "That button is not yours"
        assert await dc.core.storage.identities.learner(f"discord:{OWNER}") == ADA_TG
        done = await discord.press(asked.original_id, confirm, user_id=OWNER, guild_id=GUILD)
        assert title((await discord.answered(done))[0]) == "Unlinked"
        for key in (ADA_TG, f"discord:{OWNER}"):
            assert await tg.core.storage.identities.learner(key) == key
            assert {"docker", "sql"} <= await tg.core.storage.done_items(key)
        assert discord.rejected == [] and failed_calls(telegram) == []


async def test_bad_codes_on_telegram(tmp_path, telegram, knowledge):
    carol, dan = 4203, 4204
    async with running_telegram(tmp_path, telegram, knowledge) as tg:
        code = await link_code(telegram, ADA, 0)
        await telegram.send_text(f"/link {code}", user=ADA)
        assert bold_title((await telegram.replies(ADA, 2))[1]) == "That is your own code"
        await telegram.send_text("/link not-a-code", user=BOB)
        assert bold_title((await telegram.replies(BOB, 1))[0]) == "That is not a link code"
        # Bob guesses: five wrong codes (never Ada's locator), then even the right one is refused.
        for n in range(LINK_MAX_WRONG):
            guess = ("Z" if code[0] != "Z" else "Y") + f"{n + 2}ABCDEF"
            await telegram.send_text(f"/link {guess}", user=BOB)
        replies = await telegram.replies(BOB, 1 + LINK_MAX_WRONG)
        assert {bold_title(r) for r in replies[1:]} == {"That code does not work"}
        await telegram.send_text(f"/link {code}", user=BOB)
        assert bold_title((await telegram.replies(BOB, 2 + LINK_MAX_WRONG))[-1]) == (
            "Too many wrong codes"
        )
        # Carol uses the code; used, it does not work for Dan, and Carol is already linked.
        await telegram.send_text(f"/link {code}", user=carol)
        linked = (await telegram.replies(carol, 1))[0]
        assert bold_title(linked) == "Linked!"
        await telegram.send_text(f"/link {code}", user=dan)
        assert bold_title((await telegram.replies(dan, 1))[0]) == "That code does not work"
        again = await link_code(telegram, ADA, 2)
        await telegram.send_text(f"/link {again}", user=carol)
        assert bold_title((await telegram.replies(carol, 2))[1]) == "Already linked"
        # A code out of time.
        late = await link_code(telegram, dan, 1)
        tg.core.clock.advance(LINK_CODE_MINUTES * 60)
        await telegram.send_text(f"/link {late}", user=ADA)
        assert bold_title((await telegram.replies(ADA, 4))[3]) == "That code has expired"
        # A press on Carol's "Progress" button by Bob is refused.
        (data,) = [
            b["callback_data"] for row in rows(linked) for b in row if b["text"] == "Progress"
        ]
        query = await telegram.press(linked, data, user=BOB)
        (answer,) = await telegram.wait_for(
            lambda: telegram.calls_to("answerCallbackQuery", callback_query_id=query)
        )
        assert "not yours" in answer.params["text"]
        assert failed_calls(telegram) == []


async def test_the_terminal_links_to_telegram(tmp_path, telegram, knowledge):
    term = Terminal(tmp_path)
    try:
        term.expect(PROMPT)
        term.type(b"/link\n")
        code = code_in(term.expect(PROMPT).decode())
        term.type(b"/quit\n")
        assert term.wait() == 0
    finally:
        term.close()
    async with running_telegram(tmp_path, telegram, knowledge) as tg:
        # The terminal runs on the real clock: so does this bot, for the code to be current.
        tg.core.clock.set(datetime.now(UTC) + timedelta(seconds=1))
        await telegram.send_text("/done docker", user=ADA)
        await telegram.send_text(f"/link {code}", user=ADA)
        linked = (await telegram.replies(ADA, 2))[1]
        assert bold_title(linked) == "Linked!"
        assert "the terminal, Telegram" in linked["text"]
    term = Terminal(tmp_path)
    try:
        term.expect(PROMPT)
        term.type(b"/export\n")
        shown = term.expect(PROMPT).decode()
        assert "linked accounts: the terminal, Telegram" in shown
        term.type(b"/quit\n")
        assert term.wait() == 0
    finally:
        term.close()
    async with running_telegram(tmp_path, telegram, knowledge) as tg:
        assert await tg.core.storage.identities.learner(ADA_TG) == f"console:{USER}"
        assert "docker" in await tg.core.storage.done_items(f"console:{USER}")


async def test_a_linked_learners_reminder_goes_to_where_it_was_set_with_its_buttons(
    tmp_path, telegram, knowledge
):
    carol = 4203
    async with running_telegram(tmp_path, telegram, knowledge) as tg:
        # Ada joins Carol's learner (both on Telegram here), then sets the reminder herself.
        code = await link_code(telegram, carol, 0)
        await telegram.send_text(f"/link {code}", user=ADA)
        assert bold_title((await telegram.replies(ADA, 1))[0]) == "Linked!"
        await telegram.send_text("/remind 07:00 UTC", user=ADA)
        await telegram.replies(ADA, 2)
        tg.core.clock.set(START + timedelta(hours=1, minutes=1))
        engine = reminder_engine(tg.core, {"telegram": tg.outbox})
        stored = await tg.core.storage.reminders.get(f"telegram:{carol}")
        assert stored is not None and stored.user_id == str(ADA)
        assert (await engine.run_once()).sent == 1
        reminder = (await telegram.replies(ADA, 3))[2]
        data = {b["text"]: b["callback_data"] for row in rows(reminder) for b in row}
        # Only Ada, whom it went to, may press it; her Done ticks the shared checklist.
        refused = await press_and_wait(telegram, reminder, data["Done"], carol)
        assert "not yours" in refused["text"]
        await press_and_wait(telegram, reminder, data["Done"], ADA)
        first = knowledge.checklist(None)[0]
        assert f"✓ {first.title} ticked" in (await telegram.replies(ADA, 4))[3]["text"]
        assert first.id in await tg.core.storage.done_items(f"telegram:{carol}")
        assert failed_calls(telegram) == []
