"""The Review list (待审) with about 5,000 fields awaiting review: two copies of a 700-pursuit
database, one text field edited differently in 1 record of 7 on each side, then merged.

`review.list_conflicts` reads the review rows, the records of each kind in one query and the
pursuit titles in one more (it read one record and one title per row before: 1.2 s, 5,500
statements for 4,819 rows; now 0.3–0.5 s and 20 statements on the same machine).
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import time
from pathlib import Path

from sqlalchemy import event

from desktop.services import demo
from desktop.services.sync import export, importer, review, schema
from desktop.services.workspace import Workspace


def diverge(path: Path, tag: str, share: int = 7) -> int:
    """Append `tag` to the first text field of 1 record in `share` of every kind, stamped as the
    write path would (a new dot for the field, alive and deleted_at, the version vector)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    site, counter = conn.execute("SELECT site_id, counter FROM sync_state").fetchone()
    counter += 1
    hlc = int(time.time() * 1000)
    now = time.strftime("%Y-%m-%d %H:%M:%S.000000", time.gmtime())
    dot = f"json_array('{site}', {counter}, {hlc})"
    changed = 0
    for table in schema.kinds_in_order():
        fields = table.register_fields()
        text = next(
            (
                c.name
                for c in table.__table__.columns
                if c.name in fields
                and type(c.type).__name__ == "Text"
                and not c.name.endswith("_id")
            ),
            None,
        )
        if not text:
            continue
        pick = "unicode(substr(id, 1, 1)) * 7 + unicode(substr(id, 2, 1))"
        changed += conn.execute(
            f"UPDATE {table.__tablename__} SET {text} = {text} || ' ({tag})', "
            f"dots = json_set(dots, '$.{text}', {dot}, '$.alive', {dot}, '$.deleted_at', {dot}), "
            f"vv = json_set(vv, '$.\"{site}\"', {counter}), updated_at = '{now}' "
            f"WHERE ({pick}) % {share} = 0 AND alive"
        ).rowcount
    conn.execute("UPDATE sync_state SET counter = ?, hlc = ?", (counter, hlc))
    conn.execute("COMMIT")
    conn.close()
    return changed


def test_review_list_with_5000_fields(tmp_path: Path, record) -> None:
    base = tmp_path / "base.db"
    ws = Workspace.open(base)
    demo.fill_demo(ws, scale=700, seed=1)
    ws.close()
    a_path, b_path = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(base, a_path)
    shutil.copy(base, b_path)
    a, b = Workspace.open(a_path), Workspace.open(b_path)
    try:
        diverge(a_path, "A")
        diverge(b_path, "B")
        export.export_bundle(a, tmp_path / "a.sync", passphrase=None, encrypt=False, site_name="A")
        importer.import_bundle(b, tmp_path / "a.sync", None)
        statements: list[str] = []

        def count(*_args) -> None:
            statements.append("")

        event.listen(b.db.engine, "before_cursor_execute", count)
        rows = review.list_conflicts(b)
        event.remove(b.db.engine, "before_cursor_execute", count)
        times = []
        for _ in range(7):
            started = time.perf_counter()
            review.list_conflicts(b)
            times.append(time.perf_counter() - started)
    finally:
        a.close()
        b.close()
    print(f"\n  {len(rows):,} fields awaiting review, {len(statements)} SQL statements")
    record(
        f"review list of {len(rows):,} fields (median of 7)",
        statistics.median(times) * 1000,
        "ms",
    )
    assert len(rows) > 4000 and len(statements) < 50
