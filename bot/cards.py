"""Reply cards built from the knowledge base: a topic, a step, a comparison, the overview.

Shared by the commands (/topic, /roadmap, /compare...) and the free-text answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge import TRACK_KIND, Comparison, Knowledge, NotCovered, Resource, Section, Topic
from bot.limits import QUOTE_CHARS, SUGGESTIONS
from bot.matching import Match, NameIndex
from bot.messages import Button, ButtonStyle, Field, Link, Reply, ReplyKind
from bot.text import shorten

#: Longest one-line summary in lists.
LINE_CHARS = 110
#: Buttons a topic reply offers to its own frameworks and tools, and to related topics.
CHILD_BUTTONS = 3
RELATED_BUTTONS = 3


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
        titles = [entry_title(knowledge, match.id) for match in suggestions[:SUGGESTIONS]]
        blocks.append("Did you mean: " + ", ".join(titles) + "?")
        buttons = [
            Button(entry_title(knowledge, m.id), command, m.id) for m in suggestions[:SUGGESTIONS]
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
        return f"{entry_title(knowledge, first)} or {entry_title(knowledge, second)}?"
    return f"what is {next(iter(knowledge.topics.values())).title}?"


def example_comparison(knowledge: Knowledge) -> str:
    """A /compare command to offer as an example, made from the roadmap's first comparison."""
    ids = knowledge.comparisons[0].topic_ids if knowledge.comparisons else list(knowledge.topics)
    return "/compare " + " vs ".join(ids[:2])


def entry_title(knowledge: Knowledge, entry_id: str) -> str:
    """The title of a topic or step by id (the id itself if there is none)."""
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
    buttons.extend(comparison_buttons(knowledge, topic))
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
        fields.append(Field(entry_title(knowledge, topic_id), advice))
    resources = [
        r for topic_id in comparison.topic_ids for r in knowledge.topics[topic_id].resources[:1]
    ]
    return Reply(
        title=comparison_title(knowledge, comparison),
        blocks=(comparison.summary,),
        fields=tuple(fields),
        links=links(resources),
        buttons=tuple(Button(entry_title(knowledge, t), "topic", t) for t in comparison.topic_ids),
    )


def comparison_buttons(knowledge: Knowledge, topic: Topic) -> tuple[Button, ...]:
    """A button to the first comparison ``topic`` is part of (none if it is in none)."""
    comparisons = knowledge.comparisons_of(topic.id)
    if not comparisons:
        return ()
    comparison = comparisons[0]
    title = comparison_title(knowledge, comparison)
    return (Button(title, "compare", " vs ".join(comparison.topic_ids)),)


def comparison_title(knowledge: Knowledge, comparison: Comparison) -> str:
    """The comparison's topic titles, "A vs B"."""
    return " vs ".join(entry_title(knowledge, topic_id) for topic_id in comparison.topic_ids)


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


def section_project_ideas(knowledge: Knowledge, section: Section) -> list[str]:
    """Project ideas of a step and of its topics, without repeats."""
    ideas = [*section.projects, *(p for t in knowledge.section_topics(section) for p in t.projects)]
    return list(dict.fromkeys(ideas))


def section_projects_reply(knowledge: Knowledge, section: Section) -> Reply:
    """Project ideas for one roadmap step and its topics."""
    return Reply(
        title=f"Project ideas: {section.title}",
        blocks=(bullets(section_project_ideas(knowledge, section)),),
    )


def summary_sentences(topic: Topic, count: int = 2) -> str:
    """The first sentences of a topic's summary, without a leading "Title:"."""
    text = topic.summary
    if text.casefold().startswith(topic.title.casefold() + ":"):
        text = text[len(topic.title) + 1 :].strip()
        text = text[:1].upper() + text[1:]
    sentences = text.split(". ")
    shown = ". ".join(sentences[:count])
    return shown if shown.endswith(".") else shown + "."


def topic_resources_reply(knowledge: Knowledge, topic: Topic) -> Reply:
    """Learning resources for one topic."""
    return Reply(
        title=f"Resources: {topic.title}",
        blocks=(first_sentence(topic.summary),),
        links=links(knowledge.resources(topic)),
        buttons=(Button("Project ideas", "projects", topic.id),),
    )


def section_resources_reply(knowledge: Knowledge, section: Section) -> Reply:
    """Resources for a step: its own, then the first of each of its topics."""
    found = [
        *section.resources,
        *(r for t in knowledge.section_topics(section) for r in t.resources[:1]),
    ]
    unique = {resource.url: resource for resource in reversed(found)}
    return Reply(title=f"Resources: {section.title}", links=links(list(reversed(unique.values()))))


def topic_projects_reply(knowledge: Knowledge, topic: Topic) -> Reply:
    """Project ideas for one topic."""
    return Reply(
        title=f"Project ideas: {topic.title}",
        blocks=(bullets(knowledge.projects(topic)),),
        buttons=(
            Button("Resources", "resources", topic.id),
            Button("Mark done", "done", topic.id),
        ),
    )


def not_covered_reply(
    knowledge: Knowledge, entries: Sequence[NotCovered], covered: Sequence[Topic] = ()
) -> Reply:
    """Technology the roadmap does not cover, said plainly, with its genuinely related topics."""
    names = [entry.name for entry in entries]
    listed = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    verb = "are" if len(names) > 1 else "is"
    blocks = [
        f"{listed} {verb} not in the {knowledge.info.title}, so I can't tell you about "
        f"{'them' if len(names) > 1 else 'it'} reliably."
    ]
    related = [
        topic
        for topic_id in dict.fromkeys(r for entry in entries for r in entry.related)
        if (topic := knowledge.topic(topic_id)) is not None
    ]
    if related:
        blocks.append("Related in this roadmap: " + ", ".join(t.title for t in related) + ".")
    if covered:
        blocks.append("I can tell you about " + ", ".join(t.title for t in covered) + ".")
    shown = list(dict.fromkeys([*covered, *related]))[: SUGGESTIONS + 1]
    return Reply(
        title=f"{listed} {verb} not in this roadmap",
        blocks=tuple(blocks),
        buttons=(
            *(Button(topic.title, "topic", topic.id) for topic in shown),
            Button("Everything I know", "topic"),
        ),
        kind=ReplyKind.NOT_FOUND,
    )
