"""docs/cli.md is the CLI's own help: regenerated, it must not change, and every command and
option of the command tree has its place in it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careerfix.docgen import help_text, render, walk

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _sections(doc: str) -> dict[str, str]:
    """The doc's sections by heading (the command path), each with its text."""
    parts = re.split(r"^## `([^`]+)`$", doc, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _undocumented(doc: str) -> list[str]:
    sections = _sections(doc)
    missing: list[str] = []
    for path, cmd in walk():
        title = " ".join(("careerfix", *path))
        if title not in sections:
            missing.append(title)
            continue
        # Options only: an argument's "opt" is its Python name, which the help never shows.
        options: list[Any] = [
            p for p in cmd.params if p.param_type_name == "option" and not p.hidden
        ]
        for param in options:
            for opt in (*param.opts, *param.secondary_opts):
                if not re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", sections[title]):
                    missing.append(f"{title} {opt}")
    return missing


def test_doc_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run python -m careerfix.docgen"
    )


def test_every_command_and_option_is_documented() -> None:
    assert _undocumented(DOC.read_text(encoding="utf-8")) == []


def test_a_missing_section_or_option_is_caught() -> None:
    doc = DOC.read_text(encoding="utf-8")
    sections = _sections(doc)
    without_plan_undo = doc.replace(
        "## `careerfix plan undo`" + sections["careerfix plan undo"], ""
    )
    assert _undocumented(without_plan_undo) == ["careerfix plan undo"]
    assess = sections["careerfix assess"]
    without_force = doc.replace(assess, assess.replace("--force", "--forc"))
    assert "careerfix assess --force" in _undocumented(without_force)


@pytest.mark.parametrize("path", [("history", "list"), ("assess",), ()], ids=" ".join)
def test_the_doc_shows_what_help_prints(path: tuple[str, ...]) -> None:
    # The installed command in a real process: click's test runner forces 80 columns, and
    # ``python -m careerfix`` would name itself differently in the usage line.
    env = {**os.environ, "COLUMNS": "100", "CAREERFIX_LANG": "en", "LANG": "C", "LC_ALL": "C"}
    result = subprocess.run(
        [str(Path(sys.executable).with_name("careerfix")), *path, "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    assert result.stdout == help_text(path)
    assert f"```text\n{help_text(path)}```" in DOC.read_text(encoding="utf-8")
