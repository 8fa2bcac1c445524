"""Bad answers input: exit 1, one located line per problem on stderr, never a traceback.

Every message has the shape ``careerfix: FILE[:LINE:COL]:[ FIELD:] MESSAGE``.
"""

from __future__ import annotations

import functools
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from typer.testing import Result

from careerfix.datafile import MAX_ANSWERS_BYTES
from careerfix.errors import ExitCode
from careerfix.models.records import Constraint
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


# ---------------------------------------------------------------- the file's shape


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "lang: fr\nlang_x: zh\n",
            [
                "1:7: lang: Input should be 'zh' or 'en'",
                "2:9: lang_x: unknown field (not part of the schema; check the spelling)",
            ],
            id="literal and unknown field",
        ),
        pytest.param(
            f'pack: "{"p" * 61}"\npack_version: "1.{"0" * 19}"\ntarget: 3\n',
            [
                "1:7: pack: String should have at most 60 characters",
                "2:15: pack_version: String should have at most 20 characters",
                "3:9: target: Input should be a valid string (got a number 3)",
            ],
            id="limits and types",
        ),
        pytest.param(
            # Fields in the record's order, whatever the file's order; then the unknown ones.
            "extra: 1\nevidence: 12\nanswers: oops\npack_version: 1.2\n",
            [
                "4:15: pack_version: Input should be a valid string (got a number 1.2)",
                "3:10: answers: Input should be a valid dictionary (got text 'oops')",
                "2:11: evidence: Input should be a valid dictionary (got a number 12)",
                "1:8: extra: unknown field (not part of the schema; check the spelling)",
            ],
            id="record order",
        ),
        pytest.param(
            f"answers: {{3: other}}\nevidence:\n  user.kol_work: [a]\n  user.segmentation: {'e' * 501}\n",
            [
                "1:14: answers.3: Input should be a valid string (got a number 3)",
                "3:3: evidence.user.kol_work: Input should be a valid string (got a list)",
                "4:22: evidence.user.segmentation: String should have at most 500 characters",
            ],
            id="inside the mappings",
        ),
        pytest.param(
            "answers:\n  1: x\n",
            ["2:6: answers.1: Input should be a valid string (got a number 1)"],
            id="a number as a question id",
        ),
        pytest.param(
            "1: 2\nanswers: {}\n",
            ["1:4: 1: Keys should be strings"],
            id="a number as a field",
        ),
        pytest.param(
            "pack: 2024-01-01\n",
            ["1:7: pack: Input should be a valid string (got date)"],
            id="a date",
        ),
        pytest.param(
            "evidence:\n  user.kol_work: !!binary aGVsbG8=\n",
            ["2:18: evidence.user.kol_work: Input should be a valid string (got bytes)"],
            id="binary is not text",
        ),
    ],
)
def test_shape_problems_are_located(tmp_path: Path, text: str, expected: list[str]) -> None:
    f = write(tmp_path / "a.yaml", text)
    assert problem_lines(assess(f)) == [f"careerfix: {f}:{line}" for line in expected]


def test_a_shape_problem_is_reported_before_the_pack_is_consulted(tmp_path: Path) -> None:
    """As before: a file of the wrong shape is not checked against the pack (one list at a time)."""
    f = write(tmp_path / "a.yaml", "lang: fr\nanswers:\n  role.titel: boss\n")
    assert problem_lines(assess(f)) == [f"careerfix: {f}:1:7: lang: Input should be 'zh' or 'en'"]


@pytest.mark.parametrize(
    "text",
    ["answers:\nevidence:\n", "pack: null\ntarget: null\nlang: null\nanswers: null\n", "{}\n"],
    ids=["empty sections", "nulls", "nothing"],
)
def test_empty_and_null_fields_are_accepted(tmp_path: Path, text: str) -> None:
    f = write(tmp_path / "a.yaml", text)
    data = json_report(["assess", "-a", str(f)])
    assert data["inputs"]["answers"] == {}
    assert data["inputs"]["evidence"] == {}


# Records declared here only to see the check read a declaration other than AnswersFile's.
@dataclass
class _Counted:
    n: int


@dataclass
class _Ranged:
    text: Annotated[str, Constraint(ge=1)]


@dataclass
class _Named:
    name: Annotated[str, Constraint(min_length=2, max_length=3, pattern=r"^[a-z]+$")]


@pytest.mark.parametrize("cls", [_Counted, _Ranged])
def test_the_check_refuses_an_annotation_it_cannot_read(cls: type) -> None:
    """A field type or limit the check does not understand fails loudly, never silently passes."""
    from careerfix.answers import _record_rule

    with pytest.raises(TypeError, match="the answers check"):
        _record_rule(cls)


def test_the_check_reads_limits_from_the_declaration() -> None:
    """Limits are the record's own: a record declared with other limits is checked by them."""
    from careerfix.answers import _record_rule

    rule = _record_rule(_Named)

    def problems(data: dict[str, Any]) -> list[str]:
        issues: list[tuple[Any, str]] = []
        rule(data, (), issues)
        return [message for _, message in issues]

    assert problems({"name": "abc"}) == []
    assert problems({"name": "a"}) == ["String should have at least 2 characters"]
    assert problems({"name": "abcd"}) == ["String should have at most 3 characters"]
    assert problems({"name": "AB"}) == ["String should match pattern '^[a-z]+$'"]
    assert problems({}) == ["missing required field"]


# ---------------------------------------------------------------- the check agrees with the schema


@functools.cache
def published_answers_schema() -> Draft202012Validator:
    result = run_cli(["schema", "answers"])
    assert result.exit_code == 0, result.stderr
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def accepted_by_the_check(data: dict[str, Any]) -> bool:
    from careerfix.answers import answers_from_data
    from careerfix.errors import AnswersError

    try:
        answers_from_data(data, None, "<data>", PACK)
    except AnswersError:
        return False
    return True


# Values of the wrong type for any field (text is wrong only where the field is a mapping).
_NUMBERS = st.one_of(
    st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False, allow_infinity=False)
)
_JSON = st.recursive(
    st.one_of(st.none(), _NUMBERS, st.text(max_size=5)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
_NOT_TEXT = st.one_of(
    _NUMBERS,
    st.lists(_JSON, max_size=2),
    st.dictionaries(st.text(max_size=3), _JSON, max_size=2),
)
_NOT_MAPPING = st.one_of(_NUMBERS, st.text(max_size=5), st.lists(_JSON, max_size=2))
_MAJOR = PACK.version.split(".")[0]


def _text(lengths: st.SearchStrategy[int], letter: str = "x") -> st.SearchStrategy[str]:
    return lengths.map(letter.__mul__)


def _version(lengths: st.SearchStrategy[int]) -> st.SearchStrategy[str]:
    # The pack's major version, then any text: every length is right for this pack.
    return lengths.map(lambda n: (f"{_MAJOR}." + "0" * n)[:n] if n > len(_MAJOR) else _MAJOR)


def _answer(qid: str, *, good: bool) -> st.SearchStrategy[Any]:
    """A value for question ``qid``: one the pack accepts (``good``), or one of a wrong shape."""
    q = PACK.questions[qid]
    values = [c.value for c in q.choices]
    if good:
        unknown = PACK.unknown_value[qid]
        known = [v for v in values if v != unknown]
        some = st.lists(st.sampled_from(known), min_size=1, max_size=3, unique=True)
        multi = [some, st.just([unknown])] if q.kind == "multi" else []
        return st.one_of(st.none(), st.sampled_from(values), *multi)
    return st.one_of(
        _NUMBERS,
        st.dictionaries(st.text(max_size=3), _JSON, max_size=2),
        st.just([]),
        st.sampled_from(values).map(lambda v: [v, v]),  # listed twice
        st.tuples(st.lists(st.sampled_from(values), max_size=2), _NOT_TEXT).map(
            lambda parts: [*parts[0], parts[1]]  # an item that is not text
        ),
    )


def _map(
    keys: list[str], good: st.SearchStrategy[Any], wrong: st.SearchStrategy[Any]
) -> tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]:
    """Mappings from ``keys`` with good values only, and with one wrong value (or no mapping)."""
    ids = st.lists(st.sampled_from(keys), max_size=4, unique=True)
    goods = st.one_of(st.none(), st.dictionaries(st.sampled_from(keys), good, max_size=4))
    one_wrong = ids.flatmap(
        lambda rest: st.sampled_from(keys).flatmap(
            lambda bad: st.fixed_dictionaries({**{k: good for k in rest if k != bad}, bad: wrong})
        )
    )
    return goods, st.one_of(_NOT_MAPPING, one_wrong)


_EXPERIENCE = [qid for qid, q in PACK.questions.items() if q.kind == "experience"]
_QIDS = list(PACK.questions)
_GOOD_ANSWERS = st.one_of(
    st.none(),
    st.lists(st.sampled_from(_QIDS), max_size=4, unique=True).flatmap(
        lambda ids: st.fixed_dictionaries({qid: _answer(qid, good=True) for qid in ids})
    ),
)
_WRONG_ANSWERS = st.one_of(
    _NOT_MAPPING,
    st.lists(st.sampled_from(_QIDS), min_size=1, max_size=4, unique=True).flatmap(
        lambda ids: st.fixed_dictionaries(
            {ids[0]: _answer(ids[0], good=False)}
            | {qid: _answer(qid, good=True) for qid in ids[1:]}
        )
    ),
)
_GOOD_EVIDENCE, _WRONG_EVIDENCE = _map(
    _EXPERIENCE,
    st.one_of(st.none(), _text(st.integers(0, 500), "e")),
    st.one_of(_text(st.integers(501, 505), "e"), _NOT_TEXT),
)
# Each field: values an answers file may hold, where every value the pack decides (its id,
# major version, roles, question ids and choices) is one it accepts; and near misses: wrong
# types, texts over their limit, unknown fields.
_GOOD = {
    "pack": st.sampled_from([PACK.id, None]),
    "pack_version": st.one_of(st.none(), _version(st.integers(1, 20))),
    "lang": st.sampled_from(["zh", "en", None]),
    "target": st.one_of(st.none(), st.sampled_from(ROLE_IDS)),
    "answers": _GOOD_ANSWERS,
    "evidence": _GOOD_EVIDENCE,
    "template": _JSON,
}
_WRONG = {
    "pack": st.one_of(_text(st.integers(61, 64)), _NOT_TEXT),
    "pack_version": st.one_of(_version(st.integers(21, 24)), _NOT_TEXT),
    "lang": st.one_of(st.sampled_from(["fr", "ZH", ""]), _NOT_TEXT),
    "target": st.one_of(_text(st.integers(81, 84)), _NOT_TEXT),
    "answers": _WRONG_ANSWERS,
    "evidence": _WRONG_EVIDENCE,
    "answer": _JSON,  # a typo of a real field
    "Lang": _JSON,
}
_VALID = st.fixed_dictionaries({}, optional=_GOOD)
_DOCUMENTS = st.one_of(
    _VALID,
    st.tuples(_VALID, st.sampled_from(sorted(_WRONG))).flatmap(
        lambda pair: _WRONG[pair[1]].map(lambda value: {**pair[0], pair[1]: value})
    ),
    st.fixed_dictionaries(
        {},
        optional={
            name: st.one_of(_GOOD.get(name, st.nothing()), _WRONG.get(name, st.nothing()))
            for name in {**_GOOD, **_WRONG}
        },
    ),
)


@settings(max_examples=400, deadline=None)
@given(data=_DOCUMENTS)
@example(data={"pack_version": f"{_MAJOR}." + "0" * (19 - len(_MAJOR))})  # right at a limit
@example(data={"evidence": {_EXPERIENCE[0]: "e" * 500}})
@example(data={"evidence": {_EXPERIENCE[0]: "e" * 501}})
@example(data={"answers": None, "evidence": None})  # what the YAML template leaves empty
@example(data={"answers": {"role.owns": []}})
def test_the_published_schema_accepts_exactly_what_the_check_accepts(data: dict[str, Any]) -> None:
    by_schema = published_answers_schema().is_valid(data)
    assert by_schema == accepted_by_the_check(data), (by_schema, data)


# Anything at all, the pack's own values or not: the check never accepts what the schema refuses.
_LOOSE = st.one_of(
    _JSON,
    st.sampled_from(["zh", "en", "fr", PACK.id, PACK.version, *ROLE_IDS]),
    _text(st.sampled_from([0, 1, 19, 20, 21, 59, 60, 61, 79, 80, 81, 499, 500, 501])),
)
_LOOSE_MAP = st.one_of(
    _LOOSE,
    st.dictionaries(
        st.one_of(st.sampled_from(list(PACK.questions)), st.text(max_size=8), st.integers(0, 3)),
        st.one_of(_LOOSE, st.lists(_LOOSE, max_size=3)),
        max_size=3,
    ),
)
_ANYTHING = st.fixed_dictionaries(
    {},
    optional={
        "pack": _LOOSE,
        "pack_version": _LOOSE,
        "lang": _LOOSE,
        "target": _LOOSE,
        "answers": st.one_of(_LOOSE_MAP, _GOOD_ANSWERS, _WRONG_ANSWERS),
        "evidence": st.one_of(_LOOSE_MAP, _GOOD_EVIDENCE, _WRONG_EVIDENCE),
        "template": _JSON,
        "answer": _JSON,
    },
)


@settings(max_examples=300, deadline=None)
@given(data=_ANYTHING)
def test_the_check_never_accepts_what_the_schema_refuses(data: dict[str, Any]) -> None:
    if accepted_by_the_check(data):
        assert published_answers_schema().is_valid(data), data


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_templates_are_valid_by_the_published_schema(fmt: str) -> None:
    import yaml

    result = run_cli(["questions", "--format", fmt])
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert published_answers_schema().is_valid(data)
    assert accepted_by_the_check(data)
