"""Table-driven tests of the role-diagnosis and fit rules (S1–S5, S9–S10, S12, S16–S20).

For each verdict and each finding: a minimal set of answers that must produce it, and a near miss
(one fact changed, or a stronger competing signal) that must not.
"""

from __future__ import annotations

from typing import Any

import pytest

from careerfix.engine import assess
from careerfix.models.answers import Answers
from careerfix.models.assessment import Assessment
from careerfix.models.pack import RulePack
from careerfix.rules import load_pack


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def run(pack: RulePack, answers: dict[str, Any], target: str | None = None) -> Assessment:
    return assess(
        pack,
        Answers(pack=pack.id, pack_version=pack.version, answers=answers, evidence={}),
        target,
    )


def shown(result: Assessment) -> list[str]:
    return [v.id for v in result.diagnosis.verdicts]


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
        "traffic_ops",
        {"role.traffic_label": "only_traffic"},
        # a traffic target met through activity work is not "traffic ops" (S13)
        {"role.traffic_label": "traffic_via_modules", "role.owns": ["traffic_kpi", "activities"]},
        id="traffic_ops",
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
    assert all(r.rule.startswith(f"{verdict}.signals[") for r in reasons)

    missed = run(pack, near_miss)
    assert verdict not in shown(missed), missed.diagnosis


def test_every_verdict_in_the_pack_is_covered_by_the_table(pack: RulePack) -> None:
    covered = {p.values[0] for p in VERDICTS}
    assert covered == {v.id for v in pack.diagnosis.verdicts}


def test_close_scores_give_the_two_closest_verdicts_not_a_guess(pack: RulePack) -> None:
    # On platform staff and measured on section DAU, but only ever says "traffic".
    result = run(
        pack,
        {
            "role.employer": "platform",
            "role.kpi": "section_dau",
            "role.traffic_label": "only_traffic",
            "role.owns": ["traffic_kpi"],
        },
    )
    assert result.diagnosis.ambiguous is True
    assert sorted(shown(result)) == ["community_ops", "traffic_ops"]


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


def test_traffic_ops_is_remapped_onto_the_three_base_modules(pack: RulePack) -> None:
    result = run(
        pack,
        {
            "role.traffic_label": "only_traffic",
            "activity.plan_work": "owned",
            "activity.mechanics_work": "owned",
            "activity.budget_work": "owned",
            "activity.delivery_work": "did",
            "activity.risk_work": "did",
            "activity.review_work": "owned",
            "user.segment_work": "helped",
            "user.lifecycle_work": "did",
            "user.incentive_work": "helped",
            "user.kol_work": "none",
        },
    )
    assert shown(result) == ["traffic_ops"]
    modules = [m for m, _ in result.diagnosis.remap]
    assert sorted(modules) == ["activity", "content", "user"]
    assert modules[0] == "activity"  # the strongest base module first


FINDINGS = [
    # (finding, answers that must produce it, a near miss that must not)
    ("fit.outside_core", {"fit.department": "support"}, {"fit.department": "core"}),
    ("fit.core_department", {"fit.department": "core"}, {"fit.department": "unsure"}),
    ("fit.far_from_core_kpi", {"fit.core_kpi": "unrelated"}, {"fit.core_kpi": "indirect"}),
    ("fit.kpi_indirect", {"fit.core_kpi": "indirect"}, {"fit.core_kpi": "direct"}),
    ("fit.owns_core_kpi", {"fit.core_kpi": "direct"}, {"fit.core_kpi": "indirect"}),
    (
        "fit.not_internet_company",
        {"fit.company_kind": "traditional_online"},
        {"fit.company_kind": "internet_product"},
    ),
    (
        "fit.no_platform_years",
        {"fit.platform_years": "never"},
        {"fit.platform_years": "under_two_years"},
    ),
    (
        "fit.review_stepping_stone",
        {"role.owns": ["content_safety"]},
        {"role.owns": ["content_safety", "content_chain"]},
    ),
    (
        "fit.leader_unchecked",
        {"fit.leader_checked": "not_checked"},
        {"fit.leader_checked": "checked"},
    ),
    (
        "fit.leader_not_internet",
        {"fit.leader_background": "traditional"},
        {"fit.leader_background": "mixed"},
    ),
    ("fit.low_interest", {"fit.self_study": "rarely"}, {"fit.self_study": "sometimes"}),
    (
        "fit.clear_interest",
        {"fit.self_study": "regularly", "fit.interests": ["content"]},
        {"fit.self_study": "regularly", "fit.interests": ["none_yet"]},
    ),
]


@pytest.mark.parametrize(("finding", "hit", "near_miss"), FINDINGS, ids=[f[0] for f in FINDINGS])
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
    assert {f[0] for f in FINDINGS} == {f.id for f in pack.fit.findings}


def test_unsure_never_triggers_a_finding(pack: RulePack) -> None:
    answers = {q.id: pack.unknown_value[q.id] for q in pack.fit.questions}
    assert run(pack, answers).findings == ()


def test_career_moves_rank_with_skill_gaps_by_the_same_priority(pack: RulePack) -> None:
    result = run(
        pack,
        {"fit.department": "support", "fit.leader_checked": "not_checked", "user.kol_work": "none"},
        target="community_ops",
    )
    priorities = [item.priority for item in result.plan]
    assert priorities == sorted(priorities, reverse=True)
    weights = pack.meta.scoring.severity_weight
    career = {item.ref: item for item in result.plan if item.kind == "career"}
    assert career["fit.outside_core"].priority == weights["high"]
    assert career["fit.leader_unchecked"].priority == weights["medium"]


# ---------------------------------------------------------------- suggested target roles


def _module_answers(pack: RulePack, module: str, value: str) -> dict[str, str]:
    return {q.id: value for q in pack.module_by_id[module].questions}


def test_suggestions_rank_every_role_with_its_gap_and_the_fallback_last(pack: RulePack) -> None:
    answers: dict[str, Any] = {}
    for module in pack.module_by_id:
        answers |= _module_answers(pack, module, "did")
    result = run(pack, answers)
    assert result.target_source == "suggested"
    assert {r.role for r in result.roles} == set(pack.role_by_id)
    assert result.roles[-1].outlook == "fallback"
    assert result.target == result.roles[0].role
    # Module levels are all 2: a role's gap is the sum of its requirements above 2.
    for fit in result.roles:
        role = pack.role_by_id[fit.role]
        assert fit.gap == pytest.approx(sum(max(0, need - 2) for need in role.modules.values()))


def test_favoured_roles_win_a_tie_on_gap(pack: RulePack) -> None:
    # user_ops (favoured, S19) and community_ops both grow from the community_ops verdict.
    answers: dict[str, Any] = {"role.employer": "platform", "role.owns": ["kols"]}
    for module in pack.module_by_id:
        answers |= _module_answers(pack, module, "owned")
    order = [r.role for r in run(pack, answers).roles]
    assert order.index("user_ops") < order.index("community_ops")
    fits = {r.role: r for r in run(pack, answers).roles}
    assert fits["user_ops"].gap == fits["community_ops"].gap == 0


def test_interests_move_a_role_up(pack: RulePack) -> None:
    base: dict[str, Any] = {}
    for module in pack.module_by_id:
        base |= _module_answers(pack, module, "did")
    without = [r.role for r in run(pack, base).roles]
    with_groups = [r.role for r in run(pack, {**base, "fit.interests": ["groups"]}).roles]
    assert with_groups.index("group_ops") < without.index("group_ops")


def test_no_suggestion_without_enough_answers(pack: RulePack) -> None:
    result = run(pack, {"role.employer": "platform"})
    assert result.target is None and result.target_source == "none"


def test_a_chosen_target_wins_over_the_suggestion(pack: RulePack) -> None:
    answers = _module_answers(pack, "user", "did")
    assert run(pack, answers, target="content_review").target == "content_review"
