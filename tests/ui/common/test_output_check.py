"""The window's half of issue 23, defect 1: a path chosen in a save dialog is checked first.

The open database (however spelled) is refused with one message and the dialog comes back; a file
of another kind is replaced only when the user says so; the same kind gets the plain question the
dialog itself no longer asks. Real files, real boxes answered by clicking, never exec().
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.infra import i18n
from desktop.services import backup
from desktop.ui.common import output_check
from desktop.ui.common.output_check import OutputKind, ask_before_writing
from tests.ui.common.save_answers import (
    OTHER_KINDS,
    answer_question,
    database_files,
    no_box,
    refusal_text,
)


@pytest.fixture
def parent(qtbot):
    from desktop.app import make_application

    make_application()
    i18n.install("zh_CN")
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    i18n.install("zh_CN")


class Calls:
    """What the check did: the paths written, how often the dialog came back or was given up."""

    def __init__(self) -> None:
        self.written: list[Path] = []
        self.again = 0
        self.gave_up = 0

    def ask(self, parent: QWidget, path: Path, kind: OutputKind, database: Path, **extra):
        return ask_before_writing(
            parent,
            path,
            kind,
            database=database,
            write=self.written.append,
            again=extra.get("again", self._again),
            gave_up=self._gave_up,
        )

    def _again(self) -> None:
        self.again += 1

    def _gave_up(self) -> None:
        self.gave_up += 1


def test_the_database_is_refused_however_spelled(qtbot, parent, ws, tmp_path: Path) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(ws.path)
    hard = tmp_path / "hard.db"
    os.link(ws.path, hard)
    before = ws.path.read_bytes()
    calls = Calls()
    spellings = [*database_files(ws.path), Path(f"{ws.path}-shm"), Path(f"{ws.path}.lock")]
    paths = [*spellings, link, hard, tmp_path / "." / ws.path.name]
    for path in paths:
        box = calls.ask(parent, path, OutputKind.PDF, ws.path)
        assert box is not None
        text = refusal_text(qtbot)
        assert "正在使用的数据库" in text and "未写入任何内容" in text
    assert calls.written == [] and calls.again == len(paths) and calls.gave_up == 0
    assert ws.path.read_bytes() == before


def test_without_a_dialog_to_return_to_the_caller_hears_it_gave_up(qtbot, parent, ws) -> None:
    calls = Calls()
    calls.ask(parent, ws.path, OutputKind.SYNC, ws.path, again=None)
    refusal_text(qtbot)
    assert calls.gave_up == 1 and calls.written == []


def test_a_folder_is_refused(qtbot, parent, ws, tmp_path: Path) -> None:
    calls = Calls()
    calls.ask(parent, tmp_path, OutputKind.CSV, ws.path)
    assert "是一个文件夹" in refusal_text(qtbot)
    assert calls.written == [] and calls.again == 1


def test_another_kind_is_replaced_only_when_confirmed(qtbot, parent, ws, tmp_path: Path) -> None:
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(OTHER_KINDS["pdf"])
    calls = Calls()
    calls.ask(parent, plan, OutputKind.ICS, ws.path)
    text = answer_question(qtbot, replace=False)
    assert "是PDF 文档，不是日历文件" in text and "替换" in text
    assert calls.written == [] and calls.again == 1
    calls.ask(parent, plan, OutputKind.ICS, ws.path)
    answer_question(qtbot, replace=True)
    assert calls.written == [plan] and calls.again == 1
    assert plan.read_bytes() == OTHER_KINDS["pdf"]  # the writer, not the check, writes


def test_another_database_and_a_backup_are_asked_about(qtbot, parent, ws, tmp_path: Path) -> None:
    info = backup.make_backup(ws, "manual")
    calls = Calls()
    calls.ask(parent, info.path, OutputKind.BACKUP, ws.path)
    assert "是本数据库的备份" in answer_question(qtbot, replace=False)
    other = tmp_path / "colleague.db"
    other.write_bytes(ws.path.read_bytes()[:4096])
    calls.ask(parent, other, OutputKind.XLSX, ws.path)
    assert "是一个数据库" in answer_question(qtbot, replace=False)
    assert calls.written == [] and calls.again == 2


def test_the_same_kind_gets_one_plain_question(qtbot, parent, ws, tmp_path: Path) -> None:
    old = tmp_path / "old.pdf"
    old.write_bytes(OTHER_KINDS["pdf"])
    calls = Calls()
    calls.ask(parent, old, OutputKind.PDF, ws.path)
    assert "已存在。要替换它吗？" in answer_question(qtbot, replace=True)
    assert calls.written == [old]
    # A new name is written at once, without a box.
    assert calls.ask(parent, tmp_path / "new.pdf", OutputKind.PDF, ws.path) is None
    assert calls.written == [old, tmp_path / "new.pdf"] and no_box()


def test_english_words(qtbot, parent, ws, tmp_path: Path) -> None:
    i18n.install("en")
    sheet = tmp_path / "list.xlsx"
    sheet.write_bytes(OTHER_KINDS["ics"])
    calls = Calls()
    calls.ask(parent, sheet, OutputKind.XLSX, ws.path)
    assert "is a calendar file, not an Excel workbook. Replace it?" in answer_question(
        qtbot, replace=False
    )
    calls.ask(parent, ws.path, OutputKind.XLSX, ws.path)
    assert "is never written over. Nothing was written" in refusal_text(qtbot)


def test_chinese_messages_use_full_width_punctuation(qtbot, parent, ws, tmp_path: Path) -> None:
    texts = []
    calls = Calls()
    for path, kind in (
        (ws.path, OutputKind.PDF),
        (tmp_path, OutputKind.PDF),
    ):
        calls.ask(parent, path, kind, ws.path)
        texts.append(refusal_text(qtbot))
    for existing, kind in (("zip", OutputKind.PNG), ("pdf", OutputKind.PDF)):
        path = tmp_path / f"x.{existing}"
        path.write_bytes(OTHER_KINDS[existing])
        calls.ask(parent, path, kind, ws.path)
        texts.append(answer_question(qtbot, replace=False))
    for text in texts:
        words = text.replace(str(tmp_path), "")  # the path is the user's, not our wording
        assert not re.search(r"[\u4e00-\u9fff][?,:;()!]|[?,:;()!][\u4e00-\u9fff]", words), text


def test_the_dialog_no_longer_asks_itself(qtbot, parent) -> None:
    dialog = QFileDialog(parent)
    output_check.take_over_overwrite_question(dialog)
    assert dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)
    assert QFileDialog.Option.DontConfirmOverwrite == output_check.SAVE_OPTIONS
