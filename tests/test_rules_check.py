"""`careerfix rules check [DIR]`: every problem of a broken pack, located as file:line:col.

Each case copies the shipped pack, plants one fault by editing the text of one file, runs the real
CLI in-process and looks for the fault's exact ``file:line:`` in the output. Expected lines are
computed from the edited text, so the cases survive edits to the shipped pack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from careerfix.cli import app
from careerfix.i18n import plural
from careerfix.rules import check_pack, load_pack

SHIPPED_RULES = Path(__file__).resolve().parents[1] / "rules"

# ---------------------------------------------------------------- helpers

Edit = Callable[[str], str]


def replace_once(old: str, new: str) -> Edit:
    """An edit replacing ``old``, which must occur exactly once in the file."""

    def edit(text: str) -> str:
        assert text.count(old) == 1, f"snippet must be unique in the file: {old!r}"
        return text.replace(old, new)

    return edit


def append(extra: str) -> Edit:
    return lambda text: text + extra


def chain(*edits: Edit) -> Edit:
    def edit(text: str) -> str:
        for step in edits:
            text = step(text)
        return text

    return edit


def line_of(text: str, snippet: str) -> int:
    """1-based line on which ``snippet`` (unique in ``text``) ends, ignoring a trailing newline."""
    assert text.count(snippet) == 1, f"marker must be unique in the edited file: {snippet!r}"
    end = text.index(snippet) + len(snippet.rstrip("\n"))
    return text[:end].count("\n") + 1


def read_pack_file(path: Path) -> str:
    # surrogateescape keeps a planted invalid byte as a lone surrogate, and writes it back as-is
    return path.read_bytes().decode("utf-8", "surrogateescape")


def write_pack_file(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogateescape"))


def run_cli(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env)


def assert_no_traceback(result: Result) -> None:
    out, err = result.stdout, result.stderr
    assert "Traceback" not in out and "Traceback" not in err, out + err
    exc = result.exception
    assert exc is None or isinstance(exc, SystemExit), repr(exc)


def check(directory: Path) -> Result:
    """Run `careerfix rules check DIR` with English messages on stderr."""
    result = run_cli("rules", "check", str(directory), "--lang", "en")
    assert_no_traceback(result)
    return result


@dataclass(frozen=True)
class Fault:
    """One planted fault and where `rules check` must point."""

    id: str
    file: str  # relative to the pack directory
    edit: Edit
    at: tuple[str, ...]  # snippet(s) of the edited text; the problem is on the line one ends on
    path: str  # the reported field path; "" when a problem has none (YAML syntax)
    message: str  # a key part of the message
    path_is_regex: bool = False
    problems: int = 1  # how many problems the fault causes in all (one, unless it cascades)

    def plant(self, pack: Path) -> list[int]:
        """Apply the edit; return the acceptable 1-based line numbers of the problem."""
        target = pack / self.file
        text = self.edit(read_pack_file(target))
        write_pack_file(target, text)
        return [line_of(text, snippet) for snippet in self.at]

    def pattern(self, pack: Path, lines: list[int]) -> re.Pattern[str]:
        """``file:line:col: field.path: …message…`` as a regular expression."""
        where = re.escape(str(pack / self.file))
        line = "|".join(str(n) for n in lines)
        field_path = self.path if self.path_is_regex else re.escape(self.path)
        field = f"{field_path}: " if self.path else ""
        return re.compile(rf"^{where}:(?:{line}):\d+: {field}.*{re.escape(self.message)}")


def assert_reported(stdout: str, fault: Fault, pack: Path, lines: list[int]) -> None:
    pattern = fault.pattern(pack, lines)
    assert any(pattern.search(row) for row in stdout.splitlines()), (
        f"expected a line matching {pattern.pattern!r} in:\n{stdout}"
    )


USER_ZH_PROMPT = "      zh: 在用户分层上，哪一项最接近你做过的事？\n"
# fit.yaml: findings[0] (fit.platform_outside_core) tests the department as its second condition
DEPARTMENT_WHEN = (
    "        - {question: role.employer, equals: platform}\n"
    "        - {question: fit.department, in: [support, trial]}"
)
# roles.yaml: user_ops is roles[1], new_media_ops roles[4]
USER_OPS_CORE = "    core:\n      user.segmentation: 3\n"
USER_OPS_HELPS = "    helps:\n      user.feedback: 2\n      activity.mechanics: 2\n"
COMMUNITY_OPS_HELPS = "    helps:\n      user.feedback: 2\n      copywriting.rules: 2\n"
NEW_MEDIA_HELPS = "    helps:\n      user.segmentation: 2\n"
PLAN_ORDER = "plan_order: [high, basics, skill, medium, low]"
# modules/user.yaml: the step entries named by the faults below
INCENTIVES_TO_3_VARIANT = (
    "  - competency: user.incentives\n    to: 3\n"
    "    when: {question: role.employer, equals: platform}"
)
INCENTIVES_TO_3_DEFAULT = "  - competency: user.incentives\n    to: 3\n    do:"
SEGMENTATION_TO_3_READING = "reading: [cong_ling_kaishi, hacking_growth]"

TIE_ORDER = "tie_order: [content_review, customer_service, partnerships, traffic_ops"
OUTLOOK_ORDER = "outlook_order: [favoured, standard, tool, fallback]"
TRAFFIC_REMAP = (
    "remap: [user.lifecycle, user.segmentation, content.distribution, activity.mechanics]"
)
NOT_INTERNET_BEFORE = "before: [fit.far_from_core_kpi, fit.kpi_indirect]"
REVIEW_POINTS_TO = "points_to: [content_ops, user_ops]"


def _shipped(name: str) -> Any:
    return yaml.safe_load((SHIPPED_RULES / name).read_text("utf-8"))


def index_in(name: str, key: str, item_id: str) -> int:
    """Index of the entry ``item_id`` in the list ``key`` of the shipped ``name``."""
    return next(i for i, entry in enumerate(_shipped(name)[key]) if entry["id"] == item_id)


assert index_in("fit.yaml", "findings", "fit.platform_outside_core") == 0, (
    "DEPARTMENT_WHEN must be in findings[0]"
)
TRAFFIC = index_in("diagnosis.yaml", "verdicts", "traffic_ops")
NOT_INTERNET = index_in("fit.yaml", "findings", "fit.not_internet_company")
REVIEW_STONE = index_in("fit.yaml", "findings", "fit.review_stepping_stone")

SHIPPED_USER_STEPS = yaml.safe_load((SHIPPED_RULES / "modules" / "user.yaml").read_text("utf-8"))[
    "steps"
]
USER_STEPS = len(SHIPPED_USER_STEPS)  # an appended step gets this index


def step_index(competency: str, to: int, *, variant: bool) -> int:
    """Index in ``steps`` of the shipped user.yaml: the default entry, or the first variant."""
    return next(
        i
        for i, step in enumerate(SHIPPED_USER_STEPS)
        if step["competency"] == competency and step["to"] == to and ("when" in step) == variant
    )


assert SHIPPED_USER_STEPS[step_index("user.segmentation", 3, variant=False)]["reading"] == [
    "cong_ling_kaishi",
    "hacking_growth",
], "SEGMENTATION_TO_3_READING must be the reading of that step"


def drop_entry(head: str) -> Edit:
    """An edit removing the list entry that starts with ``head``, up to the next blank line."""

    def edit(text: str) -> str:
        assert text.count(head) == 1, f"entry must be unique in the file: {head!r}"
        start = text.index(head)
        end = text.index("\n\n", start)
        return text[:start] + text[end + 2 :]

    return edit


PLANTED = "  # planted\n  - competency: "  # ends on the first line of an appended step


def extra_step(competency: str, to: int, when: str = "") -> str:
    """A step entry to append to modules/user.yaml (its last block is ``steps``)."""
    when_line = f"    when: {when}\n" if when else ""
    return (
        f"\n{PLANTED}{competency}\n    to: {to}\n{when_line}"
        "    do: {zh: 读心, en: Read minds}\n"
        "    proof: {zh: 无, en: None}\n"
        "    horizon: 30\n"
        "    source: [S8]\n"
    )


def _module_without_questions(text: str) -> str:
    head, sep, tail = text.partition("\nquestions:\n")
    assert sep, "modules/user.yaml has no top-level 'questions:' block"
    rest = re.search(r"^[^\s-]", tail, re.MULTILINE)  # the next top-level line: basics, steps
    assert rest, "modules/user.yaml has nothing after its questions"
    return head + "\nquestions: []\n\n" + tail[rest.start() :]


FAULTS: list[Fault] = [
    Fault(
        "yaml-syntax-error",
        "fit.yaml",
        replace_once("  zh: 公司与上级\n", "  zh: 公司: 与上级\n"),
        ("公司: 与上级",),
        "",
        "YAML syntax error",
    ),
    Fault(
        "unknown-field",
        "modules/user.yaml",
        replace_once("  priority: 1.5\n", "  priority: 1.5\n  prioritty: 2\n"),
        ("prioritty: 2",),
        "module.prioritty",
        "unknown field",
    ),
    Fault(
        # a missing field is reported at its parent mapping
        "missing-module-priority",
        "modules/user.yaml",
        replace_once("  priority: 1.5\n", ""),
        ("\nmodule:",),
        "module.priority",
        "missing required field",
    ),
    Fault(
        "missing-zh-prompt",
        "modules/user.yaml",
        replace_once(USER_ZH_PROMPT, ""),
        (
            "  - id: user.segment_work\n    kind: experience\n    competency: user.segmentation\n"
            "    prompt:",
        ),
        "questions[0].prompt.zh",
        "missing required field",
    ),
    Fault(
        "missing-en-text",
        "pack.yaml",
        replace_once("  en: Not sure / doesn't apply\n", ""),
        ("\nunknown_label:",),
        "unknown_label.en",
        "missing required field",
    ),
    Fault(
        "empty-zh-text",
        "roles.yaml",
        replace_once(
            "    name: {zh: 社区运营, en: Community operations}",
            '    name: {zh: "", en: Community operations}',
        ),
        ('name: {zh: "", en',),
        "roles[0].name.zh",
        "at least 1 character",
    ),
    Fault(
        "duplicate-question-id-same-file",
        "modules/user.yaml",
        replace_once("  - id: user.lifecycle_work\n", "  - id: user.segment_work\n"),
        ("\n\n  - id: user.segment_work",),  # the second one
        "questions[1].id",
        "duplicate question id 'user.segment_work'",
    ),
    Fault(
        "duplicate-question-id-across-files",
        "modules/content.yaml",
        replace_once("  - id: content.positioning_work\n", "  - id: user.segment_work\n"),
        ("  - id: user.segment_work",),
        "questions[0].id",
        "duplicate question id 'user.segment_work' (also in",
    ),
    Fault(
        "condition-unknown-question",
        "fit.yaml",
        replace_once(DEPARTMENT_WHEN, DEPARTMENT_WHEN.replace("fit.department", "fit.departmnt")),
        ("fit.departmnt",),
        "findings[0].when.all[1].question",
        "condition names unknown question 'fit.departmnt'",
    ),
    Fault(
        "condition-unknown-choice",
        "fit.yaml",
        replace_once(DEPARTMENT_WHEN, DEPARTMENT_WHEN.replace("trial]", "trail]")),
        ("in: [support, trail]",),
        "findings[0].when.all[1].in[1]",
        "'trail' is not a choice of question 'fit.department'",
    ),
    Fault(
        "choice-level-5",
        "modules/user.yaml",
        replace_once(
            "        level: 4\n        text:\n          zh: 设计了团队共用的标签或分层体系",
            "        level: 5\n        text:\n          zh: 设计了团队共用的标签或分层体系",
        ),
        ("level: 5",),
        "questions[0].choices[4].level",
        "less than or equal to 4",
    ),
    Fault(
        "condition-level-5",
        "diagnosis.yaml",
        replace_once(
            "{competency: user.feedback, at_least: 3}", "{competency: user.feedback, at_least: 5}"
        ),
        ("at_least: 5",),
        r"verdicts\[\d+\]\.signals\[\d+\]\.when\.at_least",
        "a level must be between 0 and 4",
        path_is_regex=True,
    ),
    Fault(
        "question-weight-zero",
        "modules/user.yaml",
        replace_once(
            "  - id: user.segment_work\n    kind: experience\n",
            "  - id: user.segment_work\n    kind: experience\n    weight: 0\n",
        ),
        ("weight: 0",),
        "questions[0].weight",
        "greater than 0",
    ),
    Fault(
        "role-ranking-negative-bonus",
        "pack.yaml",
        replace_once("favoured_bonus: 0.5", "favoured_bonus: -0.5"),
        ("favoured_bonus: -0.5",),
        "scoring.role_ranking.favoured_bonus",
        "greater than or equal to 0",
    ),
    Fault(
        "role-ranking-negative-verdict-bonus",
        "pack.yaml",
        replace_once("verdict_bonus: [1.5, 0.75]", "verdict_bonus: [1.5, -0.75]"),
        ("verdict_bonus: [1.5, -0.75]",),
        "scoring.role_ranking.verdict_bonus[1]",
        "greater than or equal to 0",
    ),
    Fault(
        # the check of the whole list is reported at its parent mapping (or at the list itself)
        "plan-order-tier-repeated",
        "pack.yaml",
        replace_once(PLAN_ORDER, "plan_order: [high, basics, skill, medium, medium]"),
        ("\nscoring:", "medium, medium]"),
        r"scoring(\.plan_order)?",
        "plan_order lists high, basics, skill, medium and low once each",
        path_is_regex=True,
    ),
    Fault(
        "plan-order-tier-missing",
        "pack.yaml",
        replace_once(PLAN_ORDER, "plan_order: [high, basics, skill, medium]"),
        ("plan_order: [high, basics, skill, medium]",),
        "scoring.plan_order",
        "at least 5 items",
    ),
    Fault(
        "old-severity-weight",
        "pack.yaml",
        replace_once(PLAN_ORDER, PLAN_ORDER + "\n  severity_weight: {high: 6, medium: 3, low: 1}"),
        ("severity_weight: {high: 6",),
        "scoring.severity_weight",
        "unknown field",
    ),
    Fault(
        "role-old-modules-field",
        "roles.yaml",
        replace_once(USER_OPS_CORE, "    modules: {user: 3}\n" + USER_OPS_CORE),
        ("modules: {user: 3}",),
        "roles[1].modules",
        "unknown field",
    ),
    Fault(
        "role-core-unknown-competency",
        "roles.yaml",
        replace_once(
            USER_OPS_CORE, USER_OPS_CORE.replace("user.segmentation", "user.segmentashun")
        ),
        ("user.segmentashun",),
        "roles[1].core.user.segmentashun",
        "unknown competency 'user.segmentashun'",
    ),
    Fault(
        "role-helps-unknown-competency",
        "roles.yaml",
        replace_once(NEW_MEDIA_HELPS, NEW_MEDIA_HELPS.replace("segmentation", "segmentashun")),
        ("user.segmentashun",),
        "roles[4].helps.user.segmentashun",
        "unknown competency 'user.segmentashun'",
    ),
    Fault(
        # user.lifecycle is already core to user_ops; a record-level problem, at the role
        "role-core-and-helps",
        "roles.yaml",
        replace_once(USER_OPS_HELPS, USER_OPS_HELPS + "      user.lifecycle: 2\n"),
        ("  - id: user_ops",),
        "roles[1]",
        "a competency is either core or helps, not both: user.lifecycle",
    ),
    Fault(
        "step-unknown-competency",
        "modules/user.yaml",
        append(extra_step("user.telepathy", 1)),
        (PLANTED + "user.telepathy",),
        f"steps[{USER_STEPS}].competency",  # appended after the shipped ones
        "'user.telepathy' is not a competency of module 'user'",
    ),
    Fault(
        "step-of-another-module",
        "modules/user.yaml",
        append(extra_step("content.production", 1)),
        (PLANTED + "content.production",),
        f"steps[{USER_STEPS}].competency",
        "'content.production' is not a competency of module 'user'",
    ),
    Fault(
        # the variant (with `when`) stays and is pointed at: the default that should follow is gone
        "step-without-default",
        "modules/user.yaml",
        drop_entry(INCENTIVES_TO_3_DEFAULT),
        ("    source: [S8, S15, S22]\n\n  - competency: user.incentives",),
        f"steps[{step_index('user.incentives', 3, variant=True)}]",
        "competency 'user.incentives' needs a step to level 3 without 'when'",
    ),
    Fault(
        "step-after-its-default",
        "modules/user.yaml",
        append(
            extra_step(
                "user.segmentation",
                1,
                when="{question: role.employer, equals: platform}",
            )
        ),
        (PLANTED + "user.segmentation",),
        f"steps[{USER_STEPS}]",
        "a step to 1 for 'user.segmentation' after its default (the entry without 'when') "
        "is never chosen",
    ),
    Fault(
        "step-unknown-reading",
        "modules/user.yaml",
        replace_once(
            SEGMENTATION_TO_3_READING, SEGMENTATION_TO_3_READING.replace("growth]", "grwoth]")
        ),
        ("hacking_grwoth]",),
        f"steps[{step_index('user.segmentation', 3, variant=False)}].reading[1]",
        "unknown reading id 'hacking_grwoth'",
    ),
    Fault(
        "basics-unknown-reading",
        "modules/user.yaml",
        replace_once(
            "  reading: [cong_ling_kaishi, yunying_zhiguang]\n",
            "  reading: [cong_ling_kaishi, yunying_zhigunag]\n",
        ),
        ("yunying_zhigunag]",),
        "basics.reading[1]",
        "unknown reading id 'yunying_zhigunag'",
    ),
    Fault(
        "step-when-unknown-choice",
        "modules/user.yaml",
        replace_once(
            INCENTIVES_TO_3_VARIANT, INCENTIVES_TO_3_VARIANT.replace("platform}", "platfrom}")
        ),
        ("equals: platfrom}",),
        f"steps[{step_index('user.incentives', 3, variant=True)}].when.equals",
        "'platfrom' is not a choice of question 'role.employer'",
    ),
    Fault(
        "source-s25",
        "resume.yaml",
        replace_once(
            "    source: [S21]\n\n  - id: resume.prove_claims",
            "    source: [S25]\n\n  - id: resume.prove_claims",
        ),
        ("[S25]",),
        "rules[0].source[0]",
        "unknown source id 'S25' (the pack uses S1–S24)",
    ),
    Fault(
        "module-without-questions",
        "modules/user.yaml",
        _module_without_questions,
        ("questions: []",),
        "questions",
        "module 'user' has no questions",
    ),
    Fault(
        # pointing at either end of the alias is fine: the construct spans both lines
        "anchor-and-alias",
        "roles.yaml",
        chain(
            replace_once(COMMUNITY_OPS_HELPS, COMMUNITY_OPS_HELPS.replace("helps:", "helps: &h")),
            replace_once(USER_OPS_HELPS, "    helps: *h\n"),
        ),
        ("helps: &h", "helps: *h"),
        "",
        "anchors and aliases",
    ),
    Fault(
        "duplicate-mapping-key",
        "pack.yaml",
        append("\nid: another-pack\n"),
        ("id: another-pack",),
        "id",
        "duplicate key (first on line",
    ),
    Fault(
        "non-utf8-byte",
        "fit.yaml",
        replace_once("  zh: 公司与上级\n", "  zh: 公司与上级\udcff\n"),
        ("公司与上级\udcff",),
        "",
        "is not UTF-8 text (byte 0xff",
    ),
    Fault(
        "unknown-placeholder",
        "resume.yaml",
        replace_once("zh: 把日常职责压缩成一两行", "zh: 把日常职责{nonsense}压缩成一两行"),
        ("{nonsense}",),
        "rules[0].advice.zh",
        "unknown placeholder {nonsense}",
    ),
    Fault(
        "tie-order-unknown-verdict",
        "diagnosis.yaml",
        replace_once(
            TIE_ORDER, TIE_ORDER.replace("[content_review,", "[social_ops, content_review,")
        ),
        ("[social_ops",),
        "tie_order[0]",
        "unknown verdict 'social_ops'",
    ),
    Fault(
        # every verdict must have its place, or a tie would fall back to file order
        "tie-order-missing-verdict",
        "diagnosis.yaml",
        replace_once(TIE_ORDER, TIE_ORDER.replace("partnerships, ", "")),
        ("tie_order: [",),
        "tie_order",
        "tie_order must list every verdict (missing: partnerships)",
    ),
    Fault(
        "tie-order-verdict-twice",
        "diagnosis.yaml",
        replace_once(
            TIE_ORDER, TIE_ORDER.replace("[content_review,", "[content_review, content_review,")
        ),
        ("tie_order: [",),
        "tie_order[1]",
        "verdict 'content_review' is listed twice",
    ),
    Fault(
        "remap-unknown-competency",
        "diagnosis.yaml",
        replace_once(
            TRAFFIC_REMAP, TRAFFIC_REMAP.replace("activity.mechanics", "activity.mechanix")
        ),
        ("activity.mechanix]",),
        f"verdicts[{TRAFFIC}].remap[3]",
        "unknown competency 'activity.mechanix'",
    ),
    Fault(
        # a module id is no longer enough: the re-map names competencies (S13)
        "remap-names-a-module",
        "diagnosis.yaml",
        replace_once(TRAFFIC_REMAP, "remap: [user, content, activity]"),
        ("remap: [user, content, activity]",),
        f"verdicts[{TRAFFIC}].remap[0]",
        "unknown competency 'user'",
        problems=3,
    ),
    Fault(
        "before-unknown-finding",
        "fit.yaml",
        replace_once(
            NOT_INTERNET_BEFORE, NOT_INTERNET_BEFORE.replace("kpi_indirect", "kpi_indrect")
        ),
        ("fit.kpi_indrect]",),
        f"findings[{NOT_INTERNET}].before[1]",
        "unknown finding 'fit.kpi_indrect'",
    ),
    Fault(
        "points-to-unknown-role",
        "fit.yaml",
        replace_once(REVIEW_POINTS_TO, REVIEW_POINTS_TO.replace("user_ops]", "users_ops]")),
        ("users_ops]",),
        f"findings[{REVIEW_STONE}].points_to[1]",
        "unknown role 'users_ops'",
    ),
    Fault(
        # the check of the whole list is reported at its parent mapping (or at the list itself)
        "outlook-order-repeated",
        "pack.yaml",
        replace_once(OUTLOOK_ORDER, "outlook_order: [favoured, standard, tool, tool]"),
        ("  role_ranking:", "tool, tool]"),
        r"scoring\.role_ranking(\.outlook_order)?",
        "outlook_order lists favoured, standard, tool and fallback once each",
        path_is_regex=True,
    ),
    Fault(
        "outlook-order-unknown-outlook",
        "pack.yaml",
        replace_once(OUTLOOK_ORDER, "outlook_order: [favoured, standard, tool, fallbak]"),
        ("fallbak]",),
        "scoring.role_ranking.outlook_order[3]",
        "'fallback'",
    ),
    Fault(
        "outlook-order-missing",
        "pack.yaml",
        replace_once(OUTLOOK_ORDER, "outlook_order: [favoured, standard, fallback]"),
        ("outlook_order: [favoured, standard, fallback]",),
        "scoring.role_ranking.outlook_order",
        "at least 4 items",
    ),
    Fault(
        "reach-steps-negative",
        "pack.yaml",
        replace_once("reach_steps: 6", "reach_steps: -1"),
        ("reach_steps: -1",),
        "scoring.role_ranking.reach_steps",
        "greater than or equal to 0",
    ),
]
FAULT = {f.id: f for f in FAULTS}

UNSAFE_TAGS = [
    '!!python/object/apply:os.system ["echo pwned > {tmp}/pwned"]',
    '!!python/object/apply:subprocess.call [["touch", "{tmp}/pwned"]]',
    '!!python/object/new:subprocess.Popen [["touch", "{tmp}/pwned"]]',
]


# ---------------------------------------------------------------- one fault at a time


@pytest.mark.parametrize("fault", FAULTS, ids=[f.id for f in FAULTS])
def test_planted_fault_is_reported_with_its_location(fault: Fault, rules_copy: Path) -> None:
    lines = fault.plant(rules_copy)

    result = check(rules_copy)

    assert result.exit_code == 3, result.stdout + result.stderr
    assert_reported(result.stdout, fault, rules_copy, lines)
    assert f"careerfix: {plural('pack_problems', 'en', fault.problems)}" in result.stderr, (
        result.stdout
    )


def test_empty_file_is_reported(rules_copy: Path) -> None:
    (rules_copy / "resume.yaml").write_bytes(b"")

    result = check(rules_copy)

    assert result.exit_code == 3
    # an empty file has no line to point at: the file alone, or its first line, will do
    where = re.escape(str(rules_copy / "resume.yaml"))
    assert re.search(rf"^{where}(?::1:1)?: file is empty$", result.stdout, re.MULTILINE)


def test_comment_only_file_counts_as_empty(rules_copy: Path) -> None:
    (rules_copy / "roles.yaml").write_text("# nothing but a comment\n", encoding="utf-8")

    result = check(rules_copy)

    assert result.exit_code == 3
    where = re.escape(str(rules_copy / "roles.yaml"))
    assert re.search(rf"^{where}(?::1:1)?: file is empty$", result.stdout, re.MULTILINE)


@pytest.mark.parametrize("tag", UNSAFE_TAGS, ids=["os.system", "subprocess.call", "Popen"])
def test_unsafe_tag_is_rejected_and_never_run(tag: str, tmp_path: Path, rules_copy: Path) -> None:
    payload = tag.replace("{tmp}", str(tmp_path))
    roles = rules_copy / "roles.yaml"
    text = read_pack_file(roles) + f"\nextra: {payload}\n"
    write_pack_file(roles, text)

    result = check(rules_copy)

    assert result.exit_code == 3
    line = line_of(text, payload)
    pattern = rf"^{re.escape(str(roles))}:{line}:\d+: .*unsafe or unknown YAML tag rejected"
    assert re.search(pattern, result.stdout, re.MULTILINE), result.stdout
    assert not (tmp_path / "pwned").exists(), "the YAML tag was executed"


def test_unsafe_tag_payload_is_live(tmp_path: Path) -> None:
    """Control for the test above: an unsafe loader really would run the first payload."""
    payload = UNSAFE_TAGS[0].replace("{tmp}", str(tmp_path))
    yaml.load(f"extra: {payload}\n", Loader=yaml.UnsafeLoader)  # deliberately unsafe
    assert (tmp_path / "pwned").exists()


# ---------------------------------------------------------------- every problem at once


TWO_FAULTS = [
    pytest.param("unknown-field", "yaml-syntax-error", id="two-file-level-faults"),
    pytest.param("role-core-unknown-competency", "source-s25", id="two-cross-file-faults"),
    pytest.param(
        "role-core-unknown-competency", "step-unknown-reading", id="role-and-step-cross-file-faults"
    ),
    pytest.param(
        "missing-en-text",
        "unknown-field",
        id="broken-pack-yaml-and-module-fault",
    ),
    pytest.param(
        "unknown-field",
        "source-s25",
        id="file-level-and-cross-file-fault",
    ),
]


@pytest.mark.parametrize(("first", "second"), TWO_FAULTS)
def test_two_faults_in_different_files_are_both_reported(
    first: str, second: str, rules_copy: Path
) -> None:
    a, b = FAULT[first], FAULT[second]
    assert a.file != b.file
    lines_a = a.plant(rules_copy)
    lines_b = b.plant(rules_copy)

    result = check(rules_copy)

    assert result.exit_code == 3
    assert_reported(result.stdout, a, rules_copy, lines_a)
    assert_reported(result.stdout, b, rules_copy, lines_b)
    assert "2 problems in the rules pack" in result.stderr


def test_problems_are_listed_one_per_line_in_file_order(rules_copy: Path) -> None:
    for fault_id in ("unknown-field", "yaml-syntax-error", "empty-zh-text"):
        FAULT[fault_id].plant(rules_copy)

    result = check(rules_copy)

    rows = result.stdout.splitlines()
    assert len(rows) == 3, result.stdout
    files = [row.split(":", 1)[0] for row in rows]
    assert files == sorted(files)
    assert "3 problems in the rules pack" in result.stderr


# ---------------------------------------------------------------- the shipped pack, bad arguments


def test_shipped_pack_passes(no_rules_env: None) -> None:
    result = run_cli("rules", "check", "--lang", "en")

    assert_no_traceback(result)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout == ""
    match = re.search(r"rules pack is valid: careerfix-ops \S+ \((.+)\)", result.stderr)
    assert match, result.stderr
    assert (Path(match.group(1)) / "pack.yaml").is_file()


def test_shipped_pack_checks_clean_through_the_api(shipped_rules: Path) -> None:
    pack, problems = check_pack(shipped_rules)
    assert problems == []
    assert pack is not None and pack.id == "careerfix-ops"


def test_copied_pack_passes_when_untouched(rules_copy: Path) -> None:
    """The fault tests' baseline: every failure above comes from the planted fault."""
    result = check(rules_copy)
    assert result.exit_code == 0, result.stdout
    assert str(rules_copy) in result.stderr


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_check_of_a_non_directory_exits_1(kind: str, tmp_path: Path) -> None:
    target = Path("/no/such/dir") if kind == "missing" else tmp_path / "pack.yaml"
    if kind == "file":
        target.write_text("id: x\n", encoding="utf-8")

    result = run_cli("rules", "check", str(target))

    assert_no_traceback(result)
    assert result.exit_code == 1
    assert f"rules pack not found: {target}" in result.stderr
    assert "not a directory" in result.stderr
    assert result.stdout == ""


def test_env_var_pointing_nowhere_is_named_in_the_message(tmp_path: Path) -> None:
    missing = tmp_path / "gone"
    result = run_cli("rules", "check", env={"CAREERFIX_RULES": str(missing)})

    assert_no_traceback(result)
    assert result.exit_code == 1
    assert str(missing) in result.stderr


# ---------------------------------------------------------------- sources cover the domain


def _source_ids_in(data: object) -> set[str]:
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "source" and isinstance(value, list):
                found.update(str(v) for v in value)
            else:
                found |= _source_ids_in(value)
    elif isinstance(data, list):
        for value in data:
            found |= _source_ids_in(value)
    return found


def test_every_domain_source_is_cited_by_the_shipped_pack(
    repo_root: Path, shipped_rules: Path
) -> None:
    domain = repo_root.parent / "shared" / "domain.md"
    if not domain.is_file():
        pytest.skip(f"{domain} is absent (the shared domain notes live outside this repository)")
    domain_ids = {f"S{n}" for n in re.findall(r"\*\*S(\d+)\*\*", domain.read_text("utf-8"))}
    assert domain_ids, f"no **S<n>** source ids found in {domain}"

    pack = load_pack(shipped_rules)  # the pack must load before its citations mean anything
    cited: set[str] = set()
    for path in sorted(shipped_rules.rglob("*.yaml")):
        cited |= _source_ids_in(yaml.safe_load(path.read_text("utf-8")))

    assert not domain_ids - cited, f"never cited in a source: list: {sorted(domain_ids - cited)}"
    assert cited <= set(pack.meta.sources)


# ---------------------------------------------------------------- rules show


WIDE: dict[str, str | None] = {"CAREERFIX_WIDTH": "200"}


def test_rules_show_lists_every_module_and_role(shipped_rules: Path) -> None:
    pack = load_pack(shipped_rules)

    result = run_cli("rules", "show", "--rules", str(shipped_rules), "--lang", "en", env=WIDE)

    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    for module_id in pack.meta.modules:  # each module heading names its id in full
        assert re.search(rf"  {re.escape(module_id)}  ·", result.stdout), module_id
    for cid in pack.competencies:  # every competency id, whole, at the start of its row
        assert re.search(rf"^ +{re.escape(cid)} ", result.stdout, re.M), cid
    flat = " ".join(result.stdout.split())  # a role's Core line may wrap even at 200 columns
    for role in pack.roles.roles:  # each role heading: its name, then its id in full
        assert re.search(
            rf"^  {re.escape(role.name.en)}  {re.escape(role.id)}  ", result.stdout, re.M
        )
        for label, needs in (("Core", role.core), ("Helps", role.helps)):
            listed = " · ".join(
                f"{pack.competencies[c].name.en} level {n}" for c, n in needs.items()
            )
            assert not needs or f"{label}: {listed}" in flat, (role.id, label)
    assert "User operations" in result.stdout


def test_rules_show_in_chinese(shipped_rules: Path) -> None:
    result = run_cli("rules", "show", "--rules", str(shipped_rules), "--lang", "zh", env=WIDE)

    assert_no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert "用户运营" in result.stdout
    assert "User operations" not in result.stdout


def test_rules_show_role_ids_survive_an_80_column_terminal(shipped_rules: Path) -> None:
    pack = load_pack(shipped_rules)

    result = run_cli(
        "rules",
        "show",
        "--rules",
        str(shipped_rules),
        "--lang",
        "en",
        env={"CAREERFIX_WIDTH": "80"},
    )

    assert result.exit_code == 0
    missing = [
        r.id
        for r in pack.roles.roles
        if not re.search(
            rf"^  {re.escape(r.name.en)}  {re.escape(r.id)}(  |$)", result.stdout, re.M
        )
    ]
    assert missing == []


def test_rules_show_of_a_broken_pack_exits_3_with_the_location(rules_copy: Path) -> None:
    fault = FAULT["source-s25"]
    lines = fault.plant(rules_copy)

    result = run_cli("rules", "show", "--rules", str(rules_copy), "--lang", "en")

    assert_no_traceback(result)
    assert result.exit_code == 3
    assert f"careerfix: {rules_copy / fault.file}:{lines[0]}:" in result.stderr
