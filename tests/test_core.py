"""The command core through the same path every adapter takes: a request in, a reply out."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from bot.clock import ManualClock
from bot.commands import ParsedLine, parse_command_line
from bot.core import INTERNAL_ERROR_TITLE, Core
from bot.features.ask import answer_reply
from bot.knowledge import Knowledge
from bot.limits import MAX_ARGS_CHARS
from bot.messages import Attachment, Button, Reply, ReplyKind, render_plain
from bot.storage import Storage, open_storage
from bot.understanding import Intent, Outcome, Understanding
from tests.conftest import damage_pages, request, say


async def test_lang_python_lists_benefits_frameworks_resources_and_projects(core: Core) -> None:
    reply = await say(core, "/lang python")
    text = render_plain(reply)
    assert reply.title == "Python"
    for expected in [
        "Simple syntax",
        "Django",
        "Flask",
        "Blog application using Django",
        "https://docs.python.org",
    ]:
        assert expected in text
    assert Button("Track Python", "track", "python") in [
        Button(b.label, b.command, b.args) for b in reply.buttons
    ]


async def test_roadmap_lists_sections_in_order(core: Core, knowledge: Knowledge) -> None:
    reply = await say(core, "/roadmap")
    text = render_plain(reply)
    positions = [text.index(section.title) for section in knowledge.sections]
    assert positions == sorted(positions)
    section = await say(core, "/roadmap databses")
    assert "Databases" in section.title and "PostgreSQL" in render_plain(section)
    assert "Databases" in (await say(core, "/roadmap 3")).title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("/lang golang", "Go"),
        ("/lang pyhton", "Python"),
        ("/lang nodejs", "JavaScript (Node.js)"),
        ("/topic postgres", "PostgreSQL"),
        ("/topic mongo", "MongoDB"),
        ("/topic springboot", "Spring Boot"),
        ("/topic ror", "Ruby on Rails"),
        ("/compare django vs flask", "Django vs Flask"),
        ("/compare sql nosql", "SQL Databases vs NoSQL Databases"),
        ("/compare rest, graphql", "REST APIs vs GraphQL"),
        ("/compare spring boot django", "Spring Boot vs Django"),
    ],
)
async def test_names_are_matched_fuzzily(
    core: Core, knowledge: Knowledge, line: str, title: str
) -> None:
    reply = await say(core, line)
    assert reply.kind is ReplyKind.ANSWER
    assert (
        reply.title.casefold() == title.casefold() or title.casefold() in reply.title.casefold()
    ), reply.title


async def test_unknown_topic_offers_did_you_mean(core: Core) -> None:
    reply = await say(core, "/topic djangoo rest")
    assert reply.kind in (ReplyKind.NOT_FOUND, ReplyKind.ANSWER)
    reply = await say(core, "/topic quantum basket weaving")
    assert reply.kind is ReplyKind.NOT_FOUND
    assert "couldn't find" in render_plain(reply)
    near = await say(core, "/topic mong")
    assert near.title == "MongoDB" or any(b.args == "mongodb" for b in near.buttons)


async def test_ambiguous_name_suggests_up_to_three(core: Core) -> None:
    reply = await say(core, "/topic js framework")
    assert reply.kind is ReplyKind.NOT_FOUND
    assert 0 < len(reply.buttons) <= 3


async def test_unknown_command_gets_help_hint_and_suggestion(core: Core) -> None:
    reply = await say(core, "/lagn python")
    assert reply.kind is ReplyKind.NOT_FOUND
    assert "/lang" in render_plain(reply) and "/help" in render_plain(reply)


@pytest.mark.parametrize(
    "line", ["/lang", "/compare", "/resources", "/topic", "/ask", "/projects", "/roadmap"]
)
async def test_empty_arguments_give_a_list_to_choose_from(core: Core, line: str) -> None:
    reply = await say(core, line)
    assert reply.kind is ReplyKind.ANSWER
    assert reply.buttons or reply.fields


async def test_huge_arguments_are_refused_politely(core: Core) -> None:
    reply = await say(core, "/topic " + "x" * (MAX_ARGS_CHARS + 1))
    assert reply.kind is ReplyKind.ERROR and "under 500 characters" in render_plain(reply)


async def test_help_lists_every_listed_command(core: Core) -> None:
    text = render_plain(await say(core, "/help"))
    for command in core.listed_commands:
        assert f"/{command.name}" in text
    assert "/compare" in render_plain(await say(core, "/help compare"))


async def test_plain_message_is_a_question(core: Core) -> None:
    reply = await say(core, "whats better djnago or flask")
    assert reply.title == "Django vs Flask"
    off_topic = await say(core, "tell me a joke")
    assert off_topic.title == "I only know the roadmap"


@pytest.mark.parametrize("name", ["devops", "databases", "authentication", "frameworks"])
async def test_a_question_about_a_step_answers_like_topic(core: Core, name: str) -> None:
    by_command = await say(core, f"/topic {name}")
    assert (await say(core, f"what is {name}")).title == by_command.title
    assert (await say(core, f"/ask tell me about {name}")).title == by_command.title


@pytest.mark.parametrize("line", ["hi", "thanks", "what can you do"])
async def test_small_talk_gets_a_friendly_pointer_to_help(core: Core, line: str) -> None:
    reply = await say(core, line)
    assert reply.kind is ReplyKind.ANSWER and "/help" in render_plain(reply)
    assert reply.title != "I only know the roadmap"


async def test_which_framework_for_a_language_lists_its_frameworks(core: Core) -> None:
    text = render_plain(await say(core, "which python framework should i use"))
    assert "Django" in text and "Flask" in text and "Express" not in text


async def test_resources_of_a_step_list_each_link_once(core: Core, knowledge: Knowledge) -> None:
    for section in knowledge.sections:
        urls = [link.url for link in (await say(core, f"/resources {section.id}")).links]
        assert urls and len(urls) == len(set(urls)), section.id


async def test_compare_says_which_side_is_unknown(core: Core) -> None:
    both = render_plain(await say(core, "/compare quux blorp"))
    assert "“quux”" in both and "“blorp”" in both
    one = await say(core, "/compare jwt session")
    assert one.kind is ReplyKind.NOT_FOUND and "“session”" in render_plain(one)
    assert "“jwt”" not in render_plain(one)
    typo = await say(core, "/compare djnago vs flaskk")
    assert typo.kind is ReplyKind.ANSWER or {b.args for b in typo.buttons} & {"django", "flask"}


async def test_compare_a_thing_with_itself(core: Core) -> None:
    reply = await say(core, "/compare django django")
    assert reply.title == "That's the same thing" and "Django" in render_plain(reply)


async def test_compare_caps_the_number_of_topics(core: Core) -> None:
    reply = await say(core, "/compare django vs flask vs rails vs laravel vs gin")
    assert reply.kind is ReplyKind.ANSWER and len(reply.fields) == 3
    assert "Laravel" in reply.footer and "Gin" in reply.footer


async def test_topic_on_its_own_lists_everything_by_step(core: Core, knowledge: Knowledge) -> None:
    reply = await say(core, "/topic")
    assert [f.name for f in reply.fields] == [s.title for s in knowledge.sections]
    text = render_plain(reply)
    assert all(topic.title in text for topic in knowledge.topics.values())


async def test_start_cuts_its_summary_at_a_word(core: Core, knowledge: Knowledge) -> None:
    summary_line = (await say(core, "/start")).blocks[0]
    if summary_line.endswith("…"):
        assert knowledge.info.summary.startswith(summary_line[:-1] + " ")
    else:
        assert summary_line.endswith(".") and summary_line in knowledge.info.summary


def test_first_sentence_cuts_at_a_word() -> None:
    from bot.cards import first_sentence

    assert first_sentence("alpha beta gamma delta", limit=13) == "alpha beta…"
    assert first_sentence("One. Two.") == "One."


async def test_use_case_question_is_answered_from_the_roadmap(core: Core) -> None:
    reply = await say(core, "which language is best for real time chat apps?")
    assert reply.title == "Try JavaScript (Node.js)"
    assert "Real-time" in render_plain(reply)


async def test_button_of_another_user_is_refused(core: Core) -> None:
    reply = await say(core, "/lang python", user="1")
    payload = core.button_payload(reply.buttons[0], reply.owner)
    refused = await core.press(request("", user="2"), payload)
    assert refused.kind is ReplyKind.ERROR and refused.private
    assert (await core.press(request("", user="1"), "garbage")).kind is ReplyKind.ERROR


async def test_every_button_payload_fits_telegram(core: Core) -> None:
    for line in [
        "/start",
        "/roadmap",
        "/lang",
        "/lang python",
        "/compare",
        "/resources",
        "/topic docker",
    ]:
        reply = await say(core, line, user="123456789012345678")
        for button in reply.buttons:
            assert len(core.button_payload(button, reply.owner).encode()) <= 64


async def test_handler_crash_becomes_a_friendly_error(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def boom(ctx: object) -> None:
        raise RuntimeError("bug")

    from dataclasses import replace

    core.commands["topic"] = replace(core.commands["topic"], handler=boom)  # type: ignore[arg-type]
    reply = await say(core, "/topic docker")
    assert reply.kind is ReplyKind.ERROR and "bug" not in render_plain(reply)


async def test_a_database_damaged_while_running_gets_an_error_reply_never_an_exception(
    knowledge: Knowledge, tmp_path: Path
) -> None:
    path = tmp_path / "bot.sqlite3"
    await (await open_storage(path)).close()  # a database whose pages are all in the file
    async with await open_storage(path) as storage:
        core = Core(knowledge, storage)
        damage_pages(path)  # behind the open connections' backs
        # Answers from the knowledge file still go out: only the notices step failed.
        assert (await say(core, "/lang python")).title == "Python"
        assert await core.private_notices(request("/lang python")) is None
        for line in ("/track python", "/progress"):
            reply = await say(core, line)
            assert reply.title == INTERNAL_ERROR_TITLE, line
        payload = core.button_payload(Button("Track", "track", "python"), "1")
        reply = await core.press(request("/track python"), payload)
        assert reply.title == INTERNAL_ERROR_TITLE


async def test_a_different_roadmap_works_with_no_code_change(
    frontend_knowledge: Knowledge, storage: Storage
) -> None:
    core = Core(frontend_knowledge, storage)
    language = frontend_knowledge.languages[0]
    assert (await say(core, f"/lang {language.title}")).title == language.title
    assert frontend_knowledge.info.title in render_plain(await say(core, "/roadmap"))
    comparison = frontend_knowledge.comparisons[0]
    reply = await say(core, "/compare " + " vs ".join(comparison.topic_ids))
    assert reply.kind is ReplyKind.ANSWER
    for command in core.listed_commands:
        assert (await say(core, f"/{command.name}")).title


def _backend_only_names(backend: Knowledge, frontend: Knowledge) -> set[str]:
    """Names of the backend roadmap (ids, titles, aliases) that the frontend one lacks.

    Names of kinds both roadmaps have ("language", "frameworks") are generic, not backend.
    """

    def names(knowledge: Knowledge) -> set[str]:
        entries = [*knowledge.sections, *knowledge.topics.values()]
        return {n.casefold() for e in entries for n in (e.id, e.title, *e.aliases)}

    generic = {kind for kind in frontend.kinds} | {f"{kind}s" for kind in frontend.kinds}
    return {n for n in names(backend) - names(frontend) - generic if len(n) > 2}


async def test_help_texts_on_another_roadmap_name_nothing_of_the_backend(
    knowledge: Knowledge, frontend_knowledge: Knowledge, storage: Storage
) -> None:
    core = Core(frontend_knowledge, storage)
    lines = ["/start", "/help", "/ask", "/compare", "/compare cobol", "hi", "tell me a joke"]
    text = "\n".join([render_plain(await say(core, line)) for line in lines]).casefold()
    backend = _backend_only_names(knowledge, frontend_knowledge)
    assert [n for n in backend if re.search(rf"\b{re.escape(n)}\b", text)] == []
    assert frontend_knowledge.info.examples[0] in text and "/compare react vs vue" in text
    options = " ".join(o.description for c in core.listed_commands for o in c.options).casefold()
    assert "database" not in options and "framework" not in options


def test_common_words_come_from_the_knowledge_file(frontend_knowledge: Knowledge) -> None:
    from bot.questions import QuestionAnswerer
    from bot.understanding import Intent

    answerer = QuestionAnswerer(frontend_knowledge)
    assert answerer.understand("how should i react").intent is not Intent.TOPIC
    assert answerer.understand("what is react").topic_ids == ("react",)
    assert answerer.understand("which lang for single page apps").intent is Intent.USE_CASE


# -- property-based: the parser and the answerer never fail, whatever they are fed ----------


@given(st.text())
def test_parse_command_line_never_fails_and_round_trips(text: str) -> None:
    parsed = parse_command_line(text)
    if parsed.command is None:
        assert parsed.args == text.strip()
        return
    head, *rest = text.strip()[1:].split(maxsplit=1)
    assert parsed.command == head.partition("@")[0].casefold()
    assert parsed.addressee == head.partition("@")[2]
    assert parsed.args == (rest[0].strip() if rest else "")
    assert not any(ch.isspace() for ch in parsed.command)


def test_parse_command_line_examples() -> None:
    assert parse_command_line("/lang@RoadmapBot  python 3") == ParsedLine(
        "lang", "python 3", "RoadmapBot"
    )
    assert parse_command_line("/LANG\tgo") == ParsedLine("lang", "go")
    assert parse_command_line("django or flask?") == ParsedLine(None, "django or flask?")
    assert parse_command_line("/ hello") == ParsedLine(None, "/ hello")


@given(
    st.sampled_from(
        ["/topic ", "/lang ", "/compare ", "/done ", "/remind ", "/timezone ", "", "/ask "]
    ),
    st.text(max_size=200),
)
@example("/roadmap ", "²")  # a digit int() cannot read once crashed the step number
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
async def test_core_answers_any_input(
    tmp_path: Path, knowledge: Knowledge, prefix: str, text: str
) -> None:
    from bot.storage import open_storage

    async with await open_storage(tmp_path / "h.sqlite3") as store:
        core = Core(knowledge, store)
        reply = await say(core, prefix + text)
        assert reply.title and reply.title != INTERNAL_ERROR_TITLE


async def test_a_topic_offers_its_related_topics_from_the_knowledge_file(core, knowledge):
    for topic in knowledge.topics.values():
        reply = await say(core, f"/topic {topic.id}")
        expected = [
            knowledge.topics[i].title
            for i in topic.related
            if i not in {topic.parent, *(c.id for c in knowledge.children(topic.id))}
        ]
        related = [f.value for f in reply.fields if f.name == "Related"]
        assert related == ([", ".join(expected)] if expected else []), topic.id
    assert any(topic.related for topic in knowledge.topics.values())


async def test_start_credits_the_roadmaps_source(core, knowledge):
    reply = await say(core, "/start")
    assert knowledge.info.source_author and knowledge.info.source_author in reply.footer


@pytest.mark.parametrize("args", ["/", "//", " / "])
async def test_help_with_only_slashes_lists_every_command(core, args):
    reply = await say(core, f"/help {args}")
    assert reply.kind is ReplyKind.ANSWER
    assert reply.title == (await say(core, "/help")).title


async def test_lone_surrogates_from_undecodable_input_never_reach_a_reply(core):
    from adapters.telegram.render import render

    for command in ("/topic", "/lang", "/done", "/remind", "/timezone", "/compare"):
        reply = await say(core, f"{command} caf\udce9 \ud800")
        assert all(part.encode() for part in render(reply)), command  # encodable to UTF-8


@pytest.mark.parametrize(
    ("args", "title"),
    [
        ("ci/cd vs docker", "CI/CD vs Docker"),
        ("ci/cd docker", "CI/CD vs Docker"),
        ("docker, ci/cd", "Docker vs CI/CD"),
        ("python vs", "Compare what with what?"),
    ],
)
async def test_compare_keeps_names_that_contain_a_separator_whole(core, args, title):
    assert (await say(core, f"/compare {args}")).title == title


def test_a_reply_keeps_the_first_of_buttons_running_the_same_command() -> None:
    first, other = Button("Python", "lang", "python"), Button("Help", "help")
    buttons = (first, other, Button("Again", "lang", "python"), Button("Help again", "help", ""))
    reply = Reply("Title", buttons=buttons)
    assert reply.buttons == (first, other)
    assert replace(reply, buttons=(other, other)).buttons == (other,)


async def test_a_moved_chat_takes_its_reminders_along(core: Core) -> None:
    group = "-5"
    for user in ("1", "2"):
        await core.handle(request("/remind 09:00 here", user=user, chat=group, group=True))
    await core.handle(request("/remind 09:00 here", user="3", chat="-6", group=True))
    other_platform = request("/remind 09:00 here", user="4", chat=group, group=True)
    await core.handle(replace(other_platform, platform="elsewhere"))

    assert await core.chat_moved("console", group, "-1005") == 2

    chats = {
        user: (await core.storage.reminders.get(f"{platform}:{user}")).chat_id
        for platform, user in (
            ("console", "1"),
            ("console", "2"),
            ("console", "3"),
            ("elsewhere", "4"),
        )
    }
    assert chats == {"1": "-1005", "2": "-1005", "3": "-6", "4": group}


async def test_unknown_names_are_quoted_back_at_the_same_length_everywhere(core: Core) -> None:
    name = "Qwzx" * 30
    quoted = {}
    for line in (f"/topic {name}", f"/timezone {name}", f"/compare {name} vs {name}"):
        text = render_plain(await say(core, line))
        quoted[line.split()[0]] = max(re.findall("“(Qwzx[^”]*)”", text), key=len)
    assert len(set(quoted.values())) == 1, quoted


@pytest.mark.parametrize(
    ("private", "attachment", "pressed_is_private", "replaces"),
    [
        (False, False, False, True),
        (False, False, True, True),
        (True, False, True, True),
        (True, False, False, False),  # would show private data where others read it
        (False, True, True, False),  # an edit cannot add a file
    ],
)
def test_a_reply_replaces_the_pressed_message_only_where_that_is_safe(
    private: bool, attachment: bool, pressed_is_private: bool, replaces: bool
) -> None:
    file = Attachment("export.json", b"{}") if attachment else None
    reply = Reply("Ticked", private=private, attachment=file, updates_pressed=True)
    assert reply.replaces_pressed(pressed_is_private=pressed_is_private) is replaces
    assert not replace(reply, updates_pressed=False).replaces_pressed(pressed_is_private=True)


@pytest.mark.parametrize(
    ("line", "name", "related"),
    [
        ("/lang scala", "Scala", "Java"),
        ("/topic nginx", "nginx", "Server, Network and Hosting Environment"),
        ("/compare python vs scala", "Scala", "Python"),
        ("/resources kafka", "Kafka", "Microservices"),
        ("what is kubernetes?", "Kubernetes", "Docker"),
    ],
)
async def test_technology_the_roadmap_lacks_is_said_plainly(
    core: Core, line: str, name: str, related: str
) -> None:
    reply = await say(core, line)
    assert reply.title.startswith(name) and "not in this roadmap" in reply.title
    assert related in {button.label for button in reply.buttons}
    assert "Performance" not in render_plain(reply) and "Gin" not in render_plain(reply)


async def test_a_free_text_answer_is_direct_then_a_short_card(core: Core) -> None:
    reply = await say(core, "Is Go too hard for a beginner?")
    assert reply.title == "Go (Golang)"
    assert "simple and efficient syntax" in reply.blocks[0]
    assert len([line for line in render_plain(reply).splitlines() if line.strip()]) <= 12
    assert ("topic", "go") in {(b.command, b.args) for b in reply.buttons}
    full = await say(core, "/topic go")
    assert len(render_plain(full)) > len(render_plain(reply))


async def test_a_use_case_answer_names_its_pick_and_the_use_case_it_matched(core: Core) -> None:
    reply = await say(core, "which database for a banking app with transactions?")
    assert reply.title == "Try SQL Databases"
    assert "Financial and inventory systems that need transactions" in reply.blocks[0]


async def test_follow_ups_refer_to_the_last_answer_of_that_person(
    core: Core, clock: ManualClock
) -> None:
    await say(core, "tell me about django", user="1")
    await say(core, "tell me about go", user="2")
    assert (await say(core, "resources for it", user="1")).title == "Resources: Django"
    assert (await say(core, "and flask?", user="1")).title == "Resources: Flask"
    assert (await say(core, "projects for that", user="2")).title == "Project ideas: Go (Golang)"
    clock.advance(seconds=301)
    assert (await say(core, "resources for it", user="2")).title != "Resources: Go (Golang)"


async def test_and_another_name_after_a_comparison_joins_it_only_if_it_is_of_that_kind(
    core: Core,
) -> None:
    await say(core, "sqlite vs postgres for a small shop?")
    assert (await say(core, "and mysql?")).title == "SQLite vs MySQL"
    # a framework after two databases is a new question, not a comparison with a database
    assert (await say(core, "and flask?")).title == "Flask"


async def test_thanks_or_an_unrelated_line_after_an_answer_is_no_follow_up(core: Core) -> None:
    await say(core, "what is docker")
    for line in ("thanks!", "thank you", "ok cool", "my cat is sick"):
        reply = await say(core, line)
        assert reply.title != "Docker", line
        assert "Docker" not in render_plain(reply), line
    assert (await say(core, "resources for it")).title == "Resources: Docker"


async def test_this_roadmap_after_an_answer_is_the_roadmap_not_the_last_topic(core: Core) -> None:
    await say(core, "what is docker")
    reply = await say(core, "ok so whats this whole roadmap about?")
    assert reply.title == "Backend Developer Roadmap"


async def test_technology_the_roadmap_lacks_after_an_answer_is_no_follow_up(core: Core) -> None:
    await say(core, "compare django and rails")
    for line in ("what about typescript?", "Is TypeScript on this roadmap at all?"):
        reply = await say(core, line)
        assert "TypeScript" in render_plain(reply), line
        assert "Django" not in reply.title and "Rails" not in reply.title, line


async def test_small_talk_says_what_the_bot_is(core: Core) -> None:
    reply = await say(core, "who made you? are you an AI?")
    text = render_plain(reply)
    assert "roadmap bot" in text and "/help" in text and "Java" not in text


async def test_a_huge_unknown_command_name_is_quoted_short(core: Core) -> None:
    reply = await say(core, "/progres" + "s" * 100_000 + " python")
    assert reply.kind is ReplyKind.NOT_FOUND
    text = render_plain(reply)
    assert len(text) < 400
    assert "/progres" in text and "…" in text
    assert [button.command for button in reply.buttons][-1] == "help"


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(min_size=1, max_size=3000))
async def test_an_unknown_command_reply_stays_short_whatever_the_name(
    core: Core, name: str
) -> None:
    parsed = parse_command_line(f"/{name}")
    assume(parsed.command and core.command_book.find(parsed.command) is None)
    reply = await say(core, f"/{name}")
    assert reply.kind is ReplyKind.NOT_FOUND
    assert len(render_plain(reply)) < 400


async def test_a_lookup_reply_is_given_again_without_running_the_lookup(
    knowledge: Knowledge, storage: Storage, monkeypatch
) -> None:
    from bot import core as core_module

    monkeypatch.setattr(core_module, "LOOKUP_REPLIES", 2)
    core = Core(knowledge, storage)
    runs: list[str] = []
    for name in ("lang", "timezone"):  # a lookup, and a command that reads the user's data
        command = core.commands[name]

        async def counted(ctx, handler=command.handler):
            runs.append(f"{ctx.request.command} {ctx.args}")
            return await handler(ctx)

        core.commands[name] = replace(command, handler=counted)
    first = await say(core, "/lang python", user="1")
    again = await say(core, "/lang   python", user="2")  # the same once cleaned, someone else
    assert render_plain(again) == render_plain(first) and again.owner == "2"
    assert await say(core, "/lang python", user="2") is again  # no fresh copy for the same asker
    assert (await say(core, "/lang python", user="1")).owner == "1"
    await say(core, "/timezone", user="1")
    await say(core, "/timezone", user="1")
    for name in ("go", "java", "python"):  # two kept: python is forgotten, then asked again
        await say(core, f"/lang {name}")
    assert runs == ["lang python", "timezone ", "timezone ", "lang go", "lang java", "lang python"]


@given(
    st.builds(
        Reply,
        title=st.text(max_size=5),
        blocks=st.lists(st.text(max_size=5), max_size=2).map(tuple),
        buttons=st.lists(
            st.builds(
                Button, st.text(max_size=3), st.sampled_from(["a", "b"]), st.text(max_size=2)
            ),
            max_size=5,
        ).map(tuple),
        private=st.booleans(),
        owner=st.text(max_size=3),
        notices=st.lists(st.text(max_size=5), max_size=2).map(tuple),
    ),
    st.text(max_size=5),
)
def test_owned_by_is_replace_of_the_owner(reply: Reply, owner: str) -> None:
    owned = reply.owned_by(owner)
    assert owned == replace(reply, owner=owner) and owned.owner == owner
    assert owned is not reply


async def test_a_need_asked_back_quotes_what_each_choice_is_for_without_calling_them_equal(
    core: Core, knowledge: Knowledge
) -> None:
    reply = await say(core, "is mongo good for a banking app?")
    assert reply.title == "Do you mean one of these?"
    text = render_plain(reply)
    offered = [b.args for b in reply.buttons]
    assert {"sql", "mongodb"} <= set(offered)
    for topic_id in ("sql", "mongodb"):
        assert knowledge.topics[topic_id].title in text
    assert "Banking, orders and bookings" in text  # SQL's use case that names the need
    assert "equally" not in text  # one may fit the need far better than the other


@pytest.mark.parametrize("intent", [Intent.USE_CASE, Intent.TOPIC])
def test_an_ask_back_with_one_choice_asks_about_that_one(
    knowledge: Knowledge, intent: Intent
) -> None:
    # A thin need ("my site got hacked") may be asked back with one choice: not "one of these".
    reasons = {"security": ("what the need matched",)}
    asked = Understanding("hacked", intent, ("security",), Outcome.ASKED_BACK, reasons=reasons)
    reply = answer_reply(knowledge, asked)
    assert [b.args for b in reply.buttons] == ["security"]
    assert reply.title == "Is this what you mean?"
    text = render_plain(reply)
    assert "of these" not in text and "Did you mean:" not in text
    assert knowledge.topics["security"].title in text
    two = answer_reply(knowledge, replace(asked, topic_ids=("security", "oauth")))
    assert two.title == "Do you mean one of these?"


@pytest.mark.parametrize(
    ("intent", "command"),
    [(Intent.RESOURCES, "resources"), (Intent.PROJECTS, "projects"), (Intent.TOPIC, "topic")],
)
def test_a_choice_asked_back_answers_what_was_asked_for(
    knowledge: Knowledge, intent: Intent, command: str
) -> None:
    asked = Understanding("docker stuff to read", intent, ("docker", "ci-cd"), Outcome.ASKED_BACK)
    reply = answer_reply(knowledge, asked)
    assert [(b.command, b.args) for b in reply.buttons] == [
        (command, "docker"),
        (command, "ci-cd"),
    ]
