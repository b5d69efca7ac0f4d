"""The app opens on the Today screen when anything is overdue or due today, else on the board;
either way start-up builds only the screen it shows."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.services import activities, pursuits
from desktop.services.activities import ActivityDraft


def open_window(qtbot, workspace):
    from desktop.app import create_main_window, make_application
    from desktop.infra.settings import Settings

    make_application()
    _ctx, window = create_main_window(workspace, Settings(), today_when_due=True)
    qtbot.addWidget(window)
    return window


def test_opens_on_today_when_something_is_due(qtbot, ws) -> None:
    pid, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title="今日项目", account_name="今日客户")
    )
    activities.create_activity(
        ws,
        ActivityDraft(subject="补发报价单", pursuit_id=pid, due_on=date.today() - timedelta(1)),
    )
    window = open_window(qtbot, ws)
    assert window.stack.currentWidget() is window.screens["today"]
    assert list(window.screens) == ["today"]


def test_opens_on_the_board_when_nothing_is_due(qtbot, ws) -> None:
    pid, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title="以后项目", account_name="以后客户")
    )
    activities.create_activity(
        ws,
        ActivityDraft(subject="下周的电话", pursuit_id=pid, due_on=date.today() + timedelta(7)),
    )
    window = open_window(qtbot, ws)
    assert window.stack.currentWidget() is window.screens["board"]
    assert list(window.screens) == ["board"]
