"""How careerfix writes a file so that it is never half-written: a temporary file beside it,
fsync, then a rename; an existing file keeps its permission bits."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


def atomic_write_text(
    path: Path, text: str, *, overwrite: bool = True, private: bool = False
) -> None:
    """Write ``text`` to ``path`` so that a crash leaves the old file or the new one, never half.

    Temporary file in the same directory → flush → fsync → rename over the target → fsync dir.
    The file gets the permission bits a plain ``open()`` would leave: an existing file keeps its
    own, a new one follows the umask (``private``: owner only, for drafts and the like). A file
    that may not be written (read-only) is refused as ``open()`` would refuse it. With
    ``overwrite=False`` an existing file is never replaced: :class:`FileExistsError`.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path()
    directory.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path, private)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            Path(tmp).chmod(mode)
        if overwrite:
            Path(tmp).replace(path)
        else:
            _move_without_clobbering(Path(tmp), path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
    with contextlib.suppress(OSError):  # not every platform lets you fsync a directory
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _mode_for(path: Path, private: bool) -> int | None:
    """The permission bits for ``path``'s new content (None: leave mkstemp's owner-only mode)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        if private:
            return None
        mask = os.umask(0)  # the only portable way to read it
        os.umask(mask)
        return 0o666 & ~mask
    except OSError:
        return None if private else 0o644
    if not private and stat.S_ISREG(st.st_mode) and not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    return stat.S_IMODE(st.st_mode)


def _move_without_clobbering(tmp: Path, path: Path) -> None:
    """Rename ``tmp`` to ``path`` unless ``path`` exists, atomically where links are supported."""
    try:
        os.link(tmp, path)  # fails with FileExistsError, whatever else happens meanwhile
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        tmp.replace(path)
        return
    with contextlib.suppress(OSError):
        tmp.unlink()
