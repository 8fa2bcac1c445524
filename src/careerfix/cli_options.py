"""Options that several commands share, declared once (cli.py and cli_history.py both use them).

Kept in a module of their own so that ``careerfix assess`` does not import the history
commands only to reuse an option's declaration.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from careerfix.models.lang import Lang

# One line per command: the root help lists these (built from no command), and each command
# gives its own as its short help.
SUMMARIES: dict[str, str] = {
    "assess": "The interview, or score an answers file; print the report.",
    "questions": "A fillable answers template: every question and its choices.",
    "compare": "Compare two ratings of one person (self and manager).",
    "roles": "The target roles and the levels each one needs.",
    "rules": "Inspect and validate a rules pack (the method as data).",
    "rules show": "The model at a glance: modules, competencies, roles.",
    "rules source": "One source of the method and the rules that cite it.",
    "rules check": "Validate a rules pack; every problem as file:line:col.",
    "schema": "The JSON Schema of the report or of an answers file.",
    "history": "Past assessments, kept on this machine; what changed.",
    "plan": "Your latest plan; mark its items done.",
}


# What --lang falls back to, said the same way by every command that has it.
LANG_DEFAULT = "Default: CAREERFIX_LANG, else the locale, else en."


def lang_option(what: str, default: str = LANG_DEFAULT) -> Any:
    """``--lang``, its help saying what it changes in this command (``what``)."""
    return typer.Option("--lang", help=f"{what}: zh or en. {default}", case_sensitive=False)


class ListFormat(StrEnum):
    text = "text"
    json = "json"


MessagesLangOpt = Annotated[Lang | None, lang_option("Language of the messages")]
RulesOpt = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        envvar="CAREERFIX_RULES",
        help="Use the rules pack in DIR instead of the shipped one.",
        metavar="DIR",
        file_okay=False,
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Do not say which files were written (errors and warnings still go to stderr).",
    ),
]


def json_text(data: Any) -> str:
    """What every command prints for --format json: indented, Chinese as it is, one final newline."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
