"""Standard output that fails cleanly: a reader that went away, a full disk or a closed stream is
a message and an exit code, never a traceback (and never Python's exit status 120 when the final
flush fails).

:func:`guard_stdout` wraps ``sys.stdout`` once, in ``main``; every write and flush that fails
raises :class:`OutputClosed` (the reader closed the pipe: exit 141, like a Unix tool killed by
SIGPIPE, quietly) or :class:`OutputFailed` (exit 1, with the reason).
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

from careerfix.errors import CareerfixError, ExitCode


class OutputClosed(CareerfixError):
    """The reader of standard output went away (``careerfix … | head``)."""

    exit_code = ExitCode.BROKEN_PIPE


class OutputFailed(CareerfixError):
    """Standard output cannot be written (a full disk, a closed stream)."""

    exit_code = ExitCode.INPUT


class _GuardedStdout:
    """Delegates to the real stream; turns its OSErrors into careerfix errors."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:
            raise OutputFailed(_closed_message())
        try:
            return int(self._stream.write(text))
        except OSError as exc:
            raise _failure(exc) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as exc:
            raise _failure(exc) from None

    def isatty(self) -> bool:
        try:
            return self._stream is not None and bool(self._stream.isatty())
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        if self._stream is None:
            raise OSError(errno.EBADF, "standard output is closed")
        return int(self._stream.fileno())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _closed_message() -> str:
    from careerfix.i18n import resolve_lang, t

    return t("stdout_closed", resolve_lang())


def _failure(exc: OSError) -> CareerfixError:
    if exc.errno == errno.EPIPE or isinstance(exc, BrokenPipeError):
        silence_stdout()
        return OutputClosed("")
    from careerfix.i18n import resolve_lang, t

    return OutputFailed(t("stdout_failed", resolve_lang(), reason=exc.strerror or str(exc)))


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so the interpreter's last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def guard_stdout() -> None:
    if not isinstance(sys.stdout, _GuardedStdout):
        sys.stdout = _GuardedStdout(sys.stdout)


def finish_stdout() -> int | None:
    """Flush what is left; the exit code when that fails, else None."""
    try:
        sys.stdout.flush()
    except OutputClosed:
        return int(ExitCode.BROKEN_PIPE)
    except OutputFailed as exc:
        sys.stderr.write(f"careerfix: {exc.message}\n")
        return int(ExitCode.INPUT)
    return None


def stderr_is_terminal() -> bool:
    """Whether messages meant for a person (not a script) may be shown on stderr."""
    try:
        return bool(sys.stderr and sys.stderr.isatty())
    except (ValueError, AttributeError):  # a closed or replaced stream
        return False
