"""Module averages: the weighted mean level of each module's known competencies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from careerfix.engine.prepared import PreparedPack
from careerfix.models.assessment import CompetencyScore, ModuleScore
from careerfix.models.records import builder

ModuleLevels = Mapping[str, tuple[float | None, float]]


def module_levels(
    pack: PreparedPack, comps: Sequence[CompetencyScore]
) -> dict[str, tuple[float | None, float]]:
    """Module → (weighted mean level of its known competencies, coverage 0–1)."""
    sums = {mid: [0.0, 0.0, 0.0] for mid in pack.module_by_id}
    for c in comps:
        acc = sums[c.module]
        acc[2] += c.weight
        if c.level is not None:
            acc[0] += c.weight * c.level
            acc[1] += c.weight
    return {
        mid: (num / known if known else None, known / total if total else 0.0)
        for mid, (num, known, total) in sums.items()
    }


def module_scores(pack: PreparedPack, levels: ModuleLevels) -> tuple[ModuleScore, ...]:
    threshold = pack.meta.scoring.coverage_threshold
    make = builder(ModuleScore)
    out = []
    for mid, (level, coverage) in levels.items():
        sufficient = level is not None and coverage >= threshold
        score = round(level * 25) if sufficient and level is not None else None
        out.append(make(mid, level, score, coverage, sufficient))  # in declaration order
    return tuple(out)
