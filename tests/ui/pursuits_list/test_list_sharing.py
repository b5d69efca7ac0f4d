"""The Pursuits list: which pursuits are shared with the team (a column, a menu that undoes) and
the filter by rep when colleagues' pursuits are merged here (a manager's roll-up)."""

from __future__ import annotations

from pathlib import Path

from desktop.services.sync import export, importer, sharing
from desktop.services.workspace import Workspace
from desktop.ui.common.pursuit_table import ListFilter

from .conftest import make


def test_shared_or_private_column_and_menu_with_undo(screen, ctx) -> None:
    mine = make(ctx.workspace, "我的项目")
    other = make(ctx.workspace, "另一个")
    screen.reload()
    column = screen.model.column_index("shared")
    assert not screen.view.isColumnHidden(column)

    def marks() -> dict[str, str]:
        return {
            row.title: screen.model.index(n, column).data()
            for n, row in enumerate(screen.model.shown_rows())
        }

    assert marks() == {"我的项目": "", "另一个": ""}  # a marker on private ones only
    screen.select_ids([mine])
    assert screen.private_action.isEnabled()
    screen.private_action.trigger()
    assert sharing.private_pursuits(ctx.workspace) == {mine}
    assert marks() == {"我的项目": "私有", "另一个": ""}
    assert "不再" in screen.private_action.toolTip()  # says what turning private means
    ctx.undo_stack.undo()
    assert sharing.private_pursuits(ctx.workspace) == set()
    assert marks()["我的项目"] == ""
    ctx.undo_stack.redo()
    assert marks()["我的项目"] == "私有"
    screen.select_ids([mine, other])
    screen.share_action.trigger()
    assert sharing.private_pursuits(ctx.workspace) == set()
    ctx.undo_stack.undo()  # undoes only what that step changed
    assert sharing.private_pursuits(ctx.workspace) == {mine}


def test_the_list_filters_by_rep(screen, ctx, tmp_path: Path, qtbot) -> None:
    own = make(ctx.workspace, "经理自己的")
    other = Workspace.open(tmp_path / "rep.db")
    try:
        theirs = make(other, "王芳的项目", account="王芳的客户")
        path = tmp_path / "rep.pursuit-sync"
        export.export_bundle(other, path, passphrase=None, encrypt=False, site_name="王芳")
    finally:
        other.close()
    report = importer.import_bundle(ctx.workspace, path, None, backup=False)
    ctx.broadcast(report.changes)
    rep = screen.filter_bar.rep
    qtbot.waitUntil(lambda: rep.count() == 3)
    assert rep.isVisibleTo(screen)
    assert [rep.itemData(i) for i in range(rep.count())] == [None, "", "王芳"]
    rep.setCurrentIndex(rep.findData("王芳"))
    qtbot.waitUntil(lambda: [r.id for r in screen.model.shown_rows()] == [theirs])
    assert screen.filter_bar.current.rep == "王芳"
    rep.setCurrentIndex(rep.findData(""))
    qtbot.waitUntil(lambda: [r.id for r in screen.model.shown_rows()] == [own])
    assert ListFilter.from_state(screen.filter_bar.current.to_state()).rep == ""
    screen.filter_bar.clear.click()
    assert {r.id for r in screen.model.shown_rows()} == {own, theirs}
