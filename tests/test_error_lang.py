"""Errors are worded in the language of the command (--lang, else CAREERFIX_LANG), same location."""

from __future__ import annotations

import re
import string
from pathlib import Path

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
