"""The pure engine: (rules pack, answers) → Assessment. No I/O, no printing, no clock, no randomness.

Same inputs give the same Assessment, field for field, so golden tests and batch runs can trust it.
"""

from __future__ import annotations

from careerfix.engine.classify import diagnose
from careerfix.engine.compiled import compiled
from careerfix.engine.conditions import Facts
from careerfix.engine.fit import fit_findings
from careerfix.engine.plan import build_plan
from careerfix.engine.resume import resume_advice
from careerfix.engine.roles import (
    competency_gaps,
    module_levels,
    module_scores,
    rank_roles,
    what_if,
)
from careerfix.engine.score import (
    competency_scores,
    evidence_flags,
    read_answers,
)
from careerfix.models.answers import Answers
from careerfix.models.assessment import Assessment
from careerfix.models.pack import RulePack

__all__ = ["assess"]


def assess(pack: RulePack, answers: Answers, target: str | None = None) -> Assessment:
    """Score ``answers`` against ``pack``. ``target`` (a role id) wins over the answers' own."""
    cp = compiled(pack)
    known, qlevels = read_answers(pack, answers)
    comps = competency_scores(cp, qlevels)
    levels = module_levels(pack, comps)
    evidence = evidence_flags(pack, answers, qlevels)
    proven = sum(1 for e in evidence if e.status == "proven")
    counts = {
        "claims": len(evidence),
        "proven_claims": proven,
        "unproven_claims": len(evidence) - proven,
        "answered": len(known),
        "unknown": len(pack.questions) - len(known),
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
    roles = rank_roles(pack, cp, levels, diagnosis.verdicts, interests)

    if target is not None:
        target_id, source = target, "flag"
    elif answers.target is not None:
        target_id, source = answers.target, "answers"
    elif (
        roles
        and roles[0].outlook != "fallback"
        and any(
            lv is not None and cov >= pack.meta.scoring.coverage_threshold
            for lv, cov in levels.values()
        )
    ):
        target_id, source = roles[0].role, "suggested"
    else:
        target_id, source = None, "none"
    role = pack.role_by_id[target_id] if target_id is not None else None

    modules = module_scores(pack, levels, role)
    gaps = competency_gaps(pack, cp, comps, role) if role is not None else ()
    plan = build_plan(pack, cp, comps, gaps, findings)
    return Assessment(
        pack=pack.id,
        pack_version=pack.version,
        target=target_id,
        target_source=source,  # type: ignore[arg-type]
        competencies=comps,
        modules=modules,
        gaps=gaps,
        evidence=evidence,
        diagnosis=diagnosis,
        findings=findings,
        roles=roles,
        what_if=what_if(cp, comps, modules, role) if role is not None else None,
        plan=plan,
        resume=resume_advice(cp, facts),
        facts=tuple(counts.items()),
    )
