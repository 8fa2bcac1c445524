"""What counts as proof: the pack's ``proof`` patterns on evidence in Chinese and English.

Evidence is proven when it names a result (a number with what it counts, money, a percentage, a
change), weak when its number is no result (a count of things done, a team's size, a length of
time), unproven with no number. The table holds the near misses too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from careerfix.engine.proof import compile_proof, proof_status
from careerfix.i18n import t
from helpers import choice_with_level, run_cli, shipped_pack, write
from test_rules_check import Fault, assert_reported, check, replace_once

PACK = shipped_pack()
PROOF = PACK.proof

# (evidence, expected status)
TABLE: list[tuple[str, str]] = [
    # results: a change over a period
    ("KOLs signed 800 → 3,100 in 18 months", "proven"),
    ("800 → 3,100 in 18 months", "proven"),
    ("followers 18k -> 96k in 10 months", "proven"),
    ("Series titles lifted click-through from 2.1% to 3.8%", "proven"),
    ("cut response time from 6 hours to 2", "proven"),
    ("grew the community to 12,000 members", "proven"),
    ("followers up 3x in a year", "proven"),
    ("签约创作者 800 → 3,100，18 个月", "proven"),
    ("复购 12% → 19%", "proven"),
    ("粉丝从 1.8 万涨到 9.6 万", "proven"),
    ("违规内容处理时长从 6 小时降到 1.5 小时", "proven"),
    ("每周达标原创内容 120 → 410 篇（12 个月）", "proven"),
    # results: a number with what it counts
    ("DAU 1,000,000", "proven"),
    ("2,300 paying subscribers", "proven"),
    ("5k+ followers", "proven"),
    ("ran a 12,000-member community", "proven"),
    ("top 10 in the app store", "proven"),
    ("负责的板块日活 100 万", "proven"),
    ("负责 100 万日活的社区", "proven"),  # a count in the ten thousands is no bare count
    ("海报裂变单期新增 1.2 万人", "proven"),
    ("新增付费会员 3,000 人", "proven"),
    ("阅读 3400 次", "proven"),
    ("排名第 3", "proven"),
    ("ｄａｕ　１２０万", "proven"),  # full-width digits and space
    # results: money and percentages
    ("GMV 200万", "proven"),
    ("群内正价课 GMV 月均 46 万元", "proven"),
    ("Subsidy budget of 1.2M RMB a quarter, ROI 1:3.4", "proven"),
    ("¥12,000 a month in sales", "proven"),
    ("复购率提升 40％", "proven"),
    ("Day-7 retention of new users 18% -> 24% over two quarters", "proven"),
    # a count of things done next to a result: the result counts
    ("Quarterly campaign calendar, 12 campaigns, DAU +9% during campaigns", "proven"),
    ("ran 3 campaigns that brought 5,000 sign-ups", "proven"),
    ("举办 3 场活动，到场 500 人", "proven"),
    ("led a team of 5 that grew DAU 30%", "proven"),
    # weak: a count of things done, a team's size, a length of time
    ("ran 3 campaigns", "weak"),
    ("organised 12 offline events", "weak"),
    ("wrote 50 articles", "weak"),
    ("worked with 9 brands", "weak"),
    ("handled 200 tickets a day", "weak"),
    ("Reviewed 5,000 posts a day", "weak"),
    ("Led 3 people", "weak"),
    ("Wrote the style guide the 3-person team now uses", "weak"),
    ("did it for 2 years", "weak"),
    ("launched in 2021 we grew", "weak"),
    ("做过 5 场活动", "weak"),
    ("对接 9 个品牌方", "weak"),
    ("组织过 12 场线下活动", "weak"),
    ("写了 30 篇文章", "weak"),
    ("运营 3 个账号", "weak"),
    ("负责 60 个学员群的分层矩阵", "weak"),
    ("管理 2000 名版主", "weak"),
    ("团队 5 人", "weak"),
    ("做了 3 年", "weak"),
    ("每周 3 次直播", "weak"),
    ("审核 5000 条内容/天", "weak"),
    ("活动场次从 3 场增加到 8 场", "weak"),  # more activities is still a count of things done
    # unproven: no number
    ("I owned the programme end to end", "unproven"),
    ("Rewrote our product pages", "unproven"),
    ("strong results", "unproven"),
    ("DAU", "unproven"),
    ("写过创作者激励规则", "unproven"),
    ("签约创作者八百人", "unproven"),  # a number in words is not a digit
    ("粉丝翻倍", "unproven"),
]


def test_the_table_covers_both_languages_and_every_status() -> None:
    cjk = [text for text, _ in TABLE if any("\u4e00" <= ch <= "\u9fff" for ch in text)]
    assert len(TABLE) >= 30 and len(cjk) >= 15 and len(TABLE) - len(cjk) >= 15
    assert {status for _, status in TABLE} == {"proven", "weak", "unproven"}


@pytest.mark.parametrize(("evidence", "status"), TABLE, ids=[text for text, _ in TABLE])
def test_evidence_status(evidence: str, status: str) -> None:
    assert proof_status(PROOF, evidence) == status


@pytest.mark.parametrize("evidence", [None, ""])
def test_no_evidence_is_unproven(evidence: str | None) -> None:
    assert proof_status(PROOF, evidence) == "unproven"


def test_the_packs_own_examples_hold() -> None:
    examples = PACK.meta.proof.examples
    assert examples, "the shipped pack documents its proof rules with examples"
    assert [proof_status(PROOF, e.text) for e in examples] == [e.status for e in examples]


# ---------------------------------------------------------------- rules check

COUNTS_FIRST = "  counts:\n    # a metric, then its number: DAU 1,000,000 · followers 18k · KOLs signed 800\n    - '"
PROOF_FAULTS = [
    Fault(
        "proof-bad-regex",
        "pack.yaml",
        replace_once(COUNTS_FIRST, COUNTS_FIRST + "(?:unclosed"),
        ("(?:unclosed",),
        "proof.counts[0]",
        "not a valid regular expression",
    ),
    Fault(
        "proof-matches-empty",
        "pack.yaml",
        replace_once("  number: '\\d'", "  number: '\\d*'"),
        ("number: '\\d*'",),
        "proof.number",
        "matches an empty text",
    ),
    Fault(
        "proof-example-wrong",
        "pack.yaml",
        replace_once(
            "{text: ran 3 campaigns, status: weak}", "{text: ran 3 campaigns, status: proven}"
        ),
        ("{text: ran 3 campaigns, status: proven}",),
        r"proof\.examples\[\d+\]\.status",
        "make this evidence weak, not proven",
        path_is_regex=True,
    ),
]


@pytest.mark.parametrize("fault", PROOF_FAULTS, ids=[f.id for f in PROOF_FAULTS])
def test_rules_check_locates_a_proof_problem(fault: Fault, rules_copy: Path) -> None:
    lines = fault.plant(rules_copy)

    result = check(rules_copy)

    assert result.exit_code == 3, result.stdout + result.stderr
    assert_reported(result.stdout, fault, rules_copy, lines)
    assert "careerfix: 1 problem in the rules pack" in result.stderr, result.stdout


# ---------------------------------------------------------------- in the report


def _answers_file(tmp_path: Path) -> Path:
    """Three claims (proven, weak, unproven) and two lower-level answers with evidence."""
    proof = PACK.meta.scoring.proof_level
    qids = [q.id for q in PACK.questions.values() if q.kind == "experience"][:5]
    levels = [proof, proof, proof, proof - 1, proof - 1]
    evidence = [
        "签约创作者 800 → 3,100，18 个月",
        "ran 3 campaigns",
        "I owned it",
        "DAU 1,000,000",
        "做过 5 场活动",
    ]
    data = {
        "pack": PACK.id,
        "answers": {q: choice_with_level(PACK, q, lv) for q, lv in zip(qids, levels, strict=True)},
        "evidence": dict(zip(qids, evidence, strict=True)),
    }
    return write(tmp_path / "answers.yaml", yaml.safe_dump(data, allow_unicode=True))


def _report(path: Path, lang: str, fmt: str) -> str:
    result = run_cli(["assess", "-a", str(path), "--lang", lang, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_json_keeps_lower_level_evidence_as_notes(tmp_path: Path) -> None:
    data = json.loads(_report(_answers_file(tmp_path), "en", "json"))
    got = [(e["status"], e["claim"], e["level"]) for e in data["evidence"]]
    proof = PACK.meta.scoring.proof_level
    assert got == [
        ("proven", True, proof),
        ("weak", True, proof),
        ("unproven", True, proof),
        ("proven", False, proof - 1),
        ("weak", False, proof - 1),
    ]
    facts = data["facts"]
    assert (facts["claims"], facts["proven_claims"], facts["unproven_claims"]) == (3, 1, 2)
    assert facts["weak_claims"] == 1
    hint = data["evidence_hint"]
    assert hint["text"] == PACK.meta.proof.hint.text.en
    assert hint["sources"] == PACK.meta.proof.hint.source


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_report_marks_weak_evidence_and_notes(tmp_path: Path, lang: str) -> None:
    out = _flat(_report(_answers_file(tmp_path), lang, "text"))
    n = PACK.meta.scoring.proof_level - 1
    paren, colon = ("（{}）", "：") if lang == "zh" else (" ({})", ": ")
    for wanted in (
        "~",
        "— " + t("weak", lang),  # after the weak claim
        t("evidence_legend_weak", lang),
        paren.format(t("level_result_noted", lang, n=n)) + colon + "DAU 1,000,000",
        paren.format(t("level_noted", lang, n=n)) + colon + "做过 5 场活动",
        PACK.meta.proof.hint.text.get(lang),
    ):
        assert _flat(wanted) in out, wanted
    assert "weak" not in t("weak", "zh") and "次数" in t("weak", "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_report_marks_weak_evidence_and_notes(tmp_path: Path, lang: str) -> None:
    out = _report(_answers_file(tmp_path), lang, "markdown")
    evidence = out.split(f"## {t('evidence_title', lang)}\n", 1)[1].split("\n## ", 1)[0]
    marks = [row.split("**")[1] for row in evidence.splitlines() if row.startswith("- **")]
    wanted = ["proven", "weak", "unproven", "noted", "noted"]
    assert marks == [t(key, lang) for key in wanted]
    hint = PACK.meta.proof.hint
    assert f"\\[{', '.join(hint.source)}\\]" in evidence


def test_no_hint_when_every_claim_is_proven(tmp_path: Path) -> None:
    proof = PACK.meta.scoring.proof_level
    qid = next(q.id for q in PACK.questions.values() if q.kind == "experience")
    path = write(
        tmp_path / "a.yaml",
        yaml.safe_dump(
            {
                "pack": PACK.id,
                "answers": {qid: choice_with_level(PACK, qid, proof)},
                "evidence": {qid: "DAU 1,000,000"},
            }
        ),
    )
    data = json.loads(_report(path, "en", "json"))
    assert data["evidence_hint"] is None
    assert PACK.meta.proof.hint.text.en not in " ".join(_report(path, "en", "text").split())


# ---------------------------------------------------------------- the fast path is exact


def _reference_status(text: str | None) -> str:
    """The proof steps read literally: every pattern compiled, tried and blanked one by one."""
    import re
    import unicodedata

    from careerfix.engine.proof import FLAGS

    proof = PACK.meta.proof

    def each(patterns: list[str]) -> list[re.Pattern[str]]:
        return [re.compile(p, FLAGS) for p in patterns]

    def blank(patterns: list[re.Pattern[str]], text: str) -> str:
        for p in patterns:
            text = p.sub(lambda m: " " * len(m.group()), text)
        return text

    if not text:
        return "unproven"
    text = unicodedata.normalize("NFKC", text)
    if not re.search(proof.number, text, FLAGS):
        return "unproven"
    rest = blank(each(proof.activity), text)
    if any(p.search(rest) for p in each(proof.change) + each(proof.amount)):
        return "proven"
    rest = blank(each(proof.period), rest)
    if any(p.search(rest) for p in each(proof.counts)):
        return "proven"
    return "weak"


_WORDS = [
    "ran", "led", "a team of", "campaigns", "posts", "grew", "to", "by", "from", "up", "DAU",
    "followers", "members", "months", "in", "2024", "q3", "day", "k", "%", "→", "->", "¥",
    "GMV", "revenue", "top", "x", "场", "次活动", "个", "品牌方", "做了", "团队", "人", "万",
    "从", "到", "增长", "倍", "元", "月", "日活", "粉丝", "第", "名", "，", ",", ";", "-",
    "K", "ſ", "İ", "ı", "ｋ", "１２", "3", "12,000", "1.5", "800",
    "Q3", "Campaigns", "LED", "From", "TO", "Grew", "Followers", "Team Of", "RMB", "Top",
]  # fmt: skip


@given(st.lists(st.sampled_from(_WORDS), max_size=8), st.lists(st.booleans(), max_size=8))
@settings(max_examples=400, deadline=None)
def test_the_status_is_the_literal_reading_of_the_steps(
    words: list[str], spaces: list[bool]
) -> None:
    text = "".join(w + (" " if s else "") for w, s in zip(words, spaces + [True] * 8, strict=False))
    assert proof_status(_COMPILED, text) == _reference_status(text), text


_COMPILED = compile_proof(PACK.meta.proof)


@pytest.mark.parametrize("evidence", [e for e, _ in TABLE])
def test_the_table_reads_the_same_literally(evidence: str) -> None:
    assert proof_status(_COMPILED, evidence) == _reference_status(evidence)


def test_only_four_non_ascii_characters_match_an_ascii_one() -> None:
    """The fast path skips, on ASCII text, the patterns every match of which needs some other
    non-ASCII character: true only while these four are the only ones."""
    import re

    from careerfix.engine.proof import _ASCII_LIKE, FLAGS

    ascii_char = re.compile("[\x00-\x7f]", FLAGS)
    found = {c for c in range(0x80, 0x110000) if ascii_char.fullmatch(chr(c))}
    assert found == set(_ASCII_LIKE)


def test_the_cjk_range_means_the_same_with_case_insensitivity_off() -> None:
    """The pack writes its CJK ranges ``(?-i:[\\u4e00-\\u9fff])`` (compiled in a third of the
    time): the same characters match as with the flag on, since none of them has a case."""
    import re

    from careerfix.engine.proof import FLAGS

    folded = re.compile("[\u4e00-\u9fff]", FLAGS)
    scoped = re.compile("(?-i:[\u4e00-\u9fff])", FLAGS)
    differ = [
        c for c in range(0x110000) if bool(folded.match(chr(c))) != bool(scoped.match(chr(c)))
    ]
    assert differ == []
    proof = PACK.meta.proof
    patterns = [proof.number, *proof.activity, *proof.change, *proof.amount, *proof.period]
    patterns += proof.counts
    cjk = "[\\u4e00-\\u9fff]"
    assert all(p.count(cjk) == p.count("(?-i:" + cjk + ")") for p in patterns)
    assert any(cjk in p for p in patterns)
