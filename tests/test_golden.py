"""Golden (snapshot) tests: the real CLI on every example, in both languages and all three formats.

Each golden is one readable file under ``tests/__snapshots__/test_golden/``. After an intended change
to the report, regenerate them with ``pytest tests/test_golden.py --snapshot-update`` and read the
diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from helpers import ANSI, EXAMPLE_IDS, EXAMPLES, run_cli


class TextSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "txt"


class MarkdownSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "md"


class JsonSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "json"


EXTENSIONS: dict[str, type[SingleFileSnapshotExtension]] = {
    "text": TextSnapshot,
    "markdown": MarkdownSnapshot,
    "json": JsonSnapshot,
}

# The example used for the width goldens: it has evidence, findings, a what-if and a long plan.
WIDTH_EXAMPLE = next(p for p in EXAMPLES if p.stem == "platform-kol-operator")


def _report(example: Path, lang: str, fmt: str, width: int = 100) -> str:
    result = run_cli(
        ["assess", "--answers", str(example), "--lang", lang, "--format", fmt],
        env={"CAREERFIX_WIDTH": str(width), "COLUMNS": str(width)},
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert not ANSI.search(result.stdout), "escape codes in piped output"
    return result.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_report_golden(example: Path, lang: str, fmt: str, snapshot: SnapshotAssertion) -> None:
    out = _report(example, lang, fmt)
    assert out == snapshot(extension_class=EXTENSIONS[fmt])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 140])
def test_text_report_width_golden(width: int, lang: str, snapshot: SnapshotAssertion) -> None:
    out = _report(WIDTH_EXAMPLE, lang, "text", width=width)
    assert out == snapshot(extension_class=TextSnapshot)
