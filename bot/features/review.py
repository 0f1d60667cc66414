"""Spaced review with quizzes: /quiz [topic] asks a question, its option buttons run /answer.

Which topic /quiz picks without a name: the one longest overdue for review, else the learner's
reviewed topic on their track that falls due soonest, else their next step, else any topic of
their track that has questions. Within a topic the questions take turns. An answer counts once
(a second press of a button only explains again) and moves the topic's review
(:mod:`bot.spaced`); every counted answer makes the day count for the streak.
"""

from __future__ import annotations

from datetime import date

from bot import checklist
from bot.commands import Command, Context, Option, OptionKind
from bot.features.knowledge import not_found
from bot.features.personal import PROGRESS, local_today
from bot.knowledge import Knowledge, Topic
from bot.messages import Button, ButtonStyle, Reply, ReplyKind, private_reply
from bot.quizzes import ReviewQuestion, pick_question

ANOTHER = Button("Another question", "quiz", style=ButtonStyle.PRIMARY)


def when(due: date, today: date) -> str:
    """``"tomorrow"``, ``"in 3 days (Thu 5 Mar)"``, or ``"now"`` for a date already due."""
    days = (due - today).days
    if days <= 0:
        return "now"
    if days == 1:
        return "tomorrow"
    return f"in {days} days ({due:%a} {due.day} {due:%b})"


def question_reply(question: ReviewQuestion, topic: Topic, note: str = "") -> Reply:
    """A question with its options as buttons."""
    return private_reply(
        f"Quiz: {topic.title}",
        question.question,
        question.listing(),
        note,
        buttons=question.buttons(),
    )


async def _pick_topic(ctx: Context, track: str | None, today: date) -> tuple[str, str]:
    """The topic to quiz on without a name, and a note on why (the roadmap has questions)."""
    knowledge, storage, key = ctx.knowledge, ctx.storage, ctx.learner
    for state in await storage.reviews.due(key, today):
        if state.topic_id in knowledge.reviews:
            return state.topic_id, "Due for review today."
    plan = checklist.layout(knowledge, track)
    for state in await storage.reviews.states(key):
        if state.topic_id in knowledge.reviews and state.topic_id in plan.ids:
            return state.topic_id, f"Nothing is due; this topic is due {when(state.due, today)}."
    upcoming = checklist.next_item(knowledge, track, await storage.done_items(key))
    if upcoming is not None and upcoming.id in knowledge.reviews:
        return upcoming.id, "A look ahead at your next step."
    on_track = [topic.id for topic in plan.items if topic.id in knowledge.reviews]
    if on_track:
        return on_track[today.toordinal() % len(on_track)], ""
    return next(iter(knowledge.reviews)), ""


async def quiz(ctx: Context) -> Reply:
    """Ask one review question: about the named topic, or what is due."""
    knowledge, storage, key = ctx.knowledge, ctx.storage, ctx.learner
    if not knowledge.reviews:
        return private_reply(
            "No quiz questions yet", "This roadmap has no review questions.", buttons=(PROGRESS,)
        )
    user = await storage.get_user(key)
    today = local_today(ctx, user.timezone)
    note = ""
    if ctx.args:
        topic_id = ctx.args if ctx.args in knowledge.topics else None
        if topic_id is None:
            resolution = knowledge.topic_names.resolve(ctx.args, strict=True)
            if resolution.match is None:
                return not_found(
                    "topic", ctx.args, resolution.suggestions, "quiz", knowledge, private=True
                )
            topic_id = resolution.match.id
        if topic_id not in knowledge.reviews:
            return private_reply(
                f"No questions about {knowledge.topics[topic_id].title} yet",
                "Send /quiz on its own for a question on what you are learning.",
                buttons=(ANOTHER,),
                kind=ReplyKind.NOT_FOUND,
            )
    else:
        topic_id, note = await _pick_topic(ctx, user.track, today)
    state = await storage.reviews.get(key, topic_id)
    question = pick_question(knowledge.reviews[topic_id], state, today)
    await storage.reviews.ask(key, question.id, ctx.clock.now())
    return question_reply(question, knowledge.topics[topic_id], note)


def parse_answer(knowledge: Knowledge, args: str) -> tuple[ReviewQuestion, int] | None:
    """The question and option index an ``/answer`` names, or ``None`` if it names none."""
    question_id, _, picked = args.partition(" ")
    question = knowledge.questions.get(question_id)
    if question is None or not (picked.isascii() and picked.isdigit()):
        return None
    index = int(picked)
    return (question, index) if index < len(question.options) else None


async def answer(ctx: Context) -> Reply:
    """Check an answer (``<question id> <option index>``, sent by an option's button)."""
    knowledge, storage, key = ctx.knowledge, ctx.storage, ctx.learner
    parsed = parse_answer(knowledge, ctx.args)
    if parsed is None:
        return private_reply(
            "That question is gone",
            "The roadmap's questions have changed since. Send /quiz for a new one.",
            buttons=(ANOTHER,),
            kind=ReplyKind.NOT_FOUND,
            updates_pressed=True,
        )
    question, index = parsed
    right = index == question.answer
    user = await storage.get_user(key)
    today = local_today(ctx, user.timezone)
    result = await storage.reviews.answer(key, question.id, question.topic_id, right, today)
    topic = knowledge.topics[question.topic_id]
    explained = [f"You picked {question.explain(index)}"]
    if not right:
        explained.append(f"The right answer is {question.explain(question.answer)}")
    if not result.counted:
        return private_reply(
            "You already answered this one",
            *explained,
            "It counted the first time. Here is another question.",
            buttons=(ANOTHER, PROGRESS),
            updates_pressed=True,
        )
    if result.state is None:
        schedule = f"Tick {topic.title} when you have learned it to add it to your reviews."
    else:
        schedule = f"Next review of {topic.title}: {when(result.state.due, today)}."
    return private_reply(
        "Right!" if right else "Not quite",
        question.question,
        *explained,
        schedule,
        buttons=(ANOTHER, PROGRESS),
        updates_pressed=True,
    )


COMMANDS = [
    Command(
        "quiz",
        "A review question on what you learned",
        quiz,
        "/quiz [topic]",
        (Option("topic", "A topic (default: what is due for review)", OptionKind.TOPIC),),
        learner=True,
    ),
    Command(
        "answer",
        "Answer a quiz question",
        answer,
        "/answer <question> <option>",
        listed=False,
        learner=True,
    ),
]
