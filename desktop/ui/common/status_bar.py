"""The window's status bar: a transient message that does not fit ends in "…" (its whole text in
a tooltip) instead of being cut mid-character against the permanent words at the right.

QStatusBar draws a message from the left up to the first permanent widget and clips it there,
so on a laptop a long "saved … — undo with Ctrl+Z" or a reminder lost its end in half a glyph
beside the sync line. The permanent widgets keep their room; the message gives way, visibly.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QSizeGrip,
    QStatusBar,
    QStyle,
    QStyleOption,
    QToolTip,
    QWidget,
)


class StatusBar(QStatusBar):
    def message_rect(self) -> QRect:
        """Where Qt writes a message: from the left to the first permanent widget shown (the
        other widgets are hidden while a message is up)."""
        left, right = 6, self.width() - 12
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for widget in self._items_shown():
            if rtl:
                left = max(left, widget.geometry().right() + 3)
            else:
                right = min(right, widget.x() - 2)
        return QRect(left, 0, max(0, right - left), self.height())

    def shown_message(self) -> str:
        """The message as painted: elided to its room."""
        message = self.currentMessage()
        if not message:
            return ""
        return self.fontMetrics().elidedText(
            message, Qt.TextElideMode.ElideRight, self.message_rect().width()
        )

    def _items_shown(self) -> list[QWidget]:
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        return [
            child
            for child in self.findChildren(QWidget, options=direct)
            if child.isVisible() and not isinstance(child, QSizeGrip) and not child.isWindow()
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        # QStatusBar.paintEvent, with the message elided rather than clipped.
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        style = self.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self._items_shown():
            frame = widget.geometry().adjusted(-2, -1, 2, 1)
            if event.rect().intersects(frame):
                item = QStyleOption()
                item.rect = frame
                item.palette = self.palette()
                item.state = QStyle.StateFlag.State_None
                style.drawPrimitive(
                    QStyle.PrimitiveElement.PE_FrameStatusBarItem, item, painter, widget
                )
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            self.message_rect(),
            Qt.AlignmentFlag.AlignLeading
            | Qt.AlignmentFlag.AlignVCenter
            | Qt.TextFlag.TextSingleLine,
            self.shown_message(),
        )
        painter.end()

    def event(self, event: QEvent) -> bool:
        # The whole of an elided message where the pointer rests on it.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            message = self.currentMessage()
            if (
                message
                and self.shown_message() != message
                and self.message_rect().contains(event.pos())
            ):
                QToolTip.showText(event.globalPos(), message, self)
                return True
        return super().event(event)


class PathLabel(QLabel):
    """A status-bar label whose text (a database's path) gives way in its middle, where the
    folders are, so the file's name stays; the whole text is its tooltip. A plain label's
    minimum is its whole text: a long path set how narrow the window could be."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(1)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance(self._full) + 4, super().sizeHint().height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideMiddle, max(0, self.width() - 4)
        )
        super().setText(shown)
