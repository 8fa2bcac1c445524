"""Module scores against a target role, competency gaps, the what-if, and role suggestions."""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from typing import Literal

from careerfix.engine.compiled import CompiledPack
from careerfix.models.assessment import (
    CompetencyScore,
    Gap,
    ModuleScore,
    RoleFit,
    Step,
    VerdictScore,
    WhatIf,
)
from careerfix.models.pack import RoleProfile, RulePack

# Ranking weights for suggested roles. Interpretable: one level of module gap costs 1 point.
_VERDICT_BONUS = (1.5, 0.75)  # the role grows from the first / second verdict (S1–S4)
_INTEREST_BONUS = 0.5  # per matching interest, at most three (S20)
_FAVOURED_BONUS = 0.5  # roles close to users, content and traffic (S19)
_UNKNOWN_PENALTY = 0.5  # share of a module's requirement assumed missing when it is unknown

ModuleLevels = Mapping[str, tuple[float | None, float]]


def module_levels(
    pack: RulePack, comps: Sequence[CompetencyScore]
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


def module_scores(
    pack: RulePack, levels: ModuleLevels, role: RoleProfile | None
) -> tuple[ModuleScore, ...]:
    threshold = pack.meta.scoring.coverage_threshold
    out = []
    for mid, (level, coverage) in levels.items():
        sufficient = level is not None and coverage >= threshold
        required = role.modules.get(mid, 0) if role is not None else None
        if sufficient and level is not None:
            score: int | None = round(level * 25)
            gap = max(0.0, required - level) if required is not None else None
        else:
            score = gap = None
        out.append(ModuleScore(mid, level, score, coverage, sufficient, required, gap))
    return tuple(out)


def competency_gaps(
    pack: RulePack, cp: CompiledPack, comps: Sequence[CompetencyScore], role: RoleProfile
) -> tuple[Gap, ...]:
    small = pack.meta.scoring.small_gap
    required = cp.required[role.id]
    out = []
    for c in comps:
        need = required[c.id]
        if need == 0:
            continue
        if c.level is None:
            out.append(Gap(c.id, c.module, None, need, None, None))
            continue
        gap = need - c.level if c.level < need else 0.0
        size: Literal["small", "large"] | None = (
            None if gap == 0 else ("small" if gap <= small else "large")
        )
        out.append(Gap(c.id, c.module, c.level, need, gap, size))
    return tuple(out)


def what_if(
    cp: CompiledPack,
    comps: Sequence[CompetencyScore],
    modules: Sequence[ModuleScore],
    role: RoleProfile,
) -> WhatIf:
    """The fewest level-steps that meet every module bar and competency minimum of ``role``.

    Greedy is optimal here: every step on a competency adds its weight to the module's sum, so
    climbing the heaviest competency first needs the fewest steps; ties go to the weakest one.
    """
    raised: dict[str, float] = {}
    blocked: list[str] = []
    minimum_of = role.competencies
    for m in modules:
        required = role.modules.get(m.id, 0)
        members = [comps[i] for i in cp.module_members[m.id]]
        minimums = [c for c in members if minimum_of.get(c.id, 0) > 0]
        needs_mean = required > 0 and (m.level is None or m.level < required)
        if not needs_mean and not any(
            c.level is None or c.level < minimum_of[c.id] for c in minimums
        ):
            continue
        if (required > 0 and not m.sufficient) or any(c.level is None for c in minimums):
            blocked.append(m.id)
            continue
        known = [c for c in members if c.level is not None]
        levels = {c.id: c.level for c in known if c.level is not None}
        for c in minimums:
            levels[c.id] = max(levels[c.id], minimum_of[c.id])
        deficit = sum(c.weight * (required - levels[c.id]) for c in known)
        heap = [(-c.weight, levels[c.id], i, c) for i, c in enumerate(known) if levels[c.id] < 4]
        heapq.heapify(heap)
        while deficit > 1e-9 and heap:
            neg_weight, level, i, c = heapq.heappop(heap)
            step = math.floor(level) + 1
            deficit += neg_weight * (step - level)
            levels[c.id] = step
            if step < 4:
                heapq.heappush(heap, (neg_weight, step, i, c))
        raised.update(levels)
    steps = tuple(
        Step(c.id, c.level, int(raised[c.id]))
        for c in comps
        if c.level is not None and c.id in raised and raised[c.id] > c.level
    )
    return WhatIf(steps, sum(s.to - s.current for s in steps), tuple(blocked))


def rank_roles(
    pack: RulePack,
    cp: CompiledPack,
    levels: ModuleLevels,
    verdicts: Sequence[VerdictScore],
    interests: Sequence[str],
) -> tuple[RoleFit, ...]:
    """Every target role, best fit first; fallback roles (S16) always last."""
    threshold = pack.meta.scoring.coverage_threshold
    verdict_ids = [v.id for v in verdicts[:2]]
    # Module levels the ranking may trust; None where too little is known.
    trusted = {
        mid: (level if level is not None and coverage >= threshold else None)
        for mid, (level, coverage) in levels.items()
    }
    fits = []
    for order, role in enumerate(cp.roles):
        gap = 0.0
        unknown = 0
        for mid, required in role.modules:
            level = trusted[mid]
            if level is None:
                unknown += 1
                gap += required * _UNKNOWN_PENALTY
            elif level < required:
                gap += required - level
        # A role's first-listed verdict is where it grows from most naturally: full bonus;
        # the others it lists: half.
        bonus = 0.0
        matched = False
        for i, vid in enumerate(verdict_ids):
            if vid in role.verdicts:
                matched = True
                bonus += _VERDICT_BONUS[i] * (1.0 if role.verdicts[0] == vid else 0.5)
        interest = sum(1 for i in interests if i in role.interests)
        bonus += _INTEREST_BONUS * min(interest, 3)
        if role.outlook == "favoured":
            bonus += _FAVOURED_BONUS
        fits.append(
            (
                (role.outlook == "fallback", gap - bonus, order),
                RoleFit(role.id, bonus - gap, gap, unknown, matched, interest, role.outlook),
            )
        )
    fits.sort(key=lambda pair: pair[0])
    return tuple(fit for _, fit in fits)
