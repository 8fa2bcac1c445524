"""Per-pack lookups and compiled conditions, built once and reused for every assessment."""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from careerfix.engine.conditions import Test, compile_condition
from careerfix.engine.proof import CompiledProof, compile_proof
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
    # (position in CompiledPack.competencies, required level), in pack order
    core: tuple[tuple[int, int], ...]
    helps: tuple[tuple[int, int], ...]
    verdicts: frozenset[str]
    first_verdict: str | None  # where the role grows from most naturally
    interests: frozenset[str]
    outlook: str


@dataclass(slots=True)
class CompiledStep:
    test: Test | None  # None: the entry for everyone else
    horizon: int
    sources: tuple[str, ...]


@dataclass(slots=True)
class CompiledPack:
    competencies: tuple[CompiledCompetency, ...]
    position: dict[str, int]  # competency id → position in ``competencies``
    verdicts: tuple[CompiledVerdict, ...]
    findings: tuple[CompiledFinding, ...]
    resume: tuple[CompiledResumeRule, ...]
    roles: tuple[CompiledRole, ...]
    role_by_id: dict[str, CompiledRole]
    module_priority: dict[str, float]
    base_modules: tuple[str, ...]  # in pack order
    # (competency, level reached) → its step entries, situation-specific ones first
    steps: dict[tuple[str, int], tuple[CompiledStep, ...]]
    basics_horizon: dict[str, int]
    verdict_tie_rank: dict[str, int]
    finding_points_to: dict[str, tuple[str, ...]]
    finding_before: dict[str, tuple[str, ...]]
    basics_sources: dict[str, tuple[str, ...]]
    proof: CompiledProof


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
    position = {c.id: i for i, c in enumerate(comps)}
    roles = tuple(
        CompiledRole(
            role.id,
            tuple((position[cid], lv) for cid, lv in role.core.items()),
            tuple((position[cid], lv) for cid, lv in role.helps.items()),
            frozenset(role.verdicts),
            role.verdicts[0] if role.verdicts else None,
            frozenset(role.interests),
            role.outlook,
        )
        for role in pack.roles.roles
    )
    steps = {
        key: tuple(
            CompiledStep(
                compile_condition(e.when) if e.when is not None else None,
                e.horizon,
                tuple(e.source),
            )
            for e in entries
        )
        for key, entries in pack.steps_for.items()
    }
    return CompiledPack(
        comps,
        position,
        verdicts,
        findings,
        resume,
        roles,
        {r.id: r for r in roles},
        {mid: mf.module.priority for mid, mf in pack.module_by_id.items()},
        tuple(mid for mid, mf in pack.module_by_id.items() if mf.module.base),
        steps,
        {mid: mf.basics.horizon for mid, mf in pack.module_by_id.items()},
        {vid: i for i, vid in enumerate(pack.diagnosis.tie_order)},
        {f.id: tuple(f.points_to) for f in pack.fit.findings},
        {f.id: tuple(f.before) for f in pack.fit.findings},
        {mid: tuple(mf.basics.source) for mid, mf in pack.module_by_id.items()},
        proof=compile_proof(pack.meta.proof),
    )
