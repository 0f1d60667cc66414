"""The knowledge base: a roadmap YAML file loaded once into typed, validated objects.

The format is described in ``docs/knowledge-format.md``. Every problem found while loading is
reported as ``file:line: field: message`` so an operator can fix the file directly.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from bot.limits import (
    MATCH_CONFIDENT,
    MAX_ID_CHARS,
    MAX_KNOWLEDGE_BYTES,
    MAX_KNOWLEDGE_DEPTH,
    MAX_KNOWLEDGE_PROBLEMS,
)
from bot.matching import NameIndex
from bot.quizzes import ReviewQuestion, read_reviews
from bot.text import normalize

SLUG = re.compile(rf"^[a-z0-9](?:[a-z0-9-]{{0,{MAX_ID_CHARS - 2}}}[a-z0-9])?$")
TRACK_KIND = "language"
#: A typo of a not-covered name is recognised only for names typed at least this long.
NOT_COVERED_TYPO_CHARS = 6
#: libyaml's loader when PyYAML was built with it (ten times faster), else the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FORMAT_VERSION = 1
TOO_DEEP = f"lists and mappings nested more than {MAX_KNOWLEDGE_DEPTH} levels deep"
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
    "not_covered": ("name", "kind", "aliases", "common_words", "related"),
    "canned": ("id", "phrases", "reply"),
}


@dataclass(frozen=True, slots=True)
class Resource:
    """A link to learning material."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Topic:
    """One thing to learn: a language, a framework, a database, a concept, a tool."""

    id: str
    title: str
    kind: str
    section_id: str
    summary: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()
    use_cases: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    projects: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    common_words: tuple[str, ...] = ()
    everyday_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A step of the roadmap, holding topics in learning order."""

    id: str
    title: str
    summary: str
    shared: bool
    topic_ids: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    projects: tuple[str, ...] = ()
    common_words: tuple[str, ...] = ()
    everyday_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NotCovered:
    """Technology learners meet that this roadmap does not cover (say so; never a look-alike)."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    #: Names that are also everyday words ("rust"): they need software context to count.
    common_words: tuple[str, ...] = ()
    #: Roadmap topics genuinely related to it (nginx: the hosting environment).
    related: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Canned:
    """A fixed reply to small talk or to a subject outside the roadmap, with its phrases."""

    id: str
    phrases: tuple[str, ...]
    reply: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """A curated answer to "A vs B": how they differ and when to pick which."""

    id: str
    topic_ids: tuple[str, ...]
    summary: str
    choose: tuple[tuple[str, str], ...]
    differences: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoadmapInfo:
    """What the roadmap as a whole is."""

    id: str
    title: str
    summary: str
    source_title: str = ""
    source_author: str = ""
    source_url: str = ""
    conclusion: str = ""
    examples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words around the roadmap that help understand what learners write (all optional)."""

    #: Words that show a message is about software ("code", "backend").
    software_words: frozenset[str] = frozenset()
    not_covered: tuple[NotCovered, ...] = ()
    #: A learner's word for a need -> the roadmap's words for it ("bank" -> "financial").
    need_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    small_talk: tuple[Canned, ...] = ()
    #: Subjects around learning that the roadmap does not cover (salaries, hardware).
    outside: tuple[Canned, ...] = ()


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


class Knowledge:
    """A loaded roadmap: sections, topics and comparisons, with the lookups the core needs."""

    def __init__(
        self,
        info: RoadmapInfo,
        sections: Sequence[Section],
        topics: Sequence[Topic],
        comparisons: Sequence[Comparison],
        path: str = "",
        kinds: Mapping[str, Sequence[str]] | None = None,
        reviews: Mapping[str, Sequence[ReviewQuestion]] | None = None,
        vocabulary: Vocabulary | None = None,
        renamed: Mapping[str, str] | None = None,
    ) -> None:
        self.info = info
        #: Former topic ids and the current id each became: learners' ticks, reviews and track
        #: are carried over on start (:meth:`bot.storage.Storage.carry_over`).
        self.renamed: dict[str, str] = dict(renamed or {})
        self.vocabulary = vocabulary or Vocabulary()
        #: Review questions per topic id (topics without questions are left out).
        self.reviews: dict[str, tuple[ReviewQuestion, ...]] = {
            topic_id: tuple(questions) for topic_id, questions in (reviews or {}).items()
        }
        #: Every review question by its id.
        self.questions: dict[str, ReviewQuestion] = {
            question.id: question for questions in self.reviews.values() for question in questions
        }
        #: Every kind of topic, each with the other words people use for it.
        self.kinds: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in (kinds or {}).items()}
        self.sections: tuple[Section, ...] = tuple(sections)
        self.path = path
        by_id = {topic.id: topic for topic in topics}
        self._sections_by_id = {section.id: section for section in self.sections}
        # Topics in learning order: section by section.
        self.topics: dict[str, Topic] = {
            topic_id: by_id[topic_id] for section in self.sections for topic_id in section.topic_ids
        }
        self.comparisons: tuple[Comparison, ...] = tuple(comparisons)
        self._comparisons_by_pair = {
            frozenset(comparison.topic_ids): comparison for comparison in self.comparisons
        }

    @cached_property
    def topic_names(self) -> NameIndex:
        """Fuzzy index over every topic's id, title and aliases."""
        return NameIndex(
            (name, topic.id)
            for topic in self.topics.values()
            for name in (topic.id, topic.title, *topic.aliases)
        )

    @cached_property
    def section_names(self) -> NameIndex:
        """Fuzzy index over every section's id, title and aliases."""
        return NameIndex(
            (name, section.id)
            for section in self.sections
            for name in (section.id, section.title, *section.aliases)
        )

    @cached_property
    def common_words(self) -> frozenset[str]:
        """Names of topics and steps that are also everyday words ("go", "rest"), normalized."""
        return frozenset(
            normalize(word)
            for entry in (*self.sections, *self.topics.values())
            for word in entry.common_words
        )

    @cached_property
    def not_covered_names(self) -> NameIndex:
        """Exact index over the names of technology the roadmap does not cover (ids: positions)."""
        return NameIndex(
            (name, str(index))
            for index, entry in enumerate(self.vocabulary.not_covered)
            for name in (entry.name, *entry.aliases)
        )

    def not_covered_named(self, query: str) -> NotCovered | None:
        """The not-covered technology ``query`` names: exactly, or a close typo of a long name."""
        target = self.not_covered_names.exact(query)
        key = normalize(query)
        if target is None and len(key) >= NOT_COVERED_TYPO_CHARS:
            hit = self.not_covered_names.fuzzy(key, MATCH_CONFIDENT)
            target = hit.id if hit else None
        return self.vocabulary.not_covered[int(target)] if target is not None else None

    @cached_property
    def language_names(self) -> NameIndex:
        """Fuzzy index over the languages (the topics that can be tracks)."""
        return NameIndex(
            (name, topic.id)
            for topic in self.languages
            for name in (topic.id, topic.title, *topic.aliases)
        )

    def topic(self, topic_id: str) -> Topic | None:
        """The topic with this id, if any."""
        return self.topics.get(topic_id)

    def section(self, section_id: str) -> Section | None:
        """The section with this id, if any."""
        return self._sections_by_id.get(section_id)

    def section_topics(self, section: Section) -> list[Topic]:
        """The topics of a section, in order."""
        return [self.topics[topic_id] for topic_id in section.topic_ids]

    @cached_property
    def languages(self) -> tuple[Topic, ...]:
        """Topics that can be chosen as a track (kind ``language``), in roadmap order."""
        return tuple(topic for topic in self.topics.values() if topic.kind == TRACK_KIND)

    def children(self, topic_id: str) -> list[Topic]:
        """Topics whose parent is ``topic_id`` (a language's frameworks)."""
        return [topic for topic in self.topics.values() if topic.parent == topic_id]

    def descendants(self, topic_id: str) -> list[Topic]:
        """Children, grandchildren and so on, in roadmap order."""
        found: set[str] = {topic_id}
        result: list[Topic] = []
        changed = True
        while changed:
            changed = False
            for topic in self.topics.values():
                if topic.parent in found and topic.id not in found:
                    found.add(topic.id)
                    result.append(topic)
                    changed = True
        order = list(self.topics)
        return sorted(result, key=lambda topic: order.index(topic.id))

    def checklist(self, track: str | None) -> list[Topic]:
        """The checklist items for a track (a language id), or the whole roadmap for ``None``."""
        if track is None or track not in self.topics:
            return list(self.topics.values())
        on_track = {track} | {topic.id for topic in self.descendants(track)}
        return [
            topic
            for topic in self.topics.values()
            if topic.id in on_track or self._sections_by_id[topic.section_id].shared
        ]

    def comparison(self, topic_ids: Sequence[str]) -> Comparison | None:
        """The curated comparison covering exactly these topics, or one that includes them."""
        wanted = frozenset(topic_ids)
        exact = self._comparisons_by_pair.get(wanted)
        if exact is not None:
            return exact
        return next((c for c in self.comparisons if wanted <= frozenset(c.topic_ids)), None)

    def projects(self, topic: Topic) -> tuple[str, ...]:
        """Project ideas for a topic, falling back to its section's."""
        return topic.projects or self._sections_by_id[topic.section_id].projects

    def resources(self, topic: Topic) -> tuple[Resource, ...]:
        """Resources for a topic, falling back to its section's."""
        return topic.resources or self._sections_by_id[topic.section_id].resources


def lost_ids(previous: Knowledge, current: Knowledge) -> list[str]:
    """Topic ids learners of ``previous`` may hold that ``current`` neither has nor forwards."""
    held = [*previous.topics, *previous.renamed]
    return [i for i in held if i not in current.topics and i not in current.renamed]


def bundled_knowledge_path() -> Path:
    """The roadmap shipped with the package (``knowledge/roadmap.yaml`` in the source tree)."""
    source_tree = Path(__file__).resolve().parent.parent / "knowledge" / "roadmap.yaml"
    if source_tree.is_file():
        return source_tree
    return Path(str(resources.files("bot.bundled") / "roadmap.yaml"))


def load_knowledge(path: Path | str) -> Knowledge:
    """Load and validate a knowledge file; raise :class:`KnowledgeError` on any problem."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_KNOWLEDGE_BYTES + 1)  # a larger file is refused unread
        if len(raw) > MAX_KNOWLEDGE_BYTES:
            raise _too_large(path)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(path, [Problem(0, "file", f"cannot read it: {error}")]) from None
    return parse_knowledge(text, path)


def _too_large(path: Path | str) -> KnowledgeError:
    message = f"is larger than {MAX_KNOWLEDGE_BYTES:,} bytes, the most a knowledge file may be"
    return KnowledgeError(path, [Problem(0, "file", message)])


def parse_knowledge(text: str, path: Path | str = "<knowledge>") -> Knowledge:
    """Parse and validate knowledge from YAML text."""
    if len(text.encode(errors="surrogatepass")) > MAX_KNOWLEDGE_BYTES:
        raise _too_large(path)
    try:
        loader = _YAML_LOADER(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _check_tree(node, path)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
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
    lines: dict[tuple[Any, ...], int] = {}
    problems: list[Problem] = []
    if node is not None:
        _map_lines(node, (), lines, problems)
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


def _check_tree(root: yaml.Node, path: Path | str) -> None:
    """Raise :class:`KnowledgeError` for a node reached twice (a YAML alias) or nested too deep.

    Aliases can make a loop or a tree exponentially larger than the file ("billion laughs"),
    and a knowledge file has no need for them. Deep nesting would exhaust Python's stack in
    what reads the tree next (found here without recursion).
    """
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        line = node.start_mark.line + 1
        if id(node) in seen:
            message = "anchors and aliases (&name, *name) are not supported: write the value out"
            raise KnowledgeError(path, [Problem(line, "yaml", message)])
        if depth > MAX_KNOWLEDGE_DEPTH:
            raise KnowledgeError(path, [Problem(line, "yaml", TOO_DEEP)])
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


def _map_lines(
    node: yaml.Node,
    path: tuple[Any, ...],
    lines: dict[tuple[Any, ...], int],
    problems: list[Problem],
) -> None:
    """Record the line of every value in the YAML tree, and report duplicate keys."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(
                    Problem(key_node.start_mark.line + 1, _dotted((*path, key)), "duplicate key")
                )
            seen.add(key)
            _map_lines(value_node, (*path, key), lines, problems)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _map_lines(item, (*path, index), lines, problems)


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
            if (
                isinstance(item, bool)
                or not isinstance(item, str | int | float)
                or not str(item).strip()
            ):
                self.problem((*path, key, index), "must be non-empty text")
            else:
                result.append(str(item).strip())
        return tuple(result)

    def words(self, data: Mapping[str, Any], key: str, path: tuple[Any, ...]) -> tuple[str, ...]:
        """A list of single words, normalized."""
        result = []
        for index, word in enumerate(self.texts(data, key, path)):
            if len(normalize(word).split()) != 1:
                self.problem((*path, key, index), f"{word!r} must be a single word")
            else:
                result.append(normalize(word))
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
        vocabulary = self.vocabulary(root, sections, topics)
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
                    for i, word in enumerate(item.common_words):
                        if word.casefold() not in known:
                            self.problem(
                                (*path, "common_words", i),
                                f"{word!r} is not one of this entry's names (id, title, aliases)",
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

    # -- the words around the roadmap ------------------------------------------------------

    def vocabulary(
        self, root: Mapping[str, Any], sections: list[Section], topics: list[Topic]
    ) -> Vocabulary:
        """The optional blocks that help understand learners: checked against the roadmap."""
        software = self.words(root, "software_words", ())
        software_set = frozenset(software)
        for group, entries in (("sections", sections), ("topics", topics)):
            for index, entry in enumerate(entries):
                path = (group, index, "everyday_words")
                if entry.everyday_words and not entry.common_words:
                    self.problem(path, "needs common_words: the names that are everyday words")
                for w_index, word in enumerate(entry.everyday_words):
                    if word in software_set:
                        self.problem((*path, w_index), f"{word!r} is also in software_words")
        names = {
            normalize(name): entry.id
            for entry in (*sections, *topics)
            for name in (entry.id, entry.title, *entry.aliases)
        }
        return Vocabulary(
            software_words=software_set,
            not_covered=self.not_covered(root, names, {topic.id for topic in topics}),
            need_words=self.need_words(root, topics),
            small_talk=self.canned(root, "small_talk", names),
            outside=self.canned(root, "outside", names),
        )

    def not_covered(
        self, root: Mapping[str, Any], names: Mapping[str, str], topic_ids: set[str]
    ) -> tuple[NotCovered, ...]:
        """Technology the roadmap does not cover; none may share a name with the roadmap."""
        result = []
        seen: dict[str, str] = {}
        for index, data in enumerate(self.listing(root, "not_covered", required=False)):
            path = ("not_covered", index)
            data = self.mapping(data, path, "not_covered")
            name = self.text(data, "name", path)
            kind = self.text(data, "kind", path)
            if kind and self.kinds and kind not in self.kinds:
                self.problem(
                    (*path, "kind"), f"unknown kind {kind!r} (kinds: {', '.join(self.kinds)})"
                )
            aliases = self.texts(data, "aliases", path)
            all_names = [((*path, "name"), name)] + [
                ((*path, "aliases", i), alias) for i, alias in enumerate(aliases)
            ]
            for where, label in all_names:
                key = normalize(label)
                if not key:
                    continue
                if key in names:
                    self.problem(where, f"{label!r} is a name of roadmap entry {names[key]!r}")
                elif key in seen and seen[key] != name:
                    self.problem(where, f"{label!r} is already a name of {seen[key]!r}")
                seen.setdefault(key, name)
            related = self.texts(data, "related", path)
            for r_index, topic_id in enumerate(related):
                if topic_id not in topic_ids:
                    self.problem((*path, "related", r_index), f"unknown topic {topic_id!r}")
            common = self.texts(data, "common_words", path)
            known = {normalize(label) for _, label in all_names}
            for c_index, word in enumerate(common):
                if normalize(word) not in known:
                    self.problem(
                        (*path, "common_words", c_index), f"{word!r} is not one of its names"
                    )
            if name:
                result.append(NotCovered(name, kind, aliases, common, related))
        return tuple(result)

    def need_words(
        self, root: Mapping[str, Any], topics: list[Topic]
    ) -> dict[str, tuple[str, ...]]:
        """Learners' words for needs; each must lead to words the topics' use cases contain."""
        if root.get("need_words") is None:
            return {}
        block = self.mapping(root["need_words"], ("need_words",))
        roadmap_words = {
            stem(word)
            for topic in topics
            for text in (*topic.use_cases, *topic.benefits, *topic.tags)
            for word in normalize(text.replace("-", " ")).split()
        }
        result = {}
        for key in block:
            path = ("need_words", key)
            if len(normalize(str(key)).split()) != 1:
                self.problem(path, f"{key!r} must be a single word")
            targets: list[str] = []
            for index, phrase in enumerate(self.texts(block, key, ("need_words",))):
                for word in normalize(phrase.replace("-", " ")).split():
                    if stem(word) not in roadmap_words:
                        self.problem(
                            (*path, index), f"{word!r} is in no topic's use_cases, benefits or tags"
                        )
                    targets.append(word)
            result[normalize(str(key))] = tuple(dict.fromkeys(targets))
        return result

    def canned(
        self, root: Mapping[str, Any], key: str, names: Mapping[str, str]
    ) -> tuple[Canned, ...]:
        """Small talk or subjects outside the roadmap: phrases and the reply they get."""
        result = []
        for index, data in enumerate(self.listing(root, key, required=False)):
            path = (key, index)
            data = self.mapping(data, path, "canned")
            phrases = self.texts(data, "phrases", path)
            if "phrases" not in data:
                self.problem((*path, "phrases"), "is required")
            for p_index, phrase in enumerate(phrases):
                if normalize(phrase) in names:
                    self.problem(
                        (*path, "phrases", p_index),
                        f"{phrase!r} is a name of roadmap entry {names[normalize(phrase)]!r}",
                    )
            result.append(
                Canned(self.slug(data, "id", path), phrases, self.text(data, "reply", path))
            )
        return tuple(result)

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


def stem(word: str) -> str:
    """A crude English stem: plurals folded ("databases" -> "database", "stories" -> "story")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def _with_section(topic: Topic, section_id: str) -> Topic:
    return replace(topic, section_id=section_id)
