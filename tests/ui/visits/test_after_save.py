"""After the editor saves a visit, its list selects it and has the keys, so Print preview and
Record outcome act on it at once (tester round 6: focus went to the search box)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, QDateTime, QTime

from desktop.services import visits
from desktop.services.visits import utcnow
from desktop.ui.common import format as fmt
from desktop.ui.visits.screen import VisitsScreen
from desktop.ui.visits.tab import PursuitVisitsTab


def _plan(qtbot, editor, objective: str) -> None:
    day = fmt.local(utcnow()).date() + timedelta(days=2)
    editor.when.setDateTime(QDateTime(QDate(day.year, day.month, day.day), QTime(9, 0)))
    editor.objective.setPlainText(objective)
    with qtbot.waitSignal(editor.finished):
        editor.accept()


def test_the_tab_selects_the_visit_just_planned(qtbot, ctx, host, planned) -> None:
    tab = PursuitVisitsTab(ctx, host)
    tab.set_pursuit(planned.pursuit_id)
    tab.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    assert tab.current() is None and not tab.visit_actions.preview.isEnabled()

    _plan(qtbot, tab.visit_actions.new_visit(), "确认试点范围")

    (new,) = [
        r
        for r in visits.visits_of(ctx.workspace, planned.pursuit_id)
        if r.objective == "确认试点范围"
    ]
    assert tab.current() is not None and tab.current().id == new.id
    assert tab.visit_actions.preview.isEnabled()
    qtbot.waitUntil(tab.view.hasFocus)


def test_the_screen_selects_the_visit_just_planned(qtbot, ctx, host, planned) -> None:
    screen = VisitsScreen(ctx, host)
    screen.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    editor = screen.visit_actions.new_visit()
    editor.choose_pursuit(planned.pursuit_id)

    _plan(qtbot, editor, "演示样板工厂")

    (new,) = [
        r
        for r in visits.visits_of(ctx.workspace, planned.pursuit_id)
        if r.objective == "演示样板工厂"
    ]
    assert screen.current() is not None and screen.current().id == new.id
    assert screen.visit_actions.preview.isEnabled()
    qtbot.waitUntil(screen.view.hasFocus)
