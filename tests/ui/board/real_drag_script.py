"""Drive a real QDrag on the board, as a user's mouse would (run by test_board_real_drag.py).

Offscreen, QDrag.exec() returns at once, so this runs in its own process on the `minimal`
platform (or xcb under Xvfb), where Qt's own drag machinery runs (PLATFORM-NOTES.md): press on a
card, move past the drag distance — the view starts the drag and exec() blocks — then timers move
the pointer over another column and release it there. A watchdog cancels a drag that hangs.

Usage: real_drag_script.py DATABASE; prints one JSON line with what happened.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.app import make_application
from desktop.infra.settings import Settings
from desktop.services import pursuits, records
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board
from desktop.services.workspace import Workspace
from desktop.ui.board.screen import BoardScreen
from desktop.ui.context import AppContext


def mouse(kind: QEvent.Type, widget, local: QPoint, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind,
        QPointF(local),
        QPointF(widget.mapToGlobal(local)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def main(path: str) -> int:
    app = make_application()
    ws = Workspace.open(Path(path))
    ids = []
    for title in ("A", "B", "C"):
        pursuit_id, _ = pursuits.create_pursuit(
            ws, PursuitDraft(title=title, account_name="苏州恒通电子有限公司", amount=100_00)
        )
        ids.append(pursuit_id)
    for pursuit_id in ids[:2]:  # A and B may pass the gate silently
        for question in ws.catalog.stage(1).questions:
            records.create(
                ws,
                "coaching_answer",
                {
                    "pursuit_id": pursuit_id,
                    "question_key": question.key,
                    "stage": 1,
                    "answer": "ok",
                    "done": True,
                },
            )
    ctx = AppContext(ws, Settings())
    screen = BoardScreen(ctx, None)
    screen.resize(1400, 800)
    screen.show()
    for _ in range(20):
        app.processEvents()
    screen.board.select_ids(ids[:2])
    source = screen.board.view_of(1)
    target = screen.board.view_of(2)
    start = source.visualRect(screen.model.index_of(ids[0])).center()
    report: dict[str, object] = {"drag_started": False, "dragging": []}

    original = source.startDrag

    def watch_start(actions):
        report["drag_started"] = True
        return original(actions)

    source.startDrag = watch_start  # type: ignore[method-assign]

    def over_target() -> None:
        report["dragging"] = sorted(screen.delegate.dragging)
        spot = QPoint(target.viewport().width() // 2, 40)
        for step in range(4):
            mouse(
                QEvent.Type.MouseMove,
                target.viewport(),
                spot + QPoint(0, step * 3),
                Qt.MouseButton.LeftButton,
            )
            app.processEvents()
        report["drop_row_while_over"] = target.drop_row
        mouse(
            QEvent.Type.MouseButtonRelease,
            target.viewport(),
            spot + QPoint(0, 9),
            Qt.MouseButton.NoButton,
        )

    QTimer.singleShot(300, over_target)
    QTimer.singleShot(8000, QDrag.cancel)  # watchdog: never hang the test run
    source.setFocus()
    mouse(QEvent.Type.MouseButtonPress, source.viewport(), start, Qt.MouseButton.LeftButton)
    distance = QApplication.startDragDistance() + 8
    for step in range(1, 4):
        mouse(
            QEvent.Type.MouseMove,
            source.viewport(),
            start + QPoint(step * distance, 0),
            Qt.MouseButton.LeftButton,
        )
    for _ in range(10):
        app.processEvents()
    cards = {c.title: c.stage for c in board.board_cards(ws)}
    report.update(
        stages=cards,
        history=[len(pursuits.stage_history(ws, i)) for i in ids],
        undo=ctx.undo_stack.count(),
        shown={n: [c.title for c in screen.model.cards_in(n)] for n in (1, 2)},
        expected_ids=sorted(ids[:2]),
    )
    print(json.dumps(report, ensure_ascii=False))
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
