"""The interview's honest length and the short interview (``assess --quick``).

The intro's minutes come from the pack (its reading pace and time per answer, applied to the
questions' words), so a slower pace in the pack gives a longer promise. ``--quick`` asks the
pack's whole sections and one question per module chosen by the pack's rule, and the report
says so: a line in text and Markdown, an ``interview`` object in JSON (absent after a full run).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

import interview_helpers as ih
import scripted as sc
from careerfix.i18n import t
from careerfix.interview import interview_minutes, quick_questions
from careerfix.rules import check_pack, load_pack

PACK = ih.pack()
ANSWERS, EVIDENCE = ih.kol_answers()
QUICK = quick_questions(PACK)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return ih.interview_home(tmp_path, monkeypatch)


def flat(text: str) -> str:
    """The text without its spaces and line breaks: how it reads whatever the wrapping."""
    return re.sub(r"\s+", "", text)


def quick_script(lang: str = "en") -> list[sc.Step]:
    steps = sc.target(lang=lang)
    for q in QUICK:
        steps += sc.answer(q, ANSWERS[q.id], EVIDENCE.get(q.id, ""), lang=lang)
    return steps + sc.review_done(lang)


def test_the_quick_interview_is_the_packs_questions_and_one_question_per_module() -> None:
    rule = PACK.meta.interview.quick
    ids = [q.id for q in QUICK]
    assert set(rule.questions) <= set(ids)
    # Besides the named questions, only the per-module picks: nothing else of role and fit.
    named = {PACK.question_section[q] for q in rule.questions}
    assert [i for i in ids if PACK.question_section[i] in named] == [
        q.id for q in ih.order() if q.id in set(rule.questions)
    ]
    for module in PACK.modules:
        picked = [q for q in QUICK if PACK.question_section[q.id] == module.module.id]
        assert len(picked) == rule.per_module
        # the first rule, core_roles: no question of the module measures a competency that
        # more target roles need at their core
        core = {c: sum(c in r.core for r in PACK.roles.roles) for c in PACK.competencies}
        best = max(core[q.competency or ""] for q in module.questions)
        assert core[picked[0].competency or ""] == best
    assert "resume" not in {PACK.question_section[i] for i in ids}
    assert ids == [q.id for q in ih.order() if q.id in ids], "interview order"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_quick_interview_takes_about_five_minutes(lang: str) -> None:
    """What --quick is for: a first look in about five minutes by the pack's own reading pace."""
    assert interview_minutes(PACK, QUICK, lang) <= 5  # type: ignore[arg-type]
    assert interview_minutes(PACK, ih.order(), lang) >= 3 * 5  # type: ignore[arg-type]


def test_an_unknown_quick_question_is_a_located_problem(rules_copy: Path) -> None:
    path = rules_copy / "pack.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("questions: [role.employer,", "questions: [role.nope,"), "utf-8")
    pack, problems = check_pack(rules_copy)
    assert pack is None
    assert [(Path(p.file).name, p.path) for p in problems] == [
        ("pack.yaml", "interview.quick.questions[0]")
    ]
    assert "role.nope" in problems[0].format("en")


def test_the_pick_follows_the_rule_declared_in_the_pack(rules_copy: Path) -> None:
    path = rules_copy / "pack.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["interview"]["quick"]["choose_by"] = ["competency_weight"]
    data["interview"]["quick"]["per_module"] = 2
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    pack = load_pack(rules_copy)
    for module in pack.modules:
        picked = [q for q in quick_questions(pack) if q in module.questions]
        weights = sorted(pack.competencies[q.competency or ""].weight for q in module.questions)
        assert len(picked) == 2
        assert sorted(pack.competencies[q.competency or ""].weight for q in picked) == sorted(
            weights[-2:]
        )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_intro_states_the_time_computed_from_the_pack(
    monkeypatch: pytest.MonkeyPatch, rules_copy: Path, lang: str
) -> None:
    order = ih.order()
    minutes = interview_minutes(PACK, order, lang)  # type: ignore[arg-type]
    # 48 questions of prompt, hint and choices: well past the 12-15 minutes once promised
    assert minutes > 15
    script = [*sc.target(lang=lang), sc.ctrl_c()]
    result, _ = sc.run_assess(monkeypatch, script, "--lang", lang)
    assert result.exit_code == 130
    intro = t("intro", lang, n=len(order), minutes=minutes)  # type: ignore[arg-type]
    assert flat(intro) in flat(result.stderr)

    # a slower reading pace in the pack promises more time
    path = rules_copy / "pack.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["interview"]["reading_pace"][lang] /= 2
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    slower = interview_minutes(load_pack(rules_copy), order, lang)  # type: ignore[arg-type]
    assert slower > minutes + 5


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_quick_asks_only_its_questions_and_the_report_says_so(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    result, _ = sc.run_assess(
        monkeypatch, quick_script(lang), "--quick", "--format", "json", "--lang", lang
    )
    assert result.exit_code == 0, result.stderr[-3000:]
    data = json.loads(result.stdout)
    assert set(data["inputs"]["answers"]) == {q.id for q in QUICK}
    note = t("quick_note", lang, asked=len(QUICK), total=len(PACK.questions))  # type: ignore[arg-type]
    assert data["interview"] == {
        "kind": "quick",
        "asked": len(QUICK),
        "questions": len(PACK.questions),
        "note": note,
    }
    # the report schema (careerfix schema report) knows the field
    from jsonschema import Draft202012Validator

    from careerfix.models.records import adapter
    from careerfix.models.report import Report

    Draft202012Validator(adapter(Report).json_schema()).validate(data)
    minutes = interview_minutes(PACK, QUICK, lang)  # type: ignore[arg-type]
    assert minutes < interview_minutes(PACK, ih.order(), lang) / 2  # type: ignore[arg-type]
    intro = t("intro_quick", lang, n=len(QUICK), minutes=minutes)  # type: ignore[arg-type]
    assert flat(intro) in flat(result.stderr)
    assert re.search(rf"\b{len(QUICK)}/{len(QUICK)}\b", result.stderr), "progress counts the short"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_quick_reports_say_their_lower_coverage_in_a_line(
    monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    result, _ = sc.run_assess(
        monkeypatch, quick_script(), "--quick", "--format", fmt, "--no-pager", "--no-save"
    )
    assert result.exit_code == 0, result.stderr[-3000:]
    note = t("quick_note", "en", asked=len(QUICK), total=len(PACK.questions))
    assert flat(note) in flat(result.stdout)


def test_a_full_interview_report_has_no_interview_field(monkeypatch: pytest.MonkeyPatch) -> None:
    result, _ = sc.run_assess(monkeypatch, sc.full(ANSWERS, EVIDENCE, "en"), "--format", "json")
    assert result.exit_code == 0, result.stderr[-3000:]
    assert "interview" not in json.loads(result.stdout)


def test_quick_with_an_answers_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import EXAMPLES_DIR

    example = str(EXAMPLES_DIR / "platform-kol-operator.yaml")
    result, _ = sc.run_assess(monkeypatch, [], "--quick", "--answers", example)
    assert result.exit_code != 0
    assert "--quick" in result.stderr and "Traceback" not in result.stderr
