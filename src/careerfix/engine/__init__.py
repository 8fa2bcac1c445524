"""The pure engine: (prepared pack, answers) → Assessment. No I/O, no printing, no clock, no randomness.

Same inputs give the same Assessment, field for field, so golden tests and batch runs can trust it.
The Assessment says everything the report needs (each competency's trace and status, the verdicts'
reasons as (verdict, signal) references, the target and where it came from); the report only looks
up texts in one language and rounds numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from careerfix.engine.conditions import Facts
from careerfix.engine.diagnosis import diagnose
from careerfix.engine.fit import fit_findings
from careerfix.engine.modules import module_levels, module_scores
from careerfix.engine.needs import role_needs, shortest_path
from careerfix.engine.plan import build_plan
from careerfix.engine.prepared import PreparedPack
from careerfix.engine.resume import resume_advice
from careerfix.engine.score import competency_scores, evidence_flags, read_answers
from careerfix.engine.targets import rank_roles, suggest
from careerfix.models.answers import Answers
from careerfix.models.assessment import (
    Assessment,
    CompetencyScore,
    CompetencyStatus,
    EvidenceFlag,
    ModuleScore,
    Need,
    RoleFit,
    TargetSource,
)
from careerfix.models.records import builder

__all__ = ["PreparedPack", "assess", "decide_target"]


def assess(pack: PreparedPack, answers: Answers, target: str | None = None) -> Assessment:
    """Score ``answers`` against ``pack``. ``target`` (a role id) wins over the answers' own."""
    known, qlevels = read_answers(pack, answers)
    comps = competency_scores(pack, answers, qlevels)
    levels = module_levels(pack, comps)
    evidence = evidence_flags(pack, answers, qlevels)
    counts = _counts(pack, evidence, known, qlevels)
    facts = Facts(
        answers=known,
        question_levels=qlevels,
        competency_levels={c.id: c.level for c in comps if c.level is not None},
        module_levels={m: lv for m, (lv, _) in levels.items() if lv is not None},
        counts=counts,
    )
    diagnosis = diagnose(pack, facts)
    findings = fit_findings(pack, facts)
    interest_answer = known.get(pack.roles.interest_question, [])
    interests = interest_answer if isinstance(interest_answer, list) else [interest_answer]
    pointed = frozenset(r for f in findings for r in pack.finding_points_to[f.id])
    roles = rank_roles(pack, comps, diagnosis.verdicts, interests, pointed)
    modules = module_scores(pack, levels)
    little_data = len(qlevels) < pack.meta.scoring.little_data
    target_id, source = decide_target(target, answers.target, roles, little_data)

    needs: tuple[Need, ...] = ()
    path = None
    if target_id is not None:
        needs = role_needs(comps, pack.role_rule_by_id[target_id])
        path = shortest_path(needs)
    plan, path = build_plan(pack, facts, modules, needs, path, findings, little_data)
    return Assessment(
        pack=pack.id,
        pack_version=pack.version,
        target=target_id,
        target_source=source,
        asked_target=target_id if source in ("flag", "answers") else None,
        competencies=_with_needs(comps, needs),
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
        resume=resume_advice(pack, facts),
        facts=tuple(counts.items()),
    )


def decide_target(
    flag: str | None, from_answers: str | None, roles: Sequence[RoleFit], little_data: bool
) -> tuple[str | None, TargetSource]:
    """The target role and where it came from: ``--target`` › the answers' own › the suggested
    one (never with little data) › none. The only place this is decided."""
    if flag is not None:
        return flag, "flag"
    if from_answers is not None:
        return from_answers, "answers"
    if not little_data and (suggested := suggest(roles)) is not None:
        return suggested, "suggested"
    return None, "none"


def _counts(
    pack: PreparedPack,
    evidence: Sequence[EvidenceFlag],
    known: dict[str, str | list[str]],
    qlevels: dict[str, int],
) -> dict[str, int]:
    """The facts conditions may test (the pack's FACTS)."""
    claims = [e.status for e in evidence if e.claim]
    proven = claims.count("proven")
    return {
        "claims": len(claims),
        "proven_claims": proven,
        "unproven_claims": len(claims) - proven,  # weak ones included: they are not proven
        "weak_claims": claims.count("weak"),
        "answered": len(known),
        "unknown": len(pack.questions) - len(known),
        "levels_known": len(qlevels),
    }


def _status(need: Need | None) -> CompetencyStatus:
    if need is None or need.kind != "core":
        return "not_required"
    if need.steps is None:
        return "unknown"
    return "gap" if need.steps > 0 else "met"


def _with_needs(
    comps: tuple[CompetencyScore, ...], needs: tuple[Need, ...]
) -> tuple[CompetencyScore, ...]:
    """Each competency with what the target names for it and its status."""
    if not needs:
        return comps
    need_of = {n.competency: n for n in needs}
    make = builder(CompetencyScore)
    out = []
    for c in comps:
        need = need_of.get(c.id)
        out.append(
            c
            if need is None
            # id, module, level, weight, trace, need, status
            else make(c.id, c.module, c.level, c.weight, c.trace, need, _status(need))
        )
    return tuple(out)


def _to_answer(
    pack: PreparedPack,
    needs: tuple[Need, ...],
    modules: tuple[ModuleScore, ...],
    known: dict[str, str | list[str]],
    no_target: bool,
) -> tuple[str, ...]:
    """Unanswered questions that would complete the plan: the target's unknown core competencies;
    without a target, those of every module with too little data to score."""
    if no_target:
        wanted = [
            cid for m in modules if not m.sufficient for cid in pack.module_competencies[m.id]
        ]
    else:
        wanted = [n.competency for n in needs if n.kind == "core" and n.current is None]
    out: list[str] = []
    for cid in wanted:  # unanswered or "not sure" only
        out += [q.id for q in pack.competency_questions[cid] if q.id not in known]
    return tuple(out)
