"""Linked identities in storage, on SQLite and on PostgreSQL: codes, merging, unlinking."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.limits import LINK_MAX_WRONG
from bot.linking import ALPHABET, LinkCode, LinkOutcome
from bot.messages import ChatKind
from bot.reminder_model import Reminder
from bot.storage import open_storage
from bot.storage.base import Storage

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
DAY = date(2026, 3, 2)
ADA_TG, ADA_DC, BOB = "telegram:1", "discord:1", "telegram:2"
CODE = LinkCode("ABCDEFGH")


@pytest.fixture
async def storage(database):
    async with await open_storage(database) as opened:
        yield opened


async def issue(storage: Storage, user: str, code: LinkCode = CODE, at: datetime = AT) -> None:
    assert await storage.identities.issue(
        user, code.locator, code.digest, at + timedelta(minutes=10), at
    )


async def redeem(storage: Storage, user: str, code: LinkCode = CODE, at: datetime = AT):
    return await storage.identities.redeem(user, code.locator, code.digest, at)


def reminder(user_key: str, *, enabled: bool = True) -> Reminder:
    platform, user_id = user_key.split(":")
    return Reminder(
        user_key, platform, user_id, "", None, ChatKind.PRIVATE, time(8), "UTC", enabled, AT
    )


async def test_linking_merges_the_second_identity_onto_the_first(storage: Storage) -> None:
    await storage.set_track(ADA_TG, "python")
    await storage.mark_done(ADA_TG, "sql", AT, DAY)
    await storage.mark_done(ADA_DC, "git", AT, DAY + timedelta(days=1))
    await storage.mark_done(ADA_DC, "sql", AT - timedelta(days=3), DAY - timedelta(days=3))
    await storage.set_track(ADA_DC, "go")
    await storage.set_timezone(ADA_DC, "Europe/Berlin")
    await issue(storage, ADA_TG)
    result = await redeem(storage, ADA_DC)
    assert result.outcome is LinkOutcome.LINKED and result.learner_key == ADA_TG
    assert await storage.identities.learner(ADA_DC) == ADA_TG
    assert await storage.identities.learner(ADA_TG) == ADA_TG
    assert await storage.identities.members(ADA_TG) == [ADA_TG, ADA_DC]
    assert await storage.done_items(ADA_TG) == {"sql", "git"}
    assert await storage.done_items(ADA_DC) == frozenset()  # moved, not copied
    user = await storage.get_user(ADA_TG)
    assert (user.track, user.timezone) == ("python", "Europe/Berlin")  # one track: the first's
    days = await storage.activity_dates(ADA_TG)
    assert days == [DAY - timedelta(days=3), DAY, DAY + timedelta(days=1)]
    exported = await storage.export_user(ADA_TG)
    # The earlier tick of sql is kept.
    assert {d["item"]: d["at"] for d in exported["done"]}["sql"] == (
        AT - timedelta(days=3)
    ).isoformat()
    assert exported["identities"] == [ADA_TG, ADA_DC]
    # The code was single use.
    again = await redeem(storage, BOB)
    assert again.outcome is LinkOutcome.WRONG


async def test_review_state_merges_to_the_earlier_due_date_with_both_counts(
    storage: Storage,
) -> None:
    await storage.mark_done(ADA_TG, "sql", AT, DAY)
    await storage.mark_done(ADA_DC, "sql", AT, DAY)
    await storage.reviews.ask(ADA_TG, "q1", AT)
    await storage.reviews.answer(ADA_TG, "q1", "sql", True, DAY + timedelta(days=1))
    await storage.reviews.ask(ADA_DC, "q2", AT)
    await storage.reviews.answer(ADA_DC, "q2", "sql", False, DAY + timedelta(days=2))
    before_tg = await storage.reviews.get(ADA_TG, "sql")
    before_dc = await storage.reviews.get(ADA_DC, "sql")
    assert before_tg is not None and before_dc is not None
    await issue(storage, ADA_TG)
    assert (await redeem(storage, ADA_DC)).outcome is LinkOutcome.LINKED
    merged = await storage.reviews.get(ADA_TG, "sql")
    assert merged is not None
    assert merged.due == min(before_tg.due, before_dc.due)
    assert merged.stage == min(before_tg.stage, before_dc.stage)
    assert (merged.right, merged.wrong) == (1, 1)
    assert await storage.reviews.get(ADA_DC, "sql") is None


async def test_one_reminder_the_first_identitys_if_on(storage: Storage) -> None:
    await storage.reminders.set_reminder(reminder(ADA_TG), AT)
    await storage.reminders.set_reminder(reminder(ADA_DC), AT)
    await issue(storage, ADA_TG)
    await redeem(storage, ADA_DC)
    kept = await storage.reminders.get(ADA_TG)
    assert kept is not None and kept.platform == "telegram"
    assert await storage.reminders.get(ADA_DC) is None


async def test_the_second_identitys_reminder_moves_when_the_first_has_none_on(
    storage: Storage,
) -> None:
    await storage.reminders.set_reminder(reminder(ADA_TG, enabled=False), AT)
    await storage.reminders.set_reminder(reminder(ADA_DC), AT)
    await storage.snoozes.set_evening(ADA_DC, time(19), AT)
    await issue(storage, ADA_TG)
    await redeem(storage, ADA_DC)
    moved = await storage.reminders.get(ADA_TG)
    assert moved is not None and moved.enabled
    assert (moved.platform, moved.user_id) == ("discord", "1")  # still delivered on Discord
    assert await storage.snoozes.evening(ADA_TG) == time(19)


async def test_wrong_expired_own_and_used_codes(storage: Storage) -> None:
    await issue(storage, ADA_TG)
    assert (await redeem(storage, ADA_TG)).outcome is LinkOutcome.OWN_CODE
    wrong = await redeem(storage, ADA_DC, LinkCode("ABCDEFGJ"))
    assert wrong.outcome is LinkOutcome.WRONG and wrong.tries_left == LINK_MAX_WRONG - 1
    late = AT + timedelta(minutes=10)
    expired = await redeem(storage, ADA_DC, at=late)
    assert expired.outcome is LinkOutcome.EXPIRED
    assert (await redeem(storage, ADA_DC, at=late)).outcome is LinkOutcome.WRONG  # deleted
    assert await storage.identities.learner(ADA_DC) == ADA_DC


async def test_five_wrong_tries_end_a_code_even_from_different_people(storage: Storage) -> None:
    await issue(storage, ADA_TG)
    for guesser in range(LINK_MAX_WRONG):
        result = await redeem(storage, f"telegram:{100 + guesser}", LinkCode("ABCZZZZZ"))
        assert result.outcome is LinkOutcome.WRONG
        last = guesser == LINK_MAX_WRONG - 1
        assert result.ended_code_of == (ADA_TG if last else None)  # the issuer is told
    # The right code no longer works: its locator was guessed at five times.
    assert (await redeem(storage, ADA_DC)).outcome is LinkOutcome.WRONG
    assert await storage.identities.learner(ADA_DC) == ADA_DC


async def test_five_failed_tries_block_a_guesser_across_codes_until_the_window_ends(
    storage: Storage,
) -> None:
    await issue(storage, ADA_TG)
    for n in range(LINK_MAX_WRONG):
        result = await redeem(
            storage, BOB, LinkCode(f"XYZ{n}2345".replace("0", "9").replace("1", "8"))
        )
        assert result.outcome is LinkOutcome.WRONG
        assert result.tries_left == LINK_MAX_WRONG - n - 1
    blocked = await redeem(storage, BOB)  # even the right code is not looked at
    assert blocked.outcome is LinkOutcome.BLOCKED
    assert blocked.retry_at == AT + timedelta(minutes=10)
    assert await storage.identities.learner(BOB) == BOB
    later = AT + timedelta(minutes=9, seconds=59)
    await issue(storage, ADA_TG, at=later)
    assert (await redeem(storage, BOB, at=later)).outcome is LinkOutcome.BLOCKED
    fresh = AT + timedelta(minutes=10)
    assert (await redeem(storage, BOB, at=fresh)).outcome is LinkOutcome.LINKED


async def test_already_linked_and_linked_elsewhere_are_refused(storage: Storage) -> None:
    await issue(storage, ADA_TG)
    await redeem(storage, ADA_DC)
    await issue(storage, ADA_TG)
    assert (await redeem(storage, ADA_DC)).outcome is LinkOutcome.ALREADY_LINKED
    own = LinkCode("MMMMMMMM")
    await issue(storage, ADA_DC, own)  # a linked identity's code links to the same learner
    assert (await redeem(storage, ADA_TG, own)).outcome is LinkOutcome.ALREADY_LINKED
    # Bob, with discord:9 linked to him, and discord:9 cannot join Ada until they unlink.
    bobs = LinkCode("KKKKKKKK")
    await issue(storage, BOB, bobs)
    assert (await redeem(storage, "discord:9", bobs)).outcome is LinkOutcome.LINKED
    adas = LinkCode("NNNNNNNN")
    await issue(storage, ADA_TG, adas)
    assert (await redeem(storage, BOB, adas)).outcome is LinkOutcome.LINKED_ELSEWHERE
    assert (await redeem(storage, "discord:9", adas)).outcome is LinkOutcome.LINKED_ELSEWHERE
    assert await storage.identities.members(BOB) == [BOB, "discord:9"]
    assert await storage.identities.members(ADA_TG) == [ADA_TG, ADA_DC]


async def test_unlinking_leaves_a_copy_on_each_side(storage: Storage) -> None:
    await storage.mark_done(ADA_TG, "sql", AT, DAY)
    await storage.set_track(ADA_TG, "python")
    await storage.reminders.set_reminder(reminder(ADA_DC), AT)
    await issue(storage, ADA_TG)
    await redeem(storage, ADA_DC)
    await storage.mark_done(ADA_TG, "git", AT, DAY)
    unlinked = await storage.identities.unlink(ADA_DC, AT)
    assert unlinked is not None
    assert (unlinked.own_key, unlinked.others_key) == (ADA_DC, ADA_TG)
    assert not unlinked.reminder_with_others  # it is delivered on Discord: it goes with it
    for key in (ADA_TG, ADA_DC):
        assert await storage.identities.learner(key) == key
        assert await storage.done_items(key) == {"sql", "git"}
        assert (await storage.get_user(key)).track == "python"
    assert await storage.reminders.get(ADA_TG) is None
    assert (await storage.reminders.get(ADA_DC)).platform == "discord"
    assert await storage.identities.unlink(ADA_DC, AT) is None  # not linked any more
    # Each side ticks on its own now.
    await storage.mark_done(ADA_DC, "docker", AT, DAY)
    assert "docker" not in await storage.done_items(ADA_TG)


async def test_when_the_first_identity_unlinks_the_others_stay_together(
    storage: Storage,
) -> None:
    third = "console:ada"
    await storage.mark_done(ADA_TG, "sql", AT, DAY)
    await storage.reminders.set_reminder(reminder(ADA_TG), AT)
    for minute, (other, code) in enumerate(((ADA_DC, CODE), (third, LinkCode("HHHHHHHH")))):
        at = AT + timedelta(minutes=minute)  # linked in this order
        await issue(storage, ADA_TG, code, at)
        assert (await redeem(storage, other, code, at)).outcome is LinkOutcome.LINKED
    unlinked = await storage.identities.unlink(ADA_TG, AT)
    assert unlinked is not None
    assert (unlinked.own_key, unlinked.others_key) == (ADA_TG, ADA_DC)
    assert not unlinked.reminder_with_others
    assert await storage.identities.members(ADA_DC) == [ADA_DC, third]
    assert await storage.identities.learner(third) == ADA_DC
    assert await storage.done_items(ADA_DC) == {"sql"}
    assert await storage.done_items(ADA_TG) == {"sql"}
    assert (await storage.reminders.get(ADA_TG)).platform == "telegram"


async def test_export_and_forget_cover_every_linked_identity(storage: Storage) -> None:
    await storage.mark_done(ADA_DC, "sql", AT, DAY)
    await storage.add_notice(ADA_DC, "for discord")
    await storage.mark_done(BOB, "sql", AT, DAY)
    await issue(storage, ADA_TG)
    await redeem(storage, ADA_DC)
    exported = await storage.export_user(ADA_TG)
    assert exported["identities"] == [ADA_TG, ADA_DC]
    assert [n["text"] for n in exported["notices"]] == ["for discord"]
    await storage.forget_user(ADA_TG)
    for key in (ADA_TG, ADA_DC):
        assert (await storage.db.read_one("SELECT count(*) FROM users WHERE user_key = ?", (key,)))[
            0
        ] == 0
        assert await storage.identities.learner(key) == key
    assert await storage.done_items(BOB) == {"sql"}


async def test_forget_keeps_the_guessing_limit(storage: Storage) -> None:
    for _ in range(LINK_MAX_WRONG):
        await redeem(storage, BOB, LinkCode("ZZZZZZZZ"))
    await storage.forget_user(BOB)
    assert (await redeem(storage, BOB, LinkCode("ZZZZZZZZ"))).outcome is LinkOutcome.BLOCKED


async def test_a_burnt_code_no_longer_works(storage: Storage) -> None:
    await issue(storage, ADA_TG)
    assert not await storage.identities.burn(CODE.locator, LinkCode("ABCZZZZZ").digest)
    assert await storage.identities.burn(CODE.locator, CODE.digest)
    assert (await redeem(storage, ADA_DC)).outcome is LinkOutcome.WRONG


async def test_a_taken_locator_asks_for_another_code(storage: Storage) -> None:
    await issue(storage, ADA_TG)
    clash = LinkCode(CODE.locator + "ZZZZZ")
    assert not await storage.identities.issue(
        BOB, clash.locator, clash.digest, AT + timedelta(minutes=10), AT
    )
    # Once the code expired its locator is free again.
    later = AT + timedelta(minutes=11)
    await issue(storage, BOB, clash, at=later)


async def test_two_processes_redeeming_one_code_link_once(database) -> None:
    async with await open_storage(database) as first:
        await issue(first, ADA_TG)
        if isinstance(database, str):
            async with await open_storage(database) as second:
                results = await asyncio.gather(redeem(first, ADA_DC), redeem(second, "discord:2"))
        else:
            results = await asyncio.gather(redeem(first, ADA_DC), redeem(first, "discord:2"))
        outcomes = sorted(r.outcome for r in results)
        assert outcomes == [LinkOutcome.LINKED, LinkOutcome.WRONG]
        assert len(await first.identities.members(ADA_TG)) == 2


async def test_crossed_codes_at_once_never_make_a_loop(database) -> None:
    async with await open_storage(database) as first:
        other = LinkCode("QQQQQQQQ")
        await issue(first, ADA_TG)
        await issue(first, ADA_DC, other)
        second_storage = await open_storage(database) if isinstance(database, str) else first
        try:
            await asyncio.gather(redeem(first, ADA_DC), redeem(second_storage, ADA_TG, other))
        finally:
            if second_storage is not first:
                await second_storage.close()
        learners = {await first.identities.learner(key) for key in (ADA_TG, ADA_DC)}
        assert len(learners) == 1
        (learner,) = learners
        assert await first.identities.learner(learner) == learner  # no loop


async def linked_groups(storage: Storage, keys: tuple[str, ...]) -> frozenset[frozenset[str]]:
    """The identities grouped by learner, checked: no loop, and members agree with learners."""
    groups: dict[str, set[str]] = {}
    for key in keys:
        groups.setdefault(await storage.identities.learner(key), set()).add(key)
    for learner, group in groups.items():
        assert await storage.identities.learner(learner) == learner  # no loop
        assert sorted(await storage.identities.members(learner)) == sorted(group)
    return frozenset(frozenset(group) for group in groups.values())


@pytest.mark.parametrize(("issuer", "leaving"), [(0, 0), (0, 1), (1, 0), (1, 1)])
async def test_a_link_and_an_unlink_of_the_same_accounts_at_once(
    database, issuer: int, leaving: int
) -> None:
    # Ada's learner key and her linked Discord identity; Bob redeems a code of one of them
    # while one of them unlinks, again and again: never an error (no deadlock), and the end is
    # what one of the two orders gives.
    async with await open_storage(database) as storage:
        for n in range(25):
            ada = (f"telegram:{n}", f"discord:{n}")
            bob = f"console:{n}"
            first, second = (LinkCode(ALPHABET[n] + ALPHABET[-1 - k] + "ABCDEF") for k in (0, 1))
            await storage.mark_done(ada[0], "sql", AT, DAY)
            await storage.reminders.set_reminder(reminder(ada[1]), AT)
            await issue(storage, ada[0], first)
            assert (await redeem(storage, ada[1], first)).outcome is LinkOutcome.LINKED
            await issue(storage, ada[issuer], second)
            link = redeem(storage, bob, second)
            unlink = storage.identities.unlink(ada[leaving], AT)
            if n % 2:
                unlinked, linked = await asyncio.gather(unlink, link)
            else:
                linked, unlinked = await asyncio.gather(link, unlink)
            assert linked.outcome is LinkOutcome.LINKED and unlinked is not None
            groups = await linked_groups(storage, (*ada, bob))
            link_first = {frozenset({ada[leaving]}), frozenset({ada[1 - leaving], bob})}
            unlink_first = {frozenset({ada[issuer], bob}), frozenset({ada[1 - issuer]})}
            assert groups in (link_first, unlink_first)
            for key in (*ada, bob):
                assert "sql" in await storage.done_items(await storage.identities.learner(key))
            kept = [key for key in (*ada, bob) if await storage.reminders.get(key) is not None]
            assert len(kept) == 1  # Ada's one reminder, under a learner key
            assert await storage.identities.learner(kept[0]) == kept[0]


@pytest.mark.parametrize("leaving", [0, 1])
async def test_a_chain_of_links_and_an_unlink_at_once(database, leaving: int) -> None:
    # Carol redeems Bob's code while Bob redeems a code of Ada's and Ada unlinks one identity,
    # all at once, again and again: never an error (no deadlock), never a loop, and every
    # group's members agree with its learner; Ada's progress stays with both her identities.
    async with await open_storage(database) as storage:
        for n in range(20):
            ada = (f"telegram:{n}", f"discord:{n}")
            bob, carol = f"console:{n}", f"console:c{n}"
            codes = [LinkCode(ALPHABET[n] + ALPHABET[-1 - k] + "ABCDEF") for k in range(3)]
            await storage.mark_done(ada[0], "sql", AT, DAY)
            await issue(storage, ada[0], codes[0])
            assert (await redeem(storage, ada[1], codes[0])).outcome is LinkOutcome.LINKED
            await issue(storage, ada[1 - leaving], codes[1])
            await issue(storage, bob, codes[2])
            results = await asyncio.gather(
                redeem(storage, carol, codes[2]),
                redeem(storage, bob, codes[1]),
                storage.identities.unlink(ada[leaving], AT),
            )
            assert results[2] is not None
            await linked_groups(storage, (*ada, bob, carol))
            for key in ada:
                assert "sql" in await storage.done_items(await storage.identities.learner(key))
