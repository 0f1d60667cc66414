"""Spaced review and /quiz through the core: asking, answering once, the schedule, your data."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.core import Core
from bot.features.review import parse_answer
from bot.knowledge import bundled_knowledge_path, load_knowledge
from bot.messages import ChatKind, Reply, Request
from bot.spaced import INTERVALS, ReviewState, after_answer, entered
from tests.conftest import make_request

KNOWLEDGE = load_knowledge(bundled_knowledge_path())

DAY = timedelta(days=1)


def answers(reply: Reply) -> list[str]:
    """The ``/answer`` arguments of a question's buttons."""
    return [b.args for b in reply.buttons if b.command == "answer"]


def right_and_wrong(core: Core, reply: Reply) -> tuple[str, str]:
    """The arguments of a right and of a wrong option of the question in ``reply``."""
    question_id = answers(reply)[0].split()[0]
    question = core.knowledge.questions[question_id]
    wrong = (question.answer + 1) % len(question.options)
    return f"{question_id} {question.answer}", f"{question_id} {wrong}"


# -- the schedule ----------------------------------------------------------------------------


def test_intervals_grow_with_right_answers_on_the_due_day() -> None:
    today = date(2026, 3, 2)
    state = entered("docker", today)
    gaps = [(state.due - today).days]
    for _ in range(6):
        today = state.due
        state = after_answer(state, True, today)
        gaps.append((state.due - today).days)
    assert gaps == [1, 3, 7, 16, 35, 35, 35]


@given(
    stage=st.integers(0, len(INTERVALS) - 1),
    offset=st.integers(-60, 60),
    right=st.booleans(),
)
def test_an_answer_keeps_the_schedule_sane(stage: int, offset: int, right: bool) -> None:
    today = date(2026, 3, 2)
    state = ReviewState("x", stage, today + timedelta(days=offset))
    after = after_answer(state, right, today)
    assert 0 <= after.stage < len(INTERVALS)
    assert after.due > today and after.reviewed == today
    assert after.answers == state.answers + 1
    if not right:
        assert after.due == today + DAY and after.stage == max(stage - 1, 0)
    elif offset > 0:  # answered early: the schedule stays
        assert (after.stage, after.due) == (stage, state.due)
    else:
        assert after.stage >= stage and after.due == today + timedelta(days=INTERVALS[after.stage])


# -- /quiz and /answer -----------------------------------------------------------------------


async def test_a_quiz_question_has_its_options_as_buttons(ask, core) -> None:
    reply = await ask("quiz", "docker")
    assert reply.title == "Quiz: Docker" and reply.private
    question = core.knowledge.questions[answers(reply)[0].split()[0]]
    assert question.topic_id == "docker"
    assert answers(reply) == [f"{question.id} {i}" for i in range(len(question.options))]
    assert all(option.text in "\n".join(reply.blocks) for option in question.options)


async def test_an_answer_counts_once_and_explains(ask, core, storage) -> None:
    right, wrong = right_and_wrong(core, await ask("quiz", "docker"))
    first = await ask("answer", wrong)
    assert first.title == "Not quite" and first.updates_pressed
    assert "The right answer is" in "\n".join(first.blocks)
    again = await ask("answer", right)  # the same question, pressed again
    assert again.title == "You already answered this one"
    assert await storage.activity_dates("telegram:42") == [date(2026, 3, 2)]


async def test_ticking_enters_review_and_quiz_picks_what_is_due(ask, core, clock) -> None:
    await ask("done", "docker")
    await ask("done", "rest")
    ahead = await ask("quiz")
    assert "Nothing is due" in "\n".join(ahead.blocks)
    clock.advance(86400)
    due = await ask("quiz")
    assert "Due for review today." in due.blocks
    topic = core.knowledge.questions[answers(due)[0].split()[0]].topic_id
    right, _ = right_and_wrong(core, due)
    done = await ask("answer", right)
    assert done.title == "Right!"
    assert any("in 3 days" in block for block in done.blocks)
    other = await ask("quiz")  # the other ticked topic is still due
    assert core.knowledge.questions[answers(other)[0].split()[0]].topic_id not in {topic}


async def test_a_wrong_answer_brings_the_topic_back_tomorrow(ask, core, clock, storage) -> None:
    await ask("done", "docker")
    for _ in range(3):  # three right answers on the due days: 1, 3, 7 days
        state = await storage.reviews.get("telegram:42", "docker")
        assert state is not None
        clock.set(clock.now() + (state.due - clock.now().date()) * 1)
        right, _ = right_and_wrong(core, await ask("quiz", "docker"))
        await ask("answer", right)
    state = await storage.reviews.get("telegram:42", "docker")
    assert state is not None and (state.due - clock.now().date()).days == 16
    _, wrong = right_and_wrong(core, await ask("quiz", "docker"))
    reply = await ask("answer", wrong)
    assert any(block == "Next review of Docker: tomorrow." for block in reply.blocks)
    state = await storage.reviews.get("telegram:42", "docker")
    assert state is not None and state.due == clock.now().date() + DAY and state.stage == 2


async def test_questions_take_turns_within_a_topic(ask, core) -> None:
    await ask("done", "docker")
    seen = []
    for _ in range(2):
        reply = await ask("quiz", "docker")
        seen.append(answers(reply)[0].split()[0])
        await ask("answer", right_and_wrong(core, reply)[0])
    assert len(set(seen)) == 2


async def test_untick_reset_export_and_forget_cover_the_review(ask, core, storage) -> None:
    key = "telegram:42"
    await ask("done", "docker")
    await ask("done", "rest")
    await ask("quiz", "docker")
    await ask("undo", "docker")
    assert [s.topic_id for s in await storage.reviews.states(key)] == ["rest"]
    exported = await ask("export")
    assert exported.attachment is not None
    data = json.loads(exported.attachment.content)
    assert [entry["topic"] for entry in data["reviews"]] == ["rest"]
    assert data["reviews"][0]["due"] == "2026-03-03"
    await ask("reset", "confirm")
    assert await storage.reviews.states(key) == []
    await ask("done", "rest")
    await ask("forget", "confirm")
    assert await storage.reviews.states(key) == []
    assert await storage.db.read("SELECT * FROM quiz_asked") == []


async def test_unknown_topics_and_stale_buttons_get_friendly_replies(ask) -> None:
    missing = await ask("quiz", "cobol on mars")
    assert missing.title == "Not found"
    gone = await ask("answer", "no-such-question 1")
    assert gone.title == "That question is gone"
    for args in ("", "docker-image", "docker-image 9", "docker-image -1", "docker-image x"):
        assert (await ask("answer", args)).title == "That question is gone"


@given(st.text(max_size=80) | st.sampled_from(["docker-image 0", "docker-image 3", "x 1"]))
def test_any_answer_text_names_a_real_option_or_nothing(text: str) -> None:
    parsed = parse_answer(KNOWLEDGE, text)
    if parsed is not None:
        question, index = parsed
        assert text.partition(" ")[0] == question.id and 0 <= index < len(question.options)


async def test_a_roadmap_without_questions_says_so(frontend_knowledge, storage, clock) -> None:
    core = Core(frontend_knowledge, storage, clock=clock)
    reply = await core.handle(make_request("quiz"))
    assert reply.title == "No quiz questions yet"


async def test_someone_elses_answer_button_is_refused(ask, core, storage) -> None:
    reply = await core.handle(make_request("quiz", "docker"))
    (_, payload), *_ = core.button_payloads(reply, "42")
    stranger = Request("telegram", "43", "43", ChatKind.PRIVATE, None)
    refused = await core.press(stranger, payload)
    assert refused.title == "That button is not yours"
    assert await storage.activity_dates("telegram:43") == []


async def test_the_reminder_carries_one_due_question_which_counts(ask, core, clock) -> None:
    from bot.serve import reminder_writer

    assert not any(
        b.command == "answer" for b in (await reminder_writer(core).write("telegram:42")).buttons
    )
    await ask("done", "docker")
    await ask("done", "rest")
    clock.advance(86400)
    reminder = await reminder_writer(core).write("telegram:42")
    asked = {b.args.split()[0] for b in reminder.buttons if b.command == "answer"}
    assert len(asked) == 1
    right, _ = right_and_wrong(core, reminder)
    assert (await ask("answer", right)).title == "Right!"


async def test_ticks_from_before_reviews_existed_enter_review(tmp_path) -> None:
    import sqlite3

    from bot.storage import open_storage
    from bot.storage.sqlite import load_migrations

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:
        for migration in load_migrations()[:4]:  # the schema before spaced review (0005)
            connection.executescript(migration.sql)
        connection.execute("PRAGMA user_version = 4")
        connection.execute(
            "INSERT INTO users (user_key, created_at) VALUES ('telegram:1', '2026-03-01T22:00:00')"
        )
        connection.execute(
            "INSERT INTO checklist VALUES ('telegram:1', 'docker', '2026-03-01T22:00:00+00:00')"
        )
    connection.close()
    async with await open_storage(path) as storage:
        (state,) = await storage.reviews.states("telegram:1")
    assert (state.topic_id, state.stage, state.due) == ("docker", 0, date(2026, 3, 2))
