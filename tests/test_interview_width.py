"""The interview on a narrow real terminal: no line of its own is cut in the middle of a word.

careerfix runs in a pseudo-terminal (pexpect) 60 columns wide, in Chinese and in English; the
whole transcript is then played into a terminal emulator (pyte) to get the rows a person sees,
scrolled-off ones included. A row the text filled up to the last column was wrapped by the
terminal (or by prompt_toolkit), not by careerfix, which leaves the last column free: such a row
must not end inside a word that the next row continues, and no row may start with closing
punctuation (，。）…) cut from the row before. ``cut_rows`` is checked on a deliberately unwrapped
line first, so the check cannot pass by seeing nothing.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import sys
from pathlib import Path

import pexpect
import pytest

import interview_helpers as ih
from careerfix.i18n import t
from careerfix.models.lang import Lang

pyte = pytest.importorskip("pyte")

pytestmark = [
    pytest.mark.tui,
    pytest.mark.timeout(120),
    pytest.mark.skipif(sys.platform == "win32", reason="pexpect.spawn needs a POSIX pty"),
]

COLUMNS = 60
PACK = ih.pack()
ORDER = ih.order()
TOTAL = len(ORDER)
ANSWERS, EVIDENCE = ih.kol_answers()
ASKED = 9  # the role questions (a multi-choice among them) and the first user questions
WORD = re.compile(r"[A-Za-z0-9]")
NO_LINE_START = set("，。、；：？！）」』】》”’")
DROP_ENV = ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "CAREERFIX_LANG", "CAREERFIX_RULES")
DROP_ENV += ("CAREERFIX_WIDTH", "COLUMNS", "LINES", "FORCE_COLOR")


def screen_rows(transcript: str, columns: int = COLUMNS) -> list[list[str]]:
    """Every row the terminal showed, top to bottom, scrolled-off rows included, as its cells
    (the right half of a wide character is an empty cell)."""
    screen = pyte.HistoryScreen(columns, 40, history=10_000, ratio=0.5)
    pyte.Stream(screen).feed(transcript.replace("\n", "\r\n").replace("\r\r\n", "\r\n"))
    rows = [[row[x].data for x in range(columns)] for row in screen.history.top]
    rows += [[screen.buffer[y][x].data for x in range(columns)] for y in range(screen.lines)]
    return rows


def cut_rows(rows: list[list[str]]) -> list[tuple[str, str]]:
    """The pairs of rows where a word, or a sentence's closing punctuation, was cut at the edge."""
    cuts = []
    for cells, next_cells in itertools.pairwise(rows):
        if cells[-1] == " ":  # the last column is free: the row was not cut by the terminal
            continue
        row, after = "".join(cells), "".join(next_cells)
        end, start = row.rstrip()[-1:], after[:1]
        if (WORD.match(end) and WORD.match(start)) or start in NO_LINE_START:
            cuts.append((row, after))
    return cuts


def test_the_check_finds_a_line_cut_by_the_terminal() -> None:
    text = "Every answer is saved as you go: press Ctrl-C any time and carry on later."
    assert cut_rows(screen_rows(text + "\n")), "an unwrapped line is cut at the edge"
    assert cut_rows(screen_rows("这" * (COLUMNS // 2) + "。后面\n")), "closing punctuation"
    assert not cut_rows(screen_rows("short line\nanother\n"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_line_of_the_interview_is_cut_mid_word_at_60_columns(tmp_path: Path, lang: Lang) -> None:
    env = {k: v for k, v in os.environ.items() if k not in DROP_ENV}
    env.update(
        CAREERFIX_HOME=str(tmp_path / "home"),
        LANG="en_US.UTF-8",
        PROMPT_TOOLKIT_NO_CPR="1",
        TERM="xterm",
        NO_COLOR="1",
    )
    child = pexpect.spawn(
        sys.executable,
        ["-m", "careerfix", "assess", "--lang", lang, "--no-save"],
        env=env,
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=20,
        dimensions=(40, COLUMNS),
    )
    log = io.StringIO()
    child.logfile_read = log
    pick, tick = t("select_instruction", lang), t("multi_instruction", lang)
    child.expect_exact(pick)
    child.send(ih.target_keys())
    for i, q in enumerate(ORDER[:ASKED], 1):
        child.expect_exact(f"{i}/{TOTAL}")  # the progress header
        child.expect_exact(tick if q.kind == "multi" else pick)
        value = ANSWERS[q.id]
        child.send(ih.choice_keys(q, value))
        if ih.needs_evidence(q, value):
            child.expect_exact(t("evidence_q", lang))
            evidence = EVIDENCE.get(q.id, "") or "ran a referral programme: 1,200 → 4,800 members"
            child.send(evidence + ih.ENTER)
    child.expect_exact(f"{ASKED + 1}/{TOTAL}")
    child.expect_exact(pick)
    child.send(ih.CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130, log.getvalue()[-2000:]

    rows = screen_rows(log.getvalue())
    # The interview's rows end where the CLI's exit message begins (an error line of the CLI,
    # like any other; its path cannot be wrapped anyway).
    stop = next(i for i, row in enumerate(rows) if "".join(row).startswith("careerfix: "))
    rows = rows[:stop]
    shown = "\n".join("".join(row).rstrip() for row in rows)
    assert t("hint_line", lang, text="").strip() in shown, "the tips were drawn"
    assert f"{ASKED}/{TOTAL}" in shown
    assert cut_rows(rows) == [], shown
    for english in ("(Use arrow keys", "selections)", "<space> to select"):
        assert english not in shown, "questionary's own English words are replaced"


def test_no_s_plurals_in_english_and_no_ascii_quotes_in_chinese() -> None:
    """English says "1 problem" / "2 problems" (i18n.plural), never "problem(s)"; Chinese texts,
    the interface's and the pack's, quote with 「」 and use full-width punctuation."""
    from careerfix import i18n

    src = Path(i18n.__file__).parent
    # click's own error messages, quoted as keys of the help catalogue, are click's wording.
    clicks = [f'"{key}"' for key in i18n.HELP_ZH if "{" in key]
    plurals = [
        f"{path.name}: {line.strip()}"
        for path in sorted(src.rglob("*.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r'"[^"]*[a-z]\(s\)[^"]*"', line) and not any(k in line for k in clicks)
    ]
    assert plurals == []
    ascii_in_zh = re.compile(r'"|[\u4e00-\u9fff][,:;?!(]|[,:;?!)][\u4e00-\u9fff]')
    zh_texts = [zh for zh, _en in i18n._MESSAGES.values()]
    zh_texts += [q.prompt.zh for q in ORDER] + [q.hint.zh for q in ORDER if q.hint]
    zh_texts += [c.text.zh for q in ORDER for c in q.choices]
    zh_texts += [f.move.zh for f in PACK.fit.findings] + [r.advice.zh for r in PACK.resume.rules]
    zh_texts += [s.reason.zh for v in PACK.diagnosis.verdicts for s in v.signals]
    assert [text for text in zh_texts if ascii_in_zh.search(text)] == []
