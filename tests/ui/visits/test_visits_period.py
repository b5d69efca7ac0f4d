"""The Visits screen beyond this week and next: past and coming visits over a period or a date
range (grouped by week), a week view, the print button that survives leaving the screen, and a
busy cursor while the plan is painted."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from desktop.services import visits
from desktop.services.visits import utcnow
from desktop.ui.common import format as fmt
from desktop.ui.visits.models import WEEK_PREFIX
from desktop.ui.visits.printing import PlanPrinter
from desktop.ui.visits.screen import VisitsScreen


def make_screen(qtbot, ctx, host) -> VisitsScreen:
    widget = VisitsScreen(ctx, host)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def listed(screen: VisitsScreen) -> list[str]:
    return [row.id for _bucket, rows in screen.model.groups for row in rows]


def test_a_date_range_lists_past_and_coming_visits_by_week(qtbot, ctx, host, planned) -> None:
    visits.create_visit(
        ctx.workspace,
        visits.VisitDraft(planned.pursuit_id, utcnow() - timedelta(days=40), "回访信息中心"),
    )
    screen = make_screen(qtbot, ctx, host)
    today = fmt.local(utcnow()).date()
    first, last = today - timedelta(days=60), today + timedelta(days=20)
    screen.set_range(first, last)
    expected = visits.visits_between(ctx.workspace, first, last)
    now = utcnow()
    assert any(r.is_past(now) for r in expected) and any(not r.is_past(now) for r in expected)
    assert sorted(listed(screen)) == sorted(r.id for r in expected)
    buckets = [bucket for bucket, _rows in screen.model.groups]
    assert all(b.startswith(WEEK_PREFIX) for b in buckets) and buckets == sorted(buckets)
    assert screen.range_from.isVisibleTo(screen) and screen.range_to.isVisibleTo(screen)
    assert "–" in screen.model.index(0, 0).data()
    assert "已进行" in screen.counts.text() and "待进行" in screen.counts.text()
    screen.set_period("past30")
    assert not screen.range_from.isVisibleTo(screen)
    assert all(r.is_past(utcnow()) or r.starts_at.date() <= today for r in _rows(screen))
    screen.set_period("upcoming")  # back to this week and next, as before
    assert sorted(listed(screen)) == sorted(r.id for r in visits.upcoming_visits(ctx.workspace))


def _rows(screen: VisitsScreen):
    return [row for _bucket, rows in screen.model.groups for row in rows]


def test_the_week_view_shows_one_week_and_selects_in_the_list(qtbot, ctx, host) -> None:
    screen = make_screen(qtbot, ctx, host)
    coming = visits.upcoming_visits(ctx.workspace)
    target = next(r for r in coming if not r.is_past(utcnow()))
    day = fmt.local(target.starts_at).date()
    screen.show_week(day)
    assert screen.pages.currentWidget() is screen.week
    shown = screen.week.visit_ids()
    column = day.weekday()
    assert target.id in shown[column]
    monday = visits.week_start(day)
    assert sorted(i for ids in shown for i in ids) == sorted(
        r.id for r in visits.visits_between(ctx.workspace, monday, monday + timedelta(days=6))
    )
    assert screen.week.titles[column].text().endswith(fmt.short_date(day, "zh"))
    screen.week.chosen.emit(target.id)
    assert screen.current() is not None and screen.current().id == target.id
    screen.move_week(-1)
    assert screen.monday == monday - timedelta(days=7)
    screen.week_button.setChecked(False)
    assert screen.pages.currentWidget() is not screen.week


def test_the_print_button_survives_leaving_the_screen(main_window, qtbot) -> None:
    def toolbar_button():
        return [
            b
            for b in main_window.toolbar.findChildren(QToolButton, "print_button")
            if b.isVisible()
        ]

    main_window.show_screen("visits")
    qtbot.wait(10)
    assert len(toolbar_button()) == 1
    main_window.show_screen("board")
    qtbot.wait(10)
    assert toolbar_button() == []
    main_window.show_screen("visits")
    qtbot.wait(10)
    buttons = toolbar_button()
    assert len(buttons) == 1 and buttons[0].menu() is not None
    assert buttons[0] is main_window.screens["visits"].print_button


def test_the_preview_paints_under_a_busy_cursor(qtbot, ctx, host, planned) -> None:
    job = PlanPrinter(ctx, host, visit_id=planned.id)
    cursors = []
    original = job.document

    def watched():
        cursor = QApplication.overrideCursor()
        cursors.append(cursor.shape() if cursor is not None else None)
        return original()

    job.document = watched  # type: ignore[method-assign]
    job.start(PlanPrinter.PREVIEW)
    qtbot.waitUntil(lambda: job.pages_painted > 0, timeout=5000)
    assert cursors and cursors[0] == Qt.CursorShape.WaitCursor
    assert QApplication.overrideCursor() is None  # given back
    room = job.dialog.screen().availableGeometry()
    assert job.dialog.height() < room.height() and job.dialog.width() <= room.width()
    job.dialog.reject()
