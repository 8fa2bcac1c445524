"""Resume advice: the pack's resume rules that hold for these answers."""

from __future__ import annotations

from careerfix.engine.conditions import Facts
from careerfix.engine.prepared import PreparedPack
from careerfix.models.assessment import ResumeAdvice


def resume_advice(pack: PreparedPack, facts: Facts) -> tuple[ResumeAdvice, ...]:
    return tuple(r.result for r in pack.resume_rules if r.test(facts))
