"""Where careerfix keeps its state: the data directory (drafts, history) and the cache directory
(the rules-pack cache), both under ``$CAREERFIX_HOME`` when it is set."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "CAREERFIX_HOME"


def data_dir() -> Path:
    """The user's careerfix data directory (platformdirs), or ``$CAREERFIX_HOME``."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("careerfix", appauthor=False)


def cache_dir() -> Path:
    """Disposable data (the rules-pack cache): ``$CAREERFIX_HOME/cache`` or the platform's."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env) / "cache"
    from platformdirs import user_cache_path

    return user_cache_path("careerfix", appauthor=False)
