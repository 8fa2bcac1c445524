"""Shared helpers for the CLI, golden, engine and render tests (not fixtures: plain functions).

Every CLI run goes through :func:`run_cli`, which invokes the real typer app in-process with an
environment that does not depend on the machine: fixed width, no colour, no locale, no rules
override. Tests never call ``careerfix assess`` without ``--answers`` (that path is interactive).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from typer.testing import CliRunner, Result

if TYPE_CHECKING:
    from careerfix.models.pack import RulePack

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED_RULES = REPO_ROOT / "rules"
EXAMPLES_DIR = REPO_ROOT / "examples"
EXAMPLES: tuple[Path, ...] = tuple(
    sorted(p for p in EXAMPLES_DIR.iterdir() if p.suffix in {".yaml", ".yml", ".json"})
)
EXAMPLE_IDS: tuple[str, ...] = tuple(p.stem for p in EXAMPLES)

# Everything that could make the output depend on the machine running the tests.
BASE_ENV: dict[str, str | None] = {
    "CAREERFIX_WIDTH": "100",
    "COLUMNS": "100",
    "NO_COLOR": "1",
    "FORCE_COLOR": None,
    "TERM": "dumb",
    "CAREERFIX_RULES": None,
    "CAREERFIX_LANG": None,
    "LANG": None,
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "LANGUAGE": None,
}

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def run_cli(
    args: Sequence[str],
    *,
    input: str | bytes | None = None,
    env: Mapping[str, str | None] | None = None,
) -> Result:
    """Run ``careerfix ARGS`` in-process; ``env`` entries override (None unsets) the base env."""
    from careerfix.cli import app

    merged = dict(BASE_ENV)
    if env:
        merged.update(env)
    runner = CliRunner(env=merged)
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def assert_no_traceback(result: Result) -> None:
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, stream


@functools.cache
def shipped_pack() -> RulePack:
    """The shipped rules pack, loaded once per test session."""
    from careerfix.rules import load_pack

    return load_pack(SHIPPED_RULES)


def choice_with_level(pack: RulePack, qid: str, level: int) -> str:
    """The value of question ``qid``'s choice at ``level`` (read from the pack)."""
    for c in pack.questions[qid].choices:
        if c.level == level:
            return c.value
    raise LookupError(f"{qid} has no choice at level {level}")


def unknown_choice(pack: RulePack, qid: str) -> str:
    return next(c.value for c in pack.questions[qid].choices if c.unknown)


def single_question(pack: RulePack, competency: str) -> str:
    """The one experience question measuring ``competency`` (the shipped pack has one each)."""
    questions = pack.competency_questions[competency]
    assert len(questions) == 1, f"{competency} has {len(questions)} questions"
    return questions[0].id


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def json_report(args: Sequence[str], **kwargs: Any) -> dict[str, Any]:
    """Run an ``assess ... -f json`` command, check it succeeded, and parse its stdout."""
    import json

    result = run_cli([*args, "--format", "json"], **kwargs)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data
