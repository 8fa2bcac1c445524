"""``careerfix history list|compare`` and ``careerfix plan``: rich tables of stored assessments.

Everything here renders plain dicts (the JSON shapes the commands print with ``--format json``),
so these views and their JSON cannot disagree.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console, Group
from rich.text import Text

from careerfix.history.diff import moved_text
from careerfix.i18n import level_text, plural, t
from careerfix.models.lang import Lang


def _date(created: str) -> str:
    return created[:16].replace("T", " ")


def _signed(value: float | None) -> Text:
    if value is None:
        return Text("?", style="dim")
    if value == 0:
        return Text("0", style="dim")
    style = "green" if value > 0 else "red"
    return Text(("+" if value > 0 else "−") + level_text(abs(value)), style=style)


def _cut(text: str, width: int, style: str = "") -> Text:
    cell = Text(text, style=style)
    cell.truncate(width, overflow="ellipsis")
    return cell


def render_list(
    console: Console, rows: list[dict[str, Any]], more: int, lang: Lang, *, people: bool
) -> None:
    """One line per assessment, newest first; module averages under short headers.

    ``people``: several people are listed, so each row names its person.
    """
    if not rows:
        console.print(Text(t("history_empty", lang)))
        return
    modules: dict[str, str] = {}
    for row in rows:
        for mid, name in row["module_names"].items():
            modules.setdefault(mid, name)
    # Fixed widths, so that every assessment keeps to one line and the levels stay in view. The
    # rows are laid out here by construction (a rich Table measured every cell: most of the
    # command's time); on a narrow terminal the module columns go first (`history show` has them).
    person_w = min(12, max(len(r["person"]) for r in rows)) if people else 0
    shown = list(modules)
    fixed = 9 + 11 + 5 * len(shown) + (person_w + 1 if people else 0)
    if console.width - fixed - 2 < 18:
        fixed -= 5 * len(shown)
        shown = []
    room = max(12, console.width - fixed - 2)
    verdict_w, target_w = room * 3 // 5, room - room * 3 // 5
    widths = [8, 10, *([person_w] if people else []), verdict_w, target_w]
    head = [t("col_id", lang), t("col_date", lang)]
    head += [t("col_person", lang)] if people else []
    head += [t("col_verdict", lang), t("col_target", lang)]
    console.print(
        _row([_cut(h, w) for h, w in zip(head, widths, strict=True)], widths, shown, "bold")
    )
    for row in rows:
        cells = [Text(row["id"], style="cyan"), Text(row["created"][:10])]
        if people:
            cells.append(_cut(row["person"], person_w))
        cells += [_cut(row["verdict_name"] or "—", verdict_w)]
        cells += [_cut(row["target_name"] or "—", target_w)]
        levels = [level_text(row["modules"].get(mid)) for mid in shown]
        console.print(_row(cells, widths, levels))
    if shown:
        legend = " · ".join(f"{mid[:4]} {name}" for mid, name in modules.items())
        console.print(Text(legend, style="dim"))
    if more:
        console.print(Text(plural("history_more", lang, more), style="dim"))


def _row(cells: list[Text], widths: list[int], right: list[str], style: str = "") -> Text:
    """One line: each cell padded to its column's width, then the right-aligned level columns."""
    line = Text(style=style, no_wrap=True, overflow="crop")
    for cell, width in zip(cells, widths, strict=True):
        line.append_text(cell)
        line.append(" " * (width - cell_len(cell.plain) + 1))
    for n, value in enumerate(right):
        line.append(value[:4].rjust(4) + (" " if n < len(right) - 1 else ""))
    line.rstrip()
    return line


def render_compare(console: Console, data: dict[str, Any], lang: Lang) -> None:
    a, b = data["before"], data["after"]
    console.print(
        Text(
            t(
                "compare_title",
                lang,
                a=a["id"],
                da=_date(a["created"]),
                b=b["id"],
                db=_date(b["created"]),
            ),
            style="bold",
        )
    )
    verdict = data["verdict"]
    name = {k: (verdict[k] or {}).get("name", "—") for k in ("before", "after")}
    if verdict["changed"]:
        console.print(Text(t("compare_verdict_changed", lang, **name), style="yellow"))
    else:
        console.print(Text(t("compare_verdict_same", lang, verdict=name["after"])))
    target = data["target"]
    if (target["before"] or {}).get("id") != (target["after"] or {}).get("id"):
        console.print(
            Text(
                t(
                    "compare_target",
                    lang,
                    before=(target["before"] or {}).get("name", "—"),
                    after=(target["after"] or {}).get("name", "—"),
                )
            )
        )
    console.print()
    width = console.width
    console.print(_level_table(t("modules", lang), data["modules"], lang, width))
    if data["competencies"]:
        title = t("compare_competencies", lang)
        console.print(_level_table(title, data["competencies"], lang, width))
    else:
        console.print(Text(t("compare_no_competency_change", lang), style="dim"))
    for key in ("gaps_closed", "gaps_opened"):
        if data[key]:
            console.print(_level_table(t(f"compare_{key}", lang), data[key], lang, width))
    _plan_done(console, data, lang)


def _level_table(title: str, rows: list[dict[str, Any]], lang: Lang, width: int) -> Group:
    """A title, a header and one line per row: the name, then the levels before and after and
    the change, right-aligned. Laid out by hand like `history list` (a rich Table measured every
    cell); a name too long for the terminal is cut, never wrapped under the figures."""
    heads = [t("col_before", lang), t("col_after", lang), t("col_change", lang)]
    body = []
    for row in rows:
        change = row.get("change")
        if "change" not in row and row["before"] is not None and row["after"] is not None:
            change = round(row["after"] - row["before"], 2)
        figures = [Text(level_text(row["before"])), Text(level_text(row["after"])), _signed(change)]
        body.append((row["name"], figures))
    # Each column one space either side of its widest cell, as a table with padding (0, 1).
    wides = [max([cell_len(h), *(f[n].cell_len for _, f in body)]) for n, h in enumerate(heads)]
    figures_w = sum(w + 2 for w in wides)
    name_w = min(max(cell_len(name) for name, _ in body), max(4, width - figures_w - 2))
    lines = [
        Text(title, style="bold"),
        _level_line(Text(""), [Text(h) for h in heads], name_w, wides),
    ]
    lines += [_level_line(_cut(name, name_w, "cyan"), f, name_w, wides) for name, f in body]
    return Group(*lines)


def _level_line(name: Text, figures: list[Text], name_w: int, wides: list[int]) -> Text:
    line = Text(" ", no_wrap=True, overflow="crop")
    line.append_text(name)
    line.append(" " * (name_w - name.cell_len + 1))
    for figure, wide in zip(figures, wides, strict=True):
        line.append(" " * (wide - figure.cell_len + 1))
        line.append_text(figure)
        line.append(" ")
    line.rstrip()
    return line


def _plan_done(console: Console, data: dict[str, Any], lang: Lang) -> None:
    from rich.table import Table

    rows = data["plan_done"]
    if not rows:
        console.print(Text(t("compare_plan_none", lang, id=data["before"]["id"]), style="dim"))
        return
    table = Table(
        title=t("compare_plan_done", lang, id=data["before"]["id"]),
        title_justify="left",
        title_style="bold",
        box=None,
        padding=(0, 1),
    )
    table.add_column("#", justify="right")
    table.add_column(t("col_item", lang))
    table.add_column(t("col_moved", lang))
    for row in rows:
        style = "green" if row["moved"] else ("dim" if row["moved"] is None else "yellow")
        table.add_row(
            str(row["rank"]), Text(row["title"]), Text(moved_text(row, lang), style=style)
        )
    console.print(table)


def render_plan(console: Console, data: dict[str, Any], lang: Lang) -> None:
    items = data["items"]
    done = sum(1 for item in items if item["done"])
    console.print(
        Text(
            t(
                "plan_heading",
                lang,
                person=data["person"],
                id=data["id"],
                date=_date(data["created"]),
                done=done,
                n=len(items),
            ),
            style="bold",
        )
    )
    from rich.table import Table

    table = Table(box=None, padding=(0, 1), show_header=True, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column(t("col_done", lang), justify="center")
    table.add_column(t("col_item", lang), ratio=1)
    table.add_column("", no_wrap=True, style="dim")
    for item in items:
        mark = Text("✓", style="green") if item["done"] else Text("·", style="dim")
        title = Text(item["title"], style="dim" if item["done"] else "")
        table.add_row(str(item["rank"]), mark, title, t("days", lang, n=item["horizon"]))
    console.print(table)
