"""Sharing and starting, end to end: Telegram deep links, Discord installed by a user."""

from __future__ import annotations

import pytest

from tests.fakes.telegram_api import bold_title
from tests.test_discord_adapter import EPHEMERAL, GUILD, OWNER
from tests.test_discord_adapter import running as discord_running
from tests.test_telegram_adapter import ADA
from tests.test_telegram_adapter import running as telegram_running


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_a_telegram_deep_link_starts_the_track(tmp_path, telegram, knowledge):
    # t.me/<bot>?start=track_python: Telegram sends the payload after /start.
    async with telegram_running(tmp_path, telegram, knowledge) as adapter:
        await telegram.send_text("/start track_python", user=ADA)
        (reply,) = await telegram.replies(ADA, 1)
        assert bold_title(reply) == "Your checklist now follows the Python track"
        assert "Welcome to the Backend Developer Roadmap!" in reply["text"]
        user = await adapter.core.storage.get_user(f"telegram:{ADA}")
        assert user.track == "python"
        await telegram.send_text("/start not-a-link", user=ADA)
        (welcome,) = await telegram.replies(ADA, 1, after=1)
        assert bold_title(welcome) == "Welcome to the Backend Developer Roadmap!"


async def test_commands_can_be_installed_by_a_user_and_used_anywhere(tmp_path, discord, knowledge):
    async with discord_running(tmp_path, discord, knowledge):
        ((scope, synced),) = discord.syncs
        assert scope == "global"
        for definition in synced:
            assert sorted(definition["integration_types"]) == [0, 1], definition["name"]
            assert sorted(definition["contexts"]) == [0, 1, 2], definition["name"]


async def test_guild_commands_carry_no_install_settings(tmp_path, discord, knowledge):
    async with discord_running(tmp_path, discord, knowledge, discord_guild_id=GUILD):
        ((_, synced),) = discord.syncs
        assert all(definition.get("integration_types") is None for definition in synced)


async def test_a_user_install_answers_in_a_guild_without_the_bot(tmp_path, discord, knowledge):
    async with discord_running(tmp_path, discord, knowledge):
        public = await discord.slash(
            "lang", {"language": "python"}, guild_id=GUILD, user_install=True
        )
        (message,) = await discord.answered(public)
        assert message["embeds"][0]["title"] == "Python"
        assert not message.get("flags", 0) & EPHEMERAL
        personal = await discord.slash("progress", {}, guild_id=GUILD, user_install=True)
        (message,) = await discord.answered(personal)
        assert message["flags"] & EPHEMERAL
        assert discord.rejected == []


async def test_a_group_dm_is_not_a_private_chat(tmp_path, discord, knowledge):
    """In a group DM (a user's install) others read public answers: notices are not in them."""
    async with discord_running(tmp_path, discord, knowledge) as adapter:
        await adapter.core.storage.add_notice(f"discord:{OWNER}", "Your reminder failed.")
        public = await discord.slash("lang", {"language": "go"}, user_install=True)
        (answer, *more) = await discord.answered(public, 2)
        assert "Your reminder failed." not in str(answer)
        assert not answer.get("flags", 0) & EPHEMERAL
        assert more and more[0]["flags"] & EPHEMERAL  # the notice, only for its owner
        assert "Your reminder failed." in str(more[0])
