"""A roll-up that `pursuit sync --roll-up` made is offered as a roll-up in the window, whose Sync
screen shows the folder and the colleagues its rounds read; setting it up there writes nothing of
the team's records to the team's folder as the manager's own."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox

from desktop.cli import main as pursuit
from desktop.services import pursuits
from desktop.services.sync import folder
from desktop.services.workspace import Workspace
from desktop.ui.sync.folder import FolderSyncer
from desktop.ui.sync.screen import SyncScreen

SECRET = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A team folder where the rep 王芳 has written her first file."""
    path = tmp_path / "team"
    path.mkdir()
    peer = Workspace.open(tmp_path / "wang.db")
    try:
        pursuits.create_pursuit(
            peer, pursuits.PursuitDraft(title="王芳的项目", account_name="王芳的客户", amount=9)
        )
        folder.sync_round(peer, folder.FolderSync(path, SECRET, kdf=FAST_KDF, site_name="王芳"))
    finally:
        peer.close()
    return path


@pytest.fixture(params=["recorded", "before the mode was recorded"])
def window_workspace(
    request: pytest.FixtureRequest, team: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Workspace]:
    """The manager's database, made by `pursuit sync --roll-up` before the window opens it."""
    path = tmp_path / "manager.db"
    monkeypatch.setenv("TEAM_PHRASE", SECRET)
    argv = ["sync", "--db", str(path), "--folder", str(team), "--roll-up", "--name", "经理"]
    assert pursuit([*argv, "--passphrase-env", "TEAM_PHRASE"]) == 0
    state_file = path.with_name(path.name + ".sync-folder.json")
    if request.param != "recorded":  # a state file an earlier version wrote
        state = json.loads(state_file.read_text(encoding="utf-8"))
        del state["roll_up"], state["site_name"]
        state_file.write_text(json.dumps(state), encoding="utf-8")
    workspace = Workspace.open(path)
    yield workspace
    workspace.close()


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_roll_up_made_by_pursuit_sync_stays_a_roll_up(
    main_window, window_workspace: Workspace, team: Path, qtbot
) -> None:
    syncer = main_window.findChild(FolderSyncer)
    syncer.kdf = FAST_KDF
    main_window.show_screen("sync")
    screen = main_window.stack.currentWidget()
    assert isinstance(screen, SyncScreen)
    assert str(team) in screen.where.text() and "Roll-up" in screen.where.text()
    assert screen.model.rowCount() == 1 and screen.model.index(0, 0).data() == "王芳"

    main_window.findChild(QAction, "action_sync_folder").trigger()
    dialog = syncer.dialog
    assert dialog is not None and dialog.folder_edit.text() == str(team)
    assert dialog.roll_up_box.isChecked()
    recorded = "roll_up" in folder.load_state(window_workspace)
    assert dialog.name_edit.text() == ("经理" if recorded else "")
    qtbot.keyClicks(dialog.passphrase_edit, SECRET)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: syncer.last is not None and not syncer.running, timeout=20_000)
    assert syncer.roll_up and syncer.last.written is None
    own = team / window_workspace.db.site_id()
    assert not own.exists()  # nothing of the whole team's records written as the manager's
