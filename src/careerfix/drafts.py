"""Interview drafts: every answer is saved as it is given, so nothing typed is ever lost.

A draft is answers data (written and read like an answers file, by careerfix.answers' ``to_data``
and ``from_data``) plus where the interview stands and when it was saved, kept as JSON under the
user's data directory. Writes are atomic (temporary file, fsync, rename). :class:`DraftStore` is
the one way the interview reaches its draft: it locks it, moves a damaged one aside and says so,
and survives a save that fails.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import json
import os
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from careerfix.answers import AnswersDataError, from_data, is_choice, to_data
from careerfix.atomic_write import atomic_write_text
from careerfix.datafile import (
    MAX_DRAFT_BYTES,
    DataFileError,
    MissingFileError,
    parse_json,
    read_text,
)
from careerfix.errors import Said
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


# What a draft holds besides its answers part, and the types each may have.
_DRAFT_FIELDS: dict[str, tuple[type, ...]] = {
    "target_asked": (bool,),
    "pending_evidence": (str, type(None)),
    "saved_at": (str, type(None)),
}


class DamagedDraft(ValueError):
    """A draft file that cannot be used as it is; the message says why."""


def load_draft(path: Path) -> Draft | None:
    """The saved draft, or None when there is none.

    Raises :class:`DamagedDraft` for a draft that exists but cannot be used (unreadable, not UTF-8,
    not JSON, a field of the wrong type): it is never taken for "no draft".
    """
    try:
        path.lstat()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        # The drafts folder is a file: no draft can be there. Taking it for a damaged draft would
        # tell the user of a draft that never existed (and turn saving off for nothing).
        return None
    except OSError as exc:
        raise DamagedDraft(exc.strerror or str(exc)) from None
    try:
        data = parse_json(read_text(path, str(path), MAX_DRAFT_BYTES), str(path))
    except MissingFileError:  # gone since the check: no draft
        return None
    except DataFileError as exc:
        raise DamagedDraft(exc.problem.message) from None
    if not isinstance(data, dict):
        raise DamagedDraft(Said.of("draft_not_mapping"))
    own = {key: data.pop(key, None if key != "target_asked" else False) for key in _DRAFT_FIELDS}
    for key, kinds in _DRAFT_FIELDS.items():
        if not isinstance(own[key], kinds):
            raise DamagedDraft(Said.of("draft_wrong_type", field=key, kind=type(own[key]).__name__))
    try:
        part = from_data(data)  # the answers part, read like any answers file
    except AnswersDataError as exc:
        loc, problem = exc.issues[0]
        field = ".".join(map(str, loc))
        raise DamagedDraft(Said.of("draft_field_problem", field=field, problem=problem)) from None
    if part.pack is None or part.pack_version is None:
        raise DamagedDraft(Said.of("draft_no_pack"))
    return Draft(
        pack=part.pack,
        pack_version=part.pack_version,
        lang=part.lang,
        target=part.target,
        target_asked=own["target_asked"],
        pending_evidence=own["pending_evidence"],
        answers=part.answers,
        evidence={qid: text for qid, text in part.evidence.items() if text is not None},
        saved_at=own["saved_at"],
    )


def move_aside(path: Path) -> Path:
    """Move a damaged draft to the first free ``NAME.damaged-N.json``; never over an earlier one.

    Raises OSError when it cannot be moved (then it stays where it is).
    """
    for n in itertools.count(1):
        aside = path.with_name(f"{path.stem}.damaged-{n}{path.suffix}")
        try:
            os.link(path, aside, follow_symlinks=False)  # fails rather than replace
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                raise
            # No hard links here (or none to a directory): check, then rename.
            if aside.exists() or aside.is_symlink():
                continue
            path.rename(aside)
            return aside
        path.unlink()
        return aside
    raise AssertionError("unreachable")


def discard_draft(path: Path) -> None:
    path.unlink(missing_ok=True)


class DraftInUse(Exception):
    """Another careerfix process is interviewing the same person in the same home."""

    def __init__(self, path: Path, pid: str) -> None:
        super().__init__(f"{path} is in use by process {pid}")
        self.path = path
        self.pid = pid


class DraftStore:
    """One person's draft of one pack: locked while an interview uses it, saved after every
    answer, and never silently dropped or replaced.

    - :meth:`lock` takes an exclusive ``flock`` on ``NAME.lock`` beside the draft, so a second
      interview of the same person in the same home is refused (:class:`DraftInUse`, naming the
      other process). The kernel drops the lock when its process ends, ``kill -9`` included, so a
      stale lock file never blocks anyone.
    - :meth:`load` moves a draft that cannot be used aside (:attr:`moved_aside`) instead of taking
      it for "no draft"; one that cannot even be moved stays, and saving is then turned off so it
      is never written over (:attr:`kept_back`).
    - :meth:`save` never raises on a failed write (read-only home, full disk): it returns the
      reason the first time, so the interview can warn and go on with the answers in memory.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_path = path.with_suffix(".lock")
        self._lock_fd: int | None = None
        self._unlock: Callable[[], object] = lambda: None
        self.moved_aside: Path | None = None  # where a damaged draft went
        self.damage: str | Said | None = None  # what was wrong with it
        self.kept_back: str | None = None  # why a damaged draft could not be moved aside
        self.unsaved: str | None = None  # why the last save failed; None: saved

    # ------------------------------------------------------------------ the lock

    def lock(self) -> None:
        """Hold the draft's lock until :meth:`release` or the end of the process.

        Raises :class:`DraftInUse`. Where no lock file can be made (a read-only home, a platform
        without flock) no draft can be written either, so the interview goes on unlocked.
        """
        try:
            import fcntl
        except ImportError:  # not POSIX
            return
        while self._lock_fd is None:
            try:
                self.lock_path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                return
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                holder = _read_pid(fd)
                os.close(fd)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise DraftInUse(self.path, holder) from None
                return  # a file system without locks: as if unlocked
            if not _same_file(fd, self.lock_path):
                os.close(fd)  # the holder removed it as we opened it: lock the new one
                continue
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
            self._lock_fd = fd
            # Held until release(), the end of the process, or this store being dropped (an
            # error between the interview and the report, in a process that goes on: tests).
            self._unlock = weakref.finalize(self, os.close, fd)

    def release(self) -> None:
        """Drop the lock (removing the lock file first, while it is still held)."""
        fd, self._lock_fd = self._lock_fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            self.lock_path.unlink()
        self._unlock()  # closes fd, once

    @property
    def locked(self) -> bool:
        return self._lock_fd is not None

    # ------------------------------------------------------------------ the draft

    def load(self) -> Draft | None:
        """The saved draft, or None (no draft, or a damaged one that was put aside)."""
        try:
            return load_draft(self.path)
        except DamagedDraft as exc:
            self.damage = exc.args[0] if exc.args else str(exc)
        try:
            self.moved_aside = move_aside(self.path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            self.kept_back = self.unsaved = exc.strerror or str(exc)
        return None

    def save(self, draft: Draft) -> str | None:
        """Save ``draft``; on failure the reason, only when saving has just started to fail."""
        if self.kept_back is not None:
            return None  # a damaged draft we could not move is never written over
        try:
            save_draft(self.path, draft)
        except OSError as exc:
            was_saving = self.unsaved is None
            self.unsaved = exc.strerror or str(exc)
            return self.unsaved if was_saving else None
        self.unsaved = None
        return None

    def discard(self) -> None:
        """Remove the draft (the interview is over, or the user threw it away)."""
        if self.kept_back is not None:
            return
        with contextlib.suppress(OSError):  # a read-only home: there was nothing saved to remove
            discard_draft(self.path)


def _read_pid(fd: int) -> str:
    with contextlib.suppress(OSError, ValueError):
        text = os.pread(fd, 32, 0).decode("ascii").strip()
        if text.isdigit():
            return text
    return "?"


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), path.stat()
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


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
