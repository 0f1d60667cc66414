"""Commands that look things up in the knowledge base.

/start, /help, /roadmap, /lang, /topic, /compare, /resources and /projects. Free-text questions
(/ask and plain messages) are in :mod:`bot.features.ask`; the cards both show are in
:mod:`bot.cards`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.cards import (
    bullets,
    choose_from,
    comparison_reply,
    comparison_title,
    entry_title,
    everything_reply,
    example_comparison,
    example_question,
    first_sentence,
    not_covered_reply,
    not_found,
    overview_reply,
    resolve,
    section_project_ideas,
    section_projects_reply,
    section_reply,
    section_resources_reply,
    side_by_side_reply,
    topic_projects_reply,
    topic_reply,
    topic_resources_reply,
)
from bot.commands import Command, Context, Option, OptionKind, learner_key_for
from bot.knowledge import Knowledge, Section, Topic
from bot.limits import QUOTE_CHARS, SUGGESTIONS
from bot.matching import Match, NameIndex
from bot.messages import Button, ButtonStyle, Field, Link, Reply, ReplyKind
from bot.startlinks import names_known, parse_start_payload
from bot.text import shorten

#: Longest summary sentence in the /start welcome.
START_CHARS = 300
#: Most topics /compare puts side by side.
MAX_COMPARED = 3
#: What stands between compared names; captured, so a name containing one ("CI/CD") is rejoined.
_COMPARE_SEPARATORS = re.compile(
    r"(\s*(?:,|;|/|\bvs\.?\b|\bversus\b|\bor\b|\band\b|\bagainst\b|\bcompared (?:to|with)\b)\s*)",
    re.IGNORECASE,
)


# -- commands ---------------------------------------------------------------------------------


async def start(ctx: Context) -> Reply:
    """Welcome a new user; a start link (``/start track_python``) also runs what it asks for.

    A payload that is no start link, or names something the roadmap does not have, just
    welcomes.
    """
    link = parse_start_payload(ctx.args) if ctx.args else None
    if link is None or not names_known(link, ctx.knowledge):
        return _welcome(ctx)
    command = ctx.commands.by_name[link.command]
    request = replace(ctx.request, command=link.command, args=link.args)
    learner_key = await learner_key_for(command, request, ctx.storage)
    reply = await command.handler(
        replace(ctx, request=request, args=link.args, learner_key=learner_key)
    )
    welcome = f"Welcome to the {ctx.knowledge.info.title}! Send /start for a tour of what I do."
    return replace(reply, blocks=(welcome, *reply.blocks))


def _welcome(ctx: Context) -> Reply:
    """The welcome and quick tour."""
    knowledge = ctx.knowledge
    info = knowledge.info
    source = (Link(info.source_title or info.title, info.source_url),) if info.source_url else ()
    credit = " by ".join(part for part in (info.source_title, info.source_author) if part)
    return Reply(
        title=f"Welcome to the {knowledge.info.title}!",
        blocks=(
            first_sentence(knowledge.info.summary, limit=START_CHARS),
            "Ask me anything about it in plain words, explore it step by step, and keep your own "
            "checklist with a daily reminder.",
            bullets(
                [
                    "/roadmap: the steps in order",
                    "/lang: the languages, and /lang <name> for one",
                    "/compare <a> vs <b>: which to pick",
                    "/track <language>: start your checklist",
                    "/help: every command",
                ]
            ),
        ),
        links=source,
        footer=f"Based on {credit}" if credit else "",
        buttons=(
            Button("Roadmap", "roadmap", style=ButtonStyle.PRIMARY),
            Button("Languages", "lang"),
            Button("Help", "help"),
        ),
    )


async def show_help(ctx: Context) -> Reply:
    """List every command, or explain one."""
    words = ctx.args.replace("/", " ").split()  # "/help /lang", "/help lang", "/help /"
    if words:
        name = words[0].casefold()
        command = ctx.commands.find(name)
        if command is None:
            return ctx.commands.unknown(name)
        usage = command.usage or f"/{command.name}"
        return Reply(title=f"/{command.name}", blocks=(command.summary, f"Usage: {usage}"))
    lines = [f"{c.usage or '/' + c.name}: {c.summary}" for c in ctx.commands.listed]
    return Reply(
        title="What I can do",
        blocks=(
            bullets(lines),
            "In a private chat you can also just ask a question, like "
            f"“{example_question(ctx.knowledge)}”.",
        ),
    )


async def roadmap(ctx: Context) -> Reply:
    """The roadmap overview, or one step of it."""
    knowledge = ctx.knowledge
    if not ctx.args:
        return overview_reply(knowledge)
    if ctx.args.isdecimal() and 1 <= int(ctx.args) <= len(knowledge.sections):
        return section_reply(knowledge, knowledge.sections[int(ctx.args) - 1])
    section_id, suggestions = resolve(ctx.knowledge.section_names, ctx.args)
    if section_id is not None and (section := knowledge.section(section_id)):
        return section_reply(knowledge, section)
    topic_id = ctx.knowledge.topic_names.exact(ctx.args)
    if topic_id is not None:
        return topic_reply(knowledge, knowledge.topics[topic_id])
    return not_found("roadmap step", ctx.args, suggestions, "roadmap", knowledge)


async def lang(ctx: Context) -> Reply:
    """The languages, or everything about one."""
    knowledge = ctx.knowledge
    if not ctx.args:
        return Reply(
            title="Languages",
            blocks=(
                bullets(
                    [
                        f"{t.title}: {first_sentence(t.summary, t.title)}"
                        for t in knowledge.languages
                    ]
                ),
            ),
            buttons=tuple(Button(t.title, "lang", t.id) for t in knowledge.languages),
            footer="Send /lang <name> for one of them.",
        )
    uncovered = _not_covered(ctx)
    if uncovered is not None:
        return uncovered
    topic_id, suggestions = resolve(ctx.knowledge.language_names, ctx.args)
    if topic_id is None:
        other = ctx.knowledge.topic_names.resolve(ctx.args).match
        if other is not None:
            return topic_reply(knowledge, knowledge.topics[other.id])
        return not_found("language", ctx.args, suggestions, "lang", knowledge)
    return topic_reply(knowledge, knowledge.topics[topic_id])


async def show_topic(ctx: Context) -> Reply:
    """Anything in the knowledge base, by name."""
    knowledge = ctx.knowledge
    if not ctx.args:
        return everything_reply(knowledge)
    section = _exact_section(ctx)
    if section is not None and ctx.knowledge.topic_names.exact(ctx.args) is None:
        return section_reply(knowledge, section)
    return _topic_named(ctx, "topic", topic_reply)


def _topic_named(ctx: Context, command: str, reply: Callable[[Knowledge, Topic], Reply]) -> Reply:
    """``reply`` about the topic the arguments name; else why not (not covered, not found).

    ``command`` is what the suggestions of a "not found" reply run.
    """
    uncovered = _not_covered(ctx)
    if uncovered is not None:
        return uncovered
    topic_id, suggestions = resolve(ctx.knowledge.topic_names, ctx.args)
    if topic_id is None:
        return not_found("topic", ctx.args, suggestions, command, ctx.knowledge)
    return reply(ctx.knowledge, ctx.knowledge.topics[topic_id])


def _not_covered(ctx: Context) -> Reply | None:
    """The "not in this roadmap" reply for a name the roadmap does not cover, if it is one."""
    if ctx.knowledge.topic_names.exact(ctx.args) is not None:
        return None
    entry = ctx.knowledge.not_covered_named(ctx.args)
    return not_covered_reply(ctx.knowledge, [entry]) if entry is not None else None


def _exact_section(ctx: Context) -> Section | None:
    """The roadmap step the arguments name exactly, if any."""
    section_id = ctx.knowledge.section_names.exact(ctx.args)
    return ctx.knowledge.section(section_id) if section_id else None


def comparison_sides(index: NameIndex, text: str) -> list[str]:
    """Split "a vs b", "a, b", "a or b" or "a b" into the names being compared.

    A separator inside a known name ("CI/CD", "Server and Hosting") does not split it.
    """
    pieces = _COMPARE_SEPARATORS.split(text)
    joined = [pieces[0]]
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if index.exact(f"{joined[-1]}{separator}{piece}".strip()) is not None:
            joined[-1] += separator + piece
        else:
            joined.append(piece)
    parts = [part.strip() for part in joined if part.strip()]
    if len(parts) >= 2 or len(pieces) > 1:
        return parts  # "python vs" names one side: the caller asks for the other
    words = text.split()
    best: tuple[int, float, list[str]] | None = None
    for cut in range(1, len(words)):
        sides = [" ".join(words[:cut]), " ".join(words[cut:])]
        matches = [index.resolve(side).match for side in sides]
        known = [match for match in matches if match]
        score = (len(known), sum(match.score for match in known), sides)
        if known and (best is None or score[:2] > best[:2]):
            best = score
    if best is not None:
        return best[2]
    return words if len(words) == 2 else parts


async def compare(ctx: Context) -> Reply:
    """How two (or more) topics differ and when to pick which."""
    knowledge = ctx.knowledge
    if not ctx.args:
        return choose_from(
            "Comparisons",
            "Send /compare <a> vs <b>, or pick one of these:",
            [
                (comparison_title(knowledge, c), " vs ".join(c.topic_ids))
                for c in knowledge.comparisons
            ],
            "compare",
        )
    sides = comparison_sides(ctx.knowledge.topic_names, ctx.args)
    uncovered = [
        entry
        for side in sides
        if ctx.knowledge.topic_names.exact(side) is None
        and (entry := ctx.knowledge.not_covered_named(side)) is not None
    ]
    if uncovered:
        covered = [
            knowledge.topics[topic_id]
            for side in sides
            if (topic_id := ctx.knowledge.topic_names.exact(side)) is not None
        ]
        return not_covered_reply(knowledge, uncovered, covered)
    resolved = [(side, *resolve(ctx.knowledge.topic_names, side)) for side in sides]
    unknown = [
        (side, suggestions or tuple(ctx.knowledge.topic_names.search(side)))
        for side, topic_id, suggestions in resolved
        if not topic_id
    ]
    if unknown:
        return _unknown_sides_reply(knowledge, unknown)
    ids = list(dict.fromkeys(topic_id for _, topic_id, _ in resolved if topic_id))
    if len(sides) < 2:
        return Reply(
            title="Compare what with what?",
            blocks=(f"Name two things, like {example_comparison(knowledge)}.",),
            kind=ReplyKind.NOT_FOUND,
        )
    if len(ids) == 1:
        same = knowledge.topics[ids[0]]
        return Reply(
            title="That's the same thing",
            blocks=(
                f"{' and '.join(f'“{shorten(s, QUOTE_CHARS)}”' for s in sides)} "
                f"{'both' if len(sides) == 2 else 'all'} mean {same.title}. "
                "Name two different things to compare.",
            ),
            buttons=(Button(same.title, "topic", same.id),),
        )
    note = ""
    if len(ids) > MAX_COMPARED:
        left_out = ", ".join(knowledge.topics[i].title for i in ids[MAX_COMPARED:])
        note = f"I compare up to {MAX_COMPARED} things at a time, so I left out {left_out}."
        ids = ids[:MAX_COMPARED]
    comparison = knowledge.comparison(ids)
    reply = (
        comparison_reply(knowledge, comparison)
        if comparison is not None
        else side_by_side_reply(knowledge, [knowledge.topics[i] for i in ids])
    )
    return replace(reply, footer=note) if note else reply


def _unknown_sides_reply(
    knowledge: Knowledge, unknown: Sequence[tuple[str, tuple[Match, ...]]]
) -> Reply:
    """Which of the compared names I don't know, each with its own "did you mean"."""
    blocks = []
    buttons: list[Button] = []
    for side, suggestions in unknown:
        quoted = f"“{shorten(side, QUOTE_CHARS)}”"
        if suggestions:
            titles = ", ".join(entry_title(knowledge, m.id) for m in suggestions[:SUGGESTIONS])
            blocks.append(f"I don't know {quoted}. Did you mean: {titles}?")
            buttons.extend(
                Button(entry_title(knowledge, m.id), "topic", m.id) for m in suggestions[:2]
            )
        else:
            blocks.append(f"I don't know {quoted}: it is not on the roadmap.")
    blocks.append("Send /topic on its own to see everything I know.")
    return Reply(
        title="Not found",
        blocks=tuple(blocks),
        buttons=tuple(buttons[:SUGGESTIONS]),
        kind=ReplyKind.NOT_FOUND,
    )


async def show_resources(ctx: Context) -> Reply:
    """Learning resources for a topic or a roadmap step."""
    knowledge = ctx.knowledge
    if not ctx.args:
        return choose_from(
            "Resources",
            "Resources for which step? Send /resources <topic>, or pick:",
            [(s.title, s.id) for s in knowledge.sections],
            "resources",
        )
    section = _exact_section(ctx)
    if section is not None:
        return section_resources_reply(knowledge, section)
    return _topic_named(ctx, "resources", topic_resources_reply)


async def show_projects(ctx: Context) -> Reply:
    """Project ideas for a topic, or for the whole roadmap."""
    knowledge = ctx.knowledge
    if not ctx.args:
        fields = [
            Field(section.title, bullets(ideas))
            for section in knowledge.sections
            if (ideas := section_project_ideas(knowledge, section))
        ]
        return Reply(
            title="Project ideas",
            blocks=(
                "Build things: it is the fastest way to learn. "
                "Send /projects <topic> for more on one.",
            ),
            fields=tuple(fields),
        )
    section = _exact_section(ctx)
    if section is not None:
        return section_projects_reply(knowledge, section)
    return _topic_named(ctx, "projects", topic_projects_reply)


_TOPIC_HINT = "Anything on the roadmap: a name, an alias or a typo"
_TOPIC = Option("topic", _TOPIC_HINT, OptionKind.TOPIC)

COMMANDS: list[Command] = [
    Command("start", "Welcome and a quick tour", start),
    Command(
        "help",
        "Every command, or how to use one",
        show_help,
        "/help [command]",
        (Option("command", "A command name"),),
        lookup=True,
    ),
    Command(
        "roadmap",
        "The roadmap step by step",
        roadmap,
        "/roadmap [step]",
        (Option("section", "A step of the roadmap", OptionKind.SECTION),),
        lookup=True,
    ),
    Command(
        "lang",
        "The languages, or all about one",
        lang,
        "/lang [language]",
        (Option("language", "A programming language", OptionKind.LANGUAGE),),
        lookup=True,
    ),
    Command(
        "topic",
        "Anything on the roadmap, by name",
        show_topic,
        "/topic [name]",
        (Option("name", _TOPIC_HINT, OptionKind.TOPIC, required=True),),
        lookup=True,
    ),
    Command(
        "compare",
        "How two things differ and which to pick",
        compare,
        "/compare <a> vs <b>",
        (
            Option("first", "The first thing", OptionKind.TOPIC, required=True),
            Option("second", "The second thing", OptionKind.TOPIC, required=True),
        ),
        separator=" vs ",
        lookup=True,
    ),
    Command(
        "resources",
        "Official docs and guides for a topic",
        show_resources,
        "/resources [topic]",
        (_TOPIC,),
        lookup=True,
    ),
    Command(
        "projects",
        "Project ideas to practise with",
        show_projects,
        "/projects [topic]",
        (_TOPIC,),
        lookup=True,
    ),
]
