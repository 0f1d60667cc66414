"""The README's set-up commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text())


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    run_command, test_command = readme_commands()[:2]
    assert "roadmap-bot" in run_command and "pytest" in test_command
    assert test_command in (ROOT / ".ci" / "run").read_text().splitlines()


def test_env_example_lists_every_setting() -> None:
    from dataclasses import fields

    from bot.config import Settings

    example = (ROOT / ".env.example").read_text()
    for field in fields(Settings):
        assert f"{field.name.upper()}=" in example, field.name
