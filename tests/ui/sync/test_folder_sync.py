"""The team sync folder in the window: rounds after a change settles, on delivery, on close;
the status-bar line; a folder that vanishes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.services import pursuits, records
from desktop.services.queries import pursuit_list
from desktop.services.sync import dump, folder
from desktop.services.workspace import Workspace
from desktop.ui.sync.folder import FolderSyncer

SECRET = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_rounds_run_by_themselves(main_window, qtbot, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    syncer = main_window.findChild(FolderSyncer)
    assert syncer is not None and not syncer.label.isVisible()
    syncer.kdf = FAST_KDF
    syncer.debounce.setInterval(50)
    ctx = main_window.ctx
    syncer.set_folder(str(team), SECRET, False)
    # Every round's report: a round may follow another at once (the first one's broadcast
    # starts the debounce), so a wait looks at all of them, not only the latest.
    reports: list[folder.RoundReport] = []
    syncer.updated.connect(lambda: syncer.last is not None and reports.append(syncer.last))
    own = team / ctx.workspace.db.site_id() / folder.file_name(1, True)
    # A round's report comes to this thread after its worker is done: a round that ended just
    # now while another's report was shown leaves "Syncing…" until its own report arrives.
    qtbot.waitUntil(
        lambda: (
            bool(reports)
            and own.exists()
            and not syncer.running
            and "Synced " in syncer.label.text()
        ),
        timeout=20_000,
    )
    assert syncer.label.text().startswith('<a href="sync">')

    # A teammate's file arrives: the watcher notices it, the window merges it and refreshes.
    peer = Workspace.open(tmp_path / "peer.db")
    try:
        pursuits.create_pursuit(
            peer, pursuits.PursuitDraft(title="同事的新项目", account_name="同事客户", amount=9)
        )
        peer_config = folder.FolderSync(team, SECRET, kdf=FAST_KDF, site_name="同事")
        folder.sync_round(peer, peer_config)
        qtbot.waitSignal(ctx.changed, timeout=20_000).wait()  # the watcher merged it
        qtbot.waitUntil(lambda: any(r.imported_files == 1 for r in reports), timeout=20_000)

        # A change here is written once it settles.
        target = records.get(ctx.workspace, "pursuit", _any_pursuit(ctx.workspace))
        reports.clear()
        ctx.perform(records.update, "pursuit", target["id"], {"title": "窗口里改的"})
        qtbot.waitUntil(
            lambda: any(r.written is not None and not r.snapshot for r in reports), timeout=20_000
        )
        folder.sync_round(peer, peer_config)
        assert records.get(peer, "pursuit", target["id"])["title"] == "窗口里改的"

        # The folder vanishes: one clear line; it comes back: sync resumes.
        shutil.move(team, tmp_path / "away")
        syncer.request_round()
        qtbot.waitUntil(lambda: "cannot be reached" in syncer.label.text(), timeout=20_000)
        shutil.move(tmp_path / "away", team)
        ctx.perform(records.update, "pursuit", target["id"], {"next_step": "关窗前改的"})
        syncer.debounce.stop()
        main_window.close()  # the last round runs as the window closes
        folder.sync_round(peer, peer_config)
        assert records.get(peer, "pursuit", target["id"])["next_step"] == "关窗前改的"
        assert dump.digest(peer.path) == dump.digest(ctx.workspace.path)
    finally:
        peer.close()


def _any_pursuit(ws: Workspace) -> str:
    from desktop.storage.tables import Pursuit

    with ws.read() as session:
        return session.query(Pursuit.id).filter(Pursuit.alive).order_by(Pursuit.id).first()[0]


def test_without_a_passphrase_the_line_asks_for_it(main_window, qtbot, tmp_path: Path) -> None:
    syncer = main_window.findChild(FolderSyncer)
    ctx = main_window.ctx
    ctx.settings.set_database_state(ctx.workspace.path, "sync", {"folder": str(tmp_path)})
    syncer._restart()
    assert syncer.label.isVisible() and 'href="configure"' in syncer.label.text()
    assert syncer.job is None  # nothing runs without the team passphrase


def test_the_dialog_offers_the_folder_pursuit_sync_used_with_this_database(
    main_window, qtbot, tmp_path: Path
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    folder.sync_round(main_window.ctx.workspace, folder.FolderSync(team, SECRET, kdf=FAST_KDF))
    syncer = main_window.findChild(FolderSyncer)
    ctx = main_window.ctx
    assert ctx.settings.database_state(ctx.workspace.path, "sync") == {}  # none set here yet
    dialog = syncer.configure()
    assert dialog.folder_edit.text() == str(team)
    dialog.reject()


def test_the_name_given_in_the_dialog_is_the_one_colleagues_see(
    main_window, qtbot, tmp_path: Path
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    syncer = main_window.findChild(FolderSyncer)
    syncer.kdf = FAST_KDF
    dialog = syncer.configure()
    assert dialog.name_edit.text() == "" and "@" in dialog.name_edit.placeholderText()
    dialog.folder_edit.setText(str(team))
    dialog.passphrase_edit.setText(SECRET)
    dialog.name_edit.setText("李娜")
    dialog.accept()
    assert syncer.site_name == "李娜"
    own = team / main_window.ctx.workspace.db.site_id()
    qtbot.waitUntil(lambda: own.is_dir() and any(own.iterdir()), timeout=20_000)
    qtbot.waitUntil(lambda: not syncer.running, timeout=20_000)
    peer = Workspace.open(tmp_path / "peer.db")
    try:
        report = folder.sync_round(peer, folder.FolderSync(team, SECRET, kdf=FAST_KDF))
        assert [p.name for p in report.peers.values()] == ["李娜"]
    finally:
        peer.close()


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_a_mistyped_passphrase_writes_nothing_and_says_so(
    main_window, qtbot, tmp_path: Path
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    peer = Workspace.open(tmp_path / "peer.db")
    try:
        pursuits.create_pursuit(
            peer, pursuits.PursuitDraft(title="同事的新项目", account_name="同事客户", amount=9)
        )
        folder.sync_round(peer, folder.FolderSync(team, SECRET, kdf=FAST_KDF, site_name="同事"))
    finally:
        peer.close()
    syncer = main_window.findChild(FolderSyncer)
    syncer.kdf = FAST_KDF
    own = team / main_window.ctx.workspace.db.site_id()

    syncer.set_folder(str(team), SECRET + "!", False)
    qtbot.waitUntil(lambda: "Check the team passphrase" in syncer.label.text(), timeout=20_000)
    assert not own.exists()  # nothing of ours in the team's folder under a mistyped passphrase

    # Put right: the colleague's file comes in, ours goes out, and the line says no more of it
    # (once the report of the round with the old passphrase, which may still be on its way to
    # the window, has been followed by this one's).
    syncer.set_folder(str(team), SECRET, False)
    qtbot.waitUntil(
        lambda: (
            (own / folder.file_name(1, True)).exists()
            and syncer.last is not None
            and not syncer.running
            and "passphrase" not in syncer.label.text()
        ),
        timeout=20_000,
    )
    assert "Synced " in syncer.label.text()
    titles = {row.title for row in pursuit_list.list_pursuits(main_window.ctx.workspace)}
    assert "同事的新项目" in titles

    # Mistyped again, now that this database has written: still nothing of it goes out under
    # it (a snapshot would replace the file the colleague can read), and the line says so.
    syncer.set_folder(str(team), SECRET + "?", False)
    # The status bar shows a problem's start; the whole of it is in the tooltip.
    qtbot.waitUntil(lambda: "opens none of the files" in syncer.label.toolTip(), timeout=20_000)
    assert {p.name for p in own.iterdir()} == {folder.file_name(1, True)}


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_dialog_asks_before_it_takes_a_passphrase_that_opens_no_file(
    main_window, qtbot, tmp_path: Path
) -> None:
    """A passphrase typed in the dialog that opens none of the folder's files is questioned
    there, before any round: corrected, nothing went out under it; said to be the team's new
    one, a snapshot goes out under it and the line says what was written."""
    team = tmp_path / "team"
    team.mkdir()
    peer = Workspace.open(tmp_path / "peer.db")
    try:
        folder.sync_round(peer, folder.FolderSync(team, SECRET, kdf=FAST_KDF, site_name="同事"))
    finally:
        peer.close()
    syncer = main_window.findChild(FolderSyncer)
    syncer.kdf = FAST_KDF
    own = team / main_window.ctx.workspace.db.site_id()
    syncer.set_folder(str(team), SECRET, False)
    qtbot.waitUntil(lambda: (own / folder.file_name(1, True)).exists(), timeout=20_000)
    qtbot.waitUntil(lambda: not syncer.running and syncer.last is not None, timeout=20_000)

    dialog = syncer.configure()
    dialog.passphrase_edit.setText(SECRET + "?")
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.use_new.isVisible, timeout=20_000)
    assert dialog.isVisible() and "opens none of the files" in dialog.problem.text()
    assert syncer.passphrase == SECRET  # not taken: no round runs under it
    # Corrected: taken at once (it is the one in use), and nothing went out under the typo.
    qtbot.keyClicks(dialog.passphrase_edit, "x")  # an edit withdraws the question
    assert not dialog.use_new.isVisible() and not dialog.problem.text()
    dialog.passphrase_edit.setText(SECRET)
    dialog.ok_button.click()
    assert not dialog.isVisible() and syncer.passphrase == SECRET
    qtbot.waitUntil(lambda: not syncer.running, timeout=20_000)
    assert [p.name for p in own.iterdir()] == [folder.file_name(1, True)]

    # The whole team changed its passphrase, and this rep is the first: said so, it is used.
    dialog = syncer.configure()
    dialog.passphrase_edit.setText("the team's new words")
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.use_new.isVisible, timeout=20_000)
    dialog.use_new.click()
    assert not dialog.isVisible() and syncer.passphrase == "the team's new words"
    qtbot.waitUntil(
        # The line shows the start of a long message; the whole of it is in the tooltip.
        lambda: "Wrote a snapshot under the new team passphrase" in syncer.label.toolTip(),
        timeout=20_000,
    )
    assert {p.name for p in own.iterdir()} == {folder.file_name(n, True) for n in (1, 2)}
