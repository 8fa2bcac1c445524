"""The report as a Markdown document a user can send to a mentor. Built as plain text: no rich."""

from __future__ import annotations

import re

from careerfix.i18n import join_names, level_text, t
from careerfix.models.report import Report

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<|~])")
_LINE_START = re.compile(r"^([#+\-=>]|\d+[.)])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def md(text: str, *, line_start: bool = False) -> str:
    """Escape text so Markdown shows it literally (and drop terminal control characters).

    ``line_start``: the text begins a line, where '#', '-', '>' or '1.' would start a block.
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", _CONTROL.sub("", text)).replace("\n", " ")
    return _LINE_START.sub(r"\\\1", escaped) if line_start else escaped


def _src(sources: list[str]) -> str:
    return f" \\[{', '.join(sources)}\\]" if sources else ""


def render_markdown(report: Report) -> str:
    lang = report.inputs.lang
    out: list[str] = []
    add = out.append

    add(f"# {md(t('report_title', lang))}")
    add("")
    add(f"*{md(report.pack.id)} {md(report.pack.version)}*")
    add("")
    if report.target is not None:
        add(
            f"**{md(t('target', lang))}:** {md(report.target.name)} "
            f"({md(t('target_' + report.target.source, lang))})"
        )
        if report.target.note:
            add("")
            add(f"> {md(report.target.note)}")
        add("")

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
        add("→ " + join_names(lang, [f"{md(m.name)} {level_text(m.level)}" for m in d.remap]))
        add("")
    for note in d.notes:
        add(f"> {md(note)}")
        add("")

    add(f"## {md(t('modules_title', lang))}")
    add("")
    add(
        f"| {t('module', lang)} | {t('level', lang)} | 0–100 | {t('required', lang)} | {t('gap', lang)} |"
    )
    add("|---|---:|---:|---:|---:|")
    for m in report.modules:
        if m.status == "scored":
            add(
                f"| {md(m.name)} | {level_text(m.level)} | {m.score} | "
                f"{'' if m.required is None else m.required} | {level_text(m.gap) if m.gap is not None else ''} |"
            )
        else:
            cov = t("coverage", lang, pct=round(m.coverage * 100))
            add(
                f"| {md(m.name)} | {md(t('insufficient', lang))} ({md(cov)}) | | {'' if m.required is None else m.required} | |"
            )
    add("")

    add(f"## {md(t('gaps_title', lang))}")
    add("")
    rows = [g for g in report.gaps if g.gap]
    if rows:
        add(
            f"| {t('competency', lang)} | {t('current', lang)} | {t('required', lang)} | {t('gap', lang)} |"
        )
        add("|---|---:|---:|---:|")
        for g in rows:
            add(f"| {md(g.name)} | {level_text(g.current)} | {g.required} | {level_text(g.gap)} |")
    else:
        no_gaps = "no_known_gaps" if any(g.gap is None for g in report.gaps) else "no_gaps"
        add(md(t(no_gaps, lang), line_start=True))
    unknown = [g for g in report.gaps if g.gap is None]
    if unknown:
        add("")
        add(
            md(
                t(
                    "unknown_gaps",
                    lang,
                    n=len(unknown),
                    names=join_names(lang, [g.name for g in unknown]),
                ),
                line_start=True,
            )
        )
    add("")

    if report.evidence:
        add(f"## {md(t('evidence_title', lang))}")
        add("")
        names = {c.id: c.name for c in report.competencies}
        for e in report.evidence:
            mark = t("proven", lang) if e.status == "proven" else t("unproven", lang)
            detail = f": {md(e.evidence)}" if e.evidence else ""
            add(
                f"- **{md(mark)}** — {md(names.get(e.competency, e.competency))} (L{e.level}){detail}"
            )
        if any(e.status == "unproven" for e in report.evidence):
            add("")
            add(f"{md(t('evidence_hint', lang))}{_src(['S22'])}")
        add("")

    if report.findings:
        add(f"## {md(t('fit_title', lang))}")
        add("")
        for f in report.findings:
            add(
                f"- **{md(f.name)}** ({md(t('severity_' + f.severity, lang))}){_src(f.sources)}: {md(f.reason)}"
            )
            if f.severity != "strength":
                add(f"  - {md(t('move', lang))}: {md(f.move)}")
        add("")

    if report.what_if is not None and report.target is not None:
        w = report.what_if
        add(f"## {md(t('whatif_title', lang))}")
        add("")
        if w.steps:
            add(
                md(
                    t("whatif_steps", lang, n=level_text(w.level_steps), role=report.target.name),
                    line_start=True,
                )
            )
            add("")
            for s in w.steps:
                add(f"- {md(s.name)}: {level_text(s.current)} → {s.to}")
        elif not w.blocked:
            add(md(t("whatif_done", lang, role=report.target.name), line_start=True))
        if w.blocked:
            add("")
            names_b = join_names(lang, [m.name for m in report.modules if m.id in w.blocked])
            add(md(t("whatif_blocked", lang, names=names_b), line_start=True))
        add("")

    add(f"## {md(t('plan_title', lang))}")
    add("")
    for item in report.plan:
        add(
            f"{item.rank}. **{md(item.title)}** — {md(t('kind_' + item.kind, lang))}, "
            f"{md(t('days', lang, n=item.horizon))}{_src(item.sources)}"
        )
        add(f"    - {md(t('why', lang))}: {md(item.why)}")
        add(f"    - {md(t('do', lang))}: {md(item.do)}")
        if item.proof:
            add(f"    - {md(t('proof', lang))}: {md(item.proof)}")
        if item.reading:
            books = "; ".join(f"{md(b.title)} ({md(b.author)})" for b in item.reading)
            add(f"    - {md(t('reading', lang))}: {books}")
    add("")

    if report.resume:
        add(f"## {md(t('resume_title', lang))}")
        add("")
        for advice in report.resume:
            add(f"- {md(advice.advice)}{_src(advice.sources)}")
        add("")

    add(f"## {md(t('roles_title', lang))}")
    add("")
    for role in report.roles:
        extra = ""
        if role.outlook == "favoured":
            extra = f" — {md(t('outlook_favoured', lang))}{_src(['S19'])}"
        elif role.outlook == "fallback":
            extra = f" — {md(t('fallback', lang))}{_src(['S16'])}"
        unknown_note = (
            f", {md(t('role_unknown', lang, n=role.unknown_modules))}"
            if role.unknown_modules
            else ""
        )
        add(
            f"- **{md(role.name)}** (`{role.id}`): {md(t('role_gap', lang, gap=level_text(role.gap)))}{unknown_note}{extra}"
        )
        if role.note:
            add(f"  - {md(role.note)}")
    add("")
    add(f"*{md(t('sources_note', lang))}*")
    return "\n".join(out) + "\n"
