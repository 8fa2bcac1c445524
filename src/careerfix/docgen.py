"""Writes docs/cli.md from the CLI's own ``--help`` pages.

Run ``python -m careerfix.docgen [PATH]`` (default: ``docs/cli.md`` in the current directory).
Nothing in the CLI imports this module: it is a maintainer's tool, never on a command's path.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

# Fixed so that the page is the same on every machine, whatever the terminal or locale.
WIDTH = 100

HEADER = """# careerfix commands

This file is generated from the CLI's own `--help` (at {width} columns): do not edit it by hand.
Regenerate it with `python -m careerfix.docgen` (run from the repository root).
"""


def _root() -> Any:
    from careerfix.cli import app

    return typer.main.get_command(app)


def subcommands(cmd: Any) -> dict[str, Any]:
    """A group's subcommands by name (built on demand: the root builds a command only when asked);
    an empty mapping for a command."""
    # typer ships its own copy of click: a group is told by its subcommands, not its class.
    if not hasattr(cmd, "commands"):
        return {}
    return {name: cmd.get_command(None, name) for name in cmd.list_commands(None)}


def _order(cmd: Any, path: tuple[str, ...]) -> list[str]:
    """The subcommands of ``path`` in the order the root help lists them (by task, e.g.
    ``rules show`` before ``rules check``), then any it does not list, as registered."""
    from careerfix.cli import COMMAND_GROUPS

    names: list[str] = []
    known = subcommands(cmd)
    for _, listed in COMMAND_GROUPS:
        for full in listed:
            parts = tuple(full.split())
            if len(parts) > len(path) and parts[: len(path)] == path:
                name = parts[len(path)]
                if name in known and name not in names:
                    names.append(name)
    return names + [name for name in known if name not in names]


def walk(root: Any | None = None) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every visible command and group as (path below ``careerfix``, command), root first."""
    root = _root() if root is None else root

    def below(cmd: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
        yield path, cmd
        known = subcommands(cmd)
        for name in _order(cmd, path):
            if not known[name].hidden:
                yield from below(known[name], (*path, name))

    yield from below(root, ())


def help_text(path: tuple[str, ...], root: Any | None = None) -> str:
    """The ``--help`` page of ``careerfix PATH`` as click formats it, at WIDTH columns."""
    root = _root() if root is None else root
    # click keeps 2 columns of a real terminal free: WIDTH - 2 is what COLUMNS=WIDTH shows.
    settings = {"terminal_width": WIDTH - 2, "max_content_width": WIDTH, "color": False}
    # The command's own context settings too (-h, as click's make_context would apply them).
    # context_class: click is typer's dependency, not ours, so it is not imported by name.
    ctx = root.context_class(root, info_name="careerfix", **{**root.context_settings, **settings})
    cmd = root
    for name in path:
        cmd = subcommands(cmd)[name]
        ctx = cmd.context_class(
            cmd, info_name=name, parent=ctx, **{**cmd.context_settings, **settings}
        )
    text: str = ctx.get_help()
    return text.rstrip() + "\n"


def render() -> str:
    """The whole of docs/cli.md."""
    # Help texts that read the environment (language, widths) must see the fixed one.
    saved = {k: os.environ.get(k) for k in ("CAREERFIX_LANG", "LANG", "LC_ALL", "COLUMNS")}
    os.environ.update({"CAREERFIX_LANG": "en", "LANG": "C", "LC_ALL": "C", "COLUMNS": str(WIDTH)})
    try:
        root = _root()
        parts = [HEADER.format(width=WIDTH)]
        for path, _ in walk(root):
            title = " ".join(("careerfix", *path))
            parts.append(f"## `{title}`\n\n```text\n{help_text(path, root)}```\n")
        return "\n".join(parts)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else Path("docs") / "cli.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(), encoding="utf-8", newline="\n")
    sys.stdout.write(f"wrote {target}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
