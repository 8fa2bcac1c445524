"""Table-driven tests of the role-diagnosis and fit rules (S1–S5, S9–S10, S12, S16–S20).

For each verdict and each finding: a minimal set of answers that must produce it, and a near miss
(one fact changed, or a stronger competing signal) that must not.
"""

from __future__ import annotations

from pathlib import Path
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
    answers |= _module_answers(pack, "user", "none")
    answers |= _module_answers(pack, "content", "did")
    answers |= _module_answers(pack, "activity", "owned")
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
        ("career", "fit.leader_unchecked"),
        # later: high move, skill step, low move
        ("career", "fit.outside_core"),
        ("skill", "content.production"),
        ("career", "fit.no_platform_years"),
    ]
    assert [item.rank for item in result.plan] == list(range(1, len(result.plan) + 1))
    soon = [item.horizon <= scoring.plan_soon for item in result.plan]
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
        ("career", "fit.leader_unchecked"),
        ("skill", "user.core_users"),
        ("skill", "user.moderators"),
        ("basics", "basics"),
        ("career", "fit.far_from_core_kpi"),
        ("career", "fit.no_platform_years"),
        ("skill", "content.production"),
        ("career", "fit.outside_core"),
    ]


# ---------------------------------------------------------------- suggested target roles


def _module_answers(pack: RulePack, module: str, value: str) -> dict[str, str]:
    return {q.id: value for q in pack.module_by_id[module].questions}


def _all_modules(pack: RulePack, value: str) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for module in pack.module_by_id:
        answers |= _module_answers(pack, module, value)
    return answers


def test_suggestions_rank_every_role_by_its_steps_and_the_fallback_last(pack: RulePack) -> None:
    weights = pack.meta.scoring.role_ranking
    result = run(pack, _all_modules(pack, "did"))  # every competency at level 2, no role answers
    assert result.diagnosis.verdicts == () and not result.little_data
    assert result.target_source == "suggested"
    assert sorted(r.role for r in result.roles) == sorted(pack.role_by_id)
    assert result.target == result.roles[0].role
    for fit in result.roles:
        role = pack.role_by_id[fit.role]
        # a role's steps are the missing levels on its core only; its helps never count
        assert fit.steps == sum(max(0, need - 2) for need in role.core.values())
        assert fit.unknown == 0 and not fit.verdict_match and fit.interest_match == 0
        bonus = weights.favoured_bonus if role.outlook == "favoured" else 0.0
        assert fit.fit == pytest.approx(bonus - fit.steps)
    ranked = [r for r in result.roles if r.outlook != "fallback"]
    assert [r.fit for r in ranked] == sorted((r.fit for r in ranked), reverse=True)
    # the fallback is last although nothing is missing for it: it ranks on outlook first
    fallback = result.roles[-1]
    assert [r.role for r in result.roles if r.outlook == "fallback"] == [fallback.role]
    assert fallback.steps == 0 and fallback.fit > result.roles[0].fit


def test_competencies_a_role_does_not_require_never_cost_it_steps(pack: RulePack) -> None:
    base = _all_modules(pack, "did")  # level 2 everywhere, no verdict
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
    base = _all_modules(pack, "did")
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


def test_favoured_bonus_breaks_an_otherwise_equal_fit(pack: RulePack) -> None:
    # user_ops (favoured, S19) and community_ops both grow first from the community_ops verdict,
    # and at level 3 everywhere neither misses a step.
    answers = {"role.employer": "platform", "role.owns": ["kols"], **_all_modules(pack, "owned")}
    result = run(pack, answers)
    assert [v.id for v in result.diagnosis.verdicts] == ["community_ops"]
    for role in ("user_ops", "community_ops"):
        assert pack.role_by_id[role].verdicts[0] == "community_ops"
    fits = {r.role: r for r in result.roles}
    user, community = fits["user_ops"], fits["community_ops"]
    assert user.steps == community.steps == 0 and user.unknown == community.unknown == 0
    assert user.verdict_match and community.verdict_match
    assert (user.outlook, community.outlook) == ("favoured", "standard")
    assert user.fit - community.fit == pytest.approx(pack.meta.scoring.role_ranking.favoured_bonus)
    order = [r.role for r in result.roles]
    # community_ops is listed first in the pack, so only the bonus puts user_ops ahead
    assert list(pack.role_by_id).index("community_ops") < list(pack.role_by_id).index("user_ops")
    assert order.index("user_ops") < order.index("community_ops")


def test_without_the_favoured_bonus_the_tie_goes_to_pack_order(rules_copy: Path) -> None:
    pack_yaml = rules_copy / "pack.yaml"
    text = pack_yaml.read_text("utf-8")
    assert text.count("favoured_bonus: 0.5") == 1
    pack_yaml.write_text(text.replace("favoured_bonus: 0.5", "favoured_bonus: 0"))
    flat = load_pack(rules_copy)

    answers = {"role.employer": "platform", "role.owns": ["kols"], **_all_modules(flat, "owned")}
    fits = {r.role: r for r in run(flat, answers).roles}
    assert fits["user_ops"].fit == fits["community_ops"].fit
    order = [r.role for r in run(flat, answers).roles]
    assert order.index("community_ops") < order.index("user_ops")


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
