"""The interview with a draft store that misbehaves: a damaged draft at the start, saves that
fail, evidence over the limit. In-process, answered by the scripted prompter (tests/scripted.py);
the lock across processes and Ctrl-D in a real terminal are in test_interview_draft_tty.py."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import Result

import careerfix.cli
import careerfix.drafts
import interview_helpers as ih
import scripted as sc
from careerfix.i18n import t
from careerfix.models.answers import EVIDENCE_MAX_LENGTH

PACK = ih.pack()
ORDER = ih.order()
IDS = [q.id for q in ORDER]
ANSWERS, EVIDENCE = ih.kol_answers()


def flat(text: str) -> str:
    return " ".join(text.split())


def report(result: Result) -> dict[str, Any]:
    assert result.exit_code == 0, (result.exit_code, result.stderr[-3000:])
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # wide enough that no path is folded across lines
    return ih.interview_home(tmp_path, monkeypatch, width=400)


@pytest.fixture
def draft_file(home: Path) -> Path:
    return home / "drafts" / f"{PACK.id}.json"


def run(monkeypatch: pytest.MonkeyPatch, script: list[sc.Step], *args: str) -> Result:
    result, _prompter = sc.run_assess(monkeypatch, script, "--format", "json", *args)
    return result


def full_script() -> list[sc.Step]:
    return sc.full(ANSWERS, EVIDENCE)


# ---------------------------------------------------------------- a damaged draft at the start


BROKEN = {
    "not-utf8": b'{"pack": "\xff\xfe", "answers": {}}',
    "invalid-json": b'{"pack": "ops", "answers": {',
    "wrong-type": json.dumps(
        {"pack": PACK.id, "pack_version": PACK.version, "target_asked": "x"}
    ).encode(),
}


@pytest.mark.parametrize("content", list(BROKEN.values()), ids=list(BROKEN))
@pytest.mark.parametrize(
    "flags", [(), ("--restart",), ("--resume",)], ids=["ask", "restart", "resume"]
)
def test_a_damaged_draft_is_moved_aside_named_and_the_interview_runs(
    monkeypatch: pytest.MonkeyPatch, draft_file: Path, flags: tuple[str, ...], content: bytes
) -> None:
    draft_file.parent.mkdir(parents=True)
    draft_file.write_bytes(content)
    # no draft menu: the script starts at the target question
    result = run(monkeypatch, full_script(), *flags)
    data = report(result)
    aside = draft_file.with_name(f"{PACK.id}.damaged-1.json")
    text = flat(result.stderr)
    assert "The saved interview draft could not be used" in text
    assert f"It was moved to {aside}, not deleted" in text
    assert aside.read_bytes() == content
    assert data["inputs"]["answers"] == ANSWERS
    assert not draft_file.exists()


def test_a_wrongly_typed_draft_is_moved_aside_next_to_an_earlier_one(
    monkeypatch: pytest.MonkeyPatch, draft_file: Path
) -> None:
    first = draft_file.with_name(f"{PACK.id}.damaged-1.json")
    first.parent.mkdir(parents=True)
    first.write_text("an earlier one", encoding="utf-8")
    draft_file.write_text(
        json.dumps({"pack": PACK.id, "pack_version": PACK.version, "answers": 3}),
        encoding="utf-8",
    )
    result = run(monkeypatch, full_script())
    report(result)
    second = draft_file.with_name(f"{PACK.id}.damaged-2.json")
    assert f"It was moved to {second}" in flat(result.stderr)
    assert first.read_text(encoding="utf-8") == "an earlier one"
    assert json.loads(second.read_text(encoding="utf-8"))["answers"] == 3


def test_an_unreadable_draft_is_not_replaced_by_the_new_answers(
    monkeypatch: pytest.MonkeyPatch, draft_file: Path
) -> None:
    """As root no mode makes a file unreadable: a directory at the draft's path stands in."""
    draft_file.mkdir(parents=True)
    (draft_file / "mine").write_text("kept", encoding="utf-8")
    k = 3
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, upto=k)]
    script.append(sc.ctrl_c(message=ORDER[k].prompt.get("en")))
    result = run(monkeypatch, script)
    assert result.exit_code == 130
    aside = draft_file.with_name(f"{PACK.id}.damaged-1.json")
    assert f"It was moved to {aside}" in flat(result.stderr)
    assert (aside / "mine").read_text(encoding="utf-8") == "kept"
    assert f"Stopped. Answers saved: {k}, in {draft_file}" in flat(result.stderr)
    saved = json.loads(draft_file.read_text(encoding="utf-8"))
    assert saved["answers"] == {qid: ANSWERS[qid] for qid in IDS[:k]}


def test_two_people_in_one_home_keep_separate_drafts(
    monkeypatch: pytest.MonkeyPatch, draft_file: Path
) -> None:
    def stop_after(k: int, *args: str) -> None:
        script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, upto=k)]
        script.append(sc.ctrl_c(message=ORDER[k].prompt.get("en")))
        assert run(monkeypatch, script, *args).exit_code == 130

    stop_after(2, "--person", "alice")
    stop_after(4)
    (theirs,) = draft_file.parent.glob(f"{PACK.id}.*.json")
    assert json.loads(theirs.read_text(encoding="utf-8"))["answers"] == {
        qid: ANSWERS[qid] for qid in IDS[:2]
    }
    assert json.loads(draft_file.read_text(encoding="utf-8"))["answers"] == {
        qid: ANSWERS[qid] for qid in IDS[:4]
    }


def test_ctrl_c_right_after_a_damaged_draft_does_not_claim_it_was_saved(
    monkeypatch: pytest.MonkeyPatch, draft_file: Path
) -> None:
    draft_file.parent.mkdir(parents=True)
    draft_file.write_bytes(b"\xff\xfe not utf-8")
    result = run(monkeypatch, [sc.ctrl_c(message=t("ask_target", "en"))])
    assert result.exit_code == 130
    text = flat(result.stderr)
    assert "It was moved to" in text
    assert "Stopped before the first answer: nothing was saved." in text


# ---------------------------------------------------------------- saves that fail


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(careerfix.drafts, "atomic_write_text", full)


def test_a_full_disk_warns_once_and_the_report_has_every_answer(
    monkeypatch: pytest.MonkeyPatch, draft_file: Path
) -> None:
    _disk_full(monkeypatch)
    result = run(monkeypatch, full_script())
    data = report(result)
    assert data["inputs"]["answers"] == ANSWERS
    assert data["inputs"]["evidence"] == EVIDENCE
    text = flat(result.stderr)
    warning = f"Cannot save your answers in {draft_file}: No space left on device."
    assert text.count(warning) == 1, "warned once, not at every answer"
    end = f"this interview's answers could not be saved in {draft_file} (No space left on device)"
    assert end in text
    assert text.index(warning) < text.index(end), "the closing note comes after the interview"
    assert not draft_file.exists()


def test_a_drafts_directory_that_is_a_file_does_not_stop_the_interview(
    monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    home.mkdir()
    (home / "drafts").write_text("in the way", encoding="utf-8")
    result = run(monkeypatch, full_script(), "--no-save")
    data = report(result)
    assert data["inputs"]["answers"] == ANSWERS
    assert flat(result.stderr).count("Cannot save your answers in") == 1
    assert (home / "drafts").read_text(encoding="utf-8") == "in the way"


def test_ctrl_c_with_a_failing_save_prints_the_answers_as_yaml(
    monkeypatch: pytest.MonkeyPatch, draft_file: Path
) -> None:
    _disk_full(monkeypatch)
    k = 5
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, upto=k)]
    script.append(sc.ctrl_c(message=ORDER[k].prompt.get("en")))
    result = run(monkeypatch, script)
    assert result.exit_code == 130
    assert result.stdout == ""
    err = result.stderr
    assert "So that none is lost, here they are as an answers file" in flat(err)
    printed = yaml.safe_load(err[err.index("pack:") :])
    assert printed["answers"] == {qid: ANSWERS[qid] for qid in IDS[:k]}
    assert printed["evidence"] == {qid: EVIDENCE[qid] for qid in IDS[:k] if qid in EVIDENCE}
    assert not draft_file.exists()


# ---------------------------------------------------------------- the evidence limit


def test_evidence_over_the_limit_is_refused_at_the_prompt_and_can_be_fixed(
    monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    script = full_script()
    at = next(i for i, s in enumerate(script) if s.message == t("evidence_q", "en"))
    too_long = "x" * (EVIDENCE_MAX_LENGTH + 1)
    just_fits = "y" * EVIDENCE_MAX_LENGTH
    script[at : at + 1] = [sc.typed(too_long), sc.typed(f"  {just_fits}  ")]
    result, prompter = sc.run_assess(monkeypatch, script, "--format", "json")
    data = report(result)
    shown = next(s for s in prompter.shown if s.message == t("evidence_q", "en"))
    limit = EVIDENCE_MAX_LENGTH
    assert shown.refusals == [f"Too long: {limit + 1} characters; the limit is {limit}."]
    qid = next(qid for qid, text in data["inputs"]["evidence"].items() if just_fits in text)
    assert data["inputs"]["evidence"][qid].strip() == just_fits
