"""``careerfix rules show``: the model at a glance."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from careerfix.i18n import t
from careerfix.models.pack import RulePack


def render_pack(console: Console, pack: RulePack, lang: str) -> None:
    meta = pack.meta
    console.print(Text(f"{meta.name.get(lang)}  ({pack.id} {pack.version})", style="bold"))
    console.print(Text(meta.description.get(lang)))
    console.print()

    modules = Table(title=t("modules", lang), title_justify="left", expand=False)
    modules.add_column(t("module", lang))
    modules.add_column("id")
    modules.add_column(t("competencies", lang))
    modules.add_column(t("questions", lang), justify="right")
    modules.add_column(t("priority", lang), justify="right")
    for mf in pack.modules:
        mod = mf.module
        comps = "\n".join(
            f"{c.name.get(lang)} · {c.id}" + (f" · ×{c.weight:g}" if c.weight != 1 else "")
            for c in mf.competencies
        )
        base = f" ({t('base', lang)})" if mod.base else ""
        modules.add_row(
            Text(mod.name.get(lang) + base),
            mod.id,
            Text(comps),
            str(len(mf.questions)),
            f"{mod.priority:g}",
        )
    console.print(modules)

    roles = Table(title=t("roles", lang), title_justify="left")
    roles.add_column(t("role", lang))
    roles.add_column("id")
    for mf in pack.modules:
        roles.add_column(mf.module.name.get(lang), justify="center")
    roles.add_column(t("outlook", lang))
    for role in pack.roles.roles:
        roles.add_row(
            Text(role.name.get(lang)),
            role.id,
            *[str(role.modules.get(mf.module.id, 0)) for mf in pack.modules],
            t(f"outlook_{role.outlook}", lang),
        )
    console.print(roles)

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
