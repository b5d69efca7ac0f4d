"""Helpers for the laptop-size tests: the two screens, the fit, and the clipped-text walk."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

SIZES = [QSize(1366, 768), QSize(1280, 720)]
LANGS = ["zh_CN", "en"]


def clipped(root: QWidget) -> list[str]:
    """The visible labels and buttons under `root` whose text does not fit them."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or (widget.pixmap() is not None and not widget.pixmap().isNull()):
                continue
            if widget.wordWrap():
                if widget.heightForWidth(widget.contentsRect().width()) > widget.height():
                    found.append(f"{widget.objectName() or 'label'}: {text!r} (height)")
                continue
            need = widget.sizeHint().width()
        elif isinstance(widget, QAbstractButton):
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            if not text:
                continue
            need = QFontMetrics(widget.font()).horizontalAdvance(text)
            if widget.icon().isNull() and need <= widget.contentsRect().width():
                continue
            need = min(need, widget.sizeHint().width())
        else:
            continue
        room = widget.width()
        if need > room and not widget.toolTip():
            found.append(f"{widget.objectName() or type(widget).__name__}: {text!r} {need}>{room}")
    return found


def fit(window, size: QSize) -> None:
    """The window filling a screen of `size` (the maximised first window on a laptop)."""
    window.showNormal()
    window.fit_to_screen(QRect(QPoint(0, 0), size))
    window.showNormal()  # offscreen: keep exactly this size, whatever the virtual screen's
    window.resize(size)
    QApplication.processEvents()


def columns_in_view(board) -> list[int]:
    viewport = board.board.scroll_area.viewport()
    shown = []
    for column in board.board.columns:
        rect = QRect(column.mapTo(viewport, QPoint(0, 0)), column.size())
        if viewport.rect().contains(rect):
            shown.append(column.view.stage)
    return shown
