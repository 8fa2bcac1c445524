"""Resume advice: the pack's resume rules that hold for these answers."""

from __future__ import annotations

from careerfix.engine.compiled import CompiledPack
from careerfix.engine.conditions import Facts
from careerfix.models.assessment import ResumeAdvice


def resume_advice(cp: CompiledPack, facts: Facts) -> tuple[ResumeAdvice, ...]:
    return tuple(r.result for r in cp.resume if r.test(facts))
