"""The ranked plan: career moves, "learn the basics" items and the next steps toward the target.

Items are shown in two groups (due within ``scoring.plan_soon`` days, then later); inside a group
the pack's ``plan_order`` decides (career moves by severity, basics, skill steps), then priority:

priority(skill)  = steps still to climb × competency weight × module priority
There is at most one basics item: the base modules the person has barely touched, together.
Ties: the shorter horizon first, then pack order.

A skill item is one competency of the shortest path: its action is the step right after the
person's current level (the pack's entry for their situation), followed by any later steps up to
the level the role needs. Competencies that only help the role are planned once the core is met.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from careerfix.engine.conditions import Facts
from careerfix.engine.prepared import PreparedPack
from careerfix.models.assessment import (
    Climb,
    FindingResult,
    ModuleScore,
    Need,
    PlanItem,
    RolePath,
    StepChoice,
)
from careerfix.models.records import builder


def choose_step(pack: PreparedPack, facts: Facts, competency: str, to: int) -> StepChoice:
    """The pack's step to level ``to`` that fits this person: the first whose ``when`` holds."""
    entries = pack.step_rules[(competency, to)]
    for index, entry in enumerate(entries):
        if entry.test is None or entry.test(facts):
            return (to, index)
    raise AssertionError("rules check guarantees an entry without 'when'")  # pragma: no cover


def _skill_item(
    pack: PreparedPack, facts: Facts, climb: Climb, kind: str, weight: float, module: str
) -> PlanItem:
    choices: list[StepChoice] = []
    sources: list[str] = []
    horizon = 0
    for lv in range(math.floor(climb.current) + 1, climb.to + 1):
        to, index = choose_step(pack, facts, climb.competency, lv)
        entry = pack.step_rules[(climb.competency, to)][index]
        if not choices:
            horizon = entry.horizon
        choices.append((to, index))
        sources += [s for s in entry.sources if s not in sources]
    return PlanItem(
        rank=0,
        kind="skill",
        ref=climb.competency,
        tier="skill",
        horizon=horizon,
        sources=tuple(sources),
        priority=climb.steps * weight * pack.module_priority[module],
        need=kind,  # type: ignore[arg-type]
        current=climb.current,
        to=climb.to,
        steps=tuple(choices),
    )


def basics_modules(
    pack: PreparedPack, modules: Sequence[ModuleScore], little_data: bool
) -> list[str]:
    """Base modules whose basics come first: known to be barely touched, or, when almost nothing
    is answered, every base module not known to be past the basics."""
    below = pack.meta.scoring.basics_below
    out = []
    for m in modules:
        if m.id not in pack.base_modules:
            continue
        known_low = m.sufficient and m.level is not None and m.level < below
        known_past = m.sufficient and m.level is not None and m.level >= below
        if known_low or (little_data and not known_past):
            out.append(m.id)
    return out


def _skill_items(
    pack: PreparedPack,
    facts: Facts,
    needs: Sequence[Need],
    path: RolePath,
) -> list[PlanItem]:
    """The path's climbs; once the core is met and known, the helping competencies; once those
    are met too, one level beyond the role on its heaviest core competencies."""
    comp = pack.competency_rule_by_id

    def item(climb: Climb, kind: str) -> PlanItem:
        c = comp[climb.competency]
        return _skill_item(pack, facts, climb, kind, c.weight, c.module)

    if path.climbs or path.unknown:
        return [item(climb, "core") for climb in path.climbs]
    helps = [
        item(
            Climb(competency=n.competency, current=n.current, to=n.required, steps=n.steps), "helps"
        )
        for n in needs
        if n.kind == "helps" and n.current is not None and n.steps
    ]
    if helps:
        return helps
    beyond = [
        item(
            Climb(
                competency=n.competency, current=n.current, to=math.floor(n.current) + 1, steps=1
            ),
            "beyond",
        )
        for n in needs
        if n.kind == "core" and n.current is not None and n.current < 4
    ]
    beyond.sort(key=lambda i: -i.priority)
    return beyond[: pack.meta.scoring.beyond_items]


def _basics_item(pack: PreparedPack, basics: list[str]) -> PlanItem:
    sources: list[str] = []
    for mid in basics:
        sources += [s for s in pack.basics_sources[mid] if s not in sources]
    return PlanItem(
        rank=0,
        kind="basics",
        ref="basics",
        tier="basics",
        horizon=max(pack.basics_horizon[mid] for mid in basics),
        sources=tuple(sources),
        modules=tuple(basics),
    )


def _career_items(pack: PreparedPack, findings: Sequence[FindingResult]) -> list[PlanItem]:
    horizon_of = pack.finding_horizon
    return [
        PlanItem(
            rank=0,
            kind="career",
            ref=f.id,
            tier=f.severity,
            horizon=horizon_of[f.id],
            sources=f.sources,
            severity=f.severity,
        )
        for f in findings
        if f.severity != "strength"
    ]


def _rank(pack: PreparedPack, items: list[PlanItem]) -> tuple[PlanItem, ...]:
    tier_rank = pack.tier_rank
    soon = pack.meta.scoring.plan_soon
    order = sorted(
        range(len(items)),
        key=lambda k: (
            items[k].horizon > soon,
            tier_rank[items[k].tier],
            -items[k].priority,
            items[k].horizon,
            k,
        ),
    )
    # A move that must come before others (the pack's `before`) is placed just ahead of the
    # first of them, in its group.
    is_soon = [item.horizon <= soon for item in items]
    position = {items[k].ref: n for n, k in enumerate(order) if items[k].kind == "career"}
    for k in list(order):
        item = items[k]
        if item.kind != "career":
            continue
        ahead = [position[b] for b in pack.finding_before[item.ref] if b in position]
        if ahead and min(ahead) < order.index(k):
            target = min(ahead)
            is_soon[k] = is_soon[order[target]]
            order.remove(k)
            order.insert(target, k)
            position = {items[j].ref: n for n, j in enumerate(order) if items[j].kind == "career"}
    return tuple(_ranked(items[k], rank, is_soon[k]) for rank, k in enumerate(order, start=1))


def _ranked(item: PlanItem, rank: int, soon: bool) -> PlanItem:
    # dataclasses.replace, spelled out: it looks every field up by name, several times a plan.
    return builder(PlanItem)(  # every field, in declaration order
        rank,
        item.kind,
        item.ref,
        item.tier,
        item.horizon,
        item.sources,
        soon,
        item.priority,
        item.need,
        item.current,
        item.to,
        item.steps,
        item.modules,
        item.severity,
    )


def build_plan(
    pack: PreparedPack,
    facts: Facts,
    modules: Sequence[ModuleScore],
    needs: Sequence[Need],
    path: RolePath | None,
    findings: Sequence[FindingResult],
    little_data: bool,
) -> tuple[tuple[PlanItem, ...], RolePath | None]:
    """The plan, and the path with its climbs in plan order (so both read the same way)."""
    items = _skill_items(pack, facts, needs, path) if path is not None else []
    basics = basics_modules(pack, modules, little_data)
    if basics:
        items.append(_basics_item(pack, basics))
    items += _career_items(pack, findings)
    plan = _rank(pack, items)
    if path is not None:
        at = {item.ref: item.rank for item in plan if item.kind == "skill"}
        climbs = tuple(sorted(path.climbs, key=lambda c: at[c.competency]))
        path = RolePath(climbs=climbs, steps=path.steps, unknown=path.unknown)
    return plan, path
