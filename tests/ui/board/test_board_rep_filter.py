"""A manager's roll-up: the team's pursuits merged from each rep's files, and the board's filter
by rep (the name each rep's database gives its files; "this computer" for its own)."""

from __future__ import annotations

from pathlib import Path

from desktop.services.sync import export, importer
from desktop.services.workspace import Workspace
from desktop.ui.board.filters import BoardFilter


def merge_rep(ws: Workspace, tmp_path: Path, kit, rep: str, titles: list[str]) -> set[str]:
    """Pursuits made in a rep's own database, merged here through a sync file."""
    other = Workspace.open(tmp_path / f"{rep}.db")
    try:
        ids = {kit.make(other, title, account=f"{rep}的客户") for title in titles}
        path = tmp_path / f"{rep}.pursuit-sync"
        export.export_bundle(other, path, passphrase=None, encrypt=False, site_name=rep)
    finally:
        other.close()
    importer.import_bundle(ws, path, None, backup=False)
    return ids


def test_the_board_filters_by_rep(screen, ctx, kit, qtbot, tmp_path: Path) -> None:
    own = {kit.make(ctx.workspace, "自己的项目")}
    wang = merge_rep(ctx.workspace, tmp_path, kit, "王芳", ["王芳的一", "王芳的二"])
    li = merge_rep(ctx.workspace, tmp_path, kit, "李强", ["李强的一"])
    screen.reload()
    model = screen.model
    assert model.shown_ids() == own | wang | li
    rep = screen.filter_bar.rep
    assert rep.isVisibleTo(screen)
    assert [rep.itemData(i) for i in range(rep.count())] == [None, "", "李强", "王芳"]

    # The model: one rep's cards, this computer's own, everyone's again.
    model.set_filter(BoardFilter(rep="王芳"))
    assert model.shown_ids() == wang
    model.set_filter(BoardFilter(rep=""))
    assert model.shown_ids() == own
    model.set_filter(BoardFilter())
    assert model.shown_ids() == own | wang | li

    # The control on the bar, remembered like the other filters, cleared with them.
    rep.setCurrentIndex(rep.findData("李强"))
    rep.activated.emit(rep.currentIndex())
    qtbot.waitUntil(lambda: model.shown_ids() == li)
    totals = model.totals()
    assert (totals.shown, totals.total) == (1, 4)
    assert BoardFilter.from_state(screen.filter_bar.current.to_state()).rep == "李强"
    screen.filter_bar.clear_button.click()
    assert model.shown_ids() == own | wang | li and rep.currentIndex() == 0


def test_no_rep_choice_without_a_team(screen, ctx, kit) -> None:
    kit.make(ctx.workspace, "只有自己")
    screen.reload()
    assert not screen.filter_bar.rep.isVisibleTo(screen)
