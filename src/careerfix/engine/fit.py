"""Company-and-leader fit findings."""

from __future__ import annotations

from careerfix.engine.compiled import CompiledPack
from careerfix.engine.conditions import Facts
from careerfix.models.assessment import FindingResult


def fit_findings(cp: CompiledPack, facts: Facts) -> tuple[FindingResult, ...]:
    """The findings whose conditions hold, most severe first in the order of the pack's
    plan_order (strengths last; ties in pack order)."""
    order = [
        tier for tier in facts.pack.meta.scoring.plan_order if tier in ("high", "medium", "low")
    ]
    rank = {severity: i for i, severity in enumerate([*order, "strength"])}
    found = [f.result for f in cp.findings if f.test(facts)]
    found.sort(key=lambda f: rank[f.severity])
    return tuple(found)
