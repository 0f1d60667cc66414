"""End to end: the real discord.py client against a fake Discord on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator, Awaitable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import discord
import pytest

from adapters.discord.client import (
    EXPIRED_PAGES,
    PRIVATE_NOTE,
    DiscordAdapter,
    DiscordOutbox,
    DiscordStartError,
)
from adapters.discord.render import MAX_AUTOCOMPLETE_CHOICES
from adapters.paging import NOT_YOUR_PAGES, PAGES_KEPT
from bot.clock import ManualClock
from bot.commands import Command, Context, Option, OptionKind
from bot.config import Settings
from bot.core import Core
from bot.delivery import (
    Delivery,
    PermanentDeliveryError,
    RetryAfter,
    TransientDeliveryError,
    UncertainDeliveryError,
)
from bot.knowledge import bundled_knowledge_path, load_knowledge
from bot.messages import Button, ChatKind, Field, Reply, Request
from bot.serve import reminder_engine
from bot.storage import open_storage
from tests.conftest import DISCORD_TOKEN, start_bot_process, stop_bot_process
from tests.fakes.discord_api import (
    EPHEMERAL,
    PROCESS_START_SECONDS,
    FakeDiscord,
    FormError,
    check_commands,
    check_message,
)

TOKEN = DISCORD_TOKEN
OWNER, STRANGER, GUILD, CHANNEL = 1001, 2002, 5005, 3001
START = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(bundled_knowledge_path())


@pytest.fixture
def fake(discord: FakeDiscord) -> FakeDiscord:
    """The fake Discord (conftest's ``discord`` fixture) by the name these tests use."""
    return discord


def make_settings(tmp_path: Path, fake: FakeDiscord, **extra) -> Settings:
    return Settings(
        database_path=tmp_path / "db.sqlite3",
        discord_token=TOKEN,
        discord_api_base=fake.api_base,
        discord_gateway_url=fake.gateway_url,
        **extra,
    )


async def gated(gate: asyncio.Event, ctx: Context) -> Reply:
    """A slow command: answers once the test opens its gate."""
    await gate.wait()
    return Reply("Slow answer", (ctx.args,), private=ctx.args == "private")


async def tally(ctx: Context) -> Reply:
    """A press on its button is an update of the message."""
    count = int(ctx.args or 0)
    plus = Button("+1", "tally", str(count + 1))
    return Reply("Tally", (f"count {count}",), buttons=(plus,), updates_pressed=True)


async def long_reply(ctx: Context) -> Reply:
    fields = tuple(Field(f"Step {i}", "• an item to learn\n" * 50) for i in range(15))
    return Reply("A long list", ("Everything, page by page.",), fields)


async def twice(ctx: Context) -> Reply:
    """A reply that offers the same command line on two buttons."""
    same = (Button("Python", "lang", "python"), Button("Again", "lang", "python"))
    return Reply("Twice", ("Two ways to the same place.",), buttons=(*same, Button("Help", "help")))


def adapter_commands(gate: asyncio.Event) -> tuple[Command, ...]:
    """Commands for adapter tests; ``/slow`` waits for ``gate``."""
    slow = partial(gated, gate)
    return (
        Command("slow", "A slow command", slow, options=(Option("mode", "public or private"),)),
        Command("twice", "The same button twice", twice),
        Command("tally", "Count presses", tally),
        Command("long", "A long answer", long_reply),
    )


@contextlib.asynccontextmanager
async def running(
    tmp_path: Path,
    fake: FakeDiscord,
    knowledge,
    database: Path | str | None = None,
    *,
    extra_commands: bool = False,
    **settings,
) -> AsyncIterator[DiscordAdapter]:
    """A core on ``database`` (or tmp_path's) and a started Discord adapter; stopped afterwards."""
    config = make_settings(tmp_path, fake, **settings)
    storage = await open_storage(database or config.database_path)
    core = Core(knowledge, storage, settings=config, clock=ManualClock(START))
    if extra_commands:
        core.test_gate = gate = asyncio.Event()  # type: ignore[attr-defined]
        core.commands.update({command.name: command for command in adapter_commands(gate)})
    adapter = DiscordAdapter(core, config, guild_ready_timeout=0.05)
    try:
        await adapter.start()
        yield adapter
    finally:
        await adapter.stop()
        await storage.close()


async def sample_value(core: Core, option, request: Request) -> str:
    if option.kind is OptionKind.CHOICE:
        return option.choices[0]
    if option.kind is OptionKind.TIME:
        return "09:00"
    choices = await core.complete(option.kind, "", request)
    return choices[0].value if choices else "python"


async def test_connects_without_privileged_intents_and_heartbeats(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge) as adapter:
        await fake.wait_for(lambda: fake.heartbeats)
        assert adapter.client.is_ready()
    (identify,) = fake.identifies
    assert identify["intents"] == 0
    assert identify["shard"] == [0, 1]
    assert ("GET", "/api/v10/gateway/bot") in fake.requests  # AutoShardedClient asked


async def test_every_listed_command_is_synced_and_answers(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge) as adapter:
        core = adapter.core
        ((scope, synced),) = fake.syncs
        assert scope == "global"
        assert [c["name"] for c in synced] == [c.name for c in core.listed_commands]
        for command, definition in zip(core.listed_commands, synced, strict=True):
            assert definition["description"] == command.summary
            by_name = {o["name"]: o for o in definition.get("options", [])}
            assert set(by_name) == {o.name for o in command.options}
            for option in command.options:
                given = by_name[option.name]
                assert given["description"] == option.description
                assert given["type"] == 3 and given["required"] == option.required
                if option.kind is OptionKind.CHOICE:
                    assert [c["value"] for c in given["choices"]] == list(option.choices)
                autocompleted = option.kind in {
                    OptionKind.LANGUAGE,
                    OptionKind.SECTION,
                    OptionKind.TOPIC,
                    OptionKind.ITEM,
                    OptionKind.TIMEZONE,
                }
                assert given.get("autocomplete", False) is autocompleted

        for command in core.listed_commands:
            request = Request("discord", str(OWNER), str(CHANNEL), ChatKind.GROUP, command.name)
            options = {
                o.name: await sample_value(core, o, request) for o in command.options if o.required
            }
            exchange = await fake.slash(command.name, options, guild_id=GUILD)
            (message,) = await fake.answered(exchange)
            assert message["embeds"][0]["title"], command.name
        assert fake.rejected == []


async def test_lang_reply_and_private_replies_are_ephemeral(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        lang = await fake.slash("lang", {"language": "python"}, guild_id=GUILD)
        (message,) = await fake.answered(lang)
        assert message["embeds"][0]["title"] == "Python"
        assert not message.get("flags", 0) & EPHEMERAL
        assert message["allowed_mentions"] == {"parse": []}
        own_data = [
            ("remind", {"time": "09:00"}),
            ("remind", {}),
            ("timezone", {"zone": "Europe/Berlin"}),
            ("progress", {}),
            ("export", {}),
        ]
        for name, options in own_data:
            exchange = await fake.slash(name, options, guild_id=GUILD)
            (message,) = await fake.answered(exchange)
            assert message["flags"] & EPHEMERAL, name
        assert exchange.callbacks[0]["_files"]  # /export attaches the data file
        assert fake.messages[exchange.original_id]["attachments"][0]["filename"].endswith(".json")


async def test_mentions_in_input_never_ping(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        exchange = await fake.slash("lang", {"language": "@everyone <@&1> <@1001>"}, guild_id=GUILD)
        (message,) = await fake.answered(exchange)
        assert message["allowed_mentions"] == {"parse": []}
        assert fake.rejected == []


async def test_autocomplete_offers_fuzzy_choices(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        exchange = await fake.slash("lang", {"language": "pyhton"}, focused="language")
        await fake.wait_for(lambda: exchange.callbacks)
        (callback,) = exchange.callbacks
        assert callback["type"] == 8
        choices = callback["data"]["choices"]
        assert choices[0]["value"] == "python"
        assert 0 < len(choices) <= MAX_AUTOCOMPLETE_CHOICES
        zone = await fake.slash("timezone", {"zone": "berl"}, focused="zone")
        await fake.wait_for(lambda: zone.callbacks)
        assert zone.callbacks[0]["data"]["choices"][0]["value"] == "Europe/Berlin"


@pytest.mark.parametrize(
    ("command", "option", "typed", "best"),
    [
        ("roadmap", "section", "databse", "databases"),
        ("topic", "name", "postgrs", "postgresql"),
        ("done", "item", "djang", "django"),
        ("resources", "topic", "dokcer", "docker"),
    ],
)
async def test_autocomplete_of_steps_topics_and_items(
    tmp_path, fake, knowledge, command, option, typed, best
):
    async with running(tmp_path, fake, knowledge):
        exchange = await fake.slash(command, {option: typed}, focused=option)
        await fake.wait_for(lambda: exchange.callbacks)
        choices = exchange.callbacks[0]["data"]["choices"]
        assert choices[0]["value"] == best
        assert fake.rejected == []


async def test_remind_goes_to_dms_unless_here_is_chosen(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge) as adapter:
        exchange = await fake.slash("remind", {"time": "09:00"}, guild_id=GUILD)
        (message,) = await fake.answered(exchange)
        assert "direct messages" in message["embeds"][0]["description"]
        reminder = await adapter.core.storage.reminders.get(f"discord:{OWNER}")
        assert reminder.chat_id is None
        here = await fake.slash("remind", {"time": "10:00", "where": "here"}, guild_id=GUILD)
        (message,) = await fake.answered(here)
        reminder = await adapter.core.storage.reminders.get(f"discord:{OWNER}")
        assert reminder.chat_id == str(CHANNEL)


async def test_buttons_by_owner_and_by_someone_else(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge, extra_commands=True):
        lang = await fake.slash("lang", {"language": "python"}, guild_id=GUILD)
        await fake.answered(lang)
        message = fake.messages[lang.original_id]
        ids = [c["custom_id"] for row in message["components"] for c in row["components"]]
        track = next(i for i in ids if i.endswith("|track python"))
        assert track.startswith(f"rb:{OWNER}|")

        refused = await fake.press(lang.original_id, track, user_id=STRANGER, guild_id=GUILD)
        (note,) = await fake.answered(refused)
        assert note["flags"] & EPHEMERAL
        assert note["embeds"][0]["title"] == "That button is not yours"

        pressed = await fake.press(lang.original_id, track, user_id=OWNER, guild_id=GUILD)
        (answer,) = await fake.answered(pressed)
        assert pressed.callbacks[0]["type"] == 4  # a different answer: a new message
        assert "Python" in str(answer["embeds"])

        tally = await fake.slash("tally", guild_id=GUILD)
        await fake.answered(tally)
        plus = fake.messages[tally.original_id]["components"][0]["components"][0]["custom_id"]
        pressed = await fake.press(tally.original_id, plus, guild_id=GUILD)
        await fake.answered(pressed)
        assert pressed.callbacks[0]["type"] == 7  # an update: edited in place
        edited = fake.messages[tally.original_id]
        assert edited["embeds"][0]["description"] == "count 1"
        assert edited["components"][0]["components"][0]["custom_id"].endswith("|tally 2")
        assert fake.rejected == []


async def test_a_reply_never_carries_the_same_button_twice(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge, extra_commands=True):
        exchange = await fake.slash("twice", guild_id=GUILD)
        (message,) = await fake.answered(exchange)
        labels = [c["label"] for row in message["components"] for c in row["components"]]
        assert labels == ["Python", "Help"]
        # Two unknown names whose nearest topic is the same one.
        exchange = await fake.slash("compare", {"first": "gosu", "second": "goox"}, guild_id=GUILD)
        (message,) = await fake.answered(exchange)
        assert message["embeds"][0]["title"] == "Not found"
        ids = [c["custom_id"] for row in message["components"] for c in row["components"]]
        assert len(ids) == len(set(ids)) > 0
        assert fake.rejected == []


async def test_mark_done_on_the_next_item_updates_that_message(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge):
        await fake.answered(await fake.slash("track", {"language": "python"}, guild_id=GUILD))
        shown = await fake.slash("next", guild_id=GUILD)
        (message,) = await fake.answered(shown)
        assert message["flags"] & EPHEMERAL
        ids = [c["custom_id"] for row in message["components"] for c in row["components"]]
        done = next(i for i in ids if "|done " in i)
        pressed = await fake.press(shown.original_id, done, guild_id=GUILD)
        await fake.answered(pressed)
        assert pressed.callbacks[0]["type"] == 7  # edited in place, no new message
        edited = fake.messages[shown.original_id]
        assert "ticked" in edited["embeds"][0]["title"]
        labels = [c["label"] for row in edited["components"] for c in row["components"]]
        assert "Untick" in labels
        assert fake.rejected == []


async def test_slow_commands_defer_then_follow_up(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge, extra_commands=True) as adapter:
        adapter.defer_after = 0.01
        public = await fake.slash("slow", guild_id=GUILD)
        await fake.wait_for(lambda: public.callbacks)
        assert public.callbacks[0]["type"] == 5  # "thinking…"
        adapter.core.test_gate.set()
        (message,) = await fake.answered(public)
        assert message["embeds"][0]["title"] == "Slow answer"
        assert fake.messages[public.original_id]["embeds"][0]["title"] == "Slow answer"


async def test_private_reply_to_a_deferred_command_stays_private(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge, extra_commands=True) as adapter:
        adapter.defer_after = 0.01
        exchange = await fake.slash("slow", {"mode": "private"}, guild_id=GUILD)
        await fake.wait_for(lambda: exchange.callbacks)
        adapter.core.test_gate.set()
        await fake.answered(exchange, 2)
        assert exchange.edits[0]["content"] == PRIVATE_NOTE
        (followup,) = exchange.followups
        assert followup["flags"] & EPHEMERAL


def kept_views() -> list[discord.ui.View]:
    """Views discord.py keeps listening on until their timeout (15 minutes for ephemeral ones)."""
    gc.collect()
    return [
        view
        for view in gc.get_objects()
        if isinstance(view, discord.ui.View) and view.timeout and not view.is_finished()
    ]


async def test_private_replies_leave_no_view_alive_and_their_buttons_still_work(
    tmp_path, fake, knowledge
):
    async with running(tmp_path, fake, knowledge, extra_commands=True) as adapter:
        await fake.answered(await fake.slash("track", {"language": "python"}, guild_id=GUILD))
        shown = await fake.slash("next", guild_id=GUILD)  # private: an ephemeral response
        (message,) = await fake.answered(shown)
        assert message["flags"] & EPHEMERAL and message["components"]
        adapter.defer_after = 0.01
        slow = await fake.slash("slow", {"mode": "private"}, guild_id=GUILD)
        await fake.wait_for(lambda: slow.callbacks)
        adapter.core.test_gate.set()
        await fake.answered(slow, 2)  # an ephemeral followup
        adapter.defer_after = 1.0
        assert kept_views() == []

        ids = [c["custom_id"] for row in message["components"] for c in row["components"]]
        done = next(i for i in ids if "|done " in i)
        pressed = await fake.press(shown.original_id, done, guild_id=GUILD)
        await fake.answered(pressed)
        assert "ticked" in fake.messages[shown.original_id]["embeds"][0]["title"]
        assert kept_views() == []


async def page_stored(adapter: DiscordAdapter, message_id: int) -> None:
    """Wait until the database holds the pages of a message (stored after it was sent)."""
    async with asyncio.timeout(5):
        while True:
            if await adapter.pages.get(str(message_id)) is not None:
                return
            await asyncio.sleep(0.01)  # the store has no event to await


def footer(message: dict) -> str:
    """The footer of a message's first embed (where the page number is)."""
    return message["embeds"][0]["footer"]["text"]


async def test_long_replies_page_for_their_owner_in_any_process_until_they_expire(
    tmp_path, fake, knowledge, database
):
    """Pages live in the database: a press that reaches another process turns them.

    Two processes run one shard each; the reply is sent by shard 0's and the presses go to
    either (as when a reminder sender's message is pressed in a server another process
    serves), then to a process started since.
    """
    shard = partial(
        running, tmp_path, fake, knowledge, database, extra_commands=True, discord_shard_count=2
    )
    async with shard(discord_shard_ids=(0,)) as zero, shard(discord_shard_ids=(1,)):
        exchange = await fake.slash("long", guild_id=GUILD, shard=0)
        await fake.answered(exchange)
        message = fake.messages[exchange.original_id]
        first = footer(message)
        assert first.startswith("Page 1/")
        await page_stored(zero, exchange.original_id)  # stored just after the send
        turn = await fake.press(exchange.original_id, "rbp:next", guild_id=GUILD, shard=1)
        await fake.answered(turn)
        assert turn.callbacks[0]["type"] == 7
        assert footer(message).startswith("Page 2/")
        back = await fake.press(exchange.original_id, "rbp:prev", guild_id=GUILD, shard=0)
        await fake.answered(back)
        assert footer(message) == first
        stranger = await fake.press(
            exchange.original_id, "rbp:next", user_id=STRANGER, guild_id=GUILD, shard=1
        )
        (refusal,) = await fake.answered(stranger)
        assert refusal["content"] == NOT_YOUR_PAGES and refusal["flags"] & EPHEMERAL
        assert footer(message) == first  # only the owner turns pages
        again = await fake.press(
            exchange.original_id, "rbp:next", user_id=OWNER, guild_id=GUILD, shard=1
        )
        await fake.answered(again)
        assert footer(message).startswith("Page 2/")

    async with running(tmp_path, fake, knowledge, database, extra_commands=True) as adapter:
        later = await fake.press(exchange.original_id, "rbp:next", guild_id=GUILD)
        await fake.answered(later)
        third = footer(message)
        assert third.startswith("Page 3/")
        adapter.core.clock.advance(PAGES_KEPT.total_seconds() + 1)
        expired = await fake.press(exchange.original_id, "rbp:next", guild_id=GUILD)
        (note,) = await fake.answered(expired)
        assert note["content"] == EXPIRED_PAGES and note["flags"] & EPHEMERAL
        assert footer(message) == third  # untouched


async def test_commands_sync_once_and_buttons_survive_a_restart(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge) as adapter:
        assert adapter.synced
        lang = await fake.slash("lang", {"language": "python"})
        await fake.answered(lang)
    async with running(tmp_path, fake, knowledge) as adapter:
        assert not adapter.synced
        assert len(fake.syncs) == 1
        track = f"rb:{OWNER}|track python"
        pressed = await fake.press(lang.original_id, track)
        (answer,) = await fake.answered(pressed)
        assert answer["embeds"][0]["title"]
        user = await adapter.core.storage.get_user(f"discord:{OWNER}")
        assert user.track == "python"
    async with running(tmp_path, fake, knowledge, extra_commands=True):  # definitions changed
        assert [scope for scope, _ in fake.syncs] == ["global", "global"]
        assert "tally" in fake.commands
    async with running(tmp_path, fake, knowledge, discord_guild_id=GUILD):
        assert [scope for scope, _ in fake.syncs] == ["global", "global", f"guild:{GUILD}"]
        exchange = await fake.slash("lang", {"language": "go"}, guild_id=GUILD)
        assert (await fake.answered(exchange))[0]["embeds"][0]["title"]
    assert sum(1 for method, _ in fake.requests if method == "PUT") == 3


async def test_a_shard_count_alone_runs_every_shard_in_this_process(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge, discord_shard_count=2):
        await fake.wait_for(lambda: len(fake.identifies) == 2)
    assert sorted(identify["shard"] for identify in fake.identifies) == [[0, 2], [1, 2]]
    assert len(fake.syncs) == 1


async def test_a_shard_process_without_shard_zero_does_not_sync(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge, discord_shard_count=2, discord_shard_ids=(1,)):
        pass
    assert fake.identifies[0]["shard"] == [1, 2]
    assert fake.syncs == []


async def test_reminders_by_dm_and_closed_dms_turn_them_off(tmp_path, fake, knowledge, caplog):
    caplog.set_level(logging.DEBUG)
    async with running(tmp_path, fake, knowledge) as adapter:
        core = adapter.core
        await fake.answered(await fake.slash("remind", {"time": "09:00", "timezone": "UTC"}))
        engine = reminder_engine(core, {adapter.platform: adapter.outbox})
        core.clock.set(datetime(2026, 3, 2, 9, 1, tzinfo=UTC))
        stats = await engine.run_once()
        assert stats.sent == 1
        assert ("POST", "/api/v10/users/@me/channels") in fake.requests
        (dm,) = fake.channel_messages
        assert int(dm["channel_id"]) == fake.dm_channels[OWNER]
        assert dm["embeds"][0]["title"] == "Your daily reminder"

        fake.closed_dms.add(OWNER)
        core.clock.set(datetime(2026, 3, 3, 9, 1, tzinfo=UTC))
        stats = await engine.run_once()
        assert stats.disabled == 1
        reminder = await core.storage.reminders.get(f"discord:{OWNER}")
        assert not reminder.enabled
        later = await fake.slash("next")
        (message,) = await fake.answered(later)
        assert "turned off" in message["content"]

        # Told in a server too: the public answer, then the notice only they can see.
        await fake.answered(await fake.slash("remind", {"time": "09:00", "timezone": "UTC"}))
        core.clock.set(datetime(2026, 3, 4, 9, 1, tzinfo=UTC))
        assert (await engine.run_once()).disabled == 1
        public = await fake.slash("lang", {"language": "go"}, guild_id=GUILD)
        (answer, note) = await fake.answered(public, 2)
        assert not answer.get("flags", 0) & EPHEMERAL
        assert "turned off" not in str(answer)
        assert note["flags"] & EPHEMERAL and "turned off" in str(note)
        assert fake.rejected == []
    assert TOKEN not in caplog.text


async def test_outbox_maps_discord_errors(tmp_path, fake, knowledge):
    async with running(tmp_path, fake, knowledge) as adapter:
        outbox = adapter.outbox
        reply = Reply("Your daily reminder", ("Learn SQL",))
        fake.closed_dms.add(STRANGER)
        with pytest.raises(PermanentDeliveryError, match="direct messages are closed"):
            await outbox.deliver(Delivery("discord", str(STRANGER), None), reply)

        fake.no_embed_channels.add(CHANNEL)  # no Embed Links permission: plain text instead
        await outbox.deliver(Delivery("discord", str(OWNER), str(CHANNEL)), reply)
        sent = fake.channel_messages[-1]
        assert sent["embeds"] == [] and "Learn SQL" in sent["content"]

        fake.failures[CHANNEL] = (429, {"message": "rate limited", "code": 0}, {"Retry-After": "7"})
        with pytest.raises(RetryAfter) as waited:
            await outbox.deliver(Delivery("discord", str(OWNER), str(CHANNEL)), reply)
        assert waited.value.seconds == 7
        fake.failures[CHANNEL] = (503, {"message": "unavailable", "code": 0}, {})
        with pytest.raises(TransientDeliveryError):
            await outbox.deliver(Delivery("discord", str(OWNER), str(CHANNEL)), reply)
        fake.failures[CHANNEL] = (404, {"message": "Unknown Channel", "code": 10003}, {})
        with pytest.raises(PermanentDeliveryError):
            await outbox.deliver(Delivery("discord", str(OWNER), str(CHANNEL)), reply)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (TimeoutError(), UncertainDeliveryError),
        (aiohttp.ServerTimeoutError(), UncertainDeliveryError),
        (aiohttp.ServerDisconnectedError(), UncertainDeliveryError),
        (
            aiohttp.ClientConnectorError(SimpleNamespace(ssl=None), OSError(111, "refused")),
            TransientDeliveryError,
        ),
    ],
)
async def test_outbox_timeouts_are_uncertain_failed_connections_transient(error, expected):
    async def fail(channel: object, reply: Reply, user_id: str) -> None:
        raise error

    client = SimpleNamespace(get_partial_messageable=lambda channel_id: channel_id)
    outbox = DiscordOutbox(SimpleNamespace(client=client, send_to=fail))
    with pytest.raises(expected):
        await outbox.deliver(Delivery("discord", "1", "2"), Reply("Hello"))


async def test_a_wrong_token_fails_to_start_without_leaking_it(tmp_path, fake, knowledge, capfd):
    fake.token = "something-else"
    with pytest.raises(DiscordStartError, match="rejected the bot token") as failure:
        async with running(tmp_path, fake, knowledge):
            pass
    assert TOKEN not in str(failure.value)
    out, err = capfd.readouterr()
    assert TOKEN not in out + err


def test_the_fake_rejects_command_definitions_discord_rejects():
    good = {"name": "lang", "description": "A language", "options": []}
    check_commands([good])
    option = {"name": "x", "description": "d", "type": 3}
    bad = [
        [good, good],
        [{**good, "name": "Lang"}],
        [{**good, "name": "two words"}],
        [{**good, "description": ""}],
        [{**good, "description": "d" * 101}],
        [{**good, "options": [option, {**option, "name": "y", "required": True}]}],
        [{**good, "options": [{**option, "autocomplete": True, "choices": [{"name": "a"}]}]}],
        [{**good, "options": [{**option, "choices": [{"name": "n" * 101, "value": "v"}]}]}],
        [{**good, "options": [{**option, "name": f"o{i}"} for i in range(26)]}],
    ]
    for commands in bad:
        with pytest.raises(FormError):
            check_commands(commands)


def button(label: str, custom_id: str) -> dict:
    return {"type": 2, "style": 2, "label": label, "custom_id": custom_id}


def test_the_fake_rejects_what_discord_rejects():
    ok = {"content": "hi", "allowed_mentions": {"parse": []}}
    check_message(ok)
    bad = [
        {"content": "x" * 2001},
        {"embeds": [{"title": "t"}] * 11},
        {"embeds": [{"title": "x" * 257}]},
        {"embeds": [{"description": "x" * 4097}]},
        {"embeds": [{"fields": [{"name": "n", "value": "v"}] * 26}]},
        {"embeds": [{"fields": [{"name": "n", "value": "v" * 1025}]}]},
        {"embeds": [{"footer": {"text": "x" * 2049}}]},
        {"embeds": [{"description": "x" * 4000}, {"description": "x" * 2001}]},
        {"components": [{"type": 1, "components": [{"custom_id": "x"}]}] * 6},
        {"components": [{"type": 1, "components": [{"custom_id": "x" * 101}]}]},
        {"components": [{"type": 1, "components": [button("a", "x"), button("b", "x")]}]},
        {"components": [{"type": 1, "components": [button("b", str(i)) for i in range(6)]}]},
        {"components": [{"type": 1, "components": [button("l" * 81, "x")]}]},
        {"components": [{"type": 1, "components": [button("", "x")]}]},
        {"components": [{"type": 1, "components": [button("a", "")]}]},
        {"components": [{"type": 1, "components": []}]},
    ]
    check_message({"components": [{"type": 1, "components": [button("a", "1"), button("a", "2")]}]})
    for body in bad:
        with pytest.raises(FormError):
            check_message({**body, "allowed_mentions": {"parse": []}})
    with pytest.raises(FormError):
        check_message({"content": "hi"})
    for mentions in ({"parse": ["everyone"]}, {"parse": [], "users": ["1"]}, {"roles": ["2"]}):
        with pytest.raises(FormError):
            check_message({"content": "hi", "allowed_mentions": mentions})


def start_run_process(tmp_path: Path, fake: FakeDiscord) -> Awaitable[asyncio.subprocess.Process]:
    """``roadmap-bot run`` configured for the fake Discord only."""
    settings = {
        "DISCORD_TOKEN": TOKEN,
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
    }
    return start_bot_process(tmp_path, settings)


async def test_roadmap_bot_run_with_a_refused_token_exits_with_a_clear_message(tmp_path, fake):
    fake.token = "something-else"
    process = await start_run_process(tmp_path, fake)
    output, _ = await asyncio.wait_for(process.communicate(), 30)
    text = output.decode()
    assert process.returncode == 2, text
    assert "roadmap-bot: Discord rejected the bot token (DISCORD_TOKEN)" in text
    assert "Traceback" not in text
    assert "Unclosed" not in text  # the HTTP session was closed
    assert TOKEN not in text


async def test_roadmap_bot_run_process_answers_and_stops_cleanly(tmp_path, fake):
    process = await start_run_process(tmp_path, fake)
    try:
        await fake.wait_for(
            lambda: fake.identifies and "lang" in fake.commands, PROCESS_START_SECONDS
        )
        exchange = await fake.slash("lang", {"language": "python"})
        (message,) = await fake.answered(exchange)
        assert message["embeds"][0]["title"] == "Python"
    finally:
        text = await stop_bot_process(process)
    assert process.returncode == 0, text
    assert TOKEN not in text
    # Warnings a user cannot act on: this bot uses no voice and needs no guild cache.
    for irrelevant in ("voice will NOT be supported", "Guilds intent"):
        assert irrelevant not in text, text
