"""One place that decides how rich talks to the terminal."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable
from typing import IO

from rich.console import Console

from careerfix.lines import MAX_WIDTH, MIN_WIDTH, chosen_width

__all__ = ["MAX_WIDTH", "MIN_WIDTH", "chosen_width", "make_console"]


def make_console(file: IO[str] | None = None, *, stderr: bool = False) -> Console:
    """A console that honours NO_COLOR, COLUMNS and pipes.

    rich already drops colour and escape codes when the stream is not a terminal and honours
    NO_COLOR; ``CAREERFIX_WIDTH`` (or COLUMNS) fixes the width for reproducible output.
    """
    return Console(
        file=file,
        stderr=stderr,
        width=chosen_width(),
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


def page(text: str) -> None:
    """Show a long report through the user's pager ($PAGER, else ``less -FRX``: it quits at once
    when the text fits the screen and keeps colours). Falls back to plain output."""
    import shlex
    import subprocess

    command = os.environ.get("PAGER", "").strip() or "less -FRX"
    if command == "cat":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        proc = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode("utf-8"))
        proc.stdin.close()
    except (BrokenPipeError, OSError):
        pass  # the reader quit the pager early: nothing is lost, the report is theirs to re-run
    while True:
        try:
            proc.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
            continue
