"""Competency levels, evidence flags and the counts rules can test."""

from __future__ import annotations

from collections.abc import Mapping

from careerfix.engine.compiled import CompiledPack
from careerfix.engine.proof import proof_status
from careerfix.models.answers import Answers
from careerfix.models.assessment import CompetencyScore, EvidenceFlag
from careerfix.models.pack import RulePack


def read_answers(
    pack: RulePack, answers: Answers
) -> tuple[dict[str, str | list[str]], dict[str, int]]:
    """The answers rules may rely on ("not sure" removed), and each experience answer's level."""
    unknown_value = pack.unknown_value
    level_of = pack.level_of
    known: dict[str, str | list[str]] = {}
    levels: dict[str, int] = {}
    for qid, value in answers.answers.items():
        unknown = unknown_value[qid]
        if isinstance(value, str):
            if value == unknown:
                continue
            level = level_of[qid][value]
            if level is not None:
                levels[qid] = level
        elif unknown in value:
            continue
        known[qid] = value
    return known, levels


def competency_scores(cp: CompiledPack, levels: Mapping[str, int]) -> tuple[CompetencyScore, ...]:
    """Each competency's level: the weighted mean of its answered questions (None if none).

    The per-answer trace is not copied here: it is fully determined by the answers and the pack,
    and :func:`trace` rebuilds it for the report.
    """
    out = []
    for comp in cp.competencies:
        if len(comp.questions) == 1:  # the common case: one question measures the competency
            level = levels.get(comp.questions[0][0])
            value = None if level is None else float(level)
        else:
            num = den = 0.0
            for qid, weight in comp.questions:
                answered = levels.get(qid)
                if answered is not None:
                    num += weight * answered
                    den += weight
            value = num / den if den else None
        out.append(CompetencyScore(comp.id, comp.module, value, comp.weight))
    return tuple(out)


def evidence_flags(
    pack: RulePack, cp: CompiledPack, answers: Answers, levels: Mapping[str, int]
) -> tuple[EvidenceFlag, ...]:
    """A flag per claim (a level at or above the proof level), proven, weak or unproven; and
    one per lower-level answer that carries evidence anyway (``claim`` False), so it is shown."""
    threshold = pack.meta.scoring.proof_level
    competency_of = pack.competency_of_question
    flags = []
    for qid, level in levels.items():
        text = answers.evidence.get(qid)
        claim = level >= threshold
        if not claim and not text:
            continue
        status = proof_status(cp.proof, text)
        flags.append(EvidenceFlag(qid, competency_of[qid], level, status, text, claim))
    return tuple(flags)
