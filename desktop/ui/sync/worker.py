"""Long sync work off the GUI thread: progress, cancel, and the import's preview question.

The export and the import each run in a Python thread with their own database connection; this
object carries their news back to the GUI thread as Qt signals (queued across threads). The
import asks its question (commit this preview?) from inside its transaction: the thread waits
until the GUI answers with `decide`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class SyncJob(QObject):
    """One export or import running in a thread."""

    progressed = Signal(str, int, int)  # phase, done, total
    preview_ready = Signal(object)  # importer.Preview: answer with decide()
    succeeded = Signal(object)  # the report
    failed = Signal(object)  # the exception (BundleError, Cancelled, StorageError …)

    def __init__(self, work: Callable[[SyncJob], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._answered = threading.Event()
        self._accept = False
        self.worker_thread: threading.Thread | None = None
        self.done = False

    # --- called from the GUI thread ---------------------------------------------------------
    def start(self) -> None:
        self.worker_thread = threading.Thread(target=self._run, name="pursuit-sync", daemon=True)
        self.worker_thread.start()

    def cancel(self) -> None:
        self._cancel.set()
        self.decide(False)

    def decide(self, accept: bool) -> None:
        self._accept = accept
        self._answered.set()

    # --- called from the worker thread ------------------------------------------------------
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, phase: str, done: int, total: int) -> None:
        self.progressed.emit(phase, done, total)

    def confirm(self, preview: Any) -> bool:
        """Ask the GUI, wait for its answer (the import's transaction stays open meanwhile)."""
        self._answered.clear()
        self.preview_ready.emit(preview)
        self._answered.wait()
        return self._accept and not self._cancel.is_set()

    def _run(self) -> None:
        try:
            report = self._work(self)
        except Exception as exc:  # every failure reaches the user as a message
            log.info("sync job failed: %s", exc, exc_info=not _expected(exc))
            self.done = True
            self.failed.emit(exc)
            return
        self.done = True
        self.succeeded.emit(report)


def _expected(exc: BaseException) -> bool:
    from desktop.services.errors import InvalidInput
    from desktop.services.sync.bundle import BundleError
    from desktop.services.sync.export import Cancelled

    return isinstance(exc, BundleError | Cancelled | InvalidInput)
