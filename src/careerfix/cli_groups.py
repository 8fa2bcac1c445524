"""Command groups whose subcommands are built only when one of them runs.

typer turns a function into a click command by reading every parameter's type hints (about a
millisecond a command), and a group built the usual way converts all its subcommands on every
run. Here each subcommand is a Typer app of its own, registered by name, and converted on demand.
"""

from __future__ import annotations

from collections.abc import Callable
from difflib import get_close_matches
from typing import Any, ClassVar

import typer
from typer._click.exceptions import UsageError

from careerfix.cli_help import HelpGroup, adopt


def command_app(**settings: Any) -> typer.Typer:
    """The Typer app of one subcommand of a :class:`LazyGroup`."""
    return typer.Typer(rich_markup_mode=None, add_completion=False, **settings)


class LazyGroup(HelpGroup):
    """A group that builds a subcommand the first time it is asked for it; subclasses say which
    subcommands there are (``lazy``: name → the Typer app, in the order help lists them). Its
    help and usage errors follow the language, like every group's (:class:`HelpGroup`)."""

    lazy: ClassVar[dict[str, Callable[[], typer.Typer]]] = {}

    def list_commands(self, ctx: Any) -> list[str]:
        return [*self.lazy, *(name for name in self.commands if name not in self.lazy)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = self.commands.get(cmd_name)
        if found is None and cmd_name in self.lazy:
            found = self.commands[cmd_name] = typer.main.get_command(self.lazy[cmd_name]())
            adopt(found)
        return found

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            # typer suggests a close name from the commands built so far, and here most are only
            # named: the suggestion is made from every name instead, in typer's own words.
            names = self.list_commands(ctx)
            if self.suggest_commands and args and args[0] not in names and "?" not in exc.message:
                matches = get_close_matches(args[0], names)
                if matches:
                    close = ", ".join(f"{m!r}" for m in matches)
                    exc.message = f"{exc.message.rstrip('.')}. Did you mean {close}?"
            raise
