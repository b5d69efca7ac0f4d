"""File ▸ Export for Another Computer checks the chosen path: never the database, another kind
of file only when the user confirms (issue 23, defect 1). The save dialog is stood in for by
answers given in turn; after a refusal or a "no" it is asked again."""

from __future__ import annotations

from pathlib import Path

from desktop.services.sync import importer
from desktop.ui.common.output_check import SAVE_OPTIONS
from desktop.ui.sync.actions import SyncActions
from tests.ui.common.save_answers import (
    OTHER_KINDS,
    SaveDialogAnswers,
    answer_question,
    links_to_database,
    no_box,
    refusal_text,
)


def test_export_refuses_the_database_and_asks_before_another_kind(
    qtbot, main_window, demo_ws, tmp_path: Path, monkeypatch
) -> None:
    database = demo_ws.path
    before = database.read_bytes()
    db_link, wal_link = links_to_database(database, tmp_path, ".pursuit-sync")
    plan = tmp_path / "plan.pursuit-sync"
    plan.write_bytes(OTHER_KINDS["pdf"])
    dialogs = SaveDialogAnswers(monkeypatch, db_link, wal_link, plan, plan)
    actions = main_window.findChild(SyncActions)
    dialog = actions.export_data()
    dialog.plain.setChecked(True)
    dialog.accept()

    assert "正在使用的数据库" in refusal_text(qtbot)
    assert "正在使用的数据库" in refusal_text(qtbot)
    assert database.read_bytes() == before
    assert "是PDF 文档，不是同步文件" in answer_question(qtbot, replace=False)
    assert plan.read_bytes() == OTHER_KINDS["pdf"]
    answer_question(qtbot, replace=True)
    qtbot.waitUntil(lambda: actions.job is not None and actions.job.done, timeout=20_000)
    qtbot.wait(50)  # the queued "finished" signal
    assert not importer.inspect(plan).encrypted
    # Asked four times, each time starting at the name refused, never asking "replace?" itself.
    assert [Path(start) for start, _ in dialogs.asked[1:]] == [db_link, wal_link, plan]
    assert all(options == SAVE_OPTIONS for _, options in dialogs.asked)
    assert database.read_bytes() == before
    actions.last_message.accept()
    assert no_box()


def test_a_cancelled_save_dialog_exports_nothing(qtbot, main_window, monkeypatch) -> None:
    dialogs = SaveDialogAnswers(monkeypatch)  # the user closes the save dialog
    actions = main_window.findChild(SyncActions)
    dialog = actions.export_data()
    dialog.plain.setChecked(True)
    dialog.accept()
    assert len(dialogs.asked) == 1 and actions.job is None and no_box()
