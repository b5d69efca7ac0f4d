"""The account page's timeline: the notes of its pursuits and its own, newest first, a note
written in its box (one undo step), and an entry that opens its pursuit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from desktop.services import activities, records
from desktop.services.pursuits import PursuitDraft, create_pursuit
from desktop.services.queries import timeline


def test_the_account_page_shows_the_pursuits_notes_and_its_own(screen, ctx, qtbot) -> None:
    ws = ctx.workspace
    pid, _ = create_pursuit(ws, PursuitDraft(title="ERP 升级", account_name="苏州恒通电子有限公司"))
    account_id = records.get(ws, "pursuit", pid)["account_id"]
    activities.add_note(
        ws, "项目上的笔记", pursuit_id=pid, noted_at=datetime.now(UTC) - timedelta(days=2)
    )
    screen.reload()
    assert screen.open_item("account", account_id)
    page = screen.page
    notes = [e for e in page.timeline.entries() if e.kind == "note"]
    assert [(e.title, e.pursuit_id) for e in notes] == [("项目上的笔记", pid)]
    assert page.tabs.tabText(3).startswith("时间线")

    page.tabs.setCurrentIndex(3)
    edit = page.note_box.edit
    edit.setPlainText("客户总部搬到了新园区")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    # Notes only: the pursuit's first stage change may fall in the same second.
    def notes() -> list[str]:
        return [e.title for e in page.timeline.entries() if e.kind == "note"]

    qtbot.waitUntil(lambda: notes() == ["客户总部搬到了新园区", "项目上的笔记"])
    first = next(e for e in page.timeline.entries() if e.kind == "note")
    assert first.pursuit_id is None
    assert [e.title for e in timeline.timeline(ws, account_id=account_id, kinds=["note"])] == [
        "客户总部搬到了新园区",
        "项目上的笔记",
    ]
    # The account's own note is not on the pursuit's timeline.
    assert [e.title for e in timeline.timeline(ws, pursuit_id=pid, kinds=["note"])] == [
        "项目上的笔记"
    ]

    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: notes() == ["项目上的笔记"])

    opened: list[tuple[str, str]] = []
    page.pursuit_requested.connect(lambda p, tab: opened.append((p, tab)))
    index = page.timeline.index(
        next(n for n, e in enumerate(page.timeline.entries()) if e.kind == "note"), 0
    )
    page.timeline_view.activated.emit(index)
    assert opened == [(pid, "timeline")]
