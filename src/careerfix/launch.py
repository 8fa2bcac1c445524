"""The ``careerfix`` program's entry point: the command line, started without wasted collections.

A run allocates most of its objects while it imports (typer, click, careerfix's records), and
they all live until exit. Left on, the cyclic garbage collector walks that growing heap again and
again during the imports, and once more at shutdown: about a fifth of a short command's time, for
nothing (docs/performance.md). So collection is off while the command line is imported, what was
built then is frozen (moved where collections never look), and collection is back on for the
command itself, so a long interview still frees its cycles; at exit everything is frozen again,
so shutdown does not walk the heap one last time. ``gc.freeze`` is the documented tool for this.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from careerfix.cli import main as run

    gc.freeze()
    gc.enable()
    try:
        run()
    finally:
        gc.freeze()
