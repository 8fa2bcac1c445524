"""The ``careerfix`` program's entry point: the command line, started without wasted collections.

A run allocates most of its objects while it imports (typer, click, careerfix's records), and
they all live until exit. Left on, the cyclic garbage collector walks that growing heap again and
again during the imports, and once more at shutdown: about a fifth of a short command's time, for
nothing (docs/performance.md). So collection is off while the command line is imported, what was
built then is frozen (moved where collections never look), and collection is back on for the
command itself, so a long interview still frees its cycles; at exit everything is frozen again,
so shutdown does not walk the heap one last time. ``gc.freeze`` is the documented tool for this.
A command that imports a large library of its own (the interview: questionary and
prompt_toolkit) does the same around that import (:func:`imports_kept`).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


def main() -> None:
    gc.disable()
    from careerfix.cli import main as run

    gc.freeze()
    gc.enable()
    try:
        run()
    finally:
        gc.freeze()


@contextlib.contextmanager
def imports_kept() -> Iterator[None]:
    """Import what lives until exit without the collector walking it as it grows, then freeze
    it (about 5 ms of the interview's 48 ms import of prompt_toolkit)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()
