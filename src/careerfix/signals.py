"""The one place that decides what a signal does to careerfix.

During the interview, SIGTERM (``kill``) and SIGHUP (the terminal window closed) take the same
path as Ctrl-C: they raise :class:`KeyboardInterrupt` where the program is, so prompt_toolkit
leaves raw mode and restores the terminal as it unwinds, the draft (saved after every answer)
stays, and the user is told how to resume — instead of a process that dies with the terminal
left in raw mode and no word said.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType

_STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def stops_like_ctrl_c() -> Iterator[None]:
    """Within this block, SIGTERM and SIGHUP stop careerfix as Ctrl-C does."""
    previous = {sig: signal.signal(sig, _stop) for sig in _STOPPING}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
