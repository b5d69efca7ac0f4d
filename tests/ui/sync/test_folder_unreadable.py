"""A team folder, or a colleague's sub-folder in it, that this computer may not list: the
window says it cannot be READ (not "read-only"), with the reason in the rep's language, not the
system's English "Permission denied"."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop.services.sync import folder
from desktop.services.workspace import Workspace
from desktop.ui.sync.folder import FolderSyncer

SECRET = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}
SAYS = {
    "zh_CN": (
        "无法读取同步文件夹中的文件夹「{0}」（没有访问权限），本轮同步已停止，稍后会自动重试。",
        "无法读取同步文件夹（没有访问权限），稍后会自动重试。",
    ),
    "en": (
        'The folder "{0}" in the sync folder cannot be read (permission denied), so this round '
        "stopped; trying again later.",
        "The sync folder cannot be read (permission denied); trying again later.",
    ),
}


@pytest.mark.parametrize("main_window", ["zh_CN", "en"], indirect=True)
def test_an_unreadable_folder_is_told_as_such(
    main_window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    peer = Workspace.open(tmp_path / "peer.db")
    try:
        folder.sync_round(peer, folder.FolderSync(team, SECRET, kdf=FAST_KDF))
        colleague = team / peer.db.site_id()
    finally:
        peer.close()
    closed: set[Path] = set()
    listdir = os.listdir

    def denied(path: str | os.PathLike[str]) -> list[str]:
        # No permission to be had under root in CI: the system's own error, for those folders.
        if Path(path) in closed:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return listdir(path)

    monkeypatch.setattr(folder.os, "listdir", denied)
    syncer = main_window.findChild(FolderSyncer)
    syncer.kdf = FAST_KDF
    sub_folder, whole = SAYS[main_window.ctx.settings.language]
    closed.add(colleague)
    syncer.set_folder(str(team), SECRET, False)
    qtbot.waitUntil(lambda: not syncer.running and bool(syncer.problem), timeout=20_000)
    assert syncer.problem == sub_folder.format(colleague.name)
    closed.add(team)
    syncer.request_round()
    qtbot.waitUntil(lambda: not syncer.running and syncer.problem == whole, timeout=20_000)
    assert [problem for _when, problem in syncer.problems] == [
        whole,
        sub_folder.format(colleague.name),
    ]
