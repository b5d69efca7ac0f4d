"""The Pursuits screen: bulk actions through the board's gate and undo, export, layout."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.infra import i18n
from desktop.services import pursuits, records
from desktop.storage.tables import StageChange
from desktop.ui.common.pursuit_table import ListFilter
from tests.collecting import settle

from .conftest import make, show


def select_titles(screen, *titles: str) -> list[str]:
    wanted = set(titles)
    ids = [r.id for r in screen.model.shown_rows() if r.title in wanted]
    screen.select_ids(ids)
    assert len(screen.selected_rows()) == len(titles)
    return ids


def stage_of(ws, pursuit_id: str) -> int:
    return records.get(ws, "pursuit", pursuit_id)["stage"]


def test_rows_follow_changes_made_elsewhere(screen, ctx) -> None:
    assert screen.pages.currentWidget() is screen.empty
    assert screen.empty_new.isVisible() and not screen.empty_clear.isVisible()
    pid = make(ctx.workspace, "MES 生产执行系统")
    ctx.broadcast(records.update(ctx.workspace, "pursuit", pid, {"title": "MES 二期"}))
    assert [r.title for r in screen.model.shown_rows()] == ["MES 二期"]
    assert screen.pages.currentWidget() is screen.view
    assert "1 / 1" in screen.summary.text() or "1 of 1" in screen.summary.text()
    ctx.broadcast(records.delete(ctx.workspace, "pursuit", pid))
    assert screen.model.shown_rows() == []


def test_bulk_move_goes_through_the_gate_and_undoes_in_one_step(screen, ctx, qtbot) -> None:
    ws = ctx.workspace
    a = make(ws, "ERP 升级")
    b = make(ws, "MES 系统", account="南京华盛")
    make(ws, "OA 办公")
    screen.reload()
    select_titles(screen, "ERP 升级", "MES 系统")
    screen.move_selected_to(3)  # skips stage 2: the gate asks for a reason
    dialog = screen.dialog
    assert dialog is not None and dialog.objectName() == "gate_dialog"
    dialog.accept()  # no reason yet: refused, nothing moves
    assert dialog.isVisible() and stage_of(ws, a) == 1
    dialog.reason.setPlainText("客户直接发了招标文件")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert (stage_of(ws, a), stage_of(ws, b)) == (3, 3)
    assert {r.stage for r in screen.model.all_rows() if r.id in (a, b)} == {3}
    with ws.read() as session:
        changes = session.execute(
            select(
                StageChange.pursuit_id, StageChange.override_reason, StageChange.overrides
            ).where(StageChange.to_stage == 3, StageChange.alive)
        ).all()
    assert {c[0] for c in changes} == {a, b}
    assert all(c[1] == "客户直接发了招标文件" and c[2] for c in changes)
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert (stage_of(ws, a), stage_of(ws, b)) == (1, 1)
    assert {r.stage for r in screen.model.all_rows()} == {1}
    ctx.undo_stack.redo()
    assert (stage_of(ws, a), stage_of(ws, b)) == (3, 3)


def test_going_back_at_the_gate_changes_nothing(screen, ctx, qtbot) -> None:
    a = make(ctx.workspace, "ERP 升级")
    screen.reload()
    select_titles(screen, "ERP 升级")
    screen.move_selected_to(5)
    with qtbot.waitSignal(screen.dialog.finished):
        screen.dialog.reject()
    assert stage_of(ctx.workspace, a) == 1
    assert ctx.undo_stack.count() == 0


def test_mark_collected_and_lost_then_undo(screen, ctx, qtbot) -> None:
    ws = ctx.workspace
    a = make(ws, "ERP 升级")
    b = make(ws, "MES 系统")
    screen.reload()
    screen.filter_bar.set_filter(ListFilter(statuses=frozenset()), emit=True)
    select_titles(screen, "ERP 升级", "MES 系统")
    screen.close_selected("lost")
    dialog = screen.dialog
    dialog.reason.setCurrentText("价格")
    dialog.lost_to.setCurrentText("赛达软件")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert {records.get(ws, "pursuit", i)["status"] for i in (a, b)} == {"lost"}
    assert {r.status for r in screen.model.all_rows()} == {"lost"}
    assert {r.weighted for r in screen.model.all_rows()} == {0}
    assert not screen.won_action.isEnabled()  # nothing open is selected any more
    assert screen.reopen_action.isEnabled()
    ctx.undo_stack.undo()
    assert {records.get(ws, "pursuit", i)["status"] for i in (a, b)} == {"open"}
    select_titles(screen, "ERP 升级")
    assert not screen.won_action.isEnabled()  # stage 1: not signed, no win to mark
    # Signed, accepted, paid: in 回款 with the checklist settled, the win can be marked.
    pursuits.move_stage(ws, [a], 8)
    settle(ws, a)
    screen.reload()
    select_titles(screen, "ERP 升级")
    assert screen.won_action.isEnabled()
    screen.close_selected("collected")
    screen.dialog.reason.setCurrentText("价值建议书获认可")
    with qtbot.waitSignal(screen.dialog.finished):
        screen.dialog.accept()
    row = screen.model.row(a)
    assert (row.status, row.win_rate, row.weighted) == ("collected", 100, row.amount)


def test_bulk_tags_and_delete_undo(screen, ctx, qtbot) -> None:
    ws = ctx.workspace
    a = make(ws, "ERP 升级", tags=["续约"])
    b = make(ws, "MES 系统")
    screen.reload()
    select_titles(screen, "ERP 升级", "MES 系统")
    screen.tag_selected(remove=False)
    dialog = screen.dialog
    dialog.accept()  # empty: refused at the field
    assert dialog.isVisible() and dialog.error.isVisible()
    dialog.field.setText("重点")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert pursuits.tags_of(ws, a) == ["续约", "重点"]
    assert pursuits.tags_of(ws, b) == ["重点"]
    assert screen.filter_bar.tag.findData("重点") > 0
    screen.apply_tag([a, b], "续约", remove=True)
    assert pursuits.tags_of(ws, a) == ["重点"]
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert pursuits.tags_of(ws, a) == ["续约"] and pursuits.tags_of(ws, b) == []

    select_titles(screen, "ERP 升级", "MES 系统")
    screen.delete_action.trigger()
    assert screen.model.all_rows() == []
    ctx.undo_stack.undo()
    assert {r.id for r in screen.model.all_rows()} == {a, b}


def test_keyboard_delete_and_context_menu(screen, ctx, qtbot) -> None:
    pursuit_id = make(ctx.workspace, "ERP 升级")
    screen.reload()
    # The Delete key is the screen's shortcut: it fires only in the active window, and a window
    # left up by an earlier test could be the active one.
    screen.activateWindow()
    qtbot.waitActive(screen)
    screen.view.setFocus()
    qtbot.waitUntil(screen.view.hasFocus)
    # Selected as the screen selects (not selectRow, which reads the keyboard modifiers Qt last
    # recorded: an earlier test's Ctrl+Shift+Tab could leave "Shift held" there).
    screen.select_ids([pursuit_id])
    menu = screen.build_context_menu()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert screen.move_menu.title() in texts and screen.delete_action.text() in texts
    qtbot.keyClick(screen.view, Qt.Key.Key_Delete)
    assert screen.model.all_rows() == []


def test_export_writes_the_shown_rows_in_order(demo_screen, demo_ctx, qtbot, tmp_path) -> None:
    screen = demo_screen
    model = screen.model
    screen.filter_bar.set_filter(ListFilter(statuses=frozenset({"open"}), stages=frozenset({2})),
                                 emit=True)  # fmt: skip
    header = screen.view.horizontalHeader()
    screen.view.sortByColumn(model.column_index("amount"), Qt.SortOrder.DescendingOrder)
    screen.set_column_shown(model.column_index("tags"), False)
    header.moveSection(header.visualIndex(model.column_index("title")), 0)  # pursuit first
    shown = model.shown_rows()
    assert shown

    job = screen.export_to(tmp_path / "out.xlsx")
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=10_000)
    assert job.outcome == len(shown)
    sheet = load_workbook(tmp_path / "out.xlsx").active
    values = list(sheet.values)
    titles = [model.columns[n].title() for n in screen.export_columns()]
    assert list(values[0]) == titles
    assert titles[:2] == ["项目", "客户"] and "标签" not in titles
    assert [v[0] for v in values[1:]] == [r.title for r in shown]
    amounts = [v[titles.index("金额")] for v in values[1:]]
    assert amounts == [r.amount / 100 for r in shown]

    job = screen.export_to(tmp_path / "out.csv")
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=10_000)
    assert job.outcome == len(shown)
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == titles
    assert [r[1] for r in table[1:]] == [r.account for r in shown]
    assert len(table) == len(shown) + 1


def test_a_cancelled_export_writes_nothing(demo_screen, qtbot, tmp_path) -> None:
    from desktop.ui.pursuits_list.export import ExportCancelled, ExportJob

    folder = tmp_path / "exports"
    folder.mkdir()
    columns, rows = demo_screen.export_table()
    job = ExportJob(folder / "never.xlsx", columns, rows * 200, "项目")
    job.cancel()  # before the first row: deterministic
    job.start()
    job.wait(10)
    assert isinstance(job.outcome, ExportCancelled)
    assert list(folder.iterdir()) == []


def test_layout_sort_and_filter_are_remembered(demo_screen, demo_ctx, qtbot) -> None:
    screen = demo_screen
    model = screen.model
    weighted = model.column_index("weighted")
    screen.view.sortByColumn(weighted, Qt.SortOrder.DescendingOrder)
    screen.set_column_shown(model.column_index("win_rate"), False)
    screen.set_column_shown(model.column_index("next_step"), True)
    screen.view.horizontalHeader().resizeSection(model.column_index("account"), 321)
    screen.filter_bar.set_filter(ListFilter(text="系统", stages=frozenset({4})), emit=True)
    screen.save_state()
    again = show(qtbot, demo_ctx)
    header = again.view.horizontalHeader()
    assert again.model.sort_column == weighted
    assert again.model.sort_order == Qt.SortOrder.DescendingOrder
    assert header.isSectionHidden(model.column_index("win_rate"))
    assert not header.isSectionHidden(model.column_index("next_step"))
    assert header.sectionSize(model.column_index("account")) == 321
    assert again.filter_bar.current == ListFilter(text="系统", stages=frozenset({4}))
    assert [r.id for r in again.model.shown_rows()] == [r.id for r in model.shown_rows()]
    again.reset_columns()
    assert not header.isSectionHidden(model.column_index("win_rate"))


def test_columns_menu_and_empty_filter_result(demo_screen) -> None:
    menu = demo_screen.columns_menu()
    names = [a.text() for a in menu.actions() if a.isCheckable()]
    assert len(names) == len(demo_screen.model.columns)
    demo_screen.filter_bar.search.setText("没有这个项目")
    demo_screen.filter_bar._emit()
    assert demo_screen.pages.currentWidget() is demo_screen.empty
    assert demo_screen.empty_clear.isVisible()
    demo_screen.empty_clear.click()
    assert demo_screen.model.rowCount() == len(demo_screen.model.all_rows())


def test_dialogs_do_not_block(screen, ctx) -> None:
    screen.new_pursuit()
    assert isinstance(screen.dialog, QDialog) and screen.dialog.isVisible()
    screen.dialog.reject()


def test_export_dialog_offers_excel_and_csv(demo_screen) -> None:
    demo_screen.export_dialog()
    dialog = demo_screen.dialog
    assert dialog.objectName() == "export_file_dialog"
    assert len(dialog.nameFilters()) == 2
    assert Path(dialog.selectedFiles()[0]).name.startswith("项目")
    dialog.reject()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_filter_bar_fits_a_1024_pixel_window(qtbot, ws, language) -> None:
    """The filter combos shrink (eliding) instead of forcing the main window wider than a
    1024-pixel screen: 1024 less the navigation rail (112) and a little room."""
    from desktop.ui.pursuits_list.screen import PursuitsScreen

    from .conftest import close_error_boxes, make_context

    ctx = make_context(ws, language)
    try:
        widget = PursuitsScreen(ctx, None)
        qtbot.addWidget(widget)
        assert widget.minimumSizeHint().width() <= 1024 - 112 - 12
    finally:
        close_error_boxes()
        i18n.install("zh_CN")


def test_rows_paint_first_then_tags_and_last_touches_fill_in(qtbot, ctx) -> None:
    """The list paints from a lean read; tags and last touches (and the filter and sort that
    depend on them) follow after the paint, never a misleading count in between."""
    from desktop.ui.pursuits_list.screen import PursuitsScreen

    ws = ctx.workspace
    tagged = make(ws, "ERP 升级", tags=["续约"])
    make(ws, "MES 二期")
    screen = PursuitsScreen(ctx, None)
    qtbot.addWidget(screen)
    model = screen.model
    assert screen._flags_pending and not any(r.details for r in model.all_rows())
    idle = model.column_index("days_since_touch")
    for number in range(model.rowCount()):
        assert model.index(number, idle).data() == ""  # not yet known: blank, not a guess
    screen.filter_bar.set_filter(ListFilter(tag="续约"), emit=True)  # chosen before they come
    assert model.rowCount() == 0
    qtbot.waitUntil(lambda: not screen._flags_pending)
    assert all(r.details for r in model.all_rows())
    assert [r.id for r in model.shown_rows()] == [tagged]
    assert model.index(0, model.column_index("tags")).data() == "续约"
    assert model.index(0, idle).data() == "0"
    tags = screen.filter_bar.tag
    assert "续约" in [tags.itemText(i) for i in range(tags.count())]


def test_red_flags_are_counted_off_the_window_thread_and_fill_every_open_row(
    qtbot, demo_screen
) -> None:
    """Every open pursuit's count, as deal health gives it, arrives from a worker thread; a
    count begun before a newer load is dropped when it comes."""
    import threading

    from desktop.services import health

    screen, ws = demo_screen, demo_screen.ctx.workspace
    model, column = screen.model, screen.model.column_index("red_flags")
    expected = health.red_flag_counts(ws)
    assert len(expected) > 10
    shown = {
        row.id: model.index(number, column).data() for number, row in enumerate(model.shown_rows())
    }
    for pursuit_id, text in shown.items():
        assert text == (str(expected[pursuit_id]) if pursuit_id in expected else "")

    threads: list[str] = []
    started = threading.Thread.start

    def start(thread: threading.Thread) -> None:
        threads.append(thread.name)
        started(thread)

    first = screen._flags_generation
    screen._flags_pending = True
    # Connected before the worker starts, so its signal cannot come first; it is applied only
    # when events are processed, by then a newer load has begun.
    arrived = qtbot.waitSignal(screen.flags_counted, timeout=30_000)
    threading.Thread.start = start  # type: ignore[method-assign]
    try:
        screen.load_flags()
    finally:
        threading.Thread.start = started  # type: ignore[method-assign]
    assert threads == ["list-flags"]
    screen._flags_generation += 1  # a newer load began meanwhile
    arrived.wait()
    assert screen._flags_pending  # the old count was not applied
    assert screen._flags_generation == first + 2


def test_the_rows_in_view_show_their_red_flags_with_the_first_paint(
    qtbot, demo_ctx, monkeypatch
) -> None:
    """The rows the rep sees first are counted at once, before the worker's count of every
    open pursuit; not when the order is by red flags, which needs every count."""
    from desktop.services import health
    from desktop.ui.pursuits_list import screen as list_screen

    monkeypatch.setattr(list_screen, "IN_VIEW", 6)
    expected = health.red_flag_counts(demo_ctx.workspace)
    screen = list_screen.PursuitsScreen(demo_ctx, None)
    qtbot.addWidget(screen)
    assert screen._flags_pending  # no event processed: the worker has not even begun
    model, column = screen.model, screen.model.column_index("red_flags")
    shown = model.shown_rows()
    assert len(shown) > 6 and any(expected.get(r.id) for r in shown[:6])
    for number, row in enumerate(shown[:6]):
        text = model.index(number, column).data()
        assert text == (str(expected[row.id]) if row.id in expected else "")
    later = [r for r in shown[6:] if expected.get(r.id)]
    assert later and all(r.red_flags == 0 for r in later)  # theirs come with the worker's
    qtbot.waitUntil(lambda: not screen._flags_pending, timeout=30_000)
    assert all(r.red_flags == expected.get(r.id, 0) for r in model.all_rows())

    screen.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    screen.reload()
    assert not any(r.red_flags for r in model.all_rows())  # no order made of a few counts
    qtbot.waitUntil(lambda: not screen._flags_pending, timeout=30_000)
    assert model.shown_rows()[0].red_flags == max(expected.values())


def test_the_empty_filter_text_is_whole_at_1366(demo_screen, qtbot) -> None:
    # The label wraps: the page must give it the height its width needs, or lines are cut.
    demo_screen.resize(1366, 700)
    demo_screen.filter_bar.search.setText("没有这个项目")
    demo_screen.filter_bar._emit()
    text = demo_screen.empty_text
    qtbot.waitUntil(lambda: text.isVisible())
    assert "全部" in text.text()
    needed = text.heightForWidth(text.width())
    assert text.height() >= needed, (text.width(), text.height(), needed)
    # One short sentence is one line, not broken where there is room.
    assert needed <= text.fontMetrics().lineSpacing() + 2 * text.margin() + 4
