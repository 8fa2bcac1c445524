"""A JSON cache of checked rules packs: YAML parsing and cross-checks run once per pack version.

The key is a hash of every file in the pack (and careerfix's version), so editing a file, or
upgrading careerfix, simply misses the cache. Only packs that passed every check are cached. The
cache is plain JSON filled back into the same records: nothing in it is executed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import typing
from collections.abc import Callable
from pathlib import Path
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

from careerfix import __version__
from careerfix.atomic_write import atomic_write_text
from careerfix.engine.prepared import PreparedPack
from careerfix.models.pack import (
    DiagnosisFile,
    FitFile,
    ModuleFile,
    PackFile,
    ReadingFile,
    ResumeFile,
    RolesFile,
    RulePack,
)
from careerfix.models.records import Record, field_names, plain
from careerfix.places import cache_dir

CACHE_ENV = "CAREERFIX_NO_CACHE"
# Bump when the cache layout changes; the key includes it, so old files are simply not found.
_LAYOUT = 4

R = TypeVar("R", bound=Record)

# The pack's parts, in the order RulePack takes them.
_PARTS: dict[str, Any] = {
    "meta": PackFile,
    "modules": list[ModuleFile],
    "diagnosis": DiagnosisFile,
    "fit": FitFile,
    "roles": RolesFile,
    "resume": ResumeFile,
    "reading": ReadingFile,
}


def digest(root: Path) -> str | None:
    """Hash of the pack's files; None when caching is off or the files cannot be read."""
    if os.environ.get(CACHE_ENV):
        return None
    h = hashlib.sha256(f"careerfix {__version__} cache {_LAYOUT}\n".encode())
    try:
        for path in sorted(root.rglob("*.yaml")):
            h.update(str(path.relative_to(root)).encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
    except OSError:
        return None
    return h.hexdigest()[:32]


def _file(key: str) -> Path:
    return cache_dir() / "packs" / f"{key}.json"


def read(key: str, root: Path) -> PreparedPack | None:
    """The cached pack, rebuilt without re-validating it (it was checked before it was cached).

    Nothing here imports pydantic: the records are filled in directly.
    """
    try:
        data = json.loads(_file(key).read_bytes())
        parts = {name: _part(kind, data[name]) for name, kind in _PARTS.items()}
        parts["modules"] = tuple(parts["modules"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return PreparedPack(**parts, location=str(root))


def _part(kind: Any, raw: Any) -> Any:
    convert = _converter(kind)
    assert convert is not None  # every part is a record or a list of records
    return convert(raw)


# How to rebuild one field from JSON: a converter (None: keep the JSON value as it is).
Convert = Callable[[Any], Any] | None
_PLANS: dict[type[Record], list[tuple[str, Convert]]] = {}


def _construct(cls: type[R], data: Any) -> R:
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}: expected an object")
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = _PLANS[cls] = [(name, _converter(hints[name])) for name in field_names(cls)]
    values = {}
    for name, convert in plan:
        raw = data[name]  # every field is written, so a missing one means a damaged file
        values[name] = raw if convert is None or raw is None else convert(raw)
    return cls(**values)


def _converter(annotation: Any) -> Convert:
    """Worked out once per field type, not once per value."""
    origin = get_origin(annotation)
    if origin in (Union, UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) == 1:  # X | None
            return _converter(options[0])
        records = [a for a in options if _is_record(a)]
        if not records:
            return None
        only = records[0]
        return lambda v: _construct(only, v) if isinstance(v, dict) else v
    if origin is list:
        (item,) = get_args(annotation)
        each = _converter(item)
        if each is None:
            return None
        return lambda v: [each(x) for x in v]
    if origin is dict:
        _, item = get_args(annotation)
        value_of = _converter(item)
        if value_of is None:
            return None
        return lambda v: {k: value_of(x) for k, x in v.items()}
    if _is_record(annotation):
        return lambda v: _construct(annotation, v)
    return None


def _is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Record)


def write(key: str, pack: RulePack) -> None:
    """Best effort: a read-only home directory must never break an assessment."""
    data = {name: plain(getattr(pack, name)) for name in _PARTS}
    with contextlib.suppress(OSError):
        atomic_write_text(_file(key), json.dumps(data, ensure_ascii=False))
