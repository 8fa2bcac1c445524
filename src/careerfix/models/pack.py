"""The schema of a rules pack: one pydantic model per file kind.

These models check what can be checked inside one file (types, ranges, required texts, the shape of
conditions). Checks that need several files at once (does this condition name a real question?) live
in :mod:`careerfix.rules` so that every problem can be reported with its file and line.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

LANGUAGES: tuple[str, ...] = ("zh", "en")
Lang = Literal["zh", "en"]

# Readable dotted ids: answers files, drafts and history refer to them, so they must stay stable.
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$", max_length=80)]
SourceId = Annotated[str, Field(pattern=r"^S[0-9]+$")]
Sources = Annotated[list[SourceId], Field(min_length=1)]
LevelInt = Annotated[int, Field(ge=0, le=4)]
Weight = Annotated[float, Field(gt=0)]
Horizon = Literal[30, 90, 180]
Severity = Literal["high", "medium", "low", "strength"]

# YAML 1.1 reads these bare words as booleans, so an answers file could never spell them as values.
_YAML_BOOL_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false"})


def _choice_value(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise PydanticCustomError(
            "choice_value", "choice value must be lower-case letters, digits and _, e.g. 'owned'"
        )
    if value in _YAML_BOOL_WORDS:
        raise PydanticCustomError(
            "choice_value_bool",
            "choice value '{value}' would be read as a boolean in YAML; pick another word",
            {"value": value},
        )
    return value


class _Strict(BaseModel):
    # Unknown fields are errors: a typo in a pack must never be silently ignored.
    # defer_build: validators are only built when a pack is checked; a cached pack is rebuilt
    # without them (careerfix.packcache), which keeps start-up fast.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Text(_Strict):
    """A user-facing text, written (not machine-translated) in both languages."""

    zh: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


ChoiceValue = Annotated[str, Field(min_length=1, max_length=40)]


class Condition(_Strict):
    """A structured condition: a combinator (all / any / not) or one test.

    Tests: ``{question: Q, equals|in|at_least|answered: …}``, ``{competency: C, at_least: L}``,
    ``{module: M, at_least: L}`` or ``{fact: F, at_least: N}``. Never code, never ``eval``.
    """

    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")
    question: Id | None = None
    competency: Id | None = None
    module: Id | None = None
    fact: Id | None = None
    equals: ChoiceValue | None = None
    in_: Annotated[list[ChoiceValue], Field(min_length=1)] | None = Field(default=None, alias="in")
    at_least: Annotated[float, Field(ge=0)] | None = None
    answered: bool | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [
            name
            for name in ("all", "any", "not_", "question", "competency", "module", "fact")
            if getattr(self, name) is not None
        ]
        tests = [
            n for n in ("equals", "in_", "at_least", "answered") if getattr(self, n) is not None
        ]
        if len(forms) != 1:
            raise PydanticCustomError(
                "condition_form",
                "a condition needs exactly one of all, any, not, question, competency, module, fact",
            )
        form = forms[0]
        if form in ("all", "any", "not_"):
            if tests:
                raise PydanticCustomError(
                    "condition_mixed", "all / any / not cannot be mixed with a test"
                )
            if form in ("all", "any") and not getattr(self, form):
                raise PydanticCustomError("condition_empty", "all / any needs at least one item")
        elif form == "question":
            if len(tests) != 1:
                raise PydanticCustomError(
                    "condition_test",
                    "a question test needs exactly one of equals, in, at_least, answered",
                )
        elif tests != ["at_least"]:
            raise PydanticCustomError(
                "condition_test", "a {form} test takes exactly one field: at_least", {"form": form}
            )
        return self


class Choice(_Strict):
    value: ChoiceValue
    text: Text
    level: LevelInt | None = None
    unknown: bool = False  # "not sure / doesn't apply": scored as unknown, never as zero

    @model_validator(mode="after")
    def _check(self) -> Choice:
        _choice_value(self.value)
        if self.unknown and self.level is not None:
            raise PydanticCustomError(
                "unknown_level", "a 'not sure' choice is scored as unknown and takes no level"
            )
        return self


class Question(_Strict):
    """One question. ``experience`` questions measure a competency; the others record facts."""

    id: Id
    kind: Literal["experience", "single", "multi"] = "experience"
    competency: Id | None = None
    weight: Weight = 1.0
    prompt: Text
    hint: Text | None = None
    choices: Annotated[list[Choice], Field(min_length=2)]
    evidence: Text | None = None  # asked for claims at or above the pack's proof level
    source: Sources

    @model_validator(mode="after")
    def _check(self) -> Question:
        values = [c.value for c in self.choices]
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            raise PydanticCustomError(
                "duplicate_choice",
                "duplicate choice value(s): {dupes}",
                {"dupes": ", ".join(dupes)},
            )
        unknown = [c for c in self.choices if c.unknown]
        if len(unknown) != 1:
            raise PydanticCustomError(
                "unknown_choice",
                "every question needs exactly one 'not sure' choice (unknown: true)",
            )
        if self.kind == "experience":
            if self.competency is None:
                raise PydanticCustomError(
                    "missing_competency", "an experience question must name its competency"
                )
            if self.hint is None:
                raise PydanticCustomError(
                    "missing_hint", "an experience question needs a hint on choosing between levels"
                )
            if any(c.level is None for c in self.choices if not c.unknown):
                raise PydanticCustomError(
                    "missing_level", "every choice of an experience question needs a level 0-4"
                )
        else:
            if self.competency is not None or self.evidence is not None:
                raise PydanticCustomError(
                    "fact_question",
                    "only experience questions take competency or evidence",
                )
            if any(c.level is not None for c in self.choices):
                raise PydanticCustomError(
                    "fact_level", "only experience questions have levels on their choices"
                )
        return self

    def choice(self, value: str) -> Choice | None:
        for c in self.choices:
            if c.value == value:
                return c
        return None


# ---------------------------------------------------------------- pack.yaml


class LevelDef(_Strict):
    level: LevelInt
    label: Text
    description: Text


class Scoring(_Strict):
    coverage_threshold: Annotated[float, Field(gt=0, le=1)]
    proof_level: LevelInt = 3
    small_gap: Annotated[float, Field(gt=0)] = 1.0
    ambiguity_ratio: Annotated[float, Field(gt=0, le=1)] = 0.75
    severity_weight: dict[Severity, Weight]


class PackFile(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=60)]
    version: Annotated[str, Field(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+$")]
    name: Text
    description: Text
    languages: Annotated[list[Lang], Field(min_length=1)]
    modules: Annotated[list[Id], Field(min_length=1)]
    levels: Annotated[list[LevelDef], Field(min_length=5, max_length=5)]
    sources: Annotated[dict[SourceId, Text], Field(min_length=1)]
    scoring: Scoring
    evidence_prompt: Text
    unknown_label: Text

    @model_validator(mode="after")
    def _levels_in_order(self) -> PackFile:
        if [lv.level for lv in self.levels] != [0, 1, 2, 3, 4]:
            raise PydanticCustomError("level_scale", "levels must be listed once each, 0 to 4")
        return self


# ---------------------------------------------------------------- modules/<id>.yaml


class ModuleInfo(_Strict):
    id: Id
    name: Text
    summary: Text
    priority: Weight  # plan priority multiplier; the three base modules rank first (S1/S11/S13)
    base: bool = False
    source: Sources


class Competency(_Strict):
    id: Id
    name: Text
    description: Text
    weight: Weight = 1.0
    source: Sources


class ModuleFile(_Strict):
    module: ModuleInfo
    competencies: Annotated[list[Competency], Field(min_length=1)]
    questions: list[Question]


# ---------------------------------------------------------------- diagnosis.yaml


class Signal(_Strict):
    when: Condition
    weight: Weight = 1.0
    reason: Text
    source: Sources


class Verdict(_Strict):
    id: Id
    name: Text
    summary: Text
    titles: list[ChoiceValue] = []  # job-title answers that claim this kind of work
    requires: Condition | None = None
    signals: Annotated[list[Signal], Field(min_length=1)]
    remap: list[Id] = []  # modules the verdict is re-expressed in (S13 traffic ops)
    source: Sources


class DiagnosisFile(_Strict):
    title: Text  # the interview section's name
    title_question: Id
    mismatch_note: Text
    ambiguous_note: Text
    undetermined: Text
    questions: Annotated[list[Question], Field(min_length=1)]
    verdicts: Annotated[list[Verdict], Field(min_length=1)]


# ---------------------------------------------------------------- fit.yaml


class Finding(_Strict):
    id: Id
    severity: Severity
    name: Text
    when: Condition
    reason: Text
    move: Text
    horizon: Horizon = 90
    source: Sources


class FitFile(_Strict):
    title: Text
    questions: Annotated[list[Question], Field(min_length=1)]
    findings: Annotated[list[Finding], Field(min_length=1)]


# ---------------------------------------------------------------- roles.yaml


class RoleProfile(_Strict):
    id: Id
    name: Text
    summary: Text
    modules: Annotated[dict[Id, LevelInt], Field(min_length=1)]
    competencies: dict[Id, LevelInt] = {}
    verdicts: list[Id] = []
    interests: list[ChoiceValue] = []
    outlook: Literal["favoured", "standard", "fallback"] = "standard"
    note: Text | None = None
    source: Sources


class RolesFile(_Strict):
    interest_question: Id
    roles: Annotated[list[RoleProfile], Field(min_length=1)]


# ---------------------------------------------------------------- resume.yaml


class ResumeRule(_Strict):
    id: Id
    when: Condition
    advice: Text
    source: Sources


class ResumeFile(_Strict):
    title: Text
    questions: list[Question]
    rules: Annotated[list[ResumeRule], Field(min_length=1)]


# ---------------------------------------------------------------- actions.yaml


class Reading(_Strict):
    id: Id
    title: Text
    author: Annotated[str, Field(min_length=1)]


class Action(_Strict):
    competency: Id
    gap: Literal["small", "large"]
    do: Text
    proof: Text
    horizon: Horizon
    reading: list[Id] = []
    source: Sources


class ActionsFile(_Strict):
    reading: list[Reading] = []
    actions: Annotated[list[Action], Field(min_length=1)]


FILE_MODELS: dict[str, type[BaseModel]] = {
    "pack.yaml": PackFile,
    "diagnosis.yaml": DiagnosisFile,
    "fit.yaml": FitFile,
    "roles.yaml": RolesFile,
    "resume.yaml": ResumeFile,
    "actions.yaml": ActionsFile,
}

FACTS: tuple[str, ...] = ("claims", "proven_claims", "unproven_claims", "answered", "unknown")
"""Numbers the engine computes that conditions may test with ``{fact: …, at_least: n}``."""


# ---------------------------------------------------------------- the whole pack


class RulePack:
    """A validated, cross-checked pack with the indexes the engine needs.

    Built once per process by :func:`careerfix.rules.load_pack`; read-only afterwards.
    """

    def __init__(
        self,
        meta: PackFile,
        modules: list[ModuleFile],
        diagnosis: DiagnosisFile,
        fit: FitFile,
        roles: RolesFile,
        resume: ResumeFile,
        actions: ActionsFile,
        location: str = "",
    ) -> None:
        self.meta = meta
        self.modules = modules
        self.diagnosis = diagnosis
        self.fit = fit
        self.roles = roles
        self.resume = resume
        self.actions = actions
        self.location = location

        self.sections: list[tuple[str, Text, list[Question]]] = [
            ("role", diagnosis.title, list(diagnosis.questions))
        ]
        for m in modules:
            self.sections.append((m.module.id, m.module.name, list(m.questions)))
        self.sections.append(("fit", fit.title, list(fit.questions)))
        if resume.questions:
            self.sections.append(("resume", resume.title, list(resume.questions)))

        self.questions: dict[str, Question] = {}
        self.question_section: dict[str, str] = {}
        for section_id, _, questions in self.sections:
            for q in questions:
                self.questions[q.id] = q
                self.question_section[q.id] = section_id
        self.module_by_id: dict[str, ModuleFile] = {m.module.id: m for m in modules}
        self.competencies: dict[str, Competency] = {}
        self.competency_module: dict[str, str] = {}
        self.competency_questions: dict[str, list[Question]] = {}
        for m in modules:
            for c in m.competencies:
                self.competencies[c.id] = c
                self.competency_module[c.id] = m.module.id
                self.competency_questions[c.id] = [q for q in m.questions if q.competency == c.id]
        # Per-question lookups the engine uses on every assessment.
        self.unknown_value: dict[str, str] = {
            qid: next(c.value for c in q.choices if c.unknown) for qid, q in self.questions.items()
        }
        self.level_of: dict[str, dict[str, int | None]] = {
            qid: {c.value: c.level for c in q.choices} for qid, q in self.questions.items()
        }
        self.competency_of_question: dict[str, str] = {
            qid: q.competency for qid, q in self.questions.items() if q.competency is not None
        }
        self.role_by_id: dict[str, RoleProfile] = {r.id: r for r in roles.roles}
        self.verdict_by_id: dict[str, Verdict] = {v.id: v for v in diagnosis.verdicts}
        self.action_for: dict[tuple[str, str], Action] = {
            (a.competency, a.gap): a for a in actions.actions
        }
        self.reading_by_id: dict[str, Reading] = {r.id: r for r in actions.reading}

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def version(self) -> str:
        return self.meta.version
