"""The terminal report (rich). Reads well from 60 to 140 columns, piped, and with NO_COLOR.

Every text goes in as a ``rich.text.Text`` (never as markup), so brackets or escape codes in the
user's evidence or a pack's texts are printed as they are, not interpreted.
"""

from __future__ import annotations

import re

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from careerfix.i18n import join_names, level_text, t
from careerfix.models.report import ModuleOut, PlanItemOut, Report
from careerfix.render.wrap import Para

TEXT_PLAN_LIMIT = 10
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Drop terminal control characters (an ESC in someone's evidence must not reach the tty)."""
    return _CONTROL.sub("", text)


_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "strength": "green"}


def _sources(sources: list[str]) -> str:
    return f"[{', '.join(sources)}]" if sources else ""


def render_text(console: Console, report: Report) -> None:
    lang = report.inputs.lang
    width = console.width

    title = Text(t("report_title", lang), style="bold")
    title.append(f"  ·  {report.pack.id} {report.pack.version}", style="dim")
    console.print(title)
    if report.target is not None:
        line = Text(_label("target", lang), style="bold")
        line.append(report.target.name)
        line.append(f" ({t('target_' + report.target.source, lang)})", style="dim")
        console.print(line)
        if report.target.note:
            console.print(Para(report.target.note, style="yellow"))
    else:
        console.print(Text(t("no_target", lang), style="dim"))

    _section(console, _verdict_heading(report))
    _verdict(console, report)

    _section(console, t("modules_title", lang))
    console.print(_module_bars(report, width))

    _section(console, t("gaps_title", lang))
    _gaps(console, report)

    if report.evidence:
        _section(console, t("evidence_title", lang))
        _evidence(console, report)

    if report.findings:
        _section(console, t("fit_title", lang))
        _findings(console, report)

    if report.what_if is not None and report.target is not None:
        _section(console, t("whatif_title", lang))
        _what_if(console, report)

    _section(console, t("plan_title", lang))
    _plan(console, report)

    if report.resume:
        _section(console, t("resume_title", lang))
        items = []
        for advice in report.resume:
            line = Text(advice.advice)
            line.append(f" {_sources(advice.sources)}", style="dim")
            items.append(line)
        _bullets(console, items)

    _section(console, t("roles_title", lang))
    _roles(console, report)
    console.print()
    console.print(Para(t("sources_note", lang), style="dim"))


def _label(key: str, lang: str) -> str:
    return t(key, lang) + ("：" if lang == "zh" else ": ")


def _bullets(console: Console, items: list[Text], bullet: str = "•", indent: int = 0) -> None:
    """Bulleted lines with a hanging indent, so wrapped lines stay under their text."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for item in items:
        table.add_row(Text(bullet, style=item.style or ""), Para(item))
    console.print(Padding(table, (0, 0, 0, indent)) if indent else table)


def _section(console: Console, heading: str) -> None:
    console.print()
    console.print(Rule(Text(heading, style="bold"), align="left", style="dim"))


def _verdict_heading(report: Report) -> str:
    lang = report.inputs.lang
    status = report.diagnosis.status
    if status == "ambiguous":
        return t("verdict_ambiguous", lang)
    if status == "undetermined":
        return t("verdict_undetermined", lang)
    return t("verdict", lang)


def _verdict(console: Console, report: Report) -> None:
    lang = report.inputs.lang
    d = report.diagnosis
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
        parts = join_names(lang, [f"{m.name} {level_text(m.level)}" for m in d.remap])
        _bullets(console, [Text(parts, style="cyan")], bullet="→")
    if d.notes:
        _bullets(console, [Text(note, style="yellow") for note in d.notes], bullet="!")


def _bar(module: ModuleOut, cells: int) -> Text:
    """A bar over the 0–4 scale; ┃ marks the level the target role needs."""
    bar = Text()
    if module.level is None or module.status != "scored":
        bar.append("·" * cells, style="dim")
        return bar
    filled = round(module.level / 4 * cells)
    marker = round(module.required / 4 * cells) if module.required else None
    met = module.gap is None or module.gap == 0
    for i in range(cells):
        if marker is not None and i == min(marker, cells) - 1 and marker > 0:
            bar.append("┃", style="bold magenta")
        elif i < filled:
            bar.append("█", style="green" if met else "yellow")
        else:
            bar.append("░", style="dim")
    return bar


def _module_bars(report: Report, width: int) -> Table | Group:
    """One row per module: name, bar, level and score, what the target needs.

    When the names leave too little room for a readable bar (narrow terminals, long English
    names), each module takes two lines: its name, then the bar and the figures.
    """
    lang = report.inputs.lang
    rows = []
    for m in report.modules:
        if m.status == "scored":
            figure = Text(f"{level_text(m.level)}/4 {m.score:>3}")
            if m.required is None:
                need = Text("")
            elif m.required == 0:
                need = Text(t("no_need", lang), style="dim")
            else:
                style = "green" if not m.gap else "yellow"
                need = Text(t("need", lang, level=m.required), style=style)
        else:  # explained once, under the bars
            figure = Text("?", style="yellow")
            need = Text(t("coverage", lang, pct=round(m.coverage * 100)), style="yellow")
        rows.append((m, Text(m.name), figure, need))
    name_w = max(cell_len(name.plain) for _, name, _, _ in rows)
    figure_w = max(cell_len(figure.plain) for _, _, figure, _ in rows)
    need_w = max(cell_len(n.plain) for _, _, _, n in rows)
    fixed = figure_w + need_w + 2  # one-cell gaps between bar, figure and need
    one_line = width - name_w - 1 - fixed >= 12

    def grid(cells: int, with_name: bool) -> Table:
        table = Table.grid(padding=(0, 1))
        if with_name:
            table.add_column(no_wrap=True, min_width=name_w)
        table.add_column(no_wrap=True, width=cells)
        table.add_column(no_wrap=True, justify="right", width=figure_w)
        table.add_column(no_wrap=True)
        return table

    if one_line:
        cells = max(8, min(24, width - name_w - 1 - fixed))
        table = grid(cells, with_name=True)
        for m, name, figure, need in rows:
            table.add_row(name, _bar(m, cells), figure, need)
        return _with_legend(report, table)
    cells = max(8, min(24, width - 2 - fixed))
    parts: list[Text | Padding] = []
    for m, name, figure, need in rows:
        line = grid(cells, with_name=False)
        line.add_row(_bar(m, cells), figure, need)
        parts += [name, Padding(line, (0, 0, 0, 2))]
    return _with_legend(report, Group(*parts))


def _with_legend(report: Report, bars: Table | Group) -> Table | Group:
    if all(m.status == "scored" for m in report.modules):
        return bars
    lang = report.inputs.lang
    return Group(bars, Para(t("insufficient_legend", lang), style="dim"))


def _gaps(console: Console, report: Report) -> None:
    lang = report.inputs.lang
    rows = [g for g in report.gaps if g.gap]
    unknown = [g for g in report.gaps if g.gap is None]
    if not rows:
        console.print(Para(t("no_known_gaps" if unknown else "no_gaps", lang), style="green"))
    else:
        module_name = {m.id: m.name for m in report.modules}
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), expand=False, show_edge=False)
        table.add_column(t("competency", lang), ratio=1, overflow="fold")
        table.add_column(t("current", lang), justify="right", no_wrap=True)
        table.add_column(t("required", lang), justify="right", no_wrap=True)
        table.add_column(t("gap", lang), justify="right", no_wrap=True)
        for g in rows:
            name = Text(g.name)
            name.append(f" · {module_name[g.module]}", style="dim")
            table.add_row(
                name,
                level_text(g.current),
                str(g.required),
                Text(level_text(g.gap), style="yellow"),
            )
        console.print(table)
    if unknown:
        names = (
            "、".join(g.name for g in unknown)
            if lang == "zh"
            else ", ".join(g.name for g in unknown)
        )
        console.print(Para(t("unknown_gaps", lang, n=len(unknown), names=names), style="dim"))


def _evidence(console: Console, report: Report) -> None:
    lang = report.inputs.lang
    names = {c.id: c.name for c in report.competencies}
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for e in report.evidence:
        proven = e.status == "proven"
        mark = Text("✓" if proven else "?", style="green" if proven else "yellow")
        line = Text(f"{names.get(e.competency, e.competency)} (L{e.level})")
        if e.evidence:
            line.append("：" if lang == "zh" else ": ", style="dim")
            line.append(clean(e.evidence), style="italic")
        if not proven:
            line.append(f" — {t('unproven', lang)}", style="yellow")
        table.add_row(mark, Para(line))
    console.print(table)
    if any(e.status == "unproven" for e in report.evidence):
        console.print(Para(t("evidence_hint", lang) + " [S22]", style="dim"))


def _findings(console: Console, report: Report) -> None:
    lang = report.inputs.lang
    for f in report.findings:
        line = Text(f"{t('severity_' + f.severity, lang)} ", style=_SEVERITY_STYLE[f.severity])
        line.append(f.name, style="bold")
        line.append(f" {_sources(f.sources)}", style="dim")
        console.print(Para(line))
        console.print(Padding(Para(f.reason), (0, 0, 0, 2)))
        if f.severity != "strength":
            _bullets(console, [Text(f.move, style="cyan")], bullet="→", indent=2)


def _what_if(console: Console, report: Report) -> None:
    lang = report.inputs.lang
    w = report.what_if
    assert w is not None and report.target is not None
    role = report.target.name
    if w.steps:
        console.print(Para(t("whatif_steps", lang, n=level_text(w.level_steps), role=role)))
        _bullets(
            console,
            [Text(f"{s.name}: {level_text(s.current)} → {s.to}") for s in w.steps],
            indent=2,
        )
    elif not w.blocked:
        console.print(Para(t("whatif_done", lang, role=role), style="green"))
    if w.blocked:
        names = join_names(lang, [m.name for m in report.modules if m.id in w.blocked])
        console.print(Para(t("whatif_blocked", lang, names=names), style="yellow"))


def _plan_item(item: PlanItemOut, lang: str) -> Group:
    head = Text()
    head.append(item.title, style="bold")
    head.append(
        f"  {t('kind_' + item.kind, lang)} · {t('days', lang, n=item.horizon)}", style="dim"
    )
    head.append(f" {_sources(item.sources)}", style="dim")
    lines = [Para(head)]
    for key, value in (("why", item.why), ("do", item.do), ("proof", item.proof)):
        if value:
            line = Text(_label(key, lang), style="dim")
            line.append(value, style="")
            lines.append(Para(line))
    if item.reading:
        books = "; ".join(f"{b.title} ({b.author})" for b in item.reading)
        lines.append(Para(Text(_label("reading", lang) + books, style="dim")))
    return Group(*lines)


def _plan(console: Console, report: Report) -> None:
    lang = report.inputs.lang
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(ratio=1)
    shown = report.plan[:TEXT_PLAN_LIMIT]
    for item in shown:
        table.add_row(Text(f"{item.rank}.", style="bold"), _plan_item(item, lang))
        table.add_row("", "")
    console.print(table)
    if len(report.plan) > len(shown):
        console.print(Para(t("plan_more", lang, n=len(report.plan) - len(shown)), style="dim"))


def _roles(console: Console, report: Report) -> None:
    lang = report.inputs.lang
    shown = [r for r in report.roles if r.outlook != "fallback"][:3]
    # The role that grows from the verdict is always worth seeing, even when ranked lower.
    shown += [
        r for r in report.roles if r.verdict_match and r.outlook != "fallback" and r not in shown
    ][:1]
    shown += [r for r in report.roles if r.outlook == "fallback"]
    items = []
    for role in shown:
        line = Text()
        line.append(role.name, style="bold")
        line.append(f" ({role.id})", style="dim")
        line.append(f"  {t('role_gap', lang, gap=level_text(role.gap))}")
        if role.unknown_modules:
            line.append(f", {t('role_unknown', lang, n=role.unknown_modules)}", style="dim")
        if role.outlook == "favoured":
            line.append(f"  {t('outlook_favoured', lang)} [S19]", style="green")
        if role.outlook == "fallback":
            line.append(f"  {t('fallback', lang)} [S16]", style="yellow")
        if role.note:
            line.append("\n")
            line.append(role.note, style="dim")
        items.append(line)
    _bullets(console, items)
