"""The open database keeps SQLite's locks whatever this program does beside its connections.

SQLite's locks are POSIX advisory locks, which belong to the process: closing any descriptor
of the file drops them all. Then another program that opens and closes the database finds no
reader, checkpoints the WAL and deletes it, and what Pursuit commits next goes into an unlinked
file: lost at the next crash. A tester met this with the window open: the daily backup's second
look at the file opened it by hand.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.services import accounts
from desktop.services.workspace import Workspace
from desktop.storage import files


def accounts_seen_by_another_program(path: Path) -> int:
    """What the sqlite3 shell or a backup tool would see: a connection opened and closed."""
    script = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "print(c.execute('SELECT count(*) FROM accounts WHERE alive').fetchone()[0])\n"
        "c.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


def test_what_runs_beside_the_open_database_leaves_its_locks(ws: Workspace) -> None:
    accounts.create_account(ws, {"name": "金桥银行"})
    # What the window does beside its own connections: the daily backup and the maintenance
    # check open the file again read-only in a thread; an export's path check looks at it.
    look = Workspace.open(ws.path, create=False, read_only=True)
    look.close()
    assert files.sniff(ws.path) == files.SQLITE

    assert accounts_seen_by_another_program(ws.path) == 1
    assert Path(f"{ws.path}-wal").exists()  # the other program saw a reader and left it
    accounts.create_account(ws, {"name": "远科证券"})
    assert accounts_seen_by_another_program(ws.path) == 2  # written into the file, not lost


def test_a_closed_database_is_read_by_hand_again(tmp_path: Path) -> None:
    """The guard lasts as long as the connections: a closed database is an ordinary file."""
    path = tmp_path / "pursuit.db"
    Workspace.open(path).close()
    assert not files.held(path)
    assert files.read_head(path, 16) == b"SQLite format 3\x00"
    workspace = Workspace.open(path)
    try:
        assert files.held(path) and files.read_head(path, 16) is None
    finally:
        workspace.close()
    assert not files.held(path)
