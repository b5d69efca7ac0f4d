"""Dated notes on a person in the map's side panel: written with Ctrl+Enter (one undo step),
newest first, only that person's, and also on the pursuit's timeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from desktop.services import activities
from desktop.services.queries import timeline


def test_a_note_on_the_person_shows_in_the_panel(editor, sample_map, ctx, qtbot) -> None:
    pursuit_id, names = sample_map
    person, other = names["周敏"], names["王海涛"]
    ws = ctx.workspace
    activities.add_note(
        ws, "上月聊过预算", stakeholder_id=person, noted_at=datetime.now(UTC) - timedelta(days=30)
    )
    activities.add_note(ws, "王总的笔记", stakeholder_id=other)
    editor.select_person(person)
    panel = editor.details.person
    assert [e.title for e in panel.person_notes.entries()] == ["上月聊过预算"]

    edit = panel.note_box.edit
    edit.setPlainText("她支持我们的方案")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [e.title for e in panel.person_notes.entries()] == ["她支持我们的方案", "上月聊过预算"]
    assert edit.toPlainText() == ""
    on_pursuit = timeline.timeline(ws, pursuit_id=pursuit_id, kinds=["note"])
    assert ("她支持我们的方案", "周敏") in [(e.title, e.extra) for e in on_pursuit]

    ctx.undo_stack.undo()
    assert [e.title for e in panel.person_notes.entries()] == ["上月聊过预算"]

    editor.select_person(other)
    assert [e.title for e in panel.person_notes.entries()] == ["王总的笔记"]
