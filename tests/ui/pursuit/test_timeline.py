"""The workspace's Timeline tab on a real database: a note written with Ctrl+Enter shows first
and undo takes it away, the filter hides kinds, a visit opens in the Visits tab."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt

from desktop.services import activities, visits
from desktop.services.activities import ActivityDraft
from desktop.services.queries import timeline
from desktop.ui.common.timeline import TimelineModel

from .conftest import make_pursuit, settle, type_text


def _kinds(page) -> list[str]:
    return [e.kind for e in page.model.entries()]


def test_the_model_passes_the_model_tester(qtmodeltester, ws) -> None:
    pid = make_pursuit(ws)
    activities.add_note(ws, "第一次拜访很顺利", pursuit_id=pid)
    model = TimelineModel(ws.catalog, "zh")
    model.set_entries(timeline.timeline(ws, pursuit_id=pid))
    qtmodeltester.check(model)


def test_write_a_note_it_shows_first_and_undo_removes_it(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws)
    activities.add_note(
        ws, "上周的旧笔记", pursuit_id=pid, noted_at=datetime.now(UTC) - timedelta(days=7)
    )
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "timeline")
    page = widget.pages["timeline"]
    assert widget.current_key() == "timeline"

    edit = page.note_box.edit
    edit.setFocus()
    type_text(qtbot, edit, "CIO 同意下周演示")
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)

    assert edit.toPlainText() == ""
    first = page.model.entries()[0]
    assert (first.kind, first.title) == ("note", "CIO 同意下周演示")
    assert first.day == date.today()
    assert [e.title for e in timeline.timeline(ws, pursuit_id=pid, kinds=["note"])] == [
        "CIO 同意下周演示",
        "上周的旧笔记",
    ]

    widget.ctx.undo_stack.undo()
    qtbot.waitUntil(
        lambda: [e.title for e in page.model.entries() if e.kind == "note"] == ["上周的旧笔记"]
    )
    assert [e.title for e in timeline.timeline(ws, pursuit_id=pid, kinds=["note"])] == [
        "上周的旧笔记"
    ]
    widget.ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: page.model.entries()[0].title == "CIO 同意下周演示")


def test_a_note_dated_another_day_sorts_by_that_day(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws)
    activities.add_note(ws, "今天的", pursuit_id=pid)
    widget = open_workspace(ws, lang="en")
    widget.show_pursuit(pid, "timeline")
    page = widget.pages["timeline"]
    page.note_box.day.setDate(date.today() - timedelta(days=3))
    page.note_box.edit.setPlainText("Called the CFO")
    page.note_box.save_button.click()
    settle(qtbot)
    notes = [e for e in page.model.entries() if e.kind == "note"]
    assert [(e.title, e.day) for e in notes] == [
        ("今天的", date.today()),
        ("Called the CFO", date.today() - timedelta(days=3)),
    ]


def test_the_filter_hides_kinds_and_a_visit_opens_in_its_tab(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws)
    activities.add_note(ws, "笔记", pursuit_id=pid)
    activities.create_activity(
        ws, ActivityDraft(subject="电话跟进", pursuit_id=pid, due_on=date.today())
    )
    visit_id, _ = visits.create_visit(
        ws,
        visits.VisitDraft(
            pursuit_id=pid, starts_at=datetime.now(UTC) - timedelta(days=1), objective="技术交流"
        ),
    )
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "timeline")
    page = widget.pages["timeline"]
    assert set(_kinds(page)) == {"note", "activity", "visit", "stage_change"}

    page.filter.buttons["note"].setChecked(False)
    page.filter.buttons["stage_change"].setChecked(False)
    assert set(_kinds(page)) == {"activity", "visit"}
    page.filter.buttons["activity"].setChecked(False)
    assert _kinds(page) == ["visit"]
    page.filter.buttons["visit"].setChecked(False)
    assert _kinds(page) == [] and page.empty.isVisible()
    assert page.empty.text() == "没有所选类型的记录：请在上方打开其他类型。"
    page.filter.buttons["visit"].setChecked(True)

    # A new note while notes are hidden stays hidden, and comes back with the filter.
    activities.add_note(ws, "隐藏的笔记", pursuit_id=pid)
    page.reload()
    assert _kinds(page) == ["visit"]
    page.filter.buttons["note"].setChecked(True)
    assert "隐藏的笔记" in [e.title for e in page.model.entries()]

    index = next(
        page.model.index(row, 0)
        for row in range(page.model.rowCount())
        if page.model.entries()[row].kind == "visit"
    )
    page.view.setCurrentIndex(index)
    page.view.activated.emit(index)
    settle(qtbot)
    assert widget.current_key() == "visits"
    visits_tab = widget.pages["visits"]
    current = visits_tab.current()
    assert current is not None and current.id == visit_id


def test_the_tab_follows_changes_made_elsewhere(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "timeline")
    page = widget.pages["timeline"]
    before = page.model.rowCount()
    widget.ctx.perform(
        activities.create_activity,
        ActivityDraft(subject="发送报价", pursuit_id=pid, due_on=date.today()),
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1)
    assert page.model.entries()[0].title == "发送报价"
