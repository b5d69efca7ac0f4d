"""Keyboard through the toolbar's search box: Tab passes through it (the popup opens on typing,
not on focus), and Esc gives focus back to where it was when the popup opened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def test_tab_passes_through_the_box_and_typing_opens_the_popup(main_window, qtbot) -> None:
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.show_screen("accounts")
    popup, box = main_window.search.popup, main_window.search_box
    assert box.isVisible()
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(box.hasFocus)
    qtbot.wait(20)
    assert not popup.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert not box.hasFocus() and not popup.isVisible()
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(box, "a")
    qtbot.waitUntil(popup.isVisible)
    assert popup.field.text() == "a"


def test_esc_gives_focus_back_to_where_it_was(main_window, qtbot) -> None:
    main_window.show()
    qtbot.waitExposed(main_window)
    screen = main_window.show_screen("accounts")
    assert screen is not None
    here = next(
        w
        for w in screen.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    )
    here.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(here.hasFocus)
    popup = main_window.search.popup
    main_window.search_action.trigger()  # Ctrl+K
    qtbot.waitUntil(popup.field.hasFocus)
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    qtbot.waitUntil(here.hasFocus)
    # From the box too: the popup typed open from it gives focus back to the box.
    box = main_window.search_box
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(box, "x")
    qtbot.waitUntil(popup.field.hasFocus)
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(box.hasFocus)
