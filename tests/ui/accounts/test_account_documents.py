"""The account page's Documents tab: the account's own files (its business licence, say), the
count in the tab's title, files dropped on the list, and removal undone."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.services import documents, records
from desktop.services.documents import Owner
from desktop.services.pursuits import PursuitDraft, create_pursuit


def test_the_account_page_keeps_the_accounts_documents(screen, ctx, tmp_path) -> None:
    ws = ctx.workspace
    pid, _ = create_pursuit(ws, PursuitDraft(title="ERP 升级", account_name="苏州恒通电子有限公司"))
    account_id = records.get(ws, "pursuit", pid)["account_id"]
    licence = tmp_path / "营业执照.jpg"
    licence.write_bytes(b"licence scan")
    documents.add_document(ws, licence, Owner.account(account_id))
    documents.add_document(ws, licence, Owner.pursuit(pid), name="only on the pursuit.jpg")
    screen.reload()
    assert screen.open_item("account", account_id)
    page = screen.page
    panel = page.documents
    assert page.tabs.tabText(4) == "资料（1）"
    page.tabs.setCurrentIndex(4)
    assert [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())] == [
        "营业执照.jpg"
    ]
    assert panel.view.isColumnHidden(1)  # no checklist items on an account

    card = tmp_path / "名片.png"
    card.write_bytes(b"\x89PNG card")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(card))])
    target = panel.view.viewport()
    at = target.rect().center()
    enter = QDragEnterEvent(
        at,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(QPoint(at)),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    assert page.tabs.tabText(4) == "资料（2）"

    panel.view.selectAll()
    panel.remove_selected()
    assert page.tabs.tabText(4) == "资料（0）" and panel.empty.isVisible()
    ctx.undo_stack.undo()  # both come back in one step
    assert page.tabs.tabText(4) == "资料（2）"
