"""A pursuit created while the board's search hides it: the search is cleared, the new card is
selected with focus, and the status bar says why the filter went (it used to vanish silently,
only "1 of 4" changed)."""

from __future__ import annotations

import pytest

from desktop.services import pursuits
from desktop.services.pursuits import PursuitDraft


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_a_new_pursuit_hidden_by_the_search_clears_it_and_is_selected(main_window, qtbot) -> None:
    ws = main_window.ctx.workspace
    for title in ("Qubit CRM", "Qubit MES"):
        pursuits.create_pursuit(ws, PursuitDraft(title=title, account_name="Acme Ltd"))
    main_window.show()
    qtbot.waitExposed(main_window)
    screen = main_window.show_screen("board")
    screen.reload()
    screen.filter_bar.search.setText("qubit crm")
    qtbot.waitUntil(lambda: len(screen.model.shown_ids()) == 1)
    screen.new_action.trigger()
    dialog = screen.pursuit_dialog
    dialog.account.setEditText("Zenith Logistics")
    dialog.title.setText("Warehouse WMS")
    dialog.accept()
    [new] = [c for c in screen.model.all_cards() if c.title == "Warehouse WMS"]
    assert screen.filter_bar.search.text() == ""
    assert not screen.model.board_filter.active
    assert new.id in screen.model.shown_ids()
    assert [c.id for c in screen._selected_cards()] == [new.id]
    assert screen.board.current_card().id == new.id
    assert main_window.statusBar().currentMessage() == (
        'Filters cleared to show the new pursuit "Warehouse WMS".'
    )


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_a_new_pursuit_the_search_shows_keeps_the_search(main_window, qtbot) -> None:
    ws = main_window.ctx.workspace
    pursuits.create_pursuit(ws, PursuitDraft(title="Qubit CRM", account_name="Acme Ltd"))
    main_window.show()
    qtbot.waitExposed(main_window)
    screen = main_window.show_screen("board")
    screen.reload()
    screen.filter_bar.search.setText("qubit crm")
    screen.new_action.trigger()
    dialog = screen.pursuit_dialog
    dialog.account.setEditText("Acme Ltd")
    dialog.title.setText("Qubit CRM phase 2")
    dialog.accept()
    assert screen.filter_bar.search.text() == "qubit crm"
    assert len(screen.model.shown_ids()) == 2
