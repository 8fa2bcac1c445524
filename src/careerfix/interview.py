"""The terminal interview: language, target role, then module by module, then a review.

It only collects answers (no scoring): the result is a :class:`~careerfix.drafts.Draft`, which the
CLI checks with the same code as an answers file. Every answer is saved the moment it is given.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from typing import ClassVar, TextIO

from careerfix.answers import is_choice
from careerfix.drafts import Draft, DraftStore, migrate_draft
from careerfix.i18n import locale_lang, resolve_lang, t
from careerfix.lines import Fragments, colour_wanted, interview_width, wrap_fragments
from careerfix.models.answers import EVIDENCE_MAX_LENGTH
from careerfix.models.lang import LANGUAGES, Lang, as_lang
from careerfix.models.pack import Question, RulePack
from careerfix.prompting import GoBack, Prompts

SUGGEST = "__suggest__"
TARGET = "__target__"  # the target question's place among the interview's steps


@dataclass
class Prefill:
    """Answers known before the interview (``--answers FILE --interactive``, ``--set``)."""

    answers: dict[str, str | list[str]] = field(default_factory=dict)
    source: dict[str, str] = field(default_factory=dict)  # question id: "file" or "set"
    evidence: dict[str, str] = field(default_factory=dict)


class Discarded(Exception):
    """The user chose to throw the saved draft away and quit."""


class Say:
    """Lines for the person being interviewed, on stderr (stdout carries only the report).

    Every line is wrapped the CJK-aware way (careerfix.lines) at the terminal's width, so no word
    is cut at the edge, and styled through prompt_toolkit: it is loaded for the prompts anyway,
    while rich's console loads only for the review, so the first question appears sooner. Colour
    follows :func:`~careerfix.lines.colour_wanted` (NO_COLOR, FORCE_COLOR, a terminal).
    """

    # The interview's style names, in prompt_toolkit's words.
    _STYLES: ClassVar[dict[str, str]] = {
        "bold": "bold",
        "dim": "fg:ansibrightblack",
        "cyan": "fg:ansicyan",
        "yellow": "fg:ansiyellow",
        "green": "fg:ansigreen",
    }

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.colour = colour_wanted(self.stream)

    def __call__(self, text: str = "", style: str = "", indent: int = 0) -> None:
        """Say ``text``: wrapped, lines after the first indented by ``indent``."""
        self.lines([(style, text)], indent)

    def lines(self, fragments: Fragments, indent: int = 0) -> None:
        """Say styled pieces as one paragraph (a label and its text, say), wrapped."""
        wrapped = wrap_fragments(fragments, self.width, indent)
        if not self.colour:
            self.stream.write("".join("".join(t for _, t in line) + "\n" for line in wrapped))
            self.stream.flush()
            return
        from prompt_toolkit import print_formatted_text
        from prompt_toolkit.data_structures import Size
        from prompt_toolkit.formatted_text import FormattedText
        from prompt_toolkit.output import ColorDepth
        from prompt_toolkit.output.vt100 import Vt100_Output

        output = Vt100_Output(
            self.stream,
            lambda: Size(rows=24, columns=self.width + 1),
            default_color_depth=ColorDepth.DEPTH_4_BIT,
        )
        # One call for the whole paragraph: each call merges prompt_toolkit's default styles
        # anew (about 0.6 ms), which a line at a time paid again for every line.
        styled: Fragments = []
        for line in wrapped:
            styled += [(self._style(style), text) for style, text in line]
            styled.append(("", "\n"))
        print_formatted_text(FormattedText(styled), output=output, end="")

    def _style(self, style: str) -> str:
        return " ".join(self._STYLES.get(name, "") for name in style.split())

    @property
    def width(self) -> int:
        return interview_width(self.stream)


class Interview:
    def __init__(
        self,
        pack: RulePack,
        prompter: Prompts,
        say: Say,
        store: DraftStore,
        draft: Draft,
        quick: bool = False,
        prefill: Prefill | None = None,
    ) -> None:
        self.pack = pack
        self.prefill = prefill or Prefill()
        # "Not sure" answers given beforehand: asked again, with that answer as the default.
        self.defaults: dict[str, str | list[str]] = {}
        self.ask = prompter
        self.say = say
        self.store = store
        self.path = store.path
        self.draft = draft
        self.quick = quick
        self.order = (
            quick_questions(pack) if quick else [q for _, _, qs in pack.sections for q in qs]
        )

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
        self.apply_prefill()
        if not self.draft.answers:
            minutes = interview_minutes(self.pack, self.order, lang)
            intro = "intro_quick" if self.quick else "intro"
            self.say(t(intro, lang, n=len(self.order), minutes=minutes), "cyan")
            self.say()
        steps: list[Question | str] = []
        if target_flag is not None:
            self.draft.target, self.draft.target_asked = target_flag, True
        elif not self.draft.target_asked:
            steps.append(TARGET)
        pending = self.draft.pending_evidence
        if pending is not None and pending in self.pack.questions:
            self.answer_pending(self.pack.questions[pending])
        steps += [q for q in self.order if q.id not in self.draft.answers]
        self.walk(steps)
        self.review()
        return self.draft

    def _unsure(self, qid: str, value: object) -> bool:
        unknown = self.pack.unknown_value.get(qid)
        return unknown is not None and value in (unknown, [unknown])

    def apply_prefill(self) -> None:
        """Put the answers known beforehand into the draft, saved at once; "not sure" ones are
        only offered as defaults. A resumed draft's own answers win: nothing typed is lost."""
        filled = 0
        for qid, value in self.prefill.answers.items():
            mine = self.draft.answers.get(qid)
            if mine is not None and not self._unsure(qid, mine):
                continue
            if self._unsure(qid, value):
                self.defaults[qid] = value
                continue
            self.draft.answers[qid] = value
            if qid in self.prefill.evidence:
                self.draft.evidence[qid] = self.prefill.evidence[qid]
            filled += 1
        if filled:
            self.save()
            left = sum(q.id not in self.draft.answers for q in self.order)
            self.say(t("prefilled", self.lang, n=filled, m=left), "cyan")

    def _mark(self, question: Question) -> str:
        """Where the answer came from, when it is still the one given before the interview."""
        source = self.prefill.source.get(question.id)
        if source is None or self.draft.answers.get(question.id) != self.prefill.answers.get(
            question.id
        ):
            return ""
        return t("from_file" if source == "file" else "from_set", self.lang)

    def walk(self, steps: list[Question | str]) -> None:
        """Ask ``steps`` in order; the back key returns to the previous step (none on the first).

        Every answer is saved when given, so going back loses nothing: walking forward again
        asks each step anew with its kept answer as the default.
        """
        back = t("back_hint", self.lang)
        i = 0
        while i < len(steps):
            step = steps[i]
            try:
                if isinstance(step, str):
                    self.ask_target(back=back if i else None)
                else:
                    self.ask_question(step, back=back if i else None)
            except GoBack:
                i = max(i - 1, 0)
                continue
            i += 1

    def answer_pending(self, question: Question) -> None:
        """The evidence line interrupted last time; back from it re-asks the question's choice."""
        try:
            self.ask_evidence(question, back=t("back_hint", self.lang))
        except GoBack:
            self.ask_question(question)

    def ask_target(self, back: str | None = None) -> None:
        choices = [(SUGGEST, t("suggest_target", self.lang))]
        choices += [(r.id, r.name.get(self.lang)) for r in self.pack.roles.roles]
        chosen = self.ask.select(
            t("ask_target", self.lang),
            choices,
            default=self.draft.target,
            instruction=t("select_instruction", self.lang),
            back=back,
        )
        self.draft.target = None if chosen == SUGGEST else chosen
        self.draft.target_asked = True
        self.save()

    def _progress(self, question: Question) -> str:
        section_id = self.pack.question_section[question.id]
        for sid, name, all_questions in self.pack.sections:
            if sid == section_id:
                questions = [q for q in all_questions if q in self.order]
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

    def ask_question(self, question: Question, back: str | None = None) -> None:
        """Ask ``question`` (and its evidence line); back at the evidence line re-asks the choice.

        ``back``: the back key's hint; the key then raises GoBack out of the choice."""
        while True:
            if self._ask_choice(question, back):
                try:
                    self.ask_evidence(question, back=t("back_hint", self.lang))
                except GoBack:
                    continue
            return

    def _ask_choice(self, question: Question, back: str | None) -> bool:
        """Ask the choice and save it; True when it needs an evidence line."""
        lang = self.lang
        done = len(self.draft.answers)
        bar_cells = 20
        filled = round(done / max(len(self.order), 1) * bar_cells)
        self.say()
        self.say(
            "▓" * filled + "░" * (bar_cells - filled) + "  " + self._progress(question), "bold"
        )
        if question.hint is not None:
            self.say(t("hint_line", lang, text=question.hint.get(lang)), "dim")
        choices = [(c.value, c.text.get(lang)) for c in question.choices]
        current = self.draft.answers.get(question.id, self.defaults.get(question.id))
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
                back=back,
            )
        else:
            value = self.ask.select(
                question.prompt.get(lang),
                choices,
                default=current if isinstance(current, str) else None,
                instruction=t("select_instruction", lang),
                back=back,
            )
        self.draft.answers[question.id] = value
        self.save()
        level = self.pack.level_of[question.id].get(value) if isinstance(value, str) else None
        if level is not None and level >= self.pack.meta.scoring.proof_level:
            return True
        stale = self.draft.evidence.pop(question.id, None) is not None
        if self.draft.pending_evidence == question.id:  # left by a back from its evidence line
            self.draft.pending_evidence, stale = None, True
        if stale:
            self.save()
        return False

    def ask_evidence(self, question: Question, back: str | None = None) -> None:
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
            back=back,
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

    def _sections(self) -> list[tuple[str, list[Question]]]:
        """Each section's name and the questions this interview asks in it (--quick: fewer)."""
        asked = {q.id for q in self.order}
        lang = self.lang
        found = []
        for _section_id, name, questions in self.pack.sections:
            mine = [q for q in questions if q.id in asked]
            if mine:
                found.append((name.get(lang), mine))
        return found

    def _label(self, question: Question) -> str:
        """The question's module, its number there and its prompt."""
        for name, questions in self._sections():
            if question in questions:
                return f"{name} {questions.index(question) + 1}. {question.prompt.get(self.lang)}"
        return question.prompt.get(self.lang)

    def _print_review(self) -> None:
        from rich.table import Table
        from rich.text import Text

        from careerfix.terminal import make_console

        console = make_console(stderr=True)
        lang = self.lang
        console.print()
        console.rule(Text(t("review_title", lang), style="bold"), align="left")
        for name, questions in self._sections():
            table = Table(title=Text(name), title_justify="left", show_header=False, box=None)
            table.add_column(ratio=3)
            table.add_column(ratio=2, style="green")
            for q in questions:
                answer = Text(self._answer_text(q))
                if mark := self._mark(q):
                    answer.append(f" {mark}", style="dim")
                if q.id in self.draft.evidence:
                    answer.append(f"\n{self.draft.evidence[q.id]}", style="dim italic")
                table.add_row(Text(q.prompt.get(lang)), answer)
            console.print(table)

    def review(self) -> None:
        """The whole review once; after each change only what changed, and "show all" again."""
        lang = self.lang
        self._print_review()
        edited = False
        while True:
            actions = [("done", t("review_done", lang)), ("change", t("review_change", lang))]
            if edited:
                actions.append(("all", t("review_show_all", lang)))
            action = self.ask.select(t("review_action", lang), actions)
            if action == "done":
                return
            if action == "all":
                self._print_review()
                edited = False
                continue
            qid = self._pick()
            if qid is None:
                continue
            question = self.pack.questions[qid]
            before = self._answer_text(question), self.draft.evidence.get(qid, "")
            try:
                self.ask_question(question, back=t("back_hint", lang))
            except GoBack:
                continue
            after = self._answer_text(question), self.draft.evidence.get(qid, "")
            self._say_change(question, before, after)
            edited = True

    def _pick(self) -> str | None:
        """The question to change, found by typing part of its module, prompt or answer."""
        from rich.cells import cell_len

        lang = self.lang
        width = max(self.say.width - 4, 30)
        picks = [("__back__", t("review_back", lang))]
        for name, questions in self._sections():
            for k, q in enumerate(questions, 1):
                label = f"{name} {k}. {q.prompt.get(lang)} → {self._answer_text(q)}"
                picks.append((q.id, label if cell_len(label) <= width else _fit(label, width)))
        qid = self.ask.select(
            t("review_pick", lang), picks, instruction=t("review_search", lang), search=True
        )
        return None if qid == "__back__" else qid

    def _say_change(
        self, question: Question, before: tuple[str, str], after: tuple[str, str]
    ) -> None:
        lang = self.lang
        self.say()
        if before == after:
            self.say(t("review_unchanged", lang), "dim")
            return
        self.say(t("review_changed", lang, question=self._label(question)), "bold")
        for label, old, new in (
            (t("review_answer", lang), *[x[0] for x in (before, after)]),
            (t("review_evidence", lang), *[x[1] for x in (before, after)]),
        ):
            if old != new:
                none = t("review_none", lang)
                self.say.lines(
                    [("", f"  {label}"), ("dim", old or none), ("", " → "), ("green", new or none)],
                    indent=4,
                )


def quick_questions(pack: RulePack) -> list[Question]:
    """The short interview (``assess --quick``), in interview order: the questions the pack's
    ``interview.quick`` names, and from each module its ``per_module`` experience questions
    that rank first by the pack's ``choose_by`` rules (ties keep pack order)."""
    quick = pack.meta.interview.quick
    core_roles: dict[str, int] = {}
    for role in pack.roles.roles:
        for competency in role.core:
            core_roles[competency] = core_roles.get(competency, 0) + 1

    def rank(q: Question) -> tuple[float, ...]:
        competency = q.competency or ""
        measures = {
            "core_roles": float(core_roles.get(competency, 0)),
            "competency_weight": pack.competencies[competency].weight,
            "question_weight": q.weight,
        }
        return tuple(-measures[rule] for rule in quick.choose_by)

    chosen: set[str] = set(quick.questions)
    for module in pack.modules:
        experience = [q for q in module.questions if q.kind == "experience"]
        chosen.update(q.id for q in sorted(experience, key=rank)[: quick.per_module])
    return [q for _, _, questions in pack.sections for q in questions if q.id in chosen]


def interview_minutes(pack: RulePack, questions: list[Question], lang: Lang) -> int:
    """The time the interview takes, in whole minutes: every prompt, hint and choice read at the
    pack's reading pace (words a minute in English, characters in Chinese), plus the pack's
    time to pick each answer."""
    settings = pack.meta.interview
    amount = 0
    for q in questions:
        texts = [q.prompt, *([q.hint] if q.hint else []), *(c.text for c in q.choices)]
        for text in texts:
            words = text.get(lang)
            amount += len("".join(words.split())) if lang == "zh" else len(words.split())
    pace = settings.reading_pace.zh if lang == "zh" else settings.reading_pace.en
    seconds = amount / pace * 60 + settings.answer_seconds * len(questions)
    return max(1, math.ceil(seconds / 60))


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
        say(
            t(
                "draft_moved_aside",
                lang,
                reason=_reason(store.damage, lang),
                path=store.moved_aside,
            ),
            "yellow",
        )
    elif store.kept_back is not None:
        why = store.kept_back
        say(
            t(
                "draft_kept_back",
                lang,
                path=store.path,
                reason=_reason(store.damage, lang),
                why=why,
            ),
            "yellow",
        )


def _reason(damage: object, lang: Lang) -> str:
    """What was wrong with a damaged draft, in the interview's language."""
    from careerfix.errors import Said

    return damage.text(lang) if isinstance(damage, Said) else str(damage)
