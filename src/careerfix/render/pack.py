"""``careerfix rules show``: the model at a glance."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careerfix.i18n import t
from careerfix.models.pack import RoleProfile, RulePack
from careerfix.render.wrap import Para


def render_pack(console: Console, pack: RulePack, lang: str) -> None:
    meta = pack.meta
    console.print(Text(f"{meta.name.get(lang)}  ({pack.id} {pack.version})", style="bold"))
    console.print(Text(meta.description.get(lang)))
    console.print()

    console.print(Text(t("modules", lang), style="bold underline"))
    for mf in pack.modules:
        mod = mf.module
        head = Text(mod.name.get(lang), style="bold")
        head.append(f"  {mod.id}", style="cyan")
        details = [
            f"{t('priority', lang)} {mod.priority:g}",
            f"{len(mf.questions)} {t('questions', lang)}",
        ]
        if mod.base:
            details.insert(0, t("base", lang))
        head.append("  · " + " · ".join(details), style="dim")
        console.print(head)
        comps = Table.grid(padding=(0, 2))
        comps.add_column(no_wrap=True, style="cyan")
        comps.add_column(ratio=1)
        comps.add_column(no_wrap=True, justify="right", style="dim")
        for c in mf.competencies:
            weight = f"{t('weight', lang)} {c.weight:g}" if c.weight != 1 else ""
            comps.add_row(c.id, Text(c.name.get(lang)), weight)
        console.print(Padding(comps, (0, 0, 1, 2)))

    console.print(Text(t("roles", lang), style="bold underline"))
    for role in pack.roles.roles:
        console.print(Padding(_role_block(pack, role, lang, summary=False), (0, 0, 1, 2)))

    levels = Table(title=t("levels", lang), title_justify="left", show_header=False)
    levels.add_column(justify="right")
    levels.add_column()
    levels.add_column()
    for lv in meta.levels:
        levels.add_row(str(lv.level), Text(lv.label.get(lang)), Text(lv.description.get(lang)))
    console.print(levels)

    sections = " → ".join(f"{name.get(lang)} ({len(qs)})" for _, name, qs in pack.sections)
    console.print(Text(f"{t('sections', lang)}: {sections}"))
    console.print(
        Text(
            t(
                "pack_counts",
                lang,
                verdicts=len(pack.diagnosis.verdicts),
                findings=len(pack.fit.findings),
                resume=len(pack.resume.rules),
                actions=sum(len(v) for v in pack.steps_for.values()),
                questions=len(pack.questions),
            )
        )
    )


def _needs(pack: RulePack, needs: dict[str, int], lang: str) -> str:
    sep = "、" if lang == "zh" else " · "
    return sep.join(
        f"{pack.competencies[cid].name.get(lang)} {t('level_n', lang, n=lv)}"
        for cid, lv in needs.items()
    )


def _role_block(pack: RulePack, role: RoleProfile, lang: str, *, summary: bool) -> Group:
    """One role as a block of wrapped lines: reads the same at 60 and at 200 columns."""
    head = Text(role.name.get(lang), style="bold")
    head.append(f"  {role.id}", style="cyan")
    if role.outlook != "standard":
        head.append(f"  {t(f'outlook_{role.outlook}', lang)}", style="yellow")
    head.append(f"  [{', '.join(role.source)}]", style="dim")
    colon = "：" if lang == "zh" else ": "
    lines: list[Para] = [Para(head)]
    if summary:
        lines.append(Para(role.summary.get(lang)))
    core = Text(t("core_label", lang) + colon, style="bold")
    core.append(_needs(pack, role.core, lang), style="")
    lines.append(Para(core))
    if role.helps:
        helps = Text(t("helps_label", lang) + colon, style="dim")
        helps.append(_needs(pack, role.helps, lang))
        lines.append(Para(helps))
    if role.note:
        lines.append(Para(role.note.get(lang), style="yellow"))
    return Group(*lines)


def render_roles(console: Console, pack: RulePack, lang: str) -> None:
    """``careerfix roles``: each target role, what it is, and the competencies it requires."""
    console.print(Text(t("roles", lang), style="bold"))
    console.print()
    for role in pack.roles.roles:
        console.print(_role_block(pack, role, lang, summary=True))
        console.print()
    console.print(
        Para(
            "0–4"
            + ("：" if lang == "zh" else ": ")
            + " · ".join(f"{lv.level} {lv.label.get(lang)}" for lv in pack.meta.levels),
            style="dim",
        )
    )
