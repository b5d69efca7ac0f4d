"""Long import work off the GUI thread: reading a big sheet, previewing it, writing it.

Each step runs in a Python thread (with its own database session, as the sync import does); this
object carries its progress and its end back to the GUI thread as Qt signals, queued across
threads. `cancel()` sets a flag the step's progress callback reads — every 500 rows while reading
and previewing, every 0.2 s while writing — so a Cancel lands well within a second, and the step
ends with `Cancelled` (the import rolled back: nothing changed).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class Task(QObject):
    """One step running in a thread: `work(task)` calls `task.progress(done, total)`."""

    progressed = Signal(int, int)  # done, total (0 when unknown)
    succeeded = Signal(object)  # what `work` returned
    failed = Signal(object)  # the exception

    def __init__(self, work: Callable[[Task], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.worker: threading.Thread | None = None
        self.done = False

    def start(self) -> None:
        self.worker = threading.Thread(target=self._run, name="pursuit-import", daemon=True)
        self.worker.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int = 0) -> bool:
        """Report progress (from the worker thread); False once the person has cancelled."""
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    def _run(self) -> None:
        try:
            result = self._work(self)
        except Exception as exc:  # every failure reaches the person as a message
            log.info("import step failed: %s", type(exc).__name__, exc_info=not _expected(exc))
            self.done = True
            self.failed.emit(exc)
            return
        self.done = True
        self.succeeded.emit(result)


def _expected(exc: BaseException) -> bool:
    from desktop.services.errors import InvalidInput, StorageError
    from desktop.services.imports.reading import Cancelled

    return isinstance(exc, InvalidInput | StorageError | Cancelled | OSError)
