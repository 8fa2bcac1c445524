"""What the engine returns: ids and numbers only (texts are looked up by the renderers).

Plain slotted dataclasses rather than pydantic models (or frozen dataclasses, whose __init__ is
four times slower): the engine builds about a hundred per assessment and must score thousands a
second. Treat them as read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["proven", "unproven"]
Kind = Literal["skill", "career"]


# One answer's part in a competency level: (question id, choice or None, level or None, weight).
# A plain tuple: thirty are built per assessment.
QuestionTrace = tuple[str, str | None, int | None, float]


@dataclass(slots=True)
class CompetencyScore:
    id: str
    module: str
    level: float | None  # weighted mean of its answered questions; None when unknown
    weight: float


@dataclass(slots=True)
class ModuleScore:
    id: str
    level: float | None  # weighted mean of known competency levels
    score: int | None  # 0–100, None when coverage is below the pack's threshold
    coverage: float  # share of competency weight that is known, 0–1
    sufficient: bool
    required: int | None  # the target role's level for this module
    gap: float | None  # max(0, required − level); None when unknown or no target


@dataclass(slots=True)
class Gap:
    competency: str
    module: str
    current: float | None
    required: int
    gap: float | None  # None: the competency is unknown
    size: Literal["small", "large"] | None


@dataclass(slots=True)
class EvidenceFlag:
    question: str
    competency: str
    level: int
    status: Status
    evidence: str | None


@dataclass(slots=True)
class Reason:
    """A rule (signal) that held, with what it contributed."""

    rule: str  # e.g. "community_ops.signals[1]"
    weight: float
    sources: tuple[str, ...]


@dataclass(slots=True)
class VerdictScore:
    id: str
    score: float
    reasons: tuple[Reason, ...]


@dataclass(slots=True)
class Diagnosis:
    verdicts: tuple[VerdictScore, ...]  # the winner, plus a close runner-up when ambiguous
    ambiguous: bool
    title: str | None  # the user's job-title answer
    mismatch: bool  # the title claims work the answers do not describe
    remap: tuple[tuple[str, float | None], ...]  # (module, level) for traffic-ops style verdicts


@dataclass(slots=True)
class FindingResult:
    id: str
    severity: str
    sources: tuple[str, ...]


@dataclass(slots=True)
class Step:
    """One improvement in a what-if: raise a competency from one level to another."""

    competency: str
    current: float
    to: int


@dataclass(slots=True)
class WhatIf:
    steps: tuple[Step, ...]
    level_steps: float  # total levels climbed
    blocked: tuple[str, ...]  # modules that cannot be planned: too little is known


@dataclass(slots=True)
class RoleFit:
    role: str
    fit: float  # higher is better; used for ranking only
    gap: float  # total module gap (levels)
    unknown_modules: int
    verdict_match: bool
    interest_match: int
    outlook: str


@dataclass(slots=True)
class PlanItem:
    rank: int
    kind: Kind
    ref: str  # competency id or finding id
    priority: float
    horizon: int
    gap: float | None  # skill items
    weight: float | None  # competency weight (skill) or severity weight (career)
    module_priority: float | None
    severity: str | None
    size: Literal["small", "large"] | None
    sources: tuple[str, ...]


@dataclass(slots=True)
class ResumeAdvice:
    rule: str
    sources: tuple[str, ...]


@dataclass(slots=True)
class Assessment:
    pack: str
    pack_version: str
    target: str | None
    target_source: Literal["flag", "answers", "suggested", "none"]
    competencies: tuple[CompetencyScore, ...]
    modules: tuple[ModuleScore, ...]
    gaps: tuple[Gap, ...]
    evidence: tuple[EvidenceFlag, ...]
    diagnosis: Diagnosis
    findings: tuple[FindingResult, ...]
    roles: tuple[RoleFit, ...]  # ranked best first; fallback roles last
    what_if: WhatIf | None
    plan: tuple[PlanItem, ...]
    resume: tuple[ResumeAdvice, ...]
    facts: tuple[tuple[str, int], ...]
