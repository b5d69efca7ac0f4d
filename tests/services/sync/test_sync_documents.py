"""Documents through sync between two real databases: the records in the sync file, the files in
its sealed companion; files left out on request, a companion lost or damaged, a delta, a plain
file. Nothing fails: a document whose file did not come shows as not on this computer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.services import documents
from desktop.services.documents import DAMAGED, MISSING, PRESENT, Owner
from desktop.services.sync import attachments, importer
from desktop.services.workspace import Workspace
from desktop.storage.file_store import FileStore
from desktop.storage.tables import Pursuit

PASSPHRASE = "correct horse battery"


def first_pursuit(ws: Workspace) -> str:
    with ws.read() as session:
        return session.query(Pursuit).order_by(Pursuit.id).first().id  # type: ignore[union-attr]


def attach(ws: Workspace, pid: str, folder: Path, name: str, data: bytes, **owner) -> str:
    path = folder / name
    path.write_bytes(data)
    owner_of = Owner.check(pid, owner["check"]) if owner else Owner.pursuit(pid)
    return documents.add_document(ws, path, owner_of)[0]


def states(ws: Workspace, pid: str) -> dict[str, str]:
    return {r.name: r.state for r in documents.documents_of(ws, Owner.pursuit(pid))}


def take(ws: Workspace, path: Path, passphrase: str | None = PASSPHRASE) -> importer.ImportReport:
    return importer.import_bundle(ws, path, passphrase)


def test_files_travel_sealed_beside_the_sync_file(replica, write_file, tmp_path) -> None:
    a, b = replica("a"), replica("b")
    pid = first_pursuit(a)
    big = os.urandom(3 * 1024 + 17)  # several chunks at the test's chunk size
    attach(a, pid, tmp_path, "方案.pdf", b"%PDF proposal " * 100)
    attach(a, pid, tmp_path, "发票.pdf", big, check="payment_received")
    target = tmp_path / "a.pursuit-sync"
    report = write_file(a, target)
    assert report.files is not None and report.files.files == 2
    companion = attachments.companion_of(target)
    assert report.files.path == companion and companion.is_file()
    raw = companion.read_bytes()
    assert b"proposal" not in raw and big[:64] not in raw  # sealed, not stored in clear
    result = take(b, target)
    assert result.committed and result.files is not None
    assert (result.files.files, result.files.missing, result.files.damaged) == (2, [], [])
    assert states(b, pid) == {"方案.pdf": PRESENT, "发票.pdf": PRESENT}
    [invoice] = documents.documents_of(b, Owner.check(pid, "payment_received"))
    assert documents.open_copy(b, invoice.id, tmp_path / "viewer").read_bytes() == big
    assert documents.verify_document(b, invoice.id) == PRESENT
    # A removal travels as a tombstone, and undoing it on the other side finds the file.
    documents.remove_document(a, invoice.id)
    write_file(a, target)
    take(b, target)
    assert states(b, pid) == {"方案.pdf": PRESENT}
    documents.restore_document(b, invoice.id)
    assert states(b, pid)["发票.pdf"] == PRESENT


def test_an_export_may_leave_the_files_out(replica, write_file, tmp_path) -> None:
    a, b = replica("a"), replica("b")
    pid = first_pursuit(a)
    attach(a, pid, tmp_path, "营业执照.jpg", b"licence", check="licence_credit")
    target = tmp_path / "a.pursuit-sync"
    write_file(a, target)  # a companion from an earlier export with files …
    report = write_file(a, target, files=False)
    assert report.files is not None and report.files.left_out and report.files.files == 0
    assert not attachments.companion_of(target).exists()  # … is not left to mislead
    result = take(b, target)
    assert result.committed and result.files is not None
    assert result.files.missing == ["营业执照.jpg"]
    assert states(b, pid) == {"营业执照.jpg": MISSING}
    [row] = documents.documents_of(b, Owner.check(pid, "licence_credit"))
    with pytest.raises(documents.Unavailable) as refused:
        documents.open_copy(b, row.id, tmp_path / "viewer")
    assert refused.value.code == MISSING
    # The same file sent again with its companion fills the gap (already imported, files not).
    write_file(a, target)
    again = take(b, target)
    assert again.files is not None and again.files.files == 1 and again.files.missing == []
    assert states(b, pid) == {"营业执照.jpg": PRESENT}


def test_a_companion_lost_or_from_another_export_is_no_failure(
    replica, write_file, tmp_path
) -> None:
    a, b = replica("a"), replica("b")
    pid = first_pursuit(a)
    attach(a, pid, tmp_path, "验收证明.pdf", b"accepted", check="acceptance_signed")
    first, second = tmp_path / "one.pursuit-sync", tmp_path / "two.pursuit-sync"
    write_file(a, first)
    write_file(a, second)
    os.replace(attachments.companion_of(first), attachments.companion_of(second))
    result = take(b, second)  # the companion belongs to another export: ignored
    assert result.committed and result.files is not None
    assert result.files.missing == ["验收证明.pdf"] and result.files.files == 0
    assert states(b, pid) == {"验收证明.pdf": MISSING}


def test_a_damaged_chunk_is_reported_and_the_rest_arrives(replica, write_file, tmp_path) -> None:
    a, b = replica("a"), replica("b")
    pid = first_pursuit(a)
    attach(a, pid, tmp_path, "a.bin", b"A" * 5000)
    attach(a, pid, tmp_path, "b.bin", b"B" * 5000)
    target = tmp_path / "a.pursuit-sync"
    write_file(a, target)
    companion = attachments.companion_of(target)
    data = bytearray(companion.read_bytes())
    at = data.index(b"B" * 8) if b"B" * 8 in data else len(data) // 2  # sealed: flip mid-file
    data[at] ^= 0x01
    companion.write_bytes(bytes(data))
    result = take(b, target)
    assert result.committed and result.files is not None
    assert len(result.files.damaged) == 1 and result.files.files == 1
    got = states(b, pid)
    assert sorted(got.values()) == [MISSING, PRESENT]  # the damaged one was never stored
    assert set(result.files.damaged) == {n for n, s in got.items() if s == MISSING}


def test_a_cut_off_companion_keeps_what_arrived_whole(replica, write_file, tmp_path) -> None:
    a, b = replica("a"), replica("b")
    pid = first_pursuit(a)
    attach(a, pid, tmp_path, "first.bin", b"1" * 100)
    target = tmp_path / "a.pursuit-sync"
    write_file(a, target)
    companion = attachments.companion_of(target)
    companion.write_bytes(companion.read_bytes()[:-10])
    result = take(b, target)
    assert result.committed and result.files is not None and result.files.files == 0
    assert len(result.files.missing) + len(result.files.damaged) == 1
    assert set(states(b, pid).values()) == {MISSING}


def test_a_delta_carries_only_new_files_and_a_plain_file_works(
    replica, write_file, tmp_path
) -> None:
    a, b = replica("a"), replica("b")
    pid = first_pursuit(a)
    attach(a, pid, tmp_path, "old.txt", b"old")
    full = write_file(a, tmp_path / "full.pursuit-sync", encrypt=False, passphrase=None, since={})
    assert full.files is not None and full.files.files == 1
    take(b, tmp_path / "full.pursuit-sync", None)
    attach(a, pid, tmp_path, "new.txt", b"new")
    delta = write_file(a, tmp_path / "delta.pursuit-sync", since=full.frontier)
    assert delta.files is not None and delta.files.files == 1  # only the new document's file
    result = take(b, tmp_path / "delta.pursuit-sync")
    assert result.files is not None and result.files.files == 1
    assert states(b, pid) == {"old.txt": PRESENT, "new.txt": PRESENT}


def test_a_file_damaged_at_the_sender_is_left_out_and_told(replica, write_file, tmp_path) -> None:
    a, b = replica("a"), replica("b")
    pid = first_pursuit(a)
    doc = attach(a, pid, tmp_path, "x.txt", b"good")
    attach(a, pid, tmp_path, "y.txt", b"fine")
    path = FileStore.beside(a.path).path_of(documents.get_document(a, doc).sha256)
    os.chmod(path, 0o600)
    path.write_bytes(b"bad!")  # same size: only the hash tells
    assert documents.verify_document(a, doc) == DAMAGED
    target = tmp_path / "a.pursuit-sync"
    report = write_file(a, target)
    assert report.files is not None
    assert (report.files.files, report.files.damaged) == (1, ["x.txt"])
    result = take(b, target)
    assert result.committed and result.files is not None and result.files.missing == ["x.txt"]
    assert states(b, pid) == {"x.txt": MISSING, "y.txt": PRESENT}
