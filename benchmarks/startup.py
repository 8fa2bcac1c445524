"""Start-up benchmark: careerfix commands against ``python -c pass`` from the same interpreter.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/startup.py [--rounds 30]

Each case runs in a fresh process; rounds are interleaved so that machine noise hits every case
alike. Reports the median and minimum wall time and the ratio of medians to ``python -c pass``.
Targets (issue #3, #4): --help ≤ 10×, assess --format json ≤ 18×, first question ≤ 25×.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "brand-new-media.yaml"
# BENCH_PY: time another environment's interpreter (e.g. one with a different typer).
PY = os.environ.get("BENCH_PY", sys.executable)
CLI = str(Path(PY).with_name("careerfix"))  # the console script users run


def _env(home: str) -> dict[str, str]:
    env = dict(os.environ, CAREERFIX_HOME=home, LANG="en_US.UTF-8", PROMPT_TOOLKIT_NO_CPR="1")
    env.pop("CAREERFIX_RULES", None)
    # Measure what users get: cached bytecode (some sandboxes set this to keep trees clean).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def first_question_once(env: dict[str, str]) -> float:
    """Wall time from spawning ``careerfix assess`` in a pty to the first question on screen."""
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(CLI, ["assess", "--restart", "--lang", "en"], env=env, timeout=30)
    child.expect_exact(b"Which role are you aiming for?")
    elapsed = time.perf_counter() - start
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as home:
        env = _env(home)
        cases: dict[str, object] = {
            "python -c pass": [PY, "-c", "pass"],
            # Not careerfix: for scale, what importing pydantic alone costs (careerfix loads it
            # only to check a pack or a faulty answers file).
            "ref: from pydantic import BaseModel": [PY, "-c", "from pydantic import BaseModel"],
            # Not careerfix: a typer command with assess's options that does nothing.
            "floor: typer command with assess's options": [
                PY,
                str(Path(__file__).with_name("typer_floor.py")),
                "assess",
                "--answers",
                str(EXAMPLE),
                "--format",
                "json",
            ],
            "careerfix --help": [CLI, "--help"],
            "careerfix assess --answers F --format json": [
                CLI,
                "assess",
                "--answers",
                str(EXAMPLE),
                "--format",
                "json",
            ],
            "careerfix assess (first question)": "pty",
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for round_no in range(args.warmup + args.rounds):
            for name, argv in cases.items():
                took = first_question_once(env) if argv == "pty" else run_once(argv, env)  # type: ignore[arg-type]
                if round_no >= args.warmup:
                    times[name].append(took)

    base = statistics.median(times["python -c pass"])
    print(f"{'case':48} {'median ms':>10} {'min ms':>8} {'× pass':>7}")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:48} {med * 1000:10.1f} {min(values) * 1000:8.1f} {med / base:7.1f}")
    print(
        f"\n{args.rounds} interleaved rounds after {args.warmup} warm-up; {os.cpu_count()} CPUs; "
        f"Python {sys.version.split()[0]}"
    )


if __name__ == "__main__":
    main()
