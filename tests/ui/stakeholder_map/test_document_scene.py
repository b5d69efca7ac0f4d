"""Document ↔ scene: the scene mirrors every change of the document, whatever made it."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from desktop.services import records
from desktop.services import stakeholder_map as smap
from desktop.ui.stakeholder_map.document import MapDocument
from desktop.ui.stakeholder_map.items import LinkItem, PersonItem, ReportsLineItem
from desktop.ui.stakeholder_map.scene import MapScene
from desktop.ui.stakeholder_map.style import MapStyle


def make_scene(ctx, pursuit_id):
    document = MapDocument(ctx)
    document.set_pursuit(pursuit_id)
    scene = MapScene(MapStyle(ctx.catalog, ctx.lang))
    scene.set_document(document)
    return document, scene


def run(ctx, action, *args, **kwargs):
    """A change made elsewhere (another screen, the CLI): service call, then the broadcast."""
    result = action(ctx.workspace, *args, **kwargs)
    changes = result[-1] if isinstance(result, tuple) else getattr(result, "changes", result)
    ctx.broadcast(changes)
    return result


def test_the_scene_has_one_item_per_person_line_and_link(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    document, scene = make_scene(ctx, pursuit_id)
    assert set(scene.people) == set(names.values())
    assert all(isinstance(i, PersonItem) for i in scene.people.values())
    # Everyone with a manager has a reports-to line; the six sample links are drawn.
    with_manager = {p.id for p in document.people() if p.reports_to_id}
    assert set(scene.reports) == with_manager and len(with_manager) == 11
    assert len(scene.links) == 6
    zhang = scene.people[names["张伟"]]
    assert zhang.pos().x() == document.person(names["张伟"]).x  # type: ignore[union-attr]
    line = scene.reports[names["郑浩"]]
    assert isinstance(line, ReportsLineItem) and line.target is zhang


def test_model_changes_update_the_items(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    document, scene = make_scene(ctx, pursuit_id)
    added: list[str] = []
    document.person_added.connect(added.append)

    new_id, _ = run(ctx, smap.create_person, pursuit_id, {"name": "钱多多", "x": 900.0, "y": 40.0})
    assert added == [new_id]
    assert scene.people[new_id].person.name == "钱多多"
    assert scene.people[new_id].pos().x() == 900

    run(ctx, smap.update_person, new_id, {"title": "总监"}, roles=["evaluator"])
    assert scene.people[new_id].person.title == "总监"
    assert scene.people[new_id].person.roles == {"evaluator"}

    run(ctx, smap.set_reports_to, new_id, names["陈建国"])
    line = scene.reports[new_id]
    assert line.target is scene.people[names["陈建国"]]
    run(ctx, smap.set_reports_to, new_id, names["张伟"])
    assert scene.reports[new_id].target is scene.people[names["张伟"]]
    run(ctx, smap.set_reports_to, new_id, None)
    assert new_id not in scene.reports

    link_id, _ = run(ctx, smap.create_link, new_id, names["李娜"], "opposes")
    assert isinstance(scene.links[link_id], LinkItem)
    assert scene.links[link_id].link.kind == "opposes"
    run(ctx, smap.update_link, link_id, {"link_kind": "influences"})
    assert scene.links[link_id].label_text == ctx.catalog.vocab("link_kinds").label(
        "influences", ctx.lang
    )

    run(ctx, smap.move_people, {new_id: (1000.0, 80.0)})
    assert (scene.people[new_id].pos().x(), scene.people[new_id].pos().y()) == (1000, 80)

    removal = run(ctx, smap.delete_people, [new_id])
    assert new_id not in scene.people and link_id not in scene.links
    assert all(item.scene() is scene for item in scene.items())
    run(ctx, smap.restore_people, removal)
    assert new_id in scene.people and link_id in scene.links


def test_deleting_a_manager_takes_the_lines_of_their_reports(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    _document, scene = make_scene(ctx, pursuit_id)
    reports = [names["郑浩"], names["马超"]]
    run(ctx, smap.delete_people, [names["张伟"]])
    assert names["张伟"] not in scene.people
    assert not any(pid in scene.reports for pid in reports)
    assert all(
        scene.people[pid].edges == [] or all(e.scene() is scene for e in scene.people[pid].edges)
        for pid in reports
    )


def test_edits_from_other_screens_reach_the_map(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    _document, scene = make_scene(ctx, pursuit_id)
    changes = records.update(ctx.workspace, "stakeholder", names["李娜"], {"name": "李娜娜"})
    ctx.broadcast(changes)
    assert scene.people[names["李娜"]].person.name == "李娜娜"


def test_changes_of_other_pursuits_are_ignored(ctx, sample_map, sample) -> None:
    pursuit_id, _ = sample_map
    document, _scene = make_scene(ctx, pursuit_id)
    other_id, _ = sample.build(ctx.workspace, title="WMS")
    updates: list[int] = []
    document.updated.connect(lambda: updates.append(1))
    run(ctx, smap.create_person, other_id, {"name": "外人"})
    assert updates == []


def test_switching_pursuit_resets_and_a_deleted_pursuit_empties(ctx, sample_map, sample) -> None:
    pursuit_id, _ = sample_map
    document, scene = make_scene(ctx, pursuit_id)
    other_id, _ = sample.build(ctx.workspace, title="WMS")
    resets: list[int] = []
    document.reset.connect(lambda: resets.append(1))
    document.set_pursuit(other_id)
    assert resets == [1] and len(scene.people) == 15
    run(ctx, records.delete, "pursuit", other_id)
    assert document.missing and scene.people == {}
    run(ctx, records.restore, "pursuit", other_id)
    assert not document.missing and len(scene.people) == 15


def test_tooltips_are_made_on_demand(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    _document, scene = make_scene(ctx, pursuit_id)
    card = scene.people[names["陈建国"]].tooltip()
    assert "陈建国" in card and "老虎" in card and "简明扼要" in card
    assert "汇报给" in scene.reports[names["张伟"]].tooltip()
    link = next(i for i in scene.links.values() if i.link.note)
    assert link.link.note in link.tooltip() and link.label.tooltip() == link.tooltip()


def _through_cards(line: ReportsLineItem, scene: MapScene) -> set[str]:
    """Whose cards (other than the line's own two) the drawn line runs through."""
    ends = {line.source.person_id, line.target.person_id}
    crossed = set()
    for step in range(201):
        point = line.path.pointAtPercent(step / 200)
        for pid, card in scene.people.items():
            if pid not in ends and card.card_rect().adjusted(1, 1, -1, -1).contains(point):
                crossed.add(pid)
    return crossed


def test_a_reports_to_line_goes_round_a_card_in_its_way(ctx, sample_map) -> None:
    """A line straight up through a colleague's card reads as reporting to that colleague."""
    pursuit_id, _ = sample_map
    boss, _ = run(ctx, smap.create_person, pursuit_id, {"name": "韩芳俊", "x": 2000.0, "y": 0.0})
    peer, _ = run(ctx, smap.create_person, pursuit_id, {"name": "江刚", "x": 2200.0, "y": 160.0})
    run(ctx, smap.set_reports_to, peer, boss)
    report, _ = run(ctx, smap.create_person, pursuit_id, {"name": "周敏", "x": 2250.0, "y": 330.0})
    _, scene = make_scene(ctx, pursuit_id)
    run(ctx, smap.set_reports_to, report, boss)
    line = scene.reports[report]
    assert _through_cards(line, scene) == set()
    # It still ends at the manager and starts at the report.
    assert line.path.pointAtPercent(0) == QPointF(2250.0 + 108.0, 330.0)
    assert line.path.pointAtPercent(1) == scene.people[boss].card_rect().bottomLeft() + QPointF(
        108.0, 0
    )

    # The colleague moved away: the line goes straight up again; moved back, round again.
    run(ctx, smap.move_people, {peer: (1600.0, 160.0)})
    assert line.path.elementCount() == 4
    run(ctx, smap.move_people, {peer: (2200.0, 160.0)})
    assert _through_cards(scene.reports[report], scene) == set()
    assert scene.reports[report].path.elementCount() == 6

    # Moving the report itself (the arrow keys) routes it again too.
    run(ctx, smap.move_people, {report: (2150.0, 330.0)})
    assert _through_cards(scene.reports[report], scene) == set()
