"""Makes history-v1.sqlite3: a history database as schema version 1 wrote it (kept as a fixture).

Run once from the repository root: ``.venv/bin/python tests/history_data/make_v1.py``. It uses
the frozen first migration and stores reports the way version 1 did (plain JSON text). The
migration test opens the committed file with the current code; never regenerate it with a newer
schema.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

ROWS = [
    ("a1b2c3d4", "alice", "2026-01-10T09:00:00.000000+00:00", "traffic-growth.json"),
    ("e5f60718", "alice", "2026-04-10T09:00:00.000000+00:00", "platform-kol-operator.yaml"),
    ("0badcafe", "bob", "2026-02-01T12:00:00.000000+00:00", "brand-new-media.yaml"),
]


def main() -> None:
    from careerfix.history.db import _migrate_1

    target = HERE / "history-v1.sqlite3"
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target)
    _migrate_1(conn)
    conn.execute("PRAGMA user_version = 1")
    for entry_id, person, created, example in ROWS:
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "careerfix",
                "assess",
                "--no-save",
                "-f",
                "json",
                "-a",
                str(ROOT / "examples" / example),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        report = json.loads(out)
        inputs = report["inputs"]
        conn.execute(
            "INSERT INTO assessments VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                entry_id,
                person,
                created,
                report["pack"]["id"],
                report["pack"]["version"],
                inputs["target"],
                inputs["lang"],
                json.dumps(inputs["answers"]),
                json.dumps(inputs["evidence"]),
                out,
            ),
        )
    conn.commit()
    conn.execute("VACUUM")
    conn.close()


if __name__ == "__main__":
    main()
