"""The smaller commands and flags: questions, roles, --help, --version, and the output language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from careerfix.i18n import t
from helpers import EXAMPLES, json_report, run_cli, shipped_pack, write

PACK = shipped_pack()
KOL = next(p for p in EXAMPLES if p.stem == "platform-kol-operator")


# ---------------------------------------------------------------- questions


def test_questions_json_template() -> None:
    result = run_cli(["questions", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["pack"] == PACK.id
    assert data["pack_version"] == PACK.version
    assert list(data["answers"]) == list(PACK.questions)
    assert all(v is None for v in data["answers"].values())
    questions = {q["id"]: q for q in data["template"]["questions"]}
    assert list(questions) == list(PACK.questions)
    for qid, q in PACK.questions.items():
        out = questions[qid]
        assert out["kind"] == q.kind
        assert [c["value"] for c in out["choices"]] == [c.value for c in q.choices]
        for choice, spec in zip(out["choices"], q.choices, strict=True):
            if q.kind == "experience" and not spec.unknown:
                assert choice["level"] == spec.level
            else:
                assert "level" not in choice
            assert choice.get("unknown", False) == spec.unknown
        assert out["competency"] == q.competency
    assert [r["id"] for r in data["template"]["roles"]] == list(PACK.role_by_id)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_questions_json_texts_follow_the_language(lang: str) -> None:
    data = json.loads(run_cli(["questions", "-f", "json", "--lang", lang]).stdout)
    first = data["template"]["questions"][0]
    assert first["prompt"] == PACK.questions[first["id"]].prompt.get(lang)
    assert data["lang"] == lang


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_yaml_template_is_a_valid_answers_file(lang: str, tmp_path: Path) -> None:
    result = run_cli(["questions", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert data["pack"] == PACK.id and data["pack_version"] == PACK.version
    assert list(data["answers"]) == list(PACK.questions)
    template = write(tmp_path / "template.yaml", result.stdout)
    assessed = run_cli(["assess", "-a", str(template)])
    assert assessed.exit_code == 0, assessed.stderr
    assert t("report_title", lang) in assessed.stdout


def test_yaml_template_can_be_filled_by_hand(tmp_path: Path) -> None:
    text = run_cli(["questions"]).stdout
    filled = text.replace("\n  role.employer:\n", "\n  role.employer: platform\n").replace(
        "\n  role.owns:\n", "\n  role.owns: [kols, activities]\n"
    )
    assert filled != text
    template = write(tmp_path / "filled.yaml", filled)
    data = json_report(["assess", "-a", str(template)])
    assert data["inputs"]["answers"] == {
        "role.employer": "platform",
        "role.owns": ["kols", "activities"],
    }


def test_json_template_filled_by_a_script_through_stdin() -> None:
    template = json.loads(run_cli(["questions", "-f", "json"]).stdout)
    example = yaml.safe_load(KOL.read_text(encoding="utf-8"))
    template["answers"].update(example["answers"])
    template["lang"] = example["lang"]
    piped = json_report(["assess", "-a", "-"], input=json.dumps(template))
    direct = json_report(["assess", "-a", str(KOL)])
    assert piped["modules"] == direct["modules"]
    assert piped["plan"] == direct["plan"]


def test_questions_output_file(tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    result = run_cli(["questions", "-o", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == run_cli(["questions"]).stdout


# ---------------------------------------------------------------- roles


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_roles_table_lists_every_role(lang: str) -> None:
    result = run_cli(["roles", "--lang", lang], env={"CAREERFIX_WIDTH": "200", "COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    for role in PACK.roles.roles:
        assert role.id in result.stdout
        assert role.name.get(lang) in result.stdout


def test_roles_json() -> None:
    result = run_cli(["roles", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["pack"] == PACK.id
    assert [r["id"] for r in data["roles"]] == list(PACK.role_by_id)
    for out in data["roles"]:
        role = PACK.role_by_id[out["id"]]
        assert out["core"] == role.core and out["core"]
        assert out["helps"] == role.helps
        assert list(out["core"]) == list(role.core)  # in pack order
        assert not set(out["core"]) & set(out["helps"])
        assert set(out["core"]) | set(out["helps"]) <= set(PACK.competencies)
        assert "modules" not in out and "competencies" not in out  # the old profile is gone
        assert out["outlook"] == role.outlook


# ---------------------------------------------------------------- help, version, usage


def test_root_help() -> None:
    result = run_cli(["--help"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Exit codes" in out
    for code in ("0 ok", "1 bad input", "2 usage", "3 invalid rules pack", "130"):
        assert code in out
    for command in ("assess", "questions", "roles", "schema", "rules"):
        assert re.search(rf"^\s+{command}\s", out, re.MULTILINE), command


def test_no_arguments_shows_help() -> None:
    result = run_cli([])
    assert "Usage" in result.stdout + result.stderr
    assert result.exit_code in (0, 2)


def test_assess_help() -> None:
    result = run_cli(["assess", "--help"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Examples:" in out
    assert "careerfix assess -a examples/platform-kol-operator.yaml --target user_ops" in out
    for flag in ("--answers", "--format", "--output", "--target", "--set", "--lang"):
        assert flag in out


def test_help_examples_name_real_files_and_roles() -> None:
    out = run_cli(["assess", "--help"]).stdout
    files = re.findall(r"examples/[\w.-]+", out)
    roles = re.findall(r"--target ([a-z_]+)", out)
    assert files and roles
    for name in files:
        assert (KOL.parent.parent / name).is_file(), name
    for role in roles:
        assert role in PACK.role_by_id


def test_version() -> None:
    from careerfix import __version__

    result = run_cli(["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"careerfix {__version__}\n"


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "-a", "x.yaml", "--format", "pdf"],
        ["assess", "-a", "x.yaml", "--lang", "fr"],
        ["assess", "--no-such-flag"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run_cli(args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""


# ---------------------------------------------------------------- language


def _without_lang(example: Path, tmp_path: Path) -> Path:
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    data.pop("lang", None)
    return write(tmp_path / "nolang.yaml", yaml.safe_dump(data, allow_unicode=True))


def test_lang_flag_changes_the_headings() -> None:
    zh = run_cli(["assess", "-a", str(KOL), "--lang", "zh"]).stdout
    en = run_cli(["assess", "-a", str(KOL), "--lang", "en"]).stdout
    target = PACK.role_by_id[json_report(["assess", "-a", str(KOL)])["target"]["id"]]
    headings = {
        key: (t(key, "zh"), t(key, "en"))
        for key in (
            "report_title",
            "summary_job",
            "modules_title",
            "evidence_title",
            "fit_title",
            "plan_soon_title",
            "roles_title",
        )
    }
    headings["path_title"] = (
        t("path_title", "zh", role=target.name.zh),
        t("path_title", "en", role=target.name.en),
    )
    for key, (in_zh, in_en) in headings.items():
        assert in_zh in zh and in_zh not in en, key
        assert in_en in en and in_en not in zh, key


def test_lang_flag_wins_over_the_file() -> None:
    data = yaml.safe_load(KOL.read_text(encoding="utf-8"))
    assert data["lang"] == "zh"
    en = run_cli(["assess", "-a", str(KOL), "--lang", "en"]).stdout
    assert t("report_title", "en") in en


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"CAREERFIX_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    ],
)
def test_locale_decides_without_flag_or_file(
    env: dict[str, str], lang: str, tmp_path: Path
) -> None:
    answers = _without_lang(KOL, tmp_path)
    result = run_cli(["assess", "-a", str(answers)], env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(t("report_title", lang))
    other = "en" if lang == "zh" else "zh"
    assert t("modules_title", other) not in result.stdout


def test_file_lang_wins_over_the_locale(tmp_path: Path) -> None:
    data = yaml.safe_load(KOL.read_text(encoding="utf-8"))
    data["lang"] = "en"
    answers = write(tmp_path / "en.yaml", yaml.safe_dump(data, allow_unicode=True))
    result = run_cli(["assess", "-a", str(answers)], env={"LANG": "zh_CN.UTF-8"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(t("report_title", "en"))


def test_questions_follow_the_locale() -> None:
    zh = run_cli(["questions", "-f", "json"], env={"LANG": "zh_CN.UTF-8"})
    assert json.loads(zh.stdout)["lang"] == "zh"


def test_json_report_records_its_language(tmp_path: Path) -> None:
    answers = _without_lang(KOL, tmp_path)
    data = json_report(["assess", "-a", str(answers)], env={"LANG": "zh_CN.UTF-8"})
    assert data["inputs"]["lang"] == "zh"
    assert data["modules"][0]["name"] == PACK.module_by_id[data["modules"][0]["id"]].module.name.zh


# ---------------------------------------------------------------- answers from an older pack


@pytest.mark.parametrize(("version", "told"), [("1.0.0", True), ("1.1.0", True), ("1.2.0", False)])
def test_older_answers_load_and_say_what_changed(tmp_path: Path, version: str, told: bool) -> None:
    pack = shipped_pack()
    source = next(p for p in EXAMPLES if p.name == "platform-kol-operator.yaml")
    text = source.read_text(encoding="utf-8").replace(
        f'pack_version: "{pack.version}"', f'pack_version: "{version}"'
    )
    answers = write(tmp_path / "old.yaml", text)
    result = run_cli(["assess", "-a", str(answers), "--lang", "en", "--format", "json"])
    assert result.exit_code == 0, result.output
    note = pack.meta.changes[0].note.en
    assert (note in result.stderr) is told
    if told:
        assert f"written for pack {version}" in result.stderr
    json.loads(result.stdout)  # the report itself is unchanged by the notice
