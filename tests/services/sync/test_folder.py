"""The team sync folder on a plain shared folder, with slow and partial delivery simulated.

Each computer has its own copy of the folder; `PlainCarrier` copies each site's files between the
copies like a file-sync engine: at its own pace, a file cut off on the way, deletes following.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.services import records
from desktop.services.sync import folder
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit

from .conftest import FAST_KDF, PASSPHRASE
from .folder_scenario import Member, member, run_scenario, until_quiet


class PlainCarrier:
    def __init__(self, members: dict[str, Member]) -> None:
        self.members = members
        self.away: set[str] = set()
        self.held: set[str] = set()
        self.cut_off: set[str] = set()

    def offline(self, name: str, away: bool) -> None:
        (self.away.add if away else self.away.discard)(name)

    def settle(self) -> None:
        for name, source in self.members.items():
            if name in self.away or source.config.roll_up:
                continue
            site = source.ws.db.site_id()
            origin = source.config.folder / site
            if not origin.is_dir():
                continue
            files = {p.name: p for p in origin.iterdir() if folder.FILE_NAME.match(p.name)}
            for other, target in self.members.items():
                if other == name or other in self.away:
                    continue
                dest = target.config.folder / site
                dest.mkdir(exist_ok=True)
                for file_name, path in files.items():
                    where = f"{site}/{file_name}"
                    if where in self.held:
                        continue
                    data = path.read_bytes()
                    if where in self.cut_off:
                        data = data[: len(data) * 2 // 3]  # the engine is still writing it
                    out = dest / file_name
                    if not out.exists() or out.read_bytes() != data:
                        out.write_bytes(data)
                for stale in dest.iterdir():
                    if stale.name not in files:
                        stale.unlink()

    def hold(self, writer: Member, sequence: int) -> None:
        self.held.add(f"{writer.ws.db.site_id()}/{folder.file_name(sequence, False)}")

    def cut(self, writer: Member, sequence: int) -> None:
        where = f"{writer.ws.db.site_id()}/{folder.file_name(sequence, False)}"
        self.held.discard(where)
        self.cut_off.add(where)
        self.settle()

    def release(self) -> None:
        self.held.clear()
        self.cut_off.clear()
        self.settle()


def test_two_reps_and_a_roll_up_converge_through_a_plain_folder(replica, tmp_path: Path) -> None:
    a = member(replica("a"), tmp_path / "pc-a")
    b = member(replica("b"), tmp_path / "pc-b")
    boss = member(replica("boss"), tmp_path / "pc-boss", roll_up=True)
    carrier = PlainCarrier({"a": a, "b": b, "boss": boss})
    run_scenario(a, b, boss, carrier, hold=carrier.hold, cut=carrier.cut, release=carrier.release)


def test_nothing_new_writes_nothing_and_reads_nothing(replica, tmp_path: Path) -> None:
    a = member(replica("a"), tmp_path / "team")
    b = member(replica("b"), tmp_path / "team")  # one folder, as on a network share
    until_quiet([a, b], PlainCarrier({}))
    for m in (a, b):
        report = m.sync()
        assert report.written is None and report.imported_files == 0 and not report.skipped
    first = records.get(a.ws, "pursuit", _first(a.ws))
    records.update(a.ws, "pursuit", first["id"], {"title": "一处修改"})
    report = a.sync()
    assert report.written and report.written_records == 1 and not report.snapshot
    report = b.sync()
    assert report.peers[a.ws.db.site_id()].updated == 1 and report.imported_files == 1


def _first(ws: Workspace) -> str:
    with ws.read() as session:
        return session.query(Pursuit.id).order_by(Pursuit.id).first()[0]


def test_a_file_claiming_to_be_from_this_site_is_refused(replica, tmp_path: Path) -> None:
    team = tmp_path / "team"
    a = member(replica("a"), team)
    b = member(replica("b"), team)
    a.sync()
    b.sync()
    records.update(a.ws, "pursuit", _first(a.ws), {"title": "冒名"})
    a.sync()
    # b finds its own snapshot placed under a peer's name: refused as its own.
    b_site, a_site = b.ws.db.site_id(), a.ws.db.site_id()
    forged = team / "11111111-1111-4111-8111-111111111111"
    forged.mkdir()
    shutil.copy(team / b_site / folder.file_name(1, True), forged / folder.file_name(1, True))
    report = b.sync()
    assert [(s.reason) for s in report.refused] == ["own_site"]
    # A file whose header names another site than its folder is refused too, not merged.
    report = a.sync()
    assert [s.reason for s in report.refused] == ["misplaced"]
    assert a_site != b_site


def test_a_copied_database_takes_a_new_site_on_its_first_sync(replica, tmp_path: Path) -> None:
    team = tmp_path / "team"
    a = member(replica("a"), team)
    a.sync()
    a.ws.close()
    copy_path = tmp_path / "elsewhere" / "a.db"
    copy_path.parent.mkdir()
    shutil.copy(a.ws.path, copy_path)
    with sqlite3.connect(copy_path) as conn:  # a copy made where it keeps its path
        conn.execute("UPDATE sync_state SET db_path = ?", (str(copy_path),))
    original = Workspace.open(a.ws.path)
    twin = Workspace.open(copy_path)
    try:
        site = original.db.site_id()
        assert twin.db.site_id() == site
        report = folder.sync_round(twin, a.config)
        assert report.new_site and report.new_site != site == original.db.site_id()
        assert twin.db.site_id() == report.new_site and report.snapshot
        assert sorted(p.name for p in (team / site).iterdir()) == [folder.file_name(1, True)]
        report = folder.sync_round(original, a.config)
        assert report.new_site is None and report.imported_files == 1
    finally:
        twin.close()
        original.close()


def test_a_vanished_or_read_only_folder_is_one_clear_problem_then_resumes(
    replica, tmp_path: Path
) -> None:
    team = tmp_path / "drive" / "team"
    team.mkdir(parents=True)
    a = member(replica("a"), team)
    a.sync()
    shutil.move(team, tmp_path / "unplugged")
    with pytest.raises(folder.FolderProblem) as caught:
        a.sync()
    assert caught.value.code == "missing"
    shutil.move(tmp_path / "unplugged", team)
    records.update(a.ws, "pursuit", _first(a.ws), {"title": "离线时改的"})
    if os.geteuid() != 0:  # root writes anywhere
        own = team / a.ws.db.site_id()
        own.chmod(0o555)
        try:
            with pytest.raises(folder.FolderProblem) as caught:
                a.sync()
            assert caught.value.code == "read_only"
        finally:
            own.chmod(0o755)
    report = a.sync()
    assert report.written and report.written_records == 1


def test_a_peer_that_missed_deleted_deltas_catches_up_from_the_snapshot(
    replica, tmp_path: Path
) -> None:
    a = member(replica("a"), tmp_path / "pc-a")
    b = member(replica("b"), tmp_path / "pc-b")
    carrier = PlainCarrier({"a": a, "b": b})
    until_quiet([a, b], carrier)
    carrier.offline("b", True)
    target = _first(a.ws)
    for n in range(4):
        records.update(a.ws, "pursuit", target, {"next_step": f"第 {n} 步"})
        a.sync()
    carrier.offline("b", False)
    carrier.settle()
    names = sorted(p.name for p in (b.config.folder / a.ws.db.site_id()).iterdir())
    assert names[0].endswith(".full.pursuit-sync") and len(names) <= 2, names
    report = b.sync()
    assert report.imported_files >= 1 and not report.skipped
    assert records.get(b.ws, "pursuit", target)["next_step"] == "第 3 步"


def test_a_file_from_another_team_passphrase_is_refused(replica, tmp_path: Path) -> None:
    team = tmp_path / "team"
    a = member(replica("a"), team)
    other = folder.FolderSync(team, "another team's words", kdf=FAST_KDF)
    folder.sync_round(replica("b"), other)
    report = a.sync()
    assert [s.reason for s in report.refused] == ["wrong_passphrase"]
    [peer] = [p for p in folder.load_state(a.ws)["peers"].values() if p.get("failed")]
    assert peer["failed"]["reason"] == "wrong_passphrase"
    # Told again each round, and opened again (this computer's passphrase may have been put
    # right meanwhile): cheaply, the team key of this passphrase is derived once a session.
    again = a.sync()
    assert [s.reason for s in again.refused] == ["wrong_passphrase"] and again.seconds < 1
    assert other.passphrase != PASSPHRASE


def test_a_first_file_waits_while_the_passphrase_opens_no_colleagues_file(
    replica, tmp_path: Path
) -> None:
    team = tmp_path / "team"
    a = member(replica("a"), team)
    a.sync()
    b = replica("b")
    typo = folder.FolderSync(team, PASSPHRASE + "!", kdf=FAST_KDF)
    report = folder.sync_round(b, typo)
    # Most likely mistyped: nothing goes into the team's folder under it.
    assert report.held and report.written is None
    assert [s.reason for s in report.refused] == ["wrong_passphrase"]
    assert not (team / b.db.site_id()).exists()
    assert not a.sync().refused  # so no colleague is told of a file they cannot read

    # Put right: the colleague's file, refused under the typo, is opened again and merged.
    report = folder.sync_round(b, folder.FolderSync(team, PASSPHRASE, kdf=FAST_KDF))
    assert not report.held and not report.refused and report.imported_files == 1
    assert report.written == f"{b.db.site_id()}/{folder.file_name(1, True)}"


def test_a_mistyped_passphrase_put_right_resumes_on_both_sides(replica, tmp_path: Path) -> None:
    team = tmp_path / "team"
    a = member(replica("a"), team)
    a.sync()
    b = replica("b")
    right = folder.FolderSync(team, PASSPHRASE, kdf=FAST_KDF)
    folder.sync_round(b, right)
    a.sync()
    site = b.db.site_id()
    # b has written before; a passphrase that opens none of the folder's files (neither the
    # colleague's nor b's own) is most likely mistyped: b writes nothing under it, so no
    # snapshot the team cannot read goes out, and b's readable file stays the latest.
    assert folder.passphrase_fits(b, team, PASSPHRASE)
    assert not folder.passphrase_fits(b, team, PASSPHRASE + "!")
    records.update(b, "pursuit", _first(b), {"title": "口令输错时"})
    report = folder.sync_round(b, folder.FolderSync(team, PASSPHRASE + "!", kdf=FAST_KDF))
    assert report.held and report.written is None and not report.unproven
    assert [p.name for p in (team / site).iterdir()] == [folder.file_name(1, True)]
    assert not a.sync().refused  # no colleague is told of a file they cannot read

    # Put right: the edit made meanwhile goes out as an ordinary delta, and the colleague
    # takes it in.
    report = folder.sync_round(b, right)
    assert report.written == f"{site}/{folder.file_name(2, False)}" and not report.held
    report = a.sync()
    assert not report.refused and report.peers[site].files == 1
    assert records.get(a.ws, "pursuit", _first(a.ws))["title"] == "口令输错时"


def test_a_whole_team_changing_its_passphrase_does_not_wait_for_itself(
    replica, tmp_path: Path
) -> None:
    team = tmp_path / "team"
    a, b = member(replica("a"), team), member(replica("b"), team)
    for side in (a, b, a):
        side.sync()
    new = folder.FolderSync(team, "the team's new words", kdf=FAST_KDF)
    records.update(a.ws, "pursuit", _first(a.ws), {"title": "新口令之后"})
    # The first to change: no file in the folder opens under it yet, so it is taken as a typo...
    assert folder.sync_round(a.ws, new).held
    # ...until the rep says it is the team's new passphrase: a snapshot under it goes out, and
    # the older files stay beside it for those still on the old one.
    told = folder.FolderSync(team, new.passphrase, kdf=FAST_KDF, new_passphrase=True)
    first = folder.sync_round(a.ws, told)
    assert first.written and first.snapshot and first.unproven and not first.held
    assert len(list((team / a.ws.db.site_id()).iterdir())) == 2
    # The next one need not say so: its new passphrase opens the first one's file.
    report = folder.sync_round(b.ws, new)
    assert report.peers[a.ws.db.site_id()].files == 1 and report.written and not report.unproven
    assert records.get(b.ws, "pursuit", _first(b.ws))["title"] == "新口令之后"
    assert not folder.sync_round(a.ws, new).refused


def test_a_restored_backup_takes_in_again_what_was_merged_after_it(replica, tmp_path: Path) -> None:
    from desktop.services import backup

    team = tmp_path / "team"
    a, b = member(replica("a"), team), member(replica("b"), team)
    for side in (a, b, a):
        side.sync()
    saved = backup.make_backup(a.ws).path
    records.update(b.ws, "pursuit", _first(b.ws), {"title": "备份之后同事改的"})
    b.sync()
    assert a.sync().peers[b.ws.db.site_id()].files == 1
    path = a.ws.path
    a.ws.close()
    backup.restore(path, saved)  # the colleague's change, merged after the backup, is gone
    restored = member(Workspace.open(path), team)
    try:
        pursuit_id = _first(restored.ws)
        assert records.get(restored.ws, "pursuit", pursuit_id)["title"] != "备份之后同事改的"
        report = restored.sync()  # a new site: the colleague's files are read again
        assert report.peers[b.ws.db.site_id()].updated == 1
        assert records.get(restored.ws, "pursuit", pursuit_id)["title"] == "备份之后同事改的"
    finally:
        restored.ws.close()


def test_a_file_written_before_a_crash_is_ours_and_a_snapshot_follows(
    replica, tmp_path: Path
) -> None:
    team = tmp_path / "team"
    a = member(replica("a"), team)
    a.sync()
    site = a.ws.db.site_id()
    before = json.loads(folder.state_path(a.ws).read_text())
    records.update(a.ws, "pursuit", _first(a.ws), {"title": "崩溃前写出"})
    a.sync()
    folder.state_path(a.ws).write_text(json.dumps(before | {"pending": folder.file_name(2, False)}))
    records.update(a.ws, "pursuit", _first(a.ws), {"title": "崩溃之后"})
    report = a.sync()
    assert report.new_site is None and a.ws.db.site_id() == site
    assert report.written == f"{site}/{folder.file_name(3, True)}" and report.snapshot


def test_a_full_or_read_only_disk_is_one_clear_problem_then_resumes(
    replica, tmp_path: Path
) -> None:
    from tests.safety.disks import fill, read_only, small_disk

    a = member(replica("a"), tmp_path / "pc-a")
    with small_disk(tmp_path / "stick", "2M") as stick:
        conf = folder.FolderSync(stick, PASSPHRASE, kdf=FAST_KDF)
        first = folder.sync_round(a.ws, conf)
        assert first.snapshot
        fill(stick)
        records.update(a.ws, "pursuit", _first(a.ws), {"title": "磁盘满时改的"})
        with pytest.raises(folder.FolderProblem) as caught:
            folder.sync_round(a.ws, conf)
        assert caught.value.code == "full"
        assert sorted(p.name for p in (stick / a.ws.db.site_id()).iterdir()) == [
            folder.file_name(1, True)
        ]  # nothing half-written left behind
        (stick / "filler").unlink()
        (stick / "filler2").unlink(missing_ok=True)
        records.update(a.ws, "pursuit", _first(a.ws), {"title": "腾出空间后"})
        read_only(stick)
        with pytest.raises(folder.FolderProblem) as caught:
            folder.sync_round(a.ws, conf)
        assert caught.value.code == "read_only"
    # The stick, writable again elsewhere: the change not written yet goes out.
    conf = folder.FolderSync(tmp_path / "pc-a", PASSPHRASE, kdf=FAST_KDF)
    report = folder.sync_round(a.ws, conf)
    assert report.written


def test_a_colleagues_folder_this_computer_may_not_read_is_one_clear_problem(
    replica, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its owner's permissions (or a cloud client's half-made folder) keep a colleague's
    sub-folder from this computer: the round names it and keeps the system's error as its
    cause (worded by the caller: `pursuit sync` says 没有访问权限), then resumes once it reads."""
    import errno

    team = tmp_path / "team"
    a, b = member(replica("a"), team), member(replica("b"), team)
    a.sync()
    closed = team / a.ws.db.site_id()
    listdir = os.listdir

    def denied(path: str | os.PathLike[str]) -> list[str]:
        # No permission to be had under root in CI: the system's own error, for that folder.
        if Path(path) == closed:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return listdir(path)

    monkeypatch.setattr(folder.os, "listdir", denied)
    with pytest.raises(folder.FolderProblem) as caught:
        b.sync()
    assert caught.value.code == "unreadable" and caught.value.folder == closed
    assert isinstance(caught.value.__cause__, PermissionError)
    # The Sync screen still lists the colleague (it opened on an exception nobody caught).
    [peer] = folder.peer_status(b.ws, team)
    assert peer.site == a.ws.db.site_id() and peer.waiting == 0
    # The whole team folder unreadable: it cannot be READ (nothing was), not "read-only".
    closed = team
    with pytest.raises(folder.FolderProblem) as caught:
        b.sync()
    assert caught.value.code == "unreadable" and caught.value.folder == team
    monkeypatch.undo()
    report = b.sync()
    assert report.peers[a.ws.db.site_id()].files == 1
