"""The one error hierarchy and the exit codes that are part of the CLI's contract."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Documented process exit codes (README, "Exit codes")."""

    OK = 0
    INPUT = 1  # invalid answers file, unknown role, unreadable file, other user input
    USAGE = 2  # bad command-line usage (reported by the CLI parser)
    RULES = 3  # the rules pack is invalid
    NO_TERMINAL = 4  # an interview was needed but stdin/stderr is not a terminal
    STORE = 5  # the history database cannot be used (locked, read-only, full, corrupt)
    IN_USE = 6  # another careerfix process is interviewing the same person in the same home
    INTERRUPTED = 130  # Ctrl-C / Ctrl-D during the interview
    BROKEN_PIPE = 141  # the reader of stdout went away (as a Unix tool killed by SIGPIPE)


@dataclass(frozen=True)
class Problem:
    """One located problem in a data file: ``file:line:col: field.path: message``."""

    file: str
    path: str
    message: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def format(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


class CareerfixError(Exception):
    """Root of every error the CLI turns into a message and an exit code."""

    exit_code: ExitCode = ExitCode.INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(CareerfixError):
    """The user's input (answers file, flag value, file on disk) cannot be used."""

    exit_code = ExitCode.INPUT


class ProblemsError(CareerfixError):
    """A data file has one or more located problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


class AnswersError(ProblemsError):
    """An answers file is invalid."""

    exit_code = ExitCode.INPUT


class RulesError(ProblemsError):
    """A rules pack is invalid."""

    exit_code = ExitCode.RULES


class NoTerminalError(CareerfixError):
    """An interactive session was needed but there is no terminal."""

    exit_code = ExitCode.NO_TERMINAL


class InterruptedByUser(CareerfixError):
    """The user stopped the interview (Ctrl-C or Ctrl-D)."""

    exit_code = ExitCode.INTERRUPTED


class DraftInUseError(CareerfixError):
    """Another careerfix process holds the interview draft of the same person."""

    exit_code = ExitCode.IN_USE


class StoreError(CareerfixError):
    """The history database cannot be used: locked, read-only, full, corrupt or too new."""

    exit_code = ExitCode.STORE

    def __init__(self, message: str, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind
