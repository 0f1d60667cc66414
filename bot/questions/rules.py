"""The rules: a message's reading run through ordered stages until one decides.

The stages come in groups, a module each, run in this order: set aside
(:mod:`~bot.questions.aside`), the path and needs told around names
(:mod:`~bot.questions.path`), kinds, technology not covered and comparisons
(:mod:`~bot.questions.kinds`), a named topic (:mod:`~bot.questions.named`), and no topic
named (:mod:`~bot.questions.unnamed`). What a stage finds on the way
(:mod:`~bot.questions.findings`) later ones read too.
"""

from __future__ import annotations

from dataclasses import replace

from bot.questions.aside import AsideStages
from bot.questions.kinds import KindStages
from bot.questions.named import NamedStages
from bot.questions.path import PathStages
from bot.questions.reading import Reading
from bot.questions.shared import Shared
from bot.questions.unnamed import UnnamedStages
from bot.understanding import Understanding


class Rules:
    """The rule stages, in groups, and the order they decide in (:meth:`decide`)."""

    def __init__(self, shared: Shared) -> None:
        """The stage groups, each reading with ``shared``'s indexes and helpers."""
        self.aside = AsideStages(shared)
        self.path = PathStages(shared)
        self.kinds = KindStages(shared)
        self.named = NamedStages(shared)
        self.unnamed = UnnamedStages(shared)

    def decide(self, read: Reading, talk: bool = True) -> Understanding:
        """What the rules decide the message asks, stage by stage: the first that decides.

        Small talk (unless ``talk`` is false) and other subjects are set aside first; then the
        path and needs told around names are weighed, then comparisons, material and projects
        for the names, and last what a message naming no topic asks of the roadmap.
        """
        decided = self.aside.small_talk_or_everyday(read, talk) or self.aside.outside_roadmap(read)
        if decided is not None:
            return decided
        asked = self.path.what_is_asked(read)
        decided = (
            self.path.where_to_start(read, asked)
            or self.path.need_beside_names(read, asked)
            or self.path.others_of_the_kind(read, asked)
            or self.path.what_comes_next(read, asked)
        )
        if decided is not None:
            return decided
        projects = self.kinds.projects_asked(read)
        decided = (
            self.kinds.within_the_kind(read, asked, projects)
            or self.kinds.asked_if_in_the_roadmap(read)
            or self.kinds.need_around_technology(read)
            or self.kinds.not_covered_asked(read, asked)
        )
        if decided is not None:
            return decided
        asked = replace(asked, compare=asked.compare or self.kinds.set_side_by_side(read))
        decided = self.kinds.comparison(read, asked) or self.kinds.need_of_another_kind(
            read, asked, projects
        )
        if decided is not None:
            return decided
        requested = self.named.requested(read, asked, projects)
        decided = (
            self.unnamed.field_asked(read, requested)
            or self.unnamed.step_with_its_examples(read, requested)
            or self.named.need_beside_topic(read, asked, requested)
            or self.named.projects_for_name(read, requested, projects)
            or self.named.topic(read, requested)
        )
        if decided is not None:
            return decided
        step = self.unnamed.step_asked(read, asked, requested)
        return (
            self.unnamed.overview(read, asked, step)
            or self.unnamed.need_asked(read, requested, step)
            or self.unnamed.need_with_no_name(read, asked, projects, step)
            or self.unnamed.kind_choices(read, requested, step)
            or self.unnamed.owned_step(read, step)
            or self.unnamed.step(read, requested, step)
            or self.unnamed.last_resort(read, asked, requested, step)
        )
