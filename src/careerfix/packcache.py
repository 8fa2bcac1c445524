"""A JSON cache of checked rules packs: YAML parsing and cross-checks run once per pack version.

The key is a checksum of every file in the pack (and careerfix's version), so editing a file, or
upgrading careerfix, simply misses the cache. Only packs that passed every check are cached. The
cache is plain JSON filled back into the same records: nothing in it is executed.

A cache file is verified, not trusted: its first line names its key and the length and CRC-32 of
the JSON that follows, and a file whose line or checksum does not match, or whose JSON does not
fill the records, is ignored and written again from the pack (so a damaged cache heals on the
next run).

Why checksums (``zlib``) and not SHA-256 (``hashlib``): importing hashlib loads OpenSSL, about
3 ms of every run that reads a pack, which is more than all the hashing itself. Both jobs here
are about accidents, not attacks: noticing that a pack file was edited, and noticing a damaged
file. That is what CRC-32 is for (zip, gzip and PNG check their contents with it; CPython's own
bytecode cache is checked by source size and time, or by a 64-bit SipHash): it catches every
change of up to 32 bits in a row and misses any other change with a chance of 1 in 4 billion;
the key adds a second, differently built checksum (Adler-32) and the total length. What a
checksum does not give is resistance to collisions made on purpose: someone who could place such
a pack, or write the user's cache directory, could as well write any cache there, so nothing is
lost. zlib is in every CPython (typer's shutil has imported it already), and CRC-32 and Adler-32
are fixed by their standards, so the shipped cache's key stays the same across Python versions.

Each record is written as a JSON object tagged with its class (``"$": "Competency"``), every
field included, so that reading rebuilds it straight from the JSON parser's object hook: the
object, once its field names are checked against the class, becomes the record's fields, as
``copy`` and ``pickle`` rebuild objects, without the constructor (its checks passed when the pack
was cached; calling it, and compiling it first, was a quarter of reading the pack).
The shipped pack's cache ships inside careerfix (``shipped-pack.cache``, used when the pack's
files hash to its key), so even the first run after an install skips the YAML checks; a test
fails when it is stale, and ``python -m careerfix.packcache`` writes it again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from careerfix import __version__
from careerfix.datafile import MAX_CACHE_BYTES, MAX_RULES_FILE_BYTES, DataFileError, read_bytes
from careerfix.engine import proof
from careerfix.engine.prepared import PreparedPack
from careerfix.models import pack as pack_records
from careerfix.models import records as record_base
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
from careerfix.models.records import Record

CACHE_ENV = "CAREERFIX_NO_CACHE"
# Bump when the cache layout changes; the key includes it, so old files are simply not found.
_LAYOUT = 10
_MAGIC = b"careerfix-pack-cache"
SHIPPED = Path(__file__).with_name("shipped-pack.cache")
# The files whose code decides what a cache holds: the records' declarations, and the reading of
# the proof patterns whose answers it keeps.
_DECLARATIONS = [Path(m.__file__) for m in (pack_records, record_base, proof) if m.__file__]

# A record's class tag in the JSON; no field of a record is named so.
_TAG = "$"
# Every record class a pack holds, by the tag it is written with.
_CLASSES: dict[str, type[Record]] = {
    name: kind
    for name, kind in vars(pack_records).items()
    if isinstance(kind, type) and issubclass(kind, Record) and kind is not Record
}

# Each record class's field names, which a cached object must have exactly (worked out for a
# class when the first of its records is read).
_FIELDS: dict[type[Record], frozenset[str]] = {}

# Beside the pack's parts: which proof patterns need a non-ASCII character (engine/proof.py).
_NEEDS = "needs_non_ascii"

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
    parts = [f"careerfix {__version__} cache {_LAYOUT}\n".encode()]
    try:
        # The records' declarations too: a cache filled into changed records would hold
        # fields of the wrong type, so a changed declaration misses the cache.
        for source in _DECLARATIONS:
            parts.append(read_bytes(source, str(source), MAX_RULES_FILE_BYTES) + b"\0")
        for path in sorted(root.rglob("*.yaml")):
            parts.append(str(path.relative_to(root)).encode() + b"\0")
            parts.append(read_bytes(path, str(path), MAX_RULES_FILE_BYTES) + b"\0")
    except (OSError, DataFileError):  # the check that follows names the file and the problem
        return None
    crc, adler = 0, 1  # each checksum's own starting value
    for part in parts:
        crc = zlib.crc32(part, crc)
        adler = zlib.adler32(part, adler)
    return f"{crc:08x}{adler:08x}{sum(map(len, parts)):016x}"


def _file(key: str) -> Path:
    from careerfix.places import cache_dir  # only when the shipped cache does not serve

    return cache_dir() / "packs" / f"{key}.json"


def _candidates(key: str) -> Iterator[Path]:
    yield SHIPPED
    yield _file(key)


def read(key: str, root: Path) -> PreparedPack | None:
    """The cached pack (the shipped one when ``key`` is its key), rebuilt without re-validating
    it (it was checked before it was cached); None when there is none or it does not verify.

    Nothing here imports pydantic: the records are filled in directly.
    """
    for file in _candidates(key):
        try:
            raw = read_bytes(file, str(file), MAX_CACHE_BYTES)
        except (OSError, DataFileError):
            continue
        pack = _verified(raw, key, root)
        if pack is not None:
            return pack
    return None


def _verified(raw: bytes, key: str, root: Path) -> PreparedPack | None:
    header, _, payload = raw.partition(b"\n")
    if header != _header(key, payload):
        return None
    try:
        data = json.loads(payload, object_hook=_rebuild)
        parts = {name: data[name] for name in _PARTS}
        parts["modules"] = tuple(parts["modules"])
        if not all(_is_part(parts[name], kind) for name, kind in _PARTS.items()):
            return None
        known = data[_NEEDS]
        if not all(isinstance(p, str) and isinstance(v, bool) for p, v in known.items()):
            return None
        proof.remember_needs(known)
        return PreparedPack(**parts, location=str(root))
    except Exception:  # JSON that verifies but does not fill the records: rebuilt from the pack
        return None


def _rebuild(obj: dict[str, Any]) -> Any:
    """A record from its tagged JSON object: the object, once its fields are checked to be the
    class's own, becomes the new record's fields (as ``copy`` and ``pickle`` rebuild an object,
    without calling ``__init__``): what is cached passed every check of the record when it was
    written, and its key names the declarations it was written from."""
    tag = obj.pop(_TAG, None)
    if tag is None:
        return obj
    kind = _CLASSES[tag]
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = frozenset(f.name for f in dataclasses.fields(kind))
    if obj.keys() != names:
        raise ValueError(f"{tag}: the cached fields are not the record's")
    record = _new(kind)
    vars(record).update(obj)
    return record


_new = object.__new__


def _is_part(value: Any, kind: Any) -> bool:
    if isinstance(kind, type):
        return isinstance(value, kind)
    return all(isinstance(item, ModuleFile) for item in value)  # the one list part: modules


def _header(key: str, payload: bytes) -> bytes:
    check = f"{len(payload):x}-{zlib.crc32(payload):08x}"
    return b" ".join([_MAGIC, key.encode(), check.encode()])


def encode(key: str, pack: RulePack) -> bytes:
    """The cache file of ``pack`` under ``key``: the verifying line, then the JSON."""
    data: dict[str, Any] = {name: _tagged(getattr(pack, name)) for name in _PARTS}
    data[_NEEDS] = {p: proof.needs_non_ascii(p) for p in proof.proof_patterns(pack.meta.proof)}
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return _header(key, payload) + b"\n" + payload


def _tagged(value: Any) -> Any:
    if isinstance(value, Record):
        tag = type(value).__name__
        if _CLASSES.get(tag) is not type(value):
            raise TypeError(f"{tag} is not a record of models/pack.py: it cannot be cached")
        return {_TAG: tag, **{k: _tagged(v) for k, v in value.__dict__.items()}}
    if isinstance(value, list | tuple):
        return [_tagged(v) for v in value]
    if isinstance(value, dict):
        if _TAG in value:
            raise TypeError(f"a mapping with the key {_TAG!r} would read back as a record")
        return {k: _tagged(v) for k, v in value.items()}
    return value


def write(key: str, pack: RulePack) -> None:
    """Best effort: a read-only home directory must never break an assessment."""
    from careerfix.atomic_write import atomic_write_bytes

    with contextlib.suppress(OSError):
        atomic_write_bytes(_file(key), encode(key, pack))


def ship(root: Path) -> str:
    """Write the cache of the pack in ``root`` (checked first) as the one careerfix ships."""
    from careerfix.rules import check_pack

    key = digest(root)
    pack, problems = check_pack(root)
    if key is None or pack is None:
        raise SystemExit(f"cannot cache {root}: {len(problems)} problems (careerfix rules check)")
    from careerfix.atomic_write import atomic_write_bytes

    atomic_write_bytes(SHIPPED, encode(key, pack))
    return key


if __name__ == "__main__":
    from careerfix.rules import default_rules_dir

    print(f"{SHIPPED}: {ship(default_rules_dir())}")
