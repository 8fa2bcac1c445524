"""``careerfix questions``: a fillable answers template, and ``careerfix roles --format json``.

Both templates are valid answers files as they stand (every answer empty = unknown), so a person
can fill in what they know and a script can fill in the JSON and pipe it back.
"""

from __future__ import annotations

import json
from typing import Any

from careerfix.answers import to_data
from careerfix.i18n import t
from careerfix.models.answers import AnswersFile
from careerfix.models.lang import Lang
from careerfix.models.pack import Question, RulePack


def _q(value: str) -> str:
    """A YAML-safe scalar: JSON strings are valid YAML double-quoted strings."""
    return json.dumps(value, ensure_ascii=False)


def _question_meta(pack: RulePack, q: Question, lang: Lang) -> dict[str, Any]:
    section = pack.question_section[q.id]
    choices = []
    for c in q.choices:
        choice: dict[str, Any] = {"value": c.value, "text": c.text.get(lang)}
        if c.level is not None:
            choice["level"] = c.level
        if c.unknown:
            choice["unknown"] = True
        choices.append(choice)
    evidence = q.evidence or (pack.meta.evidence_prompt if q.kind == "experience" else None)
    return {
        "id": q.id,
        "section": section,
        "module": section if section in pack.module_by_id else None,
        "competency": q.competency,
        "kind": q.kind,
        "prompt": q.prompt.get(lang),
        "hint": q.hint.get(lang) if q.hint else None,
        "choices": choices,
        "evidence_prompt": evidence.get(lang) if evidence else None,
    }


def unanswered(pack: RulePack, lang: Lang) -> dict[str, Any]:
    """The templates' answers data: every question of the pack, none answered yet.

    The JSON template is this data plus its reference block; the YAML template writes the same
    data line by line, between its comments (tests hold the two together).
    """
    empty = AnswersFile(
        pack=pack.id,
        pack_version=pack.version,
        lang=lang,
        answers=dict.fromkeys(pack.questions),
    )
    return to_data(empty)


def template_json(pack: RulePack, lang: Lang) -> str:
    data = unanswered(pack, lang)
    data["template"] = {
        "roles": [{"id": r.id, "name": r.name.get(lang)} for r in pack.roles.roles],
        "questions": [_question_meta(pack, q, lang) for q in pack.questions.values()],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def template_yaml(pack: RulePack, lang: Lang) -> str:
    lines = [
        f"# {line}".format(pack=pack.id, version=pack.version)
        for line in t("template_intro", lang).split("\n")
    ]
    lines += [
        f"pack: {pack.id}",
        f"pack_version: {_q(pack.version)}",
        f"lang: {lang}",
        f"# {t('template_target', lang, roles=', '.join(pack.role_by_id))}",
        "target:",
        "answers:",
    ]
    for section_id, name, questions in pack.sections:
        lines.append(f"  # ── {name.get(lang)} ({section_id}) " + "─" * 8)
        for q in questions:
            what = q.competency or q.kind
            lines.append(f"  # [{what}] {q.prompt.get(lang)}")
            if q.kind == "multi":
                lines.append(f"  #   ({t('template_multi', lang)})")
            width = max(len(c.value) for c in q.choices)
            for c in q.choices:
                level = f"({c.level}) " if c.level is not None else ""
                lines.append(f"  #   {c.value.ljust(width)}  {level}{c.text.get(lang)}")
            lines.append(f"  {q.id}:")
    lines.append(f"# {t('template_evidence', lang, level=pack.meta.scoring.proof_level)}")
    lines.append("evidence:")
    example = next((q for q in pack.questions.values() if q.kind == "experience"), None)
    if example is not None:
        lines.append(f"  # {example.id}: {_q('… → … in … months')}")
    lines.append("")
    return "\n".join(lines)


def roles_data(pack: RulePack, lang: Lang) -> dict[str, Any]:
    return {
        "pack": pack.id,
        "pack_version": pack.version,
        "roles": [
            {
                "id": r.id,
                "name": r.name.get(lang),
                "summary": r.summary.get(lang),
                "core": dict(r.core),
                "helps": dict(r.helps),
                "outlook": r.outlook,
                "note": r.note.get(lang) if r.note else None,
                "sources": list(r.source),
            }
            for r in pack.roles.roles
        ],
    }
