"""Phrases the text and Markdown reports share (so both say the same thing)."""

from __future__ import annotations

from careerfix.i18n import plural, t
from careerfix.models.lang import Lang
from careerfix.models.report import RoleOut


def role_why(role: RoleOut, lang: Lang) -> list[str]:
    """Why a target role ranks where it does: what the order of the list is made of."""
    parts = []
    if role.pointed:
        parts.append(t("role_pointed", lang))
    steps = plural("role_steps", lang, role.steps)
    if role.unknown:
        steps += ("，" if lang == "zh" else ", ") + t("role_unknown", lang, n=role.unknown)
    parts.append(steps)
    parts.append(t("role_reach" if role.within_reach else "role_far", lang))
    if role.outlook != "standard":
        parts.append(t(f"role_direction_{role.outlook}", lang))
    if role.verdict_match:
        parts.append(t("role_from_verdict", lang))
    if role.interest_match:
        parts.append(plural("role_interests", lang, role.interest_match))
    return parts
