"""Compiled knowledge: a large file loaded once comes from the cache, never stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.knowledge import bundled_knowledge_path, compiled, load_knowledge, loader


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


def test_without_a_writable_cache_the_file_is_just_parsed(cache, roadmap, monkeypatch) -> None:
    cache.parent.mkdir()
    cache.write_text("a file where the folder should be")
    assert load_knowledge(roadmap).topics["python"].title == "Python"
    assert load_knowledge(roadmap).topics["python"].title == "Python"
