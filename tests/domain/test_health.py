"""Deal-health rules: for every rule, a pursuit that raises it and one that does not."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from desktop.domain import health
from desktop.domain.health import (
    CriterionFacts,
    InstalmentFacts,
    KeyPerson,
    PursuitFacts,
    RiskFacts,
    RivalFacts,
    ValueCaseFacts,
    evaluate,
)

TODAY = date(2026, 6, 15)


def healthy(stage: int, **changes: object) -> PursuitFacts:
    """A pursuit in `stage` that follows the method: no flag at all."""
    facts = PursuitFacts(
        stage=stage,
        stage_entered_on=TODAY - timedelta(days=5),
        stale_limit_days=30,
        expected_close=TODAY + timedelta(days=60),
        next_step="约见信息中心主任",
        next_step_due=TODAY + timedelta(days=3),
        insiders=("王伟",),
        decision_makers=(KeyPerson("李总", "personal_trust"),),
        initiators=("赵工",),
        designers=("孙工",),
        evaluators=("周经理",),
        allies=("王伟",),
        pains=("排产靠人工，交期常延误",),
        value_case=ValueCaseFacts(1_000_000_00, 3, "yes"),
        criteria=(CriterionFacts("报价", 5, 2, 4, None, has_action_plan=True),),
        rivals=(RivalFacts("赛达软件", has_label=True, has_counter=True),),
        risks=(RiskFacts("上线影响生产", 5, "mitigated"),),
        acceptance_signed=True,
        instalments=(InstalmentFacts(50_000_00, TODAY - timedelta(days=10), TODAY),),
    )
    return dataclasses.replace(facts, **changes)  # type: ignore[arg-type]


def codes(facts: PursuitFacts) -> list[str]:
    return [f.code for f in evaluate(facts, TODAY)]


@pytest.mark.parametrize("stage", range(1, 9))
def test_a_pursuit_that_follows_the_method_raises_nothing(stage: int) -> None:
    assert codes(healthy(stage)) == []


# (rule, the change that breaks it, the first stage it applies from)
BROKEN = [
    (health.NO_INSIDER, {"insiders": ()}, 2),
    (health.NO_INITIATOR, {"initiators": ()}, 2),
    (health.NO_PAIN, {"pains": ()}, 2),
    (health.NO_PAIN, {"pains": (" ", "\u3000\n")}, 2),
    (health.NO_DESIGNER, {"designers": ()}, 4),
    (health.NO_EVALUATOR, {"evaluators": ()}, 5),
    (health.NO_ALLY, {"allies": ()}, 5),
    (health.NO_DECISION_MAKER, {"decision_makers": ()}, 3),
    (health.WEAK_DECISION_MAKER, {"decision_makers": (KeyPerson("李总", "acquainted"),)}, 3),
    (health.NO_VALUE_CASE, {"value_case": None}, 3),
    (health.NO_VALUE_CASE, {"value_case": ValueCaseFacts(0, 0, "unknown")}, 3),
    (health.VALUE_CASE_NOT_ACCEPTED, {"value_case": ValueCaseFacts(1, 1, "unknown")}, 4),
    (health.VALUE_CASE_NOT_ACCEPTED, {"value_case": ValueCaseFacts(1, 1, "no")}, 4),
    (
        health.FATAL_WITHOUT_PLAN,
        {"criteria": (CriterionFacts("报价", 5, 2, 4, None, has_action_plan=False),)},
        4,
    ),
    (
        health.FATAL_WITHOUT_PLAN,
        {"criteria": (CriterionFacts("案例", 1, 5, 1, "fatal", has_action_plan=False),)},
        4,
    ),
    (health.RIVAL_UNANSWERED, {"rivals": (RivalFacts("云启科技", False, True),)}, 5),
    (health.RIVAL_UNANSWERED, {"rivals": (RivalFacts("云启科技", True, False),)}, 5),
    (health.OPEN_HIGH_RISKS, {"risks": (RiskFacts("预算延后", 4, "open"),)}, 6),
    (health.ACCEPTANCE_UNSIGNED, {"acceptance_signed": False}, 7),
    (
        health.OVERDUE_INSTALMENTS,
        {"instalments": (InstalmentFacts(30_000_00, TODAY - timedelta(days=1), None),)},
        8,
    ),
    (health.NO_NEXT_STEP, {"next_step": "  "}, 1),
    (health.NEXT_STEP_OVERDUE, {"next_step_due": TODAY - timedelta(days=2)}, 1),
    (health.STALE, {"stage_entered_on": TODAY - timedelta(days=31)}, 1),
    (health.CLOSE_DATE_PASSED, {"expected_close": TODAY - timedelta(days=1)}, 1),
]


@pytest.mark.parametrize(("code", "change", "first"), BROKEN)
def test_each_rule_fires_from_its_stage_and_not_before(
    code: str, change: dict[str, object], first: int
) -> None:
    assert codes(healthy(first, **change)) == [code]
    assert codes(healthy(8, **change)) == [code]
    if first > 1:
        assert codes(healthy(first - 1, **change)) == []


def test_boundaries_that_do_not_fire() -> None:
    # A decision-maker at 互动 is enough; one weak and one close counts as covered.
    assert codes(healthy(3, decision_makers=(KeyPerson("李总", "interacting"),))) == []
    two = (KeyPerson("李总", "acquainted"), KeyPerson("张总", "ally"))
    assert codes(healthy(3, decision_makers=two)) == []
    # A value case with benefit lines but no investment yet is a case.
    assert codes(healthy(3, value_case=ValueCaseFacts(0, 2, "unknown"))) == []
    # A criterion where we lead, or one that is only important-ish, is not fatal.
    winning = CriterionFacts("服务", 5, 5, 3, None, has_action_plan=False)
    low = CriterionFacts("培训", 2, 1, 5, None, has_action_plan=False)
    unscored = CriterionFacts("接口", 5, None, 5, None, has_action_plan=False)
    assert codes(healthy(4, criteria=(winning, low, unscored))) == []
    # Severity 3 is not high impact; a closed high risk is no longer a flag.
    risks = (RiskFacts("a", 3, "open"), RiskFacts("b", 5, "closed"))
    assert codes(healthy(6, risks=risks)) == []
    # Exactly at the stale limit, due today, closing today: nothing yet.
    on_the_day = healthy(
        1,
        stage_entered_on=TODAY - timedelta(days=30),
        next_step_due=TODAY,
        expected_close=TODAY,
    )
    assert codes(on_the_day) == []
    # An instalment without a due date, or received late, is not overdue.
    paid = (
        InstalmentFacts(1, None, None),
        InstalmentFacts(1, TODAY - timedelta(days=9), TODAY - timedelta(days=1)),
    )
    assert codes(healthy(8, instalments=paid)) == []


def test_no_next_step_hides_the_overdue_one() -> None:
    facts = healthy(2, next_step="", next_step_due=TODAY - timedelta(days=5))
    assert codes(facts) == [health.NO_NEXT_STEP]


def test_closed_pursuits_raise_nothing_and_money_flags_wait_in_stage_8() -> None:
    broken = healthy(
        8,
        insiders=(),
        acceptance_signed=False,
        next_step="",
        instalments=(InstalmentFacts(10, TODAY - timedelta(days=3), None),),
    )
    assert codes(dataclasses.replace(broken, status="lost")) == []
    assert codes(dataclasses.replace(broken, status="abandoned")) == []
    # Collected is the win: the money is in, nothing is left to flag.
    assert codes(dataclasses.replace(broken, status="collected")) == []
    # Signed and still collecting: open in stage 8, where the money flags apply.
    found = codes(broken)
    assert health.ACCEPTANCE_UNSIGNED in found and health.OVERDUE_INSTALMENTS in found


def test_flags_say_why_in_both_languages_and_where_to_fix() -> None:
    facts = healthy(
        8,
        insiders=(),
        decision_makers=(KeyPerson("李总", "acquainted"),),
        value_case=ValueCaseFacts(1, 1, "no"),
        criteria=(
            CriterionFacts("报价", 5, 2, 4, None, False),
            CriterionFacts("周期", 4, 1, 3, None, False),
        ),
        rivals=(RivalFacts("赛达软件", False, False),),
        risks=(RiskFacts("预算延后", 5, "open"),),
        acceptance_signed=False,
        acceptance_due=TODAY - timedelta(days=3),
        instalments=(
            InstalmentFacts(30_000_00, TODAY - timedelta(days=1), None),
            InstalmentFacts(12_345_67, TODAY - timedelta(days=40), None),
        ),
        next_step_due=TODAY - timedelta(days=4),
        stage_entered_on=TODAY - timedelta(days=45),
        expected_close=TODAY - timedelta(days=1),
    )
    flags = evaluate(facts, TODAY)
    by_code = {f.code: f for f in flags}
    assert [f.code for f in flags] == [
        health.NO_INSIDER,
        health.WEAK_DECISION_MAKER,
        health.VALUE_CASE_NOT_ACCEPTED,
        health.FATAL_WITHOUT_PLAN,
        health.RIVAL_UNANSWERED,
        health.OPEN_HIGH_RISKS,
        health.ACCEPTANCE_UNSIGNED,
        health.OVERDUE_INSTALMENTS,
        health.NEXT_STEP_OVERDUE,
        health.STALE,
        health.CLOSE_DATE_PASSED,
    ]
    assert by_code[health.NO_INSIDER].reason("zh").startswith("还没有内线")
    assert by_code[health.NO_INSIDER].reason("en").startswith("No insider")
    assert "李总" in by_code[health.WEAK_DECISION_MAKER].reason("zh")
    assert "认识" in by_code[health.WEAK_DECISION_MAKER].reason("zh")
    assert "不认可" in by_code[health.VALUE_CASE_NOT_ACCEPTED].reason("zh")
    assert "报价、周期" in by_code[health.FATAL_WITHOUT_PLAN].reason("zh")
    assert "报价, 周期" in by_code[health.FATAL_WITHOUT_PLAN].reason("en")
    assert "赛达软件" in by_code[health.RIVAL_UNANSWERED].reason("en")
    assert "2026-06-12" in by_code[health.ACCEPTANCE_UNSIGNED].reason("zh")
    assert "已过计划日期" in by_code[health.ACCEPTANCE_UNSIGNED].reason("zh")
    assert by_code[health.OVERDUE_INSTALMENTS].reason("zh") == "回款逾期 2 笔，共 ¥42,345.67"
    assert "4 天" in by_code[health.NEXT_STEP_OVERDUE].reason("zh")
    assert by_code[health.STALE].reason("en") == "45 days without a touch (limit 30 days)"
    # English counts the days and payments as Chinese does, in words a rep would use.
    assert (
        by_code[health.NEXT_STEP_OVERDUE]
        .reason("en")
        .startswith("The next step is 4 days overdue (due ")
    )
    assert by_code[health.OVERDUE_INSTALMENTS].reason("en") == (
        "2 payments overdue, ¥42,345.67 in total"
    )
    assert (
        by_code[health.RIVAL_UNANSWERED]
        .reason("en")
        .startswith("Competitors without a label or a counter-plan: ")
    )
    # Where to fix: a workspace section, its field, and a coaching point to fall back on.
    assert (by_code[health.NO_INSIDER].section, by_code[health.NO_INSIDER].coaching_key) == (
        health.STAKEHOLDERS,
        "s1.insider",
    )
    assert by_code[health.VALUE_CASE_NOT_ACCEPTED].section == health.VALUE
    assert by_code[health.OVERDUE_INSTALMENTS].target == "instalments"
    assert by_code[health.NEXT_STEP_OVERDUE].target == "next_step_due"
    assert by_code[health.STALE].level == health.AMBER
    assert by_code[health.NO_INSIDER].level == health.RED


def test_english_says_one_day_and_one_payment() -> None:
    due = TODAY - timedelta(days=1)
    overdue = health.RedFlag(
        health.NEXT_STEP_OVERDUE,
        health.AMBER,
        health.OVERVIEW,
        "next_step_due",
        params={"days": 1, "date": due.isoformat()},
    )
    assert overdue.reason("en") == f"The next step is 1 day overdue (due {due.isoformat()})"
    assert overdue.reason("zh") == f"下一步行动已逾期 1 天（应于 {due.isoformat()} 完成）"
    payment = health.RedFlag(
        health.OVERDUE_INSTALMENTS,
        health.RED,
        health.COLLECTION,
        "instalments",
        params={"count": 1, "amount": 500, "currency": "USD"},
    )
    assert payment.reason("en") == "1 payment overdue, $5 in total"
    assert payment.reason("zh") == "回款逾期 1 笔，共 $5"


def test_long_lists_of_names_are_shortened() -> None:
    many = tuple(RiskFacts(f"风险{n}", 5, "open") for n in range(5))
    (flag,) = evaluate(healthy(6, risks=many), TODAY)
    assert flag.reason("zh").endswith("风险0、风险1、风险2 等 5 项")
    assert flag.reason("en").endswith("风险0, 风险1, 风险2 and 2 more")


def test_every_flag_points_to_a_real_coaching_point() -> None:
    from desktop.domain.methodology import default_catalog

    catalog = default_catalog()
    broken = healthy(
        8,
        insiders=(),
        initiators=(),
        decision_makers=(),
        designers=(),
        evaluators=(),
        allies=(),
        pains=(),
        value_case=None,
        criteria=(CriterionFacts("x", 5, 1, 5, None, False),),
        rivals=(RivalFacts("y", False, False),),
        risks=(RiskFacts("z", 5, "open"),),
        acceptance_signed=False,
        instalments=(InstalmentFacts(1, TODAY - timedelta(days=1), None),),
    )
    flags = evaluate(broken, TODAY)
    assert len(flags) == 13
    for flag in flags:
        assert catalog.question(flag.coaching_key).key == flag.coaching_key


def test_format_money() -> None:
    assert health.format_money(128_000_000) == "¥1,280,000"
    assert health.format_money(-5_050, "USD") == "-$50.50"
    assert health.format_money(100, "CHF") == "CHF 1"


def test_missing_people_and_pains_come_in_the_methods_order_and_say_why() -> None:
    facts = healthy(
        8, insiders=(), initiators=(), designers=(), evaluators=(), allies=(), pains=("",)
    )
    flags = evaluate(facts, TODAY)
    assert [f.code for f in flags] == [
        health.NO_INSIDER,
        health.NO_INITIATOR,
        health.NO_DESIGNER,
        health.NO_EVALUATOR,
        health.NO_ALLY,
        health.NO_PAIN,
    ]
    by_code = {f.code: f for f in flags}
    assert by_code[health.NO_INITIATOR].reason("zh").startswith("还没有发起者")
    assert by_code[health.NO_DESIGNER].reason("zh").startswith("还没有找到设计者")
    assert by_code[health.NO_EVALUATOR].reason("zh").startswith("还没有找到评估者")
    assert by_code[health.NO_ALLY].reason("zh").startswith("还没有同盟者")
    assert by_code[health.NO_PAIN].reason("en").startswith("The pain analysis is empty")
    # Each points to the map (a role) or the pains, with the coaching point that asks for it.
    where = {f.code: (f.section, f.target, f.coaching_key) for f in flags}
    assert where[health.NO_INITIATOR] == (health.STAKEHOLDERS, "initiator", "s2.pain_owner")
    assert where[health.NO_DESIGNER] == (health.STAKEHOLDERS, "designer", "s4.designer")
    assert where[health.NO_EVALUATOR] == (health.STAKEHOLDERS, "evaluator", "s5.evaluator")
    assert where[health.NO_ALLY] == (health.STAKEHOLDERS, "ally", "s5.ally")
    assert where[health.NO_PAIN] == (health.VALUE, "add_pain", "s2.pain")
    assert all(f.level == health.RED for f in flags)


def test_an_ally_is_whoever_reached_the_last_relationship_stage() -> None:
    from desktop.domain.methodology import default_catalog

    assert health.ALLY == default_catalog().vocab("relationship_stages").keys()[-1] == "ally"


def test_role_rules_name_the_catalogs_buying_roles() -> None:
    from desktop.domain.methodology import default_catalog

    roles = default_catalog().vocab("buying_roles").keys()
    assert set(health.ROLE_RULES.values()) <= set(roles)
    assert set(health.ROLE_RULES.values()) | {"decision_maker"} == set(roles)


def test_every_rule_has_a_severity_and_a_stage() -> None:
    codes_with_reasons = set(health._REASONS)
    assert set(health.SEVERITY) == set(health.FROM_STAGE) == codes_with_reasons
    assert set(health.SEVERITY.values()) == {health.BLOCKING, health.ADVICE}


BLOCKING = [
    health.NO_INSIDER,
    health.NO_INITIATOR,
    health.NO_PAIN,
    health.NO_DECISION_MAKER,
    health.NO_VALUE_CASE,
    health.VALUE_CASE_NOT_ACCEPTED,
    health.NO_DESIGNER,
    health.FATAL_WITHOUT_PLAN,
    health.NO_ALLY,
    health.OPEN_HIGH_RISKS,
    health.OVERDUE_INSTALMENTS,
]


@pytest.mark.parametrize(("code", "change", "first"), BROKEN)
def test_each_flag_carries_its_rules_severity(
    code: str, change: dict[str, object], first: int
) -> None:
    settled = TODAY - timedelta(days=health.SETTLING_DAYS)  # past the stage's first days
    (flag,) = evaluate(healthy(first, **{"stage_entered_on": settled, **change}), TODAY)
    expected = health.BLOCKING if code in BLOCKING else health.ADVICE
    assert flag.severity == expected
    assert flag.blocking is (expected == health.BLOCKING)


def test_housekeeping_and_sharpening_are_advice_only() -> None:
    advice = {code for code, weight in health.SEVERITY.items() if weight == health.ADVICE}
    assert advice == {
        health.WEAK_DECISION_MAKER,
        health.NO_EVALUATOR,
        health.RIVAL_UNANSWERED,
        health.ACCEPTANCE_UNSIGNED,
        health.NO_NEXT_STEP,
        health.NEXT_STEP_OVERDUE,
        health.STALE,
        health.CLOSE_DATE_PASSED,
    }


@pytest.mark.parametrize(("code", "change", "first"), BROKEN)
def test_a_missing_thing_weighs_as_advice_in_the_first_days_of_the_stage_that_asks_it(
    code: str, change: dict[str, object], first: int
) -> None:
    """Just entered (or created in) the stage where the rule starts: nobody could have found it
    yet; a week on, and from any later stage, it weighs what the rule says."""
    if code not in health.SETTLING:
        return
    for days in range(health.SETTLING_DAYS):
        entered = TODAY - timedelta(days=days)
        (flag,) = evaluate(healthy(first, stage_entered_on=entered, **change), TODAY)
        assert flag.settling and not flag.blocking and flag.severity == health.ADVICE
    settled = TODAY - timedelta(days=health.SETTLING_DAYS)
    (flag,) = evaluate(healthy(first, stage_entered_on=settled, **change), TODAY)
    assert flag.blocking and not flag.settling
    if first < 8:  # moved on to the next stage today: the rule started earlier, it blocks
        later = evaluate(healthy(first + 1, stage_entered_on=TODAY, **change), TODAY)
        assert [f.blocking for f in later if f.code == code] == [True]


def test_only_missing_things_settle() -> None:
    assert health.OPEN_HIGH_RISKS not in health.SETTLING
    assert health.OVERDUE_INSTALMENTS not in health.SETTLING
    assert all(health.SEVERITY[code] == health.BLOCKING for code in health.SETTLING)
