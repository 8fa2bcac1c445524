"""History benchmark (issue #13): a database of many stored assessments, side by side with
``python -c pass``.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/history.py [--entries 10000] [--rounds 10]

Builds the database once through the history API (every entry a real report of an example
person, so rows are as large as real ones; dates spread over years, ten people), then times in
fresh processes, interleaved: ``history list``, ``history compare`` (the last two of one person),
and ``assess --answers F --format json`` with and without storing its result. Prints the median
of each, its ratio to ``python -c pass``, the time storing adds, and the database size.
Targets: list and compare ≤ 10×, storing ≤ 10 ms, 10,000 assessments < 100 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
PY = os.environ.get("BENCH_PY", sys.executable)
CLI = str(Path(PY).with_name("careerfix"))
PEOPLE = [f"person-{n}" for n in range(10)]


def _reports() -> list[dict[str, object]]:
    """One JSON report per example person, in each language."""
    out = []
    for example in EXAMPLES:
        for lang in ("en", "zh"):
            done = subprocess.run(
                [
                    CLI,
                    "assess",
                    "-a",
                    str(example),
                    "--format",
                    "json",
                    "--lang",
                    lang,
                    "--no-save",
                ],
                capture_output=True,
                check=True,
            )
            out.append(json.loads(done.stdout))
    return out


def build(db: Path, n: int) -> None:
    from careerfix.history import entries
    from careerfix.history.db import open_db

    reports = _reports()
    start = datetime(2024, 1, 1, tzinfo=UTC)
    with open_db(db, "en") as store, store.write() as conn:
        for i in range(n):
            report = reports[i % len(reports)]
            entry = entries.entry_of_report(report, PEOPLE[i % len(PEOPLE)])
            entry.created = (start + timedelta(hours=i * 3)).isoformat(timespec="microseconds")
            entry.id = f"{i:08x}"
            entries._insert(conn, entry)


def _run(argv: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as home:
        db = Path(home) / "history.db"
        env = dict(os.environ, CAREERFIX_HOME=home, CAREERFIX_DB=str(db), LANG="en_US.UTF-8")
        env.pop("CAREERFIX_RULES", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        began = time.perf_counter()
        build(db, args.entries)
        built = time.perf_counter() - began
        size = db.stat().st_size + sum(
            p.stat().st_size for p in Path(home).glob("history.db-*") if p.is_file()
        )
        example = str(EXAMPLES[0])
        who = ["--person", PEOPLE[0]]
        cases = {
            "python -c pass": [PY, "-c", "pass"],
            "careerfix history list": [CLI, "history", "list", *who],
            "careerfix history list --all --limit 0": [
                CLI, "history", "list", "--all", "--limit", "0", "--format", "json"
            ],
            "careerfix history compare (last two)": [CLI, "history", "compare", *who],
            "assess -a F --format json --no-save": [
                CLI, "assess", "-a", example, "--format", "json", "--no-save"
            ],
            "assess -a F --format json (stored)": [
                CLI, "assess", "-a", example, "--format", "json", "--person", "bench"
            ],
        }  # fmt: skip
        times: dict[str, list[float]] = {name: [] for name in cases}
        for round_no in range(args.warmup + args.rounds):
            for name, argv in cases.items():
                took = _run(argv, env)
                if round_no >= args.warmup:
                    times[name].append(took)

    base = statistics.median(times["python -c pass"])
    print(f"{args.entries:,} stored assessments, built in {built:.1f} s")
    print(f"{'case':42} {'median ms':>10} {'× pass':>7}")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:42} {med * 1000:10.1f} {med / base:7.1f}")
    stored = statistics.median(times["assess -a F --format json (stored)"])
    unstored = statistics.median(times["assess -a F --format json --no-save"])
    print(f"\nstoring one assessment adds {(stored - unstored) * 1000:.1f} ms (target ≤ 10 ms)")
    print(f"database size: {size / 1e6:.1f} MB (target < 100 MB)")
    print(f"{args.rounds} interleaved rounds after {args.warmup} warm-up; {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
