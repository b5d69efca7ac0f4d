"""An error no screen caught is told to the rep once, with where the details are, instead of a
window that silently does nothing (it used to go to the log alone)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import app
from desktop.infra import paths


def test_an_uncaught_error_is_told_once_with_the_log(qtbot) -> None:
    told: list[str] = []

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                told.append(widget.text())
                widget.accept()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    try:
        app.tell_unexpected_error()
        app.tell_unexpected_error()  # a second error while the first is being told: log only
        qtbot.waitUntil(lambda: bool(told), timeout=5000)
        qtbot.wait(200)
    finally:
        timer.stop()
    assert len(told) == 1
    assert str(paths.log_file()) in told[0]
    app.tell_unexpected_error()  # told again once the first message is closed
    timer.start(20)
    try:
        qtbot.waitUntil(lambda: len(told) == 2, timeout=5000)
    finally:
        timer.stop()
