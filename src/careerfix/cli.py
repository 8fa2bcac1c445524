"""The command line: parse flags, pick the answer source and renderer, map errors to exit codes.

Heavy modules (pydantic models, PyYAML, questionary, rich) are imported inside the commands that
use them, so ``careerfix --help`` stays fast (see docs/benchmarks.md).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from careerfix import __version__
from careerfix.cli_groups import LazyGroup, command_app
from careerfix.cli_help import HelpGroup
from careerfix.cli_options import SUMMARIES, ListFormat, QuietOpt, RulesOpt, json_text, lang_option
from careerfix.errors import (
    CareerfixError,
    ExitCode,
    InputError,
    InterruptedByUser,
    NoTerminalError,
    ProblemsError,
)
from careerfix.i18n import lang_in_argv, plural, resolve_lang, t
from careerfix.models.lang import Lang
from careerfix.safe_text import block, inline


class _Group(LazyGroup):
    """Turns every :class:`CareerfixError` into a message on stderr and its exit code."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Kept so an error is worded in the command's --lang (sys.argv is not it in-process).
        ctx.meta["careerfix_argv"] = list(args)
        result: list[str] = super().parse_args(ctx, args)
        return result

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CareerfixError as exc:
            if exc.message:  # a reader that went away needs no message
                _report_error(exc, ctx.meta.get("careerfix_argv"))
            ctx.exit(int(exc.exit_code))

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The commands by task (COMMAND_GROUPS), not in one flat list: a newcomer sees
        ``assess`` first, and a pack author finds ``rules check`` under its own heading.
        Listed from SUMMARIES, so the help builds no command."""
        listed = {path.split()[0] for _, paths in COMMAND_GROUPS for path in paths}
        # A command added later but not yet placed in a group is still listed.
        rest = [name for name in self.list_commands(ctx) if name not in listed]
        sections = [*COMMAND_GROUPS, ("Other commands", rest)]
        names = [path for _, paths in sections for path in paths]
        wide = max(len(name) for name in names)
        for title, paths in sections:
            if paths:
                with formatter.section(title):
                    # Padded to one width so that the sections line up as a single table.
                    limit = formatter.width - 6 - wide
                    rows = [(p.ljust(wide), self._summary(ctx, p, limit)) for p in paths]
                    formatter.write_dl(rows)

    def _summary(self, ctx: Any, path: str, limit: int) -> str:
        if path in SUMMARIES:
            return SUMMARIES[path]
        return str(self.get_command(ctx, path).get_short_help_str(limit))


def _report_error(exc: CareerfixError, argv: list[str] | None = None) -> None:
    # The language of the command: its --lang, else CAREERFIX_LANG, else the locale.
    lang = resolve_lang(lang_in_argv(sys.argv[1:] if argv is None else argv))
    if isinstance(exc, ProblemsError):
        for problem in exc.problems:
            sys.stderr.write(f"careerfix: {inline(problem.format(lang))}\n")
    else:
        sys.stderr.write(f"careerfix: {block(exc.text(lang))}\n")
    sys.stderr.flush()


# The root help, kept as plain data (texts, then the command groups) so that a later
# translation can swap them without touching the formatting code.
HELP = """Find out where your operations career really stands, and what to do next.

careerfix scores what you have actually done against the five base modules of
internet operations (user, content, activity, copywriting, community-group ops),
tells you what kind of job you really hold, and prints a gap report and a plan.

\b
Start here:
  careerfix assess             the interview (about 20 minutes; --quick: 5)
  careerfix assess -a FILE     score a filled-in answers file (YAML or JSON)
  careerfix questions          a blank answers file to fill in
"""

EPILOG = """\b
Exit codes: 0 ok · 1 bad input · 2 usage · 3 invalid rules pack ·
            4 no terminal for the interview · 5 history database unusable ·
            6 interview already running · 130 interrupted ·
            141 the reader of the output went away

Every command has examples: careerfix COMMAND --help.
"""

COMMAND_GROUPS: list[tuple[str, list[str]]] = [
    ("Assess", ["assess", "questions", "compare"]),
    ("Inspect the method", ["roles", "rules show", "rules source", "schema"]),
    ("History", ["history", "plan"]),
    ("For pack authors", ["rules check"]),
]

app = typer.Typer(
    name="careerfix",
    cls=_Group,
    help=HELP,
    epilog=EPILOG,
    rich_markup_mode=None,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


rules_app = command_app(
    cls=HelpGroup,
    help="Inspect and validate a rules pack (the method as data).\n\n"
    "\b\nExamples:\n"
    "  careerfix rules show\n"
    "  careerfix rules source S22\n"
    "  careerfix rules check my-pack/",
    short_help=SUMMARIES["rules"],
    no_args_is_help=True,
)
assess_app = command_app()
questions_app = command_app()
roles_app = command_app()
compare_app = command_app()
schema_app = command_app()


def _history_app() -> typer.Typer:
    from careerfix.cli_history import history_app

    return history_app


def _plan_app() -> typer.Typer:
    from careerfix.cli_history import plan_app

    return plan_app


# Every top-level command, in the order of the help's "Other commands" fallback. typer reads every
# parameter's type hints to build a click command (about 1 ms a command), so only the command
# that runs is built; the root help lists the summaries without building any.
_Group.lazy = {
    "assess": lambda: assess_app,
    "questions": lambda: questions_app,
    "roles": lambda: roles_app,
    "compare": lambda: compare_app,
    "schema": lambda: schema_app,
    "rules": lambda: rules_app,
    "history": _history_app,
    "plan": _plan_app,
}


def _lang(lang: Lang | None) -> Lang:
    return resolve_lang(lang)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"careerfix {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Find out where your operations career really stands, and what to do next."""


@rules_app.command("check", short_help=SUMMARIES["rules check"])
def rules_check(
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="The pack to check. Default: --rules (or its env var), or the shipped pack.",
            metavar="[DIR]",
            show_default=False,
        ),
    ] = None,
    rules: RulesOpt = None,
    lang: Annotated[Lang | None, lang_option("Language of the summary line on stderr")] = None,
) -> None:
    """Validate a rules pack and list every problem as file:line:col: field: message.

    Exits 0 when the pack is valid and 3 when it is not (1 when DIR does not exist).

    \b
    Examples:
      careerfix rules check
      careerfix rules check --rules ~/packs/ops-2027
      careerfix rules check my-pack/ --lang zh
    """
    from careerfix.rules import check_pack, resolve_rules_dir

    where = resolve_rules_dir(directory or rules)
    pack, problems = check_pack(where)
    code = _lang(lang)
    if problems:
        for problem in problems:
            sys.stdout.write(inline(problem.format(code)) + "\n")
        sys.stderr.write(f"careerfix: {plural('pack_problems', code, len(problems))}\n")
        raise typer.Exit(int(ExitCode.RULES))
    assert pack is not None
    sys.stderr.write(
        f"careerfix: {t('pack_ok', code, where=f'{pack.id} {pack.version} ({where})')}\n"
    )


@rules_app.command("show", short_help=SUMMARIES["rules show"])
def rules_show(
    rules: RulesOpt = None,
    lang: Annotated[Lang | None, lang_option("Language of the names and texts")] = None,
) -> None:
    """Show the model at a glance: modules, competencies, target roles, levels, sources.

    \b
    Examples:
      careerfix rules show
      careerfix rules show --lang zh
      careerfix rules show --rules my-pack/
    """
    from careerfix.render.pack import render_pack
    from careerfix.rules import load_pack
    from careerfix.terminal import print_rendered

    pack = load_pack(rules)
    code = _lang(lang)
    print_rendered(lambda console: render_pack(console, pack, code))


@rules_app.command("source", short_help=SUMMARIES["rules source"])
def rules_source(
    source_id: Annotated[
        str,
        typer.Argument(
            help="A source id of the pack, e.g. S22 (all of them: 'careerfix rules show').",
            metavar="ID",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="text (a list) or json (for scripts).")
    ] = ListFormat.text,
    rules: RulesOpt = None,
    lang: Annotated[Lang | None, lang_option("Language of the title and the rules")] = None,
) -> None:
    """Show one source of the method and every rule that cites it.

    The ids in brackets in a report ([S22]) are these sources. Exits 1 when the pack has no
    source ID.

    \b
    Examples:
      careerfix rules source S22
      careerfix rules source S9 --lang zh
      careerfix rules source S17 --format json
    """
    from careerfix.rules import load_pack
    from careerfix.sources import cited_by, source_span

    pack = load_pack(rules)
    code = _lang(lang)
    sid = source_id.strip().upper()
    if sid not in pack.meta.sources:
        raise InputError(
            t("source_unknown", code, id=source_id, span=source_span(set(pack.meta.sources)))
        )
    if fmt is ListFormat.json:
        data = {
            "pack": {"id": pack.id, "version": pack.version},
            "id": sid,
            "title": pack.meta.sources[sid].get(code),
            "cited_by": [
                {
                    "file": c.file,
                    "kind": c.kind,
                    "id": c.id,
                    "text": c.text.get(code) if c.text is not None else None,
                }
                for c in cited_by(pack, sid)
            ],
        }
        _write(json_text(data), None)
        return
    from careerfix.render.pack import render_source
    from careerfix.terminal import print_rendered

    print_rendered(lambda console: render_source(console, pack, sid, code))


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class TemplateFormat(StrEnum):
    yaml = "yaml"
    json = "json"


class SchemaKind(StrEnum):
    report = "report"
    answers = "answers"


@assess_app.command("assess", short_help=SUMMARIES["assess"])
def assess(
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            "-a",
            help="Answers file (YAML or JSON; '-' reads stdin). Without it, the interview starts.",
            metavar="FILE",
        ),
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="text (terminal), markdown, or json (for scripts)."),
    ] = Format.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to FILE instead of stdout.",
            metavar="FILE",
            dir_okay=False,
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            "-t",
            help="Target role id (see 'careerfix roles'). Default: the answers' target, else the best fit.",
            metavar="ROLE",
        ),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="Override one answer: QUESTION=VALUE (repeatable; commas for multi-choice). Wins over the file.",
            metavar="Q=V",
        ),
    ] = None,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive",
            help="With --answers: start the interview from the file's answers (and --set's), "
            'and ask only what it leaves out or answers "not sure".',
        ),
    ] = False,
    resume: Annotated[
        bool | None,
        typer.Option(
            "--resume/--restart",
            help="Interview only: continue the saved draft, or discard it and start over. "
            "Default: ask when a draft exists.",
            show_default=False,
        ),
    ] = None,
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            help="Interview only: the short interview (what your job really is, how close it "
            "sits to the company's core, one question per module) for a first look; the report "
            "says what it leaves out.",
        ),
    ] = False,
    save_answers: Annotated[
        Path | None,
        typer.Option(
            "--save-answers",
            help="Also write the final answers to FILE (YAML), for scripted re-runs.",
            metavar="FILE",
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Let --save-answers replace an existing FILE (without it careerfix refuses; "
            "the report's --output FILE is always replaced).",
        ),
    ] = False,
    quiet: QuietOpt = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Print a long text report straight to the terminal (default: through $PAGER, "
            "or less, when stdout is a terminal; PAGER=cat also turns it off).",
        ),
    ] = False,
    person: Annotated[
        str | None,
        typer.Option(
            "--person",
            "-p",
            help="Who the assessment is about, to keep several people apart in the history "
            "and their interview drafts (default: your user name).",
            metavar="NAME",
        ),
    ] = None,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Do not keep this assessment in the history.")
    ] = False,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            envvar="CAREERFIX_DB",
            help="The history database file (default: in the data directory).",
            metavar="FILE",
            dir_okay=False,
        ),
    ] = None,
    rules: RulesOpt = None,
    lang: Annotated[
        Lang | None,
        lang_option(
            "Language of the interview and the report",
            "Default: the answers file's lang, else CAREERFIX_LANG, else the locale, else en.",
        ),
    ] = None,
) -> None:
    """Score your experience and print the report: role verdict, module bars, gaps, plan.

    Without --answers, an interview starts in the terminal (about 20 minutes; --quick: about
    5). Every answer is saved as you go; Ctrl-C stops (exit 130) and the next run offers to
    resume.

    \b
    Examples:
      careerfix assess --quick
      careerfix assess -a examples/platform-kol-operator.yaml --target user_ops
      careerfix assess -a answers.yaml --format markdown -o report.md
    """
    if (answers is None or interactive) and not _has_terminal():
        # At once, before any slow import: a script must never hang on a prompt.
        raise NoTerminalError(t("no_terminal", _lang(lang)))

    from careerfix.answers import (
        answers_from_data,
        check_target,
        load_answers,
        parse_overrides,
        to_data,
    )
    from careerfix.rules import load_pack

    if quick and answers is not None:
        raise InputError(t("quick_with_answers", _lang(lang)))
    _refuse_inputs([output, save_answers], [answers], _lang(lang))
    pack = load_pack(rules)
    check_target(pack, target)
    overrides = parse_overrides(set_ or [], pack)
    store = None
    if answers is None or interactive:
        from careerfix.launch import imports_kept

        with imports_kept():  # questionary and prompt_toolkit: the interview's start-up
            from careerfix.interview import Prefill

        if save_answers is not None and not force:
            _refuse_existing(save_answers, _lang(lang))  # now, not after the whole interview
        prefill = Prefill()
        if answers is not None:
            known = load_answers(answers, pack)
            prefill = Prefill(dict(known.answers), dict.fromkeys(known.answers, "file"))
            prefill.evidence = dict(known.evidence)
            target, lang = target or known.target, lang or known.lang
        prefill.answers.update(overrides)
        prefill.source.update(dict.fromkeys(overrides, "set"))
        draft, store = _interview(pack, target, resume, lang, person, quick=quick, prefill=prefill)
        # The overrides are in the draft already: applied again, they would undo a change
        # made in the interview.
        given = answers_from_data(to_data(draft), None, "<interview>", pack)
    else:
        given = load_answers(answers, pack, overrides)
    code = resolve_lang(lang, given.lang)
    if save_answers is not None:
        _save_answers(given, save_answers, code, quiet=quiet, force=force)
    for change in pack.changes_since(given.written_for):
        sys.stderr.write(
            "careerfix: "
            + t("pack_changed", code, old=given.written_for, new=change.version)
            + change.note.get(code)
            + "\n"
        )
    # Imported only now, so that the interview's first question does not wait for the engine.
    from careerfix.engine import assess as run_assessment

    result = run_assessment(pack, given, target)
    from careerfix.render.build import build_report

    short = None
    if quick:
        from careerfix.interview import quick_questions

        short = (len(quick_questions(pack)), len(pack.questions))
    report = build_report(pack, given, result, code, quick=short)
    notes: list[str] = []
    # Made once: the history keeps it and --format json prints it.
    data = report.to_data() if not no_save or fmt is Format.json else None
    if data is not None and not no_save:  # before the draft goes: the answers are kept
        from careerfix.history.keep import save_to_history

        notes = save_to_history(data, person=person, db=db, lang=code, quiet=quiet)
    _emit_report(
        pack,
        given,
        result,
        code,
        fmt,
        output,
        pager=not no_pager,
        quiet=quiet,
        report=report,
        data=data,
    )
    for note in notes:
        sys.stderr.write(f"careerfix: {note}\n")
    if store is not None:
        _end_interview(store, code)


def _has_terminal() -> bool:
    try:
        return bool(sys.stdin and sys.stdin.isatty() and sys.stderr and sys.stderr.isatty())
    except (ValueError, AttributeError):  # closed streams
        return False


def _interview(
    pack: Any,
    target: str | None,
    resume: bool | None,
    lang: Lang | None,
    person: str | None = None,
    *,
    quick: bool = False,
    prefill: Any = None,
) -> tuple[Any, Any]:
    """Run the interview; on Ctrl-C / Ctrl-D say what was saved and exit 130.

    Returns the draft and its (locked) store; a second interview of the same person in the same
    home is refused while this one holds the lock.
    """
    from careerfix.drafts import DraftInUse, DraftStore, draft_path
    from careerfix.errors import DraftInUseError
    from careerfix.history.people import draft_key
    from careerfix.interview import Discarded, Interview, Say, open_draft
    from careerfix.prompting import make_prompter
    from careerfix.signals import stops_like_ctrl_c

    store = DraftStore(draft_path(pack, draft_key(person)))
    flag = lang
    try:
        store.lock()
    except DraftInUse as busy:
        message = t("draft_in_use", resolve_lang(flag), pid=busy.pid, path=busy.path)
        raise DraftInUseError(message) from None
    say = Say()
    prompter = make_prompter()
    draft = None
    try:
        with stops_like_ctrl_c():
            draft = open_draft(pack, prompter, say, store, resume, flag)
            Interview(pack, prompter, say, store, draft, quick=quick, prefill=prefill).run(target)
    except Discarded:
        store.release()
        say(t("draft_discarded", resolve_lang(flag)))
        raise typer.Exit(0) from None
    except (KeyboardInterrupt, EOFError):
        store.release()
        raise _stopped(store, draft, flag) from None
    except BaseException:
        store.release()
        raise
    return draft, store


def _stopped(store: Any, draft: Any, flag: Lang | None) -> InterruptedByUser:
    """What to say when the interview is stopped: what was saved and how to go on, or, when
    nothing could be saved, the answers themselves (so that none is lost)."""
    import contextlib

    from careerfix.drafts import DamagedDraft, load_draft

    on_disk = draft
    if on_disk is None:  # stopped at the resume menu: what is on disk is still there
        with contextlib.suppress(DamagedDraft):
            on_disk = load_draft(store.path)
    saved = len(on_disk.answers) if on_disk is not None else 0
    code = resolve_lang(on_disk.lang if on_disk is not None else None, flag)
    if store.unsaved is not None and draft is not None and (draft.answers or draft.evidence):
        import yaml

        from careerfix.answers import to_data

        text = yaml.safe_dump(to_data(draft), allow_unicode=True, sort_keys=False)
        reason = store.unsaved
        head = t("interrupted_unsaved", code, n=saved, path=store.path, reason=reason)
        return InterruptedByUser(f"{head}\n{text.rstrip()}")
    if saved == 0 and not store.path.exists():
        return InterruptedByUser(t("interrupted_empty", code))
    return InterruptedByUser(t("interrupted", code, n=saved, path=store.path))


def _end_interview(store: Any, lang: Lang) -> None:
    """The report is out: the draft goes (or, when it could never be saved, the user is told)."""
    if store.unsaved is not None:
        note = t("draft_unsaved_end", lang, path=store.path, reason=store.unsaved)
        sys.stderr.write(f"careerfix: {note}\n")
    store.discard()
    store.release()


def _refuse_existing(path: Path, lang: Lang) -> None:
    """A file the user filled in (answers, a template) is never replaced without --force;
    ``/dev/null``, a FIFO or a terminal hold nothing to lose."""
    from careerfix.atomic_write import is_replaceable

    if (path.exists() or path.is_symlink()) and is_replaceable(path):
        raise InputError(t("file_exists", lang, path=path))


def _refuse_inputs(outputs: list[Path | None], inputs: list[str | None], lang: Lang) -> None:
    """No file this command reads is written over by it (``-a me.yaml -o me.yaml`` would lose
    the answers): refused before any work is done."""
    import contextlib
    import stat

    read = []
    for name in inputs:
        if name and name != "-":
            with contextlib.suppress(OSError):
                read.append(Path(name).stat())
    for out in outputs:
        if out is None:
            continue
        try:
            st = out.stat()
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode) and any(
            (st.st_dev, st.st_ino) == (r.st_dev, r.st_ino) for r in read
        ):
            raise InputError(t("output_is_input", lang, path=out))


def _save_answers(given: Any, path: Path, lang: Lang, *, quiet: bool, force: bool) -> None:
    import yaml

    from careerfix.answers import to_data

    text = yaml.safe_dump(to_data(given), allow_unicode=True, sort_keys=False)
    _write(text, path, lang, quiet=quiet, overwrite=force, done="saved_answers")


def _emit_report(
    pack: Any,
    given: Any,
    result: Any,
    lang: Lang,
    fmt: Format,
    output: Path | None,
    pager: bool = False,
    quiet: bool = False,
    report: Any = None,
    data: dict[str, Any] | None = None,
) -> None:
    from careerfix.render.build import build_report

    if report is None:
        report = build_report(pack, given, result, lang)
    if fmt is Format.json:
        from careerfix.models.report import data_json

        text = data_json(data) if data is not None else report.to_json()
        _write(text + "\n", output, lang, quiet=quiet)
    elif fmt is Format.markdown:
        from careerfix.render.markdown import render_markdown

        _write(render_markdown(report), output, lang, quiet=quiet)
    else:
        from careerfix.render.text import print_report, text_report

        if output is not None:
            _write(text_report(report), output, lang, quiet=quiet)
        elif pager and _stdout_is_terminal():
            from careerfix.lines import colour_wanted
            from careerfix.terminal import page

            page(text_report(report, colour=colour_wanted(sys.stdout)))
        else:
            print_report(report, sys.stdout)


def _stdout_is_terminal() -> bool:
    try:
        return bool(sys.stdout and sys.stdout.isatty())
    except (ValueError, AttributeError):
        return False


def _write(
    text: str,
    output: Path | None,
    lang: Lang = "en",
    *,
    quiet: bool = False,
    overwrite: bool = True,
    done: str = "wrote",
) -> None:
    """Products go to stdout raw (never through rich), or atomically to --output.

    A file keeps the permission bits of the one it replaces (a new one follows the umask);
    ``overwrite=False`` refuses an existing file. The ``done`` message (in ``lang``) says where
    it went, unless ``quiet``.
    """
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from careerfix.atomic_write import atomic_write_text

    try:
        atomic_write_text(output, text, overwrite=overwrite)
    except FileExistsError:
        raise InputError(t("file_exists", lang, path=output)) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(t("cannot_write", lang, path=output, reason=reason)) from None
    if not quiet:
        sys.stderr.write(f"careerfix: {t(done, lang, path=output)}\n")


@questions_app.command("questions", short_help=SUMMARIES["questions"])
def questions(
    fmt: Annotated[
        TemplateFormat,
        typer.Option(
            "--format", "-f", help="yaml (commented, to fill by hand) or json (for scripts)."
        ),
    ] = TemplateFormat.yaml,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the template to FILE.", metavar="FILE", dir_okay=False
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Let --output replace an existing FILE (without it careerfix refuses, so a "
            "filled-in template is never lost).",
        ),
    ] = False,
    quiet: QuietOpt = False,
    rules: RulesOpt = None,
    lang: Annotated[Lang | None, lang_option("Language of the questions and comments")] = None,
) -> None:
    """Print a fillable answers template: every question with its id, choices and levels.

    Fill in the values you know (leave the rest empty: they count as unknown, not zero) and run
    'careerfix assess --answers FILE'.

    \b
    Examples:
      careerfix questions -o answers.yaml
      careerfix questions --lang zh -o answers.yaml
      careerfix questions --format json > answers.json
    """
    from careerfix.rules import load_pack
    from careerfix.template import template_json, template_yaml

    pack = load_pack(rules)
    code = _lang(lang)
    text = template_json(pack, code) if fmt is TemplateFormat.json else template_yaml(pack, code)
    _write(text, output, code, quiet=quiet, overwrite=force)


class RolesFormat(StrEnum):
    text = "text"
    json = "json"
    yaml = "yaml"


@roles_app.command("roles", short_help=SUMMARIES["roles"])
def roles(
    fmt: Annotated[
        RolesFormat,
        typer.Option(
            "--format", "-f", help="text (one block per role), json or yaml (for scripts)."
        ),
    ] = RolesFormat.text,
    rules: RulesOpt = None,
    lang: Annotated[Lang | None, lang_option("Language of the role texts")] = None,
) -> None:
    """List the target roles and the level (0-4) each needs in its core competencies.

    \b
    Examples:
      careerfix roles
      careerfix roles --lang zh
      careerfix roles --format json
    """
    from careerfix.rules import load_pack

    pack = load_pack(rules)
    code = _lang(lang)
    if fmt is not RolesFormat.text:
        from careerfix.template import roles_data

        data = roles_data(pack, code)
        if fmt is RolesFormat.yaml:
            import yaml

            _write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), None)
        else:
            _write(json_text(data), None)
        return
    from careerfix.render.pack import render_roles
    from careerfix.terminal import print_rendered

    print_rendered(lambda console: render_roles(console, pack, code))


@compare_app.command("compare", short_help=SUMMARIES["compare"])
def compare_raters(
    first: Annotated[
        str,
        typer.Argument(
            metavar="A",
            help="An answers file, a report JSON or a stored assessment (last, last~1, an id): "
            "the first rater.",
        ),
    ],
    second: Annotated[str, typer.Argument(metavar="B", help="The same for the second rater.")],
    labels: Annotated[
        str | None,
        typer.Option(
            "--labels", help="Names for the two sides, e.g. self,manager. Default: the file names."
        ),
    ] = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="text or json.")
    ] = ListFormat.text,
    target: Annotated[
        str | None,
        typer.Option(
            "--target", help="Score both answers files against this role (see 'careerfix roles')."
        ),
    ] = None,
    person: Annotated[
        str | None,
        typer.Option(
            "--person",
            "-p",
            help="Whose history 'last' and 'last~N' refer to (default: your user name).",
            metavar="NAME",
        ),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            envvar="CAREERFIX_DB",
            help="The history database to find stored assessments in (default: in the data "
            "directory).",
            metavar="FILE",
            dir_okay=False,
        ),
    ] = None,
    rules: RulesOpt = None,
    lang: Annotated[Lang | None, lang_option("Language of the comparison")] = None,
) -> None:
    """Compare two ratings of one person: a self-assessment and a manager's or mentor's.

    Shows where the two differ by more than one level, the two verdicts side by side, and a
    merged view with each side's evidence.

    \b
    Examples:
      careerfix compare me.yaml manager.yaml --labels self,manager
      careerfix compare me.yaml mentor-report.json --format json
      careerfix compare last manager.yaml --person lin --labels self,manager
    """
    from pathlib import PurePath

    from careerfix.answers import check_target
    from careerfix.raters import compare
    from careerfix.rules import load_pack
    from careerfix.sides import load_side

    pack = load_pack(rules)
    check_target(pack, target)
    code = _lang(lang)
    names = [n.strip() for n in labels.split(",")] if labels else []
    if len(names) != 2 or not all(names):
        names = [PurePath(first).name, PurePath(second).name]
        if names[0] == names[1]:
            names = ["A", "B"]
    a = load_side(first, pack, code, target, person=person, db=db)
    b = load_side(second, pack, code, target, person=person, db=db)
    result = compare(a, b, (names[0], names[1]))
    if fmt is ListFormat.json:
        _write(json_text(result.to_data()), None)
        return
    from careerfix.render.raters import render_comparison
    from careerfix.terminal import print_rendered

    print_rendered(lambda console: render_comparison(console, result, code))


@schema_app.command("schema", short_help=SUMMARIES["schema"])
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            help="report: the JSON of 'assess --format json'; answers: an answers file.",
            metavar="[report|answers]",
        ),
    ] = SchemaKind.report,
) -> None:
    """Print the JSON Schema of the report (or of an answers file), generated from the models.

    \b
    Examples:
      careerfix schema > report.schema.json
      careerfix schema answers > answers.schema.json
    """

    from careerfix.models.records import adapter

    if kind is SchemaKind.answers:
        from careerfix.models.answers import AnswersFile

        data = adapter(AnswersFile).json_schema()
    else:
        from careerfix.models.report import Report

        data = adapter(Report).json_schema()
    _write(json_text(data), None)


def main() -> None:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):
        # A legacy code page must not crash on Chinese text (stack-pitfalls B4).
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8", errors="backslashreplace")
    from careerfix.stdio import finish_stdout, guard_stdout

    guard_stdout()
    try:
        app()
        code: int = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except CareerfixError as exc:  # raised while options are parsed (--version to a closed pipe)
        if exc.message:
            _report_error(exc)
        code = int(exc.exit_code)
    sys.exit(finish_stdout() or code)
