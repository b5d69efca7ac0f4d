"""Documents in the pursuit workspace: the tab lists real files with size and date, takes files
dropped on it (synthetic drag events through the real view), opens a checked copy with the system
viewer, refuses a file beyond the limit with one message, removes undoably; a missing or damaged
file is told, never a crash; the collection checklist's items count and take their own files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services import documents
from desktop.services.documents import Owner
from desktop.storage.file_store import FileStore, hash_file
from desktop.ui import errors
from desktop.ui.common import documents as documents_ui

from .conftest import make_pursuit


@pytest.fixture
def viewer(monkeypatch) -> list[Path]:
    """What was handed to the system viewer (no viewer runs offscreen)."""
    opened: list[Path] = []

    def record(url: QUrl) -> bool:
        opened.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(documents_ui, "open_url", record)
    return opened


def drop_files(target: QWidget, paths: list[Path]) -> None:
    """Drag files from a file manager onto `target`: enter, move, drop, as Qt delivers them."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    at = target.rect().center()
    action = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, action, data, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(at, action, data, buttons, keys)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(QPointF(QPoint(at)), action, data, buttons, keys)
    QApplication.sendEvent(target, drop)
    settle_events()


def settle_events() -> None:
    QApplication.processEvents()


def boxes() -> list[str]:
    found = [box.text() for box in errors.open_error_boxes()]
    for box in errors.open_error_boxes():
        box.close()
    return found


def files(folder: Path, **named: bytes) -> list[Path]:
    made = []
    for name, data in named.items():
        path = folder / name.replace("_", ".")
        path.write_bytes(data)
        made.append(path)
    return made


def texts(panel, column: int) -> list[str]:
    model = panel.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_tab_lists_takes_drops_opens_and_undoes(open_workspace, ws, tmp_path, viewer) -> None:
    pid = make_pursuit(ws)
    widget = open_workspace(ws, "en")
    widget.show_pursuit(pid)
    tab = widget.show_tab("documents")
    assert isinstance(tab, documents_ui.PursuitDocumentsTab)
    assert tab.empty.isVisible() and "50 MB" in tab.limit.text()
    proposal, price = files(tmp_path, proposal_pdf=b"%PDF " * 400, price_xlsx=b"PK\x03\x04 x")
    drop_files(tab.view.viewport(), [proposal, price])
    assert sorted(texts(tab, 0)) == ["price.xlsx", "proposal.pdf"]
    assert not tab.empty.isVisible()
    row = texts(tab, 0).index("proposal.pdf")
    assert texts(tab, 2)[row] == "2.0 KB" and texts(tab, 3)[row]  # size and date shown
    # One drop is one undo step.
    stack = tab.ctx.undo_stack
    stack.undo()
    settle_events()
    assert texts(tab, 0) == []
    stack.redo()
    assert sorted(texts(tab, 0)) == ["price.xlsx", "proposal.pdf"]
    # Open hands the viewer a copy under the file's own name.
    tab.view.selectRow(texts(tab, 0).index("proposal.pdf"))
    tab.open_selected()
    assert [p.name for p in viewer] == ["proposal.pdf"]
    assert viewer[0].read_bytes() == proposal.read_bytes()
    assert viewer[0] != FileStore.beside(ws.path).path_of(hash_file(proposal)[0])
    # Remove, then undo.
    tab.view.selectRow(texts(tab, 0).index("price.xlsx"))
    tab.remove_button.click()
    assert texts(tab, 0) == ["proposal.pdf"]
    stack.undo()
    assert sorted(texts(tab, 0)) == ["price.xlsx", "proposal.pdf"]
    assert boxes() == []


def test_a_file_beyond_the_limit_is_refused_with_one_message(
    open_workspace, ws, tmp_path, viewer
) -> None:
    pid = make_pursuit(ws)
    widget = open_workspace(ws, "zh_CN")
    widget.show_pursuit(pid)
    tab = widget.show_tab("documents")
    big = tmp_path / "安装视频.mp4"
    with big.open("wb") as fh:
        fh.truncate(documents.MAX_SIZE + 1)
    small = files(tmp_path, 方案_pdf=b"ok")[0]
    tab.add_files([big, small])
    assert texts(tab, 0) == ["方案.pdf"]
    [message] = boxes()
    assert "50 MB" in message and "安装视频.mp4" in message and "未添加" in message
    assert "每个文件最大 50 MB" in tab.limit.text()


def test_missing_and_damaged_files_are_told_without_failing(
    open_workspace, ws, tmp_path, viewer
) -> None:
    pid = make_pursuit(ws)
    gone, hurt = files(tmp_path, gone_txt=b"gone", hurt_txt=b"hurt")
    gone_id, _ = documents.add_document(ws, gone, Owner.pursuit(pid))
    hurt_id, _ = documents.add_document(ws, hurt, Owner.pursuit(pid))
    store = FileStore.beside(ws.path)
    store.path_of(documents.get_document(ws, gone_id).sha256).unlink()
    damaged = store.path_of(documents.get_document(ws, hurt_id).sha256)
    os.chmod(damaged, 0o600)
    damaged.write_bytes(b"HURT")
    widget = open_workspace(ws, "zh_CN")
    widget.show_pursuit(pid)
    tab = widget.show_tab("documents")
    by_name = dict(zip(texts(tab, 0), texts(tab, 4), strict=True))
    assert by_name == {"gone.txt": "不在这台电脑上", "hurt.txt": ""}
    assert tab.open_document(gone_id) is False
    assert "不在这台电脑上" in boxes()[0]
    assert tab.open_document(hurt_id) is False
    assert "已损坏" in boxes()[0]
    assert viewer == []


def test_checklist_items_count_and_take_their_files(open_workspace, ws, tmp_path, viewer) -> None:
    pid = make_pursuit(ws, stage=8)
    widget = open_workspace(ws, "zh_CN")
    widget.show_pursuit(pid)
    page = widget.show_tab("collection")
    licence = page.documents["licence_credit"]
    invoice = page.documents["payment_received"]
    assert licence.text() == "附加文件" and licence.isVisible()
    drop_files(invoice, files(tmp_path, 发票_pdf=b"invoice", 发票2_pdf=b"invoice 2"))
    assert invoice.text() == "资料（2）" and licence.text() == "附加文件"
    assert documents.check_counts(ws, pid) == {"payment_received": 2}
    dialog = licence.show_documents()
    assert dialog is not None and dialog.isVisible()
    dialog.panel.add_files(files(tmp_path, 营业执照_jpg=b"licence"))
    QApplication.processEvents()  # the page loads again after the change
    assert licence.text() == "资料（1）"
    assert dialog.isVisible() and licence.dialog is dialog  # still open, to add more or check
    assert texts(dialog.panel, 0) == ["营业执照.jpg"]
    dialog.close()
    # The pursuit's tab lists them all, each with its item.
    tab = widget.show_tab("documents")
    items = dict(zip(texts(tab, 0), texts(tab, 1), strict=True))
    assert items["营业执照.jpg"] == widget.ctx.catalog.collection_checks["licence_credit"].label(
        "zh"
    )
    tab.ctx.undo_stack.undo()  # the licence
    assert licence.text() == "附加文件"


def test_attach_opens_in_home_when_there_is_no_documents_folder(tmp_path, monkeypatch) -> None:
    """A missing Documents folder made the dialog open elsewhere with "Documents" as file name."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Documents"))
    assert documents_ui.start_folder() == str(tmp_path)
    (tmp_path / "Documents").mkdir()
    assert documents_ui.start_folder() == str(tmp_path / "Documents")
