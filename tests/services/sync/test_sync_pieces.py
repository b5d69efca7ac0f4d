"""Pass one sorts out a piece of lines at a time (importer `_scan`'s `at_once`): one regular
expression over a decompressed piece cuts every line's id and version vector, and only the lines
this database does not cover are read in full. It must give the database that cutting line by
line gives, and refuse what that refuses: a forged version vector, a damaged line it reads, an id
twice. Pieces are made small here so that a small file has many of one kind.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

import pytest

from desktop.services import pursuits, records
from desktop.services.sync import bundle, dump, importer, schema
from desktop.services.sync.bundle import BundleError
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit
from tests.services.sync.sealing import PASSPHRASE, copy_database, opened, seal

NEVER = importer.re.compile(rb"(?!)(x)(x)")  # matches no line: every piece line by line


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle, "STEP", 1024)


def take(ws: Workspace, path: Path) -> importer.ImportReport:
    return importer.import_bundle(ws, path, PASSPHRASE)


def _raw(path: Path) -> list[object]:
    """Every synced row as stored (all columns, by id), the review and the search documents:
    more than the logical dump, so that even the metadata's text must agree."""
    out: list[object] = []
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        for table in schema.kinds_in_order():
            out += conn.execute(f"SELECT * FROM {table.__tablename__} ORDER BY id").fetchall()
        out += conn.execute("SELECT * FROM sync_review ORDER BY record_id, field").fetchall()
        out += conn.execute(
            "SELECT kind, record_id, pursuit_id, name, context, body FROM search_docs "
            "ORDER BY record_id"
        ).fetchall()
    return out


def _diverged(replica, write_file, tmp_path: Path) -> tuple[Workspace, Workspace, Path]:
    """Edits on both sides (one field on both, a delete against an edit, new records) spread
    over the file, and the first side's file."""
    a, b = replica("a"), replica("b")
    with a.read() as session:
        ids = [p.id for p in session.query(Pursuit).order_by(Pursuit.id)]
    records.update(a, "pursuit", ids[0], {"title": "甲改的名称", "amount": 1_000})
    records.update(b, "pursuit", ids[0], {"title": "乙改的名称"})
    records.delete(a, "pursuit", ids[2])
    records.update(b, "pursuit", ids[2], {"title": "删了又改"})
    for n, pursuit_id in enumerate(ids[3:]):
        side = a if n % 2 else b
        records.update(side, "pursuit", pursuit_id, {"amount": 100 + n})
    pursuits.create_pursuit(a, pursuits.PursuitDraft(title="甲的新项目", account_name="新客户"))
    write_file(a, tmp_path / "a.sync")
    return a, b, tmp_path / "a.sync"


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many lines pass one sorts out one by one (`_uncovered`, batch by batch)."""
    calls = [0]
    real = importer._uncovered

    def counting(versions, table, batch, *args):
        calls[0] += len(batch)
        return real(versions, table, batch, *args)

    monkeypatch.setattr(importer, "_uncovered", counting)
    return calls


def test_pieces_cut_at_once_give_the_database_of_cutting_line_by_line(
    replica, write_file, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _a, b, source = _diverged(replica, write_file, tmp_path)
    slow = copy_database(b, tmp_path / "slow.db")
    try:
        calls = _counted(monkeypatch)
        quick = take(b, source)
        at_once = calls[0]
        calls[0] = 0
        monkeypatch.setattr(importer, "_plain_lines", lambda kind: NEVER)
        full = take(slow, source)
        assert quick.committed and full.committed
        assert at_once < calls[0] // 4  # most pieces were sorted out at once
        assert quick.preview.counts == full.preview.counts
        assert quick.preview.total("conflicts") >= 2 and quick.preview.total("new") >= 1
        assert dump.digest(b.path) == dump.digest(slow.path)
        assert _raw(b.path) == _raw(slow.path)
    finally:
        slow.close()


def _line_of(lines: list[bytes], kind: str, nth: int = 5) -> int:
    """A line well inside the records of `kind` (in a piece of that kind only)."""
    return [i for i, line in enumerate(lines) if line.startswith(f'["{kind}","'.encode())][nth]


def test_a_forged_version_vector_in_a_piece_is_refused_naming_the_record(
    replica, write_file, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _a, b, source = _diverged(replica, write_file, tmp_path)
    take(b, source)
    before = dump.digest(b.path)
    fields, lines = opened(source)
    with sqlite3.connect(f"file:{b.path}?mode=ro", uri=True) as conn:
        (counter,) = conn.execute("SELECT counter FROM sync_state").fetchone()
    target = _line_of(lines, "stakeholder")
    parsed = json.loads(lines[target])
    parsed[-3][b.db.site_id()] = counter + 3
    forged = json.dumps(parsed, ensure_ascii=False, separators=(",", ":")).encode()
    seal(tmp_path / "forged.sync", fields, [*lines[:target], forged, *lines[target + 1 :]])
    calls = _counted(monkeypatch)
    with pytest.raises(BundleError) as refused:
        take(b, tmp_path / "forged.sync")
    assert refused.value.code == "foreign_changes" and parsed[1] in refused.value.detail
    assert calls[0] < len(lines) // 2  # the pieces before were sorted out at once
    assert dump.digest(b.path) == before


def test_a_damaged_line_read_from_a_piece_is_refused_and_a_covered_one_changes_nothing(
    replica, write_file, tmp_path: Path
) -> None:
    _a, b, source = _diverged(replica, write_file, tmp_path)
    slow = copy_database(b, tmp_path / "slow.db")
    try:
        fields, lines = opened(source)
        target = next(i for i, line in enumerate(lines) if "甲的新项目".encode() in line)
        damaged = lines[target][:60] + b'\x00"]}{[' + lines[target][80:]
        bad = [*lines[:target], damaged, *lines[target + 1 :]]
        seal(tmp_path / "damaged.sync", fields, bad)
        # The new pursuit, damaged after its id: new to this database, read in full, refused.
        with pytest.raises(BundleError) as refused:
            take(slow, tmp_path / "damaged.sync")
        assert refused.value.code == "damaged"
        # Merged already: the database covers it, so it changes nothing.
        take(b, source)
        before = dump.digest(b.path)
        result = take(b, tmp_path / "damaged.sync")
        assert not result.preview.changes_anything and not result.preview.rejected
        assert dump.digest(b.path) == before
    finally:
        slow.close()


def test_a_record_twice_in_a_piece_is_refused(replica, write_file, tmp_path: Path) -> None:
    _a, b, source = _diverged(replica, write_file, tmp_path)
    fields, lines = opened(source)
    with sqlite3.connect(f"file:{b.path}?mode=ro", uri=True) as conn:
        edited = {row[0] for row in conn.execute("SELECT id FROM pursuits")}
    # A pursuit line b lacks (the new one) twice, one after the other.
    target = next(
        i
        for i, line in enumerate(lines)
        if line.startswith(b'["pursuit","') and json.loads(line)[1] not in edited
    )
    twice = [*lines[: target + 1], lines[target], *lines[target + 1 :]]
    counts = dict(fields["counts"], pursuit=fields["counts"]["pursuit"] + 1)
    end = json.loads(twice[-1])
    end[1]["counts"]["pursuit"] += 1
    end[1]["records"] += 1
    twice[-1] = json.dumps(end, separators=(",", ":")).encode()
    seal(tmp_path / "twice.sync", dict(fields, counts=counts), twice)
    with pytest.raises(BundleError) as refused:
        take(b, tmp_path / "twice.sync")
    assert refused.value.code == "damaged" and "appears twice" in refused.value.detail


@pytest.mark.parametrize("step", [1, 7, 64, 4096])
def test_pieces_hold_the_lines_whatever_the_step(
    step: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle, "STEP", step)
    text = b"first\n\nsecond line\n" + b"x" * 300 + b"\nlast"
    for data in (text, text + b"\n"):
        pieces = list(bundle.pieces(iter([zlib.compress(data)])))
        assert b"\n".join(pieces) == data.removesuffix(b"\n")
        assert list(bundle.lines(iter([zlib.compress(data)]))) == data.removesuffix(b"\n").split(
            b"\n"
        )
    with pytest.raises(BundleError):
        list(bundle.pieces(iter([zlib.compress(text)]), max_lines=3))
