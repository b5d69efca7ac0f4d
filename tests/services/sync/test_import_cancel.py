"""Cancel reaches an import within a second, even in the middle of one long statement (the
foreign-key check of a big table, a big merge batch), and nothing is changed."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from desktop.services import records
from desktop.services.sync import dump, export, importer
from desktop.services.sync.export import Cancelled
from desktop.services.workspace import Workspace
from desktop.storage.backup import online_backup


def test_a_long_statement_stops_soon_after_cancel() -> None:
    conn = sqlite3.connect(":memory:")
    flag = threading.Event()
    threading.Timer(0.2, flag.set).start()
    started = time.perf_counter()
    with pytest.raises(Cancelled), importer._interruptible(conn, flag.is_set):
        conn.execute(  # minutes of work if nothing stops it
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        ).fetchone()
    assert time.perf_counter() - started < 1.0
    conn.execute("SELECT 1").fetchone()  # the handler is gone: the connection works on


def test_cancel_after_the_check_changes_nothing(demo_ws, tmp_path: Path) -> None:
    other = Workspace.open(online_backup(demo_ws.path, tmp_path / "laptop.db"))
    try:
        from desktop.storage.tables import Pursuit

        with other.read() as session:
            ids = [p.id for p in session.query(Pursuit).limit(20)]
        for pid in ids:
            records.update(other, "pursuit", pid, {"title": f"改过 {pid[:4]}"})
        source = tmp_path / "f.pursuit-sync"
        export.export_bundle(other, source, passphrase=None, encrypt=False)
    finally:
        other.close()
    before = dump.digest(demo_ws.path)
    checked = threading.Event()  # the rep presses Cancel once the file has been read

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "reading" and done >= total:
            checked.set()

    with pytest.raises(Cancelled):
        importer.import_bundle(demo_ws, source, progress=progress, cancelled=checked.is_set)
    assert dump.digest(demo_ws.path) == before
