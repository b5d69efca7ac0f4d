"""Small widgets the board's bar and dialogs share."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

NO_DATE = QDate(2000, 1, 1)  # "not set", shown as the special value text


class DateEdit(QDateEdit):
    """A date with a calendar that opens from anywhere on the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.calendarPopup():
            # Qt 6 steps the date down on a click into the text of a calendar-popup date edit
            # (SC_ComboBoxEditField and SC_SpinBoxDown share a value). Open the calendar from
            # anywhere on the field instead, as date pickers do.
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event = QMouseEvent(
                event.type(),
                QPointF(self.width() - 6, self.height() / 2),
                event.globalPosition(),
                event.button(),
                event.buttons(),
                event.modifiers(),
            )
        super().mousePressEvent(event)


class OptionalDateEdit(DateEdit):
    """A date that may be unset: shows `none_text` when unset, opens on today when clicked,
    and Delete / Backspace clear it."""

    def __init__(self, none_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(none_text)
        self.setDate(NO_DATE)
        self.setToolTip(self.tr("Delete clears the date"))

    def value(self) -> date | None:
        day = self.date()
        if day == NO_DATE or not day.isValid():
            return None
        return date(day.year(), day.month(), day.day())

    def set_value(self, day: date | None) -> None:
        self.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.date() == NO_DATE
            or self.currentSection() == QDateEdit.Section.YearSection
            or self.lineEdit().selectedText() == self.lineEdit().text()
        ):
            self.setDate(NO_DATE)
            event.accept()
            return
        super().keyPressEvent(event)
