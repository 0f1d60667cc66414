"""Progress kept when the roadmap changes: former ids forwarded, carried over, warned about."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import validate
from bot.core import Core
from bot.knowledge import KnowledgeError, lost_ids, parse_knowledge
from tests.conftest import make_request

BEFORE = """\
version: 1
roadmap: {id: tiny, title: Tiny, summary: A tiny roadmap.}
kinds: {language: [], concept: []}
sections:
  - id: first
    title: First
    summary: The first step.
    topics: [alpha, beta, gamma]
topics:
  - {id: alpha, title: Alpha, kind: language, summary: Alpha is a language.}
  - {id: beta, title: Beta, kind: concept, summary: Beta is a thing.}
  - {id: gamma, title: Gamma, kind: concept, summary: Gamma is a thing.}
"""
#: beta became "beta-two" (forwarded), gamma was dropped without a forward.
AFTER = (
    BEFORE.replace("alpha, beta, gamma]", "alpha, beta-two]")
    .replace("{id: beta,", "{id: beta-two,")
    .replace("  - {id: gamma, title: Gamma, kind: concept, summary: Gamma is a thing.}\n", "")
    + "renamed:\n  beta: beta-two\n"
)


def test_renamed_ids_load_and_bad_forwards_name_the_line() -> None:
    assert parse_knowledge(AFTER).renamed == {"beta": "beta-two"}
    for block, message in [
        ("renamed:\n  beta: nowhere\n", "renamed.beta: forwards to 'nowhere'"),
        ("renamed:\n  alpha: beta-two\n", "renamed.alpha: 'alpha' is a current id"),
        (
            "renamed:\n  Not A Slug: alpha\n",
            "renamed.Not A Slug: 'Not A Slug' is not a valid former id",
        ),
    ]:
        with pytest.raises(KnowledgeError) as error:
            parse_knowledge(AFTER.replace("renamed:\n  beta: beta-two\n", block))
        assert f"<knowledge>:{AFTER.count(chr(10))}: {message}" in str(error.value)


def test_lost_ids_are_those_without_a_forward() -> None:
    assert lost_ids(parse_knowledge(BEFORE), parse_knowledge(AFTER)) == ["gamma"]


def test_validate_warns_about_ids_gone_without_a_forward(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "before.yaml").write_text(BEFORE)
    (tmp_path / "after.yaml").write_text(AFTER)
    assert validate(tmp_path / "after.yaml", previous=tmp_path / "before.yaml") == 0
    out = capsys.readouterr().out
    assert "warning: topic 'gamma'" in out and "'beta'" not in out


async def test_ticks_reviews_and_track_are_carried_over(storage, clock) -> None:
    before, after = parse_knowledge(BEFORE), parse_knowledge(AFTER)
    old = Core(before, storage, clock=clock)
    for args in ("alpha", "beta", "gamma"):
        await old.handle(make_request("done", args))
    await old.handle(make_request("done", "beta", user="7"))
    await old.handle(make_request("done", "beta-two", user="7"))  # holds both: kept once
    assert await storage.carry_over(after.renamed) >= 2
    assert await storage.done_items("telegram:42") == {"alpha", "beta-two", "gamma"}
    assert await storage.done_items("telegram:7") == {"beta-two"}
    assert [s.topic_id for s in await storage.reviews.states("telegram:42")] == [
        "alpha",
        "beta-two",
        "gamma",
    ]
    new = Core(after, storage, clock=clock)
    progress = await new.handle(make_request("progress"))
    assert "(2 of 2 items)" in progress.blocks[0]
    assert any(
        "1 of your tick is for topics no longer on this roadmap" in b for b in progress.blocks
    )
    assert await storage.carry_over(after.renamed) == 0  # nothing left to move


async def test_a_renamed_track_is_carried_over(storage, clock) -> None:
    before = parse_knowledge(BEFORE)
    renamed = (
        BEFORE.replace("[alpha, beta, gamma]", "[alpha-two, beta, gamma]").replace(
            "{id: alpha,", "{id: alpha-two,"
        )
        + "renamed:\n  alpha: alpha-two\n"
    )
    await Core(before, storage, clock=clock).handle(make_request("track", "alpha"))
    await storage.carry_over(parse_knowledge(renamed).renamed)
    assert (await storage.get_user("telegram:42")).track == "alpha-two"


async def test_the_bot_carries_ticks_over_when_it_starts(tmp_path) -> None:
    from bot.config import Settings
    from bot.serve import open_core
    from bot.storage import open_storage

    settings = Settings(database_path=tmp_path / "bot.sqlite3")
    async with await open_storage(settings.database_path) as storage:
        await Core(parse_knowledge(BEFORE), storage).handle(make_request("done", "beta"))
    core, storage = await open_core(parse_knowledge(AFTER), settings)
    async with storage:
        assert await storage.done_items("telegram:42") == {"beta-two"}
        assert core.knowledge.renamed == {"beta": "beta-two"}
