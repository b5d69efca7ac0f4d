"""Demo data at scale goes through `storage.bulk_load`: the large path (change sequence given, the
search documents and an empty database's indexes made at the end) must give exactly the database
the row-by-row path gives, which stays a normal database: every row sequenced, triggers and
indexes back, searchable, and it syncs."""

from __future__ import annotations

import itertools
import random
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.services import demo, records
from desktop.services.sync import export, importer
from desktop.services.workspace import Workspace
from desktop.storage import bulk_load, first_look, tables
from desktop.storage.tables import SYNCED_TABLES, Pursuit

PASSPHRASE = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


def _fill(
    path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    large: bool,
    scale: int = 12,
    new_file: bool = False,
) -> None:
    """A demo database with its random ids and clock made predictable, by either path; into a
    database opened as usual, or (`new_file`) built as the `demo` command builds a new one."""
    monkeypatch.setattr(bulk_load, "LARGE_FROM", 0 if large else 10**12)
    counter = itertools.count()

    def ids() -> Iterator[str]:
        while True:
            yield str(uuid.UUID(int=next(counter), version=4))

    monkeypatch.setattr(bulk_load, "_new_ids", ids)
    monkeypatch.setattr(demo, "utcnow", lambda: datetime(2026, 3, 2, 8, 30, 15, 123456))
    if new_file:
        demo.build_demo(path, scale=scale, seed=4)
        return
    ws = Workspace.open(path)
    try:
        demo.fill_demo(ws, scale=scale, seed=4)
    finally:
        ws.close()


def _dump(path: Path) -> dict[str, object]:
    """Every synced row (but the times it was written), the search documents and the schema."""
    with sqlite3.connect(path) as db:
        site, hlc = db.execute("SELECT site_id, hlc FROM sync_state").fetchone()
        out: dict[str, object] = {}
        for table in SYNCED_TABLES:
            name = table.__tablename__
            columns = [
                row[1]
                for row in db.execute(f"PRAGMA table_info({name})")
                if row[1] not in ("created_at", "updated_at")
            ]
            rows = db.execute(f"SELECT {', '.join(columns)} FROM {name} ORDER BY rowid").fetchall()
            out[name] = repr(rows).replace(site, "SITE").replace(str(hlc), "HLC")
        out["search_docs"] = db.execute(
            "SELECT id, kind, record_id, pursuit_id, name, context, body FROM search_docs "
            "ORDER BY id"
        ).fetchall()
        out["matches"] = [
            db.execute(
                "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid", (term,)
            ).fetchall()
            for term in ("价值建议书", "信息中心", "ERP", "138")
        ]
        # The deal-health facts (migration 0014), whole: kept by the triggers row by row, or
        # counted at the end of a large load into an empty database.
        for name, key in (("pursuit_facts", "pursuit_id"), ("stakeholder_facts", "stakeholder_id")):
            out[name] = db.execute(f"SELECT * FROM {name} ORDER BY {key}").fetchall()
        # Every term of the full-text index with its documents and hits: the same index.
        out["terms"] = db.execute("SELECT * FROM search_terms ORDER BY term").fetchall()
        out["fts_config"] = db.execute("SELECT * FROM search_index_config").fetchall()
        out["schema"] = db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()
    return out


def test_the_large_path_writes_the_same_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(tmp_path / "row.db", monkeypatch, large=False)
    _fill(tmp_path / "bulk.db", monkeypatch, large=True)
    by_rows, in_bulk = _dump(tmp_path / "row.db"), _dump(tmp_path / "bulk.db")
    assert by_rows.keys() == in_bulk.keys()
    for key in by_rows:
        assert by_rows[key] == in_bulk[key], key
    assert by_rows["search_docs"]  # there is something to compare


def test_after_a_large_load_the_database_is_a_normal_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "demo.db"
    monkeypatch.setattr(bulk_load, "LARGE_FROM", 0)
    ws = Workspace.open(path)
    try:
        demo.fill_demo(ws, scale=10, seed=1)
        demo.fill_demo(ws, scale=5, seed=2)  # into a database with rows: its indexes stay
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []
            assert db.execute("SELECT count(*) FROM pursuits").fetchone() == (15,)
            for table in SYNCED_TABLES:  # numbered in write order, as the trigger numbers them
                name = table.__tablename__
                seqs = [r[0] for r in db.execute(f"SELECT seq FROM {name} ORDER BY rowid")]
                assert seqs == list(range(1, len(seqs) + 1)), name
            (hits,) = db.execute(
                "SELECT count(*) FROM search_index WHERE search_index MATCH '价值建议书'"
            ).fetchone()
            assert hits > 0
        # The triggers are back: an edit moves the sequence and re-makes the document.
        with ws.read() as session:
            pursuit_id = session.query(Pursuit.id).order_by(Pursuit.id).first()[0]
        records.update(ws, "pursuit", pursuit_id, {"next_step": "约见财务总监核对预算"})
        with sqlite3.connect(path) as db:
            assert db.execute(
                "SELECT seq FROM pursuits WHERE id = ?", (pursuit_id,)
            ).fetchone() == (16,)
            assert db.execute(
                "SELECT count(*) FROM search_docs WHERE body LIKE '%约见财务总监%'"
            ).fetchone() == (1,)
        # It syncs: a full export imports into a new database, every record there.
        report = export.export_bundle(
            ws, tmp_path / "full.sync", passphrase=PASSPHRASE, kdf=FAST_KDF
        )
        assert report.counts["pursuit"] == 15
    finally:
        ws.close()
    other = Workspace.open(tmp_path / "other.db")
    try:
        importer.import_bundle(other, tmp_path / "full.sync", PASSPHRASE, backup=False)
    finally:
        other.close()
    with sqlite3.connect(path) as a, sqlite3.connect(tmp_path / "other.db") as b:
        for table in SYNCED_TABLES:
            name = table.__tablename__
            ids = f"SELECT id FROM {name} ORDER BY id"
            assert a.execute(ids).fetchall() == b.execute(ids).fetchall(), name


def test_ids_are_made_as_the_tables_make_them() -> None:
    made = bulk_load._new_ids()
    seen = set()
    for _ in range(5000):
        text = next(made)
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant, str(parsed)) == (4, uuid.RFC_4122, text)
        seen.add(text)
    assert len(seen) == 5000
    for parts in (("answer", "p-1", "q"), ("attendee", "访问", "人"), ("collection", "x")):
        assert bulk_load.membership_id(*parts) == tables.membership_id(*parts)


def test_a_named_id_is_the_one_tables_gives(tmp_path: Path) -> None:
    """The load's named ids (read from the table once, not looked up name by name) are
    `tables.named_id`'s: the name's own id, or a random one where this database has it."""
    ws = Workspace.open(tmp_path / "named.db")
    try:
        demo.fill_demo(ws, scale=3, seed=1)
        with ws.write() as session:
            taken = session.scalars(select(tables.Account.name)).first()
            assert taken is not None
            load = bulk_load.BulkLoad(session, expected_rows=10)
            for table, kind, name in (
                (tables.Account, "account", taken),
                (tables.Account, "account", " A  name Nobody has "),
                (tables.Competitor, "competitor", "无人用过的名字"),
            ):
                given = load.named_id(table, kind, name)
                assert (given == tables.named_id(session, table, kind, name)) == (name != taken)
                if name == taken:  # a random id, not the one in use
                    assert uuid.UUID(given).version == 4
                    assert session.get(table, given) is None
            session.rollback()
    finally:
        ws.close()


def test_a_failed_large_load_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "demo.db"
    monkeypatch.setattr(bulk_load, "LARGE_FROM", 0)
    monkeypatch.setattr(demo, "_CHUNK", 2)  # some chunks written before it fails
    ws = Workspace.open(path)
    try:
        with sqlite3.connect(path) as db:
            schema = db.execute("SELECT * FROM sqlite_master ORDER BY name").fetchall()
        calls = itertools.count()

        def failing(*args: object) -> None:
            if next(calls) == 5:
                raise OSError("disk full")

        monkeypatch.setattr(demo, "_offer_and_needs", failing)
        with pytest.raises(OSError):
            demo.fill_demo(ws, scale=8, seed=1)
        with sqlite3.connect(path) as db:
            assert db.execute("SELECT * FROM sqlite_master ORDER BY name").fetchall() == schema
            assert db.execute("SELECT count(*) FROM pursuits").fetchone() == (0,)
    finally:
        ws.close()


def test_the_demo_draws_the_numbers_random_draws() -> None:
    """The demo's generator gives, call for call, what `random.Random` gives from the same
    seed: the same seed still makes the same demo."""
    for seed in (1, 7, 4242):
        ours, theirs = demo._Random(seed), random.Random(seed)
        for step in range(3000):
            n = 1 + step % 70
            items = list(range(n))
            assert ours.choice(items) == theirs.choice(items)
            assert ours.randint(-5, n) == theirs.randint(-5, n)
            assert ours.randint(3, 3) == theirs.randint(3, 3)
            assert ours.random() == theirs.random()
            assert ours.choices(items, k=2) == theirs.choices(items, k=2)
            weights = [1 + (i * step) % 7 for i in items]  # one pick, weighted: its own path
            assert ours.choices(items, weights=weights) == theirs.choices(items, weights=weights)
            assert ours.choices(items, weights=[0.5] * n) == theirs.choices(items, [0.5] * n)
            assert ours.sample(items, min(n, 3)) == theirs.sample(items, min(n, 3))
    with pytest.raises(IndexError):
        demo._Random(1).choice([])
    with pytest.raises(ValueError):
        demo._Random(1).randint(2, 1)
    for weights in ([1, 2], [0, 0, 0], [1, float("inf"), 1]):  # too few, none, no total
        with pytest.raises(ValueError):
            demo._Random(1).choices("abc", weights=weights)


@pytest.mark.parametrize("large", [True, False])
def test_a_new_file_is_the_same_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, large: bool
) -> None:
    """Built beside its place with no journal, a new demo database is the one `fill_demo`
    writes into a database opened as usual; in WAL mode, its sync site made for its path (the
    app's first look finds nothing to change), and nothing left beside it."""
    _fill(tmp_path / "opened.db", monkeypatch, large=large)
    _fill(tmp_path / "new" / "built.db", monkeypatch, large=large, new_file=True)
    path = (tmp_path / "new" / "built.db").resolve()
    assert [p.name for p in path.parent.iterdir()] == ["built.db"]
    opened, built = _dump(tmp_path / "opened.db"), _dump(path)
    for key in opened:
        assert opened[key] == built[key], key
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("SELECT db_path FROM sync_state").fetchall() == [(str(path),)]
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    look = first_look.open_unchanged(path)
    assert look is not None
    look.close()
    ws = Workspace.open(path)
    try:
        site = ws.db.site_id()
    finally:
        ws.close()
    with sqlite3.connect(path) as db:  # the site the rows were stamped with: not taken for a copy
        (dots,) = db.execute("SELECT dots FROM pursuits LIMIT 1").fetchone()
    assert site in dots


def test_a_failed_new_file_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_load, "LARGE_FROM", 0)
    monkeypatch.setattr(demo, "_CHUNK", 2)  # some chunks written before it fails
    calls = itertools.count()

    def failing(*args: object) -> None:
        if next(calls) == 5:
            raise OSError("disk full")

    monkeypatch.setattr(demo, "_offer_and_needs", failing)
    folder = tmp_path / "demo"
    with pytest.raises(OSError):
        demo.build_demo(folder / "demo.db", scale=8, seed=1)
    assert list(folder.iterdir()) == []


def test_shared_values_are_stored_as_when_bound(tmp_path: Path) -> None:
    """The metadata every row of a load shares, written into the insert as constants, is
    stored exactly as it is when bound to each row (as it still is for a table one of whose
    rows was given its own)."""
    ws = Workspace.open(tmp_path / "demo.db")
    try:
        with ws.write() as session, bulk_load.BulkLoad(session, expected_rows=2) as load:
            shared = load.row(tables.Account, {"name": "无锡华晨机械", "industry": "制造"})
            load.insert(tables.Account, [shared])
            assert load._statements["accounts"].shared is not None
            own = load.row(tables.Account, {"name": "苏州恒通", "industry": "制造", "alive": True})
            load.insert(tables.Account, [own])
    finally:
        ws.close()
    with sqlite3.connect(tmp_path / "demo.db") as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(accounts)")]
        assert {"vv", "dots", "created_at", "alive", "origin_site"} <= set(columns)
        stored = [
            db.execute(
                f"SELECT {', '.join(f'typeof({c}), {c}' for c in columns)} FROM accounts"
                " WHERE name = ?",
                (name,),
            ).fetchone()
            for name in ("无锡华晨机械", "苏州恒通")
        ]
    differ = {columns[i // 2] for i, (a, b) in enumerate(zip(*stored, strict=True)) if a != b}
    assert differ == {"id", "name", "seq"}


@pytest.mark.parametrize(
    "value", [None, True, False, 0, -7, 2**62, "", "it's", "中文 · “引号”", '{"a": [1, 2]}']
)
def test_a_constant_is_stored_as_the_value_bound(value: object) -> None:
    literal = bulk_load._literal(value)
    assert literal is not None
    with sqlite3.connect(":memory:") as db:
        db.execute("CREATE TABLE t (d DATETIME, j JSON, b BOOLEAN, t TEXT, v VARCHAR(36))")
        db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [value] * 5)
        db.execute(f"INSERT INTO t VALUES ({', '.join([literal] * 5)})")
        a, b = db.execute(
            "SELECT typeof(d), d, typeof(j), j, typeof(b), b, typeof(t), t, typeof(v), v FROM t"
        ).fetchall()
    assert a == b


def test_what_sql_cannot_spell_stays_bound() -> None:
    for value in ("a\x00b", "\ud800", 2**63, 1.5, b"raw", [1]):
        assert bulk_load._literal(value) is None


def test_a_demo_pursuit_without_a_next_step_has_no_date_for_it(tmp_path: Path) -> None:
    """Today would list a day with nothing to do on it (the rep's "下一步" with no words)."""
    ws = Workspace.open(tmp_path / "demo.db")
    try:
        demo.fill_demo(ws, scale=40, seed=1)
        with sqlite3.connect(tmp_path / "demo.db") as db:
            steps = db.execute("SELECT trim(next_step), next_step_due FROM pursuits").fetchall()
    finally:
        ws.close()
    assert any(not step for step, _ in steps)  # the red flag "no next step" still shows
    assert [(step, due) for step, due in steps if not step and due is not None] == []
