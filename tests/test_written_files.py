"""Files careerfix writes (``assess -o``, ``assess --save-answers``, ``questions -o``): they keep an
existing file's permission bits (new ones follow the umask), a filled-in file is never replaced
without ``--force``, and every message about them is in the user's language (``--quiet``: none)."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

import interview_helpers as ih
import scripted as sc
from careerfix.atomic_write import atomic_write_text
from careerfix.i18n import t
from helpers import EXAMPLES, run_cli

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")

KOL = next(p for p in EXAMPLES if p.stem == "platform-kol-operator")
# The examples say lang: zh; this copy is the same answers for an English reader.
ANSWERS_EN = yaml.safe_load(KOL.read_text(encoding="utf-8")) | {"lang": "en"}


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(ANSWERS_EN, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def umask() -> Iterator[None]:
    """Restore the process umask after a test that sets its own."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(directory: Path) -> list[Path]:
    return sorted(directory.glob(".*.tmp"))


# One command per kind of written file: the arguments that write ``target``.
Writer = Callable[[Path, Path], list[str]]


def _assess_o(answers: Path, target: Path) -> list[str]:
    return ["assess", "-a", str(answers), "-f", "json", "-o", str(target)]


def _save_answers(answers: Path, target: Path) -> list[str]:
    return ["assess", "-a", str(answers), "-f", "json", "--save-answers", str(target), "--force"]


def _questions_o(answers: Path, target: Path) -> list[str]:
    return ["questions", "-o", str(target), "--force"]


WRITERS = pytest.mark.parametrize(
    "command",
    [_assess_o, _save_answers, _questions_o],
    ids=["assess-o", "save-answers", "questions-o"],
)


# ---------------------------------------------------------------- permission bits


@posix_only
@WRITERS
@pytest.mark.parametrize("bits", [0o644, 0o640, 0o664, 0o600])
def test_an_existing_file_keeps_its_mode(
    command: Writer, bits: int, answers: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "file"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    target.chmod(bits)
    result = run_cli(command(answers, target))
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8") != "old\n"
    assert mode(target) == bits, oct(mode(target))
    assert leftovers(target.parent) == []


@posix_only
@WRITERS
@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077, 0o002])
def test_a_new_file_follows_the_umask(
    command: Writer, mask: int, answers: Path, tmp_path: Path, umask: None
) -> None:
    target = tmp_path / "new" / "file"
    os.umask(mask)
    result = run_cli(command(answers, target))
    os.umask(0o022)
    assert result.exit_code == 0, result.stderr
    assert mode(target) == 0o666 & ~mask, oct(mode(target))


@posix_only
def test_a_read_only_file_is_refused_like_open_would(
    answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("keep me\n", encoding="utf-8")
    target.chmod(0o444)
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # root may write anything: play a user
        access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, m: False if m == os.W_OK and Path(p) == target else access(p, m)
        )
    result = run_cli(_assess_o(answers, target))
    assert result.exit_code == 1
    assert f"{target}: cannot write" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert mode(target) == 0o444
    assert leftovers(tmp_path) == []


@posix_only
def test_a_draft_stays_owner_only(tmp_path: Path, umask: None) -> None:
    from careerfix.drafts import Draft, save_draft

    os.umask(0o022)
    path = tmp_path / "drafts" / "pack.json"
    save_draft(path, Draft(pack="p", pack_version="1.0.0"))
    assert mode(path) == 0o600


def test_atomic_write_without_overwrite_keeps_the_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "answers.yaml"
    atomic_write_text(target, "first\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "first\n"
    with pytest.raises(FileExistsError):
        atomic_write_text(target, "second\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "first\n"
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------- no silent overwrite


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_questions_o_refuses_an_existing_file_without_force(lang: str, tmp_path: Path) -> None:
    target = tmp_path / "answers.yaml"
    target.write_text("answers:\n  role.employer: platform\n", encoding="utf-8")
    result = run_cli(["questions", "-o", str(target), "--lang", lang])
    assert result.exit_code == 1
    assert result.stderr == f"careerfix: {t('file_exists', lang, path=target)}\n"
    assert str(target) in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "answers:\n  role.employer: platform\n"
    assert result.stdout == ""
    assert leftovers(tmp_path) == []

    forced = run_cli(["questions", "-o", str(target), "--lang", lang, "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert target.read_text(encoding="utf-8") == run_cli(["questions", "--lang", lang]).stdout


def test_questions_o_writes_a_new_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    result = run_cli(["questions", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"careerfix: wrote {target}\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_save_answers_refuses_an_existing_file_without_force(
    lang: str, answers: Path, tmp_path: Path
) -> None:
    saved = tmp_path / "mine.yaml"
    saved.write_text("mine\n", encoding="utf-8")
    report = tmp_path / "report.json"
    args = ["assess", "-a", str(answers), "--save-answers", str(saved), "-f", "json"]
    result = run_cli([*args, "-o", str(report), "--lang", lang])
    assert result.exit_code == 1
    assert f"careerfix: {t('file_exists', lang, path=saved)}\n" in result.stderr
    assert saved.read_text(encoding="utf-8") == "mine\n"
    assert not report.exists()  # nothing half-done: no report either
    assert result.stdout == ""

    forced = run_cli([*args, "--force", "--lang", lang])
    assert forced.exit_code == 0, forced.stderr
    assert yaml.safe_load(saved.read_text(encoding="utf-8"))["answers"] == ANSWERS_EN["answers"]
    json.loads(forced.stdout)


def test_the_report_file_is_still_replaced_without_force(answers: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("old\n", encoding="utf-8")
    result = run_cli(_assess_o(answers, report))
    assert result.exit_code == 0, result.stderr
    json.loads(report.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- in the interview


@pytest.fixture
def interview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """``interview(script, *args)``: ``careerfix assess ARGS`` answering from ``script`` (as in
    test_interview.py: the scripted prompter, a terminal pretended)."""
    import careerfix.cli

    monkeypatch.setenv("CAREERFIX_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("NO_COLOR", "1")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "CAREERFIX_LANG", "CAREERFIX_RULES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(careerfix.cli, "_has_terminal", lambda: True)

    def run(script: list[sc.Step], *args: str) -> Result:
        return sc.run_assess(monkeypatch, script, *args)[0]

    return run


def _full_interview() -> list[sc.Step]:
    return sc.full(*ih.kol_answers())


@pytest.mark.timeout(60)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_save_answers_is_refused_before_the_interview_starts(
    interview: Callable[..., Result], tmp_path: Path, lang: str
) -> None:
    saved = tmp_path / "mine.yaml"
    saved.write_text("mine\n", encoding="utf-8")
    # An empty script: any prompt at all would fail the test.
    result = interview([], "--save-answers", str(saved), "--lang", lang)
    assert result.exit_code == 1
    assert result.stderr == f"careerfix: {t('file_exists', lang, path=saved)}\n"  # nothing asked
    assert saved.read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "home" / "drafts").exists()


@pytest.mark.timeout(60)
def test_save_answers_with_force_after_the_interview(
    interview: Callable[..., Result], tmp_path: Path
) -> None:
    saved = tmp_path / "mine.yaml"
    saved.write_text("mine\n", encoding="utf-8")
    args = ("--save-answers", str(saved), "--force", "-f", "json", "--lang", "en")
    result = interview(_full_interview(), *args)
    assert result.exit_code == 0, result.stderr[-2000:]
    assert yaml.safe_load(saved.read_text(encoding="utf-8"))["answers"] == ih.kol_answers()[0]
    assert f"careerfix: answers saved to {saved}\n" in result.stderr
    quiet = interview(_full_interview(), *args, "--quiet")
    assert quiet.exit_code == 0, quiet.stderr[-2000:]
    assert "answers saved" not in quiet.stderr


# ---------------------------------------------------------------- messages and --quiet


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_written_messages_follow_the_language(lang: str, answers: Path, tmp_path: Path) -> None:
    saved, report, template = tmp_path / "a.yaml", tmp_path / "r.md", tmp_path / "t.yaml"
    result = run_cli(
        [
            *("assess", "-a", str(answers), "-f", "markdown", "-o", str(report)),
            *("--save-answers", str(saved), "--lang", lang),
        ]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"careerfix: {t('saved_answers', lang, path=saved)}\n"
        f"careerfix: {t('wrote', lang, path=report)}\n"
    )
    result = run_cli(["questions", "-o", str(template), "--lang", lang])
    assert result.stderr == f"careerfix: {t('wrote', lang, path=template)}\n"


def test_messages_follow_the_answers_files_language(tmp_path: Path) -> None:
    """No --lang: the messages speak the report's language, the answers file's (zh here)."""
    report = tmp_path / "r.json"
    result = run_cli(["assess", "-a", str(KOL), "-f", "json", "-o", str(report)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"careerfix: {t('wrote', 'zh', path=report)}\n"


@pytest.mark.parametrize("flag", ["--quiet", "-q"])
def test_quiet_silences_the_written_messages(flag: str, answers: Path, tmp_path: Path) -> None:
    saved, report, template = tmp_path / "a.yaml", tmp_path / "r.txt", tmp_path / "t.yaml"
    result = run_cli(
        ["assess", "-a", str(answers), "-o", str(report), "--save-answers", str(saved), flag]
    )
    assert result.exit_code == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
    assert report.exists() and saved.exists()
    result = run_cli(["questions", "-o", str(template), flag])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert template.exists()


def test_quiet_does_not_silence_errors(tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    target.write_text("x\n", encoding="utf-8")
    result = run_cli(["questions", "-o", str(target), "--quiet"])
    assert result.exit_code == 1
    assert str(target) in result.stderr


ASCII_PUNCTUATION = re.compile(r"[,;:!?()]")


@pytest.mark.parametrize("key", ["wrote", "saved_answers", "file_exists", "cannot_write"])
def test_messages_exist_in_both_languages_with_full_width_punctuation_in_zh(key: str) -> None:
    values = {"path": "PATH", "reason": "REASON"}
    zh, en = t(key, "zh", **values), t(key, "en", **values)
    assert "PATH" in zh and "PATH" in en
    assert zh != en
    assert not ASCII_PUNCTUATION.search(zh.replace("--force", "")), zh
    assert not re.search(
        r"[A-Za-z]{2,}", zh.replace("PATH", "").replace("REASON", "").replace("--force", "")
    )


# ---------------------------------------------------------------- help


@pytest.mark.parametrize(
    ("command", "flags"),
    [("assess", ("--force", "--quiet", "-q")), ("questions", ("--force", "--quiet", "-q"))],
)
def test_help_lists_force_and_quiet(command: str, flags: tuple[str, ...]) -> None:
    out = run_cli([command, "--help"]).stdout
    for flag in flags:
        assert re.search(rf"(^|\s|,){re.escape(flag)}\b", out), flag
