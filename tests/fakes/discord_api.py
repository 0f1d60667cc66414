"""A small fake Discord (REST API + gateway) on 127.0.0.1 for end-to-end tests of the adapter.

It speaks enough of the real protocol for the real discord.py client: HELLO / IDENTIFY / READY,
heartbeats, INTERACTION_CREATE dispatch, interaction callbacks, followups, DMs and channel
messages, and command sync. Like Discord, it rejects messages over the platform's limits and any
message whose ``allowed_mentions`` would let it ping, with a 400 ``50035 Invalid Form Body``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

# Discord's limits, restated independently of the adapter so a shared mistake cannot hide.
LIMITS = {
    "content": 2000,
    "embeds": 10,
    "title": 256,
    "description": 4096,
    "fields": 25,
    "field_name": 256,
    "field_value": 1024,
    "footer": 2048,
    "author": 256,
    "embed_total": 6000,
    "rows": 5,
    "row_items": 5,
    "components": 25,
    "custom_id": 100,
    "label": 80,
}
#: A button that opens a URL instead of sending an interaction.
LINK_STYLE = 5
EPHEMERAL = 64
#: How long a test waits for the bot to do something.
WAIT_SECONDS = 5.0
#: How long a test waits for a new ``roadmap-bot`` process to start (imports, connect, sync).
PROCESS_START_SECONDS = 30.0
TIMESTAMP = "2026-03-02T09:30:00+00:00"


#: A slash command's or option's name: lower case, 1-32 characters.
COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")
#: Application command limits (names and descriptions, options, choices).
COMMAND_LIMITS = {"commands": 100, "description": 100, "options": 25, "choices": 25, "choice": 100}


#: Installs (0 a guild's, 1 a user's) and where commands run (0 guild, 1 bot DM, 2 group DM).
INTEGRATION_TYPES, CONTEXTS = {0, 1}, {0, 1, 2}


class FormError(Exception):
    """A request body Discord would refuse."""


def check_commands(commands: list[dict[str, Any]]) -> None:
    """Raise :class:`FormError` if Discord would refuse this bulk command overwrite."""
    problems = []
    if len(commands) > COMMAND_LIMITS["commands"]:
        problems.append("more than 100 commands")
    names = [command.get("name", "") for command in commands]
    if len(names) != len(set(names)):
        problems.append("duplicate command names")
    for command in commands:
        where = f"/{command.get('name')}"
        problems += [f"{where}: {p}" for p in _naming_problems(command)]
        if not set(command.get("integration_types") or ()) <= INTEGRATION_TYPES:
            problems.append(f"{where}: unknown integration types")
        if not set(command.get("contexts") or ()) <= CONTEXTS:
            problems.append(f"{where}: unknown contexts")
        options = command.get("options") or []
        if len(options) > COMMAND_LIMITS["options"]:
            problems.append(f"{where}: more than 25 options")
        required = [bool(option.get("required")) for option in options]
        if required != sorted(required, reverse=True):
            problems.append(f"{where}: a required option after an optional one")
        for option in options:
            at = f"{where} {option.get('name')}"
            problems += [f"{at}: {p}" for p in _naming_problems(option)]
            choices = option.get("choices") or []
            if choices and option.get("autocomplete"):
                problems.append(f"{at}: choices and autocomplete together")
            if len(choices) > COMMAND_LIMITS["choices"]:
                problems.append(f"{at}: more than 25 choices")
            problems += [f"{at}: {p}" for p in choice_problems(choices)]
    if problems:
        raise FormError("; ".join(problems))


def _naming_problems(item: dict[str, Any]) -> list[str]:
    name, description = item.get("name", ""), item.get("description", "")
    problems = []
    if not COMMAND_NAME.match(name) or name != name.lower():
        problems.append(f"invalid name {name!r}")
    if not 1 <= len(description) <= COMMAND_LIMITS["description"]:
        problems.append("description must be 1-100 characters")
    return problems


def choice_problems(choices: list[dict[str, Any]]) -> list[str]:
    """What Discord would refuse in a list of choices (names and values of 1-100 characters)."""
    limit = COMMAND_LIMITS["choice"]
    return [
        f"choice {choice!r} too long or empty"
        for choice in choices
        if not 1 <= len(str(choice.get("name", ""))) <= limit
        or not 1 <= len(str(choice.get("value", ""))) <= limit
    ]


def _user(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name.title(),
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
    }


def check_message(payload: dict[str, Any], *, editing: bool = False) -> None:
    """Raise :class:`FormError` if Discord would refuse this message body."""
    problems = []
    content = payload.get("content") or ""
    if len(content) > LIMITS["content"]:
        problems.append(f"content longer than {LIMITS['content']}")
    embeds = payload.get("embeds") or []
    if len(embeds) > LIMITS["embeds"]:
        problems.append("more than 10 embeds")
    total = 0
    for embed in embeds:
        sizes = {
            "title": len(embed.get("title") or ""),
            "description": len(embed.get("description") or ""),
            "footer": len((embed.get("footer") or {}).get("text") or ""),
            "author": len((embed.get("author") or {}).get("name") or ""),
        }
        for name, size in sizes.items():
            if size > LIMITS[name]:
                problems.append(f"embed {name} longer than {LIMITS[name]}")
        total += sum(sizes.values())
        fields = embed.get("fields") or []
        if len(fields) > LIMITS["fields"]:
            problems.append("more than 25 fields")
        for item in fields:
            name, value = item.get("name") or "", item.get("value") or ""
            if not name.strip() or not value.strip():
                problems.append("empty field name or value")
            if len(name) > LIMITS["field_name"] or len(value) > LIMITS["field_value"]:
                problems.append("field name or value too long")
            total += len(name) + len(value)
        if not any(sizes.values()) and not fields:
            problems.append("empty embed")
    if total > LIMITS["embed_total"]:
        problems.append(f"embeds total {total} > {LIMITS['embed_total']}")
    problems.extend(_component_problems(payload.get("components") or []))
    writes_text = bool(content or embeds)
    mentions = payload.get("allowed_mentions")
    if writes_text and not editing and mentions is None:
        problems.append("allowed_mentions missing: Discord would parse every mention")
    if mentions is not None and (
        mentions.get("parse") or mentions.get("users") or mentions.get("roles")
    ):
        problems.append(f"allowed_mentions allows pings: {mentions}")
    if problems:
        raise FormError("; ".join(problems))


def check_embedded_files(body: dict[str, Any]) -> None:
    """Raise :class:`FormError` if an embed shows an ``attachment://`` file not sent with it."""
    sent = set(body.get("_files", []))
    for embed in [*(body.get("embeds") or []), *((body.get("data") or {}).get("embeds") or [])]:
        url = (embed.get("image") or {}).get("url") or ""
        if url.startswith("attachment://") and url.removeprefix("attachment://") not in sent:
            raise FormError(f"embed image {url} names no file sent with the message")


def _component_problems(rows: list[dict[str, Any]]) -> list[str]:
    """What Discord would refuse in a message's action rows of buttons."""
    problems = []
    if len(rows) > LIMITS["rows"]:
        problems.append("more than 5 action rows")
    items = [item for row in rows for item in row.get("components") or []]
    if len(items) > LIMITS["components"]:
        problems.append("more than 25 components")
    for row in rows:
        count = len(row.get("components") or [])
        if row.get("type") != 1 or not 1 <= count <= LIMITS["row_items"]:
            problems.append("bad action row")
    custom_ids = []
    for item in items:
        if item.get("type") != 2:
            problems.append("not a button")
        label = item.get("label") or ""
        if not label and not item.get("emoji"):
            problems.append("button without a label or an emoji")
        if len(label) > LIMITS["label"]:
            problems.append("button label longer than 80")
        if item.get("style") == LINK_STYLE:
            if not item.get("url") or "custom_id" in item:
                problems.append("a link button needs a url and no custom_id")
            continue
        custom_id = item.get("custom_id") or ""
        if not 1 <= len(custom_id) <= LIMITS["custom_id"]:
            problems.append("custom_id empty or longer than 100")
        custom_ids.append(custom_id)
    if len(set(custom_ids)) < len(custom_ids):
        problems.append("Component custom id cannot be duplicated")
    return problems


@dataclass
class Exchange:
    """What the bot sent back for one interaction."""

    interaction: dict[str, Any]
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    followups: list[dict[str, Any]] = field(default_factory=list)
    edits: list[dict[str, Any]] = field(default_factory=list)
    original_id: int | None = None

    @property
    def token(self) -> str:
        return self.interaction["token"]

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Message bodies the user saw, in order (callback data, edits, followups)."""
        bodies = [c["data"] for c in self.callbacks if c.get("data")]
        return [*bodies, *self.edits, *self.followups]


class FakeDiscord:
    """The fake server. ``await fake.start()``; read ``api_base`` and ``gateway_url``."""

    def __init__(self, token: str, *, app_id: int = 4_000_000_000_000_001) -> None:
        self.token = token
        self.app_id = app_id
        self.bot = _user(app_id, "roadmapbot", bot=True)
        self._ids = itertools.count(1_200_000_000_000_000_000)
        self.requests: list[tuple[str, str]] = []
        self.rejected: list[tuple[str, str]] = []
        self.syncs: list[tuple[str, list[dict[str, Any]]]] = []
        self.commands: dict[str, dict[str, Any]] = {}
        self.exchanges: dict[str, Exchange] = {}
        self.messages: dict[int, dict[str, Any]] = {}
        #: Files sent with messages, by file name (the last one sent under a name).
        self.uploads: dict[str, bytes] = {}
        self.channel_messages: list[dict[str, Any]] = []
        self.dm_channels: dict[int, int] = {}
        self.closed_dms: set[int] = set()
        self.no_embed_channels: set[int] = set()
        #: channel id -> (status, body, headers) every message to it gets instead of success.
        self.failures: dict[int, tuple[int, dict[str, Any], dict[str, str]]] = {}
        self.identifies: list[dict[str, Any]] = []
        self.heartbeats = 0
        #: RESUMEs answered (a client reconnecting after a resumable close).
        self.resumes = 0
        self.sockets: list[web.WebSocketResponse] = []
        #: The shard each socket identified as, by ``id(socket)``.
        self._shards: dict[int, int] = {}
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(middlewares=[self._middleware])
        app.router.add_get("/gateway", self._gateway)
        api = "/api/v10"
        routes = [
            ("GET", "/gateway/bot", self._gateway_bot),
            ("GET", "/users/@me", self._me),
            ("GET", "/oauth2/applications/@me", self._application),
            ("PUT", "/applications/{app}/commands", self._sync),
            ("PUT", "/applications/{app}/guilds/{guild}/commands", self._sync),
            ("POST", "/interactions/{id}/{token}/callback", self._callback),
            ("POST", "/webhooks/{app}/{token}", self._followup),
            ("PATCH", "/webhooks/{app}/{token}/messages/@original", self._edit_original),
            ("GET", "/webhooks/{app}/{token}/messages/@original", self._get_original),
            ("POST", "/users/@me/channels", self._open_dm),
            ("POST", "/channels/{channel}/messages", self._channel_message),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, api + path, handler)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def close(self) -> None:
        for socket in self.sockets:
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # --- helpers for tests ------------------------------------------------------------------

    def next_id(self) -> int:
        return next(self._ids)

    def _pulse(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_for(self, predicate: Callable[[], Any], seconds: float = WAIT_SECONDS) -> Any:
        """Wait (up to ``seconds``) until ``predicate()`` is truthy; return its value."""
        async with asyncio.timeout(seconds):
            while not (value := predicate()):
                await self._changed.wait()
            return value

    async def dispatch(self, event: str, data: dict[str, Any], shard: int | None = None) -> None:
        """Send a gateway dispatch to every connected shard, or only to shard ``shard``."""
        for socket in self.sockets:
            if not socket.closed and shard in (None, self._shards.get(id(socket))):
                await socket.send_str(json.dumps({"op": 0, "t": event, "s": 2, "d": data}))

    def _base_interaction(
        self,
        kind: int,
        user_id: int,
        *,
        guild_id: int | None,
        channel_id: int,
        user_install: bool = False,
    ) -> dict[str, Any]:
        """An interaction; ``user_install``: through a user's own install of the bot.

        Then the bot is not in the guild, and without a guild the chat is a group DM.
        """
        user = _user(user_id, f"user{user_id}")
        if user_install:
            owners, context = {"1": str(user_id)}, 0 if guild_id else 2
        else:
            owners, context = ({"0": str(guild_id)} if guild_id else {}), 0 if guild_id else 1
        data: dict[str, Any] = {
            "id": str(self.next_id()),
            "application_id": str(self.app_id),
            "type": kind,
            "token": f"interaction-token-{self.next_id()}",
            "version": 1,
            "locale": "en-US",
            "attachment_size_limit": 8_000_000,
            "app_permissions": "0",
            "entitlements": [],
            "authorizing_integration_owners": owners,
            "context": context,
            "channel_id": str(channel_id),
        }
        if guild_id:
            data["guild_id"] = str(guild_id)
            data["guild_locale"] = "en-US"
            data["channel"] = {
                "id": str(channel_id),
                "type": 0,
                "guild_id": str(guild_id),
                "name": "general",
                "position": 0,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
            }
            data["member"] = {
                "user": user,
                "roles": [],
                "joined_at": TIMESTAMP,
                "deaf": False,
                "mute": False,
                "flags": 0,
                "pending": False,
                "nick": None,
                "permissions": "0",
            }
        else:
            data["channel"] = {
                "id": str(channel_id),
                "type": 3 if context == 2 else 1,
                "recipients": [user],
            }
            data["user"] = user
        return data

    async def _interact(self, data: dict[str, Any], shard: int | None = None) -> Exchange:
        exchange = Exchange(data)
        self.exchanges[data["token"]] = exchange
        await self.dispatch("INTERACTION_CREATE", data, shard)
        return exchange

    async def slash(
        self,
        name: str,
        options: dict[str, str] | None = None,
        *,
        user_id: int = 1001,
        guild_id: int | None = None,
        channel_id: int = 3001,
        focused: str | None = None,
        user_install: bool = False,
        shard: int | None = None,
    ) -> Exchange:
        """Run a synced slash command (``focused``: an autocomplete request for that option).

        ``shard``: deliver it to that shard's connection only (by default, to every one).
        """
        command = self.commands[name]
        data = self._base_interaction(
            4 if focused else 2,
            user_id,
            guild_id=guild_id,
            channel_id=channel_id,
            user_install=user_install,
        )
        given = [
            {
                "name": key,
                "type": 3,
                "value": value,
                **({"focused": True} if key == focused else {}),
            }
            for key, value in (options or {}).items()
        ]
        data["data"] = {"id": command["id"], "name": name, "type": 1, "options": given}
        if command.get("guild_id"):
            data["data"]["guild_id"] = command["guild_id"]
        return await self._interact(data, shard)

    async def press(
        self,
        message_id: int,
        custom_id: str,
        *,
        user_id: int = 1001,
        guild_id: int | None = None,
        channel_id: int = 3001,
        shard: int | None = None,
    ) -> Exchange:
        """Press a button on a message the bot sent (``shard``: as for :meth:`slash`)."""
        data = self._base_interaction(3, user_id, guild_id=guild_id, channel_id=channel_id)
        data["message"] = self.messages[message_id]
        data["data"] = {"custom_id": custom_id, "component_type": 2}
        return await self._interact(data, shard)

    async def answered(self, exchange: Exchange, count: int = 1) -> list[dict[str, Any]]:
        """Wait until the bot showed ``count`` messages for an exchange; return their bodies."""
        return await self.wait_for(lambda: len(exchange.messages) >= count and exchange.messages)

    # --- HTTP -------------------------------------------------------------------------------

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        self.requests.append((request.method, request.path))
        try:
            needs_token = request.path.startswith("/api/") and not any(
                part in request.path for part in ("/webhooks/", "/interactions/")
            )
            if needs_token and request.headers.get("Authorization") != f"Bot {self.token}":
                return _json({"message": "401: Unauthorized", "code": 0}, status=401)
            response = await handler(request)
        except FormError as error:
            self.rejected.append((request.path, str(error)))
            response = _json(
                {"code": 50035, "message": "Invalid Form Body", "errors": {"_errors": str(error)}},
                status=400,
            )
        self._pulse()
        return response

    async def _body(self, request: web.Request) -> dict[str, Any]:
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            body = json.loads(str(form["payload_json"]))
            files = [value for key, value in form.items() if key.startswith("files[")]
            body["_files"] = [file.filename for file in files]
            for file in files:
                self.uploads[file.filename] = file.file.read()
        else:
            body = await request.json()
        check_embedded_files(body)
        return body

    def _message(
        self, body: dict[str, Any], channel_id: int, *, message_id: int | None = None
    ) -> dict[str, Any]:
        message = {
            "id": str(message_id or self.next_id()),
            "channel_id": str(channel_id),
            "author": self.bot,
            "content": body.get("content") or "",
            "timestamp": TIMESTAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [
                {
                    "id": str(self.next_id()),
                    "filename": f,
                    "size": len(self.uploads.get(f, b"")),
                    "url": "",
                    "proxy_url": "",
                }
                for f in body.get("_files", [])
            ],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags") or 0,
        }
        self.messages[int(message["id"])] = message
        return message

    def _edit(self, message_id: int, body: dict[str, Any]) -> dict[str, Any]:
        message = self.messages[message_id]
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = body[key] or ([] if key != "content" else "")
        return message

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        limits = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limits})

    async def _me(self, request: web.Request) -> web.Response:
        return _json(self.bot)

    async def _application(self, request: web.Request) -> web.Response:
        return _json(
            {
                "id": str(self.app_id),
                "name": "roadmapbot",
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": _user(9, "owner"),
                "verify_key": "0" * 64,
                "flags": 0,
                "team": None,
            }
        )

    async def _sync(self, request: web.Request) -> web.Response:
        payload = await request.json()
        check_commands(payload)
        guild = request.match_info.get("guild")
        self.syncs.append((f"guild:{guild}" if guild else "global", payload))
        result = []
        for command in payload:
            stored = {
                **command,
                "id": str(self.next_id()),
                "application_id": str(self.app_id),
                "version": "1",
                "default_member_permissions": None,
                "type": command.get("type", 1),
            }
            if guild:
                stored["guild_id"] = guild
            self.commands[command["name"]] = stored
            result.append(stored)
        return _json(result)

    async def _callback(self, request: web.Request) -> web.Response:
        exchange = self.exchanges[request.match_info["token"]]
        body = await self._body(request)
        kind = body["type"]
        data = body.get("data") or {}
        if kind in (4, 7):
            check_message(data, editing=kind == 7)
        if kind == 8:
            choices = data.get("choices", [])
            problems = choice_problems(choices)
            if len(choices) > COMMAND_LIMITS["choices"]:
                problems.append("more than 25 choices")
            if problems:
                raise FormError("; ".join(problems))
        exchange.callbacks.append(body)
        interaction = exchange.interaction
        channel_id = int(interaction["channel_id"])
        message = None
        if kind in (4, 5):
            message = self._message(
                {**data, "_files": body.get("_files", [])} if kind == 4 else data, channel_id
            )
            exchange.original_id = int(message["id"])
            message["_loading"] = kind == 5
        elif kind == 7:
            message = self._edit(int(interaction["message"]["id"]), data)
        elif kind == 6:
            exchange.original_id = int(interaction["message"]["id"])
        flags = data.get("flags") or 0
        answer: dict[str, Any] = {
            "interaction": {
                "id": interaction["id"],
                "type": interaction["type"],
                "response_message_id": message["id"] if message else None,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(flags & EPHEMERAL),
            },
            "resource": {"type": kind},
        }
        if message is not None:
            answer["resource"]["message"] = _public(message)
        return _json(answer)

    async def _followup(self, request: web.Request) -> web.Response:
        exchange = self.exchanges[request.match_info["token"]]
        body = await self._body(request)
        check_message(body)
        exchange.followups.append(body)
        original = self.messages.get(exchange.original_id or 0)
        if original is not None and original.get("_loading"):
            original["_loading"] = False  # the first followup replaces "thinking…"
            message = self._edit(exchange.original_id or 0, body)
        else:
            message = self._message(body, int(exchange.interaction["channel_id"]))
        return _json(_public(message))

    async def _edit_original(self, request: web.Request) -> web.Response:
        exchange = self.exchanges[request.match_info["token"]]
        body = await self._body(request)
        check_message(body, editing=True)
        exchange.edits.append(body)
        message = self.messages[exchange.original_id or 0]
        message["_loading"] = False
        return _json(_public(self._edit(exchange.original_id or 0, body)))

    async def _get_original(self, request: web.Request) -> web.Response:
        exchange = self.exchanges[request.match_info["token"]]
        return _json(_public(self.messages[exchange.original_id or 0]))

    async def _open_dm(self, request: web.Request) -> web.Response:
        body = await request.json()
        user_id = int(body["recipient_id"])
        channel_id = self.dm_channels.setdefault(user_id, self.next_id())
        return _json(
            {"id": str(channel_id), "type": 1, "recipients": [_user(user_id, f"user{user_id}")]}
        )

    async def _channel_message(self, request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel"])
        body = await self._body(request)
        check_message(body)
        if channel_id in self.failures:
            status, error, headers = self.failures[channel_id]
            response = _json(error, status)
            response.headers.update(headers)
            return response
        recipients = [user for user, channel in self.dm_channels.items() if channel == channel_id]
        if recipients and recipients[0] in self.closed_dms:
            return _json({"code": 50007, "message": "Cannot send messages to this user"}, 403)
        if body.get("embeds") and channel_id in self.no_embed_channels:
            return _json({"code": 50013, "message": "Missing Permissions"}, 403)
        message = self._message(body, channel_id)
        self.channel_messages.append(message)
        return _json(_public(message))

    # --- gateway ----------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self.sockets.append(socket)
        await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        async for frame in socket:
            if frame.type is not WSMsgType.TEXT:
                continue
            message = json.loads(frame.data)
            if message["op"] == 1:
                self.heartbeats += 1
                await socket.send_str(json.dumps({"op": 11}))
            elif message["op"] == 2:
                identify = message["d"]
                if identify["token"] != self.token:
                    await socket.close(code=4004, message=b"Authentication failed.")
                    break
                self.identifies.append(identify)
                self._shards[id(socket)] = identify.get("shard", [0, 1])[0]
                ready = {
                    "v": 10,
                    "user": self.bot,
                    "guilds": [],
                    "session_id": f"session-{self.next_id()}",
                    "resume_gateway_url": self.gateway_url,
                    "shard": identify.get("shard", [0, 1]),
                    "application": {"id": str(self.app_id), "flags": 0},
                }
                await socket.send_str(json.dumps({"op": 0, "t": "READY", "s": 1, "d": ready}))
            elif message["op"] == 6:  # RESUME after a resumable close
                if message["d"]["token"] != self.token:
                    await socket.close(code=4004, message=b"Authentication failed.")
                    break
                self.resumes += 1
                sequence = (message["d"].get("seq") or 0) + 1
                resumed = {"op": 0, "t": "RESUMED", "s": sequence, "d": {}}
                await socket.send_str(json.dumps(resumed))
            self._pulse()
        return socket


def _public(message: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in message.items() if not key.startswith("_")}


def _json(data: Any, status: int = 200) -> web.Response:
    # discord.py parses a body only when Content-Type is exactly this (no charset).
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )
