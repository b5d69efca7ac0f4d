"""A date typed into either date field is that date or visibly refused — never another one:
20271340 is no date (refused, the field keeps what it had), 20261216 typed after Shift+Tab is
2026-12-16 (not the 20th), and digits typed over a selected or just picked date replace it."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QLineEdit, QVBoxLayout, QWidget

from desktop.infra import i18n
from desktop.ui.common.widgets import DateEdit, OptionalDateEdit

HELD = date(2026, 12, 1)


def held(field: DateEdit) -> date | None:
    if isinstance(field, OptionalDateEdit):
        return field.value()
    return field.date().toPython()  # type: ignore[no-any-return]


FILLED = [(OptionalDateEdit, HELD), (DateEdit, HELD)]


@pytest.fixture(
    params=[(OptionalDateEdit, None), *FILLED],
    ids=["optional-empty", "optional-filled", "date-filled"],
)
def form(qtbot, request):
    """A line edit, the date field (empty or holding 2026-12-01), a line edit."""
    yield from _form(qtbot, *request.param)


@pytest.fixture(params=FILLED, ids=["optional-filled", "date-filled"])
def filled_form(qtbot, request):
    """`form` with a date in the field: one with a section to edit."""
    yield from _form(qtbot, *request.param)


def _form(qtbot, kind, start):
    i18n.install("zh_CN")
    holder = QWidget()
    column = QVBoxLayout(holder)
    before, field, after = QLineEdit(), kind(), QLineEdit()
    if start is not None:
        if isinstance(field, OptionalDateEdit):
            field.set_value(start)
        else:
            field.setDate(QDate(start.year, start.month, start.day))
    for widget in (before, field, after):
        column.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    refusals: list[str] = []
    field.refused.connect(refusals.append)
    yield before, field, after, refusals, start
    for popup in QApplication.topLevelWidgets():
        if popup.isVisible() and popup is not holder:
            popup.close()


def enter(qtbot, form, how: str) -> DateEdit:
    before, field, after, _refusals, _start = form
    if how == "tab":
        before.setFocus()
        qtbot.keyClick(before, Qt.Key.Key_Tab)
    elif how == "backtab":
        after.setFocus()
        qtbot.keyClick(after, Qt.Key.Key_Backtab)
    else:  # a click, then Ctrl+A
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        for popup in QApplication.topLevelWidgets():
            if popup.isVisible() and popup is not field.window():
                popup.close()
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() in (field, field.lineEdit())
    return field


def leave(qtbot, form) -> None:
    """On to the next field: Tab (a plain DateEdit's Tab walks its sections, as Qt's does)."""
    _before, field, after, _refusals, _start = form
    if isinstance(field, OptionalDateEdit):
        qtbot.keyClick(field, Qt.Key.Key_Tab)
    else:
        after.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is after


HOWS = ["tab", "backtab", "ctrl-a"]


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("typed", ["20271340", "20261340"])
def test_a_month_13_is_refused_and_the_date_kept(qtbot, form, how, typed) -> None:
    _before, _field, _after, refusals, start = form
    field = enter(qtbot, form, how)
    start = held(field)  # (a click on an empty field starts it from today)
    qtbot.keyClicks(QApplication.focusWidget(), typed)
    assert held(field) == start  # not 2027-10-07
    assert len(refusals) == 1 and "不是有效日期，日期未更改" in refusals[0]
    assert refusals[0].startswith(f"「{typed[:4]}-13")
    assert field.property("refused") and field.toolTip() == refusals[0]
    leave(qtbot, form)
    assert held(field) == start


@pytest.mark.parametrize("how", HOWS)
def test_a_day_40_is_refused(qtbot, form, how) -> None:
    _before, _field, _after, refusals, start = form
    field = enter(qtbot, form, how)
    start = held(field)
    qtbot.keyClicks(QApplication.focusWidget(), "20270140")
    assert held(field) == start and len(refusals) == 1
    assert refusals[0].startswith("「2027-01-40」")


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("typed", ["20261216", "2026-12-16", "2026/1/5", "20270228"])
def test_a_whole_date_typed_is_exactly_that_date(qtbot, form, how, typed) -> None:
    _before, _field, _after, refusals, _start = form
    field = enter(qtbot, form, how)
    qtbot.keyClicks(QApplication.focusWidget(), typed)
    want = {
        "20261216": date(2026, 12, 16),
        "2026-12-16": date(2026, 12, 16),
        "2026/1/5": date(2026, 1, 5),
        "20270228": date(2027, 2, 28),
    }[typed]
    assert held(field) == want  # after Shift+Tab, not 2026-12-20
    leave(qtbot, form)
    assert held(field) == want and field.text() == want.isoformat() and not refusals


def test_digits_after_a_calendar_pick_are_a_new_date(qtbot, form) -> None:
    _before, _field, _after, refusals, _start = form
    field = enter(qtbot, form, "tab")
    qtbot.keyClick(field, Qt.Key.Key_F4)
    calendar = field.calendarWidget()
    assert calendar.isVisible()
    calendar.setSelectedDate(QDate(2026, 12, 3))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # picks, closes
    assert not calendar.isVisible() and held(field) == date(2026, 12, 3)
    qtbot.keyClicks(QApplication.focusWidget(), "20270315")
    assert held(field) == date(2027, 3, 15) and not refusals


def test_a_section_chosen_by_hand_is_edited_as_qt_does(qtbot, filled_form) -> None:
    form = filled_form
    _before, _field, _after, refusals, _start = form
    field = enter(qtbot, form, "tab")
    qtbot.keyClick(field, Qt.Key.Key_Right)  # a key of its own: no whole date being typed
    field.setSelectedSection(QDateEdit.Section.DaySection)  # as a double-click on it does
    qtbot.keyClicks(field, "16")
    assert held(field) == date(2026, 12, 16) and not refusals


@pytest.mark.parametrize(
    ("section", "typed", "written"),
    [
        (QDateEdit.Section.MonthSection, "13", "「2026-13-01」"),
        (QDateEdit.Section.DaySection, "40", "「2026-12-40」"),
    ],
)
def test_a_section_typed_past_its_end_is_refused(
    qtbot, filled_form, section, typed, written
) -> None:
    form = filled_form
    _before, _field, _after, refusals, start = form
    field = enter(qtbot, form, "tab")
    qtbot.keyClick(field, Qt.Key.Key_Right)
    field.setSelectedSection(section)
    qtbot.keyClicks(field, typed)
    assert held(field) == start  # Qt kept 2026-01-01 / 2026-12-04
    assert len(refusals) == 1 and refusals[0].startswith(written)
    leave(qtbot, form)
    assert held(field) == start
