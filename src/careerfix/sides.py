"""One side of ``careerfix compare A B``: what a reference names, as a report (the JSON contract).

A reference is an answers file (scored now, with the current pack), a report JSON file
(``careerfix assess --format json``; recognised by its ``schema_version`` and ``inputs``), or a
stored assessment of the history (``last``, ``last~N``, an id or a unique prefix of one). A file
wins when both could be meant: a path is what the user typed on purpose.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerfix.engine.prepared import PreparedPack
from careerfix.errors import InputError
from careerfix.i18n import t
from careerfix.models.lang import Lang

if TYPE_CHECKING:
    from careerfix.history.entries import Entry
    from careerfix.models.report import Report


def is_report(data: Any) -> bool:
    return isinstance(data, dict) and "schema_version" in data and "inputs" in data


def load_side(
    ref: str,
    pack: PreparedPack,
    lang: Lang,
    target: str | None,
    *,
    person: str | None = None,
    db: Path | None = None,
) -> dict[str, Any]:
    """The report ``ref`` names. Raises InputError (nothing by that name), AnswersError or
    StoreError (the history cannot be read)."""
    from careerfix.answers import answers_from_data, read_answers_data

    if ref != "-" and not Path(ref).exists():
        return stored_report(ref, pack, lang, person=person, db=db)
    data, node, display = read_answers_data(ref)
    if is_report(data):
        return dict(data)
    from careerfix.engine import assess
    from careerfix.render.build import build_report

    answers = answers_from_data(data, node, display, pack, None)
    result = assess(pack, answers, target)
    report: dict[str, Any] = json.loads(build_report(pack, answers, result, lang).to_json())
    return report


def looks_like_history_ref(ref: str) -> bool:
    from careerfix.history.entries import looks_like_ref

    return looks_like_ref(ref)


def stored_report(
    ref: str, pack: PreparedPack, lang: Lang, *, person: str | None, db: Path | None
) -> dict[str, Any]:
    """The report stored in the history under ``ref``: as it was made when it was made in
    ``lang`` with this pack, else its stored answers scored again (so both sides of a comparison
    speak one language)."""
    if not looks_like_history_ref(ref):
        raise InputError(t("compare_no_side", lang, ref=ref))
    from careerfix.errors import StoreError
    from careerfix.history import entries
    from careerfix.history.db import open_db
    from careerfix.history.people import person_or_default

    try:
        store = open_db(db, lang, create=False)
    except StoreError as exc:
        if exc.kind == "missing":
            raise InputError(t("compare_no_side_no_history", lang, ref=ref)) from None
        raise
    with store:
        entry = entries.load(store, entries.resolve(store, ref, person_or_default(person)))
    if entry.report is None:
        raise InputError(t("history_no_such_id", lang, ref=ref))
    if entry.lang == lang and (entry.pack, entry.pack_version) == (pack.id, pack.version):
        return dict(entry.report)
    report: dict[str, Any] = json.loads(entry_report(entry, pack, lang).to_json())
    return report


def entry_report(entry: Entry, pack: PreparedPack, lang: Lang) -> Report:
    """A stored assessment's answers scored again with ``pack``, the report in ``lang``; the
    target is kept when the person chose it (by flag or in the answers), not when suggested."""
    from careerfix.answers import answers_from_data
    from careerfix.engine import assess
    from careerfix.render.build import build_report

    source = ((entry.report or {}).get("target") or {}).get("source")
    data = {
        "pack": entry.pack,
        "pack_version": entry.pack_version,
        "lang": entry.lang,
        "target": entry.target if source == "answers" else None,
        "answers": entry.answers,
        "evidence": entry.evidence,
    }
    given = answers_from_data(data, None, f"history:{entry.id}", pack)
    flag = entry.target if source == "flag" else None
    return build_report(pack, given, assess(pack, given, flag), lang)
