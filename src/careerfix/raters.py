"""Two raters, one person: where a self-assessment and a manager's or mentor's rating disagree.

Pure: two reports (the JSON contract of ``careerfix assess --format json``) in, a comparison out.
Two levels "differ" when both are known and more than one level apart: one level is the ordinary
spread between two honest raters; two or more means they are not describing the same work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from careerfix.safe_text import inline

# More than this many levels apart is a difference worth talking about.
SPREAD = 1.0


@dataclass(frozen=True, slots=True)
class Evidence:
    question: str
    level: int
    status: str  # proven | weak | unproven
    text: str | None


@dataclass(frozen=True, slots=True)
class Row:
    """One competency as each side rated it."""

    competency: str
    name: str
    module: str
    levels: tuple[float | None, float | None]
    evidence: tuple[tuple[Evidence, ...], tuple[Evidence, ...]]

    @property
    def gap(self) -> float | None:
        a, b = self.levels
        return None if a is None or b is None else round(b - a, 2)

    @property
    def differs(self) -> bool:
        return self.gap is not None and abs(self.gap) > SPREAD


@dataclass(frozen=True, slots=True)
class Verdict:
    id: str | None
    name: str | None


@dataclass(frozen=True, slots=True)
class Comparison:
    labels: tuple[str, str]
    verdicts: tuple[Verdict, Verdict]
    rows: tuple[Row, ...]  # every competency, in pack order

    @property
    def verdicts_agree(self) -> bool:
        return self.verdicts[0].id == self.verdicts[1].id

    @property
    def differences(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.differs)

    def to_data(self) -> dict[str, Any]:
        """The JSON form (deterministic: pack order, fixed keys)."""

        def side(i: int) -> dict[str, Any]:
            return {
                "label": self.labels[i],
                "verdict": self.verdicts[i].id,
                "verdict_name": self.verdicts[i].name,
            }

        def row(r: Row) -> dict[str, Any]:
            return {
                "competency": r.competency,
                "name": r.name,
                "module": r.module,
                "levels": list(r.levels),
                "gap": r.gap,
                "differs": r.differs,
                "evidence": [
                    [
                        {
                            "question": e.question,
                            "level": e.level,
                            "status": e.status,
                            "evidence": e.text,
                        }
                        for e in r.evidence[i]
                    ]
                    for i in (0, 1)
                ],
            }

        return {
            "sides": [side(0), side(1)],
            "verdicts_agree": self.verdicts_agree,
            "spread": SPREAD,
            "differences": [row(r) for r in self.differences],
            "merged": [row(r) for r in self.rows],
        }


def compare(a: dict[str, Any], b: dict[str, Any], labels: tuple[str, str]) -> Comparison:
    """Compare two reports of the same pack (competencies matched by id, in ``a``'s order)."""
    levels = [{c["id"]: c for c in r["competencies"]} for r in (a, b)]
    rows = []
    for comp in a["competencies"]:
        cid = comp["id"]
        other = levels[1].get(cid)
        rows.append(
            Row(
                competency=cid,
                name=inline(comp["name"]),
                module=comp["module"],
                levels=(comp["level"], other["level"] if other else None),
                evidence=(_evidence(a, cid), _evidence(b, cid)),
            )
        )
    return Comparison(labels, (_verdict(a), _verdict(b)), tuple(rows))


def _evidence(report: dict[str, Any], competency: str) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(
            e["question"], e["level"], e["status"], inline(e["evidence"]) if e["evidence"] else None
        )
        for e in report["evidence"]
        if e["competency"] == competency
    )


def _verdict(report: dict[str, Any]) -> Verdict:
    verdicts = report["diagnosis"]["verdicts"]
    if not verdicts:
        return Verdict(None, None)
    return Verdict(verdicts[0]["id"], inline(verdicts[0]["name"]))
