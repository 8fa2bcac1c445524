"""Assessment (ids and numbers) → Report (texts in one language, numbers rounded for people).

Every renderer (text, Markdown, JSON) reads the Report, so the three always say the same thing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from careerfix.i18n import join_names, level_text, t
from careerfix.models import report as r
from careerfix.models.answers import Answers
from careerfix.models.assessment import (
    Assessment,
    CompetencyScore,
    EvidenceFlag,
    PlanItem,
    RoleFit,
    VerdictScore,
)
from careerfix.models.lang import Lang
from careerfix.models.pack import RoleProfile, RulePack, Text
from careerfix.models.records import Record
from careerfix.safe_text import inline


def _r(value: float | None) -> float | None:
    return None if value is None else _f(value)


def _f(value: float) -> float:
    # float() first: round() keeps an int an int, and the JSON of a float field must say 0.0.
    return round(float(value), 2)


def build_report(
    pack: RulePack,
    answers: Answers,
    result: Assessment,
    lang: Lang,
    quick: tuple[int, int] | None = None,
) -> r.Report:
    """One function per section; each looks up texts in ``lang`` and rounds, nothing more.

    ``quick``: (questions asked, questions in all) after a short interview (``--quick``)."""
    words = _Words(pack, lang)
    role = pack.role_by_id[result.target] if result.target is not None else None
    plan = _plan(words, result, role)
    path = _path(words, result, plan)
    target = _target(words, result, role)
    diagnosis = _diagnosis(words, result)
    facts = dict(result.facts)
    parts = {
        "pack": r.PackRef(id=pack.id, version=pack.version),
        "inputs": r.Inputs(
            lang=lang,
            target=result.asked_target,
            answers=dict(answers.answers),
            evidence={q: inline(text) for q, text in answers.evidence.items()},
        ),
        "target": target,
        "summary": _summary(pack, diagnosis, target, path, plan),
        "diagnosis": diagnosis,
        "modules": _modules(words, result),
        "competencies": [_competency(words, c) for c in result.competencies],
        "path": path,
        "to_answer": [
            r.QuestionRef(id=qid, prompt=words.text(pack.questions[qid].prompt))
            for qid in result.to_answer
        ],
        "little_data": result.little_data,
        # Claims first; lower-level answers with evidence after them, as notes.
        "evidence": [_inert(e) for e in sorted(result.evidence, key=lambda e: not e.claim)],
        "evidence_hint": _evidence_hint(words, result),
        "findings": _findings(words, result, plan),
        "roles": [_role(words, fit) for fit in result.roles],
        "reach_steps": pack.meta.scoring.role_ranking.reach_steps,
        "plan": plan,
        "resume": [
            r.ResumeOut(
                rule=a.rule,
                advice=words.text(words.resume_rule[a.rule].advice).format(**facts),
                sources=list(a.sources),
            )
            for a in result.resume
        ],
        "facts": facts,
    }
    cited = _cited(list(parts.values()), set())
    sources = [
        r.SourceOut(id=sid, title=title.get(lang))
        for sid, title in pack.meta.sources.items()
        if sid in cited
    ]
    interview = None
    if quick is not None:
        asked, total = quick
        note = t("quick_note", lang, asked=asked, total=total)
        interview = r.InterviewOut(kind="quick", asked=asked, questions=total, note=note)
    return r.Report(**parts, sources=sources, interview=interview)  # type: ignore[arg-type]


def _inert(flag: EvidenceFlag) -> EvidenceFlag:
    """Evidence is someone's free text: shown on one line, with nothing that acts on a terminal."""
    if flag.evidence is None or flag.evidence == (clean := inline(flag.evidence)):
        return flag
    return replace(flag, evidence=clean)


class _Words:
    """The pack's names in one language, looked up once per report."""

    def __init__(self, pack: RulePack, lang: Lang) -> None:
        self.pack = pack
        self.lang = lang
        self.competency = {cid: c.name.get(lang) for cid, c in pack.competencies.items()}
        self.module = {m.module.id: m.module.name.get(lang) for m in pack.modules}
        self.resume_rule = {rule.id: rule for rule in pack.resume.rules}

    def text(self, value: Text) -> str:
        return value.get(self.lang)

    def maybe(self, value: Text | None) -> str | None:
        return value.get(self.lang) if value is not None else None


def _target(words: _Words, result: Assessment, role: RoleProfile | None) -> r.TargetRole | None:
    if role is None or result.target_source == "none":
        return None
    return r.TargetRole(
        id=role.id,
        name=words.text(role.name),
        source=result.target_source,
        note=words.maybe(role.note),
    )


def _path(words: _Words, result: Assessment, plan: list[r.PlanItemOut]) -> r.PathOut | None:
    if result.path is None or result.target is None:
        return None
    rank_of_skill = {p.ref: p.rank for p in plan if p.kind == "skill"}
    return r.PathOut(
        role=result.target,
        steps=result.path.steps,
        competencies=len(result.path.climbs),
        climbs=[
            r.ClimbOut(
                competency=c.competency,
                name=words.competency[c.competency],
                module=words.pack.competency_module[c.competency],
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


def _evidence_hint(words: _Words, result: Assessment) -> r.HintOut | None:
    if not any(e.claim and e.status != "proven" for e in result.evidence):
        return None
    hint = words.pack.meta.proof.hint
    return r.HintOut(text=words.text(hint.text), sources=list(hint.source))


def _findings(words: _Words, result: Assessment, plan: list[r.PlanItemOut]) -> list[r.FindingOut]:
    rank_of_finding = {p.ref: p.rank for p in plan if p.kind == "career"}
    out = []
    for f in result.findings:
        rule = words.pack.finding_by_id[f.id]
        out.append(
            r.FindingOut(
                id=f.id,
                name=words.text(rule.name),
                severity=cast(Any, f.severity),
                reason=words.text(rule.reason),
                move=words.text(rule.move),
                horizon=rule.horizon,
                plan_rank=rank_of_finding.get(f.id),
                sources=list(f.sources),
            )
        )
    return out


def _role(words: _Words, fit: RoleFit) -> r.RoleOut:
    role = words.pack.role_by_id[fit.role]
    return r.RoleOut(
        id=fit.role,
        name=words.text(role.name),
        fit=_f(fit.fit),
        steps=fit.steps,
        unknown=fit.unknown,
        verdict_match=fit.verdict_match,
        interest_match=fit.interest_match,
        outlook=cast(Any, fit.outlook),
        within_reach=fit.within_reach,
        pointed=fit.pointed,
        note=words.maybe(role.note),
        core=[
            r.RoleNeedOut(competency=cid, name=words.competency[cid], level=lv)
            for cid, lv in role.core.items()
        ],
        sources=list(role.source),
    )


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


def _competency(words: _Words, c: CompetencyScore) -> r.CompetencyOut:
    need = c.need
    return r.CompetencyOut(
        id=c.id,
        module=c.module,
        name=words.competency[c.id],
        level=_r(c.level),
        weight=c.weight,
        need=need.kind if need is not None else None,
        required=need.required if need is not None else None,
        steps=need.steps if need is not None else None,
        status=c.status,
        trace=list(c.trace),
    )


def _modules(words: _Words, result: Assessment) -> list[r.ModuleOut]:
    core = {m.id: 0 for m in result.modules}
    met = dict(core)
    for n in result.needs:
        if n.kind == "core":
            core[n.module] += 1
            met[n.module] += n.steps == 0
    return [
        r.ModuleOut(
            id=m.id,
            name=words.module[m.id],
            average=_r(m.level) if m.sufficient else None,
            score=m.score,
            coverage=_f(m.coverage),
            status="scored" if m.sufficient else "insufficient_data",
            core=core[m.id],
            core_met=met[m.id],
            priority=words.pack.module_by_id[m.id].module.priority,
        )
        for m in result.modules
    ]


def _plan(words: _Words, result: Assessment, role: RoleProfile | None) -> list[r.PlanItemOut]:
    out = []
    for item in result.plan:
        if item.kind == "skill":
            out.append(_skill_item(words, item, role))
        elif item.kind == "basics":
            out.append(_basics_item(words, item, result.little_data))
        else:
            out.append(_career_item(words, item))
    return out


def _reading(words: _Words, ids: list[str]) -> list[r.ReadingOut]:
    return [
        r.ReadingOut(
            id=b,
            title=words.text(words.pack.reading_by_id[b].title),
            author=words.pack.reading_by_id[b].author,
        )
        for b in ids
    ]


def _group(item: PlanItem) -> Any:
    return "soon" if item.soon else "later"


def _skill_item(words: _Words, item: PlanItem, role: RoleProfile | None) -> r.PlanItemOut:
    assert item.current is not None and item.to is not None
    lang = words.lang
    chosen = [words.pack.steps_for[(item.ref, to)][i] for to, i in item.steps]
    first = chosen[0]
    why = t(
        {"core": "why_skill", "helps": "why_helps"}.get(item.need or "", "why_beyond"),
        lang,
        competency=words.competency[item.ref],
        current=level_text(item.current),
        required=item.to,
        role=words.text(role.name) if role is not None else "",
    )
    return r.PlanItemOut(
        rank=item.rank,
        kind="skill",
        ref=item.ref,
        title=words.competency[item.ref],
        group=_group(item),
        horizon=item.horizon,
        why=why,
        do=words.text(first.do),
        proof=words.text(first.proof),
        need=item.need,
        current=_f(item.current),
        to=item.to,
        steps=len(item.steps),
        basics=[],
        later=[
            r.LaterStepOut(
                to=step.to,
                do=words.text(step.do),
                proof=words.text(step.proof),
                horizon=step.horizon,
            )
            for step in chosen[1:]
        ],
        severity=None,
        reading=_reading(words, first.reading),
        sources=list(item.sources),
    )


def _basics_item(words: _Words, item: PlanItem, little_data: bool) -> r.PlanItemOut:
    lang = words.lang
    names = join_names(lang, [words.module[mid] for mid in item.modules])
    parts = []
    for mid in item.modules:
        basics = words.pack.module_by_id[mid].basics
        parts.append(
            r.BasicsPartOut(
                module=mid,
                name=words.module[mid],
                do=words.text(basics.do),
                proof=words.text(basics.proof),
                horizon=basics.horizon,
                reading=_reading(words, basics.reading),
            )
        )
    return r.PlanItemOut(
        rank=item.rank,
        kind="basics",
        ref=item.ref,
        title=t("basics_title", lang, modules=names),
        group=_group(item),
        horizon=item.horizon,
        why=t("why_basics_little" if little_data else "why_basics", lang, modules=names),
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


def _career_item(words: _Words, item: PlanItem) -> r.PlanItemOut:
    f = words.pack.finding_by_id[item.ref]
    return r.PlanItemOut(
        rank=item.rank,
        kind="career",
        ref=item.ref,
        title=words.text(f.name),
        group=_group(item),
        horizon=item.horizon,
        why=None,  # the finding's reason is shown once, with the finding
        do=words.text(f.move),
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


def _diagnosis(words: _Words, result: Assessment) -> r.DiagnosisOut:
    pack = words.pack
    spec = pack.diagnosis
    d = result.diagnosis
    verdicts = [_verdict(words, v) for v in d.verdicts]
    title_choice = pack.questions[spec.title_question].choice(d.title) if d.title else None
    title_name = words.text(title_choice.text) if title_choice else None
    status, notes = _diagnosis_notes(words, result, verdicts)
    if d.mismatch and verdicts:
        notes.append(
            words.text(spec.mismatch_note).format(title=title_name, verdict=verdicts[0].name)
        )
    return r.DiagnosisOut(
        status=status,
        verdicts=verdicts,
        title=d.title,
        title_name=title_name,
        mismatch=d.mismatch,
        notes=notes,
        remap_note=words.text(spec.remap_note) if d.remap else None,
        remap=[
            r.RemapOut(
                competency=c,
                name=words.competency[c],
                module=pack.competency_module[c],
                module_name=words.module[pack.competency_module[c]],
                level=_r(lv),
            )
            for c, lv in d.remap
        ],
    )


def _verdict(words: _Words, v: VerdictScore) -> r.VerdictOut:
    verdict = words.pack.verdict_by_id[v.id]
    return r.VerdictOut(
        id=v.id,
        name=words.text(verdict.name),
        summary=words.text(verdict.summary),
        score=_f(v.score),
        reasons=[
            r.ReasonOut(
                rule=f"{reason.verdict}.signals[{reason.signal}]",
                text=words.text(verdict.signals[reason.signal].reason),
                weight=reason.weight,
                sources=list(reason.sources),
            )
            for reason in v.reasons
        ],
    )


def _diagnosis_notes(
    words: _Words, result: Assessment, verdicts: list[r.VerdictOut]
) -> tuple[Any, list[str]]:
    """The diagnosis status, and its notes: ask only for what is still unanswered; when
    everything is, say the work spans both."""
    spec, lang, d = words.pack.diagnosis, words.lang, result.diagnosis
    ask = (
        words.text(spec.ask_note).format(
            questions=join_names(
                lang, [words.text(spec.settling_questions[q]) for q in d.unanswered]
            )
        )
        if d.unanswered
        else None
    )
    sep = "" if lang == "zh" else " "
    if not verdicts:
        note = words.text(spec.undetermined) + sep + ask if ask else words.text(spec.no_match_note)
        return "undetermined", [note]
    if d.ambiguous:
        note = words.text(spec.ambiguous_note).format(
            first=verdicts[0].name, second=verdicts[1].name
        )
        return "ambiguous", [note + sep + (ask if ask else words.text(spec.settled_note))]
    return "clear", []
