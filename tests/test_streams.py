"""Standard output faults end cleanly: a reader that goes away, a full disk, a closed stream,
absurd widths. Real processes (the interpreter's own last flush is part of what is tested)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import EXAMPLES_DIR

EXAMPLE = str(EXAMPLES_DIR / "platform-kol-operator.yaml")


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAREERFIX", "LC_", "LANG"))}
    env.update(CAREERFIX_HOME=str(tmp_path / "home"), NO_COLOR="1", **extra)
    return env


def _careerfix(*args: str) -> list[str]:
    return [sys.executable, "-m", "careerfix", *args]


@pytest.mark.parametrize(
    "args",
    [("--version",), ("questions", "--format", "json"), ("assess", "-a", EXAMPLE, "-f", "json")],
)
def test_a_reader_that_went_away_is_exit_141_without_noise(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    read, write = os.pipe()
    os.close(read)  # like `| true`: nobody will read
    try:
        proc = subprocess.run(
            _careerfix(*args), stdout=write, stderr=subprocess.PIPE, env=_env(tmp_path), timeout=60
        )
    finally:
        os.close(write)
    assert proc.returncode == 141
    assert proc.stderr == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("--version",), ("assess", "-a", EXAMPLE, "-f", "json")])
def test_a_full_disk_on_stdout_is_a_message_and_exit_1(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    with Path("/dev/full").open("w") as full:
        proc = subprocess.run(
            _careerfix(*args), stdout=full, stderr=subprocess.PIPE, env=_env(tmp_path), timeout=60
        )
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert "cannot write to standard output" in err


def test_a_closed_stdout_is_a_message_and_exit_1(tmp_path: Path) -> None:
    proc = subprocess.run(
        _careerfix("assess", "-a", EXAMPLE, "-f", "json", "--lang", "en"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(tmp_path, CAREERFIX_LANG="en"),
        timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert "standard output is closed" in err and "Traceback" not in err


def test_a_closed_stdout_does_not_stop_a_report_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    proc = subprocess.run(
        _careerfix("assess", "-a", EXAMPLE, "-f", "json", "-o", str(out), "-q"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(tmp_path),
        timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert out.read_text("utf-8").startswith("{")


@pytest.mark.parametrize(("width", "lines_at_most"), [("0", 30), ("1", 30), ("99999999", 400)])
def test_absurd_widths_are_held_to_a_readable_range(
    tmp_path: Path, width: str, lines_at_most: int
) -> None:
    proc = subprocess.run(
        _careerfix("assess", "-a", EXAMPLE, "--no-pager", "--lang", "en"),
        capture_output=True,
        env=_env(tmp_path, CAREERFIX_WIDTH=width),
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    text = proc.stdout.decode()
    lines = text.splitlines()
    assert "Operations career report" in text
    assert max(len(line) for line in lines) <= 400
    assert max(len(line) for line in lines) >= lines_at_most or width != "99999999"
    assert len(text) < 200_000
