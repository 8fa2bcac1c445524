"""The interview end to end, in a real pseudo-terminal (pexpect), plus the no-terminal guard.

Every key is sent only after the exact text of the prompt it answers has been drawn (no sleeps):
prompt_toolkit switches the terminal to raw mode before its first draw, so a key sent after the
prompt text is read by the prompt (a Ctrl-C sent earlier would be a SIGINT instead).
"""

from __future__ import annotations

import io
import json
import os
import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest

import interview_helpers as ih

pytestmark = [
    pytest.mark.tui,
    pytest.mark.timeout(120),
    pytest.mark.skipif(sys.platform == "win32", reason="pexpect.spawn needs a POSIX pty"),
]

PACK = ih.pack()
ORDER = ih.order()
IDS = [q.id for q in ORDER]
TOTAL = len(ORDER)
ANSWERS, EVIDENCE = ih.kol_answers()

TARGET_PROMPT = "Which role are you aiming for?"
EVIDENCE_PROMPT = "The number that proves it (optional)"
REVIEW_PROMPT = "What next?"
CPR_REQUEST = "\x1b[6n"
DROP_ENV = (
    "LC_ALL",
    "LC_MESSAGES",
    "LANGUAGE",
    "CAREERFIX_LANG",
    "CAREERFIX_RULES",
    "CAREERFIX_WIDTH",
    "COLUMNS",
    "LINES",
    "FORCE_COLOR",
)


def header(i: int) -> str:
    """The progress header drawn above question ``i`` (1-based, overall)."""
    q = ORDER[i - 1]
    for _sid, name, questions in PACK.sections:
        if q in questions:
            k = questions.index(q) + 1
            return f"{name.get('en')} · question {k} of {len(questions)} · {i}/{TOTAL} overall"
    raise LookupError(q.id)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DROP_ENV}
    env.update(
        CAREERFIX_HOME=str(home),
        LANG="en_US.UTF-8",
        PROMPT_TOOLKIT_NO_CPR="1",
        TERM="xterm",
        NO_COLOR="1",
    )
    return env


@pytest.fixture
def draft_file(home: Path) -> Path:
    return home / "drafts" / f"{PACK.id}.json"


def spawn(command: str, args: list[str], env: dict[str, str], cwd: Path) -> pexpect.spawn:
    child = pexpect.spawn(
        command,
        args,
        env=env,
        cwd=str(cwd),
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 120),
    )
    child.logfile_read = io.StringIO()  # the whole transcript, for messages and failures
    return child


def assess(env: dict[str, str], cwd: Path, *args: str) -> pexpect.spawn:
    return spawn(sys.executable, ["-m", "careerfix", "assess", *args], env, cwd)


def transcript(child: pexpect.spawn) -> str:
    log = child.logfile_read
    assert isinstance(log, io.StringIO)
    return log.getvalue()


def finish(child: pexpect.spawn) -> int:
    """Wait for the process to end; its exit status."""
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus is None, transcript(child)[-2000:]
    status: int = child.exitstatus
    return status


def wait(child: pexpect.spawn, text: str) -> None:
    child.expect_exact(text)


def wait_answering_cpr(child: pexpect.spawn, text: str) -> None:
    """``expect_exact(text)``, answering prompt_toolkit's cursor-position requests on the way."""
    while child.expect_exact([text, CPR_REQUEST]) == 1:
        child.send("\x1b[1;1R")  # the cursor is on row 1: the whole screen is below it


def answer(child: pexpect.spawn, i: int, wait: Callable[[pexpect.spawn, str], None] = wait) -> None:
    """Wait for question ``i`` (1-based) and answer it as ANSWERS / EVIDENCE say."""
    q = ORDER[i - 1]
    wait(child, header(i))
    wait(child, q.prompt.get("en"))
    value = ANSWERS[q.id]
    child.send(ih.choice_keys(q, value))
    if ih.needs_evidence(q, value):
        wait(child, EVIDENCE_PROMPT)
        child.send(EVIDENCE.get(q.id, "") + ih.ENTER)


def answered_up_to(
    env: dict[str, str], cwd: Path, k: int, wait: Callable[[pexpect.spawn, str], None] = wait
) -> pexpect.spawn:
    """A new interview with the target and questions 1..k answered, question k+1 on screen."""
    child = assess(env, cwd)
    wait(child, TARGET_PROMPT)
    child.send(ih.target_keys())
    for i in range(1, k + 1):
        answer(child, i, wait)
    wait(child, header(k + 1))
    wait(child, ORDER[k].prompt.get("en"))
    return child


def test_ctrl_c_then_resume_in_a_terminal(
    env: dict[str, str], tmp_path: Path, draft_file: Path
) -> None:
    k = 4  # includes a multi-choice question
    assert any(ORDER[i].kind == "multi" for i in range(k))
    child = answered_up_to(env, tmp_path, k)
    child.send(ih.CTRL_C)
    assert finish(child) == 130, transcript(child)[-2000:]
    assert f"Stopped. Answers saved: {k}, in {draft_file}" in transcript(child)
    assert "Traceback" not in transcript(child)
    saved = json.loads(draft_file.read_text(encoding="utf-8"))
    assert saved["answers"] == {qid: ANSWERS[qid] for qid in IDS[:k]}

    report = tmp_path / "report.md"
    child = assess(env, tmp_path, "--resume", "--format", "markdown", "--output", str(report))
    for i in range(k + 1, TOTAL + 1):
        answer(child, i)
    child.expect_exact("Check your answers")
    child.expect_exact(REVIEW_PROMPT)
    child.send(ih.review_done())
    child.expect_exact(f"careerfix: wrote {report}")
    assert finish(child) == 0, transcript(child)[-2000:]
    assert header(1) not in transcript(child), "resume does not ask the first questions again"
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Operations career report")
    assert "\x1b" not in text
    assert not draft_file.exists()


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (ih.ENTER, 'Pick at least one; if unsure, pick "Not sure"'),
        ("unsure", '"Not sure" cannot be combined with other choices'),
    ],
    ids=["empty", "unsure-and-another"],
)
def test_checkbox_refusal_is_shown_and_can_be_fixed(
    env: dict[str, str], tmp_path: Path, draft_file: Path, keys: str, message: str
) -> None:
    """questionary draws the refusal in a bottom toolbar, which prompt_toolkit only shows once
    it knows the terminal's height: that needs cursor-position reports (CPR), so this test
    leaves CPR on and answers the requests itself."""
    del env["PROMPT_TOOLKIT_NO_CPR"]
    multi = next(i for i, q in enumerate(ORDER, 1) if q.kind == "multi")
    q = ORDER[multi - 1]
    values = [c.value for c in q.choices]
    unsure = values.index(PACK.unknown_value[q.id])
    if keys == "unsure":
        keys = ih.SPACE + ih.DOWN * unsure + ih.SPACE + ih.ENTER  # first + "not sure"
        fix = ih.SPACE + ih.ENTER  # untick "not sure" (the cursor is on it)
    else:
        fix = ih.SPACE + ih.ENTER  # tick the first
    child = answered_up_to(env, tmp_path, multi - 1, wait_answering_cpr)
    child.send(keys)
    wait_answering_cpr(child, message)
    child.send(fix)
    wait_answering_cpr(child, header(multi + 1))
    wait_answering_cpr(child, ORDER[multi].prompt.get("en"))
    child.send(ih.CTRL_C)
    assert finish(child) == 130
    saved = json.loads(draft_file.read_text(encoding="utf-8"))
    assert saved["answers"] == {
        **{qid: ANSWERS[qid] for qid in IDS[: multi - 1]},
        q.id: [values[0]],
    }


@pytest.mark.parametrize("stdin", ["devnull", "pipe"])
def test_no_terminal_exits_4_at_once(env: dict[str, str], tmp_path: Path, stdin: str) -> None:
    start = time.monotonic()
    if stdin == "devnull":
        result = subprocess.run(
            [sys.executable, "-m", "careerfix", "assess"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=5,
        )
    else:
        result = subprocess.run(
            [sys.executable, "-m", "careerfix", "assess"],
            input="\r\n\x1b[B\r\n",
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=5,
        )
    elapsed = time.monotonic() - start
    assert result.returncode == 4, result.stderr
    assert elapsed < 5.0
    assert result.stdout == ""
    assert "--answers" in result.stderr
    assert "careerfix questions" in result.stderr
    assert not (tmp_path / "home").exists(), "nothing saved"


def test_stderr_not_a_terminal_exits_4(env: dict[str, str], tmp_path: Path) -> None:
    """The prompts are drawn on stderr: a terminal stdin alone is not enough."""
    line = f"exec {shlex.quote(sys.executable)} -m careerfix assess 2> err.txt"
    child = spawn("bash", ["-c", line], env, tmp_path)
    assert finish(child) == 4
    err = (tmp_path / "err.txt").read_text(encoding="utf-8")
    assert "--answers" in err
    assert TARGET_PROMPT not in transcript(child)


def test_stdout_redirected_to_a_file_gets_no_prompt(
    env: dict[str, str], tmp_path: Path, draft_file: Path
) -> None:
    line = f"exec {shlex.quote(sys.executable)} -m careerfix assess --lang en > out.txt"
    child = spawn("bash", ["-c", line], env, tmp_path)
    child.expect_exact(TARGET_PROMPT)
    child.send(ih.target_keys())
    answer(child, 1)
    child.expect_exact(header(2))
    child.expect_exact(ORDER[1].prompt.get("en"))
    child.send(ih.CTRL_C)
    assert finish(child) == 130
    out = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert out == "", "stdout only ever carries the report"
    assert "Stopped. Answers saved: 1," in transcript(child)
    assert json.loads(draft_file.read_text(encoding="utf-8"))["answers"] == {
        IDS[0]: ANSWERS[IDS[0]]
    }


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the child in /proc")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_signal_mid_interview_saves_restores_the_terminal_and_says_how_to_resume(
    env: dict[str, str], tmp_path: Path, draft_file: Path, signame: str
) -> None:
    """careerfix runs under a shell in the pty; after the signal the shell prints the terminal's
    modes, which must be the cooked ones again (echo and canonical input), not raw mode."""
    import signal as signals

    script = f"{shlex.quote(sys.executable)} -m careerfix assess; echo EXIT=$?; stty -a"
    child = spawn("/bin/sh", ["-c", script], env, tmp_path)
    child.expect_exact(TARGET_PROMPT)
    child.send(ih.target_keys())
    answer(child, 1)
    answer(child, 2)
    child.expect_exact(header(3))
    child.expect_exact(ORDER[2].prompt.get("en"))
    children = Path(f"/proc/{child.pid}/task/{child.pid}/children").read_text().split()
    assert len(children) == 1, children  # careerfix, in the foreground of the shell
    os.kill(int(children[0]), getattr(signals, signame))
    child.expect_exact("EXIT=130")
    child.expect(pexpect.EOF)
    out = transcript(child)
    assert f"Stopped. Answers saved: 2, in {draft_file}" in out
    assert "Traceback" not in out
    modes = out[out.index("EXIT=130") :]
    assert " icanon" in modes and " echo" in modes  # not "-icanon" / "-echo": raw mode is gone
    saved = json.loads(draft_file.read_text(encoding="utf-8"))
    assert saved["answers"] == {qid: ANSWERS[qid] for qid in IDS[:2]}


def test_ctrl_b_goes_back_one_question(
    env: dict[str, str], tmp_path: Path, draft_file: Path
) -> None:
    k = 3
    prev = ORDER[k - 2]  # the question Ctrl-B returns to
    new = next(
        c.value
        for c in prev.choices
        if c.value != ANSWERS[prev.id] and not ih.needs_evidence(prev, c.value)
    )
    new_value: str | list[str] = [new] if prev.kind == "multi" else new
    child = assess(env, tmp_path)
    child.expect_exact(TARGET_PROMPT)
    child.send(ih.target_keys())
    for i in range(1, k):
        answer(child, i)
    child.expect_exact(header(k))
    child.expect_exact("Ctrl-B: back")
    child.send("\x02")  # Ctrl-B
    child.expect_exact(header(k - 1))  # drawn again: the previous question, with its answer
    child.expect_exact(prev.prompt.get("en"))
    child.send(ih.choice_keys(prev, new_value, current=ANSWERS[prev.id]))
    child.expect_exact(header(k))
    child.expect_exact(ORDER[k - 1].prompt.get("en"))
    child.send(ih.CTRL_C)
    assert finish(child) == 130, transcript(child)[-2000:]
    saved = json.loads(draft_file.read_text(encoding="utf-8"))
    assert saved["answers"] == {**{qid: ANSWERS[qid] for qid in IDS[: k - 1]}, prev.id: new_value}
