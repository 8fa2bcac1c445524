"""A typer command with the same options as ``careerfix assess`` that does nothing.

Not careerfix: it shows what any command with these options costs to start with the installed
typer, the floor under ``careerfix assess``. Under typer 0.29 that floor alone is about 15×
``python -c pass`` (typer imports pydantic and builds a pydantic TypeAdapter per option), which is
why careerfix holds typer below 0.29. Run by ``benchmarks/startup.py``.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(rich_markup_mode=None)


class Format(StrEnum):
    text = "text"
    json = "json"


@app.command()
def assess(
    answers: Annotated[str | None, typer.Option("--answers")] = None,
    fmt: Annotated[Format, typer.Option("--format")] = Format.text,
    output: Annotated[Path | None, typer.Option("--output")] = None,
    target: Annotated[str | None, typer.Option("--target")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set")] = None,
    resume: Annotated[bool | None, typer.Option("--resume/--restart")] = None,
    save_answers: Annotated[Path | None, typer.Option("--save-answers")] = None,
    rules: Annotated[Path | None, typer.Option("--rules")] = None,
    lang: Annotated[str | None, typer.Option("--lang")] = None,
) -> None:
    """Parse the options, do nothing."""


@app.command()
def other() -> None:
    """A second command, so typer builds a group as careerfix does."""


if __name__ == "__main__":
    app()
