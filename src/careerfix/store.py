"""Where careerfix keeps state, and how it writes files so that nothing is ever half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

HOME_ENV = "CAREERFIX_HOME"


def data_dir() -> Path:
    """The user's careerfix data directory (platformdirs), or ``$CAREERFIX_HOME``."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("careerfix", appauthor=False)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash leaves the old file or the new one, never half.

    Temporary file in the same directory → flush → fsync → rename over the target → fsync dir.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path()
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
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


def cache_dir() -> Path:
    """Disposable data (the rules-pack cache): ``$CAREERFIX_HOME/cache`` or the platform's."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env) / "cache"
    from platformdirs import user_cache_path

    return user_cache_path("careerfix", appauthor=False)
