"""What the engine returns: ids and numbers only (texts are looked up by the renderers).

Records (:mod:`careerfix.models.records`) rather than pydantic models: the engine builds about a
hundred per assessment and must score thousands a second. Immutable, because some (a finding, a
verdict's reason, a competency's score for one answer) are built once per pack and shared by every
assessment. The two results the report shows exactly as the engine made them (an answer's part in a
level, an evidence flag) are records of the report's JSON contract, declared once here.
"""

from __future__ import annotations

from typing import Annotated, Literal

from careerfix.models.records import Describe, Record, record

# proven: names a result; weak: a number, but no result (a count of things done); unproven: no number
Status = Literal["proven", "weak", "unproven"]
Kind = Literal["skill", "basics", "career"]
# flag: --target; answers: the answers' own; suggested: the best fit; none: no target
TargetSource = Literal["flag", "answers", "suggested", "none"]


@record
class TraceItem(Record):
    """One answer's part in a competency's level."""

    question: str
    choice: Annotated[str | None, Describe("The chosen value; null when not answered.")]
    level: Annotated[
        int | None, Describe("Level of the choice; null when unanswered or 'not sure'.")
    ]
    weight: float


@record
class EvidenceFlag(Record):
    question: str
    competency: str
    level: int
    status: Annotated[
        Status,
        Describe(
            "proven: names a result (a number with what it counts, money, a percentage, a "
            "change); weak: a number that is no result, such as a count of things done; "
            "unproven: no number."
        ),
    ]
    claim: Annotated[
        bool,
        Describe(
            "true: the answer is at or above the pack's proof level, a claim that needs proof; "
            "false: a lower level whose evidence is noted."
        ),
    ]
    evidence: str | None


NeedKind = Literal["core", "helps"]
# met / gap: a core competency of the target at / below its level; unknown: a core one with no
# answer; not_required: the target does not require it (or there is no target).
CompetencyStatus = Literal["met", "gap", "unknown", "not_required"]


@record
class Need(Record):
    """One competency the target role names, and how far the person is from it."""

    competency: str
    module: str
    kind: NeedKind
    current: float | None
    required: int
    steps: int | None  # levels still to climb; 0 when met; None when unknown


@record
class CompetencyScore(Record):
    id: str
    module: str
    level: float | None  # weighted mean of its answered questions; None when unknown
    weight: float
    trace: tuple[TraceItem, ...]  # the answers behind the level, in pack order
    need: Need | None = None  # what the target role names for it, if anything
    status: CompetencyStatus = "not_required"


@record
class ModuleScore(Record):
    id: str
    level: float | None  # weighted mean of known competency levels
    score: int | None  # 0–100, None when coverage is below the pack's threshold
    coverage: float  # share of competency weight that is known, 0–1
    sufficient: bool


@record
class Climb(Record):
    """One competency on the way to the target: from the current level up to ``to``."""

    competency: str
    current: float
    to: int
    steps: int


@record
class RolePath(Record):
    """The fewest level-steps on the target's core competencies that meet the role."""

    climbs: tuple[Climb, ...]  # in plan order
    steps: int
    unknown: tuple[str, ...]  # core competencies with no answer: the path cannot include them


@record
class Reason(Record):
    """A rule (signal) that held, with what it contributed."""

    verdict: str
    signal: int  # position in the verdict's signals
    weight: float
    sources: tuple[str, ...]


@record
class VerdictScore(Record):
    id: str
    score: float
    reasons: tuple[Reason, ...]


@record
class Diagnosis(Record):
    verdicts: tuple[VerdictScore, ...]  # the winner, plus a close runner-up when ambiguous
    ambiguous: bool
    title: str | None  # the user's job-title answer
    mismatch: bool  # the title claims work the answers do not describe
    remap: tuple[tuple[str, float | None], ...]  # (competency, level) for traffic-ops verdicts
    unanswered: tuple[str, ...]  # settling questions not answered yet


@record
class FindingResult(Record):
    id: str
    severity: str
    sources: tuple[str, ...]


@record
class RoleFit(Record):
    role: str
    fit: float  # higher is better; used for ranking only
    steps: int  # level-steps on the role's known core competencies
    unknown: int  # core competencies not yet known
    verdict_match: bool
    interest_match: int
    outlook: str
    within_reach: bool
    pointed: bool  # a held finding's move points to this role


# A chosen step action: (level it reaches, its position in pack.steps_for[(competency, level)]).
StepChoice = tuple[int, int]


@record
class PlanItem(Record):
    rank: int
    kind: Kind
    ref: str  # competency id (skill), "basics", or finding id (career)
    tier: str  # the pack's plan_order tier: high | basics | skill | medium | low
    horizon: int
    sources: tuple[str, ...]
    soon: bool = False  # shown in the first group (due within plan_soon, or moved there)
    priority: float = (
        0.0  # order inside a tier (skill: steps × competency weight × module priority)
    )
    # skill items: a core need of the target, one that helps, or (role fully met) the next step
    # beyond it on a core competency
    need: Literal["core", "helps", "beyond"] | None = None
    current: float | None = None  # skill items: level now
    to: int | None = None  # skill items: level this item reaches
    steps: tuple[StepChoice, ...] = ()  # skill items: the next step first, then any later ones
    modules: tuple[str, ...] = ()  # basics item: the modules whose basics it covers, in pack order
    severity: str | None = None  # career items


@record
class ResumeAdvice(Record):
    rule: str
    sources: tuple[str, ...]


@record
class Assessment(Record):
    pack: str
    pack_version: str
    target: str | None
    target_source: TargetSource
    asked_target: str | None  # the role asked for (flag or answers), None when suggested or none
    competencies: tuple[CompetencyScore, ...]
    modules: tuple[ModuleScore, ...]
    needs: tuple[Need, ...]  # what the target role names, core first; empty without a target
    path: RolePath | None  # None without a target
    to_answer: tuple[str, ...]  # question ids whose answers would complete the plan
    little_data: bool  # too few answers to plan from
    evidence: tuple[EvidenceFlag, ...]
    diagnosis: Diagnosis
    findings: tuple[FindingResult, ...]
    roles: tuple[RoleFit, ...]  # ranked best first; fallback roles last
    plan: tuple[PlanItem, ...]
    resume: tuple[ResumeAdvice, ...]
    facts: tuple[tuple[str, int], ...]
