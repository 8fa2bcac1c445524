"""The command line: parse flags, pick the answer source and renderer, map errors to exit codes.

Heavy modules (pydantic models, PyYAML, questionary, rich) are imported inside the commands that
use them, so ``careerfix --help`` stays fast (see docs/benchmarks.md).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from careerfix import __version__
from careerfix.errors import CareerfixError, ExitCode, ProblemsError
from careerfix.i18n import default_lang, t


class _Group(TyperGroup):
    """Turns every :class:`CareerfixError` into a message on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CareerfixError as exc:
            _report_error(exc)
            ctx.exit(int(exc.exit_code))


def _report_error(exc: CareerfixError) -> None:
    if isinstance(exc, ProblemsError):
        for problem in exc.problems:
            sys.stderr.write(f"careerfix: {problem.format()}\n")
    else:
        sys.stderr.write(f"careerfix: {exc.message}\n")
    sys.stderr.flush()


HELP = """Find out where your operations career really stands, and what to do next.

careerfix scores what you have actually done against the five base modules of
internet operations (user, content, activity, copywriting, community-group ops),
tells you what kind of job you really hold, and prints a gap report and a plan.


Start here:
  careerfix rules show            what is measured, at a glance
  careerfix rules check [DIR]     validate a rules pack (yours or the shipped one)


Exit codes: 0 ok · 1 bad input · 2 usage · 3 invalid rules pack ·
            4 no terminal for the interview · 130 interrupted
"""

app = typer.Typer(
    name="careerfix",
    cls=_Group,
    help=HELP,
    rich_markup_mode=None,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
rules_app = typer.Typer(
    help="Inspect and validate a rules pack (the method as data).",
    rich_markup_mode=None,
    no_args_is_help=True,
)
app.add_typer(rules_app, name="rules")


class Lang(str, Enum):
    zh = "zh"
    en = "en"


RulesOpt = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        envvar="CAREERFIX_RULES",
        help="Use the rules pack in DIR instead of the shipped one (also $CAREERFIX_RULES).",
        metavar="DIR",
        file_okay=False,
    ),
]
LangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of the output: zh or en. Default: from the locale (LANG), else en.",
        case_sensitive=False,
    ),
]


def _lang(lang: Lang | None) -> str:
    return lang.value if lang is not None else default_lang()


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"careerfix {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Find out where your operations career really stands, and what to do next."""


@rules_app.command("check")
def rules_check(
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="The pack to check. Default: --rules, $CAREERFIX_RULES, or the shipped pack.",
            metavar="[DIR]",
            show_default=False,
        ),
    ] = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    """Validate a rules pack and list every problem as file:line:col: field: message.

    Exits 0 when the pack is valid and 3 when it is not (1 when DIR does not exist).
    """
    from careerfix.rules import check_pack, resolve_rules_dir

    where = resolve_rules_dir(directory or rules)
    pack, problems = check_pack(where)
    code = _lang(lang)
    if problems:
        for problem in problems:
            sys.stdout.write(problem.format() + "\n")
        sys.stderr.write(f"careerfix: {t('pack_problems', code, n=len(problems))}\n")
        raise typer.Exit(int(ExitCode.RULES))
    assert pack is not None
    sys.stderr.write(
        f"careerfix: {t('pack_ok', code, where=f'{pack.id} {pack.version} ({where})')}\n"
    )


@rules_app.command("show")
def rules_show(rules: RulesOpt = None, lang: LangOpt = None) -> None:
    """Show the model at a glance: modules, competencies, question counts, target roles."""
    from careerfix.render.console import make_console
    from careerfix.render.pack import render_pack
    from careerfix.rules import load_pack

    pack = load_pack(rules)
    console = make_console()
    render_pack(console, pack, _lang(lang))


def main() -> None:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):
        # A legacy code page must not crash on Chinese text (stack-pitfalls B4).
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8", errors="backslashreplace")
    app()
