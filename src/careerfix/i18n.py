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
    "why_skill": (
        "「{competency}」现在是 {current} 级，{role}需要 {required} 级（差 {gap} 级）",
        "{competency} is at level {current}; {role} needs {required} (gap {gap})",
    ),
    "report_title": ("运营职业诊断报告", "Operations career report"),
    "target": ("目标岗位", "Target role"),
    "target_flag": ("你指定的", "your choice"),
    "target_answers": ("答案文件中指定的", "from your answers"),
    "target_suggested": ("按你的回答推荐", "suggested from your answers"),
    "no_target": ("没有可用的目标岗位", "no target role"),
    "verdict": ("你实际做的是", "What your job really is"),
    "verdict_ambiguous": ("你的工作介于两类之间", "Your job sits between two kinds"),
    "verdict_undetermined": (
        "还判断不了你的岗位类型",
        "Not enough answers to tell your kind of job",
    ),
    "because": ("依据", "Because"),
    "modules_title": ("五大基础模块", "The five base modules"),
    "insufficient": ("数据不足", "insufficient data"),
    "coverage": ("已答 {pct}%", "{pct}% answered"),
    "need": ("需要 {level}", "needs {level}"),
    "no_need": ("不要求", "not required"),
    "gaps_title": ("能力差距（对照目标岗位）", "Gaps to the target role, by competency"),
    "current": ("现在", "Now"),
    "required": ("需要", "Needs"),
    "gap": ("差距", "Gap"),
    "unknown": ("未知", "unknown"),
    "no_gaps": (
        "没有能力差距：目标岗位的要求你都达到了。",
        "No gaps: you meet every requirement of the target role.",
    ),
    "unknown_gaps": (
        "另有 {n} 项因未作答无法判断：{names}",
        "{n} more could not be judged (unanswered): {names}",
    ),
    "evidence_title": ("成果证据", "Evidence for your claims"),
    "unproven": ("缺数字", "unproven"),
    "proven": ("有数字", "proven"),
    "evidence_hint": (
        "「负责并有结果」以上的经历要有数字支撑；没有数字的，面试中很难让人信服。",
        "Claims of owning results or more need a number; without one they rarely convince an interviewer.",
    ),
    "fit_title": ("公司与上级", "Company and leader"),
    "severity_high": ("高", "high"),
    "severity_medium": ("中", "medium"),
    "severity_low": ("低", "low"),
    "severity_strength": ("优势", "strength"),
    "move": ("建议", "Move"),
    "whatif_title": ("最少要补哪几项", "The shortest way to the target role"),
    "whatif_steps": (
        "共提升 {n} 个等级即可达到「{role}」的要求：",
        "{n} level-steps meet every bar of {role}:",
    ),
    "whatif_done": (
        "你已达到「{role}」的全部模块要求。",
        "You already meet every module bar of {role}.",
    ),
    "whatif_blocked": (
        "这些模块数据不足，先补答再算：{names}",
        "Too little data to plan these modules; answer more first: {names}",
    ),
    "plan_title": ("行动计划", "Your plan"),
    "plan_more": (
        "另有 {n} 项，见 --format markdown 或 json",
        "{n} more in --format markdown or json",
    ),
    "kind_skill": ("能力", "skill"),
    "kind_career": ("职业", "career"),
    "why": ("原因", "Why"),
    "do": ("做什么", "Do"),
    "proof": ("完成的证据", "Proof"),
    "days": ("{n} 天", "{n} days"),
    "reading": ("参考阅读", "Reading"),
    "resume_title": ("简历建议", "Resume advice"),
    "roles_title": ("适合你的目标岗位", "Target roles that fit you"),
    "role_gap": ("差 {gap} 级", "gap {gap}"),
    "role_unknown": ("{n} 个模块未知", "{n} module(s) unknown"),
    "fallback": ("保底选择", "fallback"),
    "sources_note": (
        "方括号里的 S 编号指向方法依据（domain.md）。",
        "S-numbers in brackets point at the rules of the method (domain.md).",
    ),
    "level_word": ("级", ""),
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
