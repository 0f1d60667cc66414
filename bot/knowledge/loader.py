"""Loading a knowledge file: YAML in, a validated :class:`~bot.knowledge.model.Knowledge` out.

Every problem found while loading is reported as ``file:line: field: message`` so an operator
can fix the file directly.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from bot.knowledge.compiled import cached, collector_paused, keep
from bot.knowledge.model import Comparison, Knowledge, Resource, RoadmapInfo, Section, Topic
from bot.knowledge.words import VocabularyReader
from bot.limits import (
    MAX_ID_CHARS,
    MAX_KNOWLEDGE_BYTES,
    MAX_KNOWLEDGE_DEPTH,
    MAX_KNOWLEDGE_PROBLEMS,
)
from bot.quizzes import read_reviews
from bot.text import normalize

SLUG = re.compile(rf"^[a-z0-9](?:[a-z0-9-]{{0,{MAX_ID_CHARS - 2}}}[a-z0-9])?$")
#: libyaml's loader when PyYAML was built with it (ten times faster), else the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR, _MAP, _SEQ, _MERGE, _VALUE = (
    f"tag:yaml.org,2002:{name}" for name in ("str", "map", "seq", "merge", "value")
)
FORMAT_VERSION = 1
TOO_DEEP = f"lists and mappings nested more than {MAX_KNOWLEDGE_DEPTH} levels deep"
ALIASES = "anchors and aliases (&name, *name) are not supported: write the value out"
#: The keys each kind of mapping may have; anything else is a typo or a field the bot ignores.
_KEYS = {
    "root": (
        "version",
        "roadmap",
        "kinds",
        "software_words",
        "sections",
        "topics",
        "comparisons",
        "renamed",
        "not_covered",
        "need_words",
        "small_talk",
        "outside",
        "reviews",
    ),
    "roadmap": ("id", "title", "summary", "source", "conclusion", "examples"),
    "source": ("title", "author", "url"),
    "section": (
        "id",
        "title",
        "summary",
        "shared",
        "aliases",
        "common_words",
        "everyday_words",
        "software_words",
        "broad_words",
        "topics",
        "resources",
        "projects",
    ),
    "topic": (
        "id",
        "title",
        "kind",
        "parent",
        "aliases",
        "common_words",
        "everyday_words",
        "software_words",
        "broad_words",
        "tags",
        "summary",
        "benefits",
        "use_cases",
        "resources",
        "projects",
        "related",
    ),
    "comparison": ("id", "topics", "aliases", "summary", "differences", "choose"),
    "resource": ("title", "url"),
    "question": ("id", "question", "options"),
    "option": ("text", "right", "why"),
    "not_covered": (
        "name",
        "kind",
        "aliases",
        "common_words",
        "everyday_words",
        "software_words",
        "related",
    ),
    "canned": ("id", "phrases", "reply"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a knowledge file."""

    line: int
    field: str
    message: str


class KnowledgeError(Exception):
    """A knowledge file that cannot be used; ``str()`` lists every problem as file:line."""

    def __init__(self, path: Path | str, problems: Sequence[Problem]) -> None:
        self.path = str(path)
        self.problems = tuple(problems)
        super().__init__(
            "\n".join(f"{self.path}:{p.line}: {p.field}: {p.message}" for p in self.problems)
        )


def bundled_knowledge_path() -> Path:
    """The roadmap shipped with the package (``knowledge/roadmap.yaml`` in the source tree)."""
    source_tree = Path(__file__).resolve().parents[2] / "knowledge" / "roadmap.yaml"
    if source_tree.is_file():
        return source_tree
    return Path(str(resources.files("bot.bundled") / "roadmap.yaml"))


def load_knowledge(path: Path | str) -> Knowledge:
    """Load and validate a knowledge file; raise :class:`KnowledgeError` on any problem.

    A large file already loaded once (same bytes, same bot) comes compiled from the cache
    (:mod:`bot.knowledge.compiled`).
    """
    path = Path(path)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_KNOWLEDGE_BYTES + 1)  # a larger file is refused unread
        if len(raw) > MAX_KNOWLEDGE_BYTES:
            raise _too_large(path)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(path, [Problem(0, "file", f"cannot read it: {error}")]) from None
    knowledge = cached(raw, Knowledge)
    if knowledge is None:
        knowledge = parse_knowledge(text, path)
        keep(raw, knowledge)
    knowledge.path = str(path)
    return knowledge


def _too_large(path: Path | str) -> KnowledgeError:
    message = f"is larger than {MAX_KNOWLEDGE_BYTES:,} bytes, the most a knowledge file may be"
    return KnowledgeError(path, [Problem(0, "file", message)])


@collector_paused()
def parse_knowledge(text: str, path: Path | str = "<knowledge>") -> Knowledge:
    """Parse and validate knowledge from YAML text."""
    if len(text.encode(errors="surrogatepass")) > MAX_KNOWLEDGE_BYTES:
        raise _too_large(path)
    lines: dict[tuple[Any, ...], int] = {}
    problems: list[Problem] = []
    try:
        data = _read_yaml(text, path, lines, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        message = f"{error.problem or 'invalid YAML'}"
        if error.context and error.context_mark and error.context_mark is not mark:
            message += f" ({error.context} started on line {error.context_mark.line + 1})"
        raise KnowledgeError(path, [Problem(line, "yaml", message)]) from None
    except yaml.YAMLError as error:
        raise KnowledgeError(path, [Problem(0, "yaml", str(error))]) from None
    except RecursionError:  # the pure-Python parser, nested deeper than Python's stack
        raise KnowledgeError(path, [Problem(0, "yaml", TOO_DEEP)]) from None
    builder = _Builder(lines, problems)
    knowledge = builder.build(data)
    if problems or knowledge is None:
        problems.sort(key=lambda problem: problem.line)
        raise KnowledgeError(path, _first_problems(problems))
    knowledge.path = str(path)
    return knowledge


def _first_problems(problems: list[Problem]) -> list[Problem]:
    """At most ``MAX_KNOWLEDGE_PROBLEMS`` of ``problems``, and a last line saying how many more."""
    if len(problems) <= MAX_KNOWLEDGE_PROBLEMS:
        return problems
    more = len(problems) - MAX_KNOWLEDGE_PROBLEMS
    first = problems[MAX_KNOWLEDGE_PROBLEMS]
    return [
        *problems[:MAX_KNOWLEDGE_PROBLEMS],
        Problem(first.line, "file", f"{more:,} more problems from here on, not listed"),
    ]


def _read_yaml(
    text: str, path: Path | str, lines: dict[tuple[Any, ...], int], problems: list[Problem]
) -> Any:
    """The data of the YAML document ``text``, with the line of every value and duplicate key.

    Read from the parser's events (:func:`_read_events`), or, when the document holds more
    than plain data, read again from PyYAML's nodes (:func:`_read_tree`) from the start.
    """
    loader = _YAML_LOADER(text)
    try:
        return _read_events(loader, lines, problems)
    except _NotPlain:
        lines.clear()
        problems.clear()
    finally:
        loader.dispose()
    loader = _YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        return _read_tree(loader, node, path, lines, problems) if node is not None else None
    finally:
        loader.dispose()


class _NotPlain(Exception):
    """Met by :func:`_read_events`: something only :func:`_read_tree` reads as PyYAML does."""


def _read_events(loader: Any, lines: dict[tuple[Any, ...], int], problems: list[Problem]) -> Any:
    """The data of a plain YAML document read from the parser's events, as :func:`_read_tree`.

    What knowledge files hold (mappings, lists and scalars, none tagged or anchored) is read
    without building the composer's tree of nodes. Anything else raises :class:`_NotPlain` as
    soon as it is met: an anchor or alias, a tag, a key that is a list or a mapping, a merge
    key (``<<``) or ``=``, a value PyYAML cannot build, nesting too deep, a second document.
    """
    get, resolve, construct = loader.get_event, loader.resolve, loader.construct_object
    scalar_event, scalar_node = yaml.ScalarEvent, yaml.ScalarNode
    sequence_start, sequence_end = yaml.SequenceStartEvent, yaml.SequenceEndEvent
    mapping_end, stream_end = yaml.MappingEndEvent, yaml.StreamEndEvent

    def check_plain(event: Any) -> None:
        """Refuse a node with an anchor or a tag, and an alias (which has an anchor too)."""
        if event.anchor is not None or event.tag is not None:
            raise _NotPlain

    # what ``resolve`` makes text without trying a pattern: a quoted scalar, or a plain one
    # whose first character starts no other type's pattern (most of a knowledge file)
    typed_starts = frozenset(loader.yaml_implicit_resolvers)
    quick = None not in typed_starts and not loader.yaml_path_resolvers

    def scalar(event: yaml.ScalarEvent) -> Any:
        """A scalar's value: its text if it resolves to text, else built as PyYAML builds it."""
        check_plain(event)
        value = event.value
        if quick and (not event.implicit[0] or (value and value[0] not in typed_starts)):
            return value
        tag = resolve(scalar_node, value, event.implicit)  # as the composer does
        if tag == _STR:
            return value
        node = scalar_node(tag, value, event.start_mark, event.end_mark, event.style)
        try:
            return construct(node)  # a number, true, null, a date ...
        except Exception:  # month 13 in a date; "<<" or "=", which only a key may be
            raise _NotPlain from None

    def read(event: Any, at: tuple[Any, ...], depth: int) -> Any:
        if depth > MAX_KNOWLEDGE_DEPTH:
            raise _NotPlain
        lines[at] = event.start_mark.line + 1
        kind = type(event)
        if kind is scalar_event:
            return scalar(event)
        check_plain(event)
        if kind is sequence_start:
            items: list[Any] = []
            while type(event := get()) is not sequence_end:
                items.append(read(event, (*at, len(items)), depth + 1))
            return items
        data: dict[Any, Any] = {}
        while type(event := get()) is not mapping_end:
            if type(event) is not scalar_event:  # a list, a mapping or an alias as a key
                raise _NotPlain
            key = scalar(event)
            line = event.start_mark.line + 1
            if key in data:
                problems.append(Problem(line, _dotted((*at, key)), "duplicate key"))
            data[key] = read(get(), (*at, key), depth + 1)
            lines[(*at, key)] = line
        return data

    get()  # the stream's start
    if type(get()) is stream_end:  # no document at all
        return None
    data = read(get(), (), 1)
    get()  # the document's end
    if type(get()) is not stream_end:  # another document: the composer refuses it
        raise _NotPlain
    return data


def _read_tree(
    loader: Any,
    root: yaml.Node,
    path: Path | str,
    lines: dict[tuple[Any, ...], int],
    problems: list[Problem],
) -> Any:
    """The data of a YAML tree, with the line of every value and every duplicate key.

    One pass in document order. Plain mappings, lists and text (what knowledge files hold) are
    read directly; anything else (a number, a tag, a key that is not text, a merge key) is
    built by PyYAML's constructor for that node only, once the nodes under it are checked.
    A node reached twice (a YAML alias) or nested too deep raises :class:`KnowledgeError`:
    aliases can make a loop or a tree exponentially larger than the file ("billion laughs"),
    and a knowledge file has no need for them; deep nesting would exhaust Python's stack.
    """
    seen: set[yaml.Node] = set()  # nodes hash by identity
    mark, scalar, sequence = seen.add, yaml.ScalarNode, yaml.SequenceNode

    def refuse(node: yaml.Node, message: str) -> KnowledgeError:
        return KnowledgeError(path, [Problem(node.start_mark.line + 1, "yaml", message)])

    def construct(node: yaml.Node) -> Any:
        try:
            return loader.construct_object(node, deep=True)
        except yaml.YAMLError:
            raise  # with its own line
        except Exception as error:  # such as month 13 in a date, or "!!int x"
            raise refuse(node, f"cannot read this value: {error}") from None

    def read(node: yaml.Node, at: tuple[Any, ...], depth: int) -> Any:
        if node in seen:
            raise refuse(node, ALIASES)
        if depth > MAX_KNOWLEDGE_DEPTH:
            raise refuse(node, TOO_DEEP)
        mark(node)
        lines[at] = node.start_mark.line + 1
        kind, tag = type(node), node.tag
        if kind is scalar:
            return node.value if tag == _STR else construct(node)
        if kind is sequence:
            items = [read(item, (*at, index), depth + 1) for index, item in enumerate(node.value)]
            return items if tag == _SEQ else construct(node)
        plain, data = tag == _MAP, {}
        for key_node, value_node in node.value:
            if key_node in seen:
                raise refuse(key_node, ALIASES)
            mark(key_node)
            key = key_node.value
            if type(key_node) is not scalar or key_node.tag != _STR:
                if type(key_node) is not scalar:  # a list or mapping as a key: PyYAML refuses it
                    return construct(node)
                if key_node.tag == _MERGE:  # "<<: {...}": PyYAML merges those keys in
                    plain = False
                    read(value_node, at, depth + 1)  # checked, and the lines of its keys
                    continue
                if key_node.tag != _VALUE:  # "=" is text as a key
                    key = construct(key_node)  # a number, true, null ...
            if key in data:
                line = key_node.start_mark.line + 1
                problems.append(Problem(line, _dotted((*at, key)), "duplicate key"))
            data[key] = read(value_node, (*at, key), depth + 1)
            lines[(*at, key)] = key_node.start_mark.line + 1
        if plain:
            return data
        lines[at] = node.start_mark.line + 1
        return construct(node)

    return read(root, (), 1)


_Entry = TypeVar("_Entry", Section, Topic, Comparison)


def _dotted(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top)"


class _Builder:
    """Turns the raw YAML data into model objects, collecting every problem on the way."""

    def __init__(self, lines: dict[tuple[Any, ...], int], problems: list[Problem]) -> None:
        self.lines = lines
        self.problems = problems
        self.kinds: dict[str, tuple[str, ...]] = {}

    def problem(self, path: tuple[Any, ...], message: str) -> None:
        probe = path
        while probe and probe not in self.lines:
            probe = probe[:-1]
        self.problems.append(Problem(self.lines.get(probe, 1), _dotted(path), message))

    # -- typed field readers ---------------------------------------------------------------

    def mapping(
        self, value: Any, path: tuple[Any, ...], keys: str | None = None
    ) -> Mapping[str, Any]:
        """``value`` as a mapping; with ``keys`` (a ``_KEYS`` entry) unknown keys are errors."""
        if not isinstance(value, Mapping):
            self.problem(path, "must be a mapping (key: value pairs)")
            return {}
        allowed = _KEYS[keys] if keys else ()
        for key in value if keys else ():
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.problem((*path, key), f"unknown key {key!r}{hint}")
        return value

    def text(
        self, data: Mapping[str, Any], key: str, path: tuple[Any, ...], *, required: bool = True
    ) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem((*path, key), "is required")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem((*path, key), "must be text")
            return ""
        value = str(value).strip()
        if not value:
            self.problem((*path, key), "must not be empty")
        return value

    def slug(self, data: Mapping[str, Any], key: str, path: tuple[Any, ...]) -> str:
        value = self.text(data, key, path)
        if value and not SLUG.match(value):
            self.problem(
                (*path, key),
                f"{value!r} is not a valid id (lowercase letters, digits and '-', "
                f"at most {MAX_ID_CHARS} characters)",
            )
        return value

    def texts(self, data: Mapping[str, Any], key: str, path: tuple[Any, ...]) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem((*path, key), "must be a list")
            return ()
        result = []
        for index, item in enumerate(value):
            if isinstance(item, str):  # nearly every item, so tested first
                text = item.strip()
            elif isinstance(item, int | float) and not isinstance(item, bool):
                text = str(item).strip()
            else:
                text = ""
            if text:
                result.append(text)
            else:
                self.problem((*path, key, index), "must be non-empty text")
        return tuple(result)

    def words(self, data: Mapping[str, Any], key: str, path: tuple[Any, ...]) -> tuple[str, ...]:
        """A list of single words, normalized."""
        result = []
        for index, word in enumerate(self.texts(data, key, path)):
            normalized = normalize(word)
            if len(normalized.split()) != 1:
                self.problem((*path, key, index), f"{word!r} must be a single word")
            else:
                result.append(normalized)
        return tuple(result)

    def resources(self, data: Mapping[str, Any], path: tuple[Any, ...]) -> tuple[Resource, ...]:
        value = data.get("resources")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem((*path, "resources"), "must be a list")
            return ()
        result = []
        for index, item in enumerate(value):
            item_path = (*path, "resources", index)
            item = self.mapping(item, item_path, "resource")
            title = self.text(item, "title", item_path)
            url = self.text(item, "url", item_path)
            if url and not url.startswith(("https://", "http://")):
                self.problem((*item_path, "url"), f"{url!r} must start with https:// or http://")
            if title and url:
                result.append(Resource(title, url))
        return tuple(result)

    # -- the document ------------------------------------------------------------------------

    def build(self, data: Any) -> Knowledge | None:
        if data is None:
            self.problem((), "the file is empty")
            return None
        root = self.mapping(data, (), "root")
        if not root:
            return None
        version = root.get("version")
        if version != FORMAT_VERSION:
            self.problem(("version",), f"must be {FORMAT_VERSION} (found {version!r})")
        info = self.roadmap_info(self.mapping(root.get("roadmap"), ("roadmap",), "roadmap"))
        self.kinds = self.kind_words(root)
        sections = self.entries(root, "sections", "section", self.section)
        topics = self.entries(root, "topics", "topic", self.topic)
        comparisons = self.entries(
            root, "comparisons", "comparison", self.comparison, required=False
        )
        topics = self.link(sections, topics, comparisons)
        reviews = read_reviews(self, root, {topic.id for topic in topics})
        vocabulary = VocabularyReader(self).read(root, sections, topics)
        renamed = self.renames(root, [*sections, *topics, *comparisons], topics)
        if self.problems:
            return None
        return Knowledge(
            info,
            sections,
            topics,
            comparisons,
            kinds=self.kinds,
            reviews=reviews,
            vocabulary=vocabulary,
            renamed=renamed,
        )

    def renames(
        self,
        root: Mapping[str, Any],
        entries: Sequence[Section | Topic | Comparison],
        topics: Sequence[Topic],
    ) -> dict[str, str]:
        """The ``renamed`` block: former topic id -> the current topic id it became."""
        value = root.get("renamed")
        if value is None:
            return {}
        path: tuple[Any, ...] = ("renamed",)
        block = self.mapping(value, path)
        current = {entry.id for entry in entries}
        topic_ids = {topic.id for topic in topics}
        result = {}
        for old, new in block.items():
            where = (*path, old)
            if not isinstance(old, str) or not SLUG.match(old):
                self.problem(where, f"{old!r} is not a valid former id (a slug)")
            elif old in current:
                self.problem(where, f"{old!r} is a current id; only former ids are forwarded")
            elif not isinstance(new, str) or new not in topic_ids:
                self.problem(where, f"forwards to {new!r}, which is not a topic of this file")
            else:
                result[old] = new
        return result

    def kind_words(self, root: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
        """The ``kinds`` block: each kind of topic with the other words people use for it."""
        if root.get("kinds") is None:
            self.problem(("kinds",), "is required: the kinds of topic, e.g. {language: [lang]}")
            return {}
        kinds = self.mapping(root["kinds"], ("kinds",))
        result = {}
        for kind in kinds:
            if not SLUG.match(str(kind)):
                self.problem(("kinds", kind), f"{kind!r} is not a valid kind (lowercase slug)")
            words = self.texts(kinds, kind, ("kinds",))
            for index, word in enumerate(words):
                if len(word.split()) != 1:
                    self.problem(("kinds", kind, index), f"{word!r} must be a single word")
            result[str(kind)] = words
        return result

    def entries(
        self,
        root: Mapping[str, Any],
        key: str,
        keys: str,
        build: Callable[[Mapping[str, Any], tuple[Any, ...]], _Entry],
        *,
        required: bool = True,
    ) -> list[_Entry]:
        """Build every mapping of the list ``root[key]``, each checked against ``_KEYS[keys]``."""
        return [
            build(self.mapping(item, (key, index), keys), (key, index))
            for index, item in enumerate(self.listing(root, key, required=required))
        ]

    def listing(self, root: Mapping[str, Any], key: str, *, required: bool = True) -> list[Any]:
        value = root.get(key)
        if value is None:
            if required:
                self.problem((key,), "is required")
            return []
        if not isinstance(value, list):
            self.problem((key,), "must be a list")
            return []
        if required and not value:
            self.problem((key,), "must not be empty")
        return value

    def roadmap_info(self, data: Mapping[str, Any]) -> RoadmapInfo:
        path = ("roadmap",)
        source = data.get("source") or {}
        source = self.mapping(source, (*path, "source"), "source")
        return RoadmapInfo(
            id=self.slug(data, "id", path),
            title=self.text(data, "title", path),
            summary=self.text(data, "summary", path),
            source_title=self.text(source, "title", (*path, "source"), required=False),
            source_author=self.text(source, "author", (*path, "source"), required=False),
            source_url=self.text(source, "url", (*path, "source"), required=False),
            conclusion=self.text(data, "conclusion", path, required=False),
            examples=self.texts(data, "examples", path),
        )

    def section(self, data: Mapping[str, Any], path: tuple[Any, ...]) -> Section:
        shared = data.get("shared", True)
        if not isinstance(shared, bool):
            self.problem((*path, "shared"), "must be true or false")
            shared = True
        topic_ids = self.texts(data, "topics", path)
        if "topics" not in data:
            self.problem((*path, "topics"), "is required")
        return Section(
            id=self.slug(data, "id", path),
            title=self.text(data, "title", path),
            summary=self.text(data, "summary", path),
            shared=shared,
            topic_ids=topic_ids,
            aliases=self.texts(data, "aliases", path),
            resources=self.resources(data, path),
            projects=self.texts(data, "projects", path),
            common_words=self.texts(data, "common_words", path),
            everyday_words=self.words(data, "everyday_words", path),
            software_words=self.words(data, "software_words", path),
            broad_words=self.texts(data, "broad_words", path),
        )

    def topic(self, data: Mapping[str, Any], path: tuple[Any, ...]) -> Topic:
        parent = data.get("parent")
        kind = self.text(data, "kind", path)
        if kind and self.kinds and kind not in self.kinds:
            close = difflib.get_close_matches(kind, list(self.kinds), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            self.problem(
                (*path, "kind"),
                f"unknown kind {kind!r}; {hint}(kinds: {', '.join(self.kinds)})",
            )
        return Topic(
            id=self.slug(data, "id", path),
            title=self.text(data, "title", path),
            kind=kind,
            section_id="",
            summary=self.text(data, "summary", path),
            parent=self.slug(data, "parent", path) if parent is not None else None,
            aliases=self.texts(data, "aliases", path),
            tags=self.texts(data, "tags", path),
            benefits=self.texts(data, "benefits", path),
            use_cases=self.texts(data, "use_cases", path),
            resources=self.resources(data, path),
            projects=self.texts(data, "projects", path),
            related=self.texts(data, "related", path),
            common_words=self.texts(data, "common_words", path),
            everyday_words=self.words(data, "everyday_words", path),
            software_words=self.words(data, "software_words", path),
            broad_words=self.texts(data, "broad_words", path),
        )

    def comparison(self, data: Mapping[str, Any], path: tuple[Any, ...]) -> Comparison:
        topic_ids = self.texts(data, "topics", path)
        if len(topic_ids) < 2:
            self.problem((*path, "topics"), "must name at least two topics")
        choose = self.mapping(data.get("choose") or {}, (*path, "choose"))
        if not choose:
            self.problem((*path, "choose"), "is required: when to pick each topic")
        pairs = tuple((str(key), self.text(choose, key, (*path, "choose"))) for key in choose)
        return Comparison(
            id=self.slug(data, "id", path),
            topic_ids=topic_ids,
            summary=self.text(data, "summary", path),
            choose=pairs,
            differences=self.texts(data, "differences", path),
            aliases=self.texts(data, "aliases", path),
        )

    def link(
        self, sections: list[Section], topics: list[Topic], comparisons: list[Comparison]
    ) -> list[Topic]:
        """Check cross references and give each topic its section."""
        ids: dict[str, tuple[Any, ...]] = {}
        for kind, items in (
            ("sections", sections),
            ("topics", topics),
            ("comparisons", comparisons),
        ):
            for index, item in enumerate(items):
                if not item.id:
                    continue
                if item.id in ids:
                    self.problem((kind, index, "id"), f"id {item.id!r} is already used")
                ids[item.id] = (kind, index)
        topic_index = {topic.id: index for index, topic in enumerate(topics)}
        self.check_names(sections, topics, comparisons)
        section_of: dict[str, str] = {}
        for s_index, section in enumerate(sections):
            for t_index, topic_id in enumerate(section.topic_ids):
                where = ("sections", s_index, "topics", t_index)
                if topic_id not in topic_index:
                    self.problem(where, f"unknown topic {topic_id!r}")
                elif topic_id in section_of:
                    self.problem(
                        where, f"topic {topic_id!r} is already in section {section_of[topic_id]!r}"
                    )
                else:
                    section_of[topic_id] = section.id
        linked = []
        for index, topic in enumerate(topics):
            path = ("topics", index)
            if topic.id and topic.id not in section_of:
                self.problem((*path, "id"), f"topic {topic.id!r} is not listed in any section")
            if topic.parent is not None and topic.parent not in topic_index:
                self.problem((*path, "parent"), f"unknown topic {topic.parent!r}")
            for r_index, related in enumerate(topic.related):
                if related not in topic_index:
                    self.problem((*path, "related", r_index), f"unknown topic {related!r}")
            linked.append(_with_section(topic, section_of.get(topic.id, "")))
        for index, comparison in enumerate(comparisons):
            path = ("comparisons", index)
            for t_index, topic_id in enumerate(comparison.topic_ids):
                if topic_id not in topic_index:
                    self.problem((*path, "topics", t_index), f"unknown topic {topic_id!r}")
            for key, _ in comparison.choose:
                if key not in comparison.topic_ids:
                    self.problem(
                        (*path, "choose", key), f"{key!r} is not one of this comparison's topics"
                    )
        self.check_parent_cycles(linked)
        return linked

    def check_names(
        self, sections: list[Section], topics: list[Topic], comparisons: list[Comparison]
    ) -> None:
        """Report clashing names (an alias that is another entry's name) at the later line."""
        owners: dict[str, tuple[str, bool]] = {}  # name -> (owner id, whether it is an alias)
        for group, entries in (
            ("sections", sections),
            ("topics", topics),
            ("comparisons", comparisons),
        ):
            for index, item in enumerate(entries):
                path = (group, index)
                names = [((*path, "id"), item.id, False)]
                if not isinstance(item, Comparison):
                    names.append(((*path, "title"), item.title, False))
                names += [((*path, "aliases", i), a, True) for i, a in enumerate(item.aliases)]
                own: set[str] = set()
                if not isinstance(item, Comparison):
                    known = {name.casefold() for _, name, _ in names}
                    for field in ("common_words", "broad_words"):
                        for i, word in enumerate(getattr(item, field)):
                            if word.casefold() not in known:
                                self.problem(
                                    (*path, field, i),
                                    f"{word!r} is not one of this entry's names"
                                    " (id, title, aliases)",
                                )
                for where, name, is_alias in names:
                    key = name.casefold()
                    if key in own:
                        earlier = item.aliases[: where[-1]] if is_alias else ()
                        if any(alias.casefold() == key for alias in earlier):
                            self.problem(where, f"alias {name!r} is listed twice")
                        continue
                    own.add(key)
                    owner, owner_is_alias = owners.setdefault(key, (item.id, is_alias))
                    if owner != item.id and (is_alias or owner_is_alias):
                        label = "alias" if is_alias else where[-1]
                        self.problem(where, f"{label} {name!r} is already a name of {owner!r}")

    def check_parent_cycles(self, topics: list[Topic]) -> None:
        parents = {topic.id: topic.parent for topic in topics}
        for index, topic in enumerate(topics):
            seen = {topic.id}
            current = topic.parent
            while current is not None and current in parents:
                if current in seen:
                    self.problem(("topics", index, "parent"), "parents form a cycle")
                    break
                seen.add(current)
                current = parents[current]


def _with_section(topic: Topic, section_id: str) -> Topic:
    return replace(topic, section_id=section_id)
