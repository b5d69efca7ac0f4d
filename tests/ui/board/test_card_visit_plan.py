"""The card's "Print visit plan…" prints the plan of the pursuit's next planned visit — the plan
its Visits tab and `pursuit print-plan --visit` print — with a choice when several are ahead."""

from __future__ import annotations

from datetime import timedelta

import pytest

from PySide6.QtPrintSupport import QPrintPreviewDialog

from desktop.services import pursuits, visits
from desktop.services.pursuits import PursuitDraft
from desktop.services.visits import VisitDraft, utcnow


def new_pursuit(window) -> str:
    pursuit_id, _ = window.ctx.perform(
        pursuits.create_pursuit,
        PursuitDraft(title="数据中台建设", account_name="南京远科证券科技有限公司", stage=5),
    )
    return pursuit_id


def plan_visit(window, pursuit_id: str, days: int, objective: str) -> str:
    visit_id, _ = window.ctx.perform(
        visits.create_visit,
        VisitDraft(pursuit_id, utcnow().replace(hour=1) + timedelta(days=days), objective),
    )
    return visit_id


def print_from_card(window, qtbot, pursuit_id: str):
    board = window.screens["board"]
    qtbot.waitUntil(lambda: board.model.card(pursuit_id) is not None)
    board.board.select_ids([pursuit_id])
    menu = board.build_context_menu(5)
    action = next(a for a in menu.actions() if a.objectName() == "action_print_plan")
    action.trigger()
    return window._visits


def shown_plan(qtbot, actions):
    job = actions.running[-1]
    qtbot.waitUntil(lambda: isinstance(job.dialog, QPrintPreviewDialog))
    job.dialog.reject()
    return job.plan


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_card_prints_the_plan_of_its_planned_visit(main_window, qtbot) -> None:
    pursuit_id = new_pursuit(main_window)
    visit_id = plan_visit(main_window, pursuit_id, 1, "Agree the pilot scope")

    plan = shown_plan(qtbot, print_from_card(main_window, qtbot, pursuit_id))

    assert plan.visit is not None and plan.visit.id == visit_id
    assert plan.visit.objective == "Agree the pilot scope"


def test_several_visits_ahead_ask_which_one(main_window, qtbot) -> None:
    pursuit_id = new_pursuit(main_window)
    plan_visit(main_window, pursuit_id, 1, "确认试点范围")
    later = plan_visit(main_window, pursuit_id, 3, "向信息中心演示")

    actions = print_from_card(main_window, qtbot, pursuit_id)
    chooser = actions.chooser
    assert chooser is not None and chooser.isVisible() and not actions.running
    items = chooser.comboBoxItems()
    assert len(items) == 3 and "确认试点范围" in items[0] and "向信息中心演示" in items[1]
    assert chooser.textValue() == items[0]  # the soonest is offered first
    chooser.setTextValue(items[1])
    chooser.accept()

    plan = shown_plan(qtbot, actions)
    assert plan.visit is not None and plan.visit.id == later


def test_without_a_visit_ahead_the_pursuit_plan_is_printed(main_window, qtbot) -> None:
    pursuit_id = new_pursuit(main_window)

    plan = shown_plan(qtbot, print_from_card(main_window, qtbot, pursuit_id))

    assert plan.visit is None and plan.pursuit_id == pursuit_id
