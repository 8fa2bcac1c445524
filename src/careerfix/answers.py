"""Read an answers file (YAML or JSON, or stdin) and check it against a rules pack.

The interview and saved drafts go through :func:`check_answers` too, so every source of answers is
validated by the same code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from careerfix.datafile import (
    MAX_ANSWERS_BYTES,
    DataFileError,
    decode,
    describe,
    locate,
    node_for_json,
    parse_json,
    parse_yaml,
    read_text,
    validation_problems,
)
from careerfix.errors import AnswersError, InputError, Problem

if TYPE_CHECKING:
    from yaml.nodes import Node

    from careerfix.models.answers import Answers, AnswersFile
    from careerfix.models.pack import RulePack

Loc = tuple[str | int, ...]


NodeSource: TypeAlias = "Node | Callable[[], Node | None] | None"


def read_answers_data(source: str) -> tuple[Any, NodeSource, str]:
    """Read and parse an answers file (``-`` is stdin); return data, node tree and display name.

    For JSON the node tree (for line numbers) is built only if a problem needs it: it takes the
    YAML parser, which a valid JSON file never has to import.
    """
    if source == "-":
        display = "<stdin>"
        try:
            raw = sys.stdin.buffer.read(MAX_ANSWERS_BYTES + 1)
        except (OSError, ValueError, AttributeError):
            raise InputError("<stdin>: cannot read standard input") from None
        text = _or_raise(lambda: decode(raw, display, MAX_ANSWERS_BYTES))
    else:
        display = source
        text = _or_raise(lambda: read_text(Path(source), display, MAX_ANSWERS_BYTES))
    looks_json = source.lower().endswith(".json") or text.lstrip().startswith(("{", "["))
    if looks_json:
        data = _or_raise(lambda: parse_json(text, display))
        return data, (lambda: node_for_json(text)), display
    data, node = _or_raise(lambda: parse_yaml(text, display))
    return data, node, display


def _or_raise(fn: Any) -> Any:
    try:
        return fn()
    except DataFileError as exc:
        raise AnswersError([exc.problem]) from None


def parse_overrides(pairs: Iterable[str], pack: RulePack) -> dict[str, str | list[str]]:
    """``--set QUESTION=VALUE`` pairs (comma-separated values for multi-choice questions)."""
    out: dict[str, str | list[str]] = {}
    for pair in pairs:
        qid, sep, value = pair.partition("=")
        qid, value = qid.strip(), value.strip()
        if not sep or not qid or not value:
            raise InputError(
                f"--set {pair!r}: expected QUESTION=VALUE, e.g. --set role.employer=platform"
            )
        q = pack.questions.get(qid)
        if q is None:
            raise InputError(
                f"--set {pair!r}: unknown question '{qid}'{_suggest(qid, pack.questions)}"
            )
        values = [v.strip() for v in value.split(",")] if q.kind == "multi" else [value]
        for v in values:
            if q.choice(v) is None:
                raise InputError(
                    f"--set {pair!r}: '{v}' is not a choice of '{qid}' "
                    f"(choices: {', '.join(c.value for c in q.choices)})"
                )
        out[qid] = values if q.kind == "multi" else value
    return out


def load_answers(
    source: str,
    pack: RulePack,
    overrides: Mapping[str, str | list[str]] | None = None,
) -> Answers:
    """Read, parse and check an answers file; ``overrides`` (from ``--set``) win over the file."""
    data, node, display = read_answers_data(source)
    return answers_from_data(data, node, display, pack, overrides)


def answers_from_data(
    data: Any,
    node_source: NodeSource,
    display: str,
    pack: RulePack,
    overrides: Mapping[str, str | list[str]] | None = None,
) -> Answers:
    from careerfix.models.answers import Answers

    def node() -> Node | None:
        return node_source() if callable(node_source) else node_source

    if not isinstance(data, dict):
        raise AnswersError(
            [Problem(display, "", "the top level must be a mapping with an 'answers:' field")]
        )
    parsed = plain_answers_file(data)
    if parsed is None:
        parsed = _validated_answers_file(data, display, node)
    merged = {qid: value for qid, value in parsed.answers.items() if value is not None}
    if overrides:
        merged.update(overrides)
    issues = check_answers(pack, parsed, merged)
    if issues:
        problems = []
        tree = node()
        for loc, message in issues:
            path, line, col = locate(tree, loc)
            problems.append(Problem(display, path, message, line, col))
        raise AnswersError(problems)
    return Answers(
        pack=pack.id,
        pack_version=pack.version,
        lang=parsed.lang,
        target=parsed.target,
        answers={qid: merged[qid] for qid in pack.questions if qid in merged},
        evidence={
            qid: text.strip()
            for qid in pack.questions
            if (text := parsed.evidence.get(qid)) and text.strip()
        },
        written_for=parsed.pack_version,
    )


_FIELDS = frozenset({"pack", "pack_version", "target", "lang", "answers", "evidence", "template"})


def plain_answers_file(data: dict[Any, Any]) -> AnswersFile | None:
    """``data`` as an AnswersFile when it is plainly valid (the usual case), else None.

    Accepts only what the AnswersFile schema accepts unchanged, so that a normal assessment never
    has to import pydantic; anything else — a typo, a wrong type, a text over its limit — goes to
    pydantic, which explains the problem. tests/test_answers_errors.py checks the two agree.
    """
    from careerfix.models.answers import EVIDENCE_LIMIT, TEXT_LIMITS, AnswersFile

    if not _FIELDS.issuperset(data):
        return None
    for name, limit in TEXT_LIMITS.items():
        value = data.get(name)
        if value is not None and (type(value) is not str or len(value) > limit):
            return None
    if data.get("lang") not in (None, "zh", "en"):
        return None
    answers = data.get("answers")
    if answers is None:
        answers = {}
    elif type(answers) is not dict or not all(type(k) is str for k in answers):
        return None
    evidence = data.get("evidence")
    if evidence is None:
        evidence = {}
    elif type(evidence) is not dict or not all(
        type(k) is str and (v is None or (type(v) is str and len(v) <= EVIDENCE_LIMIT))
        for k, v in evidence.items()
    ):
        return None
    return AnswersFile(
        pack=data.get("pack"),
        pack_version=data.get("pack_version"),
        lang=data.get("lang"),
        target=data.get("target"),
        answers=answers,
        evidence=evidence,
        template=data.get("template"),
    )


def _validated_answers_file(
    data: dict[Any, Any], display: str, node: Callable[[], Node | None]
) -> AnswersFile:
    """Full validation by pydantic: used when the quick check above did not pass."""
    from pydantic import ValidationError

    from careerfix.models.answers import AnswersFile
    from careerfix.models.records import adapter

    try:
        parsed: AnswersFile = adapter(AnswersFile).validate_python(data)
    except ValidationError as exc:
        raise AnswersError(validation_problems(exc, display, node())) from None
    return parsed


def check_answers(  # noqa: C901 — one flat list of per-field checks; #9 replaces it with one answers check
    pack: RulePack, parsed: AnswersFile, answers: Mapping[str, str | list[str]]
) -> list[tuple[Loc, str]]:
    """Every problem with ``parsed`` (answers already merged) against ``pack``: (location, message)."""
    issues: list[tuple[Loc, str]] = []
    if parsed.pack is not None and parsed.pack != pack.id:
        issues.append(
            (
                ("pack",),
                f"these answers are for pack '{parsed.pack}', but the rules pack is '{pack.id}'",
            )
        )
    if parsed.pack_version is not None and _major(parsed.pack_version) != _major(pack.version):
        issues.append(
            (
                ("pack_version",),
                f"these answers were written for version {parsed.pack_version} of the pack; "
                f"this pack is {pack.version} and its question ids may differ "
                "(run 'careerfix questions' for a fresh template)",
            )
        )
    if parsed.target is not None and parsed.target not in pack.role_by_id:
        issues.append(
            (("target",), f"unknown role '{parsed.target}' (roles: {', '.join(pack.role_by_id)})")
        )
    for qid, value in answers.items():
        q = pack.questions.get(qid)
        loc: Loc = ("answers", qid)
        if q is None:
            issues.append((loc, f"unknown question id{_suggest(qid, pack.questions)}"))
            continue
        if isinstance(value, list):
            if q.kind != "multi":
                issues.append((loc, "this question takes one choice, not a list"))
                continue
            bad = [i for i, v in enumerate(value) if not isinstance(v, str)]
            if bad:
                issues.append(
                    ((*loc, bad[0]), f"expected a choice value, got {describe(value[bad[0]])}")
                )
                continue
        elif not isinstance(value, str):
            wanted = "a list of choice values" if q.kind == "multi" else "a choice value"
            issues.append((loc, f"expected {wanted}, got {describe(value)}"))
            continue
        values = value if isinstance(value, list) else [value]
        if not values:
            issues.append((loc, "choose at least one value (or the 'not sure' value)"))
            continue
        for i, v in enumerate(values):
            if q.choice(v) is None:
                where = (*loc, i) if isinstance(value, list) else loc
                choices = ", ".join(c.value for c in q.choices)
                issues.append((where, f"'{v}' is not a choice here (choices: {choices})"))
        unknown = pack.unknown_value[qid]
        if len(values) > 1 and unknown in values:
            issues.append((loc, f"'{unknown}' cannot be combined with other choices"))
        if len(set(values)) != len(values):
            issues.append((loc, "a value is listed twice"))
    for qid, text in parsed.evidence.items():
        if not text:
            continue
        q = pack.questions.get(qid)
        if q is None:
            issues.append(
                (("evidence", qid), f"unknown question id{_suggest(qid, pack.questions)}")
            )
        elif q.kind != "experience":
            issues.append((("evidence", qid), "evidence belongs to experience questions only"))
    return issues


def _major(version: str) -> str:
    return version.split(".", 1)[0]


def _suggest(word: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def check_target(pack: RulePack, target: str | None) -> None:
    """``--target ROLE`` must name a role of the pack."""
    if target is not None and target not in pack.role_by_id:
        raise InputError(
            f"--target: unknown role '{target}'{_suggest(target, pack.role_by_id)}; "
            f"roles: {', '.join(pack.role_by_id)} (see 'careerfix roles')"
        )
