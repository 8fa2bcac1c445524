"""Bad answers input: exit 1, one located line per problem on stderr, never a traceback.

Every message has the shape ``careerfix: FILE[:LINE:COL]:[ FIELD:] MESSAGE``.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from careerfix.datafile import MAX_ANSWERS_BYTES
from careerfix.errors import ExitCode
from helpers import (
    EXAMPLES,
    assert_no_traceback,
    json_report,
    run_cli,
    shipped_pack,
    write,
)

PACK = shipped_pack()
ROLE_IDS = list(PACK.role_by_id)
KOL = next(p for p in EXAMPLES if p.stem == "platform-kol-operator")


def assess(source: str | Path, *extra: str, input: str | bytes | None = None) -> Result:
    return run_cli(["assess", "--answers", str(source), "--format", "json", *extra], input=input)


def problem_lines(result: Result) -> list[str]:
    """The problem lines of a failed run, after checking the general contract."""
    assert result.exit_code == ExitCode.INPUT, (result.exit_code, result.stderr)
    assert_no_traceback(result)
    assert result.stdout == "", "nothing goes to stdout on an input error"
    lines = result.stderr.splitlines()
    assert lines, "an input error must say what is wrong"
    for line in lines:
        assert line.startswith("careerfix: "), line
    return lines


def assert_problem(
    result: Result,
    file: str | Path,
    *,
    line: int | None = None,
    field: str | None = None,
    text: tuple[str, ...] = (),
) -> str:
    """At least one stderr line names ``file`` (at ``line``) and ``field``; return the first."""
    lines = problem_lines(result)
    pattern = "^careerfix: " + re.escape(str(file))
    pattern += rf":{line}:[0-9]+" if line is not None else r"(:[0-9]+:[0-9]+)?"
    pattern += ":"
    if field is not None:
        pattern += " " + re.escape(field) + ":"
    pattern += " .+$"
    matching = [x for x in lines if re.match(pattern, x)]
    assert matching, f"no line matches {pattern!r} in:\n{result.stderr}"
    for wanted in text:
        assert any(wanted in x for x in matching), (wanted, matching)
    return matching[0]


# ---------------------------------------------------------------- syntax


def test_malformed_yaml(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n\trole.title: other\n")
    assert_problem(assess(f), f, line=2, text=("YAML",))


def test_malformed_yaml_unclosed_flow(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "pack: careerfix-ops\nanswers:\n  role.owns: [kols, groups\n")
    message = assert_problem(assess(f), f, text=("YAML syntax error",))
    assert re.search(r":\d+:\d+: ", message), "a YAML syntax error has a position"


def test_malformed_json(tmp_path: Path) -> None:
    f = write(tmp_path / "a.json", '{\n  "answers": {\n    "role.title": "other",\n  }\n}\n')
    assert_problem(assess(f), f, line=4, text=("JSON syntax error",))


def test_duplicate_key(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  role.title: other\n  role.title: new_media\n")
    assert_problem(assess(f), f, line=3, text=("duplicate",))


# ---------------------------------------------------------------- ids and values


def test_unknown_question_id_suggests_the_close_one(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  role.title: other\n  role.titel: other\n")
    assert_problem(
        assess(f), f, line=3, field="answers.role.titel", text=("did you mean 'role.title'",)
    )


def test_unknown_question_id_far_from_any(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  zzz: other\n")
    message = assert_problem(assess(f), f, line=2, field="answers.zzz", text=("unknown",))
    assert "did you mean" not in message


def test_value_not_a_choice(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  role.title: boss\n")
    message = assert_problem(assess(f), f, line=2, field="answers.role.title", text=("'boss'",))
    for choice in PACK.questions["role.title"].choices:
        assert choice.value in message  # the message lists what is allowed


def test_bad_value_in_multi_choice_list_points_at_the_item(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  role.owns:\n    - kols\n    - bosses\n")
    assert_problem(assess(f), f, line=4, field="answers.role.owns[1]", text=("'bosses'",))


def test_several_problems_are_all_reported(tmp_path: Path) -> None:
    f = write(
        tmp_path / "a.yaml",
        "answers:\n  role.title: boss\n  role.kpi: money\n  role.titel: other\n",
    )
    lines = problem_lines(assess(f))
    assert len(lines) == 3
    assert_problem(assess(f), f, line=2, field="answers.role.title")
    assert_problem(assess(f), f, line=3, field="answers.role.kpi")
    assert_problem(assess(f), f, line=4, field="answers.role.titel")


def test_number_where_a_choice_is_expected(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  user.segment_work: 3\n")
    assert_problem(
        assess(f), f, line=2, field="answers.user.segment_work", text=("got a number 3",)
    )


def test_number_where_a_choice_is_expected_is_one_problem(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  role.title: 42\n")
    lines = problem_lines(assess(f))
    assert len(lines) == 1, lines


def test_mapping_as_an_answer_is_rejected(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  role.title:\n    a: b\n")
    assert_problem(assess(f), f, line=2, text=("got a mapping",))


def test_mapping_as_an_answer_names_the_plain_field(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  role.title:\n    a: b\n")
    for line in problem_lines(assess(f)):
        assert ": answers.role.title: " in line, line


def test_answers_section_must_be_a_mapping(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "pack: careerfix-ops\nanswers: [1, 2]\n")
    assert_problem(assess(f), f, line=2, field="answers", text=("got a list",))


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "- role.title\n- other\n")
    assert_problem(assess(f), f, text=("mapping",))


def test_unknown_top_level_field(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "anwsers:\n  role.title: other\n")
    assert_problem(assess(f), f, line=1, field="anwsers", text=("unknown field",))


def test_list_for_a_single_choice_question(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  role.title: [other, new_media]\n")
    assert_problem(assess(f), f, line=2, field="answers.role.title", text=("one choice",))


def test_unsure_combined_with_another_value(tmp_path: Path) -> None:
    unsure = PACK.unknown_value["role.owns"]
    f = write(tmp_path / "a.yaml", f"answers:\n  role.owns: [{unsure}, kols]\n")
    assert_problem(
        assess(f), f, line=2, field="answers.role.owns", text=(f"'{unsure}' cannot be combined",)
    )


def test_empty_multi_choice_list(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  role.owns: []\n")
    assert_problem(assess(f), f, line=2, field="answers.role.owns")


def test_evidence_for_an_unknown_question(tmp_path: Path) -> None:
    f = write(
        tmp_path / "a.yaml",
        'answers:\n  role.title: other\nevidence:\n  user.kol_wrk: "800 -> 3100"\n',
    )
    assert_problem(
        assess(f), f, line=4, field="evidence.user.kol_wrk", text=("did you mean 'user.kol_work'",)
    )


# ---------------------------------------------------------------- target, pack


def test_unknown_target_in_the_file(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "target: ceo\nanswers:\n  role.title: other\n")
    message = assert_problem(assess(f), f, line=1, field="target", text=("'ceo'",))
    for role in ROLE_IDS:
        assert role in message


def test_unknown_target_flag(tmp_path: Path) -> None:
    result = assess(KOL, "--target", "user_opps")
    lines = problem_lines(result)
    assert len(lines) == 1
    assert "--target" in lines[0]
    assert "did you mean 'user_ops'" in lines[0]
    for role in ROLE_IDS:
        assert role in lines[0]


def test_answers_for_another_pack_version(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", 'pack_version: "2.0.0"\nanswers:\n  role.title: other\n')
    assert_problem(assess(f), f, line=1, field="pack_version", text=("2.0.0", PACK.version))


def test_answers_for_another_minor_version_are_accepted(tmp_path: Path) -> None:
    major = PACK.version.split(".")[0]
    f = write(tmp_path / "a.yaml", f'pack_version: "{major}.99.0"\nanswers:\n  role.title: other\n')
    assert assess(f).exit_code == 0


def test_answers_for_another_pack(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "pack: someone-elses\nanswers:\n  role.title: other\n")
    assert_problem(assess(f), f, line=1, field="pack", text=("someone-elses", PACK.id))


# ---------------------------------------------------------------- the file itself


@pytest.mark.parametrize("content", ["", "   \n\n\t\n"], ids=["empty", "whitespace"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    f = write(tmp_path / "a.yaml", content)
    assert_problem(assess(f), f, text=("empty",))


def test_non_utf8_file(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "answers:\n  role.title: café\n".encode("latin-1"))
    assert_problem(assess(f), f, line=2, text=("UTF-8",))


def test_binary_file(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", b"answers:\x00\x01\x02\xff\xfe")
    assert_problem(assess(f), f, text=("binary",))


def test_file_over_the_size_limit_is_rejected_quickly(tmp_path: Path) -> None:
    body = "answers:\n  role.title: other\n"
    padding = MAX_ANSWERS_BYTES + 1 - len(body)
    f = write(tmp_path / "a.yaml", body + "#" * (padding - 1) + "\n")
    assert f.stat().st_size == MAX_ANSWERS_BYTES + 1
    start = time.monotonic()
    result = assess(f)
    elapsed = time.monotonic() - start
    assert_problem(result, f, text=(f"{MAX_ANSWERS_BYTES:,}",))
    assert elapsed < 2, elapsed


def test_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    body = "answers:\n  role.title: other\n"
    f = write(tmp_path / "a.yaml", body + "#" * (MAX_ANSWERS_BYTES - len(body) - 1) + "\n")
    assert f.stat().st_size == MAX_ANSWERS_BYTES
    assert assess(f).exit_code == 0


def test_stdin_over_the_size_limit(tmp_path: Path) -> None:
    text = "answers:\n  role.title: other\n" + "#" * MAX_ANSWERS_BYTES + "\n"
    result = assess("-", input=text)
    assert_problem(result, "<stdin>", text=("limit",))


def _alias_bomb(levels: int = 9, fan: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * fan) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * fan) + "]")
    lines.append("answers:\n  role.title: other")
    return "\n".join(lines) + "\n"


def test_yaml_alias_bomb_is_rejected_fast(tmp_path: Path) -> None:
    f = write(tmp_path / "bomb.yaml", _alias_bomb())
    start = time.monotonic()
    result = assess(f)
    elapsed = time.monotonic() - start
    assert_problem(result, f, text=("alias",))
    assert elapsed < 2, elapsed


def test_single_alias_is_rejected(tmp_path: Path) -> None:
    f = write(tmp_path / "a.yaml", "x: &v other\nanswers:\n  role.title: *v\n")
    assert_problem(assess(f), f, text=("alias",))


def test_python_tag_is_rejected_without_side_effect(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    f = write(
        tmp_path / "a.yaml",
        f'answers: !!python/object/apply:os.system ["touch {marker}"]\n',
    )
    assert_problem(assess(f), f, line=1, text=("tag",))
    assert not marker.exists()


def test_python_name_tag_in_json_looking_file_is_rejected(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    f = write(tmp_path / "a.yaml", f'answers: {{role.title: !!python/name:os.system "{marker}"}}\n')
    problem_lines(assess(f))
    assert not marker.exists()


def test_missing_file(tmp_path: Path) -> None:
    f = tmp_path / "nope.yaml"
    assert_problem(assess(f), f, text=("not found",))


def test_directory_as_answers(tmp_path: Path) -> None:
    assert_problem(assess(tmp_path), tmp_path, text=("directory",))


# ---------------------------------------------------------------- stdin


def test_stdin_yaml_matches_the_file() -> None:
    example = next(p for p in EXAMPLES if p.suffix == ".yaml")
    from_file = assess(example)
    from_stdin = assess("-", input=example.read_text(encoding="utf-8"))
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout


def test_stdin_json_matches_the_file() -> None:
    example = next(p for p in EXAMPLES if p.suffix == ".json")
    from_file = assess(example)
    from_stdin = assess("-", input=example.read_text(encoding="utf-8"))
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout


def test_stdin_errors_name_stdin() -> None:
    result = assess("-", input="answers:\n  role.title: boss\n")
    assert_problem(result, "<stdin>", line=2, field="answers.role.title")


def test_stdin_json_error_has_its_line() -> None:
    result = assess("-", input='{"answers":\n {"role.title": "boss"}}')
    assert_problem(result, "<stdin>", line=2, field="answers.role.title")


# ---------------------------------------------------------------- --set


def _department_findings(value: str) -> set[str]:
    """Findings that test fit.department directly and hold for ``value`` (read from the pack)."""
    out = set()
    for f in PACK.fit.findings:
        if f.when.question != "fit.department":
            continue
        options = {f.when.equals} if f.when.equals is not None else set(f.when.in_ or ())
        if value in options:
            out.add(f.id)
    return out


def _department_finding_ids() -> set[str]:
    return {f.id for f in PACK.fit.findings if f.when.question == "fit.department"}


def test_set_overrides_win_over_the_file() -> None:
    base = json_report(["assess", "-a", str(KOL)])
    assert base["inputs"]["answers"]["fit.department"] == "core"
    changed = json_report(["assess", "-a", str(KOL), "--set", "fit.department=support"])
    assert changed["inputs"]["answers"]["fit.department"] == "support"
    watched = _department_finding_ids()
    before = {f["id"] for f in base["findings"]} & watched
    after = {f["id"] for f in changed["findings"]} & watched
    assert before == _department_findings("core")
    assert after == _department_findings("support")
    assert before != after


def test_set_multi_choice_with_commas() -> None:
    data = json_report(["assess", "-a", str(KOL), "--set", "role.owns=groups, accounts"])
    assert data["inputs"]["answers"]["role.owns"] == ["groups", "accounts"]


def test_set_changes_a_competency_level() -> None:
    qid = "user.kol_work"
    comp = PACK.questions[qid].competency
    top = max(c.level for c in PACK.questions[qid].choices if c.level is not None)
    bottom_value = next(c.value for c in PACK.questions[qid].choices if c.level == 0)
    data = json_report(["assess", "-a", str(KOL), "--set", f"{qid}={bottom_value}"])
    level = next(c["level"] for c in data["competencies"] if c["id"] == comp)
    assert level == 0
    assert level != top


@pytest.mark.parametrize(
    ("pair", "words"),
    [
        ("fit.department", ("--set", "QUESTION=VALUE")),
        ("fit.department=", ("--set", "QUESTION=VALUE")),
        ("fit.departmnt=core", ("--set", "did you mean 'fit.department'")),
        ("fit.department=ceo", ("--set", "'ceo'", "support")),
        ("role.owns=kols,bosses", ("--set", "'bosses'")),
    ],
)
def test_bad_set(pair: str, words: tuple[str, ...]) -> None:
    lines = problem_lines(assess(KOL, "--set", pair))
    assert len(lines) == 1
    for word in words:
        assert word in lines[0], lines[0]


# ---------------------------------------------------------------- the empty template


def test_empty_template_loads_and_scores_as_unknown(tmp_path: Path) -> None:
    template = tmp_path / "answers.yaml"
    made = run_cli(["questions", "--output", str(template)])
    assert made.exit_code == 0, made.stderr
    data = json_report(["assess", "-a", str(template)])
    assert data["inputs"]["answers"] == {}
    assert {m["status"] for m in data["modules"]} == {"insufficient_data"}
    assert all(m["score"] is None and m["coverage"] == 0 for m in data["modules"])
    assert all(c["level"] is None for c in data["competencies"])
    assert data["target"] is None
    assert data["diagnosis"]["status"] == "undetermined"
    assert data["facts"]["answered"] == 0
    assert data["facts"]["unknown"] == len(PACK.questions)


def test_json_template_loads_and_scores_as_unknown(tmp_path: Path) -> None:
    template = tmp_path / "answers.json"
    made = run_cli(["questions", "--format", "json", "--output", str(template)])
    assert made.exit_code == 0, made.stderr
    assert json.loads(template.read_text(encoding="utf-8"))["answers"]
    data = json_report(["assess", "-a", str(template)])
    assert {m["status"] for m in data["modules"]} == {"insufficient_data"}


# ---------------------------------------------------------------- the quick check agrees with pydantic

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(["zh", "en", "fr", "", "careerfix-ops", "1.0.0", "x" * 61, "y" * 501]),
    st.text(max_size=30),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.text(max_size=8), st.integers(0, 3)), inner, max_size=3),
    ),
    max_leaves=8,
)
# Texts right at and around every length limit (20, 60, 80, 500).
_TEXTS = st.one_of(
    st.sampled_from([0, 1, 19, 20, 21, 59, 60, 61, 79, 80, 81, 499, 500, 501]).map("a".__mul__),
    st.sampled_from(["zh", "en", "fr", "ZH"]),
)
_LOOSE = st.one_of(_TEXTS, st.none(), st.booleans(), st.integers(-3, 3), _VALUES)
_MAPS = st.one_of(
    st.none(),
    _LOOSE,
    st.dictionaries(
        st.one_of(st.text(max_size=8), st.integers(0, 3)),
        st.one_of(st.none(), _TEXTS, st.lists(_TEXTS, max_size=2), st.integers(0, 3)),
        max_size=3,
    ),
)
_FILES = st.fixed_dictionaries(
    {},
    optional={
        "pack": _LOOSE,
        "pack_version": _LOOSE,
        "lang": _LOOSE,
        "target": _LOOSE,
        "answers": _MAPS,
        "evidence": _MAPS,
        "template": _VALUES,
        "answer": _VALUES,  # a typo of a real field
    },
)

_VALID = {
    "pack": "careerfix-ops",
    "pack_version": "1.0.0",
    "lang": "en",
    "target": "new_media_ops",
    "answers": {"role.title": "community_ops"},
    "evidence": {"user.segmentation": "3 segments, +12% retention"},
    "template": None,
}
# One field of a valid file changed: every limit gets tested on its own.
_ONE_CHANGE = st.builds(
    lambda name, value: {**_VALID, name: value},
    st.sampled_from([*_VALID, "answer"]),
    st.one_of(_LOOSE, _MAPS),
)


@settings(max_examples=500, deadline=None)
@given(data=st.one_of(_ONE_CHANGE, _FILES))
@example(data={**_VALID, "pack": "a" * 61})  # every limit, just over it
@example(data={**_VALID, "pack_version": "a" * 21})
@example(data={**_VALID, "target": "a" * 81})
@example(data={**_VALID, "evidence": {"user.segmentation": "a" * 501}})
@example(data={**_VALID, "evidence": {3: "x"}})
@example(data={**_VALID, "answers": {3: "x"}})
@example(data={**_VALID, "lang": "fr"})
def test_the_quick_answers_check_accepts_only_what_pydantic_accepts(data: dict[str, Any]) -> None:
    from pydantic import ValidationError

    from careerfix.answers import plain_answers_file
    from careerfix.models.answers import AnswersFile
    from careerfix.models.records import adapter, plain

    quick = plain_answers_file(data)
    try:
        checked = adapter(AnswersFile).validate_python(data)
    except ValidationError:
        checked = None
    if quick is not None:
        assert checked is not None, data
        assert plain(quick) == plain(checked)
    if checked is not None and _plainly_typed(data):
        assert quick is not None, data  # the usual case must not fall back to pydantic


def _plainly_typed(data: dict[str, Any]) -> bool:
    # pydantic's lax mode turns a few odd inputs into valid ones (a bytes text, say); the quick
    # check leaves those to pydantic. Files from YAML or JSON are plain str / dict / list.
    def ok(value: Any) -> bool:
        if isinstance(value, dict):
            return all(type(k) is str and ok(v) for k, v in value.items())
        if isinstance(value, list):
            return all(ok(v) for v in value)
        return value is None or type(value) in (str, int, bool)

    return ok(data)


@pytest.mark.parametrize(
    "data",
    [
        {"answers": {"role.title": "community_ops"}, "evidence": None},
        {"pack": "careerfix-ops", "pack_version": "1.0.0", "lang": "zh", "answers": None},
        {"answers": {}, "evidence": {"user.x": None, "user.y": "30% more"}, "template": [1]},
    ],
)
def test_the_quick_check_takes_ordinary_files(data: dict[str, Any]) -> None:
    from careerfix.answers import plain_answers_file

    assert plain_answers_file(data) is not None
