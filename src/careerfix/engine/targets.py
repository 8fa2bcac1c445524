"""Ranking the target roles for one person, with the pack's weights (scoring.role_ranking).

fit = bonuses (verdict, interests, outlook) − steps on the role's known core − a cost per core
competency not yet known. The list is ordered by: roles a held career move points to, then roles
within reach (steps + unknowns ≤ reach_steps), then the pack's outlook order, then fit; fallback
roles (a low ceiling) are always listed last.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from careerfix.engine.prepared import PreparedPack
from careerfix.models.assessment import CompetencyScore, RoleFit, VerdictScore
from careerfix.models.records import builder


def rank_roles(
    pack: PreparedPack,
    comps: Sequence[CompetencyScore],
    verdicts: Sequence[VerdictScore],
    interests: Sequence[str],
    pointed: frozenset[str] = frozenset(),
) -> tuple[RoleFit, ...]:
    weights = pack.meta.scoring.role_ranking
    outlook_rank = pack.outlook_rank
    verdict_bonus = weights.verdict_bonus
    interest_bonus, interest_cap = weights.interest_bonus, weights.interest_cap
    favoured_bonus, unknown_cost = weights.favoured_bonus, weights.unknown_cost
    reach_steps = weights.reach_steps
    verdict_ids = [v.id for v in verdicts[:2]]
    wanted = frozenset(interests)
    levels = [c.level for c in comps]
    make = builder(RoleFit)
    fits = []
    for order, role in enumerate(pack.role_rules):
        steps = unknown = 0
        for i, required in role.core:
            level = levels[i]
            if level is None:
                unknown += 1
            elif level < required:  # steps_to, inlined: this loop runs for every role
                steps += required - math.floor(level)
        # A role's first-listed verdict is where it grows from most naturally: full bonus;
        # the others it lists: half.
        bonus = 0.0
        matched = False
        for rank, vid in enumerate(verdict_ids):
            if vid in role.verdicts:
                matched = True
                share = 1.0 if role.first_verdict == vid else 0.5
                bonus += verdict_bonus[rank] * share
        interest = len(role.interests & wanted)
        bonus += interest_bonus * min(interest, interest_cap)
        if role.outlook == "favoured":
            bonus += favoured_bonus
        fit = bonus - steps - unknown_cost * unknown
        # Within reach: fully known and at most reach_steps away (an unknown is not "near").
        reach = unknown == 0 and steps <= reach_steps
        points = role.id in pointed
        key = (
            role.outlook == "fallback",
            not points,
            not reach,
            outlook_rank[role.outlook],
            -fit,
            order,
        )
        fits.append(
            (
                key,
                # role, fit, steps, unknown, verdict_match, interest_match, outlook,
                # within_reach, pointed
                make(role.id, fit, steps, unknown, matched, interest, role.outlook, reach, points),
            )
        )
    fits.sort(key=_first)
    return tuple(fit for _, fit in fits)


def _first(pair: tuple[tuple[object, ...], RoleFit]) -> tuple[object, ...]:
    return pair[0]


def suggest(roles: Sequence[RoleFit]) -> str | None:
    """The suggested target: the first listed role that is not a fallback (the list is in the
    method's order). A fallback (content review) is suggested only when nothing else is
    within reach or pointed to, and it is within reach and grows from the person's own work."""
    others = [r for r in roles if r.outlook != "fallback"]
    if not any(r.within_reach or r.pointed for r in others):
        for r in roles:
            if r.outlook == "fallback" and r.within_reach and r.verdict_match:
                return r.role
    return others[0].role if others else (roles[0].role if roles else None)
