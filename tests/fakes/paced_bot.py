"""``roadmap-bot run`` with Telegram reminders paced at another rate (tests only).

``python -m tests.fakes.paced_bot RATE``: the real bot process, configured by the environment
as ``roadmap-bot run`` is, except that its Telegram outbox sends at most RATE messages per
second instead of Telegram's (:data:`adapters.telegram.app.OVERALL_RATE`). The multi-process
test delivers thousands of reminders; at Telegram's own pace that alone would take minutes.
"""

from __future__ import annotations

import sys

from adapters.telegram.app import TelegramOutbox
from bot.cli import main

if __name__ == "__main__":
    TelegramOutbox.overall_rate = float(sys.argv[1])
    raise SystemExit(main(["run"]))
