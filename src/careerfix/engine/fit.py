"""Company-and-leader fit findings (S9, S10, S12, S16–S18, S20)."""

from __future__ import annotations

from careerfix.engine.compiled import CompiledPack
from careerfix.engine.conditions import Facts
from careerfix.models.assessment import FindingResult

_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "strength": 3}


def fit_findings(cp: CompiledPack, facts: Facts) -> tuple[FindingResult, ...]:
    """The findings whose conditions hold, most severe first (ties in pack order)."""
    found = [f.result for f in cp.findings if f.test(facts)]
    found.sort(key=lambda f: _SEVERITY_ORDER[f.severity])
    return tuple(found)
