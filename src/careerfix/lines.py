"""How the terminal's lines are laid out, without rich's console (the interview's first question
must not wait for it): the width to write at, and where a line may break.

The breaking rule suits Chinese as well as English: between any two CJK characters, at spaces,
never inside an English word (unless it is longer than the line), and never a line that starts
with closing punctuation such as ，。、）. The interview wraps its own lines with it, and
render/wrap.py's ``Para`` and ``Flow`` use it for the reports, so both read the same at any width.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import sys
from collections.abc import Iterator
from typing import TextIO

from rich.cells import cell_len

# Narrower than this, no line of a report has room for its label and a word; wider, a line is
# no easier to read, and a mistyped width must not write hundreds of megabytes.
MIN_WIDTH, MAX_WIDTH = 30, 400
# The interview writes no line wider than this, however wide the terminal: past it the eye
# loses its way back to the next line.
INTERVIEW_MAX_WIDTH = 200


def chosen_width() -> int | None:
    """CAREERFIX_WIDTH, else COLUMNS, held between MIN_WIDTH and MAX_WIDTH; None: ask the
    terminal (rich does, and falls back to 80)."""
    for name in ("CAREERFIX_WIDTH", "COLUMNS"):
        value = os.environ.get(name, "").strip()
        if value.isdigit():
            return min(max(int(value), MIN_WIDTH), MAX_WIDTH)
    return None


def interview_width(stream: TextIO | None = None) -> int:
    """The width the interview wraps its lines at, one column short of the edge so that no
    terminal ever wraps one of them on its own: CAREERFIX_WIDTH, else the width of the terminal
    ``stream`` (stderr) is on, else COLUMNS, else 80."""
    width = _env_width("CAREERFIX_WIDTH") or _stream_width(stream or sys.stderr)
    width = width or _env_width("COLUMNS") or 80
    return min(max(width, MIN_WIDTH), INTERVIEW_MAX_WIDTH) - 1


def _env_width(name: str) -> int | None:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def _stream_width(stream: TextIO) -> int | None:
    try:
        return os.get_terminal_size(stream.fileno()).columns or None
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return None


def colour_wanted(stream: TextIO) -> bool:
    """Colour on ``stream``: FORCE_COLOR forces it, NO_COLOR or TERM=dumb turn it off, else only
    on a terminal (https://no-color.org, https://force-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


_TOKEN = re.compile(
    r"\s+"  # spaces: a break opportunity, dropped at line ends
    r"|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"  # one CJK character or CJK punctuation
    r"|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+"  # a run of anything else: a word
)
_NO_LINE_START = set("，。、；：？！）」』】》”’…·%,.;:?!)]}")
_NO_LINE_END = set("（「『【《“‘([{")


def tokens(text: str) -> Iterator[tuple[int, str]]:
    for match in _TOKEN.finditer(text):
        yield match.start(), match.group()


def break_offsets(plain: str, width: int) -> list[int]:
    """Offsets where new lines start, so that every line fits in ``width`` cells."""
    width = max(width, 2)
    if "\n" not in plain and cell_len(plain) <= width:
        return []  # one line that fits (most labels and short texts): nothing to work out
    offsets: list[int] = []
    line_width = 0
    line_tokens: list[tuple[int, str]] = []
    for start, token in tokens(plain):
        if token == "\n" or ("\n" in token and token.isspace()):
            offsets.append(start + len(token))
            line_width, line_tokens = 0, []
            continue
        if token.isspace():
            if line_tokens:
                line_tokens.append((start, token))
                line_width += cell_len(token)
            continue
        size = cell_len(token)
        if line_tokens and line_width + size > width:
            # Keep closing punctuation with the character before it; keep opening punctuation
            # with the character after it.
            kept = list(line_tokens)
            carry: list[tuple[int, str]] = []
            if token in _NO_LINE_START:
                # Move the whole run of closing punctuation, and the character before it.
                while len(kept) > 1 and kept[-1][1] in _NO_LINE_START:
                    carry.insert(0, kept.pop())
                if len(kept) > 1 and not kept[-1][1].isspace():
                    carry.insert(0, kept.pop())
            while len(kept) > 1 and kept[-1][1] in _NO_LINE_END:
                carry.insert(0, kept.pop())
            if carry and sum(cell_len(t) for _, t in carry) + min(size, width) > width:
                # Fitting the width comes first: on a very narrow line the punctuation stays put.
                carry, kept = [], line_tokens
            line_tokens = kept
            while line_tokens and line_tokens[-1][1].isspace():
                line_tokens.pop()
            next_start = carry[0][0] if carry else start
            offsets.append(next_start)
            line_tokens = carry
            line_width = sum(cell_len(t) for _, t in carry)
        while size > width:  # a single word longer than the line: fold it
            cut = _fit(token, width - line_width if line_tokens else width)
            if line_tokens:
                offsets.append(start)
                line_tokens, line_width = [], 0
                continue
            offsets.append(start + cut)
            start, token = start + cut, token[cut:]
            size = cell_len(token)
        line_tokens.append((start, token))
        line_width += size
    return [o for o in offsets if 0 < o < len(plain)]


def line_spans(plain: str, width: int) -> list[tuple[int, int]]:
    """Where each line of ``plain`` begins and ends once wrapped at ``width``: broken where
    :func:`break_offsets` allows, each line without the spaces it starts with (unless it is only
    spaces) and the whitespace it ends with. A paragraph of the reports is these slices."""
    if not plain:
        return [(0, 0)]
    bounds = [0, *break_offsets(plain, width), len(plain)]
    spans = []
    for start, end in itertools.pairwise(bounds):
        piece = plain[start:end]
        lead = len(piece) - len(piece.lstrip(" "))
        if lead < len(piece):
            start += lead
        spans.append((start, start + len(plain[start:end].rstrip())))
    return spans


def _fit(word: str, width: int) -> int:
    total = 0
    for i, ch in enumerate(word):
        total += cell_len(ch)
        if total > width:
            return max(i, 1)
    return len(word)


def wrap(text: str, width: int, indent: int = 0) -> list[str]:
    """``text`` as lines of at most ``width`` cells, broken where :func:`break_offsets` allows;
    lines after the first of each paragraph start with ``indent`` spaces (a hanging indent)."""
    lines: list[str] = []
    for para in text.split("\n"):
        rest, room, pad = para, width, ""
        while True:
            offsets = break_offsets(rest, room)
            if not offsets:
                lines.append(pad + rest.rstrip())
                break
            lines.append(pad + rest[: offsets[0]].rstrip())
            rest = rest[offsets[0] :].lstrip(" ")
            room, pad = max(width - indent, 2), " " * indent
    return lines


Fragments = list[tuple[str, str]]  # (style, text), as prompt_toolkit's formatted text


def wrap_fragments(fragments: Fragments, width: int, indent: int = 0) -> list[Fragments]:
    """Styled text wrapped like :func:`wrap`: each line as its (style, text) pieces."""
    plain = "".join(text for _, text in fragments)
    styles = [style for style, text in fragments for _ in text]
    lines: list[Fragments] = []
    pos = 0
    for line in wrap(plain, width, indent):
        body = line.lstrip(" ") if lines else line
        pad = line[: len(line) - len(body)]
        while plain[pos : pos + 1] in (" ", "\n") and not plain.startswith(body, pos):
            pos += 1
        pieces: Fragments = [("", pad)] if pad else []
        for i, ch in enumerate(body, pos):
            if pieces and pieces[-1][0] == styles[i]:
                pieces[-1] = (styles[i], pieces[-1][1] + ch)
            else:
                pieces.append((styles[i], ch))
        pos += len(body)
        lines.append(pieces)
    return lines
