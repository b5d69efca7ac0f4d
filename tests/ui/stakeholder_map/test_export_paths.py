"""The map's PNG and PDF exports check the chosen path: never the database, another kind of
file only when the user confirms (issue 23, defect 1)."""

from __future__ import annotations

from pathlib import Path

from desktop.ui.common.output_check import SAVE_OPTIONS
from tests.ui.common.save_answers import (
    OTHER_KINDS,
    SaveDialogAnswers,
    answer_question,
    links_to_database,
    no_box,
    refusal_text,
)


def test_png_refuses_the_database_and_asks_before_another_kind(
    editor, ctx, qtbot, tmp_path: Path, monkeypatch
) -> None:
    database = ctx.workspace.path
    before = database.read_bytes()
    db_link, wal_link = links_to_database(database, tmp_path, ".png")
    picture = tmp_path / "关键人地图.png"
    picture.write_bytes(OTHER_KINDS["pdf"])
    dialogs = SaveDialogAnswers(monkeypatch, db_link, wal_link, picture, picture)
    editor.export_png_dialog()
    assert "正在使用的数据库" in refusal_text(qtbot)
    assert "正在使用的数据库" in refusal_text(qtbot)
    assert database.read_bytes() == before
    assert "是PDF 文档，不是PNG 图片" in answer_question(qtbot, replace=False)
    assert picture.read_bytes() == OTHER_KINDS["pdf"]
    answer_question(qtbot, replace=True)
    assert picture.read_bytes().startswith(b"\x89PNG")
    assert [Path(start) for start, _ in dialogs.asked[1:]] == [db_link, wal_link, picture]
    assert all(options == SAVE_OPTIONS for _, options in dialogs.asked)
    assert no_box()


def test_pdf_refuses_the_database_and_asks_before_another_kind(
    editor, ctx, qtbot, tmp_path: Path, monkeypatch
) -> None:
    database = ctx.workspace.path
    before = database.read_bytes()
    db_link, wal_link = links_to_database(database, tmp_path, ".pdf")
    sheet = tmp_path / "map.pdf"
    sheet.write_bytes(OTHER_KINDS["zip"])
    SaveDialogAnswers(monkeypatch, db_link, wal_link, sheet, sheet)
    editor.export_pdf_dialog()
    refusal_text(qtbot)
    refusal_text(qtbot)
    assert database.read_bytes() == before
    answer_question(qtbot, replace=False)
    assert sheet.read_bytes() == OTHER_KINDS["zip"]
    answer_question(qtbot, replace=True)
    assert sheet.read_bytes().startswith(b"%PDF")
    assert no_box()
