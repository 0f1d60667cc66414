"""Synthetic knowledge files N times the bundled roadmap, for benchmarks of scale.

Copy ``n`` (1 … N-1) of every section, topic, comparison and review question gets a unique
made-up word appended to its names (``Python Kelomi``, alias ``py kelomi``) and to its ids
(``python-kelomi``), and points at the same copy of the entries it names, so the file stays
valid: 10x has 400 topics, 100x 4,000. The words around the roadmap (``not_covered``,
``small_talk`` …) are kept once.

Run: python bench/scaled_knowledge.py 10 100 [--out FOLDER]   (default: a temporary folder)
As a module: ``scaled_file(100)`` writes the file (once per source roadmap and factor) and
returns its path. Files are named by the SHA-256 of the source roadmap, so worktrees with
different roadmaps never read each other's, and written under a unique temporary name then
moved into place, so runs at the same time never see a half-written file. Writing one removes
the files of other source roadmaps (of this module's naming only) that no run has used for
:data:`UNUSED_SECONDS`: each run touches the file it uses, and another worktree's run may be
reading its own.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "knowledge" / "roadmap.yaml"
#: Syllables of the made-up words: three of them make 343,000 distinct words.
SYLLABLES = [a + b for a in "bdfgklmnprstvz" for b in "aeiou"]  # "ba", "be", … (70)
#: Keys whose values are lists of ids to rename in a copy.
ID_LISTS = ("topics", "related")
#: A file of another source roadmap unused this long is removed when a new file is written.
UNUSED_SECONDS = 3600
#: The names of the files this module writes (formerly without the source's SHA-256).
NAME = re.compile(r"roadmap-(?:(?P<digest>[0-9a-f]{64})-)?[0-9]+x\.yaml")


def word(n: int) -> str:
    """The made-up word of copy ``n``: three syllables, distinct for every ``n`` below 343,000."""
    first, rest = divmod(n, len(SYLLABLES) ** 2)
    second, third = divmod(rest, len(SYLLABLES))
    return SYLLABLES[first] + SYLLABLES[second] + SYLLABLES[third]


def _renamer(suffix: str, ids: set[str]) -> Any:
    def rename(value: str) -> str:
        return f"{value}-{suffix}" if value in ids else value

    return rename


def _copy_entry(entry: dict[str, Any], suffix: str, rename: Any) -> dict[str, Any]:
    """One entry (section, topic or comparison) of copy ``suffix``."""
    new = copy.deepcopy(entry)
    new["id"] = rename(entry["id"])
    if "title" in new:
        new["title"] = f"{entry['title']} {suffix.title()}"
    new["aliases"] = [f"{alias} {suffix}" for alias in entry.get("aliases", [])]
    # Every name of a copy ends in its made-up word, so none is an everyday word on its own,
    # nor a broad one.
    new.pop("common_words", None)
    new.pop("everyday_words", None)
    new.pop("software_words", None)
    new.pop("broad_words", None)
    for key in ID_LISTS:
        if key in new:
            new[key] = [rename(value) for value in new[key]]
    if new.get("parent"):
        new["parent"] = rename(new["parent"])
    if "choose" in new:
        new["choose"] = {rename(key): text for key, text in new["choose"].items()}
    return new


def scale(data: dict[str, Any], factor: int) -> dict[str, Any]:
    """``data`` (a parsed knowledge file) with ``factor`` copies of its roadmap."""
    ids = {e["id"] for block in ("sections", "topics", "comparisons") for e in data[block]}
    result = dict(data)
    for block in ("sections", "topics", "comparisons"):
        result[block] = list(data[block])
    reviews = dict(data.get("reviews") or {})
    for n in range(1, factor):
        suffix = word(n)
        rename = _renamer(suffix, ids)
        for block in ("sections", "topics", "comparisons"):
            result[block] += [_copy_entry(e, suffix, rename) for e in data[block]]
        for topic_id, questions in (data.get("reviews") or {}).items():
            copies = copy.deepcopy(questions)
            for question in copies:
                question["id"] = f"{question['id']}-{suffix}"
                question["question"] = f"{question['question']} ({suffix})"
            reviews[rename(topic_id)] = copies
    result.pop("reviews", None)
    if reviews:
        result["reviews"] = reviews  # kept at the end of the file
    return result


def scaled_text(factor: int, source: bytes) -> str:
    """The YAML text of a knowledge file's bytes ``source`` scaled ``factor`` times."""
    return yaml.dump(
        scale(yaml.load(source.decode("utf-8"), Loader=yaml.CSafeLoader), factor),
        Dumper=yaml.CSafeDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100_000,
    )


def scaled_file(factor: int, folder: Path | None = None) -> Path:
    """The bundled roadmap scaled ``factor`` times, written once per roadmap; return its path."""
    if factor == 1:
        return SOURCE
    folder = folder or Path(tempfile.gettempdir()) / "roadmap-bot-bench"
    folder.mkdir(parents=True, exist_ok=True)
    source = SOURCE.read_bytes()
    digest = hashlib.sha256(source).hexdigest()
    path = folder / f"roadmap-{digest}-{factor}x.yaml"
    try:
        os.utime(path)  # used now: kept while other roadmaps' files are written
    except FileNotFoundError:
        _write(path, scaled_text(factor, source))
        _remove_other_roadmaps(folder, digest)
    return path


def _write(path: Path, text: str) -> None:
    """Write ``text`` under a unique temporary name, then move it to ``path`` (atomically)."""
    descriptor, temporary = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)  # a reader sees the old name's file or this one
    except BaseException:
        os.unlink(temporary)
        raise


def _remove_other_roadmaps(folder: Path, digest: str) -> None:
    """Remove this module's files of other source roadmaps unused for UNUSED_SECONDS."""
    unused_since = time.time() - UNUSED_SECONDS
    for path in folder.iterdir():
        match = NAME.fullmatch(path.name)
        if match and match["digest"] != digest:
            with contextlib.suppress(OSError):  # removed meanwhile, or not ours to remove
                if path.stat().st_mtime < unused_since:
                    path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factors", type=int, nargs="+")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    for factor in args.factors:
        path = scaled_file(factor, args.out)
        print(f"{factor}x: {path} ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    sys.exit(main())
