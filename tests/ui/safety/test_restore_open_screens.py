"""After a restore, or a sync that deletes a pursuit, no open screen keeps editing a record that
is not in the database any more: the pursuit's screen reloads from the restored database, or goes
back to the board and says why; an edit to a record that is gone is refused and said."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from desktop.services import records
from desktop.services.queries import board
from desktop.services.workspace import Workspace
from desktop.ui import errors
from desktop.ui.safety import actions


def empty_backup(tmp_path: Path) -> Path:
    """A backup of a new database: a day's first daily backup, no pursuit in it."""
    path = tmp_path / "elsewhere" / "new-daily.db"
    path.parent.mkdir()
    Workspace.open(path).close()
    return path


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_a_restore_without_the_open_pursuit_goes_back_to_the_board(
    main_window, qtbot, tmp_path: Path
) -> None:
    ctx = main_window.ctx
    card = board.board_cards(ctx.workspace)[0]
    assert main_window.open_pursuit(card.id, "overview")
    screen = main_window.screens["pursuit"]
    with qtbot.waitSignal(ctx.workspace_replaced):
        assert actions.restore_now(main_window, empty_backup(tmp_path))
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is main_window.screens["board"])
    assert screen.pursuit_id is None
    message = main_window.statusBar().currentMessage()
    assert card.title in message and "no longer exists" in message
    assert not screen.next_action.isEnabled()


def test_a_restore_that_keeps_the_open_pursuit_reloads_it_and_its_edits_save(
    main_window, qtbot
) -> None:
    ctx = main_window.ctx
    card = board.board_cards(ctx.workspace)[0]
    actions.back_up_now(main_window)
    records.update(ctx.workspace, "pursuit", card.id, {"title": "备份之后改的名称"})
    assert main_window.open_pursuit(card.id, "overview")
    page = main_window.screens["pursuit"].pages["overview"]
    assert page.title_edit.text() == "备份之后改的名称"
    source = actions.backup.list_backups(ctx.workspace.path)[0].path
    with qtbot.waitSignal(ctx.workspace_replaced):
        assert actions.restore_now(main_window, source)
    qtbot.waitUntil(lambda: page.title_edit.text() == card.title)
    assert main_window.stack.currentWidget() is main_window.screens["pursuit"]
    retype(qtbot, page.amount_edit, "900000")
    main_window.screens["pursuit"].save_state()
    assert records.get(ctx.workspace, "pursuit", card.id)["amount"] == 900_000_00


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_an_edit_pending_when_a_sync_deletes_the_pursuit_is_refused_and_said(
    main_window, qtbot
) -> None:
    ctx = main_window.ctx
    card = board.board_cards(ctx.workspace)[0]
    assert main_window.open_pursuit(card.id, "overview")
    page = main_window.screens["pursuit"].pages["overview"]
    retype(qtbot, page.amount_edit, "900000")  # typed, not yet saved (debounced)
    ctx.broadcast(records.delete(ctx.workspace, "pursuit", card.id))  # as a sync import would
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is main_window.screens["board"])
    shown = [box.text() for box in errors._open_boxes if box.isVisible()]
    assert any("no longer exists" in text for text in shown), shown
    assert card.title in main_window.statusBar().currentMessage()


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_a_visit_editor_open_while_a_sync_deletes_its_pursuit_does_not_lose_its_save(
    main_window, qtbot
) -> None:
    """A sync round (or the integrity check's offer to restore) can change the database under an
    open editor: its Save of a visit whose pursuit is gone is refused in words, not written
    where nothing lists it."""
    from datetime import timedelta

    from desktop.services import visits
    from desktop.storage.tables import utcnow
    from desktop.ui.visits.editor import VisitEditor

    ctx = main_window.ctx
    card = board.board_cards(ctx.workspace)[0]
    visit_id, _ = visits.create_visit(
        ctx.workspace,
        visits.VisitDraft(
            pursuit_id=card.id, starts_at=utcnow() + timedelta(days=2), objective="演示样板"
        ),
    )
    editor = VisitEditor(ctx, main_window, visit_id=visit_id)
    qtbot.addWidget(editor)
    editor.open()
    ctx.broadcast(records.delete(ctx.workspace, "pursuit", card.id))
    editor.location.setText("客户总部")
    editor.accept()
    assert editor.isVisible()  # not closed as if saved
    shown = [box.text() for box in errors._open_boxes if box.isVisible()]
    assert any("no longer exists" in text for text in shown), shown
    records.restore(ctx.workspace, "pursuit", card.id)
    assert visits.get_visit(ctx.workspace, visit_id).fields["location"] != "客户总部"
    editor.reject()


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_a_visit_with_attendees_whose_pursuit_is_gone_is_refused_as_gone(
    main_window, qtbot
) -> None:
    """Its people went with the pursuit: "someone you chose is no longer a stakeholder" would
    send the rep to tick attendees of a pursuit that is not there."""
    from datetime import timedelta

    from desktop.services import stakeholder_map, visits
    from desktop.storage.tables import utcnow
    from desktop.ui.visits.editor import VisitEditor

    ctx = main_window.ctx
    card = board.board_cards(ctx.workspace)[0]
    person, _ = stakeholder_map.create_person(ctx.workspace, card.id, {"name": "周敏"})
    visit_id, _ = visits.create_visit(
        ctx.workspace,
        visits.VisitDraft(
            pursuit_id=card.id,
            starts_at=utcnow() + timedelta(days=2),
            objective="演示样板",
            attendee_ids=[person],
        ),
    )
    editor = VisitEditor(ctx, main_window, visit_id=visit_id)
    qtbot.addWidget(editor)
    editor.open()
    assert editor.checked_attendees() == [person]
    ctx.broadcast(records.delete(ctx.workspace, "stakeholder", person))
    ctx.broadcast(records.delete(ctx.workspace, "pursuit", card.id))
    editor.accept()
    assert editor.isVisible()
    shown = [box.text() for box in errors._open_boxes if box.isVisible()]
    assert any("no longer exists" in text for text in shown), shown
    assert "no longer a stakeholder" not in editor.error.text()
    editor.reject()


def test_an_edit_still_being_typed_at_a_restore_is_in_the_copy_set_aside(
    main_window, qtbot, tmp_path: Path
) -> None:
    ctx = main_window.ctx
    card = board.board_cards(ctx.workspace)[0]
    assert main_window.open_pursuit(card.id, "overview")
    page = main_window.screens["pursuit"].pages["overview"]
    retype(qtbot, page.amount_edit, "777777")  # debounced: not saved yet
    assert actions.restore_now(main_window, empty_backup(tmp_path))
    set_aside = actions.backup.list_backups(ctx.workspace.path)[0]
    assert set_aside.reason == "before-restore"
    before = Workspace.open(set_aside.path, create=False, read_only=True)
    try:
        assert records.get(before, "pursuit", card.id)["amount"] == 777_777_00
    finally:
        before.close()


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_opening_another_database_leaves_the_pursuit_without_calling_it_gone(
    main_window, qtbot, tmp_path: Path
) -> None:
    ctx = main_window.ctx
    card = board.board_cards(ctx.workspace)[0]
    assert main_window.open_pursuit(card.id, "overview")
    screen = main_window.screens["pursuit"]
    other = tmp_path / "other.db"
    Workspace.open(other).close()
    assert main_window.switch_database(other, create=False)
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is not screen)
    assert screen.pursuit_id is None and not screen.autosaver.pending
    assert "no longer exists" not in main_window.statusBar().currentMessage()
