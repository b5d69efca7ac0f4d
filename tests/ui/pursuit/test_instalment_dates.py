"""回款 → 添加回款 → 应收日期 from the keyboard: the digits typed on an unset cell make the date and
Enter saves it; a date that cannot be one is said under the table, never saved as "no date"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit

from desktop.services import collection

from .conftest import make_pursuit, type_text

DUE = 1  # the instalment table's column of the due date


def open_due_cell(qtbot, open_workspace, ws):
    pid = make_pursuit(ws, stage=8, amount=300_000_00, days_ago=60)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "collection")
    page = widget.pages["collection"]
    page.add_instalment()
    editor = page.table.view.focusWidget()
    type_text(qtbot, editor, "10万")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    view = page.table.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # on to 应收日期, as the tester went
    assert view.currentIndex().column() == DUE
    return pid, page, view


def test_typed_digits_on_an_unset_due_date_are_saved_by_enter(open_workspace, ws, qtbot) -> None:
    pid, page, view = open_due_cell(qtbot, open_workspace, ws)
    qtbot.keyClicks(view, "2")  # the first digit opens the editor and goes into it
    editor = view.focusWidget()
    assert isinstance(editor, QDateEdit)
    qtbot.keyClicks(editor, "0261101")
    assert editor.text() == "2026-11-01"  # not "0261101"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    (row,) = collection.collection_of(ws, pid).instalments
    assert row["due_on"] == date(2026, 11, 1)
    assert page.model.data(page.model.index(0, DUE)) == "2026-11-01"


def test_a_due_date_that_cannot_be_one_is_said(open_workspace, ws, qtbot) -> None:
    pid, page, view = open_due_cell(qtbot, open_workspace, ws)
    qtbot.keyClicks(view, "2")
    editor = view.focusWidget()
    qtbot.keyClicks(editor, "02")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert page.table.error.isVisible()
    assert "不是有效日期" in page.table.error.text() and "202-" in page.table.error.text()
    (row,) = collection.collection_of(ws, pid).instalments
    assert row["due_on"] is None
    qtbot.keyClicks(view, "2")  # a two-digit year then Enter: completed to 20xx and saved
    editor = view.focusWidget()
    qtbot.keyClicks(editor, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    (row,) = collection.collection_of(ws, pid).instalments
    assert row["due_on"] is not None and row["due_on"].year == 2027
    assert not page.table.error.isVisible()
