"""The history database: where it lives, how it is opened, and its schema's forward migrations.

SQLite (stdlib) in WAL mode, so readers never wait for a writer; ``busy_timeout`` lets two
careerfix processes that write at once take turns instead of failing. ``PRAGMA user_version``
holds the schema version; :data:`MIGRATIONS` takes any older file forward, one step at a time,
inside one write transaction. Every SQLite failure becomes a :class:`StoreError` whose message
says what is wrong with which file (locked, read-only, full, corrupt, newer).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from careerfix.errors import StoreError
from careerfix.i18n import t
from careerfix.models.lang import Lang

DB_NAME = "history.sqlite3"
BUSY_TIMEOUT_MS = 15_000  # a writer holds the lock for milliseconds; wait long before failing


def default_db_path() -> Path:
    from careerfix.places import data_dir

    return data_dir() / DB_NAME


def compress_json(data: Any) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def decompress_json(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def summary_of(report: dict[str, Any]) -> dict[str, Any]:
    """What ``history list`` shows of a report, kept beside it so a list reads no report."""
    verdicts = report.get("diagnosis", {}).get("verdicts") or []
    target = report.get("target") or {}
    return {
        "status": report.get("diagnosis", {}).get("status"),
        "verdict": verdicts[0]["id"] if verdicts else None,
        "verdict_name": verdicts[0]["name"] if verdicts else None,
        "target": target.get("id"),
        "target_name": target.get("name"),
        "modules": {m["id"]: m["average"] for m in report.get("modules", [])},
        "module_names": {m["id"]: m["name"] for m in report.get("modules", [])},
    }


# ---------------------------------------------------------------- schema

_V1 = """
CREATE TABLE assessments (
    id TEXT PRIMARY KEY,
    person TEXT NOT NULL,
    created TEXT NOT NULL,
    pack TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    target TEXT,
    lang TEXT NOT NULL,
    answers TEXT NOT NULL,
    evidence TEXT NOT NULL,
    report TEXT NOT NULL
);
CREATE INDEX assessments_person_created ON assessments (person, created);
"""


def _migrate_1(conn: sqlite3.Connection) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)


def _migrate_2(conn: sqlite3.Connection) -> None:
    """Reports compressed (10,000 fit in well under 100 MB), a summary for lists, plan marks."""
    conn.execute(
        """CREATE TABLE assessments_v2 (
            id TEXT PRIMARY KEY,
            person TEXT NOT NULL,
            created TEXT NOT NULL,
            pack TEXT NOT NULL,
            pack_version TEXT NOT NULL,
            target TEXT,
            lang TEXT NOT NULL,
            answers TEXT NOT NULL,
            evidence TEXT NOT NULL,
            summary TEXT NOT NULL,
            report BLOB NOT NULL
        )"""
    )
    rows = conn.execute(
        "SELECT id, person, created, pack, pack_version, target, lang, answers, evidence, report"
        " FROM assessments ORDER BY rowid"
    )
    for row in rows.fetchall():
        report = json.loads(row[9])
        conn.execute(
            "INSERT INTO assessments_v2 VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (*row[:9], json.dumps(summary_of(report), ensure_ascii=False), compress_json(report)),
        )
    conn.execute("DROP TABLE assessments")
    conn.execute("ALTER TABLE assessments_v2 RENAME TO assessments")
    conn.execute("CREATE INDEX assessments_person_created ON assessments (person, created)")
    conn.execute("CREATE INDEX assessments_created ON assessments (created)")
    conn.execute(
        """CREATE TABLE plan_marks (
            assessment TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            rank INTEGER NOT NULL,
            done_at TEXT NOT NULL,
            PRIMARY KEY (assessment, rank)
        )"""
    )


# Index i takes a database from version i to version i + 1. Never edit one that has shipped.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_1, _migrate_2)
SCHEMA_VERSION = len(MIGRATIONS)


# ---------------------------------------------------------------- errors


def _kind(exc: BaseException) -> str:
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    text = str(exc).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return "locked"
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return "readonly"
    if name.startswith("SQLITE_FULL") or "full" in text:
        return "full"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in text:
        return "corrupt"
    if "malformed" in text:
        return "corrupt"
    if isinstance(exc, PermissionError) or name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM")):
        return "readonly"
    return "other"


def store_error(exc: BaseException, path: Path, lang: Lang) -> StoreError:
    kind = _kind(exc)
    reason = getattr(exc, "strerror", None) or str(exc)
    return StoreError(t(f"store_{kind}", lang, path=path, reason=reason), kind=kind)


@contextlib.contextmanager
def guarded(path: Path, lang: Lang) -> Iterator[None]:
    """Turn any SQLite or file-system failure inside the block into a clear StoreError."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        raise store_error(exc, path, lang) from None


# ---------------------------------------------------------------- opening


class HistoryDB:
    """One open history database. Use as a context manager; writes go through :meth:`write`."""

    def __init__(self, path: Path, lang: Lang, *, create: bool = True) -> None:
        self.path = path
        self.lang = lang
        self.conn: sqlite3.Connection | None = None
        try:
            self._open(create)
        except BaseException:
            self.close()
            raise

    def _open(self, create: bool) -> None:
        path, lang = self.path, self.lang
        with guarded(path, lang):
            if create:
                path.parent.mkdir(parents=True, exist_ok=True)
            elif not path.exists():
                raise StoreError(t("store_missing", lang, path=path), kind="missing")
            self.conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            version = self._version()
            if version > SCHEMA_VERSION:
                raise StoreError(
                    t("store_newer", lang, path=path, version=version, ours=SCHEMA_VERSION),
                    kind="newer",
                )
            if version < SCHEMA_VERSION:
                self._migrate()
            mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                with contextlib.suppress(sqlite3.OperationalError):  # read-only: reads still work
                    self.conn.execute("PRAGMA journal_mode = WAL")
            # In WAL mode a commit survives a crash of careerfix; only a power cut may lose the last.
            self.conn.execute("PRAGMA synchronous = NORMAL")

    def _version(self) -> int:
        assert self.conn is not None
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        with self.write() as conn:
            version = self._version()  # another process may have migrated meanwhile
            for step in MIGRATIONS[version:]:
                step(conn)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (BEGIN IMMEDIATE) so it never deadlocks."""
        conn = self.connection
        with guarded(self.path, self.lang):
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                # SQLite may have rolled back already (a full disk does): keep the first error.
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise

    @property
    def connection(self) -> sqlite3.Connection:
        assert self.conn is not None
        return self.conn

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self.conn.close()
            self.conn = None

    def __enter__(self) -> HistoryDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_db(path: Path | None, lang: Lang, *, create: bool = True) -> HistoryDB:
    """Open (and create or migrate) the history at ``path``, or the default one."""
    return HistoryDB(path if path is not None else default_db_path(), lang, create=create)
