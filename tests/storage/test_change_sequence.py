"""Revision 0008: every synced table keeps a change sequence (`seq`), so a delta export reads only
the rows written since the export before it; a demo database of revision 0003 upgrades in place,
backed up first, and deltas from it stay exactly what they were."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from desktop.services import demo, records
from desktop.services.sync import export, schema
from desktop.services.workspace import Workspace
from desktop.storage import backup, migrate
from desktop.storage.tables import Pursuit

PASSPHRASE = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


def _demo_at_0003(path: Path) -> None:
    ws = Workspace.open(path)
    demo.fill_demo(ws, scale=3, seed=2)
    ws.close()
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    engine.dispose()


def _export(ws: Workspace, path: Path, **options) -> export.ExportReport:
    return export.export_bundle(ws, path, passphrase=PASSPHRASE, kdf=FAST_KDF, **options)


def test_a_demo_database_of_0003_upgrades_in_place_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    _demo_at_0003(path)
    with sqlite3.connect(path) as db:
        at_0003 = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        before = {
            t.__tablename__: db.execute(f"SELECT count(*) FROM {t.__tablename__}").fetchone()[0]
            for t in schema.kinds_in_order()
            if t.__tablename__ in at_0003  # tables of later revisions come empty with the upgrade
        }
        assert "seq" not in {r[1] for r in db.execute("PRAGMA table_info(pursuits)")}
    ws = Workspace.open(path)
    try:
        # The copy taken before the migration ran still has revision 0003.
        saved = list(backup.backups_dir(path).glob("*migration*"))
        assert len(saved) == 1
        with sqlite3.connect(saved[0]) as db:
            assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
        with sqlite3.connect(path) as db:
            for table in schema.kinds_in_order():
                name = table.__tablename__
                if name not in before:
                    continue  # a later revision's table, maybe filled from others (people, 0010)
                assert db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == before[name]
                assert db.execute(f"SELECT max(seq) FROM {name}").fetchone()[0] in (0, None)
        # A snapshot then a delta after one edit: the delta holds that record and no other.
        full = _export(ws, tmp_path / "full.sync", extra={"folder": {}})
        old = {t.kind for t in schema.kinds_in_order() if t.__tablename__ in before}
        assert full.marks and {full.marks[kind] for kind in old} == {0}
        with ws.read() as session:
            pursuit_id = session.query(Pursuit.id).order_by(Pursuit.id).first()[0]
        records.update(ws, "pursuit", pursuit_id, {"next_step": "下周拜访"})
        delta = _export(ws, tmp_path / "d.sync", since=full.frontier, since_marks=full.marks)
        assert delta.counts == {"pursuit": 1}
        assert delta.marks["pursuit"] == 1
        # The same delta without the marks (a scan of every table): the same records.
        scanned = _export(ws, tmp_path / "s.sync", since=full.frontier)
        assert scanned.counts == delta.counts
    finally:
        ws.close()
    assert migrate.current_revision(create_engine(f"sqlite:///{path}")) == migrate.head_revision()


def test_every_writer_moves_the_sequence(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    ws = Workspace.open(path)
    try:
        demo.fill_demo(ws, scale=2, seed=3)
        start = _export(ws, tmp_path / "full.sync", extra={"folder": {}})
        with ws.read() as session:
            first, second = [p.id for p in session.query(Pursuit.id).order_by(Pursuit.id)][:2]
        records.update(ws, "pursuit", first, {"next_step": "一"})
        # A raw write of the version vector (a tool, a test) moves it too, through the trigger.
        with sqlite3.connect(path) as db:
            site, counter = db.execute("SELECT site_id, counter FROM sync_state").fetchone()
            db.execute(
                "UPDATE pursuits SET vv = json_set(vv, ?, ?) WHERE id = ?",
                (f'$."{site}"', counter + 1, second),
            )
            db.execute("UPDATE sync_state SET counter = ?", (counter + 1,))
            seqs = dict(db.execute("SELECT id, seq FROM pursuits WHERE seq > 0"))
        assert set(seqs) == {first, second} and seqs[second] > seqs[first]
        delta = _export(ws, tmp_path / "d.sync", since=start.frontier, since_marks=start.marks)
        assert delta.counts == {"pursuit": 2}
        again = _export(ws, tmp_path / "e.sync", since=delta.frontier, since_marks=delta.marks)
        assert again.counts == {}
    finally:
        ws.close()
