"""The report: an assessment with its texts looked up in one language, rounded for people.

Its JSON form is a public contract (``careerfix assess --format json``); ``careerfix schema``
prints the JSON Schema that pydantic generates from these records. Bump ``SCHEMA_VERSION`` on any
breaking change.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from careerfix.models.assessment import EvidenceFlag, TraceItem
from careerfix.models.records import Describe, Record, plain, record

SCHEMA_VERSION = 2


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
class CompetencyOut(Record):
    id: str
    module: str
    name: str
    level: Annotated[float | None, Describe("Weighted mean of its answered questions, 0–4.")]
    weight: Annotated[float, Describe("Weight inside its module (from the pack).")]
    need: Annotated[
        Literal["core", "helps"] | None,
        Describe("core: the target role requires it; helps: it helps in the role; null: neither."),
    ]
    required: Annotated[int | None, Describe("Level the target role names for it, if any.")]
    steps: Annotated[
        int | None, Describe("Levels still to climb to `required`; null when unknown or not named.")
    ]
    status: Literal["met", "gap", "unknown", "not_required"]
    trace: list[TraceItem]


@record
class ModuleOut(Record):
    id: str
    name: str
    average: Annotated[
        float | None, Describe("Average level of the module's answered competencies, 0–4.")
    ]
    score: Annotated[int | None, Describe("average / 4 × 100; null when data is insufficient.")]
    coverage: Annotated[float, Describe("Share of the module's competency weight that is known.")]
    status: Literal["scored", "insufficient_data"]
    core: Annotated[int, Describe("Competencies of this module the target role requires.")]
    core_met: Annotated[int, Describe("Of those, how many are already at the required level.")]
    priority: Annotated[float, Describe("Plan priority multiplier of the module (from the pack).")]


@record
class ClimbOut(Record):
    competency: str
    name: str
    module: str
    current: float
    to: int
    steps: int
    plan_rank: Annotated[int, Describe("The plan item that takes this competency there.")]


@record
class PathOut(Record):
    """The fewest level-steps on the target's core competencies that meet the role."""

    role: str
    steps: Annotated[int, Describe("One step is one level of one competency.")]
    competencies: Annotated[int, Describe("How many competencies the steps are on.")]
    climbs: list[ClimbOut]
    met: Annotated[list[str], Describe("Core competencies already at the required level.")]
    unknown: Annotated[list[str], Describe("Core competencies with no answer yet.")]


@record
class QuestionRef(Record):
    id: str
    prompt: str


@record
class HintOut(Record):
    text: str
    sources: list[str]


@record
class SourceOut(Record):
    id: str
    title: str


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
    """One competency the verdict's work is placed on (traffic ops)."""

    competency: str
    name: str
    module: str
    module_name: str
    level: Annotated[float | None, Describe("The competency's level; null when unknown.")]


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
    remap_note: str | None
    remap: list[RemapOut]


@record
class FindingOut(Record):
    id: str
    name: str
    severity: Literal["high", "medium", "low", "strength"]
    reason: str
    move: str
    horizon: int
    plan_rank: Annotated[int | None, Describe("The plan item carrying its move (not strengths).")]
    sources: list[str]


@record
class RoleNeedOut(Record):
    competency: str
    name: str
    level: int


@record
class RoleOut(Record):
    id: str
    name: str
    fit: Annotated[float, Describe("Ranking score (pack weights): bonuses − steps − unknowns.")]
    steps: Annotated[int, Describe("Level-steps on the role's known core competencies.")]
    unknown: Annotated[int, Describe("Core competencies of the role not answered yet.")]
    verdict_match: bool
    interest_match: int
    outlook: Literal["favoured", "standard", "tool", "fallback"]
    within_reach: Annotated[bool, Describe("Steps plus unknowns within the pack's reach_steps.")]
    pointed: Annotated[bool, Describe("A career move in this report points to this role.")]
    note: str | None
    core: list[RoleNeedOut]
    sources: list[str]


@record
class ReadingOut(Record):
    id: str
    title: str
    author: str


@record
class LaterStepOut(Record):
    to: Annotated[int, Describe("The level this step reaches.")]
    do: str
    proof: str
    horizon: int


@record
class BasicsPartOut(Record):
    module: str
    name: str
    do: str
    proof: str
    horizon: int
    reading: list[ReadingOut]


@record
class PlanItemOut(Record):
    rank: int
    kind: Annotated[
        Literal["skill", "basics", "career"],
        Describe(
            "skill: a step toward the target; basics: learn a module's basics; career: a move"
        ),
    ]
    ref: Annotated[str, Describe("Competency id (skill), 'basics', or finding id (career).")]
    title: str
    group: Annotated[
        Literal["soon", "later"], Describe("soon: due within the pack's first horizon group.")
    ]
    horizon: Annotated[int, Describe("Days: 30, 90 or 180.")]
    why: str | None
    do: str
    proof: str | None
    need: Annotated[
        Literal["core", "helps", "beyond"] | None,
        Describe("skill: core need, one that helps, or the step beyond a fully met role."),
    ]
    current: Annotated[float | None, Describe("skill: the level now.")]
    to: Annotated[int | None, Describe("skill: the level this item reaches.")]
    steps: Annotated[int | None, Describe("skill: levels climbed by this item.")]
    later: Annotated[list[LaterStepOut], Describe("skill: the steps after the first one.")]
    basics: Annotated[list[BasicsPartOut], Describe("basics: one part per module it covers.")]
    severity: str | None
    reading: list[ReadingOut]
    sources: list[str]


@record
class SummaryOut(Record):
    """What fits on one screen: the verdict, the target, the next actions, the biggest move."""

    verdict: str | None
    target: str | None
    steps: Annotated[int | None, Describe("Level-steps of the shortest path to the target.")]
    next: Annotated[list[int], Describe("Ranks of the first plan items.")]
    move: Annotated[int | None, Describe("Rank of the most severe career move, if any.")]


@record
class ResumeOut(Record):
    rule: str
    advice: str
    sources: list[str]


@record
class InterviewOut(Record):
    """How the answers were gathered, when it limits the report (``assess --quick``)."""

    kind: Literal["quick"]
    asked: Annotated[int, Describe("Questions the short interview asked.")]
    questions: Annotated[int, Describe("Questions the full interview asks.")]
    note: Annotated[str, Describe("What the lower coverage means, for the reader.")]


@record
class Report(Record):
    schema_version: int = SCHEMA_VERSION
    pack: PackRef
    inputs: Inputs
    target: TargetRole | None
    summary: SummaryOut
    diagnosis: DiagnosisOut
    modules: list[ModuleOut]
    competencies: list[CompetencyOut]
    path: PathOut | None
    to_answer: Annotated[
        list[QuestionRef], Describe("Unanswered questions that would complete the plan.")
    ]
    little_data: Annotated[bool, Describe("Too few answers to plan from: the plan is the basics.")]
    evidence: Annotated[
        list[EvidenceFlag], Describe("Claims first, then lower-level answers with evidence.")
    ]
    evidence_hint: Annotated[
        HintOut | None, Describe("The pack's advice when a claim is not proven.")
    ]
    findings: list[FindingOut]
    roles: list[RoleOut]
    reach_steps: Annotated[int, Describe("A role is within reach at this many steps or fewer.")]
    plan: list[PlanItemOut]
    resume: list[ResumeOut]
    facts: dict[str, int]
    sources: Annotated[
        list[SourceOut], Describe("Every source id the report cites, with its title (pack order).")
    ]
    interview: Annotated[
        InterviewOut | None,
        Describe("Present only after a short interview (--quick): its lower coverage."),
    ] = None

    def to_json(self) -> str:
        """The JSON contract: fields in declaration order, non-ASCII kept, two-space indent.

        Same bytes as pydantic's ``dump_json(indent=2)`` (tested), without importing pydantic;
        ``interview`` is left out when absent, so a full interview's report is as it always was.
        """
        return data_json(self.to_data())

    def to_data(self) -> dict[str, Any]:
        """The report as plain data, as written in JSON (no ``interview`` after a full run)."""
        data: dict[str, Any] = plain(self)
        if data["interview"] is None:
            del data["interview"]
        return data


def data_json(data: dict[str, Any]) -> str:
    """A report's plain data (:meth:`Report.to_data`) as its JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=2)
