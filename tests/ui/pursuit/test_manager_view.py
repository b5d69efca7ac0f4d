"""The manager's view: a compact read-only page of the answers, printed to PDF and read back."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from PySide6.QtWidgets import QDialog

from desktop.services import coaching, pursuit_edits, value

from .conftest import make_pursuit


def compact(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_manager_view_prints_answers_and_gaps(open_workspace, ws, tmp_path, qtbot, lang) -> None:
    pid = make_pursuit(ws, stage=3, title="数据中台建设")
    catalog = ws.catalog
    for key, text in (
        ("s1.insider", "内线是信息中心王工"),
        ("s3.decision_maker", "李总,关系到私交"),
    ):
        target = coaching.answer_target(catalog, pid, key)
        pursuit_edits.save(ws, target, {"answer": text, "done": True})
    pursuit_edits.save(ws, value.case_target(pid), {"investment": 1_000_000_00})
    value.add_benefit(ws, pid, "人力节省", 500_000_00)
    widget = open_workspace(ws, lang)
    widget.show_pursuit(pid)
    dialog = widget.open_manager_view()
    qtbot.waitExposed(dialog)
    assert dialog.isVisible() and dialog.browser.isReadOnly()
    shown = dialog.browser.toPlainText()
    assert "内线是信息中心王工" in shown
    if lang == "zh_CN":  # brackets after a fact are full-width in Chinese: 「阶段 3 · …（进行中）」
        assert "（进行中）" in shown and " (" not in shown
    else:
        assert " (Open)" in shown

    path = tmp_path / "manager.pdf"
    pages = dialog.write_pdf(path)
    reader = PdfReader(str(path))
    assert len(reader.pages) == pages >= 1
    text = compact("".join(page.extract_text() for page in reader.pages))
    assert "数据中台建设" in text
    assert "内线是信息中心王工" in text and "李总,关系到私交" in text
    assert compact(catalog.question("s1.insider").text("zh" if lang == "zh_CN" else "en")) in text
    first = compact(reader.pages[0].extract_text())
    assert first.startswith(compact("苏州恒通电子有限公司 · 数据中台建设"))  # the running header
    assert f"1/{pages}" in first
    if lang == "zh_CN":
        assert (
            "已落实1/4" in text
        )  # stage 1: one of four points settled and "尚无答案" in text and "价值建议书" in text
        assert "回收期2年" in text
    else:
        assert "1/4settled" in text and "Noansweryet" in text and "payback2years" in text
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()


def test_manager_view_from_the_coaching_page(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws, stage=2)
    widget = open_workspace(ws, "en")
    widget.show_pursuit(pid, "coaching")
    page = widget.pages["coaching"]
    page.manager_button.click()
    dialog = widget.findChild(QDialog, "manager_view_dialog")
    assert dialog is not None and dialog.isVisible()
    assert "Stage 2" in dialog.browser.toPlainText()
    dialog.reject()
