"""The Sync screen: reached from the status line, it lists the colleagues' databases in the folder
(rep, site, last file, lag), the recent problems in the rep's words, and syncs on "Sync now"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.services import pursuits
from desktop.services.sync import folder
from desktop.services.workspace import Workspace
from desktop.ui.sync.folder import FolderSyncer
from desktop.ui.sync.screen import PeerModel, SyncScreen, lag_text

SECRET = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_lag_reads_like_a_person_would_say_it(main_window) -> None:
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    assert lag_text("", now) == "—"
    assert lag_text("2026-12-07T11:59:30Z", now) == "just now"
    assert lag_text("2026-12-07T11:35:00Z", now) == "25 min"
    assert lag_text((now - timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M:%SZ"), now) == "5 h"
    assert lag_text("2026-12-01T12:00:00Z", now) == "6 days"


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_sync_screen_lists_peers_and_problems_and_syncs_now(
    main_window, qtbot, qtmodeltester, tmp_path: Path
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    syncer = main_window.findChild(FolderSyncer)
    syncer.kdf = FAST_KDF
    syncer.poll.stop()
    peer = Workspace.open(tmp_path / "peer.db")
    try:
        pursuits.create_pursuit(
            peer, pursuits.PursuitDraft(title="同事的项目", account_name="同事客户", amount=9)
        )
        folder.sync_round(peer, folder.FolderSync(team, SECRET, kdf=FAST_KDF, site_name="王芳"))
        peer_site = peer.db.site_id()

        syncer.set_folder(str(team), SECRET, False)
        qtbot.waitUntil(lambda: syncer.last is not None and not syncer.running, timeout=20_000)
        # The status line is a link to the screen.
        assert 'href="sync"' in syncer.label.text()
        syncer.label.linkActivated.emit("sync")
        screen = main_window.stack.currentWidget()
        assert isinstance(screen, SyncScreen)
        qtmodeltester.check(screen.model)
        assert screen.model.rowCount() == 1
        row = [screen.model.index(0, c).data() for c in range(screen.model.columnCount())]
        assert row[0] == "王芳" and row[1] == peer_site[:8]
        assert row[2] == folder.file_name(1, True) and row[4] == "just now" and row[5] == ""
        assert str(team) in screen.where.text() and "Last sync" in screen.state.text()
        assert not screen.problems.isVisible() and screen.no_problems.isVisible()

        # The peer writes again: Sync now merges it; the screen follows the round.
        pursuits.create_pursuit(
            peer, pursuits.PursuitDraft(title="又一个", account_name="同事客户")
        )
        folder.sync_round(peer, folder.FolderSync(team, SECRET, kdf=FAST_KDF, site_name="王芳"))
        assert screen.sync_button.isEnabled()
        with qtbot.waitSignal(syncer.updated, timeout=20_000):
            screen.sync_button.click()
        qtbot.waitUntil(lambda: screen.model.index(0, 2).data() == folder.file_name(2, False))

        # A file from another team passphrase: refused, said in the rep's words, kept listed.
        pursuits.create_pursuit(
            peer, pursuits.PursuitDraft(title="口令不同", account_name="同事客户")
        )
        other = folder.FolderSync(team, "another team phrase", kdf=FAST_KDF, site_name="王芳")
        other.new_passphrase = True  # the peer said it is the team's new one: it writes
        folder.sync_round(peer, other)
        with qtbot.waitSignal(syncer.updated, timeout=20_000):
            screen.sync_now()
        assert screen.problems.count() == 1
        assert "another team passphrase" in screen.problems.item(0).text()
        assert screen.model.index(0, 5).data() == "1 · refused"
        assert "passphrase" in screen.model.index(0, 5).data(0x03)  # its tooltip says why

        # The folder vanishes: one clear problem, the peers stay as last known.
        (team).rename(tmp_path / "away")
        with qtbot.waitSignal(syncer.updated, timeout=20_000):
            screen.sync_now()
        assert "cannot be reached" in screen.problems.item(0).text()
        assert screen.problems.count() == 2
    finally:
        peer.close()
        syncer.set_folder("", "", False)


def test_without_a_folder_the_screen_says_how_to_start(main_window, qtbot) -> None:
    screen = main_window.show_screen("sync")
    assert isinstance(screen, SyncScreen) and main_window.stack.currentWidget() is screen
    assert not screen.sync_button.isEnabled()
    assert screen.where.text() and screen.model.rowCount() == 0
    assert isinstance(screen.model, PeerModel)


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_counts_say_what_was_read(main_window, qtbot, tmp_path: Path) -> None:
    """The tester's 'merged 0 files · 1 awaiting review' (the round after the one that read the
    file) and 'Synced 03:03 · … not read' (nothing was)."""
    team = tmp_path / "team"
    team.mkdir()
    syncer = main_window.findChild(FolderSyncer)
    syncer.kdf = FAST_KDF
    syncer.poll.stop()
    peer = Workspace.open(tmp_path / "peer.db")
    try:
        pursuits.create_pursuit(
            peer, pursuits.PursuitDraft(title="同事的项目", account_name="客户")
        )
        folder.sync_round(peer, folder.FolderSync(team, SECRET, kdf=FAST_KDF, site_name="王芳"))
        syncer.set_folder(str(team), SECRET, False)
        qtbot.waitUntil(
            lambda: syncer.last is not None and not syncer.running and syncer.merged_files == 1,
            timeout=20_000,
        )
        screen = main_window.show_screen("sync")
        assert isinstance(screen, SyncScreen)
        # A round after it reads nothing new: the file read is still counted, with its time.
        with qtbot.waitSignal(syncer.updated, timeout=20_000):
            screen.sync_now()
        qtbot.waitUntil(lambda: not syncer.running, timeout=20_000)
        assert syncer.last is not None and syncer.last.imported_files == 0
        assert f"merged 1 file at {syncer.merged_time}" in screen.state.text()
        assert "merged 0" not in screen.state.text()
        assert syncer.label.text().count("Synced ") == 1

        # The colleague's next file is under another passphrase: nothing could be read.
        pursuits.create_pursuit(peer, pursuits.PursuitDraft(title="口令不同", account_name="客户"))
        other = folder.FolderSync(team, "another team phrase", kdf=FAST_KDF, site_name="王芳")
        other.new_passphrase = True
        folder.sync_round(peer, other)
        with qtbot.waitSignal(syncer.updated, timeout=20_000):
            screen.sync_now()
        qtbot.waitUntil(lambda: not syncer.running, timeout=20_000)
        assert "Synced" not in syncer.label.text()
        assert f"Not synced {syncer.last_time}" in syncer.label.text()
        assert "another team passphrase" in syncer.label.text()
        state = screen.state.text()
        assert state.startswith(f"Not synced {syncer.last_time}: no file in the folder could")
        assert "Last sync" not in state and "nothing new" not in state
    finally:
        peer.close()
        syncer.set_folder("", "", False)
