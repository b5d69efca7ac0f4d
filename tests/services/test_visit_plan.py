"""The visit plan's content, assembled from the database in one language."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.domain import value_case
from desktop.domain.methodology import default_catalog
from desktop.services import pursuits, records, stakeholders, visits
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import PursuitDraft
from desktop.services.reports import visit_plan
from desktop.services.visits import VisitDraft
from desktop.storage.tables import membership_id, utcnow
from tests.collecting import collect

CATALOG = default_catalog()


@pytest.fixture
def deal(ws):
    """A stage-4 pursuit with people, answers, pains, a value case, competitors and risks."""
    pursuit_id, _ = pursuits.create_pursuit(
        ws,
        PursuitDraft(
            title="MES 生产执行系统",
            account_name="苏州恒通电子有限公司",
            amount=1_200_000_00,
            stage=4,
            next_step="提交价值建议书",
        ),
    )
    boss, _ = stakeholders.create_stakeholder(
        ws,
        pursuit_id,
        {
            "name": "张伟",
            "title": "总经理",
            "relationship": "interacting",
            "personality": "tiger",
            "interests": "羽毛球",
            "plan": "每月一次技术交流",
        },
        roles=["decision_maker"],
    )
    coach, _ = stakeholders.create_stakeholder(
        ws,
        pursuit_id,
        {"name": "李娜", "title": "信息中心主任", "relationship": "ally", "personality": "owl"},
        roles=["designer", "insider"],
        help_wanted=["introduce", "share_info"],
    )
    absent, _ = stakeholders.create_stakeholder(
        ws, pursuit_id, {"name": "王芳", "title": "采购经理"}, roles=["evaluator"]
    )
    questions = CATALOG.stage(4).questions
    for index, question in enumerate(questions[:3]):
        records.create(
            ws,
            "coaching_answer",
            {
                "pursuit_id": pursuit_id,
                "question_key": question.key,
                "stage": 4,
                "answer": f"答案 {index}",
                "done": index < 2,  # the third is answered in part, not done
            },
            record_id=membership_id("answer", pursuit_id, question.key),
        )
    records.create(
        ws,
        "pain_point",
        {
            "pursuit_id": pursuit_id,
            "pain": "交付准时率低",
            "impact": "年损失 800 万",
            "severity": 4,
            "current_state": "82%",
            "goal": "95%",
            "stakeholder_id": boss,
        },
    )
    records.create(
        ws, "pain_point", {"pursuit_id": pursuit_id, "pain": "报表靠手工", "severity": 5}
    )
    case_id, _ = records.create(
        ws,
        "value_case",
        {
            "pursuit_id": pursuit_id,
            "investment": 1_200_000_00,
            "horizon_years": 3,
            "accepted": "yes",
            "feedback": "认可人力节省",
        },
        record_id=membership_id("value_case", pursuit_id),
    )
    for label, amount in (("人力节省", 500_000_00), ("库存下降", 300_000_00)):
        records.create(
            ws, "value_benefit", {"value_case_id": case_id, "label": label, "amount": amount}
        )
    rival, _ = records.create(ws, "competitor", {"name": "赛达软件", "labels": "“昂贵的半成品”"})
    other, _ = records.create(ws, "competitor", {"name": "云启科技"})
    outsider, _ = records.create(ws, "competitor", {"name": "恒通信息"})  # not in this pursuit
    for position, competitor in enumerate((rival, other)):
        records.create(
            ws,
            "pursuit_competitor",
            {
                "pursuit_id": pursuit_id,
                "competitor_id": competitor,
                "position": float(position),
                "flaws": "无源码交付" if competitor == rival else "",
                "harm": "升级受制于人",
                "label": "“昂贵的半成品”" if competitor == rival else "",
                "benefits": "源码交付,升级自主" if competitor == rival else "",
            },
        )

    def criterion(name, importance, ours, scores, **extra):
        indicator_id, _ = records.create(
            ws,
            "indicator",
            {
                "pursuit_id": pursuit_id,
                "name": name,
                "importance": importance,
                "our_score": ours,
                **extra,
            },
        )
        for competitor, score in scores.items():
            records.create(
                ws,
                "indicator_score",
                {"indicator_id": indicator_id, "competitor_id": competitor, "score": score},
            )

    criterion("系统稳定性", 5, 5, {rival: 3, other: 4}, action_plan="参观样板工厂")
    criterion("报价", 4, 2, {rival: 4, other: 3})  # fatal, no action plan yet
    criterion("移动端体验", 2, 4, {rival: 2, other: 2})  # sleeping
    criterion("实施周期", 3, 3, {rival: 3, other: 2, outsider: 5})  # neutral: outsider ignored
    criterion(
        "本地化服务", 3, 2, {rival: 4}, class_override="winning", override_reason="客户不在意"
    )
    records.create(
        ws,
        "risk",
        {
            "pursuit_id": pursuit_id,
            "description": "担心上线影响生产",
            "severity": 3,
            "impact_person": "生产总监考核",
            "prevention": "分阶段上线",
            "remedy": "驻场保障",
        },
    )
    records.create(
        ws,
        "risk",
        {"pursuit_id": pursuit_id, "description": "预算延后", "severity": 5, "status": "mitigated"},
    )
    records.create(
        ws, "risk", {"pursuit_id": pursuit_id, "description": "已解决", "status": "closed"}
    )
    visit_id, _ = visits.create_visit(
        ws,
        VisitDraft(
            pursuit_id=pursuit_id,
            starts_at=utcnow() + timedelta(days=2),
            objective="确认采购指标并介绍样板客户案例",
            questions="预算审批流程?",
            attendee_ids=[coach, boss],
        ),
    )
    return {
        "pursuit": pursuit_id,
        "visit": visit_id,
        "boss": boss,
        "coach": coach,
        "absent": absent,
    }


def test_plan_of_a_visit_in_chinese(ws, deal) -> None:
    plan = visit_plan.build_plan(ws, visit_id=deal["visit"], lang="zh")
    assert (plan.account, plan.title) == ("苏州恒通电子有限公司", "MES 生产执行系统")
    assert (plan.stage, plan.stage_process, plan.stage_milestone) == (4, "引导指标", "明确需求")
    assert plan.stage_label == "引导指标 · 明确需求"
    assert (plan.win_rate, plan.amount, plan.weighted) == (40, 1_200_000_00, 480_000_00)
    assert plan.objective == "确认采购指标并介绍样板客户案例"
    assert plan.warnings == ()
    # Attendees: the decision-maker first; everyone else is listed as "others".
    assert [p.name for p in plan.attendees] == ["张伟", "李娜"]
    assert [p.name for p in plan.others] == ["王芳"]
    boss, coach = plan.attendees
    assert boss.roles == ("决策者",)
    assert (boss.relationship, boss.relationship_rank, boss.relationship_steps) == ("互动", 2, 4)
    assert (boss.personality, boss.personality_traits) == ("老虎", "外向、强势")
    assert boss.how_to_deal == CATALOG.personality_types["tiger"].text("how_to_deal", "zh")
    assert (boss.interests, boss.plan) == ("羽毛球", "每月一次技术交流")
    assert coach.roles == ("内线", "设计者")  # in the catalog's order
    assert coach.help == ("透露信息", "穿针引线")
    assert coach.relationship_rank == 4


def test_open_coaching_points_of_the_current_stage(ws, deal) -> None:
    plan = visit_plan.build_plan(ws, visit_id=deal["visit"], lang="zh")
    questions = CATALOG.stage(4).questions
    assert plan.questions_total == len(questions)
    assert [q.text for q in plan.questions_open] == [q.text.zh for q in questions[2:]]
    assert plan.questions_open[0].answer == "答案 2"  # what is known so far
    assert plan.questions_done == 2
    assert visit_plan.open_questions(ws, deal["pursuit"], "en") == [
        q.text.en for q in questions[2:]
    ]


def test_pains_and_value_case_headline(ws, deal) -> None:
    plan = visit_plan.build_plan(ws, pursuit_id=deal["pursuit"], lang="zh")
    assert [p.pain for p in plan.pains] == ["报表靠手工", "交付准时率低"]  # most severe first
    assert plan.pains[1].stakeholder == "张伟"
    value = plan.value
    assert value is not None
    expected = value_case.evaluate(1_200_000_00, [500_000_00, 300_000_00], 3)
    assert value.net_yearly_benefit == expected.net_yearly_benefit == 800_000_00
    assert value.payback_years == expected.payback_years == 1.5
    assert value.roi_percent == expected.roi_percent == 100.0
    assert (value.accepted_key, value.feedback) == ("yes", "认可人力节省")
    assert value.benefits == (("人力节省", 500_000_00), ("库存下降", 300_000_00))


def test_competitors_and_winning_and_fatal_criteria(ws, deal) -> None:
    plan = visit_plan.build_plan(ws, visit_id=deal["visit"], lang="zh")
    assert [(c.name, c.label) for c in plan.competitors] == [
        ("赛达软件", "“昂贵的半成品”"),
        ("云启科技", ""),
    ]
    assert plan.competitors[0].flaws == "无源码交付"
    assert plan.competitors[0].counter == "源码交付,升级自主"
    classes = [(i.name, i.class_key, i.class_label) for i in plan.indicators]
    assert classes == [
        ("系统稳定性", "winning", "优胜"),
        ("本地化服务", "winning", "优胜"),  # the rep's override stands
        ("报价", "fatal", "致命"),
        ("移动端体验", "sleeping", "沉睡"),
    ]
    stable = plan.indicators[0]
    assert (stable.our_score, stable.best_rival, stable.best_rival_score) == (5, "云启科技", 4)
    assert stable.action_plan == "参观样板工厂"
    price = plan.indicators[2]
    assert price.action_plan == ""
    assert price.method_action == CATALOG.indicator_classes["fatal"].text("action", "zh")


def test_open_risks_most_severe_open_first(ws, deal) -> None:
    plan = visit_plan.build_plan(ws, visit_id=deal["visit"], lang="en")
    assert [(r.description, r.status) for r in plan.risks] == [
        ("担心上线影响生产", "Open"),
        ("预算延后", "Mitigated"),
    ]
    assert plan.risks[0].impacts == (("Personal", "生产总监考核"),)
    assert (plan.risks[0].prevention, plan.risks[0].remedy) == ("分阶段上线", "驻场保障")


def test_english_texts_come_from_the_catalog(ws, deal) -> None:
    plan = visit_plan.build_plan(ws, visit_id=deal["visit"], lang="en")
    assert plan.stage_label == "Shape the buying criteria · Requirements defined"
    assert plan.attendees[0].roles == ("Decision-maker",)
    assert plan.attendees[0].personality == "Tiger"
    assert plan.status == "Open"
    assert plan.indicators[2].class_label == "Fatal"


def test_plan_of_a_pursuit_without_a_visit(ws, deal) -> None:
    plan = visit_plan.build_plan(ws, pursuit_id=deal["pursuit"], lang="zh")
    assert plan.visit is None
    assert plan.objective == ""
    assert {p.name for p in plan.attendees} == {"张伟", "李娜", "王芳"}
    assert plan.others == ()
    assert plan.warnings == ()


def test_warnings_for_a_past_visit_without_attendees(ws, deal) -> None:
    visits.update_visit(ws, deal["visit"], {"starts_at": utcnow() - timedelta(days=1)}, [])
    plan = visit_plan.build_plan(ws, visit_id=deal["visit"])
    assert plan.warnings == (visit_plan.VISIT_PAST, visit_plan.NO_ATTENDEES)
    collect(ws, [deal["pursuit"]])
    won = visit_plan.build_plan(ws, pursuit_id=deal["pursuit"], now=datetime(2020, 1, 1))
    assert won.warnings == (visit_plan.PURSUIT_CLOSED,)
    assert won.win_rate == 100


def test_deleted_people_and_unknown_ids(ws, deal) -> None:
    records.delete(ws, "stakeholder", deal["coach"])
    plan = visit_plan.build_plan(ws, visit_id=deal["visit"])
    assert [p.name for p in plan.attendees] == ["张伟"]
    visits.delete_visit(ws, deal["visit"])
    with pytest.raises(NotFound):
        visit_plan.build_plan(ws, visit_id=deal["visit"])
    with pytest.raises(NotFound):
        visit_plan.build_plan(ws, pursuit_id="no-such-pursuit")
    with pytest.raises(InvalidInput):
        visit_plan.build_plan(ws)
    with pytest.raises(InvalidInput):
        visit_plan.build_plan(ws, visit_id=deal["visit"], pursuit_id=deal["pursuit"])


def test_every_demo_visit_has_a_plan(demo_ws) -> None:
    rows = visits.upcoming_visits(demo_ws, today=utcnow().date() + timedelta(days=7))
    assert rows
    for row in rows:
        plan = visit_plan.build_plan(demo_ws, visit_id=row.id, lang="zh")
        assert plan.attendees and plan.objective
        assert all(q.text for q in plan.questions_open)


def test_the_matrix_read_without_the_grid_service(ws, deal, monkeypatch) -> None:
    """Without services.indicators the plan reads the matrix itself, with the same classes."""
    with_grid = visit_plan.build_plan(ws, visit_id=deal["visit"], lang="zh")
    monkeypatch.setattr(visit_plan, "_grid_summary", lambda *_args: None)
    alone = visit_plan.build_plan(ws, visit_id=deal["visit"], lang="zh")
    assert [(i.name, i.class_key, i.best_rival, i.best_rival_score) for i in alone.indicators] == [
        (i.name, i.class_key, i.best_rival, i.best_rival_score) for i in with_grid.indicators
    ]
    assert [(c.name, c.label, c.counter) for c in alone.competitors] == [
        (c.name, c.label, c.counter) for c in with_grid.competitors
    ]


def test_coming_visits_are_the_planned_ones_ahead_soonest_first(ws) -> None:
    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="数据中台建设", account_name="南京远科证券科技有限公司")
    )
    now = utcnow()

    def plan(hours: int, objective: str) -> str:
        visit_id, _ = visits.create_visit(
            ws, VisitDraft(pursuit_id, now + timedelta(hours=hours), objective)
        )
        return visit_id

    later = plan(72, "Demo to the CIO")
    tomorrow = plan(24, "Agree the pilot scope")
    plan(-24, "Yesterday's call")  # begun: not ahead
    written = plan(48, "Outcome already written")
    visits.record_outcome(ws, written, "went well")
    gone = plan(36, "Deleted")
    visits.delete_visit(ws, gone)

    coming = visit_plan.coming_visits(ws, pursuit_id, now=now)

    assert [v.id for v in coming] == [tomorrow, later]
    assert coming[0].objective == "Agree the pilot scope"
    # The plan of the first is the one `print-plan --visit` prints.
    plan_of_visit = visit_plan.build_plan(ws, visit_id=coming[0].id, lang="en")
    assert plan_of_visit.visit is not None and plan_of_visit.visit.objective == coming[0].objective
    with pytest.raises(NotFound):
        visit_plan.coming_visits(ws, "no-such-pursuit")
