"""Adding competitor columns from the global list, and the profile beside its playbook."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import indicators, pursuits, stakeholders
from desktop.services.indicators import score_column
from desktop.services.pursuits import PursuitDraft


def pick(qtbot, tab, text: str):
    dialog = tab.competitors.open_picker()
    assert dialog is not None and dialog.isVisible()
    dialog.filter.setText(text)
    return dialog


def test_pick_an_existing_competitor_with_its_playbook(qtbot, tab, deal, ctx) -> None:
    # 赛达 is in the deal; a second pursuit meets it for the first time.
    second, _ = pursuits.create_pursuit(
        ctx.workspace, PursuitDraft(title="WMS", account_name="港务")
    )
    tab.set_pursuit(second)
    dialog = pick(qtbot, tab, "赛达")
    assert dialog.list.count() == 2  # 赛达软件, then "Create “赛达”"
    assert dialog.chosen_id == deal.sai
    assert dialog.use_playbook.isVisible()  # the playbook is offered
    assert "二次开发成本高" in dialog.preview.text()
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    grid = indicators.load_grid(ctx.workspace, second)
    assert grid.competitor_ids == [deal.sai]
    notes = indicators.profile(ctx.workspace, second, deal.sai).notes
    assert (notes["flaws"], notes["label"]) == ("二次开发成本高", "“昂贵的半成品”")
    assert score_column(deal.sai) in tab.model.columns
    assert "added" in tab.message.text()
    ctx.undo_stack.undo()
    assert indicators.load_grid(ctx.workspace, second).competitor_ids == []


def test_decline_the_playbook(qtbot, tab, deal, ctx) -> None:
    second, _ = pursuits.create_pursuit(
        ctx.workspace, PursuitDraft(title="WMS", account_name="港务")
    )
    tab.set_pursuit(second)
    dialog = pick(qtbot, tab, "")
    assert {dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)} == {
        deal.sai,
        deal.yun,
    }
    dialog.list.setCurrentRow(
        next(i for i in range(2) if dialog.list.item(i).data(Qt.ItemDataRole.UserRole) == deal.sai)
    )
    assert dialog.use_playbook.isVisible()
    dialog.use_playbook.setChecked(False)
    dialog.accept()
    assert indicators.profile(ctx.workspace, second, deal.sai).notes["flaws"] == ""


def test_create_a_competitor_from_the_picker_and_undo(qtbot, tab, deal, ctx) -> None:
    dialog = pick(qtbot, tab, "  恒通  信息 ")
    first = dialog.list.item(0)
    assert "Create" in first.text() and "恒通 信息" in first.text()
    assert dialog.new_name == "恒通 信息"
    assert not dialog.use_playbook.isVisible()
    dialog.accept()
    new = indicators.find_competitor(ctx.workspace, "恒通 信息")
    assert new is not None
    assert deal.grid().competitor_ids == [deal.sai, deal.yun, new]
    ctx.undo_stack.undo()
    assert deal.grid().competitor_ids == [deal.sai, deal.yun]
    assert indicators.find_competitor(ctx.workspace, "恒通 信息") is None  # out of the list too
    ctx.undo_stack.redo()
    assert deal.grid().competitor_ids == [deal.sai, deal.yun, new]


def test_members_are_not_offered_again(qtbot, tab, deal) -> None:
    dialog = pick(qtbot, tab, "")
    assert dialog.list.count() == 0
    assert not dialog.ok.isEnabled()
    assert "already in this pursuit" in dialog.preview.text()
    dialog.filter.setText("赛达软件")  # taken: no "Create" either
    assert dialog.list.count() == 0
    dialog.reject()


def test_a_removed_competitor_comes_back_with_its_scores(qtbot, tab, deal) -> None:
    tab.competitors.remove_competitor(deal.yun)
    dialog = pick(qtbot, tab, "云启")
    assert "come back" in dialog.preview.text()
    assert not dialog.use_playbook.isVisible()
    dialog.accept()
    assert deal.grid().criteria[0].scores[deal.yun] == 4


def test_profile_saves_as_you_type_and_undoes(qtbot, tab, deal, ctx) -> None:
    dialog = tab.competitors.open_profile(deal.sai)
    assert dialog.windowTitle().startswith("赛达软件")
    label = dialog.notes_edits["label"]
    label.setPlainText("“昂贵的半成品”")
    qtbot.waitUntil(
        lambda: (
            indicators.profile(ctx.workspace, deal.pursuit_id, deal.sai).notes["label"]
            == "“昂贵的半成品”"
        ),
        timeout=3000,
    )
    dialog.notes_edits["allies"].setPlainText("王主任")
    dialog.save()
    notes = indicators.profile(ctx.workspace, deal.pursuit_id, deal.sai).notes
    assert notes["allies"] == "王主任"
    # The label shows on the column's header tooltip and the profile menu.
    column = tab.model.column_of(score_column(deal.sai))
    assert "昂贵的半成品" in tab.model.headerData(column, Qt.Orientation.Horizontal, 3)
    ctx.undo_stack.undo()
    assert dialog.notes_edits["allies"].toPlainText() == ""  # the dialog follows undo
    ctx.undo_stack.undo()
    assert indicators.profile(ctx.workspace, deal.pursuit_id, deal.sai).notes["label"] == ""


def test_typing_on_in_one_field_is_one_undo_step(qtbot, tab, deal, ctx) -> None:
    dialog = tab.competitors.open_profile(deal.yun)
    edit = dialog.notes_edits["harm"]
    count = ctx.undo_stack.count()
    edit.setPlainText("数据")
    dialog.save()
    edit.setPlainText("数据出境")
    dialog.save()
    assert ctx.undo_stack.count() == count + 1
    ctx.undo_stack.undo()
    assert indicators.profile(ctx.workspace, deal.pursuit_id, deal.yun).notes["harm"] == ""


def test_use_the_playbook_and_grow_it(qtbot, tab, deal, ctx) -> None:
    dialog = tab.competitors.open_profile(deal.sai)
    dialog.use_buttons["weaknesses"].click()
    assert indicators.profile(ctx.workspace, deal.pursuit_id, deal.sai).notes["flaws"] == (
        "二次开发成本高"
    )
    assert dialog.notes_edits["flaws"].toPlainText() == "二次开发成本高"
    dialog.notes_edits["case_story"].setPlainText("某客户上线一年仍在返工")
    dialog.contribute.click()
    book = indicators.playbook(ctx.workspace, deal.sai)
    assert book["case_stories"] == "某客户上线一年仍在返工"
    assert dialog.playbook_edits["case_stories"].toPlainText() == "某客户上线一年仍在返工"
    ctx.undo_stack.undo()
    assert indicators.playbook(ctx.workspace, deal.sai)["case_stories"] == ""


def test_rename_in_the_playbook_renames_the_column(qtbot, tab, deal, ctx) -> None:
    dialog = tab.competitors.open_profile(deal.yun)
    name = dialog.playbook_edits["name"]
    name.setText("云启科技集团")
    name.editingFinished.emit()
    column = tab.model.column_of(score_column(deal.yun))
    assert tab.model.headerData(column, Qt.Orientation.Horizontal) == "云启科技集团"
    assert dialog.windowTitle().startswith("云启科技集团")
    name.setText("赛达软件")  # taken: refused, nothing changes
    name.editingFinished.emit()
    assert indicators.playbook(ctx.workspace, deal.yun)["name"] == "云启科技集团"


def test_allies_are_picked_from_the_people_of_the_pursuit(qtbot, ctx, deal) -> None:
    from desktop.ui.indicators.widget import IndicatorGridWidget

    stakeholders.create_stakeholder(ctx.workspace, deal.pursuit_id, {"name": "王主任"})
    widget = IndicatorGridWidget(ctx)
    qtbot.addWidget(widget)
    widget.set_pursuit(deal.pursuit_id)
    dialog = widget.competitors.open_profile(deal.sai)
    assert "王主任" in dialog.allies_hint.text()
    dialog.ally_picker.setText("王主任")
    dialog.ally_picker.returnPressed.emit()
    assert indicators.profile(ctx.workspace, deal.pursuit_id, deal.sai).notes["allies"] == "王主任"


def test_profile_closes_when_its_column_is_removed(qtbot, tab, deal) -> None:
    dialog = tab.competitors.open_profile(deal.sai)
    assert tab.competitors.open_profile(deal.sai) is dialog  # one window per competitor
    tab.competitors.remove_competitor(deal.sai)
    assert not dialog.isVisible()


def test_the_picker_on_a_database_without_competitors_says_so(qtbot, ctx, ws) -> None:
    from desktop.ui.indicators.widget import IndicatorGridWidget

    first, _ = pursuits.create_pursuit(ws, PursuitDraft(title="WMS", account_name="港务"))
    widget = IndicatorGridWidget(ctx)
    qtbot.addWidget(widget)
    widget.set_pursuit(first)
    widget.show()
    dialog = widget.competitors.open_picker()
    text = dialog.preview.text()
    assert "No competitors yet" in text and "already" not in text
    dialog.reject()


def test_a_close_name_offers_the_competitor_on_the_list(qtbot, tab, deal, ctx) -> None:
    """金桥系统有限公司 typed where 金桥 is on the list (the accounts' rule, CloseAccounts): the
    existing one is listed first and chosen, and "Create" says why it may be the same rival."""
    jinqiao, _ = indicators.create_competitor(ctx.workspace, "金桥")
    dialog = pick(qtbot, tab, "金桥系统有限公司")
    assert dialog.list.count() == 2
    assert dialog.chosen_id == jinqiao  # not a substring of what was typed, listed all the same
    assert "Close to the name typed" in dialog.preview.text()
    dialog.list.setCurrentRow(1)
    assert dialog.new_name == "金桥系统有限公司"
    assert 'Close to a competitor on the list: "金桥". Pick it above' in dialog.preview.text()
    dialog.filter.setText("恒通信息")  # nothing close: no hint
    assert "Close to" not in dialog.preview.text()
    dialog.reject()


def test_a_close_name_already_in_the_pursuit_is_named(qtbot, tab, deal) -> None:
    dialog = pick(qtbot, tab, "赛达软件有限公司")  # 赛达软件 is in this pursuit
    assert dialog.list.count() == 1 and dialog.new_name == "赛达软件有限公司"
    assert 'Already in this pursuit: "赛达软件".' in dialog.preview.text()
    dialog.filter.setText("赛达软件")  # that very name: nothing to create, and said why
    assert dialog.list.count() == 0
    assert 'Already in this pursuit: "赛达软件".' in dialog.preview.text()
    dialog.reject()


def _ink_columns(image, left: int, right: int) -> list[int]:
    """The x of every pixel column between left and right holding text (dark) pixels."""
    return [
        x
        for x in range(left, right)
        if any(image.pixelColor(x, y).lightness() < 100 for y in range(4, image.height() - 4))
    ]


def test_a_long_competitor_name_is_elided_at_its_end_and_whole_in_the_tooltip(
    qtbot, ctx, deal, tab
) -> None:
    name = "Harrow Consulting Group International"
    long_id, _ = indicators.create_competitor(ctx.workspace, name)
    indicators.add_competitor(ctx.workspace, deal.pursuit_id, long_id)
    tab.set_pursuit(deal.pursuit_id)
    column = tab.model.column_of(score_column(long_id))
    header = tab.view.horizontalHeader()
    header.resizeSection(column, 90)
    qtbot.waitUntil(lambda: header.sectionSize(column) == 90)
    image = header.grab().toImage()
    left = header.sectionViewportPosition(column)
    ink = _ink_columns(image, left + 1, left + 89)
    # Centred text wider than its section was cut on both sides ("arrow Consulting Gr").
    assert ink and ink[0] > left + 2 and ink[-1] < left + 88, (left, ink[:3], ink[-3:])
    assert tab.model.headerData(column, Qt.Orientation.Horizontal, 3).startswith(name)
