"""Errors are worded in the language of the command (--lang, else CAREERFIX_LANG), same location."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
from tests.helpers import run_cli

from careerfix import i18n

CASES = [
    # (file content, English message, Chinese message)
    (b"", "file is empty", "文件是空的"),
    (
        b"\x00\x01",
        "looks like a binary file, not YAML or JSON text",
        "看起来是二进制文件，不是 YAML 或 JSON 文本",
    ),
    (
        b"lang: en\n\xff\n",
        "is not UTF-8 text (byte 0xff at offset 9); save it as UTF-8",
        "不是 UTF-8 文本（偏移 9 处的字节 0xff）；请另存为 UTF-8",
    ),
]


@pytest.mark.parametrize(("content", "en", "zh"), CASES)
@pytest.mark.parametrize("how", ["flag", "env"])
def test_bad_answers_file_in_chinese(
    tmp_path: Path, content: bytes, en: str, zh: str, how: str
) -> None:
    f = tmp_path / "a.yaml"
    f.write_bytes(content)
    base = ["assess", "--answers", str(f), "--format", "json"]
    english = run_cli(base)
    assert english.exit_code == 1
    assert english.stderr.rstrip("\n").endswith(f" {en}")
    chinese = (
        run_cli([*base, "--lang", "zh"])
        if how == "flag"
        else run_cli(base, env={"CAREERFIX_LANG": "zh"})
    )
    assert chinese.exit_code == 1
    assert chinese.stderr == english.stderr.replace(en, zh)


def test_missing_file_in_chinese(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    result = run_cli(["assess", "--answers", missing, "--lang", "zh"])
    assert result.exit_code == 1
    assert "找不到文件" in result.stderr
    assert (
        "file not found"
        in run_cli(
            ["assess", "--answers", missing, "--lang", "en"], env={"CAREERFIX_LANG": "zh"}
        ).stderr
    )


def _keys_used(path: Path) -> set[str]:
    return set(re.findall(r'Said\.of\(\s*"([a-z0-9_]+)"', path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("module", ["answers.py", "datafile.py", "rules.py", "errors.py"])
def test_message_keys_exist_in_both_languages(module: str) -> None:
    src = Path(i18n.__file__).parent / module
    for key in _keys_used(src):
        assert i18n.has_message(key), key
        zh, en = i18n._MESSAGES[key]
        names = [{n for _, n, _, _ in string.Formatter().parse(text) if n} for text in (zh, en)]
        assert names[0] == names[1], key


# ---------------------------------------------------------------- answers, --set, --target, rules check

# Three English words in a row: what an untranslated message would leave in Chinese output.
_ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}")


def _assert_worded(english: str, chinese: str, en: str, zh: str) -> None:
    """The Chinese output is the English one with the message put into Chinese: same prefix."""
    assert en in english, english
    assert chinese == english.replace(en, zh)
    assert not _ENGLISH_WORDS.search(chinese), chinese


def _choices(qid: str) -> str:
    from careerfix.rules import load_pack

    return ", ".join(c.value for c in load_pack().questions[qid].choices)


def _roles() -> str:
    from careerfix.rules import load_pack

    return ", ".join(load_pack().role_by_id)


ANSWERS_CASES = [
    # (id, file content, English message, Chinese message), messages as callables of nothing
    (
        "wrong-type",
        "answers:\n  role.title: other\nevidence:\n  user.kol_work: 3\n",
        lambda: "Input should be a valid string (got a number 3)",
        lambda: "应为文本（实际是数字 3）",
    ),
    (
        "unknown-question",
        "answers:\n  role.titel: other\n",
        lambda: "unknown question id (did you mean 'role.title'?)",
        lambda: "未知的问题 id（是不是「role.title」？）",
    ),
    (
        "not-a-choice",
        "answers:\n  role.title: ceo\n",
        lambda: f"'ceo' is not a choice here (choices: {_choices('role.title')})",
        lambda: f"「ceo」不是这里的选项（选项：{_choices('role.title')}）",
    ),
    (
        "listed-twice",
        "answers:\n  role.owns: [groups, groups]\n",
        lambda: "a value is listed twice",
        lambda: "有一个值列出了两次",
    ),
    (
        "too-long-evidence",
        "answers:\n  role.title: other\nevidence:\n  user.kol_work: " + "x" * 501 + "\n",
        lambda: "String should have at most 500 characters",
        lambda: "文本最多只能有 500 个字符",
    ),
    (
        "unknown-target",
        "target: nope\nanswers:\n  role.title: other\n",
        lambda: f"unknown role 'nope' (roles: {_roles()})",
        lambda: f"未知角色「nope」（角色：{_roles()}）",
    ),
]


@pytest.mark.parametrize(
    ("content", "en", "zh"), [c[1:] for c in ANSWERS_CASES], ids=[c[0] for c in ANSWERS_CASES]
)
def test_answers_file_problems_in_chinese(tmp_path: Path, content: str, en: Any, zh: Any) -> None:
    f = tmp_path / "a.yaml"
    f.write_text(content, encoding="utf-8")
    base = ["assess", "--answers", str(f), "--format", "json"]
    english = run_cli([*base, "--lang", "en"])
    chinese = run_cli([*base, "--lang", "zh"])
    assert english.exit_code == chinese.exit_code == 1
    _assert_worded(english.stderr, chinese.stderr, en(), zh())


OPTION_CASES = [
    (
        ["--set", "fit.departmnt=core"],
        "--set 'fit.departmnt=core': unknown question 'fit.departmnt' "
        "(did you mean 'fit.department'?)",
        "--set 'fit.departmnt=core'：未知问题「fit.departmnt」（是不是「fit.department」？）",
    ),
    (
        ["--set", "fit.department"],
        "--set 'fit.department': expected QUESTION=VALUE, e.g. --set role.employer=platform",
        "--set 'fit.department'：应为 QUESTION=VALUE，例如 --set role.employer=platform",
    ),
    (
        ["--target", "user_opps"],
        "--target: unknown role 'user_opps' (did you mean 'user_ops'?); roles: {roles} "
        "(see 'careerfix roles')",
        "--target：未知角色「user_opps」（是不是「user_ops」？）；角色：{roles}（见「careerfix roles」）",
    ),
]


@pytest.mark.parametrize(("extra", "en", "zh"), OPTION_CASES)
def test_option_errors_in_chinese(extra: list[str], en: str, zh: str) -> None:
    from tests.helpers import EXAMPLES

    kol = next(p for p in EXAMPLES if p.stem == "platform-kol-operator")
    base = ["assess", "--answers", str(kol), "--format", "json", *extra]
    english = run_cli([*base, "--lang", "en"])
    chinese = run_cli([*base, "--lang", "zh"])
    assert english.exit_code == chinese.exit_code == 1
    en, zh = en.format(roles=_roles()), zh.format(roles=_roles())
    assert english.stderr == f"careerfix: {en}\n"
    assert chinese.stderr == f"careerfix: {zh}\n"


LEVEL_4 = "        level: 4\n        text:\n          zh: 设计了团队共用的标签或分层体系"
UNSURE = (
    '          en: "Designed the tagging or tier system the team uses"\n'
    "      - value: unsure\n        unknown: true\n"
)

PACK_CASES = [
    # (id, file, old, new, English message, Chinese message)
    (
        "pydantic-limit",
        "modules/user.yaml",
        LEVEL_4,
        LEVEL_4.replace("level: 4", "level: 5"),
        "Input should be less than or equal to 4",
        "应小于或等于 4",
    ),
    (
        "pydantic-literal",
        "diagnosis.yaml",
        "  - id: role.title\n    kind: single\n",
        "  - id: role.title\n    kind: singel\n",
        "Input should be 'experience', 'single' or 'multi'",
        "应为 'experience', 'single' 或 'multi'",
    ),
    (
        "custom-error",
        "modules/user.yaml",
        UNSURE,
        UNSURE + "        level: 1\n",
        "a 'not sure' choice is scored as unknown and takes no level",
        "「不确定」选项按未知计分，不带等级",
    ),
    (
        "cross-file",
        "diagnosis.yaml",
        "tie_order: [content_review,",
        "tie_order: [content_review, content_review,",
        "verdict 'content_review' is listed twice",
        "结论「content_review」列了两次",
    ),
]


@pytest.mark.parametrize(
    ("rel", "old", "new", "en", "zh"), [c[1:] for c in PACK_CASES], ids=[c[0] for c in PACK_CASES]
)
def test_rules_check_in_chinese(
    rules_copy: Path, rel: str, old: str, new: str, en: str, zh: str
) -> None:
    target = rules_copy / rel
    text = target.read_text(encoding="utf-8")
    assert text.count(old) == 1
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    english = run_cli(["rules", "check", str(rules_copy), "--lang", "en"])
    chinese = run_cli(["rules", "check", str(rules_copy), "--lang", "zh"])
    assert english.exit_code == chinese.exit_code == 3
    line = next(x for x in english.stdout.splitlines() if x.endswith(f" {en}"))
    assert line.startswith(f"{target}:")
    assert chinese.stdout == english.stdout.replace(en, zh)
    assert not _ENGLISH_WORDS.search(chinese.stdout), chinese.stdout


def test_pack_error_kinds_in_both_languages() -> None:
    """Every custom_error kind raised by the pack's records has a pack_<kind> text in zh and en,
    the English one as the record writes it (so the English output does not change)."""
    src = (Path(i18n.__file__).parent / "models" / "pack.py").read_text(encoding="utf-8")
    raised = re.findall(r'custom_error\(\s*"([a-z_]+)",\s*"([^"]+)"', src)
    assert len(raised) >= 15
    english = {en for key, (_, en) in i18n._MESSAGES.items() if key.startswith("pack_")}
    for kind, message in raised:
        assert i18n.has_message(f"pack_{kind}"), kind
        assert message in english, message


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["assess", "--lang", "zh"], "zh"),
        (["assess", "--lang=ZH"], "zh"),
        (["assess", "--lang", "En"], "en"),
        (["assess", "--lang", "fr"], None),
        (["assess", "--", "--lang", "zh"], None),  # after "--" it is an argument
        (["assess", "--lang"], None),
    ],
)
def test_the_language_of_a_command_line_is_read_as_click_reads_it(
    argv: list[str], lang: str | None
) -> None:
    assert i18n.lang_in_argv(argv) == lang
