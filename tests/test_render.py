"""The text and Markdown reports: widths, colour, escaping of user text, and CJK-aware wrapping."""

from __future__ import annotations

import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example as case
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from careerfix.answers import load_answers
from careerfix.engine import assess
from careerfix.i18n import t
from careerfix.models.pack import Text
from careerfix.models.records import Record
from careerfix.models.report import Report
from careerfix.render.build import build_report
from careerfix.render.markdown import render_markdown
from careerfix.render.text import render_text
from careerfix.render.wrap import Para, break_offsets
from helpers import ANSI, EXAMPLE_IDS, EXAMPLES, run_cli, shipped_pack, write

PACK = shipped_pack()
NO_LINE_START = set("，。、；：？！）」』】》”’")
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def report_for(example: Path, lang: str, target: str | None = None) -> Report:
    answers = load_answers(str(example), PACK)
    return build_report(PACK, answers, assess(PACK, answers, target), lang)


def render(report: Report, width: int) -> str:
    buffer = io.StringIO()
    render_text(Console(file=buffer, width=width, highlight=False, emoji=False), report)
    return buffer.getvalue()


def cli_text(example: Path, *extra: str, env: dict[str, str | None] | None = None) -> str:
    result = run_cli(["assess", "-a", str(example), *extra], env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


# ---------------------------------------------------------------- widths


@pytest.mark.parametrize("width", [60, 140])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_no_line_wider_than_the_terminal(example: Path, lang: str, width: int) -> None:
    out = cli_text(
        example, "--lang", lang, env={"CAREERFIX_WIDTH": str(width), "COLUMNS": str(width)}
    )
    lines = out.splitlines()
    assert len(lines) > 30
    too_wide = [line for line in lines if cell_len(line) > width]
    assert not too_wide, too_wide[:3]


@pytest.mark.parametrize("width", [40, 80, 200])
def test_no_line_wider_than_other_widths(width: int) -> None:
    for example in EXAMPLES:
        for lang in ("zh", "en"):
            out = render(report_for(example, lang), width)
            assert max(cell_len(line) for line in out.splitlines()) <= width


def _module_row_problems(report: Report, out: str) -> list[str]:
    """Module rows that lost part of their figures (cut with … or wrapped onto a second line).

    A row is the line that starts with the module's name or, when the terminal is too narrow
    for one line per module, the line right under the name.
    """
    lang = report.inputs.lang
    lines = out[out.index(t("modules_title", lang)) :].splitlines()
    problems = []
    for module in report.modules:
        at = next(i for i, line in enumerate(lines) if line.startswith(module.name))
        row = lines[at + 1] if lines[at].strip() == module.name else lines[at]
        if module.status == "scored":
            wanted = [f"/4 {module.score:>3}"]
            if module.required:
                wanted.append(t("need", lang, level=module.required))
        else:
            wanted = ["?", t("coverage", lang, pct=round(module.coverage * 100))]
        problems += [f"{row!r} lacks {w!r}" for w in wanted if w not in row]
    if any(m.status != "scored" for m in report.modules):
        legend = t("insufficient_legend", lang)[:12]
        if legend not in out:
            problems.append(f"no legend for insufficient data ({legend!r})")
    return problems


@pytest.mark.parametrize(
    ("width", "lang"),
    [
        (60, "zh"),
        (80, "zh"),
        (100, "zh"),
        (100, "en"),
        (140, "en"),
        (60, "en"),
        (70, "en"),
        (80, "en"),
    ],
)
def test_module_rows_keep_all_their_figures(width: int, lang: str) -> None:
    problems = []
    for example in EXAMPLES:
        report = report_for(example, lang)
        problems += _module_row_problems(report, render(report, width))
    assert not problems, problems[:4]


@pytest.mark.parametrize("width", [60, 100, 140])
def test_plan_text_is_never_cut(width: int) -> None:
    """Every word of every plan item shown in the text report is printed in full."""
    from careerfix.render.text import TEXT_PLAN_LIMIT

    for example in EXAMPLES:
        for lang in ("zh", "en"):
            report = report_for(example, lang)
            out = render(report, width)
            plan = out[out.index(t("plan_title", lang)) :]
            flat = re.sub(r"\s+", "", plan)
            for item in report.plan[:TEXT_PLAN_LIMIT]:
                for text in (item.title, item.why, item.do, item.proof or ""):
                    assert re.sub(r"\s+", "", text) in flat, (example.name, lang, text)


# ---------------------------------------------------------------- colour


SGR = re.compile(r"\x1b\[([0-9;]*)m")
COLOUR_CODES = {*range(30, 39), *range(40, 49), *range(90, 98), *range(100, 108)}


def _colour_codes(out: str) -> set[int]:
    codes = set()
    for match in SGR.finditer(out):
        codes |= {int(p) for p in match.group(1).split(";") if p} & COLOUR_CODES
    return codes


def test_piped_output_has_no_escapes() -> None:
    out = cli_text(EXAMPLES[0], env={"NO_COLOR": None})
    assert "\x1b" not in out


def test_no_color_has_no_escapes() -> None:
    out = cli_text(EXAMPLES[0], env={"NO_COLOR": "1"})
    assert "\x1b" not in out


def test_forced_colour_has_escapes() -> None:
    out = cli_text(EXAMPLES[0], env={"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "xterm"})
    assert ANSI.search(out)
    assert _colour_codes(out), "forced colour shows colours"


def test_no_color_wins_over_force_color_for_colours() -> None:
    out = cli_text(EXAMPLES[0], env={"NO_COLOR": "1", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert not _colour_codes(out)


def test_colour_does_not_change_the_text() -> None:
    plain = cli_text(EXAMPLES[0], env={"NO_COLOR": None})
    coloured = cli_text(EXAMPLES[0], env={"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "xterm"})
    assert ANSI.sub("", coloured) == plain


def test_force_terminal_console_has_escapes() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, force_terminal=True, color_system="standard")
    render_text(console, report_for(EXAMPLES[0], "en"))
    assert "\x1b[" in buffer.getvalue()


# ---------------------------------------------------------------- user text is escaped

HOSTILE = "[bold red]x[/] *em* _u_ <b>#</b> \x1b[31mred 42\x07"


@pytest.fixture
def hostile_answers(tmp_path: Path) -> Path:
    """An example whose every evidence text is hostile (markup, Markdown, escape codes)."""
    example = next(p for p in EXAMPLES if p.stem == "course-group-operator")
    answers = load_answers(str(example), PACK)
    data = {
        "pack": PACK.id,
        "pack_version": PACK.version,
        "answers": answers.answers,
        "evidence": dict.fromkeys(answers.evidence, HOSTILE),
    }
    assert data["evidence"]
    return write(tmp_path / "hostile.json", json.dumps(data))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("colour", [False, True], ids=["plain", "forced-colour"])
def test_text_report_prints_user_text_literally(
    hostile_answers: Path, lang: str, colour: bool
) -> None:
    env: dict[str, str | None] = {"NO_COLOR": None}
    if colour:
        env |= {"FORCE_COLOR": "1", "TERM": "xterm"}
    out = cli_text(hostile_answers, "--lang", lang, env=env)
    plain = ANSI.sub("", out)
    assert "[bold red]x[/]" in plain
    assert "*em* _u_ <b>#</b>" in plain
    assert "[31mred 42" in plain  # the ESC byte is dropped, the rest is shown
    assert "\x1b[31mred" not in out
    assert "\x07" not in out
    if not colour:
        assert "\x1b" not in out


def test_markdown_report_escapes_user_text(hostile_answers: Path) -> None:
    out = cli_text(hostile_answers, "--format", "markdown")
    assert "\\[bold red\\]x\\[/\\]" in out
    assert "\\*em\\*" in out and "\\_u\\_" in out
    assert "\\<b>#\\</b>" in out
    assert "[bold red]" not in out
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", out)


def test_json_report_keeps_user_text_verbatim(hostile_answers: Path) -> None:
    result = run_cli(["assess", "-a", str(hostile_answers), "-f", "json"])
    data = json.loads(result.stdout)
    assert set(data["inputs"]["evidence"].values()) == {HOSTILE}
    assert "\x1b" not in result.stdout  # JSON escapes it as \u001b


def test_markdown_report_is_plain_markdown() -> None:
    for example in EXAMPLES:
        out = cli_text(example, "--format", "markdown")
        assert out.startswith("# ")
        assert "\x1b" not in out
        for line in out.splitlines():
            if line.startswith("|"):
                assert line.endswith("|"), line


# ---------------------------------------------------------------- rendering details


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_evidence_lines_separate_level_and_text(lang: str) -> None:
    example = next(p for p in EXAMPLES if p.stem == "platform-kol-operator")
    report = report_for(example, lang)
    assert any(e.status == "unproven" and e.evidence for e in report.evidence)
    out = render(report, 140)
    glued = re.findall(r"\(L\d\)[^\s:：]", out)
    assert not glued, glued


def test_markdown_zh_lists_use_the_chinese_comma() -> None:
    example = next(p for p in EXAMPLES if p.stem == "reviewer-titled-community")
    report = report_for(example, "zh")
    assert report.what_if is not None and len(report.what_if.blocked) > 1
    out = render_markdown(report)
    names = [m.name for m in report.modules if m.id in report.what_if.blocked]
    assert "、".join(names) in out


def test_text_plan_shows_at_most_ten_and_says_how_many_more() -> None:
    from careerfix.render.text import TEXT_PLAN_LIMIT

    example = next(p for p in EXAMPLES if p.stem == "brand-new-media")
    report = report_for(example, "en")
    assert len(report.plan) > TEXT_PLAN_LIMIT
    out = render(report, 100)
    assert t("plan_more", "en", n=len(report.plan) - TEXT_PLAN_LIMIT) in out
    assert f"{TEXT_PLAN_LIMIT}. " in out and f"{TEXT_PLAN_LIMIT + 1}. " not in out
    markdown = render_markdown(report)
    assert f"\n{len(report.plan)}. **" in markdown


# ---------------------------------------------------------------- break_offsets


def split(text: str, width: int) -> list[str]:
    offsets = break_offsets(text, width)
    assert offsets == sorted(set(offsets)), offsets
    bounds = [0, *offsets, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


def test_chinese_breaks_between_characters() -> None:
    assert split("用户运营内容运营活动运营", 6) == ["用户运", "营内容", "运营活", "动运营"]
    assert split("用户运营内容", 7) == ["用户运", "营内容"]  # a wide character never straddles


def test_english_breaks_at_spaces() -> None:
    lines = split("hello world foo bar", 8)
    assert [line.rstrip() for line in lines] == ["hello", "world", "foo bar"]


def test_english_word_longer_than_the_line_is_folded() -> None:
    lines = split("supercalifragilistic is long", 8)
    assert all(cell_len(line.rstrip()) <= 8 for line in lines)
    assert "".join(lines) == "supercalifragilistic is long"


def test_closing_punctuation_stays_with_the_character_before() -> None:
    lines = split("用户运营，内容运营。活动运营", 8)
    assert "".join(lines) == "用户运营，内容运营。活动运营"
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START, lines
    assert all(cell_len(line) <= 8 for line in lines)


def test_opening_punctuation_stays_with_the_character_after() -> None:
    lines = split("用户运营（内容）", 10)
    for line in lines[:-1]:
        assert not line.endswith(("（", "「", "《")), lines


def test_double_closing_punctuation_never_starts_a_line() -> None:
    lines = split("一二三四五六）。七八", 14)
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START, lines


def test_newline_starts_a_new_line() -> None:
    assert split("ab\ncd", 10) == ["ab\n", "cd"]


def _pack_texts(lang: str) -> list[str]:
    texts: list[str] = []

    def walk(obj: Any) -> None:
        if isinstance(obj, Text):
            texts.append(obj.get(lang))
        elif isinstance(obj, Record):
            for value in vars(obj).values():
                walk(value)
        elif isinstance(obj, list | tuple):
            for item in obj:
                walk(item)
        elif isinstance(obj, dict):
            for item in obj.values():
                walk(item)

    for part in (PACK.meta, PACK.diagnosis, PACK.fit, PACK.roles, PACK.resume, PACK.actions):
        walk(part)
    for module in PACK.modules:
        walk(module)
    return texts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_pack_text_fits_every_width(lang: str) -> None:
    texts = _pack_texts(lang)
    assert len(texts) > 300
    for text in texts:
        for width in range(12, 61, 4):
            for line in split(text, width):
                assert cell_len(line.rstrip()) <= width, (width, line)


def _breaks_inside_word(text: str, width: int) -> list[str]:
    """Breaks between two non-CJK, non-space characters of a word no longer than the line."""
    bad = []
    for offset in break_offsets(text, width):
        before, after = text[offset - 1], text[offset]
        if before.isspace() or after.isspace() or CJK.match(before) or CJK.match(after):
            continue
        start = offset
        while start > 0 and not text[start - 1].isspace() and not CJK.match(text[start - 1]):
            start -= 1
        end = offset
        while end < len(text) and not text[end].isspace() and not CJK.match(text[end]):
            end += 1
        if cell_len(text[start:end]) <= width:
            bad.append(text[start:end])
    return bad


def test_english_pack_texts_never_break_inside_a_word() -> None:
    for text in _pack_texts("en"):
        for width in (12, 20, 33, 47, 60):
            assert not _breaks_inside_word(text, width), (width, text)


_CJK_CHARS = st.sampled_from(list("用户内容活动运营社群文案你好世界数据增长"))
_PUNCT = st.sampled_from(list("，。、；：？！）（「」《》"))
_WORDS = st.from_regex(r"[A-Za-z0-9%.,\-→]{1,14}", fullmatch=True)
_SPACES = st.sampled_from([" ", "  "])
_MIXED = st.lists(st.one_of(_CJK_CHARS, _CJK_CHARS, _PUNCT, _WORDS, _SPACES), max_size=60).map(
    "".join
)


@settings(max_examples=200, deadline=None)
@given(text=_MIXED, width=st.integers(min_value=4, max_value=80))
@case(text="用（000", width=4)  # an opening bracket carried onto a line its word then overflows
def test_wrapped_mixed_text_fits_the_width(text: str, width: int) -> None:
    lines = split(text, width)
    assert "".join(lines) == text
    for line in lines:  # spaces at either end are dropped when a Para is drawn
        assert cell_len(line.strip(" ")) <= width, (width, lines)


@settings(max_examples=60, deadline=None)
@given(text=_MIXED, width=st.integers(min_value=4, max_value=80))
def test_para_renders_within_the_width(text: str, width: int) -> None:
    buffer = io.StringIO()
    Console(file=buffer, width=width).print(Para(text))
    for line in buffer.getvalue().splitlines():
        assert cell_len(line) <= width
