"""What the sync messages say about documents' files, in both languages, and the export dialog's
choice to leave them out (on by default: files go with the records)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.infra import i18n
from desktop.services.sync.attachments import FilesReport
from desktop.ui.common.documents import export_files_note, import_files_note
from desktop.ui.sync.actions import SyncActions


@pytest.fixture
def chinese(qapp):
    i18n.install("zh_CN")
    yield
    i18n.install("zh_CN")


def test_the_notes_say_what_came_and_what_is_not_here(chinese) -> None:
    assert export_files_note(None, "zh") == "" and import_files_note(FilesReport(), "zh") == ""
    sent = FilesReport(files=2, bytes=2_400_000, path=Path("/x/a.pursuit-sync.files"))
    assert export_files_note(sent, "zh") == (
        "资料的文件（2 份，2.4 MB）在旁边的「a.pursuit-sync.files」里：请把两个文件一起发送。"
    )
    got = FilesReport(files=1, missing=["a.pdf", "b.pdf", "c.pdf", "d.pdf"], damaged=["x.jpg"])
    assert import_files_note(got, "zh") == (
        "收到 1 份资料的文件。收到时已损坏，未保存：「x.jpg」。请对方重新导出。"
        "不在这台电脑上（同步文件没有带上它们）：「a.pdf」、「b.pdf」、「c.pdf」，另有 1 份。"
    )
    i18n.install("en")
    assert import_files_note(FilesReport(missing=["a.pdf"]), "en") == (
        'Not on this computer (the file came without them): "a.pdf".'
    )


def test_the_export_dialog_sends_files_unless_told(main_window, tmp_path: Path) -> None:
    actions = main_window.findChild(SyncActions)
    dialog = actions.export_data(tmp_path / "x.pursuit-sync")
    assert dialog.files.isChecked() and dialog.include_files()
    dialog.files.setChecked(False)
    assert not dialog.include_files()
    dialog.reject()
