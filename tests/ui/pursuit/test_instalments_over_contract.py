"""回款 ▸ 分期回款 past the contract (the tester's ¥900,000 on an ¥850,000 pursuit): kept, since a
change order may rightly add money before the amount is raised, but said at once in the line
above the table, in the warning colour, instead of the line going quiet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services import collection, pursuit_edits
from desktop.ui.pursuit.widgets import AMBER

from .conftest import make_pursuit, type_text


def test_an_instalment_past_the_contract_is_kept_and_said(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws, stage=5, amount=850_000_00)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "collection")
    page = widget.pages["collection"]
    assert "合同中还有 ¥850,000 未排回款计划" in page.summary.text()
    page.add_instalment()
    editor = page.table.view.focusWidget()
    type_text(qtbot, editor, "90万")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    (row,) = collection.collection_of(ws, pid).instalments
    assert row["amount"] == 900_000_00  # warned, not refused
    text = page.summary.text()
    assert "分期回款比合同金额多 ¥50,000" in text and AMBER in text
    assert "未排回款计划" not in text

    # Brought back within the contract, the warning goes and the gap is said again.
    pursuit_edits.save(ws, pursuit_edits.Target("instalment", row["id"]), {"amount": 800_000_00})
    page.load()
    text = page.summary.text()
    assert "合同中还有 ¥50,000 未排回款计划" in text and "比合同金额多" not in text


def test_the_warning_in_english(open_workspace, ws) -> None:
    pid = make_pursuit(ws, stage=8, amount=100_000_00)
    for amount in (60_000_00, 60_000_00):
        pursuit_edits.add_part(ws, "instalment", pid, {"amount": amount})
    widget = open_workspace(ws, lang="en")
    widget.show_pursuit(pid, "collection")
    text = widget.pages["collection"].summary.text()
    assert "The instalments exceed the contract by ¥20,000." in text
