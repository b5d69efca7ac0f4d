"""Export and import end to end on real SQLite files: the merge rules, scope, conflicts, undo."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from desktop.services import pursuits, records, stakeholders
from desktop.services.sync import bundle, dump, history, importer, purge, review
from desktop.services.sync.bundle import BundleError
from desktop.services.workspace import Workspace
from desktop.storage.backup import online_backup
from desktop.storage.tables import Pursuit, Stakeholder, SyncReview

PASSPHRASE = "correct horse battery"


def pursuit_ids(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return [p.id for p in session.query(Pursuit).order_by(Pursuit.id)]


def take(ws: Workspace, path: Path, **kw) -> importer.ImportReport:
    return importer.import_bundle(ws, path, PASSPHRASE, **kw)


def test_round_trip_carries_edits_deletes_and_new_records(
    replica, write_file, tmp_path: Path
) -> None:
    a, b = replica("a"), replica("b")
    first, second, third = pursuit_ids(a)[:3]
    records.update(a, "pursuit", first, {"title": "ERP 二期", "amount": 123_400})
    records.delete(a, "pursuit", second)
    new_id, _ = pursuits.create_pursuit(
        a, pursuits.PursuitDraft(title="新项目", account_name="新客户", amount=5)
    )
    report = write_file(a, tmp_path / "a.sync")
    assert report.records > 50 and report.encrypted
    result = take(b, tmp_path / "a.sync")
    assert result.committed and result.backup is not None and result.backup.exists()
    counts = result.preview.counts
    assert counts["pursuit"].new == 1 and counts["pursuit"].updated == 2
    assert counts["account"].new == 1
    assert records.get(b, "pursuit", first)["title"] == "ERP 二期"
    assert records.get(b, "pursuit", new_id)["title"] == "新项目"
    with b.read() as session:
        assert session.get(Pursuit, second).alive is False
        assert session.get(Pursuit, new_id).origin_site == a.db.site_id()  # whose it is
        assert session.get(Pursuit, third).alive
    assert dump.digest(a.path) == dump.digest(b.path)


def test_a_record_missing_from_a_file_deletes_nothing(replica, write_file, tmp_path: Path) -> None:
    a, b = replica("a"), replica("b")
    one = pursuit_ids(a)[0]
    write_file(a, tmp_path / "one.sync", pursuits=[one])
    before = len(pursuit_ids(b))
    result = take(b, tmp_path / "one.sync")
    assert len(pursuit_ids(b)) == before
    assert result.preview.total("rejected") == 0


def test_scoped_export_carries_what_belongs_to_the_pursuit(
    replica, write_file, tmp_path: Path
) -> None:
    a = replica("a")
    one = pursuit_ids(a)[0]
    report = write_file(a, tmp_path / "one.sync", pursuits=[one])
    assert report.counts["pursuit"] == 1
    assert report.counts["account"] == 1
    assert report.counts["stakeholder"] == len(stakeholders.people_of(a, one))
    fresh = Workspace.open(tmp_path / "empty.db")
    try:
        result = take(fresh, tmp_path / "one.sync")
        assert result.preview.total("rejected") == 0
        assert result.preview.counts["pursuit"].new == 1
        assert records.get(fresh, "pursuit", one)["title"]
    finally:
        fresh.close()


def test_concurrent_edits_wait_for_review_and_a_pick_spreads(
    replica, write_file, tmp_path: Path
) -> None:
    a, b = replica("a"), replica("b")
    target = pursuit_ids(a)[0]
    records.update(a, "pursuit", target, {"title": "甲的名称"})
    records.update(b, "pursuit", target, {"title": "乙的名称"})
    write_file(a, tmp_path / "a.sync")
    write_file(b, tmp_path / "b.sync")
    assert take(b, tmp_path / "a.sync").preview.counts["pursuit"].conflicts == 1
    assert take(a, tmp_path / "b.sync").preview.counts["pursuit"].conflicts == 1
    conflicts = review.list_conflicts(a)
    assert [(c.kind, c.field) for c in conflicts] == [("pursuit", "title")]
    assert {v.value for v in conflicts[0].versions} == {"甲的名称", "乙的名称"}
    assert review.count(a) == 1 and review.pursuits_in_review(a) == {target}
    review.resolve(a, "pursuit", target, "title", "甲的名称")
    assert review.count(a) == 0
    write_file(a, tmp_path / "a2.sync")
    take(b, tmp_path / "a2.sync")
    assert review.count(b) == 0
    assert records.get(b, "pursuit", target)["title"] == "甲的名称"
    assert dump.digest(a.path) == dump.digest(b.path)


def test_a_conflict_on_a_stakeholder_marks_its_pursuit(replica, write_file, tmp_path: Path) -> None:
    a, b = replica("a"), replica("b")
    target = pursuit_ids(a)[0]
    person = stakeholders.people_of(a, target)[0]
    person_id = person["id"] if isinstance(person, dict) else person.id
    records.update(a, "stakeholder", person_id, {"title": "甲写的职务"})
    records.update(b, "stakeholder", person_id, {"title": "乙写的职务"})
    write_file(a, tmp_path / "a.sync")
    take(b, tmp_path / "a.sync")
    assert review.pursuits_in_review(b) == {target}
    from desktop.services.queries import board

    card = board.board_card(b, target)
    assert card is not None and card.has_conflict
    review.resolve(b, "stakeholder", person_id, "title", "甲写的职务")
    assert review.pursuits_in_review(b) == set()


def test_edit_after_unseen_delete_keeps_the_record_and_flags_it(
    replica, write_file, tmp_path: Path
) -> None:
    a, b = replica("a"), replica("b")
    target = pursuit_ids(a)[0]
    records.delete(a, "pursuit", target)
    records.update(b, "pursuit", target, {"next_step": "约技术交流"})
    write_file(a, tmp_path / "a.sync")
    take(b, tmp_path / "a.sync")
    assert records.get(b, "pursuit", target)["next_step"] == "约技术交流"
    [conflict] = review.list_conflicts(b)
    assert conflict.field == "alive"
    assert sorted(v.value for v in conflict.versions) == [0, 1]
    review.resolve(b, "pursuit", target, "alive", 0)  # the user agrees with the delete
    with b.read() as session:
        assert session.get(Pursuit, target).alive is False
    assert review.count(b) == 0


def test_purge_wins_everywhere(replica, write_file, tmp_path: Path) -> None:
    a, b = replica("a"), replica("b")
    target = pursuit_ids(a)[0]
    person = stakeholders.people_of(a, target)[0]
    person_id = person["id"] if isinstance(person, dict) else person.id
    purge.purge(a, "stakeholder", person_id)
    records.update(b, "stakeholder", person_id, {"notes": "内部消息:预算已批"})
    write_file(a, tmp_path / "a.sync")
    write_file(b, tmp_path / "b.sync")
    take(b, tmp_path / "a.sync")
    take(a, tmp_path / "b.sync")
    for ws in (a, b):
        with ws.read() as session:
            person_row = session.get(Stakeholder, person_id)
            assert person_row.purged and not person_row.alive
            assert person_row.notes == "" and person_row.name == ""
    assert dump.digest(a.path) == dump.digest(b.path)


def test_memberships_add_wins(replica, write_file, tmp_path: Path) -> None:
    a, b = replica("a"), replica("b")
    target = pursuit_ids(a)[0]
    pursuits.set_tags(a, target, ["重点"])
    write_file(a, tmp_path / "a.sync")
    take(b, tmp_path / "a.sync")
    pursuits.set_tags(a, target, [])  # removed on a
    pursuits.set_tags(b, target, [])  # removed on b, and added again: concurrent with a's remove
    pursuits.set_tags(b, target, ["重点", "年底"])
    write_file(a, tmp_path / "a2.sync")
    take(b, tmp_path / "a2.sync")
    assert "重点" in pursuits.tags_of(b, target)
    with b.read() as session:
        assert session.query(SyncReview).count() == 0


def test_five_files_in_all_120_orders_give_one_database(
    replica, write_file, tmp_path: Path
) -> None:
    sites = [replica(f"s{i}") for i in range(5)]
    ids = pursuit_ids(sites[0])
    for i, ws in enumerate(sites):
        records.update(ws, "pursuit", ids[0], {"title": f"第{i}版"})  # all concurrent
        records.update(ws, "pursuit", ids[1 + i % 3], {"amount": 1000 * (i + 1)})
        pursuits.create_pursuit(
            ws, pursuits.PursuitDraft(title=f"站点{i}的项目", account_name=f"客户{i}", amount=i)
        )
    records.delete(sites[1], "pursuit", ids[2])
    records.update(sites[2], "pursuit", ids[2], {"notes": "没看到删除"})
    purge.purge(sites[3], "pursuit", ids[3])
    # A file that already merged another: overlapping knowledge, as a manager's would be.
    write_file(sites[0], tmp_path / "f0.sync")
    take(sites[4], tmp_path / "f0.sync")
    files = [tmp_path / f"f{i}.sync" for i in range(5)]
    for ws, path in zip(sites, files, strict=True):
        write_file(ws, path)
    template = replica("target").path
    digests = set()
    for n, order in enumerate(itertools.permutations(range(5))):
        path = tmp_path / f"t{n}.db"
        shutil.copy(template, path)
        ws = Workspace.open(path)
        try:
            for i in order:
                importer.import_bundle(ws, files[i], PASSPHRASE, backup=False)
        finally:
            ws.close()
        digests.add(dump.digest(path))
        for leftover in tmp_path.glob(f"t{n}.db*"):
            leftover.unlink()
    assert n == 119
    assert len(digests) == 1


def test_importing_ten_times_equals_once(replica, write_file, tmp_path: Path) -> None:
    a, b = replica("a"), replica("b")
    records.update(a, "pursuit", pursuit_ids(a)[0], {"title": "一次"})
    records.update(b, "pursuit", pursuit_ids(a)[0], {"title": "两次"})
    write_file(a, tmp_path / "a.sync")
    take(b, tmp_path / "a.sync")
    once = dump.digest(b.path)
    for n in range(10):
        again = take(b, tmp_path / "a.sync")  # byte for byte the same file
        assert again.preview.already_imported and not again.committed
        write_file(a, tmp_path / f"a{n}.sync")  # the same content in a new file
        fresh = take(b, tmp_path / f"a{n}.sync")
        assert fresh.preview.total("new") == fresh.preview.total("updated") == 0
        assert dump.digest(b.path) == once


def test_dry_run_changes_nothing(replica, write_file, tmp_path: Path) -> None:
    a, b = replica("a"), replica("b")
    records.update(a, "pursuit", pursuit_ids(a)[0], {"title": "试运行"})
    write_file(a, tmp_path / "a.sync")
    before = dump.digest(b.path)
    result = take(b, tmp_path / "a.sync", dry_run=True)
    assert not result.committed and result.preview.counts["pursuit"].updated == 1
    assert dump.digest(b.path) == before
    refused = take(b, tmp_path / "a.sync", confirm=lambda preview: False)
    assert not refused.committed and dump.digest(b.path) == before
    assert history.last_import(b) is None


def test_undo_last_import_restores_the_state_before(replica, write_file, tmp_path: Path) -> None:
    a, b = replica("a"), replica("b")
    records.update(a, "pursuit", pursuit_ids(a)[0], {"title": "要撤销的导入"})
    write_file(a, tmp_path / "a.sync")
    before = dump.digest(b.path)
    take(b, tmp_path / "a.sync")
    info = history.last_import(b)
    assert info is not None and info.can_undo and not info.edits_since
    assert info.source_name == "a"
    path = b.path
    b.close()
    history.undo_last_import(path, info)
    restored = Workspace.open(path)
    try:
        assert dump.digest(path) == before
        assert history.last_import(restored) is None
    finally:
        restored.close()


def test_manager_roll_up_knows_whose_site_each_record_came_from(
    replica, write_file, tmp_path: Path
) -> None:
    manager, rep1, rep2 = replica("manager"), replica("rep1"), replica("rep2")
    p1, _ = pursuits.create_pursuit(rep1, pursuits.PursuitDraft(title="甲项目", account_name="甲"))
    p2, _ = pursuits.create_pursuit(rep2, pursuits.PursuitDraft(title="乙项目", account_name="乙"))
    write_file(rep1, tmp_path / "rep1.sync", site_name="王芳")
    write_file(rep2, tmp_path / "rep2.sync", site_name="李雷")
    take(manager, tmp_path / "rep1.sync")
    take(manager, tmp_path / "rep2.sync")
    assert review.origins(manager, [p1, p2]) == {p1: "王芳", p2: "李雷"}
    names = review.site_names(manager)
    with manager.read() as session:
        assert names[session.get(Pursuit, p1).origin_site] == "王芳"
        assert names[session.get(Pursuit, p2).origin_site] == "李雷"
    records.update(rep1, "pursuit", p1, {"amount": 880_000})
    write_file(rep1, tmp_path / "rep1b.sync", site_name="王芳")
    newer = take(manager, tmp_path / "rep1b.sync")
    assert newer.preview.total("new") == 0
    assert newer.preview.total("updated") == 1


def test_a_file_claiming_this_databases_unmade_changes_is_refused(
    replica, write_file, tmp_path: Path
) -> None:
    a = replica("a")
    stale = online_backup(a.path, tmp_path / "stale.db")  # a copy taken now; a moves on
    records.update(a, "pursuit", pursuit_ids(a)[0], {"title": "之后的修改"})
    write_file(a, tmp_path / "a.sync")
    # The stale copy opened at the original's path keeps the original's site (as a restore
    # without a new identity would): the file claims writes of that site it never made.
    path = a.path
    a.close()
    shutil.copy(stale, path)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    old = Workspace.open(path)
    try:
        before = dump.digest(path)
        with pytest.raises(BundleError) as refused:
            take(old, tmp_path / "a.sync")
        assert refused.value.code == "foreign_changes"
        assert dump.digest(path) == before
    finally:
        old.close()


def test_wrong_passphrase_and_plain_files(replica, write_file, tmp_path: Path) -> None:
    a, b = replica("a"), replica("b")
    write_file(a, tmp_path / "a.sync")
    with pytest.raises(BundleError) as wrong:
        importer.import_bundle(b, tmp_path / "a.sync", "not the passphrase")
    assert wrong.value.code == "wrong_passphrase"
    with pytest.raises(BundleError) as missing:
        importer.import_bundle(b, tmp_path / "a.sync", None)
    assert missing.value.code == "needs_passphrase"
    plain = write_file(a, tmp_path / "plain.sync", passphrase=None, encrypt=False)
    assert not plain.encrypted
    assert not bundle.read_header(tmp_path / "plain.sync").encrypted
    assert importer.import_bundle(b, tmp_path / "plain.sync").committed


def test_export_never_leaves_a_partial_file(replica, write_file, tmp_path: Path) -> None:
    from desktop.services.sync.export import Cancelled

    a = replica("a")
    target = tmp_path / "out.sync"
    target.write_bytes(b"the previous export")
    with pytest.raises(Cancelled):
        write_file(a, target, cancelled=lambda: True)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if "out.sync" in p.name) == ["out.sync"]
