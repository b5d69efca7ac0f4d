"""Gestures on the view through synthetic mouse and key events: create, move, link, select."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop.services import stakeholder_map as smap
from desktop.ui.stakeholder_map.items import LinkItem, ReportsLineItem
from desktop.ui.stakeholder_map.style import CARD_HEIGHT, CARD_WIDTH


def empty_spot(editor) -> QPointF:
    rect = editor.scene.people_rect()
    return QPointF(rect.right() + 300, rect.top() + 50)


def centre_of(editor, person_id) -> QPointF:
    item = editor.scene.people[person_id]
    editor.view.centerOn(item)
    return item.centre()


def stored(ctx, pursuit_id, person_id):
    return smap.load_map(ctx.workspace, pursuit_id).person(person_id)


def test_double_click_on_empty_space_creates_a_person_there(editor, ctx, sample_map, mouse) -> None:
    pursuit_id, _ = sample_map
    spot = empty_spot(editor)
    editor.view.centerOn(spot)
    mouse.double_click(editor.view, spot)
    assert ctx.undo_stack.count() == 1
    new = [p for p in editor.document.people() if p.name in ("新关键人", "New person")]
    assert len(new) == 1
    person = new[0]
    item = editor.scene.people[person.id]
    assert item.card_rect().contains(spot)
    assert item.isSelected()
    assert editor.details.person.person_id == person.id
    assert editor.details.person.edits["name"].hasFocus()
    assert stored(ctx, pursuit_id, person.id) is not None
    ctx.undo_stack.undo()
    assert person.id not in editor.scene.people
    ctx.undo_stack.redo()
    assert person.id in editor.scene.people


def test_dragging_a_card_moves_it_and_is_one_undo_step(editor, ctx, sample_map, mouse) -> None:
    pursuit_id, names = sample_map
    pid = names["郭芳"]
    before = stored(ctx, pursuit_id, pid)
    start = centre_of(editor, pid)
    mouse.drag(editor.view, start, start + QPointF(120, 64), steps=8)
    after = stored(ctx, pursuit_id, pid)
    assert (after.x, after.y) == (before.x + 120, before.y + 64)
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    item = editor.scene.people[pid]
    assert (item.pos().x(), item.pos().y()) == (before.x, before.y)
    assert (stored(ctx, pursuit_id, pid).x, stored(ctx, pursuit_id, pid).y) == (before.x, before.y)
    ctx.undo_stack.redo()
    assert (item.pos().x(), item.pos().y()) == (before.x + 120, before.y + 64)


def test_moving_several_selected_cards_is_one_undo_step(editor, ctx, sample_map, mouse) -> None:
    pursuit_id, names = sample_map
    ids = [names["黄志强"], names["林晓"], names["郭芳"]]
    editor.select_people(ids)
    before = {pid: (stored(ctx, pursuit_id, pid).x, stored(ctx, pursuit_id, pid).y) for pid in ids}
    start = centre_of(editor, ids[0])
    mouse.drag(editor.view, start, start + QPointF(-40, 200))
    for pid in ids:
        person = stored(ctx, pursuit_id, pid)
        assert (person.x, person.y) == (before[pid][0] - 40, before[pid][1] + 200)
    assert ctx.undo_stack.count() == 1
    assert "3" in ctx.undo_stack.undoText()
    ctx.undo_stack.undo()
    for pid in ids:
        person = stored(ctx, pursuit_id, pid)
        assert (person.x, person.y) == before[pid]


def test_a_click_without_moving_pushes_nothing(editor, ctx, sample_map, mouse) -> None:
    _, names = sample_map
    mouse.click(editor.view, centre_of(editor, names["李娜"]))
    assert editor.scene.selected_people() == [names["李娜"]]
    assert ctx.undo_stack.count() == 0


def test_rubber_band_selects_the_cards_it_touches(editor, sample_map, mouse) -> None:
    _, names = sample_map
    loose = [editor.scene.people[names[n]] for n in ("黄志强", "林晓", "郭芳")]
    rect = loose[0].card_rect().united(loose[-1].card_rect())
    editor.view.fit()
    mouse.drag(editor.view, rect.topRight() + QPointF(30, -20), rect.bottomLeft() + QPointF(20, 10))
    assert set(editor.scene.selected_people()) == {names[n] for n in ("黄志强", "林晓", "郭芳")}


def _drag_link(editor, mouse, source_id, target_id) -> QMenu:
    source = editor.scene.people[source_id]
    editor.view.fit()
    mouse.click(editor.view, source.centre())  # selected: its handle shows
    handle = source.pos() + source.handle.pos()
    mouse.drag(editor.view, handle, editor.scene.people[target_id].centre(), steps=10)
    menus = [m for m in editor.findChildren(QMenu, "link_kind_menu") if m.isVisible()]
    assert len(menus) == 1
    return menus[0]


def _choose(menu: QMenu, kind: str) -> None:
    action = next(a for a in menu.actions() if a.data() == kind)
    assert action.isEnabled()
    action.trigger()
    menu.close()


def test_dragging_from_the_handle_onto_a_card_draws_a_link(editor, ctx, sample_map, mouse) -> None:
    pursuit_id, names = sample_map
    menu = _drag_link(editor, mouse, names["郭芳"], names["陈建国"])
    _choose(menu, "influences")
    links = [
        lk
        for lk in smap.load_map(ctx.workspace, pursuit_id).links
        if (lk.from_id, lk.to_id) == (names["郭芳"], names["陈建国"])
    ]
    assert [lk.kind for lk in links] == ["influences"]
    assert isinstance(editor.scene.links[links[0].id], LinkItem)
    # The drag drew a link, not a rubber band: only the card it started from stays selected
    # (the next drag must not move everything the band swept over).
    assert editor.scene.selectedItems() == [editor.scene.people[names["郭芳"]]]
    # Select it and delete it with the key (no question: undo brings it back).
    editor.scene.select_only([editor.scene.links[links[0].id]])
    editor.view.setFocus()
    QTest.keyClick(editor.view, Qt.Key.Key_Delete)
    assert links[0].id not in editor.scene.links
    ctx.undo_stack.undo()
    assert links[0].id in editor.scene.links
    ctx.undo_stack.undo()
    assert links[0].id not in editor.scene.links


def test_drawing_a_reports_to_line_and_loops_are_offered_disabled(
    editor, ctx, sample_map, mouse
) -> None:
    pursuit_id, names = sample_map
    menu = _drag_link(editor, mouse, names["郭芳"], names["陈建国"])
    _choose(menu, "reports_to")
    assert stored(ctx, pursuit_id, names["郭芳"]).reports_to_id == names["陈建国"]
    assert isinstance(editor.scene.reports[names["郭芳"]], ReportsLineItem)
    # The CEO cannot report to someone who reports to them.
    menu = _drag_link(editor, mouse, names["陈建国"], names["孙婷"])
    reports = next(a for a in menu.actions() if a.data() == "reports_to")
    assert not reports.isEnabled()
    menu.close()
    ctx.undo_stack.undo()
    assert names["郭芳"] not in editor.scene.reports


def test_dropping_a_link_on_empty_space_does_nothing(editor, ctx, sample_map, mouse) -> None:
    _, names = sample_map
    source = editor.scene.people[names["郭芳"]]
    editor.view.fit()
    mouse.click(editor.view, source.centre())
    start = source.pos() + source.handle.pos()
    mouse.drag(editor.view, start, start + QPointF(0, 400))
    assert not [m for m in editor.findChildren(QMenu, "link_kind_menu") if m.isVisible()]
    assert ctx.undo_stack.count() == 0
    assert source.pos() == QPointF(source.person.x, source.person.y)


def test_keyboard_nudges_merge_into_one_step(editor, ctx, sample_map, qtbot) -> None:
    pursuit_id, names = sample_map
    pid = names["马超"]
    before = stored(ctx, pursuit_id, pid)
    editor.select_people([pid])
    editor.view.setFocus()
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down):
        qtbot.keyClick(editor.view, key)
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    after = stored(ctx, pursuit_id, pid)
    assert (after.x, after.y) == (before.x + 16 + 40, before.y + 8)
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert (stored(ctx, pursuit_id, pid).x, stored(ctx, pursuit_id, pid).y) == (before.x, before.y)


def test_alt_arrows_walk_the_selection(editor, sample_map, qtbot) -> None:
    _, names = sample_map
    editor.arrange()
    editor.select_people([names["陈建国"]])
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    chosen = editor.scene.selected_people()
    assert len(chosen) == 1 and chosen[0] != names["陈建国"]
    below = editor.document.person(chosen[0])
    assert below is not None and below.reports_to_id == names["陈建国"]


def test_delete_key_asks_before_deleting_people(editor, ctx, sample_map, qtbot) -> None:
    pursuit_id, names = sample_map
    editor.select_people([names["张伟"]])
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    box = editor.findChild(QMessageBox, "confirm_delete")
    assert box is not None and box.isVisible()
    assert "张伟" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert names["张伟"] in editor.scene.people
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    box = next(b for b in editor.findChildren(QMessageBox, "confirm_delete") if b.isVisible())
    delete = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    delete.click()
    assert names["张伟"] not in editor.scene.people
    assert stored(ctx, pursuit_id, names["张伟"]) is None
    ctx.undo_stack.undo()
    assert names["张伟"] in editor.scene.people
    assert editor.document.person(names["郑浩"]).reports_to_id == names["张伟"]  # type: ignore[union-attr]


def test_zoom_and_fit_keys(editor, qtbot) -> None:
    editor.view.setFocus()
    editor.view.actual_size()
    qtbot.keyClick(editor.view, Qt.Key.Key_Plus)
    assert editor.view.zoom() > 1.0
    qtbot.keyClick(editor.view, Qt.Key.Key_Minus)
    qtbot.keyClick(editor.view, Qt.Key.Key_Minus)
    assert editor.view.zoom() < 1.0
    qtbot.keyClick(editor.view, Qt.Key.Key_F)
    visible = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert visible.contains(editor.scene.people_rect())
    assert editor.zoom_label.text() == f"{round(editor.view.zoom() * 100)}%"


def test_n_adds_a_person_in_a_free_spot(editor, ctx, qtbot) -> None:
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_N)
    (new,) = editor.scene.selected_people()
    card = editor.scene.people[new].card_rect()
    others = [i for pid, i in editor.scene.people.items() if pid != new]
    assert not any(o.card_rect().intersects(card) for o in others)
    assert card.width() == CARD_WIDTH and card.height() == CARD_HEIGHT


def test_context_menu_on_a_card_offers_a_report(editor, ctx, sample_map) -> None:
    _, names = sample_map
    centre = editor.scene.people[names["何丽"]].centre()
    menu = editor.context_menu(centre, editor.view.mapToGlobal(editor.view.mapFromScene(centre)))
    assert menu is not None
    add = next(a for a in menu.actions() if a.text() in ("添加下属", "Add a report"))
    add.trigger()
    menu.close()
    (new,) = editor.scene.selected_people()
    assert editor.document.person(new).reports_to_id == names["何丽"]  # type: ignore[union-attr]


def test_escape_during_a_drag_puts_the_card_back(editor, ctx, sample_map, mouse, qtbot) -> None:
    from PySide6.QtCore import QEvent

    _, names = sample_map
    pid = names["郭芳"]
    item = editor.scene.people[pid]
    before = item.pos()
    start = centre_of(editor, pid)
    editor.view.setFocus()
    mouse.send(editor.view, QEvent.Type.MouseButtonPress, start)
    for step in (10, 40, 80):
        mouse.send(
            editor.view,
            QEvent.Type.MouseMove,
            start + QPointF(step, step),
            button=Qt.MouseButton.NoButton,
            buttons=Qt.MouseButton.LeftButton,
        )
    assert item.pos() != before
    qtbot.keyClick(editor.view, Qt.Key.Key_Escape)
    assert item.pos() == before
    mouse.send(
        editor.view,
        QEvent.Type.MouseMove,
        start + QPointF(120, 120),
        button=Qt.MouseButton.NoButton,
        buttons=Qt.MouseButton.LeftButton,
    )
    mouse.send(editor.view, QEvent.Type.MouseButtonRelease, start + QPointF(120, 120))
    assert item.pos() == before
    assert ctx.undo_stack.count() == 0


def test_wheel_zooms_and_middle_button_pans(editor, mouse) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    view = editor.view
    view.actual_size()
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() > 1.3
    before = view.mapToScene(view.viewport().rect().center())
    start = before
    mouse.send(view, QEvent.Type.MouseButtonPress, start, button=Qt.MouseButton.MiddleButton)
    mouse.send(
        view,
        QEvent.Type.MouseMove,
        start + QPointF(60, 40),
        button=Qt.MouseButton.NoButton,
        buttons=Qt.MouseButton.MiddleButton,
    )
    mouse.send(
        view,
        QEvent.Type.MouseButtonRelease,
        start + QPointF(60, 40),
        button=Qt.MouseButton.MiddleButton,
    )
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() < before.x() and after.y() < before.y()  # the map followed the mouse
    assert editor.scene.selectedItems() == []  # panning selects nothing


def test_a_drag_on_a_big_map_paints_only_what_moves(
    editor, ctx, sample_map, mouse, monkeypatch
) -> None:
    from PySide6.QtCore import QEvent

    from desktop.ui.stakeholder_map import editor as editor_module

    monkeypatch.setattr(editor_module, "FREEZE_FROM", 0)  # the sample counts as big
    pursuit_id, names = sample_map
    pid = names["张伟"]
    item = editor.scene.people[pid]
    start = centre_of(editor, pid)
    mouse.send(editor.view, QEvent.Type.MouseButtonPress, start)
    mouse.send(
        editor.view,
        QEvent.Type.MouseMove,
        start + QPointF(30, 20),
        button=Qt.MouseButton.NoButton,
        buttons=Qt.MouseButton.LeftButton,
    )
    assert editor.view.frozen
    assert item.isVisible() and all(e.isVisible() for e in item.edges)
    assert not editor.scene.people[names["郭芳"]].isVisible()  # drawn in the frozen picture
    mouse.send(
        editor.view,
        QEvent.Type.MouseMove,
        start + QPointF(60, 40),
        button=Qt.MouseButton.NoButton,
        buttons=Qt.MouseButton.LeftButton,
    )
    mouse.send(editor.view, QEvent.Type.MouseButtonRelease, start + QPointF(60, 40))
    assert not editor.view.frozen
    assert all(i.isVisible() for i in editor.scene.people.values())
    assert all(i.isVisible() for i in editor.scene.links.values())
    person = stored(ctx, pursuit_id, pid)
    assert (person.x, person.y) == (item.pos().x(), item.pos().y())
    assert ctx.undo_stack.count() == 1


def test_context_menus_on_lines_and_empty_space(editor, ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    link_item = next(i for i in editor.scene.links.values() if i.link.kind == "influences")
    point = link_item.point_at(0.5)
    screen = editor.view.mapToGlobal(editor.view.mapFromScene(point))
    menu = editor.context_menu(point, screen)
    assert menu is not None and editor.scene.selected_links() == [link_item.link_id]
    kinds = next(a.menu() for a in menu.actions() if a.menu() is not None)
    opposes = next(a for a in kinds.actions() if a.text() == "反对")
    opposes.trigger()
    menu.close()
    assert editor.document.link(link_item.link_id).kind == "opposes"  # type: ignore[union-attr]

    line = editor.scene.reports[names["吴静"]]
    point = line.path.pointAtPercent(0.5)
    menu = editor.context_menu(point, editor.view.mapToGlobal(editor.view.mapFromScene(point)))
    assert menu is not None and editor.scene.selected_reports() == [names["吴静"]]
    next(a for a in menu.actions() if a.text() == "删除连线").trigger()
    menu.close()
    assert stored(ctx, pursuit_id, names["吴静"]).reports_to_id is None

    spot = empty_spot(editor)
    menu = editor.context_menu(spot, editor.view.mapToGlobal(editor.view.mapFromScene(spot)))
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert "在此添加关键人" in texts and "排成组织架构图" not in texts and "组织架构" in texts
    next(a for a in menu.actions() if a.text() == "在此添加关键人").trigger()
    menu.close()
    (new,) = editor.scene.selected_people()
    assert editor.scene.people[new].card_rect().contains(spot)
