"""The text report's page: styled text laid out into lines by careerfix.lines, without rich's console.

The report is paragraphs, hanging-indent lists, rules and a few bars: every line of it is placed
by the project's own CJK-aware breaking rule (``lines.break_offsets``, the one the interview and
the Chinese help use), so rich's console adds nothing to the layout but its cost: importing it
and measuring every cell took about a third of a text assessment (docs/performance.md). Colour
is still rich's: a terminal gets each styled run written by ``rich.style.Style``, imported only
then, so a piped or saved report imports no rich module but its cell-width table.

The pieces mirror what the report used from rich, with the same results: ``Text`` (a string with
a base style and styled runs), ``Para`` (wrapped), ``Line`` (one line, cropped), ``Hanging``
(label, then a body whose continuation lines stay under it), ``Padding`` (a left indent),
``Group`` and ``Rule``. ``Page.print`` lays them out at the page's width.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Protocol, TextIO

from rich.cells import cell_len, set_cell_size

from careerfix.lines import chosen_width, colour_wanted, line_spans

__all__ = [
    "Group",
    "Hanging",
    "Line",
    "Padding",
    "Page",
    "Para",
    "Rule",
    "Text",
    "cell_len",
    "report_width",
]

# One laid-out line: its (text, style) runs.
Runs = list[tuple[str, str]]

# Control characters a terminal would act on (bell, backspace, vertical tab, form feed, carriage
# return) never reach it from a text: the same ones rich's Text drops.
_STRIP_CONTROL = dict.fromkeys((7, 8, 11, 12, 13))


def _sanitised(text: str) -> str:
    return text.translate(_STRIP_CONTROL)


def _joined(*styles: str) -> str:
    return " ".join(s for s in styles if s)


class Text:
    """A string with a base style (for all of it) and runs with styles of their own on top."""

    __slots__ = ("runs", "style")

    def __init__(self, text: str = "", style: str = "") -> None:
        self.style = style
        self.runs: Runs = [(_sanitised(text), "")] if text else []

    @classmethod
    def assemble(cls, *parts: Text | str) -> Text:
        out = cls()
        for part in parts:
            if isinstance(part, Text):
                out.append_text(part)
            else:
                out.append(part)
        return out

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.runs)

    def append(self, text: str, style: str = "") -> Text:
        if text:
            self.runs.append((_sanitised(text), style))
        return self

    def append_text(self, other: Text) -> Text:
        self.runs.extend((text, _joined(other.style, style)) for text, style in other.runs)
        return self

    def copy(self) -> Text:
        out = Text(style=self.style)
        out.runs = list(self.runs)
        return out

    def styled_runs(self) -> Runs:
        """Each run with the base style under its own (the later style wins where they clash)."""
        return [(text, _joined(self.style, style)) for text, style in self.runs if text]

    def sliced(self, start: int, end: int) -> Runs:
        """The styled runs of ``plain[start:end]``."""
        out: Runs = []
        pos = 0
        for text, style in self.styled_runs():
            a, b = max(start - pos, 0), min(end - pos, len(text))
            if a < b:
                out.append((text[a:b], style))
            pos += len(text)
            if pos >= end:
                break
        return out


class Block(Protocol):
    """Anything the page lays out: its lines at a given width."""

    def lines(self, width: int) -> list[Runs]: ...


def _strip(line: Runs) -> Runs:
    """``line`` without the spaces and tabs at its right end (the padding of columns and
    indents)."""
    runs = list(line)
    while runs:
        text, style = runs[-1]
        kept = text.rstrip(" \t")
        if kept:
            runs[-1] = (kept, style)
            break
        runs.pop()
    return runs


def _width(line: Runs) -> int:
    return sum(cell_len(text) for text, _ in line)


def _expand_tabs(line: Runs) -> Runs:
    """Tabs as spaces to the next multiple of 8 columns of the line, as a terminal shows them."""
    if not any("\t" in text for text, _ in line):
        return line
    out: Runs = []
    column = 0
    for text, style in line:
        pieces = text.split("\t")
        for n, piece in enumerate(pieces):
            if n:
                out.append((" " * (8 - column % 8), style))
                column += 8 - column % 8
            if piece:
                out.append((piece, style))
                column += cell_len(piece)
    return out


def _crop(line: Runs, width: int) -> Runs:
    """At most ``width`` cells of ``line`` (a wide character cut in two leaves a space), its
    tabs expanded first."""
    line = _expand_tabs(line)
    if _width(line) <= width:
        return line
    out: Runs = []
    room = width
    for text, style in line:
        size = cell_len(text)
        if size <= room:
            out.append((text, style))
            room -= size
            continue
        if room:
            out.append((set_cell_size(text, room), style))
        break
    return out


class Para:
    """Text wrapped at whatever width it gets, by ``lines.line_spans``: between CJK characters,
    at spaces, never inside an English word, never a line that starts with closing punctuation.
    Each line loses the spaces at its ends (where it was broken)."""

    __slots__ = ("text",)

    def __init__(self, text: Text | str, style: str = "") -> None:
        self.text = text if isinstance(text, Text) else Text(text, style=style)

    def lines(self, width: int) -> list[Runs]:
        spans = line_spans(self.text.plain, width)
        return [_crop(self.text.sliced(start, end), width) for start, end in spans]


class Line:
    """One line that is never wrapped (it was laid out to fit), cropped if it does not."""

    __slots__ = ("text",)

    def __init__(self, text: Text) -> None:
        self.text = text

    def lines(self, width: int) -> list[Runs]:
        return [_crop(self.text.styled_runs(), width)]


class Padding:
    """A block indented by ``left`` columns (it gets the rest of the width)."""

    __slots__ = ("block", "left")

    def __init__(self, block: Block | Text, left: int) -> None:
        self.block = as_block(block)
        self.left = left

    def lines(self, width: int) -> list[Runs]:
        pad = (" " * self.left, "")
        return [[pad, *line] for line in self.block.lines(max(width - self.left, 1))]


class Group:
    """Blocks one after another."""

    __slots__ = ("blocks",)

    def __init__(self, *blocks: Block | Text) -> None:
        self.blocks = [as_block(b) for b in blocks]

    def lines(self, width: int) -> list[Runs]:
        return [line for block in self.blocks for line in block.lines(width)]


class Rule:
    """A full-width line, with a heading at its left when one is given."""

    __slots__ = ("heading", "style")

    def __init__(self, heading: Text | None = None, *, style: str = "") -> None:
        self.heading = heading
        self.style = style

    def lines(self, width: int) -> list[Runs]:
        if self.heading is None:
            return [[("─" * width, self.style)]]
        head = _crop(self.heading.styled_runs(), max(width - 2, 0))
        head.append((" ", ""))
        head.append(("─" * max(width - _width(head), 0), self.style))
        return [head]


class Hanging:
    """Rows of a short label (a bullet, a number, a source id) and a body beside it, whose
    continuation lines stay under the body: a two-column grid one space apart, with the labels'
    column as wide as the widest label."""

    __slots__ = ("justify", "label_style", "rows")

    def __init__(self, *, justify: str = "left", label_style: str = "") -> None:
        self.justify = justify
        self.label_style = label_style
        self.rows: list[tuple[Text, Block | None]] = []

    def add_row(self, label: Text | str, body: Block | Text | str) -> None:
        """A row; an empty body string makes a row of the label alone (a blank line under a
        list item when the label is empty too)."""
        shown = label.copy() if isinstance(label, Text) else Text(label)
        if self.label_style:
            shown.style = _joined(shown.style, self.label_style)
        block = Para(body) if isinstance(body, str) and body else body
        self.rows.append((shown, None if isinstance(block, str) else as_block(block)))

    def lines(self, width: int) -> list[Runs]:
        if not self.rows:
            return []
        label_width = max(cell_len(label.plain) for label, _ in self.rows)
        body_width = max(width - label_width - 1, 1)
        under = (" " * (label_width + 1), "")
        out: list[Runs] = []
        for label, body in self.rows:
            room = label_width - cell_len(label.plain)
            if self.justify == "right":
                first: Runs = [(" " * room, ""), *label.styled_runs(), (" ", "")]
            else:
                first = [*label.styled_runs(), (" " * (room + 1), "")]
            body_lines = body.lines(body_width) if body is not None else [[]]
            for n, line in enumerate(body_lines or [[]]):
                out.append([*(first if n == 0 else [under]), *line])
        return out


def as_block(block: Block | Text) -> Block:
    """A bare Text is a paragraph."""
    return Para(block) if isinstance(block, Text) else block


def report_width() -> int:
    """The width the report is laid out at: CAREERFIX_WIDTH or COLUMNS (held between the
    limits), else the terminal's (stdin, stdout or stderr: a piped report is still read on the
    terminal it was run from), else 80."""
    chosen = chosen_width()
    if chosen is not None:
        return chosen
    if os.environ.get("TERM", "").lower() not in ("dumb", "unknown"):
        for stream in (sys.__stdin__, sys.__stdout__, sys.__stderr__):
            try:
                columns = os.get_terminal_size(stream.fileno()).columns  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                continue
            if columns:
                return columns
    return 80


class Page:
    """Where the report is printed: blocks laid out into lines at the page's width."""

    def __init__(self, width: int | None = None) -> None:
        self.width = width if width is not None else report_width()
        self.lines: list[Runs] = []

    def print(self, *blocks: Block | Text) -> None:
        if not blocks:
            self.lines.append([])
        for block in blocks:
            self.lines.extend(as_block(block).lines(self.width))

    def text(self, *, colour: bool = False) -> str:
        """The page as text, each line ended and without trailing spaces; with terminal colour
        and type styles when ``colour``."""
        paint = _painter() if colour else None
        out: list[str] = []
        for line in self.lines:
            kept = _strip(line)
            if paint is None:
                out.append("".join(text for text, _ in kept))
            else:
                merged: Runs = []
                for text, style in kept:  # one escape sequence per run of a style, not per piece
                    if merged and merged[-1][1] == style:
                        merged[-1] = (merged[-1][0] + text, style)
                    else:
                        merged.append((text, style))
                out.append("".join(paint(text, style) for text, style in merged))
        return "".join(line + "\n" for line in out)


def _painter() -> Callable[[str, str], str]:
    """A function that writes a run in its style the way rich does (imported only for colour)."""
    from rich.color import ColorSystem
    from rich.style import Style

    styles: dict[str, Style] = {}

    def paint(text: str, style: str) -> str:
        if not style:
            return text
        found = styles.get(style)
        if found is None:
            found = styles[style] = Style.parse(style)
        return found.render(text, color_system=ColorSystem.STANDARD)

    return paint


def write_page(page: Page, stream: TextIO, *, colour: bool | None = None) -> None:
    """Write ``page`` to ``stream``, coloured when the stream wants colour (lines.colour_wanted)."""
    stream.write(page.text(colour=colour_wanted(stream) if colour is None else colour))
    stream.flush()
