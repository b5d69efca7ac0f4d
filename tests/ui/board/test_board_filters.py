"""Find and filter: the right cards and the right totals ("12 of 240")."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from desktop.services import stakeholders
from desktop.ui.board.filters import BoardFilter


def fill(ctx, kit) -> dict[str, str]:
    ws = ctx.workspace
    today = date.today()
    ids = {
        "mes": kit.make(
            ws,
            "MES 生产执行系统",
            account="苏州恒通电子有限公司",
            expected_close=today + timedelta(days=20),
            tags=["重点"],
        ),
        "wms": kit.make(
            ws,
            "仓储 WMS 改造",
            account="杭州云帆物流有限公司",
            stage=3,
            expected_close=today + timedelta(days=200),
        ),
        "crm": kit.make(
            ws,
            "CRM 替换",
            account="成都恒盛燃气有限公司",
            stage=5,
            next_step="催签验收单",
            next_step_due=today - timedelta(days=2),
        ),
    }
    stakeholders.create_stakeholder(ws, ids["wms"], {"name": "王建国", "title": "CIO"})
    return ids


def shown(screen) -> set[str]:
    return screen.model.shown_ids()


def test_search_as_you_type(screen, ctx, kit, qtbot) -> None:
    ids = fill(ctx, kit)
    with qtbot.waitSignal(screen.names_applied):
        screen.reload()
    # QTest cannot type Chinese (it aborts on non-Latin keys): insert as an input method does.
    screen.filter_bar.search.insert("恒")
    assert shown(screen) == {ids["mes"], ids["crm"]}
    screen.filter_bar.search.insert("通")
    assert shown(screen) == {ids["mes"]}
    screen.filter_bar.search.setText("王建国")  # a stakeholder's name
    assert shown(screen) == {ids["wms"]}
    screen.filter_bar.search.setText("wms 杭州")  # every word must match
    assert shown(screen) == {ids["wms"]}
    screen.filter_bar.search.setText("")
    qtbot.keyClicks(screen.filter_bar.search, "crm")  # typed key by key
    assert shown(screen) == {ids["crm"]}
    screen.filter_bar.search.clear()
    assert len(shown(screen)) == 3


def test_search_refines_itself_when_the_names_arrive(screen, ctx, kit, qtbot) -> None:
    ids = fill(ctx, kit)
    screen.reload()
    assert not screen.names_ready()  # read in a worker thread once the cards have painted
    screen.filter_bar.search.setText("王建国")
    assert shown(screen) == set()
    qtbot.waitSignal(screen.names_applied).wait()
    assert screen.names_ready() and shown(screen) == {ids["wms"]}


def test_a_new_stakeholder_is_found_at_once(screen, ctx, kit, qtbot) -> None:
    ids = fill(ctx, kit)
    with qtbot.waitSignal(screen.names_applied):
        screen.reload()
    screen.filter_bar.search.setText("李娜")
    assert shown(screen) == set()
    _id, changes = stakeholders.create_stakeholder(ctx.workspace, ids["crm"], {"name": "李娜"})
    ctx.broadcast(changes)
    assert shown(screen) == {ids["crm"]}


def test_filters_and_totals(screen, ctx, kit, qtbot) -> None:
    ids = fill(ctx, kit)
    screen.reload()
    bar = screen.filter_bar
    assert "3" in bar.summary.text()
    panel = bar.panel
    panel.overdue_only.setChecked(True)
    qtbot.waitUntil(lambda: shown(screen) == {ids["crm"]})
    totals = screen.model.totals()
    assert (totals.shown, totals.total) == (1, 3)
    assert screen.tr("<b>{0}</b> of {1} pursuits").format(1, 3) in bar.summary.text()
    assert bar.filters_button.text() == bar.tr("Filters ({0})").format(1)
    assert screen.board.headers[4].filtered
    panel.overdue_only.setChecked(False)
    panel.close_to.set_value(date.today() + timedelta(days=60))
    qtbot.waitUntil(lambda: shown(screen) == {ids["mes"]})
    panel.close_to.set_value(None)
    panel.amount_min.setText("50万")
    qtbot.waitUntil(lambda: len(shown(screen)) == 3)
    panel.amount_min.setText("2000万")
    qtbot.waitUntil(lambda: shown(screen) == set())
    panel.amount_min.setText("")
    tags = panel.tags
    item = next(tags.item(i) for i in range(tags.count()) if tags.item(i).text() == "重点")
    item.setCheckState(item.checkState().Checked)
    qtbot.waitUntil(lambda: shown(screen) == {ids["mes"]})
    bar.clear_button.click()
    assert len(shown(screen)) == 3
    assert not bar.clear_button.isVisible()


def test_stale_filter_uses_the_stage_limit(screen, ctx, kit, qtbot) -> None:
    from datetime import datetime

    from desktop.services import records

    ids = fill(ctx, kit)
    limit = ctx.workspace.stale_limit(3)
    old = datetime.now() - timedelta(days=limit + 3)
    records.update(ctx.workspace, "pursuit", ids["wms"], {"stage_entered_at": old})
    screen.reload()
    screen.filter_bar.set_filter(BoardFilter(stale_only=True))
    assert shown(screen) == {ids["wms"]}
    # Preferences may shorten the limit: the company's policy wins over the catalog.
    ctx.workspace.policy.stale_days = {1: 1}
    records.update(
        ctx.workspace,
        "pursuit",
        ids["mes"],
        {"stage_entered_at": datetime.now() - timedelta(days=5)},
    )
    screen.reload()
    assert shown(screen) == {ids["wms"], ids["mes"]}


def test_filter_state_round_trips() -> None:
    board_filter = BoardFilter(
        text="not kept",
        close_from=date(2027, 1, 1),
        close_to=date(2027, 3, 31),
        amount_min=10_000_00,
        amount_max=None,
        stale_only=True,
        overdue_only=False,
        tags=frozenset({"重点"}),
        show_closed=True,
    )
    again = BoardFilter.from_state(board_filter.to_state())
    assert again == BoardFilter(**{**board_filter.__dict__, "text": ""})
    assert BoardFilter.from_state({"close_from": "garbage", "tags": "x", "amount_min": True}) == (
        BoardFilter()
    )
    assert BoardFilter.from_state(None) == BoardFilter()


def test_find_shortcut_focuses_the_search(screen, qtbot) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    screen.board.view_of(1).setFocus()
    qtbot.keySequence(screen.board.view_of(1), QKeySequence(QKeySequence.StandardKey.Find))
    assert QApplication.focusWidget() is screen.filter_bar.search


def test_the_fast_matcher_agrees_with_matches(demo_ws) -> None:
    from desktop.services.queries import board
    from desktop.ui.board.filters import haystack

    cards = board.board_cards(demo_ws, include_closed=True)
    today = date.today()
    limit = demo_ws.stale_limit
    for board_filter in (
        BoardFilter(),
        BoardFilter(show_closed=True),
        BoardFilter(text="系统"),
        BoardFilter(text="系统 有限", show_closed=True),
        BoardFilter(text="mes", stale_only=True),
        BoardFilter(overdue_only=True, amount_min=500_000_00),
    ):
        fast = board_filter.matcher(today, limit)
        for card in cards:
            hay = haystack(card)
            assert fast(card, hay) == board_filter.matches(card, hay, today, limit)


def test_no_match_note_says_so_and_clears_the_filters(screen, ctx, kit, qtbot) -> None:
    ids = fill(ctx, kit)
    with qtbot.waitSignal(screen.names_applied):
        screen.reload()
    note, bar = screen.no_match, screen.filter_bar
    assert not note.isVisible()
    bar.search.setText("没有这个客户")
    assert shown(screen) == set()
    assert note.isVisible()
    assert note.title.text() == "没有符合「没有这个客户」的项目"
    # Over the columns, below their heads, inside the board: the board stays one view per stage.
    assert screen.board.rect().contains(note.geometry())
    head = screen.board.headers[0]
    assert note.y() > head.mapTo(screen.board, head.rect().bottomLeft()).y()
    assert screen.board.views[0].model().rowCount() == 0
    qtbot.mouseClick(note.clear_button, Qt.MouseButton.LeftButton)
    assert not note.isVisible()
    assert bar.search.text() == "" and not bar.current.active
    assert shown(screen) == set(ids.values())

    # Filters alone say "the filters"; the note goes as soon as a card matches again.
    bar.panel.amount_min.setText("2000万")
    qtbot.waitUntil(lambda: note.isVisible())
    assert note.title.text() == "没有符合筛选条件的项目"
    assert note.clear_button.text() == "清除筛选"
    bar.panel.amount_min.setText("50万")
    qtbot.waitUntil(lambda: not note.isVisible())
    assert len(shown(screen)) == 3


def test_no_match_note_waits_for_the_names_a_search_also_matches(screen, ctx, kit, qtbot) -> None:
    ids = fill(ctx, kit)
    screen.reload()
    screen.filter_bar.search.setText("王建国")  # a stakeholder: found once the names are read
    assert shown(screen) == set() and not screen.no_match.isVisible()
    qtbot.waitSignal(screen.names_applied).wait()
    assert shown(screen) == {ids["wms"]} and not screen.no_match.isVisible()
    screen.filter_bar.search.setText("王建军")
    assert screen.no_match.isVisible()


def test_all_closed_says_so_and_offers_to_show_them(screen, ctx, kit, qtbot) -> None:
    """No filter, nothing shown (every pursuit closed): not a "match" note to clear, but
    "no open pursuits" and a button that shows the closed ones."""
    from desktop.services import pursuits

    pid = kit.make(ctx.workspace, "MES")
    pursuits.close_pursuits(ctx.workspace, [pid], "lost")
    screen.reload()
    assert shown(screen) == set()
    note = screen.no_match
    qtbot.waitUntil(note.isVisible)
    assert note.title.text() == "没有进行中的项目"
    assert note.clear_button.text() == "显示已关闭"
    qtbot.mouseClick(note.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(screen) == {pid})
    assert screen.show_closed_action.isChecked() and not note.isVisible()


def test_tag_filter_is_compact(screen, ctx, kit, qtbot) -> None:
    bar = screen.filter_bar
    bar.filters_button.setChecked(True)
    tags = bar.panel.tags
    assert not tags.isVisible() and bar.panel.no_tags.isVisible()
    assert bar.panel.no_tags.text().startswith("还没有标签")
    kit.make(ctx.workspace, "A", tags=["重点", "新客户", "续约"])
    screen.reload()
    qtbot.waitUntil(lambda: tags.isVisible() and tags.count() == 3)
    row = tags.visualRect(tags.model().index(0, 0)).height() + 2 * tags.spacing()
    qtbot.waitUntil(lambda: tags.height() == row)  # one row of tags, no empty box under it
    assert not bar.panel.no_tags.isVisible()
    assert tags.palette().color(tags.viewport().backgroundRole()).alpha() == 0
    # Many tags wrap onto a few rows, then the list scrolls instead of growing.
    kit.make(ctx.workspace, "B", tags=[f"标签{i:02d}" for i in range(80)])
    screen.reload()
    qtbot.waitUntil(lambda: tags.count() == 83)
    qtbot.waitUntil(lambda: tags.height() >= 2 * row)
    assert tags.height() == tags.MAX_ROWS * row
    assert tags.verticalScrollBar().maximum() > 0


def test_bad_and_reversed_ranges_are_told_beside_the_fields(screen, ctx, kit, qtbot) -> None:
    """Not an amount: marked and told, nothing applied. A range given backwards (2000万 – 50万,
    a later date first): read the right way round, and told so."""
    ids = fill(ctx, kit)
    screen.reload()
    bar = screen.filter_bar
    bar.filters_button.click()
    panel = bar.panel
    panel.amount_min.setText("abc")
    qtbot.waitUntil(lambda: panel.amount_hint.property("problem") is True)
    assert panel.amount_hint.text() == "「abc」不是金额（如 50万 或 500,000），未应用。"
    assert panel.amount_hint.isVisible() and panel.amount_min.property("invalid")
    assert shown(screen) == set(ids.values()) and not screen.no_match.isVisible()

    panel.amount_min.setText("2000万")
    panel.amount_max.setText("50万")
    qtbot.waitUntil(lambda: bar.current.amount_min == 50_0000_00)
    assert bar.current.amount_max == 2000_0000_00
    assert shown(screen) == set(ids.values()) and not screen.no_match.isVisible()
    assert panel.amount_hint.text() == "范围填反了，已按 50万 – 2000万 筛选。"
    assert not panel.amount_min.property("invalid")
    panel.amount_max.setText("")
    qtbot.waitUntil(lambda: panel.amount_hint.property("problem") is False)
    assert panel.amount_hint.text() == "如 50万 或 500,000"

    today = date.today()
    panel.close_from.set_value(today + timedelta(days=60))
    panel.close_to.set_value(today + timedelta(days=10))
    panel.amount_min.setText("")
    qtbot.waitUntil(lambda: shown(screen) == {ids["mes"]})
    assert panel.dates_note.isVisible()
    first, last = today + timedelta(days=10), today + timedelta(days=60)
    assert panel.dates_note.text() == f"范围填反了，已按 {first} – {last} 筛选。"
    panel.close_to.set_value(None)
    assert not panel.dates_note.isVisible()
