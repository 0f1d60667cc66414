"""Cleaning and normalising text that users type."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_CONTROL = re.compile(
    r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
    r"\ud800-\udfff]"  # lone surrogates (undecodable bytes) cannot be sent anywhere
)
_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w+#]+")
#: What ``_NOT_WORD`` (and "_") turn into spaces, as a table for ASCII text.
_ASCII_NOT_WORD = {
    code: " " for code in range(128) if not (chr(code).isalnum() or chr(code) in "+#")
}


def clean(text: str) -> str:
    """Drop control and direction-override characters and lone surrogates; fold white space."""
    return _SPACE.sub(" ", _CONTROL.sub("", unicodedata.normalize("NFC", text))).strip()


def normalize(text: str) -> str:
    """Lower-case, accent-folded, punctuation-free form used for matching names."""
    folded = text.casefold()
    if folded.isascii():  # most text: one table lookup per character instead of two regexes
        return " ".join(folded.translate(_ASCII_NOT_WORD).split())
    folded = unicodedata.normalize("NFKD", folded)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _SPACE.sub(" ", _NOT_WORD.sub(" ", folded.replace("_", " "))).strip()


def normalize_parts(text: str, separator: str) -> list[str]:
    """:func:`normalize` of each part of ``text`` between ``separator`` (a punctuation mark).

    Most text, ASCII, is folded once, not part by part.
    """
    folded = text.casefold()
    if not folded.isascii():
        return [normalize(part) for part in text.split(separator)]
    table = _keeping(separator)
    return [" ".join(part.split()) for part in folded.translate(table).split(separator)]


@cache
def _keeping(separator: str) -> dict[int, str]:
    """What ``_ASCII_NOT_WORD`` turns into spaces, but ``separator``."""
    return {code: " " for code in _ASCII_NOT_WORD if chr(code) != separator}


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters, ending with an ellipsis if cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"
