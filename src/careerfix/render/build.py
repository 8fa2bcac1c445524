"""Assessment (ids and numbers) → Report (texts in one language, numbers rounded for people).

Every renderer (text, Markdown, JSON) reads the Report, so the three always say the same thing.
"""

from __future__ import annotations

from typing import Any, cast

from careerfix.i18n import join_names, level_text, t
from careerfix.models import report as r
from careerfix.models.answers import Answers
from careerfix.models.assessment import Assessment, CompetencyScore, Need, QuestionTrace
from careerfix.models.pack import RoleProfile, RulePack, Text
from careerfix.models.records import Record


def _r(value: float | None) -> float | None:
    return None if value is None else _f(value)


def _f(value: float) -> float:
    # float() first: round() keeps an int an int, and the JSON of a float field must say 0.0.
    return round(float(value), 2)


def trace(pack: RulePack, answers: Answers, competency: str) -> list[QuestionTrace]:
    """Which answers, at which levels and weights, produced a competency's level."""
    out: list[QuestionTrace] = []
    for q in pack.competency_questions[competency]:
        choice = answers.answers.get(q.id)
        value = choice if isinstance(choice, str) else None
        level = pack.level_of[q.id].get(value) if value is not None else None
        out.append((q.id, value, level, q.weight))
    return out


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

    need_of = {n.competency: n for n in result.needs}
    competencies = [
        _competency(pack, answers, c, need_of.get(c.id), comp_name[c.id], role is not None)
        for c in result.competencies
    ]
    modules = _modules(pack, result, module_name)
    plan = _plan(pack, result, lang, comp_name, module_name, role)
    rank_of_skill = {p.ref: p.rank for p in plan if p.kind == "skill"}
    rank_of_finding = {p.ref: p.rank for p in plan if p.kind == "career"}
    path = None
    if result.path is not None and role is not None:
        path = r.PathOut(
            role=role.id,
            steps=result.path.steps,
            competencies=len(result.path.climbs),
            climbs=[
                r.ClimbOut(
                    competency=c.competency,
                    name=comp_name[c.competency],
                    module=pack.competency_module[c.competency],
                    current=_f(c.current),
                    to=c.to,
                    steps=c.steps,
                    plan_rank=rank_of_skill[c.competency],
                )
                for c in result.path.climbs
            ],
            met=[n.competency for n in result.needs if n.kind == "core" and n.steps == 0],
            unknown=list(result.path.unknown),
        )
    # Claims first; lower-level answers with evidence after them, as notes.
    evidence = [
        r.EvidenceOut(
            question=e.question,
            competency=e.competency,
            level=e.level,
            status=e.status,
            claim=e.claim,
            evidence=e.evidence,
        )
        for e in sorted(result.evidence, key=lambda e: not e.claim)
    ]
    hint = pack.meta.proof.hint
    evidence_hint = (
        r.HintOut(text=text(hint.text), sources=list(hint.source))
        if any(e.claim and e.status != "proven" for e in result.evidence)
        else None
    )
    finding_by_id = {f.id: f for f in pack.fit.findings}
    findings = [
        r.FindingOut(
            id=f.id,
            name=text(finding_by_id[f.id].name),
            severity=cast(Any, f.severity),
            reason=text(finding_by_id[f.id].reason),
            move=text(finding_by_id[f.id].move),
            horizon=finding_by_id[f.id].horizon,
            plan_rank=rank_of_finding.get(f.id),
            sources=list(f.sources),
        )
        for f in result.findings
    ]
    roles = [
        r.RoleOut(
            id=fit.role,
            name=text(pack.role_by_id[fit.role].name),
            fit=_f(fit.fit),
            steps=fit.steps,
            unknown=fit.unknown,
            verdict_match=fit.verdict_match,
            interest_match=fit.interest_match,
            outlook=cast(Any, fit.outlook),
            within_reach=fit.within_reach,
            pointed=fit.pointed,
            note=maybe(pack.role_by_id[fit.role].note),
            core=[
                r.RoleNeedOut(competency=cid, name=comp_name[cid], level=lv)
                for cid, lv in pack.role_by_id[fit.role].core.items()
            ],
            sources=list(pack.role_by_id[fit.role].source),
        )
        for fit in result.roles
    ]
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
    diagnosis = _diagnosis(pack, result, lang, module_name)
    report = r.Report(
        pack=r.PackRef(id=pack.id, version=pack.version),
        inputs=r.Inputs(
            lang=cast(Any, lang),
            target=result.target if result.target_source in ("flag", "answers") else None,
            answers=dict(answers.answers),
            evidence=dict(answers.evidence),
        ),
        target=target,
        summary=_summary(pack, diagnosis, target, path, plan),
        diagnosis=diagnosis,
        modules=modules,
        competencies=competencies,
        path=path,
        to_answer=[
            r.QuestionRef(id=qid, prompt=text(pack.questions[qid].prompt))
            for qid in result.to_answer
        ],
        little_data=result.little_data,
        evidence=evidence,
        evidence_hint=evidence_hint,
        findings=findings,
        roles=roles,
        reach_steps=pack.meta.scoring.role_ranking.reach_steps,
        plan=plan,
        resume=resume,
        facts=facts,
        sources=[],
    )
    cited = _cited(report, set())
    report.sources = [
        r.SourceOut(id=sid, title=title.get(lang))
        for sid, title in pack.meta.sources.items()
        if sid in cited
    ]
    return report


def _cited(value: object, found: set[str]) -> set[str]:
    """Every id in a ``sources`` list anywhere in the report."""
    if isinstance(value, Record):
        for name, item in value.__dict__.items():
            if name == "sources" and isinstance(item, list):
                found.update(s for s in item if isinstance(s, str))
            else:
                _cited(item, found)
    elif isinstance(value, list):
        for item in value:
            _cited(item, found)
    return found


def _competency(
    pack: RulePack,
    answers: Answers,
    c: CompetencyScore,
    need: Need | None,
    name: str,
    has_target: bool,
) -> r.CompetencyOut:
    if need is None or need.kind != "core":
        status = "not_required"
    elif need.steps is None:
        status = "unknown"
    else:
        status = "gap" if need.steps > 0 else "met"
    return r.CompetencyOut(
        id=c.id,
        module=c.module,
        name=name,
        level=_r(c.level),
        weight=c.weight,
        need=need.kind if need is not None else None,
        required=need.required if need is not None else None,
        steps=need.steps if need is not None else None,
        status=cast(Any, status),
        trace=[
            r.TraceItem(question=q, choice=ch, level=lv, weight=w)
            for q, ch, lv, w in trace(pack, answers, c.id)
        ],
    )


def _modules(pack: RulePack, result: Assessment, module_name: dict[str, str]) -> list[r.ModuleOut]:
    core = {m.id: 0 for m in result.modules}
    met = dict(core)
    for n in result.needs:
        if n.kind == "core":
            core[n.module] += 1
            met[n.module] += n.steps == 0
    return [
        r.ModuleOut(
            id=m.id,
            name=module_name[m.id],
            average=_r(m.level) if m.sufficient else None,
            score=m.score,
            coverage=_f(m.coverage),
            status="scored" if m.sufficient else "insufficient_data",
            core=core[m.id],
            core_met=met[m.id],
            priority=pack.module_by_id[m.id].module.priority,
        )
        for m in result.modules
    ]


def _plan(
    pack: RulePack,
    result: Assessment,
    lang: str,
    comp_name: dict[str, str],
    module_name: dict[str, str],
    role: RoleProfile | None,
) -> list[r.PlanItemOut]:
    def reading(ids: list[str]) -> list[r.ReadingOut]:
        return [
            r.ReadingOut(
                id=b,
                title=pack.reading_by_id[b].title.get(lang),
                author=pack.reading_by_id[b].author,
            )
            for b in ids
        ]

    out = []
    finding_by_id = {f.id: f for f in pack.fit.findings}
    for item in result.plan:
        group: Any = "soon" if item.soon else "later"
        if item.kind == "skill":
            assert item.current is not None and item.to is not None
            chosen = [pack.steps_for[(item.ref, to)][i] for to, i in item.steps]
            first = chosen[0]
            role_name = role.name.get(lang) if role is not None else ""
            why = t(
                {"core": "why_skill", "helps": "why_helps"}.get(item.need or "", "why_beyond"),
                lang,
                competency=comp_name[item.ref],
                current=level_text(item.current),
                required=item.to,
                role=role_name,
            )
            out.append(
                r.PlanItemOut(
                    rank=item.rank,
                    kind="skill",
                    ref=item.ref,
                    title=comp_name[item.ref],
                    group=group,
                    horizon=item.horizon,
                    why=why,
                    do=first.do.get(lang),
                    proof=first.proof.get(lang),
                    need=item.need,
                    current=_f(item.current),
                    to=item.to,
                    steps=len(item.steps),
                    basics=[],
                    later=[
                        r.LaterStepOut(
                            to=step.to,
                            do=step.do.get(lang),
                            proof=step.proof.get(lang),
                            horizon=step.horizon,
                        )
                        for step in chosen[1:]
                    ],
                    severity=None,
                    reading=reading(first.reading),
                    sources=list(item.sources),
                )
            )
        elif item.kind == "basics":
            names = [module_name[mid] for mid in item.modules]
            parts = [
                r.BasicsPartOut(
                    module=mid,
                    name=module_name[mid],
                    do=pack.module_by_id[mid].basics.do.get(lang),
                    proof=pack.module_by_id[mid].basics.proof.get(lang),
                    horizon=pack.module_by_id[mid].basics.horizon,
                    reading=reading(pack.module_by_id[mid].basics.reading),
                )
                for mid in item.modules
            ]
            out.append(
                r.PlanItemOut(
                    rank=item.rank,
                    kind="basics",
                    ref=item.ref,
                    title=t("basics_title", lang, modules=join_names(lang, names)),
                    group=group,
                    horizon=item.horizon,
                    why=t(
                        "why_basics_little" if result.little_data else "why_basics",
                        lang,
                        modules=join_names(lang, names),
                    ),
                    do=t("basics_do", lang),
                    proof=None,
                    need=None,
                    current=None,
                    to=None,
                    steps=None,
                    later=[],
                    basics=parts,
                    severity=None,
                    reading=[],
                    sources=list(item.sources),
                )
            )
        else:
            f = finding_by_id[item.ref]
            out.append(
                r.PlanItemOut(
                    rank=item.rank,
                    kind="career",
                    ref=item.ref,
                    title=f.name.get(lang),
                    group=group,
                    horizon=item.horizon,
                    why=None,  # the finding's reason is shown once, with the finding
                    do=f.move.get(lang),
                    proof=None,
                    need=None,
                    current=None,
                    to=None,
                    steps=None,
                    later=[],
                    basics=[],
                    severity=item.severity,
                    reading=[],
                    sources=list(item.sources),
                )
            )
    return out


_NEXT_ACTIONS = 3


def _summary(
    pack: RulePack,
    diagnosis: r.DiagnosisOut,
    target: r.TargetRole | None,
    path: r.PathOut | None,
    plan: list[r.PlanItemOut],
) -> r.SummaryOut:
    severity_rank: dict[str, int] = {tier: i for i, tier in enumerate(pack.meta.scoring.plan_order)}
    moves = sorted(
        (p for p in plan if p.kind == "career"),
        key=lambda p: (severity_rank.get(p.severity or "", 3), p.rank),
    )
    return r.SummaryOut(
        verdict=diagnosis.verdicts[0].name if diagnosis.verdicts else None,
        target=target.name if target is not None else None,
        steps=path.steps if path is not None else None,
        next=[p.rank for p in plan[:_NEXT_ACTIONS]],
        move=moves[0].rank if moves else None,
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
    # Ask only for what is still unanswered; when everything is, say the work spans both.
    ask = (
        spec.ask_note.get(lang).format(
            questions=join_names(lang, [spec.settling_questions[q].get(lang) for q in d.unanswered])
        )
        if d.unanswered
        else None
    )
    sep = "" if lang == "zh" else " "
    if not verdicts:
        status = "undetermined"
        notes.append(
            spec.undetermined.get(lang) + sep + ask if ask else spec.no_match_note.get(lang)
        )
    elif d.ambiguous:
        status = "ambiguous"
        note = spec.ambiguous_note.get(lang).format(first=verdicts[0].name, second=verdicts[1].name)
        notes.append(note + sep + (ask if ask else spec.settled_note.get(lang)))
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
        remap_note=spec.remap_note.get(lang) if d.remap else None,
        remap=[
            r.RemapOut(
                competency=c,
                name=pack.competencies[c].name.get(lang),
                module=pack.competency_module[c],
                module_name=module_name[pack.competency_module[c]],
                level=_r(lv),
            )
            for c, lv in d.remap
        ],
    )
