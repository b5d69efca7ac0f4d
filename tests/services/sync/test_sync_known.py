"""What a database already has costs little to import, and changes nothing.

A line whose version vector this database's record covers is passed over unparsed (the chunk tag
has authenticated it; a covered state cannot change the merge): the result equals the one of
reading every line in full. Its version vector is still checked against this database's own
counter. A file with the same records as one from the same site merged before is known at once.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop.services import pursuits, records
from desktop.services.sync import bundle, dump, importer, schema
from desktop.services.sync.bundle import BundleError
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit
from tests.services.sync.sealing import PASSPHRASE, copy_database, opened, seal


def pursuit_ids(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return [p.id for p in session.query(Pursuit).order_by(Pursuit.id)]


def take(ws: Workspace, path: Path, **kw) -> importer.ImportReport:
    return importer.import_bundle(ws, path, PASSPHRASE, **kw)


def _first_of(lines: list[bytes], kind: str) -> int:
    """Where the first record of `kind` is (one neither side edited)."""
    return next(i for i, line in enumerate(lines) if line.startswith(f'["{kind}","'.encode()))


def _damaged(line: bytes) -> bytes:
    """The line no longer JSON after its kind and id; its end (version vector, dots) intact."""
    return line[:60] + b'\x00"]}{[' + line[80:]


def _imports(ws: Workspace) -> int:
    with sqlite3.connect(f"file:{ws.path}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT count(*) FROM sync_imports").fetchone()[0])


def _diverged(replica, write_file, tmp_path: Path) -> tuple[Workspace, Workspace, Path]:
    """Two replicas with edits on both sides (one field edited on both, a delete against an
    edit, a new pursuit), and the first one's file."""
    a, b = replica("a"), replica("b")
    ids = pursuit_ids(a)
    records.update(a, "pursuit", ids[0], {"title": "甲改的名称", "amount": 1_000})
    records.update(b, "pursuit", ids[0], {"title": "乙改的名称"})
    records.update(b, "pursuit", ids[1], {"amount": 2_000})
    records.delete(a, "pursuit", ids[2])
    records.update(b, "pursuit", ids[2], {"title": "删了又改"})
    records.update(b, "pursuit", ids[3], {"title": "只有乙改"})
    pursuits.create_pursuit(a, pursuits.PursuitDraft(title="甲的新项目", account_name="新客户"))
    write_file(a, tmp_path / "a.sync")
    return a, b, tmp_path / "a.sync"


def test_covered_lines_passed_over_give_the_same_database_as_reading_every_line(
    replica, write_file, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _a, b, source = _diverged(replica, write_file, tmp_path)
    slow = copy_database(b, tmp_path / "slow.db")
    try:
        # Lines pass one reads in full (parsed and checked: `_check_read`).
        parsed: list[bytes] = []
        real_check = importer._check_read
        monkeypatch.setattr(
            importer,
            "_check_read",
            lambda reader, line, *rest: parsed.append(line) or real_check(reader, line, *rest),
        )
        quick = take(b, source)
        read = len(parsed)
        # The slow path: no version vector cut from any line, so every line is parsed, checked
        # and then compared with ours, as before the shortcut.
        monkeypatch.setattr(importer, "_vv_text", lambda line: None)
        full = take(slow, source)
        assert full.committed and quick.committed
        assert read < len(parsed) // 4  # most lines were passed over unparsed
        for kind, counts in full.preview.counts.items():
            mine = quick.preview.counts[kind]
            assert (mine.new, mine.updated, mine.conflicts, mine.rejected) == (
                counts.new,
                counts.updated,
                counts.conflicts,
                counts.rejected,
            ), kind
        assert quick.preview.total("conflicts") >= 2 and quick.preview.total("new") >= 1
        assert dump.digest(b.path) == dump.digest(slow.path)
    finally:
        slow.close()


def test_a_damaged_line_this_database_covers_changes_nothing(
    replica, write_file, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _a, b, source = _diverged(replica, write_file, tmp_path)
    take(b, source)
    before = dump.digest(b.path)
    slow = copy_database(b, tmp_path / "slow.db")
    fields, lines = opened(source)
    target = _first_of(lines, "stakeholder")
    lines[target] = _damaged(lines[target])
    seal(tmp_path / "damaged.sync", fields, lines)
    result = take(b, tmp_path / "damaged.sync")
    assert not result.preview.already_imported  # another content: read line by line
    assert not result.preview.changes_anything and not result.preview.rejected
    assert dump.digest(b.path) == before
    # Read in full (as a database that does not cover it reads it), the line is refused.
    try:
        monkeypatch.setattr(importer, "_vv_text", lambda line: None)
        with pytest.raises(BundleError) as refused:
            take(slow, tmp_path / "damaged.sync")
        assert refused.value.code == "damaged"
    finally:
        slow.close()


def test_a_covered_line_claiming_writes_this_database_never_made_is_refused(
    replica, write_file, tmp_path: Path
) -> None:
    _a, b, source = _diverged(replica, write_file, tmp_path)
    take(b, source)
    before, logged = dump.digest(b.path), _imports(b)
    fields, lines = opened(source)
    ours = b.db.site_id()
    with sqlite3.connect(f"file:{b.path}?mode=ro", uri=True) as conn:
        (counter,) = conn.execute("SELECT counter FROM sync_state").fetchone()
    target = _first_of(lines, "stakeholder")
    parsed = json.loads(lines[target])
    record_id = parsed[1]
    vv = parsed[-3]
    vv[ours] = counter + 3  # every other entry as ours has it: covered but for this one
    forged = json.dumps(parsed, ensure_ascii=False, separators=(",", ":")).encode()
    for line in (forged, _damaged(forged)):
        # A forged version vector is refused, whether the rest of the line holds or not.
        seal(tmp_path / "forged.sync", fields, [*lines[:target], line, *lines[target + 1 :]])
        with pytest.raises(BundleError) as refused:
            take(b, tmp_path / "forged.sync")
        assert refused.value.code == "foreign_changes"
        assert record_id in refused.value.detail
    assert dump.digest(b.path) == before and _imports(b) == logged


def test_an_unchanged_re_export_is_known_by_its_content(
    replica, write_file, tmp_path: Path
) -> None:
    a, b, source = _diverged(replica, write_file, tmp_path)
    assert take(b, source).committed
    once, logged = dump.digest(b.path), _imports(b)
    write_file(a, tmp_path / "again.sync")  # the same records in a new file
    assert bundle.file_digest(tmp_path / "again.sync") != bundle.file_digest(source)
    again = take(b, tmp_path / "again.sync")
    assert again.preview.already_imported and not again.committed
    assert again.preview.total("unchanged") == again.preview.records
    assert dump.digest(b.path) == once and _imports(b) == logged
    # A change at the source is another content: merged.
    with a.read() as session:
        edited = session.query(Pursuit).filter_by(title="甲改的名称").one().id
    records.update(a, "pursuit", edited, {"amount": 3_000})
    write_file(a, tmp_path / "later.sync")
    later = take(b, tmp_path / "later.sync")
    assert not later.preview.already_imported and later.preview.total("updated") == 1


def test_the_same_content_from_another_site_or_after_a_dry_run_is_read(
    replica, write_file, tmp_path: Path
) -> None:
    a, b, c = replica("a"), replica("b"), replica("c")  # a and c: the same records
    write_file(a, tmp_path / "a.sync")
    write_file(c, tmp_path / "c.sync")
    assert take(b, tmp_path / "a.sync", dry_run=True).preview.already_imported is False
    first = take(b, tmp_path / "a.sync")
    assert first.committed and not first.preview.already_imported  # the dry run left no mark
    other = take(b, tmp_path / "c.sync")
    assert not other.preview.already_imported  # not from the site that sent the first


def _stored(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every synced table's rows as stored (all columns, the change sequence too), and what
    waits for review: the same text, not only the same logical content."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = [table.__tablename__ for table in schema.kinds_in_order()]
        rows = {
            name: conn.execute(f"SELECT * FROM {name} ORDER BY id").fetchall() for name in tables
        }
        rows["sync_review"] = conn.execute("SELECT * FROM sync_review ORDER BY 1, 2").fetchall()
    return rows


def test_lines_checked_at_once_merge_as_lines_checked_in_full(
    replica, write_file, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pass one's fast check of the lines that differ (schema.LineReader) gives, to the byte,
    the database and the counts of the schema's full checks."""
    a, b = replica("a"), replica("b")
    ids = pursuit_ids(a)
    records.update(a, "pursuit", ids[0], {"title": "甲改的名称", "amount": 1_000})
    records.update(b, "pursuit", ids[0], {"title": "乙改的名称"})
    records.update(a, "pursuit", ids[1], {"title": "只有甲改", "amount": 4_000})  # newer there
    records.update(b, "pursuit", ids[3], {"title": "只有乙改"})
    records.delete(a, "pursuit", ids[2])
    pursuits.create_pursuit(a, pursuits.PursuitDraft(title="甲的新项目", account_name="新客户"))
    source = tmp_path / "a.sync"
    write_file(a, source)
    full = copy_database(b, tmp_path / "full.db")
    try:
        read: list[tuple[int, object, object]] = []
        real_read = schema.LineReader.read
        monkeypatch.setattr(
            schema.LineReader,
            "read",
            lambda self, line: read.append(out := real_read(self, line)) or out,
        )
        quick = take(b, source)
        assert [hlc for hlc, _, _ in read if hlc >= 0]  # lines passed by the fast check
        monkeypatch.setattr(schema.LineReader, "read", lambda self, line: (-1, None, None))
        slow = take(full, source)
        assert quick.committed and slow.committed
        assert quick.preview.total("updated") >= 3 and quick.preview.total("conflicts") >= 1
        for kind, counts in slow.preview.counts.items():
            assert quick.preview.counts[kind].as_dict() == counts.as_dict(), kind
        assert _stored(b.path) == _stored(full.path)
    finally:
        full.close()
