"""What changed between two stored reports of one person (pure: dicts in, a dict out, no I/O).

``before`` and ``after`` are report dicts (the JSON of ``assess --format json``); ``done`` is the
set of plan ranks marked done on ``before``. Levels are compared as the reports rounded them.
A gap is a competency whose status is ``gap`` for that report's own target: it is closed when
the later report has it ``met``, opened when the later report has it as a gap and the earlier
did not.
"""

from __future__ import annotations

from typing import Any

from careerfix.i18n import level_text, t
from careerfix.models.lang import Lang


def _change(before: float | None, after: float | None) -> float | None:
    if before is None or after is None:
        return None
    return round(after - before, 2)


def _first_verdict(report: dict[str, Any]) -> dict[str, Any] | None:
    verdicts = report.get("diagnosis", {}).get("verdicts") or []
    if not verdicts:
        return None
    return {"id": verdicts[0]["id"], "name": verdicts[0]["name"]}


def _verdict(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    b, a = _first_verdict(before), _first_verdict(after)
    return {
        "before": b,
        "after": a,
        "status_before": before.get("diagnosis", {}).get("status"),
        "status_after": after.get("diagnosis", {}).get("status"),
        "changed": (b or {}).get("id") != (a or {}).get("id"),
    }


def _target(report: dict[str, Any]) -> dict[str, Any] | None:
    target = report.get("target")
    return {"id": target["id"], "name": target["name"]} if target else None


def _modules(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    old = {m["id"]: m for m in before.get("modules", [])}
    rows = []
    for m in after.get("modules", []):
        b = old.get(m["id"], {}).get("average")
        rows.append(
            {
                "id": m["id"],
                "name": m["name"],
                "before": b,
                "after": m["average"],
                "change": _change(b, m["average"]),
            }
        )
    return rows


def _competencies(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """Every competency whose level changed, appeared or disappeared, in the later pack order."""
    old = {c["id"]: c for c in before.get("competencies", [])}
    rows = []
    for c in after.get("competencies", []):
        b = old.get(c["id"], {}).get("level")
        if b == c["level"]:
            continue
        rows.append(
            {
                "id": c["id"],
                "name": c["name"],
                "module": c["module"],
                "before": b,
                "after": c["level"],
                "change": _change(b, c["level"]),
            }
        )
    return rows


def _gaps(before: dict[str, Any], after: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    old = {c["id"]: c for c in before.get("competencies", [])}
    closed, opened = [], []
    for c in after.get("competencies", []):
        was = old.get(c["id"], {})
        row = {
            "id": c["id"],
            "name": c["name"],
            "before": was.get("level"),
            "after": c["level"],
            "required": c["required"],
        }
        if was.get("status") == "gap" and c["status"] == "met":
            closed.append(row)
        elif c["status"] == "gap" and was.get("status") != "gap":
            opened.append(row)
    return closed, opened


def _levels(item: dict[str, Any], report: dict[str, Any]) -> float | None:
    """What a plan item raises: its competency's level (skill), or the mean average of the
    modules it teaches (basics); None for a career move or when unknown."""
    if item["kind"] == "skill":
        levels = {c["id"]: c["level"] for c in report.get("competencies", [])}
        level: float | None = levels.get(item["ref"])
        return level
    if item["kind"] == "basics":
        averages = {m["id"]: m["average"] for m in report.get("modules", [])}
        known = [averages.get(p["module"]) for p in item.get("basics", [])]
        values = [v for v in known if v is not None]
        return round(sum(values) / len(values), 2) if values else None
    return None


def _plan_done(
    before: dict[str, Any], after: dict[str, Any], done: set[int]
) -> list[dict[str, Any]]:
    """The plan items of ``before`` marked done, and whether their competency moved since."""
    rows = []
    for item in before.get("plan", []):
        if item["rank"] not in done:
            continue
        competency = item["ref"] if item["kind"] == "skill" else None
        b, a = _levels(item, before), _levels(item, after)
        moved = None if b is None or a is None else a > b
        rows.append(
            {
                "rank": item["rank"],
                "kind": item["kind"],
                "title": item["title"],
                "competency": competency,
                "before": b,
                "after": a,
                "moved": moved,
            }
        )
    return rows


def compare_reports(
    before: dict[str, Any], after: dict[str, Any], done: set[int] | frozenset[int] = frozenset()
) -> dict[str, Any]:
    closed, opened = _gaps(before, after)
    return {
        "verdict": _verdict(before, after),
        "target": {"before": _target(before), "after": _target(after)},
        "modules": _modules(before, after),
        "competencies": _competencies(before, after),
        "gaps_closed": closed,
        "gaps_opened": opened,
        "plan_done": _plan_done(before, after, set(done)),
        "plan_open": sum(1 for item in before.get("plan", []) if item["rank"] not in done),
    }


def moved_text(row: dict[str, Any], lang: Lang) -> str:
    """How a done plan item's competency moved, in words (rich-free: assess prints it)."""
    if row["moved"] is None:
        return t("moved_unknown", lang)
    before, after = level_text(row["before"]), level_text(row["after"])
    return t("moved_yes" if row["moved"] else "moved_no", lang, before=before, after=after)
