"""The grid's workbook export checks the chosen path (issue 23, defect 1), and a copy and paste
within the grid gives back text that starts like a formula exactly (defect 9's apostrophe)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection
from PySide6.QtGui import QGuiApplication

from desktop.services import indicators
from desktop.services.indicators import Cell
from tests.ui.common.save_answers import (
    OTHER_KINDS,
    answer_question,
    database_files,
    no_box,
    refusal_text,
)

TRICKY = ["=SUM(A1:A3)", "-降价 5%", "'=已加引号", "@提及", "+86 电话", "''+两个引号"]


def choose(dialog, path: Path) -> None:
    dialog.selectFile(str(path))
    dialog.accept()


def test_the_workbook_refuses_the_database_and_asks_before_another_kind(
    qtbot, tab, ctx, tmp_path: Path
) -> None:
    database = ctx.workspace.path
    before = database.read_bytes()
    dialog = tab.workbook.choose_path()
    for path in database_files(database):
        choose(dialog, path)
        assert "is never written over" in refusal_text(qtbot)
        assert dialog.isVisible()
    assert database.read_bytes() == before

    target = tmp_path / "matrix.xlsx"
    target.write_bytes(OTHER_KINDS["pdf"])
    choose(dialog, target)
    assert "is a PDF document, not an Excel workbook" in answer_question(qtbot, replace=False)
    assert target.read_bytes() == OTHER_KINDS["pdf"] and dialog.isVisible()
    choose(dialog, target)
    answer_question(qtbot, replace=True)
    assert target.read_bytes().startswith(b"PK")
    assert "Exported to" in tab.message.text() and no_box()


def test_copy_and_paste_back_keeps_formula_like_text(qtbot, tab, deal) -> None:
    pid = deal.pursuit_id
    ids = list(deal.ids)
    while len(ids) < len(TRICKY):
        criterion, _ = indicators.add_criterion(deal.ws, pid, {"name": "x", "importance": 3})
        ids.append(criterion)
    indicators.set_cells(
        deal.ws, pid, [Cell(c, "name", text) for c, text in zip(ids, TRICKY, strict=False)]
    )
    tab.set_pursuit(pid)
    model = tab.model
    name = model.column_of("name")
    rows = len(TRICKY)
    selection = tab.view.selectionModel()
    selection.select(
        QItemSelection(model.index(0, name), model.index(rows - 1, name)),
        selection.SelectionFlag.ClearAndSelect,
    )
    copied = tab.view.copy_selection()
    # What a spreadsheet receives: every would-be formula marked as text.
    assert copied.splitlines() == ["'" + text for text in TRICKY]
    assert QGuiApplication.clipboard().text() == copied

    assert tab.pasting.paste_text(model.rowCount(), name, copied)
    names = [c.name for c in deal.grid().criteria]
    assert names[-rows:] == TRICKY  # the same text, no apostrophe gained or lost
