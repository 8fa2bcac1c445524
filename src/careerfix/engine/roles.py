"""Module scores against a target role, competency gaps, the what-if, and role suggestions."""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from typing import Any

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
    out = []
    for c, need in zip(comps, cp.required_list[role.id], strict=True):
        if need == 0:
            continue
        level = c.level
        if level is None:
            out.append(Gap(c.id, c.module, None, need, None, None))
        elif level < need:
            gap = need - level
            out.append(Gap(c.id, c.module, level, need, gap, "small" if gap <= small else "large"))
        else:
            out.append(Gap(c.id, c.module, level, need, 0.0, None))
    return tuple(out)


def what_if(
    cp: CompiledPack,
    comps: Sequence[CompetencyScore],
    modules: Sequence[ModuleScore],
    role: RoleProfile,
) -> WhatIf:
    """The fewest level-steps that meet every module bar and competency minimum of ``role``,
    never planning a competency above the level the role asks of it.

    Greedy is optimal under those caps: every step on a competency adds its weight to the
    module's sum, so climbing the heaviest competency first needs the fewest steps; ties go to
    the weakest one.
    """
    steps: list[Step] = []
    blocked: list[str] = []
    for spec, m in zip(cp.role_modules[role.id], modules, strict=True):
        required = spec.required
        if required > 0 and not m.sufficient:
            blocked.append(m.id)  # too little is known to say what would close the gap
            continue
        short_of_mean = required > 0 and (m.level is None or m.level < required)
        short_of_minimum = False
        for i, minimum in spec.minimums:
            level = comps[i].level
            if level is None:
                short_of_minimum = True
                break
            if level < minimum:
                short_of_minimum = True
        if not short_of_mean and not short_of_minimum:
            continue
        if any(comps[i].level is None for i, _ in spec.minimums):
            blocked.append(m.id)
            continue
        # Known members as [level, weight, position, own target]; minimums applied first.
        known: list[list[Any]] = []
        deficit = 0.0
        for i, cap in zip(spec.members, spec.targets, strict=True):
            c = comps[i]
            if c.level is not None:
                known.append([c.level, c.weight, i, cap])
        for entry in known:
            for i, minimum in spec.minimums:
                if entry[2] == i and entry[0] < minimum:
                    entry[0] = float(minimum)
            deficit += entry[1] * (required - entry[0])
        # First climb only up to each competency's own target for the role (realistic steps);
        # only if that cannot meet the bar (a pack with lower competency minimums) go beyond.
        for use_targets in (True, False):
            if deficit <= 1e-9:
                break
            heap = [
                (-e[1], e[0], k)
                for k, e in enumerate(known)
                if e[0] < (e[3] if use_targets else 4.0)
            ]
            heapq.heapify(heap)
            while deficit > 1e-9 and heap:
                neg_weight, level, k = heapq.heappop(heap)
                step = float(math.floor(level) + 1)
                deficit += neg_weight * (step - level)
                known[k][0] = step
                if step < (known[k][3] if use_targets else 4.0):
                    heapq.heappush(heap, (neg_weight, step, k))
        for level, _, i, _ in known:
            c = comps[i]
            if c.level is not None and level > c.level:
                steps.append(Step(c.id, c.level, int(level)))
    return WhatIf(tuple(steps), sum(s.to - s.current for s in steps), tuple(blocked))


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
    first = verdict_ids[0] if verdict_ids else None
    second = verdict_ids[1] if len(verdict_ids) > 1 else None
    wanted = frozenset(interests)
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
        for i, vid in ((0, first), (1, second)):
            if vid is not None and vid in role.verdicts:
                matched = True
                bonus += _VERDICT_BONUS[i] * (1.0 if role.first_verdict == vid else 0.5)
        interest = len(role.interests & wanted)
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
