"""The edit widgets every form shares: a date that opens its calendar from anywhere, a date that
may be unset, and an amount typed the way a rep says it (128万, ¥1,280,000, 1.2亿).

One of each, so a date or an amount behaves the same in the board's dialogs, its filter bar,
the pursuit workspace and its tables."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QLineEdit, QWidget

from desktop.ui.common import format as fmt

NO_DATE = QDate(2000, 1, 1)  # "not set", shown as the special value text
# What a rep types between year, month and day besides the format's own "-" (a Chinese input
# method gives the full-width forms).
SEPARATORS = frozenset("-/. 。．／－")
# The display format's three numbers, each possibly partly typed ("27-3-" while typing).
_TYPED = re.compile(r"^\s*(\d{0,4})-(\d{0,2})-(\d{0,2})\s*$")


_SECTIONS = (
    QDateEdit.Section.YearSection,
    QDateEdit.Section.MonthSection,
    QDateEdit.Section.DaySection,
)
_MODIFIER_KEYS = frozenset(
    (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)
)


class DateEdit(QDateEdit):
    """A date with a calendar that opens from anywhere on the field, and from the keyboard
    (F4 or Alt+Down, as a combo box does).

    Digits typed with the whole text selected, or first after the field took the focus or a
    date was picked from the calendar, are a whole new date from its year: 20261216, 2026-12-16
    and 2026/1/5 give exactly that date, whichever section Qt had selected. A month or day
    that cannot be (20271340) is refused where the user sees it — the field keeps the date it
    had, marks itself and emits `refused` — never turned into another date."""

    refused = Signal(str)  # the message: what was typed and that the date did not change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hint = ""  # the tooltip a refusal's message stands in for
        # A whole date being typed: its year, month and day as typed so far (None: no entry).
        self._entry: list[str] | None = None
        self._entry_from = QDate()  # what a refused entry goes back to
        self._entry_fill = QDate()  # where the month and day come from until typed
        self._fresh = False  # nothing typed since the focus came or the calendar picked
        self._swallow = False  # the rest of a refused entry's digits: not into a section
        # Digits typed into the one section selected by hand, and the date before them.
        self._section_typed = ""
        self._section_at: QDateEdit.Section | None = None
        self._section_from = QDate()
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        calendar = self.calendarWidget()
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        self.dateChanged.connect(self._unmark)

    def _picked(self) -> None:
        self._fresh = True  # digits typed next are a new date, not lost on a selection

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Back to the window is no new start: digits go on where they went.
        self._fresh = self._fresh or event.reason() not in (
            Qt.FocusReason.MouseFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        )
        self._entry = None
        self._section_at = None
        self._swallow = False
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._entry = None
            self._fresh = self._swallow = False
        super().focusOutEvent(event)

    # --- refusing ---------------------------------------------------------------------------
    def _refusal(self, text: str) -> str:
        return self.tr('"{0}" is not a date; the date was not changed.').format(text.strip())

    def _mark(self, message: str) -> None:
        """Show the refusal on the field itself and tell the form (`refused`)."""
        if not self.property("refused"):
            self._hint = self.toolTip()
        self.setProperty("refused", True)
        self.setToolTip(message)
        self.setStyleSheet("border: 1px solid #D32F2F; border-radius: 3px;")
        self.refused.emit(message)

    def _unmark(self) -> None:
        if self.property("refused"):
            self.setProperty("refused", False)
            self.setToolTip(self._hint)
            self.setStyleSheet("")

    # --- a whole date typed -----------------------------------------------------------------
    def _may_begin_entry(self) -> bool:
        line = self.lineEdit()
        whole = bool(line.selectedText()) and line.selectedText() == line.text()
        return self._fresh or whole

    def _begin_entry(self) -> None:
        self._entry_from = self._entry_fill = self.date()
        self.setSelectedSection(QDateEdit.Section.YearSection)

    def _allows(self, day: QDate) -> bool:
        return self.minimumDate() <= day <= self.maximumDate()

    def _entry_key(self, event: QKeyEvent) -> bool:
        """Type `event` into a whole date being typed (or begin one); False when the key is
        not the entry's, for the field to handle as before."""
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        digit = plain and len(text) == 1 and text.isascii() and text.isdigit()
        separator = plain and bool(text) and text in SEPARATORS
        if event.key() in _MODIFIER_KEYS:
            return False
        if self._swallow:
            if digit or separator:
                event.accept()
                return True
            self._swallow = False
        if self._entry is None:
            if not digit or not self._may_begin_entry():
                self._fresh = False
                return False
            self._fresh = False
            self._entry = [""]
            self._begin_entry()
        event.accept()
        if digit:
            self._entry_digit(event)
        elif separator:
            self._entry_separator()
        else:
            self._entry = None
            return False
        return True

    def _entry_digit(self, event: QKeyEvent) -> None:
        entry = self._entry
        assert entry is not None
        typed = entry[-1] + event.text()
        if len(entry) == 1:  # the year: Qt shows it digit by digit
            shown = self.lineEdit().text()
            QDateEdit.keyPressEvent(self, event)
            entry[-1] = typed
            if self.lineEdit().text() == shown:  # no year in range starts so
                self._refuse_entry()
            elif len(typed) == 4:
                self._entry_section_done()
            return
        if len(entry) == 2:  # the month
            if len(typed) == 1 and typed in "01":
                entry[-1] = typed
                QDateEdit.keyPressEvent(self, event)  # 1 may be 10-12: wait for the next
                return
            entry[-1] = typed
            if 1 <= int(typed) <= 12:
                self._entry_section_done()
            else:
                self._refuse_entry()
            return
        year, month = self._entry_year(), int(entry[1])
        longest = QDate(year, month, 1).daysInMonth()
        entry[-1] = typed
        if len(typed) > 2:  # a digit past a whole date ("4" then "0" meant day 40)
            self._refuse_entry()
            return
        if len(typed) == 1 and int(typed) * 10 <= longest:
            QDateEdit.keyPressEvent(self, event)  # 1 may be 1x: wait for the next
            return
        if 1 <= int(typed) <= longest:
            self._entry_section_done()
        else:
            self._refuse_entry()

    def _entry_separator(self) -> None:
        entry = self._entry
        assert entry is not None
        typed = entry[-1]
        if not typed:
            return  # the digit before filled the section and moved on: this one is done
        if len(entry) == 1 and len(typed) != 2:
            self._refuse_entry()
        elif len(entry) == 1 or int(typed) > 0:
            self._entry_section_done()
        else:
            self._refuse_entry()

    def _entry_year(self) -> int:
        assert self._entry is not None
        year = self._entry[0]
        return 2000 + int(year) if len(year) == 2 else int(year)  # "27" is how a rep writes 2027

    def _entry_section_done(self) -> None:
        """Show what is typed so far, the next section selected; the day ends the entry."""
        entry = self._entry
        assert entry is not None
        year = self._entry_year()
        start = self._entry_fill
        month = int(entry[1]) if len(entry) > 1 else start.month()
        longest = QDate(year, month, 1).daysInMonth()
        day = int(entry[2]) if len(entry) > 2 else min(start.day(), longest)
        shown = QDate(year, month, day)
        if not self._allows(shown) and len(entry) == 3:
            self._refuse_entry()
            return
        self.setDate(shown)
        if len(entry) == 3:
            # The entry stays open: a digit more makes the day no day (refused), not a new one.
            self.setSelectedSection(QDateEdit.Section.DaySection)
            return
        self.setSelectedSection(_SECTIONS[len(entry)])
        entry.append("")

    def _refuse_entry(self) -> None:
        entry = self._entry
        assert entry is not None
        text = "-".join(part for part in entry if part)
        self._entry = None
        self._swallow = True
        self.setDate(self._entry_from)
        self.interpretText()  # shows that date again in place of the typed text
        self.setSelectedSection(QDateEdit.Section.YearSection)
        self._mark(self._refusal(text))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._section_at = None  # a section chosen by the mouse starts its digits afresh
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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.calendarPopup() and _opens_popup(event):
            self.open_calendar()
            event.accept()
            return
        if self._entry_key(event):
            return
        if self._section_key(event):
            return
        super().keyPressEvent(event)

    def _section_key(self, event: QKeyEvent) -> bool:
        """A digit typed into a month or day selected by hand edits it as Qt does, but a month
        or day that cannot be (13, 40) is refused where Qt would drop the digit and keep
        another date; False when Qt is to handle the key."""
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if event.key() in _MODIFIER_KEYS:
            return False
        if not (plain and len(text) == 1 and text.isascii() and text.isdigit()):
            self._section_at = None
            return False
        section = self.currentSection()
        if section != self._section_at:
            self._section_at, self._section_typed = section, ""
            self._section_from = self.date()
        typed = self._section_typed + text
        shown = self._section_from
        if section == QDateEdit.Section.MonthSection:
            longest, written = 12, f"{shown.year():04}-{typed}-{shown.day():02}"
        elif section == QDateEdit.Section.DaySection:
            longest, written = shown.daysInMonth(), f"{shown.year():04}-{shown.month():02}-{typed}"
        else:
            return False
        if len(typed) >= 2 and not 1 <= int(typed) <= longest:
            event.accept()
            self._section_at = None
            self.setDate(self._section_from)
            self.interpretText()  # shows that date again in place of the typed text
            self.setSelectedSection(section)
            self._mark(self._refusal(written))
            return True
        self._section_typed = typed if len(typed) < 2 else ""
        QDateEdit.keyPressEvent(self, event)
        if self.currentSection() != section:
            self._section_at = None  # Qt moved on: the next digits are the next section's
        return True

    def open_calendar(self) -> None:
        """Show the calendar popup, as a click on the field's arrow does (QDateEdit has no call
        for it: the press on the arrow is its only way in)."""
        if self.isReadOnly() or not self.isEnabled():
            return
        centre = QPointF(self.width() - 6, self.height() / 2)
        press = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            centre,
            QPointF(self.mapToGlobal(centre.toPoint())),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QDateEdit.mousePressEvent(self, press)


def _opens_popup(event: QKeyEvent) -> bool:
    if event.key() == Qt.Key.Key_F4 and not event.modifiers():
        return True
    return event.key() == Qt.Key.Key_Down and bool(
        event.modifiers() & Qt.KeyboardModifier.AltModifier
    )


class OptionalDateEdit(DateEdit):
    """A date that may be unset ("not set" shown, one word wherever the widget is used).

    From unset, typing a digit starts a date of today's form with the digits in its year (20261101
    gives 2026-11-01; 2027 then a separator or Right goes on to the month); Up / Down and a click
    start from today; F4 / Alt+Down open the calendar. Delete / Backspace clear it (when it is
    unset, the whole text is selected, or the cursor sits in a year not being typed). Tab always
    leaves the field, to the next one.

    Leaving the field settles what was typed: a date partly typed is completed (a two-digit year
    is 20xx, a single-digit month or day reads as 0N); one that cannot be a date is refused —
    the field goes back to the date it had, marks itself and emits `refused` with the message.

    `changed` says the user changed the date (not `set_value`); `cleared` says the user cleared
    it, which a form saves at once."""

    changed = Signal()
    cleared = Signal()

    def __init__(self, none_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._typing = False  # digits typed since the field took focus (Backspace edits them)
        self._advanced = False  # the last digit filled a section and Qt moved to the next one
        self._before: date | None = None  # what a refused text goes back to
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(self.tr("not set") if none_text is None else none_text)
        self.setDate(NO_DATE)
        self.setToolTip(self.tr("Delete clears the date"))
        self.dateChanged.connect(self._date_changed)

    def _date_changed(self) -> None:
        self._unmark()
        if not self._loading:
            self.changed.emit()

    def set_placeholder(self, text: str) -> None:
        """What the field shows while it has no date."""
        self.setSpecialValueText(text)

    def value(self) -> date | None:
        """The date the field means: what is typed (completed as leaving would complete it), or
        the date it had while the typed text cannot be a date. Reading changes nothing."""
        if self._typed_text():
            typed = self._read_typed()
            return typed if typed is not None else self._before
        return self._shown()

    def set_value(self, day: date | None) -> None:
        self._loading = True
        try:
            self.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        finally:
            self._loading = False
        self._before = day
        self._unmark()

    def clear(self) -> None:
        """Unset the date (QAbstractSpinBox.clear would only empty the text)."""
        self.setDate(NO_DATE)
        self._before = None

    def settle(self) -> str | None:
        """Make what was typed the field's date (a partly typed date completed). None when the
        field holds a date or none; else the message: the text cannot be a date, and the field
        went back to the date it had (marked, and `refused` emitted)."""
        text = self._typed_text()
        if not text:
            self._before = self._shown()
            return None
        typed = self._read_typed()
        if typed is not None:
            self.setDate(QDate(typed.year, typed.month, typed.day))
            self._before = typed
            return None
        message = self._refusal(text)
        before = self._before
        self.setDate(QDate(before.year, before.month, before.day) if before else NO_DATE)
        self.interpretText()  # shows that date again in place of the typed text
        self._mark(message)
        return message

    def refusal(self) -> str | None:
        """The message of a refused date while the field still shows it (until the user types
        a date or clears the field): a form does not save as if nothing had been typed."""
        return self.toolTip() if self.property("refused") else None

    # --- reading ----------------------------------------------------------------------------
    def _shown(self) -> date | None:
        day = self.date()
        if day == NO_DATE or not day.isValid():
            return None
        return date(day.year(), day.month(), day.day())

    def _typed_text(self) -> str:
        """The text when it is no whole date (a date being typed), else ''."""
        if self.hasAcceptableInput():
            return ""
        return self.lineEdit().text()

    def _read_typed(self) -> date | None:
        """The date a partly typed text completes to, or None when it cannot be one."""
        match = _TYPED.match(self.lineEdit().text())
        if match is None or not all(match.groups()):
            return None
        year_text, month_text, day_text = match.groups()
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000  # "27" is how a rep writes 2027
        elif len(year_text) != 4:
            return None
        try:
            typed = date(year, int(month_text), int(day_text))
        except ValueError:
            return None
        low, high = self.minimumDate(), self.maximumDate()
        if (
            not date(low.year(), low.month(), low.day())
            < typed
            <= date(high.year(), high.month(), high.day())
        ):
            return None
        return typed

    # --- the keyboard and the mouse --------------------------------------------------------
    def _start_today(self, section: QDateEdit.Section) -> None:
        """Leave "unset" for today's date, with `section` selected for what comes next."""
        self.setDate(QDate.currentDate())
        self.setSelectedSection(section)

    def _may_begin_entry(self) -> bool:
        return self.date() == NO_DATE or super()._may_begin_entry()

    def _begin_entry(self) -> None:
        unset = self.date() == NO_DATE
        if unset:
            self._start_today(QDateEdit.Section.YearSection)  # a date of today's form
        super()._begin_entry()
        if unset:
            self._entry_from = NO_DATE  # a refused date leaves the field unset

    def _allows(self, day: QDate) -> bool:
        return day != NO_DATE and super()._allows(day)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())
        super().mousePressEvent(event)

    def open_calendar(self) -> None:
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())
        super().open_calendar()

    def stepBy(self, steps: int) -> None:
        # Up / Down, Page Up / Down and the wheel start an unset date from today, not from 2001.
        if self.date() == NO_DATE:
            self._start_today(QDateEdit.Section.DaySection)
            return
        super().stepBy(steps)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        if self.date() == NO_DATE:  # unset sits on the minimum, where Qt allows no step down
            return (
                QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
                | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
            )
        return super().stepEnabled()

    def focusNextPrevChild(self, next: bool) -> bool:
        # QDateEdit makes Tab walk its sections (and swallows it while unset); in a form Tab
        # goes to the next field. The sections have Right, Left and the separators.
        return QAbstractSpinBox.focusNextPrevChild(self, next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._typing = self._advanced = False
        self._before = self.value()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.settle()
        self._typing = self._advanced = False
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        advanced, self._advanced = self._advanced, False
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.date() == NO_DATE
            or self.lineEdit().selectedText() == self.lineEdit().text()
            or (self.currentSection() == QDateEdit.Section.YearSection and not self._typing)
        ):
            self.setDate(NO_DATE)
            self._before = None
            self._unmark()
            self.cleared.emit()
            event.accept()
            return
        if self._entry is not None or self._swallow or self._may_begin_entry():
            section = self.currentSection()
            if self._entry_key(event):
                self._typing = True
                self._advanced = self.currentSection() != section
                return
        if plain and text.isdigit() and text.isascii():  # into the section selected by hand
            self._typing = True
            section = self.currentSection()
            super().keyPressEvent(event)
            self._advanced = self.currentSection() != section
            return
        if plain and text and text in SEPARATORS:
            event.accept()
            if not advanced and self.date() != NO_DATE:
                self._next_section()
            return  # just moved on by the digit that filled the section: this one is done
        if key == Qt.Key.Key_Right and plain and advanced:
            event.accept()  # already on the next section, selected
            self.setSelectedSection(self.currentSection())
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            typed = self._typed_text()
            if typed and self._read_typed() is None:
                # Said, and Enter stops here: a dialog would save without the date. The text
                # stays to be corrected (a table cell's commit, which comes next, settles it).
                self._mark(self._refusal(typed))
                event.accept()
                return
            self.settle()
        super().keyPressEvent(event)

    def _next_section(self) -> None:
        """On to the next section, the one being typed completed first ("27" is 2027, a month
        "1" is January); a section that cannot be completed keeps the cursor."""
        if self._typed_text():
            typed = self._read_typed()
            if typed is None:
                return
            self.setDate(QDate(typed.year, typed.month, typed.day))
        sections = (
            QDateEdit.Section.YearSection,
            QDateEdit.Section.MonthSection,
            QDateEdit.Section.DaySection,
        )
        current = self.currentSection()
        if current in sections[:-1]:
            self.setSelectedSection(sections[sections.index(current) + 1])


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
