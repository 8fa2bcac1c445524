"""The answers contract: what an answers file, a saved draft and the interview all produce."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careerfix.models.pack import Lang

AnswerValue = str | list[str]


class AnswersFile(BaseModel):
    """An answers file as written by a person or a script (YAML or JSON).

    ``answers`` maps question id → choice value (a list of values for multi-choice questions);
    an empty value means "not answered yet". ``evidence`` maps question id → the number that backs
    a level ≥ 3 claim. ``template`` is the reference block ``careerfix questions`` writes; it is
    ignored when scoring.
    """

    model_config = ConfigDict(extra="forbid")

    pack: Annotated[str, Field(max_length=60)] | None = None
    pack_version: Annotated[str, Field(max_length=20)] | None = None
    lang: Lang | None = None
    target: Annotated[str, Field(max_length=80)] | None = None
    # Values are checked against each question in careerfix.answers.check_answers, which gives
    # one clear message per bad value (a str | list union here would give two, one per member).
    answers: Annotated[
        dict[str, Any],
        Field(
            json_schema_extra={
                "additionalProperties": {
                    "anyOf": [
                        {"type": "string"},
                        {"type": "array", "items": {"type": "string"}},
                        {"type": "null"},
                    ]
                }
            }
        ),
    ] = {}
    evidence: dict[str, Annotated[str, Field(max_length=500)] | None] = {}
    template: Any = None

    @field_validator("answers", "evidence", mode="before")
    @classmethod
    def _empty_section(cls, value: Any) -> Any:
        # "evidence:" with nothing under it reads as null in YAML: treat it as empty.
        return {} if value is None else value


class Answers(BaseModel):
    """Answers checked against one pack: every id and value is known to it."""

    # Built with model_construct after careerfix.answers checked every value; its validators
    # are only built if something validates an Answers directly (tests do).
    model_config = ConfigDict(frozen=True, defer_build=True)

    pack: str
    pack_version: str
    lang: Lang | None = None
    target: str | None = None
    answers: dict[str, AnswerValue] = {}
    evidence: dict[str, str] = {}
