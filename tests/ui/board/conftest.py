"""Fixtures for the board: a context on a real workspace, the screen shown offscreen, pursuits
made through the services, and synthetic drag-and-drop through the real views."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services import pursuits, records
from desktop.services.pursuits import PursuitDraft


@pytest.fixture
def ctx(qtbot, ws) -> Iterator[object]:
    from desktop.app import make_application
    from desktop.ui.context import AppContext

    make_application()
    settings = Settings()
    i18n.install(settings.language)
    context = AppContext(ws, settings)
    yield context
    from desktop.ui import errors

    for box in list(errors._open_boxes):
        box.close()


@pytest.fixture
def screen(qtbot, ctx):
    from desktop.ui.board.screen import BoardScreen

    widget = BoardScreen(ctx, None)
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def make(ws, title: str, *, stage: int = 1, account: str = "苏州恒通电子有限公司", **extra) -> str:
    pursuit_id, _ = pursuits.create_pursuit(
        ws,
        PursuitDraft(title=title, account_name=account, amount=1_000_000_00, stage=stage, **extra),
    )
    return pursuit_id


def answer_all(ws, pursuit_id: str, stage: int) -> None:
    """Answer every coaching point of `stage`, so a one-stage move passes the gate silently."""
    for question in ws.catalog.stage(stage).questions:
        records.create(
            ws,
            "coaching_answer",
            {
                "pursuit_id": pursuit_id,
                "question_key": question.key,
                "stage": stage,
                "answer": "已确认",
                "done": True,
            },
        )


def drop(view, ids: Sequence[str], pos: QPoint) -> None:
    """A drag entering `view`, moving to `pos` and dropping there, as Qt would deliver it."""
    from desktop.ui.board.model import encode_ids

    mime = encode_ids(list(ids))
    target = view.viewport()
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    action = Qt.DropAction.MoveAction
    enter = QDragEnterEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(target, move)
    assert move.isAccepted()
    event = QDropEvent(QPointF(pos), action, mime, buttons, mods)
    QApplication.sendEvent(target, event)


def above(view, row: int) -> QPoint:
    """A point in the upper half of the card at `row` (a drop lands before it)."""
    index = view.model().index(row, 0, view.rootIndex())
    rect = view.visualRect(index)
    return QPoint(rect.center().x(), rect.top() + 6)


def below_all(view) -> QPoint:
    """A point under the last card (or anywhere in an empty column)."""
    count = view.model().rowCount(view.rootIndex())
    if not count:
        return QPoint(40, 30)
    rect = view.visualRect(view.model().index(count - 1, 0, view.rootIndex()))
    return QPoint(rect.center().x(), min(rect.bottom() + 20, view.viewport().height() - 2))


def titles(screen, stage: int) -> list[str]:
    return [c.title for c in screen.model.cards_in(stage)]


def error_boxes() -> list[QMessageBox]:
    from desktop.ui import errors

    return [b for b in errors._open_boxes if b.isVisible()]


@pytest.fixture
def kit():
    """The helpers above, for tests (conftest modules are not importable by name)."""
    from types import SimpleNamespace

    return SimpleNamespace(
        make=make,
        answer_all=answer_all,
        drop=drop,
        above=above,
        below_all=below_all,
        titles=titles,
        error_boxes=error_boxes,
    )
