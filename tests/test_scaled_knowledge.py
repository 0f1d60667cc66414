"""bench/scaled_knowledge.py: the large benchmark files of old roadmaps do not pile up."""

from __future__ import annotations

import hashlib
import os
import time

from bench import scaled_knowledge

HOUR_AGO = time.time() - scaled_knowledge.UNUSED_SECONDS - 60


def test_writing_a_file_removes_other_roadmaps_files_unused_for_long(tmp_path, monkeypatch) -> None:
    written: list[int] = []
    monkeypatch.setattr(scaled_knowledge, "scaled_text", lambda f, _: written.append(f) or "x")
    other = "a" * 64
    old = [f"roadmap-{other}-100x.yaml", f"roadmap-{other}-10x.yaml", "roadmap-100x.yaml"]
    kept = [
        f"roadmap-{other}-1000x.yaml",  # another worktree's run may be reading it
        f"roadmap-{other}-100x.yaml.x1y2.tmp",  # being written
        "roadmap-abc-10x.yaml",
        "notes.yaml",
    ]
    for name in old + kept:
        (tmp_path / name).write_text("x")
    for name in old + kept[1:]:
        os.utime(tmp_path / name, (HOUR_AGO, HOUR_AGO))
    path = scaled_knowledge.scaled_file(10, tmp_path)
    digest = hashlib.sha256(scaled_knowledge.SOURCE.read_bytes()).hexdigest()
    assert path.name == f"roadmap-{digest}-10x.yaml" and written == [10]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, *kept])


def test_a_file_used_again_is_not_written_again_and_counts_as_used(tmp_path, monkeypatch) -> None:
    written: list[int] = []
    monkeypatch.setattr(scaled_knowledge, "scaled_text", lambda f, _: written.append(f) or "x")
    path = scaled_knowledge.scaled_file(10, tmp_path)
    os.utime(path, (HOUR_AGO, HOUR_AGO))
    assert scaled_knowledge.scaled_file(10, tmp_path) == path
    assert written == [10] and path.stat().st_mtime > HOUR_AGO + 60
