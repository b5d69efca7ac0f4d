"""The competitive matrix tab: model, delegates, keys, drag and drop, clipboard, undo, export."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QPlainTextEdit,
    QSpinBox,
)

from desktop.services import indicators, pursuits, records
from desktop.services.indicators import CLASS, Cell, score_column
from desktop.services.workspace import Workspace
from desktop.ui.indicators.model import MIME_TYPE, IndicatorGridModel, Role

ROOT = Path(__file__).resolve().parents[3]


def column(tab, key: str) -> int:
    return tab.model.column_of(key)


def press_enter(qtbot, tab, editor) -> None:
    """Enter in an editor; the delegate commits on the next turn of the event loop."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.view.state() != QAbstractItemView.State.EditingState)


def classes(tab) -> list[str]:
    return [tab.model.class_of_row(r) for r in range(tab.model.rowCount())]


# --- the model ---------------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester, ctx, deal) -> None:
    model = IndicatorGridModel(ctx.catalog, "zh")
    model.set_grid(deal.grid())
    qtmodeltester.check(model, force_py=True)
    # And after changes in place, a new row and a removed column.
    indicators.set_cells(deal.ws, deal.pursuit_id, [Cell(deal.ids[0], "importance", 1)])
    model.set_grid(deal.grid())
    indicators.add_criterion(deal.ws, deal.pursuit_id, {"name": "实施周期"})
    indicators.remove_competitor(deal.ws, deal.pursuit_id, deal.yun)
    model.set_grid(deal.grid())
    qtmodeltester.check(model, force_py=True)
    empty = IndicatorGridModel(ctx.catalog, "en")
    qtmodeltester.check(empty, force_py=True)


def test_model_shows_classes_labels_and_best_scores(ctx, deal) -> None:
    model = IndicatorGridModel(ctx.catalog, "zh")
    model.set_grid(deal.grid())
    klass = model.column_of(CLASS)
    assert [model.index(r, klass).data() for r in range(4)] == ["优胜", "沉睡", "致命", "中性"]
    assert [model.index(r, klass).data(Role.CLASS) for r in range(4)] == [
        "winning",
        "sleeping",
        "fatal",
        "neutral",
    ]
    assert model.headerData(model.column_of(score_column(deal.sai)), Qt.Orientation.Horizontal) == (
        "赛达软件"
    )
    assert model.headerData(2, Qt.Orientation.Vertical) == "3"
    ours = model.column_of("our_score")
    assert model.index(0, ours).data(Role.BEST) is True  # 5 against 3 and 4
    assert model.index(0, model.column_of(score_column(deal.sai))).data(Role.BEST) is False
    plan = model.column_of("action_plan")
    assert model.index(2, plan).data(Role.NEEDS_PLAN) is True  # fatal without a plan
    assert model.index(0, plan).data(Role.NEEDS_PLAN) is False
    assert not model.flags(model.index(0, klass)) & Qt.ItemFlag.ItemIsEditable
    tip = model.index(2, klass).data(Qt.ItemDataRole.ToolTipRole)
    assert "降低权重" in tip


def test_set_grid_repaints_only_changed_rows(qtbot, ctx, deal) -> None:
    model = IndicatorGridModel(ctx.catalog, "en")
    model.set_grid(deal.grid())
    indicators.set_cells(deal.ws, deal.pursuit_id, [Cell(deal.ids[1], "meaning", "扫码")])
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as changed:
        model.set_grid(deal.grid())
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), bottom.row()) == (1, 1)


# --- editing through the delegates ---------------------------------------------------------


def test_edit_a_score_through_the_delegate_and_undo(qtbot, tab, deal) -> None:
    index = tab.model.index(2, column(tab, score_column(deal.sai)))  # 报价: 赛达 4
    tab.view.setCurrentIndex(index)
    tab.view.edit(index)
    editor = tab.view.findChild(QSpinBox, "score_editor")
    assert editor is not None and editor.value() == 4
    qtbot.keyClicks(editor, "1")
    press_enter(qtbot, tab, editor)
    grid = deal.grid()
    assert grid.criteria[2].scores[deal.sai] == 1
    assert classes(tab)[2] == "fatal"  # 云启 still 3 > our 2
    assert tab.bottom.summary.counts["fatal"].text() == "1"
    tab.ctx.undo_stack.undo()
    assert deal.grid().criteria[2].scores[deal.sai] == 4
    tab.ctx.undo_stack.redo()
    assert deal.grid().criteria[2].scores[deal.sai] == 1


def test_clearing_a_score_with_the_editor(qtbot, tab, deal) -> None:
    index = tab.model.index(0, column(tab, score_column(deal.yun)))
    tab.view.edit(index)
    editor = tab.view.findChild(QSpinBox, "score_editor")
    editor.setValue(0)  # shown as "–": not scored
    press_enter(qtbot, tab, editor)
    assert deal.yun not in {k for k, v in deal.grid().criteria[0].scores.items() if v}


def test_importance_edit_changes_the_class(qtbot, tab, deal) -> None:
    index = tab.model.index(0, column(tab, "importance"))
    tab.view.edit(index)
    editor = tab.view.findChild(QSpinBox, "score_editor")
    assert editor.minimum() == 1  # importance cannot be empty
    qtbot.keyClicks(editor, "2")
    press_enter(qtbot, tab, editor)
    assert classes(tab)[0] == "sleeping"
    assert tab.bottom.summary.counts["sleeping"].text() == "2"


def test_edit_texts_with_the_multiline_editor(qtbot, tab, deal) -> None:
    index = tab.model.index(2, column(tab, "action_plan"))
    tab.view.edit(index)
    editor = tab.view.findChild(QPlainTextEdit, "text_editor")
    editor.insertPlainText("拆分报价")  # an input method commits Chinese text as a whole
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    editor.insertPlainText("强调五年")
    qtbot.keyClicks(editor, " TCO")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert deal.grid().criteria[2].action_plan == "拆分报价\n强调五年 TCO"
    assert tab.model.index(2, index.column()).data(Role.NEEDS_PLAN) is False
    assert tab.bottom.summary.attention.isHidden()


def test_an_empty_name_is_refused_with_a_message(qtbot, tab, deal) -> None:
    index = tab.model.index(0, column(tab, "name"))
    tab.view.edit(index)
    editor = tab.view.findChild(QPlainTextEdit, "text_editor")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert deal.grid().criteria[0].name == "系统稳定性"
    assert "needs a name" in tab.message.text()
    assert "Nothing was changed" in tab.message.text()


def test_override_with_the_picker_then_asks_why(qtbot, tab, deal) -> None:
    index = tab.model.index(2, column(tab, "class_override"))
    tab.view.edit(index)
    editor = tab.view.findChild(QComboBox, "override_editor")
    assert editor.count() == 5
    editor.setCurrentIndex(editor.findData("neutral"))
    editor.activated.emit(editor.currentIndex())
    assert deal.grid().criteria[2].class_override == "neutral"
    assert classes(tab)[2] == "neutral"
    assert tab.model.index(2, column(tab, CLASS)).data(Role.OVERRIDDEN) is True
    # The reason cell opens for editing right after.
    qtbot.waitUntil(lambda: tab.view.findChild(QPlainTextEdit, "text_editor") is not None)
    assert tab.view.currentIndex().column() == column(tab, "override_reason")
    tab.set_override(None)
    assert deal.grid().criteria[2].class_override is None


# --- keys ----------------------------------------------------------------------------------


def type_keys(qtbot, keys) -> None:
    """Keys as the keyboard sends them: each to the widget that has the focus at that moment
    (the grid, or the cell editor a key opened)."""
    for key in keys:
        target = QApplication.focusWidget()
        assert target is not None
        qtbot.keyClick(target, key)


def focus_grid(qtbot, tab, row: int, key: str) -> None:
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(row, column(tab, key)))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.view)


def test_typed_scores_land_in_their_columns_like_a_spreadsheet(qtbot, tab, deal) -> None:
    """A digit opens the cell's editor holding it; Tab commits and moves right once."""
    focus_grid(qtbot, tab, 3, "our_score")
    K = Qt.Key
    type_keys(qtbot, [K.Key_4])
    editor = tab.view.findChild(QSpinBox, "score_editor")
    assert tab.view.state() == QAbstractItemView.State.EditingState
    assert editor is not None and editor.text() == "4"  # the digit replaced the old 3
    assert deal.grid().criteria[3].our_score == 3  # nothing saved before Tab or Enter
    type_keys(qtbot, [K.Key_Tab, K.Key_1, K.Key_Tab, K.Key_5, K.Key_Return])
    qtbot.waitUntil(lambda: tab.view.state() != QAbstractItemView.State.EditingState)
    row = deal.grid().criteria[3]
    assert (row.our_score, row.scores[deal.sai], row.scores[deal.yun]) == (4, 1, 5)
    assert classes(tab)[3] == "fatal"
    # Enter commits where it is, as the grid's editors always have.
    assert tab.view.currentIndex() == tab.model.index(3, column(tab, score_column(deal.yun)))
    # Three edits, three undo steps.
    for _ in range(3):
        tab.ctx.undo_stack.undo()
    row = deal.grid().criteria[3]
    assert (row.our_score, row.scores[deal.sai], row.scores[deal.yun]) == (3, 3, 2)


def test_tab_after_a_typed_score_moves_once_from_importance(qtbot, tab, deal) -> None:
    """The tester's "5 Tab 5 Tab 2" from the importance cell of an unscored criterion."""
    cid, _ = indicators.add_criterion(deal.ws, deal.pursuit_id, {"name": "交付周期"})
    tab.reload()
    row = tab.model.row_of(cid)
    focus_grid(qtbot, tab, row, "importance")
    K = Qt.Key
    type_keys(qtbot, [K.Key_5, K.Key_Tab, K.Key_5, K.Key_Tab, K.Key_2, K.Key_Tab])
    qtbot.waitUntil(lambda: deal.grid().criteria[row].scores.get(deal.sai) == 2)
    criterion = deal.grid().criteria[row]
    assert (criterion.importance, criterion.our_score) == (5, 5)
    assert not criterion.scores.get(deal.yun)
    assert tab.view.currentIndex().column() == column(tab, score_column(deal.yun))


def test_a_digit_outside_one_to_five_is_refused_with_a_message(qtbot, tab, deal) -> None:
    focus_grid(qtbot, tab, 3, "our_score")
    type_keys(qtbot, [Qt.Key.Key_7])
    assert "1 to 5" in tab.message.text()
    assert tab.view.state() != QAbstractItemView.State.EditingState
    assert deal.grid().criteria[3].our_score == 3
    # A full-width digit from a Chinese input method scores like the ASCII one.
    full_width = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_4, Qt.KeyboardModifier.NoModifier, "４")
    QApplication.sendEvent(tab.view, full_width)
    editor = tab.view.findChild(QSpinBox, "score_editor")
    assert editor is not None and editor.text() == "4"


def test_the_refusal_goes_once_a_valid_value_is_typed(qtbot, tab, deal) -> None:
    """The tester's 7 then 4: the warning about 7 no longer stands beside the 4 saved."""
    focus_grid(qtbot, tab, 3, "our_score")
    type_keys(qtbot, [Qt.Key.Key_7])
    assert "1 to 5" in tab.message.text()
    type_keys(qtbot, [Qt.Key.Key_4, Qt.Key.Key_Return])
    qtbot.waitUntil(lambda: deal.grid().criteria[3].our_score == 4)
    assert tab.message.text() == ""
    # A message that is not a refusal stays through an edit.
    tab.message.show_message("Exported to matrix.xlsx.", "info")
    focus_grid(qtbot, tab, 3, "our_score")
    type_keys(qtbot, [Qt.Key.Key_2, Qt.Key.Key_Return])
    qtbot.waitUntil(lambda: deal.grid().criteria[3].our_score == 2)
    assert tab.message.text() == "Exported to matrix.xlsx."


def test_delete_key_clears_cells_but_keeps_names(qtbot, tab, deal) -> None:
    model = tab.model
    selection = tab.view.selectionModel()
    for key in ("name", "our_score", score_column(deal.sai)):
        selection.select(model.index(1, column(tab, key)), selection.SelectionFlag.Select)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    row = deal.grid().criteria[1]
    assert (row.name, row.our_score, row.scores[deal.sai]) == ("移动端体验", None, None)
    tab.ctx.undo_stack.undo()
    assert deal.grid().criteria[1].our_score == 5


def test_alt_arrows_reorder_and_undo(qtbot, tab, deal) -> None:
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(2, 0))
    qtbot.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    order = [c.id for c in deal.grid().criteria]
    assert order == [deal.ids[0], deal.ids[2], deal.ids[1], deal.ids[3]]
    assert tab.view.selected_rows() == [1]  # the moved row stays selected
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [c.id for c in deal.grid().criteria][3] == deal.ids[2]
    for _ in range(3):
        tab.ctx.undo_stack.undo()
    assert [c.id for c in deal.grid().criteria] == deal.ids


def test_insert_and_delete_criteria(qtbot, tab, deal) -> None:
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    tab.toolbar.add_action.trigger()
    grid = deal.grid()
    assert len(grid.criteria) == 5 and grid.criteria[1].name == "New criterion"
    editor = tab.view.findChild(QPlainTextEdit, "text_editor")
    assert editor is not None  # the name opens for typing
    editor.insertPlainText("售后服务")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert deal.grid().criteria[1].name == "售后服务"
    tab.view.select_rows([1, 2])
    tab.toolbar.delete_action.trigger()
    assert [c.name for c in deal.grid().criteria] == ["系统稳定性", "报价", "行业案例"]
    assert "Undo" in tab.message.text()
    tab.ctx.undo_stack.undo()
    assert [c.name for c in deal.grid().criteria] == [
        "系统稳定性",
        "售后服务",
        "移动端体验",
        "报价",
        "行业案例",
    ]


# --- drag and drop -------------------------------------------------------------------------


def drop_rows(tab, mime: QMimeData, pos: QPoint, *, target=None) -> QDropEvent:
    target = target or tab.view.viewport()
    actions = Qt.DropAction.MoveAction
    buttons = Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, actions, mime, buttons, none)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(pos, actions, mime, buttons, none)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(pos.toPointF(), actions, mime, buttons, none)
    QApplication.sendEvent(target, drop)
    return drop


def test_drag_rows_to_a_new_rank_is_one_undo_step(qtbot, tab, deal) -> None:
    view = tab.view
    mime = tab.model.mime_for_rows([2, 3])
    pos = QPoint(50, view.rowViewportPosition(0) + 3)  # the top half of row 1
    count = tab.ctx.undo_stack.count()
    drop = drop_rows(tab, mime, pos)
    assert drop.isAccepted()
    assert [c.id for c in deal.grid().criteria] == [
        deal.ids[2],
        deal.ids[3],
        deal.ids[0],
        deal.ids[1],
    ]
    assert tab.ctx.undo_stack.count() == count + 1
    assert view.selected_rows() == [0, 1]
    tab.ctx.undo_stack.undo()
    assert [c.id for c in deal.grid().criteria] == deal.ids


def test_drop_on_the_row_numbers_and_below_the_last_row(qtbot, tab, deal) -> None:
    view = tab.view
    header = view.verticalHeader()
    pos = QPoint(5, view.rowViewportPosition(1) + view.rowHeight(1) - 3)  # lower half of row 2
    drop_rows(tab, tab.model.mime_for_rows([0]), pos, target=header.viewport())
    assert [c.id for c in deal.grid().criteria][:2] == [deal.ids[1], deal.ids[0]]
    drop_rows(tab, tab.model.mime_for_rows([0]), QPoint(50, view.viewport().height() - 5))
    assert [c.id for c in deal.grid().criteria][-1] == deal.ids[1]


def test_foreign_drags_are_refused(qtbot, tab, deal) -> None:
    other = QMimeData()
    other.setData(MIME_TYPE, b'{"kind": "indicator", "pursuit": "other", "ids": ["x"]}')
    drop = drop_rows(tab, other, QPoint(50, 5))
    assert not drop.isAccepted()
    text = QMimeData()
    text.setText("hello")
    assert not drop_rows(tab, text, QPoint(50, 5)).isAccepted()
    assert [c.id for c in deal.grid().criteria] == deal.ids


def test_row_header_press_and_move_starts_a_drag(qtbot, tab, deal, monkeypatch) -> None:
    started = []
    monkeypatch.setattr(tab.view, "start_row_drag", lambda rows: started.append(rows))
    header = tab.view.verticalHeader()
    y = tab.view.rowViewportPosition(1) + 5
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, y))
    header.gesture.move(QPoint(10, y + 40))
    assert started == [[1]]


# --- clipboard -----------------------------------------------------------------------------


def test_copy_gives_tab_separated_text(qtbot, tab, deal) -> None:
    model = tab.model
    selection = tab.view.selectionModel()
    top = model.index(0, column(tab, "name"))
    bottom = model.index(1, column(tab, score_column(deal.sai)))
    from PySide6.QtCore import QItemSelection

    selection.select(QItemSelection(top, bottom), selection.SelectionFlag.Select)
    text = tab.view.copy_selection()
    assert text == "系统稳定性\t\t5\t5\t3\n移动端体验\t\t2\t5\t2\n"
    assert QGuiApplication.clipboard().text() == text


def test_paste_a_block_from_a_spreadsheet(qtbot, tab, deal) -> None:
    QGuiApplication.clipboard().setText("5\t4\t1\r\n3\t2\t3\r\n")
    tab.view.setCurrentIndex(tab.model.index(2, column(tab, "our_score")))
    tab.view.selectionModel().select(
        tab.view.currentIndex(), tab.view.selectionModel().SelectionFlag.ClearAndSelect
    )
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    grid = deal.grid()
    assert [(c.our_score, c.scores[deal.sai], c.scores[deal.yun]) for c in grid.criteria[2:]] == [
        (5, 4, 1),
        (3, 2, 3),
    ]
    assert classes(tab)[2:] == ["winning", "neutral"]
    assert "Pasted 6 cells" in tab.message.text()
    tab.ctx.undo_stack.undo()  # one step for the whole block
    assert deal.grid().criteria[2].our_score == 2


def test_paste_new_criteria_below_the_grid(qtbot, tab, deal) -> None:
    text = "售后服务\t7×24 热线\t4\t5\t3\t3\n培训\t\t2\t4\n"
    assert tab.pasting.paste_text(4, 0, text)
    grid = deal.grid()
    assert [c.name for c in grid.criteria[4:]] == ["售后服务", "培训"]
    assert grid.criteria[5].scores == {}
    assert "Added 2 criteria" in tab.message.text()


def test_a_bad_pasted_value_refuses_the_block_and_names_the_cell(qtbot, tab, deal) -> None:
    before = deal.grid().criteria
    assert not tab.pasting.paste_text(0, column(tab, "our_score"), "4\t4\t3\n5\t7\t3\n")
    assert deal.grid().criteria == before
    message = tab.message.text()
    assert "Row 2" in message and "赛达软件" in message and '"7"' in message
    assert "Nothing was pasted" in message
    assert tab.message.kind == "warning"
    assert not tab.pasting.paste_text(0, column(tab, "importance"), "很重要")
    assert "Importance" in tab.message.text()


def test_a_ragged_block_fills_what_it_reaches(qtbot, tab, deal) -> None:
    assert tab.pasting.paste_text(0, column(tab, "our_score"), "1\t1\t1\n2\n3\t3")
    grid = deal.grid()
    assert [(c.our_score, c.scores[deal.sai], c.scores[deal.yun]) for c in grid.criteria[:3]] == [
        (1, 1, 1),
        (2, 2, 3),
        (3, 3, 3),
    ]


def test_one_value_fills_the_selection(qtbot, tab, deal) -> None:
    selection = tab.view.selectionModel()
    importance = column(tab, "importance")
    for row in range(4):
        selection.select(tab.model.index(row, importance), selection.SelectionFlag.Select)
    assert tab.pasting.paste_text(0, importance, "5")
    assert [c.importance for c in deal.grid().criteria] == [5, 5, 5, 5]


# --- competitor columns --------------------------------------------------------------------


def test_remove_a_competitor_column_and_undo(qtbot, tab, deal) -> None:
    columns = tab.model.columnCount()
    tab.competitors.remove_competitor(deal.sai)
    assert tab.model.columnCount() == columns - 1
    assert score_column(deal.sai) not in tab.model.columns
    assert "removed" in tab.message.text()
    tab.ctx.undo_stack.undo()
    assert tab.model.columns.index(score_column(deal.sai)) == 4  # back in its place
    assert deal.grid().criteria[0].scores[deal.sai] == 3


def test_move_competitor_columns(qtbot, tab, deal) -> None:
    menu = tab.competitors.header_menu(column(tab, score_column(deal.yun)))
    assert [a.text() for a in menu.actions() if a.text()][:3] == [
        "Profile of 云启科技…",
        "Move left",
        "Move right",
    ]
    tab.competitors.move_competitor(deal.yun, -1)
    assert deal.grid().competitor_ids == [deal.yun, deal.sai]
    tab.ctx.undo_stack.undo()
    assert deal.grid().competitor_ids == [deal.sai, deal.yun]


def test_everything_is_there_after_reopening(qtbot, tab, deal, ctx) -> None:
    from desktop.ui.context import AppContext
    from desktop.ui.indicators.widget import IndicatorGridWidget

    tab.pasting.paste_text(0, column(tab, "meaning"), "可用率 99.9%")
    tab.move_rows([deal.ids[3]], 0)
    again = Workspace.open(deal.ws.path)
    try:
        other = IndicatorGridWidget(AppContext(again, ctx.settings))
        qtbot.addWidget(other)
        other.set_pursuit(deal.pursuit_id)
        model = other.model
        assert model.index(0, model.column_of("name")).data() == "行业案例"
        assert model.index(1, model.column_of("meaning")).data() == "可用率 99.9%"
        assert model.columnCount() == tab.model.columnCount()
    finally:
        again.close()


def test_a_deleted_pursuit_empties_the_tab(qtbot, tab, deal) -> None:
    tab.ctx.perform(records.delete, "pursuit", deal.pursuit_id)
    assert tab.model.rowCount() == 0
    assert "no longer exists" in tab.empty.text()
    assert not tab.toolbar.add_action.isEnabled()


def test_empty_grid_explains_and_offers_actions(qtbot, ctx, ws) -> None:
    from desktop.services.pursuits import PursuitDraft
    from desktop.ui.indicators.widget import IndicatorGridWidget

    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="WMS", account_name="青岛港务"))
    widget = IndicatorGridWidget(ctx)
    qtbot.addWidget(widget)
    widget.set_pursuit(pid)
    widget.show()
    assert widget.empty.isVisible() and "Ctrl+V" in widget.empty.text()
    assert widget.hint.isVisible() and "competitor" in widget.hint.text()
    widget._link("add")
    assert [c.name for c in indicators.load_grid(ws, pid).criteria] == ["New criterion"]
    assert not widget.empty.isVisible()


# --- export, chart, language ----------------------------------------------------------------


def test_export_reads_back_with_the_same_values(qtbot, tab, deal, tmp_path) -> None:
    indicators.set_cells(deal.ws, deal.pursuit_id, [Cell(deal.ids[2], "action_plan", "拆分报价")])
    path = tmp_path / "matrix.xlsx"
    assert tab.workbook.export_to(path)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    titles = [tab.model.title(k) for k in tab.model.columns]
    assert list(rows[0]) == ["Rank", *titles]
    grid = deal.grid()
    for rank, (row, criterion) in enumerate(zip(rows[1:], grid.criteria, strict=True), start=1):
        expected = [rank, criterion.name, criterion.meaning or None, criterion.importance]
        expected += [criterion.our_score, *(criterion.scores[c] for c in grid.competitor_ids)]
        assert list(row[: len(expected)]) == expected
    assert [r[titles.index("Class") + 1] for r in rows[1:]] == [
        "Winning",
        "Sleeping",
        "Fatal",
        "Neutral",
    ]
    assert rows[3][titles.index("Action plan") + 1] == "拆分报价"
    summary = list(book.worksheets[1].iter_rows(values_only=True))
    assert summary[1][:3] == ("Us", 5 * 5 + 2 * 5 + 4 * 2 + 3 * 3, 70)
    competitors = list(book.worksheets[2].iter_rows(values_only=True))
    assert [r[0] for r in competitors[1:]] == ["赛达软件", "云启科技"]
    assert "Exported" in tab.message.text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export-")] == []


def test_export_to_a_folder_that_cannot_be_written(qtbot, tab, tmp_path) -> None:
    assert not tab.workbook.export_to(tmp_path / "missing" / "matrix.xlsx")
    assert "Nothing was exported" in tab.message.text()


@pytest.mark.parametrize("ctx", ["zh_CN"], indirect=True)
def test_export_says_why_in_the_users_language(qtbot, tab, tmp_path) -> None:
    # The reason in the window's words (services.os_errors, as the command line says it), not the
    # system's "No such file or directory" inside a Chinese line.
    assert not tab.workbook.export_to(tmp_path / "missing" / "matrix.xlsx")
    assert "文件或文件夹不存在" in tab.message.text()
    assert "No such file" not in tab.message.text()


def test_chart_draws_when_shown(qtbot, tab, deal) -> None:
    tab.toolbar.chart_action.setChecked(True)
    qtbot.waitUntil(lambda: tab.bottom.chart.canvas is not None, timeout=10000)
    assert tab.bottom.chart.draws == 1
    tab.pasting.paste_text(0, column(tab, "our_score"), "1")
    qtbot.waitUntil(lambda: tab.bottom.chart.draws == 2, timeout=3000)
    axes = tab.bottom.chart.figure.axes
    assert [t.get_text() for t in axes[0].get_yticklabels()] == ["Us", "赛达软件", "云启科技"]
    tab.save_state()
    assert tab.ctx.settings.screen_state("indicators")["chart"] is True


def test_opening_the_grid_does_not_import_matplotlib(tmp_path) -> None:
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from desktop.services.workspace import Workspace\n"
        "from desktop.infra.settings import Settings\n"
        "from desktop.ui.context import AppContext\n"
        "from desktop.ui.indicators.widget import IndicatorGridWidget\n"
        f"ws = Workspace.open({str(tmp_path / 'x.db')!r})\n"
        "w = IndicatorGridWidget(AppContext(ws, Settings()))\n"
        "w.show(); app.processEvents()\n"
        "print('matplotlib' in sys.modules)\n"
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "PURSUIT_DATA_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize("ctx", ["zh_CN"], indirect=True)
def test_chinese_titles_and_messages(qtbot, tab, deal) -> None:
    model = tab.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles[:4] == ["采购指标", "指标内涵", "重要性", "我方"]
    assert titles[4:6] == ["赛达软件", "云启科技"]
    assert model.index(0, model.column_of(CLASS)).data() == "优胜"
    assert tab.bottom.summary.counts["fatal"].text() == "1"
    tab.pasting.paste_text(0, model.column_of("our_score"), "9")
    assert "第 1 行" in tab.message.text() and "未粘贴任何内容" in tab.message.text()
    assert tab.toolbar.add_action.text() == "添加指标"


def test_the_tab_is_registered(qtbot, ctx) -> None:
    from desktop.ui.screens import PURSUIT_TABS

    tab = next(t for t in PURSUIT_TABS if t.key == "indicators")
    widget = tab.create(ctx, None)
    qtbot.addWidget(widget)
    assert hasattr(widget, "set_pursuit")
    assert tab.title() == "Buying criteria"


def test_a_failed_edit_leaves_no_undo_step(qtbot, tab, deal) -> None:
    from desktop.ui import errors

    # The criterion is deleted behind the tab's back (another window, an import).
    indicators.delete_criteria(deal.ws, deal.pursuit_id, [deal.ids[0]])
    count = tab.ctx.undo_stack.count()
    assert not tab.model.setData(tab.model.index(0, column(tab, "our_score")), 1)
    assert tab.ctx.undo_stack.count() == count
    box = errors._open_boxes[-1]
    assert "no longer exists" in box.text()
    box.close()
    assert tab.model.rowCount() == 3  # and the tab shows what is there now


def test_context_menus_reach_every_action(qtbot, tab, deal) -> None:
    index = tab.model.index(1, column(tab, score_column(deal.yun)))
    texts = [a.text() for a in tab.cell_menu(index).actions()]
    for wanted in ("Copy", "Paste", "Add criterion", "Add competitor…", "Profile of 云启科技…"):
        assert wanted in texts
    assert "Remove 云启科技 from this pursuit" in texts
    override = tab.cell_menu(index).findChild(type(tab.cell_menu(index)), "override_menu")
    override.actions()[3].trigger()  # "Fatal" for row 2
    assert deal.grid().criteria[1].class_override == "fatal"
    header = [a.text() for a in tab.competitors.header_menu(column(tab, "name")).actions()]
    assert header == ["Add competitor…"]
