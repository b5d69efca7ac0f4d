"""Import from calendar in a pursuit's Visits tab: file dialog, preview, one undo step."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.services import activities, visits
from desktop.services.calendar_import import event_record_id
from desktop.ui.common import format as fmt
from desktop.ui.visits.tab import PursuitVisitsTab


def invitation(path, *, recurring: bool = False):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Customer//Outlook//EN")
    cal.add("version", "2.0")
    for uid, summary, start, end in (
        (
            "review@customer",
            "方案评审会",
            datetime(2030, 3, 5, 14, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
            datetime(2030, 3, 5, 15, 30, tzinfo=ZoneInfo("Asia/Shanghai")),
        ),
        ("visit@customer", "Factory tour", date(2030, 3, 7), date(2030, 3, 8)),
    ):
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("summary", summary)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("dtstamp", datetime(2030, 1, 1, tzinfo=UTC))
        event.add("location", "客户总部")
        if recurring and uid == "visit@customer":
            event.add("rrule", {"freq": "weekly"})
        cal.add_component(event)
    cal.add_missing_timezones()
    path.write_bytes(cal.to_ical())
    return path


@pytest.fixture
def tab(qtbot, ctx, host, planned):
    widget = PursuitVisitsTab(ctx, host)
    qtbot.addWidget(widget)
    widget.set_pursuit(planned.pursuit_id)
    widget.show()
    return widget


def choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "*.ics")
    )


def test_import_as_visits_then_undo_and_redo(qtbot, monkeypatch, tab, ctx, planned, tmp_path):
    choose_file(monkeypatch, invitation(tmp_path / "invite.ics"))
    before = len(visits.visits_of(ctx.workspace, planned.pursuit_id))
    tab.import_calendar.trigger()
    dialog = tab.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, dialog.EVENT).text() == "方案评审会"
    # 14:00 in Shanghai, shown in this computer's zone.
    shown = fmt.when_text(datetime(2030, 3, 5, 6, 0), 90, ctx.lang)
    assert dialog.table.item(0, dialog.WHEN).text() == shown
    assert dialog.as_visits.isChecked()
    dialog.accept()

    made = visits.visits_of(ctx.workspace, planned.pursuit_id)
    assert len(made) == before + 2
    assert {"方案评审会", "Factory tour"} <= {row.objective for row in made}
    review_id = event_record_id(planned.pursuit_id, "review@customer")
    assert tab.model.row_of(review_id) >= 0  # the tab shows it (the Changes were broadcast)
    assert ctx.undo_stack.count() == 1

    ctx.undo_stack.undo()
    assert len(visits.visits_of(ctx.workspace, planned.pursuit_id)) == before
    assert tab.model.row_of(review_id) == -1
    ctx.undo_stack.redo()
    assert len(visits.visits_of(ctx.workspace, planned.pursuit_id)) == before + 2

    # The same file again: nothing twice.
    tab.import_calendar.trigger()
    tab.import_dialog.accept()
    assert len(visits.visits_of(ctx.workspace, planned.pursuit_id)) == before + 2


def test_import_as_activities_leaves_the_recurring_one_out(
    qtbot, monkeypatch, tab, ctx, planned, tmp_path
):
    choose_file(monkeypatch, invitation(tmp_path / "series.ics", recurring=True))
    dialog = tab.import_from_calendar()
    assert dialog is not None
    tour = dialog.table.item(1, dialog.EVENT)
    assert tour.text() == "Factory tour" and tour.checkState() == Qt.CheckState.Unchecked
    assert not tour.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "重复" in dialog.table.item(1, dialog.NOTE).text()
    dialog.as_activities.setChecked(True)
    dialog.accept()
    review_id = event_record_id(planned.pursuit_id, "review@customer")
    review = activities.get_activity(ctx.workspace, review_id)
    assert review.activity_kind == activities.MEETING and review.duration_minutes == 90
    with pytest.raises(LookupError):
        activities.get_activity(
            ctx.workspace, event_record_id(planned.pursuit_id, "visit@customer")
        )
    ctx.undo_stack.undo()
    with pytest.raises(LookupError):
        activities.get_activity(ctx.workspace, review_id)


def test_unticking_everything_disables_import(qtbot, monkeypatch, tab, tmp_path):
    choose_file(monkeypatch, invitation(tmp_path / "invite.ics"))
    dialog = tab.import_from_calendar()
    assert dialog is not None and dialog.import_button.isEnabled()
    for row in range(dialog.table.rowCount()):
        dialog.table.item(row, dialog.EVENT).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_a_bad_file_is_one_message_and_no_dialog(qtbot, monkeypatch, tab, ctx, tmp_path):
    bad = tmp_path / "bad.ics"
    bad.write_bytes(b"\x89PNG\r\n\x1a\nnot a calendar")
    choose_file(monkeypatch, bad)
    assert tab.import_from_calendar() is None
    boxes = [w for w in tab.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1 and "日历文件" in boxes[0].text()
    boxes[0].close()
    assert ctx.undo_stack.count() == 0
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert tab.import_from_calendar() is None


def test_an_all_day_event_says_so(qtbot, monkeypatch, tab, tmp_path):
    choose_file(monkeypatch, invitation(tmp_path / "invite.ics"))
    dialog = tab.import_from_calendar()
    assert dialog is not None
    assert "全天" in dialog.table.item(1, dialog.WHEN).text()
    dialog.reject()
