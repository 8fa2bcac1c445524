"""Keeping one assessment: ``assess`` stores every run in the history, or, when the database
cannot be used, writes it to a file ``history import`` reads, and says where.

Apart from the history commands (cli_history.py) because it is on the path of every assessment:
importing this costs the store and nothing of the commands' declarations.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerfix.errors import StoreError
from careerfix.history.people import person_or_default
from careerfix.i18n import t
from careerfix.models.lang import Lang
from careerfix.stdio import stderr_is_terminal

if TYPE_CHECKING:
    from careerfix.history.db import HistoryDB
    from careerfix.history.entries import Entry


def save_to_history(
    data: dict[str, Any], *, person: str | None, db: Path | None, lang: Lang, quiet: bool
) -> list[str]:
    """Store one assessment (its report's plain data); return the messages to show once the
    report is out.

    When the database cannot be used, the same record goes to a fallback file that
    ``history import`` reads, and the messages say where: nothing is lost, and the run still
    succeeds (exit 0) because its report is printed.
    """
    from careerfix.history import entries
    from careerfix.history.db import open_db

    entry = entries.entry_of_report(data, person_or_default(person))
    notes: list[str] = []
    try:
        with open_db(db, lang) as store:
            notes += _since_last(store, entry, lang)
            entries.save(store, entry)
    except StoreError as exc:
        return [exc.message, _fallback(entry, lang)]
    if not quiet and stderr_is_terminal():
        notes.append(t("history_saved", lang, id=entry.id, person=entry.person))
    return notes


def _since_last(store: HistoryDB, entry: Entry, lang: Lang) -> list[str]:
    """The previous plan's items marked done, and whether their competency moved."""
    from careerfix.history import entries

    previous = entries.latest_id(store, entry.person)
    if previous is None or not entries.marks(store, previous):
        return []
    from careerfix.history.diff import compare_reports, moved_text

    before = entries.load(store, previous)
    assert before.report is not None and entry.report is not None
    rows = compare_reports(before.report, entry.report, set(before.done))["plan_done"]
    lines = [t("since_last", lang, id=before.id, n=len(rows))]
    lines += [
        t("since_last_item", lang, rank=r["rank"], title=r["title"], moved=moved_text(r, lang))
        for r in rows
    ]
    return ["\n".join(lines)]


def _fallback(entry: Entry, lang: Lang) -> str:
    """Write the record where it can be imported later; say where (or that it could not)."""
    import json
    import tempfile

    from careerfix.atomic_write import atomic_write_text
    from careerfix.places import data_dir

    text = json.dumps(entry.line(), ensure_ascii=False) + "\n"
    name = f"careerfix-unsaved-{entry.created[:10]}-{entry.id}.jsonl"
    reason = ""
    for directory in (data_dir() / "unsaved", Path(tempfile.gettempdir())):
        path = directory / name
        try:
            atomic_write_text(path, text, private=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            continue
        return t("store_fallback", lang, path=path)
    return t("store_fallback_failed", lang, reason=reason)
