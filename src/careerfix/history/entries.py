"""Assessments and plan marks in the history database: save, find, list, delete, export, import.

An assessment's id is 8 hex characters drawn once at random and stored: it never changes, an
export carries it and an import of the same line is skipped. ``last`` is a person's newest
assessment and ``last~N`` the one N before it; any unique prefix of an id (4 characters or more)
works too.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from careerfix.errors import InputError
from careerfix.history.db import HistoryDB, compress_json, decompress_json, summary_of
from careerfix.i18n import t
from careerfix.models.lang import Lang

# Matched with re's own cache of compiled patterns: compiled at import, they cost every
# assessment that is stored, and only the history commands read references.
_LAST = r"^last(?:~(\d+))?$"
_ID = r"^[0-9a-f]{4,32}$"


@dataclass
class Entry:
    """One stored assessment, as the history keeps and exports it."""

    id: str
    person: str
    created: str
    pack: str
    pack_version: str
    target: str | None
    lang: Lang
    answers: dict[str, Any]
    evidence: dict[str, str]
    summary: dict[str, Any]
    report: dict[str, Any] | None = None
    done: list[int] = field(default_factory=list)

    def line(self) -> dict[str, Any]:
        """The entry as one JSON Lines record (``history export``; ``history import`` reads it)."""
        return {
            "id": self.id,
            "person": self.person,
            "created": self.created,
            "pack": self.pack,
            "pack_version": self.pack_version,
            "target": self.target,
            "lang": self.lang,
            "answers": self.answers,
            "evidence": self.evidence,
            "plan_done": self.done,
            "report": self.report,
        }


def new_id() -> str:
    """Eight random hex digits. os.urandom rather than uuid: importing uuid (and the platform
    module it pulls in) cost more than the whole database write."""
    return os.urandom(4).hex()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_entry(
    *,
    person: str,
    pack: str,
    pack_version: str,
    target: str | None,
    lang: Lang,
    answers: dict[str, Any],
    evidence: dict[str, str],
    report: dict[str, Any],
) -> Entry:
    return Entry(
        id=new_id(),
        person=person,
        created=now(),
        pack=pack,
        pack_version=pack_version,
        target=target,
        lang=lang,
        answers=answers,
        evidence=evidence,
        summary=summary_of(report),
        report=report,
    )


def entry_of_report(report: dict[str, Any], person: str) -> Entry:
    """A new entry for one assessment, from its report's plain data (what ``assess`` prints
    with ``--format json``): the inputs and the pack are read from the report itself."""
    inputs = report["inputs"]
    return new_entry(
        person=person,
        pack=report["pack"]["id"],
        pack_version=report["pack"]["version"],
        target=inputs["target"],
        lang=inputs["lang"],
        answers=inputs["answers"],
        evidence=inputs["evidence"],
        report=report,
    )


def _insert(conn: sqlite3.Connection, entry: Entry) -> bool:
    """Insert ``entry``; False when its id is already stored (the stored one is kept)."""
    assert entry.report is not None
    cursor = conn.execute(
        "INSERT OR IGNORE INTO assessments"
        " (id, person, created, pack, pack_version, target, lang, answers, evidence, summary,"
        " report) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            entry.id,
            entry.person,
            entry.created,
            entry.pack,
            entry.pack_version,
            entry.target,
            entry.lang,
            json.dumps(entry.answers, ensure_ascii=False, separators=(",", ":")),
            json.dumps(entry.evidence, ensure_ascii=False, separators=(",", ":")),
            json.dumps(entry.summary, ensure_ascii=False, separators=(",", ":")),
            compress_json(entry.report),
        ),
    )
    return cursor.rowcount == 1


def save(db: HistoryDB, entry: Entry) -> str:
    """Store a new assessment; a clash of random ids (rare) draws another."""
    with db.write() as conn:
        while not _insert(conn, entry):
            entry.id = new_id()
        for rank in entry.done:
            _mark(conn, entry.id, rank, True)
    return entry.id


_COLUMNS = "id, person, created, pack, pack_version, target, lang, answers, evidence, summary"
_ORDER = "ORDER BY created DESC, rowid DESC"


def _entry(row: tuple[Any, ...], report: bytes | None = None) -> Entry:
    return Entry(
        id=row[0],
        person=row[1],
        created=row[2],
        pack=row[3],
        pack_version=row[4],
        target=row[5],
        lang=row[6],
        answers=json.loads(row[7]),
        evidence=json.loads(row[8]),
        summary=json.loads(row[9]),
        report=decompress_json(report) if report is not None else None,
    )


def _who(person: str | None) -> tuple[str, list[Any]]:
    return ("WHERE person = ?", [person]) if person is not None else ("", [])


def list_entries(db: HistoryDB, person: str | None, limit: int | None) -> list[Entry]:
    """Newest first; every person when ``person`` is None; all when ``limit`` is None."""
    where, args = _who(person)
    sql = f"SELECT {_COLUMNS} FROM assessments {where} {_ORDER}"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    with _reading(db):
        rows = db.connection.execute(sql, args).fetchall()
    return [_entry(row) for row in rows]


def latest_id(db: HistoryDB, person: str) -> str | None:
    """The id of the person's newest assessment (without reading it)."""
    with _reading(db):
        row = db.connection.execute(
            f"SELECT id FROM assessments WHERE person = ? {_ORDER} LIMIT 1", (person,)
        ).fetchone()
    return None if row is None else str(row[0])


def count(db: HistoryDB, person: str | None) -> int:
    where, args = _who(person)
    with _reading(db):
        row = db.connection.execute(f"SELECT count(*) FROM assessments {where}", args).fetchone()
    return int(row[0])


def _reading(db: HistoryDB) -> Any:
    from careerfix.history.db import guarded

    return guarded(db.path, db.lang)


def looks_like_ref(ref: str) -> bool:
    """Whether ``ref`` has the form of a history reference (``last``, ``last~N``, an id)."""
    text = ref.strip().lower()
    return bool(re.match(_LAST, text) or re.match(_ID, text))


def resolve(db: HistoryDB, ref: str, person: str) -> str:
    """The id ``ref`` names: ``last``, ``last~N`` (of ``person``), an id or a unique prefix."""
    text = ref.strip().lower()
    match = re.match(_LAST, text)
    with _reading(db):
        if match:
            back = int(match.group(1) or 0)
            row = db.connection.execute(
                f"SELECT id FROM assessments WHERE person = ? {_ORDER} LIMIT 1 OFFSET ?",
                (person, back),
            ).fetchone()
            if row is None:
                raise InputError(t("history_no_such_last", db.lang, ref=ref, person=person))
            return str(row[0])
        if not re.match(_ID, text):
            raise InputError(t("history_bad_id", db.lang, ref=ref))
        rows = db.connection.execute(
            "SELECT id FROM assessments WHERE id >= ? AND id < ? LIMIT 2",
            (text, text + "g"),
        ).fetchall()
    if not rows:
        raise InputError(t("history_no_such_id", db.lang, ref=ref))
    if len(rows) > 1:
        raise InputError(t("history_ambiguous_id", db.lang, ref=ref))
    return str(rows[0][0])


def load(db: HistoryDB, entry_id: str) -> Entry:
    with _reading(db):
        row = db.connection.execute(
            f"SELECT {_COLUMNS}, report FROM assessments WHERE id = ?", (entry_id,)
        ).fetchone()
    if row is None:
        raise InputError(t("history_no_such_id", db.lang, ref=entry_id))
    entry = _entry(row[:10], row[10])
    entry.done = sorted(marks(db, entry_id))
    return entry


def delete(db: HistoryDB, entry_id: str) -> bool:
    with db.write() as conn:
        conn.execute("DELETE FROM plan_marks WHERE assessment = ?", (entry_id,))
        return conn.execute("DELETE FROM assessments WHERE id = ?", (entry_id,)).rowcount == 1


# ---------------------------------------------------------------- plan marks


def _mark(conn: sqlite3.Connection, entry_id: str, rank: int, done: bool) -> None:
    if done:
        conn.execute(
            "INSERT OR IGNORE INTO plan_marks (assessment, rank, done_at) VALUES (?,?,?)",
            (entry_id, rank, now()),
        )
    else:
        conn.execute("DELETE FROM plan_marks WHERE assessment = ? AND rank = ?", (entry_id, rank))


def mark(db: HistoryDB, entry_id: str, rank: int, done: bool) -> None:
    with db.write() as conn:
        _mark(conn, entry_id, rank, done)


def marks(db: HistoryDB, entry_id: str) -> set[int]:
    with _reading(db):
        rows = db.connection.execute(
            "SELECT rank FROM plan_marks WHERE assessment = ?", (entry_id,)
        ).fetchall()
    return {int(r[0]) for r in rows}


# ---------------------------------------------------------------- export / import


def export(db: HistoryDB, person: str | None) -> Iterator[dict[str, Any]]:
    """Every assessment (of ``person``), oldest first, as JSON Lines records."""
    where, args = _who(person)
    with _reading(db):
        rows = db.connection.execute(
            f"SELECT {_COLUMNS}, report FROM assessments {where} ORDER BY created, rowid", args
        ).fetchall()
        done: dict[str, list[int]] = {}
        for aid, rank in db.connection.execute(
            "SELECT assessment, rank FROM plan_marks ORDER BY assessment, rank"
        ):
            done.setdefault(aid, []).append(int(rank))
    for row in rows:
        entry = _entry(row[:10], row[10])
        entry.done = done.get(entry.id, [])
        yield entry.line()


_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "person": str,
    "created": str,
    "pack": str,
    "pack_version": str,
    "target": (str, type(None)),
    "lang": str,
    "answers": dict,
    "evidence": dict,
    "report": dict,
}


def entry_from_line(data: Any) -> Entry | str:
    """An entry from one JSON Lines record, or the name of the first field that is wrong."""
    if not isinstance(data, dict):
        return "(line)"
    for name, kind in _REQUIRED.items():
        if not isinstance(data.get(name), kind):
            return name
    if not re.match(_ID, data["id"]) or data["lang"] not in ("zh", "en"):
        return "id" if not re.match(_ID, data["id"]) else "lang"
    done = data.get("plan_done") or []
    if not isinstance(done, list) or not all(isinstance(r, int) for r in done):
        return "plan_done"
    return Entry(
        id=data["id"],
        person=data["person"],
        created=data["created"],
        pack=data["pack"],
        pack_version=data["pack_version"],
        target=data["target"],
        lang=data["lang"],
        answers=data["answers"],
        evidence=data["evidence"],
        summary=summary_of(data["report"]),
        report=data["report"],
        done=list(done),
    )


def import_entries(db: HistoryDB, entries: Iterable[Entry]) -> tuple[int, int]:
    """Add the entries whose id is not stored yet: (added, already there). One transaction."""
    added = skipped = 0
    with db.write() as conn:
        for entry in entries:
            if _insert(conn, entry):
                added += 1
                for rank in entry.done:
                    _mark(conn, entry.id, rank, True)
            else:
                skipped += 1
    return added, skipped
