"""Is a piece of evidence a result? The pack's ``proof`` patterns, compiled once and applied.

The order is fixed here; what each step matches is the pack's (rules/pack.yaml ``proof``):

1. no ``number`` at all: unproven;
2. blank out every ``activity`` match (a count of things done is not a result);
3. a ``change`` or an ``amount`` (money, a percentage) in what is left: proven;
4. blank out every ``period`` match too (a length of time says when, not what);
5. a ``counts`` match (a number with what it counts) in what is left: proven;
6. otherwise: weak, a number that names no result.

Evidence is NFKC-normalised first, so full-width digits, ％ and ： read as 0-9, % and :, and
every pattern is matched case-insensitively.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from careerfix.models.assessment import Status
from careerfix.models.pack import Proof

FLAGS = re.IGNORECASE


@dataclass(slots=True)
class CompiledProof:
    number: re.Pattern[str]
    activity: tuple[re.Pattern[str], ...]
    change: tuple[re.Pattern[str], ...]  # change and amount: either makes evidence proven
    period: tuple[re.Pattern[str], ...]
    counts: tuple[re.Pattern[str], ...]


def compile_proof(proof: Proof) -> CompiledProof:
    def each(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, FLAGS) for p in patterns)

    return CompiledProof(
        re.compile(proof.number, FLAGS),
        each(proof.activity),
        each(proof.change) + each(proof.amount),
        each(proof.period),
        each(proof.counts),
    )


def _blank(patterns: tuple[re.Pattern[str], ...], text: str) -> str:
    for p in patterns:
        text = p.sub(lambda m: " " * len(m.group()), text)
    return text


def proof_status(proof: CompiledProof, text: str | None) -> Status:
    """proven (names a result), weak (a number, but no result) or unproven (no number)."""
    if not text:
        return "unproven"
    text = unicodedata.normalize("NFKC", text)
    if not proof.number.search(text):
        return "unproven"
    rest = _blank(proof.activity, text)
    if any(p.search(rest) for p in proof.change):
        return "proven"
    rest = _blank(proof.period, rest)
    if any(p.search(rest) for p in proof.counts):
        return "proven"
    return "weak"
