"""The interface's own words (labels, headings, messages) in zh and en.

Advice and questions live in the rules pack; this module only holds the chrome around them.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")

_MESSAGES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "pack_ok": ("规则包检查通过：{where}", "rules pack is valid: {where}"),
    "pack_problems": ("规则包有 {n} 个问题", "{n} problem(s) in the rules pack"),
    "modules": ("模块", "Modules"),
    "module": ("模块", "Module"),
    "competencies": ("能力项", "Competencies"),
    "competency": ("能力项", "Competency"),
    "questions": ("题目", "Questions"),
    "priority": ("优先级", "Priority"),
    "base": ("基础模块", "Base"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "roles": ("目标岗位", "Target roles"),
    "role": ("岗位", "Role"),
    "outlook": ("前景", "Outlook"),
    "outlook_favoured": ("看好", "favoured"),
    "outlook_standard": ("一般", "standard"),
    "outlook_fallback": ("保底", "fallback"),
    "levels": ("等级", "Levels"),
    "level": ("等级", "Level"),
    "pack_counts": (
        "岗位判定 {verdicts} 类 · 匹配规则 {findings} 条 · 简历规则 {resume} 条 · 学习行动 {actions} 条 · 题目共 {questions} 道",
        "{verdicts} role verdicts · {findings} fit rules · {resume} resume rules · "
        "{actions} learning actions · {questions} questions in all",
    ),
    "sections": ("问卷分组", "Interview sections"),
    "weight": ("权重", "Weight"),
    "requires": ("要求", "Requires"),
    "source": ("依据", "Sources"),
    "error": ("错误", "error"),
}


def t(key: str, lang: str, **values: object) -> str:
    zh, en = _MESSAGES[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


def locale_lang() -> str | None:
    """The language the environment asks for, or None when it does not say."""
    explicit = os.environ.get("CAREERFIX_LANG", "").strip().lower()
    if explicit in LANGS:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "").strip().lower()
        if not value:
            continue
        if value.startswith("zh"):
            return "zh"
        if value in {"c", "posix"} or value.startswith(("c.", "posix.")):
            return None
        return "en"
    return None


def default_lang() -> str:
    return locale_lang() or "en"
