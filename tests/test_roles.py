"""``careerfix roles``: one block per role that reads well at 60 to 200 columns in both languages,
and the same data as JSON or YAML for scripts."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml
from rich.cells import cell_len

from careerfix.i18n import t
from helpers import run_cli, shipped_pack

PACK = shipped_pack()
WIDTHS = (60, 100, 200)
CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
WORD = re.compile(rf"[^\s{CJK}]+")  # a run the wrapper never cuts (unless wider than the line)
NO_LINE_START = "，。、；：？！）」』】》·"


def roles_text(lang: str, width: int, *extra: str) -> str:
    env = {"CAREERFIX_WIDTH": str(width), "COLUMNS": str(width)}
    result = run_cli(["roles", "--lang", lang, *extra], env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def items(lang: str) -> list[str]:
    """Every "competency level" item the blocks list, and the level legend's entries."""
    out = [f"{lv.level} {lv.label.get(lang)}" for lv in PACK.meta.levels]
    for role in PACK.roles.roles:
        for cid, n in (*role.core.items(), *role.helps.items()):
            out.append(f"{PACK.competencies[cid].name.get(lang)} {t('level_n', lang, n=n)}")
    return out


def texts(lang: str) -> list[str]:
    """Everything the text output prints, each in full."""
    out = [t("roles", lang), t("levels", lang), t("core_label", lang), t("helps_label", lang)]
    for role in PACK.roles.roles:
        out += [role.name.get(lang), role.id, role.summary.get(lang), *role.source]
        if role.outlook != "standard":  # the usual outlook goes without saying
            out.append(t(f"outlook_{role.outlook}", lang))
        if role.note:
            out.append(role.note.get(lang))
    return out + items(lang)


def bare(word: str) -> str:
    """A word without the brackets and separators the blocks put around it."""
    return word.strip("[](),:;·")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_roles_text_fits_the_width_and_cuts_no_word(lang: str, width: int) -> None:
    out = roles_text(lang, width)
    lines = out.splitlines()
    too_wide = [line for line in lines if cell_len(line) > width]
    assert too_wide == []
    # No word cut: every run of non-CJK characters printed is a whole word of some text.
    words = {bare(w) for text in texts(lang) for w in WORD.findall(text)}
    cut = sorted({w for line in lines for w in WORD.findall(line) if bare(w) not in words | {""}})
    assert cut == [], cut
    # Each "competency level" item stays on one line: "Mechanics level\n2" reads badly.
    for item in items(lang):
        assert any(item in line for line in lines), item
    # A line never starts with a separator or closing punctuation.
    starts = [line for line in lines if line.strip() and line.strip()[0] in NO_LINE_START]
    assert starts == []
    # Every text is there in full, in the language asked for.
    flat = squeeze(out)
    for text in texts(lang):
        assert squeeze(text) in flat, text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_roles_text_is_one_block_per_role(lang: str) -> None:
    lines = roles_text(lang, 80).splitlines()
    heads = [
        i for i, line in enumerate(lines) if line.startswith(PACK.roles.roles[0].name.get(lang))
    ]
    assert heads, "a role's block starts with its name, unindented"
    for role in PACK.roles.roles:  # the head: the name, then the id in full
        assert any(line.startswith(f"{role.name.get(lang)}  {role.id}") for line in lines)
    # Compact: the issue measured 160 lines at 80 columns, one word on each.
    assert len(lines) <= 12 * len(PACK.roles.roles) + 4


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_format_is_the_default_and_accepted_explicitly(lang: str) -> None:
    default = roles_text(lang, 100)
    assert roles_text(lang, 100, "--format", "text") == default
    assert roles_text(lang, 100, "-f", "text") == default


def _order(value: Any) -> Any:
    """The keys of every mapping, in order, throughout."""
    if isinstance(value, dict):
        return [(k, _order(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_order(v) for v in value]
    return value


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_yaml_is_the_json_data_with_its_key_order(lang: str) -> None:
    as_json = json.loads(roles_text(lang, 100, "--format", "json"))
    out = roles_text(lang, 100, "--format", "yaml")
    as_yaml = yaml.safe_load(out)
    assert as_yaml == as_json
    assert _order(as_yaml) == _order(as_json)
    assert list(as_yaml) == ["pack", "pack_version", "roles"]
    assert "!!" not in out  # the safe dumper: plain YAML tags only
    if lang == "zh":  # allow_unicode: Chinese as it is, not \u escapes
        assert PACK.roles.roles[0].name.zh in out
        assert "\\u" not in out


def test_yaml_format_is_not_the_text() -> None:
    out = roles_text("en", 100, "-f", "yaml")
    assert not out.startswith(t("roles", "en"))
    assert yaml.safe_load(out)["pack"] == PACK.id


def test_an_unknown_format_is_a_usage_error() -> None:
    result = run_cli(["roles", "--format", "table"])
    assert result.exit_code == 2
    for name in ("text", "json", "yaml"):
        assert name in result.stderr
