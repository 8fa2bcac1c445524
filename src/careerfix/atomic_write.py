"""How careerfix writes a file so that it is never half-written: a temporary file beside it,
fsync, then a rename; an existing file keeps its permission bits.

Not every path names a file that can be replaced: ``/dev/null``, ``/dev/stdout``, a FIFO or a
terminal are written into as they are (a rename would put a regular file in place of a device,
or lose what a shell redirection set up), and a symbolic link has its target replaced, not itself.
"""

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
    """``text`` as UTF-8 through :func:`atomic_write_bytes` (Unix line ends, as written)."""
    atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite, private=private)


def atomic_write_bytes(
    path: Path, data: bytes, *, overwrite: bool = True, private: bool = False
) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one, never half.

    Temporary file in the same directory → flush → fsync → rename over the target → fsync dir.
    The file gets the permission bits a plain ``open()`` would leave: an existing file keeps its
    own, a new one follows the umask (``private``: owner only, for drafts and the like). A file
    that may not be written (read-only) is refused as ``open()`` would refuse it. With
    ``overwrite=False`` an existing file is never replaced: :class:`FileExistsError`.
    """
    path = Path(path)
    stream = _STANDARD_STREAMS.get(str(path.absolute()))
    if stream is not None:
        _write_all(stream, data)
        return
    if not is_replaceable(path):
        write_through(path, data)
        return
    if path.is_symlink():  # replace what the link points at; the link stays a link
        path = Path(os.path.realpath(path))
    directory = path.parent if str(path.parent) else Path()
    directory.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path, private)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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


# Paths that name this process's own output streams: opening them again would start a new file
# description (truncating a file the shell opened for appending); writing to the descriptor
# keeps what the shell set up.
_STANDARD_STREAMS = {
    "/dev/stdout": 1,
    "/dev/stderr": 2,
    "/dev/fd/1": 1,
    "/dev/fd/2": 2,
    "/proc/self/fd/1": 1,
    "/proc/self/fd/2": 2,
}


def is_replaceable(path: Path) -> bool:
    """Whether writing ``path`` means replacing a regular file (or creating one): False for an
    existing device, FIFO, socket or directory, which are written into (or refused) instead."""
    try:
        st = path.stat()  # follows links: a link to /dev/null is /dev/null
    except OSError:
        return True
    return stat.S_ISREG(st.st_mode)


def write_through(path: Path, data: bytes) -> None:
    """Write into an existing non-regular file as it is. A FIFO nobody reads fails at once
    (ENXIO) instead of waiting; a directory fails with EISDIR."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        os.set_blocking(fd, True)
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
