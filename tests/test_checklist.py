import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import make_request
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import checklist
from bot.core import Core
from bot.knowledge import load_knowledge
from bot.messages import Button, ReplyKind
from bot.storage import open_storage

FRONTEND = Path(__file__).parent / "data" / "frontend-roadmap.yaml"
TODAY = date(2026, 3, 2)


@pytest.fixture
async def storage(database):
    """Every checklist test runs on SQLite and on PostgreSQL."""
    async with await open_storage(database) as opened:
        yield opened


# -- pure logic -----------------------------------------------------------------------------------


def test_a_track_is_the_shared_sections_plus_the_language_and_its_frameworks(knowledge) -> None:
    python = [topic.id for topic in checklist.items(knowledge, "python")]
    assert "python" in python and "django" in python and "flask" in python
    assert "go" not in python and "gin" not in python and "express" not in python
    shared = [t.id for s in knowledge.sections if s.shared for t in knowledge.section_topics(s)]
    assert set(shared) <= set(python)
    assert checklist.items(knowledge, None) == list(knowledge.topics.values())
    # a track that is not (or no longer) a language means the whole roadmap
    assert checklist.items(knowledge, "sql") == checklist.items(knowledge, None)
    assert checklist.items(knowledge, "cobol") == checklist.items(knowledge, None)


def test_progress_groups_by_section_in_order_and_ignores_unknown_ticks(knowledge) -> None:
    done = {"python", "django", "database-management", "no-longer-in-the-file"}
    progress = checklist.progress(knowledge, "python", done)
    assert [part.section.id for part in progress.sections] == [
        s.id for s in knowledge.sections if s.id in {p.section.id for p in progress.sections}
    ]
    assert progress.done_count == 3
    assert progress.total == len(checklist.items(knowledge, "python"))
    languages = next(p for p in progress.sections if p.section.id == "languages")
    assert (languages.done_count, len(languages.items), languages.percent) == (1, 1, 100)


def test_next_item_follows_learning_order(knowledge) -> None:
    order = checklist.items(knowledge, "go")
    assert checklist.next_item(knowledge, "go", set()) == order[0]
    assert checklist.next_item(knowledge, "go", {order[0].id}) == order[1]
    assert checklist.next_item(knowledge, "go", {t.id for t in order}) is None


@pytest.mark.parametrize(
    ("done", "total", "bar"),
    [
        (0, 10, "░░░░░░░░░░ 0%"),
        (4, 10, "▓▓▓▓░░░░░░ 40%"),
        (29, 30, "▓▓▓▓▓▓▓▓▓░ 96%"),
        (30, 30, "▓▓▓▓▓▓▓▓▓▓ 100%"),
        (0, 0, "░░░░░░░░░░ 0%"),
    ],
)
def test_progress_bar_examples(done: int, total: int, bar: str) -> None:
    assert checklist.progress_bar(done, total) == bar


@given(st.integers(1, 500).flatmap(lambda total: st.tuples(st.integers(0, total), st.just(total))))
def test_progress_bar_has_a_fixed_width_and_shows_100_only_when_complete(pair) -> None:
    done, total = pair
    bar, percent = checklist.progress_bar(done, total).split(" ")
    assert len(bar) == checklist.BAR_WIDTH
    assert set(bar) <= {checklist.BAR_FULL, checklist.BAR_EMPTY}
    assert (percent == "100%") == (done == total)
    assert (bar.count(checklist.BAR_FULL) == checklist.BAR_WIDTH) == (done == total)


@pytest.mark.parametrize(
    ("offsets", "expected"),
    [
        ([], 0),
        ([0], 1),
        ([1], 1),  # nothing yet today: yesterday's run still counts
        ([2], 0),
        ([0, 1, 2, 4], 3),
        ([1, 2, 3], 3),
        ([0, 2, 3], 1),
    ],
)
def test_streak(offsets: list[int], expected: int) -> None:
    dates = [TODAY - timedelta(days=offset) for offset in offsets]
    assert checklist.streak(dates, TODAY) == expected


# -- commands -------------------------------------------------------------------------------------


async def test_track_shows_choices_then_changes_keeping_ticks(ask, core: Core) -> None:
    reply = await ask("track")
    assert reply.private
    assert "whole roadmap" in reply.title
    assert Button("Python", "track", "python") in reply.buttons
    assert Button("Whole roadmap", "track", "none") in reply.buttons

    await ask("done", "django")
    reply = await ask("track", "pyhton")  # typo
    assert "Python track" in reply.title
    assert "1 already ticked" in reply.blocks[0]
    assert (await core.storage.get_user("telegram:42")).track == "python"

    await ask("track", "go")
    assert "django" in await core.storage.done_items("telegram:42")
    for word in ("none", "All"):
        await ask("track", "go")
        reply = await ask("track", word)
        assert "whole roadmap" in reply.title
        assert (await core.storage.get_user("telegram:42")).track is None


async def test_track_with_an_unknown_language_suggests(ask) -> None:
    reply = await ask("track", "cobol")
    assert reply.kind is ReplyKind.NOT_FOUND
    assert "cobol" in reply.blocks[0]


async def test_progress_groups_by_section_with_bars(ask, knowledge) -> None:
    await ask("track", "python")
    for item in ("python", "djnago", "flask"):  # a typo too
        assert "ticked" in (await ask("done", item)).title
    reply = await ask("progress")
    assert reply.private
    total = len(checklist.items(knowledge, "python"))
    assert f"(3 of {total} items)" in reply.blocks[0]
    frameworks = next(f for f in reply.fields if f.name.startswith("Frameworks"))
    assert frameworks.value.splitlines() == ["▓▓▓▓▓▓▓▓▓▓ 100%", "✓ Django", "✓ Flask"]
    assert "Express" not in "".join(f.value for f in reply.fields)
    assert Button("Next", "next") in [Button(b.label, b.command, b.args) for b in reply.buttons]


@pytest.mark.parametrize(
    ("typed", "offered"),
    [("cloud", "gcp"), ("git", "ci-cd"), ("auth", "oauth"), ("data", "database-management")],
)
async def test_done_asks_back_for_a_partial_name_instead_of_guessing(
    ask, core: Core, typed: str, offered: str
) -> None:
    reply = await ask("done", typed)
    assert reply.kind is ReplyKind.NOT_FOUND
    assert offered in [button.args for button in reply.buttons]
    assert not await core.storage.done_items("telegram:42")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=24))
def test_a_strict_lookup_only_ever_narrows_a_lenient_one(knowledge, typed: str) -> None:
    names = knowledge.topic_names
    strict = names.resolve(typed, strict=True).match
    if strict is not None:
        lenient = names.resolve(typed).match
        assert lenient is not None and lenient.id == strict.id


async def test_done_asks_back_when_ambiguous_and_lists_choices_when_empty(ask) -> None:
    reply = await ask("done", "api")
    assert reply.kind is ReplyKind.NOT_FOUND
    assert Button("API Integration", "done", "api-integration") in reply.buttons
    assert all(button.command == "done" for button in reply.buttons)

    reply = await ask("done")
    assert [b.args for b in reply.buttons][:2] == ["database-management", "hosting-environment"]
    await ask("done", "database management")
    reply = await ask("done")
    assert reply.buttons[0].args == "hosting-environment"

    reply = await ask("undo")
    assert [b.args for b in reply.buttons] == ["database-management"]
    reply = await ask("done", "qwertyuiop")
    assert reply.kind is ReplyKind.NOT_FOUND
    assert not reply.buttons


async def test_items_off_the_track_are_accepted_with_a_note(ask, core: Core) -> None:
    await ask("track", "python")
    reply = await ask("done", "gin")
    assert "Gin ticked" in reply.title
    assert "not on the Python track" in reply.blocks[0]
    reply = await ask("done", "flask")
    assert "not on" not in " ".join(reply.blocks)
    await ask("track", "go")
    assert "(1 of" in (await ask("progress")).blocks[0]  # gin counts now, flask is kept
    assert {"gin", "flask"} <= await core.storage.done_items("telegram:42")


async def test_undo_unticks(ask, core: Core) -> None:
    await ask("done", "sql")
    reply = await ask("undo", "sql")
    assert "unticked" in reply.title
    assert (await ask("undo", "sql")).title == "SQL Databases was not ticked"
    assert await core.storage.done_items("telegram:42") == frozenset()


async def test_next_gives_one_resource_and_one_project(ask, knowledge) -> None:
    await ask("track", "java")
    first = checklist.items(knowledge, "java")[0]
    reply = await ask("next")
    assert reply.title == f"Next: {first.title}"
    assert len(reply.links) == 1
    assert sum(block.startswith("Project idea:") for block in reply.blocks) == 1
    assert reply.buttons[0].command_line == f"/done {first.id}"


async def test_next_when_everything_is_ticked(ask, knowledge) -> None:
    for topic in checklist.items(knowledge, None):
        await ask("done", topic.id)
    reply = await ask("next")
    assert "ticked everything" in reply.title


async def test_reset_and_forget_need_confirmation(ask, core: Core) -> None:
    storage = core.storage
    await ask("track", "go")
    await ask("done", "go")
    reply = await ask("reset")
    assert reply.kind is ReplyKind.CONFIRM
    assert reply.buttons[0].command_line == "/reset confirm"
    assert await storage.done_items("telegram:42") == {"go"}
    await ask("reset", "confirm")
    assert await storage.done_items("telegram:42") == frozenset()
    assert (await storage.get_user("telegram:42")).track == "go"

    await ask("done", "go")
    reply = await ask("forget")
    assert reply.buttons[0].command_line == "/forget confirm"
    assert await storage.done_items("telegram:42") == {"go"}
    await ask("forget", "confirm")
    assert await storage.done_items("telegram:42") == frozenset()
    assert (await storage.get_user("telegram:42")).created is None


async def test_export_is_a_private_json_attachment_of_only_my_data(ask) -> None:
    await ask("done", "sql")
    await ask("done", "redis is not here but go is", user="7")
    reply = await ask("export")
    assert reply.private
    assert reply.attachment is not None
    assert reply.attachment.filename == "roadmap-bot-telegram-42.json"
    data = json.loads(reply.attachment.content)
    assert data["user"] == "telegram:42"
    assert [entry["item"] for entry in data["done"]] == ["sql"]


async def test_users_cannot_touch_each_others_data(ask, core: Core) -> None:
    await ask("done", "sql", user="1")
    await ask("done", "sql", user="1", platform="discord")
    reply = await ask("undo", user="1")
    button = reply.buttons[0]
    payload = core.button_payload(button, "1")

    # someone else presses user 1's button: refused
    refused = await core.press(make_request(None, user="2"), payload)
    assert refused.kind is ReplyKind.ERROR
    # a crafted payload naming user 2 as owner only ever acts on user 2's own data
    crafted = core.button_payload(Button("x", "forget", "confirm"), "2")
    await core.press(make_request(None, user="2"), crafted)
    assert await core.storage.done_items("telegram:1") == {"sql"}
    # the same id on another platform is another user
    await ask("reset", "confirm", user="1", platform="discord")
    assert await core.storage.done_items("telegram:1") == {"sql"}
    assert await core.storage.done_items("discord:1") == frozenset()
    # the owner's own press works
    assert "unticked" in (await core.press(make_request(None, user="1"), payload)).title


async def test_every_button_payload_fits_with_a_long_user_id(ask, core: Core) -> None:
    user = "9" * 20
    replies = [await ask("track", user=user)]
    for command, args in [
        ("next", ""),
        ("done", ""),
        ("done", "api"),
        ("reset", ""),
        ("forget", ""),
    ]:
        replies.append(await ask(command, args, user=user))
    replies.append(await ask("done", "authentication and security middleware", user=user))
    for reply in replies:
        assert reply.private
        for button in reply.buttons:
            core.button_payload(button, user)  # raises if too long


async def test_a_changed_knowledge_file_keeps_old_ticks_hidden(storage, clock) -> None:
    backend = Core(
        load_knowledge(Path(__file__).parent.parent / "knowledge" / "roadmap.yaml"),
        storage,
        clock=clock,
    )
    await backend.handle(make_request("done", "django"))
    await backend.handle(make_request("track", "python"))
    frontend = Core(load_knowledge(FRONTEND), storage, clock=clock)
    for command in ("progress", "next", "done", "undo", "track"):
        reply = await frontend.handle(make_request(command))
        assert reply.kind is not ReplyKind.ERROR, command
    reply = await frontend.handle(make_request("progress"))
    assert "whole roadmap" in reply.title  # python is not a track there
    assert "(0 of 8 items)" in reply.blocks[0]
    await frontend.handle(make_request("done", "react"))
    assert await storage.done_items("telegram:42") == {"django", "react"}
    reply = await backend.handle(make_request("progress"))
    assert "Django" in "".join(f.value for f in reply.fields if "✓ Django" in f.value)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(command=st.sampled_from(["done", "undo", "track"]), text=st.text(max_size=80))
async def test_any_input_gets_a_real_answer(core: Core, command: str, text: str) -> None:
    reply = await core.handle(make_request(command, text))
    assert reply.kind is not ReplyKind.ERROR
    assert reply.private
