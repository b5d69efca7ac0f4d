"""The board's filter is kept per database: a rep chosen in a manager's roll-up is not applied
to a single rep's database (where no such rep exists: 0 of its cards would show), neither at the
next start nor when the database is switched in the window; back in the roll-up it is there."""

from __future__ import annotations

from pathlib import Path

from desktop.services.workspace import Workspace
from desktop.ui.board.screen import BoardScreen
from tests.ui.board.test_board_rep_filter import merge_rep


def _board(qtbot, ctx) -> BoardScreen:
    widget = BoardScreen(ctx, None)
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_rep_chosen_in_the_roll_up_stays_with_it(screen, ctx, kit, qtbot, tmp_path: Path):
    roll_up = ctx.workspace
    li = merge_rep(roll_up, tmp_path, kit, "李娜", ["李娜的一", "李娜的二"])
    kit.make(roll_up, "经理自己的")
    screen.reload()
    rep = screen.filter_bar.rep
    rep.setCurrentIndex(rep.findData("李娜"))
    rep.activated.emit(rep.currentIndex())
    qtbot.waitUntil(lambda: screen.model.shown_ids() == li)

    single = Workspace.open(tmp_path / "single.db")
    try:
        mine = {kit.make(single, "代表的一"), kit.make(single, "代表的二")}
        # The next start, on the rep's own database, with the same settings.
        ctx.workspace = single
        other = _board(qtbot, ctx)
        assert other.filter_bar.current.rep is None
        totals = other.model.totals()
        assert other.model.shown_ids() == mine and totals.shown == totals.total == 2
        other.close()

        # Switched in the window: the roll-up's filter goes, the rep's database shows whole.
        ctx.workspace = roll_up
        ctx.replace_workspace(Workspace.open(single.path))
        qtbot.waitUntil(lambda: screen.model.shown_ids() == mine)
        assert screen.filter_bar.current.rep is None and rep.currentIndex() == 0

        # Back in the roll-up, its rep is chosen again.
        ctx.replace_workspace(Workspace.open(roll_up.path))
        qtbot.waitUntil(lambda: screen.model.shown_ids() == li)
        assert screen.filter_bar.current.rep == "李娜"
    finally:
        single.close()


def test_a_filter_saved_for_all_databases_goes_to_the_one_it_was_set_with(ctx, tmp_path: Path):
    settings = ctx.settings
    settings.set_screen_state("board", {"widths": [1], "filter": {"rep": "李娜"}})
    settings.set_screen_state("pursuits_list", {"filter": {"rep": "李娜"}, "sort": [0, 0]})
    settings.set_screen_state("dashboard", {"period": "all", "rep": "李娜", "tags": ["重点"]})
    settings.store.setValue("sync/folder", str(tmp_path))
    settings.store.setValue("sync/roll_up", "true")
    settings.store.setValue("sync/name", "经理")
    settings.adopt_global_state(ctx.workspace.path)
    here = ctx.workspace.path
    assert settings.database_state(here, "board") == {"filter": {"rep": "李娜"}}
    assert settings.database_state(here, "pursuits_list") == {"filter": {"rep": "李娜"}}
    assert settings.database_state(here, "sync") == {
        "folder": str(tmp_path),
        "roll_up": True,
        "name": "经理",
    }
    assert settings.database_state(here, "dashboard") == {"rep": "李娜", "tags": ["重点"]}
    assert settings.screen_state("board") == {"widths": [1]}
    assert settings.screen_state("dashboard") == {"period": "all"}
    assert settings.store.value("sync/folder") is None
    other = tmp_path / "other.db"
    assert settings.database_state(other, "board") == {}
    assert settings.database_state(other, "sync") == {}
    # Once: a later start moves nothing again.
    settings.set_screen_state("board", {"filter": {"rep": "王芳"}})
    settings.adopt_global_state(other)
    assert settings.database_state(other, "board") == {}
