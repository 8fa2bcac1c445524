"""The pack's sources: which rules cite a source id (``careerfix rules source``), and how to name
the ids a pack declares in a message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from careerfix.models.pack import (
    Basics,
    Competency,
    Finding,
    ModuleFile,
    ModuleInfo,
    Proof,
    Question,
    ResumeRule,
    RoleProfile,
    RulePack,
    Signal,
    SourcedText,
    StepAction,
    Text,
    Verdict,
)
from careerfix.models.records import Record


@dataclass(frozen=True, slots=True)
class Citation:
    """One rule that cites a source: where it is, what kind of rule, its id and its name."""

    file: str  # relative to the pack, e.g. "modules/user.yaml"
    kind: str  # question, signal, verdict, finding, role, step, basics, resume_rule, ...
    id: str
    text: Text | None  # the rule's name, prompt or reason, when it has one


_KINDS: dict[type[Record], str] = {
    ModuleInfo: "module",
    Competency: "competency",
    Question: "question",
    Basics: "basics",
    StepAction: "step",
    Verdict: "verdict",
    Signal: "signal",
    Finding: "finding",
    RoleProfile: "role",
    ResumeRule: "resume_rule",
    Proof: "proof",
    SourcedText: "hint",
}


def _files(pack: RulePack) -> list[tuple[str, Record]]:
    files: list[tuple[str, Record]] = [("pack.yaml", pack.meta)]
    files += [(f"modules/{m.module.id}.yaml", m) for m in pack.modules]
    files += [
        ("diagnosis.yaml", pack.diagnosis),
        ("fit.yaml", pack.fit),
        ("roles.yaml", pack.roles),
        ("resume.yaml", pack.resume),
    ]
    return files


def citations(pack: RulePack) -> list[tuple[str, Citation]]:
    """Every (source id, citing rule) of the pack, in file order and, within a file, in order."""
    out: list[tuple[str, Citation]] = []
    for rel, root in _files(pack):
        _walk(pack, rel, root, "", None, out)
    return out


def cited_by(pack: RulePack, source_id: str) -> list[Citation]:
    return [c for sid, c in citations(pack) if sid == source_id]


def _name(pack: RulePack, rec: Any, parent: Any) -> Text | None:
    if isinstance(rec, StepAction) and rec.competency in pack.competencies:
        return pack.competencies[rec.competency].name
    if isinstance(rec, Basics) and isinstance(parent, ModuleFile):
        return parent.module.name
    for attr in ("name", "prompt", "reason", "advice", "text"):
        value: object = getattr(rec, attr, None)
        if isinstance(value, Text):
            return value
    return None


def _walk(
    pack: RulePack, rel: str, rec: Record, path: str, parent: Record | None, out: list[Any]
) -> None:
    sources = getattr(rec, "source", None)
    if isinstance(sources, list) and sources and all(isinstance(s, str) for s in sources):
        kind = _KINDS.get(type(rec), path.rsplit(".", 1)[-1].split("[")[0] or "rule")
        citation = Citation(rel, kind, _id(rec, path, parent), _name(pack, rec, parent))
        out.extend((sid, citation) for sid in sources)
    for name, value in rec.__dict__.items():
        sub = f"{path}.{name}" if path else name
        if isinstance(value, Record):
            _walk(pack, rel, value, sub, rec, out)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Record):
                    _walk(pack, rel, item, f"{sub}[{i}]", rec, out)
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, Record) and not isinstance(item, Text):
                    _walk(pack, rel, item, f"{sub}.{key}", rec, out)


def _id(rec: Any, path: str, parent: Any) -> str:
    if isinstance(rec, Signal) and isinstance(parent, Verdict):
        return f"{parent.id}.{path.rsplit('.', 1)[-1]}"  # community_ops.signals[1], as in reports
    if isinstance(rec, StepAction):
        step = f"{rec.competency} → {rec.to}"
        return step if rec.when is None else f"{step} ({path})"  # a variant for one situation
    if isinstance(rec, Basics) and isinstance(parent, ModuleFile):
        return f"{parent.module.id}.basics"
    rid = getattr(rec, "id", None)
    return rid if isinstance(rid, str) else path


_NUMBERED = re.compile(r"(.*?)([0-9]+)")


def source_span(ids: list[str] | set[str]) -> str:
    """The declared ids for a message: 'S1–S24' when they are one prefix and numbers, else a list."""
    if not ids:
        return "none"
    parts = [_NUMBERED.fullmatch(s) for s in ids]
    prefixes = {m.group(1) for m in parts if m}
    if len(prefixes) == 1 and all(parts):
        prefix = prefixes.pop()
        numbers = sorted(int(m.group(2)) for m in parts if m)
        return f"{prefix}{numbers[0]}–{prefix}{numbers[-1]}"
    listed = sorted(ids)
    return ", ".join(listed[:8]) + (", …" if len(listed) > 8 else "")
