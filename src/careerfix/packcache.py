"""A JSON cache of checked rules packs: YAML parsing and cross-checks run once per pack version.

The key is a hash of every file in the pack (and careerfix's version), so editing a file, or
upgrading careerfix, simply misses the cache. Only packs that passed every check are cached. The
cache is plain JSON read back through the same pydantic models: nothing in it is executed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

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


class _Cached(BaseModel):
    model_config = ConfigDict(extra="forbid")

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
    try:
        raw = _file(key).read_bytes()
        c = _Cached.model_validate_json(raw)
    except (OSError, ValidationError, ValueError):
        return None
    return RulePack(
        c.meta, c.modules, c.diagnosis, c.fit, c.roles, c.resume, c.actions, location=str(root)
    )


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
