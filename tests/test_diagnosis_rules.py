"""Table-driven tests of the role-diagnosis and fit rules (S1–S5, S9–S10, S12, S13, S16–S20).

For each verdict and each finding: a minimal set of answers that must produce it, and a near miss
(one fact changed, or a stronger competing signal) that must not. Then the notes a diagnosis adds,
the plan's order, and the ranking of the target roles: one person per role for whom it comes first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from careerfix.engine import assess
from careerfix.engine.targets import suggest
from careerfix.models.answers import Answers
from careerfix.models.assessment import Assessment, Reason
from careerfix.models.pack import RulePack
from careerfix.render.build import build_report
from careerfix.rules import load_pack


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def rule_id(reason: Reason) -> str:
    """The report's name of a reason: its verdict and the signal's position."""
    return f"{reason.verdict}.signals[{reason.signal}]"


def given(pack: RulePack, answers: dict[str, Any]) -> Answers:
    return Answers(pack=pack.id, pack_version=pack.version, answers=answers, evidence={})


def run(pack: RulePack, answers: dict[str, Any], target: str | None = None) -> Assessment:
    return assess(pack, given(pack, answers), target)


def shown(result: Assessment) -> list[str]:
    return [v.id for v in result.diagnosis.verdicts]


def module_answers(pack: RulePack, module: str, value: str) -> dict[str, str]:
    return {q.id: value for q in pack.module_by_id[module].questions}


def all_modules(pack: RulePack, value: str) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for module in pack.module_by_id:
        answers |= module_answers(pack, module, value)
    return answers


def at_levels(pack: RulePack, levels: dict[str, int], rest: int | None = 0) -> dict[str, str]:
    """Experience answers putting each competency at ``levels`` (the others at ``rest``; None
    leaves them unanswered)."""
    answers: dict[str, str] = {}
    for module in pack.module_by_id.values():
        for q in module.questions:
            level = levels.get(q.competency or "", rest)
            if level is not None:
                answers[q.id] = next(c.value for c in q.choices if c.level == level)
    return answers


def signal_on(pack: RulePack, verdict: str, question: str) -> int:
    """Index of the verdict's (first) signal that tests ``question`` directly."""
    signals = pack.verdict_by_id[verdict].signals
    return next(i for i, s in enumerate(signals) if s.when.question == question)


# ---------------------------------------------------------------- verdicts


VERDICTS = [
    # (verdict, answers that must produce it as the verdict, a near miss that must not show it)
    pytest.param(
        "community_ops",
        {"role.employer": "platform", "role.owns": ["kols"]},
        # the same work for a brand on someone else's platform is not community ops (S2/S3)
        {"role.employer": "publisher", "role.owns": ["kols"]},
        id="community_ops",
    ),
    pytest.param(
        "community_ops",
        {"role.employer": "platform", "role.owns": ["activities"], "role.kpi": "section_dau"},
        # platform staff measured on section DAU, owning no users, content or activities (S1/S2)
        {"role.employer": "platform", "role.kpi": "section_dau"},
        id="community_ops-not-on-staff-and-section-dau-alone",
    ),
    pytest.param(
        "group_ops",
        {"role.owns": ["groups"], "role.groups": "others_tools"},
        # circles inside the platform's own product, run by its staff: community ops (S4/S5)
        {
            "role.employer": "platform",
            "role.owns": ["groups", "kols"],
            "role.groups": "own_product",
        },
        id="group_ops",
    ),
    pytest.param(
        "new_media",
        {"role.employer": "publisher", "role.owns": ["accounts"]},
        # a publisher whose work is chat groups sold into: group ops, not new media
        {"role.employer": "publisher", "role.owns": ["groups"], "role.groups": "others_tools"},
        id="new_media",
    ),
    pytest.param(
        "content_review",
        {"role.owns": ["content_safety"], "role.kpi": "review_volume"},
        # review is part of a platform job that owns KOLs and the content chain
        {
            "role.employer": "platform",
            "role.owns": ["content_safety", "kols", "content_chain"],
            "role.kpi": "quality_content",
        },
        id="content_review",
    ),
    pytest.param(
        "customer_service",
        {"role.owns": ["customer_service"], "role.kpi": "service_metrics"},
        {
            "role.employer": "platform",
            "role.owns": ["customer_service", "kols", "activities"],
            "role.kpi": "section_dau",
        },
        id="customer_service",
    ),
    pytest.param(
        "partnerships",
        {"role.owns": ["partnerships"], "role.kpi": "deals"},
        {
            "role.employer": "publisher",
            "role.owns": ["partnerships", "accounts"],
            "role.kpi": "followers_reads",
        },
        id="partnerships",
    ),
    pytest.param(
        "user_ops_outside",
        {"role.employer": "publisher", "role.owns": ["members"]},
        # the same member work on a platform's own staff is not user ops *outside* a platform
        {"role.employer": "platform", "role.owns": ["members"]},
        id="user_ops_outside",
    ),
    pytest.param(
        "user_ops_outside",
        {"role.employer": "outside_internet", "role.owns": ["incentives"], "role.kpi": "retention"},
        # perks handed out in WeChat groups, measured on group sales: group ops is stronger
        {
            "role.employer": "publisher",
            "role.owns": ["groups", "incentives"],
            "role.groups": "others_tools",
            "role.kpi": "group_sales",
        },
        id="user_ops_outside-incentives-vs-group-sales",
    ),
    pytest.param(
        "product_ops",
        {"role.owns": ["product_feedback"], "user.feedback_work": "owned"},
        {
            "role.employer": "platform",
            "role.owns": ["product_feedback", "kols", "content_chain", "activities"],
            "role.kpi": "section_dau",
        },
        id="product_ops",
    ),
    pytest.param(
        "product_ops",
        {"role.kpi": "feature_adoption", "role.owns": ["product_feedback"]},
        # measured on feature adoption but owning members at a brand: user ops outside a platform
        {
            "role.kpi": "feature_adoption",
            "role.owns": ["members", "incentives"],
            "role.employer": "publisher",
        },
        id="product_ops-feature-adoption",
    ),
    pytest.param(
        "traffic_ops",
        {"role.traffic_label": "only_traffic"},
        # a traffic target met through activity work is not "traffic ops" (S13)
        {"role.traffic_label": "traffic_via_modules", "role.owns": ["traffic_kpi", "activities"]},
        id="traffic_ops",
    ),
    pytest.param(
        "traffic_ops",
        {"role.owns": ["traffic_kpi"]},
        # a traffic number carried through member work is user ops (S13)
        {"role.owns": ["traffic_kpi", "members"], "role.employer": "publisher"},
        id="traffic_ops-traffic-kpi-vs-members",
    ),
]


@pytest.mark.parametrize(("verdict", "hit", "near_miss"), VERDICTS)
def test_verdict_and_its_near_miss(
    pack: RulePack, verdict: str, hit: dict[str, Any], near_miss: dict[str, Any]
) -> None:
    produced = run(pack, hit)
    assert shown(produced)[:1] == [verdict], produced.diagnosis
    assert produced.diagnosis.ambiguous is False
    reasons = produced.diagnosis.verdicts[0].reasons
    assert reasons and all(r.sources for r in reasons)
    assert all(rule_id(r).startswith(f"{verdict}.signals[") for r in reasons)

    missed = run(pack, near_miss)
    assert verdict not in shown(missed), missed.diagnosis


def test_every_verdict_in_the_pack_is_covered_by_the_table(pack: RulePack) -> None:
    covered = {p.values[0] for p in VERDICTS}
    assert covered == {v.id for v in pack.diagnosis.verdicts}


def test_platform_staff_and_section_dau_alone_are_not_community_ops(pack: RulePack) -> None:
    alone = {"role.employer": "platform", "role.kpi": "section_dau"}
    assert run(pack, alone).diagnosis.verdicts == ()
    # carrying the number and owning nothing concrete is traffic ops (S13)
    assert shown(run(pack, {**alone, "role.owns": ["traffic_kpi"]})) == ["traffic_ops"]
    # owning users (KOLs, members and their incentives: S8a), the content chain or activities is
    # what makes it community ops (S1/S2) ...
    owning = ("kols", "content_chain", "activities", "members", "incentives")
    for owned in owning:
        assert shown(run(pack, {**alone, "role.owns": [owned]})) == ["community_ops"], owned
    # ... and nothing else a platform employee may own does
    others = [c.value for c in pack.questions["role.owns"].choices if not c.unknown]
    for owned in sorted(set(others) - set(owning)):
        result = run(pack, {**alone, "role.owns": [owned]})
        assert "community_ops" not in shown(result), owned


def test_a_platform_user_operator_and_a_brands_member_operator(pack: RulePack) -> None:
    user_work = module_answers(pack, "user", "owned")
    brand = {
        "role.title": "user_ops",
        "role.employer": "publisher",
        "role.owns": ["members", "incentives"],
        "role.kpi": "retention",
        **user_work,
    }
    platform = {**brand, "role.employer": "platform", "role.owns": ["kols", "members"]}

    at_brand = run(pack, brand)
    # user ops, not product ops, and the title is not contradicted
    assert shown(at_brand) == ["user_ops_outside"] and not at_brand.diagnosis.ambiguous
    assert at_brand.diagnosis.mismatch is False
    by_rule = {rule_id(r): r for r in at_brand.diagnosis.verdicts[0].reasons}
    rule = {
        q: f"user_ops_outside.signals[{signal_on(pack, 'user_ops_outside', q)}]"
        for q in ("role.owns", "role.kpi", "role.employer")
    }
    assert set(rule.values()) <= set(by_rule)  # what they own, what they are measured on ...
    # ... and that they are not on a platform's staff, a reason of its own citing S1/S3
    employer = by_rule[rule["role.employer"]]
    assert {"S1", "S3"} <= set(employer.sources)

    on_platform = run(pack, platform)
    assert shown(on_platform) == ["community_ops"]
    assert on_platform.diagnosis.mismatch is False  # community ops covers a user-ops title
    # both are pointed at user ops; for the brand it grows from the verdict itself
    assert at_brand.target == on_platform.target == "user_ops"
    assert pack.role_by_id["user_ops"].verdicts[0] == "user_ops_outside"
    fits = {r.role: r for r in at_brand.roles}
    assert fits["user_ops"].verdict_match and fits["user_ops"].steps == 0


NOT_PLATFORM_WORK = [
    pytest.param(
        "content_review",
        {"role.owns": ["content_safety"], "role.kpi": "review_volume"},
        id="review",
    ),
    pytest.param(
        "customer_service",
        {"role.owns": ["customer_service"], "role.kpi": "service_metrics"},
        id="service",
    ),
    pytest.param(
        "partnerships", {"role.owns": ["partnerships"], "role.kpi": "deals"}, id="partnerships"
    ),
]


@pytest.mark.parametrize(("verdict", "work"), NOT_PLATFORM_WORK)
def test_reasons_say_why_it_is_not_community_ops(
    pack: RulePack, verdict: str, work: dict[str, Any]
) -> None:
    owns = f"{verdict}.signals[{signal_on(pack, verdict, 'role.owns')}]"
    employer = f"{verdict}.signals[{signal_on(pack, verdict, 'role.employer')}]"
    for where in ("publisher", "outside_internet"):
        answers = {**work, "role.title": "community_ops", "role.employer": where}
        result = run(pack, answers)
        assert shown(result) == [verdict], where
        assert result.diagnosis.mismatch is True  # titled community ops
        by_rule = {rule_id(r): r for r in result.diagnosis.verdicts[0].reasons}
        assert "S2" in by_rule[owns].sources  # the work itself is not community ops (S2)
        assert {"S1", "S3"} <= set(by_rule[employer].sources)  # nor are they platform staff
        report = build_report(pack, given(pack, answers), result, "en")
        texts = [reason.text for reason in report.diagnosis.verdicts[0].reasons]
        index = int(employer.rsplit("[", 1)[1].rstrip("]"))
        assert pack.verdict_by_id[verdict].signals[index].reason.en in texts
    # on a platform's staff the same work is still not community ops, but that reason is not given
    on_staff = run(pack, {**work, "role.employer": "platform"})
    assert shown(on_staff) == [verdict]
    assert employer not in {rule_id(r) for r in on_staff.diagnosis.verdicts[0].reasons}


def test_close_scores_give_the_two_closest_verdicts_not_a_guess(pack: RulePack) -> None:
    # Platform staff who own KOLs but only ever say "traffic": 4 against 3.
    result = run(
        pack,
        {
            "role.employer": "platform",
            "role.owns": ["kols"],
            "role.traffic_label": "only_traffic",
        },
    )
    assert result.diagnosis.ambiguous is True
    assert shown(result) == ["community_ops", "traffic_ops"]  # the higher score first
    scores = [v.score for v in result.diagnosis.verdicts]
    assert scores[1] >= pack.meta.scoring.ambiguity_ratio * scores[0]


# Platform staff who own KOLs and run WeChat groups: community ops 2 + 2, group ops 2 + 2.
TIE = {"role.employer": "platform", "role.owns": ["kols", "groups"], "role.groups": "others_tools"}


def test_a_tie_is_broken_by_tie_order_not_by_file_order(pack: RulePack) -> None:
    result = run(pack, TIE)
    community, group = result.diagnosis.verdicts[1], result.diagnosis.verdicts[0]
    assert (group.id, community.id) == ("group_ops", "community_ops")
    assert group.score == community.score and result.diagnosis.ambiguous
    # the file lists community ops first; only tie_order puts group ops ahead
    ids = [v.id for v in pack.diagnosis.verdicts]
    assert ids.index("community_ops") < ids.index("group_ops")
    tie = pack.diagnosis.tie_order
    assert tie.index("group_ops") < tie.index("community_ops")
    # the first verdict is the one the role ranking treats as the person's job
    fits = {r.role: r for r in run(pack, {**TIE, **all_modules(pack, "owned")}).roles}
    assert fits["group_ops"].fit - fits["community_ops"].fit == pytest.approx(
        pack.meta.scoring.role_ranking.verdict_bonus[0]
        - pack.meta.scoring.role_ranking.verdict_bonus[1]
    )


def test_changing_tie_order_flips_the_tie(rules_copy: Path) -> None:
    diagnosis = rules_copy / "diagnosis.yaml"
    text = diagnosis.read_text("utf-8")
    shipped = load_pack(rules_copy).diagnosis.tie_order
    line = f"tie_order: [{', '.join(shipped)}]"
    assert text.count(line) == 1
    flipped = ["community_ops", *(v for v in shipped if v != "community_ops")]
    diagnosis.write_text(text.replace(line, f"tie_order: [{', '.join(flipped)}]"), "utf-8")
    reordered = load_pack(rules_copy)

    assert shown(run(reordered, TIE)) == ["community_ops", "group_ops"]


def test_no_role_answers_give_no_verdict(pack: RulePack) -> None:
    result = run(pack, {"user.kol_work": "owned"})
    assert result.diagnosis.verdicts == ()


def test_title_and_work_disagree(pack: RulePack) -> None:
    review_work = {"role.owns": ["content_safety"], "role.kpi": "review_volume"}
    titled = run(pack, {**review_work, "role.title": "community_ops"})
    assert titled.diagnosis.mismatch is True
    honest = run(pack, {**review_work, "role.title": "content_review"})
    assert honest.diagnosis.mismatch is False
    # A title no verdict claims says nothing either way.
    other = run(pack, {**review_work, "role.title": "other"})
    assert other.diagnosis.mismatch is False


# ---------------------------------------------------------------- the notes of a diagnosis


def _reported(pack: RulePack, answers: dict[str, Any], lang: str) -> tuple[Assessment, Any]:
    """The assessment and the report's diagnosis section."""
    result = run(pack, answers)
    return result, build_report(pack, given(pack, answers), result, lang).diagnosis


ASK_CASES = [
    # (answers, status, the settling questions still open)
    pytest.param(TIE, "ambiguous", ["role.kpi"], id="ambiguous-kpi-open"),
    pytest.param(
        {"role.owns": ["content_safety", "customer_service"]},
        "ambiguous",
        ["role.employer", "role.kpi", "role.groups"],
        id="ambiguous-only-owns-answered",
    ),
    pytest.param(
        # "not sure" leaves a question open
        {"role.owns": ["content_safety", "customer_service"], "role.kpi": "unsure"},
        "ambiguous",
        ["role.employer", "role.kpi", "role.groups"],
        id="ambiguous-unsure-kpi",
    ),
    pytest.param(
        {"user.kol_work": "owned", "role.groups": "no_groups"},
        "undetermined",
        ["role.employer", "role.owns", "role.kpi"],
        id="undetermined",
    ),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("answers", "status", "open_questions"), ASK_CASES)
def test_the_note_asks_only_for_unanswered_settling_questions(
    pack: RulePack, answers: dict[str, Any], status: str, open_questions: list[str], lang: str
) -> None:
    spec = pack.diagnosis
    assert set(open_questions) <= set(spec.settling_questions)
    result, out = _reported(pack, answers, lang)
    assert list(result.diagnosis.unanswered) == open_questions
    assert out.status == status
    note = out.notes[0]
    for qid, name in spec.settling_questions.items():
        assert (name.get(lang) in note) is (qid in open_questions), (qid, note)
    assert spec.settled_note.get(lang) not in note
    head = spec.ambiguous_note if status == "ambiguous" else spec.undetermined
    assert note.startswith(head.get(lang).split("{", 1)[0])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_ambiguity_note_says_it_is_settled_when_all_is_answered(
    pack: RulePack, lang: str
) -> None:
    spec = pack.diagnosis
    answers = {**TIE, "role.kpi": "no_number"}  # still 4 against 4
    result, out = _reported(pack, answers, lang)
    assert result.diagnosis.ambiguous and result.diagnosis.unanswered == ()
    note = out.notes[0]
    assert note.endswith(spec.settled_note.get(lang))
    for name in spec.settling_questions.values():
        assert name.get(lang) not in note
    assert spec.ask_note.get(lang).split("{", 1)[0] not in note
    # a clear verdict has no such note at all
    _, clear = _reported(pack, {"role.employer": "platform", "role.owns": ["kols"]}, lang)
    assert clear.status == "clear" and clear.notes == []


# ---------------------------------------------------------------- the traffic re-map (S13)


def test_traffic_ops_is_remapped_onto_competencies_of_the_three_base_modules(
    pack: RulePack,
) -> None:
    answers = {
        "role.traffic_label": "only_traffic",
        "activity.plan_work": "owned",
        "activity.mechanics_work": "owned",
        "content.distribution_work": "did",
        "user.lifecycle_work": "helped",
        # user.segmentation is left unanswered
    }
    result = run(pack, answers)
    assert shown(result) == ["traffic_ops"]
    remap = pack.verdict_by_id["traffic_ops"].remap
    base = {mid for mid, mf in pack.module_by_id.items() if mf.module.base}
    assert base == {"user", "content", "activity"}
    # named competencies, every base module among them, nothing outside them
    assert {pack.competency_module[c] for c in remap} == base
    levels = {c.id: c.level for c in result.competencies}
    assert result.diagnosis.remap == tuple((c, levels[c]) for c in remap)
    assert dict(result.diagnosis.remap)["user.segmentation"] is None
    assert dict(result.diagnosis.remap)["activity.mechanics"] == 3

    for lang in ("en", "zh"):
        out = build_report(pack, given(pack, answers), result, lang).diagnosis
        assert out.remap_note == pack.diagnosis.remap_note.get(lang)
        assert [
            (item.competency, item.name, item.module, item.module_name, item.level)
            for item in out.remap
        ] == [
            (
                c,
                pack.competencies[c].name.get(lang),
                pack.competency_module[c],
                pack.module_by_id[pack.competency_module[c]].module.name.get(lang),
                levels[c],
            )
            for c in remap
        ]


def test_only_the_traffic_verdict_is_remapped(pack: RulePack) -> None:
    answers = {"role.employer": "platform", "role.owns": ["kols"], **all_modules(pack, "did")}
    result = run(pack, answers)
    assert shown(result) == ["community_ops"] and result.diagnosis.remap == ()
    assert build_report(pack, given(pack, answers), result, "en").diagnosis.remap_note is None


# ---------------------------------------------------------------- findings


FINDINGS = [
    # (finding, answers that must produce it, a near miss that must not)
    pytest.param(
        "fit.platform_outside_core",
        {"role.employer": "platform", "fit.department": "support"},
        {"role.employer": "platform", "fit.department": "core"},
        id="fit.platform_outside_core",
    ),
    pytest.param(
        "fit.platform_outside_core",
        {"role.employer": "platform", "fit.department": "trial"},
        # a support team at a brand is not inside a platform: the plain outside-core move
        {"role.employer": "publisher", "fit.department": "trial"},
        id="fit.platform_outside_core-brand",
    ),
    pytest.param(
        "fit.outside_core",
        {"fit.department": "support"},
        {"fit.department": "core"},
        id="fit.outside_core",
    ),
    pytest.param(
        "fit.outside_core",
        {"role.employer": "publisher", "fit.department": "trial"},
        # on a platform's staff the move is an internal one (fit.platform_outside_core)
        {"role.employer": "platform", "fit.department": "trial"},
        id="fit.outside_core-platform-staff",
    ),
    pytest.param(
        "fit.outside_core",
        {"fit.department": "support", "fit.company_kind": "consumer_online"},
        # at a traditional firm the core department teaches little: the move is out (S17)
        {"fit.department": "support", "fit.company_kind": "traditional_online"},
        id="fit.outside_core-traditional-firm",
    ),
    pytest.param(
        "fit.core_department",
        {"fit.department": "core"},
        {"fit.department": "unsure"},
        id="fit.core_department",
    ),
    pytest.param(
        "fit.far_from_core_kpi",
        {"fit.core_kpi": "unrelated"},
        {"fit.core_kpi": "indirect"},
        id="fit.far_from_core_kpi",
    ),
    pytest.param(
        "fit.kpi_indirect",
        {"fit.core_kpi": "indirect"},
        {"fit.core_kpi": "direct"},
        id="fit.kpi_indirect",
    ),
    pytest.param(
        "fit.owns_core_kpi",
        {"fit.core_kpi": "direct"},
        {"fit.core_kpi": "indirect"},
        id="fit.owns_core_kpi",
    ),
    pytest.param(
        "fit.not_internet_company",
        {"fit.company_kind": "traditional_online"},
        {"fit.company_kind": "internet_product"},
        id="fit.not_internet_company",
    ),
    pytest.param(
        "fit.not_internet_company",
        {"fit.company_kind": "traditional"},
        # a consumer brand selling online is not a traditional firm
        {"fit.company_kind": "consumer_online"},
        id="fit.not_internet_company-consumer-brand",
    ),
    pytest.param(
        "fit.no_platform_years",
        {"fit.platform_years": "never"},
        {"fit.platform_years": "under_two_years"},
        id="fit.no_platform_years",
    ),
    pytest.param(
        "fit.review_stepping_stone",
        {"role.owns": ["content_safety"]},
        {"role.owns": ["content_safety", "content_chain"]},
        id="fit.review_stepping_stone",
    ),
    pytest.param(
        "fit.next_leader",
        {"fit.leader_checked": "not_checked"},
        {"fit.leader_checked": "checked"},
        id="fit.next_leader-unchecked",
    ),
    pytest.param(
        "fit.next_leader",
        {"fit.leader_background": "traditional", "fit.leader_checked": "checked"},
        {"fit.leader_background": "mixed", "fit.leader_checked": "checked"},
        id="fit.next_leader-traditional-leader",
    ),
    pytest.param(
        "fit.low_interest",
        {"fit.self_study": "rarely"},
        {"fit.self_study": "sometimes"},
        id="fit.low_interest",
    ),
    pytest.param(
        "fit.clear_interest",
        {"fit.self_study": "regularly", "fit.interests": ["content"]},
        {"fit.self_study": "regularly", "fit.interests": ["none_yet"]},
        id="fit.clear_interest",
    ),
]


@pytest.mark.parametrize(("finding", "hit", "near_miss"), FINDINGS)
def test_finding_and_its_near_miss(
    pack: RulePack, finding: str, hit: dict[str, Any], near_miss: dict[str, Any]
) -> None:
    produced = run(pack, hit)
    found = {f.id: f for f in produced.findings}
    assert finding in found
    spec = next(f for f in pack.fit.findings if f.id == finding)
    assert found[finding].severity == spec.severity
    assert found[finding].sources == tuple(spec.source)
    # Career moves join the plan (strengths do not).
    in_plan = any(item.kind == "career" and item.ref == finding for item in produced.plan)
    assert in_plan is (spec.severity != "strength")

    assert finding not in {f.id for f in run(pack, near_miss).findings}


def test_every_finding_in_the_pack_is_covered_by_the_table(pack: RulePack) -> None:
    assert {p.values[0] for p in FINDINGS} == {f.id for f in pack.fit.findings}


def test_unsure_never_triggers_a_finding(pack: RulePack) -> None:
    answers = {q.id: pack.unknown_value[q.id] for q in pack.fit.questions}
    assert run(pack, answers).findings == ()


def test_findings_are_ordered_by_the_packs_severity_order(pack: RulePack) -> None:
    answers = {
        "fit.self_study": "rarely",  # medium
        "fit.platform_years": "never",  # low
        "fit.core_kpi": "direct",  # strength
        "fit.department": "support",  # high
    }
    severities = [f.severity for f in run(pack, answers).findings]
    assert severities == ["high", "medium", "low", "strength"]


def test_platform_staff_outside_the_core_get_an_internal_move(pack: RulePack) -> None:
    answers = {"role.employer": "platform", "fit.department": "support", **all_modules(pack, "did")}
    result = run(pack, answers)
    ids = [f.id for f in result.findings]
    assert "fit.platform_outside_core" in ids and "fit.outside_core" not in ids
    spec = next(f for f in pack.fit.findings if f.id == "fit.platform_outside_core")
    assert (spec.severity, spec.horizon) == ("high", 90)
    move = next(item for item in result.plan if item.ref == "fit.platform_outside_core")
    assert move.kind == "career" and move.tier == "high" and move.soon
    assert move.rank == 1  # the only high move, due soon: first


def test_two_warnings_about_the_leader_are_one_move(pack: RulePack) -> None:
    answers = {"fit.leader_checked": "not_checked", "fit.leader_background": "traditional"}
    result = run(pack, answers)
    assert [f.id for f in result.findings] == ["fit.next_leader"]
    assert [item.ref for item in result.plan if item.kind == "career"] == ["fit.next_leader"]


# ---------------------------------------------------------------- the plan


def _plan_case(pack: RulePack) -> dict[str, Any]:
    """Answers for community_ops with items of every tier in both horizon groups: user work never
    done (its basics, and core steps starting at 30 days), content done once (content.production
    at 2 needs one step to 3, a 180-day step), activities owned (met), and career moves of every
    severity, due soon and later."""
    answers: dict[str, Any] = {
        "fit.core_kpi": "unrelated",  # high, 90 days
        "fit.department": "support",  # high, 180 days
        "fit.leader_checked": "not_checked",  # medium, 30 days
        "fit.platform_years": "never",  # low, 180 days
    }
    answers |= module_answers(pack, "user", "none")
    answers |= module_answers(pack, "content", "did")
    answers |= module_answers(pack, "activity", "owned")
    return answers


def test_plan_order_inside_each_horizon_group(pack: RulePack) -> None:
    scoring = pack.meta.scoring
    assert scoring.plan_order == ["high", "basics", "skill", "medium", "low"]
    result = run(pack, _plan_case(pack), target="community_ops")
    assert not result.little_data
    assert [(item.kind, item.ref) for item in result.plan] == [
        # due within plan_soon days: high move, basics, skill steps, medium move
        ("career", "fit.far_from_core_kpi"),
        ("basics", "basics"),
        ("skill", "user.core_users"),  # 3 steps × weight 1.5 × priority 1.5 first ...
        ("skill", "user.moderators"),  # ... then 2 × 1 × 1.5
        ("career", "fit.next_leader"),
        # later: high move, skill step, low move
        ("career", "fit.outside_core"),
        ("skill", "content.production"),
        ("career", "fit.no_platform_years"),
    ]
    assert [item.rank for item in result.plan] == list(range(1, len(result.plan) + 1))
    # no move is placed ahead of another here, so the groups are the horizons
    assert [item.soon for item in result.plan] == [
        item.horizon <= scoring.plan_soon for item in result.plan
    ]
    soon = [item.soon for item in result.plan]
    assert soon == sorted(soon, reverse=True)  # one group, then the other
    basics = next(item for item in result.plan if item.kind == "basics")
    assert basics.modules == ("user",)  # the only base module known to be below the basics
    for item in result.plan:
        expected_tier = {"career": item.severity, "basics": "basics", "skill": "skill"}
        assert item.tier == expected_tier[item.kind]
        if item.kind == "skill":
            comp = pack.competencies[item.ref]
            module = pack.module_by_id[pack.competency_module[item.ref]].module
            need = next(n for n in result.needs if n.competency == item.ref)
            assert need.kind == item.need == "core" and item.to == need.required
            assert need.steps is not None
            assert item.priority == pytest.approx(need.steps * comp.weight * module.priority)
    # the path lists the same competencies as the skill items, in plan order
    assert result.path is not None
    assert [c.competency for c in result.path.climbs] == [
        item.ref for item in result.plan if item.kind == "skill"
    ]


def test_plan_order_comes_from_the_pack(rules_copy: Path) -> None:
    pack_yaml = rules_copy / "pack.yaml"
    text = pack_yaml.read_text("utf-8")
    shipped = "plan_order: [high, basics, skill, medium, low]"
    assert text.count(shipped) == 1
    pack_yaml.write_text(text.replace(shipped, "plan_order: [low, medium, skill, basics, high]"))
    reordered = load_pack(rules_copy)

    result = run(reordered, _plan_case(reordered), target="community_ops")
    assert [(item.kind, item.ref) for item in result.plan] == [
        ("career", "fit.next_leader"),
        ("skill", "user.core_users"),
        ("skill", "user.moderators"),
        ("basics", "basics"),
        ("career", "fit.far_from_core_kpi"),
        ("career", "fit.no_platform_years"),
        ("skill", "content.production"),
        ("career", "fit.outside_core"),
    ]
    # the findings follow the same order: medium before high
    findings = run(reordered, _plan_case(reordered)).findings
    assert [f.severity for f in findings] == ["low", "medium", "high", "high"]


@pytest.mark.parametrize(
    ("kpi", "inside"),
    [("unrelated", "fit.far_from_core_kpi"), ("indirect", "fit.kpi_indirect")],
)
def test_at_a_traditional_firm_the_move_out_comes_first(
    pack: RulePack, kpi: str, inside: str
) -> None:
    answers = {"fit.company_kind": "traditional_online", "fit.core_kpi": kpi}
    answers |= all_modules(pack, "did")
    plan = run(pack, answers).plan
    refs = [item.ref for item in plan]
    assert refs.index("fit.not_internet_company") < refs.index(inside)
    out = plan[refs.index("fit.not_internet_company")]
    # a 180-day move joins the group of the move it comes before, and the groups stay whole
    assert out.horizon > pack.meta.scoring.plan_soon
    assert out.soon is plan[refs.index(inside)].soon is True
    soon = [item.soon for item in plan]
    assert soon == sorted(soon, reverse=True)
    assert [item.rank for item in plan] == list(range(1, len(plan) + 1))
    # at a genuine internet company there is no move out, and the move inside stays
    elsewhere = [i.ref for i in run(pack, {**answers, "fit.company_kind": "internet_product"}).plan]
    assert "fit.not_internet_company" not in elsewhere and inside in elsewhere


def test_the_move_out_comes_first_because_the_pack_says_so(rules_copy: Path) -> None:
    fit_yaml = rules_copy / "fit.yaml"
    text = fit_yaml.read_text("utf-8")
    before = "    before: [fit.far_from_core_kpi, fit.kpi_indirect]\n"
    assert text.count(before) == 1
    fit_yaml.write_text(text.replace(before, ""), "utf-8")
    plain = load_pack(rules_copy)

    answers = {"fit.company_kind": "traditional_online", "fit.core_kpi": "unrelated"}
    refs = [item.ref for item in run(plain, {**answers, **all_modules(plain, "did")}).plan]
    # without `before`, the 180-day move waits in the later group
    assert refs.index("fit.far_from_core_kpi") < refs.index("fit.not_internet_company")


# ---------------------------------------------------------------- suggested target roles


def outlook_rank(pack: RulePack) -> dict[str, int]:
    return {o: i for i, o in enumerate(pack.meta.scoring.role_ranking.outlook_order)}


def assert_ranked_by_the_method(pack: RulePack, result: Assessment) -> None:
    """The list is sorted by what it shows: pointed to by a career move, within reach, outlook
    (in the pack's order), then fit; fallback roles last. The suggestion is the first listed role
    that is not a fallback."""
    weights = pack.meta.scoring.role_ranking
    rank = outlook_rank(pack)
    pointed = {
        r
        for f in result.findings
        for spec in pack.fit.findings
        if spec.id == f.id
        for r in spec.points_to
    }
    for fit in result.roles:
        assert fit.within_reach is (fit.unknown == 0 and fit.steps <= weights.reach_steps), fit
        assert fit.pointed is (fit.role in pointed), fit
    keys = [
        (r.outlook == "fallback", not r.pointed, not r.within_reach, rank[r.outlook], -r.fit)
        for r in result.roles
    ]
    assert keys == sorted(keys), [(r.role, k) for r, k in zip(result.roles, keys, strict=True)]
    if result.target_source == "suggested":
        assert result.target == next(r.role for r in result.roles if r.outlook != "fallback")


def meeting(
    pack: RulePack,
    role: str,
    facts: dict[str, Any],
    levels: dict[str, int] | None = None,
    rest: int | None = 0,
) -> dict[str, Any]:
    """``facts``, and experience answers meeting the core of ``role`` exactly, with ``levels``
    over it and ``rest`` everywhere else."""
    return {**facts, **at_levels(pack, {**pack.role_by_id[role].core, **(levels or {})}, rest)}


# One person per non-fallback role, for whom it comes first: (role answers, competency levels
# over the role's core, the level of every other competency; None leaves them unanswered).
PEOPLE: dict[str, tuple[dict[str, Any], dict[str, int], int | None]] = {
    # Platform staff owning the content chain and activities, who have only helped with KOLs so
    # far (with KOL work at 2, user ops is within reach and, favoured, listed first).
    "community_ops": (
        {
            "role.employer": "platform",
            "role.owns": ["content_chain", "activities"],
            "role.kpi": "section_dau",
        },
        {"user.core_users": 1},
        0,
    ),
    # A brand's member operator who answered only the user module. Product ops is within reach
    # too (one step on feedback, two unknowns) and favoured as well: the fit decides.
    "user_ops": (
        {
            "role.employer": "publisher",
            "role.owns": ["members", "incentives"],
            "role.kpi": "retention",
            "fit.company_kind": "consumer_online",
        },
        {"user.incentives": 3, "user.core_users": 3, "user.moderators": 3, "user.feedback": 2},
        None,
    ),
    # Platform staff owning the content chain, measured on quality content.
    "content_ops": (
        {
            "role.employer": "platform",
            "role.owns": ["content_chain"],
            "role.kpi": "quality_content",
        },
        {},
        0,
    ),
    # Runs activities end to end but has never reviewed one (with activity.review at 2, product
    # ops is within reach and, favoured, listed first).
    "activity_ops": ({"fit.interests": ["activities"]}, {"activity.review": 0}, 0),
    # A brand's account operator.
    "new_media_ops": (
        {"role.employer": "publisher", "role.owns": ["accounts"], "role.kpi": "followers_reads"},
        {},
        0,
    ),
    # Group chats at a traditional firm, and no other module touched: nothing else fits.
    "group_ops": (
        {
            "role.employer": "outside_internet",
            "role.owns": ["groups"],
            "role.groups": "others_tools",
            "role.kpi": "group_sales",
            "fit.company_kind": "traditional_online",
        },
        {},
        0,
    ),
    # Platform staff turning feedback into features, measured on adoption.
    "product_ops": (
        {
            "role.employer": "platform",
            "role.owns": ["product_feedback"],
            "role.kpi": "feature_adoption",
        },
        {},
        0,
    ),
}


def person(pack: RulePack, role: str) -> dict[str, Any]:
    return meeting(pack, role, *PEOPLE[role])


@pytest.mark.parametrize("role", list(PEOPLE))
def test_a_person_for_whom_each_role_comes_first(pack: RulePack, role: str) -> None:
    result = run(pack, person(pack, role))
    assert not result.little_data
    assert [r.role for r in result.roles][:1] == [role], result.roles
    assert result.target == role and result.target_source == "suggested"
    first = result.roles[0]
    assert first.within_reach
    assert_ranked_by_the_method(pack, result)
    # no role of a better outlook was within reach
    rank = outlook_rank(pack)
    better = [
        r.role for r in result.roles if rank[r.outlook] < rank[first.outlook] and r.within_reach
    ]
    assert better == []


def test_every_role_has_a_ranking_case(pack: RulePack) -> None:
    covered = set(PEOPLE)
    fallback = {r.id for r in pack.roles.roles if r.outlook == "fallback"}
    assert fallback == {"content_review"}
    assert covered | fallback == set(pack.role_by_id)


def test_group_ops_is_suggested_only_when_nothing_else_fits(pack: RulePack) -> None:
    answers = person(pack, "group_ops")
    # the same person with whole pieces of user work done: user ops is within reach (S19, S4)
    widened = run(pack, {**answers, **module_answers(pack, "user", "did")})
    assert shown(widened) == ["group_ops"]
    fits = {r.role: r for r in widened.roles}
    assert fits["user_ops"].within_reach and fits["group_ops"].fit > fits["user_ops"].fit
    assert widened.target == "user_ops"
    order = [r.role for r in widened.roles]
    assert order.index("user_ops") < order.index("group_ops")
    assert_ranked_by_the_method(pack, widened)


CONTENT_REVIEW_CASES = [
    pytest.param({}, id="nothing-but-the-review-core"),
    pytest.param({"role.owns": ["content_safety"], "role.kpi": "review_volume"}, id="reviewer"),
    pytest.param({"fit.interests": ["content"], "role.title": "content_review"}, id="interested"),
]


@pytest.mark.parametrize("facts", CONTENT_REVIEW_CASES)
def test_content_review_is_listed_last_and_never_suggested(
    pack: RulePack, facts: dict[str, Any]
) -> None:
    answers = meeting(pack, "content_review", facts)
    result = run(pack, answers)
    fits = {r.role: r for r in result.roles}
    # it fits best of all, with nothing to learn ...
    assert fits["content_review"].steps == 0
    assert all(r.fit <= fits["content_review"].fit for r in result.roles)
    # ... and is still listed last and not aimed at
    assert result.roles[-1].role == "content_review"
    assert result.target_source == "suggested" and result.target != "content_review"
    assert_ranked_by_the_method(pack, result)
    # never the suggestion while another role exists, wherever it is listed; alone, it is
    assert suggest(list(reversed(result.roles))) != "content_review"
    assert suggest([fits["content_review"]]) == "content_review"
    # ... and a chosen target still wins over the suggestion
    assert run(pack, answers, target="content_review").target == "content_review"


def test_content_review_is_last_for_every_ranking_case(pack: RulePack) -> None:
    for role in PEOPLE:
        result = run(pack, person(pack, role))
        assert result.roles[-1].role == "content_review", role


REVIEWER = {
    "role.title": "community_ops",
    "role.employer": "platform",
    "role.owns": ["content_safety"],
    "role.kpi": "review_volume",
    "fit.company_size": "large",
    "fit.department": "support",
    "fit.core_kpi": "unrelated",
    "fit.platform_years": "under_two_years",
}


@pytest.mark.parametrize(
    "content_value", ["none", "helped", "did"], ids=["no-content", "helped", "did"]
)
def test_a_content_reviewer_is_pointed_at_the_bridge(pack: RulePack, content_value: str) -> None:
    answers = {
        **REVIEWER,
        **meeting(pack, "content_review", {}),
        **{
            q.id: content_value
            for q in pack.module_by_id["content"].questions
            if q.competency not in pack.role_by_id["content_review"].core
        },
    }
    result = run(pack, answers)
    assert shown(result) == ["content_review"]
    bridge = next(f for f in pack.fit.findings if f.id == "fit.review_stepping_stone")
    assert bridge.points_to == ["content_ops", "user_ops"]
    assert "fit.review_stepping_stone" in {f.id for f in result.findings}
    # the suggestion agrees with the move ...
    assert result.target in bridge.points_to and result.target_source == "suggested"
    assert {r.role for r in result.roles if r.pointed} == set(bridge.points_to)
    assert {r.role for r in result.roles[:2]} == set(bridge.points_to)
    # ... which is within the plan's first three items
    rank = next(item.rank for item in result.plan if item.ref == "fit.review_stepping_stone")
    assert rank <= 3, [(item.kind, item.ref) for item in result.plan]
    assert_ranked_by_the_method(pack, result)


def test_a_pointed_role_within_reach_comes_before_one_out_of_reach(pack: RulePack) -> None:
    # Content work done, user work never: content ops is within reach, user ops is not.
    answers = {
        **REVIEWER,
        **module_answers(pack, "content", "did"),
        **module_answers(pack, "user", "none"),
    }
    result = run(pack, answers)
    fits = {r.role: r for r in result.roles}
    assert fits["content_ops"].within_reach and not fits["user_ops"].within_reach
    assert (fits["user_ops"].outlook, fits["content_ops"].outlook) == ("favoured", "standard")
    assert result.target == "content_ops"
    # with user work done as well, both are within reach and the favoured one leads (S19)
    both = run(pack, {**answers, **module_answers(pack, "user", "did")})
    assert {r.role: r for r in both.roles}["user_ops"].within_reach
    assert both.target == "user_ops"
    assert_ranked_by_the_method(pack, result)
    assert_ranked_by_the_method(pack, both)


def test_suggestions_rank_every_role_by_its_steps_and_the_fallback_last(pack: RulePack) -> None:
    weights = pack.meta.scoring.role_ranking
    result = run(pack, all_modules(pack, "did"))  # every competency at level 2, no role answers
    assert result.diagnosis.verdicts == () and not result.little_data
    assert result.target_source == "suggested"
    assert sorted(r.role for r in result.roles) == sorted(pack.role_by_id)
    assert result.target == result.roles[0].role
    for fit in result.roles:
        role = pack.role_by_id[fit.role]
        # a role's steps are the missing levels on its core only; its helps never count
        assert fit.steps == sum(max(0, need - 2) for need in role.core.values())
        assert fit.unknown == 0 and not fit.verdict_match and fit.interest_match == 0
        assert fit.within_reach and not fit.pointed
        bonus = weights.favoured_bonus if role.outlook == "favoured" else 0.0
        assert fit.fit == pytest.approx(bonus - fit.steps)
    # all within reach and none pointed to: by outlook in the pack's order, then by fit
    rank = outlook_rank(pack)
    assert [rank[r.outlook] for r in result.roles] == sorted(rank[r.outlook] for r in result.roles)
    for outlook in weights.outlook_order:
        group = [r.fit for r in result.roles if r.outlook == outlook]
        assert group == sorted(group, reverse=True), outlook
    assert_ranked_by_the_method(pack, result)
    # the fallback is last although nothing is missing for it: it ranks on outlook first
    fallback = result.roles[-1]
    assert [r.role for r in result.roles if r.outlook == "fallback"] == [fallback.role]
    assert fallback.steps == 0 and fallback.fit > result.roles[0].fit


def test_a_role_within_reach_comes_before_a_better_outlook_out_of_reach(pack: RulePack) -> None:
    weights = pack.meta.scoring.role_ranking
    result = run(pack, person(pack, "content_ops"))
    fits = {r.role: r for r in result.roles}
    favoured = [r for r in result.roles if r.outlook == "favoured"]
    assert favoured and all(r.steps + r.unknown > weights.reach_steps for r in favoured)
    assert all(not r.within_reach for r in favoured)
    order = [r.role for r in result.roles]
    assert all(order.index("content_ops") < order.index(r.role) for r in favoured)
    assert fits["content_ops"].within_reach


def test_reach_steps_comes_from_the_pack(rules_copy: Path) -> None:
    pack_yaml = rules_copy / "pack.yaml"
    text = pack_yaml.read_text("utf-8")
    assert text.count("reach_steps: 6") == 1
    pack_yaml.write_text(text.replace("reach_steps: 6", "reach_steps: 20"), "utf-8")
    wide = load_pack(rules_copy)
    result = run(wide, person(wide, "content_ops"))
    # now every role is within reach, and the favoured ones (S19) lead
    assert all(r.within_reach for r in result.roles)
    assert result.roles[0].outlook == "favoured" and result.target != "content_ops"
    assert_ranked_by_the_method(wide, result)


def test_outlook_order_comes_from_the_pack(rules_copy: Path) -> None:
    pack_yaml = rules_copy / "pack.yaml"
    text = pack_yaml.read_text("utf-8")
    shipped = "outlook_order: [favoured, standard, tool, fallback]"
    assert text.count(shipped) == 1
    answers = {"role.employer": "platform", "role.owns": ["kols"]}
    before = run(load_pack(rules_copy), {**answers, **all_modules(load_pack(rules_copy), "owned")})
    assert before.roles[0].outlook == "favoured"

    pack_yaml.write_text(
        text.replace(shipped, "outlook_order: [tool, standard, favoured, fallback]"), "utf-8"
    )
    reordered = load_pack(rules_copy)
    result = run(reordered, {**answers, **all_modules(reordered, "owned")})
    assert [r.outlook for r in result.roles][:1] == ["tool"]
    assert result.target == "group_ops"
    assert_ranked_by_the_method(reordered, result)


def test_competencies_a_role_does_not_require_never_cost_it_steps(pack: RulePack) -> None:
    base = all_modules(pack, "did")  # level 2 everywhere, no verdict
    # user.feedback helps community_ops (level 2) and is core to product_ops (level 3)
    assert "user.feedback" in pack.role_by_id["community_ops"].helps
    assert pack.role_by_id["product_ops"].core["user.feedback"] == 3
    lowered = {**base, "user.feedback_work": "none"}
    before, after = run(pack, base), run(pack, lowered)
    assert before.diagnosis.verdicts == after.diagnosis.verdicts == ()
    was = {r.role: r for r in before.roles}
    now = {r.role: r for r in after.roles}
    assert now["community_ops"] == was["community_ops"]
    assert (was["product_ops"].steps, now["product_ops"].steps) == (1, 3)
    assert now["product_ops"].fit == pytest.approx(was["product_ops"].fit - 2)
    # a role that names user.feedback nowhere is untouched as well
    for role in pack.roles.roles:
        if "user.feedback" not in role.core:
            assert now[role.id] == was[role.id], role.id


def test_an_unknown_core_competency_costs_the_unknown_cost_not_steps(pack: RulePack) -> None:
    weights = pack.meta.scoring.role_ranking
    base = all_modules(pack, "did")
    unanswered = {**base, "user.feedback_work": pack.unknown_value["user.feedback_work"]}
    before = {r.role: r for r in run(pack, base).roles}
    after = {r.role: r for r in run(pack, unanswered).roles}
    # product_ops needs user.feedback at 3: one step from 2, or unknown
    assert (before["product_ops"].steps, before["product_ops"].unknown) == (1, 0)
    assert (after["product_ops"].steps, after["product_ops"].unknown) == (0, 1)
    assert after["product_ops"].fit == pytest.approx(
        before["product_ops"].fit + 1 - weights.unknown_cost
    )
    assert after["community_ops"] == before["community_ops"]  # there it only helps


def test_favoured_bonus_adds_to_the_fit(pack: RulePack) -> None:
    # user_ops (favoured, S19) and community_ops both grow from the community_ops verdict, and at
    # level 3 everywhere neither misses a step.
    answers = {"role.employer": "platform", "role.owns": ["kols"], **all_modules(pack, "owned")}
    result = run(pack, answers)
    assert [v.id for v in result.diagnosis.verdicts] == ["community_ops"]
    fits = {r.role: r for r in result.roles}
    user, community = fits["user_ops"], fits["community_ops"]
    assert user.steps == community.steps == 0 and user.unknown == community.unknown == 0
    assert user.verdict_match and community.verdict_match
    assert (user.outlook, community.outlook) == ("favoured", "standard")
    weights = pack.meta.scoring.role_ranking
    # community ops grows from the verdict first (full bonus), user ops from it second (half)
    assert community.fit == pytest.approx(weights.verdict_bonus[0])
    assert user.fit == pytest.approx(weights.verdict_bonus[0] / 2 + weights.favoured_bonus)
    # listed by outlook before fit: user ops first, though its fit is lower
    order = [r.role for r in result.roles]
    assert user.fit < community.fit and order.index("user_ops") < order.index("community_ops")
    assert result.target == "user_ops"


def test_equal_outlook_and_fit_go_to_pack_order(pack: RulePack) -> None:
    result = run(pack, all_modules(pack, "owned"))  # nothing missing, only a product_ops verdict
    standard = [r for r in result.roles if r.outlook == "standard"]
    assert len({r.fit for r in standard}) == 1 and len(standard) > 1
    in_pack = [r.id for r in pack.roles.roles if r.outlook == "standard"]
    assert [r.role for r in standard] == in_pack


def test_without_the_favoured_bonus_the_fit_is_the_same(rules_copy: Path) -> None:
    pack_yaml = rules_copy / "pack.yaml"
    text = pack_yaml.read_text("utf-8")
    assert text.count("favoured_bonus: 0.5") == 1
    pack_yaml.write_text(text.replace("favoured_bonus: 0.5", "favoured_bonus: 0"))
    flat = load_pack(rules_copy)

    fits = {r.role: r for r in run(flat, all_modules(flat, "owned")).roles}
    assert fits["user_ops"].fit == fits["community_ops"].fit == 0
    assert fits["new_media_ops"].fit == 0


def test_interests_move_a_role_up_within_its_outlook(pack: RulePack) -> None:
    base = all_modules(pack, "did")
    without = [r.role for r in run(pack, base).roles]
    # community_ops and content_ops are equal (standard, 3 steps each): pack order decides
    assert without.index("community_ops") < without.index("content_ops")
    with_writing = [r.role for r in run(pack, {**base, "fit.interests": ["writing"]}).roles]
    assert with_writing.index("content_ops") < with_writing.index("community_ops")
    # group ops is a tool (S4): an interest raises its fit, not its place above better outlooks
    before = {r.role: r for r in run(pack, base).roles}
    groups = run(pack, {**base, "fit.interests": ["groups"]})
    after = {r.role: r for r in groups.roles}
    bonus = pack.meta.scoring.role_ranking.interest_bonus
    assert after["group_ops"].fit == pytest.approx(before["group_ops"].fit + bonus)
    order = [r.role for r in groups.roles]
    assert order.index("group_ops") == without.index("group_ops")
    assert_ranked_by_the_method(pack, groups)


def test_no_suggestion_without_enough_answers(pack: RulePack) -> None:
    result = run(pack, {"role.employer": "platform"})
    assert result.target is None and result.target_source == "none"


def test_a_chosen_target_wins_over_the_suggestion(pack: RulePack) -> None:
    answers = module_answers(pack, "user", "did")
    assert run(pack, answers, target="content_review").target == "content_review"
