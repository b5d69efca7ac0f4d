"""A chart or the dashboard report saved to a chosen path: never over the database, another
kind of file only when the user confirms (issue 23, defect 1)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.common.save_answers import (
    OTHER_KINDS,
    answer_question,
    database_files,
    links_to_database,
    no_box,
    refusal_text,
)


def choose(dialog, path: Path) -> None:
    assert dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def test_chart_and_report_refuse_the_database_and_ask_before_another_kind(
    open_dashboard, demo_ws, qtbot, tmp_path: Path
) -> None:
    dashboard = open_dashboard(demo_ws)
    exporter = dashboard.exporter
    database = demo_ws.path
    before = database.read_bytes()

    exporter.export_dialog("forecast", "png")
    dialog = exporter.dialog
    for link in links_to_database(database, tmp_path, ".png"):
        choose(dialog, link)
        assert "正在使用的数据库" in refusal_text(qtbot)
        assert dialog.isVisible()
    picture = tmp_path / "预测.png"
    picture.write_bytes(OTHER_KINDS["pdf"])
    choose(dialog, picture)
    assert "是PDF 文档，不是PNG 图片" in answer_question(qtbot, replace=False)
    assert picture.read_bytes() == OTHER_KINDS["pdf"]
    choose(dialog, picture)
    answer_question(qtbot, replace=True)
    assert picture.read_bytes().startswith(b"\x89PNG")
    assert str(picture) in dashboard.status.text()

    exporter.export_report_dialog()
    dialog = exporter.dialog
    for path in database_files(database):
        choose(dialog, path)
        refusal_text(qtbot)
        assert dialog.isVisible()
    report = tmp_path / "report.pdf"
    report.write_bytes(OTHER_KINDS["zip"])
    choose(dialog, report)
    answer_question(qtbot, replace=False)
    assert report.read_bytes() == OTHER_KINDS["zip"]
    choose(dialog, report)
    answer_question(qtbot, replace=True)
    assert report.read_bytes().startswith(b"%PDF")
    assert database.read_bytes() == before and no_box()
