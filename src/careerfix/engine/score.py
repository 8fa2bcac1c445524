"""Competency levels, evidence flags and the counts rules can test."""

from __future__ import annotations

from collections.abc import Mapping

from careerfix.engine.prepared import CompetencyRule, PreparedPack
from careerfix.engine.proof import proof_status
from careerfix.models.answers import Answers
from careerfix.models.assessment import CompetencyScore, EvidenceFlag, TraceItem
from careerfix.models.records import builder


def read_answers(
    pack: PreparedPack, answers: Answers
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


def competency_scores(
    pack: PreparedPack, answers: Answers, levels: Mapping[str, int]
) -> tuple[CompetencyScore, ...]:
    """Each competency's level: the weighted mean of its answered questions (None if none), with
    the trace of the answers behind it.

    A competency measured by one question (the common case) has as many possible scores as its
    question has choices: each is built once per pack and shared (results are immutable).
    """
    out = []
    given = answers.answers
    for comp, scores in zip(pack.competency_rules, pack.competency_score_cache, strict=True):
        if scores is None:
            out.append(_score(pack, comp, levels, given))
            continue
        choice = given.get(comp.questions[0][0])
        key = choice if isinstance(choice, str) else None
        score = scores.get(key)
        if score is None:
            score = scores[key] = _score(pack, comp, levels, given)
        out.append(score)
    return tuple(out)


def _score(
    pack: PreparedPack,
    comp: CompetencyRule,
    levels: Mapping[str, int],
    given: Mapping[str, str | list[str]],
) -> CompetencyScore:
    if len(comp.questions) == 1:
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
    trace = []
    for qid, weight in comp.questions:
        choice = given.get(qid)
        value_of = choice if isinstance(choice, str) else None
        trace.append(
            TraceItem(
                question=qid,
                choice=value_of,
                level=pack.level_of[qid].get(value_of) if value_of is not None else None,
                weight=weight,
            )
        )
    return CompetencyScore(
        id=comp.id, module=comp.module, level=value, weight=comp.weight, trace=tuple(trace)
    )


def evidence_flags(
    pack: PreparedPack, answers: Answers, levels: Mapping[str, int]
) -> tuple[EvidenceFlag, ...]:
    """A flag per claim (a level at or above the proof level), proven, weak or unproven; and
    one per lower-level answer that carries evidence anyway (``claim`` False), so it is shown."""
    threshold = pack.meta.scoring.proof_level
    competency_of = pack.competency_of_question
    make = builder(EvidenceFlag)
    flags = []
    for qid, level in levels.items():
        text = answers.evidence.get(qid)
        claim = level >= threshold
        if not claim and not text:
            continue
        flags.append(
            # question, competency, level, status, claim, evidence
            make(qid, competency_of[qid], level, proof_status(pack.proof, text), claim, text)
        )
    return tuple(flags)
