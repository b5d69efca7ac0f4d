"""Delegates of the grid: scores as a number with five pips, the class as a coloured AND
labelled tag, the class override as a picker, texts with a growing multi-line editor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.domain.methodology import Catalog
from desktop.ui.indicators.model import Role

AnyIndex = QModelIndex | QPersistentModelIndex

US_COLOUR = QColor("#1565C0")
# One colour per competitor column, shared by the summary bars and the chart.
VENDOR_COLOURS = ["#E8684A", "#F6BD16", "#9270CA", "#269A99", "#6DC8EC", "#5D7092", "#FF9D4D"]
THEM_COLOUR = QColor("#6B7280")
IMPORTANCE_COLOUR = QColor("#B7791F")
CONFLICT_COLOUR = QColor("#F57C00")
FATAL_TEXT = QColor("#C62828")


def class_colour(catalog: Catalog, key: str) -> QColor:
    item = catalog.vocab("indicator_classes").get(key)
    return QColor(item.color if item and item.color else "#757575")


def paint_background(
    delegate: QStyledItemDelegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: AnyIndex,
) -> None:
    """The cell's background, selection and focus as the style draws them, without text."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text = ""
    style = opt.widget.style() if opt.widget else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)


def text_colour(option: QStyleOptionViewItem) -> QColor:
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    return option.palette.color(role)


def paint_conflict(painter: QPainter, rect: QRect, index: AnyIndex) -> None:
    """A small orange corner: the value was edited on two computers."""
    if not index.data(Role.CONFLICT):
        return
    path = QPainterPath()
    path.moveTo(rect.right() - 8, rect.top())
    path.lineTo(rect.right(), rect.top())
    path.lineTo(rect.right(), rect.top() + 8)
    path.closeSubpath()
    painter.fillPath(path, CONFLICT_COLOUR)


def tag_width(label: str, font: QFont) -> int:
    bold = QFont(font)
    bold.setBold(True)
    return QFontMetrics(bold).horizontalAdvance(label) + 18


def paint_tag(
    painter: QPainter,
    area: QRectF,
    label: str,
    colour: QColor,
    *,
    neutral: bool,
    font: QFont,
    text: QColor,
    height: float,
    align_left: bool = False,
) -> None:
    """A class tag: a pill filled with the class colour and its label in white; neutral is an
    outlined pill with ordinary text. Centred in `area` unless `align_left`."""
    bold = QFont(font)
    bold.setBold(not neutral)
    painter.setFont(bold)
    width = tag_width(label, font)
    left = area.left() if align_left else area.center().x() - width / 2
    tag = QRectF(left, area.center().y() - height / 2 + 0.5, width, height)
    if neutral:
        painter.setPen(QPen(colour, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(tag.adjusted(0.5, 0.5, -0.5, -0.5), height / 2, height / 2)
        painter.setPen(text)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(tag, height / 2, height / 2)
        painter.setPen(QColor("white"))
    painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)


class ScoreDelegate(QStyledItemDelegate):
    """Importance and scores: the number and five pips; the row's best score in bold."""

    def __init__(
        self,
        colour: QColor,
        *,
        optional: bool = True,
        tinted: bool = False,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.colour = colour
        self.optional = optional  # scores may be empty; importance may not
        self.tinted = tinted  # our own column stands out with a faint wash of our colour

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        painter.save()
        paint_background(self, painter, option, index)
        if self.tinted and not option.state & QStyle.StateFlag.State_Selected:
            wash = QColor(self.colour)
            wash.setAlpha(22)
            painter.fillRect(option.rect, wash)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        value = index.data(Role.VALUE)
        rect = option.rect.adjusted(6, 0, -6, 0)
        fg = text_colour(option)
        font = QFont(option.font)
        if index.data(Role.BEST):
            font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        pip = 5
        gap = 3
        pips_width = 5 * pip + 4 * gap
        number_width = metrics.horizontalAdvance("5") + 6
        total = number_width + pips_width
        left = rect.left() + max(0, (rect.width() - total) // 2)
        number_rect = QRect(left, rect.top(), number_width, rect.height())
        if value is None:
            muted = QColor(fg)
            muted.setAlpha(110)
            painter.setPen(muted)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "–")
        else:
            painter.setPen(fg)
            painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, str(value))
            y = rect.center().y() - pip / 2 + 1
            x = number_rect.right() + 2
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            on = QColor(fg) if selected else self.colour
            off = QColor(on)
            off.setAlpha(45)
            painter.setPen(Qt.PenStyle.NoPen)
            for n in range(5):
                painter.setBrush(on if n < value else off)
                painter.drawEllipse(QRectF(x + n * (pip + gap), y, pip, pip))
        paint_conflict(painter, option.rect, index)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> Any:
        hint = super().sizeHint(option, index)
        hint.setWidth(max(hint.width(), 72))
        return hint

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> Any:
        box = QSpinBox(parent)
        box.setObjectName("score_editor")
        box.setFrame(False)
        box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.setRange(0 if self.optional else 1, 5)
        if self.optional:
            box.setSpecialValueText("–")
        return box

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QSpinBox)
        value = index.data(Role.VALUE)
        editor.setValue(int(value) if value else editor.minimum())
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        value = editor.value()
        model.setData(index, None if value == 0 else value, Qt.ItemDataRole.EditRole)


class ClassTagDelegate(QStyledItemDelegate):
    """The class as a tag: filled with its colour and always labelled; a pen mark when set by
    hand. Neutral is an outlined grey tag, so the three that matter stand out."""

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        painter.save()
        paint_background(self, painter, option, index)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        key = index.data(Role.CLASS)
        label = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        manual = bool(index.data(Role.OVERRIDDEN))
        mark = " ✎" if manual else ""
        height = min(option.rect.height() - 8, QFontMetrics(option.font).height() + 6)
        paint_tag(
            painter,
            QRectF(option.rect),
            label + mark,
            class_colour(self.catalog, key),
            neutral=key == "neutral",
            font=option.font,
            text=text_colour(option),
            height=height,
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> Any:
        hint = super().sizeHint(option, index)
        hint.setWidth(hint.width() + 30)
        return hint


class OverrideDelegate(QStyledItemDelegate):
    """The class set by hand: a picker with "Automatic" and the four classes."""

    def __init__(self, catalog: Catalog, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.lang = lang

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        key = index.data(Role.VALUE)
        if not key:
            super().paint(painter, option, index)
            painter.save()
            paint_conflict(painter, option.rect, index)
            painter.restore()
            return
        painter.save()
        paint_background(self, painter, option, index)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(8, 0, -6, 0)
        dot = QRectF(rect.left(), rect.center().y() - 4, 8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(class_colour(self.catalog, key))
        painter.drawEllipse(dot)
        painter.setPen(text_colour(option))
        painter.setFont(option.font)
        text_rect = rect.adjusted(14, 0, 0, 0)
        text = QFontMetrics(option.font).elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)),
            Qt.TextElideMode.ElideRight,
            text_rect.width(),
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
        )
        paint_conflict(painter, option.rect, index)
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> Any:
        box = QComboBox(parent)
        box.setObjectName("override_editor")
        box.addItem(self.tr("Automatic (by the rule)"), None)
        for item in self.catalog.vocab("indicator_classes"):
            box.addItem(self._swatch(item.key), item.label(self.lang), item.key)
        box.activated.connect(lambda _i, b=box: self._picked(b))
        return box

    def _swatch(self, key: str) -> QIcon:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(class_colour(self.catalog, key))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        return QIcon(pixmap)

    def _picked(self, box: QComboBox) -> None:
        self.commitData.emit(box)
        self.closeEditor.emit(box, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Role.VALUE))
        editor.setCurrentIndex(max(0, found))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MultiLineEditor(QPlainTextEdit):
    """A cell editor that grows below the cell: Enter saves, Alt+Enter or Shift+Enter starts a
    new line (as in Excel and WPS), Escape cancels."""

    def __init__(self, delegate: TextDelegate, parent: QWidget) -> None:
        super().__init__(parent)
        self.delegate = delegate
        self.setObjectName("text_editor")
        self.setTabChangesFocus(True)
        self.setFrameShape(QPlainTextEdit.Shape.Box)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            modifiers = event.modifiers()
            if modifiers & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier):
                self.insertPlainText("\n")
                return
            self.delegate.commitData.emit(self)
            self.delegate.closeEditor.emit(self, QAbstractItemDelegate.EndEditHint.NoHint)
            return
        super().keyPressEvent(event)


class TextDelegate(QStyledItemDelegate):
    """Texts on one line (line breaks shown as ⏎), a prompt where a fatal criterion lacks its
    action plan, and a multi-line editor."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.text = option.text.replace("\r", "").replace("\n", " ⏎ ")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if index.data(Role.NEEDS_PLAN):
            painter.save()
            paint_background(self, painter, option, index)
            font = QFont(option.font)
            font.setItalic(True)
            painter.setFont(font)
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            painter.setPen(text_colour(option) if selected else FATAL_TEXT)
            painter.drawText(
                option.rect.adjusted(6, 0, -4, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                "⚠ " + self.tr("Action plan needed"),
            )
            painter.restore()
        else:
            super().paint(painter, option, index)
        painter.save()
        paint_conflict(painter, option.rect, index)
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> Any:
        return MultiLineEditor(self, parent)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QPlainTextEdit)
        editor.setPlainText(str(index.data(Role.VALUE) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QPlainTextEdit)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        rect = QRect(option.rect)
        line = QFontMetrics(option.font).lineSpacing()
        rect.setHeight(max(rect.height(), line * 4 + 10))
        rect.setWidth(max(rect.width(), 260))
        parent = editor.parentWidget()
        if parent is not None and rect.bottom() > parent.height():
            rect.moveBottom(option.rect.bottom())
        editor.setGeometry(rect)
