"""Every ``--help`` is a usable page: examples on each command, nothing cut off or too wide at
80 columns, the main job first in the root help, each env var named once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer

from careerfix.cli import app
from careerfix.docgen import subcommands
from helpers import run_cli


def _walk(cmd: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, sub in subcommands(cmd).items():
        if not sub.hidden:
            yield from _walk(sub, (*path, name))


ALL = list(_walk(typer.main.get_command(app)))
COMMANDS = [path for path in ALL if path]


def _command(path: tuple[str, ...]) -> Any:
    cmd: Any = typer.main.get_command(app)
    for part in path:
        cmd = subcommands(cmd)[part]
    return cmd


def _needs_examples(path: tuple[str, ...]) -> bool:
    # Every command and group; the root's help leads with its own "Start here" instead.
    return bool(path)


def _help(path: tuple[str, ...]) -> str:
    result = run_cli([*path, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _id(path: tuple[str, ...]) -> str:
    return " ".join(path) or "careerfix"


def test_the_walk_finds_every_command() -> None:
    names = {" ".join(path) for path in COMMANDS}
    for expected in (
        "assess",
        "questions",
        "roles",
        "compare",
        "schema",
        "rules show",
        "rules source",
        "rules check",
        "history list",
        "history show",
        "history compare",
        "history delete",
        "history export",
        "history import",
        "plan",
        "plan done",
        "plan undo",
    ):
        assert expected in names


@pytest.mark.parametrize("path", [p for p in COMMANDS if _needs_examples(p)], ids=_id)
def test_every_command_has_examples(path: tuple[str, ...]) -> None:
    out = _help(path)
    assert "Examples:" in out
    after = out.split("Examples:", 1)[1].split("\n\n", 1)[0]  # the block, up to its blank line
    runs = re.findall(r"^\s+careerfix (\S+)", after, re.MULTILINE)
    assert 1 <= len(runs) <= 3, after  # a few that teach, not a manual
    # An example runs the command it documents (not only some other one).
    command = " ".join(path)
    assert re.search(rf"^\s+careerfix {command}\b", after, re.MULTILINE), after


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_help_fits_80_columns_and_nothing_is_cut_off(path: tuple[str, ...]) -> None:
    out = _help(path)
    for line in out.splitlines():
        assert len(line) <= 80, line
        # The usage line's "[ARGS]..." is click's notation for "more arguments", not a cut.
        if not line.startswith("Usage:"):
            assert not line.endswith("..."), line


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_help_names_each_env_var_once(path: tuple[str, ...]) -> None:
    out = _help(path)
    for name in set(re.findall(r"CAREERFIX_[A-Z]+", out)):
        assert out.count(name) == 1, (name, out)


def _lang_help(path: tuple[str, ...]) -> str | None:
    for param in _command(path).params:
        if "--lang" in param.opts:
            return str(param.help or "")
    return None


@pytest.mark.parametrize("path", [p for p in COMMANDS if _lang_help(p) is not None], ids=_id)
def test_lang_help_says_what_it_changes_and_the_default(path: tuple[str, ...]) -> None:
    text = _lang_help(path)
    assert text is not None
    assert re.match(r"Language of the \w+", text), text
    assert "Default:" in text
    if path != ("history", "show"):  # a stored report keeps the language it was made in
        assert "CAREERFIX_LANG, else the locale, else en" in text, text


def test_root_help_starts_with_assess() -> None:
    out = _help(())
    after = out.split("Start here", 1)[1]
    first = re.search(r"careerfix (\S+)", after)
    assert first is not None and first.group(1) == "assess"
    assert "careerfix assess -a FILE" in after
    # The command list is grouped by task, assess first, the pack authors' check last.
    headings = re.findall(r"^(\S[^:\n]*):$", out, re.MULTILINE)
    assert headings[-4:] == ["Assess", "Inspect the method", "History", "For pack authors"]
    listed = re.findall(r"^  ([a-z]+(?: [a-z]+)?)\s{2,}\S", out.split("Assess:", 1)[1], re.M)
    assert listed[0] == "assess"
    assert listed[-1] == "rules check"


def test_root_help_lists_every_top_level_command() -> None:
    out = _help(())
    listing = out.split("Assess:", 1)[1]
    for path in COMMANDS:
        if len(path) == 1 and path[0] != "rules":  # rules appears as its subcommands
            assert re.search(rf"^  {path[0]}\s", listing, re.M), path


def test_assess_lang_default_is_the_answers_file() -> None:
    out = _help(("assess",))
    assert "Default: the answers file's lang" in " ".join(out.split())


def test_schema_argument_reads_cleanly() -> None:
    out = _help(("schema",))
    assert "]:<" not in out
    assert "[report|answers]" in out


def test_every_exit_code_is_documented_in_help_and_readme() -> None:
    """README's table and `careerfix --help` list the same exit codes: every one the code has."""
    import re

    from careerfix.errors import ExitCode
    from helpers import REPO_ROOT, run_cli

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes", 1)[1].split("\n### ", 1)[0]
    in_readme = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}
    help_text = run_cli(["--help"], env={"COLUMNS": "100"}).stdout
    listed = help_text.split("Exit codes:", 1)[1]
    in_help = {int(code) for code in re.findall(r"(?:^|·)\s*(\d+) ", listed, re.MULTILINE)}
    assert in_readme == in_help == {int(code) for code in ExitCode}
