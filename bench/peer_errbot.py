"""errbot's side of bench/bench_peer.py: run with the Python of a virtualenv where errbot is.

Starts errbot's TestBot (the test backend: messages in and out through in-process queues) with
one plugin whose command answers with one dictionary lookup, then times ``rounds`` commands from
push to reply. Prints [wall seconds, CPU seconds of the process] per command as JSON. Never
imported by the bot.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
import time
from pathlib import Path

PLUGIN = '''
from errbot import BotPlugin, botcmd

TOPICS = {"python": "Python: a readable language", "go": "Go: simple and fast", "java": "Java"}


class Lookup(BotPlugin):
    """One dictionary lookup per command."""

    @botcmd
    def lookup(self, msg, args):
        """Look a topic up."""
        return TOPICS.get(args.strip(), "unknown")
'''
PLUG = """[Core]
Name = Lookup
Module = lookup

[Documentation]
Description = one dictionary lookup

[Python]
Version = 3
"""


def main(rounds: int) -> None:
    from errbot.backends.test import TestBot

    with tempfile.TemporaryDirectory() as folder:
        plugins = Path(folder) / "lookup"
        plugins.mkdir()
        (plugins / "lookup.py").write_text(PLUGIN)
        (plugins / "lookup.plug").write_text(PLUG)
        bot = TestBot(extra_plugin_dir=str(plugins), loglevel=logging.ERROR)
        bot.start(timeout=30)
        try:
            for _ in range(200):  # warm up
                bot.push_message("!lookup python")
                bot.pop_message(timeout=30)
            samples = []
            for _ in range(rounds):
                start, cpu = time.perf_counter(), time.process_time()
                bot.push_message("!lookup python")
                reply = bot.pop_message(timeout=30)
                samples.append((time.perf_counter() - start, time.process_time() - cpu))
            assert reply.startswith("Python"), reply
        finally:
            bot.stop()
    json.dump(samples, sys.stdout)


if __name__ == "__main__":
    main(int(sys.argv[1]))
