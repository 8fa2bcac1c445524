"""Line wrapping that suits Chinese as well as English, as rich renderables (``rules show``,
``roles``, ``compare``; the assessment report lays its own lines out on render/page.py).

rich breaks lines only at spaces, so a Chinese sentence (no spaces) jumps whole to the next line
or splits after a lone "→ ". ``Para`` wraps at render time, at the width it is given: between any
two CJK characters, at spaces, never inside an English word (unless it is longer than the line),
and never starts a line with closing punctuation such as ，。、）.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from careerfix.lines import break_offsets, line_spans, tokens

__all__ = ["Flow", "Para", "break_offsets"]


class Para:
    """A ``Text`` that wraps the CJK-friendly way (see module doc) at whatever width it gets."""

    def __init__(self, text: Text | str, style: str = "") -> None:
        self.text = text if isinstance(text, Text) else Text(text, style=style)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        spans = line_spans(self.text.plain, options.max_width)
        out = Text("\n").join(self.text[start:end] for start, end in spans)
        out.no_wrap = True
        out.overflow = "crop"
        yield out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        longest = max((cell_len(t) for _, t in tokens(plain) if not t.isspace()), default=1)
        return Measurement(min(longest, options.max_width), min(cell_len(plain), options.max_width))


def _strip_leading(lines: list[Text]) -> Iterator[Text]:
    for line in lines:
        plain = line.plain
        lead = len(plain) - len(plain.lstrip(" "))
        yield line[lead:] if lead and lead < len(plain) else line


class Flow:
    """A label followed by a list of items, wrapped between items, never inside one.

    ``Core: A level 3 · B level 2 · …`` reads as a list at any width: an item ("内容生产 3 级",
    "Mechanics level 2") stays on one line unless it is wider than the line (then it wraps like a
    ``Para``); the separator stays at the end of a line (a line never starts with "·" or "、");
    continuation lines are indented under the first item.
    """

    def __init__(self, label: Text | str, items: Sequence[Text | str], sep: str) -> None:
        self.label = label if isinstance(label, Text) else Text(label)
        self.items = [item if isinstance(item, Text) else Text(item) for item in items]
        self.sep = sep

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, 2)
        label_width = cell_len(self.label.plain)
        indent = label_width if label_width <= width // 3 else min(2, width // 4)
        lines: list[Text] = []
        line = self.label.copy()
        used, placed = label_width, False
        last = len(self.items) - 1
        for n, item in enumerate(self.items):
            unit = item.copy()
            if n < last:
                unit.append(self.sep)
            size = cell_len(unit.plain.rstrip())
            if placed and used + size > width:
                line.rstrip()
                lines.append(line)
                line, used, placed = Text(" " * indent), indent, False
            if used + size > width:  # wider than the line on its own: wrap it inside
                if used > indent and not placed:  # after a wide label: start on its own line
                    line.rstrip()
                    lines.append(line)
                    line, used = Text(" " * indent), indent
                room = width - max(used, indent)
                chunks = list(unit.divide(break_offsets(unit.plain, room)))
                for k, chunk in enumerate(_strip_leading(chunks)):
                    if k:
                        line.rstrip()
                        lines.append(line)
                        line, used = Text(" " * indent), indent
                    line.append_text(chunk)
                    used += cell_len(chunk.plain)
            else:
                line.append_text(unit)
                used += cell_len(unit.plain)
            placed = True
        line.rstrip()
        lines.append(line)
        out = Text("\n").join(lines)
        out.no_wrap = True
        out.overflow = "crop"
        yield out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((cell_len(item.plain) for item in self.items), default=1)
        whole = cell_len(self.label.plain) + sum(cell_len(i.plain) for i in self.items)
        whole += cell_len(self.sep) * max(len(self.items) - 1, 0)
        return Measurement(min(widest, options.max_width), min(whole, options.max_width))
