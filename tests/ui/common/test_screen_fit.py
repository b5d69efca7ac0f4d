"""Dialogs with a large preferred size stay inside the screen's free area."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog

from desktop.ui.common.screen_fit import SIDE_BORDERS, TITLE_BAR, fitting, resize_to_fit


def test_a_tall_dialog_is_cut_to_the_screen_and_a_small_one_is_left_alone(qtbot) -> None:
    room = QApplication.primaryScreen().availableGeometry()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    resize_to_fit(dialog, room.width() + 200, room.height() + 300)
    assert dialog.width() <= room.width() - SIDE_BORDERS  # the frame's borders stay on it too
    assert dialog.height() <= room.height() - TITLE_BAR
    assert fitting(dialog, 300, 200).toTuple() == (300, 200)
