"""Before a screen writes a file the user chose: never over the database, and over another kind of
file only when the user says so (issue 23, defect 1, the window's half).

A save dialog once let a rep pick the open database (or its `-wal`, or a backup) as the name of a
PDF and replaced it. `services.reports.safe_output.check_output` decides what may be written where
(symlinks, hard links and case on case-insensitive disks included); this module says it in the
user's language and, when the user may insist, asks:

- the open database, its working files and a folder: one message, nothing written, and the save
  dialog comes back so the user can pick another name;
- another database, a backup of this one, or a file of another kind than the one being written:
  a question naming both kinds; "Replace" writes, Cancel brings the dialog back;
- an existing file of the same kind: the plain "replace it?" that Qt's dialog would have asked.

The dialogs' own overwrite question is switched off (`take_over_overwrite_question`,
`SAVE_OPTIONS`) so the user is asked once, by us, with words that say what is at stake. macOS's
save panel asks about every existing file whatever the options say; there we leave the plain
question to it and speak only about the database, backups and other kinds.

Every box is opened with `open()`, never `exec()`: the screens that save files are asynchronous,
and tests answer the box they find in `open_boxes()`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QDir
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.services.reports import safe_output
from desktop.services.reports.safe_output import OutputKind, OutputProblem, check_output

__all__ = [
    "SAVE_OPTIONS",
    "OutputKind",
    "ask_before_writing",
    "open_boxes",
    "take_over_overwrite_question",
]

# For QFileDialog.getSaveFileName(..., options=SAVE_OPTIONS): we ask, the dialog does not.
SAVE_OPTIONS = QFileDialog.Option.DontConfirmOverwrite
# The macOS save panel always asks before replacing a file (Qt cannot turn that off there).
_PANEL_ASKS_ITSELF = sys.platform == "darwin"

# Boxes on screen: tests answer them here, and a box must outlive the Python call that made it.
_open_boxes: list[QMessageBox] = []


def take_over_overwrite_question(dialog: QFileDialog) -> QFileDialog:
    """Stop `dialog` asking "replace?" itself: `ask_before_writing` asks once, knowing more."""
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    return dialog


def ask_before_writing(
    parent: QWidget,
    path: Path | str,
    kind: OutputKind,
    *,
    database: Path | str | None,
    write: Callable[[Path], object],
    again: Callable[[], object] | None = None,
    gave_up: Callable[[], object] | None = None,
    title: str = "",
) -> QMessageBox | None:
    """Call `write(path)` when `kind` may go to `path`, now or once the user confirms.

    `database` is the open database. When nothing is written (refused, or the user said no),
    `again()` brings the save dialog back, or else `gave_up()` is called. Returns the box
    opened (a refusal or a question), or None when `write` ran at once.
    """
    target = Path(path)
    problem = check_output(target, kind, database=database)
    if problem is None:
        if _PANEL_ASKS_ITSELF or not target.exists():
            write(target)
            return None
        return _question(parent, title, _replace_text(target), target, write, again, gave_up)
    if not problem.confirmable:
        return _refusal(parent, title, _refusal_text(problem), again, gave_up)
    return _question(parent, title, _problem_text(problem, kind), target, write, again, gave_up)


def open_boxes() -> list[QMessageBox]:
    """The refusals and questions still on screen (tests read and answer them)."""
    return [box for box in _open_boxes if shiboken6.isValid(box) and box.isVisible()]


# --- the boxes ------------------------------------------------------------------------------------
def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(
        icon,
        title or QCoreApplication.translate("OutputCheck", "Save"),
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    _open_boxes.append(box)
    box.finished.connect(lambda _result: _forget(box))
    box.destroyed.connect(lambda *_: _forget(box))
    return box


def _forget(box: QMessageBox) -> None:
    if box in _open_boxes:
        _open_boxes.remove(box)


def _refusal(
    parent: QWidget,
    title: str,
    text: str,
    again: Callable[[], object] | None,
    gave_up: Callable[[], object] | None,
) -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Warning, title, text)
    box.setObjectName("output_refused")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.finished.connect(lambda _result: _not_written(again, gave_up))
    box.finished.connect(box.deleteLater)
    box.open()
    return box


def _question(
    parent: QWidget,
    title: str,
    text: str,
    target: Path,
    write: Callable[[Path], object],
    again: Callable[[], object] | None,
    gave_up: Callable[[], object] | None,
) -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    box.setObjectName("output_question")
    replace = box.addButton(
        QCoreApplication.translate("OutputCheck", "Replace"), QMessageBox.ButtonRole.AcceptRole
    )
    replace.setObjectName("replace")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter keeps what is there

    def answered(_result: int) -> None:
        if box.clickedButton() is replace:
            write(target)
        else:
            _not_written(again, gave_up)

    box.finished.connect(answered)
    box.finished.connect(box.deleteLater)
    box.open()
    return box


def _not_written(again: Callable[[], object] | None, gave_up: Callable[[], object] | None) -> None:
    if again is not None:
        again()
    elif gave_up is not None:
        gave_up()


# --- the words ------------------------------------------------------------------------------------
def _shown(path: Path) -> str:
    return QDir.toNativeSeparators(str(path))


def _refusal_text(problem: OutputProblem) -> str:
    if problem.reason == safe_output.FOLDER:
        return QCoreApplication.translate(
            "OutputCheck", "{0} is a folder. Nothing was written; choose a file name."
        ).format(_shown(problem.path))
    return QCoreApplication.translate(
        "OutputCheck",
        "{0} is the database Pursuit has open, or one of its working files, and is never "
        "written over. Nothing was written; choose another name.",
    ).format(_shown(problem.path))


def _problem_text(problem: OutputProblem, kind: OutputKind) -> str:
    shown = _shown(problem.path)
    if problem.reason == safe_output.A_BACKUP:
        return QCoreApplication.translate(
            "OutputCheck",
            "{0} is a backup of this database. Replace it with {1}? The backup cannot be "
            "brought back.",
        ).format(shown, _kind_name(kind))
    if problem.reason == safe_output.A_DATABASE:
        return QCoreApplication.translate(
            "OutputCheck",
            "{0} is a database, perhaps one in use. Replace it with {1}? What it holds cannot "
            "be brought back.",
        ).format(shown, _kind_name(kind))
    return QCoreApplication.translate(
        "OutputCheck", "{0} is {1}, not {2}. Replace it? What it holds cannot be brought back."
    ).format(shown, _existing_name(problem.existing), _kind_name(kind))


def _replace_text(path: Path) -> str:
    return QCoreApplication.translate("OutputCheck", "{0} already exists. Replace it?").format(
        _shown(path)
    )


def _kind_name(kind: OutputKind) -> str:
    names = {
        OutputKind.SYNC: QCoreApplication.translate("OutputCheck", "a sync file"),
        OutputKind.PDF: QCoreApplication.translate("OutputCheck", "a PDF document"),
        OutputKind.ICS: QCoreApplication.translate("OutputCheck", "a calendar file"),
        OutputKind.XLSX: QCoreApplication.translate("OutputCheck", "an Excel workbook"),
        OutputKind.CSV: QCoreApplication.translate("OutputCheck", "a CSV file"),
        OutputKind.PNG: QCoreApplication.translate("OutputCheck", "a PNG picture"),
        OutputKind.SVG: QCoreApplication.translate("OutputCheck", "an SVG drawing"),
        OutputKind.BACKUP: QCoreApplication.translate("OutputCheck", "a backup"),
    }
    return names[kind]


def _existing_name(existing: str) -> str:
    # `OutputProblem.existing` holds what storage.files.sniff found (the ui may not import it).
    names = {
        "sqlite": QCoreApplication.translate("OutputCheck", "a database"),
        "pdf": QCoreApplication.translate("OutputCheck", "a PDF document"),
        "zip": QCoreApplication.translate("OutputCheck", "a ZIP archive or an Office document"),
        "ics": QCoreApplication.translate("OutputCheck", "a calendar file"),
        "sync": QCoreApplication.translate("OutputCheck", "a sync file"),
        "png": QCoreApplication.translate("OutputCheck", "a PNG picture"),
        "text": QCoreApplication.translate("OutputCheck", "a text file"),
    }
    return names.get(existing, QCoreApplication.translate("OutputCheck", "a file of another kind"))
