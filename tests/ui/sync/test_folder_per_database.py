"""The team sync folder belongs to the database it was set for: another database (a new one, the
demo) starts with none and never joins the folder by itself (the roll-up's own setup:
test_folder_roll_up_setup.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import pursuits
from desktop.services.changes import Changes
from desktop.ui.sync.folder import FolderSyncer
from desktop.ui.sync.screen import SyncScreen

SECRET = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_another_database_starts_with_no_folder(main_window, qtbot, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    syncer = main_window.findChild(FolderSyncer)
    syncer.kdf = FAST_KDF
    syncer.set_folder(str(team), SECRET, False)
    qtbot.waitUntil(lambda: syncer.last is not None and not syncer.running, timeout=20_000)
    first = main_window.ctx.workspace.path
    assert syncer.folder == str(team) and syncer.label.isVisible()

    assert main_window.switch_database(tmp_path / "new.db")
    assert syncer.folder == "" and syncer.config() is None and not syncer.label.isVisible()
    main_window.show_screen("sync")
    screen = main_window.stack.currentWidget()
    assert isinstance(screen, SyncScreen) and "No sync folder yet" in screen.where.text()
    # A change here starts no round: nothing of this database goes to the team's folder.
    pursuits.create_pursuit(
        main_window.ctx.workspace, pursuits.PursuitDraft(title="新库的项目", account_name="客户")
    )
    main_window.ctx.broadcast(Changes.all())
    assert not syncer.debounce.isActive() and not syncer.running
    assert not (team / main_window.ctx.workspace.db.site_id()).exists()

    # Back to the first: its folder, and the passphrase given this session.
    assert main_window.switch_database(first)
    assert syncer.folder == str(team) and syncer.config() is not None
    qtbot.waitUntil(lambda: not syncer.running, timeout=20_000)
