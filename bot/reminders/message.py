"""The reminder message: the learner's next item, a resource, a project idea, progress, streak."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.cards import links
from bot.checklist import next_item, progress, streak, summary
from bot.clock import Clock
from bot.knowledge import Knowledge
from bot.limits import STREAK_WORTH_MENTIONING
from bot.messages import ChatKind, Field, Reply, ReplyKind
from bot.quizzes import ReviewQuestion, pick_question
from bot.reminder_model import Claim
from bot.reminder_schedule import local_date
from bot.reminders.buttons import snooze_buttons, step_buttons
from bot.storage.base import Storage
from bot.timezones import zone_info


@dataclass(frozen=True, slots=True)
class ReminderWriter:
    """Writes reminders from what the learner did (``storage``) and the roadmap (``knowledge``)."""

    storage: Storage
    knowledge: Knowledge
    clock: Clock

    async def for_claim(self, claim: Claim) -> Reply:
        """The reminder a claim is to deliver (naming the user in a group chat)."""
        reminder = claim.reminder
        return await self.write(
            reminder.user_key,
            claim.day,
            user_name=reminder.user_name,
            in_group=reminder.chat_kind is ChatKind.GROUP and reminder.chat_id is not None,
            snoozed=claim.snoozed,
            owner=reminder.user_id,
        )

    async def due_question(self, user_key: str, today: date) -> ReviewQuestion | None:
        """The question for the learner's longest overdue review topic (recorded as asked)."""
        for state in await self.storage.reviews.due(user_key, today):
            if state.topic_id in self.knowledge.reviews:
                question = pick_question(self.knowledge.reviews[state.topic_id], state, today)
                await self.storage.reviews.ask(user_key, question.id, self.clock.now())
                return question
        return None

    async def write(
        self,
        user_key: str,
        today: date | None = None,
        *,
        user_name: str = "",
        in_group: bool = False,
        snoozed: bool = False,
        owner: str | None = None,
    ) -> Reply:
        """The reminder for ``user_key`` on local date ``today`` (default: today in their zone).

        In a group chat (``in_group``) the title names the user. Its buttons tick or skip the
        step it names and snooze it (not once ``snoozed``: a reminder comes back once a day).
        The streak is shown only from :data:`STREAK_WORTH_MENTIONING` days on. ``user_key`` is
        the learner's key; ``owner`` the platform user id the reminder goes to, who alone may
        press its buttons (default: the learner key's own).
        """
        storage, knowledge = self.storage, self.knowledge
        user, done = await storage.checklist_state(user_key)
        if today is None:
            today = local_date(self.clock.now(), zone_info(user.timezone or "UTC"))
        days = streak(await storage.activity_dates(user_key), today)
        owner = owner or user_key.split(":", 1)[1]
        kind = "Snoozed reminder" if snoozed else "Daily reminder"
        title = f"{kind} for {user_name}" if in_group and user_name else f"Your {kind.lower()}"
        fields = [Field("Progress", summary(progress(knowledge, user.track, done)), inline=True)]
        if days >= STREAK_WORTH_MENTIONING:
            fields.append(Field("Streak", f"{days} days in a row", inline=True))
        review = await self.due_question(user_key, today)
        quiz = [f"Review: {review.question}", review.listing()] if review is not None else []
        quiz_buttons = review.buttons() if review is not None else ()
        upcoming = next_item(knowledge, user.track, done)
        if upcoming is None:
            return Reply(
                title=title,
                blocks=(f"You have ticked every item of {knowledge.info.title}. Well done!", *quiz),
                fields=tuple(fields),
                buttons=quiz_buttons,
                kind=ReplyKind.REMINDER,
                owner=owner,
            )
        blocks = [f"Next up: {upcoming.title}", upcoming.summary]
        projects = knowledge.projects(upcoming)
        if projects:
            blocks.append(f"Project idea: {projects[0]}")
        resources = knowledge.resources(upcoming)
        later = () if snoozed else snooze_buttons(today, await storage.snoozes.evening(user_key))
        return Reply(
            title=title,
            blocks=(*blocks, *quiz),
            fields=tuple(fields),
            links=links(resources[:1]),
            buttons=(*step_buttons(upcoming.id, today), *later, *quiz_buttons),
            footer="/remind off stops these reminders.",
            kind=ReplyKind.REMINDER,
            owner=owner,
        )
