"""The Visits screen's week view: seven day columns, each visit a line "09:30 客户 · 项目".

A rep plans by the week; the list shows a period, the week view shows its shape (a crowded
Tuesday, an empty Friday). It shows the rows the screen's list holds for that week, so a click
here selects the same visit there and every visit action applies to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop.services.visits import VisitRow, utcnow
from desktop.ui.common import format as fmt
from desktop.ui.visits.models import OVERDUE

VISIT_ID = Qt.ItemDataRole.UserRole + 1


class WeekView(QWidget):
    """Monday to Sunday of one week, a list of visits per day."""

    chosen = Signal(str)  # a visit clicked: select it
    opened = Signal(str)  # a visit double-clicked or Enter: open it

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("week_view")
        self.lang = lang
        self.monday = date.today()
        self.titles: list[QLabel] = []
        self.days: list[QListWidget] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        for column in range(7):
            title = QLabel()
            title.setObjectName(f"day_title_{column}")
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            day = QListWidget()
            day.setObjectName(f"day_{column}")
            day.setWordWrap(True)
            day.itemClicked.connect(lambda item: self.chosen.emit(item.data(VISIT_ID)))
            day.itemActivated.connect(lambda item: self.opened.emit(item.data(VISIT_ID)))
            grid.addWidget(title, 0, column)
            grid.addWidget(day, 1, column)
            grid.setColumnStretch(column, 1)
            self.titles.append(title)
            self.days.append(day)

    def set_week(self, monday: date, rows: Sequence[VisitRow]) -> None:
        self.monday = monday
        today = fmt.local(utcnow()).date()
        now = utcnow()
        for column, (title, day_list) in enumerate(zip(self.titles, self.days, strict=True)):
            day = monday + timedelta(days=column)
            title.setText(fmt.day_heading(day, self.lang))
            title.setStyleSheet("color: palette(highlight);" if day == today else "")
            day_list.clear()
        for row in rows:
            if row.starts_at is None:
                continue
            local = fmt.local(row.starts_at)
            column = (local.date() - monday).days
            if not 0 <= column < 7:
                continue
            text = f"{fmt.time_text(local)} {row.account}\n{row.pursuit_title}"
            item = QListWidgetItem(text)
            item.setData(VISIT_ID, row.id)
            item.setToolTip(f"{row.account} · {row.pursuit_title}\n{row.objective}")
            if row.is_past(now) and not row.has_outcome:
                item.setForeground(QBrush(OVERDUE))
            self.days[column].addItem(item)

    def visit_ids(self) -> list[list[str]]:
        """The ids shown per day (tests)."""
        return [[day.item(i).data(VISIT_ID) for i in range(day.count())] for day in self.days]
