"""Commands that answer from the knowledge base.

/start, /help, /roadmap, /lang, /topic, /compare, /resources, /projects and /ask (which also
answers any plain message in a private chat).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot import observability
from bot.commands import Command, Context, Option, OptionKind
from bot.knowledge import TRACK_KIND, Comparison, Knowledge, Resource, Section, Topic
from bot.limits import QUOTE_CHARS, SUGGESTIONS
from bot.matching import Match, NameIndex
from bot.messages import Button, ButtonStyle, Field, Link, Reply, ReplyKind
from bot.questions import Intent, Outcome, Understanding
from bot.text import shorten

#: Longest one-line summary in lists.
LINE_CHARS = 110
#: Longest summary sentence in the /start welcome.
START_CHARS = 300
#: Most topics /compare puts side by side.
MAX_COMPARED = 3
#: Buttons a topic reply offers to its own frameworks and tools, and to related topics.
CHILD_BUTTONS = 3
RELATED_BUTTONS = 3
#: What stands between compared names; captured, so a name containing one ("CI/CD") is rejoined.
_COMPARE_SEPARATORS = re.compile(
    r"(\s*(?:,|;|/|\bvs\.?\b|\bversus\b|\bor\b|\band\b|\bagainst\b|\bcompared (?:to|with)\b)\s*)",
    re.IGNORECASE,
)


# -- shared building blocks -------------------------------------------------------------------


def bullets(items: Sequence[str]) -> str:
    """Lines of a bulleted list."""
    return "\n".join(f"• {item}" for item in items)


def first_sentence(text: str, title: str = "", limit: int = LINE_CHARS) -> str:
    """The first sentence of a summary (without a leading "Title:"), cut at a word if too long."""
    if title and text.casefold().startswith(title.casefold() + ":"):
        text = text[len(title) + 1 :].strip()
        text = text[:1].upper() + text[1:]
    head, dot, _ = text.partition(". ")
    sentence = head + ("." if dot else "")
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1].rsplit(" ", 1)[0] if " " in sentence[: limit - 1] else ""
    return cut.rstrip(",;:") + "…" if cut else shorten(sentence, limit)


def links(resources: Sequence[Resource]) -> tuple[Link, ...]:
    """Resources as reply links."""
    return tuple(Link(resource.title, resource.url) for resource in resources)


def not_found(
    what: str,
    query: str,
    suggestions: Sequence[Match],
    command: str,
    knowledge: Knowledge,
    *,
    private: bool = False,
) -> Reply:
    """A "did you mean" reply (suggestions as ``/command id`` buttons) for an unsure name."""
    quoted = shorten(query, QUOTE_CHARS)
    blocks = [f"I couldn't find a {what} called “{quoted}”."]
    buttons: list[Button] = []
    if suggestions:
        titles = [_title(knowledge, match.id) for match in suggestions[:SUGGESTIONS]]
        blocks.append("Did you mean: " + ", ".join(titles) + "?")
        buttons = [
            Button(_title(knowledge, m.id), command, m.id) for m in suggestions[:SUGGESTIONS]
        ]
    else:
        blocks.append(f"Send /{command} on its own to choose from a list.")
    return Reply(
        title="Not found",
        blocks=tuple(blocks),
        buttons=tuple(buttons),
        kind=ReplyKind.NOT_FOUND,
        private=private,
    )


def example_question(knowledge: Knowledge) -> str:
    """A question to offer as an example: the roadmap's own, else made from its data."""
    if knowledge.info.examples:
        return knowledge.info.examples[0]
    if knowledge.comparisons:
        first, second = knowledge.comparisons[0].topic_ids[:2]
        return f"{_title(knowledge, first)} or {_title(knowledge, second)}?"
    return f"what is {next(iter(knowledge.topics.values())).title}?"


def example_comparison(knowledge: Knowledge) -> str:
    """A /compare command to offer as an example, made from the roadmap's first comparison."""
    ids = knowledge.comparisons[0].topic_ids if knowledge.comparisons else list(knowledge.topics)
    return "/compare " + " vs ".join(ids[:2])


def _title(knowledge: Knowledge, entry_id: str) -> str:
    topic = knowledge.topic(entry_id)
    if topic is not None:
        return topic.title
    section = knowledge.section(entry_id)
    return section.title if section is not None else entry_id


def topic_reply(knowledge: Knowledge, topic: Topic) -> Reply:
    """Everything about one topic: summary, benefits, use cases, children, resources, projects."""
    fields: list[Field] = []
    if topic.parent and (parent := knowledge.topic(topic.parent)):
        fields.append(Field("Part of", parent.title, inline=True))
    section = knowledge.section(topic.section_id)
    if section is not None:
        fields.append(Field("Roadmap step", section.title, inline=True))
    if topic.benefits:
        fields.append(Field("Benefits", bullets(topic.benefits)))
    if topic.use_cases:
        fields.append(Field("Ideal use cases", bullets(topic.use_cases)))
    children = knowledge.children(topic.id)
    if children:
        fields.append(
            Field(
                "Frameworks and tools",
                bullets([f"{c.title}: {first_sentence(c.summary, c.title)}" for c in children]),
            )
        )
    projects = knowledge.projects(topic)
    if projects:
        fields.append(Field("Project ideas", bullets(projects)))
    buttons = [Button("Mark done", "done", topic.id, ButtonStyle.SUCCESS)]
    if topic.kind == TRACK_KIND:
        buttons.insert(0, Button(f"Track {topic.title}", "track", topic.id, ButtonStyle.PRIMARY))
    buttons.extend(Button(c.title, "topic", c.id) for c in children[:CHILD_BUTTONS])
    comparison = next((c for c in knowledge.comparisons if topic.id in c.topic_ids), None)
    if comparison is not None:
        buttons.append(
            Button(
                _comparison_title(knowledge, comparison),
                "compare",
                " vs ".join(comparison.topic_ids),
            )
        )
    shown = {topic.id, topic.parent, *(c.id for c in children)}
    related = [t for i in topic.related if i not in shown and (t := knowledge.topic(i))]
    if related:
        fields.append(Field("Related", ", ".join(t.title for t in related)))
    buttons.extend(Button(t.title, "topic", t.id) for t in related[:RELATED_BUTTONS])
    return Reply(
        title=topic.title,
        blocks=(topic.summary,),
        fields=tuple(fields),
        links=links(knowledge.resources(topic)),
        buttons=tuple(buttons),
    )


def section_reply(knowledge: Knowledge, section: Section) -> Reply:
    """One roadmap step: its summary, its topics, resources and project ideas."""
    number = knowledge.sections.index(section) + 1
    topics = knowledge.section_topics(section)
    fields = [
        Field(
            "Topics", bullets([f"{t.title}: {first_sentence(t.summary, t.title)}" for t in topics])
        )
    ]
    if section.projects:
        fields.append(Field("Project ideas", bullets(section.projects)))
    buttons = [Button(t.title, "topic", t.id) for t in topics[:8]]
    if number < len(knowledge.sections):
        following = knowledge.sections[number]
        buttons.append(
            Button(f"Next: {following.title}", "roadmap", following.id, ButtonStyle.PRIMARY)
        )
    return Reply(
        title=f"{number}. {section.title}",
        blocks=(section.summary,),
        fields=tuple(fields),
        links=links(section.resources),
        buttons=tuple(buttons),
        footer="" if section.shared else "Pick one of these for your path: /track <language>.",
    )


def overview_reply(knowledge: Knowledge) -> Reply:
    """The roadmap in order, one line per step."""
    info = knowledge.info
    steps = [
        f"{n}. {s.title}: {first_sentence(s.summary)}" for n, s in enumerate(knowledge.sections, 1)
    ]
    footer = f"Source: {info.source_title}" + (
        f" by {info.source_author}" if info.source_author else ""
    )
    return Reply(
        title=info.title,
        blocks=(info.summary, "\n".join(steps)),
        buttons=tuple(Button(s.title, "roadmap", s.id) for s in knowledge.sections),
        footer=footer if info.source_title else "",
    )


def everything_reply(knowledge: Knowledge) -> Reply:
    """Every topic the knowledge base knows, grouped by roadmap step, one line per step."""
    fields = tuple(
        Field(section.title, ", ".join(t.title for t in knowledge.section_topics(section)))
        for section in knowledge.sections
    )
    return Reply(
        title="Everything I know",
        blocks=(f"{len(knowledge.topics)} topics in {len(knowledge.sections)} steps.",),
        fields=fields,
        buttons=tuple(Button(s.title, "roadmap", s.id) for s in knowledge.sections),
        footer="Send /topic <name> for one of them; typos and other names work too.",
    )


def comparison_reply(knowledge: Knowledge, comparison: Comparison) -> Reply:
    """A curated comparison: how the topics differ and when to pick which."""
    fields = []
    if comparison.differences:
        fields.append(Field("How they differ", bullets(comparison.differences)))
    for topic_id, advice in comparison.choose:
        fields.append(Field(_title(knowledge, topic_id), advice))
    resources = [
        r for topic_id in comparison.topic_ids for r in knowledge.topics[topic_id].resources[:1]
    ]
    return Reply(
        title=_comparison_title(knowledge, comparison),
        blocks=(comparison.summary,),
        fields=tuple(fields),
        links=links(resources),
        buttons=tuple(Button(_title(knowledge, t), "topic", t) for t in comparison.topic_ids),
    )


def _comparison_title(knowledge: Knowledge, comparison: Comparison) -> str:
    return " vs ".join(_title(knowledge, topic_id) for topic_id in comparison.topic_ids)


def side_by_side_reply(knowledge: Knowledge, topics: Sequence[Topic]) -> Reply:
    """An uncurated comparison: each topic's summary and use cases next to each other."""
    fields = []
    for topic in topics:
        lines = [first_sentence(topic.summary)]
        if topic.use_cases:
            lines.append("Good for: " + "; ".join(topic.use_cases[:3]))
        fields.append(Field(topic.title, "\n".join(lines)))
    return Reply(
        title=" vs ".join(topic.title for topic in topics),
        blocks=("I have no written comparison of these yet, so here they are side by side.",),
        fields=tuple(fields),
        buttons=tuple(Button(topic.title, "topic", topic.id) for topic in topics),
    )


def choose_from(title: str, prompt: str, entries: Sequence[tuple[str, str]], command: str) -> Reply:
    """A list to pick from, for commands run without an argument."""
    return Reply(
        title=title,
        blocks=(prompt, bullets([name for name, _ in entries])),
        buttons=tuple(Button(name, command, entry_id) for name, entry_id in entries),
    )


def resolve(index: NameIndex, query: str) -> tuple[str | None, tuple[Match, ...]]:
    """The id ``query`` names for sure, else suggestions."""
    resolution = index.resolve(query)
    return (resolution.match.id if resolution.match else None), resolution.suggestions


# -- commands ---------------------------------------------------------------------------------


async def start(ctx: Context) -> Reply:
    """Welcome a new user."""
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
    if ctx.args.isdigit() and 1 <= int(ctx.args) <= len(knowledge.sections):
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
    topic_id, suggestions = resolve(ctx.knowledge.language_names, ctx.args)
    if topic_id is None:
        other = ctx.knowledge.topic_names.resolve(ctx.args).match
        if other is not None:
            return topic_reply(knowledge, knowledge.topics[other.id])
        return not_found("language", ctx.args, suggestions, "lang", knowledge)
    return topic_reply(knowledge, knowledge.topics[topic_id])


async def topic(ctx: Context) -> Reply:
    """Anything in the knowledge base, by name."""
    knowledge = ctx.knowledge
    if not ctx.args:
        return everything_reply(knowledge)
    section = _exact_section(ctx)
    if section is not None and ctx.knowledge.topic_names.exact(ctx.args) is None:
        return section_reply(knowledge, section)
    topic_id, suggestions = resolve(ctx.knowledge.topic_names, ctx.args)
    if topic_id is None:
        return not_found("topic", ctx.args, suggestions, "topic", knowledge)
    return topic_reply(knowledge, knowledge.topics[topic_id])


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
                (_comparison_title(knowledge, c), " vs ".join(c.topic_ids))
                for c in knowledge.comparisons
            ],
            "compare",
        )
    sides = comparison_sides(ctx.knowledge.topic_names, ctx.args)
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
            titles = ", ".join(_title(knowledge, m.id) for m in suggestions[:SUGGESTIONS])
            blocks.append(f"I don't know {quoted}. Did you mean: {titles}?")
            buttons.extend(Button(_title(knowledge, m.id), "topic", m.id) for m in suggestions[:2])
        else:
            blocks.append(f"I don't know {quoted}: it is not on the roadmap.")
    blocks.append("Send /topic on its own to see everything I know.")
    return Reply(
        title="Not found",
        blocks=tuple(blocks),
        buttons=tuple(buttons[:SUGGESTIONS]),
        kind=ReplyKind.NOT_FOUND,
    )


async def resources(ctx: Context) -> Reply:
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
        found = [
            *section.resources,
            *(r for t in knowledge.section_topics(section) for r in t.resources[:1]),
        ]
        unique = {resource.url: resource for resource in reversed(found)}
        return Reply(
            title=f"Resources: {section.title}", links=links(list(reversed(unique.values())))
        )
    topic_id, suggestions = resolve(ctx.knowledge.topic_names, ctx.args)
    if topic_id is None:
        return not_found("topic", ctx.args, suggestions, "resources", knowledge)
    item = knowledge.topics[topic_id]
    return Reply(
        title=f"Resources: {item.title}",
        blocks=(first_sentence(item.summary),),
        links=links(knowledge.resources(item)),
        buttons=(Button("Project ideas", "projects", item.id),),
    )


async def projects(ctx: Context) -> Reply:
    """Project ideas for a topic, or for the whole roadmap."""
    knowledge = ctx.knowledge
    if not ctx.args:
        fields = [
            Field(section.title, bullets(ideas))
            for section in knowledge.sections
            if (ideas := _section_projects(knowledge, section))
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
    topic_id, suggestions = resolve(ctx.knowledge.topic_names, ctx.args)
    if topic_id is None:
        return not_found("topic", ctx.args, suggestions, "projects", knowledge)
    item = knowledge.topics[topic_id]
    return Reply(
        title=f"Project ideas: {item.title}",
        blocks=(bullets(knowledge.projects(item)),),
        buttons=(Button("Resources", "resources", item.id), Button("Mark done", "done", item.id)),
    )


def _section_projects(knowledge: Knowledge, section: Section) -> list[str]:
    ideas = [*section.projects, *(p for t in knowledge.section_topics(section) for p in t.projects)]
    return list(dict.fromkeys(ideas))


def section_projects_reply(knowledge: Knowledge, section: Section) -> Reply:
    """Project ideas for one roadmap step and its topics."""
    return Reply(
        title=f"Project ideas: {section.title}",
        blocks=(bullets(_section_projects(knowledge, section)),),
    )


async def ask(ctx: Context) -> Reply:
    """Answer a question in plain words."""
    if not ctx.args:
        return Reply(
            title="Ask me anything about the roadmap",
            blocks=(f"For example: /ask {example_question(ctx.knowledge)}",),
            buttons=(Button("Roadmap", "roadmap"), Button("Languages", "lang")),
        )
    understanding = ctx.questions.understand(ctx.args)
    observability.metrics.question(
        understanding.intent.value,
        confident=understanding.confident,
        unanswered=understanding.outcome in (Outcome.REFUSED, Outcome.NOT_COVERED),
    )
    return answer_reply(ctx.knowledge, understanding)


def answer_reply(knowledge: Knowledge, understanding: Understanding) -> Reply:
    """Turn what a question was understood to ask into a reply."""
    topics = [knowledge.topics[i] for i in understanding.topic_ids]
    intent = understanding.intent
    if not understanding.confident:
        return _unsure_reply(knowledge, understanding)
    if intent is Intent.OVERVIEW:
        return overview_reply(knowledge)
    section = knowledge.section(understanding.section_id or "")
    if section is not None:
        if intent is Intent.PROJECTS:
            return section_projects_reply(knowledge, section)
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
        item = topics[0]
        return Reply(title=f"Resources: {item.title}", links=links(knowledge.resources(item)))
    if intent is Intent.PROJECTS:
        if not topics:
            ideas = [p for s in knowledge.sections for p in _section_projects(knowledge, s)]
            return Reply(title="Project ideas", blocks=(bullets(ideas[:15]),))
        return Reply(
            title=f"Project ideas: {topics[0].title}",
            blocks=(bullets(knowledge.projects(topics[0])),),
        )
    return topic_reply(knowledge, topics[0])


def _use_case_reply(
    knowledge: Knowledge, understanding: Understanding, topics: Sequence[Topic]
) -> Reply:
    best = topics[0]
    parent = knowledge.topic(understanding.parent_id or "")
    if parent is not None:
        title = f"For {parent.title}: " + ", ".join(topic.title for topic in topics)
        lead = f"The roadmap lists these for {parent.title}; each one's use cases are below."
    else:
        title = f"Try {best.title}"
        lead = f"From the roadmap's own use cases, the best fit is {best.title}."
    fields = [
        Field(
            topic.title,
            "\n".join(f"• {reason}" for reason in understanding.reasons.get(topic.id, ())),
        )
        for topic in topics[:SUGGESTIONS]
    ]
    return Reply(
        title=title,
        blocks=(lead,),
        fields=tuple(field for field in fields if field.value),
        links=links(knowledge.resources(best)[:2]),
        buttons=tuple(Button(topic.title, "topic", topic.id) for topic in topics[:SUGGESTIONS]),
    )


def _unsure_reply(knowledge: Knowledge, understanding: Understanding) -> Reply:
    if understanding.small_talk:
        return Reply(
            title="Hi! I'm here to help",
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
    if understanding.topic_ids:
        titles = [knowledge.topics[i].title for i in understanding.topic_ids[:SUGGESTIONS]]
        return Reply(
            title="I'm not sure what you mean",
            blocks=("Did you mean: " + ", ".join(titles) + "?",),
            buttons=tuple(
                Button(knowledge.topics[i].title, "topic", i)
                for i in understanding.topic_ids[:SUGGESTIONS]
            ),
            kind=ReplyKind.NOT_FOUND,
        )
    return Reply(
        title="I only know the roadmap",
        blocks=(
            f"I can only answer questions about the {knowledge.info.title}, "
            "and I don't think that was one.",
            f"Try asking about one of its topics or steps, like “{example_question(knowledge)}”, "
            "or pick one of these:",
        ),
        buttons=(
            Button("Roadmap", "roadmap"),
            Button("Languages", "lang"),
            Button("Project ideas", "projects"),
        ),
        kind=ReplyKind.NOT_FOUND,
    )


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
    ),
    Command(
        "roadmap",
        "The roadmap step by step",
        roadmap,
        "/roadmap [step]",
        (Option("section", "A step of the roadmap", OptionKind.SECTION),),
    ),
    Command(
        "lang",
        "The languages, or all about one",
        lang,
        "/lang [language]",
        (Option("language", "A programming language", OptionKind.LANGUAGE),),
    ),
    Command(
        "topic",
        "Anything on the roadmap, by name",
        topic,
        "/topic [name]",
        (Option("name", _TOPIC_HINT, OptionKind.TOPIC, required=True),),
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
    ),
    Command(
        "resources",
        "Official docs and guides for a topic",
        resources,
        "/resources [topic]",
        (_TOPIC,),
    ),
    Command("projects", "Project ideas to practise with", projects, "/projects [topic]", (_TOPIC,)),
    Command(
        "ask",
        "Ask a question in plain words",
        ask,
        "/ask <question>",
        (Option("question", "Your question", OptionKind.TEXT, required=True),),
    ),
]
