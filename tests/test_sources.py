"""Sources a reader can follow: every source id a report prints is decoded from the pack.

A pack may number its sources as it likes (``SourceId``: upper-case letters, digits, _ or -,
ending in a number). The reports cite the pack's own ids and end with a legend of them; the JSON
report lists them with their titles; ``careerfix rules source ID`` shows one with every rule that
cites it, and ``careerfix rules show`` lists them all.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from careerfix.i18n import plural, t
from careerfix.sources import cited_by
from helpers import EXAMPLE_IDS, EXAMPLES, SHIPPED_RULES, run_cli, shipped_pack
from test_rules_check import check

PACK = shipped_pack()
S_ID = re.compile(r"\bS[0-9]+\b")


def _renumbered(tmp_path: Path) -> Path:
    """The shipped pack with every source id S<n> renamed R<100+n>."""
    target = tmp_path / "renumbered"
    shutil.copytree(SHIPPED_RULES, target)
    for path in target.rglob("*.yaml"):
        text = path.read_text("utf-8")
        path.write_text(S_ID.sub(lambda m: f"R{100 + int(m.group()[1:])}", text), "utf-8")
    return target


@pytest.fixture(scope="module")
def renumbered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _renumbered(tmp_path_factory.mktemp("pack"))


def _assess(example: Path, rules: Path, lang: str, fmt: str) -> str:
    result = run_cli(
        ["assess", "-a", str(example), "--rules", str(rules), "--lang", lang, "--format", fmt]
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _titles(rules: Path, lang: str) -> dict[str, str]:
    data = yaml.safe_load((rules / "pack.yaml").read_text("utf-8"))
    return {sid: text[lang] for sid, text in data["sources"].items()}


def _legend(out: str, heading: str) -> tuple[str, str]:
    """(the report before its sources legend, the legend)."""
    assert out.count(heading) == 1, heading
    body, legend = out.split(heading)
    return body, legend


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_a_renumbered_pack_cites_only_its_own_ids(
    renumbered: Path, example: Path, lang: str
) -> None:
    titles = _titles(renumbered, lang)
    heading = t("sources_title", lang)

    text = _assess(example, renumbered, lang, "text")
    markdown = _assess(example, renumbered, lang, "markdown")
    data = json.loads(_assess(example, renumbered, lang, "json"))

    for out in (text, markdown, json.dumps(data, ensure_ascii=False)):
        assert not S_ID.search(out), S_ID.findall(out)
        assert "domain.md" not in out
    # text: every id printed in brackets is in the legend, with the pack's title
    body, legend = _legend(text, f"{heading} ─")
    cited = set(re.findall(r"R1[0-9]{2}", body))
    assert cited
    flat_legend = "".join(legend.split())
    for sid in cited:
        assert "".join(f"[{sid}]{titles[sid]}".split()) in flat_legend, sid
    assert set(re.findall(r"R1[0-9]{2}", legend)) == cited  # and nothing else
    # Markdown: the same, as a list
    body, legend = _legend(markdown, f"## {heading}\n")
    cited = set(re.findall(r"R1[0-9]{2}", body))
    for sid in cited:
        assert f"- **{sid}**" in legend and titles[sid] in legend, sid
    assert set(re.findall(r"R1[0-9]{2}", legend)) == cited
    # JSON: every id the report cites anywhere, with its title, in pack order
    used = _cited_ids(data)
    assert [s["id"] for s in data["sources"]] == [sid for sid in titles if sid in used]
    assert all(s["title"] == titles[s["id"]] for s in data["sources"])


def _cited_ids(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if (
                key == "sources"
                and isinstance(item, list)
                and all(isinstance(s, str) for s in item)
            ):
                found.update(item)
            else:
                found |= _cited_ids(item)
    elif isinstance(value, list):
        for item in value:
            found |= _cited_ids(item)
    return found


def test_the_shipped_reports_decode_their_ids() -> None:
    example = next(p for p in EXAMPLES if p.stem == "platform-kol-operator")
    data = json.loads(_assess(example, SHIPPED_RULES, "en", "json"))
    assert data["sources"] and all(S_ID.fullmatch(s["id"]) for s in data["sources"])
    assert {s["id"]: s["title"] for s in data["sources"]} == {
        sid: PACK.meta.sources[sid].en for sid in _cited_ids(data)
    }


def test_rules_check_catches_an_id_the_renumbered_pack_does_not_define(tmp_path: Path) -> None:
    rules = _renumbered(tmp_path)
    resume = rules / "resume.yaml"
    text = resume.read_text("utf-8")
    assert text.count("source: [R121]") == 1
    resume.write_text(text.replace("source: [R121]", "source: [R125]"), "utf-8")

    result = check(rules)

    assert result.exit_code == 3
    assert re.search(
        rf"^{re.escape(str(resume))}:\d+:\d+: rules\[0\]\.source\[0\]: "
        r"unknown source id 'R125' \(the pack uses R101–R124\)$",
        result.stdout,
        re.M,
    ), result.stdout


def test_the_renumbered_pack_is_valid(renumbered: Path) -> None:
    result = check(renumbered)
    assert result.exit_code == 0, result.stdout


# ---------------------------------------------------------------- careerfix rules source


def _raw_citations(rules: Path, sid: str) -> int:
    """How many records of the pack's YAML list ``sid`` in their ``source`` (read independently)."""

    def count(value: Any) -> int:
        if isinstance(value, dict):
            own = int(
                sid in value.get("source", []) if isinstance(value.get("source"), list) else 0
            )
            return own + sum(count(v) for k, v in value.items() if k != "source")
        if isinstance(value, list):
            return sum(count(v) for v in value)
        return 0

    return sum(count(yaml.safe_load(p.read_text("utf-8"))) for p in sorted(rules.rglob("*.yaml")))


WIDE = {"CAREERFIX_WIDTH": "200", "COLUMNS": "200"}


@pytest.mark.parametrize("sid", ["S16", "S22"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rules_source_lists_every_rule_that_cites_it(sid: str, lang: str) -> None:
    result = run_cli(["rules", "source", sid, "--lang", lang], env=WIDE)

    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"{sid}  {PACK.meta.sources[sid].get(lang)}\n")
    rules = cited_by(PACK, sid)
    assert len(rules) == _raw_citations(SHIPPED_RULES, sid)
    assert plural("source_cited_by", lang, len(rules)) in out
    for c in rules:
        assert f"\n{c.file}\n" in out
        assert re.search(
            rf"^  {re.escape(t('cite_' + c.kind, lang))} +{re.escape(c.id)}", out, re.M
        )
    kinds = {c.kind for c in rules}
    assert (
        {"role", "finding", "step"} <= kinds if sid == "S16" else {"hint", "resume_rule"} <= kinds
    )


def test_rules_source_json_and_lower_case_id() -> None:
    result = run_cli(["rules", "source", "s16", "--format", "json", "--lang", "en"])

    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["id"], data["title"]) == ("S16", PACK.meta.sources["S16"].en)
    assert data["pack"] == {"id": PACK.id, "version": PACK.version}
    content_review = next(r for r in data["cited_by"] if r["kind"] == "role")
    assert content_review == {
        "file": "roles.yaml",
        "kind": "role",
        "id": "content_review",
        "text": PACK.role_by_id["content_review"].name.en,
    }
    assert len(data["cited_by"]) == _raw_citations(SHIPPED_RULES, "S16")


def test_rules_source_of_a_renumbered_pack(renumbered: Path) -> None:
    result = run_cli(["rules", "source", "R116", "--rules", str(renumbered), "--lang", "en"])

    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"R116  {PACK.meta.sources['S16'].en}\n")
    assert not S_ID.search(result.stdout)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rules_source_unknown_id_exits_1(lang: str) -> None:
    result = run_cli(["rules", "source", "S99", "--lang", lang])

    assert result.exit_code == 1
    assert result.stdout == ""
    assert "S99" in result.stderr and "S1–S24" in result.stderr
    assert "Traceback" not in result.stderr


def test_rules_source_help_shows_examples() -> None:
    result = run_cli(["rules", "source", "--help"])

    assert result.exit_code == 0
    assert "careerfix rules source S22" in result.stdout
    assert "rules source" in run_cli(["--help"]).stdout


# ---------------------------------------------------------------- careerfix rules show


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rules_show_lists_the_sources(lang: str) -> None:
    result = run_cli(["rules", "show", "--lang", lang], env=WIDE)

    assert result.exit_code == 0, result.stderr
    out = result.stdout.split(f"\n{t('sources_list', lang)}\n", 1)[1]
    for sid, title in PACK.meta.sources.items():
        n = len(cited_by(PACK, sid))
        assert re.search(
            rf"^  {sid} +{re.escape(title.get(lang))} +{re.escape(plural('source_rules', lang, n))}$",
            out,
            re.M,
        ), sid
