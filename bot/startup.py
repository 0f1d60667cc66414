"""What the command line (:mod:`bot.cli`) and running the bot (:mod:`bot.serve`) share.

The platforms ``run`` can start, the exit status after Ctrl-C, and the failure a user can fix.
Kept apart from both so that neither imports the other to reach them, and light, so that
``ask`` and ``validate`` stay quick to start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.config import Settings

if TYPE_CHECKING:
    from bot.storage import Storage

#: Platforms ``run`` can start: name -> (adapter module, the setting that enables it).
PLATFORMS = {
    "discord": ("adapters.discord", "discord_token"),
    "telegram": ("adapters.telegram", "telegram_token"),
}
#: The exit status after Ctrl-C, as shells report a process ended by SIGINT (128 + 2).
INTERRUPTED = 130


class Failure(Exception):
    """A problem the user can fix; printed without a traceback."""


async def open_storage_or_fail(settings: Settings) -> Storage:
    """The database, or a :class:`Failure` saying why it cannot be opened."""
    from bot.storage import StorageError, open_storage

    try:
        return await open_storage(settings.database)
    except StorageError as error:
        raise Failure(str(error)) from None


def platforms(settings: Settings) -> list[str]:
    """The platforms whose token is configured."""
    return [name for name, (_, setting) in PLATFORMS.items() if getattr(settings, setting)]
