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
from rich.text import Text as RichText

from careerfix.answers import load_answers
from careerfix.engine import assess
from careerfix.i18n import level_text, plural, t
from careerfix.models.pack import Text
from careerfix.models.records import Record
from careerfix.models.report import PlanItemOut, Report
from careerfix.render.build import build_report
from careerfix.render.markdown import md, render_markdown
from careerfix.render.page import Page
from careerfix.render.page import Para as PagePara
from careerfix.render.text import text_report
from careerfix.render.wrap import Para, break_offsets
from helpers import ANSI, EXAMPLE_IDS, EXAMPLES, run_cli, shipped_pack, write

PACK = shipped_pack()
NO_LINE_START = set("，。、；：？！）」』】》”’")
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def flat(text: str) -> str:
    """The text without its spaces and line breaks: how it reads whatever the wrapping."""
    return re.sub(r"\s+", "", text)


def report_for(example: Path, lang: str, target: str | None = None) -> Report:
    answers = load_answers(str(example), PACK)
    return build_report(PACK, answers, assess(PACK, answers, target), lang)


def render(report: Report, width: int) -> str:
    return text_report(report, width)


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
    for one line per module, the line right under the name. A scored module shows "avg X ·
    N/100", an unscored one "unknown"; with a target, a module holding core competencies of the
    role also shows "core m/n met".
    """
    lang = report.inputs.lang
    lines = _module_section(report, out)
    section = "\n".join(lines)
    problems = []
    for module in report.modules:
        at = next(i for i, line in enumerate(lines) if line.startswith(module.name))
        row = lines[at + 1] if lines[at].strip() == module.name else lines[at]
        if lines[at].strip() == module.name and not row.strip().strip("█░·"):
            row += " " + lines[at + 2]  # very narrow: the figures sit under the bar
        if module.status == "scored":
            assert module.average is not None and module.score is not None
            figure = t("module_figure", lang, avg=level_text(module.average), score=module.score)
            wanted = [figure]
        else:
            wanted = [t("unknown", lang)]
        if report.target is not None and module.core:
            wanted.append(t("core_met", lang, met=module.core_met, n=module.core))
        problems += [f"{row!r} lacks {w!r}" for w in wanted if w not in row]
        if "…" in row:
            problems.append(f"{row!r} is cut")
    if report.target is not None and not any(m.core for m in report.modules):
        problems.append("the target names no core competency in any module")
    if any(m.status != "scored" for m in report.modules):
        legend = t("insufficient_legend", lang)
        if flat(legend) not in flat(section):
            problems.append(f"no legend for insufficient data ({legend[:12]!r})")
    return problems


def _module_section(report: Report, out: str) -> list[str]:
    """The lines under the modules' heading, up to the next heading (a rule: "──")."""
    lines = out.splitlines()
    start = next(
        i for i, line in enumerate(lines) if t("modules_title", report.inputs.lang) in line
    )
    end = next(i for i in range(start + 1, len(lines)) if "─" in lines[i])
    return lines[start + 1 : end]


# The answers file's own target, then two more that put core competencies in other modules.
ROW_TARGETS = (None, "group_ops", "activity_ops")


# Both sides of each layout switch: the bar's width, two lines per module, one line per module.
ROW_WIDTHS = (44, 50, 54, 55, 60, 68, 69, 70, 80, 100, 120, 140, 200)


@pytest.mark.parametrize(
    ("width", "lang"),
    [(40, "en"), *((w, lang) for w in ROW_WIDTHS for lang in ("zh", "en"))],
)
def test_module_rows_keep_all_their_figures(width: int, lang: str) -> None:
    problems = []
    for example in EXAMPLES:
        for target in ROW_TARGETS:
            report = report_for(example, lang, target)
            problems += [
                f"{example.stem}/{target}: {p}"
                for p in _module_row_problems(report, render(report, width))
            ]
    assert not problems, problems[:4]


@pytest.mark.parametrize("width", [36, 40, 43])
def test_zh_module_rows_stay_whole_on_very_narrow_terminals(width: int) -> None:
    example = next(p for p in EXAMPLES if p.stem == "brand-new-media")
    report = report_for(example, "zh")
    assert not _module_row_problems(report, render(report, width))


def _plan_section(report: Report, out: str) -> list[str]:
    """The lines of the plan: "the next 90 days", then "later", up to the next section."""
    lang = report.inputs.lang
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(t("plan_soon_title", lang)))
    ends = (t("resume_title", lang), t("roles_title", lang))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(ends))
    return lines[start:end]


def _plan_blocks(report: Report, out: str) -> dict[int, list[str]]:
    """Each plan item's lines in the text report, by rank: from the line that opens with its
    number and title to the line before the next item's (or the end of the plan)."""
    lines = _plan_section(report, out)
    starts: list[int] = []
    for item in report.plan:
        head = f"{item.rank}. {item.title[:2]}"
        after = starts[-1] + 1 if starts else 0
        found = [i for i in range(after, len(lines)) if lines[i].lstrip().startswith(head)]
        assert found, f"plan item {item.rank} ({item.title!r}) is not in the text report"
        starts.append(found[0])
    bounds = [*starts, len(lines)]
    return {item.rank: lines[bounds[n] : bounds[n + 1]] for n, item in enumerate(report.plan)}


def _full_texts(item: PlanItemOut) -> list[str]:
    """What the text report prints of a "soon" item."""
    texts = [item.title, item.why or "", item.do, item.proof or ""]
    texts += [later.do for later in item.later]
    for part in item.basics:
        texts += [part.name, part.do, part.proof]
        texts += [x for b in part.reading for x in (b.title, b.author)]
    texts += [x for b in item.reading for x in (b.title, b.author)]
    return [text for text in texts if text]


def _breakable(ch: str) -> bool:
    return ch.isspace() or bool(CJK.match(ch))


def _cut_problems(texts: list[str], lines: list[str], width: int) -> list[str]:
    """Texts not printed in full in ``lines``, or broken inside a word.

    Spaces aside, every text must be there. Where a line ends inside a text, the text must
    have a space there or a CJK character on either side (CJK text breaks between any two
    characters); a word is only folded when it is longer than the line.
    """
    joined = "\n".join(lines)
    shown = [(i, ch) for i, ch in enumerate(joined) if not ch.isspace()]
    shown_flat = "".join(ch for _, ch in shown)
    problems = []
    for text in texts:
        chars = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
        wanted = "".join(ch for _, ch in chars)
        at = shown_flat.find(wanted)
        if at < 0:
            problems.append(f"missing: {text!r}")
        while at >= 0:
            for k in range(len(chars) - 1):
                (a, x), (b, y) = chars[k], chars[k + 1]
                gap = joined[shown[at + k][0] : shown[at + k + 1][0]]
                if "\n" not in gap or b > a + 1 or CJK.match(x) or CJK.match(y):
                    continue
                start, end = a, b
                while start > 0 and not _breakable(text[start - 1]):
                    start -= 1
                while end < len(text) and not _breakable(text[end]):
                    end += 1
                if cell_len(text[start:end]) <= width - 10:  # else folded: longer than the line
                    problems.append(f"cut inside {text[start:end]!r} of {text[:40]!r}")
            at = shown_flat.find(wanted, at + 1)
    return problems


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_plan_text_is_never_cut(width: int) -> None:
    """Every plan item is in the text report, in its own place, every word in full: the
    "next 90 days" items with all their texts, the "later" ones with their title (one line)."""
    checked = 0
    for example in EXAMPLES:
        for lang in ("zh", "en"):
            for target in ROW_TARGETS:
                report = report_for(example, lang, target)
                out = render(report, width)
                section = _plan_section(report, out)
                blocks = _plan_blocks(report, out)
                expected_ellipses = 0
                for item in report.plan:
                    texts = _full_texts(item) if item.group == "soon" else [item.title]
                    expected_ellipses += sum(text.count("…") for text in texts)
                    problems = _cut_problems(texts, blocks[item.rank], width)
                    assert not problems, (example.stem, lang, target, item.rank, problems[:3])
                    checked += len(texts)
                # rich marks a cell it had to cut with "…"
                assert flat("".join(section)).count("…") == expected_ellipses
    assert checked > 500


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
    out = text_report(report_for(EXAMPLES[0], "en"), 100, colour=True)
    assert "\x1b[" in out
    assert ANSI.sub("", out) == text_report(report_for(EXAMPLES[0], "en"), 100)


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
    assert "</b> red 42" in plain  # the whole escape sequence is dropped, the text is shown
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


def test_json_report_keeps_user_text_without_its_controls(hostile_answers: Path) -> None:
    result = run_cli(["assess", "-a", str(hostile_answers), "-f", "json"])
    data = json.loads(result.stdout)
    # printable text verbatim (markup is data in JSON); the escape sequence and the bell are gone
    assert set(data["inputs"]["evidence"].values()) == {"[bold red]x[/] *em* _u_ <b>#</b> red 42"}
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


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def _label(key: str, lang: str) -> str:
    return t(key, lang) + _colon(lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_plan_shows_soon_items_in_full_and_later_ones_in_one_line(lang: str) -> None:
    example = next(p for p in EXAMPLES if p.stem == "reviewer-titled-community")
    report = report_for(example, lang)
    soon = [p for p in report.plan if p.group == "soon"]
    later = [p for p in report.plan if p.group == "later"]
    assert len(soon) > 3 and later
    assert len(report.plan) > 10  # no cap any more: the old text report stopped at ten
    assert [p.rank for p in report.plan] == list(range(1, len(report.plan) + 1))
    assert report.plan == soon + later
    limit = PACK.meta.scoring.plan_soon
    # Due within the first horizon, or a move placed ahead of one that is (the pack's `before`).
    movers = {f.id for f in PACK.fit.findings if f.before}
    assert all(p.horizon <= limit or p.ref in movers for p in soon)
    assert all(p.horizon > limit for p in later)
    assert {p.kind for p in soon} == {"career", "basics", "skill"}

    out = render(report, 100)
    blocks = _plan_blocks(report, out)
    section = _plan_section(report, out)
    later_heading = next(
        i for i, line in enumerate(section) if line.startswith(t("plan_later_title", lang))
    )
    for item in soon:
        block = flat("".join(blocks[item.rank]))
        assert flat(_label("do", lang) + item.do) in block, item.title
        proofs = [item.proof] if item.proof else [part.proof for part in item.basics]
        assert proofs or item.kind == "career", item.title
        for proof in proofs:
            assert flat(_label("proof", lang) + proof) in block, item.title
        assert section.index(blocks[item.rank][0]) < later_heading
    pointer = t("plan_later_more", lang)
    for item in later:
        line, *rest = blocks[item.rank]
        assert section.index(line) > later_heading
        assert line.lstrip().startswith(f"{item.rank}. {item.title}  ")
        assert t("days", lang, n=item.horizon) in line, line
        assert all(not r.strip() or r == pointer for r in rest), (item.title, rest)
        assert flat(item.do) not in flat(out), f"later item {item.rank} is shown in full"
    assert [line for line in blocks[later[-1].rank][1:] if line.strip()] == [pointer]

    markdown = render_markdown(report)
    soon_at = markdown.index(f"## {md(t('plan_soon_title', lang))}")
    later_at = markdown.index(f"## {md(t('plan_later_title', lang))}")
    for item in report.plan:
        head = f"\n{item.rank}. **{md(item.title)}**"
        at = markdown.index(head)
        assert (soon_at < at < later_at) == (item.group == "soon")
        body = markdown[at + len(head) :].split("\n\n")[0].split(f"\n{item.rank + 1}. ")[0]
        assert f"    - {t('do', lang)}{_colon(lang)}{md(item.do)}" in body, item.title
        for proof in [item.proof] if item.proof else [p.proof for p in item.basics]:
            assert f"{t('proof', lang)}{_colon(lang)}{md(proof)}" in body, item.title


@pytest.fixture
def little_answers(tmp_path: Path) -> Path:
    """Answers with too little to plan from: the job, and two experience questions."""
    return write(
        tmp_path / "little.yaml",
        f"pack: {PACK.id}\n"
        f'pack_version: "{PACK.version}"\n'
        "answers:\n"
        "  role.title: community_ops\n"
        "  role.employer: outside_internet\n"
        "  user.segment_work: none\n"
        "  content.filtering_work: did\n",
    )


def test_markdown_zh_lists_use_the_chinese_comma(little_answers: Path) -> None:
    example = next(p for p in EXAMPLES if p.stem == "reviewer-titled-community")
    report = report_for(example, "zh")
    assert report.path is not None and len(report.path.unknown) > 1
    names = {c.id: c.name for c in report.competencies}
    unknown = [names[c] for c in report.path.unknown]
    out = render_markdown(report)
    assert md("、".join(unknown)) in out
    assert flat("、".join(unknown)) in flat(render(report, 100))
    for comma in ("，", ", ", ","):
        assert md(comma.join(unknown)) not in out

    little = report_for(little_answers, "zh")
    basics = next(p for p in little.plan if p.kind == "basics")
    modules = [part.name for part in basics.basics]
    assert len(modules) > 1
    assert f"**{md(t('basics_title', 'zh', modules='、'.join(modules)))}**" in render_markdown(
        little
    )


TO_ANSWER_SHOWN = 5  # the text report lists five questions, then says how many more


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_modules_without_enough_data_show_unknown_and_what_to_answer(
    lang: str, little_answers: Path
) -> None:
    example = next(p for p in EXAMPLES if p.stem == "reviewer-titled-community")
    reviewer = report_for(example, lang)
    little = report_for(little_answers, lang)
    assert not reviewer.little_data and little.little_data
    assert reviewer.target is not None and little.target is None
    assert all(m.status == "insufficient_data" for m in little.modules)

    # With a target: the questions of its core competencies nobody knows yet, still unanswered.
    assert reviewer.path is not None and reviewer.path.unknown
    asked = {PACK.questions[q.id].competency for q in reviewer.to_answer}
    assert asked == set(reviewer.path.unknown)
    for q in reviewer.to_answer:
        answer = reviewer.inputs.answers.get(q.id)
        assert answer is None or answer == PACK.unknown_value[q.id], (q.id, answer)
    # Without one: the questions of every module with too little data to score.
    unscored = {m.id for m in little.modules}
    assert {
        PACK.competency_module[PACK.questions[q.id].competency or ""] for q in little.to_answer
    } == unscored

    for report in (reviewer, little):
        insufficient = [m for m in report.modules if m.status == "insufficient_data"]
        assert insufficient and report.to_answer
        out = render(report, 100)
        markdown = render_markdown(report)
        rows = _module_section(report, out)
        for m in insufficient:
            assert m.average is None and m.score is None
            row = next(line for line in rows if line.startswith(m.name))
            assert t("unknown", lang) in row, row
            assert not re.search(r"\d+/100| \d+ 分", row), row
            cov = t("coverage", lang, pct=round(m.coverage * 100))
            assert f"| {md(m.name)} | {md(t('unknown', lang))} ({md(cov)}) |" in markdown
        for m in report.modules:
            if m.status == "scored":
                row = next(line for line in rows if line.startswith(m.name))
                assert t("unknown", lang) not in row, row

        assert flat(t("to_answer_lead", lang)) in flat(out)
        shown, rest = report.to_answer[:TO_ANSWER_SHOWN], report.to_answer[TO_ANSWER_SHOWN:]

        def paren(text: str) -> str:  # full-width in Chinese
            return f"（{text}）" if lang == "zh" else f" ({text})"

        for q in shown:
            assert flat(q.prompt + paren(q.id)) in flat(out), q.id
        for q in rest:
            assert q.id not in out, q.id
        if rest:
            assert t("to_answer_more", lang, n=len(rest)) in out
        for q in report.to_answer:
            assert f"- {md(q.prompt)}{paren(f'`{q.id}`')}" in markdown, q.id
    assert len(little.to_answer) > TO_ANSWER_SHOWN  # the "n more" line was checked


# ---------------------------------------------------------------- the summary and the findings


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("stem", ["reviewer-titled-community", "brand-new-media"])
def test_text_report_opens_with_the_summary(stem: str, lang: str) -> None:
    """At 100 columns the first 30 lines say the verdict, the target, the next three items and
    the biggest career move (its number and title, or "item N above" when it is one of them)."""
    example = next(p for p in EXAMPLES if p.stem == stem)
    report = report_for(example, lang)
    s = report.summary
    assert report.target is not None and report.path is not None and s.verdict is not None
    assert s.next == [1, 2, 3] and s.move is not None
    head = flat("\n".join(cli_text(example, "--lang", lang).splitlines()[:30]))

    assert flat(s.verdict) in head
    assert flat(report.target.name) in head
    path = report.path
    if path.steps:
        steps = plural("path_steps", lang, path.steps, m=path.competencies)
    else:
        steps = t("path_known_met" if path.unknown else "path_met", lang)
    if path.unknown:
        steps += t("path_unknown_tail", lang, n=len(path.unknown))
    assert flat(steps) in head
    by_rank = {p.rank: p for p in report.plan}
    for rank in s.next:
        item = by_rank[rank]
        assert flat(f"{rank}. {item.title} · {t('days', lang, n=item.horizon)}") in head

    move = by_rank[s.move]
    order = ["high", "medium", "low"]
    assert move.kind == "career"
    assert all(
        order.index(move.severity or "") <= order.index(p.severity or "")
        for p in report.plan
        if p.kind == "career"
    )
    assert flat(t("summary_move", lang)) in head
    if s.move in s.next:
        assert flat(t("summary_move_above", lang, n=s.move)) in head
    else:
        assert flat(f"{s.move}. {move.title}") in head
    # whichever: the move's finding is in the report, pointing at the same item
    assert any(f.plan_rank == s.move for f in report.findings)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_finding_reason_is_shown_once_and_its_plan_item_carries_the_move(lang: str) -> None:
    checked = 0
    for example in EXAMPLES:
        report = report_for(example, lang)
        out = render(report, 100)
        text = flat(out)
        markdown = render_markdown(report)
        blocks = _plan_blocks(report, out)
        by_rank = {p.rank: p for p in report.plan}
        for f in report.findings:
            assert text.count(flat(f.reason)) == 1, (example.stem, f.id)
            assert markdown.count(md(f.reason)) == 1, (example.stem, f.id)
            if f.severity == "strength":
                assert f.plan_rank is None
                continue
            assert f.plan_rank is not None
            item = by_rank[f.plan_rank]
            assert (item.kind, item.ref, item.do) == ("career", f.id, f.move)
            assert item.why is None and item.horizon == f.horizon
            pointer = t("move_in_plan", lang, n=f.plan_rank)
            assert f"→ {pointer}" in [line.strip() for line in out.splitlines()], f.id
            assert f"  - {md(pointer)}" in markdown.splitlines()
            assert markdown.count(md(f.move)) == 1
            assert f"\n{item.rank}. **{md(item.title)}**" in markdown
            block = flat("".join(blocks[item.rank]))
            if item.group == "soon":
                assert flat(_label("do", lang) + f.move) in block, f.id
                assert text.count(flat(f.move)) == 1
            else:
                assert flat(f.move) not in text
            checked += 1
    assert checked > 10


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

    for part in (PACK.meta, PACK.diagnosis, PACK.fit, PACK.roles, PACK.resume, PACK.reading):
        walk(part)
    for module in PACK.modules:
        walk(module)
    return texts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_pack_text_fits_every_width(lang: str) -> None:
    texts = _pack_texts(lang)
    assert len(texts) > 300
    # The plan's texts: each module's basics and steps, and the reading list.
    plan_texts = [
        text.get(lang)
        for m in PACK.modules
        for action in (m.basics, *m.steps)
        for text in (action.do, action.proof)
    ]
    plan_texts += [book.title.get(lang) for book in PACK.reading.reading]
    assert len(plan_texts) > 100
    assert set(plan_texts) <= set(texts)
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


@settings(max_examples=200, deadline=None)
@given(text=_MIXED | st.text(max_size=40), width=st.integers(min_value=4, max_value=80))
def test_the_page_lays_a_paragraph_out_as_rich_did(text: str, width: int) -> None:
    """A paragraph, on the report's page (no rich console) and as the rich renderable that
    ``rules show`` uses, is laid out exactly as rich laid out the reports' paragraphs before:
    divided at ``break_offsets``, each line stripped of its leading spaces (unless only spaces)
    and its trailing whitespace, drawn cropped at the width."""
    rich_text = RichText(text)  # drops BEL, BS, VT, FF and CR, as the page's Text does
    plain = rich_text.plain
    lines = list(rich_text.divide(break_offsets(plain, width))) if plain else [rich_text]
    for n, line in enumerate(lines):
        lead = len(line.plain) - len(line.plain.lstrip(" "))
        if lead and lead < len(line.plain):
            lines[n] = line = line[lead:]
        line.rstrip()
    joined = RichText("\n").join(lines)
    joined.no_wrap, joined.overflow = True, "crop"
    expected = _drawn(joined, width)

    assert _drawn(Para(text), width) == expected
    page = Page(width)
    page.print(PagePara(text))
    assert page.text().split("\n") == expected


def _drawn(renderable: Any, width: int) -> list[str]:
    buffer = io.StringIO()
    Console(file=buffer, width=width, legacy_windows=False).print(renderable)
    return [line.rstrip(" ") for line in buffer.getvalue().split("\n")]


_REPORTS = {(e.stem, lang): report_for(e, lang) for e in EXAMPLES for lang in ("zh", "en")}
_DRAWING = re.compile(r"[\s─█░·]")


@settings(max_examples=60, deadline=None)
@given(key=st.sampled_from(sorted(_REPORTS)), width=st.integers(min_value=30, max_value=200))
def test_the_report_fits_any_width_and_loses_nothing(key: tuple[str, str], width: int) -> None:
    """At any width careerfix accepts, no line of the text report is wider, and its words are
    the same as at 140 columns, in the same order (only where the lines break, the bars' and
    rules' lengths and the layout of the module rows change)."""
    report = _REPORTS[key]
    out = render(report, width)
    assert max(cell_len(line) for line in out.splitlines()) <= width
    assert _DRAWING.sub("", out) == _DRAWING.sub("", render(report, 140))
