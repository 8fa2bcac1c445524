"""The one bounded reader (``datafile.read_bytes``) and every command that reads through it.

A file whose size the file system reports as 0 (``/dev/zero``, a pipe, ``<(…)``) must never be read
whole; a FIFO nobody writes to must never hang; a directory, a missing or unreadable file and a
device get a clean message naming the file and exit code 1 (3 for a rules-pack file).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from careerfix import datafile
from careerfix.datafile import DataFileError, MissingFileError, read_bytes, read_text
from careerfix.errors import ExitCode
from helpers import EXAMPLES, run_cli

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")
EXAMPLE = next(p for p in EXAMPLES if p.suffix == ".yaml")
CLI = [sys.executable, "-m", "careerfix"]


def _problem(exc: pytest.ExceptionInfo[DataFileError]) -> str:
    return exc.value.problem.format()


# ---------------------------------------------------------------- the reader itself


@posix_only
def test_dev_zero_is_read_only_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    read = 0
    real_read = os.read

    def counting(fd: int, n: int) -> bytes:
        nonlocal read
        chunk = real_read(fd, n)
        read += len(chunk)
        return chunk

    monkeypatch.setattr(datafile.os, "read", counting)
    with pytest.raises(DataFileError) as exc:
        read_bytes(Path("/dev/zero"), "/dev/zero", 100_000)
    assert read == 100_001  # one byte past the limit, never more
    assert "/dev/zero" in _problem(exc) and "100,000" in _problem(exc)


@posix_only
def test_a_fifo_with_no_writer_reads_as_empty_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result: list[bytes] = []
    worker = threading.Thread(target=lambda: result.append(read_bytes(fifo, "fifo", 1000)))
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "reading a FIFO with no writer hung"
    assert result == [b""]
    with pytest.raises(DataFileError) as exc:
        read_text(fifo, "fifo", 1000)
    assert "empty" in _problem(exc)


@posix_only
def test_a_pipe_is_read_whole_when_small_and_refused_when_endless(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b"a: 1\n")
    os.close(write_end)
    try:
        assert read_bytes(Path(f"/dev/fd/{read_end}"), "pipe", 100) == b"a: 1\n"
    finally:
        os.close(read_end)
    # An endless writer: the read stops at the limit and the writer gets a broken pipe.
    writer = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    assert writer.stdout is not None
    try:
        with pytest.raises(DataFileError) as exc:
            read_bytes(Path(f"/dev/fd/{writer.stdout.fileno()}"), "<(yes)", 50_000)
        assert "50,000" in _problem(exc)
    finally:
        writer.kill()
        writer.wait()
        writer.stdout.close()


def test_a_regular_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 2001)
    with pytest.raises(DataFileError) as exc:
        read_bytes(big, "big.yaml", 2000)
    assert "2,001 bytes" in _problem(exc)
    assert read_bytes(big, "big.yaml", 2001) == b"x" * 2001


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d, "is a directory"),
        (lambda d: d / "missing.yaml", "file not found"),
    ],
    ids=["directory", "missing"],
)
def test_directories_and_missing_files_are_named(tmp_path: Path, make, expected) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataFileError) as exc:
        read_bytes(make(tmp_path), "THE-FILE", 1000)
    assert _problem(exc).startswith("THE-FILE:") and expected in _problem(exc)


def test_a_missing_file_is_its_own_kind(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError):
        read_bytes(tmp_path / "nope", "nope", 10)


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file anyway"
)
def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked.yaml"
    locked.write_text("a: 1\n", encoding="utf-8")
    locked.chmod(0)
    with pytest.raises(DataFileError) as exc:
        read_bytes(locked, "locked.yaml", 1000)
    assert "permission denied" in _problem(exc)


@posix_only
def test_dev_null_is_an_empty_file() -> None:
    with pytest.raises(DataFileError) as exc:
        read_text(Path("/dev/null"), "/dev/null", 1000)
    assert _problem(exc) == "/dev/null: file is empty"


# ---------------------------------------------------------------- every reader goes through it


@posix_only
@pytest.mark.parametrize("source", ["/dev/zero", "/dev/urandom"])
def test_assess_refuses_an_endless_answers_file(source: str) -> None:
    result = run_cli(["assess", "-a", source, "-f", "json"])
    assert result.exit_code == ExitCode.INPUT
    assert source in result.output and "524,288" in result.output


@posix_only
def test_assess_on_a_fifo_with_no_writer_exits_cleanly(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    done = subprocess.run(
        [*CLI, "assess", "-a", str(fifo), "-f", "json"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == ExitCode.INPUT
    assert f"{fifo}: file is empty" in done.stderr
    assert "Traceback" not in done.stderr


@posix_only
def test_assess_reads_a_process_substitution() -> None:
    done = subprocess.run(
        ["bash", "-c", f'"$0" -m careerfix assess -a <(cat "{EXAMPLE}") -f json', sys.executable],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"schema_version"' in done.stdout


@posix_only
def test_endless_stdin_is_bounded_too() -> None:
    with Path("/dev/zero").open("rb") as zero:
        done = subprocess.run(
            [*CLI, "assess", "-a", "-", "-f", "json"],
            stdin=zero,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == ExitCode.INPUT
    assert "<stdin>: input is more than 524,288 bytes" in done.stderr


@posix_only
@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "directory"])
def test_a_rules_file_that_is_not_a_file_is_a_rules_problem(rules_copy: Path, kind: str) -> None:
    target = rules_copy / "fit.yaml"
    target.unlink()
    if kind == "dev-zero":
        target.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    done = subprocess.run(
        [*CLI, "rules", "check", "--rules", str(rules_copy)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == ExitCode.RULES, done.stderr
    assert "fit.yaml" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


@posix_only
def test_history_import_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(datafile, "MAX_IMPORT_BYTES", 10_000)
    result = run_cli(["history", "import", "/dev/zero"])
    assert result.exit_code == ExitCode.INPUT
    assert "/dev/zero" in result.output and "10,000" in result.output


@posix_only
def test_history_import_of_a_fifo_with_no_writer_imports_nothing(tmp_path: Path) -> None:
    fifo = tmp_path / "export.jsonl"
    os.mkfifo(fifo)
    done = subprocess.run(
        [*CLI, "history", "import", str(fifo), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "imported 0" in done.stderr


@posix_only
def test_compare_refuses_an_endless_side() -> None:
    result = run_cli(["compare", str(EXAMPLE), "/dev/zero", "--lang", "en"])
    assert result.exit_code == ExitCode.INPUT
    assert "/dev/zero" in result.output and "524,288" in result.output


@posix_only
def test_the_pack_digest_does_not_read_an_endless_rules_file(rules_copy: Path) -> None:
    from careerfix import packcache

    target = rules_copy / "fit.yaml"
    target.unlink()
    target.symlink_to("/dev/zero")
    assert packcache.digest(rules_copy) is None


def test_no_module_reads_a_file_around_the_reader() -> None:
    """Every file careerfix reads goes through datafile's bounded reader."""
    src = Path(__file__).resolve().parents[1] / "src" / "careerfix"
    offenders = []
    for path in src.rglob("*.py"):
        if path.name == "datafile.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in (".read_text(", ".read_bytes(", "sys.stdin.read(", "stdin.buffer.read("):
            if needle in text:
                offenders.append(f"{path.relative_to(src)}: {needle}")
    assert offenders == []
