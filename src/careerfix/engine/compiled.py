"""Per-pack lookups and compiled conditions, built once and reused for every assessment."""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from careerfix.engine.conditions import Test, compile_condition
from careerfix.models.assessment import FindingResult, Reason, ResumeAdvice
from careerfix.models.pack import RulePack


@dataclass(slots=True)
class CompiledCompetency:
    id: str
    module: str
    weight: float
    questions: tuple[tuple[str, float], ...]  # (question id, weight)


@dataclass(slots=True)
class CompiledSignal:
    test: Test
    reason: Reason  # the same for every assessment, so built once and shared


@dataclass(slots=True)
class CompiledVerdict:
    id: str
    requires: Test | None
    signals: tuple[CompiledSignal, ...]


@dataclass(slots=True)
class CompiledFinding:
    id: str
    test: Test
    horizon: int
    # What an assessment reports when the rule holds: fixed per rule, so built once and shared.
    result: FindingResult


@dataclass(slots=True)
class CompiledResumeRule:
    test: Test
    result: ResumeAdvice


@dataclass(slots=True)
class CompiledRole:
    id: str
    modules: tuple[tuple[str, int], ...]
    verdicts: frozenset[str]
    first_verdict: str | None  # where the role grows from most naturally
    interests: frozenset[str]
    outlook: str


@dataclass(slots=True)
class RoleModule:
    """What a role asks of one module: its mean level, and any competency minimums."""

    id: str
    required: int
    members: tuple[int, ...]  # positions in CompiledPack.competencies
    minimums: tuple[tuple[int, int], ...]  # (position, minimum level)
    targets: tuple[float, ...]  # each member's own required level, aligned with members


@dataclass(slots=True)
class CompiledAction:
    horizon: int
    sources: tuple[str, ...]


@dataclass(slots=True)
class CompiledPack:
    competencies: tuple[CompiledCompetency, ...]
    verdicts: tuple[CompiledVerdict, ...]
    findings: tuple[CompiledFinding, ...]
    resume: tuple[CompiledResumeRule, ...]
    # role id → competency id → required level (the competency's own minimum, else its module's)
    required: dict[str, dict[str, int]]
    required_list: dict[str, tuple[int, ...]]  # the same, aligned with ``competencies``
    roles: tuple[CompiledRole, ...]
    module_members: dict[str, tuple[int, ...]]  # module id → positions in ``competencies``
    module_priority: dict[str, float]
    competency_weight: dict[str, float]
    actions: dict[tuple[str, str], CompiledAction]  # (competency, gap size) → action
    role_modules: dict[str, tuple[RoleModule, ...]]  # role id → per module, in pack order


_CACHE: WeakKeyDictionary[RulePack, CompiledPack] = WeakKeyDictionary()


def compiled(pack: RulePack) -> CompiledPack:
    found = _CACHE.get(pack)
    if found is None:
        found = _CACHE[pack] = _compile(pack)
    return found


def _compile(pack: RulePack) -> CompiledPack:
    comps = tuple(
        CompiledCompetency(
            cid,
            pack.competency_module[cid],
            comp.weight,
            tuple((q.id, q.weight) for q in pack.competency_questions[cid]),
        )
        for cid, comp in pack.competencies.items()
    )
    verdicts = tuple(
        CompiledVerdict(
            v.id,
            compile_condition(v.requires) if v.requires is not None else None,
            tuple(
                CompiledSignal(
                    compile_condition(s.when),
                    Reason(f"{v.id}.signals[{i}]", s.weight, tuple(s.source)),
                )
                for i, s in enumerate(v.signals)
            ),
        )
        for v in pack.diagnosis.verdicts
    )
    findings = tuple(
        CompiledFinding(
            f.id,
            compile_condition(f.when),
            f.horizon,
            FindingResult(f.id, f.severity, tuple(f.source)),
        )
        for f in pack.fit.findings
    )
    resume = tuple(
        CompiledResumeRule(compile_condition(r.when), ResumeAdvice(r.id, tuple(r.source)))
        for r in pack.resume.rules
    )
    required = {
        role.id: {c.id: role.competencies.get(c.id, role.modules.get(c.module, 0)) for c in comps}
        for role in pack.roles.roles
    }
    required_list = {rid: tuple(req[c.id] for c in comps) for rid, req in required.items()}
    roles = tuple(
        CompiledRole(
            role.id,
            tuple(role.modules.items()),
            frozenset(role.verdicts),
            role.verdicts[0] if role.verdicts else None,
            frozenset(role.interests),
            role.outlook,
        )
        for role in pack.roles.roles
    )
    members = {
        mid: tuple(i for i, c in enumerate(comps) if c.module == mid) for mid in pack.module_by_id
    }
    priority = {mid: mf.module.priority for mid, mf in pack.module_by_id.items()}
    actions = {
        key: CompiledAction(a.horizon, tuple(a.source)) for key, a in pack.action_for.items()
    }
    role_modules = {
        role.id: tuple(
            RoleModule(
                mid,
                role.modules.get(mid, 0),
                members[mid],
                tuple(
                    (i, role.competencies[comps[i].id])
                    for i in members[mid]
                    if role.competencies.get(comps[i].id, 0) > 0
                ),
                tuple(
                    float(role.competencies.get(comps[i].id, role.modules.get(mid, 0)))
                    for i in members[mid]
                ),
            )
            for mid in pack.module_by_id
        )
        for role in pack.roles.roles
    }
    weights = {c.id: c.weight for c in comps}
    return CompiledPack(
        comps,
        verdicts,
        findings,
        resume,
        required,
        required_list,
        roles,
        members,
        priority,
        weights,
        actions,
        role_modules,
    )
