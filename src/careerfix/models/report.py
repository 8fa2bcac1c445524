"""The report: an assessment with its texts looked up in one language, rounded for people.

Its JSON form is a public contract (``careerfix assess --format json``); ``careerfix schema``
prints the JSON Schema generated from these models. Bump ``SCHEMA_VERSION`` on any breaking change.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class _Out(BaseModel):
    # Reports are built with model_construct from values the engine already checked, and
    # written by to_json, so a normal run never needs the validators: build them lazily.
    model_config = ConfigDict(extra="forbid", defer_build=True)


class PackRef(_Out):
    id: str
    version: str


class Inputs(_Out):
    """What the report was computed from: echo of the answers after ``--set`` overrides."""

    lang: Literal["zh", "en"]
    target: str | None = Field(
        description="The role asked for (--target or the answers file), if any."
    )
    answers: dict[str, str | list[str]]
    evidence: dict[str, str]


class TargetRole(_Out):
    id: str
    name: str
    source: Literal["flag", "answers", "suggested"] = Field(
        description="flag: --target; answers: the answers file; suggested: best fit to the answers"
    )
    note: str | None = None


class TraceItem(_Out):
    question: str
    choice: str | None = Field(description="The chosen value; null when not answered.")
    level: int | None = Field(
        description="Level of the choice; null when unanswered or 'not sure'."
    )
    weight: float


class CompetencyOut(_Out):
    id: str
    module: str
    name: str
    level: float | None = Field(description="Weighted mean of its answered questions, 0–4.")
    weight: float = Field(description="Weight inside its module (from the pack).")
    required: int | None = Field(description="Level the target role needs; null without a target.")
    gap: float | None
    status: Literal["met", "gap", "unknown", "not_required"]
    trace: list[TraceItem]


class ModuleOut(_Out):
    id: str
    name: str
    level: float | None = Field(description="Weighted mean of known competency levels, 0–4.")
    score: int | None = Field(description="level / 4 × 100; null when data is insufficient.")
    coverage: float = Field(description="Share of the module's competency weight that is known.")
    status: Literal["scored", "insufficient_data"]
    required: int | None
    gap: float | None
    priority: float = Field(description="Plan priority multiplier of the module (from the pack).")


class GapOut(_Out):
    competency: str
    module: str
    name: str
    current: float | None
    required: int
    gap: float | None
    size: Literal["small", "large"] | None


class EvidenceOut(_Out):
    question: str
    competency: str
    level: int
    status: Literal["proven", "unproven"]
    evidence: str | None


class ReasonOut(_Out):
    rule: str
    text: str
    weight: float
    sources: list[str]


class VerdictOut(_Out):
    id: str
    name: str
    summary: str
    score: float
    reasons: list[ReasonOut]


class RemapOut(_Out):
    module: str
    name: str
    level: float | None


class DiagnosisOut(_Out):
    status: Literal["clear", "ambiguous", "undetermined"]
    verdicts: list[VerdictOut] = Field(
        description="The verdict, or the two closest when ambiguous."
    )
    title: str | None = Field(description="The job-title answer (a choice value).")
    title_name: str | None
    mismatch: bool
    notes: list[str]
    remap: list[RemapOut]


class FindingOut(_Out):
    id: str
    name: str
    severity: Literal["high", "medium", "low", "strength"]
    reason: str
    move: str
    horizon: int
    sources: list[str]


class RoleOut(_Out):
    id: str
    name: str
    fit: float = Field(description="Ranking score: bonuses for verdict, interests, outlook − gap.")
    gap: float = Field(description="Sum of module gaps to the role, in levels.")
    unknown_modules: int
    verdict_match: bool
    interest_match: int
    outlook: Literal["favoured", "standard", "fallback"]
    note: str | None


class StepOut(_Out):
    competency: str
    name: str
    current: float
    to: int


class WhatIfOut(_Out):
    role: str
    steps: list[StepOut]
    level_steps: float
    blocked: list[str] = Field(description="Modules with too little data to plan for.")


class ReadingOut(_Out):
    id: str
    title: str
    author: str


class PlanItemOut(_Out):
    rank: int
    kind: Literal["skill", "career"]
    ref: str = Field(description="Competency id (skill) or finding id (career).")
    title: str
    why: str
    do: str
    proof: str | None
    horizon: int = Field(description="Days: 30, 90 or 180.")
    priority: float
    gap: float | None
    weight: float | None
    module_priority: float | None
    severity: str | None
    reading: list[ReadingOut]
    sources: list[str]


class ResumeOut(_Out):
    rule: str
    advice: str
    sources: list[str]


class Report(_Out):
    schema_version: int = SCHEMA_VERSION
    pack: PackRef
    inputs: Inputs
    target: TargetRole | None
    diagnosis: DiagnosisOut
    modules: list[ModuleOut]
    competencies: list[CompetencyOut]
    gaps: list[GapOut]
    evidence: list[EvidenceOut]
    findings: list[FindingOut]
    roles: list[RoleOut]
    what_if: WhatIfOut | None
    plan: list[PlanItemOut]
    resume: list[ResumeOut]
    facts: dict[str, int]

    def to_json(self) -> str:
        """The JSON contract: fields in declaration order, non-ASCII kept, two-space indent.

        Same bytes as ``model_dump_json(indent=2)``, without building pydantic's serializer.
        """
        return json.dumps(_plain(self), ensure_ascii=False, indent=2)


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return {name: _plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
