"""/link and /unlink through the core: one learner across platforms, and bad input."""

from __future__ import annotations

import json
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.clock import ManualClock
from bot.core import Core
from bot.limits import LINK_CODE_MINUTES, LINK_MAX_WRONG
from bot.linking import ALPHABET, CODE_CHARS, LinkCode, new_code, parse_code
from bot.messages import Reply, ReplyKind
from bot.reminder_model import Claim
from bot.reminders.message import ReminderWriter
from bot.storage import open_storage
from tests.conftest import START, say

TG = {"platform": "telegram", "user": "42"}
DC = {"platform": "discord", "user": "7"}
CONSOLE = {"platform": "console", "user": "ada"}


@pytest.fixture
async def core(database, knowledge, clock) -> Core:
    async with await open_storage(database) as storage:
        yield Core(knowledge, storage, clock=clock)


def code_of(reply: Reply) -> str:
    """The code a /link reply shows in its title."""
    assert reply.title.startswith("Your link code: "), reply
    return reply.title.removeprefix("Your link code: ")


async def link(core: Core, first: dict, second: dict) -> Reply:
    code = code_of(await say(core, "/link", **first))
    return await say(core, f"/link {code}", **second)


def text(reply: Reply) -> str:
    return "\n".join((reply.title, *reply.blocks))


# -- the code ---------------------------------------------------------------------------------


def test_codes_are_typeable_and_distinct() -> None:
    codes = {new_code().code for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == CODE_CHARS and set(c) <= set(ALPHABET) for c in codes)
    assert not set("01ILOU") & set(ALPHABET)


@given(st.text(alphabet=ALPHABET, min_size=CODE_CHARS, max_size=CODE_CHARS), st.data())
def test_a_code_parses_however_it_is_typed(code: str, data: st.DataObject) -> None:
    shown = LinkCode(code).shown()
    assert parse_code(shown) == LinkCode(code)
    typed = "".join(
        data.draw(st.sampled_from([char, char.lower()]))
        + data.draw(st.sampled_from(["", " ", "-"]))
        for char in code
    )
    assert parse_code(f"  {typed} ") == LinkCode(code)


@given(st.text(max_size=20))
def test_the_parser_returns_a_canonical_code_or_nothing(text: str) -> None:
    parsed = parse_code(text)
    if parsed is not None:
        assert len(parsed.code) == CODE_CHARS and set(parsed.code) <= set(ALPHABET)
        assert parse_code(parsed.shown()) == parsed
        assert parsed.code == "".join(c for c in text.upper() if c in ALPHABET)


@given(st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=12))
def test_wrong_lengths_and_look_alikes_are_not_codes(text: str) -> None:
    if len(text) != CODE_CHARS or not set(text.upper()) <= set(ALPHABET):
        assert parse_code(text) is None


# -- linking ----------------------------------------------------------------------------------


async def test_linked_identities_share_ticks_track_and_progress(core: Core) -> None:
    await say(core, "/track python", **TG)
    await say(core, "/done rest", **TG)
    await say(core, "/done docker", **DC)
    linked = await link(core, TG, DC)
    assert linked.title == "Linked!" and linked.private
    assert "Telegram, Discord" in text(linked)
    for who in (TG, DC):
        progress = text(await say(core, "/progress", **who))
        assert "Python track" in progress
    # A tick on one platform is there on the other at once.
    await say(core, "/done sql", **DC)
    assert {"rest", "docker", "sql"} <= await core.storage.done_items("telegram:42")
    undone = await say(core, "/undo sql", **TG)
    assert "unticked" in undone.title
    assert "sql" not in await core.storage.done_items("telegram:42")


async def test_the_code_is_single_use_and_given_privately(core: Core) -> None:
    issued = await say(core, "/link", **TG, group=True)
    assert issued.private  # adapters send it privately (Telegram DM, Discord ephemeral)
    code = code_of(issued)
    assert (await say(core, f"/link {code}", **DC)).title == "Linked!"
    again = await say(core, f"/link {code}", **CONSOLE)
    assert again.title == "That code does not work" and again.kind is ReplyKind.ERROR
    assert await core.storage.identities.learner("console:ada") == "console:ada"


async def test_expired_own_and_not_a_code(core: Core, clock: ManualClock) -> None:
    code = code_of(await say(core, "/link", **TG))
    assert (await say(core, f"/link {code}", **TG)).title == "That is your own code"
    nonsense = await say(core, "/link hello", **DC)
    assert nonsense.title == "That is not a link code"
    clock.advance(LINK_CODE_MINUTES * 60)
    assert (await say(core, f"/link {code.lower()}", **DC)).title == "That code has expired"
    assert await core.storage.identities.learner("discord:7") == "discord:7"


async def test_five_wrong_tries_pause_the_guesser(core: Core, clock: ManualClock) -> None:
    code = code_of(await say(core, "/link", **TG))
    wrong = code[:-1] + ("Z" if code[-1] != "Z" else "Y")
    for _ in range(LINK_MAX_WRONG):
        reply = await say(core, f"/link {wrong}", **DC)
        assert reply.title == "That code does not work"
    assert "last try" in text(reply)
    blocked = await say(core, f"/link {code}", **DC)
    assert blocked.title == "Too many wrong codes"
    told = await say(core, "/progress", **TG)
    assert any("typed your link code wrong 5 times" in notice for notice in told.notices)
    assert await core.storage.identities.learner("discord:7") == "discord:7"
    # Its own code died of the wrong tries of its locator; after the pause a new one works.
    clock.advance(LINK_CODE_MINUTES * 60)
    assert (await say(core, f"/link {code}", **DC)).title == "That code does not work"
    assert (await link(core, TG, DC)).title == "Linked!"


async def test_a_code_typed_in_a_group_no_longer_works(core: Core) -> None:
    code = code_of(await say(core, "/link", **TG))
    shown = await say(core, f"/link {code}", **DC, group=True)
    assert shown.title == "Link codes are secret" and "no longer works" in text(shown)
    assert (await say(core, f"/link {code}", **DC)).title == "That code does not work"


async def test_already_linked_and_linked_elsewhere(core: Core) -> None:
    await link(core, TG, DC)
    assert (await link(core, TG, DC)).title == "Already linked"
    assert (await link(core, DC, TG)).title == "Already linked"
    other = {"platform": "telegram", "user": "99"}
    await link(core, other, CONSOLE)
    refused = await link(core, TG, CONSOLE)
    assert refused.title == "This account is linked to others"
    assert await core.storage.identities.learner("console:ada") == "telegram:99"


async def test_the_reminder_can_be_moved_to_where_the_learner_is(core: Core) -> None:
    await say(core, "/remind 08:00 Berlin", **TG)
    linked = await link(core, TG, DC)
    assert "Your daily reminder comes on Telegram at 08:00 (Europe/Berlin)" in text(linked)
    (here,) = [b for b in linked.buttons if b.command == "remind"]
    await say(core, here.command_line, **DC)
    reminder = await core.storage.reminders.get("telegram:42")
    assert (reminder.platform, reminder.user_id, reminder.zone) == ("discord", "7", "Europe/Berlin")
    assert await core.storage.reminders.get("discord:7") is None  # one reminder only


async def test_unlink_asks_then_keeps_a_copy_on_each_side(core: Core) -> None:
    assert (await say(core, "/unlink", **TG)).title == "This account is not linked"
    await say(core, "/done rest", **TG)
    await link(core, TG, DC)
    asked = await say(core, "/unlink", **DC)
    assert asked.kind is ReplyKind.CONFIRM and "Telegram" in text(asked)
    assert await core.storage.identities.learner("discord:7") == "telegram:42"
    done = await say(core, "/unlink confirm", **DC)
    assert done.title == "Unlinked"
    for key in ("telegram:42", "discord:7"):
        assert await core.storage.done_items(key) == {"rest"}
    await say(core, "/done docker", **DC)
    assert "docker" not in await core.storage.done_items("telegram:42")
    assert (await say(core, "/unlink confirm", **DC)).title == "This account is not linked"


async def test_export_and_forget_cover_every_linked_identity(core: Core) -> None:
    await say(core, "/done rest", **DC)
    await link(core, TG, DC)
    exported = await say(core, "/export", **DC)
    assert "linked accounts: Telegram, Discord" in text(exported)
    data = json.loads(exported.attachment.content)
    assert data["identities"] == ["telegram:42", "discord:7"]
    assert [d["item"] for d in data["done"]] == ["rest"]
    asked = await say(core, "/forget", **TG)
    assert "linked accounts: Telegram, Discord" in text(asked)
    gone = await say(core, "/forget confirm", **TG)
    assert "Deleted for all your linked accounts: Telegram, Discord." in text(gone)
    for key in ("telegram:42", "discord:7"):
        assert await core.storage.done_items(key) == frozenset()
        assert await core.storage.identities.learner(key) == key


async def test_knowledge_lookups_and_questions_never_resolve_a_learner(
    core: Core, monkeypatch
) -> None:
    calls = []
    resolve = core.storage.identities.learner

    async def counting(user_key: str) -> str:
        calls.append(user_key)
        return await resolve(user_key)

    monkeypatch.setattr(core.storage.identities, "learner", counting)
    for line in ("/help", "/roadmap", "/lang python", "what is docker?"):
        await say(core, line, **TG)
    assert calls == []
    await say(core, "/progress", **TG)
    assert calls == ["telegram:42"]


async def test_a_reminder_goes_to_the_identity_it_was_set_on_with_its_buttons(core: Core) -> None:
    await link(core, TG, DC)
    await say(core, "/remind 08:00", **DC)
    reminder = await core.storage.reminders.get("telegram:42")
    assert reminder is not None and reminder.platform == "discord"
    writer = ReminderWriter(core.storage, core.knowledge, core.clock)
    built = await writer.for_claim(Claim(reminder, START.date(), reminder.next_due, "test"))
    assert built.owner == "7"  # only the Discord identity may press its buttons


async def test_a_start_link_runs_on_the_linked_learner(core: Core) -> None:
    await link(core, TG, DC)
    await say(core, "/start track_python", **DC)
    assert (await core.storage.get_user("telegram:42")).track == "python"
    assert (await core.storage.get_user("discord:7")).track is None


async def test_another_process_on_the_database_sees_links_at_once(database, knowledge, clock):
    async with await open_storage(database) as one, await open_storage(database) as two:
        first, second = Core(knowledge, one, clock=clock), Core(knowledge, two, clock=clock)
        await say(second, "/progress", **DC)  # the second process served Discord before
        await link(first, TG, DC)
        await say(second, "/done docker", **DC)
        assert "docker" in await one.done_items("telegram:42")
        await say(first, "/unlink confirm", **DC)
        await say(second, "/done sql", **DC)
        assert "sql" not in await one.done_items("telegram:42")
        assert "sql" in await one.done_items("discord:7")
