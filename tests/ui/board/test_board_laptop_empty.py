"""The board on an empty database, on a laptop screen: the eight stages with their names,
milestones and win rates, and a note with the first action whose text is not cut."""

from __future__ import annotations

import pytest

from tests.ui.board.laptop import LANGS, SIZES, clipped, columns_in_view, fit


@pytest.fixture
def window_workspace(ws):
    return ws


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize("main_window", LANGS, indirect=True)
def test_the_empty_board_shows_the_method_and_the_first_action(main_window, qtbot, size) -> None:
    fit(main_window, size)
    board = main_window.screens["board"]
    assert board.is_empty()
    qtbot.waitUntil(lambda: columns_in_view(board) == list(range(1, 9)))
    note = board.empty
    assert note.isVisible()
    assert board.board.rect().contains(note.geometry())
    top_of_cards = board.board.views[0].mapTo(board.board, board.board.views[0].rect().topLeft())
    assert note.geometry().top() >= top_of_cards.y()  # the heads (names, win rates) stay in view
    for header in board.board.headers:
        assert header.isVisible() and header.win_rate > 0
    assert clipped(note) == []
    assert clipped(board) == []
    new = note.new_button
    new.click()
    assert board.pursuit_dialog is not None and board.pursuit_dialog.isVisible()
    board.pursuit_dialog.reject()
