"""One-time link codes: typeable, high-entropy, stored only as a hash.

A code is :data:`CODE_CHARS` characters from an alphabet without look-alikes (no 0/O, 1/I/L,
no U), shown as ``ABCD-EFGH``. Its first :data:`LOCATOR_CHARS` characters are the *locator*,
which finds the issued code; the rest is secret. The database keeps the locator and a SHA-256
hash of the whole code, never the code.

Guessing is bounded twice (:mod:`bot.storage.identities` enforces it): a code dies after
:data:`bot.limits.LINK_MAX_WRONG` tries of its locator with a wrong rest, and a person may fail
only that many tries in :data:`bot.limits.LINK_CODE_MINUTES` minutes, whichever code they try.
So one guess hits a live code with a chance of at most 1 in 30**5 (about 24 million), and each
code survives at most five guesses, from however many accounts.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

#: The code alphabet: digits and capitals that cannot be mistaken for one another.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_CHARS = 8
LOCATOR_CHARS = 3
#: Characters a person may type between a code's characters (``abcd-efgh``, ``ABCD EFGH``).
_SEPARATORS = str.maketrans("", "", " -_.\t")


@dataclass(frozen=True, slots=True)
class LinkCode:
    """A code in its canonical form (upper case, no separator)."""

    code: str

    @property
    def locator(self) -> str:
        """The part that finds the issued code (not secret)."""
        return self.code[:LOCATOR_CHARS]

    @property
    def digest(self) -> str:
        """What the database keeps: the hex SHA-256 of the whole code."""
        return hashlib.sha256(self.code.encode()).hexdigest()

    def shown(self) -> str:
        """The code as shown to a person: ``ABCD-EFGH``."""
        half = CODE_CHARS // 2
        return f"{self.code[:half]}-{self.code[half:]}"


def new_code() -> LinkCode:
    """A fresh random code (from the operating system's secure random source)."""
    return LinkCode("".join(secrets.choice(ALPHABET) for _ in range(CODE_CHARS)))


def parse_code(text: str) -> LinkCode | None:
    """The code a person typed, ignoring case, spaces and dashes; ``None`` if it is not one."""
    code = text.translate(_SEPARATORS)
    if not code.isascii():
        return None
    code = code.upper()
    if len(code) != CODE_CHARS or not all(char in ALPHABET for char in code):
        return None
    return LinkCode(code)


class LinkOutcome(enum.StrEnum):
    """What redeeming a link code did."""

    #: The two identities are one learner now.
    LINKED = "linked"
    #: No live code matches: mistyped, used, expired or ended by wrong tries.
    WRONG = "wrong"
    #: The right code, but its ten minutes are over (it is deleted now).
    EXPIRED = "expired"
    #: The code was issued by the identity redeeming it.
    OWN_CODE = "own code"
    #: The two identities already are one learner.
    ALREADY_LINKED = "already linked"
    #: The redeeming identity is linked to others: it must unlink first.
    LINKED_ELSEWHERE = "linked elsewhere"
    #: Too many failed tries lately: not even looked at.
    BLOCKED = "blocked"


@dataclass(frozen=True, slots=True)
class LinkResult:
    """The outcome of a redeem, with what the reply needs to say."""

    outcome: LinkOutcome
    #: The learner key the redeeming identity has afterwards.
    learner_key: str
    #: Failed tries left before a block (for WRONG and EXPIRED).
    tries_left: int = 0
    #: When a BLOCKED identity may try again.
    retry_at: datetime | None = None
    #: The issuer of a code this try ended (its last wrong try), to be told.
    ended_code_of: str | None = None


@dataclass(frozen=True, slots=True)
class Unlinked:
    """What :meth:`IdentityStore.unlink` did: the learner keys of both sides afterwards."""

    #: The learner key the identity that unlinked has now (its own user key).
    own_key: str
    #: The learner key of the identities it left.
    others_key: str
    #: Whether the daily reminder stayed with the others (it goes where it is delivered).
    reminder_with_others: bool
