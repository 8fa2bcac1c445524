"""The one ordered list of sections (render/sections.py) drives the text and the Markdown report.

The reports come from the JSON goldens (the CLI's own output, read back as a ``Report``), plus
variants of them that leave sections empty, so every predicate is seen both ways.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, get_args

import pytest

from careerfix.models.records import adapter
from careerfix.models.report import Report
from careerfix.render import markdown, text
from careerfix.render.markdown import md, render_markdown
from careerfix.render.sections import (
    FORMATS,
    SECTIONS,
    TO_ANSWER_ON_SCREEN,
    Format,
    SectionId,
    roles_shown,
)
from careerfix.render.text import text_report
from helpers import EXAMPLE_IDS

GOLDENS = Path(__file__).parent / "__snapshots__" / "test_golden"
RENDERERS: dict[Format, dict[SectionId, Any]] = {
    "text": text.SECTION_RENDERERS,
    "markdown": markdown.SECTION_RENDERERS,
}


def golden_data(stem: str, lang: str) -> dict[str, Any]:
    path = GOLDENS / f"test_report_golden[{stem}-{lang}-json].json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def as_report(data: dict[str, Any]) -> Report:
    report: Report = adapter(Report).validate_python(data)
    return report


def _no_findings_no_resume(d: dict[str, Any]) -> None:
    d["findings"], d["resume"] = [], []


def _no_evidence(d: dict[str, Any]) -> None:
    d["evidence"], d["evidence_hint"] = [], None


def _nothing_soon(d: dict[str, Any]) -> None:
    for item in d["plan"]:
        item["group"] = "later"


def _nothing_later(d: dict[str, Any]) -> None:
    for item in d["plan"]:
        item["group"] = "soon"


def _no_target(d: dict[str, Any]) -> None:
    d["target"], d["path"] = None, None


def _many_questions(d: dict[str, Any]) -> None:
    d["to_answer"] = [{"id": f"q{i}", "prompt": f"Question number {i}"} for i in range(8)]


VARIANTS: dict[str, Callable[[dict[str, Any]], None]] = {
    "as-is": lambda d: None,
    "no-findings-no-resume": _no_findings_no_resume,
    "no-evidence": _no_evidence,
    "nothing-soon": _nothing_soon,
    "nothing-later": _nothing_later,
    "no-target": _no_target,
    "many-questions": _many_questions,
}


def reports() -> Iterator[tuple[str, Report]]:
    for stem in EXAMPLE_IDS:
        for lang in ("zh", "en"):
            base = golden_data(stem, lang)
            for name, change in VARIANTS.items():
                data = copy.deepcopy(base)
                change(data)
                yield f"{stem}-{lang}-{name}", as_report(data)


REPORTS = dict(reports())


def render_as(fmt: Format, report: Report, width: int = 140) -> str:
    if fmt == "markdown":
        return render_markdown(report)
    return text_report(report, width)


# ---------------------------------------------------------------- the list itself


def test_every_section_id_is_listed_once() -> None:
    ids = [s.id for s in SECTIONS]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(get_args(SectionId))


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_renderer_has_one_function_per_section_it_shows(fmt: Format) -> None:
    assert set(RENDERERS[fmt]) == {s.id for s in SECTIONS if fmt in s.formats}


def test_what_a_format_leaves_out_or_abridges_carries_a_reason() -> None:
    for section in SECTIONS:
        assert section.abridged <= section.formats, section.id
        if section.formats != set(FORMATS) or section.abridged:
            assert section.why.strip(), f"{section.id}: no reason given"


def test_the_variants_see_every_predicate_both_ways() -> None:
    for section in SECTIONS:
        seen = {section.shows(report) for report in REPORTS.values()}
        if section.shows.__name__ != "_always":
            assert seen == {True, False}, section.id


# ---------------------------------------------------------------- the renderers follow it


@pytest.mark.parametrize("fmt", FORMATS)
def test_renderers_emit_the_listed_sections_in_the_lists_order(
    fmt: Format, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: list[str] = []
    table = RENDERERS[fmt]
    for sid, function in list(table.items()):

        def recording(*args: Any, _sid: str = sid, _function: Any = function) -> None:
            called.append(_sid)
            _function(*args)

        monkeypatch.setitem(table, sid, recording)
    for name, report in REPORTS.items():
        called.clear()
        render_as(fmt, report)
        expected = [s.id for s in SECTIONS if fmt in s.formats and s.shows(report)]
        assert called == expected, name


_RULE = re.compile(r"^(\S.*?) ─{3,}$")


def _text_headings(out: str) -> list[str]:
    return [m.group(1) for line in out.splitlines() if (m := _RULE.match(line))]


def _markdown_headings(out: str) -> list[str]:
    return [line[3:] for line in out.splitlines() if line.startswith("## ")]


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_text_and_markdown_show_the_same_headings_in_the_same_order(name: str) -> None:
    report = REPORTS[name]
    shown = _text_headings(render_as("text", report))
    assert shown, "no section heading found in the text report"
    assert [md(h) for h in shown] == _markdown_headings(render_as("markdown", report))


# ---------------------------------------------------------------- what the text report abridges


def test_text_lists_the_first_questions_and_counts_the_rest_markdown_lists_all() -> None:
    report = REPORTS["traffic-growth-en-many-questions"]
    shown, hidden = report.to_answer[:TO_ANSWER_ON_SCREEN], report.to_answer[TO_ANSWER_ON_SCREEN:]
    out, doc = render_as("text", report), render_as("markdown", report)
    assert all(q.prompt in out for q in shown)
    assert not any(q.prompt in out for q in hidden)
    assert f"{len(hidden)} more" in out
    assert all(q.prompt in doc for q in report.to_answer)


@pytest.mark.parametrize("stem", EXAMPLE_IDS)
def test_text_shows_the_top_roles_the_verdicts_and_the_fallback_markdown_all(stem: str) -> None:
    report = REPORTS[f"{stem}-en-as-is"]
    ranked = [r for r in report.roles if r.outlook != "fallback"]
    shown = roles_shown(report, "text")
    assert shown[:3] == ranked[:3]
    assert [r for r in shown if r.outlook == "fallback"] == [
        r for r in report.roles if r.outlook == "fallback"
    ]
    matching = [r for r in ranked if r.verdict_match]
    if matching:
        assert any(r in shown for r in matching)
    assert len(shown) < len(report.roles)
    out, doc = render_as("text", report), render_as("markdown", report)
    for role in report.roles:
        assert f"(`{role.id}`)" in doc
        assert (f"({role.id})" in out) == (role in shown), role.id
    assert roles_shown(report, "markdown") == report.roles
