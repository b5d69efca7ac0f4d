"""Revision 0015 on a demo database of the schema before it: the search documents keep their ids
and texts, search finds and ranks exactly the same, the kind is read but no longer stored, a
record's document is found through the short key, the triggers keep the index right afterwards,
the documents take less space, and going down restores revision 0002's table and triggers."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

from sqlalchemy import text

from desktop.services import demo, records, search
from desktop.services.workspace import Workspace
from desktop.storage import migrate
from tests.storage.revisions import move_to, names

MIGRATION = importlib.import_module("desktop.storage.migrations.versions.0015_search")
QUERIES = ["王", "恒通", "系统", "预算审批", "mes 系统", "有限公司", "总经理", "ER", "1381"]


def _documents(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT id, kind, record_id, pursuit_id, name, context, body FROM search_docs "
            "ORDER BY id"
        ).fetchall()


def _hits(path: Path) -> dict[str, list[search.Hit]]:
    ws = Workspace.open(path)
    try:
        return {query: search.search(ws, query, limit=50) for query in QUERIES}
    finally:
        ws.close()


def _bytes(path: Path, *names: str) -> int:
    marks = ", ".join("?" * len(names))
    with sqlite3.connect(path) as db:
        (size,) = db.execute(
            f"SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN ({marks})", names
        ).fetchone()
    return int(size)


def _plan(path: Path, sql: str) -> str:
    with sqlite3.connect(path) as db:
        return " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))


def test_up_from_the_revision_before_and_down_again(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    ws = Workspace.open(path)
    demo.fill_demo(ws, scale=40, seed=3)
    ws.close()
    hits = _hits(path)  # (opening a database upgrades it: these are read at the head)
    assert sum(map(len, hits.values())) > 100  # there is something to compare
    move_to(path, MIGRATION.down_revision, down=True)  # a database of today's schema
    assert MIGRATION.LOOKUP_INDEX not in names(path, "index")
    documents = _documents(path)
    old_size = _bytes(path, "search_docs", "sqlite_autoindex_search_docs_1")
    triggers = names(path, "trigger")

    move_to(path, MIGRATION.revision)
    assert _documents(path) == documents  # ids, kinds (now computed) and texts
    assert _hits(path) == hits
    assert names(path, "trigger") == triggers
    assert "sqlite_autoindex_search_docs_1" not in names(path, "index")
    assert _bytes(path, "search_docs", MIGRATION.LOOKUP_INDEX) < old_size
    one = MIGRATION.same_record("d.record_id", "'x'")
    lookup = f"SELECT id FROM search_docs AS d WHERE {one}"
    assert f"USING INDEX {MIGRATION.LOOKUP_INDEX}" in _plan(path, lookup)
    with sqlite3.connect(path) as db:
        stored = db.execute("PRAGMA table_info(search_docs)").fetchall()
    assert "kind" not in {column[1] for column in stored}  # generated: not a stored column

    move_to(path, MIGRATION.down_revision, down=True)
    assert _documents(path) == documents
    assert "sqlite_autoindex_search_docs_1" in names(path, "index")
    assert names(path, "trigger") == triggers


def test_the_triggers_keep_the_index_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    ws = Workspace.open(path)
    try:
        demo.fill_demo(ws, scale=10, seed=5)
        hit = search.search(ws, "有限公司", kinds=("pursuit",))[0]
        account_id = records.get(ws, "pursuit", hit.id)["account_id"]
        records.update(ws, "pursuit", hit.id, {"title": "量子加密骨干网"})
        assert [h.id for h in search.search(ws, "量子加密")] == [hit.id]
        records.update(ws, "account", account_id, {"name": "星河重工"})
        found = search.search(ws, "星河重工")
        assert ("account", account_id) in {(h.kind, h.id) for h in found}
        assert ("pursuit", hit.id) in {(h.kind, h.id) for h in found}  # its context followed
        records.delete(ws, "pursuit", hit.id)
        assert hit.id not in {h.id for h in search.search(ws, "量子加密")}
        with ws.read() as session:
            session.execute(
                text("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
            )
            counts = session.execute(
                text("SELECT count(*), count(DISTINCT record_id) FROM search_docs")
            ).one()
        assert counts[0] == counts[1]  # one document a record
    finally:
        ws.close()


def test_opening_a_database_of_the_revision_before_compacts_it(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    ws = Workspace.open(path)
    demo.fill_demo(ws, scale=40, seed=3)
    ws.close()
    move_to(path, MIGRATION.down_revision, down=True)
    assert migrate.compacting(MIGRATION.down_revision)
    assert not migrate.compacting(migrate.head_revision())
    before = path.stat().st_size

    Workspace.open(path).close()  # as the app opens it: backup, upgrade, then VACUUM
    assert path.stat().st_size < before
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA freelist_count").fetchone() == (0,)
        leaves = [
            row[0]
            for row in db.execute(
                "SELECT pageno FROM dbstat WHERE name = 'search_docs' AND pagetype = 'leaf' "
                "ORDER BY path"
            )
        ]
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert leaves == sorted(leaves)  # a walk of the documents reads the file forwards
