"""Engine throughput: assessments per second in one process, the rules pack loaded once.

    .venv/bin/python benchmarks/engine.py [--count 20000]

Answers are random but seeded (the same every run): each question gets a random choice, is left
unanswered, or is "not sure". Target (issue #3): ≥ 5,000 assessments per second.
"""

from __future__ import annotations

import argparse
import random
import time

from careerfix.engine import assess
from careerfix.models.answers import Answers
from careerfix.rules import load_pack

# The share of experience answers that come with an evidence line.
EVIDENCE_SHARE = 0.17


def random_answers(pack, rng: random.Random) -> Answers:  # type: ignore[no-untyped-def]
    answers: dict[str, str | list[str]] = {}
    evidence: dict[str, str] = {}
    for qid, q in pack.questions.items():
        roll = rng.random()
        if roll < 0.1:
            continue
        values = [c.value for c in q.choices if not c.unknown]
        if roll < 0.15:
            answers[qid] = pack.unknown_value[qid]
        elif q.kind == "multi":
            answers[qid] = rng.sample(values, rng.randint(1, 3))
        else:
            answers[qid] = rng.choice(values)
            # About five evidence lines a person, as in the example answers files (4-6 each).
            if q.kind == "experience" and rng.random() < EVIDENCE_SHARE:
                evidence[qid] = _evidence(rng)
    return Answers(pack=pack.id, pack_version=pack.version, answers=answers, evidence=evidence)


# Evidence as people write it: mostly different every time (so no cache of texts can stand in
# for reading them), in both languages, with and without the numbers the proof rules look for.
_EVIDENCE = [
    "grew {thing} from {a} to {b} in {m} months",
    "ran {n} campaigns for {thing}, about {p}% over target",
    "{thing}: {a} → {b}, {m} months",
    "负责{thing_zh}，{m}个月从{a}做到{b}",
    "策划了{n}场活动，{thing_zh}提升{p}%",
    "handled {thing} day to day",
    "做过{thing_zh}的日常维护",
]
_THINGS = ["the KOL pool", "weekly active members", "the newsletter", "group sign-ups", "GMV"]
_THINGS_ZH = ["KOL 签约", "社群活跃", "公众号阅读", "活动报名", "复购率"]


def _evidence(rng: random.Random) -> str:
    a = rng.randint(10, 50_000)
    return rng.choice(_EVIDENCE).format(
        thing=rng.choice(_THINGS),
        thing_zh=rng.choice(_THINGS_ZH),
        a=a,
        b=a + rng.randint(1, 90_000),
        m=rng.randint(1, 36),
        n=rng.randint(2, 60),
        p=rng.randint(1, 300),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--distinct", type=int, default=500, help="distinct answer sets cycled")
    parser.add_argument("--repeat", type=int, default=5, help="runs; the fastest is reported")
    args = parser.parse_args()

    pack = load_pack()
    rng = random.Random(20261125)
    inputs = [random_answers(pack, rng) for _ in range(args.distinct)]
    for a in inputs[:100]:  # warm-up
        assess(pack, a)
    runs = []
    for _ in range(args.repeat):  # the fastest run is the least disturbed by other processes
        start = time.perf_counter()
        for i in range(args.count):
            assess(pack, inputs[i % len(inputs)])
        runs.append(time.perf_counter() - start)
    best, median = min(runs), sorted(runs)[len(runs) // 2]
    print(
        f"{args.count} assessments, best of {args.repeat}: {best:.2f} s, "
        f"{args.count / best:,.0f} per second ({best / args.count * 1e6:.0f} µs each); "
        f"median run {args.count / median:,.0f} per second"
    )


if __name__ == "__main__":
    main()
