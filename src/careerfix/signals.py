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
import sys
from collections.abc import Iterator
from types import FrameType

_STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _stop(signum: int, frame: FrameType | None) -> None:
    # Raised at whatever line the main thread is on, a KeyboardInterrupt can land inside one of
    # prompt_toolkit's background tasks (its history loader logs it as a traceback and the prompt
    # runs on). A running prompt is therefore asked to end itself the way Ctrl-C ends it.
    if not _end_running_prompt():
        raise KeyboardInterrupt


def _end_running_prompt() -> bool:
    current = sys.modules.get("prompt_toolkit.application.current")
    if current is None:  # no prompt was ever shown: nothing of prompt_toolkit to unwind
        return False
    app = current.get_app_or_none()
    loop = getattr(app, "loop", None)
    if app is None or loop is None or not app.is_running or app.future is None:
        return False
    if app.future.done():
        return True  # already ending (a second signal): its KeyboardInterrupt is on the way

    def end() -> None:
        if app.future is not None and not app.future.done():
            app.exit(exception=KeyboardInterrupt, style="class:aborting")

    loop.call_soon_threadsafe(end)
    return True


@contextlib.contextmanager
def stops_like_ctrl_c() -> Iterator[None]:
    """Within this block, SIGTERM and SIGHUP stop careerfix as Ctrl-C does."""
    previous = {sig: signal.signal(sig, _stop) for sig in _STOPPING}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
