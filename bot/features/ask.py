"""Free-text questions: /ask, and any plain message in a private chat.

An answer starts with a direct answer in a few sentences drawn from the knowledge file, then a
short card, then the next steps as buttons. Unsure between readings, it asks back with them as
buttons; technology the roadmap does not cover is said plainly. Follow-ups ("and Flask?",
"resources for it") refer to the same person's last answer in that chat.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot import observability
from bot.cards import (
    bullets,
    comparison_buttons,
    comparison_reply,
    example_question,
    first_sentence,
    links,
    not_covered_reply,
    overview_reply,
    section_project_ideas,
    section_projects_reply,
    section_reply,
    section_resources_reply,
    side_by_side_reply,
    summary_sentences,
    topic_projects_reply,
    topic_resources_reply,
)
from bot.commands import Command, Context, Option, OptionKind
from bot.knowledge import Knowledge, Topic
from bot.limits import SUGGESTIONS
from bot.messages import Button, ButtonStyle, Field, Reply, ReplyKind
from bot.understanding import Intent, Outcome, Understanding

#: Use cases and benefits quoted in a short topic card.
CARD_ITEMS = 3
#: Resources a short card links.
CARD_LINKS = 2
#: Reasons quoted per topic in a use-case answer.
REASONS_SHOWN = 2
#: The command a choice asked back runs, by what the question asked for (else the topic card).
ASKED_COMMANDS = {Intent.RESOURCES: "resources", Intent.PROJECTS: "projects"}


async def ask(ctx: Context) -> Reply:
    """Answer a question in plain words."""
    if not ctx.args:
        return Reply(
            title="Ask me anything about the roadmap",
            blocks=(f"For example: /ask {example_question(ctx.knowledge)}",),
            buttons=(Button("Roadmap", "roadmap"), Button("Languages", "lang")),
        )
    understanding = ctx.questions.understand(ctx.args, ctx.conversations.previous(ctx.request))
    ctx.conversations.remember(ctx.request, understanding)
    observability.metrics.question(
        understanding.intent.value,
        confident=understanding.confident,
        unanswered=understanding.outcome in (Outcome.REFUSED, Outcome.NOT_COVERED),
    )
    await ctx.unanswered.record(understanding, ctx.request.platform)
    return answer_reply(ctx.knowledge, understanding)


def answer_reply(knowledge: Knowledge, understanding: Understanding) -> Reply:
    """Turn what a question was understood to ask into a reply."""
    outcome = understanding.outcome
    if outcome is Outcome.SMALL_TALK:
        return _small_talk_reply(knowledge, understanding)
    if outcome is Outcome.NOT_COVERED:
        return _not_covered_reply(knowledge, understanding)
    if outcome is Outcome.ASKED_BACK:
        return _ask_back_reply(knowledge, understanding)
    if outcome is Outcome.REFUSED:
        return _refusal_reply(knowledge, understanding)
    topics = [knowledge.topics[i] for i in understanding.topic_ids]
    intent = understanding.intent
    if intent is Intent.OVERVIEW:
        return overview_reply(knowledge)
    section = knowledge.section(understanding.section_id or "")
    if section is not None:
        if intent is Intent.PROJECTS:
            return section_projects_reply(knowledge, section)
        if intent is Intent.RESOURCES:
            return section_resources_reply(knowledge, section)
        return section_reply(knowledge, section)
    if intent is Intent.COMPARE:
        comparison = knowledge.comparison(understanding.topic_ids)
        return (
            comparison_reply(knowledge, comparison)
            if comparison
            else side_by_side_reply(knowledge, topics)
        )
    if intent is Intent.USE_CASE:
        return _use_case_reply(knowledge, understanding, topics)
    if intent is Intent.RESOURCES:
        return topic_resources_reply(knowledge, topics[0])
    if intent is Intent.PROJECTS:
        if not topics:
            ideas = [p for s in knowledge.sections for p in section_project_ideas(knowledge, s)]
            return Reply(title="Project ideas", blocks=(bullets(ideas[:15]),))
        return topic_projects_reply(knowledge, topics[0])
    return _topic_answer(knowledge, topics[0], understanding.reasons.get(topics[0].id, ()))


def _topic_answer(knowledge: Knowledge, topic: Topic, reasons: Sequence[str]) -> Reply:
    """A direct answer from the topic's summary (and what speaks to the question), a short card."""
    direct = summary_sentences(topic)
    if reasons:
        direct += " On your question: " + "; ".join(_lower_first(r) for r in reasons[:2]) + "."
    fields = []
    if topic.use_cases:
        fields.append(Field("Good for", "; ".join(topic.use_cases[:CARD_ITEMS])))
    strengths = [b for b in topic.benefits if b not in reasons][:CARD_ITEMS]
    if strengths:
        fields.append(Field("Strengths", "; ".join(strengths)))
    step = knowledge.section(topic.section_id)
    if step is not None:
        fields.append(Field("Roadmap step", step.title, inline=True))
    buttons = [
        Button(f"All about {topic.title}", "topic", topic.id, ButtonStyle.PRIMARY),
        Button("Resources", "resources", topic.id),
        Button("Project ideas", "projects", topic.id),
    ]
    buttons.extend(comparison_buttons(knowledge, topic))
    return Reply(
        title=topic.title,
        blocks=(direct,),
        fields=tuple(fields),
        links=links(knowledge.resources(topic)[:CARD_LINKS]),
        buttons=tuple(buttons),
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _use_case_reply(
    knowledge: Knowledge, understanding: Understanding, topics: Sequence[Topic]
) -> Reply:
    """The pick and why (the use case it matched), the runner-up when close, the others."""
    best = topics[0]
    reasons = understanding.reasons
    parent = knowledge.topic(understanding.parent_id or "")
    why = reasons.get(best.id, ())
    quoted = f" (“{why[0]}”)" if why else ""
    if parent is not None:
        title = f"For {parent.title}: " + ", ".join(topic.title for topic in topics)
        lead = (
            f"The roadmap lists {', '.join(t.title for t in topics)} for {parent.title}. "
            f"For your question, start with {best.title}{quoted}."
        )
    else:
        title = f"Try {best.title}"
        lead = f"{best.title} fits best: the roadmap lists it for what you describe{quoted}."
    if len(topics) > 1 and understanding.close_call:
        second = topics[1]
        second_why = reasons.get(second.id, ())
        lead += f" {second.title} comes close" + (f" (“{second_why[0]}”)." if second_why else ".")
    fields = [
        Field(topic.title, bullets(reasons.get(topic.id, ())[:REASONS_SHOWN]))
        for topic in topics[:SUGGESTIONS]
        if reasons.get(topic.id)
    ]
    buttons = [Button(topic.title, "topic", topic.id) for topic in topics[:SUGGESTIONS]]
    if len(topics) > 1:
        buttons.append(Button("Compare them", "compare", f"{topics[0].id} vs {topics[1].id}"))
    return Reply(
        title=title,
        blocks=(lead,),
        fields=tuple(fields),
        links=links(knowledge.resources(best)[:CARD_LINKS]),
        buttons=tuple(buttons),
    )


def _small_talk_reply(knowledge: Knowledge, understanding: Understanding) -> Reply:
    canned = understanding.canned
    return Reply(
        title=canned.reply if canned else "Hi!",
        blocks=(
            f"I answer questions about the {knowledge.info.title}: ask me in plain words, "
            f"like “{example_question(knowledge)}”, or send /help to see every command.",
        ),
        buttons=(
            Button("Help", "help", style=ButtonStyle.PRIMARY),
            Button("Roadmap", "roadmap"),
            Button("Languages", "lang"),
        ),
    )


def _not_covered_reply(knowledge: Knowledge, understanding: Understanding) -> Reply:
    return not_covered_reply(
        knowledge,
        understanding.not_covered,
        [knowledge.topics[i] for i in understanding.topic_ids],
    )


def _ask_back_reply(knowledge: Knowledge, understanding: Understanding) -> Reply:
    choices = [knowledge.topics[i] for i in understanding.topic_ids[:SUGGESTIONS]]
    reasons = understanding.reasons
    # a choice answers what was asked: "resources for it" gets each choice's resources
    command = ASKED_COMMANDS.get(understanding.intent, "topic")
    one = len(choices) == 1
    if understanding.intent is Intent.USE_CASE:
        lead = (
            "Is this what you need? " if one else "Which of these is closer to what you need? "
        ) + "; ".join(
            f"{t.title}" + (f" (“{reasons[t.id][0]}”)" if reasons.get(t.id) else "")
            for t in choices
        )
    else:
        lead = (
            "I'm not sure what you mean. Did you mean"
            + (" " if one else ": ")
            + ", ".join(f"{t.title} ({first_sentence(t.summary, t.title, 60)})" for t in choices)
            + "?"
        )
    return Reply(
        title="Is this what you mean?" if one else "Do you mean one of these?",
        blocks=(lead,),
        buttons=tuple(Button(t.title, command, t.id) for t in choices),
        kind=ReplyKind.NOT_FOUND,
    )


def _refusal_reply(knowledge: Knowledge, understanding: Understanding) -> Reply:
    blocks = [
        understanding.canned.reply
        if understanding.canned
        else f"I can only answer questions about the {knowledge.info.title}, "
        "and I don't think that was one.",
        f"Try asking about one of its topics or steps, like “{example_question(knowledge)}”, "
        "or pick one of these:",
    ]
    return Reply(
        title="I only know the roadmap",
        blocks=tuple(blocks),
        buttons=(
            Button("Roadmap", "roadmap"),
            Button("Languages", "lang"),
            Button("Project ideas", "projects"),
        ),
        kind=ReplyKind.NOT_FOUND,
    )


COMMANDS: list[Command] = [
    Command(
        "ask",
        "Ask a question in plain words",
        ask,
        "/ask <question>",
        (Option("question", "Your question", OptionKind.TEXT, required=True),),
    ),
]
