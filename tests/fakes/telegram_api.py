"""A small fake Telegram Bot API on 127.0.0.1 for end-to-end tests of the Telegram adapter.

The real python-telegram-bot ``Application`` polls it through ``base_url``. It implements the
methods the adapter uses, records every call, lets tests inject updates, queue error responses
and drop connections, and refuses what Telegram refuses, with Telegram's own descriptions:
invalid HTML ("can't parse entities"), text over 4,096 characters after entity parsing,
callback data over 64 bytes, and getUpdates while a webhook is set or, for a long poll still
waiting, when another getUpdates arrives (409 Conflict: one consumer per token).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

# Telegram's limits, restated independently of the adapter so a shared mistake cannot hide.
MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
MAX_CALLBACK_TEXT = 200
MAX_COMMAND_DESCRIPTION = 256
#: sendPhoto: at most 10 MB, width + height at most 10,000 pixels, sides at most 20 to 1.
MAX_PHOTO_BYTES = 10_000_000
MAX_PHOTO_SIDES = 10_000
MAX_PHOTO_RATIO = 20
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: How long a test waits for the bot to do something.
WAIT_SECONDS = 5.0
BOT_ID = 7_000_000_001
BOT_USERNAME = "RoadmapTestBot"

#: Allowed tags and the entity type each makes.
TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG = re.compile(r"<(/?)([a-z-]+)((?:\s+[a-z-]+(?:=\"[^\"<>]*\")?)*)\s*>")
_ATTRIBUTE = re.compile(r"([a-z-]+)(?:=\"([^\"]*)\")?")
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);")


PARSE = "Bad Request: can't parse entities: "
TERMINATED = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is"
    " running"
)
WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete"
    " the webhook first"
)
#: The status of a queued failure that closes the connection without any response.
DROPPED = 0


class ApiError(Exception):
    """A request Telegram would answer with an error."""

    def __init__(self, status: int, description: str, **parameters: Any) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _unescape(text: str) -> str:
    def entity(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
        if name not in ENTITIES:
            raise ApiError(400, PARSE + f"Unsupported HTML entity &{name};")
        return ENTITIES[name]

    if "&" in _ENTITY.sub("", text):
        raise ApiError(400, PARSE + "Unescaped '&' in text")
    return _ENTITY.sub(entity, text)


def parse_html(html: str) -> tuple[str, list[dict[str, Any]]]:
    """Telegram's HTML parse mode: the visible text and its entities, or :class:`ApiError`."""
    text: list[str] = []
    length = 0
    entities: list[dict[str, Any]] = []
    stack: list[tuple[str, int, dict[str, Any]]] = []
    position = 0
    while position < len(html):
        start = html.find("<", position)
        chunk = html[position : start if start >= 0 else len(html)]
        if ">" in chunk:
            raise ApiError(400, PARSE + "Unescaped '>' in text")
        plain = _unescape(chunk)
        text.append(plain)
        length += _utf16(plain)
        if start < 0:
            break
        match = _TAG.match(html, start)
        if match is None:
            raise ApiError(
                400,
                PARSE + f"Unsupported start tag at byte offset {len(html[:start].encode())}",
            )
        closing, name, raw_attributes = match.groups()
        if name not in TAGS:
            raise ApiError(400, PARSE + f'Unsupported start tag "{name}"')
        if closing:
            if not stack or stack[-1][0] != name:
                raise ApiError(
                    400,
                    PARSE + f'Unmatched end tag "{name}", '
                    f'expected "{stack[-1][0] if stack else ""}"',
                )
            _, begin, entity = stack.pop()
            if length > begin:
                entities.append({**entity, "offset": begin, "length": length - begin})
        else:
            attributes = {
                key: _unescape(value or "") for key, value in _ATTRIBUTE.findall(raw_attributes)
            }
            entity: dict[str, Any] = {"type": TAGS[name]}
            if name == "a":
                if "href" not in attributes:
                    raise ApiError(400, PARSE + "a tag without href")
                entity["url"] = attributes["href"]
            if name == "span" and attributes.get("class") != "tg-spoiler":
                raise ApiError(400, PARSE + 'Unsupported start tag "span"')
            stack.append((name, length, entity))
        position = match.end()
    if stack:
        raise ApiError(
            400,
            PARSE + f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"',
        )
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(text), entities


def check_text(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """The visible text and entities of a message, or the :class:`ApiError` Telegram sends."""
    visible, entities = parse_html(text) if parse_mode == "HTML" else (text, [])
    if not visible.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if _utf16(visible) > MAX_TEXT:
        raise ApiError(400, "Bad Request: message is too long")
    return visible, entities


def check_markup(markup: dict[str, Any] | None) -> None:
    """Raise :class:`ApiError` for an inline keyboard Telegram would refuse."""
    for row in (markup or {}).get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            if not button.get("text"):
                raise ApiError(400, "Bad Request: BUTTON_TYPE_INVALID")


@dataclass
class Call:
    """One Bot API call the bot made."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    error: str = ""
    #: When the request arrived (``time.monotonic()``), for rate measurements.
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    """An error response queued for the next matching call."""

    method: str
    status: int
    description: str
    parameters: dict[str, Any]
    chat_id: int | None = None


class FakeTelegram:
    """The fake Bot API server."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.commands: list[dict[str, str]] = []
        self.webhook: dict[str, Any] = {}
        self.failures: list[Failure] = []
        self._ids = itertools.count(1)
        self._update_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._closing = False
        #: getUpdates requests received so far (counted on arrival, before the long poll ends).
        self.polls = 0
        self.port = 0

    # --- server ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on a random port of 127.0.0.1."""
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def close(self) -> None:
        """Stop listening (pending long polls return at once)."""
        async with self._changed:
            self._closing = True
            self._changed.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        """What ``TELEGRAM_BASE_URL`` should be."""
        return f"http://127.0.0.1:{self.port}/bot"

    # --- test controls -----------------------------------------------------------------------

    def fail(
        self,
        method: str,
        status: int,
        description: str,
        *,
        chat_id: int | None = None,
        **parameters: Any,
    ) -> None:
        """Answer the next ``method`` call (to ``chat_id``, if given) with an error."""
        self.failures.append(Failure(method, status, description, parameters, chat_id))

    def drop(self, method: str, *, chat_id: int | None = None) -> None:
        """Close the connection of the next ``method`` call (to ``chat_id``) without answering."""
        self.fail(method, DROPPED, "connection dropped", chat_id=chat_id)

    async def push(self, kind: str, payload: dict[str, Any]) -> int:
        """Queue an update for getUpdates; returns its update id."""
        update_id = next(self._update_ids)
        async with self._changed:
            self.updates.append({"update_id": update_id, kind: payload})
            self._changed.notify_all()
        return update_id

    async def send_text(
        self,
        text: str,
        *,
        user: int,
        chat: int | None = None,
        name: str = "Ada",
        reply_to: dict[str, Any] | None = None,
        kind: str = "message",
    ) -> dict[str, Any]:
        """A user writes ``text`` (in their private chat unless ``chat`` is a group id)."""
        chat_id = user if chat is None else chat
        message: dict[str, Any] = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": _chat(chat_id, name),
            "from": {"id": user, "is_bot": False, "first_name": name, "username": name.lower()},
            "text": text,
        }
        entities = [
            {"type": "mention", "offset": _utf16(text[: m.start()]), "length": _utf16(m.group())}
            for m in re.finditer(r"(?<![\w/])@\w{5,32}", text)
        ]
        if text.startswith("/"):
            entities.insert(0, {"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        await self.push(kind, message)
        return message

    async def press(self, message: dict[str, Any], data: str, *, user: int) -> str:
        """A user presses the button with callback ``data`` on ``message``; returns the query id."""
        query_id = f"q{next(self._ids)}"
        await self.push(
            "callback_query",
            {
                "id": query_id,
                "from": {"id": user, "is_bot": False, "first_name": f"user{user}"},
                "chat_instance": "1",
                "message": message,
                "data": data,
            },
        )
        return query_id

    async def wait_for(self, predicate: Callable[[], Any], seconds: float = WAIT_SECONDS) -> Any:
        """Wait until ``predicate()`` is truthy and return its value."""
        async with asyncio.timeout(seconds), self._changed:
            while not (result := predicate()):
                await self._changed.wait()
        return result

    def calls_to(self, method: str, **params: Any) -> list[Call]:
        """Successful calls of ``method`` whose parameters include ``params``."""
        return [
            call
            for call in self.calls
            if call.method == method
            and not call.error
            and all(call.params.get(k) == v for k, v in params.items())
        ]

    def sent(self, chat_id: int) -> list[dict[str, Any]]:
        """Messages the bot sent (sendMessage) to a chat, oldest first."""
        return [
            message
            for (chat, _), message in self.messages.items()
            if chat == chat_id and message.get("text") is not None
        ]

    async def replies(self, chat_id: int, count: int, after: int = 0) -> list[dict[str, Any]]:
        """Wait for at least ``count`` messages to ``chat_id`` beyond the first ``after``."""
        return await self.wait_for(
            lambda: (got := self.sent(chat_id)[after:]) and len(got) >= count and got
        )

    # --- the Bot API -------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _json({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        arrived = time.monotonic()
        method = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        files: dict[str, tuple[str, bytes]] = {}
        if request.body_exists:
            if request.content_type == "application/json":
                params.update(await request.json())
            else:
                for key, value in (await request.post()).items():
                    if isinstance(value, web.FileField):
                        files[key] = (value.filename, value.file.read())
                    else:
                        params[key] = _decode(value)
        call = Call(method, params, files, at=arrived)
        try:
            failure = self._take_failure(method, params)
            if failure is not None and failure.status == DROPPED:
                call.error = failure.description
                await self._record(call)
                assert request.transport is not None
                request.transport.close()
                return web.Response()  # never reaches the client
            if failure is not None:
                raise ApiError(failure.status, failure.description, **failure.parameters)
            handler = getattr(self, f"_api_{method}", None)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            result = await handler(params, files)
        except ApiError as error:
            if request.transport is None or request.transport.is_closing():
                return web.Response()  # a long poll its client gave up on: nobody hears it
            call.error = error.description
            await self._record(call)
            body: dict[str, Any] = {
                "ok": False,
                "error_code": error.status,
                "description": error.description,
            }
            if error.parameters:
                body["parameters"] = error.parameters
            return _json(body, error.status)
        await self._record(call)
        return _json({"ok": True, "result": result})

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _take_failure(self, method: str, params: dict[str, Any]) -> Failure | None:
        for failure in self.failures:
            if failure.method == method and failure.chat_id in (None, _int(params.get("chat_id"))):
                self.failures.remove(failure)
                return failure
        return None

    async def _api_getMe(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Roadmap",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _api_deleteWebhook(self, params: dict[str, Any], files: Any) -> bool:
        self.webhook = {}
        return True

    async def _api_setWebhook(self, params: dict[str, Any], files: Any) -> bool:
        self.webhook = params
        return True

    async def _api_setMyCommands(self, params: dict[str, Any], files: Any) -> bool:
        commands = params.get("commands") or []
        for entry in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", entry.get("command", "")):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(entry.get("description", "")) <= MAX_COMMAND_DESCRIPTION:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands = list(commands)
        return True

    async def _api_getMyCommands(self, params: dict[str, Any], files: Any) -> list[Any]:
        return self.commands

    async def _api_getUpdates(self, params: dict[str, Any], files: Any) -> list[Any]:
        offset = _int(params.get("offset")) or 0
        timeout = float(params.get("timeout") or 0)
        limit = _int(params.get("limit")) or 100
        if self.webhook.get("url"):
            raise ApiError(409, WEBHOOK_ACTIVE)
        async with self._changed:
            self.polls += 1
            poll = self.polls  # a later getUpdates terminates this one while it waits
            self._changed.notify_all()
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            if not self.updates and timeout > 0:
                try:
                    async with asyncio.timeout(timeout):
                        while not self.updates and not self._closing:
                            if self.polls != poll:
                                raise ApiError(409, TERMINATED)
                            await self._changed.wait()
                except TimeoutError:
                    pass
            return self.updates[:limit]

    async def _api_sendMessage(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        chat_id = _int(params.get("chat_id"))
        if chat_id is None:
            raise ApiError(400, "Bad Request: chat not found")
        text, entities = check_text(str(params.get("text", "")), params.get("parse_mode"))
        markup = params.get("reply_markup")
        check_markup(markup)
        message = self._bot_message(chat_id, text, entities, markup)
        return message

    async def _api_editMessageText(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        key = (_int(params.get("chat_id")), _int(params.get("message_id")))
        old = self.messages.get(key)  # type: ignore[arg-type]
        if old is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        text, entities = check_text(str(params.get("text", "")), params.get("parse_mode"))
        markup = params.get("reply_markup")
        check_markup(markup)
        if (
            text == old["text"]
            and entities == old.get("entities", [])
            and markup == old.get("reply_markup")
        ):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        new = {**old, "text": text, "entities": entities, "edit_date": int(time.time())}
        new.pop("reply_markup", None)
        if markup:
            new["reply_markup"] = markup
        self.messages[key] = new  # type: ignore[index]
        return new

    async def _api_answerCallbackQuery(self, params: dict[str, Any], files: Any) -> bool:
        if len(str(params.get("text", ""))) > MAX_CALLBACK_TEXT:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    async def _api_sendDocument(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        chat_id = _int(params.get("chat_id"))
        if "document" not in files:
            raise ApiError(400, "Bad Request: there is no document in the request")
        filename, content = files["document"]
        message = self._bot_message(chat_id or 0, None, [], params.get("reply_markup"))
        message["document"] = {
            "file_id": f"doc{message['message_id']}",
            "file_unique_id": f"u{message['message_id']}",
            "file_name": filename,
            "file_size": len(content),
        }
        return message

    async def _api_sendPhoto(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        chat_id = _int(params.get("chat_id"))
        if "photo" not in files:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        _, content = files["photo"]
        size = png_size(content)
        if size is None:
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        width, height = size
        if len(content) > MAX_PHOTO_BYTES or width + height > MAX_PHOTO_SIDES:
            raise ApiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
        if max(width, height) > MAX_PHOTO_RATIO * min(width, height):
            raise ApiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
        message = self._bot_message(chat_id or 0, None, [], params.get("reply_markup"))
        message["photo"] = [
            {
                "file_id": f"photo{message['message_id']}",
                "file_unique_id": f"u{message['message_id']}",
                "width": width,
                "height": height,
                "file_size": len(content),
            }
        ]
        return message

    def _bot_message(
        self,
        chat_id: int,
        text: str | None,
        entities: list[dict[str, Any]],
        markup: dict[str, Any] | None,
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": _chat(chat_id, "chat"),
            "from": {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "Roadmap",
                "username": BOT_USERNAME,
            },
        }
        if text is not None:
            message["text"] = text
            message["entities"] = entities
        if markup:
            message["reply_markup"] = markup
        self.messages[(chat_id, message["message_id"])] = message
        return message


def png_size(content: bytes) -> tuple[int, int] | None:
    """A PNG's width and height from its header, or ``None`` if ``content`` is no PNG."""
    if content[:8] != PNG_SIGNATURE or content[12:16] != b"IHDR":
        return None
    return int.from_bytes(content[16:20]), int.from_bytes(content[20:24])


def _chat(chat_id: int, name: str) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": name}
    return {"id": chat_id, "type": "supergroup", "title": "Study group"}


def _decode(value: str) -> Any:
    """Form values: PTB JSON-encodes everything that is not a plain string."""
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status)


def bold_title(message: dict[str, Any]) -> str:
    """The text of a message's first bold entity (the reply title, as the adapter renders it)."""
    text = message["text"].encode("utf-16-le")
    for entity in message.get("entities", []):
        if entity["type"] == "bold":
            start, end = entity["offset"] * 2, (entity["offset"] + entity["length"]) * 2
            return text[start:end].decode("utf-16-le")
    return ""
