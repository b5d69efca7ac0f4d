"""The workspace's 完成日期 (the next step's due date, an OptionalDateEdit) from the keyboard as
the tester typed it: Shift+Tab in, a whole date typed, and the pursuit saves exactly that date;
a month 13 is refused at the field and the saved date stays."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services import records

from .conftest import make_pursuit

HELD = date(2026, 12, 1)


def backtab_into(qtbot, field: QWidget) -> None:
    """Shift+Tab from the field the focus chain puts after it."""
    after = field.nextInFocusChain()
    while (
        after.isAncestorOf(field)
        or field.isAncestorOf(after)
        or not (after.focusPolicy() & Qt.FocusPolicy.TabFocus and after.isVisible())
    ):
        after = after.nextInFocusChain()
    after.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() in (field, field.lineEdit())


def open_due(open_workspace, ws, qtbot):
    pid = make_pursuit(ws, next_step_due=HELD)
    widget = open_workspace(ws, "zh_CN")
    widget.show_pursuit(pid, "overview")
    widget.activateWindow()  # keys go to the focus of the active window, as a user's do
    qtbot.waitUntil(widget.isActiveWindow)
    field = widget.pages["overview"].next_due_edit
    assert field.value() == HELD and field.text() == "2026-12-01"
    return pid, widget, field


def test_a_whole_date_typed_after_shift_tab_is_saved_exactly(open_workspace, ws, qtbot) -> None:
    pid, widget, field = open_due(open_workspace, ws, qtbot)
    backtab_into(qtbot, field)
    qtbot.keyClicks(QApplication.focusWidget(), "20261216")
    assert field.text() == "2026-12-16"  # not 2026-12-20
    widget.save_state()
    assert records.get(ws, "pursuit", pid)["next_step_due"] == date(2026, 12, 16)


def test_a_month_13_is_refused_and_the_saved_date_stays(open_workspace, ws, qtbot) -> None:
    pid, widget, field = open_due(open_workspace, ws, qtbot)
    refusals: list[str] = []
    field.refused.connect(refusals.append)
    backtab_into(qtbot, field)
    qtbot.keyClicks(QApplication.focusWidget(), "20261340")
    assert field.value() == HELD and field.property("refused")
    assert len(refusals) == 1 and "不是有效日期" in refusals[0]
    widget.save_state()
    assert records.get(ws, "pursuit", pid)["next_step_due"] == HELD
