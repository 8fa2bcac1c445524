"""Competency levels, evidence flags and the counts rules can test."""

from __future__ import annotations

import re
from collections.abc import Mapping

from careerfix.engine.compiled import CompiledPack
from careerfix.models.answers import Answers
from careerfix.models.assessment import CompetencyScore, EvidenceFlag, QuestionTrace
from careerfix.models.pack import RulePack

_DIGIT = re.compile(r"\d")


def known_answers(pack: RulePack, answers: Answers) -> dict[str, str | list[str]]:
    """Answers minus "not sure": what rules may rely on."""
    unknown_value = pack.unknown_value
    known: dict[str, str | list[str]] = {}
    for qid, value in answers.answers.items():
        unknown = unknown_value[qid]
        if value == unknown or (isinstance(value, list) and unknown in value):
            continue
        known[qid] = value
    return known


def question_levels(pack: RulePack, known: Mapping[str, str | list[str]]) -> dict[str, int]:
    levels: dict[str, int] = {}
    level_of = pack.level_of
    for qid, value in known.items():
        if isinstance(value, str):
            level = level_of[qid][value]
            if level is not None:
                levels[qid] = level
    return levels


def competency_scores(
    cp: CompiledPack, answers: Answers, levels: Mapping[str, int]
) -> tuple[CompetencyScore, ...]:
    chosen = answers.answers
    out = []
    for comp in cp.competencies:
        num = den = 0.0
        trace: list[QuestionTrace] = []
        for qid, weight in comp.questions:
            level = levels.get(qid)
            choice = chosen.get(qid)
            trace.append((qid, choice if isinstance(choice, str) else None, level, weight))
            if level is not None:
                num += weight * level
                den += weight
        out.append(
            CompetencyScore(
                comp.id, comp.module, num / den if den else None, comp.weight, tuple(trace)
            )
        )
    return tuple(out)


def is_proof(text: str | None) -> bool:
    """Evidence counts as proof only when it carries a number (S22)."""
    return text is not None and _DIGIT.search(text) is not None


def evidence_flags(
    pack: RulePack, answers: Answers, levels: Mapping[str, int]
) -> tuple[EvidenceFlag, ...]:
    threshold = pack.meta.scoring.proof_level
    competency_of = pack.competency_of_question
    flags = []
    for qid, level in levels.items():
        if level < threshold:
            continue
        text = answers.evidence.get(qid)
        competency = competency_of[qid]
        flags.append(
            EvidenceFlag(qid, competency, level, "proven" if is_proof(text) else "unproven", text)
        )
    return tuple(flags)
