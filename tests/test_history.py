"""The history: what `assess` stores, `history list|show|compare|delete|export|import`, people,
plan marks, and a database that cannot be used (corrupt, read-only, locked, full, newer).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import Result

import careerfix.history.db as dbmod
from careerfix.history import entries
from careerfix.history.db import SCHEMA_VERSION, decompress_json, open_db
from careerfix.i18n import level_text, plural, t
from helpers import EXAMPLES_DIR, run_cli

KOL = str(EXAMPLES_DIR / "platform-kol-operator.yaml")
TRAFFIC = str(EXAMPLES_DIR / "traffic-growth.json")
FIXTURE_V1 = Path(__file__).parent / "history_data" / "history-v1.sqlite3"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "h.sqlite3"


def cli(db: Path, *args: str, input: str | None = None) -> Result:
    return run_cli([*args], env={"CAREERFIX_DB": str(db)}, input=input)


def assess(db: Path, *args: str, answers: str = KOL, person: str = "alice") -> Result:
    result = cli(db, "assess", "-a", answers, "-f", "json", "--person", person, *args)
    assert result.exit_code == 0, result.stderr
    return result


def listed(db: Path, *args: str) -> list[dict[str, Any]]:
    result = cli(db, "history", "list", "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# ---------------------------------------------------------------- what assess stores


def test_assess_stores_the_report_it_prints_and_show_prints_it_again(db: Path) -> None:
    printed = assess(db).stdout
    rows = listed(db, "--person", "alice")
    assert len(rows) == 1
    row = rows[0]
    assert row["person"] == "alice"
    assert row["verdict"] == json.loads(printed)["diagnosis"]["verdicts"][0]["id"]
    shown = cli(db, "history", "show", row["id"], "-f", "json", "--person", "alice")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout == printed, "the stored report, byte for byte"
    assert "1.2.0" in shown.stderr or json.loads(printed)["pack"]["version"] in shown.stderr


def test_stored_record_holds_answers_evidence_pack_target_lang_person(db: Path) -> None:
    report = json.loads(assess(db, "--target", "user_ops", "--lang", "zh").stdout)
    with open_db(db, "en") as store:
        entry = entries.load(store, entries.resolve(store, "last", "alice"))
    assert entry.answers == report["inputs"]["answers"]
    assert entry.evidence == report["inputs"]["evidence"]
    assert (entry.pack, entry.pack_version) == (report["pack"]["id"], report["pack"]["version"])
    assert entry.target == "user_ops"
    assert entry.lang == "zh"
    assert entry.report == report


def test_no_save_stores_nothing(db: Path) -> None:
    assess(db, "--no-save")
    assert listed(db, "--all") == []


def test_show_re_renders_in_another_language_and_format(db: Path) -> None:
    assess(db, "--lang", "en")
    md = cli(db, "history", "show", "last", "-f", "markdown", "--lang", "zh", "-p", "alice")
    assert md.exit_code == 0, md.stderr
    assert md.stdout.startswith("# ")
    assert "运营" in md.stdout
    zh_json = as_json(
        cli(db, "history", "show", "last", "-f", "json", "--lang", "zh", "-p", "alice")
    )
    en_json = as_json(cli(db, "history", "show", "last", "-f", "json", "-p", "alice"))
    assert zh_json["inputs"]["lang"] == "zh"
    assert zh_json["modules"][0]["average"] == en_json["modules"][0]["average"]
    assert zh_json["modules"][0]["name"] != en_json["modules"][0]["name"]
    # Scored again from the stored answers with the same pack: the same report as assess gives.
    direct = run_cli(["assess", "-a", KOL, "-f", "json", "--lang", "zh", "--no-save"])
    assert json.loads(direct.stdout) == zh_json


def test_show_reproduces_a_flag_target(db: Path) -> None:
    stored = json.loads(assess(db, "--target", "user_ops").stdout)
    again = as_json(cli(db, "history", "show", "last", "-f", "json", "--lang", "zh", "-p", "alice"))
    assert again["target"]["id"] == stored["target"]["id"] == "user_ops"
    assert again["target"]["source"] == stored["target"]["source"] == "flag"


# ---------------------------------------------------------------- ids, last~N, people


def test_ids_are_short_stable_and_last_n_counts_back_per_person(db: Path) -> None:
    for answers in (KOL, TRAFFIC, KOL):
        assess(db, answers=answers)
    assess(db, answers=TRAFFIC, person="bob")
    alice = listed(db, "--person", "alice")
    assert [len(r["id"]) for r in alice] == [8, 8, 8]
    assert all(int(r["id"], 16) >= 0 for r in alice)
    assert len({r["id"] for r in alice}) == 3
    assert [r["created"] for r in alice] == sorted((r["created"] for r in alice), reverse=True)
    with open_db(db, "en") as store:
        assert entries.resolve(store, "last", "alice") == alice[0]["id"]
        assert entries.resolve(store, "last~1", "alice") == alice[1]["id"]
        assert entries.resolve(store, "LAST~2", "alice") == alice[2]["id"]
        assert entries.resolve(store, alice[1]["id"][:5], "bob") == alice[1]["id"]
    bob = listed(db, "--person", "bob")
    assert len(bob) == 1
    assert cli(db, "history", "show", "last~1", "-p", "bob").exit_code == 1
    assert listed(db, "--person", "alice") == alice, "ids do not change"
    assert len(listed(db, "--all")) == 4


def test_unknown_bad_and_ambiguous_ids_are_clear_errors(db: Path) -> None:
    assess(db)
    bad = cli(db, "history", "show", "no-such", "-p", "alice")
    assert bad.exit_code == 1
    assert bad.stderr == f"careerfix: {t('history_bad_id', 'en', ref='no-such')}\n"
    missing = cli(db, "history", "show", "ffffffff", "-p", "alice")
    assert missing.exit_code == 1
    assert "ffffffff" in missing.stderr
    with open_db(db, "en") as store:
        first = entries.resolve(store, "last", "alice")
        twin = entries.load(store, first)
        twin.id = first[:4] + ("0000" if first[4:] != "0000" else "1111")
        entries.import_entries(store, [twin])
    ambiguous = cli(db, "history", "show", first[:4], "-p", "alice")
    assert ambiguous.exit_code == 1
    assert ambiguous.stderr == f"careerfix: {t('history_ambiguous_id', 'en', ref=first[:4])}\n"


def test_person_defaults_to_the_user_name(db: Path) -> None:
    from careerfix.history.people import default_person

    cli(db, "assess", "-a", KOL, "-f", "json")
    assert [r["person"] for r in listed(db)] == [default_person()]


def test_list_text_shows_one_line_per_assessment(db: Path) -> None:
    assess(db)
    assess(db, answers=TRAFFIC)
    text = cli(db, "history", "list", "-p", "alice")
    assert text.exit_code == 0, text.stderr
    rows = listed(db, "-p", "alice")
    lines = text.stdout.splitlines()
    assert lines[1].startswith(rows[0]["id"]) and lines[2].startswith(rows[1]["id"])
    assert "Traffic operations" in lines[1]
    limited = cli(db, "history", "list", "-p", "alice", "--limit", "1")
    assert plural("history_more", "en", 1) in limited.stdout


@pytest.mark.parametrize("width", [40, 60, 100])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_list_lines_fit_the_terminal_and_keep_whole_ids(db: Path, width: int, lang: str) -> None:
    assess(db)
    assess(db, answers=TRAFFIC)
    result = run_cli(
        ["history", "list", "-p", "alice", "--lang", lang],
        env={"CAREERFIX_DB": str(db), "CAREERFIX_WIDTH": str(width)},
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= width for line in lines), lines
    ids = [row["id"] for row in listed(db, "-p", "alice")]
    assert [line.split()[0] for line in lines[1:3]] == ids
    # The module levels are shown when there is room for them, and never cut.
    assert (" user " in lines[0] or lines[0].endswith(" user")) == (width >= 80)


@pytest.mark.parametrize("width", [40, 60, 100])
def test_compare_lines_fit_the_terminal_with_every_figure(db: Path, width: int) -> None:
    assess(db)
    assess(db, answers=TRAFFIC)
    env = {"CAREERFIX_DB": str(db), "CAREERFIX_WIDTH": str(width)}
    result = run_cli(["history", "compare", "-p", "alice"], env=env)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= width for line in lines), lines
    data = as_json(run_cli(["history", "compare", "-p", "alice", "-f", "json"], env=env))
    start = lines.index("Modules") + 2
    for row, line in zip(data["modules"], lines[start:], strict=False):
        before, after = level_text(row["before"]), level_text(row["after"])
        assert line.split()[-3:-1] == [before, after], line  # whole, right-aligned figures


# ---------------------------------------------------------------- compare and the plan


def test_compare_of_identical_assessments_shows_no_change(db: Path) -> None:
    assess(db)
    assess(db)
    data = as_json(cli(db, "history", "compare", "-p", "alice", "-f", "json"))
    assert data["verdict"]["changed"] is False
    assert data["competencies"] == []
    assert data["gaps_closed"] == data["gaps_opened"] == []
    assert all(m["change"] in (0, None) for m in data["modules"])
    text = cli(db, "history", "compare", "-p", "alice")
    assert t("compare_no_competency_change", "en") in text.stdout


def test_compare_of_opposite_assessments_shows_every_change(db: Path) -> None:
    first = json.loads(assess(db, answers=TRAFFIC).stdout)
    second = json.loads(assess(db, answers=KOL).stdout)
    data = as_json(cli(db, "history", "compare", "last~1", "last", "-p", "alice", "-f", "json"))
    assert data["before"]["id"] != data["after"]["id"]
    assert data["verdict"]["before"]["id"] == first["diagnosis"]["verdicts"][0]["id"]
    assert data["verdict"]["after"]["id"] == second["diagnosis"]["verdicts"][0]["id"]
    assert data["verdict"]["changed"] is True
    levels_a = {c["id"]: c["level"] for c in first["competencies"]}
    levels_b = {c["id"]: c["level"] for c in second["competencies"]}
    changed = {c for c in levels_b if levels_a[c] != levels_b[c]}
    assert {c["id"] for c in data["competencies"]} == changed
    # Arguments in either order: the older one is "before".
    swapped = as_json(cli(db, "history", "compare", "last", "last~1", "-p", "alice", "-f", "json"))
    assert swapped == data


def test_compare_needs_two_assessments(db: Path) -> None:
    assess(db)
    result = cli(db, "history", "compare", "-p", "alice")
    assert result.exit_code == 1
    assert result.stderr == f"careerfix: {t('history_need_two', 'en', person='alice', n=1)}\n"


def test_plan_done_and_undo_are_stored_and_compare_shows_whether_it_moved(db: Path) -> None:
    before = json.loads(assess(db, answers=TRAFFIC).stdout)
    plan = as_json(cli(db, "plan", "-p", "alice", "-f", "json"))
    assert [i["rank"] for i in plan["items"]] == [i["rank"] for i in before["plan"]]
    assert not any(i["done"] for i in plan["items"])
    skill = next(i for i in before["plan"] if i["kind"] == "skill")
    for rank in (1, skill["rank"]):
        done = cli(db, "plan", "done", str(rank), "-p", "alice")
        assert done.exit_code == 0, done.stderr
    cli(db, "plan", "done", "1", "-p", "alice")  # twice: still one mark
    cli(db, "plan", "undo", "1", "-p", "alice")
    plan = as_json(cli(db, "plan", "-p", "alice", "-f", "json"))
    assert [i["rank"] for i in plan["items"] if i["done"]] == [skill["rank"]]
    # The next assessment: the competency of the done item rose to the item's level.
    after = assess(db, *_raise(before, skill["ref"]), answers=TRAFFIC)
    assert t("since_last", "en", id=plan["id"], n=1) in after.stderr
    data = as_json(cli(db, "history", "compare", "-p", "alice", "-f", "json"))
    [row] = data["plan_done"]
    assert row["rank"] == skill["rank"]
    assert row["competency"] == skill["ref"]
    assert row["moved"] is True
    assert row["after"] > row["before"]


def _raise(report: dict[str, Any], competency: str) -> list[str]:
    """--set flags that answer every question of ``competency`` at its highest level."""
    trace = next(c["trace"] for c in report["competencies"] if c["id"] == competency)
    from helpers import shipped_pack

    pack = shipped_pack()
    flags = []
    for item in trace:
        q = pack.questions[item["question"]]
        levels = pack.level_of[q.id]
        best = max((v for v in levels if levels[v] is not None), key=lambda v: levels[v])
        flags += ["--set", f"{q.id}={best}"]
    return flags


def test_plan_done_of_a_missing_item_is_refused(db: Path) -> None:
    assess(db)
    result = cli(db, "plan", "done", "99", "-p", "alice")
    assert result.exit_code == 1
    assert "99" in result.stderr


# ---------------------------------------------------------------- delete, export, import


def test_delete_asks_or_needs_yes(db: Path) -> None:
    assess(db)
    refused = cli(db, "history", "delete", "last", "-p", "alice")
    assert refused.exit_code == 1
    assert refused.stderr == f"careerfix: {t('history_delete_needs_yes', 'en')}\n"
    assert len(listed(db, "-p", "alice")) == 1
    done = cli(db, "history", "delete", "last", "-p", "alice", "--yes")
    assert done.exit_code == 0, done.stderr
    assert listed(db, "-p", "alice") == []


def test_export_import_round_trip_is_idempotent(db: Path, tmp_path: Path) -> None:
    assess(db, answers=TRAFFIC)
    cli(db, "plan", "done", "1", "-p", "alice")
    assess(db, answers=KOL, person="bob")
    out = tmp_path / "all.jsonl"
    exported = cli(db, "history", "export", "--all", "-o", str(out))
    assert exported.exit_code == 0, exported.stderr
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 2
    other = tmp_path / "other.sqlite3"
    first = cli(other, "history", "import", str(out))
    assert first.stderr == f"careerfix: {t('history_imported', 'en', added=2, skipped=0)}\n"
    second = cli(other, "history", "import", str(out))
    assert second.stderr == f"careerfix: {t('history_imported', 'en', added=0, skipped=2)}\n"
    assert listed(other, "--all") == listed(db, "--all")
    again = cli(other, "history", "export", "--all")
    assert again.stdout.splitlines() == lines, "marks, reports and ids survive the round trip"


def test_import_names_the_bad_line_and_field(db: Path, tmp_path: Path) -> None:
    assess(db)
    good = cli(db, "history", "export", "-p", "alice").stdout.splitlines()[0]
    bad = json.loads(good)
    bad["answers"] = "oops"
    file = tmp_path / "bad.jsonl"
    file.write_text(good + "\n\n" + json.dumps(bad) + "\n{not json\n", "utf-8")
    result = cli(tmp_path / "new.sqlite3", "history", "import", str(file))
    assert result.exit_code == 1
    assert result.stderr == (
        f"careerfix: {t('history_import_bad', 'en', file=file, line=3, field='answers')}\n"
    )
    assert listed(tmp_path / "new.sqlite3", "--all") == [], "one bad line imports nothing"


# ---------------------------------------------------------------- the schema and its migration


def test_a_version_1_database_is_migrated_forward(tmp_path: Path) -> None:
    copy = tmp_path / "v1.sqlite3"
    shutil.copy(FIXTURE_V1, copy)
    old = sqlite3.connect(copy)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    v1_reports = {r[0]: json.loads(r[1]) for r in old.execute("SELECT id, report FROM assessments")}
    old.close()

    rows = listed(copy, "--all")
    assert [r["id"] for r in rows] == ["e5f60718", "0badcafe", "a1b2c3d4"]
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for entry_id, blob in conn.execute("SELECT id, report FROM assessments"):
        assert decompress_json(blob) == v1_reports[entry_id]
    conn.close()
    shown = cli(copy, "history", "show", "a1b2c3d4", "-f", "json")
    assert json.loads(shown.stdout) == v1_reports["a1b2c3d4"]
    assert cli(copy, "plan", "done", "1", "-p", "alice", "--from", "a1b2c3d4").exit_code == 0
    compare = as_json(cli(copy, "history", "compare", "-p", "alice", "-f", "json"))
    assert (compare["before"]["id"], compare["after"]["id"]) == ("a1b2c3d4", "e5f60718")
    assert [r["rank"] for r in compare["plan_done"]] == [1]


def test_a_database_from_a_newer_careerfix_is_refused(db: Path) -> None:
    assess(db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    result = cli(db, "history", "list")
    assert result.exit_code == 5
    assert "99" in result.stderr


# ---------------------------------------------------------------- a database that cannot be used


def fallback_of(stderr: str) -> Path:
    import re

    found = re.search(r"careerfix history import (\S+\.jsonl)", stderr)
    assert found, stderr
    return Path(found.group(1))


def check_kept_in_fallback(result: Result, printed_with: str = KOL) -> None:
    """The report was printed (exit 0) and the record is in an importable fallback file."""
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    path = fallback_of(result.stderr)
    record = json.loads(path.read_text("utf-8"))
    assert record["report"] == report
    assert record["answers"] == report["inputs"]["answers"]


def test_corrupt_database_prints_the_report_and_keeps_it_in_a_fallback_file(
    db: Path, tmp_path: Path
) -> None:
    db.write_bytes(b"this is not a database at all" * 200)
    result = assess_raw(db)
    assert t("store_corrupt", "zh", path=db, reason="x").split("：")[0] in result.stderr
    check_kept_in_fallback(result)
    assert db.read_bytes() == b"this is not a database at all" * 200, "left as it was"
    listing = cli(db, "history", "list")
    assert listing.exit_code == 5
    assert "damaged" in listing.stderr
    # The fallback file imports into a good database.
    good = tmp_path / "good.sqlite3"
    imported = cli(good, "history", "import", str(fallback_of(result.stderr)))
    assert imported.exit_code == 0, imported.stderr
    assert len(listed(good, "--all")) == 1


def assess_raw(db: Path, *args: str) -> Result:
    return cli(db, "assess", "-a", KOL, "-f", "json", "-p", "alice", *args)


def test_read_only_database_prints_the_report_and_keeps_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assess(db)
    real_connect = sqlite3.connect

    def read_only(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        return real_connect(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(dbmod.sqlite3, "connect", read_only)
    result = assess_raw(db)
    assert t("store_readonly", "zh", path=db, reason="x").split("：")[0] in result.stderr
    check_kept_in_fallback(result)
    assert len(listed(db, "-p", "alice")) == 1, "reading still works"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a read-only file anyway")
def test_read_only_file_prints_the_report_and_keeps_it(db: Path) -> None:
    assess(db)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    db.chmod(0o444)
    db.parent.chmod(0o555)
    try:
        result = assess_raw(db)
    finally:
        db.parent.chmod(0o755)
    check_kept_in_fallback(result)


def test_locked_database_prints_the_report_and_keeps_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assess(db)
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = assess_raw(db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert t("store_locked", "zh", path=db, reason="x").split("：")[0] in result.stderr
    check_kept_in_fallback(result)


def test_full_disk_prints_the_report_and_keeps_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assess(db)
    real_open = dbmod.HistoryDB._open

    def tiny(self: dbmod.HistoryDB, create: bool) -> None:
        real_open(self, create)
        pages = self.connection.execute("PRAGMA page_count").fetchone()[0]
        self.connection.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(dbmod.HistoryDB, "_open", tiny)
    result = assess_raw(db)
    assert t("store_full", "zh", path=db, reason="x").split("：")[0] in result.stderr
    check_kept_in_fallback(result)


# ---------------------------------------------------------------- two processes at once

WRITER = """
import sys
from careerfix.history import entries
from careerfix.history.db import open_db

path, person, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
report = {"modules": [], "competencies": [], "plan": [], "diagnosis": {"verdicts": []}}
for i in range(n):
    with open_db(__import__("pathlib").Path(path), "en") as store:
        entry = entries.new_entry(person=person, pack="p", pack_version="1", target=None,
                                  lang="en", answers={"i": str(i)}, evidence={}, report=report)
        entries.save(store, entry)
"""


def test_two_processes_writing_at_once_lose_nothing(db: Path) -> None:
    n = 150
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), who, str(n)], stderr=subprocess.PIPE
        )
        for who in ("w1", "w2")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    with open_db(db, "en") as store:
        for who in ("w1", "w2"):
            rows = entries.list_entries(store, who, None)
            assert sorted(int(r.answers["i"]) for r in rows) == list(range(n))
        assert entries.count(store, None) == 2 * n
