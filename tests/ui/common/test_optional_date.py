"""The optional date field from the keyboard, in a form between two other fields: an unset date
starts from today when a digit, Up or Down is typed, F4 / Alt+Down open the calendar, Tab leaves,
and a partly typed date is completed or refused where the user sees it — never dropped."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop.infra import i18n
from desktop.ui.common.widgets import OptionalDateEdit


def today() -> date:
    return QDate.currentDate().toPython()  # type: ignore[no-any-return]


@pytest.fixture
def form(qtbot):
    """A line edit, the date field, a line edit; the first has the focus."""
    i18n.install("zh_CN")
    holder = QWidget()
    column = QVBoxLayout(holder)
    before, field, after = QLineEdit(), OptionalDateEdit(), QLineEdit()
    for widget in (before, field, after):
        column.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    before.setFocus()
    refusals: list[str] = []
    field.refused.connect(refusals.append)
    yield before, field, after, refusals
    for popup in QApplication.topLevelWidgets():
        if popup.isVisible() and popup is not holder:
            popup.close()


def tab_into(qtbot, form) -> OptionalDateEdit:
    before, field, _after, _refusals = form
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is field
    return field


def type_char(widget: QWidget, char: str) -> None:
    """A key that carries non-ASCII text, as a Chinese input method sends it."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
        )


def test_unset_says_the_one_word(form) -> None:
    _before, field, _after, _refusals = form
    assert field.text() == "未定" and field.value() is None


def test_digits_on_an_unset_date_go_into_its_year_and_tab_leaves(qtbot, form) -> None:
    _before, _field, after, _refusals = form
    field = tab_into(qtbot, form)
    qtbot.keyClicks(field, "2027")
    now = today()
    assert field.text() == f"2027-{now.month:02}-{now.day:02}"  # not "未定027"
    qtbot.keyClicks(field, "-")  # the year was full and the month already selected: stays there
    qtbot.keyClicks(field, "3")
    qtbot.keyClick(field, Qt.Key.Key_Right)  # month 3 is whole: Right goes on to the day
    qtbot.keyClicks(field, "31")
    assert field.value() == date(2027, 3, 31)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    for char in "约王总":
        type_char(QApplication.focusWidget(), char)
    assert after.text() == "约王总" and field.text() == "2027-03-31"


def test_eight_digits_make_a_whole_date(qtbot, form) -> None:
    field = tab_into(qtbot, form)
    qtbot.keyClicks(field, "20261101")
    assert field.text() == "2026-11-01" and field.value() == date(2026, 11, 1)


def test_separators_a_rep_types_move_on(qtbot, form) -> None:
    field = tab_into(qtbot, form)
    qtbot.keyClicks(field, "2027/1")
    type_char(field, "。")  # a Chinese full stop between month and day
    qtbot.keyClicks(field, "5")
    _before, _field, after, _refusals = form
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == date(2027, 1, 5) and QApplication.focusWidget() is after


def test_a_partly_typed_date_is_completed(qtbot, form) -> None:
    field = tab_into(qtbot, form)
    qtbot.keyClicks(field, "27-6-")  # a two-digit year, a month of one digit
    qtbot.keyClicks(field, "9")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == date(2027, 6, 9) and field.text() == "2027-06-09"


def test_a_date_that_cannot_be_one_is_refused_visibly(qtbot, form) -> None:
    _before, _field, after, refusals = form
    field = tab_into(qtbot, form)
    qtbot.keyClicks(field, "202")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after  # Tab still leaves
    assert field.value() is None and field.text() == "未定"  # back to what it was
    assert len(refusals) == 1 and refusals[0].startswith("「202-") and "不是有效日期" in refusals[0]
    assert field.toolTip() == refusals[0] and field.property("refused")
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    qtbot.keyClicks(field, "2027")  # a good date takes the mark away
    assert not field.property("refused") and field.toolTip() == "按 Delete 键清除日期"


def test_a_digit_no_date_starts_with_leaves_it_unset(qtbot, form) -> None:
    field = tab_into(qtbot, form)
    qtbot.keyClicks(field, "1")  # no year from 2000 on starts with 1
    assert field.value() is None and field.text() == "未定"


def test_backspace_edits_a_year_being_typed_and_clears_a_date_not_being_typed(qtbot, form) -> None:
    field = tab_into(qtbot, form)
    qtbot.keyClicks(field, "203")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # a typo in the year: not the whole date gone
    qtbot.keyClicks(field, "28")
    assert field.value() is not None and field.value().year == 2028
    before, _field, after, _refusals = form
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    before.setFocus()
    tab_into(qtbot, form)  # back in, the year selected and not being typed
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.value() is None and field.text() == "未定"
    field.set_value(date(2027, 3, 31))
    field.lineEdit().selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() is None


@pytest.mark.parametrize("key", [Qt.Key.Key_Up, Qt.Key.Key_Down])
def test_up_and_down_start_from_today(qtbot, form, key) -> None:
    field = tab_into(qtbot, form)
    qtbot.keyClick(field, key)
    assert field.value() == today()  # not 2001-01-01
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.value() == date.fromordinal(today().toordinal() + 1)  # then a day at a time


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
    ],
)
def test_f4_and_alt_down_open_the_calendar(qtbot, form, key, modifier) -> None:
    field = tab_into(qtbot, form)
    qtbot.keyClick(field, key, modifier)
    assert field.calendarWidget().isVisible()
    assert field.calendarWidget().selectedDate() == QDate.currentDate()
    field.calendarWidget().window().close()
    field.set_value(date(2027, 3, 31))
    qtbot.keyClick(field, key, modifier)  # a set date too, on its own day (Alt+Down stepped a year)
    assert field.calendarWidget().isVisible()
    assert field.value() == date(2027, 3, 31)
    assert field.calendarWidget().selectedDate() == QDate(2027, 3, 31)
