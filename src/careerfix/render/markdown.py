"""The report as a Markdown document a user can send to a mentor. Built as plain text: no rich."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar

from careerfix.i18n import join_names, level_text, t
from careerfix.models.lang import Lang
from careerfix.models.report import PathOut, PlanItemOut, ReadingOut, Report
from careerfix.render.sections import (
    SectionId,
    later_items,
    questions_shown,
    roles_shown,
    sections_for,
    soon_items,
)
from careerfix.render.words import role_why

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<|~])")
_LINE_START = re.compile(r"^([#+\-=>]|\d+[.)])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def md(text: str, *, line_start: bool = False) -> str:
    """Escape text so Markdown shows it literally (and drop terminal control characters).

    ``line_start``: the text begins a line, where '#', '-', '>' or '1.' would start a block.
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", _CONTROL.sub("", text)).replace("\n", " ")
    return _LINE_START.sub(r"\\\1", escaped) if line_start else escaped


def _books(books: list[ReadingOut], lang: Lang) -> str:
    sep = "；" if lang == "zh" else "; "
    return sep.join(md(b.title) + _paren(md(b.author), lang) for b in books)


def _paren(text: str, lang: Lang) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _colon(lang: Lang) -> str:
    return "：" if lang == "zh" else ": "


# The source ids cited so far in the report being rendered: its legend lists them at the end.
_CITED: ContextVar[list[str] | None] = ContextVar("careerfix_md_cited", default=None)


def _src(sources: list[str]) -> str:
    cited = _CITED.get()
    if cited is not None:
        cited.extend(s for s in sources if s not in cited)
    return f" \\[{', '.join(sources)}\\]" if sources else ""


Add = Callable[[str], None]


def render_markdown(report: Report) -> str:
    out: list[str] = []
    token = _CITED.set([])
    try:
        for section in sections_for(report, "markdown"):
            SECTION_RENDERERS[section.id](report, out.append)
    finally:
        _CITED.reset(token)
    return "\n".join(out) + "\n"


def _title(report: Report, add: Add) -> None:
    add(f"# {md(t('report_title', report.inputs.lang))}")
    add("")
    add(f"*{md(report.pack.id)} {md(report.pack.version)}*")
    add("")
    if report.interview is not None:
        add(f"> {md(report.interview.note)}")
        add("")


def _source_legend(report: Report, add: Add) -> None:
    """The ids the report cited, decoded from the pack, in the pack's order."""
    lang = report.inputs.lang
    cited = _CITED.get() or []
    if not cited:
        return
    titles = {s.id: s.title for s in report.sources}
    order = [s.id for s in report.sources if s.id in cited] + [s for s in cited if s not in titles]
    add(f"## {md(t('sources_title', lang))}")
    add("")
    for sid in order:
        title = f"{_colon(lang)}{md(titles[sid])}" if sid in titles else ""
        add(f"- **{md(sid)}**{title}")
    add("")
    add(f"*{md(t('sources_note', lang))}*")


def _resume(report: Report, add: Add) -> None:
    add(f"## {md(t('resume_title', report.inputs.lang))}")
    add("")
    for advice in report.resume:
        add(f"- {md(advice.advice)}{_src(advice.sources)}")
    add("")


def _summary(report: Report, add: Add) -> None:
    lang = report.inputs.lang
    s = report.summary
    d = report.diagnosis
    if d.status == "ambiguous" and len(d.verdicts) > 1:
        verdict = join_names(lang, [md(v.name) for v in d.verdicts[:2]])
        verdict += _paren(md(t("verdict_between", lang)), lang)
    else:
        verdict = md(s.verdict) if s.verdict else md(t("verdict_unknown_short", lang))
    add(f"- **{md(t('summary_job', lang))}**{_colon(lang)}{verdict}")
    if report.target is not None:
        line = (
            f"- **{md(t('target', lang))}**{_colon(lang)}{md(report.target.name)}"
            f"{_paren(md(t('target_' + report.target.source, lang)), lang)}"
        )
        if report.path is not None:
            path = report.path
            if path.steps:
                line += " · " + md(t("path_steps", lang, n=path.steps, m=path.competencies))
            else:
                line += " · " + md(t("path_known_met" if path.unknown else "path_met", lang))
            if path.unknown:
                line += md(t("path_unknown_tail", lang, n=len(path.unknown)))
        add(line)
    else:
        add(f"- **{md(t('target', lang))}**{_colon(lang)}{md(t('no_target_why', lang))}")
    by_rank = {p.rank: p for p in report.plan}
    if s.next:
        items = "; ".join(
            f"{r}. {md(by_rank[r].title)} ({md(t('days', lang, n=by_rank[r].horizon))})"
            for r in s.next
        )
        add(f"- **{md(t('summary_next', lang))}**{_colon(lang)}{items}")
    if s.move is not None:
        add(
            f"- **{md(t('summary_move', lang))}**{_colon(lang)}{s.move}. {md(by_rank[s.move].title)}"
        )
    add("")
    if report.target is not None and report.target.note:
        add(f"> {md(report.target.note)}")
        add("")


def _verdict(report: Report, add: Add) -> None:
    lang = report.inputs.lang
    d = report.diagnosis
    heading = {
        "clear": "verdict",
        "ambiguous": "verdict_ambiguous",
        "undetermined": "verdict_undetermined",
    }[d.status]
    add(f"## {md(t(heading, lang))}")
    add("")
    for v in d.verdicts:
        add(f"**{md(v.name)}** — {md(v.summary)}")
        add("")
        for reason in v.reasons:
            add(f"- {md(reason.text)}{_src(reason.sources)}")
        add("")
    if d.remap:
        add(md(d.remap_note or "", line_start=True))
        add("")
        for m in d.remap:
            level = t("level_n", lang, n=level_text(m.level))
            add(f"- {md(m.name)}{_paren(md(m.module_name), lang)}{_colon(lang)}{md(level)}")
        add("")
    for note in d.notes:
        add(f"> {md(note)}")
        add("")


def _modules(report: Report, add: Add) -> None:
    lang = report.inputs.lang
    add(f"## {md(t('modules_title', lang))}")
    add("")
    core = report.target is not None
    head = f"| {t('module', lang)} | {t('average_level', lang)} | 0–100 |"
    rule = "|---|---:|---:|"
    if core:
        head += f" {t('core_column', lang)} |"
        rule += "---:|"
    add(head)
    add(rule)
    for m in report.modules:
        if m.average is not None:
            row = f"| {md(m.name)} | {level_text(m.average)} | {m.score} |"
        else:
            cov = t("coverage", lang, pct=round(m.coverage * 100))
            row = f"| {md(m.name)} | {md(t('unknown', lang))} ({md(cov)}) | |"
        if core:
            row += f" {m.core_met}/{m.core} |" if m.core else " |"
        add(row)
    add("")
    legend = [t("modules_legend", lang)]
    if core:
        legend.append(t("core_legend", lang))
    if any(m.status != "scored" for m in report.modules):
        legend.append(t("insufficient_legend_md", lang))
    add(md((" " if lang == "en" else "").join(legend), line_start=True))
    add("")


def _path(report: Report, add: Add) -> None:
    lang = report.inputs.lang
    path = report.path
    if report.target is None or path is None:
        add(f"## {md(t('path_title_none', lang))}")
        add("")
        add(md(t("path_no_target", lang), line_start=True))
        add("")
    else:
        add(f"## {md(t('path_title', lang, role=report.target.name))}")
        add("")
        _path_body(report, path, report.target.name, add)
    _to_answer(report, add)


def _path_body(report: Report, path: PathOut, role: str, add: Add) -> None:
    lang = report.inputs.lang
    names = {c.id: c.name for c in report.competencies}
    if path.climbs:
        add(md(t("path_lead", lang, n=path.steps, m=path.competencies), line_start=True))
        add("")
        add(
            f"| {t('competency', lang)} | {t('current', lang)} | {t('required', lang)} | "
            f"{t('steps_column', lang)} | {t('plan_column', lang)} |"
        )
        add("|---|---:|---:|---:|---:|")
        for c in path.climbs:
            add(f"| {md(c.name)} | {level_text(c.current)} | {c.to} | {c.steps} | {c.plan_rank} |")
    elif not path.unknown:
        add(md(t("path_all_met", lang, role=role), line_start=True))
    else:
        add(md(t("path_known_met_long", lang), line_start=True))
    add("")
    if path.met and path.climbs:
        met = join_names(lang, [names[c] for c in path.met])
        add(md(t("path_met_list", lang, names=met), line_start=True))
        add("")
    if path.unknown:
        unknown = join_names(lang, [names[c] for c in path.unknown])
        add(md(t("path_unknown_list", lang, names=unknown), line_start=True))
        add("")


def _to_answer(report: Report, add: Add) -> None:
    lang = report.inputs.lang
    if not report.to_answer:
        return
    add(md(t("to_answer_lead", lang), line_start=True))
    add("")
    for q in questions_shown(report, "markdown"):
        add(f"- {md(q.prompt)}{_paren(f'`{q.id}`', lang)}")
    add("")


def _evidence(report: Report, add: Add) -> None:
    lang = report.inputs.lang
    add(f"## {md(t('evidence_title', lang))}")
    add("")
    names = {c.id: c.name for c in report.competencies}
    for e in report.evidence:
        name = md(names.get(e.competency, e.competency))
        detail = f"{_colon(lang)}{md(e.evidence)}" if e.evidence else ""
        mark: str = e.status
        if e.claim:
            level = md(t("level_n", lang, n=e.level))
        else:  # a lower level: noted, not a claim that needs proof
            mark = "noted"
            key = "level_result_noted" if e.status == "proven" else "level_noted"
            level = md(t(key, lang, n=e.level))
        add(f"- **{md(t(mark, lang))}** — {name}{_paren(level, lang)}{detail}")
    if report.evidence_hint is not None:
        add("")
        add(md(report.evidence_hint.text, line_start=True) + _src(report.evidence_hint.sources))
    add("")


def _findings(report: Report, add: Add) -> None:
    lang = report.inputs.lang
    add(f"## {md(t('fit_title', lang))}")
    add("")
    for f in report.findings:
        add(
            f"- **{md(f.name)}** ({md(t('severity_' + f.severity, lang))}){_src(f.sources)}{_colon(lang)}"
            f"{md(f.reason)}"
        )
        if f.plan_rank is not None:
            add(f"  - {md(t('move_in_plan', lang, n=f.plan_rank))}")
    add("")


def _plan_soon(report: Report, add: Add) -> None:
    lang = report.inputs.lang
    add(f"## {md(t('plan_soon_title', lang))}")
    add("")
    items = soon_items(report)
    if not items:
        add(md(t("plan_empty", lang), line_start=True))
        add("")
        return
    for item in items:
        _plan_item(item, lang, add)
    add("")


def _plan_later(report: Report, add: Add) -> None:
    lang = report.inputs.lang
    add(f"## {md(t('plan_later_title', lang))}")
    add("")
    for item in later_items(report):
        _plan_item(item, lang, add)
    add("")


def _plan_item(item: PlanItemOut, lang: Lang, add: Add) -> None:
    add(
        f"{item.rank}. **{md(item.title)}** — {md(t('kind_' + item.kind, lang))}, "
        f"{md(t('days', lang, n=item.horizon))}{_src(item.sources)}"
    )
    if item.kind == "skill" and item.current is not None:
        step = t("step_now", lang, a=level_text(item.current), b=int(item.current) + 1)
        add(f"    - {md(step)}")
    if item.why:
        add(f"    - {md(t('why', lang))}{_colon(lang)}{md(item.why)}")
    add(f"    - {md(t('do', lang))}{_colon(lang)}{md(item.do)}")
    if item.proof:
        add(f"    - {md(t('proof', lang))}{_colon(lang)}{md(item.proof)}")
    for part in item.basics:
        add(f"    - **{md(part.name)}**{_colon(lang)}{md(part.do)}")
        add(f"        - {md(t('proof', lang))}{_colon(lang)}{md(part.proof)}")
        if part.reading:
            books = _books(part.reading, lang)
            add(f"        - {md(t('reading', lang))}{_colon(lang)}{books}")
    for later in item.later:
        then = t("then_step", lang, b=later.to, days=later.horizon)
        add(
            f"    - {md(then)}{_colon(lang)}{md(later.do)} {md(t('proof', lang))}{_colon(lang)}{md(later.proof)}"
        )
    if item.reading:
        books = _books(item.reading, lang)
        add(f"    - {md(t('reading', lang))}{_colon(lang)}{books}")


def _roles(report: Report, add: Add) -> None:
    lang = report.inputs.lang
    add(f"## {md(t('roles_title', lang))}")
    add("")
    sep = "，" if lang == "zh" else " · "
    for role in roles_shown(report, "markdown"):
        why = md(sep.join(role_why(role, lang)))
        add(f"- **{md(role.name)}** (`{role.id}`){_colon(lang)}{why}{_src(role.sources)}")
        if role.note:
            add(f"  - {md(role.note)}")
    add("")
    add(md(t("roles_legend", lang, n=report.reach_steps), line_start=True))
    add("")


# One function per section of ``sections.SECTIONS`` this format shows (tested).
SECTION_RENDERERS: dict[SectionId, Callable[[Report, Add], None]] = {
    "title": _title,
    "summary": _summary,
    "verdict": _verdict,
    "modules": _modules,
    "path": _path,
    "evidence": _evidence,
    "findings": _findings,
    "plan_soon": _plan_soon,
    "plan_later": _plan_later,
    "resume": _resume,
    "roles": _roles,
    "sources": _source_legend,
}
