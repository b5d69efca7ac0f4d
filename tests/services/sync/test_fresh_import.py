"""A file imported into a new database (services/sync/fresh.py, the state adopted in one pass)
gives exactly what the normal merge gives: the same records, review, search, log and sites."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desktop.services import documents, records, search, stakeholders
from desktop.services.errors import DiskFull
from desktop.services.sync import (
    bundle,
    dump,
    fresh,
    history,
    importer,
    purge,
    review,
    schema,
    sharing,
)
from desktop.services.sync.bundle import BundleError
from desktop.services.sync.export import Cancelled
from desktop.services.workspace import Workspace
from desktop.storage.backup import backups_dir
from desktop.storage.tables import Pursuit
from tests.services.sync.sealing import PASSPHRASE, opened, seal


def _pursuits(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return [p.id for p in session.query(Pursuit).order_by(Pursuit.id)]


def _card(ws: Workspace, pursuit_id: str) -> str:
    person = stakeholders.people_of(ws, pursuit_id)[0]
    return person["id"] if isinstance(person, dict) else person.id  # type: ignore[no-any-return]


@pytest.fixture
def snapshot(replica, write_file, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A full file of b holding siblings (conflicts on a pursuit, a card, a delete), tombstones,
    a purge, people, a document, a manager link within the cards, and a private pursuit."""
    a, b = replica("a"), replica("b")
    ids = _pursuits(a)
    first, second, third, private = ids[0], ids[1], ids[2], ids[3]
    card = _card(a, first)
    records.update(a, "pursuit", first, {"title": "甲的名称"})
    records.update(b, "pursuit", first, {"title": "乙的名称"})
    records.update(a, "stakeholder", card, {"title": "甲写的职务"})
    records.update(b, "stakeholder", card, {"title": "乙写的职务"})
    records.delete(a, "pursuit", second)
    records.update(b, "pursuit", second, {"next_step": "约技术交流"})
    write_file(a, tmp_path / "a.sync")
    merged = importer.import_bundle(b, tmp_path / "a.sync", PASSPHRASE, backup=False)
    assert merged.preview.total("conflicts") >= 3
    records.delete(b, "pursuit", third)  # a tombstone
    purge.purge(b, "stakeholder", _card(b, third))
    boss, _ = stakeholders.create_stakeholder(b, first, {"name": "欧阳明远", "interests": "钓鱼"})
    records.update(b, "stakeholder", card, {"reports_to_id": boss})
    source = tmp_path / "报价单.txt"
    source.write_text("报价 120 万", encoding="utf-8")
    document_id, _ = documents.add_document(b, source, documents.Owner(pursuit_id=first))
    sharing.set_shared(b, [private], False)
    write_file(b, tmp_path / "b.sync")
    return tmp_path / "b.sync", {
        "first": first,
        "card": card,
        "boss": boss,
        "private": private,
        "document": document_id,
    }


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _bookkeeping(path: Path) -> dict[str, Any]:
    """What an import writes besides the records, times and paths left out."""
    (summary,) = _rows(path, "SELECT summary FROM sync_imports")[0]
    # The order in which one import writes its records is its own (row ids, search document
    # ids within their kind's range): each record's documents and sequence number must match.
    return {
        "search": sorted(
            (doc_id >> 40, *rest) for doc_id, *rest in _rows(path, "SELECT * FROM search_docs")
        ),
        "review": _rows(path, "SELECT * FROM sync_review ORDER BY record_id, field"),
        # Counted at the end on the fresh path (storage/set_aside.py), row by row by the merge.
        "facts": [
            _rows(path, f"SELECT * FROM {name} ORDER BY 1")
            for name in ("pursuit_facts", "stakeholder_facts")
        ],
        # Filled in one statement on the fresh path: the index must be whole and the same.
        "full text": _rows(
            path, "INSERT INTO search_index(search_index) VALUES ('integrity-check')"
        )
        + _rows(path, "SELECT count(*) FROM search_index WHERE search_index MATCH '欧阳明远'"),
        "seq": _rows(
            path, "SELECT id, seq FROM pursuits UNION ALL SELECT id, seq FROM people ORDER BY 1"
        ),
        "summary": json.loads(summary),
        "sites": _rows(path, "SELECT site_id, name, last_export_id FROM sync_sites ORDER BY 1"),
        "imports": _rows(path, "SELECT export_id, source_site, rejected FROM sync_imports"),
        "clock": _rows(path, "SELECT hlc FROM sync_state"),
        "schema": _rows(path, "SELECT type, name, sql FROM sqlite_master ORDER BY name"),
    }


def _into_new(path: Path, target: Path, **kw: Any) -> tuple[Workspace, importer.ImportReport]:
    ws = Workspace.open(target)
    return ws, importer.import_bundle(ws, path, PASSPHRASE, **kw)


def test_a_new_database_takes_the_fresh_path_and_a_used_one_does_not(replica, tmp_path) -> None:
    new = Workspace.open(tmp_path / "new.db")  # what a first start makes: no synced row
    try:
        with new.read() as session:
            assert fresh.is_new(session.connection().connection.driver_connection)
    finally:
        new.close()
    used = replica("used")
    with used.read() as session:
        assert not fresh.is_new(session.connection().connection.driver_connection)


@pytest.mark.parametrize("bulk_from", [0, importer.BULK_INDEX_FROM], ids=["in-bulk", "as-is"])
def test_the_fresh_path_gives_what_the_merge_gives(
    snapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk_from: int
) -> None:
    """Both ways of making the search documents (in bulk for a big file, else by triggers)."""
    monkeypatch.setattr(importer, "BULK_INDEX_FROM", bulk_from)
    path, ids = snapshot
    adopted_ws, adopted = _into_new(path, tmp_path / "adopted.db")
    merged_ws, merged = _into_new(path, tmp_path / "merged.db", adopt=False)
    try:
        assert adopted.committed and merged.committed
        assert adopted.preview.counts == merged.preview.counts
        assert adopted.preview.records == merged.preview.records
        assert adopted.preview.total("conflicts") >= 3
        assert adopted.preview.rejected == merged.preview.rejected == []
        lines = list(dump.logical_dump(adopted_ws.path))
        assert lines == list(dump.logical_dump(merged_ws.path))
        kinds = {line.split(" ", 1)[0] for line in lines}
        assert {"person", "document", "stakeholder", "review"} <= kinds
        assert _bookkeeping(adopted_ws.path) == _bookkeeping(merged_ws.path)
        assert adopted.changes == merged.changes
        assert adopted.backup is not None and adopted.backup.exists()
        # What the user sees of it: conflicts to review, the search, the manager link.
        assert review.count(adopted_ws) == review.count(merged_ws) >= 3
        assert review.pursuits_in_review(adopted_ws) == review.pursuits_in_review(merged_ws)
        hits = [(h.kind, h.id) for h in search.search(adopted_ws, "钓鱼")]
        assert ("stakeholder", ids["boss"]) in hits
        # The same hits; those tied in rank come newest document first, and the documents of
        # records arriving in one file are numbered in the order each path writes them.
        assert sorted(hits) == sorted((h.kind, h.id) for h in search.search(merged_ws, "钓鱼"))
        assert records.get(adopted_ws, "stakeholder", ids["card"])["reports_to_id"] == ids["boss"]
        assert records.get(adopted_ws, "document", ids["document"])["pursuit_id"] == ids["first"]
        assert ids["private"] not in _pursuits(adopted_ws)  # a private pursuit never travels
    finally:
        adopted_ws.close()
        merged_ws.close()


def test_an_import_into_a_new_database_can_be_undone(snapshot, tmp_path: Path) -> None:
    path, _ids = snapshot
    ws, report = _into_new(path, tmp_path / "new.db")
    try:
        assert report.committed and _pursuits(ws)
        info = history.last_import(ws)
        assert info is not None and info.can_undo
    finally:
        ws.close()
    history.undo_last_import(ws.path, info)
    again = Workspace.open(ws.path)
    try:
        assert _pursuits(again) == [] and list(dump.logical_dump(again.path)) == []
    finally:
        again.close()


@pytest.mark.parametrize("how", ["dry_run", "declined", "cancelled"])
def test_a_dry_run_a_no_or_a_cancel_leaves_the_new_database_empty(
    snapshot, tmp_path: Path, how: str
) -> None:
    path, _ids = snapshot
    ws = Workspace.open(tmp_path / "new.db")
    before = list(dump.logical_dump(ws.path))
    objects = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    schema_before = _rows(ws.path, objects)
    try:
        if how == "cancelled":
            with pytest.raises(Cancelled):
                importer.import_bundle(ws, path, PASSPHRASE, cancelled=lambda: True)
        else:
            report = importer.import_bundle(
                ws, path, PASSPHRASE, dry_run=how == "dry_run", confirm=lambda preview: False
            )
            assert not report.committed and report.preview.total("new") > 0
        assert list(dump.logical_dump(ws.path)) == before == []
        assert _rows(ws.path, "SELECT count(*) FROM sync_imports") == [(0,)]
        assert _rows(ws.path, "SELECT count(*) FROM search_docs") == [(0,)]
        assert _rows(ws.path, objects) == schema_before  # indexes set aside, and back
    finally:
        ws.close()


def _reseal(path: Path, target: Path, change: Any) -> None:
    """The file at `path` again, correctly sealed, its lines passed through `change`."""
    fields, lines = opened(path)
    seal(target, fields, change(lines))


def _break_last_record(lines: list[bytes]) -> list[bytes]:
    """The last record line gets a date that is no date (late: much is written before it)."""
    at = len(lines) - 2
    parsed = json.loads(lines[at])
    parsed[-6] = "tomorrow"  # updated_at
    lines[at] = json.dumps(parsed, ensure_ascii=False, separators=(",", ":")).encode()
    return lines


def lines(path: Path) -> list[bytes]:
    header = bundle.read_header(path)
    return list(bundle.lines(bundle.chunks(path, header, bundle.unlock(header, PASSPHRASE))))


def _twice(lines: list[bytes]) -> list[bytes]:
    """The second record is the first again (the file's counts still hold)."""
    return [lines[0], lines[0], *lines[2:]]


@pytest.mark.parametrize("change", [_break_last_record, _twice], ids=["bad value", "twice"])
def test_a_bad_line_refuses_the_file_and_leaves_the_new_database_empty(
    snapshot, tmp_path: Path, change: Any
) -> None:
    path, _ids = snapshot
    bad = tmp_path / "bad.sync"
    _reseal(path, bad, change)
    errors = []
    for adopt in (True, False):
        ws = Workspace.open(tmp_path / f"new-{adopt}.db")
        try:
            with pytest.raises(BundleError) as caught:
                importer.import_bundle(ws, bad, PASSPHRASE, adopt=adopt)
            errors.append((caught.value.code, caught.value.detail))
            assert list(dump.logical_dump(ws.path)) == []
            assert _rows(ws.path, "SELECT count(*) FROM sync_imports") == [(0,)]
            assert list(backups_dir(ws.path).glob(f"{ws.path.stem}-*")) == []
        finally:
            ws.close()
    (code, adopted), (merged_code, merged) = errors
    assert code == merged_code == "damaged"
    # The same refusal; the merge checks a batch once it has read the line after it, so it
    # names that line's number, the fresh path the bad line's own.
    assert re.sub(r"^line \d+: ", "", adopted) == re.sub(r"^line \d+: ", "", merged)
    if change is _break_last_record:
        assert adopted.startswith(f"line {len(lines(bad)) - 1}: visit_attendee: not a time")


def test_a_record_whose_parent_is_missing_is_rejected_as_by_the_merge(
    snapshot, tmp_path: Path
) -> None:
    """A file without its pursuits: every record that belongs to one is rejected, alike."""
    path, _ids = snapshot
    cut = tmp_path / "cut.sync"

    def drop_pursuits(lines: list[bytes]) -> list[bytes]:
        kept = [line for line in lines if not line.startswith(b'["pursuit",')]
        end = json.loads(kept[-1])
        dropped = len(lines) - len(kept)
        end[1]["counts"]["pursuit"] = 0
        end[1]["records"] -= dropped
        kept[-1] = json.dumps(end, separators=(",", ":")).encode()
        return kept

    fields, lines = opened(path)
    fields = dict(fields, counts=dict(fields["counts"], pursuit=0))
    seal(cut, fields, drop_pursuits(lines))
    adopted_ws, adopted = _into_new(cut, tmp_path / "adopted.db")
    merged_ws, merged = _into_new(cut, tmp_path / "merged.db", adopt=False)
    try:
        assert adopted.preview.total("rejected") > 0
        assert adopted.preview.counts == merged.preview.counts
        assert adopted.preview.rejected == merged.preview.rejected
        assert list(dump.logical_dump(adopted_ws.path)) == list(dump.logical_dump(merged_ws.path))
        assert _bookkeeping(adopted_ws.path) == _bookkeeping(merged_ws.path)
    finally:
        adopted_ws.close()
        merged_ws.close()


def test_a_full_disk_leaves_the_new_database_as_it_was(snapshot, ws: Workspace) -> None:
    """Even with its indexes set aside at that moment: the transaction puts everything back."""
    path, _ids = snapshot
    objects = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    schema_before = _rows(ws.path, objects)
    with ws.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(ws.db.engine, "connect")
    def _nearly_full(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 20}")

    ws.db.engine.dispose()
    with pytest.raises(DiskFull):
        importer.import_bundle(ws, path, PASSPHRASE, backup=False)
    event.remove(ws.db.engine, "connect", _nearly_full)
    ws.db.engine.dispose()
    assert list(dump.logical_dump(ws.path)) == []
    assert _rows(ws.path, objects) == schema_before


def _plain_line(lines: list[bytes]) -> int:
    """The last record line with one value per field (no siblings, not purged): the kind of
    line the new-database load checks and writes by its fast way."""
    for at in range(len(lines) - 2, -1, -1):
        parsed = json.loads(lines[at])
        if parsed[-1] is None and parsed[-4] == 0:
            return at
    raise AssertionError("no plain line")


def _dot_beyond(parsed: list[Any], site: str) -> None:
    ((writer, counter),) = list(parsed[-3].items())[:1]
    parsed[-2] = {"*": [writer, counter + 1, 1]}


def _ours(parsed: list[Any], site: str) -> None:
    parsed[-3][site] = 7  # a write of this database it never made


def _ahead(parsed: list[Any], site: str) -> None:
    later = 4_102_444_800_000  # 2100-01-01: far beyond this computer's clock
    parsed[-2] = {name: [dot[0], dot[1], later] for name, dot in parsed[-2].items()}


def _list_id(parsed: list[Any], site: str) -> None:
    parsed[1] = [parsed[1]]


def _true_flag(parsed: list[Any], site: str) -> None:
    parsed[-4] = True


def _one_more(parsed: list[Any], site: str) -> None:
    parsed.append(0)


def _bad_time(parsed: list[Any], site: str) -> None:
    parsed[-7] = "2026-02-30 10:00:00"  # created_at: shaped like a time, no such day


@pytest.mark.parametrize(
    "change",
    [_dot_beyond, _ours, _ahead, _list_id, _true_flag, _one_more, _bad_time, "not utf-8"],
    ids=[
        "dot beyond the vector",
        "a write of ours",
        "time ahead",
        "an id that is a list",
        "true for 0/1",
        "one value more",
        "no such day",
        "not utf-8",
    ],
)
def test_a_forged_or_damaged_plain_line_is_refused_as_by_the_merge(
    snapshot, tmp_path: Path, change: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line the fast checks (schema.fast_check) do not pass goes to the full checks:
    the same refusal, and nothing written; adopted, merged, and merged with every line
    checked in full (the fast check off: the reference)."""
    path, _ids = snapshot
    errors = []
    for adopt, fast in ((True, True), (False, True), (False, False)):
        if not fast:
            monkeypatch.setattr(schema.LineReader, "read", lambda self, line: (-1, None, None))
        ws = Workspace.open(tmp_path / f"new-{adopt}-{fast}.db")
        (site,) = _rows(ws.path, "SELECT site_id FROM sync_state")[0]

        def forge(lines: list[bytes], site: str = site) -> list[bytes]:
            at = _plain_line(lines)
            if change == "not utf-8":
                lines[at] = lines[at].replace(b'","', b'\xff","', 1)
                return lines
            parsed = json.loads(lines[at])
            change(parsed, site)
            lines[at] = json.dumps(parsed, ensure_ascii=False, separators=(",", ":")).encode()
            return lines

        bad = tmp_path / f"bad-{adopt}-{fast}.sync"
        _reseal(path, bad, forge)
        try:
            with pytest.raises(BundleError) as caught:
                importer.import_bundle(ws, bad, PASSPHRASE, adopt=adopt)
            errors.append((type(caught.value), caught.value.code, caught.value.detail))
            assert list(dump.logical_dump(ws.path)) == []
            assert _rows(ws.path, "SELECT count(*) FROM sync_imports") == [(0,)]
        finally:
            ws.close()
    (kind, code, adopted), *others = errors
    for merged_kind, merged_code, merged in others:
        assert (kind, code) == (merged_kind, merged_code)
        if code == "foreign_changes":  # names the record; each database its own site
            assert adopted == merged
        else:
            assert re.sub(r"^line \d+: ", "", adopted) == re.sub(r"^line \d+: ", "", merged)


def test_lines_written_with_other_spacing_are_adopted_as_the_merge_takes_them(
    snapshot, tmp_path: Path
) -> None:
    """JSON with spaces (another writer): no version vector or dots cut from the line's end,
    parsed whole, the same records, texts and bookkeeping."""
    path, _ids = snapshot
    spaced = tmp_path / "spaced.sync"

    def respace(lines: list[bytes]) -> list[bytes]:
        return [
            json.dumps(json.loads(line), ensure_ascii=False).encode() if i % 3 == 0 else line
            for i, line in enumerate(lines[:-1])
        ] + lines[-1:]

    _reseal(path, spaced, respace)
    adopted_ws, adopted = _into_new(spaced, tmp_path / "adopted.db")
    merged_ws, merged = _into_new(spaced, tmp_path / "merged.db", adopt=False)
    try:
        assert adopted.committed and merged.committed
        assert adopted.preview.counts == merged.preview.counts
        assert list(dump.logical_dump(adopted_ws.path)) == list(dump.logical_dump(merged_ws.path))
        assert _bookkeeping(adopted_ws.path) == _bookkeeping(merged_ws.path)
        raw = "SELECT id, vv, dots, siblings FROM pursuits ORDER BY id"
        assert _rows(adopted_ws.path, raw) == _rows(merged_ws.path, raw)
    finally:
        adopted_ws.close()
        merged_ws.close()
