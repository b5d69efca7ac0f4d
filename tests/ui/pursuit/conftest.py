"""Fixtures for the pursuit workspace: a context on a real workspace, the screen offscreen, and a
way to open the same database afresh (to check that edits were saved, not just shown)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest

from PySide6.QtWidgets import QApplication

from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services import pursuits
from desktop.services.pursuits import PursuitDraft
from desktop.storage.tables import StageChange


@pytest.fixture
def open_workspace(qtbot) -> Iterator[Callable[..., object]]:
    """open_workspace(ws, lang="zh_CN", tabs=None) -> a shown PursuitWorkspace on its own
    AppContext, with the window's tabs unless `tabs` are given."""
    from desktop.app import make_application
    from desktop.ui.context import AppContext
    from desktop.ui.pursuit.workspace import PursuitWorkspace
    from desktop.ui.screens import PURSUIT_TABS

    make_application()
    made: list[object] = []

    def make(ws, lang: str = "zh_CN", tabs=None):
        settings = Settings()
        settings.language = lang
        i18n.install(lang)
        ctx = AppContext(ws, settings)
        widget = PursuitWorkspace(ctx, None, PURSUIT_TABS if tabs is None else tabs)
        qtbot.addWidget(widget)
        widget.resize(1300, 900)
        widget.show()
        qtbot.waitExposed(widget)
        made.append(widget)
        return widget

    yield make
    from desktop.ui import errors

    for box in list(errors._open_boxes):
        box.close()
    i18n.install("zh_CN")


@pytest.fixture
def fresh(tmp_path) -> Iterator[Callable[[object], object]]:
    """fresh(ws) -> a second Workspace on the same file: what a restart would read."""
    from desktop.services.workspace import Workspace

    opened: list[Workspace] = []

    def reopen(ws):
        other = Workspace.open(ws.path)
        opened.append(other)
        return other

    yield reopen
    for other in opened:
        other.close()


def make_pursuit(ws, *, stage: int = 4, days_ago: int = 30, **extra) -> str:
    """A pursuit that began `days_ago` days ago (so past due dates are allowed)."""
    pursuit_id, _ = pursuits.create_pursuit(
        ws,
        PursuitDraft(
            title=extra.pop("title", "MES 生产执行系统"),
            account_name=extra.pop("account_name", "苏州恒通电子有限公司"),
            amount=extra.pop("amount", 1_200_000_00),
            stage=stage,
            next_step=extra.pop("next_step", "约见 CIO"),
            **extra,
        ),
    )
    with ws.write() as session:
        for change in session.query(StageChange).filter_by(pursuit_id=pursuit_id):
            change.changed_at = change.changed_at - timedelta(days=days_ago)
    return pursuit_id


def settle(qtbot, ms: int = 0) -> None:
    QApplication.processEvents()
    if ms:
        qtbot.wait(ms)


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` as key presses (QTest only knows ASCII keys, so others go as key events that
    carry their text, the way an input method delivers them)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
