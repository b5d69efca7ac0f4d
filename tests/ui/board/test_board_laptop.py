"""The board on a laptop: 1366×768 at 100 % and 1920×1080 at 150 % (1280×720 of room).

Every column in view without scrolling sideways, the window inside the screen, no text cut short
on the board, its column heads or the empty board's note — in both languages. Text is measured
against the widget that shows it: a label or button whose text is wider than its room is cut,
unless it wraps (then its height must hold it) or is elided on purpose with a tooltip.
"""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from desktop.ui.board.view import MIN_WIDTH, _two_lines
from tests.ui.board.laptop import LANGS, SIZES, clipped, columns_in_view, fit


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize("main_window", LANGS, indirect=True)
def test_all_eight_columns_fit_a_laptop_screen(main_window, qtbot, size) -> None:
    fit(main_window, size)
    board = main_window.screens["board"]
    qtbot.waitUntil(lambda: columns_in_view(board) == list(range(1, 9)))
    assert board.board.scroll_area.horizontalScrollBar().maximum() == 0
    assert all(c.width() >= MIN_WIDTH for c in board.board.columns)
    # With the wide rail too (the rep's choice): still all eight.
    main_window.set_rail_narrow(False)
    qtbot.waitUntil(lambda: columns_in_view(board) == list(range(1, 9)))
    main_window.set_rail_narrow(True)
    assert clipped(board) == []
    assert clipped(main_window.toolbar) == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize("main_window", LANGS, indirect=True)
def test_column_heads_keep_their_words(main_window, size) -> None:
    """A stage's process wraps to a second line rather than lose its end ("Block the competi…"),
    and the "+" and collapse buttons do not cover it."""
    fit(main_window, size)
    board = main_window.screens["board"]
    for header in board.board.headers:
        metrics = QFontMetrics(header._title_font())
        room = header.width() - 20 - 28
        process = header.catalog.stage(header.stage).process(header.lang)
        text = process if header._title_lines == 1 else _two_lines(metrics, process, room)
        assert "…" not in text, process
        assert all(metrics.horizontalAdvance(line) <= room for line in text.split("\n"))
        assert header.add_button.isVisible() and header.collapse_button.isVisible()
        assert header.add_button.geometry().bottom() <= header.height()


def test_the_first_window_fits_the_screen(main_window) -> None:
    for size in SIZES:
        area = QRect(QPoint(0, 0), QSize(size.width(), size.height() - 40))  # a task bar
        main_window.fit_to_screen(area)
        assert area.contains(main_window.frameGeometry())
    main_window.showNormal()
    roomy = QRect(0, 0, 2560, 1440)
    main_window.fit_to_screen(roomy)
    assert main_window.size() == QSize(1280, 800)
    assert roomy.contains(main_window.frameGeometry())


def test_collapsed_columns_give_the_others_room(main_window, qtbot) -> None:
    fit(main_window, SIZES[1])
    board = main_window.screens["board"]
    before = board.board.columns[0].width()
    board.board.headers[1].collapse_button.click()
    qtbot.waitUntil(lambda: board.board.columns[0].width() > before)
    assert board.board.columns[1].width() < 40
    assert not board.board.views[1].isVisible()
    assert main_window.ctx.settings.screen_state("board")["collapsed"] == [2]
    qtbot.mouseClick(board.board.headers[1], Qt.MouseButton.LeftButton)
    assert board.board.views[1].isVisible()
    assert main_window.ctx.settings.screen_state("board")["collapsed"] == []


def test_fit_columns_brings_back_all_eight(main_window, qtbot) -> None:
    fit(main_window, SIZES[0])
    board = main_window.screens["board"]
    board.board.set_widths([300] * 8)  # as a rep's dragged widths on a big screen
    QApplication.processEvents()
    assert columns_in_view(board) != list(range(1, 9))
    board.fit_action.trigger()
    qtbot.waitUntil(lambda: columns_in_view(board) == list(range(1, 9)))


def test_the_plus_in_a_column_head_creates_a_pursuit_there(main_window) -> None:
    board = main_window.screens["board"]
    board.board.headers[4].add_button.click()
    dialog = board.pursuit_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.stage.currentData() == 5
    dialog.reject()


def test_the_card_menu_plans_and_prints_a_visit(main_window) -> None:
    board = main_window.screens["board"]
    card = board.model.cards_in(3)[0]
    board.board.select_ids([card.id])
    menu = board.build_context_menu(3)
    names = {a.objectName(): a for a in menu.actions()}
    assert {"action_plan_visit", "action_print_plan"} <= set(names)
    names["action_plan_visit"].trigger()
    editor = main_window._visits.editor
    assert editor is not None and editor.isVisible()
    editor.reject()
