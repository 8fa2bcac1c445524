"""The draft lock between two real interviews, and Ctrl-D at a menu, in pseudo-terminals.

Same pattern as test_interview_tty.py: every key is sent only after the prompt it answers has
been drawn. The lock is taken before the first prompt is drawn, so once the first interview shows
its first question, a second one for the same person and home must be refused.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import interview_helpers as ih
from test_interview_tty import (
    ANSWERS,
    IDS,
    ORDER,
    REVIEW_PROMPT,
    TARGET_PROMPT,
    TOTAL,
    answer,
    answered_up_to,
    assess,
    finish,
    header,
    transcript,
)
from test_interview_tty import draft_file as draft_file
from test_interview_tty import env as env
from test_interview_tty import home as home

pytestmark = [
    pytest.mark.tui,
    pytest.mark.timeout(180),
    pytest.mark.skipif(sys.platform == "win32", reason="pexpect.spawn needs a POSIX pty"),
]

CTRL_D = "\x04"


def flat(text: str) -> str:
    return " ".join(text.split())


def test_a_second_interview_of_the_same_person_is_refused_naming_the_first(
    env: dict[str, str],
    tmp_path: Path,
) -> None:
    first = assess(env, tmp_path)
    try:
        first.expect_exact(TARGET_PROMPT)  # the first interview holds the lock

        second = assess(env, tmp_path)
        assert finish(second) == 6, transcript(second)[-2000:]
        said = flat(transcript(second))
        assert f"another careerfix process (pid {first.pid}) is interviewing the same person" in (
            said
        )
        assert "--person NAME" in said
        assert "Traceback" not in said
        assert TARGET_PROMPT not in said, "refused before any question"

        other = assess(env, tmp_path, "--person", "alice")
        other.expect_exact(TARGET_PROMPT)  # someone else: allowed alongside
        other.send(ih.CTRL_C)
        assert finish(other) == 130, transcript(other)[-2000:]

        first.send(ih.CTRL_C)
        assert finish(first) == 130, transcript(first)[-2000:]
    finally:
        first.close(force=True)

    # the first one is gone: the lock went with it
    again = assess(env, tmp_path)
    again.expect_exact(TARGET_PROMPT)
    again.send(ih.CTRL_C)
    assert finish(again) == 130, transcript(again)[-2000:]


@pytest.mark.parametrize("kind", ["single", "multi"], ids=["select", "checkbox"])
def test_ctrl_d_at_a_menu_stops_saves_and_resume_continues(
    env: dict[str, str],
    tmp_path: Path,
    draft_file: Path,
    kind: str,
) -> None:
    k = next(i for i, q in enumerate(ORDER) if i > 0 and q.kind == kind)  # answered before it
    child = answered_up_to(env, tmp_path, k)
    child.send(CTRL_D)
    assert finish(child) == 130, transcript(child)[-2000:]
    said = flat(transcript(child))
    assert f"Stopped. Answers saved: {k}, in {draft_file}" in said
    assert "Run 'careerfix assess' to carry on (or add --resume)" in said
    assert "Traceback" not in said
    saved = json.loads(draft_file.read_text(encoding="utf-8"))
    assert saved["answers"] == {qid: ANSWERS[qid] for qid in IDS[:k]}

    out = tmp_path / "report.json"
    child = assess(env, tmp_path, "--resume", "--format", "json", "--output", str(out))
    for i in range(k + 1, TOTAL + 1):
        answer(child, i)
    child.expect_exact(REVIEW_PROMPT)
    child.send(ih.review_done())
    child.expect_exact(f"careerfix: wrote {out}")
    assert finish(child) == 0, transcript(child)[-2000:]
    assert header(1) not in transcript(child), "resume does not ask the first questions again"
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["inputs"]["answers"] == ANSWERS
    assert not draft_file.exists()
