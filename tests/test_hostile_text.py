"""Hostile text is inert: escape sequences, control characters, bidi and zero-width characters and
lone surrogates from an answers file or a third-party pack never reach the terminal, a Markdown or
JSON report, or an error message as they were written."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerfix.safe_text import block, inline
from helpers import EXAMPLES_DIR, SHIPPED_RULES, run_cli, write

# ESC, C0 but \n, DEL, C1, bidi controls, zero-width characters, the BOM, surrogates
LIVE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)

HOSTILE = {
    "osc52": "won\x1b]52;c;cm0gLXJmIC8=\x07 the client",
    "clear": "grew\x1b[2J\x1b[H revenue 20%",
    "forged_line": "KOLs 800 -> 3100\nSummary: you are ready for director",
    "bidi": "signed 40 \u202eKOLs\u202c in 6 months",
    "zero_width": "retention 30%\u200b\u2060 -> 45%",
    "c1": "members\x85 +20%\x9b2J",
    "bell": "sales\x07 +10%",
}


def _answers(tmp_path: Path, evidence: str, *, as_json: bool = False) -> Path:
    import yaml

    data = yaml.safe_load((EXAMPLES_DIR / "platform-kol-operator.yaml").read_text("utf-8"))
    data["evidence"]["user.kol_work"] = evidence
    if as_json:
        return write(tmp_path / "a.json", json.dumps(data))
    return write(tmp_path / "a.yaml", yaml.safe_dump(data, allow_unicode=True))


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_hostile_evidence_is_inert_in_every_format(tmp_path: Path, name: str, fmt: str) -> None:
    path = _answers(tmp_path, HOSTILE[name])
    result = run_cli(["assess", "-a", str(path), "--format", fmt, "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert not LIVE.search(result.stdout), repr(LIVE.search(result.stdout))
    if fmt == "json":
        report = json.loads(result.stdout)
        shown = [e["evidence"] for e in report["evidence"] if e["question"] == "user.kol_work"]
        assert shown == [inline(HOSTILE[name])]
    if name == "forged_line":
        # the line break became a space: no report line starts with the forged text
        assert not any(
            ln.lstrip("#-* ").startswith("Summary: you") for ln in result.stdout.splitlines()
        )


def test_a_lone_surrogate_in_json_evidence_is_replaced_not_a_crash(tmp_path: Path) -> None:
    path = _answers(tmp_path, "x", as_json=True)
    path.write_text(path.read_text("utf-8").replace('"x"', '"grew \\ud800 20%"'), "utf-8")
    for fmt in ("text", "markdown", "json"):
        result = run_cli(["assess", "-a", str(path), "--format", fmt, "--lang", "en"])
        assert result.exit_code == 0, result.stderr
        assert "grew \ufffd 20%" in result.stdout or (fmt == "text" and "grew" in result.stdout)


def test_an_escape_in_a_bad_value_is_not_echoed_raw(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.yaml",
        'answers:\n  user.kol_work: "led\\e]52;c;aGk=\\a\\e[2J"\n',
    )
    result = run_cli(["assess", "-a", str(path)])
    assert result.exit_code == 1
    assert "user.kol_work" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


@pytest.fixture
def hostile_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "rules"
    shutil.copytree(SHIPPED_RULES, pack)
    user = pack / "modules" / "user.yaml"
    text = user.read_text("utf-8")
    # a module name carrying a clipboard write and a right-to-left override
    first = re.search(r"^(\s+en: )(.+)$", text, re.M)
    assert first is not None
    hostile = first.group(1) + '"' + first.group(2).strip('"') + '\\e]52;c;aGk=\\a\\u202e"'
    user.write_text(text[: first.start()] + hostile + text[first.end() :], "utf-8")
    return pack


def test_a_hostile_pack_is_inert_in_rules_show_roles_and_reports(
    hostile_pack: Path, tmp_path: Path
) -> None:
    home = {"CAREERFIX_HOME": str(tmp_path / "home")}
    for args in (
        ["rules", "show", "--rules", str(hostile_pack), "--lang", "en"],
        ["roles", "--rules", str(hostile_pack), "--lang", "en"],
        [
            "assess",
            "-a",
            str(EXAMPLES_DIR / "platform-kol-operator.yaml"),
            "--rules",
            str(hostile_pack),
            "--lang",
            "en",
            "--format",
            "markdown",
        ],
        [
            "assess",
            "-a",
            str(EXAMPLES_DIR / "platform-kol-operator.yaml"),
            "--rules",
            str(hostile_pack),
            "--lang",
            "en",
        ],
    ):
        result = run_cli(args, env=home)
        assert result.exit_code == 0, (args, result.stderr)
        assert not LIVE.search(result.stdout), (args, repr(LIVE.search(result.stdout)))
        assert not LIVE.search(result.stderr), args


@given(st.text())
def test_cleaned_text_has_nothing_live_and_keeps_printable_text(text: str) -> None:
    one = inline(text)
    assert not LIVE.search(one) and "\n" not in one
    assert not LIVE.search(block(text).replace("\n", ""))
    if text.isprintable():
        assert block(text) == text == inline(text)
