"""One-off notices (say, "your reminder was turned off") reach only the user they are for."""

from __future__ import annotations

from tests.conftest import request, say

NOTICE = "Your daily reminder is off: I could not reach you."


async def test_a_notice_waits_for_a_private_reply_and_is_shown_once(core, storage):
    await storage.add_notice("console:1", NOTICE)
    in_group = await say(core, "/lang python", user="1", chat="-100", group=True)
    assert NOTICE not in in_group.notices  # others in the group would read it
    private_in_group = await say(core, "/progress", user="1", chat="-100", group=True)
    assert private_in_group.private
    assert private_in_group.notices == (NOTICE,)
    assert (await say(core, "/lang python", user="1")).notices == ()


async def test_a_notice_is_shown_in_a_private_chat_and_only_to_its_user(core, storage):
    await storage.add_notice("console:1", NOTICE)
    assert (await say(core, "/roadmap", user="2")).notices == ()
    assert (await say(core, "/roadmap", user="1")).notices == (NOTICE,)


async def test_private_notices_are_taken_once_as_a_private_reply(core, storage):
    asker = request("/lang go", user="1", chat="-100", group=True)
    assert await core.private_notices(asker) is None
    await storage.add_notice("console:1", NOTICE)
    reply = await core.private_notices(asker)
    assert reply is not None and reply.private and reply.blocks == (NOTICE,)
    assert await core.private_notices(asker) is None
