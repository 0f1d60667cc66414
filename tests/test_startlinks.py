"""Start links (/start PAYLOAD, Telegram's t.me/<bot>?start=…): the grammar and what they run."""

from __future__ import annotations

import pytest
from conftest import make_request
from hypothesis import given
from hypothesis import strategies as st

from bot.core import Core
from bot.startlinks import KINDS, MAX_PAYLOAD_CHARS, StartLink, parse_start_payload

IDS = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)


@st.composite
def links(draw: st.DrawFn) -> StartLink:
    name = draw(st.sampled_from(sorted(KINDS)))
    count = draw(st.sampled_from(KINDS[name].counts))
    return StartLink(name, tuple(draw(IDS) for _ in range(count)))


@given(st.text(max_size=200))
def test_any_text_is_a_valid_link_or_none(text: str) -> None:
    link = parse_start_payload(text)
    if link is not None:
        assert link.name in KINDS
        assert len(link.ids) in link.kind.counts
        assert len(link.payload) <= MAX_PAYLOAD_CHARS
        assert parse_start_payload(link.payload) == link


@given(links())
def test_a_link_survives_its_payload(link: StartLink) -> None:
    assert parse_start_payload(link.payload) == link
    assert parse_start_payload(link.payload.upper()) == link  # case is ignored


@pytest.mark.parametrize(
    ("payload", "command", "args"),
    [
        ("track_python", "track", "python"),
        ("TRACK_Python", "track", "python"),
        ("topic_database-management", "topic", "database-management"),
        ("compare_django_flask", "compare", "django vs flask"),
        ("quiz", "quiz", ""),
        ("quiz_docker", "quiz", "docker"),
        ("roadmap_databases", "roadmap", "databases"),
        ("next", "next", ""),
    ],
)
def test_known_payloads(payload: str, command: str, args: str) -> None:
    link = parse_start_payload(payload)
    assert link is not None
    assert (link.command, link.args) == (command, args)


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "track",
        "track_",
        "track_python_django",
        "next_python",
        "topic_-docker",
        "topic_docker-",
        "hello",
        "track python",
        "track_py.thon",
        "topic_" + "a" * 64,
        "compare_django",
    ],
)
def test_other_payloads_are_no_links(payload: str) -> None:
    assert parse_start_payload(payload) is None


# -- through the core -------------------------------------------------------------------------


async def test_start_with_a_track_link_follows_that_track(ask, storage) -> None:
    reply = await ask("start", "track_python")
    assert reply.title == "Your checklist now follows the Python track"
    assert reply.blocks[0].startswith("Welcome to the Backend Developer Roadmap!")
    assert (await storage.get_user("telegram:42")).track == "python"


async def test_start_with_a_topic_or_comparison_link_shows_it(ask) -> None:
    topic = await ask("start", "topic_docker")
    assert topic.title.startswith("Docker")
    compared = await ask("start", "compare_django_flask")
    assert "Django" in compared.title and "Flask" in compared.title


@pytest.mark.parametrize(
    "payload", ["track_cobol", "topic_nothing-here", "track_docker", "hello", "lang_sql", "x" * 65]
)
async def test_start_with_an_unknown_payload_just_welcomes(ask, storage, payload: str) -> None:
    reply = await ask("start", payload)
    assert reply.title == "Welcome to the Backend Developer Roadmap!"
    assert (await storage.get_user("telegram:42")).track is None


async def test_start_links_work_for_another_roadmap(frontend_knowledge, storage, clock) -> None:
    core = Core(frontend_knowledge, storage, clock=clock)
    reply = await core.handle(make_request("start", "track_typescript"))
    assert "TypeScript" in reply.title
    assert (await storage.get_user("telegram:42")).track == "typescript"
    welcome = await core.handle(make_request("start", "track_python"))
    assert welcome.title.startswith("Welcome")
