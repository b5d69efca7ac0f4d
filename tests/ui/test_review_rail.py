"""待审 (Review) in the rail only for a rep it concerns: one with something to review, or who has
ever imported or synced another's file (on the demo database, which has never synced)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services.changes import ChangeKind


def test_review_is_in_the_rail_only_for_a_rep_who_syncs(main_window, tmp_path) -> None:
    """A rep who never imported and has nothing to review has no 待审 row; the first import
    (here one that brings a conflict) shows it, and it stays once the conflict is settled."""
    from desktop.services import records
    from desktop.services.changes import Changes
    from desktop.services.sync import export, importer, review
    from desktop.services.workspace import Workspace
    from desktop.storage.backup import online_backup
    from desktop.storage.tables import Pursuit

    def review_row_hidden() -> bool:
        row = next(
            r
            for r in range(main_window.rail.count())
            if main_window.rail.item(r).data(Qt.ItemDataRole.UserRole) == "review"
        )
        return main_window.rail.item(row).isHidden()

    ws = main_window.ctx.workspace
    assert review.count(ws) == 0
    assert review_row_hidden()

    other = Workspace.open(online_backup(ws.path, tmp_path / "laptop.db"))
    try:
        with ws.read() as session:
            target = session.query(Pursuit).order_by(Pursuit.id).first().id
        records.update(other, "pursuit", target, {"amount": 111})
        records.update(ws, "pursuit", target, {"amount": 222})
        source = tmp_path / "f.sync"
        export.export_bundle(other, source, passphrase=None, encrypt=False)
    finally:
        other.close()
    importer.import_bundle(ws, source)
    main_window.ctx.broadcast(Changes.all())
    assert review.count(ws) == 1
    assert not review_row_hidden()

    main_window.show_screen("review")
    conflict = review.list_conflicts(ws)[0]
    review.resolve(ws, conflict.kind, conflict.record_id, conflict.field, 333)
    main_window.ctx.broadcast(Changes.of(ChangeKind.REVIEW, "x"))
    assert review.count(ws) == 0
    assert not review_row_hidden()  # has synced: where the next conflicts will wait
