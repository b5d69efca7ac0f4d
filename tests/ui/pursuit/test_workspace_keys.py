"""Keyboard-only use of a pursuit: after Enter on the board every Tab stop shows its focus, and
Ctrl+Tab / Ctrl+Shift+Tab / Ctrl+PgDn / Ctrl+PgUp switch the tabs from anywhere inside."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.services import pursuits
from desktop.services.pursuits import PursuitDraft

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _bar_image(bar):
    """The tab bar as the window shows it (the focus ring is a child drawn over it)."""
    top_left = bar.mapTo(bar.window(), bar.rect().topLeft())
    return bar.window().grab(bar.rect().translated(top_left)).toImage()


def _open_by_enter(main_window, qtbot, next_step: str = "Call"):
    ws = main_window.ctx.workspace
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="KB Rollout", account_name="Keyboard Test Corp", next_step=next_step)
    )
    main_window.show()
    qtbot.waitExposed(main_window)
    board = main_window.show_screen("board")
    board.reload()
    board.board.select_ids([pid], focus=True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main_window.current_pursuit() == pid)
    return main_window.stack.currentWidget()


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_enter_on_a_card_puts_focus_on_the_tab_bar_and_tab_enters_the_fields(
    main_window, qtbot
) -> None:
    workspace = _open_by_enter(main_window, qtbot)
    bar = workspace.tabs.tabBar()
    qtbot.waitUntil(bar.hasFocus)  # not a header button that shows nothing
    focused = _bar_image(bar)
    qtbot.keyClick(bar, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    # Straight into the first field: the page (a frameless scroll area) is no stop of its own.
    assert isinstance(focus, QLineEdit) and focus.objectName() == "title"
    # The tab bar showed its focus (Fusion draws none on a tab): it looks otherwise without.
    qtbot.waitUntil(lambda: _bar_image(bar) != focused)


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_header_buttons_show_their_focus(main_window, qtbot) -> None:
    workspace = _open_by_enter(main_window, qtbot)
    for button in (workspace.sharing, workspace.next_button, workspace.fold_button):
        before = button.grab().toImage()
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(button.hasFocus)
        qtbot.waitUntil(lambda b=button, was=before: b.grab().toImage() != was, timeout=2000)


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_ctrl_tab_and_ctrl_page_keys_switch_tabs(main_window, qtbot) -> None:
    workspace = _open_by_enter(main_window, qtbot)
    keys = workspace.tab_keys
    title = workspace.page("overview").findChild(QLineEdit, "title")
    title.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClick(title, Qt.Key.Key_Tab, CTRL)  # from inside a field
    assert workspace.current_key() == keys[1]
    bar = workspace.tabs.tabBar()
    assert bar.hasFocus()
    qtbot.keyClick(bar, Qt.Key.Key_PageDown, CTRL)
    assert workspace.current_key() == keys[2]
    qtbot.keyClick(bar, Qt.Key.Key_PageUp, CTRL)
    assert workspace.current_key() == keys[1]
    qtbot.keyClick(bar, Qt.Key.Key_Backtab, CTRL | SHIFT)  # how Ctrl+Shift+Tab arrives
    assert workspace.current_key() == keys[0]
    qtbot.keyClick(bar, Qt.Key.Key_Backtab, CTRL | SHIFT)  # round the end
    assert workspace.current_key() == keys[-1]
    # Qt's record of the held modifiers kept Shift after that click moved the focus; a later
    # test's selectRow then read "Shift held" and extended nothing. Let go of it.
    qtbot.keyRelease(bar, Qt.Key.Key_Shift)
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_flag_chips_come_between_the_header_and_the_tabs_and_show_focus(main_window, qtbot) -> None:
    workspace = _open_by_enter(main_window, qtbot, next_step="")  # "No next step" flag
    chips = workspace.health.buttons
    assert chips
    workspace.show_tab("visits")  # a tab with nothing to focus while it has no visit
    bar = workspace.tabs.tabBar()
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(bar.hasFocus)
    qtbot.keyClick(bar, Qt.Key.Key_Tab)
    # Tab leaves the tabs onward, not back up to an unseen flag (whose Space opened the map).
    assert QApplication.focusWidget() not in chips
    assert workspace.current_key() == "visits"
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(bar.hasFocus)
    qtbot.keyClick(bar, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is chips[-1]
    chip = chips[0]
    workspace.fold_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(workspace.fold_button.hasFocus)
    before = chip.grab().toImage()
    chip.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: chip.grab().toImage() != before, timeout=2000)
