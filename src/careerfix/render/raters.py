"""``careerfix compare A B``: two ratings of one person, for people (text) — JSON is
:meth:`careerfix.raters.Comparison.to_data`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from careerfix.i18n import level_text, t
from careerfix.models.lang import Lang
from careerfix.raters import Comparison, Evidence, Row
from careerfix.render.wrap import Para

_MARK = {"proven": ("✓", "green"), "weak": ("~", "yellow"), "unproven": ("?", "yellow")}


def render_comparison(console: Console, c: Comparison, lang: Lang) -> None:
    a, b = c.labels
    console.print(Para(Text(t("raters_title", lang, a=a, b=b), style="bold")))
    console.print()
    _verdicts(console, c, lang)
    console.print()
    differences = c.differences
    console.print(Text(t("raters_differ", lang, n=len(differences)), style="bold"))
    if differences:
        console.print(_table(differences, c.labels, lang, with_evidence=False))
    else:
        console.print(Para(Text(t("raters_none_differ", lang), style="green")))
    console.print()
    console.print(Text(t("raters_merged", lang), style="bold"))
    console.print(_table(c.rows, c.labels, lang, with_evidence=True))
    console.print(Para(Text(t("raters_legend", lang), style="dim")))


def _verdicts(console: Console, c: Comparison, lang: Lang) -> None:
    for label, verdict in zip(c.labels, c.verdicts, strict=True):
        line = Text(f"{label}: ", style="bold")
        line.append(verdict.name or t("raters_no_verdict", lang))
        console.print(Para(line))
    agree = t("raters_verdicts_agree" if c.verdicts_agree else "raters_verdicts_differ", lang)
    console.print(Para(Text(agree, style="green" if c.verdicts_agree else "yellow")))


def _table(
    rows: tuple[Row, ...], labels: tuple[str, str], lang: Lang, *, with_evidence: bool
) -> Table:
    table = Table(box=None, show_edge=False, pad_edge=False, expand=False)
    table.add_column(t("competency", lang), overflow="fold")
    table.add_column(labels[0], justify="right", no_wrap=True)
    table.add_column(labels[1], justify="right", no_wrap=True)
    if with_evidence:
        table.add_column(t("raters_evidence", lang), overflow="fold", ratio=1)
    for row in rows:
        a, b = row.levels
        style = "bold yellow" if row.differs else ""
        cells: list[Text | str] = [
            Text(row.name, style=style),
            Text(level_text(a), style=style),
            Text(level_text(b), style=style),
        ]
        if with_evidence:
            cells.append(_evidence(row, labels))
        table.add_row(*cells)
    return table


def _evidence(row: Row, labels: tuple[str, str]) -> Text:
    out = Text()
    for label, items in zip(labels, row.evidence, strict=True):
        for e in items:
            if out:
                out.append("\n")
            out.append_text(_one(label, e))
    return out


def _one(label: str, e: Evidence) -> Text:
    mark, style = _MARK[e.status]
    line = Text(f"{label} ", style="dim")
    line.append(mark, style=style)
    if e.text:
        line.append(" " + e.text)
    return line
