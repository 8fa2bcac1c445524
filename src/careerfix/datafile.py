"""Reading YAML/JSON data files safely, and pointing at the line behind a problem.

Used for rules packs and answers files alike. YAML is only ever read with a *safe* loader
(libyaml's ``CSafeLoader`` when present, else ``SafeLoader``), and the node tree is kept so that a
pydantic error location can be turned into ``file:line:col``.
"""

from __future__ import annotations

import json
import os
import select
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerfix.errors import Problem, Said

if TYPE_CHECKING:
    from pydantic import ValidationError
    from yaml.nodes import Node

MAX_ANSWERS_BYTES = 512 * 1024
MAX_RULES_FILE_BYTES = 4 * 1024 * 1024
# A history export: one JSON line per stored assessment (10,000 of them are about 100 MB).
MAX_IMPORT_BYTES = 256 * 1024 * 1024
# A draft is answers data plus where the interview stands.
MAX_DRAFT_BYTES = 2 * MAX_ANSWERS_BYTES
# The pack cache: the checked pack as JSON (the shipped pack's is about 0.5 MB).
MAX_CACHE_BYTES = 16 * 1024 * 1024


class DataFileError(Exception):
    """A file could not be read or parsed; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


class MissingFileError(DataFileError):
    """The file does not exist (callers for whom a missing file is normal catch this one)."""


_CHUNK = 64 * 1024


def read_text(path: Path, display: str, max_bytes: int) -> str:
    """Read a UTF-8 text file, refusing huge, binary and non-UTF-8 files with a clear problem."""
    return decode(read_bytes(path, display, max_bytes), display, max_bytes)


def read_bytes(path: Path, display: str, max_bytes: int) -> bytes:
    """The one way careerfix reads a file: never more than ``max_bytes`` into memory, never a hang.

    The size a file system reports is not trusted (``/dev/zero``, a pipe, ``<(…)`` report 0):
    the file is read in chunks and the read stops one byte past the limit. A FIFO is opened
    without waiting for a writer, so one nobody writes to reads as empty instead of hanging.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise MissingFileError(Problem(display, "", Said.of("df_not_found"))) from None
    except OSError as exc:
        raise DataFileError(_os_problem(exc, display)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise DataFileError(Problem(display, "", Said.of("df_is_dir")))
        if stat.S_ISBLK(st.st_mode):
            raise DataFileError(Problem(display, "", Said.of("df_is_device")))
        if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
            raise DataFileError(_too_large(display, max_bytes, st.st_size))
        # Only the open had to be non-blocking: a pipe's writer may be slower than careerfix.
        os.set_blocking(fd, True)
        return _read_limited(fd, display, max_bytes)
    except OSError as exc:
        raise DataFileError(_os_problem(exc, display)) from None
    finally:
        os.close(fd)


def read_stdin_bytes(max_bytes: int, display: str = "<stdin>") -> bytes:
    """Standard input, bounded like a file (``-`` as a file name)."""
    try:
        try:
            fd = sys.stdin.fileno()
        except (AttributeError, ValueError, OSError):  # replaced by an in-memory stream
            raw: bytes = sys.stdin.buffer.read(max_bytes + 1)
            if len(raw) > max_bytes:
                raise DataFileError(_too_large(display, max_bytes)) from None
            return raw
        return _read_limited(fd, display, max_bytes)
    except (AttributeError, ValueError):  # closed stdin
        raise DataFileError(Problem(display, "", Said.of("df_stdin"))) from None
    except OSError as exc:
        raise DataFileError(_os_problem(exc, display)) from None


def read_input_text(source: str, max_bytes: int) -> tuple[str, str]:
    """``source`` (a path, or ``-`` for stdin) as text; returns the text and its display name."""
    raw, display = read_input_bytes(source, max_bytes)
    return decode(raw, display, max_bytes), display


def read_input_bytes(source: str, max_bytes: int) -> tuple[bytes, str]:
    """``source`` (a path, or ``-`` for stdin) as bytes; returns them and the display name."""
    if source == "-":
        return read_stdin_bytes(max_bytes), "<stdin>"
    return read_bytes(Path(source), source, max_bytes), source


def _read_limited(fd: int, display: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        try:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
        except BlockingIOError:  # a non-blocking stdin with nothing in it yet
            select.select([fd], [], [])
            continue
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise DataFileError(_too_large(display, max_bytes))
    return b"".join(chunks)


def _too_large(display: str, max_bytes: int, size: int | None = None) -> Problem:
    if size is None:
        return Problem(display, "", Said.of("df_input_over_limit", limit=max_bytes))
    return Problem(display, "", Said.of("df_too_big", size=size, limit=max_bytes))


def _os_problem(exc: OSError, display: str) -> Problem:
    if isinstance(exc, IsADirectoryError):
        return Problem(display, "", Said.of("df_is_dir"))
    if isinstance(exc, PermissionError):
        return Problem(display, "", Said.of("df_permission"))
    return Problem(display, "", Said.of("df_cannot_read", reason=exc.strerror or str(exc)))


def decode(raw: bytes, display: str, max_bytes: int) -> str:
    if len(raw) > max_bytes:
        raise DataFileError(
            Problem(display, "", Said.of("df_input_too_big", size=len(raw), limit=max_bytes))
        )
    if b"\x00" in raw:
        raise DataFileError(Problem(display, "", Said.of("df_binary")))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError(
            Problem(
                display,
                "",
                Said.of("df_not_utf8", byte=raw[exc.start], offset=exc.start),
                line=line,
            )
        ) from None
    if not text.strip():
        raise DataFileError(Problem(display, "", Said.of("df_empty")))
    return text


def _loader_class() -> Any:
    import yaml

    # Only ever a *safe* loader: the fallback must be SafeLoader, never Loader/FullLoader.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, display: str) -> tuple[Any, Node]:
    """Parse one YAML document; return the data and its node tree (for line numbers)."""
    import yaml

    loader = _loader_class()(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise DataFileError(_yaml_problem(exc, display)) from None
        except yaml.YAMLError as exc:
            raise DataFileError(
                Problem(display, "", Said.of("df_yaml_error", error=str(exc)))
            ) from None
        if node is None:
            raise DataFileError(Problem(display, "", Said.of("df_empty")))
        _reject_aliases_and_duplicates(node, display)
        try:
            data = loader.construct_document(node)
        except yaml.MarkedYAMLError as exc:
            raise DataFileError(_yaml_problem(exc, display)) from None
    finally:
        loader.dispose()
    return data, node


def _yaml_problem(exc: Any, display: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    # The parser's own words (context, problem) are PyYAML's English and stay as they are.
    what: str | Said = " ".join(str(x) for x in (exc.context, exc.problem) if x)
    if "could not determine a constructor" in what or "python/" in what:  # type: ignore[operator]
        what = Said.of("df_yaml_tag", problem=exc.problem)
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    opened = exc.context_mark
    if opened is not None and mark is not None and opened.line != mark.line:
        message = Said.of("df_yaml_syntax_began", what=what, line=opened.line + 1)
    else:
        message = Said.of("df_yaml_syntax", what=what)
    return Problem(display, "", message, line=line, column=col)


def _reject_aliases_and_duplicates(root: Node, display: str) -> None:
    """Refuse anchors/aliases (alias bombs expand exponentially) and duplicate mapping keys.

    The composed tree shares one node object per alias, so the first node seen twice is an alias:
    the walk stops there, in time linear in the size of the text.
    """
    from yaml.nodes import MappingNode, SequenceNode

    seen: set[int] = set()
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            mark = node.start_mark
            raise DataFileError(
                Problem(
                    display,
                    "",
                    Said.of("df_alias"),
                    line=mark.line + 1,
                    column=mark.column + 1,
                )
            )
        seen.add(id(node))
        if isinstance(node, MappingNode):
            keys: dict[str, Node] = {}
            for key, value in node.value:
                k = str(key.value)
                if k in keys:
                    raise DataFileError(
                        Problem(
                            display,
                            k,
                            Said.of("df_duplicate_key", line=keys[k].start_mark.line + 1),
                            line=key.start_mark.line + 1,
                            column=key.start_mark.column + 1,
                        )
                    )
                keys[k] = key
                stack.append(key)
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def parse_json(text: str, display: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(
            Problem(
                display,
                "",
                Said.of("df_json_syntax", msg=exc.msg),
                line=exc.lineno,
                column=exc.colno,
            )
        ) from None
    except RecursionError:
        raise DataFileError(Problem(display, "", Said.of("df_json_deep"))) from None


def node_for_json(text: str) -> Node | None:
    """Best-effort node tree of a JSON text (JSON is nearly always valid YAML) for line numbers."""
    try:
        return parse_yaml(text, "")[1]
    except Exception:
        return None


def locate(node: Node | None, loc: Sequence[str | int]) -> tuple[str, int | None, int | None]:
    """Walk ``loc`` down the node tree; return the readable field path and its 1-based position.

    Parts of a pydantic location that are not in the data (union member tags such as ``str``)
    are skipped. A missing field is reported at its parent mapping.
    """
    from yaml.nodes import MappingNode, SequenceNode

    path = ""
    line = col = None
    current = node
    if current is not None:
        line, col = current.start_mark.line + 1, current.start_mark.column + 1
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(current, MappingNode):
            match = next(
                ((k, v) for k, v in current.value if str(k.value) == str(part)),
                None,
            )
            if match is not None:
                key, value = match
                path = f"{path}.{part}" if path else str(part)
                target = value if _is_scalar(value) else key
                line, col = target.start_mark.line + 1, target.start_mark.column + 1
                current = value
                continue
            if last or (isinstance(part, str) and not _is_tag(part)):
                path = f"{path}.{part}" if path else str(part)
                current = None
            continue
        if isinstance(current, SequenceNode) and isinstance(part, int):
            if 0 <= part < len(current.value):
                current = current.value[part]
                line, col = current.start_mark.line + 1, current.start_mark.column + 1
            path = f"{path}[{part}]"
            continue
        if current is None and (isinstance(part, int) or not _is_tag(part)):
            path = f"{path}[{part}]" if isinstance(part, int) else f"{path}.{part}"
    return path, line, col


def _is_scalar(node: Node) -> bool:
    from yaml.nodes import ScalarNode

    return isinstance(node, ScalarNode)


def _is_tag(part: str) -> bool:
    # pydantic's union / validator tags: 'str', 'list[str]', 'function-after[...]', '[key]'
    return part in {"str", "int", "float", "bool"} or "[" in part or part.startswith("function-")


def validation_problems(
    exc: ValidationError, display: str, node: Node | None, prefix: Iterable[str | int] = ()
) -> list[Problem]:
    """Turn a pydantic ValidationError into located, readable problems."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = (*prefix, *err["loc"])
        path, line, col = locate(node, loc)
        problems.append(Problem(display, path, _message(err), line, col))
    return problems


def _message(err: Any) -> str | Said:
    kind = err["type"]
    if kind in {"missing", "missing_keyword_argument", "missing_argument"}:
        return Said.of("df_missing")
    if kind in {"extra_forbidden", "unexpected_keyword_argument"}:
        return Said.of("df_unknown_field")
    msg: str = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    message: str | Said = _said_like(kind, err.get("ctx") or {}, msg)
    if kind in {"string_type", "int_type", "float_type", "list_type", "dict_type", "bool_type"} or (
        kind.endswith("_parsing")
        or kind in {"model_type", "model_attributes_type", "dataclass_type", "dataclass_args_type"}
    ):
        message = Said.of("pd_got", msg=message, got=describe(err.get("input")))
    return message


def _said_like(kind: str, ctx: dict[str, Any], msg: str) -> str | Said:
    """pydantic's message as a Said of the same English text, else the message as it is.

    Standard kinds are keyed ``pd_<kind>`` (``_1`` for a count of one), the custom errors of the
    pack's records ``pack_<kind>`` (or ``pack_<kind>_<ctx names>`` when one kind has two texts).
    A key is used only if its English equals pydantic's, so English output cannot change.
    """
    from careerfix.i18n import has_message

    names = "_".join(sorted(ctx))
    expected = ctx.get("expected")
    if kind == "literal_error" and isinstance(expected, str) and " or " in expected:
        first, _, last = expected.rpartition(" or ")
        ctx = {**ctx, "expected": Said.of("ans_or", first=first, last=last)}
    candidates = [f"pd_{kind}_1", f"pd_{kind}", f"pack_{kind}", f"pack_{kind}_{names}"]
    for key in candidates:
        if not has_message(key):
            continue
        try:
            said = Said.of(key, **ctx)
            if str(said) == msg:
                return said
        except (KeyError, IndexError, ValueError):
            continue
    return msg


def describe(value: Any) -> Said:
    if value is None:
        return Said.of("df_nothing")
    if isinstance(value, bool):
        return Said.of("df_boolean", value=str(value).lower())
    if isinstance(value, int | float):
        return Said.of("df_number", value=value)
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return Said.of("df_text", value=repr(shown))
    if isinstance(value, list):
        return Said.of("df_list")
    if isinstance(value, dict):
        return Said.of("df_mapping")
    return Said.of("df_type", name=type(value).__name__)
