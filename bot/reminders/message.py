"""The reminder message: the learner's next item, a resource, a project idea, progress, streak."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from bot.checklist import next_item, progress, streak, summary
from bot.messages import Button, ButtonStyle, Field, Link, Reply, ReplyKind
from bot.quizzes import ReviewQuestion, pick_question
from bot.reminders.schedule import local_date
from bot.timezones import zone_info

if TYPE_CHECKING:
    from bot.core import Core


async def due_question(core: Core, user_key: str, today: date) -> ReviewQuestion | None:
    """The question for the learner's longest overdue review topic (recorded as asked), if any."""
    for state in await core.storage.reviews.due(user_key, today):
        if state.topic_id in core.knowledge.reviews:
            question = pick_question(core.knowledge.reviews[state.topic_id], state, today)
            await core.storage.reviews.ask(user_key, question.id, core.clock.now())
            return question
    return None


async def build_reminder(
    core: Core,
    user_key: str,
    today: date | None = None,
    *,
    user_name: str = "",
    in_group: bool = False,
) -> Reply:
    """The reminder for ``user_key`` on local date ``today`` (default: today in their zone).

    In a group chat (``in_group``) the title names the user.
    """
    storage, knowledge = core.storage, core.knowledge
    user = await storage.get_user(user_key)
    if today is None:
        today = local_date(core.clock.now(), zone_info(user.timezone or "UTC"))
    done = await storage.done_items(user_key)
    days = streak(await storage.activity_dates(user_key), today)
    owner = user_key.split(":", 1)[1]
    title = f"Daily reminder for {user_name}" if in_group and user_name else "Your daily reminder"
    fields = (
        Field("Progress", summary(progress(knowledge, user.track, done)), inline=True),
        Field("Streak", f"{days} day{'s' if days != 1 else ''} in a row" if days else "—", True),
    )
    upcoming = next_item(knowledge, user.track, done)
    if upcoming is None:
        return Reply(
            title=title,
            blocks=(f"You have ticked every item of {knowledge.info.title}. Well done!",),
            fields=fields,
            kind=ReplyKind.REMINDER,
            owner=owner,
        )
    blocks = [f"Next up: {upcoming.title}", upcoming.summary]
    projects = knowledge.projects(upcoming)
    if projects:
        blocks.append(f"Project idea: {projects[0]}")
    review = await due_question(core, user_key, today)
    if review is not None:
        blocks += [f"Review: {review.question}", review.listing()]
    resources = knowledge.resources(upcoming)
    return Reply(
        title=title,
        blocks=tuple(blocks),
        fields=fields,
        links=tuple(Link(r.title, r.url) for r in resources[:1]),
        buttons=(
            Button("Mark done", "done", upcoming.id, ButtonStyle.SUCCESS),
            Button("Next", "next"),
            *(review.buttons() if review is not None else ()),
        ),
        footer="/remind off stops these reminders.",
        kind=ReplyKind.REMINDER,
        owner=owner,
    )
