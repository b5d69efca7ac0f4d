"""Reuse people on a pursuit deleted meanwhile (on another window, by a sync): the message says so
in words, not the service's own text (a record id, an English sentence)."""

from __future__ import annotations

from desktop.services import records
from desktop.ui import errors


def test_reuse_on_a_deleted_pursuit_says_it_is_gone(editor, ctx, sample_map) -> None:
    pursuit_id, _ = sample_map
    records.delete(ctx.workspace, "pursuit", pursuit_id)
    assert editor.reuse_people() is None
    shown = [box.text() for box in errors._open_boxes]
    assert shown == ["该条目已不存在（可能已被删除）。未做任何更改。"]
    assert pursuit_id not in shown[0]
    for box in list(errors._open_boxes):
        box.close()
