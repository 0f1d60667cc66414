"""What a chat adapter remembers about its paginated messages, whatever the platform.

A reply too long for one message is sent as its first page with buttons to turn the pages.
:class:`PageShelf` keeps each such message's pages in the database
(:class:`bot.storage.base.PageStore`) for :data:`PAGES_KEPT`, keyed by the platform's identity of
the message, so a press turns the page whichever process receives it (several Telegram
processes behind one webhook, Discord shards split across processes) and after a restart. Each
adapter says how its rendered pages and buttons become JSON values and back
(:class:`PageCodec`). Only the reply's owner turns its pages; anyone else is told
:data:`NOT_YOUR_PAGES`. A press on a message whose pages expired (or were never kept) is
answered that the list expired.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Generic, TypeVar

from bot.clock import Clock
from bot.storage.base import PageStore, StoredPages

PageT = TypeVar("PageT")
ButtonsT = TypeVar("ButtonsT")

#: What someone other than a reply's owner is told when they press its page buttons.
NOT_YOUR_PAGES = "These pages belong to someone else's answer. Run the command yourself."
#: How long the pages of a paginated message can be turned.
PAGES_KEPT = timedelta(days=2)


@dataclass(frozen=True, slots=True)
class Paged(Generic[PageT, ButtonsT]):
    """A reply rendered for a platform: its pages, its own buttons and whom it was sent for."""

    pages: list[PageT]
    buttons: ButtonsT
    #: The platform user id the reply was sent for.
    owner: str


@dataclass(frozen=True, slots=True)
class PageCodec(Generic[PageT, ButtonsT]):
    """How an adapter's rendered pages and buttons are kept: as JSON values, and back."""

    dump_page: Callable[[PageT], Any]
    load_page: Callable[[Any], PageT]
    dump_buttons: Callable[[ButtonsT], Any]
    load_buttons: Callable[[Any], ButtonsT]


class PageShelf(Generic[PageT, ButtonsT]):
    """Which page of which reply each paginated message of one platform shows, in the database."""

    def __init__(
        self, platform: str, store: PageStore, clock: Clock, codec: PageCodec[PageT, ButtonsT]
    ) -> None:
        self.platform = platform
        self._store = store
        self._clock = clock
        self._codec = codec

    def _key(self, message: str) -> str:
        return f"{self.platform}:{message}"

    async def show(self, message: str, paged: Paged[PageT, ButtonsT], index: int = 0) -> None:
        """Record that ``message`` shows page ``index`` of ``paged`` (forgotten if one page)."""
        if len(paged.pages) < 2:
            await self._store.drop(self._key(message))
            return
        codec = self._codec
        body = json.dumps(
            {
                "pages": [codec.dump_page(page) for page in paged.pages],
                "buttons": codec.dump_buttons(paged.buttons),
            }
        )
        now = self._clock.now()
        stored = StoredPages(f"{self.platform}:{paged.owner}", body, index)
        await self._store.put(self._key(message), stored, now + PAGES_KEPT, now)

    async def get(self, message: str) -> tuple[Paged[PageT, ButtonsT], int] | None:
        """The reply ``message`` shows and the page it is on, or ``None`` if expired (unknown)."""
        stored = await self._store.get(self._key(message), self._clock.now())
        if stored is None:
            return None
        body = json.loads(stored.body)
        codec = self._codec
        paged = Paged(
            [codec.load_page(page) for page in body["pages"]],
            codec.load_buttons(body["buttons"]),
            stored.user_key.removeprefix(f"{self.platform}:"),
        )
        return paged, stored.shown
