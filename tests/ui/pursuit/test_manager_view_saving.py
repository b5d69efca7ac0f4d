"""The manager's view saved as PDF: never over the database, another kind only when confirmed,
and written whole or not at all (temporary file, verified, renamed; issue 23)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.services.reports import safe_output
from tests.ui.common.save_answers import (
    OTHER_KINDS,
    answer_question,
    database_files,
    no_box,
    refusal_text,
)

from .conftest import make_pursuit


def choose(dialog, path: Path) -> None:
    dialog.selectFile(str(path))
    dialog.accept()


def open_view(open_workspace, ws, qtbot):
    widget = open_workspace(ws, "zh_CN")
    widget.show_pursuit(make_pursuit(ws, stage=3, title="数据中台建设"))
    view = widget.open_manager_view()
    qtbot.waitExposed(view)
    return view


def test_save_refuses_the_database_and_asks_before_another_kind(
    open_workspace, ws, qtbot, tmp_path: Path
) -> None:
    view = open_view(open_workspace, ws, qtbot)
    before = ws.path.read_bytes()
    dialog = view.save_dialog()
    for path in database_files(ws.path):
        choose(dialog, path)
        assert "不能被覆盖" in refusal_text(qtbot)
        assert dialog.isVisible()
    assert ws.path.read_bytes() == before

    sheet = tmp_path / "经理视图.pdf"
    sheet.write_bytes(OTHER_KINDS["zip"])
    choose(dialog, sheet)
    assert "ZIP 压缩包或 Office 文档" in answer_question(qtbot, replace=False)
    assert sheet.read_bytes() == OTHER_KINDS["zip"] and dialog.isVisible()
    choose(dialog, sheet)
    answer_question(qtbot, replace=True)
    assert len(PdfReader(str(sheet)).pages) >= 1
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert no_box()
    view.reject()


def test_a_pdf_cut_short_leaves_the_old_file(open_workspace, ws, qtbot, tmp_path, monkeypatch):
    view = open_view(open_workspace, ws, qtbot)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "view.pdf"
    target.write_bytes(OTHER_KINDS["pdf"])

    def full_disk(path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_output, "verify_pdf", full_disk)
    with pytest.raises(OSError, match="No space left"):
        view.write_pdf(target)
    assert target.read_bytes() == OTHER_KINDS["pdf"]
    assert [p.name for p in folder.iterdir()] == ["view.pdf"]  # no temporary file left
    view.reject()


def test_a_folder_that_cannot_be_written_is_an_error_not_a_warning(
    open_workspace, ws, qtbot, tmp_path
) -> None:
    view = open_view(open_workspace, ws, qtbot)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(OSError):
        view.write_pdf(blocker / "view.pdf")
    assert blocker.read_text() == "a file where a folder should be"
    view.reject()


def test_verify_pdf_catches_a_file_cut_short(open_workspace, ws, qtbot, tmp_path) -> None:
    view = open_view(open_workspace, ws, qtbot)
    whole = tmp_path / "whole.pdf"
    view.write_pdf(whole)
    safe_output.verify_pdf(whole)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(OSError):
        safe_output.verify_pdf(cut)
    view.reject()
