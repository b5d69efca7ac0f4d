"""Documents on real files and real SQLite: stored by content beside the database, listed, opened
through a checked copy, removed and brought back, carried by backups; missing and damaged files
are told, never raised at a list."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.services import accounts, backup, documents, pursuits
from desktop.services.changes import ChangeKind
from desktop.services.documents import DAMAGED, MISSING, PRESENT, Owner
from desktop.services.errors import InvalidInput
from desktop.services.pursuits import PursuitDraft
from desktop.services.workspace import Workspace
from desktop.storage import file_store
from desktop.storage.file_store import FileStore


def _file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.fixture
def pid(ws: Workspace) -> str:
    return pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通电子"))[0]


def test_a_file_is_stored_by_its_hash_beside_the_database(ws, pid, tmp_path) -> None:
    source = _file(tmp_path, "方案.pdf", b"%PDF-1.7 proposal")
    doc_id, changes = documents.add_document(ws, source, Owner.pursuit(pid))
    assert changes.ids(ChangeKind.DOCUMENT) == {doc_id}
    assert changes.ids(ChangeKind.PURSUIT_PART) == {pid}
    [row] = documents.documents_of(ws, Owner.pursuit(pid))
    sha, size = file_store.hash_file(source)
    assert (row.name, row.size, row.sha256, row.state) == ("方案.pdf", size, sha, PRESENT)
    stored = ws.path.parent / "pursuit.db.files" / sha[:2] / sha[2:]
    assert stored.read_bytes() == source.read_bytes()
    assert not os.stat(stored).st_mode & stat.S_IWUSR  # never edited in place
    # The same bytes again are stored once.
    documents.add_document(ws, _file(tmp_path, "copy.pdf", source.read_bytes()), Owner.pursuit(pid))
    assert list(FileStore.beside(ws.path).hashes()) == [sha]
    assert len(documents.documents_of(ws, Owner.pursuit(pid))) == 2


def test_checklist_items_and_accounts_have_their_own(ws, pid, tmp_path) -> None:
    licence = _file(tmp_path, "营业执照.jpg", b"licence")
    invoice = _file(tmp_path, "发票.pdf", b"invoice")
    documents.add_document(ws, licence, Owner.check(pid, "licence_credit"))
    documents.add_document(ws, invoice, Owner.check(pid, "payment_received"))
    documents.add_document(ws, invoice, Owner.check(pid, "payment_received"), name="发票2.pdf")
    assert documents.check_counts(ws, pid) == {"licence_credit": 1, "payment_received": 2}
    assert [r.name for r in documents.documents_of(ws, Owner.check(pid, "licence_credit"))] == [
        "营业执照.jpg"
    ]
    assert len(documents.documents_of(ws, Owner.pursuit(pid))) == 3  # the pursuit sees all
    account_id = accounts.list_accounts(ws)[0].id
    doc_id, changes = documents.add_document(ws, licence, Owner.account(account_id))
    assert changes.ids(ChangeKind.ACCOUNT) == {account_id}
    assert [r.id for r in documents.documents_of(ws, Owner.account(account_id))] == [doc_id]
    with pytest.raises(InvalidInput):
        documents.add_document(ws, licence, Owner.check(pid, "no_such_item"))
    with pytest.raises(InvalidInput):
        documents.add_document(ws, licence, Owner())


def test_the_size_limit_refuses_before_storing_anything(ws, pid, tmp_path) -> None:
    big = tmp_path / "video.mp4"
    with big.open("wb") as fh:
        fh.truncate(documents.MAX_SIZE + 1)
    with pytest.raises(documents.TooLarge) as refused:
        documents.add_document(ws, big, Owner.pursuit(pid))
    assert (refused.value.size, refused.value.limit) == (documents.MAX_SIZE + 1, 50_000_000)
    assert documents.documents_of(ws, Owner.pursuit(pid)) == []
    assert list(FileStore.beside(ws.path).hashes()) == []
    exactly = tmp_path / "exactly.bin"
    with exactly.open("wb") as fh:
        fh.truncate(1000)
    documents.add_document(ws, exactly, Owner.pursuit(pid), limit=1000)


def test_remove_and_undo(ws, pid, tmp_path) -> None:
    doc_id, _ = documents.add_document(ws, _file(tmp_path, "a.txt", b"a"), Owner.pursuit(pid))
    changes = documents.remove_document(ws, doc_id)
    assert changes.ids(ChangeKind.DOCUMENT) == {doc_id}
    assert documents.documents_of(ws, Owner.pursuit(pid)) == []
    documents.restore_document(ws, doc_id)
    [row] = documents.documents_of(ws, Owner.pursuit(pid))
    assert row.id == doc_id and row.state == PRESENT
    assert documents.open_copy(ws, doc_id, tmp_path / "viewer").read_bytes() == b"a"


def test_missing_and_damaged_files_are_told(ws, pid, tmp_path) -> None:
    kept, _ = documents.add_document(ws, _file(tmp_path, "k.txt", b"kept"), Owner.pursuit(pid))
    gone, _ = documents.add_document(ws, _file(tmp_path, "g.txt", b"gone"), Owner.pursuit(pid))
    hurt, _ = documents.add_document(ws, _file(tmp_path, "h.txt", b"hurt"), Owner.pursuit(pid))
    store = FileStore.beside(ws.path)
    rows = {r.id: r for r in documents.documents_of(ws, Owner.pursuit(pid))}
    store.path_of(rows[gone].sha256).unlink()
    damaged = store.path_of(rows[hurt].sha256)
    os.chmod(damaged, 0o600)
    damaged.write_bytes(b"HURT")  # same size, other bytes: only the hash tells
    states = {r.id: r.state for r in documents.documents_of(ws, Owner.pursuit(pid))}
    assert states == {kept: PRESENT, gone: MISSING, hurt: PRESENT}
    assert documents.verify_document(ws, hurt) == DAMAGED
    viewer = tmp_path / "viewer"
    with pytest.raises(documents.Unavailable) as missing:
        documents.open_copy(ws, gone, viewer)
    assert missing.value.code == MISSING
    with pytest.raises(documents.Unavailable) as bad:
        documents.open_copy(ws, hurt, viewer)
    assert bad.value.code == DAMAGED
    assert [p for p in viewer.rglob("*") if p.is_file()] == []  # no bad copy handed out
    assert documents.open_copy(ws, kept, viewer).name == "k.txt"
    # Attaching the good bytes again repairs the damaged file.
    documents.add_document(ws, _file(tmp_path, "h2.txt", b"hurt"), Owner.pursuit(pid))
    assert documents.verify_document(ws, hurt) == PRESENT


def test_backup_and_restore_carry_the_files(ws, pid, tmp_path) -> None:
    doc_id, _ = documents.add_document(
        ws, _file(tmp_path, "验收证明.pdf", b"signed"), Owner.check(pid, "acceptance_signed")
    )
    info = backup.make_backup(ws, "manual")
    sha = documents.get_document(ws, doc_id).sha256
    assert FileStore.beside(info.path).has(sha)
    # The database and its files are lost; the backup brings both back.
    db_path = ws.path
    ws.close()
    db_path.unlink()
    FileStore.beside(db_path).remove()
    backup.restore(db_path, info.path)
    restored = Workspace.open(db_path)
    try:
        [row] = documents.documents_of(restored, Owner.check(pid, "acceptance_signed"))
        assert row.state == PRESENT
        assert documents.open_copy(restored, doc_id, tmp_path / "v").read_bytes() == b"signed"
    finally:
        restored.close()


def test_rotation_removes_a_backups_files(ws, pid, tmp_path) -> None:
    documents.add_document(ws, _file(tmp_path, "a.txt", b"a"), Owner.pursuit(pid))
    first = backup.make_backup(ws, "manual")
    for _ in range(3):
        backup.make_backup(ws, "manual", keep=1)
    assert not first.path.exists()
    assert not FileStore.beside(first.path).root.exists()


def test_a_purge_takes_the_files_of_its_documents(ws, pid, tmp_path) -> None:
    from desktop.services.sync import purge

    kept_pid = pursuits.create_pursuit(ws, PursuitDraft(title="ERP", account_name="恒通电子"))[0]
    secret, _ = documents.add_document(
        ws, _file(tmp_path, "底价.xlsx", b"price"), Owner.pursuit(pid)
    )
    removed, _ = documents.add_document(
        ws, _file(tmp_path, "kept.txt", b"kept"), Owner.pursuit(kept_pid)
    )
    documents.remove_document(ws, removed)  # removed, not purged: undo still needs the file
    shared, _ = documents.add_document(ws, _file(tmp_path, "s.txt", b"shared"), Owner.pursuit(pid))
    documents.add_document(ws, _file(tmp_path, "s2.txt", b"shared"), Owner.pursuit(kept_pid))
    store = FileStore.beside(ws.path)
    secret_sha = documents.get_document(ws, secret).sha256
    changes = purge.purge(ws, "pursuit", pid)
    assert changes.ids(ChangeKind.DOCUMENT) >= {secret, shared}
    assert not store.has(secret_sha)  # the bytes of what had to go, gone
    assert store.has(file_store.hash_file(tmp_path / "kept.txt")[0])
    assert store.has(file_store.hash_file(tmp_path / "s.txt")[0])  # still named elsewhere
    documents.restore_document(ws, removed)
    assert documents.documents_of(ws, Owner.pursuit(kept_pid))[0].state == PRESENT


def test_a_name_from_elsewhere_cannot_leave_the_viewers_folder(ws, pid, tmp_path) -> None:
    from desktop.storage.tables import Document

    doc_id, _ = documents.add_document(ws, _file(tmp_path, "a.txt", b"a"), Owner.pursuit(pid))
    with ws.write() as session:  # as a hostile peer's file could set it
        session.get(Document, doc_id).name = "../../..\\evil:name?.txt"
    viewer = tmp_path / "viewer"
    copy = documents.open_copy(ws, doc_id, viewer)
    assert copy.parent.parent == viewer and copy.name == "evil_name_.txt"
