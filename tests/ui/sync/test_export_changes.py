"""File ▸ Export Changes…: only what a colleague has not been sent (everything the first time),
remembered per colleague; such a file imports through the ordinary File ▸ Import…."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import records
from desktop.services.sync import dump, export, importer, recipients
from desktop.services.workspace import Workspace
from desktop.storage.backup import online_backup
from desktop.ui.sync.actions import SyncActions

from .test_sync_ui import first_pursuit, wait_done


@pytest.fixture
def other(demo_ws, tmp_path: Path):
    path = online_backup(demo_ws.path, tmp_path / "laptop.db")
    ws = Workspace.open(path)
    yield ws
    ws.close()


def export_changes_in_window(qtbot, window, target: Path, site: str) -> str:
    actions = window.findChild(SyncActions)
    assert actions.changes_action.objectName() == "action_export_changes"
    dialog = actions.export_data(target, changes=True)
    assert dialog.changes.isChecked() and dialog.recipient.isEnabled()
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(site))
    assert dialog.recipient_site() == site
    dialog.plain.setChecked(True)
    dialog.name.setText("张伟")
    assert dialog.buttons.buttons()[0].isEnabled()
    dialog.accept()
    wait_done(qtbot, window)
    return actions.last_message.text()


def test_export_changes_for_a_colleague_then_import_theirs(
    qtbot, main_window, other, tmp_path: Path
) -> None:
    ctx = main_window.ctx
    actions = main_window.findChild(SyncActions)
    # Before any file from a colleague: no one to send changes to; everything is offered.
    dialog = actions.export_data(tmp_path / "x.pursuit-sync", changes=True)
    assert not dialog.changes.isEnabled() and dialog.everything.isChecked()
    assert (
        "imported a file" in dialog.recipient_note.text() or "导入" in dialog.recipient_note.text()
    )
    dialog.reject()

    # The laptop's file comes in once: the laptop is now a colleague to send changes to.
    first = tmp_path / "laptop-all.pursuit-sync"
    export.export_bundle(other, first, passphrase=None, encrypt=False, site_name="王芳")
    importer.import_bundle(ctx.workspace, first, None, backup=False)
    laptop = other.db.site_id()

    text = export_changes_in_window(
        qtbot, main_window, tmp_path / "to-laptop-1.pursuit-sync", laptop
    )
    assert importer.inspect(tmp_path / "to-laptop-1.pursuit-sync").fields["counts"]["pursuit"] > 1
    assert "未加密" in text
    importer.import_bundle(other, tmp_path / "to-laptop-1.pursuit-sync", None, backup=False)

    target = first_pursuit(ctx.workspace)
    ctx.perform(records.update, "pursuit", target, {"next_step": "只改了这一条"})
    export_changes_in_window(qtbot, main_window, tmp_path / "to-laptop-2.pursuit-sync", laptop)
    header = importer.inspect(tmp_path / "to-laptop-2.pursuit-sync")
    assert sum(header.fields["counts"].values()) == 1 and "delta" in header.fields
    assert [r.last_export != "" for r in recipients.recipients(ctx.workspace)] == [True]
    importer.import_bundle(other, tmp_path / "to-laptop-2.pursuit-sync", None, backup=False)
    assert records.get(other, "pursuit", target)["next_step"] == "只改了这一条"

    # The laptop sends its own changes back the same way; File ▸ Import… takes the delta.
    records.update(other, "pursuit", target, {"title": "笔记本上改的"})
    back = tmp_path / "to-desk.pursuit-sync"
    recipients.export_changes(
        other, back, ctx.workspace.db.site_id(), passphrase=None, encrypt=False, site_name="王芳"
    )
    assert importer.inspect(back).fields["counts"]["pursuit"] >= 1
    actions.import_file(back)
    qtbot.waitUntil(lambda: type(actions.dialog).__name__ == "PreviewDialog", timeout=20000)
    actions.dialog.accept()
    wait_done(qtbot, main_window)
    assert records.get(ctx.workspace, "pursuit", target)["title"] == "笔记本上改的"
    assert dump.digest(other.path) == dump.digest(ctx.workspace.path)
