"""Company-and-leader fit findings."""

from __future__ import annotations

from careerfix.engine.conditions import Facts
from careerfix.engine.prepared import PreparedPack
from careerfix.models.assessment import FindingResult


def fit_findings(pack: PreparedPack, facts: Facts) -> tuple[FindingResult, ...]:
    """The findings whose conditions hold, most severe first in the order of the pack's
    plan_order (strengths last; ties in pack order)."""
    rank = pack.severity_rank
    found = [f.result for f in pack.finding_rules if f.test(facts)]
    found.sort(key=lambda f: rank[f.severity])
    return tuple(found)
