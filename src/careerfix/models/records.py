"""Records: the one way careerfix declares structured data (rules pack, answers, report).

A record is a stdlib dataclass declared with :func:`record` and deriving from :class:`Record`.
The same declaration serves two very different paths:

* **Checking** (``rules check``, a new or edited pack, an answers file with a problem, ``careerfix
  schema``): pydantic validates records and writes their JSON Schema through a ``TypeAdapter``.
  Constraints are annotations (:class:`Constraint`, :class:`Describe`) that pydantic reads through
  its documented ``__get_pydantic_core_schema__`` / ``__get_pydantic_json_schema__`` hooks, and a
  record's cross-field checks live in ``__post_init__``, which pydantic calls after validating the
  fields (raising ``PydanticCustomError`` there gives a located, typed error).
* **Running** (every assessment, every interview): records are built from data that was already
  checked — a cached pack, the engine's own results — and **pydantic is never imported**. That is
  most of careerfix's start-up time saved: importing pydantic and building its first validator
  costs more than everything else an assessment does (docs/benchmarks.md).

Why not pydantic models: their classes take about 1 ms each to declare even with ``defer_build``,
and importing pydantic takes longer than the rest of an assessment. Why ``init=False``: compiling
the generated ``__init__`` is most of what a dataclass costs to declare (about 0.2 ms without it
against 0.4 ms with it, here); :meth:`Record.__init__` does the same job for all of them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, dataclass_transform

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic_core import CoreSchema

R = TypeVar("R", bound="Record")

_MISSING = dataclasses.MISSING


def _alias(name: str) -> str:
    # Python keywords are spelled with a trailing underscore (not_, in_) and read as "not", "in".
    return name[:-1] if name.endswith("_") else name


class Record:
    """Base of every record: keyword construction, strict validation, aliases for keywords."""

    # Read by pydantic when it validates a record (never on the running path).
    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "alias_generator": _alias,
        "populate_by_name": True,
    }
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]
    _plan: ClassVar[tuple[tuple[str, Any, Any], ...]]

    def __init__(self, **values: Any) -> None:
        plan = type(self).__dict__.get("_plan") or _plan_of(type(self))
        own = self.__dict__
        for name, default, factory in plan:
            if name in values:
                own[name] = values.pop(name)
            elif default is not _MISSING:
                own[name] = default
            elif factory is not _MISSING:
                own[name] = factory()
            else:
                raise TypeError(f"{type(self).__name__}: missing field {name!r}")
        if values:
            raise TypeError(f"{type(self).__name__}: unknown field(s) {', '.join(sorted(values))}")

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({inner})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable by construction, so not hashable


def _plan_of(cls: type[Record]) -> tuple[tuple[str, Any, Any], ...]:
    plan = tuple((f.name, f.default, f.default_factory) for f in dataclasses.fields(cls))
    cls._plan = plan
    return plan


@dataclass_transform(kw_only_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[R]) -> type[R]:
    """Declare a record class (see the module doc)."""
    return dataclasses.dataclass(init=False, repr=False, eq=False)(cls)


def build(cls: type[R], values: dict[str, Any]) -> R:
    """A record from values that are known to be complete and valid: no defaults, no checks."""
    obj = cls.__new__(cls)
    obj.__dict__.update(values)
    return obj


def field_names(cls: type[Record]) -> tuple[str, ...]:
    return tuple(name for name, _, _ in (cls.__dict__.get("_plan") or _plan_of(cls)))


def plain(value: Any) -> Any:
    """Records → dicts (fields in declaration order), recursively; other values as they are."""
    if isinstance(value, Record):
        return {name: plain(v) for name, v in value.__dict__.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


class Constraint:
    """Limits pydantic enforces and writes into the JSON Schema, e.g. ``Constraint(min_length=1)``.

    The keys are pydantic-core's own: ``min_length``, ``max_length``, ``pattern``, ``ge``, ``gt``,
    ``le``, ``lt``, on the string, number, list or dict they annotate.
    """

    __slots__ = ("limits",)

    def __init__(self, **limits: Any) -> None:
        self.limits = limits

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        schema: dict[str, Any] = dict(handler(source))
        schema.update(self.limits)
        return schema


class Describe:
    """A field's description (and any other keywords) in the generated JSON Schema."""

    __slots__ = ("extra", "text")

    def __init__(self, text: str, **extra: Any) -> None:
        self.text = text
        self.extra = extra

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        json_schema = handler(core_schema)
        json_schema["description"] = self.text
        json_schema.update(self.extra)
        return json_schema


class Before:
    """A conversion pydantic applies before validating the field, e.g. null → empty mapping."""

    __slots__ = ("convert",)

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        self.convert = convert

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.convert, handler(source))


def custom_error(kind: str, message: str, context: dict[str, Any] | None = None) -> Exception:
    """A located validation error, raised from a record's ``__post_init__`` while pydantic checks it.

    pydantic_core is imported here, only when a check actually fails.
    """
    from pydantic_core import PydanticCustomError

    return PydanticCustomError(kind, message, context)


_ADAPTERS: dict[Any, Any] = {}


def adapter(kind: Any) -> Any:
    """pydantic's TypeAdapter for a record (or any type), built once per process."""
    found = _ADAPTERS.get(kind)
    if found is None:
        from pydantic import TypeAdapter

        found = _ADAPTERS[kind] = TypeAdapter(kind)
    return found
