"""The questionary seam, keystroke by keystroke, on prompt_toolkit's pipe input.

The interview tests answer through a scripted prompter (tests/scripted.py) that assumes what the
real :class:`~careerfix.prompting.Prompter` does: a select starts on its default and wraps around,
a checkbox starts with its ticks and refuses what ``validate`` refuses, a text prompt starts with
its default, Ctrl-C / a closed input raise KeyboardInterrupt / EOFError. These tests hold the real
prompter to that, so the scripted one cannot drift from it. Every test queues its keys and closes
the pipe first: keys that run out give EOFError, never a hang.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from careerfix.prompting import Prompter
from interview_helpers import CTRL_C, CTRL_U, DOWN, ENTER, SPACE

pytestmark = pytest.mark.timeout(60)

T = TypeVar("T")
CHOICES = [("a", "Alpha"), ("b", "Bravo"), ("c", "Charlie")]


def on_keys(keys: str, ask: Callable[[Prompter], T]) -> T:
    """``ask(prompter)`` with ``keys`` typed into a prompter on a pipe input."""
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        return ask(Prompter(input=pipe, output=DummyOutput()))


def test_select_starts_on_the_default_and_wraps_around() -> None:
    assert on_keys(ENTER, lambda p: p.select("m", CHOICES)) == "a", "no default: the first"
    assert on_keys(ENTER, lambda p: p.select("m", CHOICES, default="b")) == "b"
    assert on_keys(DOWN + ENTER, lambda p: p.select("m", CHOICES, default="c")) == "a", "wraps"
    assert on_keys(DOWN * 4 + ENTER, lambda p: p.select("m", CHOICES)) == "b"
    # a default that is not a choice starts on the first choice, like no default
    assert on_keys(ENTER, lambda p: p.select("m", CHOICES, default="zz")) == "a"


def test_checkbox_starts_with_its_ticks_toggles_and_refuses_what_validate_refuses() -> None:
    seen: list[list[str]] = []

    def not_empty(values: list[str]) -> bool | str:
        seen.append(values)
        return bool(values) or "Pick one"

    def ask(p: Prompter) -> list[str]:
        return p.checkbox("m", CHOICES, checked=("b",), validate=not_empty, instruction="i")

    assert on_keys(ENTER, ask) == ["b"], "Enter keeps the ticks"
    # Untick b, Enter (refused: empty), tick c then a: returned in the choices' order.
    keys = DOWN + SPACE + ENTER + DOWN + SPACE + DOWN + SPACE + ENTER
    seen.clear()
    assert on_keys(keys, ask) == ["a", "c"]
    assert [] in seen, "the empty selection went through validate and was refused"
    # no validate: anything goes, even nothing
    assert on_keys(SPACE + ENTER, lambda p: p.checkbox("m", CHOICES, checked=("a",))) == []


def test_text_starts_with_its_default() -> None:
    assert on_keys(ENTER, lambda p: p.text("m")) == ""
    assert on_keys(ENTER, lambda p: p.text("m", default="old")) == "old"
    assert on_keys(" more" + ENTER, lambda p: p.text("m", default="old")) == "old more"
    assert on_keys(CTRL_U + "new" + ENTER, lambda p: p.text("m", default="old")) == "new"
    assert on_keys("  spaced  " + ENTER, lambda p: p.text("m")) == "  spaced  ", "not trimmed"


@pytest.mark.parametrize(
    ("stop", "error"), [(CTRL_C, KeyboardInterrupt), ("", EOFError)], ids=["ctrl-c", "eof"]
)
def test_ctrl_c_and_the_end_of_input_raise_in_every_kind_of_prompt(
    stop: str, error: type[BaseException]
) -> None:
    asks: list[Callable[[Prompter], object]] = [
        lambda p: p.select("m", CHOICES, default="b"),
        lambda p: p.checkbox("m", CHOICES, checked=("a",)),
        lambda p: p.text("m", default="old"),
    ]
    for keys_before in ("", DOWN + SPACE, "half typed"):
        for ask in asks:
            with pytest.raises(error):
                on_keys(keys_before + stop, ask)


CTRL_B = "\x02"


def test_the_back_key_raises_go_back_in_every_kind_of_prompt_that_offers_it() -> None:
    from careerfix.prompting import GoBack

    asks: list[Callable[[Prompter], object]] = [
        lambda p: p.select("m", CHOICES, back="Ctrl-B: back"),
        lambda p: p.checkbox("m", CHOICES, back="Ctrl-B: back"),
        lambda p: p.text("m", default="old", back="Ctrl-B: back"),
    ]
    for ask in asks:
        with pytest.raises(GoBack):
            on_keys(DOWN + CTRL_B, ask)
    # without a back hint the key does nothing to a select
    assert on_keys(CTRL_B + ENTER, lambda p: p.select("m", CHOICES)) == "a"


def test_a_searchable_select_filters_by_any_typed_character() -> None:
    choices = [("a", "Alpha 甲"), ("b", "Bravo 乙"), ("c", "Charlie 丙")]
    assert on_keys("乙" + ENTER, lambda p: p.select("m", choices, search=True)) == "b"
    assert on_keys("char" + ENTER, lambda p: p.select("m", choices, search=True)) == "c"
