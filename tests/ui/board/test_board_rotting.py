"""Rotting on the board's card: the days since the last touch colour the card, and its tooltip
names what the last touch was (read from real SQLite)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from desktop.services import activities, pursuits
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board
from desktop.ui.board.delegate import MARGIN_X, CardDelegate


def _days_ago(days: int) -> datetime:
    return (datetime.now(UTC) - timedelta(days=days)).replace(tzinfo=None, microsecond=0)


def _edge(delegate: CardDelegate, card: board.BoardCard) -> QColor:
    app = QApplication.instance()
    pixmap = QPixmap(260, delegate.card_height(app.font()))
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    delegate.paint_card(painter, pixmap.rect(), app.palette(), app.font(), card)
    painter.end()
    return pixmap.toImage().pixelColor(MARGIN_X + 2, pixmap.height() // 2)


def test_the_card_rots_until_a_note_touches_it_and_its_tooltip_names_the_note(
    qtbot, ws, request
) -> None:
    from desktop.infra import i18n

    i18n.install("en")
    request.addfinalizer(lambda: i18n.install("zh_CN"))
    pursuit_id, _ = pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通"))
    with ws.write() as session:
        session.execute(
            text("UPDATE pursuits SET stage_entered_at = :t WHERE id = :p"),
            {"t": _days_ago(40).isoformat(sep=" "), "p": pursuit_id},
        )
    delegate = CardDelegate(ws.catalog, "en", lambda stage: 14)

    rotting = board.board_card(ws, pursuit_id)
    assert rotting is not None
    tip = delegate.tooltip(rotting)
    assert "Rotting: 40 days untouched (limit 14)" in tip
    assert "Last touch: entering the current stage" in tip
    amber = _edge(delegate, rotting)
    assert amber.red() > 200 and amber.blue() < 80

    activities.add_note(ws, "与信息中心主任通话", pursuit_id=pursuit_id, noted_at=_days_ago(2))
    touched = board.board_card(ws, pursuit_id)
    assert touched is not None
    tip = delegate.tooltip(touched)
    assert "2 days untouched (limit 14)" in tip and "Rotting" not in tip
    assert "Last touch: a note" in tip
    assert "40 days in this stage" in tip  # the stage's own clock is still told
    plain = _edge(delegate, touched)
    assert plain.red() == plain.green()  # no colour: nothing rots
