"""Global search: Ctrl+K and the toolbar box, grouped results, keys, and jumping to the item."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent

from desktop.services import accounts, search
from desktop.services.pursuits import PursuitDraft, create_pursuit
from desktop.ui.search import jump
from desktop.ui.search.model import CountRole, HeaderRole, HitRole, MoreRole, ResultsModel


def commit(widget, text: str) -> None:
    """Type `text` as an input method does: one committed string."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def brand(window) -> str:
    """Two characters of a demo account's name after its city (e.g. 恒安 of 北京恒安电子…)."""
    return accounts.account_summaries(window.ctx.workspace)[0].name[2:4]


def test_results_model_passes_qt_model_tester(qtmodeltester, demo_ws) -> None:
    model = ResultsModel()
    model.set_hits(search.search(demo_ws, "系统", limit=4), "系统")
    assert model.rowCount() > 4
    qtmodeltester.check(model)
    headers = [r for r in range(model.rowCount()) if model.index(r, 0).data(HeaderRole)]
    assert headers[0] == 0
    assert all(model.flags(model.index(r, 0)) == Qt.ItemFlag.NoItemFlags for r in headers)


def test_ctrl_k_opens_the_popup_and_typing_searches(main_window, qtbot) -> None:
    assert main_window.search_action.shortcut().toString() == "Ctrl+K"
    main_window.search_action.trigger()
    popup = main_window.search.popup
    assert popup.isVisible()
    word = brand(main_window)
    commit(popup.field, word)  # Chinese arrives through the input method, committed
    qtbot.waitUntil(lambda: popup.model.rowCount() > 0)
    hits = popup.model.hits()
    assert hits == search.search(main_window.ctx.workspace, word, limit=8, lang="zh")
    kinds = [h.kind for h in hits]
    assert kinds.index("account") < kinds.index("pursuit")  # the name matches rank first
    first = popup.current_hit()
    assert first is hits[0] and first.kind == "account"


def test_arrow_keys_skip_headers_and_enter_jumps(main_window, qtbot) -> None:
    popup = main_window.search.popup
    main_window.search.open(brand(main_window))
    model = popup.model
    rows = model.hit_rows()
    assert popup.list.currentIndex().row() == rows[0]
    for expected in rows[1:4]:
        qtbot.keyClick(popup.field, Qt.Key.Key_Down)
        assert popup.list.currentIndex().row() == expected
        assert not popup.list.currentIndex().data(HeaderRole)
    for _ in range(10):
        qtbot.keyClick(popup.field, Qt.Key.Key_Up)
    assert popup.list.currentIndex().row() == rows[0]
    target = popup.current_hit()
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert not popup.isVisible()
    screen = main_window.screens["accounts"]
    assert main_window.stack.currentWidget() is screen
    assert screen.current_id == target.id
    assert screen.page.name.text() == target.label


def test_enter_on_a_pursuit_jumps_to_it(main_window, qtbot) -> None:
    hits = search.search(main_window.ctx.workspace, "系统", kinds=("pursuit",), limit=3)
    assert jump(main_window, hits[0])
    shown = main_window.stack.currentWidget()
    # The pursuit workspace when there is one, else the board with the card selected.
    if "pursuit" in main_window.screens:
        assert shown is main_window.screens["pursuit"]
    else:
        assert shown is main_window.screens["board"]
        assert hits[0].id in main_window.screens["board"].board.selected_ids()


def test_escape_closes_and_nothing_found_says_so(main_window, qtbot) -> None:
    popup = main_window.search.popup
    main_window.search.open("")
    assert popup.message.isVisible() and "两个字" in popup.message.text()
    commit(popup.field, "没有这个词语")
    popup.run_search()
    assert popup.model.rowCount() == 0
    assert "没有找到" in popup.message.text()
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_the_toolbar_box_opens_the_popup_with_what_was_typed(main_window, qtbot) -> None:
    main_window.show_screen("accounts")  # the board shows its own box instead of this one
    box = main_window.search_box
    assert box.isVisible()
    assert "Ctrl+K" in box.placeholderText()
    qtbot.keyClicks(box, "M")
    popup = main_window.search.popup
    assert popup.isVisible() and popup.field.text() == "M"
    qtbot.keyClicks(popup.field, "ES")
    popup.run_search()
    assert popup.current_hit() is not None and "MES" in popup.current_hit().label
    popup.close()
    box.clear()
    commit(box, "恒通")  # an input method's commit opens the popup too
    assert popup.isVisible() and popup.field.text() == "恒通"


def test_results_follow_edits_and_deletes(main_window, qtbot) -> None:
    ws = main_window.ctx.workspace
    row = accounts.account_summaries(ws)[0]
    accounts.update_account(ws, row.id, {"name": "独一无二测试客户"})
    main_window.search.open("独一无二")
    found = main_window.search.popup.model.hits()
    assert [h.id for h in found if h.kind == "account"] == [row.id]
    assert found[0].id == row.id
    main_window.search.popup.close()
    accounts.update_account(ws, row.id, {"name": "改了名字的客户"})
    main_window.search.open("独一无二")
    assert main_window.search.popup.model.hits() == []


def test_clicking_a_result_jumps(main_window, qtbot) -> None:
    popup = main_window.search.popup
    main_window.search.open(brand(main_window))
    index = popup.model.index(popup.model.hit_rows()[0], 0)
    hit = index.data(HitRole)
    rect = popup.list.visualRect(index)
    qtbot.mouseClick(popup.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not popup.isVisible()
    assert main_window.screens["accounts"].current_id == hit.id


def test_a_group_says_how_many_match_and_shows_all_of_them(main_window, qtbot) -> None:
    """Nine pursuits match but the popup lists eight: the heading says 9, not 8, and the
    group's last row "显示全部 9 个…" lists the ninth too."""
    ws = main_window.ctx.workspace
    for n in range(9):
        create_pursuit(ws, PursuitDraft(title=f"远盛二期 {n}", account_name="苏州远盛精密"))
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = main_window.search.popup
    assert popup.isVisible()
    commit(popup.field, "远盛")
    qtbot.waitUntil(lambda: popup.model.rowCount() > 0)
    model = popup.model
    header = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(HeaderRole)
        and model.index(r + 1, 0).data(HitRole).kind == "pursuit"
    )
    assert model.index(header, 0).data(CountRole) == "9"
    pursuits_shown = [h for h in model.hits() if h.kind == "pursuit"]
    assert len(pursuits_shown) == 8
    more = model.more_row("pursuit")
    assert more == header + 9
    assert model.index(more, 0).data() == "显示全部 9 个…"
    # The arrow keys reach "Show all" like a result; Enter there lists the rest.
    while popup.list.currentIndex().row() != more:
        qtbot.keyClick(popup.field, Qt.Key.Key_Down)
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert popup.isVisible()
    assert len([h for h in model.hits() if h.kind == "pursuit"]) == 9
    assert model.more_row("pursuit") is None
    assert popup.current_hit() is model.hits()[[h.kind for h in model.hits()].index("pursuit") + 8]
    # A new query shows the best few again.
    commit(popup.field, "二期")
    popup.run_search()
    assert popup.expanded is None


def test_counts_past_the_cap_read_as_more_than(qtmodeltester) -> None:
    hits = [
        search.Hit(kind="note", id=f"n{n}", label=f"纪要 {n}", detail="", pursuit_id=None)
        for n in range(8)
    ]
    model = ResultsModel()
    model.set_hits(hits, "纪要", {"note": search.COUNT_CAP + 1})
    qtmodeltester.check(model)
    assert model.index(0, 0).data(CountRole) == f"{search.COUNT_CAP}+"
    assert model.index(9, 0).data(MoreRole) == "note"
    assert model.choice_rows() == list(range(1, 10))
    model.set_hits(hits[:3], "纪要")
    assert model.index(0, 0).data(CountRole) == "3" and model.more_row("note") is None
