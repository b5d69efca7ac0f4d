"""Revision 0007 on a database made at 0003: the documents table appears, its rows sync-stamped
like any record's, and going back down drops it (the files beside the database are not touched
by a migration)."""

from __future__ import annotations

from pathlib import Path

from desktop.services import documents, pursuits
from desktop.services.documents import Owner
from desktop.services.pursuits import PursuitDraft
from desktop.services.workspace import Workspace
from tests.storage.revisions import move_to, names


def test_upgrading_from_0003_adds_documents(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    move_to(path, "0003")
    assert "documents" not in names(path, "table")
    ws = Workspace.open(path)  # opening upgrades to head
    try:
        pid = pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通"))[0]
        scan = tmp_path / "营业执照.pdf"
        scan.write_bytes(b"%PDF licence")
        doc_id, _ = documents.add_document(ws, scan, Owner.check(pid, "licence_credit"))
        with ws.read() as session:
            from desktop.storage.tables import Document

            row = session.get(Document, doc_id)
            assert row is not None and row.vv and row.dots  # stamped by the write path
    finally:
        ws.close()
    move_to(path, "0003", down=True)
    assert "documents" not in names(path, "table") and "pursuits" in names(path, "table")
