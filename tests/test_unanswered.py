"""Questions the bot could not answer: recorded for the operator, linked to no one, grouped."""

from __future__ import annotations

import asyncio
import logging
import re
import string
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import unanswered as unanswered_module
from bot.clock import ManualClock
from bot.config import Settings, SettingsError
from bot.core import Core
from bot.limits import UNANSWERED_TEXT_CHARS
from bot.messages import ChatKind, Request
from bot.questions import QuestionAnswerer
from bot.storage import open_storage
from bot.unanswered import (
    RECORDED,
    UnansweredLog,
    UnansweredQuestion,
    group_questions,
    scrub,
)
from bot.understanding import Intent, Outcome, Understanding
from tests.conftest import START, say

DAY = 24 * 3600


@pytest.fixture
async def storage(database):
    """These tests run on SQLite and on PostgreSQL."""
    async with await open_storage(database) as opened:
        yield opened


async def stored(storage, log: UnansweredLog) -> list[dict]:
    """Every stored row with all its columns, oldest first, once ``log`` has written its queue."""
    await log.flush()
    rows = await storage.db.read("SELECT * FROM unanswered ORDER BY id")
    return [dict(zip(row.keys(), tuple(row), strict=True)) for row in rows]


async def texts(storage, log: UnansweredLog) -> list[str]:
    return [row["text"] for row in await stored(storage, log)]


def make_core(knowledge, storage, clock, **options) -> Core:
    return Core(knowledge, storage, settings=Settings(**options), clock=clock)


# -- what is recorded ----------------------------------------------------------------------------


async def test_a_question_not_answered_is_recorded_without_who_asked(
    knowledge, storage, clock: ManualClock
) -> None:
    core = make_core(knowledge, storage, clock)
    text = "tell me a joke"
    assert core.questions.understand(text).outcome is Outcome.REFUSED
    request = Request("telegram", "4242424", "-100777", ChatKind.GROUP, "ask", text, "Ada")
    await core.handle(request)
    (record,) = await stored(storage, core.unanswered)
    assert record == {
        "id": 1,
        "asked_at": int(START.timestamp()),
        "platform": "telegram",
        "intent": core.questions.guess_intent(text).value,
        "outcome": "refused",
        "text": text,
    }
    assert not {"user_key", "user_id", "chat_id", "user_name"} & set(record)
    for who in ("4242424", "777", "Ada"):
        assert all(who not in str(value) for value in record.values())


@pytest.mark.parametrize(
    "text",
    [
        "what is scala",  # not covered
        "ruby dead or nah",  # asked back
        "how do i tune a guitar",  # refused
        "what is django",  # answered
        "thanks!",  # small talk
        "which database for a banking app",  # answered (use case)
    ],
)
async def test_only_refused_not_covered_and_asked_back_questions_are_recorded(
    knowledge, storage, clock: ManualClock, text: str
) -> None:
    core = make_core(knowledge, storage, clock)
    outcome = core.questions.understand(text).outcome
    await say(core, text)
    assert len(await stored(storage, core.unanswered)) == (1 if outcome in RECORDED else 0)


@pytest.mark.parametrize("outcome", list(Outcome))
async def test_the_recorder_keeps_exactly_the_recorded_outcomes(
    storage, clock: ManualClock, outcome: Outcome
) -> None:
    log = UnansweredLog(storage.unanswered, clock, enabled=True, retention_days=90)
    understood = Understanding("ruby or not", Intent.UNKNOWN, ("ruby",), outcome)
    assert await log.record(understood, "discord") is (outcome in RECORDED)
    expected = [(outcome.value,)] if outcome in RECORDED else []
    assert [(row["outcome"],) for row in await stored(storage, log)] == expected


async def test_the_intent_is_the_answerers_or_else_a_guess(storage, clock: ManualClock) -> None:
    log = UnansweredLog(
        storage.unanswered, clock, enabled=True, retention_days=90, guess=lambda _: Intent.COMPARE
    )
    await log.record(Understanding("a", Intent.RESOURCES, (), Outcome.NOT_COVERED), "console")
    await log.record(Understanding("b", Intent.UNKNOWN, (), Outcome.REFUSED), "console")
    assert [row["intent"] for row in await stored(storage, log)] == ["resources", "compare"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("scala vs haskell", Intent.COMPARE),
        ("where can i find elixir tutorials", Intent.RESOURCES),
        ("project ideas with haskell", Intent.PROJECTS),
        ("best language for smart fridges", Intent.USE_CASE),
        ("what is scala", Intent.TOPIC),
        ("my pet python wont eat", Intent.UNKNOWN),
    ],
)
def test_guess_intent_reads_the_cue_words(knowledge, text: str, intent: Intent) -> None:
    assert QuestionAnswerer(knowledge).guess_intent(text) is intent


async def test_the_stored_text_is_scrubbed_and_cut(knowledge, storage, clock: ManualClock) -> None:
    core = make_core(knowledge, storage, clock)
    text = "tell me a joke, mail ada@example.com or call +49 170 1234567, ask @ada_l " + "ha" * 200
    assert len(text) > UNANSWERED_TEXT_CHARS
    await say(core, text)
    (saved,) = await texts(storage, core.unanswered)
    assert len(saved) <= UNANSWERED_TEXT_CHARS and saved.endswith("…")
    assert saved.startswith("tell me a joke, mail <email> or call <number>, ask @someone haha")


@given(
    st.text(
        alphabet=st.sampled_from(string.ascii_letters + string.digits + " @.+-_()<>#!&é\n"),
        max_size=600,
    )
)
def test_scrub_leaves_no_handle_address_or_long_number(text: str) -> None:
    cleaned = scrub(text)
    assert len(cleaned) <= UNANSWERED_TEXT_CHARS
    digits = "".join(ch if ch.isdigit() else " " for ch in cleaned.replace("<number>", " "))
    longest_run = max((len(run) for run in digits.split()), default=0)
    assert longest_run < 7
    assert not re.search(r"@\w", cleaned.replace("@someone", ""))


# -- switched off, retention, cap ----------------------------------------------------------------


@pytest.mark.parametrize("options", [{"unanswered_log": False}, {"unanswered_retention_days": 0}])
async def test_recording_can_be_turned_off(knowledge, storage, clock, options) -> None:
    core = make_core(knowledge, storage, clock, **options)
    reply = await say(core, "tell me a joke")
    assert reply.title and await stored(storage, core.unanswered) == []


async def test_old_rows_are_pruned_with_the_first_record_of_a_day(
    knowledge, storage, clock: ManualClock
) -> None:
    core = make_core(knowledge, storage, clock, unanswered_retention_days=30)

    async def ask(text: str) -> None:
        await say(core, text)
        await core.unanswered.flush()

    await ask("tell me a joke")
    clock.advance(29 * DAY)
    await ask("how do i tune a guitar")
    clock.advance(2 * DAY)  # the first question is now 31 days old: pruned by the next write
    await ask("tell me a joke")
    assert await texts(storage, core.unanswered) == [
        "how do i tune a guitar",
        "tell me a joke",
    ]
    # Pruned at most once a day: an expired row appearing later that day stays until tomorrow.
    old = int((clock.now() - timedelta(days=40)).timestamp())
    await storage.db.write(
        "INSERT INTO unanswered (asked_at, platform, intent, outcome, text)"
        " VALUES (?, 'console', 'topic', 'refused', 'ancient')",
        (old,),
    )
    await ask("tell me a joke")
    assert "ancient" in await texts(storage, core.unanswered)
    clock.advance(DAY)
    await ask("tell me a joke")
    assert "ancient" not in await texts(storage, core.unanswered)


async def test_prune_at_start_keeps_the_retention_even_with_recording_off(
    storage, clock: ManualClock
) -> None:
    for offset in (0, 10, 20):
        clock.set(START + timedelta(days=offset))
        log = UnansweredLog(storage.unanswered, clock, enabled=True, retention_days=90)
        await log.record(Understanding(f"q{offset}", Intent.UNKNOWN, (), Outcome.REFUSED), "x")
        await log.flush()
    clock.set(START + timedelta(days=105))
    off = UnansweredLog(storage.unanswered, clock, enabled=False, retention_days=90)
    assert await off.prune() == 2
    assert await texts(storage, log) == ["q20"]
    assert await UnansweredLog(storage.unanswered, clock, enabled=True, retention_days=0).prune()
    assert await stored(storage, log) == []


async def test_a_flood_keeps_only_the_newest_rows(
    knowledge, storage, clock: ManualClock, monkeypatch
) -> None:
    monkeypatch.setattr(unanswered_module, "UNANSWERED_MAX_ROWS", 3)
    core = make_core(knowledge, storage, clock)
    for n in range(6):
        await say(core, f"tell me a joke number {n}")
    assert await texts(storage, core.unanswered) == [
        f"tell me a joke number {n}" for n in (3, 4, 5)
    ]


async def test_a_storage_failure_still_answers(
    knowledge, storage, clock: ManualClock, monkeypatch, caplog
) -> None:
    async def broken(*args, **kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr(storage.unanswered, "add", broken)
    core = make_core(knowledge, storage, clock)
    with caplog.at_level(logging.WARNING, logger="bot.unanswered"):
        reply = await say(core, "tell me a joke")
        await core.unanswered.flush()
    assert reply.title == "I only know the roadmap"
    assert "could not record 1 unanswered question(s)" in caplog.text


async def test_the_reply_does_not_wait_for_the_write_and_questions_go_in_batches(
    knowledge, storage, clock: ManualClock, monkeypatch
) -> None:
    written = storage.unanswered.add
    batches: list[list[str]] = []
    taken, release = asyncio.Event(), asyncio.Event()

    async def slow(questions, **options):
        batches.append([question.text for question in questions])
        taken.set()
        await release.wait()
        await written(questions, **options)

    monkeypatch.setattr(storage.unanswered, "add", slow)
    core = make_core(knowledge, storage, clock)
    reply = await say(core, "tell me a joke")
    assert reply.title == "I only know the roadmap"  # answered while nothing is written yet
    await say(core, "how do i tune a guitar")
    await asyncio.sleep(0)
    assert batches == []  # gathered, not written yet
    flushing = asyncio.create_task(core.unanswered.flush())
    await taken.wait()  # the writer took both and waits for the database
    await say(core, "what is scala")
    release.set()
    await flushing
    assert await texts(storage, core.unanswered) == [
        "tell me a joke",
        "how do i tune a guitar",
        "what is scala",
    ]
    assert batches == [["tell me a joke", "how do i tune a guitar"], ["what is scala"]]


async def test_questions_beyond_the_buffer_are_dropped_with_a_warning(
    storage, clock: ManualClock, monkeypatch, caplog
) -> None:
    monkeypatch.setattr(unanswered_module, "UNANSWERED_BUFFER", 2)
    log = UnansweredLog(storage.unanswered, clock, enabled=True, retention_days=90)
    results = [
        await log.record(Understanding(f"q{n}", Intent.UNKNOWN, (), Outcome.REFUSED), "x")
        for n in range(3)
    ]
    assert results == [True, True, False]
    with caplog.at_level(logging.WARNING, logger="bot.unanswered"):
        assert await texts(storage, log) == ["q0", "q1"]
    assert "dropped 1 unanswered question(s)" in caplog.text


async def test_a_full_batch_is_written_without_waiting_out_the_gathering_time(
    storage, clock: ManualClock, monkeypatch
) -> None:
    monkeypatch.setattr(unanswered_module, "UNANSWERED_GATHER_SECONDS", 3600.0)
    monkeypatch.setattr(unanswered_module, "UNANSWERED_BATCH", 3)
    monkeypatch.setattr(unanswered_module, "UNANSWERED_BUFFER", 4)
    written = asyncio.Event()
    add = storage.unanswered.add

    async def noted(questions, **options):
        await add(questions, **options)
        written.set()

    monkeypatch.setattr(storage.unanswered, "add", noted)
    log = UnansweredLog(storage.unanswered, clock, enabled=True, retention_days=90)
    for n in range(3):
        assert await log.record(Understanding(f"q{n}", Intent.UNKNOWN, (), Outcome.REFUSED), "x")
    await asyncio.wait_for(written.wait(), timeout=60)  # the gathering time is an hour
    assert await texts(storage, log) == ["q0", "q1", "q2"]


async def test_closing_the_core_writes_what_the_log_still_holds(tmp_path: Path, knowledge) -> None:
    path = tmp_path / "bot.sqlite3"
    async with await open_storage(path) as storage:
        core = make_core(knowledge, storage, ManualClock(START))
        await say(core, "tell me a joke")
        await core.close()
    async with await open_storage(path) as reopened:
        assert [q.text for q in await reopened.unanswered.since()] == ["tell me a joke"]


async def test_forget_leaves_them_since_nothing_links_them_to_anyone(
    knowledge, storage, clock: ManualClock
) -> None:
    core = make_core(knowledge, storage, clock)
    await say(core, "tell me a joke", user="7")
    await say(core, "/done python", user="7")
    export = await storage.export_user("console:7")
    assert "tell me a joke" not in str(export)
    await say(core, "/forget confirm", user="7")
    assert (await storage.export_user("console:7"))["done"] == []
    assert await texts(storage, core.unanswered) == ["tell me a joke"]


def test_settings_read_the_switch_and_the_retention() -> None:
    assert Settings.from_env({}, env_file=Path("/nonexistent")).unanswered_log is True
    assert Settings.from_env({}, env_file=Path("/nonexistent")).unanswered_retention_days == 90
    off = Settings.from_env(
        {"UNANSWERED_LOG": "OFF", "UNANSWERED_RETENTION_DAYS": "7"},
        env_file=Path("/nonexistent"),
    )
    assert off.unanswered_log is False and off.unanswered_retention_days == 7
    with pytest.raises(SettingsError, match="UNANSWERED_LOG"):
        Settings.from_env({"UNANSWERED_LOG": "maybe"}, env_file=Path("/nonexistent"))
    with pytest.raises(SettingsError, match="UNANSWERED_RETENTION_DAYS"):
        Settings.from_env({"UNANSWERED_RETENTION_DAYS": "-1"}, env_file=Path("/nonexistent"))


# -- grouping ------------------------------------------------------------------------------------


def question(text: str, minute: int = 0, platform: str = "telegram") -> UnansweredQuestion:
    return UnansweredQuestion(text, platform, "topic", "refused", START + timedelta(minutes=minute))


def test_near_duplicates_share_a_group_with_counts_platforms_and_last_seen() -> None:
    rows = [
        question("What is Scala?", 1),
        question("what is scala", 2, "discord"),
        question("what   is SCALA!!", 3),
        question("tell me about the scala language", 4),
        question("which database for a banking app", 5),
        question("what database should I use for a banking app", 6, "discord"),
        question("how do I tune a guitar", 7),
    ]
    groups = group_questions(rows)
    assert [g.count for g in groups] == [4, 2, 1]
    scala, banking, guitar = groups
    assert scala.platforms == ("discord", "telegram")
    assert scala.last_seen == START + timedelta(minutes=4)
    assert banking.representative == "what database should I use for a banking app"
    assert guitar.examples == ()
    assert scala.as_json()["count"] == 4


def test_a_short_question_does_not_swallow_every_longer_one_sharing_its_word() -> None:
    # token_set_ratio scores "app" against "banking app audit" 100 (a subset).
    rows = [question("app")] * 3 + [question("banking")] * 2 + [question("audit")] * 2
    rows.append(question("banking app audit"))
    assert [g.count for g in group_questions(rows)] == [3, 2, 2, 1]


TEXTS = st.sampled_from(
    [
        "what is scala",
        "What is Scala?",
        "scala",
        "tell me about scala",
        "how do i tune a guitar",
        "guitar tuning",
        "which db for banking",
        "",
        "!!!",
        "app",
        "banking app",
    ]
) | st.text(alphabet="ab c!?", max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(TEXTS, st.integers(0, 500), st.sampled_from(["telegram", "discord"]))))
def test_grouping_puts_every_row_in_exactly_one_group_most_frequent_first(rows) -> None:
    questions = [question(text, minute, platform) for text, minute, platform in rows]
    groups = group_questions(questions)
    assert sum(g.count for g in groups) == len(questions)
    placed = [id(q) for g in groups for q in g.questions]
    assert sorted(placed) == sorted(id(q) for q in questions)
    counts = [g.count for g in groups]
    assert counts == sorted(counts, reverse=True)
    for g in groups:
        assert g.count >= 1
        assert g.representative in {q.text for q in g.questions}
        assert set(g.platforms) == {q.platform for q in g.questions}
        assert g.last_seen == max(q.asked_at for q in g.questions)


async def test_since_reads_from_a_moment(storage, clock: ManualClock) -> None:
    log = UnansweredLog(storage.unanswered, clock, enabled=True, retention_days=90)
    for day in range(3):
        clock.set(START + timedelta(days=day))
        await log.record(Understanding(f"q{day}", Intent.UNKNOWN, (), Outcome.REFUSED), "x")
    await log.flush()
    later = await storage.unanswered.since(START + timedelta(days=1))
    assert [q.text for q in later] == ["q1", "q2"]
    assert later[0].asked_at == START + timedelta(days=1)
    assert later[0].asked_at.tzinfo is not None
    assert len(await storage.unanswered.since()) == 3
