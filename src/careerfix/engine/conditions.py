"""Evaluate the pack's structured conditions against one person's answers and scores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from careerfix.models.pack import Condition, RulePack


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything a condition may test, for one assessment."""

    pack: RulePack
    answers: Mapping[str, str | list[str]]  # only known answers: no "not sure", nothing missing
    question_levels: Mapping[str, int]
    competency_levels: Mapping[str, float]
    module_levels: Mapping[str, float]
    counts: Mapping[str, int]

    def holds(self, cond: Condition) -> bool:
        """Unanswered and "not sure" never satisfy a test, so ``not`` of such a test holds."""
        if cond.all is not None:
            return all(self.holds(c) for c in cond.all)
        if cond.any is not None:
            return any(self.holds(c) for c in cond.any)
        if cond.not_ is not None:
            return not self.holds(cond.not_)
        if cond.question is not None:
            return self._question(cond)
        if cond.competency is not None:
            level = self.competency_levels.get(cond.competency)
            return level is not None and level >= (cond.at_least or 0)
        if cond.module is not None:
            level = self.module_levels.get(cond.module)
            return level is not None and level >= (cond.at_least or 0)
        if cond.fact is not None:
            return self.counts.get(cond.fact, 0) >= (cond.at_least or 0)
        return False  # unreachable: the model admits no other form

    def _question(self, cond: Condition) -> bool:
        qid = cond.question
        assert qid is not None
        value = self.answers.get(qid)
        if cond.answered is not None:
            return (value is not None) == cond.answered
        if value is None:
            return False
        if cond.at_least is not None:
            level = self.question_levels.get(qid)
            return level is not None and level >= cond.at_least
        chosen = value if isinstance(value, list) else (value,)
        if cond.equals is not None:
            return cond.equals in chosen
        if cond.in_ is not None:
            return any(v in cond.in_ for v in chosen)
        return False
