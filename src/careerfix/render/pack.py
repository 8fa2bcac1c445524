"""``careerfix rules show``: the model at a glance."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careerfix.i18n import t
from careerfix.models.pack import RulePack


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
    roles = Table.grid(padding=(0, 2))
    roles.add_column(no_wrap=True, style="cyan")
    roles.add_column(ratio=1)
    for role in pack.roles.roles:
        about = Text(role.name.get(lang), style="bold")
        if role.outlook != "standard":
            about.append(f"  ({t(f'outlook_{role.outlook}', lang)})", style="yellow")
        needs = " · ".join(
            f"{mf.module.id} {role.modules.get(mf.module.id, 0)}" for mf in pack.modules
        )
        about.append(f"\n{needs}", style="dim")
        roles.add_row(role.id, about)
    console.print(Padding(roles, (0, 0, 1, 2)))

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
                actions=len(pack.actions.actions),
                questions=len(pack.questions),
            )
        )
    )


def render_roles(console: Console, pack: RulePack, lang: str) -> None:
    """``careerfix roles``: each target role, what it is, and the level it needs per module."""
    table = Table(title=t("roles", lang), title_justify="left", show_lines=True)
    table.add_column(t("role", lang), ratio=2)
    for mf in pack.modules:
        table.add_column(mf.module.name.get(lang), justify="center", ratio=1)
    for role in pack.roles.roles:
        about = Text(role.name.get(lang), style="bold")
        about.append(f"  {role.id}", style="dim")
        about.append(f"\n{role.summary.get(lang)}")
        if role.competencies:
            extra = ", ".join(
                f"{pack.competencies[cid].name.get(lang)} ≥ {lv}"
                for cid, lv in role.competencies.items()
            )
            about.append(f"\n{t('requires', lang)}: {extra}", style="cyan")
        if role.outlook != "standard":
            about.append(
                f"\n{t('outlook', lang)}: {t(f'outlook_{role.outlook}', lang)}", style="yellow"
            )
        if role.note:
            about.append(f"\n{role.note.get(lang)}", style="yellow")
        about.append(f"  [{', '.join(role.source)}]", style="dim")
        table.add_row(about, *[str(role.modules.get(mf.module.id, 0)) for mf in pack.modules])
    console.print(table)
    console.print(
        Text(
            "0–4: " + " · ".join(f"{lv.level} {lv.label.get(lang)}" for lv in pack.meta.levels),
            style="dim",
        )
    )
