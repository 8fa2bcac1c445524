"""Ranking the target roles for one person, with the pack's weights (scoring.role_ranking).

fit = bonuses (verdict, interests, outlook) − steps on the role's known core − a cost per core
competency not yet known. Fallback roles (a low ceiling) are always listed last.
"""

from __future__ import annotations

from collections.abc import Sequence

from careerfix.engine.compiled import CompiledPack
from careerfix.engine.needs import steps_to
from careerfix.models.assessment import CompetencyScore, RoleFit, VerdictScore
from careerfix.models.pack import RulePack


def rank_roles(
    pack: RulePack,
    cp: CompiledPack,
    comps: Sequence[CompetencyScore],
    verdicts: Sequence[VerdictScore],
    interests: Sequence[str],
) -> tuple[RoleFit, ...]:
    weights = pack.meta.scoring.role_ranking
    verdict_ids = [v.id for v in verdicts[:2]]
    wanted = frozenset(interests)
    fits = []
    for order, role in enumerate(cp.roles):
        steps = unknown = 0
        for i, required in role.core:
            level = comps[i].level
            if level is None:
                unknown += 1
            else:
                steps += steps_to(level, required)
        # A role's first-listed verdict is where it grows from most naturally: full bonus;
        # the others it lists: half.
        bonus = 0.0
        matched = False
        for rank, vid in enumerate(verdict_ids):
            if vid in role.verdicts:
                matched = True
                share = 1.0 if role.first_verdict == vid else 0.5
                bonus += weights.verdict_bonus[rank] * share
        interest = len(role.interests & wanted)
        bonus += weights.interest_bonus * min(interest, weights.interest_cap)
        if role.outlook == "favoured":
            bonus += weights.favoured_bonus
        fit = bonus - steps - weights.unknown_cost * unknown
        fits.append(
            (
                (role.outlook == "fallback", -fit, order),
                RoleFit(role.id, fit, steps, unknown, matched, interest, role.outlook),
            )
        )
    fits.sort(key=lambda pair: pair[0])
    return tuple(fit for _, fit in fits)
