"""One place that decides how rich talks to the terminal."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable
from typing import IO

from rich.console import Console


def make_console(file: IO[str] | None = None, *, stderr: bool = False) -> Console:
    """A console that honours NO_COLOR, COLUMNS and pipes.

    rich already drops colour and escape codes when the stream is not a terminal and honours
    NO_COLOR; ``CAREERFIX_WIDTH`` (or COLUMNS) fixes the width for reproducible output.
    """
    width_env = os.environ.get("CAREERFIX_WIDTH") or None
    width = int(width_env) if width_env and width_env.isdigit() else None
    return Console(
        file=file,
        stderr=stderr,
        width=width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def strip_trailing(text: str) -> str:
    """Drop the spaces rich pads tables and grids with at the end of each line (colour codes stay)."""
    return _TRAILING.sub(r"\1", text)


def render_to_text(render: Callable[[Console], None], like: Console | None = None) -> str:
    """Render into a string, as it would appear on ``like`` (width, colours), minus padding."""
    target = like or make_console(io.StringIO())
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=target.width,
        color_system=target.color_system if target.is_terminal else None,  # type: ignore[arg-type]
        force_terminal=target.is_terminal,
        no_color=target.no_color,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    render(console)
    return strip_trailing(buffer.getvalue())


def print_rendered(render: Callable[[Console], None]) -> None:
    """Render for stdout (terminal or pipe) and write it raw, without trailing padding."""
    sys.stdout.write(render_to_text(render, make_console()))
    sys.stdout.flush()
