"""The terminal report, laid out by render/page.py. Reads well from 60 to 140 columns, piped, and with NO_COLOR.

Every text goes in as a page ``Text`` (there is no markup), so brackets in the user's evidence or
a pack's texts are printed as they are, and terminal control characters are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from typing import TextIO

from careerfix.i18n import join_names, level_text, plural, t
from careerfix.models.lang import Lang
from careerfix.models.report import ModuleOut, PlanItemOut, ReadingOut, Report
from careerfix.render.page import (
    Group,
    Hanging,
    Line,
    Padding,
    Page,
    Para,
    Rule,
    Text,
    cell_len,
    write_page,
)
from careerfix.render.sections import (
    SectionId,
    later_in_full,
    later_items,
    questions_shown,
    roles_shown,
    sections_for,
    soon_items,
)
from careerfix.render.words import role_why

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Drop terminal control characters (an ESC in someone's evidence must not reach the tty)."""
    return _CONTROL.sub("", text)


_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "strength": "green"}


# The source ids printed so far in the report being rendered: its legend lists them at the end.
_CITED: ContextVar[list[str] | None] = ContextVar("careerfix_text_cited", default=None)


def _sources(sources: list[str]) -> str:
    cited = _CITED.get()
    if cited is not None:
        cited.extend(s for s in sources if s not in cited)
    return f"[{', '.join(sources)}]" if sources else ""


def render_text(console: Page, report: Report) -> None:
    token = _CITED.set([])
    try:
        for section in sections_for(report, "text"):
            SECTION_RENDERERS[section.id](console, report)
    finally:
        _CITED.reset(token)


def text_report(report: Report, width: int | None = None, *, colour: bool = False) -> str:
    """The report as text at ``width`` (by default the terminal's, see ``page.report_width``)."""
    page = Page(width)
    render_text(page, report)
    return page.text(colour=colour)


def print_report(report: Report, stream: TextIO) -> None:
    """The report on ``stream``, coloured when the stream is a terminal that wants colour."""
    page = Page()
    render_text(page, report)
    write_page(page, stream)


def _title(console: Page, report: Report) -> None:
    title = Text(t("report_title", report.inputs.lang), style="bold")
    title.append(f"  ·  {report.pack.id} {report.pack.version}", style="dim")
    console.print(title)
    if report.interview is not None:
        console.print(Para(report.interview.note, style="yellow"))


def _source_legend(console: Page, report: Report) -> None:
    """The ids the report printed, decoded from the pack, in the pack's order."""
    lang = report.inputs.lang
    cited = _CITED.get() or []
    if not cited:
        return
    titles = {s.id: s.title for s in report.sources}
    order = [s.id for s in report.sources if s.id in cited] + [s for s in cited if s not in titles]
    _section(console, t("sources_title", lang))
    table = Hanging(label_style="dim")
    for sid in order:
        table.add_row(f"[{sid}]", Para(titles.get(sid, "")))
    console.print(table)
    console.print(Para(t("sources_note", lang), style="dim"))


def _summary(console: Page, report: Report) -> None:
    """The report in one screen: verdict, target, the next three actions, the biggest move."""
    lang = report.inputs.lang
    s = report.summary
    rows: list[tuple[str, Text]] = []
    d = report.diagnosis
    if d.status == "ambiguous" and len(d.verdicts) > 1:
        verdict = Text(join_names(lang, [v.name for v in d.verdicts[:2]]), style="bold cyan")
        verdict.append(_paren(t("verdict_between", lang), lang), style="dim")
    elif s.verdict is not None:
        verdict = Text(s.verdict, style="bold cyan")
    else:
        verdict = Text(t("verdict_unknown_short", lang), style="yellow")
    rows.append((t("summary_job", lang), verdict))
    if report.target is not None:
        target = Text(report.target.name, style="bold")
        target.append(_paren(t("target_" + report.target.source, lang), lang), style="dim")
        if report.path is not None:
            target.append(" · ")
            target.append(_steps_phrase(report, lang))
        rows.append((t("target", lang), target))
    else:
        rows.append((t("target", lang), Text(t("no_target_why", lang), style="yellow")))
    by_rank = {p.rank: p for p in report.plan}
    for n, rank in enumerate(s.next, start=1):
        item = by_rank[rank]
        line = Text(f"{rank}. ", style="bold")
        line.append(item.title)
        line.append(f" · {t('days', lang, n=item.horizon)}", style="dim")
        rows.append((t("summary_next", lang) if n == 1 else "", line))
    if s.move is not None and s.move not in s.next:
        move = by_rank[s.move]
        line = Text(f"{move.rank}. ", style="bold")
        line.append(move.title)
        rows.append((t("summary_move", lang), line))
    elif s.move is not None:
        rows.append((t("summary_move", lang), Text(t("summary_move_above", lang, n=s.move))))
    table = Hanging(label_style="dim")
    for label, value in rows:
        table.add_row(label, Para(value))
    console.print(table)
    if report.target is not None and report.target.note:
        console.print(Para(report.target.note, style="yellow"))


def _steps_phrase(report: Report, lang: Lang) -> str:
    path = report.path
    assert path is not None
    if path.steps:
        phrase = plural("path_steps", lang, path.steps, m=path.competencies)
    elif path.unknown:
        phrase = t("path_known_met", lang)
    else:
        phrase = t("path_met", lang)
    if path.unknown:
        phrase += t("path_unknown_tail", lang, n=len(path.unknown))
    return phrase


def _books(books: list[ReadingOut], lang: Lang) -> str:
    sep = "；" if lang == "zh" else "; "
    return sep.join(b.title + _paren(b.author, lang) for b in books)


def _paren(text: str, lang: Lang) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _label(key: str, lang: Lang) -> str:
    return _label_text(t(key, lang), lang)


def _label_text(text: str, lang: Lang) -> str:
    return text + ("：" if lang == "zh" else ": ")


def _bullets(console: Page, items: list[Text], bullet: str = "•", indent: int = 0) -> None:
    """Bulleted lines with a hanging indent, so wrapped lines stay under their text."""
    table = Hanging()
    for item in items:
        table.add_row(Text(bullet, style=item.style or ""), Para(item))
    console.print(Padding(table, indent) if indent else table)


def _section(console: Page, heading: str) -> None:
    console.print()
    if cell_len(heading) + 6 > console.width:
        # Too long for a titled rule (rich would cut it): the heading wraps, the rule follows.
        console.print(Para(heading, style="bold"))
        console.print(Rule(style="dim"))
        return
    console.print(Rule(Text(heading, style="bold"), style="dim"))


def _verdict_heading(report: Report) -> str:
    lang = report.inputs.lang
    status = report.diagnosis.status
    if status == "ambiguous":
        return t("verdict_ambiguous", lang)
    if status == "undetermined":
        return t("verdict_undetermined", lang)
    return t("verdict", lang)


def _verdict(console: Page, report: Report) -> None:
    lang = report.inputs.lang
    d = report.diagnosis
    _section(console, _verdict_heading(report))
    for v in d.verdicts:
        console.print(Para(v.name, style="bold cyan"))
        console.print(Para(v.summary))
        items = []
        for reason in v.reasons:
            line = Text(reason.text)
            line.append(f" {_sources(reason.sources)}", style="dim")
            items.append(line)
        _bullets(console, items, indent=2)
    if d.remap:
        console.print(Para(d.remap_note or "", style="cyan"))
        _bullets(
            console,
            [
                Text(
                    f"{m.name}"
                    + _paren(m.module_name, lang)
                    + _label_text("", lang).rstrip()
                    + " " * (lang == "en")
                    + t("level_n", lang, n=level_text(m.level))
                )
                for m in d.remap
            ],
            bullet="→",
            indent=2,
        )
    if d.notes:
        _bullets(console, [Text(note, style="yellow") for note in d.notes], bullet="!")


def _modules(console: Page, report: Report) -> None:
    _section(console, t("modules_title", report.inputs.lang))
    console.print(_module_bars(report, console.width))


def _bar(module: ModuleOut, cells: int) -> Text:
    """A bar over the 0–4 scale of the module's average level."""
    bar = Text()
    if module.average is None:
        bar.append("·" * cells, style="dim")
        return bar
    filled = round(module.average / 4 * cells)
    met = module.core == module.core_met
    for i in range(cells):
        if i < filled:
            bar.append("█", style="green" if met else "yellow")
        else:
            bar.append("░", style="dim")
    return bar


def _module_bars(report: Report, width: int) -> Group:
    """One row per module: name, bar, average and score, the target's core competencies in it.

    When the names leave too little room for a readable bar (narrow terminals, long English
    names), each module takes two lines: its name, then the bar and the figures.
    """
    lang = report.inputs.lang
    rows = []
    for m in report.modules:
        if m.average is not None and m.score is not None:
            figure = Text(t("module_figure", lang, avg=level_text(m.average), score=m.score))
        else:  # explained once, under the bars
            figure = Text(t("unknown", lang), style="yellow")
        if report.target is None or not m.core:
            need = Text("")
        else:
            style = "green" if m.core == m.core_met else "yellow"
            need = Text(t("core_met", lang, met=m.core_met, n=m.core), style=style)
        rows.append((m, Text(m.name), figure, need))
    name_w = max(cell_len(name.plain) for _, name, _, _ in rows)
    figure_w = max(cell_len(figure.plain) for _, _, figure, _ in rows)
    need_w = max(cell_len(n.plain) for _, _, _, n in rows)
    fixed = figure_w + need_w + 2  # one-cell gaps between bar, figure and need
    one_line = width - name_w - 1 - fixed >= 12

    if one_line:
        cells = max(8, min(24, width - name_w - 1 - fixed))
        table = [
            _columns([name, _bar(m, cells), figure, need], [name_w, cells, figure_w])
            for m, name, figure, need in rows
        ]
        return _with_legend(report, Group(*table))
    parts: list[Text | Line | Padding] = []
    if width - 2 - fixed >= 8:
        cells = min(24, width - 2 - fixed)
        for m, name, figure, need in rows:
            line = _columns([Text(" "), _bar(m, cells), figure, need], [1, cells, figure_w])
            parts += [name, line]
        return _with_legend(report, Group(*parts))
    # Very narrow: the figures get a line of their own under the bar, so none is cut.
    cells = max(4, min(24, width - 2))
    for m, name, figure, need in rows:
        figures = Text.assemble(figure, " ", need) if need.plain else figure
        parts += [name, Padding(Line(_bar(m, cells)), 2), Padding(Para(figures), 2)]
    return _with_legend(report, Group(*parts))


def _columns(cells: list[Text], widths: list[int]) -> Line:
    """Cells on one line, each but the last padded to its column's width, one space apart: the
    bars are laid out by construction to fit, so no table layout is needed."""
    line = Text()
    for n, cell in enumerate(cells):
        if n:
            line.append(" ")
        line.append_text(cell)
        if n < len(widths):
            line.append(" " * (widths[n] - cell_len(cell.plain)))
    return Line(line)


def _with_legend(report: Report, bars: Group) -> Group:
    lang = report.inputs.lang
    legend = [t("modules_legend", lang)]
    if report.target is not None:
        legend.append(t("core_legend", lang))
    if any(m.status != "scored" for m in report.modules):
        legend.append(t("insufficient_legend", lang))
    return Group(bars, Para(" ".join(legend) if lang == "en" else "".join(legend), style="dim"))


def _path_heading(report: Report) -> str:
    lang = report.inputs.lang
    if report.target is None:
        return t("path_title_none", lang)
    return t("path_title", lang, role=report.target.name)


def _path(console: Page, report: Report) -> None:
    lang = report.inputs.lang
    path = report.path
    names = {c.id: c.name for c in report.competencies}
    _section(console, _path_heading(report))
    if path is None:
        console.print(Para(t("path_no_target", lang), style="yellow"))
    else:
        if path.climbs:
            console.print(Para(t("path_lead", lang, n=path.steps, m=path.competencies)))
            items = []
            for c in path.climbs:
                line = Text(_label_text(c.name, lang))
                line.append(t("level_from_to", lang, a=level_text(c.current), b=c.to))
                line.append(f"  → {t('plan_ref', lang, n=c.plan_rank)}", style="dim")
                items.append(line)
            _bullets(console, items, indent=2)
        elif not path.unknown:
            console.print(
                Para(
                    t("path_all_met", lang, role=report.target.name if report.target else ""),
                    style="green",
                )
            )
        else:
            console.print(Para(t("path_known_met_long", lang), style="green"))
        if path.met and path.climbs:
            met = join_names(lang, [names[c] for c in path.met])
            console.print(Para(t("path_met_list", lang, names=met), style="dim"))
        if path.unknown:
            unknown = join_names(lang, [names[c] for c in path.unknown])
            console.print(Para(t("path_unknown_list", lang, names=unknown), style="yellow"))
    _to_answer(console, report)


def _to_answer(console: Page, report: Report) -> None:
    lang = report.inputs.lang
    if not report.to_answer:
        return
    console.print(Para(t("to_answer_lead", lang), style="dim"))
    shown = questions_shown(report, "text")
    _bullets(
        console,
        [Text(q.prompt + _paren(q.id, lang), style="dim") for q in shown],
        bullet="?",
        indent=2,
    )
    if len(report.to_answer) > len(shown):
        console.print(
            Para(t("to_answer_more", lang, n=len(report.to_answer) - len(shown)), style="dim")
        )


_EVIDENCE_MARK = {"proven": ("✓", "green"), "weak": ("~", "yellow"), "unproven": ("?", "yellow")}


def _evidence(console: Page, report: Report) -> None:
    lang = report.inputs.lang
    names = {c.id: c.name for c in report.competencies}
    _section(console, t("evidence_title", lang))
    table = Hanging()
    for e in report.evidence:
        if e.claim:
            mark, style = _EVIDENCE_MARK[e.status]
            level = t("level_n", lang, n=e.level)
        else:  # a lower level: noted, not a claim that needs proof
            mark, style = ("✓", "green") if e.status == "proven" else ("·", "dim")
            key = "level_result_noted" if e.status == "proven" else "level_noted"
            level = t(key, lang, n=e.level)
        name = names.get(e.competency, e.competency)
        line = Text(name + _paren(level, lang))
        if e.evidence:
            line.append("：" if lang == "zh" else ": ", style="dim")
            line.append(clean(e.evidence), style="italic")
        if e.claim and e.status != "proven":
            line.append(f" — {t(e.status, lang)}", style="yellow")
        table.add_row(Text(mark, style=style), Para(line))
    console.print(table)
    claims = {e.status for e in report.evidence if e.claim}
    legend = [
        t(f"evidence_legend_{status}", lang)
        for status in ("proven", "weak", "unproven")
        if status in claims
    ]
    if any(not e.claim and e.status != "proven" for e in report.evidence):
        legend.append(t("evidence_legend_note", lang))
    console.print(Para((" " if lang == "en" else "").join(legend), style="dim"))
    if report.evidence_hint is not None:
        hint = Text(report.evidence_hint.text)
        hint.append(f" {_sources(report.evidence_hint.sources)}".rstrip(), style="dim")
        console.print(Para(hint, style="yellow"))


def _findings(console: Page, report: Report) -> None:
    lang = report.inputs.lang
    _section(console, t("fit_title", lang))
    for f in report.findings:
        line = Text(f"{t('severity_' + f.severity, lang)} ", style=_SEVERITY_STYLE[f.severity])
        line.append(f.name, style="bold")
        line.append(f" {_sources(f.sources)}", style="dim")
        console.print(Para(line))
        console.print(Padding(Para(f.reason), 2))
        if f.plan_rank is not None:
            _bullets(
                console,
                [Text(t("move_in_plan", lang, n=f.plan_rank), style="cyan")],
                bullet="→",
                indent=2,
            )


def _plan_item(item: PlanItemOut, lang: Lang) -> Group:
    head = Text()
    head.append(item.title, style="bold")
    head.append(
        f"  {t('kind_' + item.kind, lang)} · {t('days', lang, n=item.horizon)}", style="dim"
    )
    head.append(f" {_sources(item.sources)}", style="dim")
    lines: list[Para | Padding] = [Para(head)]
    if item.kind == "skill" and item.current is not None and item.to is not None:
        first = int(item.current) + 1
        step = Text(t("step_now", lang, a=level_text(item.current), b=first), style="dim")
        lines.append(Para(step))
    for key, value in (("why", item.why), ("do", item.do), ("proof", item.proof)):
        if value:
            line = Text(_label(key, lang), style="dim")
            line.append(value, style="")
            lines.append(Para(line))
    for part in item.basics:
        line = Text(_label_text(part.name, lang), style="bold")
        line.append(part.do)
        proof = Text(_label("proof", lang), style="dim")
        proof.append(part.proof)
        rows: list[Para] = [Para(line), Para(proof)]
        if part.reading:
            rows.append(
                Para(Text(_label("reading", lang) + _books(part.reading, lang), style="dim"))
            )
        lines.append(Padding(Group(*rows), 2))
    for later in item.later:
        line = Text(
            _label_text(t("then_step", lang, b=later.to, days=later.horizon), lang), style="dim"
        )
        line.append(later.do)
        lines.append(Para(line))
    if item.reading:
        lines.append(Para(Text(_label("reading", lang) + _books(item.reading, lang), style="dim")))
    return Group(*lines)


def _plan_soon(console: Page, report: Report) -> None:
    lang = report.inputs.lang
    _section(console, t("plan_soon_title", lang))
    items = soon_items(report)
    if items:
        _plan(console, items, lang)
    else:
        console.print(Para(t("plan_empty", lang), style="dim"))


def _plan_later_section(console: Page, report: Report) -> None:
    lang = report.inputs.lang
    _section(console, t("plan_later_title", lang))
    if later_in_full(report, "text"):
        _plan(console, later_items(report), lang)
    else:
        _plan_later(console, later_items(report), lang)


def _resume(console: Page, report: Report) -> None:
    _section(console, t("resume_title", report.inputs.lang))
    items = []
    for advice in report.resume:
        line = Text(advice.advice)
        line.append(f" {_sources(advice.sources)}", style="dim")
        items.append(line)
    _bullets(console, items)


def _plan(console: Page, items: list[PlanItemOut], lang: Lang) -> None:
    table = Hanging(justify="right")
    for item in items:
        table.add_row(Text(f"{item.rank}.", style="bold"), _plan_item(item, lang))
        table.add_row("", "")
    console.print(table)


def _plan_later(console: Page, items: list[PlanItemOut], lang: Lang) -> None:
    """Later items in one line each: the full text is in Markdown and JSON."""
    table = Hanging(justify="right")
    for item in items:
        line = Text(item.title, style="bold")
        line.append(
            f"  {t('kind_' + item.kind, lang)} · {t('days', lang, n=item.horizon)}", style="dim"
        )
        if item.kind == "skill" and item.current is not None and item.to is not None:
            line.append(
                " · " + t("level_from_to", lang, a=level_text(item.current), b=item.to), style="dim"
            )
        table.add_row(Text(f"{item.rank}.", style="bold"), Para(line))
    console.print(table)
    console.print(Para(t("plan_later_more", lang), style="dim"))


def _roles(console: Page, report: Report) -> None:
    lang = report.inputs.lang
    _section(console, t("roles_title", lang))
    items = []
    for role in roles_shown(report, "text"):
        line = Text()
        line.append(role.name, style="bold")
        line.append(_paren(role.id, lang), style="dim")
        line.append(
            "  " + "，".join(role_why(role, lang))
            if lang == "zh"
            else "  " + " · ".join(role_why(role, lang))
        )
        line.append(f" {_sources(role.sources)}", style="dim")
        if role.note:
            line.append("\n")
            line.append(role.note, style="dim")
        items.append(line)
    _bullets(console, items)
    console.print(Para(t("roles_legend", lang, n=report.reach_steps), style="dim"))


# One function per section of ``sections.SECTIONS`` this format shows (tested).
SECTION_RENDERERS: dict[SectionId, Callable[[Page, Report], None]] = {
    "title": _title,
    "summary": _summary,
    "verdict": _verdict,
    "modules": _modules,
    "path": _path,
    "evidence": _evidence,
    "findings": _findings,
    "plan_soon": _plan_soon,
    "plan_later": _plan_later_section,
    "resume": _resume,
    "roles": _roles,
    "sources": _source_legend,
}
