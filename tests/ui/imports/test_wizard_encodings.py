"""The import wizard's source page: a file that is no table is told so in Chinese, a Big5 file
is read as Big5 (and Big5 can be chosen), and headers that match nothing after a guessed
encoding ask for another."""

from __future__ import annotations

import os
import time
from pathlib import Path

from desktop.ui.imports import ImportActions
from desktop.ui.imports.wizard import ImportWizard


def settled(path: Path) -> Path:
    os.utime(path, (time.time() - 60, time.time() - 60))
    return path


def source_page(main_window, qtbot, path: Path, said: str):
    wizard = main_window.findChild(ImportActions).open_wizard("table", settled(path))
    assert isinstance(wizard, ImportWizard)
    qtbot.waitUntil(wizard.currentPage().isComplete, timeout=20000)
    wizard.next()
    page = wizard.source_page
    qtbot.waitUntil(lambda: said in page.status.text(), timeout=20000)
    return wizard, page


def test_a_binary_file_is_not_a_table(main_window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "bin.csv"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 20)
    wizard, page = source_page(main_window, qtbot, path, "不是表格")
    assert page.status.text() == "bin.csv 不是表格文件（CSV 或 XLSX）。未做任何更改。"
    assert not page.isComplete()
    wizard.close()


def test_big5_is_read_and_a_wrong_choice_asks_for_another(main_window, qtbot, tmp_path) -> None:
    path = tmp_path / "tw.csv"
    path.write_bytes("客戶名稱,聯絡人\r\n台北精密機械,陳大文\r\n".encode("big5"))
    wizard, page = source_page(main_window, qtbot, path, "表头在第 1 行")
    assert page.encoding.currentData() == "big5"
    assert page.encoding.currentText() == "Big5（繁体中文）（检测到）"
    assert wizard.table is not None and wizard.table.headers == ["客戶名稱", "聯絡人"]
    assert "乱码" not in page.status.text()
    page.encoding.setCurrentIndex(page.encoding.findData("gb18030"))
    page.encoding.activated.emit(page.encoding.currentIndex())
    qtbot.waitUntil(lambda: "若表头是乱码，请换一种编码" in page.status.text(), timeout=20000)
    assert "め" in wizard.table.headers[0]
    wizard.close()
