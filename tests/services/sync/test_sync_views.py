"""What the screens read after a sync, on real SQLite files: whose database each pursuit came
from (board, list, workspace header), the Review list read in batches, and that nothing brings a
purged record back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from desktop.services import pursuits, records, stakeholders
from desktop.services.errors import NotFound
from desktop.services.queries import board, overview, pursuit_list
from desktop.services.sync import importer, purge, review
from desktop.services.workspace import Workspace

PASSPHRASE = "correct horse battery"


def take(ws: Workspace, path: Path) -> importer.ImportReport:
    return importer.import_bundle(ws, path, PASSPHRASE)


def new_pursuit(ws: Workspace, title: str, account: str) -> str:
    pursuit_id, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title=title, account_name=account)
    )
    return pursuit_id


def test_each_screen_shows_whose_database_a_pursuit_came_from(
    replica, write_file, tmp_path: Path
) -> None:
    manager, rep = replica("manager"), replica("rep")
    theirs = new_pursuit(rep, "甲项目", "甲客户")
    mine = new_pursuit(manager, "经理自己的项目", "乙客户")
    demo_one = board.board_cards(manager)[0].id  # made by the template's (unnamed) database
    write_file(rep, tmp_path / "rep.sync", site_name="王芳的笔记本")
    take(manager, tmp_path / "rep.sync")

    assert review.origins(manager, [theirs, mine, demo_one]) == {theirs: "王芳的笔记本"}
    cards = {c.id: c for c in board.board_cards(manager, ids=[theirs, mine, demo_one])}
    assert (cards[theirs].origin, cards[mine].origin, cards[demo_one].origin) == (
        "王芳的笔记本",
        "",
        "",
    )
    rows = {r.id: r for r in pursuit_list.list_pursuits(manager, ids=[theirs, mine])}
    assert (rows[theirs].origin, rows[mine].origin) == ("王芳的笔记本", "")
    assert overview.overview_of(manager, theirs).origin == "王芳的笔记本"
    assert overview.overview_of(manager, mine).origin == ""


def test_this_databases_own_name_coming_back_in_a_file_shows_nothing(
    replica, write_file, tmp_path: Path
) -> None:
    # The rep learns the manager's name from the manager's file and passes it on in their own:
    # the manager's database then knows its own name, and its own pursuits must still show none.
    manager, rep = replica("manager"), replica("rep")
    mine = new_pursuit(manager, "经理自己的项目", "乙客户")
    write_file(manager, tmp_path / "manager.sync", site_name="李经理")
    take(rep, tmp_path / "manager.sync")
    assert review.origins(rep, [mine]) == {mine: "李经理"}
    write_file(rep, tmp_path / "rep.sync", site_name="王芳")
    take(manager, tmp_path / "rep.sync")
    assert review.site_names(manager)[manager.db.site_id()] == "李经理"
    assert review.origins(manager, [mine]) == {}
    assert board.board_card(manager, mine).origin == ""
    assert pursuit_list.list_pursuits(manager, ids=[mine])[0].origin == ""
    assert overview.overview_of(manager, mine).origin == ""


def test_the_workspace_header_counts_fields_awaiting_review(
    replica, write_file, tmp_path: Path
) -> None:
    a, b = replica("a"), replica("b")
    target = board.board_cards(a)[0].id
    records.update(a, "pursuit", target, {"title": "A 的标题", "next_step": "A 的下一步"})
    records.update(b, "pursuit", target, {"title": "B 的标题", "next_step": "B 的下一步"})
    write_file(a, tmp_path / "a.sync")
    take(b, tmp_path / "a.sync")
    assert overview.overview_of(b, target).in_review == 2
    review.resolve(b, "pursuit", target, "title", "定下的标题")
    assert overview.overview_of(b, target).in_review == 1
    assert overview.overview_of(a, target).in_review == 0


def _diverge(a: Workspace, b: Workspace, ids: list[str], write_file, path: Path) -> None:
    """Concurrent edits of a title and a stakeholder's notes on `ids`, merged into b."""
    for number, pursuit_id in enumerate(ids):
        person = stakeholders.people_of(a, pursuit_id)[0]
        person_id = person["id"] if isinstance(person, dict) else person.id
        for ws, side in ((a, "甲"), (b, "乙")):
            records.update(ws, "pursuit", pursuit_id, {"title": f"{side}改的标题 {number}"})
            records.update(ws, "stakeholder", person_id, {"notes": f"{side}的备注 {number}"})
    write_file(a, path)
    take(b, path)


def _statements(ws: Workspace, work) -> tuple[int, object]:
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(ws.db.engine, "before_cursor_execute", count)
    try:
        result = work()
    finally:
        event.remove(ws.db.engine, "before_cursor_execute", count)
    return len(statements), result


def test_the_review_list_reads_in_batches_whatever_its_length(
    replica, write_file, tmp_path: Path
) -> None:
    a, b = replica("a"), replica("b")
    ids = [c.id for c in board.board_cards(a, include_closed=True)]
    assert len(ids) >= 4
    _diverge(a, b, ids[:1], write_file, tmp_path / "few.sync")
    few, listed = _statements(b, lambda: review.list_conflicts(b))
    assert len(listed) == 2
    _diverge(a, b, ids[1:], write_file, tmp_path / "many.sync")
    many, listed = _statements(b, lambda: review.list_conflicts(b))
    assert len(listed) == 2 * len(ids)
    assert many == few  # one query per kind of record and one for the titles, not one per row
    assert {c.pursuit_id for c in listed} == set(ids)
    first = next(c for c in listed if c.kind == "pursuit" and c.pursuit_id == ids[0])
    assert first.field == "title" and first.pursuit_title == first.versions[0].value
    assert {v.value for v in first.versions} == {"甲改的标题 0", "乙改的标题 0"}
    assert [v.shown for v in first.versions] == [True, False]
    person = next(c for c in listed if c.kind == "stakeholder" and c.pursuit_id == ids[0])
    assert person.field == "notes" and person.account == first.account and person.label
    assert review.list_conflicts(b, ids[2]) == [c for c in listed if c.pursuit_id == ids[2]]
    assert review.list_conflicts(b, "no such pursuit") == []


def test_nothing_brings_a_purged_record_back(replica) -> None:
    ws = replica("a")
    target = board.board_cards(ws)[0].id
    person = stakeholders.people_of(ws, target)[0]
    person_id = person["id"] if isinstance(person, dict) else person.id
    purge.purge(ws, "stakeholder", person_id)
    # What an undo of its deletion or of an earlier edit would do: each refused.
    with pytest.raises(NotFound):
        records.restore(ws, "stakeholder", person_id)
    with pytest.raises(NotFound):
        records.create(
            ws, "stakeholder", {"name": "回来了", "pursuit_id": target}, record_id=person_id
        )
    with pytest.raises(NotFound):
        records.update(ws, "stakeholder", person_id, {"notes": "内部消息"})
    assert not records.delete(ws, "stakeholder", person_id)  # already gone: nothing to do
    purge.purge(ws, "pursuit", target)
    with pytest.raises(NotFound):
        records.restore(ws, "pursuit", target)
    assert board.board_card(ws, target) is None
