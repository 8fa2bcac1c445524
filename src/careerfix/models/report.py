"""The report: an assessment with its texts looked up in one language, rounded for people.

Its JSON form is a public contract (``careerfix assess --format json``); ``careerfix schema``
prints the JSON Schema that pydantic generates from these records. Bump ``SCHEMA_VERSION`` on any
breaking change.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from careerfix.models.records import Describe, Record, plain, record

SCHEMA_VERSION = 1


@record
class PackRef(Record):
    id: str
    version: str


@record
class Inputs(Record):
    """What the report was computed from: echo of the answers after ``--set`` overrides."""

    lang: Literal["zh", "en"]
    target: Annotated[
        str | None, Describe("The role asked for (--target or the answers file), if any.")
    ]
    answers: dict[str, str | list[str]]
    evidence: dict[str, str]


@record
class TargetRole(Record):
    id: str
    name: str
    source: Annotated[
        Literal["flag", "answers", "suggested"],
        Describe("flag: --target; answers: the answers file; suggested: best fit to the answers"),
    ]
    note: str | None = None


@record
class TraceItem(Record):
    question: str
    choice: Annotated[str | None, Describe("The chosen value; null when not answered.")]
    level: Annotated[
        int | None, Describe("Level of the choice; null when unanswered or 'not sure'.")
    ]
    weight: float


@record
class CompetencyOut(Record):
    id: str
    module: str
    name: str
    level: Annotated[float | None, Describe("Weighted mean of its answered questions, 0–4.")]
    weight: Annotated[float, Describe("Weight inside its module (from the pack).")]
    required: Annotated[int | None, Describe("Level the target role needs; null without a target.")]
    gap: float | None
    status: Literal["met", "gap", "unknown", "not_required"]
    trace: list[TraceItem]


@record
class ModuleOut(Record):
    id: str
    name: str
    level: Annotated[float | None, Describe("Weighted mean of known competency levels, 0–4.")]
    score: Annotated[int | None, Describe("level / 4 × 100; null when data is insufficient.")]
    coverage: Annotated[float, Describe("Share of the module's competency weight that is known.")]
    status: Literal["scored", "insufficient_data"]
    required: int | None
    gap: float | None
    priority: Annotated[float, Describe("Plan priority multiplier of the module (from the pack).")]


@record
class GapOut(Record):
    competency: str
    module: str
    name: str
    current: float | None
    required: int
    gap: float | None
    size: Literal["small", "large"] | None


@record
class EvidenceOut(Record):
    question: str
    competency: str
    level: int
    status: Literal["proven", "unproven"]
    evidence: str | None


@record
class ReasonOut(Record):
    rule: str
    text: str
    weight: float
    sources: list[str]


@record
class VerdictOut(Record):
    id: str
    name: str
    summary: str
    score: float
    reasons: list[ReasonOut]


@record
class RemapOut(Record):
    module: str
    name: str
    level: float | None


@record
class DiagnosisOut(Record):
    status: Literal["clear", "ambiguous", "undetermined"]
    verdicts: Annotated[
        list[VerdictOut], Describe("The verdict, or the two closest when ambiguous.")
    ]
    title: Annotated[str | None, Describe("The job-title answer (a choice value).")]
    title_name: str | None
    mismatch: bool
    notes: list[str]
    remap: list[RemapOut]


@record
class FindingOut(Record):
    id: str
    name: str
    severity: Literal["high", "medium", "low", "strength"]
    reason: str
    move: str
    horizon: int
    sources: list[str]


@record
class RoleOut(Record):
    id: str
    name: str
    fit: Annotated[float, Describe("Ranking score: bonuses for verdict, interests, outlook − gap.")]
    gap: Annotated[float, Describe("Sum of module gaps to the role, in levels.")]
    unknown_modules: int
    verdict_match: bool
    interest_match: int
    outlook: Literal["favoured", "standard", "fallback"]
    note: str | None


@record
class StepOut(Record):
    competency: str
    name: str
    current: float
    to: int


@record
class WhatIfOut(Record):
    role: str
    steps: list[StepOut]
    level_steps: float
    blocked: Annotated[list[str], Describe("Modules with too little data to plan for.")]


@record
class ReadingOut(Record):
    id: str
    title: str
    author: str


@record
class PlanItemOut(Record):
    rank: int
    kind: Literal["skill", "career"]
    ref: Annotated[str, Describe("Competency id (skill) or finding id (career).")]
    title: str
    why: str
    do: str
    proof: str | None
    horizon: Annotated[int, Describe("Days: 30, 90 or 180.")]
    priority: float
    gap: float | None
    weight: float | None
    module_priority: float | None
    severity: str | None
    reading: list[ReadingOut]
    sources: list[str]


@record
class ResumeOut(Record):
    rule: str
    advice: str
    sources: list[str]


@record
class Report(Record):
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

        Same bytes as pydantic's ``dump_json(indent=2)`` (tested), without importing pydantic.
        """
        return json.dumps(plain(self), ensure_ascii=False, indent=2)
