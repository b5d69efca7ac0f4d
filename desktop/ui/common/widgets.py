"""The edit widgets every form shares: a date that opens its calendar from anywhere, a date that
may be unset, and an amount typed the way a rep says it (128万, ¥1,280,000, 1.2亿).

One of each, so a date or an amount behaves the same in the board's dialogs, its filter bar and
the pursuit workspace."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPointF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from desktop.ui.common import format as fmt

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
    and Delete / Backspace clear it.

    `changed` says the user changed the date (not `set_value`); `cleared` says the user cleared
    it, which a form saves at once."""

    changed = Signal()
    cleared = Signal()

    def __init__(self, none_text: str = " ", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(none_text)
        self.setDate(NO_DATE)
        self.setToolTip(self.tr("Delete clears the date"))
        self.dateChanged.connect(self._date_changed)

    def _date_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def set_placeholder(self, text: str) -> None:
        """What the field shows while it has no date."""
        self.setSpecialValueText(text)

    def value(self) -> date | None:
        day = self.date()
        if day == NO_DATE or not day.isValid():
            return None
        return date(day.year(), day.month(), day.day())

    def set_value(self, day: date | None) -> None:
        self._loading = True
        try:
            self.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        finally:
            self._loading = False

    def clear(self) -> None:
        """Unset the date (QAbstractSpinBox.clear would only empty the text)."""
        self.setDate(NO_DATE)

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
            self.cleared.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class MoneyEdit(QLineEdit):
    """An amount in major units with separators; accepts 128万, ¥1,280,000, 1.2亿."""

    def __init__(self, currency: str = "CNY", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = self.font()
        font.setFeature(QFont.Tag("tnum"), 1)
        self.setFont(font)
        self.setPlaceholderText("0")
        self.allow_negative = False

    def set_amount(self, amount: int) -> None:
        self.setText(fmt.amount_input(amount))

    def amount(self) -> int | None:
        return fmt.parse_money(self.text(), allow_negative=self.allow_negative, empty=0)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        value = self.amount()
        if value is not None and self.text().strip():
            self.set_amount(value)  # 128万 becomes 1,280,000 once the user leaves the field
        super().focusOutEvent(event)
