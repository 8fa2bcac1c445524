"""``careerfix history …`` and ``careerfix plan …``, and the step of ``assess`` that stores a run.

Kept apart from cli.py so the main module stays small; like it, every command imports what it
needs inside its body (``careerfix --help`` must not load rich, the engine or the database).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careerfix.cli_groups import LazyGroup, command_app
from careerfix.cli_help import HelpGroup
from careerfix.cli_options import (
    SUMMARIES,
    ListFormat,
    MessagesLangOpt,
    RulesOpt,
    json_text,
    lang_option,
)
from careerfix.errors import InputError
from careerfix.i18n import plural, resolve_lang, t
from careerfix.models.lang import Lang, as_lang
from careerfix.stdio import stderr_is_terminal

if TYPE_CHECKING:
    from careerfix.history.db import HistoryDB
    from careerfix.history.entries import Entry


class ShowFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


PersonOpt = Annotated[
    str | None,
    typer.Option(
        "--person",
        "-p",
        help="Whose assessments: a name of your choice (default: your user name).",
        metavar="NAME",
    ),
]
DbOpt = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="CAREERFIX_DB",
        help="The history database file (default: history.sqlite3 in the data directory, "
        "$CAREERFIX_HOME).",
        metavar="FILE",
        dir_okay=False,
    ),
]
ListFormatOpt = Annotated[
    ListFormat, typer.Option("--format", "-f", help="text (a table) or json (for scripts).")
]


_list_app = command_app()
_show_app = command_app()
_compare_app = command_app()
_delete_app = command_app()
_export_app = command_app()
_import_app = command_app()


class _HistoryGroup(LazyGroup):
    lazy = {  # noqa: RUF012 — a class-wide registry, filled once here
        "list": lambda: _list_app,
        "show": lambda: _show_app,
        "compare": lambda: _compare_app,
        "delete": lambda: _delete_app,
        "export": lambda: _export_app,
        "import": lambda: _import_app,
    }


history_app = typer.Typer(
    cls=_HistoryGroup,
    help="Every completed assessment, kept on this machine: list, show, compare, delete, "
    "export, import.\n\n"
    "\b\nExamples:\n"
    "  careerfix history list\n"
    "  careerfix history compare\n"
    "  careerfix history show last~1 --format markdown",
    short_help=SUMMARIES["history"],
    rich_markup_mode=None,
    add_completion=False,
    no_args_is_help=True,
)


@history_app.callback()
def _history() -> None:
    # A group with its subcommands registered lazily needs a callback to be a group at all.
    pass


# No help= here: it would hide the callback's docstring, which has the examples.
plan_app = typer.Typer(
    cls=HelpGroup,
    short_help=SUMMARIES["plan"],
    rich_markup_mode=None,
    add_completion=False,
)


def _lang(lang: Lang | None) -> Lang:
    return resolve_lang(lang)


def _person(person: str | None) -> str:
    from careerfix.history.people import person_or_default

    return person_or_default(person)


def _open(db: Path | None, lang: Lang, *, create: bool = False) -> HistoryDB:
    from careerfix.history.db import open_db

    return open_db(db, lang, create=create)


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _say(text: str) -> None:
    sys.stderr.write(f"careerfix: {text}\n")
    sys.stderr.flush()


def _print(render: Any) -> None:
    from careerfix.terminal import print_rendered

    print_rendered(render)


# ---------------------------------------------------------------- history list


def _list_row(entry: Entry) -> dict[str, Any]:
    s = entry.summary
    return {
        "id": entry.id,
        "created": entry.created,
        "person": entry.person,
        "pack": {"id": entry.pack, "version": entry.pack_version},
        "lang": entry.lang,
        "status": s.get("status"),
        "verdict": s.get("verdict"),
        "verdict_name": s.get("verdict_name"),
        "target": s.get("target"),
        "target_name": s.get("target_name"),
        "modules": s.get("modules", {}),
        "module_names": s.get("module_names", {}),
    }


@_list_app.command("list", short_help="List stored assessments, newest first.")
def history_list(
    person: PersonOpt = None,
    everyone: Annotated[
        bool, typer.Option("--all", "-A", help="Every person's assessments, not only one's.")
    ] = False,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", help="Show the newest N (0: all).", metavar="N", min=0),
    ] = 20,
    fmt: ListFormatOpt = ListFormat.text,
    db: DbOpt = None,
    lang: Annotated[Lang | None, lang_option("Language of the table")] = None,
) -> None:
    """List stored assessments, newest first: id, date, person, verdict, target, module averages.

    \b
    Examples:
      careerfix history list
      careerfix history list --person alice --format json
      careerfix history list --all --limit 0
    """
    from careerfix.history import entries

    code = _lang(lang)
    who = None if everyone else _person(person)
    with _open(db, code, create=True) as store:
        rows = [_list_row(e) for e in entries.list_entries(store, who, limit or None)]
        more = max(0, entries.count(store, who) - len(rows)) if limit else 0
    if fmt is ListFormat.json:
        _out(json_text(rows))
        return
    from careerfix.render.history import render_list

    _print(lambda console: render_list(console, rows, more, code, people=who is None))


# ---------------------------------------------------------------- history show


@_show_app.command("show", short_help="Show a stored assessment again, in any format.")
def history_show(
    ref: Annotated[
        str,
        typer.Argument(help="An id from 'history list', or last, last~1, …", metavar="ID"),
    ] = "last",
    fmt: Annotated[
        ShowFormat,
        typer.Option("--format", "-f", help="text, markdown, or json (the stored report)."),
    ] = ShowFormat.text,
    person: PersonOpt = None,
    db: DbOpt = None,
    rules: RulesOpt = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help="Language of the report: zh or en. Default: the language it was made in.",
            case_sensitive=False,
        ),
    ] = None,
) -> None:
    """Show a stored assessment again, in any format and language.

    Says which rules pack version scored it. JSON prints the stored report as it was made; text
    and Markdown (and JSON in another language) score the stored answers again, with the same
    pack version when it is the current one.

    \b
    Examples:
      careerfix history show
      careerfix history show last~1 --format markdown
      careerfix history show 3f9a1c0e --format json --lang zh
    """
    from careerfix.history import entries

    code = _lang(lang)
    with _open(db, code) as store:
        entry = entries.load(store, entries.resolve(store, ref, _person(person)))
    assert entry.report is not None
    want = resolve_lang(lang, as_lang(entry.lang))
    _say(
        t(
            "history_scored_with",
            want,
            id=entry.id,
            person=entry.person,
            date=entry.created[:16].replace("T", " "),
            pack=entry.pack,
            version=entry.pack_version,
        )
    )
    if fmt is ShowFormat.json and want == entry.lang:
        _out(json_text(entry.report))
        return
    _rerender(entry, fmt, want, rules)


def _rerender(entry: Entry, fmt: ShowFormat, lang: Lang, rules: Path | None) -> None:
    from careerfix.rules import load_pack
    from careerfix.sides import entry_report

    pack = load_pack(rules)
    if (pack.id, pack.version) != (entry.pack, entry.pack_version):
        _say(t("history_rescored", lang, new=f"{pack.id} {pack.version}"))
    report = entry_report(entry, pack, lang)
    if fmt is ShowFormat.json:
        _out(report.to_json() + "\n")
    elif fmt is ShowFormat.markdown:
        from careerfix.render.markdown import render_markdown

        _out(render_markdown(report))
    else:
        from careerfix.render.text import print_report

        print_report(report, sys.stdout)


# ---------------------------------------------------------------- history compare


def compare_data(store: HistoryDB, a: str, b: str) -> dict[str, Any]:
    """The JSON of ``history compare``: the older of the two first."""
    from careerfix.history import entries
    from careerfix.history.diff import compare_reports

    first, second = entries.load(store, a), entries.load(store, b)
    if (first.created, first.id) > (second.created, second.id):
        first, second = second, first
    assert first.report is not None and second.report is not None
    data = {
        "before": {"id": first.id, "created": first.created, "person": first.person},
        "after": {"id": second.id, "created": second.created, "person": second.person},
    }
    data.update(compare_reports(first.report, second.report, set(first.done)))
    return data


@_compare_app.command(
    "compare", short_help="What changed between two assessments (default: last two)."
)
def history_compare(
    a: Annotated[str | None, typer.Argument(help="Default: last~1.", metavar="[A]")] = None,
    b: Annotated[str | None, typer.Argument(help="Default: last.", metavar="[B]")] = None,
    person: PersonOpt = None,
    fmt: ListFormatOpt = ListFormat.text,
    db: DbOpt = None,
    lang: Annotated[Lang | None, lang_option("Language of the comparison")] = None,
) -> None:
    """What changed between two assessments of one person (default: the last two).

    Module and competency levels, gaps closed and opened, the verdict, and the plan items of
    the earlier one marked done (careerfix plan done N) with whether their competency moved.

    \b
    Examples:
      careerfix history compare
      careerfix history compare last~2 last --format json
      careerfix history compare 3f9a1c0e 7b2d4e11
    """
    from careerfix.history import entries

    code = _lang(lang)
    who = _person(person)
    with _open(db, code) as store:
        if a is None and b is None:
            n = entries.count(store, who)
            if n < 2:
                raise InputError(t("history_need_two", code, person=who, n=n))
            a, b = "last~1", "last"
        first = entries.resolve(store, a or "last~1", who)
        second = entries.resolve(store, b or "last", who)
        data = compare_data(store, first, second)
    if fmt is ListFormat.json:
        _out(json_text(data))
        return
    from careerfix.render.history import render_compare

    _print(lambda console: render_compare(console, data, code))


# ---------------------------------------------------------------- delete, export, import


@_delete_app.command("delete", short_help="Delete one stored assessment (asks first).")
def history_delete(
    ref: Annotated[str, typer.Argument(help="An id, or last, last~1, …", metavar="ID")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
    person: PersonOpt = None,
    db: DbOpt = None,
    lang: Annotated[Lang | None, lang_option("Language of the question and messages")] = None,
) -> None:
    """Delete one stored assessment (and its plan marks). Asks first, unless --yes.

    \b
    Examples:
      careerfix history delete last
      careerfix history delete 3f9a1c0e --yes
    """
    from careerfix.history import entries

    code = _lang(lang)
    with _open(db, code) as store:
        entry = entries.load(store, entries.resolve(store, ref, _person(person)))
        if not yes:
            if not stderr_is_terminal() or not sys.stdin.isatty():
                raise InputError(t("history_delete_needs_yes", code))
            question = t(
                "history_delete_ask",
                code,
                id=entry.id,
                person=entry.person,
                date=entry.created[:16].replace("T", " "),
            )
            if not typer.confirm(question, default=False, err=True):
                _say(t("history_delete_kept", code))
                return
        entries.delete(store, entry.id)
    _say(t("history_deleted", code, id=entry.id))


@_export_app.command("export", short_help="Write stored assessments as JSON Lines, for backup.")
def history_export(
    person: PersonOpt = None,
    everyone: Annotated[
        bool, typer.Option("--all", "-A", help="Every person's assessments.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE instead of stdout.", metavar="FILE"),
    ] = None,
    db: DbOpt = None,
    lang: MessagesLangOpt = None,
) -> None:
    """Write stored assessments as JSON Lines (one per line, oldest first), for backup or moving.

    'careerfix history import FILE' reads it back; importing the same file twice adds nothing.

    \b
    Examples:
      careerfix history export -o history.jsonl
      careerfix history export --all > everyone.jsonl
    """
    import json

    from careerfix.history import entries

    code = _lang(lang)
    with _open(db, code, create=True) as store:
        if output is not None and _same_file(output, store.path):
            raise InputError(t("output_is_input", code, path=output))
        lines = [
            json.dumps(line, ensure_ascii=False) + "\n"
            for line in entries.export(store, None if everyone else _person(person))
        ]
    text = "".join(lines)
    if output is None:
        _out(text)
        return
    from careerfix.atomic_write import atomic_write_text

    try:
        atomic_write_text(output, text, private=True)
    except OSError as exc:
        raise InputError(t("cannot_write", code, path=output, reason=exc.strerror or exc)) from None
    _say(plural("history_exported", code, len(lines), path=output))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


@_import_app.command("import", short_help="Add the assessments of a JSON Lines export.")
def history_import(
    file: Annotated[
        str, typer.Argument(help="A file of 'history export' ('-': stdin).", metavar="FILE")
    ],
    db: DbOpt = None,
    lang: MessagesLangOpt = None,
) -> None:
    """Add the assessments of a JSON Lines export; ids already stored are skipped.

    Every line is checked first: one bad line imports nothing and names the line and field.

    \b
    Examples:
      careerfix history import history.jsonl
      ssh old-laptop careerfix history export --all | careerfix history import -
    """
    from careerfix.history import entries

    code = _lang(lang)
    records = _read_lines(file, code)
    with _open(db, code, create=True) as store:
        added, skipped = entries.import_entries(store, records)
    _say(t("history_imported", code, added=added, skipped=skipped))


def _read_lines(file: str, lang: Lang) -> list[Entry]:
    import json

    from careerfix.datafile import MAX_IMPORT_BYTES, DataFileError, read_input_bytes
    from careerfix.history.entries import entry_from_line

    try:
        text = read_input_bytes(file, MAX_IMPORT_BYTES)[0].decode("utf-8")
    except DataFileError as exc:
        reason = exc.problem.message
        raise InputError(t("history_cannot_read", lang, path=file, reason=reason)) from None
    except UnicodeDecodeError as exc:
        raise InputError(t("history_cannot_read", lang, path=file, reason=str(exc))) from None
    records: list[Entry] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            parsed = entry_from_line(json.loads(line))
        except ValueError:
            parsed = "(json)"
        if isinstance(parsed, str):
            raise InputError(t("history_import_bad", lang, file=file, line=number, field=parsed))
        records.append(parsed)
    return records


# ---------------------------------------------------------------- plan


def _latest(store: HistoryDB, person: str, ref: str | None) -> Entry:
    from careerfix.history import entries

    return entries.load(store, entries.resolve(store, ref or "last", person))


def _plan_data(entry: Entry) -> dict[str, Any]:
    assert entry.report is not None
    done = set(entry.done)
    return {
        "id": entry.id,
        "person": entry.person,
        "created": entry.created,
        "items": [
            {
                "rank": item["rank"],
                "kind": item["kind"],
                "ref": item["ref"],
                "title": item["title"],
                "horizon": item["horizon"],
                "done": item["rank"] in done,
            }
            for item in entry.report.get("plan", [])
        ],
    }


FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from", help="The assessment whose plan (default: the person's last).", metavar="ID"
    ),
]


@plan_app.callback(invoke_without_command=True)
def plan_show(
    ctx: typer.Context,
    person: PersonOpt = None,
    source: FromOpt = None,
    fmt: ListFormatOpt = ListFormat.text,
    db: DbOpt = None,
    lang: Annotated[Lang | None, lang_option("Language of the plan")] = None,
) -> None:
    """Show the plan of the latest assessment, with the items marked done.

    \b
    Examples:
      careerfix plan
      careerfix plan done 2
      careerfix plan --person alice --format json
    """
    if ctx.invoked_subcommand is not None:
        return
    code = _lang(lang)
    with _open(db, code) as store:
        data = _plan_data(_latest(store, _person(person), source))
    if fmt is ListFormat.json:
        _out(json_text(data))
        return
    from careerfix.render.history import render_plan

    _print(lambda console: render_plan(console, data, code))


def _mark(
    rank: int,
    done: bool,
    person: str | None,
    source: str | None,
    db: Path | None,
    lang: Lang | None,
) -> None:
    from careerfix.history import entries

    code = _lang(lang)
    with _open(db, code) as store:
        entry = _latest(store, _person(person), source)
        assert entry.report is not None
        items = {item["rank"]: item for item in entry.report.get("plan", [])}
        if rank not in items:
            raise InputError(t("plan_no_rank", code, id=entry.id, rank=rank, n=len(items)))
        entries.mark(store, entry.id, rank, done)
    _say(t("plan_marked" if done else "plan_unmarked", code, rank=rank, title=items[rank]["title"]))


RankArg = Annotated[int, typer.Argument(help="The item's number in 'careerfix plan'.", metavar="N")]


@plan_app.command("done", short_help="Mark plan item N done.")
def plan_done(
    rank: RankArg,
    person: PersonOpt = None,
    source: FromOpt = None,
    db: DbOpt = None,
    lang: MessagesLangOpt = None,
) -> None:
    """Mark plan item N done (the next 'history compare' shows whether its competency moved).

    \b
    Examples:
      careerfix plan done 2
      careerfix plan done 1 --person alice
    """
    _mark(rank, True, person, source, db, lang)


@plan_app.command("undo", short_help="Mark plan item N not done.")
def plan_undo(
    rank: RankArg,
    person: PersonOpt = None,
    source: FromOpt = None,
    db: DbOpt = None,
    lang: MessagesLangOpt = None,
) -> None:
    """Mark plan item N not done.

    \b
    Examples:
      careerfix plan undo 2
      careerfix plan undo 1 --from 3f9a1c0e
    """
    _mark(rank, False, person, source, db, lang)
