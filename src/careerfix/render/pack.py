"""``careerfix rules show``: the model at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careerfix.i18n import has_message, plural, t
from careerfix.models.lang import Lang
from careerfix.models.pack import RoleProfile, RulePack
from careerfix.render.wrap import Flow, Para

if TYPE_CHECKING:
    from careerfix.sources import Citation


def render_pack(console: Console, pack: RulePack, lang: Lang) -> None:
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

    _source_table(console, pack, lang)

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


def _needs(pack: RulePack, label: Text, needs: dict[str, int], lang: Lang) -> Flow:
    """``Core: A level 3 · B level 2``, wrapped between competencies, never inside one."""
    items = [
        f"{pack.competencies[cid].name.get(lang)} {t('level_n', lang, n=lv)}"
        for cid, lv in needs.items()
    ]
    return Flow(label, items, "、" if lang == "zh" else " · ")


def _role_block(pack: RulePack, role: RoleProfile, lang: Lang, *, summary: bool) -> Group:
    """One role as a block of wrapped lines: reads the same at 60 and at 200 columns."""
    head = Text(role.name.get(lang), style="bold")
    head.append(f"  {role.id}", style="cyan")
    if role.outlook != "standard":
        head.append(f"  {t(f'outlook_{role.outlook}', lang)}", style="yellow")
    head.append(f"  [{', '.join(role.source)}]", style="dim")
    colon = "：" if lang == "zh" else ": "
    body: list[Para | Flow] = []
    if summary:
        body.append(Para(role.summary.get(lang)))
    body.append(_needs(pack, Text(t("core_label", lang) + colon, style="bold"), role.core, lang))
    if role.helps:
        helps = Text(t("helps_label", lang) + colon, style="dim")
        body.append(_needs(pack, helps, role.helps, lang))
    if role.note:
        body.append(Para(role.note.get(lang), style="yellow"))
    return Group(Para(head), Padding(Group(*body), (0, 0, 0, 2)))


def render_roles(console: Console, pack: RulePack, lang: Lang) -> None:
    """``careerfix roles``: each target role, what it is, and the competencies it requires."""
    console.print(Text(t("roles", lang), style="bold"))
    console.print()
    for role in pack.roles.roles:
        console.print(_role_block(pack, role, lang, summary=True))
        console.print()
    label = t("levels", lang) + ("：" if lang == "zh" else ": ")
    levels = [f"{lv.level} {lv.label.get(lang)}" for lv in pack.meta.levels]
    console.print(Flow(Text(label, style="dim"), [Text(x, style="dim") for x in levels], " · "))


def _source_table(console: Console, pack: RulePack, lang: Lang) -> None:
    """The pack's sources, each with how many rules cite it."""
    from careerfix.sources import citations

    counts: dict[str, int] = {}
    for sid, _ in citations(pack):
        counts[sid] = counts.get(sid, 0) + 1
    console.print(Text(t("sources_list", lang), style="bold underline"))
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="cyan")
    table.add_column(ratio=1)
    table.add_column(no_wrap=True, justify="right", style="dim")
    for sid, title in pack.meta.sources.items():
        table.add_row(sid, Para(title.get(lang)), plural("source_rules", lang, counts.get(sid, 0)))
    console.print(Padding(table, (0, 0, 1, 2)))


def render_source(console: Console, pack: RulePack, source_id: str, lang: Lang) -> None:
    """``careerfix rules source ID``: one source and every rule that cites it, file by file."""
    from careerfix.sources import cited_by

    rules = cited_by(pack, source_id)
    head = Text(source_id, style="bold cyan")
    head.append("  ")
    head.append(pack.meta.sources[source_id].get(lang), style="bold")
    console.print(Para(head))
    console.print(Text(f"{pack.id} {pack.version}", style="dim"))
    console.print()
    if not rules:
        console.print(Para(t("source_not_cited", lang), style="yellow"))
        return
    console.print(Text(plural("source_cited_by", lang, len(rules)), style="bold underline"))
    by_file: dict[str, list[Citation]] = {}
    for c in rules:
        by_file.setdefault(c.file, []).append(c)
    for rel, items in by_file.items():
        console.print(Text(rel, style="bold"))
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="dim")
        table.add_column(ratio=1)
        for c in items:
            line = Text(c.id, style="cyan")
            if c.text is not None:
                line.append("  ")
                line.append(c.text.get(lang))
            elif c.kind == "proof":
                line.append("  " + t("proof_rules", lang))
            kind = t(f"cite_{c.kind}", lang) if has_message(f"cite_{c.kind}") else c.kind
            table.add_row(kind, Para(line))
        console.print(Padding(table, (0, 0, 1, 2)))
