"""The list's export checks the chosen path: never the database, another kind only when the
user confirms (issue 23, defect 1). The dialog deletes itself; a new one comes back."""

from __future__ import annotations

from pathlib import Path

from tests.ui.common.save_answers import (
    OTHER_KINDS,
    answer_question,
    links_to_database,
    no_box,
    refusal_text,
)


def choose(screen, path: Path) -> None:
    dialog = screen.dialog
    assert dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def test_export_refuses_the_database_and_asks_before_another_kind(
    demo_screen, demo_ctx, qtbot, tmp_path: Path
) -> None:
    database = demo_ctx.workspace.path
    before = database.read_bytes()
    (tmp_path / "csv").mkdir()
    links = [
        *links_to_database(database, tmp_path, ".xlsx"),
        *links_to_database(database, tmp_path / "csv", ".csv"),
    ]
    demo_screen.export_dialog()
    for link in links:
        choose(demo_screen, link)
        assert "正在使用的数据库" in refusal_text(qtbot)
        assert demo_screen.dialog.isVisible()  # a new dialog, at the name chosen
        assert Path(demo_screen.dialog.selectedFiles()[0]).name == link.name
    assert database.read_bytes() == before

    target = tmp_path / "项目.csv"
    target.write_bytes(OTHER_KINDS["pdf"])
    choose(demo_screen, target)
    assert "是PDF 文档，不是CSV 文件" in answer_question(qtbot, replace=False)
    assert target.read_bytes() == OTHER_KINDS["pdf"]
    choose(demo_screen, target)
    answer_question(qtbot, replace=True)
    job = demo_screen.export_job
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=10_000)
    assert isinstance(job.outcome, int) and job.outcome > 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # the CSV, in place of the PDF
    assert database.read_bytes() == before and no_box()
