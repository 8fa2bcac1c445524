"""Every ``--help`` page and click's usage errors follow the language (--lang anywhere on the
command line, else CAREERFIX_LANG): in Chinese nothing is left in English but names (options,
metavars, commands, examples, files, ids), and every entry of the catalogue is used."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.core import TyperCommand
from typer.testing import Result

from careerfix import cli_help
from careerfix.cli import app
from careerfix.docgen import subcommands
from careerfix.i18n import HELP_ZH
from helpers import REPO_ROOT, run_cli


def _walk(cmd: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, sub in subcommands(cmd).items():
        if not sub.hidden:
            yield from _walk(sub, (*path, name))


ALL = list(_walk(typer.main.get_command(app)))


def _id(path: tuple[str, ...]) -> str:
    return " ".join(path) or "careerfix"


def _help(path: tuple[str, ...], how: str) -> Result:
    if how == "flag":
        return run_cli([*path, "--help", "--lang", "zh"], env={"COLUMNS": "80"})
    return run_cli([*path, "--help"], env={"COLUMNS": "80", "CAREERFIX_LANG": "zh"})


CJK = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"


def english_runs(text: str) -> list[str]:
    """Runs of three or more English words, once names are set aside: example command lines,
    ``careerfix COMMAND`` references, options, metavars, quoted values, files and ids."""
    runs: list[str] = []
    for line in text.splitlines():
        body = line.strip()
        if re.match(r"(ssh \S+ )?careerfix ", body) and not re.search(f"[{CJK}]", body):
            continue  # an example
        body = re.sub(r"careerfix(?: [a-z]+)*", " ", body)
        # Options, metavars ([OPTIONS], <zh|en>, {ID}), quoted values, env vars, files, ids.
        body = re.sub(r"(?<![A-Za-z])[-\[<{'$]\S*|\S*[./_~=|](?=\S)\S*", " ", body)
        body = re.sub(r"\b[A-Z][A-Z0-9]*\b", " ", body)  # FILE, DIR, N; JSON, YAML
        body = re.sub(rf"[{CJK}]", "。", body)
        runs += re.findall(r"[A-Za-z]+(?: +[A-Za-z]+){2,}", body)
    return runs


def test_english_runs_finds_leftovers_and_skips_names() -> None:
    assert english_runs("选项：\n  --db FILE  Show this message and exit.") == [
        "Show this message and exit"
    ]
    assert english_runs("  careerfix history list --person alice --format json") == []
    assert english_runs("用法：careerfix rules source [OPTIONS] {ID}") == []
    assert english_runs("计划项（careerfix plan done N）和 'a b c' 与 FILE DIR") == []


# ---------------------------------------------------------------- help pages


@pytest.mark.parametrize("how", ["flag", "env"])
@pytest.mark.parametrize("path", ALL, ids=_id)
def test_help_is_chinese(path: tuple[str, ...], how: str) -> None:
    result = _help(path, how)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("用法：careerfix"), out
    assert "选项：" in out and "显示本帮助并退出。" in out
    assert english_runs(out) == [], out
    for line in out.splitlines():
        assert cli_help.display_width(line) <= 80, line
        assert line.lstrip()[:1] not in set("，。、：；）」"), line


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_flag_and_env_give_the_same_page(path: tuple[str, ...]) -> None:
    assert _help(path, "flag").stdout == _help(path, "env").stdout


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_lang_en_wins_over_the_env_and_is_the_english_page(path: tuple[str, ...]) -> None:
    english = run_cli([*path, "--help"], env={"COLUMNS": "80"})
    forced = run_cli(
        [*path, "--help", "--lang", "en"], env={"COLUMNS": "80", "CAREERFIX_LANG": "zh"}
    )
    assert forced.exit_code == 0
    assert forced.stdout == english.stdout
    assert "Usage: careerfix" in english.stdout and "用法" not in english.stdout


def test_root_help_in_chinese_keeps_its_groups_and_exit_codes() -> None:
    out = _help((), "flag").stdout
    headings = re.findall(r"^(\S[^：\n]*)：$", out, re.MULTILINE)
    assert headings[-4:] == ["评估", "查看方法", "历史", "规则包作者"]
    # The exit codes' lines still line up under the first code.
    lines = [line for line in out.splitlines() if "·" in line or "141" in line]
    starts = {cli_help.display_width(re.split(r"\d", line, maxsplit=1)[0]) for line in lines}
    assert len(lines) == 4 and len(starts) == 1, lines


def test_a_group_asked_for_help_takes_lang_but_still_refuses_it_otherwise() -> None:
    assert _help(("rules",), "flag").stdout.startswith("用法：careerfix rules")
    refused = run_cli(["--lang", "zh"])
    assert refused.exit_code == 2
    assert "错误：没有这个选项：--lang" in refused.stderr


def test_a_command_not_yet_in_a_group_is_listed_in_chinese_too() -> None:
    root: Any = typer.main.get_command(app)
    root.commands["extra"] = TyperCommand("extra", short_help="A command added later.")
    ctx = root.make_context("careerfix", ["--lang", "zh", "--help"], resilient_parsing=True)
    assert "其他命令：" in root.get_help(ctx)


def test_every_command_gets_the_translating_context() -> None:
    for path in ALL:
        cmd: Any = typer.main.get_command(app)
        for part in path:
            cmd = subcommands(cmd)[part]
        assert issubclass(cmd.context_class, cli_help.HelpContext), path


# ---------------------------------------------------------------- usage errors

ERRORS: list[tuple[list[str], str]] = [
    (["assess", "--bogus"], "错误：没有这个选项：--bogus"),
    (["assess", "--formt", "json"], "错误：没有这个选项：--formt（可能是：--force, --format）"),
    (["rules", "source"], "错误：缺少参数 'ID'。"),
    (["assess", "-f", "xml"], "'xml' 不在可选值之中，可选：'text', 'json', 'markdown'。"),
    (["plan", "done", "x"], "错误：'N' 的值无效：'x' 不是整数。"),
    (["history", "list", "-n", "x"], "'x' 不是整数。"),
    (["history", "list", "-n", "-1"], "-1 超出允许的范围 x>=0。"),
    (["asess"], "错误：没有这个命令：'asess'。你要的是不是 'assess'？"),
    (["nope"], "错误：没有这个命令：'nope'。"),
    (["roles", "extra"], "错误：多出了无法识别的参数：extra"),
    (["assess", "--quick=1"], "错误：选项 '--quick' 不接受值。"),
    (["assess", "--output", "."], "'.' 是目录，这里要的是文件。"),
    (["rules", "check", "--rules", "README.md"], "（环境变量 'CAREERFIX_RULES'）的值无效："),
]


def _error(args: list[str], how: str) -> Result:
    if how == "flag":
        return run_cli([*args, "--lang", "zh"])
    return run_cli(args, env={"CAREERFIX_LANG": "zh"})


@pytest.mark.parametrize("how", ["flag", "env"])
@pytest.mark.parametrize(
    ("args", "expected"), ERRORS, ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_usage_error_in_chinese(args: list[str], expected: str, how: str) -> None:
    monkey = pytest.MonkeyPatch()
    monkey.chdir(REPO_ROOT)
    try:
        english = run_cli(args)
        chinese = _error(args, how)
    finally:
        monkey.undo()
    assert english.exit_code == chinese.exit_code == 2
    assert expected in chinese.stderr, chinese.stderr
    assert english_runs(chinese.stderr) == [], chinese.stderr
    # The same lines as click's: usage, hint, blank, error.
    assert len(chinese.stderr.splitlines()) == len(english.stderr.splitlines())
    if english.stderr.startswith("Usage:"):
        assert chinese.stderr.startswith("用法：careerfix")
        assert re.search(r"^运行 careerfix .*-h 查看帮助。$", chinese.stderr, re.MULTILINE)


def test_bad_argument_of_a_command_without_lang_is_in_chinese_by_env() -> None:
    result = run_cli(["schema", "foo"], env={"CAREERFIX_LANG": "zh"})
    assert result.exit_code == 2
    assert "错误：'[report|answers]' 的值无效：'foo' 不在可选值之中" in result.stderr


def test_missing_value_at_the_end_is_in_chinese() -> None:
    result = run_cli(["assess", "--lang", "zh", "-a"])
    assert result.exit_code == 2
    assert "错误：选项 '-a' 需要一个值。" in result.stderr


def test_an_unknown_message_stays_as_it_is() -> None:
    assert cli_help.translate_message("Something new happened.") == "Something new happened."
    assert cli_help.translate_message("Invalid value for 'X': odd") == "'X' 的值无效：odd"


# ---------------------------------------------------------------- the catalogue

# click's words for a path it cannot read: the tests run as any user (root reads everything).
UNREADABLE = [
    "File 'a.yaml' is not readable.",
    "Directory 'pack' is not readable.",
    "Path 'pack' is not readable.",
]


def _recording(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    used: list[str] = []
    missing: list[str] = []
    real: Callable[[str], str | None] = cli_help.lookup

    def lookup(text: str) -> str | None:
        found = real(text)
        (used if found is not None else missing).append(text)
        return found

    monkeypatch.setattr(cli_help, "lookup", lookup)
    return used, missing


def test_every_shown_text_has_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    _, missing = _recording(monkeypatch)
    for path in ALL:
        _help(path, "flag")
    # Only the examples (command lines) are left as written.
    left = [text for text in missing if not re.match(r"(ssh \S+ )?careerfix ", text)]
    assert left == []


def test_every_catalogue_entry_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    used, _ = _recording(monkeypatch)
    monkeypatch.chdir(REPO_ROOT)
    for path in ALL:
        _help(path, "flag")
    for args, _ in ERRORS:
        _error(args, "env")
    run_cli(["schema", "foo"], env={"CAREERFIX_LANG": "zh"})
    run_cli(["assess", "--lang", "zh", "-a"])
    test_a_command_not_yet_in_a_group_is_listed_in_chinese_too()
    for message in UNREADABLE:
        assert re.search(f"[{CJK}]", cli_help.translate_message(message))
    assert sorted(set(HELP_ZH) - set(used)) == []


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("english", list(HELP_ZH), ids=lambda k: k[:40])
def test_catalogue_entry_is_chinese_with_the_same_fields(english: str) -> None:
    zh = HELP_ZH[english]
    assert _fields(zh) == _fields(english)
    assert re.search(f"[{CJK}]", zh), zh
    # Full-width punctuation next to Chinese (a format like 文件:行:列 is quoted as written).
    plain = re.sub(r"「[^」]*」|文件:行:列(: 字段: 说明)?", "", zh)
    assert not re.search(f"[{CJK}][,;:()]|[,;:(][{CJK}]", plain), zh


def test_a_paragraph_wraps_by_display_width() -> None:
    text = (
        "把较长的文本报告直接输出到终端（默认：标准输出是终端时，经由 $PAGER 或 less 分页显示）。"
    )
    lines = cli_help.fill(text, 20)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cli_help.display_width(line) <= 20 for line in lines), lines
    assert not any(line[0] in "，。：；）" for line in lines), lines


def test_english_help_never_looks_anything_up(monkeypatch: pytest.MonkeyPatch) -> None:
    used, missing = _recording(monkeypatch)
    for path in ALL:
        run_cli([*path, "--help"])
    run_cli(["assess", "--bogus"])
    assert used == missing == []


def test_help_files_do_not_change(tmp_path: Path) -> None:
    # docs/cli.md stays English whatever the environment says (docgen fixes the language).
    from careerfix.docgen import render

    monkey = pytest.MonkeyPatch()
    monkey.setenv("CAREERFIX_LANG", "zh")
    try:
        text = render()
    finally:
        monkey.undo()
    assert text == (REPO_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
