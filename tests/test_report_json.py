"""The JSON report is a contract: it validates against `careerfix schema`, is deterministic, and
goes to stdout (or --output) alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, validate

from careerfix.models.report import SCHEMA_VERSION
from helpers import EXAMPLE_IDS, EXAMPLES, run_cli


@pytest.fixture(scope="module")
def report_schema() -> dict[str, Any]:
    result = run_cli(["schema"])
    assert result.exit_code == 0, result.stderr
    schema: dict[str, Any] = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    return schema


@pytest.fixture(scope="module")
def answers_schema() -> dict[str, Any]:
    result = run_cli(["schema", "answers"])
    assert result.exit_code == 0, result.stderr
    schema: dict[str, Any] = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    return schema


def _json(example: Path, *extra: str) -> Any:
    return run_cli(["assess", "--answers", str(example), "--format", "json", *extra])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_report_validates_against_published_schema(
    example: Path, lang: str, report_schema: dict[str, Any]
) -> None:
    result = _json(example, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    validate(data, report_schema, cls=Draft202012Validator)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["inputs"]["lang"] == lang


def test_schema_rejects_a_broken_report(report_schema: dict[str, Any]) -> None:
    """The schema is not vacuous: a report missing a field or with a stray one fails."""
    from jsonschema import ValidationError

    data = json.loads(_json(EXAMPLES[0]).stdout)
    missing = {k: v for k, v in data.items() if k != "modules"}
    with pytest.raises(ValidationError):
        validate(missing, report_schema, cls=Draft202012Validator)
    with pytest.raises(ValidationError):
        validate({**data, "surprise": 1}, report_schema, cls=Draft202012Validator)
    bad_status = json.loads(json.dumps(data))
    bad_status["modules"][0]["status"] = "great"
    with pytest.raises(ValidationError):
        validate(bad_status, report_schema, cls=Draft202012Validator)


@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_json_is_deterministic(example: Path) -> None:
    first = _json(example)
    second = _json(example)
    assert first.exit_code == second.exit_code == 0
    assert first.stdout.encode() == second.stdout.encode()


@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_json_goes_to_stdout_only(example: Path) -> None:
    result = _json(example)
    assert result.exit_code == 0
    json.loads(result.stdout)  # the whole of stdout is one JSON document
    assert result.stdout.endswith("}\n")
    assert "{" not in result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_output_file_has_the_same_bytes_as_stdout(example: Path, tmp_path: Path) -> None:
    to_stdout = _json(example)
    target = tmp_path / "out" / "report.json"
    to_file = _json(example, "--output", str(target))
    assert to_file.exit_code == 0, to_file.stderr
    assert to_file.stdout == ""
    assert target.read_bytes() == to_stdout.stdout.encode("utf-8")
    assert str(target) in to_file.stderr  # says where it wrote
    assert not list(target.parent.glob(".*.tmp")), "temporary file left behind"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_output_file_for_other_formats(fmt: str, tmp_path: Path) -> None:
    example = EXAMPLES[0]
    to_stdout = run_cli(["assess", "-a", str(example), "-f", fmt])
    target = tmp_path / f"report.{fmt}"
    to_file = run_cli(["assess", "-a", str(example), "-f", fmt, "-o", str(target)])
    assert to_file.exit_code == 0, to_file.stderr
    assert to_file.stdout == ""
    assert target.read_text(encoding="utf-8") == to_stdout.stdout


@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_examples_validate_against_answers_schema(
    example: Path, answers_schema: dict[str, Any]
) -> None:
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    validate(data, answers_schema, cls=Draft202012Validator)


def test_answers_schema_rejects_unknown_top_level_field(answers_schema: dict[str, Any]) -> None:
    from jsonschema import ValidationError

    with pytest.raises(ValidationError):
        validate({"answers": {}, "anwsers": {}}, answers_schema, cls=Draft202012Validator)
    with pytest.raises(ValidationError):
        validate({"answers": {"role.title": 3}}, answers_schema, cls=Draft202012Validator)


def test_report_echoes_the_inputs() -> None:
    """inputs.answers is what was scored: the file's answers, empty ones dropped."""
    example = next(p for p in EXAMPLES if p.suffix == ".json")
    source = json.loads(example.read_text(encoding="utf-8"))
    data = json.loads(_json(example).stdout)
    assert data["inputs"]["answers"] == {k: v for k, v in source["answers"].items() if v}
    assert data["inputs"]["evidence"] == {k: v for k, v in source["evidence"].items() if v}
    assert data["pack"]["id"] == source["pack"]
