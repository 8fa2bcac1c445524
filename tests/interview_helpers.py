"""Keystroke scripts for the interview, built from the rules pack (not from a hard-coded order).

For the tests that drive the real questionary prompter: the real-terminal tests and the one
pipe-input interview of test_interview.py. Most interview tests answer by value instead, through
the scripted prompter (scripted.py), which reuses :func:`order`, :func:`needs_evidence` and
:func:`kol_answers` from here.

The interview asks: the language (only when unknown), the target role, every question in
``pack.sections`` order, an evidence line after each experience choice at or above the pack's
proof level, then a review ("Looks right" / "Change an answer"). These helpers turn "the answers I
want" into the keys a user would press, so a reordered or extended pack does not break the tests.

Keys: a ``select`` starts on its default (the current answer when re-asking, else the first
choice) and wraps around; a ``checkbox`` starts on its first choice and Space toggles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from helpers import shipped_pack

if TYPE_CHECKING:
    import pytest

if TYPE_CHECKING:
    from careerfix.models.pack import Question, RulePack


def interview_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, width: int = 100) -> Path:
    """A fresh home for an in-process interview: English, no colour, a fixed width, no
    language or pack from the environment, and stdin and stderr taken for a terminal."""
    import careerfix.cli

    home = tmp_path / "home"
    monkeypatch.setenv("CAREERFIX_HOME", str(home))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("CAREERFIX_WIDTH", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "CAREERFIX_LANG", "CAREERFIX_RULES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(careerfix.cli, "_has_terminal", lambda: True)
    return home


ENTER = "\r"
DOWN = "\x1b[B"
SPACE = " "
CTRL_C = "\x03"
CTRL_U = "\x15"  # kill the line before the cursor (clears a pre-filled text default)

SUGGEST = "__suggest__"  # careerfix.interview.SUGGEST, the "Suggest one for me" target choice
REVIEW_VALUES = ("done", "change")

Answers = Mapping[str, "str | list[str]"]


def pack() -> RulePack:
    return shipped_pack()


def order(p: RulePack | None = None) -> list[Question]:
    """Every question in the order the interview asks them."""
    p = p or pack()
    return [q for _, _, qs in p.sections for q in qs]


def select_keys(values: Sequence[str], want: str, start: str | None = None) -> str:
    """Move from ``start`` (or the first choice) to ``want`` and press Enter."""
    here = values.index(start) if start is not None else 0
    return DOWN * ((values.index(want) - here) % len(values)) + ENTER


def checkbox_keys(values: Sequence[str], want: Iterable[str], checked: Iterable[str] = ()) -> str:
    """Toggle every choice whose state must change, top to bottom, then Enter."""
    want, checked = set(want), set(checked)
    keys, here = "", 0
    for i, value in enumerate(values):
        if (value in want) != (value in checked):
            keys += DOWN * (i - here) + SPACE
            here = i
    return keys + ENTER


def needs_evidence(q: Question, value: str | list[str], p: RulePack | None = None) -> bool:
    p = p or pack()
    if not isinstance(value, str):
        return False
    level = p.level_of[q.id].get(value)
    return level is not None and level >= p.meta.scoring.proof_level


def choice_keys(q: Question, value: str | list[str], current: str | list[str] | None = None) -> str:
    """The keys that pick ``value`` in ``q``'s select or checkbox (no evidence line)."""
    values = [c.value for c in q.choices]
    if q.kind == "multi":
        assert isinstance(value, list)
        return checkbox_keys(values, value, current if isinstance(current, list) else ())
    assert isinstance(value, str)
    return select_keys(values, value, current if isinstance(current, str) else None)


def answer_keys(
    q: Question,
    value: str | list[str],
    evidence: str = "",
    *,
    current: str | list[str] | None = None,
    current_evidence: str = "",
) -> str:
    """The keys that answer ``q`` with ``value`` (plus its evidence line when one is asked)."""
    keys = choice_keys(q, value, current)
    if needs_evidence(q, value):
        keys += (CTRL_U if current_evidence else "") + evidence + ENTER
    return keys


def target_keys(target: str | None = None, p: RulePack | None = None) -> str:
    p = p or pack()
    return select_keys([SUGGEST, *(r.id for r in p.roles.roles)], target or SUGGEST)


def questions_keys(
    answers: Answers, evidence: Mapping[str, str] | None = None, skip: Iterable[str] = ()
) -> str:
    """Answer every question not in ``skip``, in interview order."""
    evidence = evidence or {}
    skip = set(skip)
    return "".join(
        answer_keys(q, answers[q.id], evidence.get(q.id, "")) for q in order() if q.id not in skip
    )


def review_done() -> str:
    return select_keys(REVIEW_VALUES, "done")


def kol_answers() -> tuple[dict[str, str | list[str]], dict[str, str]]:
    """A platform-side KOL operator (examples/platform-kol-operator.yaml), with English evidence.

    Every level >= proof question gets an evidence line except one, left empty (skipped).
    """
    import yaml

    from helpers import EXAMPLES_DIR

    data = yaml.safe_load((EXAMPLES_DIR / "platform-kol-operator.yaml").read_text("utf-8"))
    answers: dict[str, str | list[str]] = dict(data["answers"])
    assert set(answers) == set(pack().questions), "the example answers every question"
    proof = [q.id for q in order() if needs_evidence(q, answers[q.id])]
    assert len(proof) >= 2, proof
    evidence = {qid: f"Metric for {qid}: 120 -> 410 in 12 months" for qid in proof[1:]}
    return answers, evidence
