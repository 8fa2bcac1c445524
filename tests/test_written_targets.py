"""Where careerfix writes, beyond regular files: never over one of the command's own inputs,
into ``/dev/null``, ``/dev/stdout``, a FIFO or a terminal as they are (never replaced by a
regular file), through a symbolic link to its target, and a full device is a clean error."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
import yaml

from careerfix.atomic_write import atomic_write_text, is_replaceable
from helpers import EXAMPLES, assert_no_traceback, run_cli

KOL = next(p for p in EXAMPLES if p.stem == "platform-kol-operator")


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "me.yaml"
    data = yaml.safe_load(KOL.read_text(encoding="utf-8")) | {"lang": "en"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("flag", ["-o", "--save-answers"])
def test_an_input_is_never_written_over(flag: str, answers: Path, tmp_path: Path) -> None:
    before = answers.read_bytes()
    link = tmp_path / "alias.yaml"
    link.symlink_to(answers)
    for target in (answers, link):  # the same file under another name too
        result = run_cli(["assess", "-a", str(answers), flag, str(target), "--force", "--no-save"])
        assert result.exit_code == 1
        assert "is read by this command" in result.stderr
        assert_no_traceback(result)
        assert answers.read_bytes() == before
    zh = run_cli(["assess", "-a", str(answers), "-o", str(answers), "--lang", "zh", "--no-save"])
    assert zh.exit_code == 1 and "要读取的文件" in zh.stderr


def test_history_export_is_never_written_over_its_database(answers: Path, tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    assert run_cli(["assess", "-a", str(answers), "--db", str(db), "-f", "json"]).exit_code == 0
    before = db.read_bytes()
    result = run_cli(["history", "export", "--db", str(db), "-o", str(db), "--lang", "en"])
    assert result.exit_code == 1
    assert "is read by this command" in result.stderr
    assert db.read_bytes() == before


def test_dev_null_is_written_into_not_replaced(answers: Path) -> None:
    for flag in ("-o", "--save-answers"):  # --save-answers needs no --force: nothing to lose
        result = run_cli(["assess", "-a", str(answers), flag, "/dev/null", "--no-save", "-q"])
        assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
    assert run_cli(["questions", "-o", "/dev/null"]).exit_code == 0
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_full_device_is_a_clean_error(answers: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = run_cli(["assess", "-a", str(answers), "-o", "/dev/full", "--no-save", "--lang", "en"])
    assert result.exit_code == 1
    assert "/dev/full: cannot write" in result.stderr
    assert_no_traceback(result)
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_a_fifo_is_written_into(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    opened = threading.Event()

    def read() -> None:
        with fifo.open("rb") as handle:  # blocks until the writer opens it
            opened.set()
            got.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    # Open for writing only once the reader waits: a FIFO with no reader is refused at once.
    while not opened.is_set():
        try:
            atomic_write_text(fifo, "through the pipe\n")
            break
        except OSError:
            opened.wait(0.01)
    reader.join(5)
    assert got == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_fifo_nobody_reads_fails_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        atomic_write_text(fifo, "nobody listens\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_symlink_has_its_target_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic_write_text(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_directory_is_refused(tmp_path: Path) -> None:
    assert not is_replaceable(tmp_path)
    with pytest.raises(IsADirectoryError):
        atomic_write_text(tmp_path, "x")


TO_STDOUT = ("-f", "json", "-o", "/dev/stdout", "--no-save", "-q")


def test_dev_stdout_is_the_output_stream(answers: Path, tmp_path: Path) -> None:
    """``-o /dev/stdout`` writes to the stream the shell set up (here a file opened for
    appending), without truncating or replacing it."""
    import subprocess
    import sys

    out = tmp_path / "out.txt"
    out.write_text("kept\n", encoding="utf-8")
    with out.open("a", encoding="utf-8") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "careerfix", "assess", "-a", str(answers), *TO_STDOUT],
            stdout=handle,
            check=False,
        )
    assert done.returncode == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("kept\n{")
