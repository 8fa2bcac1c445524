"""The schema of a rules pack: one record per file kind (see :mod:`careerfix.models.records`).

These records check what can be checked inside one file (types, ranges, required texts, the shape of
conditions). Checks that need several files at once (does this condition name a real question?) live
in :mod:`careerfix.rules` so that every problem can be reported with its file and line.
"""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError, field
from typing import Annotated, Literal

from careerfix.models.lang import LANGUAGES, Lang  # noqa: F401 — re-exported for the pack's records
from careerfix.models.records import Constraint, Record, custom_error, record
from careerfix.safe_text import block

# Readable dotted ids: answers files, drafts and history refer to them, so they must stay stable.
Id = Annotated[str, Constraint(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$", max_length=80)]
# Source ids: upper-case letters, digits, _ or -, ending in a number (S1, R101, DOM-3).
SourceId = Annotated[str, Constraint(pattern=r"^[A-Z][A-Z0-9_-]*[0-9]+$", max_length=20)]
Sources = Annotated[list[SourceId], Constraint(min_length=1)]
LevelInt = Annotated[int, Constraint(ge=0, le=4)]
Weight = Annotated[float, Constraint(gt=0)]
Horizon = Literal[30, 90, 180]
Severity = Literal["high", "medium", "low", "strength"]

# YAML 1.1 reads these bare words as booleans, so an answers file could never spell them as values.
_YAML_BOOL_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false"})


def _choice_value(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise custom_error(
            "choice_value", "choice value must be lower-case letters, digits and _, e.g. 'owned'"
        )
    if value in _YAML_BOOL_WORDS:
        raise custom_error(
            "choice_value_bool",
            "choice value '{value}' would be read as a boolean in YAML; pick another word",
            {"value": value},
        )
    return value


@record
class Text(Record):
    """A user-facing text, written (not machine-translated) in both languages."""

    zh: Annotated[str, Constraint(min_length=1)]
    en: Annotated[str, Constraint(min_length=1)]

    def get(self, lang: Lang) -> str:
        # A third-party pack is outside text: every text is read through the one sanitiser.
        return block(self.zh if lang == "zh" else self.en)


ChoiceValue = Annotated[str, Constraint(min_length=1, max_length=40)]


@record
class Condition(Record):
    """A structured condition: a combinator (all / any / not) or one test.

    Tests: ``{question: Q, equals|in|at_least|answered: …}``, ``{competency: C, at_least: L}``,
    ``{module: M, at_least: L}`` or ``{fact: F, at_least: N}``. Never code, never ``eval``.
    """

    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = None  # "not" in the YAML
    question: Id | None = None
    competency: Id | None = None
    module: Id | None = None
    fact: Id | None = None
    equals: ChoiceValue | None = None
    in_: Annotated[list[ChoiceValue], Constraint(min_length=1)] | None = None  # "in"
    at_least: Annotated[float, Constraint(ge=0)] | None = None
    answered: bool | None = None

    def __post_init__(self) -> None:
        forms = [
            name
            for name in ("all", "any", "not_", "question", "competency", "module", "fact")
            if getattr(self, name) is not None
        ]
        tests = [
            n for n in ("equals", "in_", "at_least", "answered") if getattr(self, n) is not None
        ]
        if len(forms) != 1:
            raise custom_error(
                "condition_form",
                "a condition needs exactly one of all, any, not, question, competency, module, fact",
            )
        form = forms[0]
        if form in ("all", "any", "not_"):
            if tests:
                raise custom_error("condition_mixed", "all / any / not cannot be mixed with a test")
            if form in ("all", "any") and not getattr(self, form):
                raise custom_error("condition_empty", "all / any needs at least one item")
        elif form == "question":
            if len(tests) != 1:
                raise custom_error(
                    "condition_test",
                    "a question test needs exactly one of equals, in, at_least, answered",
                )
        elif tests != ["at_least"]:
            raise custom_error(
                "condition_test", "a {form} test takes exactly one field: at_least", {"form": form}
            )


@record
class Choice(Record):
    value: ChoiceValue
    text: Text
    level: LevelInt | None = None
    unknown: bool = False  # "not sure / doesn't apply": scored as unknown, never as zero

    def __post_init__(self) -> None:
        _choice_value(self.value)
        if self.unknown and self.level is not None:
            raise custom_error(
                "unknown_level", "a 'not sure' choice is scored as unknown and takes no level"
            )


@record
class Question(Record):
    """One question. ``experience`` questions measure a competency; the others record facts."""

    id: Id
    kind: Literal["experience", "single", "multi"] = "experience"
    competency: Id | None = None
    weight: Weight = 1.0
    prompt: Text
    hint: Text | None = None
    choices: Annotated[list[Choice], Constraint(min_length=2)]
    evidence: Text | None = None  # asked for claims at or above the pack's proof level
    source: Sources

    def __post_init__(self) -> None:
        values = [c.value for c in self.choices]
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            raise custom_error(
                "duplicate_choice",
                "choice values listed more than once: {dupes}",
                {"dupes": ", ".join(dupes)},
            )
        unknown = [c for c in self.choices if c.unknown]
        if len(unknown) != 1:
            raise custom_error(
                "unknown_choice",
                "every question needs exactly one 'not sure' choice (unknown: true)",
            )
        if self.kind == "experience":
            if self.competency is None:
                raise custom_error(
                    "missing_competency", "an experience question must name its competency"
                )
            if self.hint is None:
                raise custom_error(
                    "missing_hint", "an experience question needs a hint on choosing between levels"
                )
            if any(c.level is None for c in self.choices if not c.unknown):
                raise custom_error(
                    "missing_level", "every choice of an experience question needs a level 0-4"
                )
        else:
            if self.competency is not None or self.evidence is not None:
                raise custom_error(
                    "fact_question",
                    "only experience questions take competency or evidence",
                )
            if any(c.level is not None for c in self.choices):
                raise custom_error(
                    "fact_level", "only experience questions have levels on their choices"
                )

    def choice(self, value: str) -> Choice | None:
        for c in self.choices:
            if c.value == value:
                return c
        return None


# ---------------------------------------------------------------- pack.yaml


@record
class LevelDef(Record):
    level: LevelInt
    label: Text
    description: Text


PlanTier = Literal["high", "basics", "skill", "medium", "low"]
Outlook = Literal["favoured", "standard", "tool", "fallback"]
NonNegative = Annotated[float, Constraint(ge=0)]


@record
class RoleRanking(Record):
    """How target roles are ranked: one missing step on a core competency costs one point."""

    # Bonus when the role grows from the person's first / second verdict.
    verdict_bonus: Annotated[list[NonNegative], Constraint(min_length=2, max_length=2)]
    interest_bonus: NonNegative  # per interest of the person the role suits
    interest_cap: Annotated[int, Constraint(ge=0)]  # interests counted at most
    favoured_bonus: NonNegative  # roles with the better prospects
    unknown_cost: NonNegative  # per core competency not yet known
    reach_steps: Annotated[int, Constraint(ge=0)]  # steps + unknowns within which a role fits
    outlook_order: Annotated[list[Outlook], Constraint(min_length=4, max_length=4)]

    def __post_init__(self) -> None:
        if sorted(self.outlook_order) != sorted(["favoured", "standard", "tool", "fallback"]):
            raise custom_error(
                "outlook_order",
                "outlook_order lists favoured, standard, tool and fallback once each",
            )


@record
class Scoring(Record):
    coverage_threshold: Annotated[float, Constraint(gt=0, le=1)]
    proof_level: LevelInt = 3
    ambiguity_ratio: Annotated[float, Constraint(gt=0, le=1)] = 0.75
    # A module whose known mean level is below this gets a "learn the basics" plan item.
    basics_below: Annotated[float, Constraint(gt=0, le=4)] = 2.0
    # With fewer experience answers than this, the person gets the basics of every base module.
    little_data: Annotated[int, Constraint(ge=0)] = 6
    # The plan is shown in two groups: items due within this many days first, then the rest.
    plan_soon: Horizon = 90
    # When the target role is fully met: at most this many steps beyond it on its core.
    beyond_items: Annotated[int, Constraint(ge=0)] = 3
    # Order inside one group: career moves by severity (high, medium, low), basics, skill steps.
    plan_order: Annotated[list[PlanTier], Constraint(min_length=5, max_length=5)]
    role_ranking: RoleRanking

    def __post_init__(self) -> None:
        if sorted(self.plan_order) != sorted(["high", "basics", "skill", "medium", "low"]):
            raise custom_error(
                "plan_order", "plan_order lists high, basics, skill, medium and low once each"
            )


@record
class Change(Record):
    version: Annotated[str, Constraint(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+$")]
    note: Text


ProofStatus = Literal["proven", "weak", "unproven"]
Patterns = list[Annotated[str, Constraint(min_length=1)]]


@record
class SourcedText(Record):
    """A text with the sources it rests on."""

    text: Text
    source: Sources


@record
class ProofExample(Record):
    """An evidence text and the status the proof patterns must give it (checked by rules check)."""

    text: Annotated[str, Constraint(min_length=1)]
    status: ProofStatus


@record
class Proof(Record):
    """What counts as proof of a claim: regular expressions, read in a fixed order.

    No ``number`` match: unproven. Otherwise, with ``activity`` matches blanked out: a ``change``
    or ``amount`` match is proven; then with ``period`` matches blanked out too, a ``counts``
    match is proven; anything else is weak (docs/rules-pack.md, "Proof").
    """

    number: Annotated[str, Constraint(min_length=1)]
    activity: Patterns = field(default_factory=list)  # a count of things done: not a result
    change: Patterns  # a change: 800 → 3,100, from 6 to 1.5 hours, up 40%
    amount: Patterns  # money and percentages
    period: Patterns = field(default_factory=list)  # a length of time: when, not what
    counts: Annotated[Patterns, Constraint(min_length=1)]  # a number with what it counts
    hint: SourcedText  # shown when a claim is not proven
    examples: list[ProofExample] = field(default_factory=list)
    source: Sources


QuickRule = Literal["core_roles", "competency_weight", "question_weight"]
Positive = Annotated[float, Constraint(gt=0)]


@record
class ReadingPace(Record):
    zh: Positive  # characters a minute
    en: Positive  # words a minute


@record
class QuickInterview(Record):
    """The short interview: the role and fit questions it names, then a few experience questions
    per module."""

    questions: Annotated[list[Id], Constraint(min_length=1)]
    per_module: Annotated[int, Constraint(ge=1)] = 1
    # How a module's questions are ranked, first rule first; ties keep pack order. core_roles:
    # how many target roles need the question's competency at their core; competency_weight,
    # question_weight: the weights the pack gives them.
    choose_by: Annotated[list[QuickRule], Constraint(min_length=1)]


@record
class InterviewSettings(Record):
    reading_pace: ReadingPace
    answer_seconds: Annotated[float, Constraint(ge=0)]
    quick: QuickInterview


@record
class PackFile(Record):
    id: Annotated[str, Constraint(pattern=r"^[a-z][a-z0-9_-]*$", max_length=60)]
    version: Annotated[str, Constraint(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+$")]
    name: Text
    description: Text
    languages: Annotated[list[Lang], Constraint(min_length=1)]
    modules: Annotated[list[Id], Constraint(min_length=1)]
    levels: Annotated[list[LevelDef], Constraint(min_length=5, max_length=5)]
    sources: Annotated[dict[SourceId, Text], Constraint(min_length=1)]
    scoring: Scoring
    proof: Proof
    interview: InterviewSettings
    evidence_prompt: Text
    unknown_label: Text
    changes: list[Change] = field(default_factory=list)

    def __post_init__(self) -> None:
        if [lv.level for lv in self.levels] != [0, 1, 2, 3, 4]:
            raise custom_error("level_scale", "levels must be listed once each, 0 to 4")


# ---------------------------------------------------------------- modules/<id>.yaml


@record
class ModuleInfo(Record):
    id: Id
    name: Text
    summary: Text
    priority: Weight  # plan priority multiplier (the shipped pack ranks base modules first)
    base: bool = False
    source: Sources


@record
class Competency(Record):
    id: Id
    name: Text
    description: Text
    weight: Weight = 1.0
    source: Sources


@record
class Basics(Record):
    """The first item for someone who has barely touched the module."""

    do: Text
    proof: Text
    horizon: Horizon = 30
    reading: list[Id] = field(default_factory=list)
    source: Sources


@record
class StepAction(Record):
    """The next step on a competency: what takes a person from ``to − 1`` to ``to``.

    Entries with ``when`` fit one situation (platform staff, group sales …) and are tried first;
    the last entry for a (competency, to) has no ``when`` and fits everyone else.
    """

    competency: Id
    to: Annotated[int, Constraint(ge=1, le=4)]
    when: Condition | None = None
    do: Text
    proof: Text
    horizon: Horizon
    reading: list[Id] = field(default_factory=list)
    source: Sources


@record
class ModuleFile(Record):
    module: ModuleInfo
    competencies: Annotated[list[Competency], Constraint(min_length=1)]
    questions: list[Question]
    basics: Basics
    steps: Annotated[list[StepAction], Constraint(min_length=1)]


# ---------------------------------------------------------------- diagnosis.yaml


@record
class Signal(Record):
    when: Condition
    weight: Weight = 1.0
    reason: Text
    source: Sources


@record
class Verdict(Record):
    id: Id
    name: Text
    summary: Text
    # Job-title answers that claim this kind of work.
    titles: list[ChoiceValue] = field(default_factory=list)
    requires: Condition | None = None
    signals: Annotated[list[Signal], Constraint(min_length=1)]
    # Competencies the verdict's work is re-expressed in (traffic ops).
    remap: list[Id] = field(default_factory=list)
    source: Sources


@record
class DiagnosisFile(Record):
    title: Text  # the interview section's name
    title_question: Id
    mismatch_note: Text
    ambiguous_note: Text
    ask_note: Text  # {questions}: the unanswered settling questions
    settled_note: Text
    undetermined: Text
    no_match_note: Text  # instead of `undetermined` when every settling question is answered
    settling_questions: Annotated[dict[Id, Text], Constraint(min_length=1)]
    tie_order: list[Id]  # equal scores: the verdict listed first wins
    remap_note: Text
    questions: Annotated[list[Question], Constraint(min_length=1)]
    verdicts: Annotated[list[Verdict], Constraint(min_length=1)]


# ---------------------------------------------------------------- fit.yaml


@record
class Finding(Record):
    id: Id
    severity: Severity
    name: Text
    when: Condition
    reason: Text
    move: Text
    horizon: Horizon = 90
    # Findings this one's move comes before in the plan when both hold (a move out of a firm
    # before moves inside it).
    before: list[Id] = field(default_factory=list)
    # Target roles the move points to: the suggested target is then one of them.
    points_to: list[Id] = field(default_factory=list)
    source: Sources


@record
class FitFile(Record):
    title: Text
    questions: Annotated[list[Question], Constraint(min_length=1)]
    findings: Annotated[list[Finding], Constraint(min_length=1)]


# ---------------------------------------------------------------- roles.yaml


@record
class RoleProfile(Record):
    id: Id
    name: Text
    summary: Text
    # What the role needs: competency → the level it must reach. Only these are requirements.
    core: Annotated[dict[Id, Annotated[int, Constraint(ge=1, le=4)]], Constraint(min_length=1)]
    # Competencies that help in the role: planned only once the core is met.
    helps: dict[Id, Annotated[int, Constraint(ge=1, le=4)]] = field(default_factory=dict)
    verdicts: list[Id] = field(default_factory=list)
    interests: list[ChoiceValue] = field(default_factory=list)
    # favoured: the directions the method prefers; tool: a kit skill more than a career base (group
    # ops); fallback: a low-ceiling way in (content review).
    outlook: Outlook = "standard"
    note: Text | None = None
    source: Sources

    def __post_init__(self) -> None:
        both = sorted(set(self.core) & set(self.helps))
        if both:
            raise custom_error(
                "core_and_helps",
                "a competency is either core or helps, not both: {both}",
                {"both": ", ".join(both)},
            )


@record
class RolesFile(Record):
    interest_question: Id
    roles: Annotated[list[RoleProfile], Constraint(min_length=1)]


# ---------------------------------------------------------------- resume.yaml


@record
class ResumeRule(Record):
    id: Id
    when: Condition
    advice: Text
    source: Sources


@record
class ResumeFile(Record):
    title: Text
    questions: list[Question]
    rules: Annotated[list[ResumeRule], Constraint(min_length=1)]


# ---------------------------------------------------------------- reading.yaml


@record
class Reading(Record):
    id: Id
    title: Text
    author: Annotated[str, Constraint(min_length=1)]


@record
class ReadingFile(Record):
    reading: list[Reading] = field(default_factory=list)


FILE_MODELS: dict[str, type[Record]] = {
    "pack.yaml": PackFile,
    "diagnosis.yaml": DiagnosisFile,
    "fit.yaml": FitFile,
    "roles.yaml": RolesFile,
    "resume.yaml": ResumeFile,
    "reading.yaml": ReadingFile,
}

FACTS: tuple[str, ...] = (
    "claims",
    "proven_claims",
    "unproven_claims",
    "weak_claims",
    "answered",
    "unknown",
    "levels_known",
)
"""Numbers the engine computes that conditions may test with ``{fact: …, at_least: n}``."""


# ---------------------------------------------------------------- the whole pack


class RulePack:
    """A validated, cross-checked pack: its files, and the lookups every reader of it needs.

    Frozen, built once per process by :func:`careerfix.rules.load_pack` (as the engine's
    ``PreparedPack``, which adds the compiled conditions). Compared by identity: one pack, one object.

    Written out rather than declared ``dataclass(frozen=True)``: that compiled four methods for
    its 23 fields with ``exec`` on every start (0.6 to 1 ms), for one object a process.
    """

    meta: PackFile
    modules: tuple[ModuleFile, ...]
    diagnosis: DiagnosisFile
    fit: FitFile
    roles: RolesFile
    resume: ResumeFile
    reading: ReadingFile
    location: str

    # The lookups, worked out from the files when the pack is built.
    sections: tuple[tuple[str, Text, tuple[Question, ...]], ...]
    questions: dict[str, Question]
    question_section: dict[str, str]
    module_by_id: dict[str, ModuleFile]
    competencies: dict[str, Competency]
    competency_module: dict[str, str]
    competency_questions: dict[str, tuple[Question, ...]]
    unknown_value: dict[str, str]
    level_of: dict[str, dict[str, int | None]]
    competency_of_question: dict[str, str]
    role_by_id: dict[str, RoleProfile]
    verdict_by_id: dict[str, Verdict]
    finding_by_id: dict[str, Finding]
    # (competency, level reached) → its step actions, situation-specific ones first.
    steps_for: dict[tuple[str, int], tuple[StepAction, ...]]
    reading_by_id: dict[str, Reading]

    def __init__(
        self,
        *,
        meta: PackFile,
        modules: tuple[ModuleFile, ...],
        diagnosis: DiagnosisFile,
        fit: FitFile,
        roles: RolesFile,
        resume: ResumeFile,
        reading: ReadingFile,
        location: str = "",
    ) -> None:
        self.__dict__.update(
            meta=meta,
            modules=modules,
            diagnosis=diagnosis,
            fit=fit,
            roles=roles,
            resume=resume,
            reading=reading,
            location=location,
        )
        self._build_lookups()

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _build_lookups(self) -> None:
        modules, diagnosis, fit, resume = self.modules, self.diagnosis, self.fit, self.resume
        sections = [("role", diagnosis.title, tuple(diagnosis.questions))]
        sections += [(m.module.id, m.module.name, tuple(m.questions)) for m in modules]
        sections.append(("fit", fit.title, tuple(fit.questions)))
        if resume.questions:
            sections.append(("resume", resume.title, tuple(resume.questions)))
        questions: dict[str, Question] = {}
        question_section: dict[str, str] = {}
        for section_id, _, qs in sections:
            for q in qs:
                questions[q.id] = q
                question_section[q.id] = section_id
        competencies: dict[str, Competency] = {}
        competency_module: dict[str, str] = {}
        competency_questions: dict[str, tuple[Question, ...]] = {}
        steps_for: dict[tuple[str, int], list[StepAction]] = {}
        for m in modules:
            for c in m.competencies:
                competencies[c.id] = c
                competency_module[c.id] = m.module.id
                competency_questions[c.id] = tuple(q for q in m.questions if q.competency == c.id)
            for step in m.steps:
                steps_for.setdefault((step.competency, step.to), []).append(step)
        lookups: dict[str, object] = {
            "sections": tuple(sections),
            "questions": questions,
            "question_section": question_section,
            "module_by_id": {m.module.id: m for m in modules},
            "competencies": competencies,
            "competency_module": competency_module,
            "competency_questions": competency_questions,
            "unknown_value": {
                qid: next(c.value for c in q.choices if c.unknown) for qid, q in questions.items()
            },
            "level_of": {
                qid: {c.value: c.level for c in q.choices} for qid, q in questions.items()
            },
            "competency_of_question": {
                qid: q.competency for qid, q in questions.items() if q.competency is not None
            },
            "role_by_id": {r.id: r for r in self.roles.roles},
            "verdict_by_id": {v.id: v for v in diagnosis.verdicts},
            "finding_by_id": {f.id: f for f in fit.findings},
            "steps_for": {key: tuple(entries) for key, entries in steps_for.items()},
            "reading_by_id": {r.id: r for r in self.reading.reading},
        }
        self.__dict__.update(lookups)  # set once, here: __setattr__ refuses every assignment

    def changes_since(self, version: str | None) -> list[Change]:
        """What changed in the versions after ``version`` (nothing when it is not older)."""
        if version is None:
            return []

        def key(v: str) -> tuple[int, ...]:
            try:
                return tuple(int(part) for part in v.split("."))
            except ValueError:
                return (0,)

        return [c for c in self.meta.changes if key(version) < key(c.version)]

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def version(self) -> str:
        return self.meta.version
