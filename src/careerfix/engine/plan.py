"""The ranked plan: skill actions for gaps and career moves for fit findings, in one order.

priority(skill)  = gap × competency weight × module priority   (base modules rank first, S1/S11/S13)
priority(career) = the pack's weight for the finding's severity
Ties: the shorter horizon first (a quick win), then pack order.
"""

from __future__ import annotations

from collections.abc import Sequence

from careerfix.models.assessment import FindingResult, Gap, PlanItem
from careerfix.models.pack import RulePack


def build_plan(
    pack: RulePack, gaps: Sequence[Gap], findings: Sequence[FindingResult]
) -> tuple[PlanItem, ...]:
    items: list[tuple[float, int, int, PlanItem]] = []
    for order, g in enumerate(gaps):
        if not g.gap or g.size is None:
            continue
        comp = pack.competencies[g.competency]
        module = pack.module_by_id[g.module].module
        action = pack.action_for[(g.competency, g.size)]
        priority = round(g.gap * comp.weight * module.priority, 3)
        item = PlanItem(
            0,
            "skill",
            g.competency,
            priority,
            action.horizon,
            g.gap,
            comp.weight,
            module.priority,
            None,
            g.size,
            tuple(action.source),
        )
        items.append((priority, action.horizon, order, item))
    weights = pack.meta.scoring.severity_weight
    finding_by_id = {f.id: f for f in pack.fit.findings}
    for order, f in enumerate(findings, start=len(gaps)):
        if f.severity == "strength":
            continue
        spec = finding_by_id[f.id]
        weight = weights[f.severity]  # type: ignore[index]
        item = PlanItem(
            0, "career", f.id, weight, spec.horizon, None, weight, None, f.severity, None, f.sources
        )
        items.append((weight, spec.horizon, order, item))
    items.sort(key=lambda entry: (-entry[0], entry[1], entry[2]))
    for rank, (_, _, _, item) in enumerate(items, start=1):
        item.rank = rank  # items are fresh here; ranks are only known after sorting
    return tuple(item for _, _, _, item in items)
