"""The one seam between careerfix and questionary.

Every prompt goes through a :class:`Prompter`, which always uses ``unsafe_ask`` (so Ctrl-C raises
``KeyboardInterrupt`` instead of printing "Cancelled by user" into stdout) and always draws on
stderr, so ``careerfix assess > report.md`` keeps a clean file. The interview depends only on
:class:`Prompts`, the interface: most tests replace :func:`make_prompter` with a scripted prompter
(tests/scripted.py); a few build a Prompter on a pipe input to keep this seam honest.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import questionary
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output
from questionary import Choice, Style
from rich.cells import cell_len

from careerfix.lines import INTERVIEW_MAX_WIDTH, MIN_WIDTH, wrap, wrap_fragments

# The back key: Ctrl-B ("back") reaches the prompt in every terminal, in selects, checkboxes and
# text prompts alike, where a printable key like "<" would be typed into the text or the filter.
BACK_KEY = "c-b"

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


class GoBack(Exception):
    """The back key was pressed: the interview returns to the previous question."""


class Prompts(Protocol):
    """What the interview asks through; Ctrl-C / Ctrl-D raise KeyboardInterrupt / EOFError.

    ``back``: the hint naming the back key, shown with the prompt; given, the key is live and
    raises :class:`GoBack`. ``search``: a select the user can filter by typing.
    """

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        default: str | None = None,
        instruction: str | None = None,
        *,
        back: str | None = None,
        search: bool = False,
    ) -> str: ...

    def checkbox(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        checked: Sequence[str] = (),
        validate: Callable[[list[str]], bool | str] | None = None,
        instruction: str | None = None,
        *,
        back: str | None = None,
    ) -> list[str]: ...

    def text(
        self,
        message: str,
        default: str = "",
        instruction: str | None = None,
        validate: Callable[[str], bool | str] | None = None,
        *,
        back: str | None = None,
    ) -> str: ...


# questionary draws " » " (or three spaces) before each choice, and a checkbox "● " or "○ " after
# that: a choice's own continuation lines are indented to start under its first letter.
_SELECT_PREFIX, _CHECKBOX_PREFIX = 3, 5
# Shown when a caller gives no instruction: keys, not words, so no language is ever wrong.
_SELECT_KEYS, _CHECKBOX_KEYS = "(↑↓ ⏎)", "(↑↓ ␣ ⏎)"


class Prompter:
    """Asks one question at a time; raises KeyboardInterrupt / EOFError when the user stops.

    Long prompts and choices are broken into lines the CJK-aware way (careerfix.lines) before
    questionary draws them, which would otherwise cut them wherever the terminal's edge falls.
    questionary's own echo of an answer (the prompt and the choice, or "done (2 selections)"
    after a checkbox) is erased and replaced by the prompt and the chosen titles, wrapped too.
    """

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
        *,
        back: str | None = None,
        search: bool = False,
    ) -> str:
        """``choices`` are (value, title) pairs; returns the chosen value."""
        width = self._width()
        items = [
            Choice(title=self._title(title, width, _SELECT_PREFIX), value=value)
            for value, title in choices
        ]
        instruction = _with_back(instruction or _SELECT_KEYS, back)
        question = questionary.select(
            self._message(message, instruction or "", width),
            choices=items,
            default=next((c for c in items if c.value == default), None),
            instruction=instruction,
            qmark="?",
            style=STYLE,
            use_indicator=False,
            use_search_filter=search,
            use_jk_keys=not search,  # questionary: j and k are letters of the filter then
            **self._io,
        )
        if search:
            _filter_any_character(question)
        if back is not None:
            _add_back_key(question)
        chosen = str(self._ask(_stop_on_ctrl_d(question)))
        self._echo(message, [title for value, title in choices if value == chosen], width)
        return chosen

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
        width = self._width()
        items = [
            Choice(
                title=self._title(title, width, _CHECKBOX_PREFIX),
                value=value,
                checked=value in checked,
            )
            for value, title in choices
        ]
        instruction = _with_back(instruction or _CHECKBOX_KEYS, back)
        question = questionary.checkbox(
            self._message(message, instruction or "", width),
            choices=items,
            validate=validate or (lambda _: True),
            instruction=instruction,
            qmark="?",
            style=STYLE,
            **self._io,
        )
        if back is not None:
            _add_back_key(question)
        chosen = [str(v) for v in self._ask(_stop_on_ctrl_d(question))]
        self._echo(message, [title for value, title in choices if value in chosen], width)
        return chosen

    def text(
        self,
        message: str,
        default: str = "",
        instruction: str | None = None,
        validate: Callable[[str], bool | str] | None = None,
        *,
        back: str | None = None,
    ) -> str:
        """A line of text; ``validate`` refuses it as typed (its message shows, the prompt stays)."""
        width = self._width()
        instruction = _with_back(instruction, back)
        question = questionary.text(
            self._message(message, instruction or "", width),
            default=default,
            instruction=instruction,
            validate=validate,
            qmark="?",
            style=STYLE,
            **self._io,
        )
        if back is not None:
            _add_back_key(question)
        answer = str(self._ask(question))
        self._echo(message, [answer] if answer.strip() else [], width)
        return answer

    # ------------------------------------------------------------------ drawing

    def _width(self) -> int:
        """The columns to fill, one short of the edge (see careerfix.lines.interview_width)."""
        output: Output = self._io["output"]
        forced = os.environ.get("CAREERFIX_WIDTH", "").strip()
        columns = int(forced) if forced.isdigit() else output.get_size().columns
        return min(max(columns, MIN_WIDTH), INTERVIEW_MAX_WIDTH) - 1

    @staticmethod
    def _message(message: str, instruction: str, width: int) -> str:
        """The prompt as questionary draws it ("? " + message + " " + instruction), broken into
        lines; the instruction goes to a line of its own when it does not fit after the message."""
        lines = wrap("? " + message, width, indent=2)
        text = "\n".join(lines)[2:]
        if instruction and cell_len(lines[-1]) + 1 + cell_len(instruction) > width:
            text += "\n "  # questionary adds a space: the instruction starts under the message
        return text

    @staticmethod
    def _title(title: str, width: int, prefix: int) -> str:
        return ("\n" + " " * prefix).join(wrap(title, max(width - prefix, 10)))

    @staticmethod
    def _ask(question: questionary.Question) -> Any:
        # The prompt is erased when answered: _echo writes it again, wrapped, with the answer.
        question.application.erase_when_done = True
        return question.unsafe_ask()

    def _echo(self, message: str, titles: Sequence[str], width: int) -> None:
        """The answered prompt: "? message  chosen + chosen", wrapped under a hanging indent."""
        from prompt_toolkit import print_formatted_text
        from prompt_toolkit.formatted_text import FormattedText

        fragments = [("class:qmark", "? "), ("class:question", message)]
        if titles:
            fragments += [("", "  "), ("class:answer", " + ".join(titles))]
        for line in wrap_fragments(fragments, width, indent=2):
            print_formatted_text(FormattedText(line), style=STYLE, output=self._io["output"])


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


def _with_back(instruction: str | None, back: str | None) -> str | None:
    """The prompt's instruction with the back key's hint after it."""
    if back is None:
        return instruction
    return f"{instruction}  {back}" if instruction else back


def _add_back_key(question: questionary.Question) -> None:
    """Make the back key end ``question`` by raising :class:`GoBack` from ``unsafe_ask``.

    Merged after questionary's own bindings, so it wins over a text prompt's Ctrl-B (cursor
    left, which the arrow key still does).
    """
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()

    @bindings.add(BACK_KEY, eager=True)
    def _back(event: Any) -> None:
        event.app.exit(exception=GoBack(), style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])


def _filter_any_character(question: questionary.Question) -> None:
    """Let every typed character filter a searchable select, Chinese ones included.

    questionary binds its filter to ASCII (``string.printable``) only, and drops other keys.
    """
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys
    from questionary.prompts.common import InquirerControl

    app = question.application
    control = next(
        (c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl)), None
    )
    if control is None:  # another questionary layout: keep its ASCII-only filter
        return
    bindings = KeyBindings()

    @bindings.add(Keys.Any)
    def _type(event: Any) -> None:
        char = event.key_sequence[0].key
        if isinstance(char, str) and len(char) == 1 and char.isprintable():
            control.add_search_character(char)  # type: ignore[arg-type]

    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])


def make_prompter() -> Prompts:
    """The real prompter (tests replace this factory)."""
    return Prompter()
