"""File ▸ Export / Import through the real dialogs (paths handed in), the preview's counts, a
conflict settled in the Review screen, Undo Last Sync Import, and the messages for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from desktop.services import records
from desktop.services.sync import bundle, dump, export, importer, review
from desktop.services.workspace import Workspace
from desktop.storage.backup import online_backup
from desktop.ui.sync.actions import SyncActions

PASSPHRASE = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


@pytest.fixture
def other(demo_ws, tmp_path: Path):
    """Another computer: a copy of the window's database (its own site)."""
    path = online_backup(demo_ws.path, tmp_path / "laptop.db")
    ws = Workspace.open(path)
    yield ws
    ws.close()


def first_pursuit(ws: Workspace) -> str:
    from desktop.storage.tables import Pursuit

    with ws.read() as session:
        return session.query(Pursuit).order_by(Pursuit.id).first().id


def wait_done(qtbot, window) -> None:
    actions = window.findChild(SyncActions)
    qtbot.waitUntil(lambda: actions.job is not None and actions.job.done, timeout=20000)
    qtbot.wait(50)  # the queued "finished" signal


def test_export_through_the_dialog(qtbot, main_window, tmp_path: Path) -> None:
    actions = main_window.findChild(SyncActions)
    target = tmp_path / "out.pursuit-sync"
    dialog = actions.export_data(target)
    ok = dialog.buttons.buttons()[0]
    dialog.passphrase.setText("short")
    assert not ok.isEnabled()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE + "x")
    assert not ok.isEnabled() and dialog.problem.text()
    dialog.again.setText(PASSPHRASE)
    dialog.name.setText("王芳")
    assert ok.isEnabled()
    dialog.accept()
    wait_done(qtbot, main_window)
    assert target.exists()
    header = importer.inspect(target)
    assert header.encrypted and "site_name" not in header.fields  # sealed: who is inside
    bundle.unlock(header, PASSPHRASE)
    assert header.fields["site_name"] == "王芳"
    assert "个项目" in actions.last_message.text() and "条记录" not in actions.last_message.text()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_export_of_chosen_pursuits_without_encryption(qtbot, main_window, tmp_path: Path) -> None:
    actions = main_window.findChild(SyncActions)
    target = tmp_path / "one.pursuit-sync"
    dialog = actions.export_data(target)
    dialog.some.setChecked(True)
    assert not dialog.buttons.buttons()[0].isEnabled()  # nothing ticked yet
    from PySide6.QtCore import Qt

    dialog.model.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.plain.setChecked(True)
    dialog.name.setText("王芳")
    assert dialog.buttons.buttons()[0].isEnabled()
    dialog.accept()
    wait_done(qtbot, main_window)
    header = importer.inspect(target)
    assert not header.encrypted
    assert header.fields["counts"]["pursuit"] == 1
    assert "未加密" in actions.last_message.text()


def test_import_preview_then_resolve_in_review(qtbot, main_window, other, tmp_path: Path) -> None:
    ctx = main_window.ctx
    target = first_pursuit(other)
    records.update(other, "pursuit", target, {"title": "笔记本上的名称"})
    records.update(ctx.workspace, "pursuit", target, {"title": "台式机上的名称"})
    source = tmp_path / "laptop.pursuit-sync"
    export.export_bundle(other, source, passphrase=PASSPHRASE, kdf=FAST_KDF, site_name="王芳")
    actions = main_window.findChild(SyncActions)
    dialog = actions.import_file(source)
    assert not any("王芳" in label.text() for label in dialog.findChildren(QLabel))  # sealed
    dialog.passphrase.setText(PASSPHRASE)
    dialog.accept()
    qtbot.waitUntil(lambda: type(actions.dialog).__name__ == "PreviewDialog", timeout=20000)
    preview = actions.dialog
    assert any("王芳" in label.text() for label in preview.findChildren(QLabel))
    assert preview.findChild(QLabel, "plain_warning") is None
    counts = preview.counts_shown()
    assert counts["项目"] == [0, 1, 1, 0]
    assert counts["合计"] == [0, 1, 1, 0]
    preview.accept()
    wait_done(qtbot, main_window)
    assert "待" in actions.last_message.text()
    assert actions.review_label.isVisible() and "1" in actions.review_label.text()

    main_window.show_screen("review")
    screen = main_window.screens["review"]
    assert screen.model.rowCount() == 1
    assert screen.model.rows[0].field == "title"
    values = {v.value for v in screen.model.rows[0].versions}
    assert values == {"笔记本上的名称", "台式机上的名称"}
    laptop = next(i for i, v in enumerate(screen.current.versions) if v.value == "笔记本上的名称")
    screen.findChild(QPushButton, f"choose_{laptop}").click()
    assert records.get(ctx.workspace, "pursuit", target)["title"] == "笔记本上的名称"
    assert review.count(ctx.workspace) == 0
    assert screen.model.rowCount() == 0 and screen.pages.currentWidget() is screen.empty
    assert not actions.review_label.isVisible()
    ctx.undo_stack.undo()
    assert records.get(ctx.workspace, "pursuit", target)["title"] == "台式机上的名称"


def test_review_model_passes_the_model_tester(qtmodeltester, main_window, other, tmp_path) -> None:
    target = first_pursuit(other)
    records.update(other, "pursuit", target, {"amount": 111})
    records.update(main_window.ctx.workspace, "pursuit", target, {"amount": 222})
    source = tmp_path / "f.sync"
    export.export_bundle(other, source, passphrase=None, encrypt=False)
    importer.import_bundle(main_window.ctx.workspace, source)
    main_window.ctx.broadcast(importer.Changes.all())
    main_window.show_screen("review")
    model = main_window.screens["review"].model
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_wrong_passphrase_is_told_and_nothing_changes(qtbot, main_window, other, tmp_path) -> None:
    source = tmp_path / "laptop.pursuit-sync"
    export.export_bundle(other, source, passphrase=PASSPHRASE, kdf=FAST_KDF)
    before = dump.digest(main_window.ctx.workspace.path)
    actions = main_window.findChild(SyncActions)
    dialog = actions.import_file(source)
    dialog.passphrase.setText("not the passphrase")
    dialog.accept()
    wait_done(qtbot, main_window)
    # The same file is asked for again, with a word in red: the rep retypes, nothing else.
    again = actions.dialog
    assert again is not dialog and type(again).__name__ == "PassphraseDialog"
    assert again.wrong.isVisibleTo(again) and not dialog.wrong.isVisibleTo(dialog)
    assert actions.last_message is None
    assert dump.digest(main_window.ctx.workspace.path) == before
    again.passphrase.setText(PASSPHRASE)
    again.accept()
    wait_done(qtbot, main_window)
    assert "口令" not in actions.last_message.text()  # opened: nothing new in a copy


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_a_damaged_file_is_told_in_english(qtbot, main_window, other, tmp_path) -> None:
    source = tmp_path / "laptop.pursuit-sync"
    export.export_bundle(other, source, passphrase=None, encrypt=False)
    data = bytearray(source.read_bytes())
    data[-40] ^= 0x10
    source.write_bytes(bytes(data))
    actions = main_window.findChild(SyncActions)
    assert actions.import_file(source) is None  # plain: straight to work
    wait_done(qtbot, main_window)
    assert actions.last_message.text() == (
        "The file is damaged or incomplete; ask the sender to export again. Nothing was imported."
    )
    not_a_file = tmp_path / "notes.txt"
    not_a_file.write_text("hello")
    actions.import_file(not_a_file)
    assert "not a Pursuit sync file" in actions.last_message.text()


def test_cancel_the_preview_and_undo_last_import(qtbot, main_window, other, tmp_path) -> None:
    records.update(other, "pursuit", first_pursuit(other), {"title": "要撤销的"})
    source = tmp_path / "laptop.pursuit-sync"
    export.export_bundle(other, source, passphrase=None, encrypt=False, site_name="王芳")
    ctx = main_window.ctx
    before = dump.digest(ctx.workspace.path)
    actions = main_window.findChild(SyncActions)
    actions.import_file(source)
    qtbot.waitUntil(lambda: type(actions.dialog).__name__ == "PreviewDialog", timeout=20000)
    warning = actions.dialog.findChild(QLabel, "plain_warning")  # told before anything changes
    assert warning is not None and "未加密" in warning.text()
    actions.dialog.reject()
    wait_done(qtbot, main_window)
    assert dump.digest(ctx.workspace.path) == before
    assert actions._last_import() is None  # a cancelled import leaves no trace to undo

    first = actions.dialog
    actions.import_file(source)
    qtbot.waitUntil(
        lambda: type(actions.dialog).__name__ == "PreviewDialog" and actions.dialog is not first,
        timeout=20000,
    )
    actions.dialog.accept()
    wait_done(qtbot, main_window)
    assert dump.digest(ctx.workspace.path) != before
    box = actions.undo_last_import()
    assert "王芳" in box.text()
    go = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    go.click()
    qtbot.waitUntil(lambda: actions._last_import() is None, timeout=10000)
    assert dump.digest(ctx.workspace.path) == before


def test_a_file_from_a_clock_far_ahead_names_its_sender(qtbot, main_window) -> None:
    actions = main_window.findChild(SyncActions)
    actions._refused(bundle.ClockAhead("王芳"))
    text = actions.last_message.text()
    assert "来自 王芳 的文件" in text and "数据库未做任何更改" in text
