"""Keyboard use of the board: the card the keys act on wears a clear ring (palette highlight,
2 px) while its column has focus, and none when focus is elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from desktop.ui.board.delegate import MARGIN_X


def _near(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 40


def test_the_current_card_of_the_focused_column_has_a_solid_ring(qtbot, screen, ctx, kit) -> None:
    ws = ctx.workspace
    kit.make(ws, "A")
    kit.make(ws, "B")
    screen.reload()
    view = screen.board.view_of(1)
    index = view.model().index(1, 0)  # the second card: not the one Qt makes current itself
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    view.selectionModel().setCurrentIndex(index, view.selectionModel().SelectionFlag.NoUpdate)
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    rect = view.visualRect(index)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()

    def ring_at(y: int) -> QColor:  # just outside the card's left side, in its margin
        return image.pixelColor(round((rect.left() + MARGIN_X - 2) * ratio), round(y * ratio))

    middle = rect.center().y()
    assert _near(ring_at(middle), highlight)
    assert _near(ring_at(middle + rect.height() // 4), highlight)  # solid, not dotted
    # Focus elsewhere: no ring.
    screen.board.view_of(2).setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: not view.hasFocus())
    image = view.viewport().grab().toImage()
    assert not _near(ring_at(middle), highlight)
