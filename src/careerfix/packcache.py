"""A JSON cache of checked rules packs: YAML parsing and cross-checks run once per pack version.

The key is a hash of every file in the pack (and careerfix's version), so editing a file, or
upgrading careerfix, simply misses the cache. Only packs that passed every check are cached. The
cache is plain JSON read back through the same pydantic models: nothing in it is executed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict

from careerfix import __version__
from careerfix.models.pack import (
    ActionsFile,
    DiagnosisFile,
    FitFile,
    ModuleFile,
    PackFile,
    ResumeFile,
    RolesFile,
    RulePack,
)
from careerfix.store import atomic_write_text, cache_dir

CACHE_ENV = "CAREERFIX_NO_CACHE"


M = TypeVar("M", bound=BaseModel)


class _Cached(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    meta: PackFile
    modules: list[ModuleFile]
    diagnosis: DiagnosisFile
    fit: FitFile
    roles: RolesFile
    resume: ResumeFile
    actions: ActionsFile


def digest(root: Path) -> str | None:
    """Hash of the pack's files; None when caching is off or the files cannot be read."""
    if os.environ.get(CACHE_ENV):
        return None
    h = hashlib.sha256(f"careerfix {__version__}\n".encode())
    try:
        for path in sorted(root.rglob("*.yaml")):
            h.update(str(path.relative_to(root)).encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
    except OSError:
        return None
    return h.hexdigest()[:32]


def _file(key: str) -> Path:
    return cache_dir() / "packs" / f"{key}.json"


def read(key: str, root: Path) -> RulePack | None:
    """The cached pack, rebuilt without re-validating it (it was checked before it was cached).

    Skipping validation also skips building the models' validators, which is most of the cost
    of loading a pack: the models are declared with ``defer_build``.
    """
    try:
        data = json.loads(_file(key).read_bytes())
        c = _construct(_Cached, data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return RulePack(
        c.meta, c.modules, c.diagnosis, c.fit, c.roles, c.resume, c.actions, location=str(root)
    )


# How to rebuild one field from JSON: a converter (None: keep the JSON value as it is).
Convert = Callable[[Any], Any] | None
_PLANS: dict[type[BaseModel], list[tuple[str, str, Convert]]] = {}


def _construct(cls: type[M], data: Any) -> M:
    """``cls.model_construct`` applied all the way down (pydantic's own stops at the top)."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}: expected an object")
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = [
            (name, field.alias or name, _converter(field.annotation))
            for name, field in cls.model_fields.items()
        ]
    values = {}
    for name, key, convert in plan:
        if key in data:
            raw = data[key]
            values[name] = raw if convert is None or raw is None else convert(raw)
    return cls.model_construct(**values)


def _converter(annotation: Any) -> Convert:
    """Worked out once per field type, not once per value."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _converter(get_args(annotation)[0])
    if origin in (Union, UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) == 1:  # X | None
            return _converter(options[0])
        models = [a for a in options if _is_model(a)]
        if not models:
            return None
        model = models[0]
        return lambda v: _construct(model, v) if isinstance(v, dict) else v
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
    if _is_model(annotation):
        return lambda v: _construct(annotation, v)
    return None


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def write(key: str, pack: RulePack) -> None:
    """Best effort: a read-only home directory must never break an assessment."""
    cached = _Cached(
        meta=pack.meta,
        modules=pack.modules,
        diagnosis=pack.diagnosis,
        fit=pack.fit,
        roles=pack.roles,
        resume=pack.resume,
        actions=pack.actions,
    )
    with contextlib.suppress(OSError):
        atomic_write_text(_file(key), cached.model_dump_json(by_alias=True))
