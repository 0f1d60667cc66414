"""The personal checklist: /track, /progress, /done, /undo, /next, /reset, /export, /forget.

/progress shows a list, or with ``picture`` a drawing of the path (:mod:`bot.picture`). Every
reply here is about the user's own data, so every reply is private. Items are topics of
the knowledge file; names are matched fuzzily against the user's checklist first. A topic that
is on the roadmap but not on the user's track can still be ticked (and unticked): the reply says
it is not on their track, and it counts as soon as they switch to a track that includes it (or
to the whole roadmap). Ticks are kept when the track changes, and ticks of items that left the
knowledge file are kept in the database but not shown.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from bot import checklist
from bot.cards import first_sentence, links, not_found
from bot.commands import Command, Context, Option, OptionKind
from bot.features.link import platform_name
from bot.features.personal import PROGRESS, local_today
from bot.knowledge import Knowledge, Topic
from bot.matching import Match, NameIndex, Resolution
from bot.messages import Attachment, Button, ButtonStyle, Field, Reply, ReplyKind, private_reply

#: Unticked (or ticked) items offered as buttons when /done (or /undo) is sent without a name.
PICK_ITEMS = 5
#: Words that mean "no track, the whole roadmap" in /track.
NO_TRACK_WORDS = frozenset({"none", "all", "whole", "everything", "off", "no track", "clear"})
#: The argument that confirms /reset and /forget.
CONFIRM = "confirm"
DONE_MARK = "✓"
OPEN_MARK = "○"
_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9_.-]+")

NEXT = Button("Next", "next", style=ButtonStyle.PRIMARY)
PICTURE = Button("Picture", "progress", "picture")
#: What ``/progress`` takes to show the picture, or (the default) the list.
PICTURE_WORDS = frozenset({"picture", "image", "pic", "png", "map"})
LIST_WORDS = frozenset({"list", "text"})


@lru_cache(maxsize=64)
def item_names(knowledge: Knowledge, track: str | None) -> NameIndex:
    """Names (ids, titles, aliases) of the items on a track's checklist, built once per track."""
    return NameIndex(
        (name, topic.id)
        for topic in checklist.layout(knowledge, track).items
        for name in (topic.id, topic.title, *topic.aliases)
    )


def _track_label(track: Topic | None) -> str:
    return f"the {track.title} track" if track else "the whole roadmap"


# -- /track -----------------------------------------------------------------------------------


async def track(ctx: Context) -> Reply:
    """Show or choose the learning track."""
    knowledge, storage, user_key = ctx.knowledge, ctx.storage, ctx.learner
    choice = ctx.args.casefold()
    if not choice:
        record = await storage.get_user(user_key)
        current = checklist.track_topic(knowledge, record.track)
        names = ", ".join(language.title for language in knowledge.languages)
        buttons = [Button(language.title, "track", language.id) for language in knowledge.languages]
        buttons.append(Button("Whole roadmap", "track", "none"))
        return private_reply(
            f"You are following {_track_label(current)}",
            f"Pick a language to focus your checklist on: {names}. "
            "Or /track none for the whole roadmap. Your ticks are kept when you switch.",
            buttons=tuple(buttons),
        )
    language = ctx.knowledge.language_names.exact(choice)
    if language is None and choice in NO_TRACK_WORDS:
        await storage.set_track(user_key, None)
        return await _track_chosen(ctx, None)
    if language is None:
        resolution = ctx.knowledge.language_names.resolve(choice)
        if resolution.match is None:
            return not_found(
                "language", ctx.args, resolution.suggestions, "track", knowledge, private=True
            )
        language = resolution.match.id
    await storage.set_track(user_key, language)
    return await _track_chosen(ctx, language)


async def _track_chosen(ctx: Context, track_id: str | None) -> Reply:
    knowledge = ctx.knowledge
    done = await ctx.storage.done_items(ctx.learner)
    progress = checklist.progress(knowledge, track_id, done)
    return private_reply(
        f"Your checklist now follows {_track_label(progress.track)}",
        f"{progress.total} items in {len(progress.plan.sections)} sections, "
        f"{progress.done_count} already ticked.",
        checklist.summary(progress),
        buttons=(NEXT, PROGRESS),
    )


# -- /progress --------------------------------------------------------------------------------


async def show_progress(ctx: Context) -> Reply:
    """The checklist by section with progress bars, or (``/progress picture``) as a picture."""
    record, done = await ctx.storage.checklist_state(ctx.learner)
    progress = checklist.progress(ctx.knowledge, record.track, done)
    view = ctx.args.casefold()
    if view in PICTURE_WORDS:
        return _picture(ctx, progress)
    if view and view not in LIST_WORDS:
        return private_reply(
            "I can show your progress as a list or a picture",
            "Send /progress for the list or /progress picture for a picture.",
            buttons=(PICTURE, PROGRESS),
            kind=ReplyKind.NOT_FOUND,
        )
    fields = tuple(
        Field(
            f"{part.section.title} — {part.done_count}/{len(part.items)}",
            "\n".join(
                [checklist.progress_bar(part.done_count, len(part.items))]
                + [
                    f"{DONE_MARK if item.id in done else OPEN_MARK} {item.title}"
                    for item in part.items
                ]
            ),
        )
        for part in progress.sections
    )
    return private_reply(
        f"Your progress on {_track_label(progress.track)}",
        f"Overall {checklist.summary(progress)}",
        await _streaks(ctx, record.timezone),
        _orphans(ctx.knowledge, done),
        fields=fields,
        buttons=(NEXT, PICTURE, Button("Change track", "track")),
    )


def _picture(ctx: Context, progress: checklist.Progress) -> Reply:
    """The checklist drawn as a PNG: sections in order, ticked boxes filled, the next marked."""
    from bot.picture import draw_path  # Pillow is loaded only when someone asks for a picture

    request = ctx.request
    png = draw_path(progress, f"Your path: {_track_label(progress.track)}")
    name = _UNSAFE_FILENAME.sub("-", f"roadmap-path-{request.platform}-{request.user_id}")
    return private_reply(
        f"Your path on {_track_label(progress.track)}",
        f"Overall {checklist.summary(progress)}. Ticked items are filled in green; "
        "your next step is marked in orange.",
        attachment=Attachment(f"{name}.png", png, "image/png"),
        buttons=(NEXT, PROGRESS),
    )


async def _streaks(ctx: Context, zone: str | None) -> str:
    """The current and longest streak (days with a tick, a review or a quiz answer), if any."""
    dates = await ctx.storage.activity_dates(ctx.learner)
    longest = checklist.longest_streak(dates)
    if not longest:
        return ""
    current = checklist.streak(dates, local_today(ctx, zone))
    return f"Streak: {_days(current)} now, longest {_days(longest)}."


def _orphans(knowledge: Knowledge, done: frozenset[str]) -> str:
    """A note on ticks of topics the roadmap no longer has (kept, never deleted silently)."""
    count = sum(1 for item in done if item not in knowledge.topics)
    if not count:
        return ""
    which = "tick is" if count == 1 else "ticks are"
    return (
        f"{count} of your {which} for topics no longer on this roadmap. They are kept "
        "(see /export) and count again if the topics come back."
    )


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


# -- /done and /undo --------------------------------------------------------------------------


async def done(ctx: Context) -> Reply:
    """Tick an item."""
    return await _tick(ctx, tick=True)


async def undo(ctx: Context) -> Reply:
    """Untick an item."""
    return await _tick(ctx, tick=False)


async def _tick(ctx: Context, *, tick: bool) -> Reply:
    knowledge, storage, user_key = ctx.knowledge, ctx.storage, ctx.learner
    command = "done" if tick else "undo"
    record, ticked = await storage.checklist_state(user_key)
    if not ctx.args:
        return _pick(ctx, record.track, ticked, tick=tick)
    resolution = (
        Resolution(Match(ctx.args, ctx.args, 100.0), ())
        if ctx.args in knowledge.topics  # an exact id, as buttons send: no fuzzy search
        else item_names(knowledge, record.track).resolve(ctx.args, strict=True)
    )
    match = resolution.match
    if match is None:
        anywhere = ctx.knowledge.topic_names.resolve(ctx.args, strict=True)
        match = anywhere.match
        suggestions = resolution.suggestions or anywhere.suggestions
        if match is None:
            return not_found(
                "checklist item", ctx.args, suggestions, command, knowledge, private=True
            )
    topic = knowledge.topics[match.id]
    on_track = topic.id in checklist.layout(knowledge, record.track).ids
    if tick:
        at = ctx.clock.now()
        changed = await storage.mark_done(user_key, topic.id, at, local_today(ctx, record.timezone))
        title = (
            f"{DONE_MARK} {topic.title} ticked" if changed else f"{topic.title} was already ticked"
        )
    else:
        changed = await storage.mark_undone(user_key, topic.id)
        title = f"{topic.title} unticked" if changed else f"{topic.title} was not ticked"
    # The ticks read before, with this change: the database is not asked twice per command.
    after = ticked | {topic.id} if tick else ticked - {topic.id}
    progress = checklist.progress(knowledge, record.track, after)
    note = (
        ""
        if on_track
        else f"{topic.title} is not on {_track_label(progress.track)}; it is kept and counts "
        "if you switch to a track that includes it."
    )
    again = Button("Untick", "undo", topic.id) if tick else Button("Tick", "done", topic.id)
    return private_reply(
        title,
        note,
        checklist.summary(progress),
        buttons=(NEXT, again, PROGRESS),
        updates_pressed=True,  # a tick pressed on a checklist message updates that message
    )


def _pick(ctx: Context, track_id: str | None, ticked: frozenset[str], *, tick: bool) -> Reply:
    """/done or /undo without a name: offer the next few items as buttons."""
    knowledge = ctx.knowledge
    if tick:
        choices = checklist.unticked(knowledge, track_id, ticked, PICK_ITEMS)
        empty = "Everything on your checklist is ticked. Well done!"
        prompt = "Which item did you finish? Tap one, or send /done <name>."
    else:
        on_list = [t for t in checklist.items(knowledge, track_id) if t.id in ticked]
        choices = on_list[-PICK_ITEMS:]
        empty = "Nothing on your checklist is ticked yet."
        prompt = "Which item should I untick? Tap one, or send /undo <name>."
    if not choices:
        return private_reply(empty, buttons=(PROGRESS,))
    command = "done" if tick else "undo"
    return private_reply(
        prompt,
        "\n".join(f"• {topic.title}" for topic in choices),
        buttons=tuple(Button(topic.title, command, topic.id) for topic in choices),
    )


# -- /next ------------------------------------------------------------------------------------


async def next_step(ctx: Context) -> Reply:
    """The next unticked item with one resource and one project idea."""
    knowledge = ctx.knowledge
    record, ticked = await ctx.storage.checklist_state(ctx.learner)
    topic = checklist.next_item(knowledge, record.track, ticked)
    if topic is None:
        return private_reply(
            "You have ticked everything on your checklist!",
            knowledge.info.conclusion,
            buttons=(PROGRESS, Button("Change track", "track")),
        )
    resources = knowledge.resources(topic)[:1]
    projects = knowledge.projects(topic)[:1]
    section = knowledge.section(topic.section_id)
    return private_reply(
        f"Next: {topic.title}",
        first_sentence(topic.summary, topic.title),
        f"Part of: {section.title}" if section else "",
        *(f"Project idea: {project}" for project in projects),
        links=links(resources),
        buttons=(
            Button("Mark done", "done", topic.id, ButtonStyle.SUCCESS),
            Button("More about it", "topic", topic.id),
            PROGRESS,
        ),
    )


# -- /reset, /export, /forget -----------------------------------------------------------------


def _confirm(command: str, title: str, warning: str, label: str) -> Reply:
    return private_reply(
        title,
        warning,
        buttons=(Button(label, command, CONFIRM, ButtonStyle.DANGER), PROGRESS),
        kind=ReplyKind.CONFIRM,
    )


async def reset(ctx: Context) -> Reply:
    """Untick everything, after confirmation."""
    if ctx.args.casefold() != CONFIRM:
        return _confirm(
            "reset",
            "Reset your progress?",
            "This unticks every item on your checklist. Your track is kept.",
            "Yes, reset",
        )
    await ctx.storage.reset_progress(ctx.learner)
    return private_reply("Your progress is reset", "A fresh start!", buttons=(NEXT,))


async def export(ctx: Context) -> Reply:
    """All of the user's data as a JSON file."""
    request = ctx.request
    data = await ctx.storage.export_user(ctx.learner)
    name = _UNSAFE_FILENAME.sub("-", f"roadmap-bot-{request.platform}-{request.user_id}")
    content = json.dumps(data, indent=2, ensure_ascii=False).encode()
    return private_reply(
        "Your data",
        "Everything I store about you is in the attached file.",
        _linked_accounts(data["identities"], "It covers"),
        attachment=Attachment(f"{name}.json", content, "application/json"),
    )


async def forget(ctx: Context) -> Reply:
    """Delete all of the user's data, after confirmation.

    The questions the bot could not answer (:mod:`bot.unanswered`) are not touched: nothing
    links them to the person who asked, so none of them is this user's data.
    """
    accounts = await ctx.storage.identities.members(ctx.learner)
    if ctx.args.casefold() != CONFIRM:
        return _confirm(
            "forget",
            "Delete all your data?",
            " ".join(
                part
                for part in (
                    "This deletes your checklist, track, time zone and reminders. "
                    "It cannot be undone.",
                    _linked_accounts(accounts, "It covers"),
                    "(Questions I could not answer are kept for the roadmap's authors with "
                    "nothing that links them to you.)",
                )
                if part
            ),
            "Yes, delete everything",
        )
    await ctx.storage.forget_user(ctx.learner)
    return private_reply(
        "All your data is deleted",
        _linked_accounts(accounts, "Deleted for"),
        "If you come back, you start from scratch.",
    )


def _linked_accounts(accounts: list[str], lead: str) -> str:
    """``"It covers all your linked accounts: Telegram, Discord."``, or nothing for one."""
    if len(accounts) < 2:  # one account is no link
        return ""
    return f"{lead} all your linked accounts: {', '.join(map(platform_name, accounts))}."


_ITEM = Option("item", "A checklist item", OptionKind.ITEM)

COMMANDS = [
    Command(
        "track",
        "Focus your checklist on one language",
        track,
        "/track [language|none]",
        (Option("language", "A programming language, or none", OptionKind.LANGUAGE),),
        learner=True,
    ),
    Command(
        "progress",
        "Your checklist and progress",
        show_progress,
        "/progress [picture]",
        (
            Option(
                "view",
                "Show it as a list or a picture",
                OptionKind.CHOICE,
                choices=("list", "picture"),
            ),
        ),
        learner=True,
    ),
    Command("done", "Tick an item on your checklist", done, "/done [item]", (_ITEM,), learner=True),
    Command("undo", "Untick an item", undo, "/undo [item]", (_ITEM,), learner=True),
    Command("next", "What to learn next", next_step, "/next", learner=True),
    Command("reset", "Untick everything", reset, "/reset", learner=True),
    Command("export", "Download all your data", export, "/export", learner=True),
    Command("forget", "Delete all your data", forget, "/forget", learner=True),
]
