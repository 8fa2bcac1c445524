"""Interview drafts: every answer is saved as it is given, so nothing typed is ever lost.

A draft is answers data (written and read like an answers file, by careerfix.answers' ``to_data``
and ``from_data``) plus where the interview stands and when it was saved, kept as JSON under the
user's data directory. Writes are atomic (temporary file, fsync, rename).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from careerfix.answers import from_data, is_choice, to_data
from careerfix.atomic_write import atomic_write_text
from careerfix.datafile import MAX_DRAFT_BYTES, DataFileError, MissingFileError, read_bytes
from careerfix.models.lang import Lang, as_lang
from careerfix.models.pack import RulePack
from careerfix.places import data_dir


@dataclass
class Draft:
    pack: str
    pack_version: str
    lang: Lang | None = None
    target: str | None = None
    target_asked: bool = False
    # A level ≥ 3 answer whose evidence prompt was interrupted: asked again on resume.
    pending_evidence: str | None = None
    answers: dict[str, str | list[str]] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    saved_at: str | None = None


def draft_path(pack: RulePack, person_key: str | None = None) -> Path:
    """One draft per pack and person; the default person keeps the name drafts always had."""
    name = pack.id if person_key is None else f"{pack.id}.{person_key}"
    return data_dir() / "drafts" / f"{name}.json"


def save_draft(path: Path, draft: Draft) -> None:
    draft.saved_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    data = {
        **to_data(draft),
        "target_asked": draft.target_asked,
        "pending_evidence": draft.pending_evidence,
        "saved_at": draft.saved_at,
    }
    # Owner-only, as before: a draft holds someone's career answers.
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", private=True)


# What a draft holds besides its answers part.
_DRAFT_FIELDS = ("target_asked", "pending_evidence", "saved_at")


def load_draft(path: Path) -> Draft | None:
    """The saved draft, or None. A damaged draft is moved aside, never silently overwritten."""
    try:
        raw = read_bytes(path, str(path), MAX_DRAFT_BYTES)
    except MissingFileError:
        return None
    except DataFileError:
        return None
    try:
        data = json.loads(raw)
        own = {key: data.pop(key, None) for key in _DRAFT_FIELDS}
        part = from_data(data)  # the answers part, read like any answers file
        if part.pack is None or part.pack_version is None:
            raise ValueError("a draft names its pack and version")
        return Draft(
            pack=part.pack,
            pack_version=part.pack_version,
            lang=part.lang,
            target=part.target,
            target_asked=bool(own["target_asked"]),
            pending_evidence=own["pending_evidence"],
            answers=part.answers,
            evidence={qid: text for qid, text in part.evidence.items() if text is not None},
            saved_at=own["saved_at"],
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
        if q is not None and is_choice(q, value):
            kept[qid] = value
        else:
            dropped.append(qid)
    evidence = {
        qid: text
        for qid, text in draft.evidence.items()
        if qid in kept and isinstance(text, str) and pack.questions[qid].kind == "experience"
    }
    target = draft.target if draft.target in pack.role_by_id else None
    lang = as_lang(draft.lang)
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
