"""Evaluate the pack's structured conditions against one person's answers and scores.

Conditions are compiled once per pack into small closures (no ``eval``): a batch run evaluates
thousands of them a second.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from careerfix.models.pack import Condition
from careerfix.models.records import Record, record


@record
class Facts(Record):
    """Everything a condition may test, for one assessment."""

    answers: Mapping[str, str | list[str]]  # only known answers: no "not sure", nothing missing
    question_levels: Mapping[str, int]
    competency_levels: Mapping[str, float]
    module_levels: Mapping[str, float]
    counts: Mapping[str, int]


Test = Callable[[Facts], bool]


def compile_condition(cond: Condition) -> Test:
    """Turn a condition into a test. Unanswered and "not sure" never satisfy a test, so ``not``
    of such a test holds."""
    # Plain loops rather than all()/any() over a generator: these run tens of times per
    # assessment, and a generator costs more than the tests themselves.
    if cond.all is not None:
        parts = tuple(compile_condition(c) for c in cond.all)

        def all_hold(f: Facts) -> bool:
            for part in parts:  # noqa: SIM110 (see above)
                if not part(f):
                    return False
            return True

        return all_hold
    if cond.any is not None:
        parts = tuple(compile_condition(c) for c in cond.any)

        def any_holds(f: Facts) -> bool:
            for part in parts:  # noqa: SIM110 (see above)
                if part(f):
                    return True
            return False

        return any_holds
    if cond.not_ is not None:
        inner = compile_condition(cond.not_)
        return lambda f: not inner(f)
    at_least = cond.at_least if cond.at_least is not None else 0.0
    if cond.competency is not None:
        cid = cond.competency
        return lambda f: f.competency_levels.get(cid, -1.0) >= at_least
    if cond.module is not None:
        mid = cond.module
        return lambda f: f.module_levels.get(mid, -1.0) >= at_least
    if cond.fact is not None:
        name = cond.fact
        return lambda f: f.counts.get(name, 0) >= at_least
    assert cond.question is not None  # the model admits no other form
    return _question_test(cond.question, cond)


def _question_test(qid: str, cond: Condition) -> Test:
    if cond.answered is not None:
        wanted = cond.answered
        return lambda f: (qid in f.answers) == wanted
    if cond.at_least is not None:
        level = cond.at_least
        return lambda f: f.question_levels.get(qid, -1) >= level
    options = frozenset([cond.equals] if cond.equals is not None else cond.in_ or ())

    def test(f: Facts) -> bool:
        value = f.answers.get(qid)
        if value is None:
            return False
        if isinstance(value, str):
            return value in options
        return not options.isdisjoint(value)

    return test
