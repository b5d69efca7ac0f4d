"""In the real main window: whose database a merged pursuit came from (workspace header, board
card tooltip, Pursuits list column), and Purge… from the board, the Pursuits list and the
stakeholder map — the confirmation answered through its buttons, the undo stack cleared after."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services import pursuits, records, stakeholder_map
from desktop.services.changes import Changes
from desktop.services.errors import NotFound
from desktop.services.queries import board
from desktop.services.sync import export, importer
from desktop.services.workspace import Workspace
from desktop.storage.backup import online_backup
from desktop.storage.tables import Pursuit, Stakeholder

PASSPHRASE = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}
LAPTOP = "张三的笔记本"


@pytest.fixture
def merged(main_window, demo_ws, tmp_path: Path) -> str:
    """A pursuit created on Zhang's laptop, merged into the window's database from his file."""
    laptop = Workspace.open(online_backup(demo_ws.path, tmp_path / "laptop.db"))
    try:
        pursuit_id, _ = pursuits.create_pursuit(
            laptop, pursuits.PursuitDraft(title="智能仓储", account_name="远方物流", amount=5)
        )
        stakeholder_map.create_person(laptop, pursuit_id, {"name": "周敏", "title": "仓储经理"})
        path = tmp_path / "laptop.pursuit-sync"
        export.export_bundle(laptop, path, passphrase=PASSPHRASE, kdf=FAST_KDF, site_name=LAPTOP)
    finally:
        laptop.close()
    importer.import_bundle(main_window.ctx.workspace, path, PASSPHRASE)
    main_window.ctx.broadcast(Changes.all())  # what the import action does after its commit
    return pursuit_id


def confirmation(qtbot, parent: QWidget) -> QMessageBox:
    """The purge question on screen (boxes of earlier questions may still await deletion)."""
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [b for b in parent.findChildren(QMessageBox, "confirm_purge") if b.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(shown)
    return found[0]


def answer(qtbot, box: QMessageBox, purge: bool) -> None:
    button = box.purge_button if purge else box.button(QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(box.finished):
        button.click()


def purged(ws: Workspace, table, record_id: str) -> bool:
    with ws.read() as session:
        record = session.get(table, record_id)
        return bool(record.purged and not record.alive)


# --- whose database ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("main_window", "prefix"), [("zh_CN", "来自："), ("en_US", "From: ")], indirect=["main_window"]
)
def test_screens_show_whose_database_a_pursuit_came_from(main_window, merged, prefix) -> None:
    workspace = main_window.screen_widget("pursuit")
    main_window.open_pursuit(merged)
    assert workspace.origin.isVisible()
    assert workspace.origin.text() == f"{prefix}{LAPTOP}"
    local = next(c for c in board.board_cards(main_window.ctx.workspace) if c.id != merged)
    main_window.open_pursuit(local.id)
    assert not workspace.origin.isVisible()

    screen = main_window.screens["board"]
    card = screen.model.card(merged)
    assert card is not None and card.origin == LAPTOP
    assert f"{prefix}{LAPTOP}" in screen.delegate.tooltip(card)
    assert prefix not in screen.delegate.tooltip(screen.model.card(local.id))

    main_window.show_screen("pursuits")
    pursuits_screen = main_window.screens["pursuits"]
    model = pursuits_screen.model
    column = model.column_index("origin")
    assert pursuits_screen.view.horizontalHeader().isSectionHidden(column)  # until asked for
    rows = {model.row_at(model.index(n, 0)).id: n for n in range(model.rowCount())}
    assert model.index(rows[merged], column).data() == LAPTOP
    assert model.index(rows[local.id], column).data() == ""
    assert LAPTOP in model.index(rows[merged], column).data(Qt.ItemDataRole.ToolTipRole)


def test_the_header_links_to_the_fields_awaiting_review(main_window, qtbot) -> None:
    ctx = main_window.ctx
    target = board.board_cards(ctx.workspace)[0].id
    workspace = main_window.screen_widget("pursuit")
    main_window.open_pursuit(target)
    assert not workspace.review_link.isVisible()
    with ctx.workspace.write() as session:  # an import's leftovers: two titles to choose from
        from desktop.storage import sync_codec

        session.info["merging"] = True
        pursuit = session.get(Pursuit, target)
        pursuit.siblings = {"title": [["另一台电脑上的标题", "site", 3, 1]]}
        session.flush()
        sync_codec.refresh_review(session, pursuit)
    ctx.broadcast(Changes.all())
    qtbot.waitUntil(workspace.review_link.isVisible)
    assert "1 处待审" in workspace.review_link.text()
    workspace.review_link.linkActivated.emit("review")
    assert main_window.stack.currentWidget() is main_window.screens["review"]


# --- purge ------------------------------------------------------------------------------------


def test_purge_a_pursuit_from_the_board_menu(main_window, qtbot) -> None:
    ctx = main_window.ctx
    screen = main_window.screens["board"]
    cards = screen.model.cards_in(2)
    doomed, other = cards[0], cards[1]
    screen.board.select_ids([other.id])
    screen.delete_selected()  # something on the undo stack
    assert ctx.undo_stack.canUndo()

    screen.board.select_ids([doomed.id])
    menu = screen.build_context_menu(doomed.stage)
    action = next(a for a in menu.actions() if a.objectName() == "action_purge")
    assert action.text() == "永久清除…"
    action.trigger()
    box = confirmation(qtbot, screen)
    assert doomed.title in box.text() and "永久清除" in box.text()
    assert "无法撤销" in box.informativeText() and "每台电脑" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    answer(qtbot, box, purge=False)
    assert board.board_card(ctx.workspace, doomed.id) is not None  # Cancel changes nothing
    assert ctx.undo_stack.canUndo()

    qtbot.waitUntil(lambda: not screen.findChildren(QMessageBox, "confirm_purge"))
    menu = screen.build_context_menu(doomed.stage)  # the same again, now answered "Purge"
    next(a for a in menu.actions() if a.objectName() == "action_purge").trigger()
    answer(qtbot, confirmation(qtbot, screen), purge=True)
    assert purged(ctx.workspace, Pursuit, doomed.id)
    assert screen.model.card(doomed.id) is None  # the board followed ctx.changed
    assert not ctx.undo_stack.canUndo() and not ctx.undo_stack.canRedo()
    assert not main_window.undo_action.isEnabled()
    assert doomed.title in main_window.statusBar().currentMessage()
    with pytest.raises(NotFound):  # and nothing brings it back
        records.restore(ctx.workspace, "pursuit", doomed.id)


def test_several_cards_offer_no_purge(main_window) -> None:
    screen = main_window.screens["board"]
    cards = screen.model.cards_in(2)[:2]
    screen.board.select_ids([c.id for c in cards])
    names = {a.objectName() for a in screen.build_context_menu(2).actions()}
    assert "action_delete" in names and "action_purge" not in names


@pytest.mark.parametrize("main_window", ["en_US"], indirect=True)
def test_purge_a_pursuit_from_the_pursuits_list(main_window, qtbot) -> None:
    ctx = main_window.ctx
    main_window.show_screen("pursuits")
    screen = main_window.screens["pursuits"]
    rows = [screen.model.row_at(screen.model.index(n, 0)) for n in range(2)]
    screen.select_ids([r.id for r in rows])
    assert not screen.purge_action.isEnabled()  # one named pursuit at a time
    screen.select_ids([rows[0].id])
    assert screen.purge_action.isEnabled() and screen.purge_action.text() == "Purge…"
    assert screen.purge_action in screen.build_context_menu().actions()
    screen.purge_action.trigger()
    box = confirmation(qtbot, screen)
    assert f'Purge the pursuit "{rows[0].account} · {rows[0].title}" for good?' == box.text()
    assert "cannot be undone" in box.informativeText()
    answer(qtbot, box, purge=True)
    assert purged(ctx.workspace, Pursuit, rows[0].id)
    shown = {
        screen.model.row_at(screen.model.index(n, 0)).id for n in range(screen.model.rowCount())
    }
    assert rows[0].id not in shown and rows[1].id in shown


def test_purge_a_stakeholder_from_the_map(main_window, merged, qtbot) -> None:
    ctx = main_window.ctx
    main_window.open_pursuit(merged, "stakeholders")
    editor = main_window.screen_widget("pursuit").show_tab("stakeholders")
    (person,) = editor.document.people()
    before = editor.document.person(person.id)
    # An edit the undo stack could replay onto the person: it must not outlive the purge.
    from desktop.ui.stakeholder_map import commands
    from desktop.ui.undo import push

    push(
        commands.EditPersonCommand(
            ctx, person.id, person.name, {"notes": ""}, {"notes": "内部消息:预算已批"}
        ),
    )
    assert ctx.undo_stack.canUndo() and before is not None

    centre = editor.scene.people[person.id].centre()
    menu = editor.context_menu(centre, editor.view.mapToGlobal(editor.view.mapFromScene(centre)))
    action = next(a for a in menu.actions() if a.objectName() == "action_purge")
    action.trigger()
    menu.close()
    box = confirmation(qtbot, editor)
    assert box.text() == "永久清除关键人「周敏」？"
    answer(qtbot, box, purge=True)
    assert purged(ctx.workspace, Stakeholder, person.id)
    with ctx.workspace.read() as session:
        assert session.get(Stakeholder, person.id).notes == ""
    qtbot.waitUntil(lambda: editor.document.person(person.id) is None)
    assert not ctx.undo_stack.canUndo()
    assert not purged(ctx.workspace, Pursuit, merged)  # the pursuit itself stays


def test_the_review_screen_reads_again_only_when_shown(main_window, qtbot, monkeypatch) -> None:
    # Thousands of fields can await review: a hidden Review screen does not re-read at each edit.
    main_window.show_screen("review")
    screen = main_window.screens["review"]
    reads: list[int] = []
    monkeypatch.setattr(screen.model, "reload", lambda: reads.append(1))
    main_window.show_screen("board")
    main_window.ctx.broadcast(Changes.of("pursuit", "x"))
    main_window.ctx.broadcast(Changes.of("pursuit", "y"))
    assert reads == []
    main_window.show_screen("review")
    assert reads == [1]
    main_window.ctx.broadcast(Changes.of("pursuit", "z"))  # on screen: at once
    assert reads == [1, 1]
