"""A pursuit just created shows no blocking red flag on its card, and a pursuit with nothing
written as its next step but a visit booked next week never says "no next step" — on the board's
card, its tooltip, or the workspace's flag list — on real SQLite."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from desktop.domain import health as rules
from desktop.domain.methodology import default_catalog
from desktop.services import health, pursuits, visits
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board
from desktop.ui.board import delegate as delegate_module
from desktop.ui.board.delegate import CardDelegate

TODAY = date.today()


def make(ws, stage: int, next_step: str = "") -> str:
    pursuit_id, _ = pursuits.create_pursuit(
        ws,
        PursuitDraft(
            title="MES 生产执行系统",
            account_name="苏州恒通电子有限公司",
            amount=1_200_000_00,
            stage=stage,
            next_step=next_step,
            expected_close=TODAY + timedelta(days=90),
        ),
    )
    return pursuit_id


def painted_texts(monkeypatch, delegate: CardDelegate, card: board.BoardCard) -> list[str]:
    """Paint the card for real and keep every piece of text it drew."""
    drawn: list[str] = []
    original = delegate_module._text

    def recording(painter, rect, text, *args, **kwargs):
        drawn.append(text)
        return original(painter, rect, text, *args, **kwargs)

    monkeypatch.setattr(delegate_module, "_text", recording)
    app = QApplication.instance()
    pixmap = QPixmap(260, delegate.card_height(app.font()))
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    delegate.paint_card(painter, pixmap.rect(), app.palette(), app.font(), card)
    painter.end()
    return drawn


@pytest.mark.parametrize("stage", range(1, 9))
def test_a_just_created_pursuit_has_no_blocking_flag_where_its_stage_starts_asking(
    ws, stage: int
) -> None:
    """Created empty in stage 2 (a column's "+"), it has no insider, initiator or pain yet: those
    rules start at stage 2 and weigh as advice for its first week there, then block."""
    pursuit_id = make(ws, stage, next_step="约见 CIO")
    starting = {code for code in rules.SETTLING if rules.FROM_STAGE[code] == stage}
    earlier = {
        code
        for code, first in rules.FROM_STAGE.items()
        if first < stage and rules.SEVERITY[code] == rules.BLOCKING
    }
    flags = health.flags_of(ws, pursuit_id)
    assert {f.code for f in flags if f.blocking} <= earlier  # nothing the stage starts asking
    assert {f.code for f in flags if f.settling} == {f.code for f in flags} & starting
    (card,) = board.board_cards(ws, ids=[pursuit_id], blocking_only=True)
    assert card.red_flags == sum(f.blocking for f in flags)
    if stage <= 2:  # a new pursuit at the start of the method: a clean card
        assert card.red_flags == 0

    # A week on, still empty: what the stage asks blocks too.
    week_later = TODAY + timedelta(days=rules.SETTLING_DAYS)
    counted = health.red_flag_counts(ws, [pursuit_id], week_later, blocking_only=True)
    assert counted.get(pursuit_id, 0) == len([c for c in starting | earlier if _fires_on_empty(c)])


def _fires_on_empty(code: str) -> bool:
    """Whether a rule flags a pursuit with nothing recorded (no risks, no instalments, no
    criteria: those rules need something present to flag)."""
    return code not in (
        rules.FATAL_WITHOUT_PLAN,
        rules.OPEN_HIGH_RISKS,
        rules.OVERDUE_INSTALMENTS,
        rules.VALUE_CASE_NOT_ACCEPTED,
    )


def test_a_moved_pursuit_keeps_the_earlier_stages_flags_blocking(ws) -> None:
    """Settling only softens what the new stage starts asking: a pursuit in stage 3 since
    today still blocks on the stage-2 initiator it should already have."""
    pursuit_id = make(ws, 3, next_step="约见 CIO")
    flags = {f.code: f for f in health.flags_of(ws, pursuit_id)}
    assert flags[rules.NO_INITIATOR].blocking and flags[rules.NO_INSIDER].blocking
    assert not flags[rules.NO_DECISION_MAKER].blocking
    assert flags[rules.NO_DECISION_MAKER].settling


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_visit_next_week_is_the_next_step_everywhere(
    qtbot, ws, monkeypatch, request, lang
) -> None:
    from desktop.infra import i18n

    i18n.install("zh_CN" if lang == "zh" else "en")
    request.addfinalizer(lambda: i18n.install("zh_CN"))
    pursuit_id = make(ws, 1)
    no_step = {"zh": "未安排下一步", "en": "No next step"}[lang]
    catalog = default_catalog()

    # Before the visit is booked: the card and the workspace say so (the baseline).
    assert rules.NO_NEXT_STEP in {f.code for f in health.flags_of(ws, pursuit_id)}
    (card,) = board.board_cards(ws, ids=[pursuit_id])
    assert card.scheduled_on is None

    next_week = TODAY + timedelta(days=7)
    starts = datetime.combine(next_week, time(10, 0)).astimezone().astimezone(UTC)
    visits.create_visit(
        ws, visits.VisitDraft(pursuit_id=pursuit_id, starts_at=starts, objective="拜访信息中心")
    )

    flags = health.flags_of(ws, pursuit_id)
    assert rules.NO_NEXT_STEP not in {f.code for f in flags}  # the workspace's list
    assert not any(
        "没有下一步" in f.reason("zh") or "No next step" in f.reason("en") for f in flags
    )
    assert health.red_flag_counts(ws, [pursuit_id]).get(pursuit_id, 0) == len(flags)
    (card,) = board.board_cards(ws, ids=[pursuit_id])
    assert card.next_step == "" and card.scheduled_on == next_week
    (row,) = board.board_cards(ws, include_closed=True, ids=[pursuit_id])  # the list's rows
    assert row.scheduled_on == next_week

    delegate = CardDelegate(catalog, lang, lambda stage: catalog.stage(stage).stale_days)
    drawn = painted_texts(monkeypatch, delegate, card)
    tip = delegate.tooltip(card)
    assert not any(no_step in text for text in drawn)
    assert no_step not in tip
    shown = {"zh": f"{next_week.month}月{next_week.day}日", "en": str(next_week.day)}[lang]
    assert any(shown in text for text in drawn)
    assert shown in tip


class _Recording(QPainter):
    """A painter that keeps every text drawn (the close date is drawn straight, not `_text`)."""

    def __init__(self, device: QPixmap) -> None:
        super().__init__(device)
        self.texts: list[str] = []

    def drawText(self, *args) -> None:
        if isinstance(args[-1], str):
            self.texts.append(args[-1])
        super().drawText(*args)


def test_a_narrow_column_shows_every_date_short(qtbot, ws) -> None:
    """At 1280×720 (150 %) the columns are narrow: every card's close date and booked day in
    their short form, not some "2027年3月", some "27年5月" and some cut to "2027年…"."""
    close = date(TODAY.year + 1, 3, 15)
    cards = []
    for amount in (8_0000_00, 380_0000_00, 36_0000_00):
        pursuit_id, _ = pursuits.create_pursuit(
            ws,
            PursuitDraft(
                title="智能客服", account_name=f"客户{amount}", amount=amount, expected_close=close
            ),
        )
        cards.append(pursuit_id)
    delegate = CardDelegate(default_catalog(), "zh", lambda stage: 30)
    app = QApplication.instance()
    for width in (150, 176, 190):  # each a narrow column's card
        for card in board.board_cards(ws, ids=cards):
            pixmap = QPixmap(width, delegate.card_height(app.font()))
            pixmap.fill(QColor("white"))
            painter = _Recording(pixmap)
            delegate.paint_card(painter, pixmap.rect(), app.palette(), app.font(), card)
            painter.end()
            dates = [t for t in painter.texts if "年" in t]
            assert dates == [f"{close.year % 100}年3月"], (width, painter.texts)


def test_a_very_narrow_card_shows_its_close_date_whole_or_leaves_it_to_the_tooltip(
    qtbot, ws
) -> None:
    """At 150 % on 1280×720 a card is barely wider than its amount and "27年3月": the calendar
    mark and some of the gap give way so the date shows whole, never "27…"; where even that
    is not enough, the date is left to the tooltip."""
    close = date(TODAY.year + 1, 3, 15)
    ids = [
        pursuits.create_pursuit(
            ws,
            PursuitDraft(title="私有云", account_name=f"客户{n}", amount=n, expected_close=close),
        )[0]
        for n in (8_0000_00, 160_0000_00, 1219_0000_00)
    ]
    app = QApplication.instance()
    for lang, short in (("zh", f"{close.year % 100}年3月"), ("en", f"Mar '{close.year % 100}")):
        delegate = CardDelegate(default_catalog(), lang, lambda stage: 30)
        for width in (110, 120, 130, 140, 150):
            for card in board.board_cards(ws, ids=ids):
                pixmap = QPixmap(width, delegate.card_height(app.font()))
                pixmap.fill(QColor("white"))
                painter = _Recording(pixmap)
                delegate.paint_card(painter, pixmap.rect(), app.palette(), app.font(), card)
                painter.end()
                dates = [t for t in painter.texts if t != card.title and "27" in t]
                assert dates in ([short], []), (lang, width, painter.texts)
                if width >= 140:  # the cards of that screen: the date is there, whole
                    assert dates == [short], (lang, width, painter.texts)
