"""bench/eval_by_commit.py: the aggregate line and the verdict moves it prints."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent.parent / "bench" / "eval_by_commit.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("eval_by_commit", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_line_gives_in_scope_right_and_wrong_per_style_then_the_counts(tool) -> None:
    rows = [
        ("keyword", True, "right"),
        ("keyword", True, "wrong"),
        ("keyword", False, "right"),  # a trap: counts for wrong, not for in-scope right
        ("chat", True, "asked_back"),
        ("long", False, "refused"),
    ]
    assert tool.line(rows) == (
        "keyword  50.0/33.3  chat   0.0/ 0.0  long   0.0/ 0.0  R2 A1 F1 W1 n=5"
    )


def test_moves_count_each_change_of_verdict_by_from_and_to(tool) -> None:
    before = [("chat", True, "wrong"), ("chat", True, "wrong"), ("long", True, "right")]
    after = [("chat", True, "right"), ("chat", True, "right"), ("long", True, "asked_back")]
    assert tool.moves(before, after) == "R>A:1 W>R:2"
    assert tool.moves(before, before) == ""
