"""Disk full in the middle of an import: the database stays exactly as it was, and says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from desktop.services import pursuits
from desktop.services.errors import DiskFull
from desktop.services.sync import dump, export, importer


def test_disk_full_mid_import_changes_nothing(demo_ws, ws, tmp_path: Path) -> None:
    bundle = tmp_path / "rep.sync"
    export.export_bundle(demo_ws, bundle, passphrase=None, encrypt=False)
    pursuits.create_pursuit(ws, pursuits.PursuitDraft(title="本机项目", account_name="本机客户"))
    before = list(dump.logical_dump(ws.path))
    with ws.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(ws.db.engine, "connect")
    def _nearly_full(dbapi_conn, _record):  # what SQLite sees when the disk fills up
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 20}")

    ws.db.engine.dispose()
    with pytest.raises(DiskFull):
        importer.import_bundle(ws, bundle, backup=False)
    event.remove(ws.db.engine, "connect", _nearly_full)
    ws.db.engine.dispose()
    assert list(dump.logical_dump(ws.path)) == before
