"""Answers: read a file (YAML or JSON, or stdin), check it against a rules pack, write answers data.

Every source of answers — an answers file, ``--set``, a saved draft, the interview — is checked by
:func:`answers_from_data`, in two steps:

* the file's shape: its fields, their types and their limits, read from the declaration of
  :class:`~careerfix.models.answers.AnswersFile` (``Constraint`` and ``Describe`` annotations), so
  that the record stays the one place they are written. ``careerfix schema answers`` publishes the
  same record as JSON Schema, and a property test holds the two to the same verdict;
* its values against the pack: known question ids, choice values, pack and role.

Every problem is located at ``file:line:col`` from the YAML node tree. pydantic is never imported
here: it only writes the published schema. :func:`to_data` / :func:`from_data` are the one way
answers data is written and read (answers files, drafts, ``--save-answers``, templates).
"""

from __future__ import annotations

import functools
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, fields
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol, TypeAlias, Union

from careerfix.datafile import (
    MAX_ANSWERS_BYTES,
    DataFileError,
    describe,
    locate,
    node_for_json,
    parse_json,
    parse_yaml,
    read_input_text,
)
from careerfix.errors import AnswersError, InputError, Problem, Said
from careerfix.models.answers import Answers, AnswersFile
from careerfix.models.records import Before, Constraint

if TYPE_CHECKING:
    from yaml.nodes import Node

    from careerfix.models.pack import Question, RulePack

Loc = tuple[str | int, ...]
# A problem before it is located in a file: where it is (a path of keys and indexes) and what.
Message: TypeAlias = "str | Said"
Issue = tuple[Loc, Message]

NodeSource: TypeAlias = "Node | Callable[[], Node | None] | None"


def read_answers_data(source: str) -> tuple[Any, NodeSource, str]:
    """Read and parse an answers file (``-`` is stdin); return data, node tree and display name.

    For JSON the node tree (for line numbers) is built only if a problem needs it: it takes the
    YAML parser, which a valid JSON file never has to import.
    """
    text, display = _or_raise(lambda: read_input_text(source, MAX_ANSWERS_BYTES))
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
            raise InputError(Said.of("ans_set_form", pair=repr(pair)))
        q = pack.questions.get(qid)
        if q is None:
            raise InputError(
                Said.of(
                    "ans_set_unknown",
                    pair=repr(pair),
                    qid=qid,
                    suggest=_suggest(qid, pack.questions),
                )
            )
        values = [v.strip() for v in value.split(",")] if q.kind == "multi" else [value]
        for v in values:
            if not is_choice(q, v):
                raise InputError(
                    Said.of(
                        "ans_set_not_choice",
                        pair=repr(pair),
                        value=v,
                        qid=qid,
                        choices=", ".join(c.value for c in q.choices),
                    )
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
    """The check of answers data: its shape, then its values against ``pack``.

    Raises :class:`AnswersError` with every problem located in ``display`` (lines and columns
    from the node tree, built only when there is a problem). A file whose shape is wrong is not
    checked against the pack: its problems are listed first, and alone.
    """
    try:
        parsed = from_data(data)
    except AnswersDataError as exc:
        raise AnswersError(_located(exc.issues, display, node_source)) from None
    merged = {qid: value for qid, value in parsed.answers.items() if value is not None}
    if overrides:
        merged.update(overrides)
    issues = check_answers(pack, parsed, merged)
    if issues:
        raise AnswersError(_located(issues, display, node_source))
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


def _located(issues: list[Issue], display: str, node_source: NodeSource) -> list[Problem]:
    tree = node_source() if callable(node_source) else node_source
    problems = []
    for loc, message in issues:
        if not loc:  # the document as a whole: no line to point at
            problems.append(Problem(display, "", message))
            continue
        path, line, col = locate(tree, loc)
        problems.append(Problem(display, path, message, line, col))
    return problems


# ---------------------------------------------------------------- answers data: write and read


class AnswersData(Protocol):
    """Anything holding answers: a checked :class:`Answers`, an :class:`AnswersFile`, a draft."""

    @property
    def pack(self) -> str | None: ...
    @property
    def pack_version(self) -> str | None: ...
    @property
    def lang(self) -> str | None: ...
    @property
    def target(self) -> str | None: ...
    @property
    def answers(self) -> Mapping[str, str | list[str] | None]: ...
    @property
    def evidence(self) -> Mapping[str, str | None]: ...


class AnswersDataError(ValueError):
    """Answers data whose shape is wrong; ``issues`` lists every problem, in the file's order."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in issues))
        self.issues = issues


def to_data(answers: AnswersData) -> dict[str, Any]:
    """Answers as answers-file data, fields in the file's order (the ``template`` block only when
    there is one): what answers files, drafts, ``--save-answers`` and templates write."""
    data: dict[str, Any] = {
        "pack": answers.pack,
        "pack_version": answers.pack_version,
        "lang": answers.lang,
        "target": answers.target,
        "answers": dict(answers.answers),
        "evidence": dict(answers.evidence),
    }
    template = getattr(answers, "template", None)
    if template is not None:
        data["template"] = template
    return data


def from_data(data: Any) -> AnswersFile:
    """Answers-file data as the record, after checking its fields, their types and limits.

    Raises :class:`AnswersDataError` listing every problem. The values are not checked against a
    pack here (see :func:`answers_from_data`).
    """
    if not isinstance(data, dict):
        raise AnswersDataError([((), Said.of("ans_top_level"))])
    issues: list[Issue] = []
    values = _record_rule(AnswersFile)(data, (), issues)
    if issues:
        raise AnswersDataError(issues)
    return AnswersFile(**values)


# ---------------------------------------------------------------- the shape, read from the record

# A rule checks one value against one annotation: it lists what is wrong in ``issues`` and returns
# the value as the record holds it (after any ``Before`` conversion), or _BAD.
Rule = Callable[[Any, Loc, list[Issue]], Any]
_BAD: Any = object()
_UNKNOWN_FIELD = Said.of("df_unknown_field")


@functools.cache
def _record_rule(cls: type) -> Rule:
    """The rule of a record: each declared field by its annotation, and no other field.

    Reads the annotations field by field (not ``get_type_hints`` of the class), so that a base
    class's own annotations play no part.
    """
    module = vars(sys.modules[cls.__module__])
    declared = [
        (f.name, f.type, f.default is MISSING and f.default_factory is MISSING) for f in fields(cls)
    ]
    holder = types.SimpleNamespace(__annotations__={name: tp for name, tp, _ in declared})
    hints = typing.get_type_hints(holder, globalns=module, include_extras=True)
    rules = [(name, _rule(hints[name]), required) for name, _, required in declared]
    names = {name for name, _, _ in declared}

    def check(data: Any, loc: Loc, issues: list[Issue]) -> Any:
        values = {}
        for name, rule, required in rules:
            if name in data:
                values[name] = rule(data[name], (*loc, name), issues)
            elif required:
                issues.append(((*loc, name), Said.of("df_missing")))
        for key in data:
            if not isinstance(key, str):
                issues.append(((*loc, _loc_key(key)), Said.of("ans_keys_strings")))
            elif key not in names:
                issues.append(((*loc, key), _UNKNOWN_FIELD))
        return values

    return check


def _rule(tp: Any) -> Rule:
    """The rule for one annotation; only the forms an answers file uses are understood."""
    origin = typing.get_origin(tp)
    if tp is Any:
        return _anything
    if tp is str:
        return _string
    if origin is Annotated:
        return _annotated_rule(tp)
    if origin in (Union, types.UnionType):
        return _optional_rule(tp)
    if origin is Literal:
        return _literal_rule(typing.get_args(tp))
    if origin is dict:
        key, value = typing.get_args(tp)
        return _mapping_rule(_rule(key), _rule(value))
    raise TypeError(f"the answers check does not understand the annotation {tp!r}")


def _anything(value: Any, loc: Loc, issues: list[Issue]) -> Any:
    return value


def _string(value: Any, loc: Loc, issues: list[Issue]) -> Any:
    if isinstance(value, str):
        return value
    issues.append((loc, Said.of("ans_string_type", got=describe(value))))
    return _BAD


def _annotated_rule(tp: Any) -> Rule:
    inner_type, *metadata = typing.get_args(tp)
    inner = _rule(inner_type)
    # pydantic runs the last "before" conversion first: each wraps the ones before it.
    converts = [m.convert for m in reversed(metadata) if isinstance(m, Before)]
    limits: dict[str, Any] = {}
    for m in metadata:
        if isinstance(m, Constraint):
            limits.update(m.limits)
    within = _string_limits(limits) if limits else None
    if limits and inner_type is not str:
        raise TypeError(f"the answers check reads limits on strings only, not on {tp!r}")

    def check(value: Any, loc: Loc, issues: list[Issue]) -> Any:
        for convert in converts:
            value = convert(value)
        value = inner(value, loc, issues)
        if value is not _BAD and within is not None:
            problem = within(value)
            if problem is not None:
                issues.append((loc, problem))
                return _BAD
        return value

    return check


def _string_limits(limits: dict[str, Any]) -> Callable[[str], Said | None]:
    """A string's limits, with the messages pydantic gives for them."""
    unknown = set(limits) - {"min_length", "max_length", "pattern"}
    if unknown:
        raise TypeError(f"the answers check does not read these limits: {sorted(unknown)}")
    shortest, longest, pattern = (limits.get(k) for k in ("min_length", "max_length", "pattern"))

    def problem(text: str) -> Said | None:
        if shortest is not None and len(text) < shortest:
            key = "pd_string_too_short_1" if shortest == 1 else "pd_string_too_short"
            return Said.of(key, min_length=shortest)
        if longest is not None and len(text) > longest:
            key = "pd_string_too_long_1" if longest == 1 else "pd_string_too_long"
            return Said.of(key, max_length=longest)
        if pattern is not None:
            import re

            if not re.search(pattern, text):
                return Said.of("pd_string_pattern_mismatch", pattern=pattern)
        return None

    return problem


def _optional_rule(tp: Any) -> Rule:
    members = [m for m in typing.get_args(tp) if m is not type(None)]
    if len(members) != 1 or len(typing.get_args(tp)) != 2:
        raise TypeError(f"the answers check reads X | None unions only, not {tp!r}")
    inner = _rule(members[0])

    def check(value: Any, loc: Loc, issues: list[Issue]) -> Any:
        return None if value is None else inner(value, loc, issues)

    return check


def _literal_rule(options: tuple[Any, ...]) -> Rule:
    shown = [repr(o) for o in options]
    expected: Message = (
        shown[0]
        if len(shown) == 1
        else Said.of("ans_or", first=", ".join(shown[:-1]), last=shown[-1])
    )

    def check(value: Any, loc: Loc, issues: list[Issue]) -> Any:
        if any(type(value) is type(o) and value == o for o in options):
            return value
        issues.append((loc, Said.of("ans_literal", expected=expected)))
        return _BAD

    return check


def _mapping_rule(key_rule: Rule, value_rule: Rule) -> Rule:
    def check(value: Any, loc: Loc, issues: list[Issue]) -> Any:
        if not isinstance(value, dict):
            issues.append((loc, Said.of("ans_dict_type", got=describe(value))))
            return _BAD
        out = {}
        for key, item in value.items():
            where = (*loc, _loc_key(key))
            checked_key = key_rule(key, (*where, "[key]"), issues)
            checked_item = value_rule(item, where, issues)
            if checked_key is not _BAD and checked_item is not _BAD:
                out[checked_key] = checked_item
        return out

    return check


def _loc_key(key: Any) -> str | int:
    """A mapping key as a location part: text and whole numbers as they are, else as written."""
    if isinstance(key, str):
        return key
    if isinstance(key, int):  # booleans too: True is 1, as pydantic located it
        return int(key)
    return repr(key)


# ---------------------------------------------------------------- the values against the pack


def check_answers(
    pack: RulePack, parsed: AnswersFile, answers: Mapping[str, object]
) -> list[Issue]:
    """Every problem with ``parsed`` (answers already merged) against ``pack``: (location, message)."""
    issues = _header_issues(pack, parsed)
    for qid, value in answers.items():
        issues += _answer_issues(pack, qid, value)
    for qid, text in parsed.evidence.items():
        if text:
            issues += _evidence_issues(pack, qid)
    return issues


def _header_issues(pack: RulePack, parsed: AnswersFile) -> list[Issue]:
    issues: list[Issue] = []
    if parsed.pack is not None and parsed.pack != pack.id:
        issues.append(
            (
                ("pack",),
                Said.of("ans_other_pack", theirs=parsed.pack, ours=pack.id),
            )
        )
    if parsed.pack_version is not None and _major(parsed.pack_version) != _major(pack.version):
        issues.append(
            (
                ("pack_version",),
                Said.of("ans_other_version", theirs=parsed.pack_version, ours=pack.version),
            )
        )
    if parsed.target is not None and parsed.target not in pack.role_by_id:
        issues.append(
            (
                ("target",),
                Said.of("ans_unknown_role", role=parsed.target, roles=", ".join(pack.role_by_id)),
            )
        )
    return issues


def _answer_issues(pack: RulePack, qid: str, value: object) -> list[Issue]:
    loc: Loc = ("answers", qid)
    q = pack.questions.get(qid)
    if q is None:
        return [(loc, Said.of("ans_unknown_question", suggest=_suggest(qid, pack.questions)))]
    return [((*loc, *where), message) for where, message in choice_problems(q, value)]


def _evidence_issues(pack: RulePack, qid: str) -> list[Issue]:
    q = pack.questions.get(qid)
    if q is None:
        unknown = Said.of("ans_unknown_question", suggest=_suggest(qid, pack.questions))
        return [(("evidence", qid), unknown)]
    if q.kind != "experience":
        return [(("evidence", qid), Said.of("ans_evidence_experience"))]
    return []


def is_choice(question: Question, value: object) -> bool:
    """Whether ``value`` answers ``question``: one of its choice values or, for a multi-choice
    question, a list of them (at least one, none twice, the "not sure" value alone)."""
    return not choice_problems(question, value)


def choice_problems(question: Question, value: object) -> list[Issue]:
    """What keeps ``value`` from answering ``question``, located inside the value (an index into
    a list); nothing when it does (see :func:`is_choice`)."""
    if isinstance(value, str):
        return [] if question.choice(value) is not None else [((), _not_a_choice(question, value))]
    if not isinstance(value, list):
        wanted = "ans_expected_list" if question.kind == "multi" else "ans_expected_choice"
        return [((), Said.of(wanted, got=describe(value)))]
    if question.kind != "multi":
        return [((), Said.of("ans_one_choice"))]
    for i, v in enumerate(value):
        if not isinstance(v, str):
            return [((i,), Said.of("ans_expected_choice", got=describe(v)))]
    if not value:
        return [((), Said.of("ans_choose_one"))]
    issues: list[Issue] = [
        ((i,), _not_a_choice(question, v))
        for i, v in enumerate(value)
        if question.choice(v) is None
    ]
    unknown = next(c.value for c in question.choices if c.unknown)
    if len(value) > 1 and unknown in value:
        issues.append(((), Said.of("ans_unknown_alone", unknown=unknown)))
    if len(set(value)) != len(value):
        issues.append(((), Said.of("ans_listed_twice")))
    return issues


def _not_a_choice(question: Question, value: str) -> Said:
    choices = ", ".join(c.value for c in question.choices)
    return Said.of("ans_not_a_choice", value=value, choices=choices)


def _major(version: str) -> str:
    return version.split(".", 1)[0]


def _suggest(word: str, known: Iterable[str]) -> Message:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return Said.of("ans_did_you_mean", word=close[0]) if close else ""


def check_target(pack: RulePack, target: str | None) -> None:
    """``--target ROLE`` must name a role of the pack."""
    if target is not None and target not in pack.role_by_id:
        raise InputError(
            Said.of(
                "ans_target_unknown",
                target=target,
                suggest=_suggest(target, pack.role_by_id),
                roles=", ".join(pack.role_by_id),
            )
        )
