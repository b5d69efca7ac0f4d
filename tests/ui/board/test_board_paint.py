"""What a card shows: the eye-catching marks, the tooltip, red flags counted after painting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from desktop.domain.methodology import default_catalog
from desktop.services import health
from desktop.services.queries import board
from desktop.services.queries.board import BoardCard
from desktop.ui.board.delegate import MARGIN_X, CardDelegate

CATALOG = default_catalog()
TODAY = date.today()


def sample(**extra) -> BoardCard:
    values = dict(
        id="p1",
        account="苏州恒通电子有限公司",
        title="MES 生产执行系统",
        amount=1_280_000_00,
        currency="CNY",
        expected_close=TODAY + timedelta(days=40),
        stage=3,
        status="open",
        stage_entered_at=datetime.now() - timedelta(days=3),
        next_step="约见信息中心主任",
        next_step_due=TODAY + timedelta(days=2),
        rank=1.0,
        win_rate=30,
        weighted=384_000_00,
        answered=2,
        questions=6,
        tags=("重点",),
        has_conflict=False,
    )
    values.update(extra)
    return BoardCard(**values)


def render(delegate: CardDelegate, card: BoardCard) -> QPixmap:
    app = QApplication.instance()
    pixmap = QPixmap(260, delegate.card_height(app.font()))
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    delegate.paint_card(painter, pixmap.rect(), app.palette(), app.font(), card)
    painter.end()
    return pixmap


def edge_colour(pixmap: QPixmap) -> QColor:
    return pixmap.toImage().pixelColor(MARGIN_X + 2, pixmap.height() // 2)


def test_stale_and_overdue_cards_get_their_edge(qtbot) -> None:
    delegate = CardDelegate(CATALOG, "zh", lambda stage: CATALOG.stage(stage).stale_days)
    plain = edge_colour(render(delegate, sample()))
    stale = edge_colour(
        render(delegate, sample(stage_entered_at=datetime.now() - timedelta(days=200)))
    )
    overdue = edge_colour(render(delegate, sample(next_step_due=TODAY - timedelta(days=1))))
    assert plain.red() == plain.green()  # no colour: a neutral card
    assert stale.red() > 200 and stale.blue() < 80  # amber
    assert overdue.red() > 180 and overdue.green() < 80  # red


def test_every_mark_paints_and_the_tooltip_says_it(qtbot, request) -> None:
    from desktop.infra import i18n

    i18n.install("en")  # the English sources, whatever an earlier test installed
    request.addfinalizer(lambda: i18n.install("zh_CN"))
    delegate = CardDelegate(CATALOG, "en", lambda stage: 10)
    card = sample(
        red_flags=2,
        has_conflict=True,
        stage_entered_at=datetime.now() - timedelta(days=30),
        next_step_due=TODAY - timedelta(days=3),
    )
    assert not render(delegate, card).toImage().isNull()
    assert not render(delegate, replace(card, status="lost", next_step="")).toImage().isNull()
    tip = delegate.tooltip(card)
    for text in ("苏州恒通电子有限公司", "¥1,280,000", "30%", "limit 10", "2 of 6", "重点"):
        assert text in tip
    assert "Blocking red flags: 2" in tip and "review" in tip and "overdue" in tip


def test_drag_image_counts_the_cards(qtbot, screen, ctx, kit) -> None:
    ws = ctx.workspace
    ids = [kit.make(ws, t) for t in "AB"]
    screen.reload()
    view = screen.board.view_of(1)
    cards = [screen.model.card(i) for i in ids]
    one = screen.delegate.drag_pixmap(view, cards[:1])
    two = screen.delegate.drag_pixmap(view, cards)
    assert two.width() > one.width()  # a second card peeks out behind the first


def test_red_flags_are_counted_after_painting(qtbot, demo_ws) -> None:
    from desktop.app import make_application
    from desktop.infra.settings import Settings
    from desktop.ui.board.screen import BoardScreen
    from desktop.ui.context import AppContext

    make_application()
    ctx = AppContext(demo_ws, Settings())
    screen = BoardScreen(ctx, None)
    qtbot.addWidget(screen)
    assert all(c.red_flags == 0 for c in screen.model.all_cards())  # not counted yet
    with qtbot.waitSignal(screen.flags_applied, timeout=10_000):
        screen.show()
    # Only the blocking flags are counted on a card; advice waits in the workspace.
    expected = health.red_flag_counts(demo_ws, blocking_only=True)
    shown = {c.id: c.red_flags for c in screen.model.all_cards()}
    assert shown == {i: expected.get(i, 0) for i in shown}
    assert any(shown.values())
    for pursuit_id, count in shown.items():
        assert count == sum(f.blocking for f in health.flags_of(demo_ws, pursuit_id))
    # A card refreshed later carries its own count.
    first = board.board_cards(demo_ws, blocking_only=True)[0]
    assert first.red_flags == expected.get(first.id, 0)
    # The tooltip lists every flag, blocking and advice, with its reason.
    flagged = max(screen.model.all_cards(), key=lambda c: c.red_flags)
    tip = screen.delegate.tooltip(flagged)
    for flag in health.flags_of(demo_ws, flagged.id):
        assert flag.reason(screen.lang).replace("<", "&lt;") in tip


def test_the_cards_in_view_get_their_red_flags_first(qtbot, demo_ws, monkeypatch) -> None:
    """The worker counts the cards each column shows first before anything else, and those
    counts stay when the rest of the cards arrive (the board painted only the columns' tops)."""
    from desktop.app import make_application
    from desktop.infra.settings import Settings
    from desktop.ui.board import screen as board_screen
    from desktop.ui.context import AppContext

    monkeypatch.setattr(board_screen, "IN_VIEW", 2)
    monkeypatch.setattr(board_screen, "HEAD_CARDS", 3)  # only the tops painted first
    make_application()
    expected = health.red_flag_counts(demo_ws, blocking_only=True)
    screen = board_screen.BoardScreen(AppContext(demo_ws, Settings()), None)
    qtbot.addWidget(screen)
    assert screen.model.partial
    in_view = {card.id for column in screen.model.columns for card in column.rows[:2]}
    seen: dict[str, dict[str, int]] = {}

    def snapshot(name: str) -> None:  # connected after the screen's own slots: their result
        seen[name] = {c.id: c.red_flags for c in screen.model.all_cards()}

    screen.view_flags_counted.connect(lambda *_: snapshot("view"))
    screen.cards_read.connect(lambda *_: snapshot("cards"))
    with qtbot.waitSignal(screen.flags_applied, timeout=10_000):
        screen.show()
    assert any(expected.get(i) for i in in_view)
    for name in ("view", "cards"):
        assert {i: n for i, n in seen[name].items() if n} == {
            i: expected[i] for i in in_view if i in expected
        }, name
    assert {c.id: c.red_flags for c in screen.model.all_cards()} == {
        c.id: expected.get(c.id, 0) for c in screen.model.all_cards()
    }
    assert len(screen.model.all_cards()) > len(seen["view"])  # the rest came after


def test_column_head_keeps_the_win_rate_when_the_label_does_not_fit(qtbot, request) -> None:
    """In Chinese "赢率 10%" beside "44 个项目" and "¥4,836万" overflows a column: the bare
    percentage stays instead of the chip vanishing."""
    from PySide6.QtGui import QFontMetrics

    from desktop.infra import i18n
    from desktop.ui.board.view import ColumnHeader

    i18n.install("zh_CN")
    request.addfinalizer(lambda: i18n.install("zh_CN"))
    head = ColumnHeader(CATALOG, 1, "zh")
    qtbot.addWidget(head)
    metrics = QFontMetrics(head.font())
    full = head.rate_text()
    assert full != "10%"  # the labelled chip exists in Chinese
    wide = metrics.horizontalAdvance(full) + 12
    assert head.rate_chip_text(metrics, wide) == full
    assert head.rate_chip_text(metrics, wide - 1) == "10%"
    assert head.rate_chip_text(metrics, 5) == ""


def test_columns_follow_a_light_to_dark_switch(qtbot, screen, request) -> None:
    """The system turning dark while the app runs: the column backgrounds follow, so the light
    header text does not end up on the old light grey."""
    from PySide6.QtGui import QPalette

    app = QApplication.instance()
    light = QPalette(app.palette())
    request.addfinalizer(lambda: app.setPalette(light))
    column = screen.board.columns[0]
    assert column.palette().color(QPalette.ColorRole.Window).lightness() > 128

    dark = QPalette(light)
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
    ):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    qtbot.waitUntil(lambda: column.palette().color(QPalette.ColorRole.Window).lightness() < 64)
    assert column.palette().color(QPalette.ColorRole.Text).lightness() > 200


@pytest.mark.parametrize(
    ("lang", "width", "rate", "line"),
    [
        ("zh_CN", 145, "赢率 10%", 2),  # a column on a 1280 screen: beside the milestone
        ("zh_CN", 157, "赢率 10%", 2),  # on a 1366 screen
        ("en", 145, "10%", 4),  # English milestones are long: before the weighted sum
        ("en", 236, "10%", 2),  # a big screen's column has room beside the milestone
    ],
)
def test_the_win_rate_reads_alike_with_cards_and_without(
    qtbot, request, lang, width, rate, line
) -> None:
    """The chip "赢率 10%" sat beside the count and the sum, so a column with cards lost the
    label (then the rate) that an empty one showed: now its place comes from the column's
    width alone, and the milestone stays whole."""
    from desktop.infra import i18n
    from desktop.ui.board.model import StageSummary
    from desktop.ui.board.view import ColumnHeader

    i18n.install(lang)
    request.addfinalizer(lambda: i18n.install("zh_CN"))
    short = lang[:2]
    empty, full = ColumnHeader(CATALOG, 1, short), ColumnHeader(CATALOG, 1, short)
    full.set_summary(StageSummary(1, 170, 170, 19_500_000_000, 1_950_000_000), 10, "CNY", False)
    images = []
    for head in (empty, full):
        qtbot.addWidget(head)
        head.show()
        head.resize(width, 40)  # the width decides the title's lines, which decide the height
        head.resize(width, head.sizeHint().height())
        images.append(head.grab().toImage())
    facts = full.layout_facts()
    assert (facts.milestone, facts.rate, facts.line) == (
        CATALOG.stage(1).milestone(short),  # whole
        rate,
        line,
    )
    assert empty.layout_facts() == facts
    # Painted alike in both, the chip in its stage's tint.
    scale = images[0].width() / width
    area = facts.chip.toRect()
    chip = [
        image.copy(
            int(area.x() * scale),
            int(area.y() * scale),
            int(area.width() * scale),
            int(area.height() * scale),
        )
        for image in images
    ]
    assert chip[0] == chip[1]
    middle = int(facts.chip.center().y() * scale)
    tint = images[1].pixelColor(int((facts.chip.left() + 3) * scale), middle)
    assert tint != images[1].pixelColor(2, middle)
