"""The side panels: editing a person field by field, links, and the coverage of the roles."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services import stakeholder_map as smap


def stored(ctx, pursuit_id, person_id):
    return smap.load_map(ctx.workspace, pursuit_id).person(person_id)


@pytest.fixture
def panel(editor, sample_map):
    _, names = sample_map
    editor.select_person(names["周敏"])
    return editor.details.person


def type_into(qtbot, edit, text: str) -> None:
    """Type `text` as the user would (QTest cannot type Chinese keys), then press Enter."""
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)  # like typing: the edit is marked modified
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_selecting_a_card_shows_its_fields(editor, panel, sample_map) -> None:
    _, names = sample_map
    assert editor.details.currentWidget() is panel
    assert panel.edits["name"].text() == "周敏"
    assert panel.edits["title"].text() == "质量部经理"
    assert panel.relationship.currentData() == "acquainted"
    assert panel.personality.currentData() == "owl"
    assert "数据" in panel.personality_hint.text()  # how to deal with an owl, from the catalog
    assert panel.reports_to.currentData() == names["王海涛"]
    assert not any(box.isChecked() for box in panel.role_boxes.values())


def test_each_field_saves_by_itself_with_undo(editor, panel, ctx, sample_map, qtbot) -> None:
    pursuit_id, names = sample_map
    pid = names["周敏"]
    type_into(qtbot, panel.edits["title"], "质量总监")
    assert stored(ctx, pursuit_id, pid).title == "质量总监"
    assert editor.scene.people[pid].person.title == "质量总监"
    panel.texts["plan"].setFocus()
    panel.texts["plan"].insertPlainText("约她参观标杆工厂")
    panel.edits["phone"].setFocus()  # leaving the text box saves it
    assert stored(ctx, pursuit_id, pid).plan == "约她参观标杆工厂"
    panel.role_boxes["evaluator"].click()
    panel.help_boxes["share_info"].click()
    person = stored(ctx, pursuit_id, pid)
    assert person.roles == {"evaluator"} and person.help == {"share_info"}
    index = panel.relationship.findData("interacting")
    panel.relationship.setCurrentIndex(index)
    panel.relationship.activated.emit(index)
    assert stored(ctx, pursuit_id, pid).relationship == "interacting"
    index = panel.personality.findData(None)
    panel.personality.setCurrentIndex(index)
    panel.personality.activated.emit(index)
    assert stored(ctx, pursuit_id, pid).personality is None
    assert ctx.undo_stack.count() == 6
    for _ in range(6):
        ctx.undo_stack.undo()
    person = stored(ctx, pursuit_id, pid)
    assert (person.title, person.plan, person.roles, person.relationship, person.personality) == (
        "质量部经理",
        "",
        frozenset(),
        "acquainted",
        "owl",
    )
    assert panel.edits["title"].text() == "质量部经理"  # the panel follows undo


def test_an_empty_name_is_refused_in_place(editor, panel, ctx, sample_map, qtbot) -> None:
    pursuit_id, names = sample_map
    type_into(qtbot, panel.edits["name"], "   ")
    assert panel.name_error.isVisibleTo(panel)
    assert panel.edits["name"].text() == "周敏"
    assert stored(ctx, pursuit_id, names["周敏"]).name == "周敏"
    assert ctx.undo_stack.count() == 0
    type_into(qtbot, panel.edits["name"], "周敏慧")
    assert not panel.name_error.isVisibleTo(panel)
    assert stored(ctx, pursuit_id, names["周敏"]).name == "周敏慧"


def test_the_empty_name_message_sits_under_the_name(editor, panel, qtbot) -> None:
    """Between 姓名 and 职务, not under 部门 further down."""
    editor.show()
    qtbot.waitExposed(editor)
    type_into(qtbot, panel.edits["name"], "")
    qtbot.waitUntil(lambda: panel.name_error.isVisible())

    def top(widget) -> int:
        return widget.mapTo(panel, widget.rect().topLeft()).y()

    assert top(panel.edits["name"]) < top(panel.name_error) < top(panel.edits["title"])


def test_reports_to_offers_no_one_below_and_saves(editor, ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    editor.select_person(names["王海涛"])
    panel = editor.details.person
    offered = {panel.reports_to.itemData(i) for i in range(panel.reports_to.count())}
    for below in ("刘洋", "周敏", "赵磊", "孙婷"):
        assert names[below] not in offered  # choosing them would make a loop
    assert names["王海涛"] not in offered and None in offered
    index = panel.reports_to.findData(names["张伟"])
    panel.reports_to.setCurrentIndex(index)
    panel.reports_to.activated.emit(index)
    assert stored(ctx, pursuit_id, names["王海涛"]).reports_to_id == names["张伟"]
    assert editor.scene.reports[names["王海涛"]].target is editor.scene.people[names["张伟"]]


def test_links_are_listed_added_and_removed_from_the_panel(editor, ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    editor.select_person(names["何丽"])
    panel = editor.details.person
    texts = [panel.links.item(i).text() for i in range(panel.links.count())]
    assert any("反对" in t and "张伟" in t and "倾向原供应商" in t for t in texts)
    panel.new_kind.setCurrentIndex(panel.new_kind.findData("influences"))
    panel.new_target.setCurrentIndex(panel.new_target.findData(names["李娜"]))
    panel.add_link.click()
    links = smap.load_map(ctx.workspace, pursuit_id).links
    added = [lk for lk in links if (lk.from_id, lk.to_id) == (names["何丽"], names["李娜"])]
    assert [lk.kind for lk in added] == ["influences"]
    assert panel.links.count() == 2
    row = next(
        i
        for i in range(panel.links.count())
        if panel.links.item(i).data(Qt.ItemDataRole.UserRole) == added[0].id
    )
    panel.links.setCurrentRow(row)
    panel.remove_link.click()
    assert added[0].id not in {lk.id for lk in smap.load_map(ctx.workspace, pursuit_id).links}
    # Adding a duplicate is refused with the map's own message.
    panel.new_kind.setCurrentIndex(panel.new_kind.findData("opposes"))
    panel.new_target.setCurrentIndex(panel.new_target.findData(names["张伟"]))
    panel.add_link.click()
    from PySide6.QtWidgets import QApplication

    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and w.objectName() == "error_box"
    ]
    assert boxes and "已有同样的连线" in boxes[-1].text()
    for box in boxes:
        box.close()


def test_link_panel_changes_kind_note_and_direction(editor, ctx, sample_map, qtbot) -> None:
    pursuit_id, names = sample_map
    link = next(
        lk
        for lk in editor.document.links()
        if (lk.from_id, lk.kind) == (names["林晓"], "influences")
    )
    editor.scene.select_only([editor.scene.links[link.id]])
    panel = editor.details.link
    assert editor.details.currentWidget() is panel
    assert "林晓" in panel.title.text() and "张伟" in panel.title.text()
    index = panel.kind.findData("ally_of")
    panel.kind.setCurrentIndex(index)
    panel.kind.activated.emit(index)
    assert editor.document.link(link.id).kind == "ally_of"  # type: ignore[union-attr]
    assert not panel.reverse.isEnabled()  # an alliance has no direction
    index = panel.kind.findData("influences")
    panel.kind.setCurrentIndex(index)
    panel.kind.activated.emit(index)
    type_into(qtbot, panel.note, "设计院专家,张伟很看重")
    assert editor.document.link(link.id).note == "设计院专家,张伟很看重"  # type: ignore[union-attr]
    panel.reverse.click()
    reversed_links = [
        lk
        for lk in smap.load_map(ctx.workspace, pursuit_id).links
        if (lk.from_id, lk.to_id) == (names["张伟"], names["林晓"])
    ]
    assert [(lk.kind, lk.note) for lk in reversed_links] == [
        ("influences", "设计院专家,张伟很看重")
    ]


def test_reports_line_selected_can_be_removed(editor, ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    editor.scene.select_only([editor.scene.reports[names["吴静"]]])
    panel = editor.details.link
    assert "吴静" in panel.title.text() and "李娜" in panel.title.text()
    panel.delete.click()
    assert stored(ctx, pursuit_id, names["吴静"]).reports_to_id is None
    ctx.undo_stack.undo()
    assert stored(ctx, pursuit_id, names["吴静"]).reports_to_id == names["李娜"]


def test_coverage_names_roles_counts_allies_and_advice(editor, sample_map) -> None:
    _, names = sample_map
    coverage = editor.coverage
    text = coverage.roles.text()
    assert "决策者" in text and "陈建国" in text
    assert "已找到 5/5 个采购角色" in text
    assert coverage.bars.counts == {
        "acquainted": 5,
        "interacting": 5,
        "personal_trust": 2,
        "ally": 3,
    }
    for ally in ("张伟", "郑浩", "孙婷"):
        assert ally in coverage.allies.text()
    editor.select_person(names["陈建国"])
    assert coverage.person.isVisibleTo(coverage)
    person_text = coverage.person.text()
    assert "老虎" in person_text and "简明扼要" in person_text
    # Remove the only decision-maker: the role shows as missing, with who to look for.
    editor.details.person.role_boxes["decision_maker"].click()
    text = coverage.roles.text()
    assert "已找到 4/5 个采购角色" in text and "尚未找到" in text and "拍板" in text


def test_clicking_a_name_in_coverage_selects_the_card(editor, sample_map) -> None:
    _, names = sample_map
    editor.coverage.roles.linkActivated.emit(f"person:{names['何丽']}")
    assert editor.scene.selected_people() == [names["何丽"]]


def test_several_selected_show_a_summary(editor, sample_map) -> None:
    _, names = sample_map
    editor.select_people([names["李娜"], names["吴静"]])
    assert editor.details.currentWidget() is editor.details.several
    assert "2" in editor.details.several.summary.text()
