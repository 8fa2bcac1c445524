"""``--help`` pages and click's usage errors in the command's language.

typer vendors click (``typer._click``) with its words hard-coded in English, so there is no
gettext to hook: the Chinese comes from our own catalogue, :data:`careerfix.i18n.HELP_ZH`, keyed
by the English text exactly as click would show it (like a gettext msgid). Every hook returns the
English unchanged when the language is en, so English help stays byte-identical.

How it plugs in: :class:`HelpGroup` (the root group and the sub-apps) gives every command below
it :class:`HelpContext`, whose formatter, :class:`HelpFormatter`, translates what passes through
it; and it re-raises a usage error of any command below it as :class:`TranslatedUsageError`,
which ``typer.core._main`` shows (``e.show()``) like click's own.

Imported on every start-up: it must stay light (no rich, nothing of careerfix but i18n, until
a help page is asked for in Chinese).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from typing import IO, Any

from typer._click.core import Context
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer._click.formatting import HelpFormatter as _ClickFormatter
from typer._click.formatting import wrap_text
from typer._click.utils import echo
from typer.core import TyperCommand, TyperGroup

from careerfix.i18n import HELP_ZH, lang_in_argv, resolve_lang
from careerfix.models.lang import Lang

# The command line as the root group received it (cli._Group keeps it under the same key): the
# --lang given anywhere on it decides the language, even for an eager --help parsed before it.
ARGV_KEY = "careerfix_argv"


def lookup(text: str) -> str | None:
    """The Chinese for one English text of the help, or None when the catalogue has none."""
    return HELP_ZH.get(text)


def help_lang(ctx: Any) -> Lang:
    argv = ctx.meta.get(ARGV_KEY) if ctx is not None else None
    return resolve_lang(lang_in_argv(argv or []))


# ---------------------------------------------------------------- wrapping by display width

# click counts a Chinese character as one column and breaks lines only at spaces, so Chinese help
# is measured and wrapped the way careerfix.lines does it for every other text. Imported only for
# Chinese help: careerfix.lines loads rich's cell widths, which English --help must not wait for.


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes (a CJK character takes two)."""
    from rich.cells import cell_len

    return cell_len(text)


def fill(text: str, width: int) -> list[str]:
    """One paragraph as lines of at most ``width`` columns (a longer word is folded)."""
    from careerfix.lines import break_offsets

    cuts = [0, *break_offsets(text, width), len(text)]
    return [line for a, b in pairwise(cuts) if (line := text[a:b].strip())]


# ---------------------------------------------------------------- translating help text


def _paragraphs(text: str) -> list[tuple[int, bool, list[str]]]:
    """click's paragraphs: (indent, kept as written after a \\b line, lines)."""
    found: list[tuple[int, bool, list[str]]] = []
    lines: list[str] = []
    for line in [*text.expandtabs().splitlines(), ""]:
        if line:
            lines.append(line)
            continue
        if lines:
            indent = len(lines[0]) - len(lines[0].lstrip())
            if lines[0].strip() == "\b":
                found.append((indent, True, lines[1:]))
            else:
                found.append((indent, False, [ln.strip() for ln in lines]))
        lines = []
    return found


def _translate_raw(lines: list[str]) -> list[str]:
    """A block kept as written, line by line (its indentation kept; a translation that must
    line up with the next lines, like the exit codes, is padded in the catalogue)."""
    out = []
    for line in lines:
        lead = line[: len(line) - len(line.lstrip())]
        zh = lookup(line.strip())
        out.append(line if zh is None else lead + zh)
    return out


def wrap_zh(text: str, width: int, indent: str = "", *, translate: bool = True) -> str:
    """``text`` translated paragraph by paragraph and wrapped as click would, by display width."""
    blocks = []
    for extra, raw, lines in _paragraphs(text):
        pad = indent + " " * extra
        if raw:
            kept = _translate_raw(lines) if translate else lines
            blocks.append("\n".join(pad + line for line in kept))
        else:
            english = " ".join(" ".join(lines).split())
            zh = (lookup(english) if translate else None) or english
            blocks.append("\n".join(pad + ln for ln in fill(zh, max(width - len(pad), 10))))
    return "\n\n".join(blocks)


_EXTRAS = r"(?s)(.*?)(?:  )?\[([^\[\]]*)\]"


def translate_cell(text: str) -> str:
    """An option's or command's help, with typer's ``[default: …; env var: …]`` after it."""
    found = re.fullmatch(_EXTRAS, text)
    if found is None:
        return lookup(text) or text
    body, extras = found.groups()
    parts = []
    for part in extras.split("; "):
        name, colon, value = part.partition(": ")
        # A word like "default" or "required", not a range like "x>=0".
        zh = lookup(name) if re.match("[a-z]{2}", name) else None
        parts.append(part if zh is None else f"{zh}：{value}" if colon else zh)
    return f"{lookup(body) or body}（{'；'.join(parts)}）"


class HelpFormatter(_ClickFormatter):
    """click's formatter; in Chinese it translates each text it is given and wraps by width."""

    lang: Lang = "en"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if self.lang == "en" or prefix is not None:
            super().write_usage(prog, args, prefix)
            return
        prefix = f"{lookup('Usage') or 'Usage'}："
        head = f"{prefix:>{self.current_indent}}{prog} "
        width = self.width - self.current_indent
        size = display_width(head)
        if width >= size + 20:
            # Wrapped behind spaces of the same width, which click's wrapper measures rightly.
            body = wrap_text(args, width, initial_indent=" " * size, subsequent_indent=" " * size)
            self.write(head + body[size:])
        else:  # as click does: the arguments on the next lines
            self.write(head + "\n")
            pad = " " * (max(self.current_indent, display_width(prefix)) + 4)
            self.write(wrap_text(args, width, initial_indent=pad, subsequent_indent=pad))
        self.write("\n")

    def write_heading(self, heading: str) -> None:
        if self.lang == "en":
            super().write_heading(heading)
            return
        self.write(f"{' ' * self.current_indent}{lookup(heading) or heading}：\n")

    def write_text(self, text: str) -> None:
        if self.lang == "en":
            super().write_text(text)
            return
        self.write(wrap_zh(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        if self.lang == "en":
            super().write_dl(rows, col_max, col_spacing)
            return
        rows = list(rows)
        if not rows:
            return
        first_col = min(max(display_width(first) for first, _ in rows), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{' ' * self.current_indent}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            width = max(self.width - first_col - 2, 10)
            lines = wrap_zh(translate_cell(second), width, translate=False).splitlines()
            pad = " " * (first_col + self.current_indent)
            self.write("\n".join([*lines[:1], *(pad + line for line in lines[1:])]) + "\n")


class HelpContext(Context):
    formatter_class = HelpFormatter

    def make_formatter(self) -> _ClickFormatter:
        formatter = super().make_formatter()
        if isinstance(formatter, HelpFormatter):
            formatter.lang = help_lang(self)
        return formatter


# ---------------------------------------------------------------- usage errors


def _template(english: str) -> re.Pattern[str]:
    """A catalogue key such as ``Missing argument {hint}.`` as a pattern naming its fields."""
    parts = re.split(r"\{(\w+)\}", english)
    pattern = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
    )
    return re.compile(f"(?s){pattern}")


_TEMPLATES: list[tuple[str, re.Pattern[str]]] = []  # built on the first error in Chinese
# Fields that hold a message of their own (BadParameter's reason), translated in turn.
_NESTED = {"message"}


def translate_message(text: str) -> str:
    """One of click's error messages in Chinese; an unknown one stays as it is."""
    if not _TEMPLATES:
        # Most specific first ("No such option: {name}" also matches one with suggestions), and
        # one that starts with a field last ("{value} is not …" would match any prefix).
        keys = sorted(
            (key for key in HELP_ZH if "{" in key), key=lambda k: (k.startswith("{"), -len(k))
        )
        _TEMPLATES.extend((key, _template(key)) for key in keys)
    for english, pattern in _TEMPLATES:
        found = pattern.fullmatch(text)
        if found is not None:
            values = {
                k: translate_message(v) if k in _NESTED else v for k, v in found.groupdict().items()
            }
            return (lookup(english) or english).format(**values)
    return text


class TranslatedUsageError(UsageError):
    """A usage error shown as click shows it (usage, hint, error), in Chinese."""

    def format_message(self) -> str:
        return self.message

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                command = f"{ctx.command_path} {ctx.help_option_names[0]}"
                hint = translate_message(f"Try '{command}' for help.") + "\n"
            echo(f"{ctx.get_usage()}\n{hint}", file=file, err=True, color=ctx.color)
        error = translate_message(f"Error: {self.message}")
        echo(error, file=file, err=True, color=ctx.color if ctx is not None else None)


def in_language(exc: UsageError, ctx: Any) -> UsageError:
    """``exc`` itself in English (or when it is the help shown for a missing command), else a
    copy worded in the command's language. ``ctx`` is the context it was caught in: the
    parser raises some errors without one."""
    if isinstance(exc, (TranslatedUsageError, NoArgsIsHelpError)):
        return exc
    if help_lang(exc.ctx or ctx) == "en":
        return exc
    return TranslatedUsageError(translate_message(exc.format_message()), exc.ctx)


@contextmanager
def worded_in_language(ctx: Any) -> Iterator[None]:
    """A usage error raised inside comes out worded in the command's language."""
    try:
        yield
    except UsageError as exc:
        translated = in_language(exc, ctx)
        if translated is exc:
            raise
        raise translated from exc


# ---------------------------------------------------------------- the command classes


def _keep_argv(ctx: Any, args: list[str]) -> None:
    if ctx.parent is None:
        ctx.meta.setdefault(ARGV_KEY, list(args))


class HelpCommand(TyperCommand):
    """A command whose help and usage errors follow the language (for one outside a HelpGroup;
    a HelpGroup gives its commands the same context)."""

    context_class = HelpContext

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _keep_argv(ctx, args)
        with worded_in_language(ctx):
            result: list[str] = super().parse_args(ctx, args)
        return result


def _drop_lang_for_help(cmd: Any, ctx: Any, args: list[str]) -> list[str]:
    """``careerfix --help --lang zh``, ``careerfix schema -h --lang zh``: asked for the help of a
    command or group without a --lang of its own, the --lang (which has chosen the language of
    the help already) is dropped instead of failing as an unknown option. Without a help
    option it stays, and fails as before."""
    if any("--lang" in param.opts for param in cmd.params):
        return args
    kept: list[str] = []
    dropped = False
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--" or (not cmd.allow_interspersed_args and not arg.startswith("-")):
            kept += args[i:]  # a group's own options end at its subcommand
            break
        if arg == "--lang" or arg.startswith("--lang="):
            dropped = True
            i += 2 if arg == "--lang" else 1
            continue
        kept.append(arg)
        i += 1
    if dropped and set(kept) & set(ctx.help_option_names):
        return kept
    return args


def adopt(cmd: Any) -> None:
    """``cmd`` and every command below it get the translating context, however declared (a
    group that builds its commands on demand adopts each one as it builds it)."""
    if not issubclass(cmd.context_class, HelpContext):
        cmd.context_class = HelpContext
    for sub in getattr(cmd, "commands", {}).values():
        adopt(sub)


class HelpGroup(TyperGroup):
    """A group whose help, and its commands' help and usage errors, follow the language."""

    context_class = HelpContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        adopt(self)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _keep_argv(ctx, args)
        with worded_in_language(ctx):
            result: list[str] = super().parse_args(ctx, _drop_lang_for_help(self, ctx, args))
        return result

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name, cmd, rest = super().resolve_command(ctx, args)
        if cmd is not None:
            rest = _drop_lang_for_help(cmd, ctx, rest)
        return name, cmd, rest

    def invoke(self, ctx: Any) -> Any:
        # A command's own parsing happens here, inside its group's invoke.
        with worded_in_language(ctx):
            return super().invoke(ctx)
