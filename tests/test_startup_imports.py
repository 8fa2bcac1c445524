"""Start-up stays fast: `--help` and a normal assessment must not pull in the heavy libraries.

Each check runs in a fresh interpreter, because this test process has long since imported them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HEAVY = ("questionary", "prompt_toolkit", "yaml", "pydantic", "rich.markdown")


def fresh_python(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CAREERFIX_RULES"}
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def heavy(modules: list[str], allowed: tuple[str, ...] = ()) -> list[str]:
    """The heavy modules (and their submodules) in ``modules``, minus ``allowed`` roots."""
    return sorted(
        m
        for m in modules
        if any(m == h or m.startswith(h + ".") for h in HEAVY)
        and not any(m == a or m.startswith(a + ".") for a in allowed)
    )


def imported_by_importtime(stderr: str) -> list[str]:
    """Module names from ``python -X importtime`` output (``import time: a | b | name``)."""
    names = []
    for line in stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name != "package":  # the header row
                names.append(name)
    return names


def test_heavy_module_helper_recognises_heavy_modules() -> None:
    assert heavy(["yaml", "pydantic.main", "rich.markdown", "rich.console", "typer"]) == [
        "pydantic.main",
        "rich.markdown",
        "yaml",
    ]
    assert heavy(["pydantic", "yaml"], allowed=("pydantic",)) == ["yaml"]


def test_importing_the_cli_loads_no_heavy_module(tmp_path: Path) -> None:
    code = (
        "import careerfix.cli, sys; "
        "print('\\n'.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'questionary','prompt_toolkit','yaml','pydantic','rich'})))"
    )
    proc = fresh_python("-c", code, cwd=tmp_path)

    assert proc.returncode == 0, proc.stderr
    assert heavy(proc.stdout.split()) == []


@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        pytest.param(["--help"], (), id="careerfix --help"),
        pytest.param(["rules", "--help"], (), id="careerfix rules --help"),
        pytest.param(["assess", "--help"], (), id="careerfix assess --help"),
    ],
)
def test_help_path_imports_no_heavy_module(
    argv: list[str], allowed: tuple[str, ...], tmp_path: Path
) -> None:
    proc = fresh_python("-X", "importtime", "-m", "careerfix", *argv, cwd=tmp_path)

    assert proc.returncode == 0, proc.stderr[-2000:]
    modules = imported_by_importtime(proc.stderr)
    assert "careerfix.cli" in modules  # the measurement works
    assert heavy(modules, allowed) == []


def test_help_exits_0_and_mentions_rules(tmp_path: Path) -> None:
    proc = fresh_python("-m", "careerfix", "--help", cwd=tmp_path)

    assert proc.returncode == 0, proc.stderr
    assert "careerfix assess" in proc.stdout
    assert re.search(r"^  rules check\s", proc.stdout, re.MULTILINE)
    assert "Traceback" not in proc.stderr


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize(
    ("example", "allowed"),
    [
        pytest.param("traffic-growth.json", (), id="JSON answers"),
        pytest.param("brand-new-media.yaml", ("yaml",), id="YAML answers"),
    ],
)
def test_assessment_from_a_file_never_imports_pydantic(
    example: str, allowed: tuple[str, ...], tmp_path: Path
) -> None:
    """With the pack cached, records are filled from JSON and the answers file is checked
    without pydantic (careerfix.models.records, careerfix.answers): pydantic checks packs and
    writes the schemas."""
    argv = ["-m", "careerfix", "assess", "--answers", str(EXAMPLES / example), "--format", "json"]
    warm = fresh_python(*argv, cwd=tmp_path)  # the first run checks the pack and caches it
    assert warm.returncode == 0, warm.stderr[-2000:]

    proc = fresh_python("-X", "importtime", *argv, cwd=tmp_path)

    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout == warm.stdout
    modules = imported_by_importtime(proc.stderr)
    assert "careerfix.engine" in modules  # the measurement works
    assert heavy(modules, allowed) == []
    assert not [m for m in modules if m == "rich" or m.startswith("rich.")]
    # The pack cache is checked with zlib's CRC-32: hashlib would load OpenSSL (about 3 ms).
    assert "hashlib" not in modules


@pytest.mark.parametrize(
    ("env", "rich_styles"),
    [
        pytest.param({"NO_COLOR": "1"}, False, id="piped"),
        pytest.param({"FORCE_COLOR": "1", "TERM": "xterm"}, True, id="colour"),
    ],
)
def test_the_text_report_is_laid_out_without_rich_s_console(
    env: dict[str, str], rich_styles: bool, tmp_path: Path
) -> None:
    """The text report is laid out by render/page.py: rich's console (and its import, and its
    measuring of every cell) is not on the path; colour takes rich's Style and nothing more."""
    argv = ["-m", "careerfix", "assess", "--answers", str(EXAMPLES / "traffic-growth.json")]
    argv += ["--no-save", "--lang", "en"]
    warm = fresh_python(*argv, cwd=tmp_path)
    assert warm.returncode == 0, warm.stderr[-2000:]
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")} | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert ("\x1b[" in proc.stdout) == ("FORCE_COLOR" in env)
    modules = imported_by_importtime(proc.stderr)
    assert "careerfix.render.page" in modules  # the measurement works
    assert not {"rich.console", "rich.text", "rich.segment", "rich.table"} & set(modules)
    assert ("rich.style" in modules) == rich_styles  # only a terminal's colours need rich's styles


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        pytest.param(
            "bad.yaml",
            "lang: fr\nanswers: {}\n",
            "bad.yaml:1:7: lang: Input should be 'zh' or 'en'",
            id="YAML, a wrong field",
        ),
        pytest.param(
            "bad.yaml",
            "answers:\n  role.titel: other\n",
            "bad.yaml:2:15: answers.role.titel: unknown question id",
            id="YAML, a value against the pack",
        ),
        pytest.param(
            "bad.json",
            '{"pack": 3,\n "answers": {}}\n',
            "bad.json:1:10: pack: Input should be a valid string (got a number 3)",
            id="JSON, a wrong type",
        ),
    ],
)
def test_a_problem_in_the_answers_file_is_explained_without_pydantic(
    name: str, text: str, expected: str, tmp_path: Path
) -> None:
    """The one answers check reads the record's declaration itself: pydantic only writes the
    published schema. (A problem in a JSON file takes the YAML parser, for its line numbers.)"""
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    argv = ["-m", "careerfix", "assess", "--answers", str(bad), "--format", "json"]
    warm = fresh_python(*argv, cwd=tmp_path)  # the first run checks the pack and caches it
    assert warm.returncode == 1, warm.stderr[-2000:]

    proc = fresh_python("-X", "importtime", *argv, cwd=tmp_path)

    assert proc.returncode == 1
    assert proc.stdout == ""
    assert expected in proc.stderr
    modules = imported_by_importtime(proc.stderr)
    assert "careerfix.answers" in modules  # the measurement works
    assert heavy(modules, ("yaml",)) == []


def test_the_program_runs_its_command_with_collection_on_after_freezing_the_start_up() -> None:
    """launch.main: no collections while the command line is imported, but the command itself
    (a long interview) runs with the collector on; what start-up built is frozen."""
    script = (
        "import gc, json, careerfix.cli as cli\n"
        "seen = {}\n"
        "cli.main = lambda: seen.update(on=gc.isenabled(), frozen=gc.get_freeze_count())\n"
        "from careerfix.launch import main\n"
        "main()\n"
        "print(json.dumps(seen))\n"
    )
    seen = _printed_json(script)
    assert seen["on"] is True
    assert seen["frozen"] > 10_000  # typer, click and careerfix's records: left alone
    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert 'careerfix = "careerfix.launch:main"' in pyproject


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect.spawn needs a POSIX pty")
def test_the_first_interview_question_imports_no_yaml_or_hashlib(tmp_path: Path) -> None:
    """Up to the first question, a fresh interview reads only the shipped pack cache (JSON) and
    needs no YAML parser and no OpenSSL; questionary and prompt_toolkit are its own.

    ``-X importtime`` writes to file descriptor 2, sent to a file here, while the program's
    ``sys.stderr`` is the terminal, as the interview requires."""
    import pexpect

    log = tmp_path / "imports.txt"
    code = (
        "import os, sys; sys.stderr = open(os.ttyname(0), 'w', encoding='utf-8'); "
        "sys.argv = ['careerfix', 'assess', '--restart', '--lang', 'en']; "
        "from careerfix.launch import main; main()"
    )
    env = {k: v for k, v in os.environ.items() if k != "CAREERFIX_RULES"}
    env.update(CAREERFIX_HOME=str(tmp_path / "home"), LANG="en_US.UTF-8", PROMPT_TOOLKIT_NO_CPR="1")
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", 'exec "$0" -X importtime -c "$1" 2>"$2"', sys.executable, code, str(log)],
        env=env,
        cwd=str(tmp_path),
        timeout=30,
    )
    try:
        child.expect_exact("Which role are you aiming for?")
        modules = imported_by_importtime(log.read_text(encoding="utf-8"))
    finally:
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
        child.close()
    assert "careerfix.interview" in modules and "questionary" in modules  # it measured
    assert heavy(modules, ("questionary", "prompt_toolkit")) == []
    assert "hashlib" not in modules


@pytest.mark.parametrize("was_on", [True, False])
def test_a_command_s_own_heavy_import_runs_without_collections_and_is_frozen(was_on: bool) -> None:
    """launch.imports_kept (around the interview's import of prompt_toolkit): no collection
    while inside, what was built there is frozen, and the collector is as it was after."""
    script = (
        "import gc, json\n"
        "from careerfix.launch import imports_kept\n"
        f"gc.enable() if {was_on} else gc.disable()\n"
        "before = gc.get_freeze_count()\n"
        "with imports_kept():\n"
        "    inside = gc.isenabled()\n"
        "    kept = [[n] for n in range(1000)]\n"
        "print(json.dumps([inside, gc.isenabled(), gc.get_freeze_count() - before]))\n"
    )
    inside, after, frozen = _printed_json(script)
    assert inside is False
    assert after is was_on
    assert frozen >= 1000


def _printed_json(script: str) -> Any:
    """What ``script``, run in a fresh interpreter, prints as JSON."""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)
