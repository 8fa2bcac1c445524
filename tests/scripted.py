"""A scripted prompter: the interview answered by value, behind careerfix's prompting seam.

:class:`ScriptedPrompter` implements :class:`careerfix.prompting.Prompts`. Each prompt the
interview opens takes the next :class:`Step` of its script: the answer a user would give (a value,
not keystrokes), or Ctrl-C / Ctrl-D. A step may also say what it expects the prompt to be (its
kind, message and default); anything the script did not expect — another kind of prompt, another
message or default, a value that is not a choice, a prompt after the script ended, steps left over
at the end — fails the test with a :class:`ScriptError`, so a test cannot pass by accident. Every
prompt shown is recorded (:attr:`ScriptedPrompter.shown`) for tests to assert on.

A checkbox step is checked with the interview's own ``validate``, as questionary does: a refused
selection is recorded (:attr:`Shown.refusals`) and the prompt stays open for the next step.

The pack-based builders at the bottom (:func:`answer`, :func:`questions`, :func:`review_change`, …)
turn "the answers I want" into steps that also pin each prompt's message and default, in the
interview's order read from the pack (see interview_helpers.py for the same in keystrokes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NoReturn

import pytest
from typer.testing import CliRunner, Result

import interview_helpers as ih
from careerfix.i18n import t

if TYPE_CHECKING:
    from careerfix.models.pack import Question
    from careerfix.prompting import Prompts

Kind = Literal["select", "checkbox", "text"]
Value = str | tuple[str, ...]


class ScriptError(AssertionError):
    """The interview and its script disagree."""


class _Any:
    def __repr__(self) -> str:
        return "ANY"


ANY: object = _Any()  # a step expectation that accepts whatever the prompt shows
KEEP: object = object()  # a step value: accept the prompt's default (Enter)


@dataclass(frozen=True)
class Step:
    """One prompt's answer (``value``) or interruption (``stop``), and what it expects to see."""

    kind: Kind | None  # None: any kind of prompt (only for stops)
    value: object = None  # str (select, text), tuple[str, ...] (checkbox) or KEEP
    stop: type[BaseException] | None = None
    message: object = ANY
    default: object = ANY  # select default, checkbox ticks (a tuple), text default

    def __str__(self) -> str:
        what = f"stop {self.stop.__name__}" if self.stop else f"answer {self.value!r}"
        return f"{self.kind or 'any'} prompt {self.message!r} (default {self.default!r}): {what}"


def pick(value: str, *, message: object = ANY, default: object = ANY) -> Step:
    return Step("select", value, message=message, default=default)


def tick(values: Iterable[str], *, message: object = ANY, default: object = ANY) -> Step:
    return Step("checkbox", tuple(values), message=message, default=default)


def typed(text: str, *, message: object = ANY, default: object = ANY) -> Step:
    return Step("text", text, message=message, default=default)


def keep(kind: Kind, *, message: object = ANY, default: object = ANY) -> Step:
    """Enter on the prompt's default."""
    return Step(kind, KEEP, message=message, default=default)


def ctrl_c(kind: Kind | None = None, *, message: object = ANY) -> Step:
    return Step(kind, stop=KeyboardInterrupt, message=message)


def ctrl_d(kind: Kind | None = None, *, message: object = ANY) -> Step:
    """The input ends (Ctrl-D, a closed stdin): prompt_toolkit raises EOFError."""
    return Step(kind, stop=EOFError, message=message)


def go_back(kind: Kind | None = None, *, message: object = ANY, default: object = ANY) -> Step:
    """The back key (the prompt must offer it): the prompt raises GoBack."""
    from careerfix.prompting import GoBack

    return Step(kind, stop=GoBack, message=message, default=default)


@dataclass
class Shown:
    """A prompt as the interview opened it, and how the script answered it."""

    kind: Kind
    message: str
    choices: tuple[tuple[str, str], ...]
    default: str | tuple[str, ...] | None  # select default, checkbox ticks, text default
    instruction: str | None
    answer: object = None  # the value returned, or the exception class raised
    back: str | None = None  # the back key's hint, when the prompt offers one
    search: bool = False  # a select that filters its choices as the user types
    refusals: list[str] = field(default_factory=list)  # checkbox, text: validate's messages

    @property
    def values(self) -> list[str]:
        return [value for value, _title in self.choices]


class ScriptedPrompter:
    """Answers the interview's prompts from a script of steps (see the module docstring)."""

    def __init__(self, script: Iterable[Step]) -> None:
        self.script = list(script)
        self.used = 0
        self.shown: list[Shown] = []
        self.failure: ScriptError | None = None

    # -------------------------------------------------------------- the Prompts interface

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        default: str | None = None,
        instruction: str | None = None,
        *,
        back: str | None = None,
        search: bool = False,
    ) -> str:
        shown = self._show("select", message, choices, default, instruction, back)
        shown.search = search
        step = self._next(shown)
        if step.value is KEEP:
            values = shown.values
            value = default if default in values else values[0]  # questionary starts there
        else:
            value = self._check_str(shown, step)
            self._check_choice(shown, value)
        shown.answer = value
        return value

    def checkbox(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        checked: Sequence[str] = (),
        validate: Callable[[list[str]], bool | str] | None = None,
        instruction: str | None = None,
        *,
        back: str | None = None,
    ) -> list[str]:
        ticks = tuple(v for v, _ in choices if v in checked)
        shown = self._show("checkbox", message, choices, ticks, instruction, back)
        while True:
            step = self._next(shown)
            wanted = ticks if step.value is KEEP else step.value
            if not isinstance(wanted, tuple):
                self._fail(shown, step, "a checkbox needs a tuple of values")
            for value in wanted:
                self._check_choice(shown, value)
            # questionary returns the ticked values in the order of the choices
            values = [v for v in shown.values if v in wanted]
            verdict = validate(values) if validate is not None else True
            if verdict is True:
                shown.answer = values
                return values
            shown.refusals.append(str(verdict))  # the prompt stays open

    def text(
        self,
        message: str,
        default: str = "",
        instruction: str | None = None,
        validate: Callable[[str], bool | str] | None = None,
        *,
        back: str | None = None,
    ) -> str:
        shown = self._show("text", message, (), default, instruction, back)
        while True:
            step = self._next(shown)
            value = default if step.value is KEEP else self._check_str(shown, step)
            verdict = validate(value) if validate is not None else True
            if verdict is True:
                shown.answer = value
                return value
            shown.refusals.append(str(verdict))  # the prompt stays open, as questionary's does

    # -------------------------------------------------------------- after the run

    def assert_finished(self) -> None:
        """The run met no disagreement and used every step of the script."""
        if self.failure is not None:
            raise self.failure
        if self.used != len(self.script):
            left = self.script[self.used :]
            lines = "\n".join(f"  {s}" for s in left)
            raise ScriptError(f"the interview ended with {len(left)} step(s) unused:\n{lines}")

    def of_kind(self, kind: Kind) -> list[Shown]:
        return [s for s in self.shown if s.kind == kind]

    # -------------------------------------------------------------- internals

    def _show(
        self,
        kind: Kind,
        message: str,
        choices: Sequence[tuple[str, str]],
        default: str | tuple[str, ...] | None,
        instruction: str | None,
        back: str | None = None,
    ) -> Shown:
        shown = Shown(kind, message, tuple(choices), default, instruction, back=back)
        self.shown.append(shown)
        return shown

    def _next(self, shown: Shown) -> Step:
        if self.used == len(self.script):
            self._fail(shown, None, "the script has no step left for it")
        step = self.script[self.used]
        self.used += 1
        if step.kind is not None and step.kind != shown.kind:
            self._fail(shown, step, f"the script expected a {step.kind} prompt")
        if step.message is not ANY and step.message != shown.message:
            self._fail(shown, step, f"the script expected the message {step.message!r}")
        if step.default is not ANY and step.default != shown.default:
            self._fail(shown, step, f"the script expected the default {step.default!r}")
        if step.stop is not None:
            if step.stop.__name__ == "GoBack" and shown.back is None:
                self._fail(shown, step, "the prompt offers no back key")
            shown.answer = step.stop
            raise step.stop
        return step

    def _check_str(self, shown: Shown, step: Step) -> str:
        if not isinstance(step.value, str):
            self._fail(shown, step, f"a {shown.kind} prompt needs a string")
        return step.value

    def _check_choice(self, shown: Shown, value: str) -> None:
        if value not in shown.values:
            self._fail(shown, None, f"{value!r} is not one of its choices {shown.values}")

    def _fail(self, shown: Shown, step: Step | None, why: str) -> NoReturn:
        where = f"prompt {len(self.shown)} ({shown.kind} {shown.message!r}, "
        where += f"default {shown.default!r}, choices {shown.values})"
        text = f"{where}: {why}" + (f"\n  step {self.used}: {step}" if step else "")
        # Kept as well as raised: the code under test must not be able to swallow it.
        self.failure = self.failure or ScriptError(text)
        raise self.failure


# ------------------------------------------------------------------ running the CLI on a script


def run_assess(
    monkeypatch: pytest.MonkeyPatch, script: Iterable[Step], *args: str
) -> tuple[Result, ScriptedPrompter]:
    """``careerfix assess ARGS`` in-process, every prompt answered by ``script``.

    The caller pretends a terminal (``careerfix.cli._has_terminal``) and sets the environment.
    Fails unless the run used the whole script and nothing else.
    """
    import careerfix.prompting
    from careerfix.cli import app

    prompter = ScriptedPrompter(script)

    def make_prompter() -> Prompts:
        return prompter

    monkeypatch.setattr(careerfix.prompting, "make_prompter", make_prompter)
    result = CliRunner().invoke(app, ["assess", *args], catch_exceptions=False)
    prompter.assert_finished()
    return result, prompter


# ------------------------------------------------------------------ scripts built from the pack

Answers = Mapping[str, "str | list[str]"]


def question_message(q: Question, lang: str = "en") -> str:
    return q.prompt.get(lang)


def choice(
    q: Question, value: str | list[str], *, current: object = None, lang: str = "en"
) -> Step:
    """Pick ``value`` in ``q``'s select or checkbox, expecting ``current`` as its default."""
    message = question_message(q, lang)
    if q.kind == "multi":
        assert isinstance(value, list)
        ticks = tuple(c.value for c in q.choices if c.value in (current or ()))
        return tick(value, message=message, default=ticks)
    assert isinstance(value, str)
    return pick(value, message=message, default=current)


def evidence(text: str, *, current: str = "", lang: str = "en") -> Step:
    return typed(text, message=t("evidence_q", lang), default=current)


def answer(
    q: Question,
    value: str | list[str],
    evidence_text: str = "",
    *,
    current: object = None,
    current_evidence: str = "",
    lang: str = "en",
) -> list[Step]:
    """Answer ``q`` with ``value``, plus its evidence line when the interview asks one."""
    steps = [choice(q, value, current=current, lang=lang)]
    if ih.needs_evidence(q, value):
        steps.append(evidence(evidence_text, current=current_evidence, lang=lang))
    return steps


def questions(
    answers: Answers,
    evidence_texts: Mapping[str, str] | None = None,
    *,
    skip: Iterable[str] = (),
    upto: int | None = None,
    lang: str = "en",
) -> list[Step]:
    """Answer every question not in ``skip`` (of the first ``upto``), in interview order."""
    evidence_texts = evidence_texts or {}
    skip = set(skip)
    steps: list[Step] = []
    for q in ih.order()[:upto]:
        if q.id not in skip:
            steps += answer(q, answers[q.id], evidence_texts.get(q.id, ""), lang=lang)
    return steps


def target(role: str | None = None, *, lang: str = "en") -> list[Step]:
    roles = [ih.SUGGEST, *(r.id for r in ih.pack().roles.roles)]
    assert role is None or role in roles, role
    return [pick(role or ih.SUGGEST, message=t("ask_target", lang), default=None)]


def language(lang: str) -> list[Step]:
    return [pick(lang, message=t("choose_lang", "en"), default=None)]


def draft_menu(action: str, *, lang: str = "en") -> list[Step]:
    return [pick(action, message=t("draft_action", lang), default=None)]


def review_done(lang: str = "en") -> list[Step]:
    return [pick("done", message=t("review_action", lang), default=None)]


def review_change(
    qid: str,
    value: str | list[str],
    evidence_text: str = "",
    *,
    answers: Answers,
    old_evidence: Mapping[str, str] | None = None,
    lang: str = "en",
) -> list[Step]:
    """At the review: "Change an answer", pick ``qid``, answer it again.

    The question opens on the old answer, and its evidence line on the old evidence.
    """
    q = ih.pack().questions[qid]
    return [
        pick("change", message=t("review_action", lang), default=None),
        pick(qid, message=t("review_pick", lang), default=None),
        *answer(
            q,
            value,
            evidence_text,
            current=answers[qid],
            current_evidence=(old_evidence or {}).get(qid, ""),
            lang=lang,
        ),
    ]


def full(answers: Answers, evidence_texts: Mapping[str, str], lang: str = "en") -> list[Step]:
    """A whole first interview: the target (suggested), every question, the review."""
    return [
        *target(lang=lang),
        *questions(answers, evidence_texts, lang=lang),
        *review_done(lang),
    ]
