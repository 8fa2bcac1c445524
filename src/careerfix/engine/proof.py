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

Speed: patterns are compiled on first use (compiling them all was most of a process's first
assessment); the steps that only ask "is there a match?" (3 and 5) search one pattern joined from
the step's list (``(?:a)|(?:b)``), which matches exactly where one of them does; and on ASCII-only
evidence (most English) the patterns that need some other character (场, →, a CJK range) are
skipped: they cannot match it, and the CJK ranges are the slowest patterns to compile. Which
patterns those are is read from their parse trees once, when the pack is cached, and kept there.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from careerfix.models.assessment import Status
from careerfix.models.pack import Proof

FLAGS = re.IGNORECASE


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group())


class PatternGroup:
    """One step's patterns, in the pack's order, compiled when first needed."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = tuple(patterns)

    @cached_property
    def each(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, FLAGS) for p in self.patterns)

    @cached_property
    def joined(self) -> re.Pattern[str] | None:
        """A pattern that matches where any of the group's does; None when there is none.

        Joining is exact only for patterns without groups (a group would renumber, and a
        backreference needs one); a pack's patterns have none, but one that does, or that sets a
        flag for the whole pattern, is simply tried alone, as before.
        """
        if not self.patterns:
            return None
        try:
            joined = re.compile("|".join(f"(?:{p})" for p in self.patterns), FLAGS)
        except re.error:
            return None
        return joined if joined.groups == 0 else None

    @cached_property
    def ascii(self) -> PatternGroup:
        """The patterns that can match a text of ASCII characters only (most English evidence):
        the others need a character such as 场 or → that no such text has."""
        kept = tuple(p for p in self.patterns if not needs_non_ascii(p))
        return self if kept == self.patterns else PatternGroup(kept)

    def search(self, text: str) -> bool:
        """Does any pattern match ``text``?"""
        group = self.ascii if text.isascii() else self
        if not group.patterns:
            return False
        joined = group.joined
        if joined is not None:
            return joined.search(text) is not None
        return any(p.search(text) for p in group.each)

    def blank(self, text: str) -> str:
        """``text`` with every match of each pattern in turn replaced by as many spaces."""
        # Pattern by pattern, without asking the joined pattern first: that would compile each
        # pattern twice, and one search of the joined pattern costs about what the patterns'
        # own do. Blanking writes spaces only, so an ASCII text stays one.
        for p in (self.ascii if text.isascii() else self).each:
            text = p.sub(_spaces, text)
        return text


# Under IGNORECASE these match an ASCII letter (i, k, s); every other non-ASCII character matches
# no ASCII one (tests/test_proof.py checks every code point).
_ASCII_LIKE = frozenset({0x130, 0x131, 0x17F, 0x212A})


# Escapes that can name a non-ASCII character: \\u4e00, \\U0001f600, \\xe9, \\N{...}, octal \\351.
_NON_ASCII_ESCAPE = re.compile(r"\\[uUxN0-7]")


@functools.cache
def _parse(pattern: str) -> Any:
    from re import _parser  # type: ignore[attr-defined]

    return _parser.parse(pattern, FLAGS)


# Whether each pattern needs a non-ASCII character, by pattern. Reading a parse tree costs about
# as much as compiling a small pattern, so the answers are kept with a cached pack (packcache)
# and a run that reads its pack from the cache only looks them up.
_NEEDS_NON_ASCII: dict[str, bool] = {}


def needs_non_ascii(pattern: str) -> bool:
    """True when every match of ``pattern`` (case-insensitive) contains a non-ASCII character."""
    found = _NEEDS_NON_ASCII.get(pattern)
    if found is None:
        found = _NEEDS_NON_ASCII[pattern] = _worked_out(pattern)
    return found


def remember_needs(known: dict[str, bool]) -> None:
    """Answers of :func:`needs_non_ascii` worked out before (by the run that cached the pack)."""
    _NEEDS_NON_ASCII.update(known)


def proof_patterns(proof: Proof) -> list[str]:
    """Every pattern of the pack's ``proof``."""
    return [
        proof.number,
        *proof.activity,
        *proof.change,
        *proof.amount,
        *proof.period,
        *proof.counts,
    ]


def _worked_out(pattern: str) -> bool:
    """:func:`needs_non_ascii`, from the pattern itself.

    Read from the pattern's parse tree; anything not understood counts as "can match ASCII", so
    the answer errs only towards trying a pattern, never towards skipping one that could match.
    """
    if pattern.isascii() and not _NON_ASCII_ESCAPE.search(pattern):
        return False  # every character it names is ASCII: nothing to read
    try:
        from re import _constants as sre  # type: ignore[attr-defined]

        return _sequence_needs(_parse(pattern), sre)
    except Exception:
        return False


def _sequence_needs(items: Any, sre: Any) -> bool:
    return any(_item_needs(op, av, sre) for op, av in items)


def _item_needs(op: Any, av: Any, sre: Any) -> bool:
    if op is sre.LITERAL:
        return _non_ascii(av, av)
    if op is sre.IN:
        for kind, value in av:
            if kind is sre.LITERAL:
                if not _non_ascii(value, value):
                    return False
            elif kind is sre.RANGE:
                if not _non_ascii(*value):
                    return False
            else:  # NEGATE, CATEGORY (\d, \w ...)
                return False
        return True
    if op is sre.BRANCH:
        return all(_sequence_needs(branch, sre) for branch in av[1])
    if op is sre.SUBPATTERN:
        return _sequence_needs(av[-1], sre)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return av[0] >= 1 and _sequence_needs(av[2], sre)
    if op is sre.ATOMIC_GROUP:
        return _sequence_needs(av, sre)
    return False  # anchors, lookarounds, ., backreferences: no character of their own required


def _non_ascii(low: int, high: int) -> bool:
    """No character from ``low`` to ``high`` is or matches an ASCII one."""
    return low > 0x7F and not any(low <= c <= high for c in _ASCII_LIKE)


class CompiledProof:
    # A plain class: as a dataclass it compiled three methods with exec on every start (about
    # 0.3 ms), the interview's included, which never reads evidence before its first question.
    def __init__(
        self,
        number: PatternGroup,
        activity: PatternGroup,
        change: PatternGroup,  # change and amount: either makes evidence proven
        period: PatternGroup,
        counts: PatternGroup,
    ) -> None:
        self.number = number
        self.activity = activity
        self.change = change
        self.period = period
        self.counts = counts


def compile_proof(proof: Proof) -> CompiledProof:
    return CompiledProof(
        PatternGroup([proof.number]),
        PatternGroup(proof.activity),
        PatternGroup(proof.change + proof.amount),
        PatternGroup(proof.period),
        PatternGroup(proof.counts),
    )


def proof_status(proof: CompiledProof, text: str | None) -> Status:
    """proven (names a result), weak (a number, but no result) or unproven (no number)."""
    if not text:
        return "unproven"
    text = unicodedata.normalize("NFKC", text)
    if not proof.number.search(text):
        return "unproven"
    rest = proof.activity.blank(text)
    if proof.change.search(rest):
        return "proven"
    rest = proof.period.blank(rest)
    if proof.counts.search(rest):
        return "proven"
    return "weak"
