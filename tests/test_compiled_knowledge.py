"""Compiled knowledge: a large file loaded once comes from the cache, never stale."""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from bot.knowledge import bundled_knowledge_path, compiled, load_knowledge, loader, parse_knowledge
from bot.learned import Learned, companion_path, load_companion
from bot.questions import QuestionAnswerer

TUNE = Path(__file__).parent / "data" / "eval" / "tune.yaml"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A private cache folder, and every file large enough to be cached."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(compiled, "MIN_BYTES", 0)
    return tmp_path / "cache" / "roadmap-bot"


@pytest.fixture
def roadmap(tmp_path) -> Path:
    path = tmp_path / "roadmap.yaml"
    shutil.copyfile(bundled_knowledge_path(), path)
    return path


def parse_counted(monkeypatch) -> list[str]:
    """Record every file that is parsed rather than taken from the cache."""
    parsed: list[str] = []
    parse = loader.parse_knowledge

    def counted(text, path="<knowledge>"):
        parsed.append(str(path))
        return parse(text, path)

    monkeypatch.setattr(loader, "parse_knowledge", counted)
    return parsed


def test_a_file_loaded_again_comes_compiled_and_alike(cache, roadmap, monkeypatch) -> None:
    parsed = parse_counted(monkeypatch)
    first = load_knowledge(roadmap)
    second = load_knowledge(roadmap)
    assert parsed == [str(roadmap)]
    assert len(list(cache.glob("knowledge-*.pickle"))) == 1
    assert second is not first
    assert second.topics == first.topics and second.sections == first.sections
    assert second.comparisons == first.comparisons and second.path == str(roadmap)
    assert second.topic_names.resolve("pyhton").match.id == "python"


def test_the_compiled_copy_holds_the_name_indexes_built(cache, roadmap) -> None:
    load_knowledge(roadmap)
    second = load_knowledge(roadmap)
    built = {"topic_names", "section_names", "not_covered_names", "language_names"}
    assert built <= vars(second).keys()  # not built again on first use
    assert second.topic_names.resolve("pyhton").match.id == "python"


def built_counted(monkeypatch) -> list[int]:
    """Record every time the answerer's indexes are built rather than read."""
    built: list[int] = []
    build = QuestionAnswerer._build

    def counted(self, knowledge):
        built.append(1)
        return build(self, knowledge)

    monkeypatch.setattr(QuestionAnswerer, "_build", counted)
    return built


#: How many tune questions the compiled and the freshly built answerer both answer.
COMPARED_QUESTIONS = 4000


def tune_questions() -> list[str]:
    return [entry["q"] for entry in yaml.safe_load(TUNE.read_text(encoding="utf-8"))]


def test_the_answerers_indexes_come_compiled_and_understand_alike(
    cache, roadmap, monkeypatch
) -> None:
    built = built_counted(monkeypatch)
    QuestionAnswerer(load_knowledge(roadmap))  # built, then kept with the compiled knowledge
    answerer = QuestionAnswerer(load_knowledge(roadmap))
    assert len(built) == 1
    fresh = QuestionAnswerer(parse_knowledge(roadmap.read_text(encoding="utf-8"), roadmap))
    assert len(built) == 2
    assert answerer.ranker is not fresh.ranker
    questions = tune_questions()
    # thousands of kinds of message, spread over the whole set; a fixed number, so the test
    # stays well inside its time limit on a busy machine as the tune set grows
    for question in questions[:: max(1, len(questions) // COMPARED_QUESTIONS)]:
        assert answerer.understand(question) == fresh.understand(question), question


def test_answerers_of_one_knowledge_share_indexes_but_not_what_they_remember(
    cache, roadmap, monkeypatch
) -> None:
    built = built_counted(monkeypatch)
    knowledge = load_knowledge(roadmap)
    first, second = QuestionAnswerer(knowledge), QuestionAnswerer(knowledge)
    assert len(built) == 1
    assert first.ranker.postings is second.ranker.postings
    first.understand("resorces for a database for a bank app")
    assert len(first.ranker._expansions) > 0 and len(second.ranker._expansions) == 0
    assert len(first.name_finder._spelling) > 0 and len(second.name_finder._spelling) == 0
    assert len(first.name_finder._phrase_names) > 0 and len(second.name_finder._phrase_names) == 0


def test_a_damaged_entry_holding_the_answerer_is_built_again(cache, roadmap, monkeypatch) -> None:
    built = built_counted(monkeypatch)
    parsed = parse_counted(monkeypatch)
    QuestionAnswerer(load_knowledge(roadmap))
    (entry,) = cache.glob("knowledge-*.pickle")
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])  # cut off half-way
    answerer = QuestionAnswerer(load_knowledge(roadmap))
    assert len(parsed) == 2 and len(built) == 2
    assert answerer.understand("which database for a bank app").confident
    QuestionAnswerer(load_knowledge(roadmap))  # the entry was written again, whole
    assert len(parsed) == 2 and len(built) == 2


@pytest.fixture
def models(roadmap) -> Path:
    """The bundled learned models beside the copied roadmap."""
    path = companion_path(roadmap)
    shutil.copyfile(companion_path(bundled_knowledge_path()), path)
    return path


def models_counted(monkeypatch) -> list[str]:
    """Record every models file that is parsed rather than taken from the cache."""
    parsed: list[str] = []
    parse = Learned.from_json

    def counted(cls, text, source="<models>"):
        parsed.append(source)
        return parse(text, source)

    monkeypatch.setattr(Learned, "from_json", classmethod(counted))
    return parsed


def test_the_models_beside_a_file_loaded_again_come_compiled_and_alike(
    cache, roadmap, models, monkeypatch
) -> None:
    parsed = models_counted(monkeypatch)
    first = load_companion(roadmap)
    second = load_companion(roadmap)
    assert parsed == [str(models)]
    assert len(list(cache.glob("learned-*.pickle"))) == 1
    assert second is not first and second == first  # every weight alike
    answerer = QuestionAnswerer(load_knowledge(roadmap))
    assert answerer.learned == first and parsed == [str(models)]


def test_edited_models_are_parsed_again_even_with_the_knowledge_file_unchanged(
    cache, roadmap, models, monkeypatch
) -> None:
    parsed = models_counted(monkeypatch)
    first = load_companion(roadmap)
    assert first is not None
    models.write_text(replace(first, trained_on="retrained").to_json(), encoding="utf-8")
    assert load_companion(roadmap).trained_on == "retrained"
    assert load_companion(roadmap).trained_on == "retrained"
    assert parsed == [str(models)] * 2
    assert len(list(cache.glob("learned-*.pickle"))) == 2  # either file's entry, by its bytes


def test_a_damaged_or_foreign_models_entry_is_not_used(cache, roadmap, models, monkeypatch) -> None:
    parsed = models_counted(monkeypatch)
    first = load_companion(roadmap)
    (entry,) = cache.glob("learned-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_companion(roadmap) == first
    entry.chmod(0o666)  # anyone may write it: never unpickled
    assert load_companion(roadmap) == first
    assert len(parsed) == 3


def test_an_upgraded_bot_never_reads_an_entry_of_its_former_code(tmp_path, monkeypatch) -> None:
    package = tmp_path / "bot"
    shutil.copytree(Path(compiled.__file__).parents[1], package)
    monkeypatch.setattr(compiled, "_PACKAGE", package)
    digests = []
    for edit in ("", "# the use-case scoring changed\n"):
        questions = package / "questions" / "__init__.py"
        questions.write_text(questions.read_text(encoding="utf-8") + edit, encoding="utf-8")
        compiled._code_digest.cache_clear()
        digests.append(compiled._code_digest())
    compiled._code_digest.cache_clear()
    assert digests[0] != digests[1]


def test_another_release_of_a_library_whose_output_is_kept_never_reads_an_entry(
    monkeypatch,
) -> None:
    digests = []
    for releases in (compiled._LIBRARIES, b"PyStemmer 99.0, PyYAML 6.0.4"):
        monkeypatch.setattr(compiled, "_LIBRARIES", releases)
        compiled._code_digest.cache_clear()
        digests.append(compiled._code_digest())
    compiled._code_digest.cache_clear()
    assert digests[0] != digests[1]


def test_what_cannot_be_kept_is_still_returned(cache, roadmap, caplog) -> None:
    knowledge = load_knowledge(roadmap)
    lock = threading.Lock()
    assert compiled.derived(knowledge, "lock", lambda: lock) is lock
    assert "not cached" in caplog.text
    assert not list(cache.glob("*.tmp"))
    assert load_knowledge(roadmap).topics["python"].title == "Python"  # the entry as it was


def test_an_edited_file_is_parsed_again(cache, roadmap, monkeypatch) -> None:
    parsed = parse_counted(monkeypatch)
    load_knowledge(roadmap)
    text = roadmap.read_text(encoding="utf-8")
    roadmap.write_text(text.replace("title: Python\n", "title: Python 3\n", 1), encoding="utf-8")
    edited = load_knowledge(roadmap)
    assert len(parsed) == 2
    assert edited.topics["python"].title == "Python 3"


def test_a_damaged_or_foreign_entry_is_not_used(cache, roadmap, monkeypatch) -> None:
    parsed = parse_counted(monkeypatch)
    load_knowledge(roadmap)
    (entry,) = cache.glob("knowledge-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_knowledge(roadmap).topics["python"].title == "Python"
    entry.chmod(0o666)  # anyone may write it: never unpickled
    assert load_knowledge(roadmap).topics["python"].title == "Python"
    assert len(parsed) == 3


def test_without_a_writable_cache_the_file_is_just_parsed(cache, roadmap, models) -> None:
    cache.parent.mkdir()
    cache.write_text("a file where the folder should be")
    assert load_knowledge(roadmap).topics["python"].title == "Python"
    assert load_knowledge(roadmap).topics["python"].title == "Python"
    first = load_companion(roadmap)
    assert first is not None and load_companion(roadmap) == first
