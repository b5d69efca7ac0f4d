"""PySide6 6.12.0 drops a reference to None per void call on Python 3.11 (PLATFORM-NOTES.md).

100,000 such calls must leave None's reference count where it was, or the process will abort.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_calls_do_not_leak_none_references(qapp) -> None:
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(100_000):
        widget.setObjectName("a")
    assert sys.getrefcount(None) >= before - 100
