"""The text report goes through a pager only when stdout is a terminal (a real pty here)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from helpers import EXAMPLES

pytestmark = [
    pytest.mark.tui,
    pytest.mark.timeout(60),
    pytest.mark.skipif(sys.platform == "win32", reason="pexpect.spawn needs a POSIX pty"),
]

EXAMPLE = str(next(p for p in EXAMPLES if p.name == "platform-kol-operator.yaml"))
CAREERFIX = str(Path(sys.executable).with_name("careerfix"))


def _fake_pager(tmp_path: Path) -> tuple[str, Path]:
    """A pager that records what it was given, so the test can see it was used."""
    seen = tmp_path / "paged.txt"
    script = tmp_path / "pager.sh"
    script.write_text(f"#!/bin/sh\ncat > {seen}\necho PAGER-DONE\n")
    script.chmod(0o755)
    return str(script), seen


def _run(args: list[str], env: dict[str, str]) -> str:
    child = pexpect.spawn(
        CAREERFIX, args, env=env, encoding="utf-8", dimensions=(30, 100), timeout=30
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PAGER", "CAREERFIX_WIDTH")}
    env.update(CAREERFIX_HOME=str(tmp_path / "home"), CAREERFIX_LANG="en", **extra)
    return env


def test_text_report_on_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    pager, seen = _fake_pager(tmp_path)
    out = _run(["assess", "-a", EXAMPLE, "--lang", "en"], _env(tmp_path, PAGER=pager))
    assert "PAGER-DONE" in out
    assert "The shortest way to" in seen.read_text()


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["--no-pager"], {}),
        ([], {"PAGER": "cat"}),
        (["--format", "markdown"], {}),
    ],
)
def test_no_pager_when_turned_off_or_not_text(
    tmp_path: Path, args: list[str], extra: dict[str, str]
) -> None:
    pager, seen = _fake_pager(tmp_path)
    env = _env(tmp_path, PAGER=extra.get("PAGER", pager))
    out = _run(["assess", "-a", EXAMPLE, "--lang", "en", *args], env)
    assert "PAGER-DONE" not in out and not seen.exists()
    assert "shortest way to" in out.lower()


def test_piped_output_never_pages(tmp_path: Path) -> None:
    import subprocess

    pager, seen = _fake_pager(tmp_path)
    done = subprocess.run(
        [CAREERFIX, "assess", "-a", EXAMPLE, "--lang", "en"],
        env=_env(tmp_path, PAGER=pager),
        capture_output=True,
        text=True,
        check=True,
    )
    assert not seen.exists() and "The shortest way to" in done.stdout
