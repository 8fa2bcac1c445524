"""Interview drafts: every answer is saved as it is given, so nothing typed is ever lost.

A draft is an answers file (same fields) plus when it was saved, kept as JSON under the user's
data directory. Writes are atomic (temporary file, fsync, rename).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from careerfix.models.pack import RulePack
from careerfix.store import atomic_write_text, data_dir


@dataclass
class Draft:
    pack: str
    pack_version: str
    lang: str | None = None
    target: str | None = None
    target_asked: bool = False
    # A level ≥ 3 answer whose evidence prompt was interrupted: asked again on resume.
    pending_evidence: str | None = None
    answers: dict[str, str | list[str]] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    saved_at: str | None = None

    def as_answers_data(self) -> dict[str, Any]:
        """The draft as answers-file data, to be checked like any answers file."""
        return {
            "pack": self.pack,
            "pack_version": self.pack_version,
            "lang": self.lang,
            "target": self.target,
            "answers": dict(self.answers),
            "evidence": dict(self.evidence),
        }


def draft_path(pack: RulePack, person_key: str | None = None) -> Path:
    """One draft per pack and person; the default person keeps the name drafts always had."""
    name = pack.id if person_key is None else f"{pack.id}.{person_key}"
    return data_dir() / "drafts" / f"{name}.json"


def save_draft(path: Path, draft: Draft) -> None:
    draft.saved_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    data = {
        "pack": draft.pack,
        "pack_version": draft.pack_version,
        "lang": draft.lang,
        "target": draft.target,
        "target_asked": draft.target_asked,
        "pending_evidence": draft.pending_evidence,
        "answers": draft.answers,
        "evidence": draft.evidence,
        "saved_at": draft.saved_at,
    }
    # Owner-only, as before: a draft holds someone's career answers.
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", private=True)


def load_draft(path: Path) -> Draft | None:
    """The saved draft, or None. A damaged draft is moved aside, never silently overwritten."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        return None
    try:
        data = json.loads(raw)
        return Draft(
            pack=str(data["pack"]),
            pack_version=str(data["pack_version"]),
            lang=data.get("lang"),
            target=data.get("target"),
            target_asked=bool(data.get("target_asked", False)),
            pending_evidence=data.get("pending_evidence"),
            answers=dict(data.get("answers") or {}),
            evidence=dict(data.get("evidence") or {}),
            saved_at=data.get("saved_at"),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        aside = path.with_suffix(".damaged.json")
        path.replace(aside)
        return None


def discard_draft(path: Path) -> None:
    path.unlink(missing_ok=True)


def migrate_draft(pack: RulePack, draft: Draft) -> tuple[Draft, list[str]]:
    """Keep the answers this pack still understands; return the ids that must be asked again.

    A draft from another version of the pack keeps every answer whose question id and value
    still exist; the rest are dropped and asked again.
    """
    kept: dict[str, str | list[str]] = {}
    dropped: list[str] = []
    for qid, value in draft.answers.items():
        q = pack.questions.get(qid)
        values = value if isinstance(value, list) else [value]
        valid = (
            q is not None
            and (isinstance(value, str) or q.kind == "multi")
            and bool(values)
            and all(isinstance(v, str) and q.choice(v) is not None for v in values)
        )
        if valid:
            kept[qid] = value
        else:
            dropped.append(qid)
    evidence = {
        qid: text
        for qid, text in draft.evidence.items()
        if qid in kept and isinstance(text, str) and pack.questions[qid].kind == "experience"
    }
    target = draft.target if draft.target in pack.role_by_id else None
    lang = draft.lang if draft.lang in ("zh", "en") else None
    migrated = Draft(
        pack=pack.id,
        pack_version=pack.version,
        lang=lang,
        target=target,
        target_asked=draft.target_asked and (draft.target is None or target is not None),
        pending_evidence=draft.pending_evidence if draft.pending_evidence in kept else None,
        answers=kept,
        evidence=evidence,
        saved_at=draft.saved_at,
    )
    return migrated, dropped
