"""Check boxes in two columns where the panel has room for them, in one where it has not.

The details panel beside the map can be dragged as narrow as its minimum; two columns of English
buying roles or help wishes ("Make introductions" beside "Speak for us") are wider than that and
would make the panel scroll sideways. Fonts stay as they are: the boxes go one under the other.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

COLUMNS = 2


class ChoiceGrid(QWidget):
    """Check boxes laid out row by row in `COLUMNS` columns, or in one when narrower than that."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[QCheckBox] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = COLUMNS

    def add(self, box: QCheckBox) -> None:
        self.boxes.append(box)
        self._place()

    def _width_for(self, columns: int) -> int:
        """The width the boxes need in `columns` columns (each column as wide as its widest)."""
        widths = [0] * columns
        for index, box in enumerate(self.boxes):
            column = index % columns
            widths[column] = max(widths[column], box.sizeHint().width())
        spacing = max(0, self.grid.horizontalSpacing())
        return sum(widths) + spacing * (columns - 1)

    def _place(self) -> None:
        for box in self.boxes:
            self.grid.removeWidget(box)
        for index, box in enumerate(self.boxes):
            self.grid.addWidget(box, index // self.columns, index % self.columns)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        # As narrow as one column: the panel may be; as tall as the columns shown now.
        return QSize(self._width_for(1), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(self._width_for(COLUMNS), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        columns = COLUMNS if event.size().width() >= self._width_for(COLUMNS) else 1
        if columns != self.columns:
            self.columns = columns
            self._place()
        super().resizeEvent(event)
