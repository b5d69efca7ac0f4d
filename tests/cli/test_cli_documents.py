"""`pursuit export` carries the documents' files beside the sync file, or leaves them out with
`--no-files`; `pursuit import` of either succeeds."""

from __future__ import annotations

from pathlib import Path

from desktop.services import documents, pursuits
from desktop.services.documents import MISSING, PRESENT, Owner
from desktop.services.pursuits import PursuitDraft
from desktop.services.sync import attachments
from desktop.services.workspace import Workspace

from .test_cli_sync import pursuit


def test_export_with_and_without_files(tmp_path: Path) -> None:
    laptop = tmp_path / "laptop.db"
    ws = Workspace.open(laptop)
    pid = pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通"))[0]
    scan = tmp_path / "验收证明.pdf"
    scan.write_bytes(b"%PDF accepted")
    documents.add_document(ws, scan, Owner.check(pid, "acceptance_signed"))
    ws.close()
    sync = tmp_path / "laptop.pursuit-sync"
    made = pursuit("export", "--db", str(laptop), "--out", str(sync), "--no-encryption")
    assert made.returncode == 0, made.stderr
    lines = made.stdout.strip().splitlines()
    assert len(lines) == 2 and str(attachments.companion_of(sync)) in lines[1]
    other = tmp_path / "other.db"
    took = pursuit("import", "--db", str(other), str(sync))
    assert took.returncode == 0, took.stderr
    ws = Workspace.open(other)
    try:
        assert [r.state for r in documents.documents_of(ws, Owner.pursuit(pid))] == [PRESENT]
    finally:
        ws.close()

    bare = tmp_path / "bare.pursuit-sync"
    made = pursuit(
        "export", "--db", str(laptop), "--out", str(bare), "--no-encryption", "--no-files"
    )
    assert made.returncode == 0 and len(made.stdout.strip().splitlines()) == 1
    assert not attachments.companion_of(bare).exists()
    third = tmp_path / "third.db"
    assert pursuit("import", "--db", str(third), str(bare)).returncode == 0
    ws = Workspace.open(third)
    try:
        assert [r.state for r in documents.documents_of(ws, Owner.pursuit(pid))] == [MISSING]
    finally:
        ws.close()
