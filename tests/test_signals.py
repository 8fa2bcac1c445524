"""A stopping signal during a prompt ends the prompt the way Ctrl-C does, whatever line the main
thread happens to be on when it arrives (the pty tests send real signals at a random moment)."""

from __future__ import annotations

import logging
import os
import signal

import pytest
from prompt_toolkit.application import Application
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from careerfix.signals import stops_like_ctrl_c


def test_a_signal_during_a_prompt_ends_that_prompt_with_keyboard_interrupt(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with create_pipe_input() as pipe:
        app: Application[None] = Application(input=pipe, output=DummyOutput())

        def send_signal() -> None:
            os.kill(os.getpid(), signal.SIGTERM)

        app.pre_run_callables.append(lambda: app.loop.call_later(0.05, send_signal))  # type: ignore[union-attr]
        ended: list[object] = []
        real_exit = app.exit

        def spy_exit(**kwargs: object) -> None:
            ended.append(kwargs.get("exception"))
            real_exit(**kwargs)  # type: ignore[call-overload]

        app.exit = spy_exit  # type: ignore[method-assign]
        with (
            caplog.at_level(logging.WARNING),
            stops_like_ctrl_c(),
            pytest.raises(KeyboardInterrupt),
        ):
            app.run(handle_sigint=False)
    # Ended through the prompt's own exit, which restores the terminal before it raises.
    assert ended == [KeyboardInterrupt]
    assert not caplog.records, "nothing of prompt_toolkit's may log the interruption"


def test_a_signal_outside_a_prompt_raises_keyboard_interrupt_where_it_lands() -> None:
    with stops_like_ctrl_c(), pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGHUP)
        for _ in range(1000):  # the handler runs between two bytecodes of this loop
            pass


def test_the_previous_handlers_come_back() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with stops_like_ctrl_c():
        assert signal.getsignal(signal.SIGTERM) is not before
    assert signal.getsignal(signal.SIGTERM) is before
