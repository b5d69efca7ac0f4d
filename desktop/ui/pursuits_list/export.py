"""Export of the shown rows, on a worker thread so the window never freezes (10,000 rows to .xlsx
take a couple of seconds); cancellable, and a cancelled or failed export leaves no file behind."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.services.queries import pursuit_list
from desktop.services.queries.pursuit_list import ExportColumn


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


class ExportJob(QObject):
    """Writes `rows` to `path` on a thread; `done(count)` or `failed(exception)` on the GUI side."""

    done = Signal(int)
    failed = Signal(object)
    progress = Signal(int)  # rows written so far

    def __init__(
        self,
        path: Path,
        columns: Sequence[ExportColumn],
        rows: Sequence[Sequence[Any]],
        sheet_title: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.columns = list(columns)
        self.rows = list(rows)
        self.sheet_title = sheet_title
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.outcome: int | BaseException | None = None  # rows written, or what went wrong

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="pursuit-export", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _rows(self) -> Iterator[Sequence[Any]]:
        for number, row in enumerate(self.rows):
            if self._cancel.is_set():
                raise ExportCancelled
            if number and number % 500 == 0:
                self.progress.emit(number)
            yield row

    def _run(self) -> None:
        try:
            count = pursuit_list.export_rows(
                self.path, self.columns, self._rows(), sheet_title=self.sheet_title
            )
        except Exception as exc:  # shown to the user on the GUI thread
            self.outcome = exc
            self.failed.emit(exc)
            return
        self.outcome = count
        self.done.emit(count)
