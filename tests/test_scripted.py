"""The scripted prompter fails loudly on anything its script did not expect.

The interview tests rely on it: a script that no longer matches the interview must fail the test,
never answer something else silently.
"""

from __future__ import annotations

import pytest

import scripted as sc

CHOICES = [("a", "Alpha"), ("b", "Bravo"), ("c", "Charlie")]


def test_answers_by_value_and_records_what_was_shown() -> None:
    p = sc.ScriptedPrompter(
        [sc.pick("b"), sc.tick(["c", "a"]), sc.typed("x"), sc.keep("select"), sc.keep("text")]
    )
    assert p.select("m1", CHOICES, default="c", instruction="i") == "b"
    assert p.checkbox("m2", CHOICES, checked=("b",)) == ["a", "c"], "in the choices' order"
    assert p.text("m3", default="old") == "x"
    assert p.select("m4", CHOICES) == "a", "Enter without a default takes the first choice"
    assert p.text("m5", default="old") == "old"
    p.assert_finished()
    first = p.shown[0]
    assert (first.kind, first.message, first.default, first.instruction) == (
        "select",
        "m1",
        "c",
        "i",
    )
    assert first.choices == tuple(CHOICES)
    assert p.shown[1].default == ("b",)
    assert [s.answer for s in p.shown] == ["b", ["a", "c"], "x", "a", "old"]


def test_a_refused_checkbox_stays_open_for_the_next_step() -> None:
    p = sc.ScriptedPrompter([sc.tick([]), sc.tick(["a"])])

    def validate(values: list[str]) -> bool | str:
        return bool(values) or "pick one"

    assert p.checkbox("m", CHOICES, validate=validate) == ["a"]
    assert p.shown[0].refusals == ["pick one"]
    p.assert_finished()


@pytest.mark.parametrize(
    ("step", "error"), [(sc.ctrl_c(), KeyboardInterrupt), (sc.ctrl_d(), EOFError)]
)
def test_stops_raise(step: sc.Step, error: type[BaseException]) -> None:
    p = sc.ScriptedPrompter([step])
    with pytest.raises(error):
        p.text("m")
    p.assert_finished()


@pytest.mark.parametrize(
    "step",
    [
        sc.tick(["a"]),  # another kind of prompt
        sc.pick("a", message="another question"),
        sc.pick("a", default="b"),
        sc.pick("zz"),  # not a choice
        sc.ctrl_c("text"),
    ],
    ids=["kind", "message", "default", "not-a-choice", "stop-elsewhere"],
)
def test_a_prompt_the_script_did_not_expect_fails(step: sc.Step) -> None:
    p = sc.ScriptedPrompter([step])
    with pytest.raises(sc.ScriptError):
        p.select("m", CHOICES, default="c")
    with pytest.raises(sc.ScriptError):
        p.assert_finished()  # even when the code under test swallowed the error


def test_running_out_of_script_or_leaving_steps_unused_fails() -> None:
    p = sc.ScriptedPrompter([])
    with pytest.raises(sc.ScriptError, match="no step left"):
        p.text("m")
    p = sc.ScriptedPrompter([sc.pick("a"), sc.typed("never asked")])
    p.select("m", CHOICES)
    with pytest.raises(sc.ScriptError, match="1 step"):
        p.assert_finished()
