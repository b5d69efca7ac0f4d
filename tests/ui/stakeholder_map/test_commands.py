"""Undo and redo of every map action; what is saved survives closing and reopening."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.services import stakeholder_map as smap
from desktop.services.workspace import Workspace
from desktop.ui.stakeholder_map import commands
from desktop.ui.undo import push


def current(ctx, pursuit_id):
    return smap.load_map(ctx.workspace, pursuit_id)


def test_add_person_undo_redo_keeps_the_same_record(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    command = commands.AddPersonCommand(
        ctx,
        pursuit_id,
        {"name": "冯娟", "x": 40.0, "y": 600.0, "reports_to_id": names["李娜"]},
        ("evaluator",),
        ("advise",),
    )
    assert push(command)
    person_id = command.person_id
    person = current(ctx, pursuit_id).person(person_id)
    assert person is not None and person.roles == {"evaluator"} and person.help == {"advise"}
    ctx.undo_stack.undo()
    assert current(ctx, pursuit_id).person(person_id) is None
    ctx.undo_stack.redo()
    again = current(ctx, pursuit_id).person(person_id)
    assert again is not None and again.reports_to_id == names["李娜"]
    assert ctx.undo_stack.undoText() == "添加 冯娟"


def test_edit_person_undo_redo(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    pid = names["周敏"]
    old = current(ctx, pursuit_id).person(pid)
    assert old is not None
    command = commands.EditPersonCommand(
        ctx,
        pid,
        old.name,
        {"relationship": old.relationship, "plan": old.plan},
        {"relationship": "personal_trust", "plan": "请她参加质量论坛"},
        old_roles=old.roles,
        new_roles=frozenset({"evaluator"}),
        old_help=old.help,
        new_help=frozenset({"share_info"}),
    )
    push(command)
    edited = current(ctx, pursuit_id).person(pid)
    assert (edited.relationship, edited.plan, edited.roles, edited.help) == (  # type: ignore[union-attr]
        "personal_trust",
        "请她参加质量论坛",
        {"evaluator"},
        {"share_info"},
    )
    ctx.undo_stack.undo()
    assert current(ctx, pursuit_id).person(pid) == old
    ctx.undo_stack.redo()
    assert current(ctx, pursuit_id).person(pid).plan == "请她参加质量论坛"  # type: ignore[union-attr]


def test_a_refused_edit_leaves_no_undo_step_and_says_why(ctx, sample_map, qtbot) -> None:
    pursuit_id, names = sample_map
    before = ctx.undo_stack.count()
    command = commands.SetReportsToCommand(
        ctx, names["陈建国"], None, names["孙婷"], "陈建国 reports to 孙婷"
    )
    assert not push(command)
    assert ctx.undo_stack.count() == before
    assert current(ctx, pursuit_id).person(names["陈建国"]).reports_to_id is None  # type: ignore[union-attr]
    boxes = [w for w in qtbot_boxes() if w.isVisible()]
    assert boxes and "循环" in boxes[-1].text()
    for box in boxes:
        box.close()
    command = commands.EditPersonCommand(
        ctx, names["李娜"], "李娜", {"name": "李娜"}, {"name": " "}
    )
    assert not push(command)
    assert current(ctx, pursuit_id).person(names["李娜"]).name == "李娜"  # type: ignore[union-attr]
    boxes = [w for w in qtbot_boxes() if w.isVisible()]
    assert boxes and "姓名" in boxes[-1].text()
    for box in boxes:
        box.close()


def qtbot_boxes():
    from PySide6.QtWidgets import QApplication

    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "error_box"
    ]


def test_multi_move_is_one_step_both_ways(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    ids = [names["李娜"], names["吴静"]]
    the_map = current(ctx, pursuit_id)
    old = {pid: (the_map.person(pid).x, the_map.person(pid).y) for pid in ids}  # type: ignore[union-attr]
    new = {pid: (x + 50, y + 10) for pid, (x, y) in old.items()}
    push(commands.MovePeopleCommand(ctx, old, new))
    assert ctx.undo_stack.count() == 1
    moved = current(ctx, pursuit_id)
    assert {pid: (moved.person(pid).x, moved.person(pid).y) for pid in ids} == new  # type: ignore[union-attr]
    ctx.undo_stack.undo()
    back = current(ctx, pursuit_id)
    assert {pid: (back.person(pid).x, back.person(pid).y) for pid in ids} == old  # type: ignore[union-attr]


def test_delete_people_undo_brings_back_links_and_reports(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    before = current(ctx, pursuit_id)
    push(commands.DeletePeopleCommand(ctx, [names["张伟"], names["何丽"]], ["张伟", "何丽"]))
    after = current(ctx, pursuit_id)
    assert len(after.people) == 13
    assert all(names["张伟"] not in (lk.from_id, lk.to_id) for lk in after.links)
    assert after.person(names["郑浩"]).reports_to_id is None  # type: ignore[union-attr]
    assert ctx.undo_stack.undoText() == "删除 2 人"
    ctx.undo_stack.undo()
    assert current(ctx, pursuit_id) == before
    ctx.undo_stack.redo()
    assert len(current(ctx, pursuit_id).people) == 13


def test_links_add_edit_reverse_delete_each_undo(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    add = commands.AddLinkCommand(ctx, names["马超"], names["周敏"], "ally_of", "连线")
    push(add)
    link_id = add.link_id
    assert current(ctx, pursuit_id).links[-1].id == link_id
    push(
        commands.EditLinkCommand(ctx, link_id, {"link_kind": "ally_of"}, {"link_kind": "opposes"}),
    )
    link = next(lk for lk in current(ctx, pursuit_id).links if lk.id == link_id)
    push(commands.ReverseLinkCommand(ctx, link, "reverse"))
    links = current(ctx, pursuit_id).links
    assert link_id not in {lk.id for lk in links}
    assert any(
        (lk.from_id, lk.to_id, lk.kind) == (names["周敏"], names["马超"], "opposes") for lk in links
    )
    ctx.undo_stack.undo()  # reverse
    assert next(lk for lk in current(ctx, pursuit_id).links if lk.id == link_id).kind == "opposes"
    ctx.undo_stack.undo()  # kind
    assert next(lk for lk in current(ctx, pursuit_id).links if lk.id == link_id).kind == "ally_of"
    ctx.undo_stack.undo()  # add
    assert link_id not in {lk.id for lk in current(ctx, pursuit_id).links}
    ctx.undo_stack.redo()
    assert link_id in {lk.id for lk in current(ctx, pursuit_id).links}


def test_delete_selection_of_links_lines_and_people_is_one_step(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    before = current(ctx, pursuit_id)
    link = next(lk for lk in before.links if lk.kind == "opposes")
    command = commands.DeleteSelectionCommand(
        ctx,
        link_ids=[link.id],
        reports={names["吴静"]: names["李娜"]},
        person_ids=[names["郭芳"]],
        text="delete",
    )
    push(command)
    after = current(ctx, pursuit_id)
    assert link.id not in {lk.id for lk in after.links}
    assert after.person(names["吴静"]).reports_to_id is None  # type: ignore[union-attr]
    assert after.person(names["郭芳"]) is None
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert current(ctx, pursuit_id) == before


def test_undo_of_a_step_whose_person_is_gone_is_dropped(ctx, sample_map) -> None:
    _pursuit_id, names = sample_map
    pid = names["赵磊"]
    push(commands.EditPersonCommand(ctx, pid, "赵磊", {"title": "车间主任"}, {"title": "厂长"}))
    smap.delete_people(ctx.workspace, [pid])  # deleted meanwhile, elsewhere
    ctx.undo_stack.undo()
    assert ctx.undo_stack.count() == 0  # the stale step is gone, nothing crashed
    for box in qtbot_boxes():
        box.close()
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()


def test_everything_persists_across_reopening(ctx, sample_map, qtbot, tmp_path) -> None:
    from desktop.ui.context import AppContext
    from desktop.ui.stakeholder_map.editor import StakeholderMapEditor

    pursuit_id, names = sample_map
    editor = StakeholderMapEditor(ctx)
    qtbot.addWidget(editor)
    editor.set_pursuit(pursuit_id)
    editor.arrange()
    push(commands.AddLinkCommand(ctx, names["赵磊"], names["孙婷"], "opposes", "x"))
    push(
        commands.EditPersonCommand(
            ctx, names["赵磊"], "赵磊", {"phone": ""}, {"phone": "13900001111"}
        ),
    )
    saved = current(ctx, pursuit_id)
    path = ctx.workspace.path
    ctx.workspace.close()

    reopened = Workspace.open(path)
    try:
        again = AppContext(reopened, ctx.settings)
        other = StakeholderMapEditor(again)
        qtbot.addWidget(other)
        other.set_pursuit(pursuit_id)
        assert smap.load_map(reopened, pursuit_id) == saved
        for person in saved.people:
            item = other.scene.people[person.id]
            assert (item.pos().x(), item.pos().y()) == (person.x, person.y)
        assert len(other.scene.links) == 7
        assert other.document.person(names["赵磊"]).phone == "13900001111"  # type: ignore[union-attr]
    finally:
        reopened.close()
        ctx.workspace = Workspace.open(path)  # the fixture closes it
