"""One writer per database: a second instance is refused; a crashed one's lock is recovered."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from desktop.infra.instance_lock import DatabaseLock

HOLD = """
import sys, time
from pathlib import Path
from desktop.infra.instance_lock import DatabaseLock
lock = DatabaseLock(Path(sys.argv[1]))
print("locked" if lock.acquire() else "refused", flush=True)
time.sleep(60)
"""


def start_holder(db: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child


def test_second_instance_is_refused_then_stale_lock_recovered(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    child = start_holder(db)
    try:
        second = DatabaseLock(db)
        assert not second.acquire()
        holder = second.holder()
        assert holder is not None and holder.pid == child.pid
    finally:
        child.send_signal(signal.SIGKILL)  # a crash: the lock file stays behind
        child.wait()
        assert child.stdout is not None
        child.stdout.close()
    assert (tmp_path / "shared.db.lock").exists()
    recovered = DatabaseLock(db)
    assert recovered.acquire()
    recovered.release()


def test_cli_refuses_to_write_while_the_app_holds_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    subprocess.run(
        [sys.executable, "-m", "desktop", "demo", "--db", str(db), "--scale", "2"],
        check=True,
        capture_output=True,
    )
    child = start_holder(db)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "desktop", "demo", "--db", str(db), "--scale", "2"],
            capture_output=True,
            text=True,
            env={"LANG": "C", "PATH": "/usr/bin:/bin"},
        )
        assert result.returncode == 1
        assert "open in another Pursuit window" in result.stderr
        checked = subprocess.run(
            [sys.executable, "-m", "desktop", "check", "--db", str(db)],
            capture_output=True,
            text=True,
        )
        assert checked.returncode == 0  # reading is fine
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.stdout is not None
        child.stdout.close()


OPEN_WINDOW = """
import sys, time
from pathlib import Path
from desktop.infra.instance_lock import DatabaseLock
from desktop.services import pursuits
from desktop.services.workspace import Workspace
lock = DatabaseLock(Path(sys.argv[1]))
assert lock.acquire()
ws = Workspace.open(Path(sys.argv[1]))
pursuits.create_pursuit(ws, pursuits.PursuitDraft(title="窗口里刚建的", account_name="客户"))
print("open", flush=True)
time.sleep(60)
"""


def test_backup_reads_while_the_app_has_the_database_open_restore_waits(
    demo_template: Path, tmp_path: Path, capsys
) -> None:
    import shutil
    import sqlite3

    from desktop import cli

    db = tmp_path / "open.db"
    shutil.copy(demo_template, db)
    child = subprocess.Popen(
        [sys.executable, "-c", OPEN_WINDOW, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "open"
        out = tmp_path / "copy.db"
        assert cli.main(["backup", "--db", str(db), "--out", str(out), "--lang", "en"]) == 0
        assert "backup written to" in capsys.readouterr().out
        with sqlite3.connect(out) as copy:  # what the window committed, still in its WAL
            titles = {t for (t,) in copy.execute("SELECT title FROM pursuits")}
        assert "窗口里刚建的" in titles
        assert cli.main(["restore", "--db", str(db), "--from", str(out), "--lang", "en"]) == 1
        assert "open in another Pursuit window" in capsys.readouterr().err
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.stdout is not None
        child.stdout.close()
