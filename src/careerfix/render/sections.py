"""The report's sections, in order: the one list that drives the text and the Markdown renderers.

Each renderer has one function per section id and renders, in this order, the sections that list
its format and have something to show for the report. What a format leaves out — a whole section,
or the items of one — is decided here and nowhere else, each time with a one-line reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from careerfix.models.report import PlanItemOut, QuestionRef, Report, RoleOut

Format = Literal["text", "markdown"]
FORMATS: tuple[Format, ...] = ("text", "markdown")

SectionId = Literal[
    "title",
    "summary",
    "verdict",
    "modules",
    "path",
    "evidence",
    "findings",
    "plan_soon",
    "plan_later",
    "resume",
    "roles",
    "sources",
]


@dataclass(frozen=True, kw_only=True)
class Section:
    id: SectionId
    shows: Callable[[Report], bool]
    """Whether there is anything to show for this report (else the section is left out)."""
    formats: frozenset[Format] = frozenset(FORMATS)
    """The formats that show it."""
    abridged: frozenset[Format] = frozenset()
    """The formats that show only part of it (the functions below say which part)."""
    why: str = ""
    """Why a format leaves it out or abridges it, or why it is shown when it is."""


def _always(report: Report) -> bool:
    return True


def soon_items(report: Report) -> list[PlanItemOut]:
    return [p for p in report.plan if p.group == "soon"]


def later_items(report: Report) -> list[PlanItemOut]:
    return [p for p in report.plan if p.group == "later"]


SECTIONS: tuple[Section, ...] = (
    Section(id="title", shows=_always),
    Section(id="summary", shows=_always),
    Section(id="verdict", shows=_always, why="an undetermined verdict says what is missing"),
    Section(id="modules", shows=_always),
    Section(
        id="path",
        shows=_always,
        abridged=frozenset({"text"}),
        why="a screen lists the first questions still to answer and counts the rest",
    ),
    Section(id="evidence", shows=lambda report: bool(report.evidence)),
    Section(id="findings", shows=lambda report: bool(report.findings)),
    Section(id="plan_soon", shows=_always, why="says so when nothing is due soon"),
    Section(
        id="plan_later",
        shows=lambda report: bool(later_items(report)),
        abridged=frozenset({"text"}),
        why="a screen gives later items one line each after the soon ones (read those first)",
    ),
    Section(id="resume", shows=lambda report: bool(report.resume)),
    Section(
        id="roles",
        shows=_always,
        abridged=frozenset({"text"}),
        why="a screen shows the top three, the verdict's role and the fallback; Markdown all",
    ),
    Section(
        id="sources",
        shows=_always,
        why="the legend of the ids the sections above printed, known only once they are rendered",
    ),
)


def sections_for(report: Report, fmt: Format) -> list[Section]:
    """The sections ``fmt`` shows for ``report``, in the report's order."""
    return [s for s in SECTIONS if fmt in s.formats and s.shows(report)]


def _abridged(section: SectionId, fmt: Format) -> bool:
    return fmt in next(s for s in SECTIONS if s.id == section).abridged


# The items an abridged section keeps (see each section's ``why``).

TO_ANSWER_ON_SCREEN = 5


def questions_shown(report: Report, fmt: Format) -> list[QuestionRef]:
    """The questions still to answer that ``fmt`` lists (the rest are counted)."""
    if _abridged("path", fmt):
        return report.to_answer[:TO_ANSWER_ON_SCREEN]
    return list(report.to_answer)


def later_in_full(report: Report, fmt: Format) -> bool:
    """Whether ``fmt`` shows the later plan items in full (else one line each)."""
    # With nothing sooner to read first, the later items are the plan: in full everywhere.
    return not _abridged("plan_later", fmt) or not soon_items(report)


def roles_shown(report: Report, fmt: Format) -> list[RoleOut]:
    """The target roles ``fmt`` lists, in the report's order of fit."""
    if not _abridged("roles", fmt):
        return list(report.roles)
    ranked = [r for r in report.roles if r.outlook != "fallback"]
    shown = ranked[:3]
    # The role that grows from the verdict is always worth seeing, even when ranked lower.
    shown += [r for r in ranked if r.verdict_match and r not in shown][:1]
    return shown + [r for r in report.roles if r.outlook == "fallback"]
