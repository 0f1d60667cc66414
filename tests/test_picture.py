"""The picture of the path: drawing, /progress picture, and each platform showing it."""

from __future__ import annotations

import io

import pytest
from conftest import make_request
from PIL import Image

from adapters.console import ConsoleAdapter
from bot import checklist
from bot.messages import Attachment, Reply, render_plain
from bot.picture import DONE_FILL, NEXT_EDGE, WIDTH, draw_path
from tests.fakes import discord_api, telegram_api
from tests.test_discord_adapter import EPHEMERAL, GUILD, OWNER
from tests.test_discord_adapter import running as discord_running
from tests.test_telegram_adapter import ADA, rows
from tests.test_telegram_adapter import running as telegram_running

#: The budget the issue sets for one picture.
MAX_BYTES = 200_000


def colours(png: bytes) -> dict[tuple[int, int, int], int]:
    """How many pixels of each colour the picture has."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return {colour: count for count, colour in image.getcolors(maxcolors=1 << 16) or []}


def picture(knowledge, track: str | None, done: set[str]) -> bytes:
    return draw_path(checklist.progress(knowledge, track, done), "Your path")


def test_a_picture_is_a_portrait_png_for_a_phone_within_budget(knowledge) -> None:
    items = checklist.items(knowledge, None)  # the whole roadmap: the largest checklist
    png = picture(knowledge, None, {item.id for item in items[: len(items) // 3]})
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.width == WIDTH and image.height > image.width
    assert image.height <= 20 * image.width and image.width + image.height <= 10_000  # Telegram
    assert len(png) < MAX_BYTES


def test_ticked_boxes_are_filled_and_the_next_step_is_marked(knowledge) -> None:
    items = checklist.items(knowledge, "python")
    none = colours(picture(knowledge, "python", set()))
    some = colours(picture(knowledge, "python", {item.id for item in items[:5]}))
    more = colours(picture(knowledge, "python", {item.id for item in items[:15]}))
    every = colours(picture(knowledge, "python", {item.id for item in items}))
    assert none.get(DONE_FILL, 0) == 0
    assert 0 < some[DONE_FILL] < more[DONE_FILL] < every[DONE_FILL]
    assert none[NEXT_EDGE] and some[NEXT_EDGE] and more[NEXT_EDGE]
    assert NEXT_EDGE not in every  # everything ticked: there is no next step


def test_another_roadmap_and_long_names_draw_too(frontend_knowledge) -> None:
    items = checklist.items(frontend_knowledge, None)
    png = draw_path(checklist.progress(frontend_knowledge, None, {items[0].id}), "x " * 300)
    assert Image.open(io.BytesIO(png)).width == WIDTH


async def test_progress_offers_a_picture_button_and_sends_a_private_png(ask, knowledge) -> None:
    await ask("done", "python")
    listed = await ask("progress")
    assert "/progress picture" in [button.command_line for button in listed.buttons]
    reply = await ask("progress", "picture")
    assert reply.private
    assert reply.attachment is not None and reply.attachment.is_image
    assert reply.attachment.filename == "roadmap-path-telegram-42.png"
    assert Image.open(io.BytesIO(reply.attachment.content)).format == "PNG"
    assert "1 of 40 items" in reply.blocks[0]
    assert "[roadmap-path-telegram-42.png]" in render_plain(reply)  # bytes are never printed


async def test_progress_with_an_unknown_view_says_what_it_takes(ask) -> None:
    reply = await ask("progress", "sideways")
    assert reply.attachment is None
    assert "/progress picture" in reply.blocks[0]


@pytest.fixture
def console(core, tmp_path) -> ConsoleAdapter:
    with open(tmp_path / "in.txt", "w+") as stdin:
        yield ConsoleAdapter(core, stdin, io.StringIO(), user_id="me", files_dir=tmp_path)


async def test_the_terminal_writes_the_picture_to_a_file_and_prints_its_path(
    core, console, tmp_path
) -> None:
    text = console.render(await core.handle(console.request("/progress picture")))
    saved = tmp_path / "roadmap-path-console-me.png"
    assert f"saved to {saved}" in text
    with Image.open(saved) as image:
        assert image.format == "PNG"
    exported = Reply("Your data", attachment=Attachment("x.json", b'{"a": 1}', "application/json"))
    assert '{"a": 1}' in console.render(exported)  # text files are still printed


# -- end to end on the loopback fakes ---------------------------------------------------------


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_telegram_sends_the_picture_as_a_photo(tmp_path, telegram, knowledge):
    fake = telegram
    async with telegram_running(tmp_path, fake, knowledge):
        await fake.send_text("/progress", user=ADA)
        (listed,) = await fake.replies(ADA, 1)
        (data,) = [
            button["callback_data"]
            for row in rows(listed)
            for button in row
            if button["text"] == "Picture"
        ]
        await fake.press(listed, data, user=ADA)
        (photo,) = await fake.wait_for(lambda: fake.calls_to("sendPhoto"))
        filename, content = photo.files["photo"]
        assert filename.endswith(".png")
        assert telegram_api.png_size(content) == Image.open(io.BytesIO(content)).size
        (shown,) = [m for (chat, _), m in fake.messages.items() if chat == ADA and "photo" in m]
        assert shown["photo"][0]["width"] == WIDTH
        assert [call for call in fake.calls if call.error] == []


async def test_discord_shows_the_picture_in_the_embed(tmp_path, discord, knowledge):
    fake = discord
    async with discord_running(tmp_path, fake, knowledge):
        exchange = await fake.slash("progress", {"view": "picture"}, guild_id=GUILD)
        (message,) = await fake.answered(exchange)
        assert message["flags"] & EPHEMERAL
        (attached,) = fake.messages[exchange.original_id]["attachments"]
        assert message["embeds"][0]["image"]["url"] == f"attachment://{attached['filename']}"
        png = fake.uploads[attached["filename"]]
        assert Image.open(io.BytesIO(png)).format == "PNG"
        assert attached["filename"] == f"roadmap-path-discord-{OWNER}.png"
        assert fake.rejected == []


def test_the_fake_discord_refuses_an_embed_image_sent_without_its_file() -> None:
    body = {"embeds": [{"title": "x", "image": {"url": "attachment://a.png"}}], "_files": []}
    with pytest.raises(discord_api.FormError):
        discord_api.check_embedded_files(body)
    discord_api.check_embedded_files({**body, "_files": ["a.png"]})


async def test_a_picture_request_from_the_core_directly(core) -> None:
    reply = await core.handle(make_request("progress", "PICTURE"))
    assert reply.attachment is not None and reply.attachment.media_type == "image/png"
