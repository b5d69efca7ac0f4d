"""The board in the real main window: the first screen, its toolbar, the Edit menu's undo."""

from __future__ import annotations

import pytest

from PySide6.QtGui import QKeySequence

from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services.queries import board


@pytest.fixture
def window(qtbot, demo_ws):
    from desktop.app import create_main_window, make_application

    make_application()
    settings = Settings()
    i18n.install(settings.language)
    _ctx, win = create_main_window(demo_ws, settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_board_is_the_first_screen(window) -> None:
    from PySide6.QtCore import Qt

    assert window.rail.item(0).data(Qt.ItemDataRole.UserRole) == "board"
    screen = window.screens["board"]
    assert window.stack.currentWidget() is screen
    names = {a.objectName() for a in window.toolbar.actions()}
    assert {"action_new_pursuit", "action_show_closed"} <= names
    totals = screen.model.totals()
    assert totals.shown == len(board.board_cards(window.ctx.workspace)) > 10


def test_edit_menu_undoes_and_redoes_a_board_move(window, qtbot) -> None:
    ctx = window.ctx
    screen = window.screens["board"]
    card = screen.model.cards_in(3)[0]
    screen.request_move([card.id], 2)  # back a stage: the gate asks why
    screen.gate_dialog.reason.setPlainText("重新评估")
    screen.gate_dialog.accept()
    assert board.board_card(ctx.workspace, card.id).stage == 2
    undo_keys = [s.toString() for s in window.undo_action.shortcuts()]
    assert QKeySequence(QKeySequence.StandardKey.Undo).toString() in undo_keys
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert board.board_card(ctx.workspace, card.id).stage == 3
    assert screen.model.card(card.id).stage == 3
    window.redo_action.trigger()
    assert board.board_card(ctx.workspace, card.id).stage == 2
