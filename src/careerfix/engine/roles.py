"""Module scores against a target role, competency gaps, the what-if, and role suggestions."""

from __future__ import annotations

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
    comps: Sequence[CompetencyScore], modules: Sequence[ModuleScore], role: RoleProfile
) -> WhatIf:
    """The fewest level-steps that meet every module bar and competency minimum of ``role``.

    Greedy is optimal here: every step on a competency adds its weight to the module's sum, so
    climbing the heaviest competency first needs the fewest steps; ties go to the weakest one.
    """
    current = {c.id: c.level for c in comps if c.level is not None}
    raised: dict[str, float] = dict(current)
    blocked: list[str] = []
    by_module: dict[str, list[CompetencyScore]] = {}
    for c in comps:
        by_module.setdefault(c.module, []).append(c)
    for m in modules:
        required = role.modules.get(m.id, 0)
        minimums = {
            c.id: need for c in by_module[m.id] if (need := role.competencies.get(c.id, 0)) > 0
        }
        if (required > 0 and not m.sufficient) or any(cid not in current for cid in minimums):
            blocked.append(m.id)
            continue
        for cid, need in minimums.items():
            raised[cid] = max(raised[cid], need)
        known = [c for c in by_module[m.id] if c.id in raised]
        deficit = sum(c.weight * (required - raised[c.id]) for c in known)
        while deficit > 1e-9:
            pick = min(
                (c for c in known if raised[c.id] < 4), key=lambda c: (-c.weight, raised[c.id])
            )
            step = math.floor(raised[pick.id]) + 1
            deficit -= pick.weight * (step - raised[pick.id])
            raised[pick.id] = step
    steps = tuple(
        Step(c.id, current[c.id], int(raised[c.id]))
        for c in comps
        if c.id in current and raised[c.id] > current[c.id]
    )
    return WhatIf(steps, sum(s.to - s.current for s in steps), tuple(blocked))


def rank_roles(
    pack: RulePack, levels: ModuleLevels, verdicts: Sequence[VerdictScore], interests: Sequence[str]
) -> tuple[RoleFit, ...]:
    """Every target role, best fit first; fallback roles (S16) always last."""
    threshold = pack.meta.scoring.coverage_threshold
    verdict_ids = [v.id for v in verdicts[:2]]
    fits = []
    for order, role in enumerate(pack.roles.roles):
        gap = 0.0
        unknown = 0
        for mid, required in role.modules.items():
            level, coverage = levels[mid]
            if level is None or coverage < threshold:
                unknown += 1
                gap += required * _UNKNOWN_PENALTY
            elif level < required:
                gap += required - level
        # A role's first-listed verdict is where it grows from most naturally: full bonus;
        # the others it lists: half.
        bonus = sum(
            _VERDICT_BONUS[i] * (1.0 if role.verdicts[0] == vid else 0.5)
            for i, vid in enumerate(verdict_ids)
            if vid in role.verdicts
        )
        interest = sum(1 for i in interests if i in role.interests)
        bonus += _INTEREST_BONUS * min(interest, 3)
        if role.outlook == "favoured":
            bonus += _FAVOURED_BONUS
        matched = any(vid in role.verdicts for vid in verdict_ids)
        fits.append(
            (
                (role.outlook == "fallback", gap - bonus, order),
                RoleFit(role.id, bonus - gap, gap, unknown, matched, interest, role.outlook),
            )
        )
    fits.sort(key=lambda pair: pair[0])
    return tuple(fit for _, fit in fits)
