"""Competency levels, module scores, evidence flags and the counts rules can test."""

from __future__ import annotations

import re
from collections.abc import Mapping

from careerfix.models.answers import Answers
from careerfix.models.assessment import CompetencyScore, EvidenceFlag, QuestionTrace
from careerfix.models.pack import RulePack

_DIGIT = re.compile(r"\d")


def known_answers(pack: RulePack, answers: Answers) -> dict[str, str | list[str]]:
    """Answers minus "not sure": what rules may rely on."""
    known: dict[str, str | list[str]] = {}
    for qid, value in answers.answers.items():
        unknown = pack.unknown_value[qid]
        if value == unknown or (isinstance(value, list) and unknown in value):
            continue
        known[qid] = value
    return known


def question_levels(pack: RulePack, known: Mapping[str, str | list[str]]) -> dict[str, int]:
    levels: dict[str, int] = {}
    for qid, value in known.items():
        q = pack.questions[qid]
        if q.kind == "experience" and isinstance(value, str):
            level = pack.level_of[qid][value]
            if level is not None:
                levels[qid] = level
    return levels


def competency_scores(
    pack: RulePack, answers: Answers, levels: Mapping[str, int]
) -> tuple[CompetencyScore, ...]:
    out = []
    for cid, comp in pack.competencies.items():
        num = den = 0.0
        trace = []
        for q in pack.competency_questions[cid]:
            level = levels.get(q.id)
            choice = answers.answers.get(q.id)
            trace.append(
                QuestionTrace(q.id, choice if isinstance(choice, str) else None, level, q.weight)
            )
            if level is not None:
                num += q.weight * level
                den += q.weight
        level_value = round(num / den, 2) if den else None
        out.append(
            CompetencyScore(cid, pack.competency_module[cid], level_value, comp.weight, tuple(trace))
        )
    return tuple(out)


def is_proof(text: str | None) -> bool:
    """Evidence counts as proof only when it carries a number (S22)."""
    return bool(text) and _DIGIT.search(text or "") is not None


def evidence_flags(
    pack: RulePack, answers: Answers, levels: Mapping[str, int]
) -> tuple[EvidenceFlag, ...]:
    threshold = pack.meta.scoring.proof_level
    flags = []
    for qid, level in levels.items():
        if level < threshold:
            continue
        text = answers.evidence.get(qid)
        competency = pack.questions[qid].competency or ""
        status = "proven" if is_proof(text) else "unproven"
        flags.append(EvidenceFlag(qid, competency, level, status, text))
    return tuple(flags)
