"""Text from outside careerfix (an answers file, a draft, a third-party rules pack) made inert.

Every such string passes :func:`inline` or :func:`block` before it reaches a terminal, a Markdown
or JSON report, or an error message, so a shared file cannot play tricks: no escape sequence (an
OSC 52 clipboard write, a screen clear, a hyperlink), no C0 or C1 control character, no bidi
override or isolate that would show text in another order than it is stored, no zero-width
character that hides part of a word, and no lone surrogate (which no output encoding can write).

Printable text, CJK and emoji included, passes unchanged: the shipped pack's texts are identical
after cleaning (the golden reports prove it).
"""

from __future__ import annotations

import functools
import re


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: printable text (nearly all of it) never needs them, and compiling
    them cost every command about 0.6 ms."""
    # A whole escape sequence goes, not only its ESC: CSI (ESC [ … final), OSC / DCS / APC / PM /
    # SOS strings (up to BEL or ST), and the two-character escapes. C1 forms (0x9b CSI, 0x9d OSC).
    sequence = re.compile(
        r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI
        r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS…
        r"|\x1b[ -/]*[0-~]?"  # other escapes (ESC c, ESC 7, …), or a lone ESC
    )
    # C0 (but tab and line feed) and DEL, C1, bidi embeddings / overrides / isolates and marks,
    # zero-width characters, the BOM, and lone surrogates.
    invisible = re.compile(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
    )
    line_breaks = re.compile(r"[\t\n\u2028\u2029]+")
    return sequence, invisible, line_breaks


def block(text: str) -> str:
    """Inert text that may span lines (line feeds kept; tabs become spaces)."""
    if text.isprintable():  # the common case, and a fast one
        return text
    sequence, invisible, _ = _patterns()
    text = sequence.sub("", text)
    text = invisible.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", text)
    return text.replace("\t", " ").replace("\u2028", "\n").replace("\u2029", "\n")


def inline(text: str) -> str:
    """Inert text on one line: a line break in someone's evidence cannot start a forged report
    line; it becomes a space."""
    if text.isprintable():  # no line break is printable
        return text
    return _patterns()[2].sub(" ", block(text))
