"""A learner's checklist: pure logic over the knowledge file and a set of ticked item ids.

No I/O here. The checklist is never stored: it is rebuilt from the knowledge file and the
user's track on every use, and ticked ids that are no longer in the file are simply not shown.
Public for other features (the reminder engine uses :func:`next_item`, :func:`streak` and
:func:`summary`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from bot.knowledge import Knowledge, Section, Topic

#: Characters of the progress bar (fixed width; the glyphs are single-width on phones).
BAR_WIDTH = 10
BAR_FULL = "▓"
BAR_EMPTY = "░"


@dataclass(frozen=True, slots=True)
class SectionProgress:
    """One section of a checklist: its items and how many of them are ticked."""

    section: Section
    items: tuple[Topic, ...]
    done_count: int

    @property
    def percent(self) -> int:
        """Whole percent ticked, rounded down (100 only when everything is ticked)."""
        return percent(self.done_count, len(self.items))


@dataclass(frozen=True, slots=True)
class Progress:
    """A whole checklist in learning order and how much of it is ticked.

    The per-section breakdown is worked out only when asked for (most replies show one line).
    """

    plan: Layout
    ticked: frozenset[str]
    done_count: int

    @property
    def track(self) -> Topic | None:
        """The track the checklist follows (``None``: the whole roadmap)."""
        return self.plan.track

    @property
    def total(self) -> int:
        """How many items the checklist has."""
        return len(self.plan.items)

    @property
    def sections(self) -> tuple[SectionProgress, ...]:
        """The checklist section by section, in learning order."""
        return tuple(
            SectionProgress(section, members, len(ids & self.ticked))
            for section, members, ids in self.plan.sections
        )

    @property
    def percent(self) -> int:
        """Whole percent of the checklist ticked, rounded down."""
        return percent(self.done_count, self.total)


@dataclass(frozen=True, slots=True)
class Layout:
    """A track's checklist, worked out once: items in order, grouped by section, and their ids."""

    track: Topic | None
    items: tuple[Topic, ...]
    sections: tuple[tuple[Section, tuple[Topic, ...], frozenset[str]], ...]
    ids: frozenset[str]


@lru_cache(maxsize=256)
def layout(knowledge: Knowledge, track: str | None) -> Layout:
    """The checklist for ``track``: shared sections plus the language and its frameworks.

    An unknown track (for example one removed from the knowledge file) gives the whole roadmap.
    Cached per knowledge object and track.
    """
    topic = knowledge.topic(track) if track else None
    if topic is not None and topic.id not in {language.id for language in knowledge.languages}:
        topic = None
    ordered = tuple(knowledge.checklist(topic.id if topic else None))
    by_section: dict[str, list[Topic]] = {}
    for item in ordered:
        by_section.setdefault(item.section_id, []).append(item)
    sections = tuple(
        (section, tuple(members), frozenset(item.id for item in members))
        for section in knowledge.sections
        if (members := by_section.get(section.id))
    )
    return Layout(topic, ordered, sections, frozenset(item.id for item in ordered))


def track_topic(knowledge: Knowledge, track: str | None) -> Topic | None:
    """The track's language topic, or ``None`` for no track or one no longer in the file."""
    return layout(knowledge, track).track


def items(knowledge: Knowledge, track: str | None) -> list[Topic]:
    """The checklist items for ``track`` in learning order (see :func:`layout`)."""
    return list(layout(knowledge, track).items)


def progress(knowledge: Knowledge, track: str | None, done: Collection[str]) -> Progress:
    """Group the checklist by section and count what is ticked (unknown ids are ignored)."""
    plan = layout(knowledge, track)
    ticked = done if isinstance(done, frozenset) else frozenset(done)  # sections are lazy
    return Progress(plan, ticked, len(plan.ids & ticked))


def next_item(knowledge: Knowledge, track: str | None, done: Collection[str]) -> Topic | None:
    """The first unticked item in learning order, or ``None`` when everything is ticked."""
    return next((topic for topic in layout(knowledge, track).items if topic.id not in done), None)


def unticked(
    knowledge: Knowledge, track: str | None, done: Collection[str], limit: int
) -> list[Topic]:
    """The next ``limit`` unticked items in learning order."""
    return [topic for topic in layout(knowledge, track).items if topic.id not in done][:limit]


def percent(done: int, total: int) -> int:
    """``done`` out of ``total`` as whole percent, rounded down; 0 for an empty total."""
    return done * 100 // total if total > 0 else 0


def progress_bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """A fixed-width text bar with the percentage, e.g. ``"▓▓▓▓░░░░░░ 40%"``."""
    filled = done * width // total if total > 0 else 0
    return f"{BAR_FULL * filled}{BAR_EMPTY * (width - filled)} {percent(done, total)}%"


def summary(progress: Progress) -> str:
    """One line about overall progress, e.g. ``"▓▓▓▓░░░░░░ 40% (12 of 30 items)"``."""
    bar = progress_bar(progress.done_count, progress.total)
    return f"{bar} ({progress.done_count} of {progress.total} items)"


def streak(dates: Iterable[date], today: date) -> int:
    """Days in a row with something ticked, ending today or (if nothing yet today) yesterday."""
    days = set(dates)
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def longest_streak(dates: Iterable[date]) -> int:
    """The most days in a row with activity, ever."""
    days = sorted(set(dates))
    best = run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best
