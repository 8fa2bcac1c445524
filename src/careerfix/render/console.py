"""One place that decides how rich talks to the terminal."""

from __future__ import annotations

import os
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
