"""Properties that hold for every input, checked on generated ones (hypothesis).

Valid answers, drawn from the shipped pack's own questions (random subsets, choices, multi-choice
lists, evidence with any Unicode, control characters included):

- the JSON report of ``careerfix assess`` validates against ``careerfix schema report``, every
  level is within 0–4 and every score and percentage within 0–100, and a second run prints the
  same bytes;
- raising one answer's level never lowers the module score of its competency, nor raises that
  competency's gap to the target role (nor the path's length).

Any bytes at all, given as an answers file, as one YAML file of a pack, as the interview's draft or
as the pack cache: careerfix ends with a message and one of its documented exit codes, never a
traceback (the CLI runs in-process with ``catch_exceptions=False``, so one fails the test) and
never a hang (each example has a time limit). A draft's bytes are never lost, and a damaged cache
never changes a report.

The engine's own ranges and the report-vs-pydantic contract are in test_engine.py
(``test_random_answers_properties``); the answers check against its published schema is in
test_answers_errors.py. Examples are kept few so the suite stays fast.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from typer.testing import Result

from careerfix.engine import assess
from careerfix.errors import ExitCode
from careerfix.models.answers import Answers
from helpers import EXAMPLES_DIR, SHIPPED_RULES, run_cli, shipped_pack
from test_hostile_text import LIVE

PACK = shipped_pack()
ROLES = sorted(PACK.role_by_id)
EXAMPLE = EXAMPLES_DIR / "platform-kol-operator.yaml"
DOCUMENTED = {int(code) for code in ExitCode}
# An example that takes longer than this is taken for a hang.
HANG_SECONDS = 20


@contextlib.contextmanager
def time_limit(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Fail an example that hangs, so hypothesis reports the input (pytest-timeout is the backstop
    where no alarm can be set: off the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def hang(signum: int, frame: object) -> None:
        raise AssertionError(f"no answer within {seconds} s: careerfix hangs on this input")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def assert_clean_exit(result: Result, *, allowed: set[int] = DOCUMENTED) -> None:
    """A documented exit code; on failure a ``careerfix:`` message and no traceback."""
    assert result.exit_code in allowed, (result.exit_code, result.stderr[-2000:])
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, stream[-3000:]
    if result.exit_code != 0:
        assert "careerfix: " in result.stderr, result.stderr[-2000:]


# ---------------------------------------------------------------- valid answers

# Evidence: any text up to the limit, with control characters, bidi marks and escapes mixed in.
_HOSTILE_CHARS = st.sampled_from(
    [
        "\x1b[2J",
        "\x1b]52;c;eA==\x07",
        "\n",
        "\r",
        "\t",
        "\x00",
        "\x85",
        "\u202e",
        "\u200b",
        "\ufeff",
    ]
)
_EVIDENCE = st.lists(
    st.one_of(st.text(max_size=40), _HOSTILE_CHARS, st.sampled_from(["18% -> 24%", "签约 800 人"])),
    max_size=6,
).map(lambda parts: "".join(parts)[:500])


@st.composite
def valid_answers(draw: st.DrawFn) -> dict[str, Any]:
    """An answers document the shipped pack accepts: any subset of its questions, any choices."""
    answers: dict[str, str | list[str]] = {}
    evidence: dict[str, str] = {}
    for qid, q in PACK.questions.items():
        if draw(st.integers(0, 2)) == 0:
            continue  # not answered
        if q.kind == "multi":
            known = [c.value for c in q.choices if not c.unknown]
            answers[qid] = draw(
                st.one_of(
                    st.just([PACK.unknown_value[qid]]),
                    st.lists(st.sampled_from(known), min_size=1, max_size=len(known), unique=True),
                )
            )
        else:
            answers[qid] = draw(st.sampled_from([c.value for c in q.choices]))
        if q.kind == "experience" and draw(st.booleans()):
            evidence[qid] = draw(_EVIDENCE)
    doc: dict[str, Any] = {"pack": PACK.id, "pack_version": PACK.version, "answers": answers}
    if evidence:
        doc["evidence"] = evidence
    if draw(st.booleans()):
        doc["target"] = draw(st.sampled_from(ROLES))
    if draw(st.booleans()):
        doc["lang"] = draw(st.sampled_from(["zh", "en"]))
    return doc


def write_answers(folder: Path, doc: Mapping[str, Any], fmt: str) -> Path:
    if fmt == "json":
        path = folder / "answers.json"
        path.write_text(json.dumps(doc), encoding="utf-8")  # \u escapes: any text survives
    else:
        path = folder / "answers.yaml"
        path.write_text(yaml.safe_dump(dict(doc), allow_unicode=True), encoding="utf-8")
    return path


@cache
def report_schema() -> Draft202012Validator:
    """The schema exactly as users get it: ``careerfix schema report``."""
    result = run_cli(["schema", "report"])
    assert result.exit_code == 0, result.stderr
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


# JSON keys whose numbers are levels (0–4) or scores and percentages (0–100), wherever they sit.
LEVEL_KEYS = {"level", "average", "current", "required", "to"}
PERCENT_KEYS = {"score"}
SHARE_KEYS = {"coverage"}  # a share, 0–1


def numbers(node: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from numbers(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from numbers(item, key)
    elif isinstance(node, int | float) and not isinstance(node, bool):
        yield key, node


def check_ranges(report: dict[str, Any]) -> None:
    seen = set()
    for section in ("modules", "competencies", "path", "plan", "evidence"):
        for key, value in numbers(report[section]):
            seen.add(key)
            if key in LEVEL_KEYS:
                assert 0 <= value <= 4, (section, key, value)
            elif key in SHARE_KEYS:
                assert 0 <= value <= 1, (section, key, value)
            elif key in PERCENT_KEYS:
                assert 0 <= value <= 100, (section, key, value)
            elif key in {"steps", "horizon", "plan_rank", "rank", "core", "core_met"}:
                assert value >= 0, (section, key, value)
    for module in report["modules"]:
        assert (module["score"] is None) == (module["status"] == "insufficient_data"), module
    for verdict in report["diagnosis"]["verdicts"]:
        assert verdict["score"] >= 0, verdict
    for count in report["facts"].values():
        assert count >= 0, report["facts"]
    assert "coverage" in seen  # every module says its coverage, even with no answer


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    doc=valid_answers(), fmt=st.sampled_from(["yaml", "json"]), lang=st.sampled_from(["zh", "en"])
)
def test_any_valid_answers_give_a_schema_valid_report_in_range_and_the_same_twice(
    doc: dict[str, Any], fmt: str, lang: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_answers(Path(folder), doc, fmt)
        args = ["assess", "--answers", str(path), "--format", "json", "--lang", lang]
        env = {"CAREERFIX_HOME": str(Path(folder) / "home")}
        with time_limit():
            first = run_cli([*args, "--db", str(Path(folder) / "h.db")], env=env)
            second = run_cli([*args, "--no-save"], env=env)
    assert first.exit_code == 0, first.stderr[-2000:]
    assert second.exit_code == 0, second.stderr[-2000:]
    assert first.stdout == second.stdout, "the same answers gave another report"
    report = json.loads(first.stdout)
    report_schema().validate(report)
    check_ranges(report)
    for shown in report["evidence"]:
        if shown["evidence"] is not None:
            assert not LIVE.search(shown["evidence"]), repr(shown["evidence"])


# ---------------------------------------------------------------- monotonicity (the engine)


def as_answers(doc: Mapping[str, Any]) -> Answers:
    return Answers(
        pack=PACK.id,
        pack_version=PACK.version,
        answers=dict(doc["answers"]),
        evidence=dict(doc.get("evidence", {})),
    )


@st.composite
def a_raise(draw: st.DrawFn) -> tuple[dict[str, Any], str, str, str]:
    """Valid answers, one of its experience answers below the top level, a higher choice for it,
    and a target role (fixed, so that raising an answer cannot move the target)."""
    doc = draw(valid_answers())
    levels = PACK.level_of
    raisable = [
        qid
        for qid, value in doc["answers"].items()
        if isinstance(value, str)
        and levels[qid].get(value) is not None
        and any(lv is not None and lv > levels[qid][value] for lv in levels[qid].values())  # type: ignore[operator]
    ]
    if not raisable:  # answer one experience question at its lowest level
        qid = draw(
            st.sampled_from([q for q, x in PACK.questions.items() if x.kind == "experience"])
        )
        low = min(lv for lv in levels[qid].values() if lv is not None)
        doc["answers"][qid] = next(v for v, lv in levels[qid].items() if lv == low)
        raisable = [qid]
    qid = draw(st.sampled_from(sorted(raisable)))
    now = levels[qid][doc["answers"][qid]]
    assert now is not None
    higher = [v for v, lv in levels[qid].items() if lv is not None and lv > now]
    return doc, qid, draw(st.sampled_from(higher)), draw(st.sampled_from(ROLES))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=a_raise())
def test_raising_one_answer_never_lowers_its_module_nor_raises_its_gap(
    case: tuple[dict[str, Any], str, str, str],
) -> None:
    doc, qid, higher, target = case
    raised_doc = {**doc, "answers": {**doc["answers"], qid: higher}}
    before = assess(PACK, as_answers(doc), target)
    after = assess(PACK, as_answers(raised_doc), target)
    cid = PACK.questions[qid].competency
    assert cid is not None
    comp_before = next(c for c in before.competencies if c.id == cid)
    comp_after = next(c for c in after.competencies if c.id == cid)
    mod_before = next(m for m in before.modules if m.id == comp_before.module)
    mod_after = next(m for m in after.modules if m.id == comp_after.module)

    assert comp_before.level is not None and comp_after.level is not None
    assert comp_after.level >= comp_before.level - 1e-9
    assert mod_before.level is not None and mod_after.level is not None
    assert mod_after.level >= mod_before.level - 1e-9
    assert mod_after.coverage == pytest.approx(mod_before.coverage)
    if mod_before.score is not None:
        assert mod_after.score is not None and mod_after.score >= mod_before.score
    if comp_before.need is not None and comp_before.need.steps is not None:
        assert comp_after.need is not None and comp_after.need.steps is not None
        assert comp_after.need.steps <= comp_before.need.steps
    if before.path is not None:
        assert after.path is not None and after.path.steps <= before.path.steps
    # every other competency is untouched
    others = {c.id: c.level for c in before.competencies if c.id != cid}
    assert others == {c.id: c.level for c in after.competencies if c.id != cid}


# ---------------------------------------------------------------- any bytes


def mutations(base: bytes) -> st.SearchStrategy[bytes]:
    """``base`` with one stretch replaced by random bytes, or cut short, or random bytes alone."""

    @st.composite
    def splice(draw: st.DrawFn) -> bytes:
        start = draw(st.integers(0, len(base)))
        end = draw(st.integers(start, min(len(base), start + 40)))
        return base[:start] + draw(st.binary(max_size=24)) + base[end:]

    return st.one_of(
        st.binary(max_size=200),
        splice(),
        st.integers(0, len(base)).map(lambda n: base[:n]),
    )


EXAMPLE_BYTES = EXAMPLE.read_bytes()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=mutations(EXAMPLE_BYTES),
    name=st.sampled_from(["a.yaml", "a.json", "answers"]),
    fmt=st.sampled_from(["json", "text", "markdown"]),
)
@example(data=b"\xff\xfe\x00garbage", name="a.yaml", fmt="json")
@example(data=b"", name="a.json", fmt="json")
@example(data=b"a: &a [*a, *a]\n" * 3, name="a.yaml", fmt="text")
@example(
    data=b'{"answers": {"user.kol_work": "led"}, "evidence": {"user.kol_work": "\\ud800"}}',
    name="a.json",
    fmt="text",
)
def test_any_bytes_as_an_answers_file_end_cleanly(data: bytes, name: str, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with time_limit():
            result = run_cli(
                ["assess", "-a", str(path), "-f", fmt, "--no-save", "--lang", "en"],
                env={"CAREERFIX_HOME": str(Path(folder) / "home")},
            )
    assert_clean_exit(result, allowed={ExitCode.OK, ExitCode.INPUT})
    if result.exit_code == ExitCode.INPUT:
        assert name in result.stderr, result.stderr  # the message names the file


@pytest.fixture(scope="module")
def pack_copy() -> Iterator[Path]:
    """One copy of the shipped pack for the whole module; each example restores what it broke."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "rules"
        shutil.copytree(SHIPPED_RULES, target)
        yield target


PACK_FILES = sorted(str(p.relative_to(SHIPPED_RULES)) for p in SHIPPED_RULES.rglob("*.yaml"))


@st.composite
def broken_pack_file(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(PACK_FILES))
    return name, draw(mutations((SHIPPED_RULES / name).read_bytes()))


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(case=broken_pack_file(), command=st.sampled_from(["check", "assess", "show"]))
@example(case=("pack.yaml", b"\xff\xfe\x00garbage"), command="assess")
@example(
    case=(
        "roles.yaml",
        b"a: &a [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        + b"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
    ),
    command="check",
)
@example(case=("fit.yaml", b"!!python/object/apply:os.system ['true']\n"), command="show")
@example(case=("pack.yaml", b""), command="check")
def test_any_bytes_as_a_pack_file_end_cleanly(
    pack_copy: Path, case: tuple[str, bytes], command: str
) -> None:
    name, data = case
    target = pack_copy / name
    args = {
        "check": ["rules", "check", str(pack_copy)],
        "assess": [
            "assess",
            "-a",
            str(EXAMPLE),
            "-f",
            "json",
            "--no-save",
            "--rules",
            str(pack_copy),
        ],
        "show": ["rules", "show", "--rules", str(pack_copy), "--lang", "en"],
    }[command]
    with tempfile.TemporaryDirectory() as home:
        try:
            target.write_bytes(data)
            with time_limit():
                result = run_cli(args, env={"CAREERFIX_HOME": home, "CAREERFIX_NO_CACHE": "1"})
        finally:
            shutil.copyfile(SHIPPED_RULES / name, target)
    assert_clean_exit(result, allowed={ExitCode.OK, ExitCode.RULES})
    if result.exit_code == ExitCode.RULES:  # the problems are located (rules check: stdout)
        out = result.stdout + result.stderr
        # A cut-short file can still be valid YAML that lost ids other files cite: then the
        # problems are rightly located in those files.
        assert Path(name).name in out or f"{pack_copy}/" in out, result.stderr


class StopAtOnce:
    """A prompter whose user presses Ctrl-C at the first prompt, whatever it is."""

    def __init__(self) -> None:
        self.prompts = 0

    def _stop(self, *args: object, **kwargs: object) -> Any:
        self.prompts += 1
        raise KeyboardInterrupt

    select = checkbox = text = _stop


def _valid_draft() -> bytes:
    data = {
        "pack": PACK.id,
        "pack_version": PACK.version,
        "lang": "en",
        "target": None,
        "target_asked": True,
        "answers": dict(list(yaml.safe_load(EXAMPLE_BYTES)["answers"].items())[:5]),
        "evidence": {},
        "saved_at": "2025-01-02T03:04:05+00:00",
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutations(_valid_draft()), resume=st.sampled_from([None, "--resume", "--restart"]))
@example(data=b"\xff\xfe{}", resume="--restart")  # not UTF-8
@example(data=b'{"pack": 3, "pack_version": [], "answers": "x"}', resume=None)  # wrong types
@example(
    data=b'{"pack": "x", "pack_version": "1", "target_asked": true, "answers": {"a": {}}}',
    resume="--resume",
)
def test_any_bytes_as_the_draft_end_cleanly_and_are_never_lost(
    data: bytes, resume: str | None
) -> None:
    import careerfix.cli
    import careerfix.prompting

    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as mp:
        home = Path(folder) / "home"
        draft = home / "drafts" / f"{PACK.id}.json"
        draft.parent.mkdir(parents=True)
        draft.write_bytes(data)
        prompter = StopAtOnce()
        mp.setattr(careerfix.cli, "_has_terminal", lambda: True)
        mp.setattr(careerfix.prompting, "make_prompter", lambda: prompter)
        args = ["assess", "--lang", "en", "--no-save", *([resume] if resume else [])]
        with time_limit():
            result = run_cli(args, env={"CAREERFIX_HOME": str(home)})
        kept = [p for p in draft.parent.iterdir() if p.read_bytes() == data]
    # Stopped at the first prompt (130), or refused before it (a clean input error).
    assert_clean_exit(result, allowed={ExitCode.INTERRUPTED, ExitCode.INPUT})
    if resume != "--restart":
        # Whatever the draft held is still on disk, where it was or moved aside.
        assert kept, "the draft's bytes are gone"


class _Short(tuple):  # type: ignore[type-arg]
    """Keeps hypothesis from printing the whole cache file with each failing example."""

    def __repr__(self) -> str:
        return "<cached pack>"


_ASSESS_OWN_PACK = ["assess", "-a", str(EXAMPLE), "-f", "json", "--no-save", "--rules"]


@pytest.fixture(scope="module")
def cached_report() -> Iterator[tuple[Path, bytes, str]]:
    """A home whose cache holds the shipped pack, the cache file's bytes, and the report it gives."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        # A copy that is not byte-identical to the shipped pack: the shipped one is read from
        # the cache inside careerfix; this one gets a cache in the home, as a user's pack would.
        shutil.copytree(SHIPPED_RULES, home / "rules")
        with (home / "rules" / "pack.yaml").open("a", encoding="utf-8") as pack_file:
            pack_file.write("\n# a copy\n")
        env = {"CAREERFIX_HOME": str(home)}
        result = run_cli([*_ASSESS_OWN_PACK, str(home / "rules")], env=env)
        assert result.exit_code == 0, result.stderr
        (cache_file,) = (home / "cache" / "packs").glob("*.json")
        yield _Short((cache_file, cache_file.read_bytes(), result.stdout))


@st.composite
def wrong_typed_cache(draw: st.DrawFn, base: bytes) -> bytes:
    """The real cache with one value somewhere inside replaced by a value of another type
    (its verifying line kept as it was)."""
    header, _, payload = base.partition(b"\n")
    data = json.loads(payload)
    node: Any = data
    for _ in range(draw(st.integers(1, 6))):
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        child = node[key]
        if not isinstance(child, dict | list) or draw(st.integers(0, 3)) == 0:
            node[key] = draw(
                st.one_of(
                    st.none(),
                    st.booleans(),
                    st.integers(-5, 5),
                    st.text(max_size=5),
                    st.just([]),
                    st.just({}),
                    st.just([1, "x"]),
                )
            )
            break
        node = child
    return header + b"\n" + json.dumps(data, ensure_ascii=False).encode()


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_bytes_as_the_pack_cache_never_change_the_report(
    cached_report: tuple[Path, bytes, str], data: st.DataObject
) -> None:
    cache_file, good, expected = cached_report
    bytes_ = data.draw(st.one_of(mutations(good), wrong_typed_cache(good)), label="cache")
    home = cache_file.parents[2]
    try:
        cache_file.write_bytes(bytes_)
        with time_limit():
            result = run_cli(
                [*_ASSESS_OWN_PACK, str(home / "rules")], env={"CAREERFIX_HOME": str(home)}
            )
    finally:
        cache_file.write_bytes(good)
    assert_clean_exit(result, allowed={ExitCode.OK})
    assert result.stdout == expected, "a damaged cache changed the report"
