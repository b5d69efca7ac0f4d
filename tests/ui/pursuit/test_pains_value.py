"""Pains and the value case through the widgets: saved, refused when bad, figures as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from desktop.services import pursuit_edits, stakeholders, value
from desktop.ui.pursuit.models import Column, RecordTableModel
from desktop.ui.pursuit.widgets import ErrorLabel

from .conftest import make_pursuit, type_text


def open_page(open_workspace, ws, pid, lang="zh_CN"):
    widget = open_workspace(ws, lang)
    widget.show_pursuit(pid, "pains")
    return widget, widget.pages["pains"]


def test_add_and_fill_a_pain(open_workspace, ws, fresh, qtbot) -> None:
    pid = make_pursuit(ws, stage=2)
    person, _ = stakeholders.create_stakeholder(ws, pid, {"name": "王伟", "title": "CIO"})
    widget, page = open_page(open_workspace, ws, pid)
    assert page.empty_pains.isVisible()
    page.add_pain_button.click()
    (card,) = page.cards.values()
    assert not page.empty_pains.isVisible()
    for name, text in (("current_state", "月结 12 天"), ("pain", "看不到实时数据")):
        edit = card.findChild(QWidget, name)  # each editor is named after its field
        edit.setFocus()
        type_text(qtbot, edit, text)
    card.person.setCurrentIndex(card.person.findData(person))
    card.person.activated.emit(card.person.currentIndex())
    card.severity.setFocus()
    card.severity.lineEdit().selectAll()
    type_text(qtbot, card.severity.lineEdit(), "5")
    widget.save_state()
    (pain,) = pursuit_edits.parts_of(fresh(ws), "pain_point", pid)
    assert (pain["current_state"], pain["pain"], pain["severity"], pain["stakeholder_id"]) == (
        "月结 12 天",
        "看不到实时数据",
        5,
        person,
    )
    assert "王伟 · CIO" in [card.person.itemText(i) for i in range(card.person.count())]
    reopened = open_workspace(fresh(ws))
    reopened.show_pursuit(pid, "pains")
    (again,) = reopened.pages["pains"].cards.values()
    assert again.findChild(QWidget, "pain").toPlainText() == "看不到实时数据"
    assert again.person.currentData() == person and again.severity.value() == 5


def test_severity_out_of_range_is_refused_at_the_field(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws, stage=2)
    pain_id, _ = pursuit_edits.add_part(ws, "pain_point", pid, {"severity": 3})
    widget, page = open_page(open_workspace, ws, pid, "en")
    card = page.cards[pain_id]
    card.severity.setFocus()
    card.severity.lineEdit().selectAll()
    type_text(qtbot, card.severity.lineEdit(), "7")
    assert card.severity.lineEdit().text() == "7"  # kept, so the message can say what is wrong
    widget.autosaver.flush()
    error = card.findChild(ErrorLabel, "severity_error")
    assert error is not None and error.isVisible()
    assert "from 1 to 5" in error.text()
    assert pursuit_edits.parts_of(ws, "pain_point", pid)[0]["severity"] == 3


def test_remove_a_pain_and_undo(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws, stage=2)
    pain_id, _ = pursuit_edits.add_part(ws, "pain_point", pid, {"pain": "库存高"})
    widget, page = open_page(open_workspace, ws, pid)
    page.cards[pain_id].delete.click()
    assert pursuit_edits.parts_of(ws, "pain_point", pid) == []
    assert page.cards == {}
    widget.ctx.undo_stack.undo()
    assert [p["pain"] for p in pursuit_edits.parts_of(ws, "pain_point", pid)] == ["库存高"]
    qtbot.waitUntil(lambda: pain_id in page.cards)


def edit_cell(qtbot, table, row: int, column: int, text: str, *, commit: bool = True):
    index = table.model.index(row, column)
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = table.view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, text)
    if commit:
        press_return(qtbot, editor)
    return editor


def press_return(qtbot, editor) -> None:
    """Commit a cell editor (the delegate commits on the next turn of the event loop)."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_value_case_figures_as_you_type_and_saved(open_workspace, ws, fresh, qtbot) -> None:
    pid = make_pursuit(ws, stage=3)
    widget, page = open_page(open_workspace, ws, pid)
    # A new pursuit's empty case asks for figures; it does not say in red it never pays back.
    assert page.verdict.text() == page.tr("Enter the investment and the years to see the figures.")
    page.investment.setFocus()
    type_text(qtbot, page.investment, "300万")
    assert page.payback.text() == "—"  # no benefit yet: never pays back
    page.add_benefit()  # opens the new line's label for typing
    editor = page.benefit_table.view.focusWidget()
    type_text(qtbot, editor, "人力节省")
    press_return(qtbot, editor)
    # Typing an amount updates payback and ROI before the cell is even committed.
    editor = edit_cell(qtbot, page.benefit_table, 0, 1, "150万", commit=False)
    assert page.payback.text() == "2 年"
    assert page.roi.text() == "50%"
    press_return(qtbot, editor)
    page.add_benefit()
    editor = page.benefit_table.view.focusWidget()
    type_text(qtbot, editor, "运维费")
    press_return(qtbot, editor)
    edit_cell(qtbot, page.benefit_table, 1, 1, "-50万")
    assert page.payback.text() == "3 年" and page.roi.text() == "0%"
    page.horizon.setFocus()
    page.horizon.lineEdit().selectAll()
    type_text(qtbot, page.horizon.lineEdit(), "5")
    assert page.roi.text() == "67%"
    assert "5 年内可以收回投资" in page.verdict.text()
    page.accepted_buttons["yes"].click()
    widget.save_state()

    sheet = value.value_of(fresh(ws), pid)
    assert (sheet.case["investment"], sheet.case["horizon_years"], sheet.case["accepted"]) == (
        300_000_000,
        5,
        "yes",
    )
    assert [(b["label"], b["amount"]) for b in sheet.benefits] == [
        ("人力节省", 150_000_000),
        ("运维费", -50_000_000),
    ]
    assert sheet.result.payback_years == 3.0
    _reopened, again = open_page(open_workspace, fresh(ws), pid)
    assert again.investment.text() == "3,000,000" and again.horizon.value() == 5
    assert again.payback.text() == "3 年" and again.accepted_buttons["yes"].isChecked()


def test_text_in_a_benefit_amount_is_refused(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws, stage=3)
    line, _ = value.add_benefit(ws, pid, "人力节省", 100)
    widget, page = open_page(open_workspace, ws, pid, "en")
    edit_cell(qtbot, page.benefit_table, 0, 1, "lots")
    assert page.benefit_table.error.isVisible()
    assert "Row 1" in page.benefit_table.error.text()
    assert value.value_of(ws, pid).benefits[0]["amount"] == 100
    # Undo covers cell edits too.
    edit_cell(qtbot, page.benefit_table, 0, 1, "2000")
    assert value.value_of(ws, pid).benefits[0]["amount"] == 200_000
    widget.ctx.undo_stack.undo()
    assert value.value_of(ws, pid).benefits[0]["amount"] == 100
    assert line


def test_record_model_passes_the_model_tester(qtmodeltester) -> None:
    model = RecordTableModel(
        [Column("label", "Benefit"), Column("amount", "Per year", "signed_money")]
    )
    model.set_rows(
        [
            {"id": "a", "label": "人力节省", "amount": 100_000_00},
            {"id": "b", "label": "运维费", "amount": -20_000_00},
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(1, 1)) == "-¥20,000"
    model.set_rows([{"id": "c", "label": "x", "amount": 1}])
    qtmodeltester.check(model)
