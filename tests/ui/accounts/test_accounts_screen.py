"""The Accounts screen: the list, an account's page, edit, create, delete and merge with undo."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.services import accounts, records, stakeholders
from desktop.services.pursuits import PursuitDraft, create_pursuit
from desktop.ui.accounts.dialogs import IdRole
from desktop.ui.accounts.models import AccountTableModel, PeopleModel, VisitsModel


def make(ws, title: str, account: str, **extra) -> str:
    pursuit_id, _ = create_pursuit(ws, PursuitDraft(title=title, account_name=account, **extra))
    return pursuit_id


def account_of(ws, pursuit_id: str) -> str:
    return records.get(ws, "pursuit", pursuit_id)["account_id"]


def fill(ws) -> dict[str, str]:
    erp = make(ws, "ERP 升级", "苏州恒通电子有限公司", amount=1_000_000_00, stage=3)
    mes = make(ws, "MES 系统", "恒通电子", amount=200_000_00)
    make(ws, "OA 办公", "南京华盛")
    stakeholders.create_stakeholder(ws, erp, {"name": "王芳", "title": "CIO"}, roles=["insider"])
    stakeholders.create_stakeholder(ws, mes, {"name": "李强"})
    records.create(
        ws, "visit", {"pursuit_id": mes, "objective": "技术交流", "starts_at": datetime(2026, 5, 1)}
    )
    return {"erp": erp, "mes": mes, "keep": account_of(ws, erp), "dup": account_of(ws, mes)}


def test_models_pass_qt_model_tester(qtmodeltester, demo_ws) -> None:
    from desktop.app import make_application

    make_application()
    model = AccountTableModel()
    model.set_rows(accounts.account_summaries(demo_ws))
    qtmodeltester.check(model)
    model.set_text("股份")
    assert 0 < model.rowCount() < len(model.all_rows())
    qtmodeltester.check(model)
    some = next(r for r in model.all_rows() if r.pursuits)
    page = accounts.account_page(demo_ws, some.id)
    people = PeopleModel(demo_ws.catalog, "zh")
    people.set_rows(page.people)
    qtmodeltester.check(people)
    visits = VisitsModel()
    visits.set_rows(page.visits)
    qtmodeltester.check(visits)


def test_open_item_shows_the_account_page(screen, ctx) -> None:
    ids = fill(ctx.workspace)
    screen.reload()
    assert screen.open_item("pursuit", ids["erp"]) is False
    assert screen.open_item("account", ids["keep"])
    page = screen.page
    assert screen.right.currentWidget() is page
    assert page.name.text() == "苏州恒通电子有限公司"
    assert page.pursuits.rowCount() == 1 and page.people.rowCount() == 1
    assert page.tabs.tabText(1) == "关键人（1）"
    assert "恒通电子" in page.duplicates.text() and page.duplicates.isVisible()
    assert not page.delete_button.isEnabled()  # it has pursuits
    screen.search.setText("华盛")
    assert screen.model.rowCount() == 1
    assert "1 / 3" in screen.count.text()


def test_names_paint_first_and_the_totals_follow(screen, ctx, qtbot) -> None:
    """Sorted by name, a reload shows the accounts before their totals are read; the totals,
    the bold names and the page's totals line come one event later. Sorted by a total, the
    rows are read whole at once (they could not be in order without them)."""
    ids = fill(ctx.workspace)
    screen.reload()
    qtbot.waitUntil(lambda: not screen.totals_pending())
    assert screen.select(ids["keep"])
    screen.reload()
    assert screen.totals_pending()
    assert [r.name for r in screen.model.shown_rows()] == [
        "恒通电子",
        "南京华盛",
        "苏州恒通电子有限公司",
    ]  # by pinyin, as always
    assert screen.current_id == ids["keep"] and screen.page.stats.text() == ""
    qtbot.waitUntil(lambda: not screen.totals_pending())
    row = screen.model.row(ids["keep"])
    assert (row.open_pursuits, row.open_amount) == (1, 1_000_000_00)
    assert screen.page.stats.text() != ""
    font = screen.model.data(screen.model.index_of(ids["keep"]), Qt.ItemDataRole.FontRole)
    assert font is not None and font.bold()
    screen.view.sortByColumn(screen.model.column_index("open_amount"), Qt.SortOrder.DescendingOrder)
    screen.reload()
    assert not screen.totals_pending()
    assert screen.model.shown_rows()[0].id == ids["keep"]


def test_edit_is_refused_at_the_field_then_saved_and_undone(screen, ctx, qtbot) -> None:
    ids = fill(ctx.workspace)
    screen.reload()
    screen.select(ids["dup"])
    screen.edit_current()
    dialog = screen.dialog
    dialog.name.setText("南京华盛")  # another account's name
    dialog.accept()
    assert dialog.isVisible() and dialog.name_error.isVisible()
    assert records.get(ctx.workspace, "account", ids["dup"])["name"] == "恒通电子"
    dialog.name.setText("恒通电子(苏州)")
    dialog.address.setText("苏州工业园区")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    saved = records.get(ctx.workspace, "account", ids["dup"])
    assert (saved["name"], saved["address"]) == ("恒通电子(苏州)", "苏州工业园区")
    assert screen.page.name.text() == "恒通电子(苏州)"
    assert screen.model.row(ids["dup"]).name == "恒通电子(苏州)"
    ctx.undo_stack.undo()
    restored = records.get(ctx.workspace, "account", ids["dup"])
    assert (restored["name"], restored["address"]) == ("恒通电子", "")
    assert screen.page.name.text() == "恒通电子"


def test_new_account_then_undo(screen, ctx, qtbot) -> None:
    screen.new_account()
    dialog = screen.dialog
    dialog.accept()  # no name: refused
    assert dialog.isVisible() and dialog.name_error.isVisible()
    dialog.name.setText("杭州瑞安医院")
    dialog.industry.setCurrentText("医疗")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    (row,) = screen.model.all_rows()
    assert (row.name, row.industry) == ("杭州瑞安医院", "医疗")
    assert screen.current_id == row.id
    assert screen.delete_action.isEnabled()
    ctx.undo_stack.undo()
    assert screen.model.all_rows() == []
    assert screen.right.currentWidget() is screen.placeholder


def test_delete_an_account_without_pursuits(screen, ctx) -> None:
    account_id, _ = accounts.create_account(ctx.workspace, {"name": "空客户"})
    screen.reload()
    screen.select(account_id)
    screen.delete_action.trigger()
    assert screen.model.all_rows() == []
    ctx.undo_stack.undo()
    assert [r.name for r in screen.model.all_rows()] == ["空客户"]


def test_merge_through_the_dialog_and_undo(screen, ctx, qtbot) -> None:
    ids = fill(ctx.workspace)
    screen.reload()
    screen.select(ids["keep"])
    screen.merge_current()
    dialog = screen.dialog
    # The similar-named duplicate is suggested first and chosen.
    assert dialog.list.item(0).data(IdRole) == ids["dup"]
    assert dialog.pair() == (ids["keep"], ids["dup"])
    assert "1 个项目" in dialog.preview.text() and "1 位关键人" in dialog.preview.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.search.setText("华盛")  # the chosen duplicate is filtered away: nothing to merge
    assert dialog.pair() is None and not ok.isEnabled()
    dialog.search.clear()
    dialog.choose(ids["dup"])
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    page = screen.page
    assert page.name.text() == "苏州恒通电子有限公司"
    assert {r.title for r in page.pursuits.all_rows()} == {"ERP 升级", "MES 系统"}
    assert page.people.rowCount() == 2 and page.visits.rowCount() == 1
    assert screen.model.row(ids["dup"]) is None
    ctx.undo_stack.undo()
    assert screen.model.row(ids["dup"]) is not None
    assert {r.title for r in accounts.account_page(ctx.workspace, ids["dup"]).pursuits} == {
        "MES 系统"
    }
    assert {r.title for r in screen.page.pursuits.all_rows()} == {"ERP 升级"}
    ctx.undo_stack.redo()
    assert screen.model.row(ids["dup"]) is None


def test_the_possible_duplicate_link_keeps_the_full_legal_name(screen, ctx, qtbot) -> None:
    """Tester round 6: 西安瑞通精密机械 added beside 西安瑞通精密机械科技有限公司; its page's link
    opens the merge keeping the full name (its pursuit), so Merge does not drop it."""
    full = account_of(ctx.workspace, make(ctx.workspace, "ERP", "西安瑞通精密机械科技有限公司"))
    short, _ = accounts.create_account(ctx.workspace, {"name": "西安瑞通精密机械"})
    screen.reload()
    screen.select(short)
    assert "西安瑞通精密机械科技有限公司" in screen.page.duplicates.text()
    screen.page.duplicates.linkActivated.emit(full)
    dialog = screen.dialog
    assert dialog.keep_other.isChecked() and dialog.pair() == (full, short)
    assert dialog.preview.text().endswith("「西安瑞通精密机械」将被删除。")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert screen.current_id == full and screen.model.row(short) is None
    assert screen.page.name.text() == "西安瑞通精密机械科技有限公司"


def test_merge_keeping_the_other_account(screen, ctx, qtbot) -> None:
    ids = fill(ctx.workspace)
    screen.reload()
    screen.select(ids["keep"])
    screen.merge_current(ids["dup"])
    dialog = screen.dialog
    dialog.keep_other.setChecked(True)
    assert dialog.pair() == (ids["dup"], ids["keep"])
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert screen.current_id == ids["dup"]
    assert screen.model.row(ids["keep"]) is None


def test_layout_is_remembered(screen, ctx, qtbot) -> None:
    from desktop.ui.accounts.screen import AccountsScreen

    fill(ctx.workspace)
    screen.reload()
    screen.view.sortByColumn(3, screen.view.horizontalHeader().sortIndicatorOrder())
    screen.splitter.setSizes([400, 900])
    screen.save_state()
    again = AccountsScreen(ctx, None)
    qtbot.addWidget(again)
    assert again.model.sort_column == 3


def test_the_pursuits_of_an_account_fit_half_a_laptop_screen(screen, ctx, qtbot) -> None:
    """At 1366×768 the page is about 630 px wide: 预计成交 is shown whole, not cut."""
    from datetime import date

    ids = fill(ctx.workspace)
    records.update(ctx.workspace, "pursuit", ids["erp"], {"expected_close": date(2027, 4, 25)})
    screen.resize(1366 - 112, 620)
    screen.reload()
    screen.open_item("account", ids["keep"])
    qtbot.wait(20)
    view = screen.page.pursuit_view
    header = view.horizontalHeader()
    column = screen.page.pursuits.column_index("expected_close")
    assert not header.isSectionHidden(column)
    text = screen.page.pursuits.index(0, column).data()
    assert text and "2027" in text
    assert header.sectionSize(column) >= view.fontMetrics().horizontalAdvance(text) + 8
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    assert right <= view.viewport().width()  # nothing runs off the visible part


def test_duplicates_dialog_merges_accounts_and_people_in_one_undo_step(screen, ctx, qtbot) -> None:
    from desktop.services import duplicates
    from desktop.services import stakeholder_map as smap

    ws = ctx.workspace
    first = make(ws, "MES", "苏州恒通电子有限公司")
    second = make(ws, "WMS", "苏州恒通电子（中国）有限公司")
    smap.create_person(ws, first, {"name": "周总", "phone": "13800138000"})
    smap.create_person(ws, first, {"name": "周 总", "phone": "+86 138-0013-8000"})
    screen.reload()
    screen.find_duplicates()
    dialog = screen.dialog
    assert dialog.tree.topLevelItemCount() == 2  # the two accounts, the two 周总
    accounts_group = dialog.tree.topLevelItem(0)
    dialog.tree.itemClicked.emit(accounts_group.child(1), 0)  # keep the second account
    for number in range(2):  # nothing is merged until the rep ticks the group
        dialog.tree.topLevelItem(number).setCheckState(0, Qt.CheckState.Checked)
    kinds = [kind for kind, _ids in dialog.chosen()]
    assert kinds == ["account", "person"]
    assert dialog.chosen()[0][1][0] == account_of(ws, second)
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert duplicates.find_duplicates(ws) == []
    assert screen.model.row(account_of(ws, first)) is not None  # moved to the one kept
    assert len(smap.load_map(ws, first).people) == 1  # both on one map: one card now
    ctx.undo_stack.undo()
    assert len(duplicates.find_duplicates(ws)) == 2
    assert len(smap.load_map(ws, first).people) == 2
    ctx.undo_stack.redo()
    assert duplicates.find_duplicates(ws) == []


def test_a_person_on_three_pursuits_is_one_row_that_opens_each_map(screen, ctx, qtbot) -> None:
    from desktop.services import stakeholder_map as smap

    ws = ctx.workspace
    erp = make(ws, "ERP 升级", "苏州恒通电子有限公司")
    mes = make(ws, "MES 系统", "苏州恒通电子有限公司")
    wms = make(ws, "WMS 仓储", "苏州恒通电子有限公司")
    zhou, _ = smap.create_person(
        ws, erp, {"name": "周总", "title": "总经理", "phone": "13800138000"}, ["decision_maker"]
    )
    [on_mes], _ = smap.copy_people(ws, mes, [zhou])
    smap.copy_people(ws, wms, [on_mes])
    stakeholders.set_roles(ws, on_mes, ["evaluator", "insider"])
    smap.create_person(ws, mes, {"name": "李工"})
    screen.reload()
    assert screen.open_item("account", account_of(ws, erp))
    page = screen.page
    assert page.people.rowCount() == 2 and page.tabs.tabText(1) == "关键人（2）"
    [row] = [r for r in page.people.all_rows() if r.name == "周总"]
    assert (row.title, row.phone) == ("总经理", "13800138000")
    column = page.people.column_index("pursuits")
    [number] = [n for n in range(2) if page.people.index(n, 0).data() == "周总"]
    shown = page.people.index(number, column).data()
    assert shown == "ERP 升级（决策者）；MES 系统（内线、评估者）；WMS 仓储（决策者）"
    menu = page.person_menu(row)
    assert [a.text() for a in menu.actions()] == [
        f"打开 {title} 的关键人地图" for title in ("ERP 升级", "MES 系统", "WMS 仓储")
    ]
    with qtbot.waitSignal(page.pursuit_requested) as opened:
        menu.actions()[1].trigger()
    assert opened.args == [mes, "stakeholders"]
    with qtbot.waitSignal(page.pursuit_requested) as opened:
        page.people_view.doubleClicked.emit(page.people.index(number, 0))
    assert opened.args == [erp, "stakeholders"]
    menu.deleteLater()
    tip = page.people.index(number, column).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == [
        "ERP 升级（决策者）",
        "MES 系统（内线、评估者）",
        "WMS 仓储（决策者）",
    ]


def test_people_on_no_map_are_listed_with_no_pursuits(screen, ctx, qtbot, tmp_path) -> None:
    """People imported onto the account (a phone's vCards) are among its people, pursuits empty;
    a row of someone on no map opens no map and has no menu of maps."""
    from desktop.services.imports import table_import as ti
    from desktop.services.imports import vcards

    ws = ctx.workspace
    erp = make(ws, "ERP 升级", "苏州恒通电子有限公司")
    stakeholders.create_stakeholder(ws, erp, {"name": "王芳", "title": "CIO"})
    path = tmp_path / "phone.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:赵名片\r\nTITLE:采购经理\r\n"
        "TEL;TYPE=CELL:13800001111\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    table = vcards.cards_table(path, vcards.parse_vcards(path.read_bytes()))
    account_id = account_of(ws, erp)
    plan = ti.preview(ws, table, "people", vcards.MAPPING, account_id=account_id)
    ti.run_import(ws, plan, backup=False)
    screen.reload()
    assert screen.open_item("account", account_id)
    page = screen.page
    assert page.people.rowCount() == 2 and page.tabs.tabText(1) == "关键人（2）"
    [number] = [n for n in range(2) if page.people.index(n, 0).data() == "赵名片"]
    column = page.people.column_index("pursuits")
    assert page.people.index(number, column).data() == ""
    [row] = [r for r in page.people.all_rows() if r.name == "赵名片"]
    assert (row.title, row.phone, row.pursuits, row.pursuit_id) == (
        "采购经理",
        "13800001111",
        (),
        None,
    )
    with qtbot.assertNotEmitted(page.pursuit_requested):
        page.people_view.doubleClicked.emit(page.people.index(number, 0))


def test_the_status_bar_says_a_merge_was_undone_and_redone(ctx, qtbot) -> None:
    """As the Duplicates dialog's merge does: the dialog has closed, and an undo shows nothing on
    a page that does not list the account brought back."""
    from PySide6.QtWidgets import QMainWindow

    from desktop.ui.accounts.screen import AccountsScreen

    window = QMainWindow()
    qtbot.addWidget(window)
    screen = AccountsScreen(ctx, window)
    window.setCentralWidget(screen)
    ids = fill(ctx.workspace)
    screen.reload()
    screen.select(ids["keep"])
    screen.merge_current(ids["dup"])
    with qtbot.waitSignal(screen.dialog.finished):
        screen.dialog.accept()
    status = window.statusBar()
    merged = "已将「恒通电子」合并到「苏州恒通电子有限公司」 — 按 Ctrl+Z 可撤销"
    assert status.currentMessage() == merged
    ctx.undo_stack.undo()
    assert status.currentMessage() == "已撤销将「恒通电子」合并到「苏州恒通电子有限公司」"
    assert screen.model.row(ids["dup"]) is not None
    ctx.undo_stack.redo()
    assert status.currentMessage() == merged


def test_the_status_bar_says_a_delete_was_undone_and_redone(ctx, qtbot) -> None:
    """The delete offers Ctrl+Z; once the undo has happened the offer must not stay up."""
    from PySide6.QtWidgets import QMainWindow

    from desktop.ui.accounts.screen import AccountsScreen

    window = QMainWindow()
    qtbot.addWidget(window)
    screen = AccountsScreen(ctx, window)
    window.setCentralWidget(screen)
    window.show()
    qtbot.waitExposed(window)
    account_id, _ = accounts.create_account(ctx.workspace, {"name": "空客户"})
    screen.reload()
    screen.select(account_id)
    screen.delete_action.trigger()
    assert screen.model.row(account_id) is None
    status = window.statusBar()
    deleted = status.currentMessage()
    assert "空客户" in deleted and "Ctrl+Z" in deleted
    ctx.undo_stack.undo()
    assert screen.model.row(account_id) is not None
    assert status.currentMessage() == "已撤销：删除客户「空客户」"
    ctx.undo_stack.redo()
    assert screen.model.row(account_id) is None
    assert "空客户" in status.currentMessage() and "Ctrl+Z" in status.currentMessage()


def test_one_account_reads_one_in_english(screen, ctx) -> None:
    """The count read "1 accounts" before the nouns were counted in one place (ui/common/counts)."""
    from desktop.infra import i18n

    i18n.install("en")
    try:
        make(ctx.workspace, "ERP", "Oakfield Securities")
        screen.reload()
        assert screen.count.text() == "1 account"
    finally:
        i18n.install("zh_CN")
