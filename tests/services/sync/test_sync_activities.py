"""Activities, their attendees and notes travel and merge like every other kind: concurrent edits
wait for review, attendees are memberships (add wins), any order of files gives one database, and
an activity whose pursuit was purged elsewhere arrives orphaned and is shown."""

from __future__ import annotations

import itertools
import shutil
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select, text

from desktop.services import activities, pursuits, stakeholders
from desktop.services.activities import ActivityDraft
from desktop.services.queries import agenda
from desktop.services.sync import dump, importer, purge, review
from desktop.services.workspace import Workspace
from desktop.storage.tables import Activity, Note, Pursuit

PASSPHRASE = "correct horse battery"
DAY = date(2026, 5, 4)


def take(ws: Workspace, path: Path) -> importer.ImportReport:
    return importer.import_bundle(ws, path, PASSPHRASE, backup=False)


def first_pursuit(ws: Workspace) -> str:
    with ws.read() as session:
        return session.query(Pursuit.id).filter(Pursuit.alive).order_by(Pursuit.id).first()[0]


def person_of(ws: Workspace, pursuit_id: str) -> str:
    person = stakeholders.people_of(ws, pursuit_id)[0]
    return person["id"] if isinstance(person, dict) else person.id


def test_an_activity_travels_and_concurrent_edits_wait_for_review(
    replica, write_file, tmp_path: Path
) -> None:
    a, b = replica("a"), replica("b")
    target = first_pursuit(a)
    person = person_of(a, target)
    activity_id, _ = activities.create_activity(
        a,
        ActivityDraft(
            subject="电话确认需求",
            activity_kind=activities.CALL,
            pursuit_id=target,
            due_on=DAY,
            attendee_ids=[person],
        ),
    )
    note_id, _ = activities.add_note(a, "客户很关注交付周期", stakeholder_id=person)
    write_file(a, tmp_path / "a.sync")
    result = take(b, tmp_path / "a.sync")
    assert result.preview.counts["activity"].new == 1
    assert result.preview.counts["activity_attendee"].new == 1
    assert result.preview.counts["note"].new == 1
    assert activities.get_activity(b, activity_id).attendee_ids == (person,)
    with b.read() as session:
        assert session.get(Note, note_id).stakeholder_id == person

    # Concurrent: a completes it with one outcome, b edits its subject and the outcome text.
    activities.complete_activity(a, activity_id, "约定周五上门", now=datetime(2026, 5, 4, 2))
    draft = activities.get_activity(b, activity_id).draft()
    draft.subject = "电话确认需求和预算"
    activities.edit_activity(b, activity_id, draft)
    activities.complete_activity(b, activity_id, "客户推迟", now=datetime(2026, 5, 4, 3))
    write_file(a, tmp_path / "a2.sync")
    write_file(b, tmp_path / "b2.sync")
    take(b, tmp_path / "a2.sync")
    take(a, tmp_path / "b2.sync")
    assert dump.digest(a.path) == dump.digest(b.path)
    fields = {c.field for c in review.list_conflicts(a) if c.kind == "activity"}
    assert "outcome" in fields and "subject" not in fields  # only b changed the subject
    assert activities.get_activity(a, activity_id).subject == "电话确认需求和预算"


def test_attendees_are_memberships_add_wins(replica, write_file, tmp_path: Path) -> None:
    a, b = replica("a"), replica("b")
    target = first_pursuit(a)
    person = person_of(a, target)
    activity_id, _ = activities.create_activity(
        a, ActivityDraft(subject="拜访", pursuit_id=target, due_on=DAY, attendee_ids=[person])
    )
    write_file(a, tmp_path / "a.sync")
    take(b, tmp_path / "a.sync")
    removed = activities.get_activity(a, activity_id).draft()
    removed.attendee_ids = ()
    activities.edit_activity(a, activity_id, removed)  # removed on a
    activities.edit_activity(b, activity_id, removed)  # removed on b and added again
    again = activities.get_activity(b, activity_id).draft()
    again.attendee_ids = (person,)
    activities.edit_activity(b, activity_id, again)
    write_file(a, tmp_path / "a2.sync")
    take(b, tmp_path / "a2.sync")
    assert activities.get_activity(b, activity_id).attendee_ids == (person,)
    assert review.count(b) == 0


def test_files_with_activities_in_any_order_give_one_database(
    replica, write_file, tmp_path: Path
) -> None:
    sites = [replica(f"s{i}") for i in range(3)]
    target, _ = pursuits.create_pursuit(
        sites[0], pursuits.PursuitDraft(title="新项目", account_name="新客户", amount=1, stage=2)
    )
    shared, _ = activities.create_activity(
        sites[0], ActivityDraft(subject="共同的任务", pursuit_id=target, due_on=DAY)
    )
    write_file(sites[0], tmp_path / "base.sync")
    for ws in sites[1:]:
        take(ws, tmp_path / "base.sync")
    for i, ws in enumerate(sites):
        activities.create_activity(
            ws, ActivityDraft(subject=f"站点{i}的电话", pursuit_id=target, due_on=DAY)
        )
        activities.add_note(ws, f"站点{i}的记录", pursuit_id=target)
        activities.reschedule_activity(ws, shared, date(2026, 5, 5 + i))  # all concurrent
    made, _ = activities.activities_from_steps(sites[1], target)
    assert made and activities.activities_from_steps(sites[2], target)[0] == made  # same ids
    files = [tmp_path / f"f{i}.sync" for i in range(3)]
    for ws, path in zip(sites, files, strict=True):
        write_file(ws, path)
    template = replica("target").path
    digests = set()
    for n, order in enumerate(itertools.permutations(range(3))):
        path = tmp_path / f"t{n}.db"
        shutil.copy(template, path)
        ws = Workspace.open(path)
        try:
            for i in order:
                take(ws, files[i])
            with ws.read() as session:
                steps = session.query(Activity).filter(Activity.step_key.is_not(None)).count()
            assert steps == len(made)  # one record per step, however many machines made it
        finally:
            ws.close()
        digests.add(dump.digest(path))
    assert len(digests) == 1


def test_an_activity_on_a_pursuit_purged_elsewhere_arrives_orphaned_and_is_shown(
    replica, write_file, tmp_path: Path
) -> None:
    a, b = replica("a"), replica("b")
    target = first_pursuit(a)
    purge.purge(a, "pursuit", target)
    activity_id, _ = activities.create_activity(
        b, ActivityDraft(subject="不知道已清除的项目", pursuit_id=target, due_on=DAY)
    )
    write_file(b, tmp_path / "b.sync")
    result = take(a, tmp_path / "b.sync")
    assert result.committed and result.preview.total("rejected") == 0
    items = agenda.agenda(a, today=DAY).due_today
    assert [(i.id, i.subject, i.pursuit_title) for i in items if i.id == activity_id] == [
        (activity_id, "不知道已清除的项目", "")
    ]


def test_a_pursuit_deleted_on_one_laptop_takes_its_activities_on_the_other(
    replica, write_file, tmp_path: Path
) -> None:
    from desktop.storage.tables import ActivityAttendee

    a, b = replica("a"), replica("b")
    target = first_pursuit(a)
    person = person_of(a, target)
    activity_id, _ = activities.create_activity(
        a, ActivityDraft(subject="电话确认", pursuit_id=target, due_on=DAY, attendee_ids=[person])
    )
    write_file(a, tmp_path / "a.sync")
    take(b, tmp_path / "a.sync")
    assert [i.id for i in agenda.agenda(b, today=DAY).due_today if i.id == activity_id]

    pursuits.delete_pursuits(a, [target])
    write_file(a, tmp_path / "a2.sync")
    result = take(b, tmp_path / "a2.sync")
    assert result.committed
    with b.read() as session:
        assert not session.get(Pursuit, target).alive
        assert not session.get(Activity, activity_id).alive  # its own tombstone, not hidden
        attendees = session.query(ActivityAttendee).filter_by(activity_id=activity_id).all()
        assert attendees and not any(x.alive for x in attendees)
    assert dump.digest(a.path) == dump.digest(b.path)


def test_the_timeline_lists_the_imports_that_changed_the_pursuit(
    replica, write_file, tmp_path: Path
) -> None:
    from desktop.services.queries import timeline

    a, b = replica("a"), replica("b")
    target = first_pursuit(a)
    with a.read() as session:
        site_a = session.execute(text("SELECT site_id FROM sync_state")).scalar_one()
        other = session.scalars(
            select(Pursuit.id).where(Pursuit.alive, Pursuit.id != target).limit(1)
        ).one()
    form = pursuits.pursuit_form(a, target)
    form.title, form.amount = "改过名字的项目", form.amount + 100
    pursuits.update_pursuit(a, target, form)  # two of the pursuit's fields
    activities.create_activity(a, ActivityDraft(subject="电话", pursuit_id=target, due_on=DAY))
    write_file(a, tmp_path / "a.sync")
    take(b, tmp_path / "a.sync")

    imports = [e for e in timeline.timeline(b, pursuit_id=target) if e.kind == timeline.IMPORT]
    assert len(imports) == 1
    entry = imports[0]
    assert (entry.title, entry.extra, entry.pursuit_id) == ("a", site_a, target)
    assert entry.fields >= 2 + 3  # title and amount, and the new activity's subject, kind, day
    assert entry.at is not None and entry.day == entry.at.date()
    assert not [e for e in timeline.timeline(b, pursuit_id=other) if e.kind == timeline.IMPORT]
    with b.read() as session:
        account_id = session.get(Pursuit, target).account_id
    by_account = timeline.timeline(b, account_id=account_id, kinds=[timeline.IMPORT])
    assert [e.id for e in by_account] == [entry.id]
    # Read again, nothing changes: no second entry.
    take(b, tmp_path / "a.sync")
    assert len([e for e in timeline.timeline(b, pursuit_id=target) if e.kind == "import"]) == 1
