"""Assessment (ids and numbers) → Report (texts in one language, numbers rounded for people).

Every renderer (text, Markdown, JSON) reads the Report, so the three always say the same thing.
"""

from __future__ import annotations

from typing import Any, cast

from careerfix.engine.score import trace
from careerfix.i18n import level_text, t
from careerfix.models import report as r
from careerfix.models.answers import Answers
from careerfix.models.assessment import Assessment
from careerfix.models.pack import RulePack, Text


def _r(value: float | None) -> float | None:
    return None if value is None else _f(value)


def _f(value: float) -> float:
    # float() first: round() keeps an int an int, and the JSON of a float field must say 0.0.
    return round(float(value), 2)


def build_report(pack: RulePack, answers: Answers, result: Assessment, lang: str) -> r.Report:
    def text(value: Text) -> str:
        return value.get(lang)

    def maybe(value: Text | None) -> str | None:
        return value.get(lang) if value is not None else None

    comp_name = {cid: text(c.name) for cid, c in pack.competencies.items()}
    module_name = {m.module.id: text(m.module.name) for m in pack.modules}
    role = pack.role_by_id.get(result.target) if result.target else None

    target = None
    if role is not None and result.target_source != "none":
        target = r.TargetRole(
            id=role.id,
            name=text(role.name),
            source=result.target_source,
            note=maybe(role.note),
        )

    gaps_by_comp = {g.competency: g for g in result.gaps}
    competencies = []
    for c in result.competencies:
        g = gaps_by_comp.get(c.id)
        if g is None:
            status = "not_required"
        elif g.gap is None:
            status = "unknown"
        else:
            status = "gap" if g.gap > 0 else "met"
        competencies.append(
            r.CompetencyOut(
                id=c.id,
                module=c.module,
                name=comp_name[c.id],
                level=_r(c.level),
                weight=c.weight,
                required=g.required if g else (0 if role is not None else None),
                gap=_r(g.gap) if g else None,
                status=cast(Any, status),
                trace=[
                    r.TraceItem(question=q, choice=ch, level=lv, weight=w)
                    for q, ch, lv, w in trace(pack, answers, c.id)
                ],
            )
        )

    modules = [
        r.ModuleOut(
            id=m.id,
            name=module_name[m.id],
            level=_r(m.level),
            score=m.score,
            coverage=_f(m.coverage),
            status="scored" if m.sufficient else "insufficient_data",
            required=m.required,
            gap=_r(m.gap),
            priority=pack.module_by_id[m.id].module.priority,
        )
        for m in result.modules
    ]
    gaps = [
        r.GapOut(
            competency=g.competency,
            module=g.module,
            name=comp_name[g.competency],
            current=_r(g.current),
            required=g.required,
            gap=_r(g.gap),
            size=g.size,
        )
        for g in result.gaps
    ]
    evidence = [
        r.EvidenceOut(
            question=e.question,
            competency=e.competency,
            level=e.level,
            status=e.status,
            evidence=e.evidence,
        )
        for e in result.evidence
    ]
    diagnosis = _diagnosis(pack, result, lang, module_name)
    finding_by_id = {f.id: f for f in pack.fit.findings}
    findings = [
        r.FindingOut(
            id=f.id,
            name=text(finding_by_id[f.id].name),
            severity=cast(Any, f.severity),
            reason=text(finding_by_id[f.id].reason),
            move=text(finding_by_id[f.id].move),
            horizon=finding_by_id[f.id].horizon,
            sources=list(f.sources),
        )
        for f in result.findings
    ]
    roles = [
        r.RoleOut(
            id=fit.role,
            name=text(pack.role_by_id[fit.role].name),
            fit=_f(fit.fit),
            gap=_f(fit.gap),
            unknown_modules=fit.unknown_modules,
            verdict_match=fit.verdict_match,
            interest_match=fit.interest_match,
            outlook=cast(Any, fit.outlook),
            note=maybe(pack.role_by_id[fit.role].note),
        )
        for fit in result.roles
    ]
    what_if = None
    if result.what_if is not None and role is not None:
        what_if = r.WhatIfOut(
            role=role.id,
            steps=[
                r.StepOut(
                    competency=s.competency,
                    name=comp_name[s.competency],
                    current=_f(s.current),
                    to=s.to,
                )
                for s in result.what_if.steps
            ],
            level_steps=_f(result.what_if.level_steps),
            blocked=list(result.what_if.blocked),
        )

    plan = []
    for item in result.plan:
        if item.kind == "skill":
            assert item.size is not None and item.gap is not None
            action = pack.action_for[(item.ref, item.size)]
            g = gaps_by_comp[item.ref]
            why = t(
                "why_skill",
                lang,
                competency=comp_name[item.ref],
                current=level_text(g.current),
                required=g.required,
                role=text(role.name) if role else "",
                gap=level_text(item.gap),
            )
            plan.append(
                r.PlanItemOut(
                    rank=item.rank,
                    kind="skill",
                    ref=item.ref,
                    title=comp_name[item.ref],
                    why=why,
                    do=text(action.do),
                    proof=text(action.proof),
                    horizon=item.horizon,
                    priority=_f(item.priority),
                    gap=_r(item.gap),
                    weight=item.weight,
                    module_priority=item.module_priority,
                    severity=None,
                    reading=[
                        r.ReadingOut(
                            id=b,
                            title=text(pack.reading_by_id[b].title),
                            author=pack.reading_by_id[b].author,
                        )
                        for b in action.reading
                    ],
                    sources=list(item.sources),
                )
            )
        else:
            f = finding_by_id[item.ref]
            plan.append(
                r.PlanItemOut(
                    rank=item.rank,
                    kind="career",
                    ref=item.ref,
                    title=text(f.name),
                    why=text(f.reason),
                    do=text(f.move),
                    proof=None,
                    horizon=item.horizon,
                    priority=_f(item.priority),
                    gap=None,
                    weight=item.weight,
                    module_priority=None,
                    severity=item.severity,
                    reading=[],
                    sources=list(item.sources),
                )
            )

    facts = dict(result.facts)
    rule_by_id = {rule.id: rule for rule in pack.resume.rules}
    resume = [
        r.ResumeOut(
            rule=a.rule,
            advice=text(rule_by_id[a.rule].advice).format(**facts),
            sources=list(a.sources),
        )
        for a in result.resume
    ]
    return r.Report(
        pack=r.PackRef(id=pack.id, version=pack.version),
        inputs=r.Inputs(
            lang=cast(Any, lang),
            target=result.target if result.target_source in ("flag", "answers") else None,
            answers=dict(answers.answers),
            evidence=dict(answers.evidence),
        ),
        target=target,
        diagnosis=diagnosis,
        modules=modules,
        competencies=competencies,
        gaps=gaps,
        evidence=evidence,
        findings=findings,
        roles=roles,
        what_if=what_if,
        plan=plan,
        resume=resume,
        facts=facts,
    )


def _diagnosis(
    pack: RulePack, result: Assessment, lang: str, module_name: dict[str, str]
) -> r.DiagnosisOut:
    spec = pack.diagnosis
    d = result.diagnosis
    verdicts = []
    for v in d.verdicts:
        verdict = pack.verdict_by_id[v.id]
        reasons = []
        for reason in v.reasons:
            index = int(reason.rule.rsplit("[", 1)[1].rstrip("]"))
            reasons.append(
                r.ReasonOut(
                    rule=reason.rule,
                    text=verdict.signals[index].reason.get(lang),
                    weight=reason.weight,
                    sources=list(reason.sources),
                )
            )
        verdicts.append(
            r.VerdictOut(
                id=v.id,
                name=verdict.name.get(lang),
                summary=verdict.summary.get(lang),
                score=_f(v.score),
                reasons=reasons,
            )
        )
    title_q = pack.questions[spec.title_question]
    title_choice = title_q.choice(d.title) if d.title else None
    title_name = title_choice.text.get(lang) if title_choice else None
    notes = []
    if not verdicts:
        status = "undetermined"
        notes.append(spec.undetermined.get(lang))
    elif d.ambiguous:
        status = "ambiguous"
        notes.append(
            spec.ambiguous_note.get(lang).format(first=verdicts[0].name, second=verdicts[1].name)
        )
    else:
        status = "clear"
    if d.mismatch and verdicts:
        notes.append(
            spec.mismatch_note.get(lang).format(title=title_name, verdict=verdicts[0].name)
        )
    return r.DiagnosisOut(
        status=cast(Any, status),
        verdicts=verdicts,
        title=d.title,
        title_name=title_name,
        mismatch=d.mismatch,
        notes=notes,
        remap=[r.RemapOut(module=m, name=module_name[m], level=_r(lv)) for m, lv in d.remap],
    )
