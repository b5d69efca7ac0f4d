"""`pursuit sync`, run as a user (or a scheduled job) runs it: one round, one line, exit codes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services.sync import dump, folder

SECRET = "correct horse battery"


def pursuit(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    environment = dict(
        os.environ, LANG="zh_CN.UTF-8" if lang == "zh" else "C.UTF-8", TEAM_SECRET=SECRET
    )
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def sync(db: Path, team: Path, *more: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return pursuit(
        "sync",
        "--db",
        str(db),
        "--folder",
        str(team),
        "--passphrase-env",
        "TEAM_SECRET",
        *more,
        lang=lang,
    )


def test_rounds_through_a_folder(sync_template: Path, tmp_path: Path) -> None:
    a, b, boss = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "boss.db"
    for db in (a, b, boss):
        shutil.copy(sync_template, db)
    team = tmp_path / "team"
    team.mkdir()

    first = sync(a, team, "--name", "王芳")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("sync: wrote ") and "snapshot" in first.stdout
    assert "nothing new" in first.stdout and len(first.stdout.splitlines()) == 1

    second = sync(b, team, "--name", "李雷")
    assert second.returncode == 0, second.stderr
    assert "imported 王芳 1 files" in second.stdout and "0 to review" in second.stdout

    # A file of b's cut off mid-delivery: skipped, the round still completes.
    [b_site] = [p for p in team.iterdir() if p.is_dir() and p != team / _only(team, a)]
    snapshot = b_site / folder.file_name(1, True)
    whole = snapshot.read_bytes()
    snapshot.write_bytes(whole[: len(whole) // 2])
    cut = sync(a, team)
    assert cut.returncode == 0, cut.stderr
    assert "skipped 1 still arriving" in cut.stdout and cut.stderr == ""
    snapshot.write_bytes(whole)
    done = sync(a, team)
    assert done.returncode == 0 and "imported 李雷 1 files" in done.stdout

    rollup = sync(boss, team, "--roll-up", lang="zh")
    assert rollup.returncode == 0, rollup.stderr
    assert rollup.stdout.startswith("同步：未写出；已导入 ") and "个文件（新增 " in rollup.stdout
    assert "、" in rollup.stdout  # two peers, listed as Chinese lists them
    # Full-width punctuation only (a thousands separator in a number is the one comma).
    assert not set(re.sub(r"(?<=\d),(?=\d)", "", rollup.stdout)) & set(",;:()")
    assert sync(b, team).returncode == 0
    assert dump.digest(a) == dump.digest(b) == dump.digest(boss)

    gone = sync(a, tmp_path / "unplugged")
    assert gone.returncode == 1 and "missing" in gone.stderr and gone.stdout == ""


def _only(team: Path, db: Path) -> str:
    state = json.loads(db.with_name(db.name + ".sync-folder.json").read_text())
    return str(state["site"])


def test_a_new_computer_makes_its_database_from_the_folder(
    sync_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = tmp_path / "a.db"
    shutil.copy(sync_template, a)
    team = tmp_path / "team"
    team.mkdir()
    assert sync(a, team, "--name", "王芳").returncode == 0

    laptop = tmp_path / "new-laptop" / "pursuit.db"
    # A folder that cannot be reached has nothing to fill it from: no empty database is made.
    gone = sync(laptop, tmp_path / "unplugged", lang="zh")
    assert gone.returncode == 1 and "同步文件夹" in gone.stderr and gone.stdout == ""
    assert not laptop.exists()

    # A mistyped passphrase: nothing written into the team's folder, the line says why, and the
    # exit code tells a script that nothing of this computer went out.
    monkeypatch.setenv("TYPO_SECRET", SECRET + "!")
    typo = pursuit(
        "sync", "--db", str(laptop), "--folder", str(team), "--passphrase-env", "TYPO_SECRET",
        lang="zh",
    )  # fmt: skip
    assert typo.returncode == 1 and "团队口令打不开同步文件夹中的任何文件" in typo.stdout
    assert "团队口令不同" in typo.stderr and len(list(team.iterdir())) == 1
    # A failed command leaves nothing behind: no empty database, no sidecar, no folder made.
    assert not laptop.parent.exists()

    first = sync(laptop, team, "--name", "李雷")
    assert first.returncode == 0, first.stderr
    assert "imported 王芳 1 files" in first.stdout
    assert dump.digest(laptop) == dump.digest(a)

    # Mistyped again, now that it has written: still nothing of this computer goes out (a
    # snapshot under it would replace the files the team can read), exit 1 as in the window.
    own = team / _only(team, laptop)
    again = pursuit(
        "sync", "--db", str(laptop), "--folder", str(team), "--passphrase-env", "TYPO_SECRET",
        lang="zh",
    )  # fmt: skip
    assert again.returncode == 1 and "未写出" in again.stdout and "--new-passphrase" in again.stdout
    assert len(list(own.iterdir())) == 1

    # Unless it is the team's new passphrase, said once: a snapshot under it goes out, and the
    # file the others can read until they change too stays beside it.
    changed = pursuit(
        "sync", "--db", str(laptop), "--folder", str(team), "--passphrase-env", "TYPO_SECRET",
        "--new-passphrase",
    )  # fmt: skip
    assert changed.returncode == 0 and "snapshot" in changed.stdout
    assert "the new team passphrase opens none of the colleagues' files yet" in changed.stdout
    assert len(list(own.iterdir())) == 2


def test_the_line_names_a_rep_once_whose_database_was_restored() -> None:
    """A restored database writes under a new site while its old files stay in the folder: a
    roll-up reading both in one round names the rep once, with the two sites' files summed."""
    from desktop.cli_folder import summary

    report = folder.RoundReport()
    report.peers = {
        "old-site": folder.PeerRound("old-site", "王芳", files=2, new=5, updated=1),
        "new-site": folder.PeerRound("new-site", "王芳", files=1, new=0, updated=3),
        "other-site": folder.PeerRound("other-site", "", files=1, new=1),
    }
    line = summary(report, zh=False)
    assert "imported 王芳 3 files (5 new, 4 updated), other-si 1 files (1 new, 0 updated)" in line
    assert summary(report, zh=True).count("王芳") == 1
