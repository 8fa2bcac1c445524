"""The prepared pack: one frozen object with the pack's files, its lookups and everything the
engine needs (conditions compiled into tests, competency positions, required levels, step and
reading lookups).

Loading a pack gives a :class:`PreparedPack` (``careerfix.rules.load_pack``); every engine function
takes it alone. The engine's parts are ``cached_property``: built on first use, once per pack, and
written straight into the instance, so the object stays frozen and ``careerfix questions`` or
``roles`` never pay for compiling conditions.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from functools import cached_property

from careerfix.engine.conditions import Test, compile_condition
from careerfix.engine.proof import CompiledProof, compile_proof
from careerfix.models.assessment import CompetencyScore, FindingResult, Reason, ResumeAdvice
from careerfix.models.pack import RulePack
from careerfix.models.records import Record, record


@record
class CompetencyRule(Record):
    id: str
    module: str
    weight: float
    questions: tuple[tuple[str, float], ...]  # (question id, weight)


@record
class SignalRule(Record):
    test: Test
    reason: Reason  # the same for every assessment: frozen, so built once and shared


@record
class VerdictRule(Record):
    id: str
    requires: Test | None
    signals: tuple[SignalRule, ...]


@record
class FindingRule(Record):
    id: str
    test: Test
    horizon: int
    result: FindingResult  # what an assessment reports when the rule holds


@record
class ResumeRule(Record):
    test: Test
    result: ResumeAdvice


@record
class RoleRule(Record):
    id: str
    # (position in PreparedPack.competency_rules, required level), in pack order
    core: tuple[tuple[int, int], ...]
    helps: tuple[tuple[int, int], ...]
    verdicts: frozenset[str]
    first_verdict: str | None  # where the role grows from most naturally
    interests: frozenset[str]
    outlook: str


@record
class StepRule(Record):
    test: Test | None  # None: the entry for everyone else
    horizon: int
    sources: tuple[str, ...]


class PreparedPack(RulePack):
    """The pack as loaded: :class:`RulePack`'s files and lookups, plus the engine's (below).

    Frozen like :class:`RulePack`, whose fields it shares: declared without ``@dataclass``, which
    would compile an ``__init__``, ``__setattr__`` and ``__delattr__`` again for the same fields.
    """

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    @cached_property
    def competency_rules(self) -> tuple[CompetencyRule, ...]:
        return tuple(
            CompetencyRule(
                id=cid,
                module=self.competency_module[cid],
                weight=comp.weight,
                questions=tuple((q.id, q.weight) for q in self.competency_questions[cid]),
            )
            for cid, comp in self.competencies.items()
        )

    @cached_property
    def competency_rule_by_id(self) -> dict[str, CompetencyRule]:
        return {c.id: c for c in self.competency_rules}

    @cached_property
    def module_competencies(self) -> dict[str, tuple[str, ...]]:
        """Module id → its competencies, in pack order."""
        out: dict[str, list[str]] = {mid: [] for mid in self.module_by_id}
        for cid in self.competencies:
            out[self.competency_module[cid]].append(cid)
        return {mid: tuple(cids) for mid, cids in out.items()}

    @cached_property
    def finding_horizon(self) -> dict[str, int]:
        return {f.id: f.horizon for f in self.finding_rules}

    @cached_property
    def outlook_rank(self) -> dict[str, int]:
        return {o: i for i, o in enumerate(self.meta.scoring.role_ranking.outlook_order)}

    @cached_property
    def competency_score_cache(self) -> tuple[dict[str | None, CompetencyScore] | None, ...]:
        """Per competency measured by one question: its score for each choice (None: not
        answered), filled in as assessments meet them; None for the others."""
        return tuple({} if len(c.questions) == 1 else None for c in self.competency_rules)

    @cached_property
    def position(self) -> dict[str, int]:
        """Competency id → its position in ``competency_rules`` (and in an assessment's scores)."""
        return {c.id: i for i, c in enumerate(self.competency_rules)}

    @cached_property
    def verdict_rules(self) -> tuple[VerdictRule, ...]:
        return tuple(
            VerdictRule(
                id=v.id,
                requires=compile_condition(v.requires) if v.requires is not None else None,
                signals=tuple(
                    SignalRule(
                        test=compile_condition(s.when),
                        reason=Reason(
                            verdict=v.id, signal=i, weight=s.weight, sources=tuple(s.source)
                        ),
                    )
                    for i, s in enumerate(v.signals)
                ),
            )
            for v in self.diagnosis.verdicts
        )

    @cached_property
    def finding_rules(self) -> tuple[FindingRule, ...]:
        return tuple(
            FindingRule(
                id=f.id,
                test=compile_condition(f.when),
                horizon=f.horizon,
                result=FindingResult(id=f.id, severity=f.severity, sources=tuple(f.source)),
            )
            for f in self.fit.findings
        )

    @cached_property
    def resume_rules(self) -> tuple[ResumeRule, ...]:
        return tuple(
            ResumeRule(
                test=compile_condition(r.when),
                result=ResumeAdvice(rule=r.id, sources=tuple(r.source)),
            )
            for r in self.resume.rules
        )

    @cached_property
    def role_rules(self) -> tuple[RoleRule, ...]:
        position = self.position
        return tuple(
            RoleRule(
                id=role.id,
                core=tuple((position[cid], lv) for cid, lv in role.core.items()),
                helps=tuple((position[cid], lv) for cid, lv in role.helps.items()),
                verdicts=frozenset(role.verdicts),
                first_verdict=role.verdicts[0] if role.verdicts else None,
                interests=frozenset(role.interests),
                outlook=role.outlook,
            )
            for role in self.roles.roles
        )

    @cached_property
    def role_rule_by_id(self) -> dict[str, RoleRule]:
        return {r.id: r for r in self.role_rules}

    @cached_property
    def step_rules(self) -> dict[tuple[str, int], tuple[StepRule, ...]]:
        """(competency, level reached) → its step entries, situation-specific ones first."""
        return {
            key: tuple(
                StepRule(
                    test=compile_condition(e.when) if e.when is not None else None,
                    horizon=e.horizon,
                    sources=tuple(e.source),
                )
                for e in entries
            )
            for key, entries in self.steps_for.items()
        }

    @cached_property
    def module_priority(self) -> dict[str, float]:
        return {mid: mf.module.priority for mid, mf in self.module_by_id.items()}

    @cached_property
    def base_modules(self) -> tuple[str, ...]:
        """In pack order."""
        return tuple(mid for mid, mf in self.module_by_id.items() if mf.module.base)

    @cached_property
    def basics_horizon(self) -> dict[str, int]:
        return {mid: mf.basics.horizon for mid, mf in self.module_by_id.items()}

    @cached_property
    def basics_sources(self) -> dict[str, tuple[str, ...]]:
        return {mid: tuple(mf.basics.source) for mid, mf in self.module_by_id.items()}

    @cached_property
    def verdict_tie_rank(self) -> dict[str, int]:
        return {vid: i for i, vid in enumerate(self.diagnosis.tie_order)}

    @cached_property
    def finding_points_to(self) -> dict[str, tuple[str, ...]]:
        return {f.id: tuple(f.points_to) for f in self.fit.findings}

    @cached_property
    def finding_before(self) -> dict[str, tuple[str, ...]]:
        return {f.id: tuple(f.before) for f in self.fit.findings}

    @cached_property
    def severity_rank(self) -> dict[str, int]:
        """Findings' severities in the pack's plan_order, strengths last."""
        order = [t for t in self.meta.scoring.plan_order if t in ("high", "medium", "low")]
        return {severity: i for i, severity in enumerate([*order, "strength"])}

    @cached_property
    def tier_rank(self) -> dict[str, int]:
        return {tier: i for i, tier in enumerate(self.meta.scoring.plan_order)}

    @cached_property
    def proof(self) -> CompiledProof:
        return compile_proof(self.meta.proof)
