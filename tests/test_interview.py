"""The whole interview, in-process, answered by a scripted prompter (tests/scripted.py).

Each test gives the answers it wants by value, in the order the pack asks them; the scripted
prompter also pins each prompt's message and default, and fails the test when the interview asks
anything else or leaves part of the script unused. Ctrl-C and Ctrl-D are script steps too. Scripts
are built from the rules pack, so reordering or adding questions does not break them.

The questionary prompter itself is kept honest by the keystroke tests in test_prompting.py, by
one whole interview here through the real prompter on a pipe input, and by the real-terminal tests
of test_interview_tty.py.

The interview's own chrome (intro, progress headers, hints, evidence explanations, review tables)
goes to stderr.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from prompt_toolkit.input import create_pipe_input
from typer.testing import CliRunner, Result

import careerfix.cli
import careerfix.prompting
import interview_helpers as ih
import scripted as sc
from careerfix.cli import app
from careerfix.i18n import t
from careerfix.prompting import Prompter

PACK = ih.pack()
ORDER = ih.order()
IDS = [q.id for q in ORDER]
TOTAL = len(ORDER)
ANSWERS, EVIDENCE = ih.kol_answers()
# The progress header of each question, in English or Chinese: i/total is the overall position.
HEADER = re.compile(r"(?:question \d+ of \d+ · |第 \d+/\d+ 题 · 总进度 )(\d+)/(\d+)")


def flat(text: str) -> str:
    """Whitespace-normalised text (rich wraps long lines at the console width)."""
    return " ".join(text.split())


def asked(stderr: str) -> list[str]:
    """The ids of the questions the interview asked, from its progress headers on stderr."""
    found = []
    for match in HEADER.finditer(stderr):
        assert int(match.group(2)) == TOTAL
        found.append(IDS[int(match.group(1)) - 1])
    return found


def report(result: Result) -> dict[str, Any]:
    assert result.exit_code == 0, (result.exit_code, result.stderr[-3000:])
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def unknown_answer(qid: str) -> str | list[str]:
    value = PACK.unknown_value[qid]
    return [value] if PACK.questions[qid].kind == "multi" else value


def message(i: int) -> str:
    """The prompt of question ``i`` (0-based, interview order), in English."""
    return ORDER[i].prompt.get("en")


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return ih.interview_home(tmp_path, monkeypatch)


@pytest.fixture
def draft_file(home: Path) -> Path:
    return home / "drafts" / f"{PACK.id}.json"


class Interviewer:
    """``interview(script, *args)`` runs ``careerfix assess ARGS`` answering from ``script``;
    ``interview.prompter`` is the last run's prompter (what it was shown)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.prompter = sc.ScriptedPrompter(())

    def __call__(self, script: Sequence[sc.Step], *args: str) -> Result:
        result, self.prompter = sc.run_assess(self.monkeypatch, script, *args)
        return result


@pytest.fixture
def interview(home: Path, monkeypatch: pytest.MonkeyPatch) -> Interviewer:
    return Interviewer(monkeypatch)


def write_draft(path: Path, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "pack": PACK.id,
        "pack_version": PACK.version,
        "lang": "en",
        "target": None,
        "target_asked": True,
        "answers": {},
        "evidence": {},
        "saved_at": "2025-01-02T03:04:05+00:00",
    }
    data.update(fields)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return data


def read_draft(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def full_script(lang: str = "en") -> list[sc.Step]:
    return sc.full(ANSWERS, EVIDENCE, lang)


# ---------------------------------------------------------------- (a) a full run


def test_full_interview_reports_exactly_the_chosen_answers(
    interview: Interviewer, draft_file: Path
) -> None:
    result = interview(full_script(), "--format", "json")
    data = report(result)
    assert data["inputs"]["answers"] == ANSWERS
    assert data["inputs"]["evidence"] == EVIDENCE
    assert data["inputs"]["lang"] == "en"
    assert data["inputs"]["target"] is None
    assert data["target"]["source"] == "suggested"
    # A platform employee owning KOLs, the content chain and activities: community ops (S2).
    assert data["diagnosis"]["status"] == "clear"
    assert data["diagnosis"]["verdicts"][0]["id"] == "community_ops"
    assert asked(result.stderr) == IDS, "every question once, in pack order"
    assert "Check your answers" in result.stderr
    assert not draft_file.exists(), "the draft is removed once the report is out"
    # Each question shows its own choices in the interview's language, in the pack's order.
    shown = {s.message: s for s in interview.prompter.shown}
    for q in ORDER:
        prompt = shown[q.prompt.get("en")]
        assert prompt.choices == tuple((c.value, c.text.get("en")) for c in q.choices)
        multi = q.kind == "multi"
        assert prompt.kind == ("checkbox" if multi else "select")
        key = "multi_instruction" if multi else "select_instruction"
        assert prompt.instruction == t(key, "en")
    target = interview.prompter.shown[0]
    assert target.values == [ih.SUGGEST, *(r.id for r in PACK.roles.roles)]
    assert target.choices[0][1] == t("suggest_target", "en")
    review = interview.prompter.shown[-1]
    assert review.choices == (
        ("done", t("review_done", "en")),
        ("change", t("review_change", "en")),
    )


def test_target_role_chosen_in_the_interview_is_used(
    interview: Interviewer, draft_file: Path
) -> None:
    role = PACK.roles.roles[2].id
    script = [*sc.target(role), *sc.questions(ANSWERS, EVIDENCE), *sc.review_done()]
    data = report(interview(script, "--format", "json"))
    assert data["inputs"]["target"] == role
    assert data["target"]["id"] == role
    assert data["target"]["source"] != "suggested"
    assert not draft_file.exists()


@pytest.mark.parametrize(
    ("lang", "intro_start", "report_title"),
    [
        ("en", "This interview asks what you have actually done", "Operations career report"),
        ("zh", "这份问卷问的是你实际做过的事", "运营职业诊断报告"),
    ],
    ids=["en", "zh"],
)
def test_language_is_asked_when_the_locale_does_not_say(
    interview: Interviewer,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    intro_start: str,
    report_title: str,
) -> None:
    monkeypatch.setenv("LANG", "C")
    # Every prompt after the language one is in the chosen language (the script pins them).
    result = interview([*sc.language(lang), *full_script(lang)], "--format", "markdown")
    assert result.exit_code == 0, result.stderr[-3000:]
    assert intro_start in result.stderr
    assert result.stdout.startswith(f"# {report_title}")
    assert asked(result.stderr) == IDS
    assert interview.prompter.shown[0].choices == (("zh", "中文"), ("en", "English"))


def test_language_flag_skips_the_language_question(
    interview: Interviewer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "C")
    result = interview(full_script(), "--lang", "en", "--format", "json")
    data = report(result)
    assert data["inputs"]["answers"] == ANSWERS
    assert data["inputs"]["lang"] == "en"


# ---------------------------------------------------------------- (b) changing an answer


def test_change_an_answer_at_review(interview: Interviewer) -> None:
    qid = IDS[TOTAL // 2]
    q = PACK.questions[qid]
    assert q.kind == "experience", "the middle of the shipped pack is a module question"
    assert qid != IDS[-1]
    new = next(c.value for c in q.choices if c.value != ANSWERS[qid] and c.level == 4)
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE)]
    # The question opens on the old answer (the script checks the default).
    script += sc.review_change(qid, new, "Led 3 writers, CTR 2% -> 5%", answers=ANSWERS)
    script += sc.review_done()
    result = interview(script, "--format", "json")
    data = report(result)
    assert data["inputs"]["answers"] == {**ANSWERS, qid: new}
    assert data["inputs"]["evidence"] == {**EVIDENCE, qid: "Led 3 writers, CTR 2% -> 5%"}
    assert result.stderr.count("Check your answers") == 1, "after a change, only the change"
    changed = flat(result.stderr).split("Changed: ")[1]
    assert q.prompt.get("en") in changed, "the change names its question"
    old_text, new_text = (q.choice(v).text.get("en") for v in (ANSWERS[qid], new))  # type: ignore[union-attr, arg-type]
    assert f"Answer: {old_text} → {new_text}" in changed
    assert "Proof: (none) → Led 3 writers, CTR 2% -> 5%" in changed
    assert asked(result.stderr) == [*IDS, qid]
    # The review's list: "back", then every question in order with its current answer.
    picks = next(s for s in interview.prompter.shown if s.message == t("review_pick", "en"))
    assert picks.values == ["__back__", *IDS]
    assert q.prompt.get("en")[:20] in picks.choices[IDS.index(qid) + 1][1]


def test_back_at_review_changes_nothing(interview: Interviewer) -> None:
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE)]
    script += [sc.pick("change", message=t("review_action", "en")), sc.pick("__back__")]
    script += sc.review_done()
    result = interview(script, "--format", "json")
    data = report(result)
    assert data["inputs"]["answers"] == ANSWERS
    assert data["inputs"]["evidence"] == EVIDENCE
    assert result.stderr.count("Check your answers") == 1
    assert asked(result.stderr) == IDS


def test_changes_at_review_edit_multi_answers_and_drop_stale_evidence(
    interview: Interviewer,
) -> None:
    proven = next(qid for qid in IDS if qid in EVIDENCE)
    low = next(c.value for c in PACK.questions[proven].choices if c.level == 1)
    multi = next(qid for qid in IDS if PACK.questions[qid].kind == "multi")
    values = [c.value for c in PACK.questions[multi].choices if not c.unknown]
    new_multi = [v for v in values if v not in ANSWERS[multi]][:2]
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE)]
    script += sc.review_change(proven, low, answers=ANSWERS, old_evidence=EVIDENCE)
    # The checkbox opens with the old answer ticked (the script checks it).
    script += sc.review_change(multi, new_multi, answers=ANSWERS)
    script += sc.review_done()
    data = report(interview(script, "--format", "json"))
    assert data["inputs"]["answers"] == {**ANSWERS, proven: low, multi: new_multi}
    expected_evidence = {k: v for k, v in EVIDENCE.items() if k != proven}
    assert data["inputs"]["evidence"] == expected_evidence, "a level-1 claim needs no proof"


def test_changing_evidence_at_review_replaces_the_old_text(interview: Interviewer) -> None:
    proven = next(qid for qid in IDS if qid in EVIDENCE)
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE)]
    # Same choice again (it is the default), then the evidence line opens on the old text.
    script += sc.review_change(
        proven, ANSWERS[proven], "9,800 KOLs", answers=ANSWERS, old_evidence=EVIDENCE
    )
    script += sc.review_done()
    data = report(interview(script, "--format", "json"))
    assert data["inputs"]["answers"] == ANSWERS
    assert data["inputs"]["evidence"] == {**EVIDENCE, proven: "9,800 KOLs"}


# ---------------------------------------------------------------- (c) --save-answers


def test_saved_answers_reproduce_the_interview_report(
    interview: Interviewer, tmp_path: Path, draft_file: Path
) -> None:
    saved = tmp_path / "mine.yaml"
    first = interview(full_script(), "--save-answers", str(saved), "--format", "json")
    report(first)
    assert not draft_file.exists()
    data = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert data["answers"] == ANSWERS
    assert data["evidence"] == EVIDENCE
    assert (data["pack"], data["pack_version"]) == (PACK.id, PACK.version)
    again = CliRunner().invoke(
        app, ["assess", "--answers", str(saved), "--format", "json"], catch_exceptions=False
    )
    assert again.exit_code == 0, again.stderr
    assert again.stdout == first.stdout


# ---------------------------------------------------------------- (d) Ctrl-C and --resume


def test_ctrl_c_saves_the_answers_and_resume_asks_only_the_rest(
    interview: Interviewer, draft_file: Path
) -> None:
    k = 10
    done = IDS[:k]
    assert any(qid in EVIDENCE for qid in done), "the first k include an evidence line"
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, upto=k), sc.ctrl_c(message=message(k))]
    first = interview(script, "--format", "json")
    assert first.exit_code == 130, first.stderr[-3000:]
    assert first.stdout == ""
    text = flat(first.stderr)
    assert f"Stopped. Answers saved: {k}, in {draft_file}" in text
    assert "Run 'careerfix assess' to carry on (or add --resume)" in text
    saved = read_draft(draft_file)
    assert saved["answers"] == {qid: ANSWERS[qid] for qid in done}
    assert saved["evidence"] == {qid: EVIDENCE[qid] for qid in done if qid in EVIDENCE}
    assert saved["target_asked"] is True

    script = [*sc.questions(ANSWERS, EVIDENCE, skip=done), *sc.review_done()]
    second = interview(script, "--resume", "--format", "json")
    data = report(second)
    assert asked(second.stderr) == IDS[k:]
    assert "This interview asks" not in second.stderr, "no intro when resuming"
    assert data["inputs"]["answers"] == ANSWERS
    assert data["inputs"]["evidence"] == EVIDENCE
    assert not draft_file.exists()


def test_ctrl_c_at_the_review_resumes_at_the_review(
    interview: Interviewer, draft_file: Path
) -> None:
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE)]
    script += [sc.ctrl_c("select", message=t("review_action", "en"))]
    first = interview(script, "--format", "json")
    assert first.exit_code == 130
    assert f"Stopped. Answers saved: {TOTAL}," in flat(first.stderr)
    assert read_draft(draft_file)["answers"] == ANSWERS
    second = interview(sc.review_done(), "--resume", "--format", "json")
    data = report(second)
    assert asked(second.stderr) == []
    assert "Check your answers" in second.stderr
    assert data["inputs"]["answers"] == ANSWERS


def test_input_ending_mid_interview_stops_like_ctrl_c(
    interview: Interviewer, draft_file: Path
) -> None:
    """Ctrl-D / a closed input raises EOFError: same exit 130 and saved answers as Ctrl-C."""
    script = [*sc.target(), *sc.questions(ANSWERS, upto=3), sc.ctrl_d(message=message(3))]
    result = interview(script, "--format", "json")
    assert result.exit_code == 130
    assert result.stdout == ""
    assert "Stopped. Answers saved: 3," in flat(result.stderr)
    assert read_draft(draft_file)["answers"] == {qid: ANSWERS[qid] for qid in IDS[:3]}


# ---------------------------------------------------------------- (e)(f) --restart and the menu


def test_restart_discards_the_draft_and_starts_from_the_first_question(
    interview: Interviewer, draft_file: Path
) -> None:
    old = {qid: unknown_answer(qid) for qid in IDS[:10]}
    write_draft(draft_file, answers=old, target=PACK.roles.roles[0].id)
    # "--restart does not ask": a draft menu would meet the target step and fail the script.
    script = [*sc.target(), *sc.questions(ANSWERS, upto=2), sc.ctrl_c(message=message(2))]
    stopped = interview(script, "--restart", "--format", "json")
    assert stopped.exit_code == 130
    assert "Found an unfinished interview" not in stopped.stderr, "--restart does not ask"
    assert asked(stopped.stderr) == IDS[:3]
    saved = read_draft(draft_file)
    assert saved["answers"] == {qid: ANSWERS[qid] for qid in IDS[:2]}, "old answers are gone"
    assert saved["target"] is None

    result = interview(full_script(), "--restart", "--format", "json")
    data = report(result)
    assert asked(result.stderr) == IDS
    assert data["inputs"]["answers"] == ANSWERS
    assert not draft_file.exists()


def test_draft_menu_discard_removes_the_draft_and_exits_0(
    interview: Interviewer, draft_file: Path
) -> None:
    write_draft(draft_file, answers={qid: ANSWERS[qid] for qid in IDS[:7]})
    result = interview(sc.draft_menu("discard"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    saved = datetime.fromisoformat("2025-01-02T03:04:05+00:00").astimezone()
    when = saved.strftime("%Y-%m-%d %H:%M")  # shown in local time
    assert f"Found an unfinished interview (saved {when}). Answers so far: 7." in (
        flat(result.stderr)
    )
    assert "The saved answers were discarded." in result.stderr
    assert asked(result.stderr) == []
    assert not draft_file.exists()
    menu = interview.prompter.shown[0]
    assert menu.values == ["resume", "restart", "discard"]


def test_draft_menu_resume_continues_the_draft(interview: Interviewer, draft_file: Path) -> None:
    old = {qid: unknown_answer(qid) for qid in IDS[:7]}
    write_draft(draft_file, answers=old)
    script = [*sc.draft_menu("resume"), *sc.questions(ANSWERS, EVIDENCE, skip=old)]
    result = interview([*script, *sc.review_done()], "--format", "json")
    data = report(result)
    assert "Answers so far: 7." in flat(result.stderr)
    assert asked(result.stderr) == IDS[7:]
    assert data["inputs"]["answers"] == {**ANSWERS, **old}
    assert not draft_file.exists()


def test_draft_menu_restart_asks_everything_again(interview: Interviewer, draft_file: Path) -> None:
    old = {qid: unknown_answer(qid) for qid in IDS[:7]}
    write_draft(draft_file, answers=old)
    result = interview([*sc.draft_menu("restart"), *full_script()], "--format", "json")
    data = report(result)
    assert asked(result.stderr) == IDS
    assert data["inputs"]["answers"] == ANSWERS


def test_ctrl_c_at_the_draft_menu_leaves_the_draft_untouched(
    interview: Interviewer, draft_file: Path
) -> None:
    written = write_draft(draft_file, answers={qid: ANSWERS[qid] for qid in IDS[:7]})
    result = interview([sc.ctrl_c(message=t("draft_action", "en"))], "--format", "json")
    assert result.exit_code == 130
    assert result.stdout == ""
    assert read_draft(draft_file) == written


def test_ctrl_c_at_the_draft_menu_reports_the_saved_answers(
    interview: Interviewer, draft_file: Path
) -> None:
    write_draft(draft_file, answers={qid: ANSWERS[qid] for qid in IDS[:7]})
    result = interview([sc.ctrl_c(message=t("draft_action", "en"))], "--format", "json")
    assert result.exit_code == 130
    assert f"Stopped. Answers saved: 7, in {draft_file}" in flat(result.stderr)


def test_ctrl_c_at_the_first_prompt_saves_nothing(interview: Interviewer, draft_file: Path) -> None:
    result = interview([sc.ctrl_c(message=t("ask_target", "en"))], "--format", "json")
    assert result.exit_code == 130
    assert result.stdout == ""
    assert "Stopped before the first answer: nothing was saved." in flat(result.stderr)
    assert not draft_file.exists()


def test_ctrl_c_at_the_evidence_prompt_keeps_the_claim(
    interview: Interviewer, draft_file: Path
) -> None:
    """Text typed but not entered never reaches the interview (test_prompting.py checks that
    Ctrl-C after typing raises); here the claim is saved and the evidence prompt remembered."""
    n = next(i for i, q in enumerate(ORDER) if ih.needs_evidence(q, ANSWERS[q.id]))
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, upto=n)]
    script += [
        sc.choice(ORDER[n], ANSWERS[IDS[n]]),
        sc.ctrl_c("text", message=t("evidence_q", "en")),
    ]
    result = interview(script, "--format", "json")
    assert result.exit_code == 130
    assert f"Stopped. Answers saved: {n + 1}," in flat(result.stderr)
    saved = read_draft(draft_file)
    assert saved["answers"] == {qid: ANSWERS[qid] for qid in IDS[: n + 1]}
    assert IDS[n] not in saved["evidence"], "unfinished evidence is not saved"
    assert saved["pending_evidence"] == IDS[n], "the interrupted evidence prompt is remembered"


def test_resume_asks_first_for_the_evidence_that_was_interrupted(
    interview: Interviewer, draft_file: Path
) -> None:
    n = next(i for i, q in enumerate(ORDER) if ih.needs_evidence(q, ANSWERS[q.id]))
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, upto=n)]
    script += [sc.choice(ORDER[n], ANSWERS[IDS[n]]), sc.ctrl_c("text")]
    assert interview(script, "--format", "json").exit_code == 130

    evidence = "grew it from 10 to 90 in 6 months"
    script = [sc.evidence(evidence)]  # the first prompt is that evidence line, empty
    script += [*sc.questions(ANSWERS, EVIDENCE, skip=IDS[: n + 1]), *sc.review_done()]
    result = interview(script, "--resume", "--format", "json")
    data = report(result)
    assert data["inputs"]["evidence"][IDS[n]] == evidence
    assert data["inputs"]["answers"] == ANSWERS
    assert not draft_file.exists()


# ---------------------------------------------------------------- (g) a draft from an older pack


def test_draft_from_an_older_pack_keeps_valid_answers(
    interview: Interviewer, draft_file: Path
) -> None:
    kept_qid = IDS[0]
    kept_value = next(c.value for c in ORDER[0].choices if c.value != ANSWERS[kept_qid])
    assert "role.retired_question" not in PACK.questions
    write_draft(
        draft_file,
        pack_version="0.9.0",
        answers={"role.retired_question": "yes", kept_qid: kept_value},
    )
    script = [*sc.questions(ANSWERS, EVIDENCE, skip=[kept_qid]), *sc.review_done()]
    result = interview(script, "--resume", "--format", "json")
    data = report(result)
    assert (
        f"The rules pack changed from 0.9.0 to {PACK.version}. Answers kept: 1; to answer again: 1."
        in flat(result.stderr)
    )
    assert asked(result.stderr) == IDS[1:]
    assert data["inputs"]["answers"] == {**ANSWERS, kept_qid: kept_value}
    assert data["pack"]["version"] == PACK.version
    # and what changed since that version is said, in the interview's language
    for change in PACK.meta.changes:
        assert flat(change.note.en) in flat(result.stderr)


def test_draft_answer_whose_choice_no_longer_exists_is_asked_again(
    interview: Interviewer, draft_file: Path
) -> None:
    write_draft(draft_file, answers={IDS[0]: "retired_choice", IDS[1]: ANSWERS[IDS[1]]})
    script = [*sc.questions(ANSWERS, EVIDENCE, skip=[IDS[1]]), *sc.review_done()]
    result = interview(script, "--resume", "--format", "json")
    data = report(result)
    assert "Answers kept: 1; to answer again: 1." in flat(result.stderr)
    assert asked(result.stderr) == [IDS[0], *IDS[2:]]
    assert data["inputs"]["answers"] == ANSWERS


# ---------------------------------------------------------------- (h) evidence


def test_evidence_is_asked_only_after_proof_level_choices(interview: Interviewer) -> None:
    answers: dict[str, str | list[str]] = dict(ANSWERS)
    for n, q in enumerate(q for q in ORDER if q.kind == "experience"):
        answers[q.id] = q.choices[n % len(q.choices)].value  # every level, and "not sure"
    proof = [qid for qid in IDS if ih.needs_evidence(PACK.questions[qid], answers[qid])]
    assert 3 <= len(proof) < sum(q.kind == "experience" for q in ORDER)
    typed = {proof[0]: "  DAU 10k -> 40k in 6 months  ", proof[1]: "", proof[2]: "120 events"}
    # The script has an evidence step exactly after each proof-level choice.
    script = [*sc.target(), *sc.questions(answers, typed), *sc.review_done()]
    result = interview(script, "--format", "json")
    data = report(result)
    assert data["inputs"]["answers"] == answers
    assert data["inputs"]["evidence"] == {
        proof[0]: "DAU 10k -> 40k in 6 months",  # trimmed
        proof[2]: "120 events",  # proof[1] skipped with Enter: no evidence
    }
    assert len(interview.prompter.of_kind("text")) == len(proof)
    blocks = HEADER.split(result.stderr)[1:]
    assert len(blocks) == 3 * TOTAL
    # HEADER.split yields (i, total, text-after-header) triples.
    for i, _total, text in zip(blocks[::3], blocks[1::3], blocks[2::3], strict=True):
        q = PACK.questions[IDS[int(i) - 1]]
        explanation = (q.evidence or PACK.meta.evidence_prompt).get("en")
        shown = flat(explanation) in flat(text)
        assert shown == (q.id in proof), (q.id, answers[q.id])


# ---------------------------------------------------------------- (i) multi-choice validation


def test_not_sure_with_another_choice_is_refused_and_can_be_fixed(
    interview: Interviewer, draft_file: Path
) -> None:
    """The checkbox refuses an empty selection and "not sure" + another choice; the prompt stays
    open (the refusal as drawn in a terminal: test_interview_tty.py)."""
    multi = next(q for q in ORDER if q.kind == "multi")
    values = [c.value for c in multi.choices]
    unsure = PACK.unknown_value[multi.id]
    before = IDS[: IDS.index(multi.id)]
    refusals = [t("pick_one", "en"), t("unsure_alone", "en")]
    script = [*sc.target(), *sc.questions(ANSWERS, skip=IDS[len(before) :])]
    script += [sc.tick([]), sc.tick([values[0], unsure]), sc.ctrl_c("checkbox")]
    stopped = interview(script, "--format", "json")
    assert stopped.exit_code == 130, "both answers were refused: the prompt was still open"
    assert interview.prompter.shown[-1].refusals == refusals
    assert read_draft(draft_file)["answers"] == {qid: ANSWERS[qid] for qid in before}

    script = [sc.tick([values[0], unsure], message=multi.prompt.get("en")), sc.tick([values[0]])]
    script += [*sc.questions(ANSWERS, EVIDENCE, skip=[*before, multi.id]), *sc.review_done()]
    result = interview(script, "--resume", "--format", "json")
    data = report(result)
    assert interview.prompter.shown[0].refusals == refusals[1:]
    assert data["inputs"]["answers"] == {**ANSWERS, multi.id: [values[0]]}
    assert asked(result.stderr) == IDS[len(before) :]


def test_not_sure_alone_is_accepted(interview: Interviewer) -> None:
    multi = next(q for q in ORDER if q.kind == "multi")
    answers = {**ANSWERS, multi.id: [PACK.unknown_value[multi.id]]}
    script = [*sc.target(), *sc.questions(answers, EVIDENCE), *sc.review_done()]
    data = report(interview(script, "--format", "json"))
    assert data["inputs"]["answers"] == answers
    assert all(not s.refusals for s in interview.prompter.shown)


# ---------------------------------------------------------------- (j) stdout is only the report


def test_json_stdout_is_only_the_report(interview: Interviewer) -> None:
    result = interview(full_script(), "--format", "json")
    data = report(result)  # json.loads of the whole of stdout
    assert result.stdout == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert "\x1b" not in result.stdout
    for chrome in ("This interview asks", "overall", "Check your answers"):
        assert chrome in result.stderr
        assert chrome not in result.stdout


@pytest.mark.timeout(60)
def test_the_real_prompter_draws_on_stderr_and_stdout_is_only_the_report(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One whole interview through questionary on a pipe input, drawn where production draws
    (prompt_toolkit on stderr): the seam as the scripted tests assume it, end to end."""
    keys = ih.target_keys() + ih.questions_keys(ANSWERS, EVIDENCE) + ih.review_done()
    with create_pipe_input() as pipe:
        monkeypatch.setattr(careerfix.prompting, "make_prompter", lambda: Prompter(input=pipe))
        pipe.send_text(keys)
        pipe.close()  # running out of keys gives EOFError, never a hang
        result = CliRunner().invoke(app, ["assess", "--format", "markdown"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr[-3000:]
    assert result.stdout.startswith("# Operations career report\n")
    assert "\x1b" not in result.stdout
    assert asked(result.stderr) == IDS
    prompts = ["Which role are you aiming for?", "What next?", "The number that proves it"]
    prompts += [q.prompt.get("en") for q in ORDER]
    for prompt in prompts:
        assert prompt not in result.stdout
        if len(prompt) < 70:  # longer ones are wrapped by prompt_toolkit (80 columns here)
            assert prompt in result.stderr, "the prompts are drawn on stderr"
    for chrome in ("overall", t("select_instruction", "en")):
        assert chrome in result.stderr
        assert chrome not in result.stdout
    # questionary's own English instructions are replaced by the interview's (translated) ones;
    # its "done (2 selections)" is erased on a screen (test_interview_tty.py looks at one)
    for english in ("(Use arrow keys", "<space> to select"):
        assert english not in result.stderr
