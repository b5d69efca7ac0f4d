"""Small widgets of the pursuit workspace: field editors, cards, a flow layout, a stage stepper."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMargins, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygon,
    QResizeEvent,
    QValidator,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from desktop.ui.common.colors import STAGE_COLORS

RED = "#D32F2F"
AMBER = "#F57C00"
GREEN = "#2E7D32"


# --- field editors ------------------------------------------------------------------------------
class GrowingTextEdit(QTextEdit):
    """Plain text that grows with its content (two to `max_lines` lines), for answers and notes."""

    def __init__(
        self, min_lines: int = 2, max_lines: int = 12, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.min_lines, self.max_lines = min_lines, max_lines
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_: object) -> None:
        line = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin()) + 2
        content = int(self.document().size().height()) + margins.top() + margins.bottom() + 2
        low = self.min_lines * line + frame
        high = self.max_lines * line + frame
        self.setFixedHeight(max(low, min(high, content)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class ScaleEdit(QSpinBox):
    """A 1–5 scale (severity, importance). Typing a number outside it is kept visible so the
    field can say what is wrong, and is never taken as a value."""

    def __init__(self, low: int = 1, high: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high = low, high
        self.setRange(low, high)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(56)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        stripped = text.strip()
        if stripped.isdigit() and not self.low <= int(stripped) <= self.high:
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def typed(self) -> int | None:
        """The number in the field, in range or not; None when there is none."""
        text = self.lineEdit().text().strip()
        return int(text) if text.isdigit() else None


class ClickLabel(QLabel):
    """A label that says when it is pressed: the text beside a check box or a fold toggle
    toggles it too, as a check box's own text would."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()


class ErrorLabel(QLabel):
    """The message under a field that refused its input."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("field_error")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {RED}; font-size: 90%;")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText("⚠ " + text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class ElidedLabel(QLabel):
    """One line of plain text that gives way with "…" when the row is too narrow, its whole text
    then in the tooltip. A word-wrapped label squeezed to a few pixels stacked a Chinese title one
    character per line; a plain one would not let the row shrink at all. It keeps room for the
    first `keep` characters (fewer when the text is shorter), so a title never shrinks to "…"."""

    def __init__(self, keep: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keep = keep
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:
        text = self.text()
        metrics = self.fontMetrics()
        kept = text if len(text) <= self.keep else text[: self.keep] + "…"
        margins = self.contentsMargins()
        width = metrics.horizontalAdvance(kept) + margins.left() + margins.right() + 2
        return QSize(width, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text as painted: elided to the label's width."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        self.setToolTip(self.text() if self.shown_text() != self.text() else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
        painter.end()


# --- cards and layout ---------------------------------------------------------------------------
class Card(QFrame):
    """A rounded panel on the window background: one item of a checklist or one record."""

    def __init__(self, parent: QWidget | None = None, *, accent: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.accent = accent
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(False)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 14)
        self.body.setSpacing(8)

    def set_accent(self, color: str | None) -> None:
        self.accent = color
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        palette = self.palette()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 8, 8)
        if self.accent:
            path = QPainterPath()
            path.addRoundedRect(rect, 8, 8)
            painter.setClipPath(path)
            painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), QColor(self.accent))
        painter.end()


def heading(text: str, size: float = 1.15, bold: bool = True) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * size)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def hint(text: str) -> QLabel:
    """Quiet explanatory text (from the catalog, mostly)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label


def chip(text: str, color: str, *, filled: bool = False) -> QLabel:
    """A small rounded label: a status, a stage, a count."""
    label = QLabel(text)
    label.setObjectName("chip")
    if filled:
        style = f"background: {color}; color: white; border-radius: 9px; padding: 1px 8px;"
    else:
        style = f"color: {color}; border: 1px solid {color}; border-radius: 9px; padding: 0 7px;"
    label.setStyleSheet(style)
    label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return label


class FlowLayout(QLayout):
    """Lays items left to right and wraps them (Qt's flow-layout example).

    With an overflow widget (`set_overflow`), items that do not fit the height the layout is
    given are hidden and the overflow widget (a "+N" chip) takes the place of the last of them;
    `on_fold` hears which widgets are folded away. The layout still asks for the height of every
    item, so it unfolds as soon as it gets the room.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._overflow: QWidgetItem | None = None
        self._folded: list[QWidget] = []
        self.on_fold: Callable[[list[QWidget]], None] | None = None
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def set_overflow(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        widget.hide()
        self._overflow = QWidgetItem(widget)
        self.invalidate()

    def folded(self) -> list[QWidget]:
        """The widgets hidden for want of height, in order."""
        return list(self._folded)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        widget = item.widget()
        if widget in self._folded:
            self._folded.remove(widget)
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), self._shown(), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        items = self._shown()
        keep = len(items)
        if self._overflow is not None and self._arrange(rect, items, move=False) > rect.height():
            # As many items as fit with the "+N" chip after them, at least none.
            keep = len(items) - 1
            while keep > 0 and (
                self._arrange(rect, [*items[:keep], self._overflow], move=False) > rect.height()
            ):
                keep -= 1
        self._fold([w for item in items[keep:] if (w := item.widget()) is not None])
        placed = items[:keep] + ([self._overflow] if self._folded and self._overflow else [])
        self._arrange(rect, placed, move=True)

    def _fold(self, widgets: list[QWidget]) -> None:
        if widgets == self._folded:
            return
        for widget in self._folded:
            if widget not in widgets:
                widget.show()
        for widget in widgets:
            widget.hide()
        self._folded = widgets
        if self._overflow is not None:
            overflow = self._overflow.widget()
            if overflow is not None:
                overflow.setVisible(bool(widgets))
        if self.on_fold is not None:
            self.on_fold(list(widgets))

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in [*self._items, *([self._overflow] if self._overflow else [])]:
            widget = item.widget()
            if widget is not None and (widget in self._folded or item is self._overflow):
                # Hidden here, yet "+N" shows in their place: folding must not lower the height
                # asked for (the layout above would squeeze the room and fold more, down to a
                # cut chip). A folded chip asks no width: it folded for want of it.
                least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
                size = size.expandedTo(
                    least if item is self._overflow else QSize(0, least.height())
                )
            else:
                size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        """The items not hidden by their owner (those folded away here count as shown)."""
        return [
            item
            for item in self._items
            if (widget := item.widget()) is None or not widget.isHidden() or widget in self._folded
        ]

    def _arrange(self, rect: QRect, items: list[QLayoutItem], *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in items:
            widget = item.widget()
            # A hidden widget's item measures nothing: a folded one, and the "+N" chip before it
            # is first shown, are measured as they will show (else "+N" could go on a line of
            # its own, below the room, when it comes).
            if widget is not None and (widget in self._folded or item is self._overflow):
                hint = widget.sizeHint().expandedTo(widget.minimumSize())
                hint = hint.boundedTo(widget.maximumSize())
            else:
                hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class StageStepper(QWidget):
    """The eight stages as a row of numbered dots: passed, current (ringed), ahead (hollow)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = 1
        self.labels: list[str] = [str(n) for n in range(1, 9)]
        self.closed_status = "open"
        self.setMinimumHeight(44)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_stage(self, stage: int, labels: list[str], status: str = "open") -> None:
        self.stage, self.labels, self.closed_status = stage, labels, status
        self.setToolTip("\n".join(f"{n}. {text}" for n, text in enumerate(labels, 1)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 44)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        count = len(self.labels)
        width = self.width()
        step = width / count
        radius = 10
        cy = 12
        muted = palette.color(QPalette.ColorRole.Mid)
        text_color = palette.color(QPalette.ColorRole.WindowText)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        for index in range(count):
            number = index + 1
            cx = step * index + step / 2
            if index < count - 1:
                color = QColor(STAGE_COLORS[index]) if number < self.stage else muted
                painter.setPen(QPen(color, 2))
                painter.drawLine(int(cx + radius), cy, int(cx + step - radius), cy)
            color = QColor(STAGE_COLORS[index])
            if number < self.stage:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
            elif number == self.stage:
                painter.setPen(QPen(color.darker(130), 3))
                painter.setBrush(color)
            else:
                painter.setPen(QPen(muted, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius))
            painter.setPen(QColor("white") if number <= self.stage else text_color)
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(
                QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius),
                Qt.AlignmentFlag.AlignCenter,
                str(number),
            )
            painter.setFont(small)
            painter.setPen(
                text_color
                if number == self.stage
                else palette.color(QPalette.ColorRole.PlaceholderText)
            )
            label = self.labels[index]
            metrics = painter.fontMetrics()
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(step) - 4)
            painter.drawText(
                QRectF(cx - step / 2, cy + radius + 3, step, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                shown,
            )
        painter.end()


def flag_icon(color: str = RED, size: int = 16) -> QIcon:
    """A small pennant flag, drawn (crisp at any scale)."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(color), 1.6)
        painter.setPen(pen)
        painter.drawLine(QPoint(4, 2), QPoint(4, size - 2))
        path = QPainterPath()
        path.moveTo(4.5, 2.5)
        path.lineTo(size - 2.5, 5.5)
        path.lineTo(4.5, 9.5)
        path.closeSubpath()
        painter.fillPath(path, QColor(color))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def check_icon(color: str = GREEN, size: int = 16) -> QIcon:
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(color), 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPolyline(QPolygon([QPoint(3, 8), QPoint(7, 12), QPoint(13, 4)]))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def circle_icon(color: str = "#9E9E9E", size: int = 16) -> QIcon:
    """An open circle: an item still to do."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(color), 1.6))
        painter.drawEllipse(QRectF(2.5, 2.5, size - 5, size - 5))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
