"""The terminal interview: language, target role, then module by module, then a review.

It only collects answers (no scoring): the result is a :class:`~careerfix.drafts.Draft`, which the
CLI checks with the same code as an answers file. Every answer is saved the moment it is given.
"""

from __future__ import annotations

import os
import sys
from typing import ClassVar, TextIO

from careerfix.answers import is_choice
from careerfix.drafts import Draft, DraftStore, migrate_draft
from careerfix.i18n import locale_lang, resolve_lang, t
from careerfix.models.answers import EVIDENCE_MAX_LENGTH
from careerfix.models.lang import LANGUAGES, Lang, as_lang
from careerfix.models.pack import Question, RulePack
from careerfix.prompting import Prompts

SUGGEST = "__suggest__"


class Discarded(Exception):
    """The user chose to throw the saved draft away and quit."""


class Say:
    """Lines for the person being interviewed, on stderr (stdout carries only the report).

    Plain ANSI styling rather than rich: rich loads only for the review table, so the first
    question appears sooner. No colour when stderr is not a terminal or NO_COLOR is set.
    """

    _CODES: ClassVar[dict[str, str]] = {"bold": "1", "dim": "2", "cyan": "36", "yellow": "33"}

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        isatty = getattr(self.stream, "isatty", lambda: False)
        self.colour = (
            bool(isatty()) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        )

    def __call__(self, text: str = "", style: str = "") -> None:
        if style and self.colour:
            codes = ";".join(self._CODES[s] for s in style.split() if s in self._CODES)
            text = f"\x1b[{codes}m{text}\x1b[0m"
        self.stream.write(text + "\n")
        self.stream.flush()

    @property
    def width(self) -> int:
        import shutil

        return shutil.get_terminal_size().columns


class Interview:
    def __init__(
        self,
        pack: RulePack,
        prompter: Prompts,
        say: Say,
        store: DraftStore,
        draft: Draft,
    ) -> None:
        self.pack = pack
        self.ask = prompter
        self.say = say
        self.store = store
        self.path = store.path
        self.draft = draft
        self.order = [q for _, _, qs in pack.sections for q in qs]

    @property
    def lang(self) -> Lang:
        return self.draft.lang or "en"

    def save(self) -> None:
        failure = self.store.save(self.draft)
        if failure is not None:  # said once; the answers stay in memory and reach the report
            self.say(t("draft_unsaved", self.lang, path=self.path, reason=failure), "yellow")

    # ------------------------------------------------------------------ the flow

    def run(self, target_flag: str | None) -> Draft:
        if self.draft.lang is None:
            chosen = self.ask.select(
                t("choose_lang", "en"), [(code, t("lang_name", code)) for code in LANGUAGES]
            )
            self.draft.lang = as_lang(chosen)
            self.save()
        lang = self.lang
        if not self.draft.answers:
            self.say(t("intro", lang, n=len(self.order)), "cyan")
            self.say()
        if target_flag is not None:
            self.draft.target, self.draft.target_asked = target_flag, True
        elif not self.draft.target_asked:
            self.ask_target()
        pending = self.draft.pending_evidence
        if pending is not None and pending in self.pack.questions:
            self.ask_evidence(self.pack.questions[pending])
        for question in self.order:
            if question.id not in self.draft.answers:
                self.ask_question(question)
        self.review()
        return self.draft

    def ask_target(self) -> None:
        choices = [(SUGGEST, t("suggest_target", self.lang))]
        choices += [(r.id, r.name.get(self.lang)) for r in self.pack.roles.roles]
        chosen = self.ask.select(t("ask_target", self.lang), choices, default=self.draft.target)
        self.draft.target = None if chosen == SUGGEST else chosen
        self.draft.target_asked = True
        self.save()

    def _progress(self, question: Question) -> str:
        section_id = self.pack.question_section[question.id]
        for sid, name, questions in self.pack.sections:
            if sid == section_id:
                k = next(i for i, q in enumerate(questions, 1) if q.id == question.id)
                i = self.order.index(question) + 1
                return t(
                    "progress",
                    self.lang,
                    section=name.get(self.lang),
                    k=k,
                    n=len(questions),
                    i=i,
                    total=len(self.order),
                )
        return ""

    def ask_question(self, question: Question) -> None:
        lang = self.lang
        done = len(self.draft.answers)
        bar_cells = 20
        filled = round(done / max(len(self.order), 1) * bar_cells)
        self.say()
        self.say(
            "▓" * filled + "░" * (bar_cells - filled) + "  " + self._progress(question), "bold"
        )
        if question.hint is not None:
            self.say(f"{t('hint', lang)}: {question.hint.get(lang)}", "dim")
        choices = [(c.value, c.text.get(lang)) for c in question.choices]
        current = self.draft.answers.get(question.id)
        if not is_choice(question, current):
            current = None  # offered as the default only when it answers the question
        if question.kind == "multi":
            unknown = self.pack.unknown_value[question.id]

            def validate(values: list[str]) -> bool | str:
                if not values:
                    return t("pick_one", lang)
                if unknown in values and len(values) > 1:
                    return t("unsure_alone", lang)
                return True

            value: str | list[str] = self.ask.checkbox(
                question.prompt.get(lang),
                choices,
                checked=current if isinstance(current, list) else (),
                validate=validate,
                instruction=t("multi_instruction", lang),
            )
        else:
            value = self.ask.select(
                question.prompt.get(lang),
                choices,
                default=current if isinstance(current, str) else None,
            )
        self.draft.answers[question.id] = value
        self.save()
        level = self.pack.level_of[question.id].get(value) if isinstance(value, str) else None
        if level is not None and level >= self.pack.meta.scoring.proof_level:
            self.ask_evidence(question)
        elif self.draft.evidence.pop(question.id, None) is not None:
            self.save()

    def ask_evidence(self, question: Question) -> None:
        """The number behind a level ≥ 3 claim; an interrupted prompt is asked again on resume."""
        lang = self.lang
        self.draft.pending_evidence = question.id
        self.save()
        prompt = question.evidence or self.pack.meta.evidence_prompt
        self.say(prompt.get(lang), "dim")
        text = self.ask.text(
            t("evidence_q", lang),
            default=self.draft.evidence.get(question.id, ""),
            validate=lambda typed: _evidence_fits(typed, lang),
        ).strip()
        if text:
            self.draft.evidence[question.id] = text
        else:
            self.draft.evidence.pop(question.id, None)
        self.draft.pending_evidence = None
        self.save()

    # ------------------------------------------------------------------ review

    def _answer_text(self, question: Question) -> str:
        value = self.draft.answers.get(question.id)
        if value is None:
            return t("not_answered", self.lang)
        values = value if isinstance(value, list) else [value]
        titles = []
        for v in values:
            choice = question.choice(v)
            titles.append(choice.text.get(self.lang) if choice else v)
        return " + ".join(titles)

    def review(self) -> None:
        from rich.table import Table
        from rich.text import Text

        from careerfix.terminal import make_console

        console = make_console(stderr=True)
        lang = self.lang
        while True:
            console.print()
            console.rule(Text(t("review_title", lang), style="bold"), align="left")
            for _section_id, name, questions in self.pack.sections:
                table = Table(
                    title=Text(name.get(lang)), title_justify="left", show_header=False, box=None
                )
                table.add_column(ratio=3)
                table.add_column(ratio=2, style="green")
                for q in questions:
                    answer = Text(self._answer_text(q))
                    if q.id in self.draft.evidence:
                        answer.append(f"\n{self.draft.evidence[q.id]}", style="dim italic")
                    table.add_row(Text(q.prompt.get(lang)), answer)
                console.print(table)
            action = self.ask.select(
                t("review_action", lang),
                [("done", t("review_done", lang)), ("change", t("review_change", lang))],
            )
            if action == "done":
                return
            width = max(console.width - 6, 30)
            picks = [("__back__", t("review_back", lang))]
            for _section_id, name, questions in self.pack.sections:
                for k, q in enumerate(questions, 1):
                    label = f"{name.get(lang)} {k}. {q.prompt.get(lang)} → {self._answer_text(q)}"
                    picks.append((q.id, _fit(label, width)))
            qid = self.ask.select(t("review_pick", lang), picks)
            if qid != "__back__":
                self.ask_question(self.pack.questions[qid])


def _evidence_fits(typed: str, lang: Lang) -> bool | str:
    """Refused as it is typed: an answers file or draft may not hold a longer line."""
    n = len(typed.strip())
    if n > EVIDENCE_MAX_LENGTH:
        return t("evidence_too_long", lang, n=n, limit=EVIDENCE_MAX_LENGTH)
    return True


def _fit(label: str, width: int) -> str:
    """Cut a one-line menu label to the terminal width (by display cells, for Chinese)."""
    from rich.cells import cell_len, set_cell_size

    return label if cell_len(label) <= width else set_cell_size(label, width - 1) + "…"


def _when(saved_at: str | None) -> str:
    """A saved draft's time, local and readable."""
    from datetime import datetime

    if not saved_at:
        return "?"
    try:
        return datetime.fromisoformat(saved_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return saved_at


def open_draft(
    pack: RulePack,
    prompter: Prompts,
    say: Say,
    store: DraftStore,
    resume: bool | None,
    lang_flag: Lang | None,
) -> Draft:
    """The draft to continue: the saved one (resumed, migrated) or a fresh one.

    ``resume``: True (--resume), False (--restart) or None (ask when a draft exists).
    Raises :class:`Discarded` when the user throws the draft away and quits.
    """
    fresh = Draft(pack=pack.id, pack_version=pack.version, lang=lang_flag or locale_lang())
    saved = store.load()
    _say_damage(store, say, resolve_lang(lang_flag))
    if saved is None or not (saved.answers or saved.target_asked):
        return fresh
    lang = resolve_lang(lang_flag, saved.lang)
    if resume is None:
        say(t("draft_found", lang, n=len(saved.answers), when=_when(saved.saved_at)))
        action = prompter.select(
            t("draft_action", lang),
            [
                ("resume", t("draft_resume", lang)),
                ("restart", t("draft_restart", lang)),
                ("discard", t("draft_discard", lang)),
            ],
        )
        if action == "discard":
            store.discard()
            raise Discarded
        resume = action == "resume"
    if not resume:
        store.discard()
        return fresh
    draft, dropped = migrate_draft(pack, saved)
    if lang_flag:
        draft.lang = lang_flag
    if saved.pack_version != pack.version or dropped:
        say(
            t(
                "draft_migrated",
                lang,
                old=saved.pack_version,
                new=pack.version,
                kept=len(draft.answers),
                dropped=len(dropped),
            ),
            "yellow",
        )
        for change in pack.changes_since(saved.pack_version):
            say(change.note.get(lang), "yellow")
    return draft


def _say_damage(store: DraftStore, say: Say, lang: Lang) -> None:
    """Tell the user about a saved draft that could not be used: where it went, or why it stayed."""
    if store.moved_aside is not None:
        say(t("draft_moved_aside", lang, reason=store.damage, path=store.moved_aside), "yellow")
    elif store.kept_back is not None:
        why = store.kept_back
        say(t("draft_kept_back", lang, path=store.path, reason=store.damage, why=why), "yellow")
