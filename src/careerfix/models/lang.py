"""The one language type: every text careerfix prints exists in each of these."""

from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["zh", "en"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)


def as_lang(value: object) -> Lang | None:
    """``value`` as the language type when it names one (any case), else None."""
    if isinstance(value, str):
        for lang in LANGUAGES:
            if value.lower() == lang:
                return lang
    return None
