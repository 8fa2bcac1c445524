"""Role diagnosis: which kind of operations job the answers describe."""

from __future__ import annotations

from careerfix.engine.conditions import Facts
from careerfix.engine.prepared import PreparedPack
from careerfix.models.assessment import Diagnosis, VerdictScore


def diagnose(pack: PreparedPack, facts: Facts) -> Diagnosis:
    scored: list[VerdictScore] = []
    for verdict in pack.verdict_rules:
        if verdict.requires is not None and not verdict.requires(facts):
            continue
        reasons = [s.reason for s in verdict.signals if s.test(facts)]
        if reasons:
            total = 0.0
            for r in reasons:
                total += r.weight
            scored.append(VerdictScore(id=verdict.id, score=total, reasons=tuple(reasons)))
    tie = pack.verdict_tie_rank
    scored.sort(key=lambda v: (-v.score, tie[v.id]))  # equal scores: the pack's tie_order
    ratio = pack.meta.scoring.ambiguity_ratio
    ambiguous = len(scored) > 1 and scored[1].score >= ratio * scored[0].score
    shown = tuple(scored[:2] if ambiguous else scored[:1])

    spec = pack.diagnosis
    title_value = facts.answers.get(spec.title_question)
    title = title_value if isinstance(title_value, str) else None
    mismatch = False
    if title is not None and shown:
        # A title no verdict claims ("other") says nothing either way.
        claimed_anywhere = any(title in v.titles for v in spec.verdicts)
        claimed_here = any(title in pack.verdict_by_id[v.id].titles for v in shown)
        mismatch = claimed_anywhere and not claimed_here

    remap: tuple[tuple[str, float | None], ...] = ()
    if shown:
        levels = facts.competency_levels
        remap = tuple((c, levels.get(c)) for c in pack.verdict_by_id[shown[0].id].remap)
    unanswered = tuple(q for q in spec.settling_questions if q not in facts.answers)
    return Diagnosis(
        verdicts=shown,
        ambiguous=ambiguous,
        title=title,
        mismatch=mismatch,
        remap=remap,
        unanswered=unanswered,
    )
