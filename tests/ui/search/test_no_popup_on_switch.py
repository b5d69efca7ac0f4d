"""Opening a pursuit with Enter (from the board, from Today) shows the pursuit, not the global
search popup too: hiding the screen that had focus hands it on "as if by Tab", and the search
box took that for a rep's Tab (the testers met the popup over the workspace twice)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import pursuits
from desktop.services.pursuits import PursuitDraft


def test_focus_passing_through_the_box_while_screens_switch_opens_no_popup(
    main_window, qtbot
) -> None:
    ws = main_window.ctx.workspace
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="智能客服", account_name="天津中通证券")
    )
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.show_screen("today")
    popup, box = main_window.search.popup, main_window.search_box
    # What Qt does when the row that had focus is hidden by the switch: the next widget in the
    # chain, here the search box, gets it "by Tab" — in the same turn as the switch.
    box.setFocus(Qt.FocusReason.TabFocusReason)
    assert main_window.open_pursuit(pid)
    qtbot.wait(100)
    assert main_window.current_pursuit() == pid
    assert not popup.isVisible() and not box.hasFocus()
    # A rep's own Tab into the box does not open it either: Tab passes through, typing opens.
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait(20)
    assert not popup.isVisible()
