"""What a chat adapter remembers about its paginated messages, whatever the platform.

A reply too long for one message is sent as its first page with buttons to turn the pages.
:class:`PageMemory` keeps the pages in memory, keyed by the platform's identity of the message,
so a press can show another page: enough where the press always reaches the process that sent
the message (Discord sends it to that server's shard). Only the reply's owner turns its pages;
anyone else is told :data:`NOT_YOUR_PAGES`. The memory is bounded (the least recently
used messages are forgotten first) and lost on restart: a press on a message it no longer knows
answers that the pages expired. Telegram, whose presses may reach any process behind a webhook,
keeps its pages in the database instead (:class:`bot.storage.base.PageStore`).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.lru import LruCache

#: What someone other than a reply's owner is told when they press its page buttons.
NOT_YOUR_PAGES = "These pages belong to someone else's answer. Run the command yourself."

KeyT = TypeVar("KeyT", bound=Hashable)
PageT = TypeVar("PageT")
ButtonsT = TypeVar("ButtonsT")


@dataclass(frozen=True, slots=True)
class Paged(Generic[PageT, ButtonsT]):
    """A reply rendered for a platform: its pages, its own buttons and whom it was sent for."""

    pages: list[PageT]
    buttons: ButtonsT
    #: The platform user id the reply was sent for.
    owner: str


class PageMemory(Generic[KeyT, PageT, ButtonsT]):
    """Which page of which reply each paginated message shows: a bounded LRU, in memory."""

    def __init__(self, size: int) -> None:
        self._shown: LruCache[KeyT, tuple[Paged[PageT, ButtonsT], int]] = LruCache(size)

    def show(self, message: KeyT, paged: Paged[PageT, ButtonsT], index: int = 0) -> None:
        """Record that ``message`` shows page ``index`` of ``paged`` (forgotten if one page)."""
        if len(paged.pages) < 2:
            self._shown.pop(message)
        else:
            self._shown.put(message, (paged, index))

    def get(self, message: KeyT) -> tuple[Paged[PageT, ButtonsT], int] | None:
        """The reply ``message`` shows and the page it is on, or ``None`` if unknown (expired)."""
        return self._shown.get(message)
