"""``careerfix compare A B``: two raters of one person — differences of more than one level, the
verdicts side by side, a merged view with each side's evidence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import (
    EXAMPLES_DIR,
    assert_no_traceback,
    choice_with_level,
    run_cli,
    shipped_pack,
    write,
)

PACK = shipped_pack()
KOL = EXAMPLES_DIR / "platform-kol-operator.yaml"


def _base() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(KOL.read_text("utf-8"))
    return data


def _with_levels(
    levels: dict[str, int], *, evidence: dict[str, str] | None = None
) -> dict[str, Any]:
    data = _base()
    for comp, level in levels.items():
        (q,) = PACK.competency_questions[comp]
        data["answers"][q.id] = choice_with_level(PACK, q.id, level)
    if evidence is not None:
        data["evidence"] = evidence
    return data


def _compare(tmp_path: Path, a: dict[str, Any], b: dict[str, Any], *extra: str) -> dict[str, Any]:
    fa = write(tmp_path / "self.yaml", yaml.safe_dump(a, allow_unicode=True))
    fb = write(tmp_path / "manager.yaml", yaml.safe_dump(b, allow_unicode=True))
    result = run_cli(["compare", str(fa), str(fb), "--format", "json", "--lang", "en", *extra])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_identical_ratings_differ_nowhere_and_agree(tmp_path: Path) -> None:
    out = _compare(tmp_path, _base(), _base())
    assert out["differences"] == []
    assert out["verdicts_agree"] is True
    assert [s["label"] for s in out["sides"]] == ["self.yaml", "manager.yaml"]
    assert len(out["merged"]) == len(PACK.competencies)
    assert all(r["levels"][0] == r["levels"][1] for r in out["merged"])


def test_opposite_ratings_list_every_competency(tmp_path: Path) -> None:
    comps = list(PACK.competencies)
    top = _with_levels(dict.fromkeys(comps, 4), evidence={})
    bottom = _with_levels(dict.fromkeys(comps, 0), evidence={})
    out = _compare(tmp_path, top, bottom, "--labels", "self,manager")
    assert [r["competency"] for r in out["differences"]] == comps
    assert all(r["gap"] == -4 for r in out["differences"])
    assert [s["label"] for s in out["sides"]] == ["self", "manager"]


@pytest.mark.parametrize(
    ("a", "b", "listed"), [(1, 2, False), (1, 3, True), (3, 2, False), (4, 2, True)]
)
def test_one_level_apart_is_not_a_difference_two_is(
    tmp_path: Path, a: int, b: int, listed: bool
) -> None:
    comp = "user.lifecycle"
    out = _compare(tmp_path, _with_levels({comp: a}), _with_levels({comp: b}))
    assert (comp in [r["competency"] for r in out["differences"]]) is listed
    row = next(r for r in out["merged"] if r["competency"] == comp)
    assert row["levels"] == [a, b] and row["gap"] == b - a


def test_each_sides_evidence_is_in_the_merged_view(tmp_path: Path) -> None:
    comp = "user.core_users"
    (q,) = PACK.competency_questions[comp]
    mine = _with_levels({comp: 4}, evidence={q.id: "KOLs signed 800 -> 3,100 in 18 months"})
    theirs = _with_levels({comp: 2}, evidence={q.id: "ran 3 KOL events"})
    out = _compare(tmp_path, mine, theirs)
    row = next(r for r in out["merged"] if r["competency"] == comp)
    assert [(e["evidence"], e["status"]) for e in row["evidence"][0]] == [
        ("KOLs signed 800 -> 3,100 in 18 months", "proven")
    ]
    assert [(e["evidence"], e["status"]) for e in row["evidence"][1]] == [
        ("ran 3 KOL events", "weak")
    ]


def test_a_report_json_compares_as_its_answers_file(tmp_path: Path) -> None:
    other = _with_levels({"user.lifecycle": 0, "content.production": 4})
    fb = write(tmp_path / "b.yaml", yaml.safe_dump(other, allow_unicode=True))
    report = run_cli(["assess", "-a", str(fb), "--format", "json", "--lang", "en"])
    assert report.exit_code == 0
    fr = write(tmp_path / "b.json", report.stdout)
    from_answers = run_cli(
        ["compare", str(KOL), str(fb), "-f", "json", "--lang", "en", "--labels", "a,b"]
    )
    from_report = run_cli(
        ["compare", str(KOL), str(fr), "-f", "json", "--lang", "en", "--labels", "a,b"]
    )
    assert from_answers.exit_code == from_report.exit_code == 0
    assert json.loads(from_answers.stdout) == json.loads(from_report.stdout)


def test_text_output_names_both_sides_and_the_differences(tmp_path: Path) -> None:
    comps = list(PACK.competencies)
    fa = write(tmp_path / "a.yaml", yaml.safe_dump(_with_levels(dict.fromkeys(comps, 4))))
    fb = write(tmp_path / "b.yaml", yaml.safe_dump(_with_levels(dict.fromkeys(comps, 0))))
    for lang, heading in (("en", "more than one level apart"), ("zh", "相差超过一级")):
        result = run_cli(["compare", str(fa), str(fb), "--labels", "self,manager", "--lang", lang])
        assert result.exit_code == 0, result.stderr
        assert heading in result.stdout
        assert "self" in result.stdout and "manager" in result.stdout


@pytest.mark.parametrize(
    ("content", "code", "says"),
    [
        (None, 1, "no such file"),
        ("answers:\n  user.kol_work: sometimes\n", 1, "user.kol_work"),
        ("{not json", 1, "b.json"),
    ],
)
def test_bad_sides_are_located_errors(
    tmp_path: Path, content: str | None, code: int, says: str
) -> None:
    path = tmp_path / ("b.json" if content and content.startswith("{") else "b.yaml")
    if content is not None:
        write(path, content)
    result = run_cli(["compare", str(KOL), str(path)])
    assert result.exit_code == code
    assert says in result.stderr
    assert_no_traceback(result)


def _store(tmp_path: Path, db: Path, data: dict[str, Any], name: str, person: str) -> None:
    f = write(tmp_path / name, yaml.safe_dump(data, allow_unicode=True))
    result = run_cli(
        ["assess", "-a", str(f), "--format", "json", "--db", str(db), "--person", person, "-q"]
    )
    assert result.exit_code == 0, result.stderr


FLAGS = ("-f", "json", "--lang", "en", "--labels", "a,b")


def test_history_references_compare_as_their_reports(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    low = _with_levels({"user.lifecycle": 0, "content.production": 0})
    high = _with_levels({"user.lifecycle": 4, "content.production": 4})
    _store(tmp_path, db, low, "march.yaml", "lin")
    _store(tmp_path, db, high, "june.yaml", "lin")
    _store(tmp_path, db, low, "other.yaml", "wang")  # someone else's latest: never picked
    by_ref = run_cli([*("compare", "last~1", "last", "--db", str(db), "--person", "lin"), *FLAGS])
    assert by_ref.exit_code == 0, by_ref.stderr
    files = _compare(tmp_path, low, high, "--labels", "a,b")
    assert json.loads(by_ref.stdout) == files
    assert {d["competency"] for d in files["differences"]} >= {"user.lifecycle"}
    # A file and a stored assessment side by side: the last one of lin equals the high file.
    mixed = run_cli(
        [
            *("compare", str(tmp_path / "june.yaml"), "last", "--db", str(db), "--person", "lin"),
            *FLAGS,
        ]
    )
    assert mixed.exit_code == 0, mixed.stderr
    assert json.loads(mixed.stdout)["differences"] == []


@pytest.mark.parametrize(
    ("ref", "with_db", "says"),
    [
        ("last~5", True, "last~5"),
        ("abcdef12", True, "abcdef12"),
        ("last", False, "no assessment history"),
        ("nothing-here.yaml", True, "no such file, and not a history reference"),
    ],
)
def test_unknown_history_references_are_clean_errors(
    tmp_path: Path, ref: str, with_db: bool, says: str
) -> None:
    db = tmp_path / "history.db"
    if with_db:
        _store(tmp_path, db, _base(), "one.yaml", "lin")
    result = run_cli(["compare", str(KOL), ref, "--db", str(db), "--person", "lin", "--lang", "en"])
    assert result.exit_code == 1
    assert says in result.stderr
    assert_no_traceback(result)
