"""The draft store on its own: damaged drafts, moving them aside, the lock, failed saves.

Tests run as root, where ``chmod 000`` stops nothing; an unreadable draft is simulated by a
directory at the draft's path (reading it fails with EISDIR, as an unreadable file fails).
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import careerfix.drafts
from careerfix.drafts import DamagedDraft, Draft, DraftInUse, DraftStore, load_draft


def good() -> dict[str, Any]:
    return {
        "pack": "ops",
        "pack_version": "1.0.0",
        "lang": "en",
        "target": None,
        "target_asked": True,
        "answers": {"q1": "a"},
        "evidence": {},
        "saved_at": "2025-01-02T03:04:05+00:00",
    }


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "drafts" / "ops.json"
    p.parent.mkdir()
    return p


def write(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_good_draft_loads_and_a_missing_one_is_none(path: Path) -> None:
    assert load_draft(path) is None
    write(path, good())
    draft = load_draft(path)
    assert draft is not None
    assert (draft.pack, draft.pack_version, draft.answers) == ("ops", "1.0.0", {"q1": "a"})
    assert draft.target_asked is True


def _without(key: str) -> dict[str, Any]:
    data = good()
    del data[key]
    return data


DAMAGED: dict[str, bytes] = {
    "not-utf8": b'{"pack": "ops", "answers": {"q1": "\xff\xfe"}}',
    "invalid-json": b'{"pack": "ops", "answers": {',
    "empty": b"",
    "top-level-list": json.dumps([good()]).encode(),
    "answers-a-number": json.dumps({**good(), "answers": 3}).encode(),
    "target-asked-a-string": json.dumps({**good(), "target_asked": "x"}).encode(),
    "pending-evidence-a-list": json.dumps({**good(), "pending_evidence": ["q1"]}).encode(),
    "no-pack": json.dumps(_without("pack")).encode(),
    "no-version": json.dumps(_without("pack_version")).encode(),
}


@pytest.mark.parametrize("content", list(DAMAGED.values()), ids=list(DAMAGED))
def test_each_kind_of_damage_raises_damaged_draft(path: Path, content: bytes) -> None:
    path.write_bytes(content)
    with pytest.raises(DamagedDraft) as caught:
        load_draft(path)
    assert str(caught.value), "the message says why"


@pytest.mark.parametrize("content", list(DAMAGED.values()), ids=list(DAMAGED))
def test_the_store_moves_a_damaged_draft_aside_unchanged(path: Path, content: bytes) -> None:
    path.write_bytes(content)
    store = DraftStore(path)
    assert store.load() is None
    aside = path.with_name("ops.damaged-1.json")
    assert store.moved_aside == aside
    assert store.damage
    assert store.kept_back is None
    assert not path.exists()
    assert aside.read_bytes() == content


def test_a_second_damaged_draft_never_replaces_the_first(path: Path) -> None:
    path.write_bytes(b"first {")
    DraftStore(path).load()
    path.write_bytes(b"second {")
    store = DraftStore(path)
    store.load()
    assert store.moved_aside == path.with_name("ops.damaged-2.json")
    assert path.with_name("ops.damaged-1.json").read_bytes() == b"first {"
    assert path.with_name("ops.damaged-2.json").read_bytes() == b"second {"
    # after both are aside, a good draft saves and loads normally
    assert store.save(Draft(pack="ops", pack_version="1.0.0", answers={"q": "v"})) is None
    assert DraftStore(path).load() is not None


def test_an_unreadable_draft_is_never_taken_for_no_draft(path: Path) -> None:
    path.mkdir()
    (path / "inside").write_text("kept", encoding="utf-8")
    with pytest.raises(DamagedDraft):
        load_draft(path)
    store = DraftStore(path)
    assert store.load() is None
    assert store.damage
    # moved aside whole (or, where it cannot be, kept back and never saved over)
    if store.moved_aside is not None:
        assert (store.moved_aside / "inside").read_text(encoding="utf-8") == "kept"
        assert not path.exists()
    else:
        assert store.kept_back
        assert store.save(Draft(pack="ops", pack_version="1.0.0")) is None
        assert (path / "inside").read_text(encoding="utf-8") == "kept"


def test_a_draft_that_cannot_be_moved_aside_is_kept_back_and_not_saved_over(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path.write_bytes(b"broken {")

    def refuse(_path: Path) -> Path:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(careerfix.drafts, "move_aside", refuse)
    store = DraftStore(path)
    assert store.load() is None
    assert store.moved_aside is None
    assert store.kept_back == "Read-only file system"
    assert store.save(Draft(pack="ops", pack_version="1.0.0", answers={"q": "v"})) is None
    store.discard()
    assert path.read_bytes() == b"broken {"


# ---------------------------------------------------------------- the lock


def test_a_second_lock_in_the_same_process_is_refused_until_release(path: Path) -> None:
    first, second = DraftStore(path), DraftStore(path)
    first.lock()
    assert first.locked
    with pytest.raises(DraftInUse) as caught:
        second.lock()
    assert caught.value.path == path
    assert caught.value.pid == str(os.getpid())
    assert not second.locked
    first.release()
    assert not first.locked
    second.lock()
    assert second.locked
    second.release()


def test_different_people_lock_independently(path: Path) -> None:
    mine, theirs = DraftStore(path), DraftStore(path.with_name("ops.alice.json"))
    mine.lock()
    theirs.lock()
    assert mine.locked and theirs.locked
    mine.release()
    theirs.release()


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from careerfix.drafts import DraftStore
    store = DraftStore(Path(sys.argv[1]))
    store.lock()
    print("locked", flush=True)
    sys.stdin.readline()
    store.release()
    print("released", flush=True)
    time.sleep(30)
    """
)


def test_a_lock_held_by_another_process_is_refused_naming_it(path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline() == "locked\n"
        store = DraftStore(path)
        with pytest.raises(DraftInUse) as caught:
            store.lock()
        assert caught.value.pid == str(holder.pid)
        assert str(holder.pid) in str(caught.value)
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline() == "released\n"
        store.lock()  # the other process is still alive but let go
        assert store.locked
        store.release()
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_holder_leaves_no_stale_lock(path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline() == "locked\n"
    holder.kill()
    holder.wait()
    assert path.with_suffix(".lock").exists(), "kill -9 leaves the file behind"
    store = DraftStore(path)
    store.lock()
    assert store.locked
    store.release()


# ---------------------------------------------------------------- failed saves


def test_a_save_that_fails_warns_once_and_raises_nothing(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(careerfix.drafts, "atomic_write_text", full)
    store = DraftStore(path)
    draft = Draft(pack="ops", pack_version="1.0.0", answers={"q1": "a"})
    assert store.save(draft) == "No space left on device"
    assert store.unsaved == "No space left on device"
    draft.answers["q2"] = "b"
    assert store.save(draft) is None, "warned only once"
    assert store.unsaved == "No space left on device"
    monkeypatch.undo()
    assert store.save(draft) is None
    assert store.unsaved is None, "saving again clears the failure"
    loaded = load_draft(path)
    assert loaded is not None and loaded.answers == {"q1": "a", "q2": "b"}


def test_a_draft_directory_that_is_a_file_fails_the_save_without_raising(tmp_path: Path) -> None:
    blocker = tmp_path / "drafts"
    blocker.write_text("not a directory", encoding="utf-8")
    store = DraftStore(blocker / "ops.json")
    assert store.load() is None, "no draft can be under a file"
    assert store.damage is None and store.kept_back is None
    store.lock()  # no lock file can be made: goes on unlocked, no exception
    assert not store.locked
    draft = Draft(pack="ops", pack_version="1.0.0", answers={"q1": "a"})
    reason = store.save(draft)
    assert reason is not None and store.unsaved == reason
    assert store.save(draft) is None
    store.discard()  # nothing to remove: no exception either
    assert blocker.read_text(encoding="utf-8") == "not a directory"
