"""Compiled knowledge cached by the file's hash: a large roadmap loads in a fraction of its parse.

A file is parsed and validated once; the :class:`~bot.knowledge.model.Knowledge` built from it
is then kept (pickled) in the cache folder under the SHA-256 of the file's bytes and of the code
that builds it (every module of the bot, and the releases of the libraries whose output it
keeps), so an edited file or an upgraded bot never reads a stale entry. The indexes other
modules derive from the knowledge (the answerer's, :func:`derived`) are kept in the same entry
once built, so a later start reads them rather than building them again. The learned models
beside the file (:func:`bot.learned.load_companion`) are kept the same way, under their own
file's bytes. Only files of at least :data:`MIN_BYTES` are cached (the bundled roadmap
unpickles ten times faster than it parses; a small file parses in a few milliseconds), at most
:data:`MAX_ENTRIES` of each kind (the least recently used go first). The folder is
``$XDG_CACHE_HOME/roadmap-bot`` (``~/.cache/roadmap-bot``); one that cannot be written means no
cache, never a failure. Entries are pickles, so only files this user alone can write are read.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

import Stemmer
import yaml

from bot.knowledge.model import Knowledge

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Smallest file worth caching (the bundled roadmap, about 160 KB, parses in some 45 ms).
MIN_BYTES = 64 * 1024
#: Cached files kept at most.
MAX_ENTRIES = 8
#: The bot's package: all of its code may shape a compiled knowledge object and what is derived.
_PACKAGE = Path(__file__).resolve().parents[1]
#: The libraries whose output is kept in an entry (word stems in the use-case index, parsed
#: YAML), by release: another may stem or parse otherwise.
_LIBRARIES = f"PyStemmer {Stemmer.version()}, PyYAML {yaml.__version__}".encode()
#: Each knowledge object read from or written to the cache, and its entry.
_entries: WeakKeyDictionary[Knowledge, Path] = WeakKeyDictionary()


def folder() -> Path:
    """Where compiled knowledge is kept."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "roadmap-bot"


@cache
def _code_digest() -> bytes:
    """A digest of the bot's code, of the libraries whose output is kept, and of the Python."""
    digest = hashlib.sha256(sys.version.encode() + b"\0" + _LIBRARIES)
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.digest()


def _entry(raw: bytes, kind: type) -> Path:
    """The entry of what is compiled from a file with these bytes: ``<kind>-<SHA-256>.pickle``."""
    name = kind.__name__.lower()
    key = hashlib.sha256(_code_digest() + name.encode() + b"\0" + raw).hexdigest()
    return folder() / f"{name}-{key}.pickle"


def cached(raw: bytes, kind: type[T]) -> T | None:
    """What was compiled from a file with these bytes (a ``kind``: knowledge, models), if cached."""
    if len(raw) < MIN_BYTES:
        return None
    path = _entry(raw, kind)
    try:
        if not (_private(path.parent) and _private(path)):
            log.warning("ignoring a cached entry others can write: %s", path)
            return None
        with path.open("rb") as file, collector_paused():
            value = pickle.load(file)  # noqa: S301 (written by this user alone, see above)
        path.touch()  # recently used
    except OSError:  # none cached, or no cache folder to read
        return None
    except Exception as error:  # damaged, or not what this code wrote: parse the file instead
        log.warning("ignoring cached entry %s: %s", path.name, type(error).__name__)
        return None
    if not isinstance(value, kind):
        return None
    if isinstance(value, Knowledge):
        _entries[value] = path
    return value


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused (then restored as it was).

    Every object made while a file is read stays alive, so each collection in between would
    only scan them all again: at 100 times the bundled file, that is most of the load time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _private(path: Path) -> bool:
    """Whether ``path`` belongs to this user and no one else may write to it."""
    status = path.stat()
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def keep(raw: bytes, value: object) -> None:
    """Keep what was compiled from a file with these bytes (if the file is large enough)."""
    if len(raw) < MIN_BYTES:
        return
    if isinstance(value, Knowledge):
        value.build_indexes()  # kept with it: at 100 times the roadmap, a second or so
    _write(_entry(raw, type(value)), value)


def derived(knowledge: Knowledge, name: str, build: Callable[[], Any]) -> Any:
    """What ``build`` derives from ``knowledge`` (named ``name``): built once, then kept with it.

    Kept in memory with the knowledge object, and, when it is a compiled one, in its cache
    entry too (written again with it), so a later start reads it rather than building it. What
    is built must pickle (plain data: a helper that does not, such as a stemmer, is left out by
    its class's ``__getstate__`` and made again by ``__setstate__``), and must not change after.
    """
    if name not in knowledge.derived:
        knowledge.derived[name] = build()
        path = _entries.get(knowledge)
        if path is not None:
            _write(path, knowledge)
    return knowledge.derived[name]


def _write(path: Path, value: object) -> None:
    """Write (or write again) a cache entry; remember which entry a knowledge object has."""
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    kind = path.name.partition("-")[0]
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with temporary.open("wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.chmod(0o600)
        temporary.replace(path)
        if isinstance(value, Knowledge):
            _entries[value] = path
        entries = sorted(path.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-MAX_ENTRIES]:
            old.unlink(missing_ok=True)
    except OSError as error:
        log.info("compiled %s not cached (%s): %s", kind, path.parent, error.strerror or error)
    except (pickle.PicklingError, TypeError, AttributeError) as error:  # a helper left in
        log.warning("compiled %s not cached: %s", kind, error)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
