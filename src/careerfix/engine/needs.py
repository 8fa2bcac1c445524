"""What the target role needs of this person, and the shortest path to it.

A role names its core competencies with the level each must reach (and some that help); nothing
else is a requirement. A step is one level of one competency, so the fewest steps that meet the
role are exactly the missing levels of its known core competencies: every core competency below
its level must climb to it, and climbing further or elsewhere only adds steps. (A brute-force test
holds the engine to that.) Unknown core competencies cannot be planned; the report asks for them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from careerfix.engine.prepared import RoleRule
from careerfix.models.assessment import Climb, CompetencyScore, Need, NeedKind, RolePath
from careerfix.models.records import builder


def steps_to(current: float, required: int) -> int:
    """Levels to climb from ``current`` (possibly a mean like 2.5) to reach ``required``."""
    if current >= required:
        return 0
    return required - math.floor(current)


def role_needs(comps: Sequence[CompetencyScore], role: RoleRule) -> tuple[Need, ...]:
    out = []
    make = builder(Need)
    kinds: tuple[tuple[NeedKind, tuple[tuple[int, int], ...]], ...] = (
        ("core", role.core),
        ("helps", role.helps),
    )
    for kind, needs in kinds:
        for i, required in needs:
            c = comps[i]
            steps = None if c.level is None else steps_to(c.level, required)
            # competency, module, kind, current, required, steps
            out.append(make(c.id, c.module, kind, c.level, required, steps))
    return tuple(out)


def shortest_path(needs: Sequence[Need]) -> RolePath:
    climbs = tuple(
        Climb(competency=n.competency, current=n.current, to=n.required, steps=n.steps)
        for n in needs
        if n.kind == "core" and n.current is not None and n.steps
    )
    unknown = tuple(n.competency for n in needs if n.kind == "core" and n.current is None)
    return RolePath(climbs=climbs, steps=sum(c.steps for c in climbs), unknown=unknown)
