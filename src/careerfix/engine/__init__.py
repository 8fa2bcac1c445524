"""The pure engine: (rules pack, answers) → Assessment. No I/O, no printing, no clock, no randomness.

Same inputs give the same Assessment, field for field, so golden tests and batch runs can trust it.
"""

from __future__ import annotations

from careerfix.engine.classify import diagnose
from careerfix.engine.compiled import compiled
from careerfix.engine.conditions import Facts
from careerfix.engine.fit import fit_findings
from careerfix.engine.modules import module_levels, module_scores
from careerfix.engine.needs import role_needs, shortest_path
from careerfix.engine.plan import build_plan
from careerfix.engine.resume import resume_advice
from careerfix.engine.score import (
    competency_scores,
    evidence_flags,
    read_answers,
)
from careerfix.engine.targets import rank_roles, suggest
from careerfix.models.answers import Answers
from careerfix.models.assessment import Assessment, ModuleScore, Need
from careerfix.models.pack import RulePack

__all__ = ["assess"]


def assess(pack: RulePack, answers: Answers, target: str | None = None) -> Assessment:
    """Score ``answers`` against ``pack``. ``target`` (a role id) wins over the answers' own."""
    cp = compiled(pack)
    scoring = pack.meta.scoring
    known, qlevels = read_answers(pack, answers)
    comps = competency_scores(cp, qlevels)
    levels = module_levels(pack, comps)
    evidence = evidence_flags(pack, cp, answers, qlevels)
    claims = [e.status for e in evidence if e.claim]
    proven = claims.count("proven")
    counts = {
        "claims": len(claims),
        "proven_claims": proven,
        "unproven_claims": len(claims) - proven,  # weak ones included: they are not proven
        "weak_claims": claims.count("weak"),
        "answered": len(known),
        "unknown": len(pack.questions) - len(known),
        "levels_known": len(qlevels),
    }
    facts = Facts(
        pack,
        known,
        qlevels,
        {c.id: c.level for c in comps if c.level is not None},
        {m: lv for m, (lv, _) in levels.items() if lv is not None},
        counts,
    )
    diagnosis = diagnose(cp, facts)
    findings = fit_findings(cp, facts)
    interest_answer = known.get(pack.roles.interest_question, [])
    interests = interest_answer if isinstance(interest_answer, list) else [interest_answer]
    pointed = frozenset(r for f in findings for r in cp.finding_points_to[f.id])
    roles = rank_roles(pack, cp, comps, diagnosis.verdicts, interests, pointed)
    modules = module_scores(pack, levels)
    little_data = len(qlevels) < scoring.little_data

    if target is not None:
        target_id, source = target, "flag"
    elif answers.target is not None:
        target_id, source = answers.target, "answers"
    elif not little_data and (suggested := suggest(roles)) is not None:
        target_id, source = suggested, "suggested"
    else:
        target_id, source = None, "none"

    needs: tuple[Need, ...] = ()
    path = None
    if target_id is not None:
        needs = role_needs(cp, comps, cp.role_by_id[target_id])
        path = shortest_path(needs)
    plan, path = build_plan(pack, cp, facts, modules, needs, path, findings, little_data)
    return Assessment(
        pack=pack.id,
        pack_version=pack.version,
        target=target_id,
        target_source=source,  # type: ignore[arg-type]
        competencies=comps,
        modules=modules,
        needs=needs,
        path=path,
        to_answer=_to_answer(pack, needs, modules, known, target_id is None),
        little_data=little_data,
        evidence=evidence,
        diagnosis=diagnosis,
        findings=findings,
        roles=roles,
        plan=plan,
        resume=resume_advice(cp, facts),
        facts=tuple(counts.items()),
    )


def _to_answer(
    pack: RulePack,
    needs: tuple[Need, ...],
    modules: tuple[ModuleScore, ...],
    known: dict[str, str | list[str]],
    no_target: bool,
) -> tuple[str, ...]:
    """Unanswered questions that would complete the plan: the target's unknown core competencies;
    without a target, those of every module with too little data to score."""
    if no_target:
        wanted = [
            cid
            for m in modules
            if not m.sufficient
            for cid in pack.competencies
            if pack.competency_module[cid] == m.id
        ]
    else:
        wanted = [n.competency for n in needs if n.kind == "core" and n.current is None]
    out: list[str] = []
    for cid in wanted:  # unanswered or "not sure" only
        out += [q.id for q in pack.competency_questions[cid] if q.id not in known]
    return tuple(out)
