"""The ranked plan: skill actions for gaps and career moves for fit findings, in one order.

priority(skill)  = gap × competency weight × module priority   (base modules rank first, S1/S11/S13)
priority(career) = the pack's weight for the finding's severity
Ties: the shorter horizon first (a quick win), then pack order.
"""

from __future__ import annotations

from collections.abc import Sequence

from careerfix.engine.compiled import CompiledPack
from careerfix.models.assessment import CompetencyScore, FindingResult, Gap, PlanItem
from careerfix.models.pack import RulePack


def build_plan(
    pack: RulePack,
    cp: CompiledPack,
    comps: Sequence[CompetencyScore],
    gaps: Sequence[Gap],
    findings: Sequence[FindingResult],
) -> tuple[PlanItem, ...]:
    weight_of = cp.competency_weight
    items: list[tuple[float, int, int, PlanItem]] = []
    for order, g in enumerate(gaps):
        if not g.gap or g.size is None:
            continue
        weight = weight_of[g.competency]
        module_priority = cp.module_priority[g.module]
        action = cp.actions[(g.competency, g.size)]
        priority = g.gap * weight * module_priority
        item = PlanItem(
            0,
            "skill",
            g.competency,
            priority,
            action.horizon,
            g.gap,
            weight,
            module_priority,
            None,
            g.size,
            action.sources,
        )
        items.append((priority, action.horizon, order, item))
    weights = pack.meta.scoring.severity_weight
    horizon_of = {f.id: f.horizon for f in cp.findings}
    for order, f in enumerate(findings, start=len(gaps)):
        if f.severity == "strength":
            continue
        weight = weights[f.severity]  # type: ignore[index]
        horizon = horizon_of[f.id]
        item = PlanItem(
            0, "career", f.id, weight, horizon, None, weight, None, f.severity, None, f.sources
        )
        items.append((weight, horizon, order, item))
    items.sort(key=lambda entry: (-entry[0], entry[1], entry[2]))
    for rank, (_, _, _, item) in enumerate(items, start=1):
        item.rank = rank  # items are fresh here; ranks are only known after sorting
    return tuple(item for _, _, _, item in items)
