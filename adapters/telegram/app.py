"""The Telegram application: updates in, core requests out, HTML messages back.

A text message becomes a :class:`~bot.messages.Request` (``/cmd@ThisBot args`` or a plain
question) and the core's reply is sent as one HTML message (see ``render``). An inline button
press runs ``core.press``: a refusal is shown as an alert on the button, a reply that
``updates_pressed`` (an item just ticked) replaces the pressed message, anything else arrives as a
new message. In a group,
replies marked private go to the user's private chat, never to the group.

A reply too long for one message is paginated: the message shows page one with the reply's own
buttons and a ◀ n/N ▶ row; pressing an arrow edits the message to that page. The pages live in
the database (:class:`adapters.paging.PageShelf`, keyed by chat and message id) for two days,
so any process behind one webhook, or after a restart, turns them; once they expired, the
arrows answer so.
Only the user a reply was sent for may turn its pages, in groups too: the message is shared, and
paging it would pull the page out from under its reader; others are told to run the command
themselves.

Ordinary replies retry network errors (timeouts, 5xx, dropped connections) a few times with
backoff, wait once (bounded) when Telegram asks for it, follow a group that became a supergroup
(moving its reminders), and are otherwise logged and dropped. A call whose response was lost may
have been carried out, so such a retry can repeat a reply: for someone waiting on an answer, a
rare duplicate beats silence. Reminders go through :class:`TelegramOutbox`, which maps Telegram's
errors onto ``bot.delivery``'s for the engine; a reminder is always one message, so a retry by
the engine never repeats part of one.

Long polling allows one consumer per token: a second process polling with the same token is
refused (409 Conflict) and the adapter stops for good (``wait_failed``) with a line saying so;
several processes use webhook mode.

Webhook mode never runs open: without ``TELEGRAM_WEBHOOK_SECRET`` a secret is derived from the
token (an HMAC, so every process behind one webhook URL, and every restart, agrees on it without
configuration) and registered with setWebhook, and :class:`WebhookReceiver` refuses (403) every
call that does not carry it, so nobody can post updates in a user's name.

The token is in every Bot API URL, and PTB logs those URLs at DEBUG (httpx at INFO), so the
adapter scrubs its token from every PTB and HTTP-client log record and keeps httpx at WARNING.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime as dt
import hashlib
import hmac
import logging
import re
import warnings
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

import httpx
from aiohttp import web
from telegram import (
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from adapters.paging import NOT_YOUR_PAGES, PageCodec, Paged, PageShelf
from adapters.telegram.render import (
    KeyButton,
    callback_answer,
    escape,
    keyboard,
    menu,
    page_keys,
    page_of,
    render,
)
from bot import delivery, observability
from bot.clock import Clock
from bot.commands import parse_command_line
from bot.config import Settings
from bot.core import Core
from bot.logs import REDACTOR
from bot.messages import ChatKind, Reply, ReplyKind, Request

log = logging.getLogger(__name__)

PLATFORM = "telegram"
#: Outbox pacing: Telegram tolerates about 30 messages/s overall and 1/s per chat. At 29/s no
#: second holds more than 29 sends (see ``Pacer``: one to spare for network jitter), and a
#: backlog goes out at 97 % of the limit.
OVERALL_RATE = 29.0
PER_CHAT_INTERVAL = 1.0
#: Longest flood-control wait an ordinary reply honours (once) before it is dropped.
MAX_REPLY_RETRY_WAIT = 30.0
#: Tries of one call of an ordinary reply on network errors, and the wait after the first
#: failure (doubled after each further one).
MAX_NETWORK_ATTEMPTS = 3
NETWORK_BACKOFF_SECONDS = 1.0
#: 409 Conflicts in a row that end long polling for good once a poll got through (see
#: :class:`WatchedRequest`).
CONFLICTS_TO_FAIL = 3
#: Connections for Bot API calls other than getUpdates (PTB's default).
CONNECTIONS = 256
#: getUpdates long-polling timeout, in seconds.
POLL_TIMEOUT = 10
#: Updates handled at the same time (a slow question does not hold up everyone else); one
#: sender's updates in one chat are still handled in the order they were sent.
CONCURRENT_UPDATES = 64
ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY)
#: The header Telegram sends the webhook secret in.
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
#: What the derived webhook secret is an HMAC of (keyed by the token); change it to rotate.
SECRET_CONTEXT = b"roadmap-bot telegram webhook secret v1"
#: Refused webhook calls are logged at most once per this many seconds, with a count.
REFUSED_LOG_SECONDS = 60.0
#: The largest webhook body accepted, in bytes.
MAX_WEBHOOK_BODY = 1 << 20
PRIVATE_NOTE = "🔒 I sent you the answer in a private chat."
OPEN_PRIVATE_CHAT = (
    "🔒 That answer is private. Open a chat with me (@{bot}), press Start, then ask again."
)
EXPIRED_PAGES = "This list has expired, run the command again."
REVOKED = "Telegram no longer accepts the bot token (TELEGRAM_TOKEN): 401 Unauthorized"
POLLING_CONFLICT = (
    "another process is polling Telegram with this token (409 Conflict); long polling allows"
    " one process per token: stop the other one, or use webhook mode (TELEGRAM_WEBHOOK_URL)"
    " to run several processes"
)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
#: Loggers that write request URLs, which carry the token, at INFO: kept at WARNING or above.
URL_LOGGERS = ("httpx",)
#: Logger name prefixes whose records are scrubbed of the token before any handler sees them.
SCRUBBED_LOGGERS = ("telegram", "httpx", "httpcore", __name__)

#: One Bot API call of a reply, given the chat to send it to.
Step = Callable[[int], Awaitable[Any]]


def derived_webhook_secret(token: str) -> str:
    """A strong webhook secret derived from ``token``: the same in every process, never the token.

    43 characters of A-Z a-z 0-9 _ - (what Telegram's secret_token allows), an HMAC-SHA256 keyed
    by the token, so it reveals nothing about the token and cannot be guessed without it.
    """
    digest = hmac.new(token.encode(), SECRET_CONTEXT, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def protect(secret: str) -> None:
    """Keep ``secret`` (the token, the webhook secret) out of every PTB and HTTP client log."""
    REDACTOR.add(secret)
    REDACTOR.guard(SCRUBBED_LOGGERS)
    for name in URL_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.level, logging.WARNING))


class InOrderPerSender(BaseUpdateProcessor):
    """Handles updates concurrently, except that one sender's updates in one chat run in order.

    Without this, ``/track python`` followed at once by ``/next`` could be answered the wrong
    way round (PTB's plain concurrent processing starts both together).
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[tuple[int, int], asyncio.Lock] = {}
        self._queued: dict[tuple[int, int], int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run ``coroutine`` once the sender's earlier updates in that chat are done."""
        key = _sender_key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._queued[key] = self._queued.get(key, 0) + 1
        try:
            async with lock:  # asyncio.Lock wakes its waiters first come, first served
                await coroutine
        finally:
            self._queued[key] -= 1
            if not self._queued[key]:
                del self._queued[key], self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _sender_key(update: object) -> tuple[int, int] | None:
    """(chat id, user id) of an update, or ``None`` when it has no sender."""
    if not isinstance(update, Update):
        return None
    chat, user = update.effective_chat, update.effective_user
    if user is None:
        return None
    return (chat.id if chat is not None else user.id, user.id)


class WatchedRequest(HTTPXRequest):
    """PTB's HTTP client, watching how each Bot API call went.

    A refused token (401, or 404 for a token with no bot: PTB's ``InvalidToken``) ends the
    adapter for good, and so does a 409 Conflict (another process polls with this token, or a
    webhook is set): ``fail`` is called with why. Telegram answers 409 to the long poll that was
    waiting when another getUpdates arrived, so a second poller's first poll ends the first
    one's: a poller that never got through yet gives up at its first conflict (the newcomer is
    the one refused), one that did at :data:`CONFLICTS_TO_FAIL` in a row. Once refused, it
    makes no more getUpdates calls (PTB's last one as it stops would end the survivor's poll
    again): they answer "no updates" without reaching Telegram. A call that could not reach
    Telegram (a network error, a timeout, a 5xx answer) marks the platform disconnected until
    one gets through.
    """

    def __init__(self, fail: Callable[[str], None], **options: Any) -> None:
        super().__init__(**options)
        self.fail = fail
        self.conflicts = 0
        self.got_through = False
        self.refused = False

    async def post(self, *args: Any, **kwargs: Any) -> Any:
        """Make the call (see ``BaseRequest.post``) and record its outcome."""
        if self.refused:
            return []
        try:
            result = await super().post(*args, **kwargs)
        except InvalidToken:
            self.fail(REVOKED)
            raise
        except Conflict:
            self.conflicts += 1
            if not self.got_through or self.conflicts >= CONFLICTS_TO_FAIL:
                self.refused = True
                self.fail(POLLING_CONFLICT)
            raise
        except TelegramError as error:
            unreachable = isinstance(error, NetworkError) and not isinstance(error, BadRequest)
            observability.metrics.connected(PLATFORM, not unreachable)
            raise
        observability.metrics.connected(PLATFORM, True)
        self.conflicts, self.got_through = 0, True
        return result


class TelegramStartError(delivery.AdapterStartError):
    """The adapter could not start (the message never contains the token)."""


def retry_seconds(error: RetryAfter) -> float:
    """The wait Telegram asked for, whether PTB gives it as seconds or as a timedelta."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def file_base_url(base_url: str) -> str:
    """The file download base that goes with an API base (``…/bot`` → ``…/file/bot``)."""
    head, separator, tail = base_url.rpartition("/bot")
    return f"{head}/file/bot{tail}" if separator else base_url


def message_key(chat_id: int, message_id: int) -> str:
    """A message's identity among the pages kept (message ids are per chat)."""
    return f"{chat_id}:{message_id}"


def inline_row(keys: list[KeyButton]) -> list[InlineKeyboardButton]:
    """Telegram's buttons for a row of rendered keys."""
    return [InlineKeyboardButton(key.label, callback_data=key.data) for key in keys]


#: A reply rendered for Telegram: HTML pages and the reply's own keyboard rows.
Rendered = Paged[str, list[list[InlineKeyboardButton]]]


def _dump_rows(rows: list[list[InlineKeyboardButton]]) -> list[list[list[str]]]:
    return [[[button.text, str(button.callback_data)] for button in row] for row in rows]


def _load_rows(rows: list[list[list[str]]]) -> list[list[InlineKeyboardButton]]:
    return [[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows]


#: How a rendered reply is kept while its pages can be turned (its pages are HTML already).
CODEC: PageCodec[str, list[list[InlineKeyboardButton]]] = PageCodec(
    str, str, _dump_rows, _load_rows
)


def markup(paged: Rendered, index: int) -> InlineKeyboardMarkup | None:
    """The keyboard under page ``index``: the reply's buttons, then ◀ n/N ▶ if paginated."""
    rows = list(paged.buttons)
    if len(paged.pages) > 1:
        rows.append(inline_row(page_keys(index, len(paged.pages))))
    return InlineKeyboardMarkup(rows) if rows else None


class WebhookReceiver:
    """Takes Telegram's webhook calls over HTTP and queues their updates for the application.

    A call without the secret registered with setWebhook is refused with 403 and logged (where
    it came from and why, never its body or the header's value), at most once every
    ``REFUSED_LOG_SECONDS``; the calls refused in between are counted into the next line.
    """

    def __init__(self, application: Application, path: str, secret: str, clock: Clock) -> None:
        self.application = application
        self.path = path
        self.secret = secret.encode()
        self.clock = clock
        self._refused = 0
        self._logged_at: dt.datetime | None = None
        self._runner: web.AppRunner | None = None

    async def start(self, host: str, port: int) -> None:
        """Listen for webhook calls on ``host:port``."""
        app = web.Application(client_max_size=MAX_WEBHOOK_BODY)
        app.router.add_post(self.path, self._receive)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()

    async def stop(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _receive(self, request: web.Request) -> web.Response:
        offered = request.headers.get(SECRET_HEADER)
        if offered is None or not hmac.compare_digest(
            offered.encode(errors="replace"), self.secret
        ):
            self._refuse(request.remote or "?", "no secret" if offered is None else "wrong secret")
            return web.Response(status=403)
        try:
            update = Update.de_json(await request.json(), self.application.bot)
        except Exception as error:  # any body PTB cannot read is the same 400
            log.warning("Telegram: unreadable webhook update (%s)", type(error).__name__)
            return web.Response(status=400)
        await self.application.update_queue.put(update)
        return web.Response()

    def _refuse(self, origin: str, why: str) -> None:
        """Count a refused call; log the count now if the last line is old enough."""
        self._refused += 1
        now = self.clock.now()
        last = self._logged_at
        if last is not None and (now - last).total_seconds() < REFUSED_LOG_SECONDS:
            return
        log.warning(
            "Telegram: refused %d webhook call(s) without the right secret, the latest from %s"
            " (%s)",
            self._refused,
            origin,
            why,
        )
        self._refused, self._logged_at = 0, now


class TelegramAdapter:
    """Runs the bot on Telegram (see :class:`bot.delivery.PlatformAdapter`)."""

    platform = PLATFORM

    def __init__(
        self,
        core: Core,
        settings: Settings,
        *,
        poll_timeout: int = POLL_TIMEOUT,
    ) -> None:
        self.core = core
        self.settings = settings
        protect(settings.telegram_token)
        self.poll_timeout = poll_timeout
        self._failed = asyncio.Event()
        self._failure = ""
        builder = (
            ApplicationBuilder()
            .token(settings.telegram_token)
            .job_queue(None)
            .concurrent_updates(InOrderPerSender(CONCURRENT_UPDATES))
            .request(WatchedRequest(self._fail, connection_pool_size=CONNECTIONS))
            .get_updates_request(WatchedRequest(self._fail, connection_pool_size=1))
        )
        if settings.telegram_base_url:
            builder = builder.base_url(settings.telegram_base_url).base_file_url(
                file_base_url(settings.telegram_base_url)
            )
        self.application: Application = builder.build()
        self.application.add_handler(
            MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT, self._on_message)
        )
        self.application.add_handler(CallbackQueryHandler(self._on_press))
        self.application.add_error_handler(self._on_error)
        self.outbox = TelegramOutbox(self)
        self.pages = PageShelf(PLATFORM, core.storage.pages, core.clock, CODEC)
        self.webhook: WebhookReceiver | None = None

    def __repr__(self) -> str:
        return f"<TelegramAdapter base_url={self.settings.telegram_base_url or 'default'!r}>"

    @property
    def bot_username(self) -> str:
        """The bot's @username (known once started)."""
        return self.application.bot.username or ""

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Check the token, register the command menu and start receiving updates."""
        app = self.application
        try:
            await app.initialize()
        except InvalidToken:  # PTB's message quotes the token
            raise TelegramStartError("Telegram rejected the bot token (TELEGRAM_TOKEN)") from None
        except TelegramError as error:
            raise TelegramStartError(f"could not reach Telegram: {error.message}") from None
        await self.register_commands()
        await app.start()
        if self.settings.telegram_webhook_url:
            await self._start_webhook()
            mode = "webhook"
        else:
            assert app.updater is not None
            await app.updater.start_polling(
                timeout=self.poll_timeout,
                allowed_updates=list(ALLOWED_UPDATES),
            )
            mode = "long polling"
        log.info("Telegram: running as @%s (%s)", self.bot_username, mode)

    async def _start_webhook(self) -> None:
        """Listen for webhook calls, then register the webhook and its secret with Telegram."""
        settings = self.settings
        secret = settings.telegram_webhook_secret
        if not secret:
            secret = derived_webhook_secret(settings.telegram_token)
            log.info("Telegram: no TELEGRAM_WEBHOOK_SECRET set; using one derived from the token")
        protect(secret)
        path = "/" + urlsplit(settings.telegram_webhook_url).path.lstrip("/")
        self.webhook = WebhookReceiver(self.application, path, secret, self.core.clock)
        host, port = settings.telegram_webhook_listen, settings.telegram_webhook_port
        try:
            await self.webhook.start(host, port)
        except OSError as error:
            raise TelegramStartError(
                f"cannot listen for the webhook on {host}:{port}: {error.strerror}"
            ) from None
        try:
            await self.application.bot.set_webhook(
                settings.telegram_webhook_url,
                allowed_updates=list(ALLOWED_UPDATES),
                secret_token=secret,
            )
        except TelegramError as error:
            raise TelegramStartError(f"could not set the webhook: {error.message}") from None

    async def stop(self) -> None:
        """Stop receiving updates and close the connection."""
        app = self.application
        if self.webhook is not None:
            await self.webhook.stop()
        if app.updater is not None and app.updater.running:
            with contextlib.suppress(InvalidToken):  # polling ended on it: see wait_failed
                await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()

    def _fail(self, why: str) -> None:
        """The adapter is dead for good (the first reason is the one reported)."""
        if not self._failed.is_set():
            self._failure = why
            self._failed.set()

    async def wait_failed(self) -> str:
        """Wait until Telegram refuses the token (401) or the polling (409); return why.

        Network errors and 5xx answers never end the adapter: polling retries them.
        """
        await self._failed.wait()
        return self._failure

    async def register_commands(self) -> None:
        """Publish the command menu (setMyCommands) from the core's registry."""
        commands = [BotCommand(name, summary) for name, summary in menu(self.core.listed_commands)]
        try:
            await self.application.bot.set_my_commands(commands)
        except TelegramError as error:
            log.warning("Telegram: could not set the command menu: %s", error.message)

    # --- incoming ---------------------------------------------------------------------------

    def request_for(self, message: Message) -> Request | None:
        """The core request for a text message, or ``None`` if it is not meant for this bot."""
        user = message.from_user
        if user is None or user.is_bot or message.text is None:
            return None
        private = message.chat.type == ChatType.PRIVATE
        parsed = parse_command_line(message.text)
        if parsed.command is not None:
            if parsed.addressee and parsed.addressee.casefold() != self.bot_username.casefold():
                return None
            if not private and not parsed.addressee and parsed.command not in self.core.commands:
                return None  # probably another bot's command
            command, args = parsed.command, parsed.args
        elif private or self._addressed(message):
            command, args = None, self._without_mention(message.text)
        else:
            return None
        return Request(
            platform=PLATFORM,
            user_id=str(user.id),
            chat_id=str(message.chat.id),
            chat_kind=ChatKind.PRIVATE if private else ChatKind.GROUP,
            command=command,
            args=args,
            user_name=user.full_name,
        )

    def _addressed(self, message: Message) -> bool:
        """Whether a group message mentions this bot or replies to one of its messages."""
        replied = message.reply_to_message
        author = replied.from_user if replied is not None else None
        if author is not None and author.id == self.application.bot.id:
            return True
        mentions = message.parse_entities([MessageEntity.MENTION]).values()
        return f"@{self.bot_username}".casefold() in (m.casefold() for m in mentions)

    def _without_mention(self, text: str) -> str:
        if not self.bot_username:
            return text.strip()
        return re.sub(rf"@{re.escape(self.bot_username)}\b", " ", text, flags=re.I).strip()

    async def _on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        request = self.request_for(message) if message is not None else None
        if request is None:
            return
        reply = await self.core.handle(request)
        await self.answer(request, reply)

    async def _on_press(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        page = page_of(query.data or "")
        if page is not None:
            await self._turn_page(query, page)
            return
        message = query.message
        chat = message.chat if message is not None else None
        request = Request(
            platform=PLATFORM,
            user_id=str(query.from_user.id),
            chat_id=str(chat.id if chat is not None else query.from_user.id),
            chat_kind=ChatKind.GROUP
            if chat is not None and chat.type != ChatType.PRIVATE
            else ChatKind.PRIVATE,
            command=None,
            user_name=query.from_user.full_name,
        )
        reply = await self.core.press(request, query.data or "")
        if reply.kind is ReplyKind.ERROR and reply.private:
            await self._answer_query(query, callback_answer(reply))
            return
        await self._answer_query(query)
        if (
            isinstance(message, Message)
            and message.text is not None
            and reply.replaces_pressed(pressed_is_private=request.chat_kind is ChatKind.PRIVATE)
        ):
            edit = self._edit_step(self.rendered(reply, request.user_id), message.message_id)
            await self._run(message.chat.id, [edit])
            return
        await self.answer(request, reply)

    async def _turn_page(self, query: CallbackQuery, index: int) -> None:
        """Show page ``index`` of a paginated message, if its pages are known and the presser's."""
        message = query.message
        shown = (
            await self.pages.get(message_key(message.chat.id, message.message_id))
            if message
            else None
        )
        if message is None or shown is None:
            await self._answer_query(query, EXPIRED_PAGES)
            return
        paged, current = shown
        if str(query.from_user.id) != paged.owner:
            await self._answer_query(query, NOT_YOUR_PAGES)
            return
        await self._answer_query(query)
        if index != current and index < len(paged.pages):
            await self._run(message.chat.id, [self._edit_step(paged, message.message_id, index)])

    async def _answer_query(self, query: CallbackQuery, alert: str = "") -> None:
        try:
            await query.answer(alert or None, show_alert=bool(alert))
        except TelegramError as error:
            log.warning("Telegram: could not answer a button press: %s", error.message)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log a failed update (never the token) and carry on."""
        update_id = update.update_id if isinstance(update, Update) else None
        error = context.error
        if isinstance(error, NetworkError):
            log.warning("Telegram: network problem (update %s): %s", update_id, error.message)
            return
        log.error(
            "Telegram: update %s failed: %s",
            update_id,
            type(error).__name__,
            exc_info=(type(error), error, error.__traceback__) if error is not None else None,
        )

    # --- outgoing ---------------------------------------------------------------------------

    async def answer(self, request: Request, reply: Reply) -> None:
        """Send a reply to a request; private replies asked for in a group go to a private chat."""
        chat_id, user_id = int(request.chat_id), int(request.user_id)
        if not (reply.private and request.chat_kind is ChatKind.GROUP):
            await self._run(chat_id, self.steps(reply, request.user_id))
            return
        sent = await self._run(user_id, self.steps(reply, request.user_id))
        note = PRIVATE_NOTE if sent else OPEN_PRIVATE_CHAT.format(bot=self.bot_username)
        await self._run(chat_id, [self._send_step(Paged([escape(note)], [], request.user_id))])

    def rendered(self, reply: Reply, owner: str) -> Rendered:
        """``reply`` rendered for ``owner``, the user it is sent for (who alone may page it)."""
        return Paged(render(reply), self._rows(reply, owner), owner)

    def steps(self, reply: Reply, owner: str) -> list[Step]:
        """The Bot API calls that send ``reply``: one message (page one, if long), then its file.

        A picture goes as a photo (shown in the chat), any other file as a document.
        """
        steps = [self._send_step(self.rendered(reply, owner))]
        attachment = reply.attachment
        if attachment is not None:

            async def document(chat_id: int) -> Any:
                if attachment.is_image:
                    return await self.application.bot.send_photo(
                        chat_id, attachment.content, filename=attachment.filename
                    )
                return await self.application.bot.send_document(
                    chat_id, attachment.content, filename=attachment.filename
                )

            steps.append(document)
        return steps

    def _send_step(self, paged: Rendered) -> Step:
        """Send page one of ``paged`` as a new message, remembering it if there are more."""

        async def send(chat_id: int) -> Message:
            message = await self.application.bot.send_message(
                chat_id,
                paged.pages[0],
                parse_mode=ParseMode.HTML,
                reply_markup=markup(paged, 0),
                link_preview_options=NO_PREVIEW,
            )
            if len(paged.pages) > 1:  # a new message has no pages stored to forget
                await self.pages.show(message_key(message.chat.id, message.message_id), paged)
            return message

        return send

    def _edit_step(self, paged: Rendered, message_id: int, index: int = 0) -> Step:
        """Show page ``index`` of ``paged`` in an existing message."""

        async def edit(chat_id: int) -> Any:
            edited = await self.application.bot.edit_message_text(
                paged.pages[index],
                chat_id=chat_id,
                message_id=message_id,
                parse_mode=ParseMode.HTML,
                reply_markup=markup(paged, index),
                link_preview_options=NO_PREVIEW,
            )
            await self.pages.show(message_key(chat_id, message_id), paged, index)
            return edited

        return edit

    def _rows(self, reply: Reply, owner: str) -> list[list[InlineKeyboardButton]]:
        """The reply's own buttons as keyboard rows (payloads that do not fit are left out)."""
        return [inline_row(row) for row in keyboard(self.core.button_payloads(reply, owner))]

    async def _run(self, chat_id: int, steps: list[Step]) -> bool:
        """Run a reply's calls in order; ``False`` once one of them had to be dropped."""
        for step in steps:
            moved_to = await self._call(chat_id, step)
            if moved_to is None:
                return False
            chat_id = moved_to
        return True

    async def _call(self, chat_id: int, step: Step) -> int | None:
        """Run one call; the chat it went to, or ``None`` if it was dropped.

        Network errors are retried with backoff, flood control is waited out once and a moved
        chat is followed once.
        """
        waited = moved = False
        failures = 0
        while True:
            try:
                await step(chat_id)
                return chat_id
            except RetryAfter as error:
                wait = retry_seconds(error)
                if waited or wait > MAX_REPLY_RETRY_WAIT:
                    log.warning("Telegram: flood control (%gs) on chat %s; dropped", wait, chat_id)
                    return None
                waited = True
                await self.core.clock.sleep(wait)
            except ChatMigrated as error:
                if moved:
                    log.warning("Telegram: chat %s moved twice; reply dropped", chat_id)
                    return None
                moved = True
                await self._move_chat(chat_id, error.new_chat_id)
                chat_id = error.new_chat_id
            except BadRequest as error:  # a NetworkError in PTB, but never worth retrying
                if "not modified" in error.message:
                    return chat_id
                log.warning("Telegram: refused a reply to chat %s: %s", chat_id, error.message)
                return None
            except NetworkError as error:  # TimedOut, a 5xx, a dropped connection
                failures += 1
                if failures >= MAX_NETWORK_ATTEMPTS:
                    log.warning(
                        "Telegram: network problem on chat %s (%s); dropped after %d tries",
                        chat_id,
                        error.message,
                        failures,
                    )
                    return None
                await self.core.clock.sleep(NETWORK_BACKOFF_SECONDS * 2 ** (failures - 1))
            except TelegramError as error:
                log.warning("Telegram: could not reply to chat %s: %s", chat_id, error.message)
                return None

    async def _move_chat(self, old: int, new: int) -> None:
        """A group became a supergroup: point its reminders at the new id."""
        log.info("Telegram: chat %s moved to %s", old, new)
        await self.core.chat_moved(PLATFORM, str(old), str(new))


class TelegramOutbox:
    """Delivers reminders on Telegram; maps Telegram's errors onto ``bot.delivery``'s."""

    platform = PLATFORM
    overall_rate = OVERALL_RATE
    per_chat_interval = PER_CHAT_INTERVAL

    def __init__(self, adapter: TelegramAdapter) -> None:
        self.adapter = adapter

    async def deliver(self, target: delivery.Delivery, reply: Reply) -> None:
        """Send ``reply`` to the chat (or, with no chat, the user's private chat).

        A reminder is one message (a long one paginated), so the engine's retry after a failure
        can never send part of it twice. Only a network error known to mean "not sent" (no
        connection could be made, or Telegram answered 5xx) is transient; a timeout or any other
        network error (a read error, a dropped connection) may have delivered it, so it is
        uncertain (never retried).
        """
        chat_id = int(target.chat_id if target.chat_id is not None else target.user_id)
        try:
            for step in self.adapter.steps(reply, target.user_id):
                await step(chat_id)
        except RetryAfter as error:
            raise delivery.RetryAfter(retry_seconds(error)) from None
        except ChatMigrated as error:
            raise delivery.ChatMoved(str(error.new_chat_id)) from None
        except Forbidden as error:
            raise delivery.PermanentDeliveryError(error.message) from None
        except BadRequest as error:
            if "chat not found" in error.message.casefold():
                raise delivery.PermanentDeliveryError(error.message) from None
            raise delivery.DeliveryError(error.message) from None
        except NetworkError as error:  # TimedOut too; BadRequest is caught above
            # PTB raises it ``from`` the HTTP client's error, or with no cause (or from a
            # TelegramError) for a 5xx answer. Only these are known to mean "not sent": no
            # connection could be made, none was free in PTB's pool, or Telegram answered 5xx.
            cause = error.__cause__
            answered = not isinstance(error, TimedOut) and (
                cause is None or isinstance(cause, TelegramError)
            )
            if answered or isinstance(
                cause, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
            ):
                raise delivery.TransientDeliveryError(error.message) from None
            raise delivery.UncertainDeliveryError(error.message) from None
        except TelegramError as error:
            raise delivery.DeliveryError(error.message) from None
