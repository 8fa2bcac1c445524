"""The answers contract: what an answers file, a saved draft and the interview all produce."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Any

from careerfix.models.lang import Lang
from careerfix.models.records import Before, Constraint, Describe, Record, record

AnswerValue = str | list[str]

# Longest texts an answers file may hold; careerfix.answers' quick check reads the same numbers.
TEXT_LIMITS = {"pack": 60, "pack_version": 20, "target": 80}
EVIDENCE_LIMIT = 500


def _none_as_empty(value: Any) -> Any:
    # "evidence:" with nothing under it reads as null in YAML: treat it as empty.
    return {} if value is None else value


@record
class AnswersFile(Record):
    """An answers file as written by a person or a script (YAML or JSON).

    ``answers`` maps question id → choice value (a list of values for multi-choice questions);
    an empty value means "not answered yet". ``evidence`` maps question id → the number that backs
    a level ≥ 3 claim. ``template`` is the reference block ``careerfix questions`` writes; it is
    ignored when scoring.
    """

    pack: Annotated[str, Constraint(max_length=TEXT_LIMITS["pack"])] | None = None
    pack_version: Annotated[str, Constraint(max_length=TEXT_LIMITS["pack_version"])] | None = None
    lang: Lang | None = None
    target: Annotated[str, Constraint(max_length=TEXT_LIMITS["target"])] | None = None
    # Values are checked against each question in careerfix.answers.check_answers, which gives
    # one clear message per bad value (a str | list union here would give two, one per member).
    answers: Annotated[
        dict[str, Any],
        Before(_none_as_empty),
        Describe(
            "Question id → choice value (a list of values for multi-choice questions).",
            additionalProperties={
                "anyOf": [
                    {"type": "string"},
                    {"type": "array", "items": {"type": "string"}},
                    {"type": "null"},
                ]
            },
        ),
    ] = field(default_factory=dict)
    evidence: Annotated[
        dict[str, Annotated[str, Constraint(max_length=EVIDENCE_LIMIT)] | None],
        Before(_none_as_empty),
        Describe(
            "Question id → the result (a number with what it counts) that backs a claim at the "
            "pack's proof level or above; on a lower level it is shown as a note."
        ),
    ] = field(default_factory=dict)
    template: Any = None


@record
class Answers(Record):
    """Answers checked against one pack: every id and value is known to it. Treat as read-only."""

    pack: str
    pack_version: str
    lang: Lang | None = None
    target: str | None = None
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    # The pack version the file says it was written for (None: it does not say).
    written_for: str | None = None
