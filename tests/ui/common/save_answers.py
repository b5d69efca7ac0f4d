"""Helpers for the save-dialog tests of every screen: the paths to try and how to answer the box.

Every screen that writes a file the user chose runs `ui.common.output_check` on the path; these
tests choose the open database, its `-wal` and a file of another kind, then answer the box the
check opened (found in `output_check.open_boxes()`, never exec()).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from desktop.ui.common import output_check

OTHER_KINDS = {
    # What stands where the export goes: bytes a reader knows as another kind of file.
    "pdf": b"%PDF-1.4 the plan the rep printed last week\n%%EOF\n",
    "zip": b"PK\x03\x04 a workbook from the customer",
    "ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
}


def database_files(database: Path) -> list[Path]:
    """The open database and its write-ahead log, as a user might pick them in a dialog."""
    return [database, Path(f"{database}-wal")]


class SaveDialogAnswers:
    """Stands in for QFileDialog.getSaveFileName: answers with the paths given, in turn ("" =
    the user cancelled), and keeps what each call was asked (start path, options)."""

    def __init__(self, monkeypatch, *answers: Path | str) -> None:
        self.answers = [str(a) for a in answers]
        self.asked: list[tuple[str, object]] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self))

    def __call__(self, _parent, _title="", start="", _filter="", *_args, **kwargs):
        self.asked.append((start, kwargs.get("options")))
        return (self.answers.pop(0) if self.answers else ""), ""


def links_to_database(database: Path, folder: Path, suffix: str) -> list[Path]:
    """Names ending in `suffix` that lead to the database and to its `-wal` (symbolic links).

    Screens that add their suffix to a name the user typed ("p.db" becomes "p.db.png") can
    only reach the database through another spelling; a link is the one a user makes.
    """
    links = []
    for name, target in zip(("db-link", "wal-link"), database_files(database), strict=True):
        link = folder / f"{name}{suffix}"
        link.symlink_to(target)
        links.append(link)
    return links


def refusal_text(qtbot) -> str:
    """Wait for the refusal, check nothing else is asked, close it with OK; returns its text."""
    box = _wait_box(qtbot)
    assert box.objectName() == "output_refused", box.text()
    assert box.standardButtons() == QMessageBox.StandardButton.Ok  # nothing to insist with
    text = box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: box not in output_check.open_boxes())
    return text


def answer_question(qtbot, *, replace: bool) -> str:
    """Wait for the "replace?" question and answer it; returns its text."""
    box = _wait_box(qtbot)
    assert box.objectName() == "output_question", box.text()
    text = box.text()
    if replace:
        button = box.findChild(QPushButton, "replace")
    else:
        button = box.button(QMessageBox.StandardButton.Cancel)
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: box not in output_check.open_boxes())
    return text


def no_box() -> bool:
    return not output_check.open_boxes()


def _wait_box(qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: bool(output_check.open_boxes()), timeout=5000)
    boxes = output_check.open_boxes()
    assert len(boxes) == 1, [b.text() for b in boxes]
    return boxes[0]
