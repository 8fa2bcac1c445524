"""The answers contract: what an answers file, a saved draft and the interview all produce.

:class:`AnswersFile` is the one declaration of an answers file: its fields, their types and their
limits (the ``Constraint`` and ``Describe`` annotations). careerfix.answers checks a file by reading
this declaration, and ``careerfix schema answers`` is pydantic's JSON Schema of it.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Any

from careerfix.models.lang import Lang
from careerfix.models.records import Before, Constraint, Describe, Record, record

AnswerValue = str | list[str]
# The longest evidence line an answers file or a draft may hold (the interview's prompt refuses
# more as it is typed).
EVIDENCE_MAX_LENGTH = 500


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

    pack: Annotated[str, Constraint(max_length=60)] | None = None
    pack_version: Annotated[str, Constraint(max_length=20)] | None = None
    lang: Lang | None = None
    target: Annotated[str, Constraint(max_length=80)] | None = None
    # Values are checked against each question in careerfix.answers, which gives one clear
    # message per bad value in the question's terms; the schema below says what any value may be.
    answers: Annotated[
        dict[str, Any],
        Before(_none_as_empty),
        Describe(
            "Question id → choice value (a list of values for multi-choice questions).",
            type=["object", "null"],
            additionalProperties={
                "anyOf": [
                    {"type": "string"},
                    {
                        "type": "array",
                        "items": {"type": "string"},
                        "minItems": 1,
                        "uniqueItems": True,
                    },
                    {"type": "null"},
                ]
            },
        ),
    ] = field(default_factory=dict)
    evidence: Annotated[
        dict[str, Annotated[str, Constraint(max_length=EVIDENCE_MAX_LENGTH)] | None],
        Before(_none_as_empty),
        Describe(
            "Question id → the result (a number with what it counts) that backs a claim at the "
            "pack's proof level or above; on a lower level it is shown as a note.",
            type=["object", "null"],
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
