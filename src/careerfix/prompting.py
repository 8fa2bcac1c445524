"""The one seam between careerfix and questionary.

Every prompt goes through a :class:`Prompter`, which always uses ``unsafe_ask`` (so Ctrl-C raises
``KeyboardInterrupt`` instead of printing "Cancelled by user" into stdout) and always draws on
stderr, so ``careerfix assess > report.md`` keeps a clean file. The interview depends only on
:class:`Prompts`, the interface: most tests replace :func:`make_prompter` with a scripted prompter
(tests/scripted.py); a few build a Prompter on a pipe input to keep this seam honest.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import questionary
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output
from questionary import Choice, Style

STYLE = Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("selected", "fg:ansigreen"),
        ("instruction", "fg:ansibrightblack"),
        ("answer", "fg:ansigreen bold"),
    ]
)


class Prompts(Protocol):
    """What the interview asks through; Ctrl-C / Ctrl-D raise KeyboardInterrupt / EOFError."""

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        default: str | None = None,
        instruction: str | None = None,
    ) -> str: ...

    def checkbox(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        checked: Sequence[str] = (),
        validate: Callable[[list[str]], bool | str] | None = None,
        instruction: str | None = None,
    ) -> list[str]: ...

    def text(
        self,
        message: str,
        default: str = "",
        instruction: str | None = None,
        validate: Callable[[str], bool | str] | None = None,
    ) -> str: ...


class Prompter:
    """Asks one question at a time; raises KeyboardInterrupt / EOFError when the user stops."""

    def __init__(self, input: Input | None = None, output: Output | None = None) -> None:
        self._io: dict[str, Any] = {}
        if input is not None:
            self._io["input"] = input
        if output is None:
            from prompt_toolkit.output import create_output

            output = create_output(stdout=sys.stderr)
        self._io["output"] = output

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        default: str | None = None,
        instruction: str | None = None,
    ) -> str:
        """``choices`` are (value, title) pairs; returns the chosen value."""
        items = [Choice(title=title, value=value) for value, title in choices]
        question = questionary.select(
            message,
            choices=items,
            default=next((c for c in items if c.value == default), None),
            instruction=instruction,
            qmark="?",
            style=STYLE,
            use_indicator=False,
            **self._io,
        )
        chosen = _stop_on_ctrl_d(question).unsafe_ask()
        return str(chosen)

    def checkbox(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        checked: Sequence[str] = (),
        validate: Callable[[list[str]], bool | str] | None = None,
        instruction: str | None = None,
    ) -> list[str]:
        items = [
            Choice(title=title, value=value, checked=value in checked) for value, title in choices
        ]
        question = questionary.checkbox(
            message,
            choices=items,
            validate=validate or (lambda _: True),
            instruction=instruction,
            qmark="?",
            style=STYLE,
            **self._io,
        )
        chosen = _stop_on_ctrl_d(question).unsafe_ask()
        return [str(v) for v in chosen]

    def text(
        self,
        message: str,
        default: str = "",
        instruction: str | None = None,
        validate: Callable[[str], bool | str] | None = None,
    ) -> str:
        """A line of text; ``validate`` refuses it as typed (its message shows, the prompt stays)."""
        answer = questionary.text(
            message,
            default=default,
            instruction=instruction,
            validate=validate,
            qmark="?",
            style=STYLE,
            **self._io,
        ).unsafe_ask()
        return str(answer)


def _stop_on_ctrl_d(question: questionary.Question) -> questionary.Question:
    """Ctrl-D at a menu stops the interview as Ctrl-C does (EOFError, as a text prompt raises
    on an empty line); questionary's menus bind Ctrl-C but leave Ctrl-D doing nothing."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    bindings = KeyBindings()

    @bindings.add(Keys.ControlD, eager=True)
    def _end(event: Any) -> None:
        event.app.exit(exception=EOFError(), style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings(
        [b for b in (app.key_bindings, bindings) if b is not None]
    )
    return question


def make_prompter() -> Prompts:
    """The real prompter (tests replace this factory)."""
    return Prompter()
