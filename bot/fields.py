"""What a reader of a knowledge file's optional blocks needs from the file's loader.

The loader (``bot.knowledge.loader``) reads the roadmap and hands itself to the readers of the
optional blocks (review questions, vocabularies) as a :class:`FieldReader`. Describing it here,
apart from the loader, lets those readers check their blocks the way the loader checks the rest
(every problem with its file, line and field) without importing the loader that imports them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class FieldReader(Protocol):
    """Typed readers of a knowledge file's fields; each reports what is wrong and goes on."""

    #: The kinds of topic the file declares, with their words.
    kinds: dict[str, tuple[str, ...]]

    def problem(self, path: tuple[Any, ...], message: str) -> None:
        """Report a problem at ``path`` in the file."""

    def mapping(
        self, value: Any, path: tuple[Any, ...], keys: str | None = None
    ) -> Mapping[str, Any]:
        """``value`` as a mapping (``{}`` and a problem if it is not one)."""

    def text(
        self, data: Mapping[str, Any], key: str, path: tuple[Any, ...], *, required: bool = True
    ) -> str:
        """``data[key]`` as non-empty text (``""`` and a problem if it is not)."""

    def slug(self, data: Mapping[str, Any], key: str, path: tuple[Any, ...]) -> str:
        """``data[key]`` as a valid id (a problem if it is not)."""

    def texts(self, data: Mapping[str, Any], key: str, path: tuple[Any, ...]) -> tuple[str, ...]:
        """``data[key]`` as a list of non-empty texts (``()`` if absent)."""

    def words(self, data: Mapping[str, Any], key: str, path: tuple[Any, ...]) -> tuple[str, ...]:
        """``data[key]`` as a list of single words, normalized."""

    def listing(self, root: Mapping[str, Any], key: str, *, required: bool = True) -> list[Any]:
        """The top-level list ``root[key]`` (``[]`` and a problem if it is not one)."""
