"""The Discord client: slash commands in, core requests out, rendered replies back.

Answering: the core usually answers in milliseconds, so the adapter answers an interaction
directly when the reply is ready within ``DEFER_AFTER_SECONDS``; otherwise it defers (a
"thinking" state for commands, a silent update for buttons) and sends the reply as a followup.
A private reply to a publicly deferred command replaces the "thinking" message with a short note
and arrives as an ephemeral followup, so private data is never shown to the channel.

Buttons are :class:`discord.ui.DynamicItem` s whose custom id carries the core's payload, so they
keep working after a restart. Page buttons (◀ ▶) find their pages in the database by message id
(:class:`adapters.paging.PageShelf`, for two days), so they work whichever process receives the
press (shards split across processes) and after a restart; once expired they answer with a
polite ephemeral note. Only the user a reply was sent for turns its pages (as on Telegram);
anyone else gets an ephemeral "not yours" note.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import io
import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import discord
import yarl
from discord import app_commands

from adapters.discord.render import (
    CORE_BUTTON_PREFIX,
    MAX_AUTOCOMPLETE_CHOICES,
    MAX_CHOICE_VALUE,
    NEXT,
    PAGE_BUTTON_PREFIX,
    PREVIOUS,
    ButtonSpec,
    Page,
    button_specs,
    choice_name,
    render,
    truncate,
)
from adapters.paging import NOT_YOUR_PAGES, PageCodec, Paged, PageShelf
from bot import observability
from bot.commands import Command, OptionKind
from bot.config import Settings
from bot.core import Core
from bot.delivery import (
    AdapterStartError,
    Delivery,
    DeliveryError,
    PermanentDeliveryError,
    RetryAfter,
    TransientDeliveryError,
    UncertainDeliveryError,
)
from bot.messages import ChatKind, Reply, Request

log = logging.getLogger(__name__)

PLATFORM = "discord"
#: The gateway close code for a token Discord refuses (revoked or reset).
AUTHENTICATION_FAILED = 4004
#: Answer directly when the core is this quick; defer otherwise. Discord allows 3 seconds from
#: the interaction's creation, and gateway delivery plus the defer request itself take some.
DEFER_AFTER_SECONDS = 1.0
#: Seconds to wait for GUILD_CREATEs before "ready". Without the guilds intent none come, and
#: interactions need no guild cache, so waiting discord.py's default 2 s per shard is pointless.
GUILD_READY_TIMEOUT = 0.2
#: Slash command and option descriptions are capped by Discord at 100 characters.
MAX_DESCRIPTION = 100
#: Option kinds answered by ``core.complete``.
AUTOCOMPLETED = frozenset(
    {
        OptionKind.LANGUAGE,
        OptionKind.SECTION,
        OptionKind.TOPIC,
        OptionKind.ITEM,
        OptionKind.TIMEZONE,
    }
)
#: Outbox pacing: Discord allows 50 requests/s per bot; stay below it.
OVERALL_RATE = 40.0
PER_CHAT_INTERVAL = 1.0
#: Commands can be used where a server installed the bot and, installed by a user for
#: themselves, in their DMs with it, in group DMs and in any server (personal replies stay
#: ephemeral everywhere).
EVERY_INSTALL = app_commands.AppInstallationType(guild=True, user=True)
EVERYWHERE = app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=True)
#: The file (next to the database) remembering what was last synced, per application and scope.
SYNC_STATE_FILE = "discord-commands.json"
#: Discord error codes the adapter reacts to.
CANNOT_DM_USER, MISSING_PERMISSIONS = 50007, 50013
PRIVATE_NOTE = "🔒 I sent you the answer privately."
EXPIRED_PAGES = "These pages have expired. Please run the command again."
NO_MENTIONS = discord.AllowedMentions.none()


class _IrrelevantWarnings(logging.Filter):
    """Drops discord.py's warning that the guilds intent is off, which it is on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        """False for the guilds intent warning."""
        return not record.getMessage().startswith("Guilds intent seems to be disabled")


IRRELEVANT_WARNINGS = _IrrelevantWarnings()


def request_of(interaction: discord.Interaction, command: str | None, args: str = "") -> Request:
    """The core request for an interaction."""
    user = interaction.user
    # Only the bot's own DM is private: a group DM (the bot installed by a user) has readers too.
    private = interaction.guild_id is None and not interaction.context.private_channel
    return Request(
        platform=PLATFORM,
        user_id=str(user.id),
        chat_id=str(interaction.channel_id or user.id),
        chat_kind=ChatKind.PRIVATE if private else ChatKind.GROUP,
        command=command,
        args=args,
        user_name=user.display_name,
    )


@dataclass(slots=True)
class Outgoing:
    """A rendered reply ready to send: its pages, buttons and file, and whom it is for."""

    pages: list[Page]
    specs: list[ButtonSpec]
    owner: str
    attachment: discord.File | None = None

    def first(self, *, editing: bool = False) -> dict[str, Any]:
        """Keyword arguments sending (or, ``editing``, replacing a message with) page one."""
        page = self.pages[0]
        kwargs: dict[str, Any] = {"embed": page.embed, "allowed_mentions": NO_MENTIONS}
        view = build_view(self.specs)
        if editing:
            kwargs.update(content=page.content or None, view=view)
        else:
            if page.content:
                kwargs["content"] = page.content
            if view is not None:
                kwargs["view"] = view
            if self.attachment is not None:
                kwargs["file"] = self.attachment
        return kwargs


class CoreButton(discord.ui.DynamicItem[discord.ui.Button], template=r"rb:(?P<payload>.+)"):
    """A core button; its custom id carries ``core.button_payload``, so it survives restarts."""

    def __init__(
        self, payload: str, label: str = "…", style: Any = None, row: int | None = None
    ) -> None:
        super().__init__(
            discord.ui.Button(
                label=label,
                style=style or discord.ButtonStyle.secondary,
                custom_id=CORE_BUTTON_PREFIX + payload,
                row=row,
            )
        )
        self.payload = payload

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str], /
    ) -> CoreButton:
        """Rebuild the button from a pressed custom id."""
        return cls(match["payload"])

    async def callback(self, interaction: discord.Interaction) -> None:
        """Run the press through the core."""
        await adapter_of(interaction).press(interaction, self.payload)


class PageButton(discord.ui.DynamicItem[discord.ui.Button], template=r"rbp:(?P<step>prev|next)"):
    """◀ or ▶ on a paginated message."""

    def __init__(
        self, step: str, label: str = "", style: Any = None, row: int | None = None
    ) -> None:
        super().__init__(
            discord.ui.Button(
                label=label or ("◀" if step == PREVIOUS else "▶"),
                style=style or discord.ButtonStyle.gray,
                custom_id=PAGE_BUTTON_PREFIX + step,
                row=row,
            )
        )
        self.step = step

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str], /
    ) -> PageButton:
        """Rebuild the button from a pressed custom id."""
        return cls(match["step"])

    async def callback(self, interaction: discord.Interaction) -> None:
        """Show the previous or next page."""
        await adapter_of(interaction).turn_page(interaction, self.step)


def build_view(specs: list[ButtonSpec]) -> discord.ui.View | None:
    """The laid-out buttons as a view to send, which discord.py need not keep (``None``: none).

    Every button is a :class:`discord.ui.DynamicItem` registered on the client, so a press is
    dispatched by its custom id, not by the view that sent it. The view is stopped before it is
    sent: discord.py keeps no finished view, whereas it would keep a live one sent with an
    ephemeral reply for 15 minutes (with a pending timeout task), whatever ``timeout`` says.
    Call it with the event loop running (a view made without one cannot be stopped).
    """
    if not specs:
        return None
    view = discord.ui.View(timeout=None)
    for spec in specs:
        if spec.custom_id.startswith(PAGE_BUTTON_PREFIX):
            step = spec.custom_id.removeprefix(PAGE_BUTTON_PREFIX)
            view.add_item(PageButton(step, spec.label, spec.style, spec.row))
        else:
            payload = spec.custom_id.removeprefix(CORE_BUTTON_PREFIX)
            view.add_item(CoreButton(payload, spec.label, spec.style, spec.row))
    view.stop()
    return view


def _dump_page(page: Page) -> dict[str, Any]:
    return {"content": page.content, "embed": page.embed.to_dict(), "fallback": page.fallback}


def _load_page(data: dict[str, Any]) -> Page:
    return Page(data["content"], discord.Embed.from_dict(data["embed"]), data["fallback"])


def _dump_specs(specs: list[ButtonSpec]) -> list[list[Any]]:
    return [[spec.label, spec.custom_id, spec.style.value, spec.row] for spec in specs]


def _load_specs(rows: list[list[Any]]) -> list[ButtonSpec]:
    return [
        ButtonSpec(label, custom_id, discord.ButtonStyle(style), row)
        for label, custom_id, style, row in rows
    ]


#: How a rendered reply is kept while its pages can be turned.
CODEC: PageCodec[Page, list[ButtonSpec]] = PageCodec(
    _dump_page, _load_page, _dump_specs, _load_specs
)


def adapter_of(interaction: discord.Interaction) -> DiscordAdapter:
    """The adapter that owns the client an interaction arrived on."""
    client = interaction.client
    assert isinstance(client, RoadmapClient)
    return client.adapter


class RoadmapClient(discord.AutoShardedClient):
    """The sharded gateway client, with only the intents slash commands need (none)."""

    def __init__(self, adapter: DiscordAdapter, **options: Any) -> None:
        # Silence warnings a user cannot act on: this bot has no voice (so no PyNaCl or davey),
        # and slash commands need no guild cache (so no guilds intent).
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        logging.getLogger("discord.state").addFilter(IRRELEVANT_WARNINGS)
        super().__init__(intents=discord.Intents.none(), allowed_mentions=NO_MENTIONS, **options)
        self.adapter = adapter
        self.tree = app_commands.CommandTree(self)

    async def setup_hook(self) -> None:
        """Register buttons and commands, and sync commands if they changed."""
        self.add_dynamic_items(CoreButton, PageButton)
        await self.adapter.register_commands()

    async def on_shard_connect(self, shard_id: int) -> None:
        """A shard identified: it is up."""
        self.adapter.shard_changed(shard_id, "connected")

    async def on_shard_resumed(self, shard_id: int) -> None:
        """A shard resumed its session after a disconnect: it is up again."""
        self.adapter.shard_changed(shard_id, "resumed")

    async def on_shard_disconnect(self, shard_id: int) -> None:
        """A shard lost its connection (discord.py reconnects it unless that is hopeless)."""
        self.adapter.shard_changed(shard_id, "disconnected")


class DiscordStartError(AdapterStartError):
    """The Discord adapter could not start (the message never contains the token)."""


class DiscordAdapter:
    """Runs the bot on Discord (see :class:`bot.delivery.PlatformAdapter`)."""

    platform = PLATFORM

    def __init__(
        self,
        core: Core,
        settings: Settings,
        *,
        guild_ready_timeout: float = GUILD_READY_TIMEOUT,
        defer_after: float = DEFER_AFTER_SECONDS,
    ) -> None:
        self.core = core
        self.settings = settings
        self.defer_after = defer_after
        self.client = RoadmapClient(
            self,
            shard_count=settings.discord_shard_count,
            shard_ids=list(settings.discord_shard_ids) if settings.discord_shard_ids else None,
            guild_ready_timeout=guild_ready_timeout,
        )
        self.outbox = DiscordOutbox(self)
        self.pages = PageShelf(PLATFORM, core.storage.pages, core.clock, CODEC)
        self.synced = False
        self._task: asyncio.Task[None] | None = None
        self._down_shards: set[int] = set()
        self._point_at_endpoints()

    def _point_at_endpoints(self) -> None:
        """Use DISCORD_API_BASE / DISCORD_GATEWAY_URL instead of discord.com (tests, proxies)."""
        if self.settings.discord_api_base:
            discord.http.Route.BASE = self.settings.discord_api_base.rstrip("/")
        if not self.settings.discord_gateway_url:
            return
        gateway = yarl.URL(self.settings.discord_gateway_url)
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway
        http = self.client.http
        ask_gateway = http.get_bot_gateway

        async def get_bot_gateway() -> tuple[int, str, Any]:
            shards, _, limits = await ask_gateway()
            return shards, str(gateway), limits

        http.get_bot_gateway = get_bot_gateway  # type: ignore[method-assign]

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Log in, sync commands if needed and connect; return once the client is ready."""
        self._task = asyncio.create_task(self.client.start(self.settings.discord_token))
        ready = asyncio.create_task(self.client.wait_until_ready())
        await asyncio.wait({self._task, ready}, return_when=asyncio.FIRST_COMPLETED)
        if not ready.done():
            ready.cancel()
            task, self._task = self._task, None  # stop() has nothing left to wait for
            try:
                await task
            except discord.LoginFailure:  # its message never quotes the token
                raise DiscordStartError("Discord rejected the bot token (DISCORD_TOKEN)") from None
            except (discord.DiscordException, aiohttp.ClientError, OSError) as error:
                raise DiscordStartError(f"could not connect to Discord: {error}") from None
            finally:
                await self.client.close()
            raise DiscordStartError("the Discord connection closed before it was ready")
        log.info(
            "Discord: connected as %s (%d shard(s))", self.client.user, self.client.shard_count or 1
        )
        observability.metrics.watch_gateway_latency(PLATFORM, lambda: self.client.latencies)

    async def stop(self) -> None:
        """Disconnect and wait for the client to finish."""
        await self.client.close()
        if self._task is not None:
            await asyncio.wait({self._task})
            if not self._task.cancelled():
                self._task.exception()  # a failure was reported by wait_failed

    async def wait_failed(self) -> str:
        """Wait until the gateway client stops on its own; return why.

        discord.py reconnects and resumes by itself after transient disconnects; its client
        only stops for a close code that retrying cannot fix (4004: the token was revoked;
        4010-4014: bad shard or intents settings).
        """
        task = self._task
        try:
            if task is None:  # never started: nothing can fail
                await asyncio.Event().wait()
            else:
                await asyncio.shield(task)
        except discord.ConnectionClosed as error:
            if error.code == AUTHENTICATION_FAILED:
                return "Discord rejected the bot token (DISCORD_TOKEN): gateway close code 4004"
            return f"Discord closed the gateway connection for good (close code {error.code})"
        except discord.DiscordException as error:
            return f"the Discord client stopped: {type(error).__name__}: {error}"
        return "the Discord client stopped"

    def shard_changed(self, shard_id: int, state: str) -> None:
        """Record and log a shard's connection going up or down; the platform is up when all are.

        ``state`` is ``connected``, ``resumed`` or ``disconnected``.
        """
        if state == "disconnected":
            self._down_shards.add(shard_id)
        else:
            self._down_shards.discard(shard_id)
        observability.metrics.connected(PLATFORM, not self._down_shards)
        log.log(
            logging.WARNING if state == "disconnected" else logging.INFO,
            "Discord: shard %d %s",
            shard_id,
            state,
        )

    # --- commands ---------------------------------------------------------------------------

    async def register_commands(self) -> None:
        """Build a slash command per listed core command, then sync when they changed."""
        guild = (
            discord.Object(self.settings.discord_guild_id)
            if self.settings.discord_guild_id
            else None
        )
        for command in self.core.listed_commands:
            slash = self._slash_command(command)
            if guild is None:  # Discord reads these for global commands only
                slash.allowed_installs, slash.allowed_contexts = EVERY_INSTALL, EVERYWHERE
            self.client.tree.add_command(slash, guild=guild)
        shard_ids = self.settings.discord_shard_ids
        if shard_ids is None or 0 in shard_ids:  # one process syncs for all
            await self._sync(guild)

    def command_definitions(self, guild: discord.abc.Snowflake | None) -> list[dict[str, Any]]:
        """The command definitions as Discord receives them."""
        tree = self.client.tree
        return [command.to_dict(tree) for command in tree.get_commands(guild=guild)]

    async def _sync(self, guild: discord.abc.Snowflake | None) -> None:
        definitions = json.dumps(self.command_definitions(guild), sort_keys=True)
        digest = hashlib.sha256(definitions.encode()).hexdigest()
        scope = f"{self.client.application_id}:{f'guild:{guild.id}' if guild else 'global'}"
        path = self.settings.database_path.with_name(SYNC_STATE_FILE)
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            state = {}
        if state.get(scope) == digest:
            log.info("Discord: slash commands unchanged, not syncing (%s)", scope)
            return
        synced = await self.client.tree.sync(guild=guild)
        self.synced = True
        log.info("Discord: synced %d slash commands (%s)", len(synced), scope)
        state[scope] = digest
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
        temporary.replace(path)

    def _slash_command(self, command: Command) -> app_commands.Command:
        """A slash command for ``command``: typed, described options from the registry."""
        options = command.options
        names = [f"p{index}" for index in range(len(options))]

        async def callback(interaction: discord.Interaction, **values: str | None) -> None:
            texts = [values.get(name) or "" for name in names]
            request = request_of(interaction, command.name, command.join_options(texts))
            await self.answer(interaction, self.core.handle(request))

        callback.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [
                inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD),
                *(
                    inspect.Parameter(
                        name,
                        inspect.Parameter.KEYWORD_ONLY,
                        annotation=str,
                        default=inspect.Parameter.empty if option.required else None,
                    )
                    for name, option in zip(names, options, strict=True)
                ),
            ]
        )
        app_commands.rename(**{n: o.name for n, o in zip(names, options, strict=True)})(callback)
        app_commands.describe(
            **{
                n: truncate(o.description, MAX_DESCRIPTION) or o.name
                for n, o in zip(names, options, strict=True)
            }
        )(callback)
        choices = {
            name: [app_commands.Choice(name=choice_name(c), value=c) for c in option.choices]
            for name, option in zip(names, options, strict=True)
            if option.kind is OptionKind.CHOICE and option.choices
        }
        if choices:
            app_commands.choices(**choices)(callback)
        completers = {
            name: self._completer(option.kind)
            for name, option in zip(names, options, strict=True)
            if option.kind in AUTOCOMPLETED
        }
        if completers:
            app_commands.autocomplete(**completers)(callback)
        return app_commands.Command(
            name=command.name,
            description=truncate(command.summary, MAX_DESCRIPTION) or command.name,
            callback=callback,
        )

    def _completer(
        self, kind: OptionKind
    ) -> Callable[[discord.Interaction, str], Awaitable[list[app_commands.Choice[str]]]]:
        async def complete(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            choices = await self.core.complete(kind, current, request_of(interaction, None))
            return [
                app_commands.Choice(name=choice_name(choice.label), value=choice.value)
                for choice in choices
                if 0 < len(choice.value) <= MAX_CHOICE_VALUE
            ][:MAX_AUTOCOMPLETE_CHOICES]

        return complete

    # --- replies ----------------------------------------------------------------------------

    def outgoing(self, reply: Reply, owner: str) -> Outgoing:
        """Render a reply with its buttons (payloads bound to ``owner``) and attachment."""
        pages = render(reply)
        pairs = self.core.button_payloads(reply, owner)
        buttons = tuple(button for button, _ in pairs)
        specs = button_specs(buttons, [payload for _, payload in pairs], paged=len(pages) > 1)
        attachment = None
        if reply.attachment is not None:
            attachment = discord.File(
                io.BytesIO(reply.attachment.content), filename=reply.attachment.filename
            )
        return Outgoing(pages, specs, owner, attachment)

    async def remember(
        self, message_id: int | None, outgoing: Outgoing, *, edited: bool = False
    ) -> None:
        """Keep a paginated message's pages so ◀ ▶ can show them.

        An ``edited`` message that shows one page now has its old pages forgotten.
        """
        if message_id is not None and (edited or len(outgoing.pages) > 1):
            paged = Paged(outgoing.pages, outgoing.specs, outgoing.owner)
            await self.pages.show(str(message_id), paged)

    async def _ready_or_defer(
        self, interaction: discord.Interaction, work: Awaitable[Reply], *, thinking: bool
    ) -> tuple[Reply, bool]:
        """The core's reply, deferring the interaction first if it takes a while."""
        task = asyncio.ensure_future(work)
        try:
            return await asyncio.wait_for(asyncio.shield(task), self.defer_after), False
        except TimeoutError:
            await interaction.response.defer(thinking=thinking)
            return await task, True

    async def answer(self, interaction: discord.Interaction, work: Awaitable[Reply]) -> None:
        """Answer a slash command with the core's reply (and any notices, privately)."""
        reply, deferred = await self._ready_or_defer(interaction, work, thinking=True)
        outgoing = self.outgoing(reply, str(interaction.user.id))
        await self._send_new(interaction, outgoing, private=reply.private, deferred=deferred)
        if not reply.private:  # a public answer: notices go in an ephemeral follow-up
            notices = await self.core.private_notices(request_of(interaction, None))
            if notices is not None:
                kwargs = self.outgoing(notices, str(interaction.user.id)).first()
                await interaction.followup.send(ephemeral=True, **kwargs)

    async def _send_new(
        self,
        interaction: discord.Interaction,
        outgoing: Outgoing,
        *,
        private: bool,
        deferred: bool,
        thinking: bool = True,
    ) -> None:
        kwargs = outgoing.first()
        if not deferred:
            response = await interaction.response.send_message(ephemeral=private, **kwargs)
            message_id = response.message_id if response is not None else None
            if message_id is None and len(outgoing.pages) > 1:
                message_id = (await interaction.original_response()).id
            await self.remember(message_id, outgoing)
            return
        if private and thinking:
            await interaction.edit_original_response(
                content=PRIVATE_NOTE, allowed_mentions=NO_MENTIONS
            )
        message = await interaction.followup.send(ephemeral=private, wait=True, **kwargs)
        await self.remember(message.id, outgoing)

    async def press(self, interaction: discord.Interaction, payload: str) -> None:
        """Run a core button press; edit the message in place when the answer is an update."""
        work = self.core.press(request_of(interaction, None), payload)
        reply, deferred = await self._ready_or_defer(interaction, work, thinking=False)
        outgoing = self.outgoing(reply, str(interaction.user.id))
        message = interaction.message
        if message is None or not reply.replaces_pressed(
            pressed_is_private=message.flags.ephemeral or interaction.guild is None
        ):
            await self._send_new(
                interaction, outgoing, private=reply.private, deferred=deferred, thinking=False
            )
            return
        if deferred:
            await interaction.edit_original_response(**outgoing.first(editing=True))
        else:
            await interaction.response.edit_message(**outgoing.first(editing=True))
        await self.remember(message.id, outgoing, edited=True)

    async def turn_page(self, interaction: discord.Interaction, step: str) -> None:
        """Show the previous or next page of a paginated message, if known and the presser's."""
        message = interaction.message
        shown = await self.pages.get(str(message.id)) if message is not None else None
        if message is None or shown is None:
            await interaction.response.send_message(
                EXPIRED_PAGES, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        paged, index = shown
        if str(interaction.user.id) != paged.owner:
            await interaction.response.send_message(
                NOT_YOUR_PAGES, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        index = (index + (1 if step == NEXT else -1)) % len(paged.pages)
        await self.pages.show(str(message.id), paged, index)  # before a next press can come
        page = paged.pages[index]
        await interaction.response.edit_message(
            content=page.content or None,
            embed=page.embed,
            view=build_view(paged.buttons),
            allowed_mentions=NO_MENTIONS,
        )

    async def send_to(self, channel: discord.abc.Messageable, reply: Reply, owner: str) -> None:
        """Send a reply to a channel (reminders); plain text if embeds are not allowed there."""
        outgoing = self.outgoing(reply, owner)
        try:
            message = await channel.send(**outgoing.first())
        except discord.Forbidden as error:
            if error.code != MISSING_PERMISSIONS:
                raise
            kwargs = outgoing.first()
            del kwargs["embed"]
            kwargs["content"] = outgoing.pages[0].fallback
            view = build_view(
                [s for s in outgoing.specs if s.custom_id.startswith(CORE_BUTTON_PREFIX)]
            )
            kwargs.pop("view", None)
            if view is not None:
                kwargs["view"] = view
            await channel.send(**kwargs)
            return
        await self.remember(message.id, outgoing)


class DiscordOutbox:
    """Sends reminders: to a channel, or to the user's DMs; maps Discord's errors."""

    platform = PLATFORM
    overall_rate = OVERALL_RATE
    per_chat_interval = PER_CHAT_INTERVAL

    def __init__(self, adapter: DiscordAdapter) -> None:
        self.adapter = adapter

    async def deliver(self, delivery: Delivery, reply: Reply) -> None:
        """Send ``reply`` where ``delivery`` says; raise a DeliveryError subclass on failure.

        Only failures known to mean "not sent" are transient (no connection made, a 5xx
        answer); a timeout or a connection lost mid-request may have delivered it: uncertain.
        """
        client = self.adapter.client
        try:
            if delivery.chat_id is None:
                channel: discord.abc.Messageable = await client.create_dm(
                    discord.Object(int(delivery.user_id))
                )
            else:
                channel = client.get_partial_messageable(int(delivery.chat_id))
            await self.adapter.send_to(channel, reply, delivery.user_id)
        except discord.RateLimited as error:
            raise RetryAfter(error.retry_after) from None
        except discord.Forbidden as error:
            reason = (
                "your direct messages are closed to me"
                if error.code == CANNOT_DM_USER
                else "I am not allowed to post there any more"
            )
            raise PermanentDeliveryError(reason) from None
        except discord.NotFound:
            raise PermanentDeliveryError("that chat no longer exists") from None
        except discord.DiscordServerError as error:
            raise TransientDeliveryError(f"Discord server error {error.status}") from None
        except discord.HTTPException as error:
            if error.status == 429:
                raise RetryAfter(_retry_after(error)) from None
            raise DeliveryError(
                f"Discord refused the message ({error.status} {error.code})"
            ) from None
        except aiohttp.ClientConnectorError as error:
            raise TransientDeliveryError(f"could not connect: {type(error).__name__}") from None
        except (aiohttp.ClientError, OSError, TimeoutError) as error:
            raise UncertainDeliveryError(f"no clear answer: {type(error).__name__}") from None


def _retry_after(error: discord.HTTPException) -> float:
    """Seconds Discord asked us to wait (header ``Retry-After``; 1 s if it did not say)."""
    try:
        return float(error.response.headers.get("Retry-After", "1"))
    except (AttributeError, ValueError):
        return 1.0
