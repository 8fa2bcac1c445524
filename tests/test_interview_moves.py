"""Moving around the interview: the back key, the review's search and changes, pre-filled answers.

In-process, answered by the scripted prompter (tests/scripted.py); the real key is pressed in a
pty by test_interview_tty.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import scripted as sc
import test_interview as ti
from careerfix.i18n import t
from careerfix.models.pack import Question
from test_interview import (
    ANSWERS,
    EVIDENCE,
    IDS,
    ORDER,
    PACK,
    Interviewer,
    asked,
    message,
    read_draft,
    report,
)

# test_interview's fixtures, shared: a fresh home, a pretended terminal, the scripted prompter.
home, draft_file, interview = ti.home, ti.draft_file, ti.interview

BACK = t("back_hint", "en")


def first_index(pred: object) -> int:
    return next(i for i, q in enumerate(ORDER) if pred(q))  # type: ignore[operator]


def ticks(q: Question) -> tuple[str, ...]:
    """A multi-choice's kept answer as its checkbox shows it ticked (in the choices' order)."""
    return tuple(c.value for c in q.choices if c.value in ANSWERS[q.id])


def test_back_at_the_first_question_returns_to_the_target(interview: Interviewer) -> None:
    role = PACK.roles.roles[1].id
    script = [*sc.target(role), sc.go_back("select", message=message(0))]
    # The target opens on the role chosen before.
    script += [sc.pick(sc.ih.SUGGEST, message=t("ask_target", "en"), default=role)]
    script += [*sc.questions(ANSWERS, EVIDENCE), *sc.review_done()]
    result = interview(script, "--format", "json")
    data = report(result)
    assert data["inputs"]["answers"] == ANSWERS
    assert data["inputs"]["target"] is None
    shown = interview.prompter.shown
    assert shown[0].back is None, "no back from the first step"
    assert shown[1].back == BACK
    assert asked(result.stderr) == [IDS[0], *IDS]


def test_the_first_question_offers_no_back_when_the_target_is_a_flag(
    interview: Interviewer,
) -> None:
    script = [*sc.questions(ANSWERS, EVIDENCE), *sc.review_done()]
    report(interview(script, "--target", PACK.roles.roles[0].id, "--format", "json"))
    shown = interview.prompter.shown
    assert shown[0].message == message(0)
    assert shown[0].back is None
    assert shown[1].back == BACK


def test_back_in_the_middle_reasks_the_previous_question_with_its_answer(
    interview: Interviewer,
) -> None:
    k = first_index(lambda q: q.id in EVIDENCE) + 1  # the one before k has an evidence line
    prev = ORDER[k - 1]
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, upto=k)]
    script += [sc.go_back(message=message(k))]
    new = next(c.value for c in prev.choices if c.level == 1)
    script += sc.answer(prev, new, current=ANSWERS[prev.id])
    script += [*sc.questions(ANSWERS, EVIDENCE, skip=IDS[:k]), *sc.review_done()]
    result = interview(script, "--format", "json")
    data = report(result)
    assert data["inputs"]["answers"] == {**ANSWERS, prev.id: new}
    assert prev.id not in data["inputs"]["evidence"], "a level-1 answer drops its proof"
    # Progress stays true: each header names the question's own place.
    assert asked(result.stderr) == [*IDS[: k + 1], IDS[k - 1], *IDS[k:]]


def test_back_twice_then_forward_keeps_every_answer_as_the_default(
    interview: Interviewer,
) -> None:
    k = first_index(lambda q: q.kind == "multi") + 1  # just after a multi-choice
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, upto=k)]
    script += [sc.go_back(message=message(k))]
    script += [sc.go_back("checkbox", message=message(k - 1), default=ticks(ORDER[k - 1]))]
    for q in ORDER[k - 2 : k]:  # forward again: Enter keeps each kept answer
        default = ticks(q) if q.kind == "multi" else ANSWERS[q.id]
        script += [sc.keep("checkbox" if q.kind == "multi" else "select", default=default)]
        if sc.ih.needs_evidence(q, ANSWERS[q.id]):
            script += [sc.keep("text", default=EVIDENCE.get(q.id, ""))]
    script += [*sc.questions(ANSWERS, EVIDENCE, skip=IDS[:k]), *sc.review_done()]
    result = interview(script, "--format", "json")
    data = report(result)
    assert data["inputs"]["answers"] == ANSWERS
    assert data["inputs"]["evidence"] == EVIDENCE


def test_back_from_the_evidence_line_reasks_the_same_choice(
    interview: Interviewer, draft_file: Path
) -> None:
    k = first_index(lambda q: q.id in EVIDENCE)
    q = ORDER[k]
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, upto=k)]
    script += [sc.choice(q, ANSWERS[q.id]), sc.go_back("text", message=t("evidence_q", "en"))]
    low = next(c.value for c in q.choices if c.level == 1)
    script += [sc.choice(q, low, current=ANSWERS[q.id]), sc.ctrl_c(message=message(k + 1))]
    result = interview(script, "--format", "json")
    assert result.exit_code == 130
    saved = read_draft(draft_file)
    assert saved["answers"] == {**{i: ANSWERS[i] for i in IDS[:k]}, q.id: low}
    assert saved["pending_evidence"] is None, "a level-1 answer asks for no proof on resume"
    assert q.id not in saved["evidence"]
    assert interview.prompter.shown[-3].back == BACK, "the evidence line offers back"


def test_ctrl_c_after_going_back_loses_no_answer(interview: Interviewer, draft_file: Path) -> None:
    k = 6
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, upto=k)]
    script += [sc.go_back(message=message(k)), sc.go_back(message=message(k - 1))]
    script += [sc.ctrl_c(message=message(k - 2))]
    result = interview(script, "--format", "json")
    assert result.exit_code == 130
    saved = read_draft(draft_file)
    assert saved["answers"] == {qid: ANSWERS[qid] for qid in IDS[:k]}
    # Resuming asks only what was never answered.
    script = [*sc.questions(ANSWERS, EVIDENCE, skip=IDS[:k]), *sc.review_done()]
    data = report(interview(script, "--resume", "--format", "json"))
    assert data["inputs"]["answers"] == ANSWERS
    assert data["inputs"]["evidence"] == EVIDENCE


def test_back_from_an_interrupted_evidence_line_on_resume_reasks_its_choice(
    interview: Interviewer, draft_file: Path
) -> None:
    k = first_index(lambda q: q.id in EVIDENCE)
    q = ORDER[k]
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, upto=k)]
    script += [sc.choice(q, ANSWERS[q.id]), sc.ctrl_c("text")]
    assert interview(script, "--format", "json").exit_code == 130
    assert read_draft(draft_file)["pending_evidence"] == q.id
    script = [sc.go_back("text", message=t("evidence_q", "en"))]
    script += sc.answer(q, ANSWERS[q.id], EVIDENCE[q.id], current=ANSWERS[q.id])
    script += [*sc.questions(ANSWERS, EVIDENCE, skip=IDS[: k + 1]), *sc.review_done()]
    data = report(interview(script, "--resume", "--format", "json"))
    assert data["inputs"]["answers"] == ANSWERS
    assert data["inputs"]["evidence"] == EVIDENCE


def test_the_back_hint_is_translated() -> None:
    assert "Ctrl-B" in t("back_hint", "zh")
    assert t("back_hint", "zh") != t("back_hint", "en")


# ---------------------------------------------------------------- the review


def test_the_review_finds_the_question_by_typing_and_names_its_module(
    interview: Interviewer,
) -> None:
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE)]
    script += [sc.pick("change", message=t("review_action", "en")), sc.pick("__back__")]
    script += sc.review_done()
    report(interview(script, "--format", "json"))
    picks = next(s for s in interview.prompter.shown if s.message == t("review_pick", "en"))
    assert picks.search, "type-to-filter"
    assert picks.instruction == t("review_search", "en")
    assert picks.values == ["__back__", *IDS]
    for _sid, name, questions in PACK.sections:
        for k, q in enumerate(questions, 1):
            title = dict(picks.choices)[q.id]
            assert title.startswith(f"{name.get('en')} {k}. "), title


def test_after_a_change_only_the_change_shows_and_show_all_reprints_the_review(
    interview: Interviewer,
) -> None:
    q = next(q for q in ORDER if q.kind == "single")
    new = next(c.value for c in q.choices if c.value != ANSWERS[q.id])
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE)]
    script += sc.review_change(q.id, new, answers=ANSWERS)
    # The same answer again: nothing changed.
    script += sc.review_change(q.id, new, answers={q.id: new})
    script += [sc.pick("all", message=t("review_action", "en"))]
    script += sc.review_done()
    result = interview(script, "--format", "json")
    assert report(result)["inputs"]["answers"] == {**ANSWERS, q.id: new}
    err = result.stderr
    assert err.count(t("review_title", "en")) == 2, "once at first, once for show all"
    first_review, rest = err.split(t("review_title", "en"))[1:]
    changes = first_review[first_review.index("Changed: ") :]
    assert changes.count("Changed: ") == 1
    assert "Answer: " in changes and " → " in changes
    assert "Nothing changed." in changes
    # "Show all" is offered only while the whole review is not the last thing shown.
    menus = [s for s in interview.prompter.shown if s.message == t("review_action", "en")]
    assert [("all" in m.values) for m in menus] == [False, True, True, False]
    assert rest.count(q.prompt.get("en")[:30]) == 1


def test_back_at_a_changed_question_returns_to_the_menu(interview: Interviewer) -> None:
    qid = IDS[3]
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE)]
    script += [sc.pick("change"), sc.pick(qid), sc.go_back(message=message(3))]
    script += sc.review_done()
    result = interview(script, "--format", "json")
    assert report(result)["inputs"]["answers"] == ANSWERS
    assert "Changed" not in result.stderr


def test_the_quick_review_lists_only_the_questions_asked(interview: Interviewer) -> None:
    from careerfix.interview import quick_questions

    quick = quick_questions(PACK)
    assert len(quick) < len(ORDER)
    script = [*sc.target()]
    for q in quick:
        script += sc.answer(q, ANSWERS[q.id], EVIDENCE.get(q.id, ""))
    script += [sc.pick("change"), sc.pick("__back__"), *sc.review_done()]
    result = interview(script, "--quick", "--format", "json")
    report(result)
    picks = next(s for s in interview.prompter.shown if s.message == t("review_pick", "en"))
    assert picks.values == ["__back__", *(q.id for q in quick)]
    review = result.stderr.split(t("review_title", "en"))[1]
    # The questions left out are unanswered: a full review would list them as such.
    assert t("not_answered", "en") not in review


# ---------------------------------------------------------------- pre-filled answers


def partial_file(tmp_path: Path, ids: list[str], unsure: list[str]) -> Path:
    import yaml

    data = {
        "pack": PACK.id,
        "pack_version": PACK.version,
        "lang": "en",
        "answers": {
            **{qid: ANSWERS[qid] for qid in ids},
            **{qid: unknown(qid) for qid in unsure},
        },
        "evidence": {qid: EVIDENCE[qid] for qid in ids if qid in EVIDENCE},
    }
    path = tmp_path / "partial.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def unknown(qid: str) -> str | list[str]:
    value = PACK.unknown_value[qid]
    return [value] if PACK.questions[qid].kind == "multi" else value


def test_an_answers_file_prefills_and_only_the_rest_is_asked(
    interview: Interviewer, tmp_path: Path, draft_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERFIX_WIDTH", "200")  # the review's marks on one line each
    known, unsure = IDS[:20], IDS[20:22]
    by_flag = next(q for q in ORDER[30:] if q.kind == "single")
    flag_value = next(c.value for c in by_flag.choices if not c.unknown)
    path = partial_file(tmp_path, known, unsure)
    script: list[sc.Step] = [*sc.target()]
    missing = [q for q in ORDER if q.id not in known and q.id != by_flag.id]
    for q in missing:
        # A "not sure" from the file is asked again, offered as the default.
        current = unknown(q.id) if q.id in unsure else None
        script += sc.answer(q, ANSWERS[q.id], EVIDENCE.get(q.id, ""), current=current)
    script += sc.review_done()
    args = ["--answers", str(path), "--interactive", "--set", f"{by_flag.id}={flag_value}"]
    result = interview(script, *args, "--format", "json")
    data = report(result)
    assert data["inputs"]["answers"] == {**ANSWERS, by_flag.id: flag_value}
    assert data["inputs"]["evidence"] == EVIDENCE
    assert asked(result.stderr) == [q.id for q in missing]
    text = " ".join(result.stderr.split())
    assert f"{len(known) + 1} answers filled in beforehand; {len(missing)} questions left" in text
    review = text.split(t("review_title", "en"))[1]
    assert review.count(t("from_file", "en")) == len(known)
    assert review.count(t("from_set", "en")) == 1
    assert not draft_file.exists()


def test_prefilled_answers_are_saved_at_once(
    interview: Interviewer, tmp_path: Path, draft_file: Path
) -> None:
    path = partial_file(tmp_path, IDS[:10], [])
    script = [*sc.target(), sc.ctrl_c(message=message(10))]
    result = interview(script, "--answers", str(path), "--interactive", "--format", "json")
    assert result.exit_code == 130
    assert read_draft(draft_file)["answers"] == {qid: ANSWERS[qid] for qid in IDS[:10]}


def test_a_set_answer_changed_at_the_review_is_not_overridden_again(
    interview: Interviewer,
) -> None:
    q = next(q for q in ORDER if q.kind == "single")
    given, changed = [c.value for c in q.choices if not c.unknown and c.value != ANSWERS[q.id]][:2]
    script = [*sc.target(), *sc.questions(ANSWERS, EVIDENCE, skip=[q.id])]
    script += sc.review_change(q.id, changed, answers={q.id: given})
    script += sc.review_done()
    result = interview(script, "--set", f"{q.id}={given}", "--format", "json")
    assert report(result)["inputs"]["answers"] == {**ANSWERS, q.id: changed}
    assert q.id not in asked(result.stderr)[:-1], "a --set answer is not asked"


def test_interactive_needs_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from careerfix.cli import app

    monkeypatch.setenv("CAREERFIX_HOME", str(tmp_path / "home"))

    path = partial_file(tmp_path, IDS[:5], [])
    result = CliRunner().invoke(app, ["assess", "--answers", str(path), "--interactive"])
    assert result.exit_code == 4, result.output
    plain = CliRunner().invoke(app, ["assess", "-a", str(path), "-f", "json", "--no-save"])
    assert plain.exit_code == 0, "without --interactive, a partial file is scored as it is"
