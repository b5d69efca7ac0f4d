"""The sync folder dialog grows to hold its note and shrinks back when it goes: the text boxes
keep their height and their text is not clipped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.ui.sync.folder import FolderDialog


def _boxes(dialog: FolderDialog) -> list[QLineEdit]:
    return [dialog.folder_edit, dialog.passphrase_edit, dialog.name_edit]


def test_the_note_on_a_passphrase_that_opens_nothing_grows_the_dialog(
    qtbot, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = FolderDialog(str(tmp_path), "", False, "", parent, fits=lambda _f, _p: False)
    dialog.passphrase_edit.setText("a passphrase nobody uses")
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    box_height = dialog.passphrase_edit.height()
    assert box_height >= dialog.passphrase_edit.minimumSizeHint().height()

    dialog.ok_button.click()
    qtbot.waitUntil(dialog.use_new.isVisible, timeout=10_000)
    assert dialog.problem.isVisible() and dialog.problem.text()
    assert dialog.height() > before
    assert [box.height() for box in _boxes(dialog)] == [box_height] * 3

    dialog.passphrase_edit.end(False)  # the note selected the passphrase: type after it
    qtbot.keyClicks(dialog.passphrase_edit, "x")  # an edit withdraws the note
    assert not dialog.problem.isVisible() and dialog.height() == before

    # Narrower, the note takes more lines: the dialog's minimum follows, nothing squeezes.
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.use_new.isVisible, timeout=10_000)
    dialog.resize(dialog.minimumSizeHint().width(), dialog.height())
    qtbot.waitUntil(lambda: dialog.height() >= dialog.minimumHeight())
    assert [box.height() for box in _boxes(dialog)] == [box_height] * 3
    dialog.reject()
