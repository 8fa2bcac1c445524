"""Records: the one way careerfix declares structured data (rules pack, answers, report, results).

A record is a plain keyword-only stdlib dataclass, immutable once built (:class:`Record`), declared with :func:`record` and deriving
from :class:`Record`. The same declaration serves two very different paths:

* **Checking** (``rules check``, a new or edited pack, ``careerfix schema``): pydantic validates
  records and writes their JSON Schema through a ``TypeAdapter``. Constraints are annotations
  (:class:`Constraint`, :class:`Describe`) that pydantic reads through its documented
  ``__get_pydantic_core_schema__`` / ``__get_pydantic_json_schema__`` hooks (the answers check
  reads the same annotations itself), and a record's cross-field checks live in
  ``__post_init__``, which pydantic calls after validating the fields (raising
  ``PydanticCustomError`` there gives a located, typed error).
* **Running** (every assessment, every interview): records are built with their ordinary
  constructors from data that was already checked — a cached pack, an answers file that passed the
  answers check, the engine's own results — and **pydantic is never imported**. That is most of
  careerfix's start-up time saved: importing pydantic and building its first validator costs more
  than everything else an assessment does (docs/benchmarks.md).

Why not pydantic models: their classes take about 1 ms each to declare even with ``defer_build``,
and importing pydantic takes longer than the rest of an assessment. Immutable: a record built once
(a pack's rule, an engine result shared between assessments) can never be changed by a reader.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, dataclass_transform

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic_core import CoreSchema

R = TypeVar("R", bound="Record")


def _alias(name: str) -> str:
    # Python keywords are spelled with a trailing underscore (not_, in_) and read as "not", "in".
    return name[:-1] if name.endswith("_") else name


class Record:
    """Base of every record: what pydantic needs to check one, and immutability.

    A record is frozen the cheap way: each field is set once, by the generated ``__init__`` (or
    the same fields, in order, by :func:`builder`), and never again: ``__setattr__`` refuses a
    field that is set, ``__delattr__`` refuses every one. ``__init__`` writes the fields straight
    into the instance's ``__dict__``; going through ``__setattr__`` once per field was most of what
    a record cost to build. ``dataclass(frozen=True)`` would do the same through generated
    ``__setattr__``, ``__delattr__``, ``__eq__`` and ``__hash__`` methods, and on Python 3.11 every
    generated method is compiled with ``exec`` when the class is declared: for careerfix's sixty
    records that was about four times the declaration cost of an ``__init__`` alone, on every
    start.
    """

    # Read by pydantic when it validates a record (never on the running path).
    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "alias_generator": _alias,
        "populate_by_name": True,
    }
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self.__dict__:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({inner})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # fields may be lists and dicts


@dataclass_transform(
    kw_only_default=True, frozen_default=True, field_specifiers=(dataclasses.field,)
)
def record(cls: type[R]) -> type[R]:
    """Declare a record class (see the module doc and :class:`Record`)."""
    # An undocumented dataclass gets its signature as its doc, worked out with inspect at
    # declaration: a tenth of careerfix's declaration cost, for a text nobody reads (pydantic
    # skips it too). A placeholder stops that, and the class is left undocumented as it was.
    undocumented = not cls.__doc__
    if undocumented:
        cls.__doc__ = "-"
    cls = dataclasses.dataclass(kw_only=True, repr=False, eq=False, init=False)(cls)
    cls.__init__ = _compiled_on_first_call(cls)  # type: ignore[method-assign]
    if undocumented:
        cls.__doc__ = None
    return cls


def _compiled_on_first_call(cls: type) -> Callable[..., None]:
    """A stand-in ``__init__`` that compiles the record's own (:func:`_init_of`) on its first call,
    puts it in its place and runs it. Compiling is most of what declaring a record costs (about
    50 µs a class), and a command builds records of only some of its classes: before its first
    question the interview builds none of the engine's results, for instance."""

    def __init__(self: Any, /, **fields: Any) -> None:
        init = _init_of(cls)
        type.__setattr__(cls, "__init__", init)
        init(self, **fields)

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    __init__.__module__ = cls.__module__
    return __init__


def _init_of(cls: type) -> Callable[..., None]:
    """The record's ``__init__``: the dataclass one, except that it fills the instance's
    ``__dict__`` directly instead of going through ``Record.__setattr__`` once per field (that
    call was most of what building a record cost, and the engine builds thousands a second).

    Compiled with one ``exec``, as ``dataclass`` compiles its own (which is not generated).
    """
    params: list[str] = []
    body: list[str] = []
    names: dict[str, Any] = {"__r_missing": dataclasses.MISSING}
    for f in dataclasses.fields(cls):
        if not f.init or f.kw_only is not True:  # pragma: no cover - records take neither
            raise TypeError(f"{cls.__name__}.{f.name}: records take keyword init fields only")
        if f.default is not dataclasses.MISSING:
            names[f"__r_default_{f.name}"] = f.default
            params.append(f"{f.name}=__r_default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            names[f"__r_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=__r_missing")
            body.append(f"  if {f.name} is __r_missing: {f.name} = __r_factory_{f.name}()")
        else:
            params.append(f.name)
        body.append(f"  __r_fields[{f.name!r}] = {f.name}")
    if hasattr(cls, "__post_init__"):
        body.append("  __r_self.__post_init__()")
    star = "*, " if params else ""
    source = (
        f"def __init__(__r_self, {star}{', '.join(params)}):\n"
        "  __r_fields = __r_self.__dict__\n" + "\n".join(body or ["  pass"]) + "\n"
    )
    exec(source, names)
    init: Callable[..., None] = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init


_BUILDERS: dict[type, Callable[..., Any]] = {}


def builder(cls: type[R]) -> Callable[..., R]:
    """A positional constructor of ``cls`` for the engine's hot paths, made on first use.

    ``builder(Need)(a, b, …)`` builds what ``Need(competency=a, module=b, …)`` builds, every
    field given in declaration order, and sets each field once like ``__init__``. The point is
    speed: calling a class with keywords makes Python pack them into a dict and unpack it again,
    which costs more than building the record; a plain function called positionally does not.
    For records without ``__post_init__`` (nothing to check).
    """
    found = _BUILDERS.get(cls)
    if found is None:
        if hasattr(cls, "__post_init__"):  # pragma: no cover - a misuse, caught in development
            raise TypeError(f"{cls.__name__} checks itself in __post_init__: build it by name")
        names = field_names(cls)
        source = (
            f"def build({', '.join(names)}):\n"
            "  __r_self = __r_new(__r_cls)\n"
            "  __r_fields = __r_self.__dict__\n"
            + "".join(f"  __r_fields[{n!r}] = {n}\n" for n in names)
            + "  return __r_self\n"
        )
        namespace: dict[str, Any] = {"__r_new": object.__new__, "__r_cls": cls}
        exec(source, namespace)
        found = _BUILDERS[cls] = namespace["build"]
    return found


def field_names(cls: type[Record]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


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
