"""The one error hierarchy and the exit codes that are part of the CLI's contract."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from enum import IntEnum
from typing import Any, NamedTuple

from careerfix.models.lang import Lang


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


class Said:
    """A message by its i18n key and values, put into words only when shown.

    Errors are raised deep below the CLI, which alone knows the language; keeping the key lets
    the CLI print the same error in the language of the command. ``str()`` is the English text.
    Values may themselves be ``Said`` (a described value, a "did you mean" suffix).

    Immutable, and written out rather than declared ``dataclass(frozen=True)``, which compiles
    its methods with ``exec`` as this module loads (on every command, ``--help`` included); it
    compares by its own rule anyway (below).
    """

    key: str
    values: tuple[tuple[str, Any], ...]

    def __init__(self, key: str, values: tuple[tuple[str, Any], ...] = ()) -> None:
        fields = self.__dict__  # set directly: __setattr__ refuses every assignment
        fields["key"], fields["values"] = key, values

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __repr__(self) -> str:
        return f"Said(key={self.key!r}, values={self.values!r})"

    @classmethod
    def of(cls, key: str, **values: Any) -> Said:
        return cls(key, tuple(values.items()))

    def text(self, lang: Lang = "en") -> str:
        from careerfix.i18n import t  # i18n is imported by the CLI anyway; errors stays a leaf

        shown = {k: v.text(lang) if isinstance(v, Said) else v for k, v in self.values}
        return t(self.key, lang, **shown)

    def __str__(self) -> str:
        return self.text("en")

    # A message compares equal to its English text too, so code that matched messages as
    # strings (checks, tests) keeps working now that they are Said.
    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return str(self) == other
        if isinstance(other, Said):
            return (self.key, self.values) == (other.key, other.values)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))


def said_text(message: str | Said, lang: Lang = "en") -> str:
    return message.text(lang) if isinstance(message, Said) else message


class Problem(NamedTuple):
    """One located problem in a data file: ``file:line:col: field.path: message``."""

    file: str
    path: str
    message: str | Said
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def format(self, lang: Lang = "en") -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {said_text(self.message, lang)}"


class CareerfixError(Exception):
    """Root of every error the CLI turns into a message and an exit code."""

    exit_code: ExitCode = ExitCode.INPUT

    def __init__(self, message: str | Said) -> None:
        self.said = message
        # ``.message`` stays the English text: callers and tests compare it as a string.
        self.message = said_text(message)
        super().__init__(self.message)

    def text(self, lang: Lang = "en") -> str:
        return said_text(self.said, lang)


class InputError(CareerfixError):
    """The user's input (answers file, flag value, file on disk) cannot be used."""

    exit_code = ExitCode.INPUT


class ProblemsError(CareerfixError):
    """A data file has one or more located problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))

    def text(self, lang: Lang = "en") -> str:
        return "\n".join(p.format(lang) for p in self.problems)


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

    def __init__(self, message: str | Said, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind
