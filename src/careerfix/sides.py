"""One side of ``careerfix compare A B``: what a reference names, as a report (the JSON contract).

A reference is an answers file (scored now, with the current pack), or a report JSON file
(``careerfix assess --format json``; recognised by its ``schema_version`` and ``inputs``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from careerfix.errors import InputError
from careerfix.models.lang import Lang
from careerfix.models.pack import RulePack


def is_report(data: Any) -> bool:
    return isinstance(data, dict) and "schema_version" in data and "inputs" in data


def load_side(ref: str, pack: RulePack, lang: Lang, target: str | None) -> dict[str, Any]:
    """The report ``ref`` names. Raises InputError (a missing file) or AnswersError."""
    from careerfix.answers import answers_from_data, read_answers_data

    if ref != "-" and not Path(ref).exists():
        # Here, later, a stored assessment's id would be looked up before giving up.
        raise InputError(f"{ref}: no such file")
    data, node, display = read_answers_data(ref)
    if is_report(data):
        return dict(data)
    from careerfix.engine import assess
    from careerfix.render.build import build_report

    answers = answers_from_data(data, node, display, pack, None)
    result = assess(pack, answers, target)  # type: ignore[arg-type]
    report: dict[str, Any] = json.loads(build_report(pack, answers, result, lang).to_json())
    return report
