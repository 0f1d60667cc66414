"""The knowledge file: the bundled roadmap is complete, and broken files fail with file:line."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.knowledge import (
    Knowledge,
    KnowledgeError,
    Topic,
    bundled_knowledge_path,
    load_knowledge,
    parse_knowledge,
)
from bot.knowledge import loader as knowledge_module
from bot.limits import MAX_KNOWLEDGE_BYTES, MAX_KNOWLEDGE_DEPTH, MAX_KNOWLEDGE_PROBLEMS

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "backend-developer-roadmap.txt"
DATA = Path(__file__).parent / "data"
MINIMAL = """\
version: 1
roadmap: {id: tiny, title: Tiny, summary: A tiny roadmap.}
kinds: {language: [], concept: []}
sections:
  - id: first
    title: First
    summary: The first step.
    topics: [alpha]
topics:
  - id: alpha
    title: Alpha
    kind: language
    summary: Alpha is a thing.
"""


def test_bundled_roadmap_covers_the_document(knowledge: Knowledge) -> None:
    titles = {t.title.casefold() for t in knowledge.topics.values()}
    for name in [
        "python",
        "java",
        "ruby",
        "php",
        "django",
        "flask",
        "laravel",
        "gin",
        "mysql",
        "postgresql",
        "sqlite",
        "mongodb",
        "couchdb",
        "firebase",
        "graphql",
        "docker",
    ]:
        assert any(name in title for title in titles), name
    assert len(knowledge.languages) == 6
    frameworks = [t for t in knowledge.topics.values() if t.kind == "framework"]
    assert len(frameworks) == 8 and all(knowledge.topic(f.parent or "") for f in frameworks)
    assert len(knowledge.sections) == 8


@pytest.mark.skipif(not SEED.is_file(), reason="the seed document lives outside the repository")
def test_every_project_example_of_the_document_is_in_the_knowledge(knowledge: Knowledge) -> None:
    text = SEED.read_text()
    examples = re.findall(r"Project Examples:\s*\n((?:\s*•.*\n)+)", text)
    ideas = {p.casefold() for t in knowledge.topics.values() for p in t.projects}
    ideas |= {p.casefold() for s in knowledge.sections for p in s.projects}
    expected = [
        line.strip(" •\n").casefold()
        for block in examples
        for line in block.splitlines()
        if line.strip()
    ]
    assert len(expected) >= 20
    assert [e for e in expected if e not in ideas] == []


def test_every_topic_has_official_resources(knowledge: Knowledge) -> None:
    for topic in knowledge.topics.values():
        assert knowledge.resources(topic), topic.id
        assert all(r.url.startswith("https://") for r in knowledge.resources(topic)), topic.id


def test_curated_comparisons_exist(knowledge: Knowledge) -> None:
    for pair in [
        ("django", "flask"),
        ("sql", "nosql"),
        ("rest", "graphql"),
        ("express", "nestjs"),
        ("monolith", "microservices"),
        ("jwt", "oauth"),
        ("postgresql", "mongodb"),
        ("mysql", "postgresql"),
    ]:
        assert knowledge.comparison(pair) is not None, pair


def test_checklist_for_a_track_is_shared_sections_plus_the_language(knowledge: Knowledge) -> None:
    items = {t.id for t in knowledge.checklist("python")}
    assert {"python", "django", "flask", "docker", "postgresql"} <= items
    assert not {"java", "spring-boot", "laravel"} & items
    assert len(knowledge.checklist(None)) == len(knowledge.topics)


def test_a_topics_children_are_the_topics_naming_it_as_parent_in_roadmap_order(
    knowledge: Knowledge,
) -> None:
    """From the index of children: the same as scanning every topic, and a fresh list each time."""
    for topic_id in knowledge.topics:
        scanned = [t for t in knowledge.topics.values() if t.parent == topic_id]
        assert knowledge.children(topic_id) == scanned
    assert [t.id for t in knowledge.children("python")][:2] == ["django", "flask"]
    knowledge.children("python").clear()
    assert knowledge.children("python") and knowledge.children("no-such-topic") == []


def test_a_topics_descendants_are_its_childrens_children_too_in_roadmap_order(
    knowledge: Knowledge,
) -> None:
    """Walked down the index of children: every topic whose parent chain leads to it."""

    def leads_to(topic: Topic, ancestor: str) -> bool:
        seen = set()
        while topic.parent is not None and topic.parent not in seen:
            if topic.parent == ancestor:
                return True
            seen.add(topic.parent)
            topic = knowledge.topics[topic.parent]
        return False

    for topic_id in knowledge.topics:
        scanned = [t for t in knowledge.topics.values() if leads_to(t, topic_id)]
        assert knowledge.descendants(topic_id) == scanned
    assert knowledge.descendants("python")  # the bundled roadmap has frameworks under languages
    assert knowledge.descendants("no-such-topic") == []


def test_the_comparisons_of_topics_are_the_first_that_include_them(knowledge: Knowledge) -> None:
    """From the index of each topic's comparisons: the same as scanning every comparison."""
    for topic_id in knowledge.topics:
        scanned = tuple(c for c in knowledge.comparisons if topic_id in c.topic_ids)
        assert knowledge.comparisons_of(topic_id) == scanned
        for other in ("docker", "python", "no-such-topic"):
            wanted = {topic_id, other}
            first = next(
                (c for c in knowledge.comparisons if wanted <= set(c.topic_ids)),
                None,
            )
            exact = next(
                (c for c in knowledge.comparisons if wanted == set(c.topic_ids)),
                first,
            )
            assert knowledge.comparison([topic_id, other]) == exact
    assert knowledge.comparison([]) == knowledge.comparisons[0]


def test_minimal_file_loads() -> None:
    knowledge = parse_knowledge(MINIMAL)
    assert knowledge.info.title == "Tiny" and list(knowledge.topics) == ["alpha"]


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("    kind: language\n", ""), 10, "topics[0].kind: is required"),
        (("topics: [alpha]", "topics: [alpha, beta]"), 8, "unknown topic 'beta'"),
        (("id: alpha", "id: Alpha!"), 10, "not a valid id"),
        (("version: 1", "version: 2"), 1, "version: must be 1"),
        (
            ("summary: The first step.", "summary: The first step.\n    summary: again"),
            8,
            "duplicate key",
        ),
        (("title: Alpha", "title: Alpha\n    parent: ghost"), 12, "unknown topic 'ghost'"),
        (("summary: Alpha is a thing.", "summary: [oops"), 14, "flow sequence started on line 13"),
        (
            ("summary: Alpha is a thing.", "summary: A.\n    benefit:\n      - fast"),
            14,
            "topics[0].benefit: unknown key 'benefit'; did you mean 'benefits'?",
        ),
        (("title: First", "title: First\n    colour: red"), 7, "sections[0].colour: unknown key"),
        (("roadmap: {id: tiny,", "roadmap: {colour: red, id: tiny,"), 2, "roadmap.colour"),
        (
            ("kind: language", "kind: langauge"),
            12,
            "topics[0].kind: unknown kind 'langauge'; did you mean 'language'?",
        ),
        (("kind: language", "kind: 42"), 12, "topics[0].kind: unknown kind '42'"),
        (("kinds: {language: [], concept: []}\n", ""), 1, "kinds: is required"),
        (("concept: []", "concept: [two words]"), 3, "must be a single word"),
    ],
)
def test_broken_file_names_file_line_and_field(
    change: tuple[str, str], line: int, message: str
) -> None:
    text = MINIMAL.replace(*change)
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(text, "broken.yaml")
    rendered = str(caught.value)
    assert message in rendered
    assert any(p.line == line for p in caught.value.problems), rendered
    assert rendered.startswith("broken.yaml:")


def test_alias_collisions_are_rejected() -> None:
    text = MINIMAL.replace("topics: [alpha]", "topics: [alpha, beta]") + (
        "  - id: beta\n    title: Beta\n    kind: concept\n    summary: B.\n    aliases: [alpha]\n"
    )
    with pytest.raises(KnowledgeError, match="already a name of 'alpha'"):
        parse_knowledge(text)


def test_a_duplicate_alias_is_reported_at_the_later_line() -> None:
    text = MINIMAL.replace("topics: [alpha]", "topics: [alpha, beta]")
    text = text.replace("kind: language", "kind: language\n    aliases: [shared]")
    text += "  - id: beta\n    title: Beta\n    kind: concept\n    summary: B.\n"
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(text.replace("summary: B.", "summary: B.\n    aliases: [shared]"))
    assert [(p.line, p.field) for p in caught.value.problems] == [(19, "topics[1].aliases[0]")]
    # An earlier alias that a later entry takes as its id: reported at that id.
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(text.replace("[shared]", "[beta]"))
    assert [(p.line, p.field) for p in caught.value.problems] == [(15, "topics[1].id")]
    with pytest.raises(KnowledgeError, match="listed twice"):
        parse_knowledge(text.replace("[shared]", "[one, One]"))


def test_empty_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="empty"):
        parse_knowledge("")
    with pytest.raises(KnowledgeError, match="cannot read"):
        load_knowledge(tmp_path / "missing.yaml")


def test_validate_command_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DATA / "frontend-roadmap.yaml")]) == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINIMAL.replace("    kind: language\n", ""))
    assert main(["validate", str(broken)]) == 1
    assert f"{broken}:10: topics[0].kind: is required" in capsys.readouterr().err
    broken.write_text(MINIMAL.replace("kind: language", "kind: langauge\n    colour: red"))
    assert main(["validate", str(broken)]) == 1
    errors = capsys.readouterr().err
    assert f"{broken}:12: topics[0].kind: unknown kind 'langauge'" in errors
    assert f"{broken}:13: topics[0].colour: unknown key 'colour'" in errors


def test_bundled_file_is_valid_yaml_and_plain_text() -> None:
    from bot.knowledge import bundled_knowledge_path

    raw = yaml.safe_load(bundled_knowledge_path().read_text())
    assert "<" not in str(raw) and "**" not in str(raw)


def _laughs(levels: int) -> str:
    """A YAML "billion laughs": each level lists the one below ten times."""
    lines = ["l0: &l0 [lol]"]
    for level in range(1, levels + 1):
        items = ", ".join([f"*l{level - 1}"] * 10)
        lines.append(f"l{level}: &l{level} [{items}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [*x]\n",
        "a: &x {b: *x}\n",
        "version: 1\nshared: &s [1]\nagain: *s\n",
        _laughs(9),
        "a: &k x\nb: {*k : 1}\n",  # a value used again as a key
        "&k a: 1\nb: *k\n",  # a key used again as a value
        "a: &s !!set {x}\nb: *s\n",
    ],
)
def test_yaml_aliases_are_refused_with_a_line_not_followed(text: str) -> None:
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(text, "odd.yaml")
    assert re.search(r"^odd\.yaml:\d+: yaml: anchors and aliases", str(caught.value), re.M)


@pytest.mark.parametrize("value", ["2020-13-45", "!!int x", "!!bool x", "!!timestamp x"])
def test_a_value_pyyaml_cannot_build_is_refused_with_its_line(value: str) -> None:
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(f"version: 1\nroadmap:\n  id: {value}\n", "odd.yaml")
    assert re.fullmatch(r"odd\.yaml:3: yaml: cannot read this value: .+", str(caught.value))


_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.dates()
#: Keys, often the same twice (and 1 is the same key as true).
_KEYS = st.sampled_from(["a", "b", "", 0, 1, True, None]) | st.text(max_size=6) | st.integers()


class _Pairs(tuple):
    """A mapping written as its pairs, so that a key may come twice."""


def _mappings(values: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(st.tuples(_KEYS, values), max_size=4).map(_Pairs)


#: What knowledge files hold: lists, mappings and untagged scalars.
_PLAIN = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=4) | _mappings(inner), max_leaves=20
)
#: And tagged values too.
_TREES = st.recursive(
    _SCALARS | st.binary(max_size=4),  # bytes are tagged !!binary
    lambda inner: (
        st.lists(inner, max_size=4)
        | _mappings(inner)
        | st.sets(st.text(max_size=6) | st.integers(), max_size=3)  # tagged !!set
    ),
    max_leaves=20,
)


def _node(tree: object, flow: bool) -> yaml.Node:
    """``tree`` as a YAML node: lists and mappings in flow style or not, pairs as they are."""
    if isinstance(tree, _Pairs):
        pairs = [(_node(key, flow), _node(value, flow)) for key, value in tree]
        return yaml.MappingNode("tag:yaml.org,2002:map", pairs, flow_style=flow)
    if isinstance(tree, list):
        items = [_node(item, flow) for item in tree]
        return yaml.SequenceNode("tag:yaml.org,2002:seq", items, flow_style=flow)
    return yaml.representer.SafeRepresenter().represent_data(tree)  # a new one: no aliases


def _document(pairs: _Pairs, flow: bool) -> str:
    """A YAML mapping of ``pairs`` in block style, what is in it in flow style or not."""
    top = _node(pairs, flow)
    top.flow_style = False
    return yaml.serialize(top, Dumper=yaml.SafeDumper, allow_unicode=True)


def _every_line(
    node: yaml.Node, at: tuple, lines: dict, problems: list, keys: yaml.constructor.BaseConstructor
) -> None:
    """The reference: the line of every node by its path, and every key met twice."""
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = keys.construct_object(key_node)
            if key in seen:
                field = knowledge_module._dotted((*at, key))
                problems.append(
                    knowledge_module.Problem(key_node.start_mark.line + 1, field, "duplicate key")
                )
            seen.add(key)
            _every_line(value_node, (*at, key), lines, problems, keys)
            lines[(*at, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _every_line(item, (*at, index), lines, problems, keys)


def _expected(text: str, loader: type = yaml.CSafeLoader) -> tuple[object, dict, list]:
    """PyYAML's data, and from its nodes the line of every value and every key met twice."""
    lines: dict = {}
    problems: list = []
    node = yaml.compose(text, loader)
    if node is not None:
        _every_line(node, (), lines, problems, yaml.SafeLoader(""))
    return yaml.load(text, loader), lines, problems


def _read(text: str) -> tuple[object, dict, list]:
    """What the loader reads: the data, the line of every value, the keys met twice."""
    lines: dict = {}
    problems: list = []
    data = knowledge_module._read_yaml(text, "f.yaml", lines, problems)
    return data, lines, problems


def _read_events(text: str, loader: type = yaml.CSafeLoader) -> tuple[object, dict, list]:
    """What the loader reads from the parser's events alone (it raises if that is not enough)."""
    lines: dict = {}
    problems: list = []
    data = knowledge_module._read_events(loader(text), lines, problems)
    return data, lines, problems


@given(pairs=_mappings(_TREES), flow=st.booleans())
@settings(max_examples=300, deadline=None)
def test_the_tree_reads_as_pyyaml_reads_it_with_every_line(pairs: _Pairs, flow: bool) -> None:
    text = _document(pairs, flow)
    assert _read(text) == _expected(text)


@given(
    pairs=_mappings(_PLAIN),
    flow=st.booleans(),
    loader=st.sampled_from([yaml.CSafeLoader, yaml.SafeLoader]),
)
@settings(max_examples=300, deadline=None)
def test_plain_data_is_read_from_the_parser_events_as_pyyaml_reads_it(
    pairs: _Pairs, flow: bool, loader: type
) -> None:
    text = _document(pairs, flow)
    assert _read_events(text, loader) == _expected(text, loader)


def test_the_bundled_roadmap_is_read_from_the_parser_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def read_tree(*args: object) -> None:
        pytest.fail("the bundled roadmap was read again from PyYAML's nodes")

    monkeypatch.setattr(knowledge_module, "_read_tree", read_tree)
    assert len(parse_knowledge(bundled_knowledge_path().read_text(encoding="utf-8")).topics) > 10


@pytest.mark.parametrize(
    "text",
    [
        "a: !!set {x, y}\nb: !!str 7\nc: !!binary aGk=\nd: ! 7\ne: !!int '8'\n",
        "a: &x 1\nb: [&y two, {c: &z 3}]\n",  # anchors no alias names
        "n: [1.5, 2020-01-02, ~, true, '7', .nan]\n7: seven\n2020-01-02: day\n~: none\n",
        "",
        "# nothing\n",
        "---\n",
        "--- [a, b]\n...\n",
    ],
)
def test_tags_anchors_and_keys_that_are_not_text_read_as_pyyaml_reads_them(text: str) -> None:
    data, lines, problems = _read(text)
    expected_data, expected_lines, expected_problems = _expected(text)
    assert repr(data) == repr(expected_data)  # nan is not nan
    assert (lines, problems) == (expected_lines, expected_problems)


def test_merge_keys_read_as_pyyaml_reads_them_and_a_key_not_text_has_its_own_line() -> None:
    text = "a: x\nb:\n  <<: {c: 1, d: 2}\n  d: 3\n=: eq\n7: seven\n"
    data, lines, problems = _read(text)
    assert data == yaml.load(text, yaml.CSafeLoader) and not problems
    assert data == {"a": "x", "b": {"c": 1, "d": 3}, "=": "eq", 7: "seven"}
    assert [lines[at] for at in [("b",), ("b", "c"), ("b", "d"), ("=",), (7,)]] == [2, 3, 4, 5, 6]
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(MINIMAL + "extra: 1\n7: seven\n")
    assert [(p.line, p.field) for p in caught.value.problems] == [
        (14, "extra"),
        (15, "[7]"),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: [1, &x {b: 2}]\nc: *x\n", 1, knowledge_module.ALIASES),  # where the alias points
        ("a: *x\n", 1, "found undefined alias"),
        (
            "&k a: 1\n&k b: 2\n",  # anchors on keys
            2,
            "second occurrence (found duplicate anchor; first occurrence started on line 1)",
        ),
        (
            "a: &x 1\nb: &x 2\n",
            2,
            "second occurrence (found duplicate anchor; first occurrence started on line 1)",
        ),
        (
            "a: 1\n---\nb: [\n",  # what follows a second document is not read
            2,
            "but found another document (expected a single document in the stream started on "
            "line 1)",
        ),
        (
            "? [a]\n: b\n",
            1,
            "found unhashable key (while constructing a mapping started on line 1)",
        ),
        (
            "a:\n  - b\n  - c: d\n   e: f\n",
            4,
            "did not find expected '-' indicator (while parsing a block collection started on "
            "line 2)",
        ),
        # The whole file is parsed before what it holds is refused.
        (
            "a: &x 1\nb: *x\nc: [\n",
            4,
            "did not find expected node content (while parsing a flow node started on line 4)",
        ),
        (
            "a: {b: [1, !!int x]}\nc: {\n",
            3,
            "did not find expected node content (while parsing a flow node started on line 3)",
        ),
        (
            "a: " + "[" * (MAX_KNOWLEDGE_DEPTH + 1) + "]" * MAX_KNOWLEDGE_DEPTH + "\n",
            2,
            "did not find expected ',' or ']' (while parsing a flow sequence started on line 1)",
        ),
    ],
)
def test_yaml_problems_are_reported_where_pyyaml_finds_them(
    text: str, line: int, message: str
) -> None:
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(text, "odd.yaml")
    assert [(p.line, p.field, p.message) for p in caught.value.problems] == [
        (line, "yaml", message)
    ]


def _nested(depth: int, style: str) -> str:
    """A mapping whose one value is lists (flow style) or mappings (block style) ``depth`` deep."""
    if style == "flow":
        return "version: 1\nroadmap: " + "[" * depth + "]" * depth + "\n"
    return "version: 1\n" + "".join(" " * i + "x:\n" for i in range(depth)) + " " * depth + "x: 1\n"


@pytest.mark.parametrize("loader", ["libyaml", "pure Python"])
@pytest.mark.parametrize("depth", [MAX_KNOWLEDGE_DEPTH, 995, 999, 1000, 1500])
@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_refused_cleanly(
    depth: int, style: str, loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if loader == "pure Python":
        monkeypatch.setattr(knowledge_module, "_YAML_LOADER", yaml.SafeLoader)
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(_nested(depth, style), "deep.yaml")
    assert re.search(r"^deep\.yaml:\d+: yaml: .*nest", str(caught.value), re.M)


@pytest.mark.parametrize(
    ("style", "deepest", "refused_on"),
    [
        ("block", MAX_KNOWLEDGE_DEPTH - 2, MAX_KNOWLEDGE_DEPTH + 1),
        ("flow", MAX_KNOWLEDGE_DEPTH - 1, 2),
    ],
)
def test_nesting_to_the_limit_is_read_from_the_events_and_a_level_more_refused(
    style: str, deepest: int, refused_on: int
) -> None:
    text = _nested(deepest, style)
    assert _read_events(text) == _expected(text)
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(_nested(deepest + 1, style))
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (refused_on, knowledge_module.TOO_DEEP)
    ]


def test_a_knowledge_file_over_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    line = "unknown_key_{:08d}: value\n"
    count = MAX_KNOWLEDGE_BYTES // len(line.format(0)) + 1
    path.write_text("version: 1\n" + "".join(line.format(i) for i in range(count)))
    for load in (lambda: load_knowledge(path), lambda: parse_knowledge(path.read_text(), path)):
        with pytest.raises(KnowledgeError) as caught:
            load()
        (problem,) = caught.value.problems
        assert problem.field == "file" and f"{MAX_KNOWLEDGE_BYTES:,} bytes" in problem.message


def test_only_the_first_problems_are_listed_with_how_many_more() -> None:
    extra = "".join(f"unknown_{i}: 1\n" for i in range(300))
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(MINIMAL + extra, "many.yaml")
    problems = caught.value.problems
    assert len(problems) == MAX_KNOWLEDGE_PROBLEMS + 1
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert problems[0].field == "unknown_0"
    assert re.fullmatch(r"\d+ more problems from here on, not listed", problems[-1].message)
    assert int(problems[-1].message.split()[0]) == 300 - MAX_KNOWLEDGE_PROBLEMS


_VOCABULARY = """\
    use_cases: [Financial systems that need transactions]
software_words: [code, backend]
not_covered:
  - {name: Scala, kind: language, related: [alpha]}
need_words:
  bank: [financial, transactions]
small_talk:
  - {id: thanks, phrases: [thanks], reply: "You're welcome!"}
outside:
  - {id: careers, phrases: [salary], reply: "Not in this roadmap."}
"""


def test_the_words_around_the_roadmap_load() -> None:
    knowledge = parse_knowledge(MINIMAL + _VOCABULARY)
    vocabulary = knowledge.vocabulary
    assert vocabulary.software_words == {"code", "backend"}
    assert vocabulary.not_covered[0].name == "Scala"
    assert vocabulary.not_covered[0].related == ("alpha",)
    confirmed = parse_knowledge(
        MINIMAL
        + _VOCABULARY.replace(
            "kind: language, related",
            "kind: language, common_words: [Scala], software_words: [SBT], related",
        )
    )
    assert confirmed.vocabulary.not_covered[0].software_words == ("sbt",)
    assert vocabulary.need_words == {"bank": ("financial", "transactions")}
    assert [c.id for c in (*vocabulary.small_talk, *vocabulary.outside)] == ["thanks", "careers"]
    two = parse_knowledge(MINIMAL + _VOCABULARY.replace("bank:", "'central bank':"))
    assert two.vocabulary.need_words == {"central bank": ("financial", "transactions")}


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("name: Scala", "name: Alpha"), 17, "'Alpha' is a name of roadmap entry 'alpha'"),
        (("related: [alpha]", "related: [ghost]"), 17, "unknown topic 'ghost'"),
        (
            (
                "  - {name: Scala, kind: language, related: [alpha]}",
                "  - {name: Scala, kind: language}\n  - {name: Scala, kind: language}",
            ),
            18,
            "'Scala' is already a name of 'Scala'",
        ),
        (("kind: language, related", "kind: lang, related"), 17, "unknown kind 'lang'"),
        (("bank: [financial, transactions]", "bank: [rockets]"), 19, "'rockets' is in no topic"),
        (
            ("bank: [financial, transactions]", "big bank deal: [financial]"),
            19,
            "must be one word or two side by side",
        ),
        (("phrases: [salary]", "phrases: [alpha]"), 23, "is a name of roadmap entry 'alpha'"),
        (
            ("kind: language, related", "kind: language, software_words: [sbt], related"),
            17,
            "needs common_words",
        ),
        (
            ("kind: language, related", "kind: language, everyday_words: [island], related"),
            17,
            "needs common_words",
        ),
        (
            (
                "kind: language, related",
                "kind: language, common_words: [Scala], everyday_words: [island, code], related",
            ),
            17,
            "'code' is also in the top-level software_words",
        ),
        (
            (
                "kind: language, related",
                "kind: language, common_words: [Scala], everyday_words: [opera],"
                " software_words: [opera], related",
            ),
            17,
            "'opera' is also in everyday_words",
        ),
        (
            (
                "kind: language, related",
                "kind: language, common_words: [Scala], software_words: [sbt, code], related",
            ),
            17,
            "'code' is also in the top-level software_words",
        ),
        (("{id: thanks, phrases: [thanks], ", "{id: thanks, "), 21, "phrases: is required"),
        (
            (
                "    use_cases:",
                "    common_words: [alpha]\n    everyday_words: [code]\n    use_cases:",
            ),
            15,
            "'code' is also in the top-level software_words",
        ),
        (
            ("    use_cases:", "    everyday_words: [snake]\n    use_cases:"),
            14,
            "needs common_words",
        ),
        (
            ("    use_cases:", "    software_words: [venv]\n    use_cases:"),
            14,
            "needs common_words",
        ),
        (
            (
                "    use_cases:",
                "    common_words: [alpha]\n    software_words: [venv, code]\n    use_cases:",
            ),
            15,
            "'code' is also in the top-level software_words",
        ),
        (
            (
                "    use_cases:",
                "    common_words: [alpha]\n    everyday_words: [snake]\n"
                "    software_words: [snake]\n    use_cases:",
            ),
            16,
            "'snake' is also in everyday_words",
        ),
    ],
)
def test_broken_vocabulary_names_file_line_and_field(
    change: tuple[str, str], line: int, message: str
) -> None:
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge((MINIMAL + _VOCABULARY).replace(*change), "broken.yaml")
    assert message in str(caught.value)
    assert any(p.line == line for p in caught.value.problems), str(caught.value)


@pytest.mark.parametrize("field", ["common_words", "broad_words"])
def test_words_said_of_names_must_be_names(field: str) -> None:
    text = MINIMAL.replace("    kind: language\n", f"    kind: language\n    {field}: [beta]\n")
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(text, "broken.yaml")
    assert "'beta' is not one of this entry's names" in str(caught.value)
    assert [p.line for p in caught.value.problems] == [13], str(caught.value)
    named = parse_knowledge(text.replace("[beta]", "[alpha]"))
    assert getattr(named.topics["alpha"], field) == ("alpha",)


@pytest.mark.parametrize(
    ("need_words", "line", "message"),
    [
        # the index folds "news" into "new", a use-case word: "a new app" would mean news
        ("  news: [financial]\n", 19, "'news' is read as 'new', a word of the use cases"),
        # "books" and "booking" stem alike: only one entry would count
        (
            "  booking: [transactions]\n  books: [financial]\n",
            20,
            "'books' is read as the same word as 'booking'",
        ),
    ],
)
def test_need_words_the_index_would_read_as_another_word_name_file_and_line(
    need_words: str, line: int, message: str
) -> None:
    text = (MINIMAL + _VOCABULARY).replace(
        "use_cases: [Financial systems", "use_cases: [New financial systems"
    )
    text = text.replace("need_words:\n", "need_words:\n" + need_words)
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(text, "broken.yaml")
    assert message in str(caught.value)
    assert any(p.line == line for p in caught.value.problems), str(caught.value)
    same = text.replace("books: [financial]", "books: [transactions]")
    if same != text:  # the same words twice are harmless
        assert parse_knowledge(same, "fine.yaml").vocabulary.need_words["books"]


def test_the_frontend_roadmap_needs_none_of_the_new_blocks() -> None:
    knowledge = load_knowledge(DATA / "frontend-roadmap.yaml")
    assert knowledge.vocabulary.not_covered == () and not knowledge.vocabulary.software_words


def test_the_garbage_collector_waits_until_a_file_is_read() -> None:
    text = bundled_knowledge_path().read_text(encoding="utf-8")
    collections: list[str] = []

    def record(phase: str, info: dict[str, int]) -> None:
        collections.append(phase)

    threshold = gc.get_threshold()
    gc.set_threshold(100)  # would collect every hundred objects made
    gc.collect()  # and not before the read begins
    gc.callbacks.append(record)
    try:
        knowledge = parse_knowledge(text)
    finally:
        gc.callbacks.remove(record)
        gc.set_threshold(*threshold)
    assert len(knowledge.topics) > 10
    assert collections.count("start") <= 1  # at most once, as it resumes: not every 100 objects
    assert gc.isenabled()  # and on again afterwards
