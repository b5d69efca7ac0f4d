"""Our offer and the plateau's new needs travel by sync file: each field of the offer merges on its
own (two people editing two fields both keep theirs; the same field edited twice waits for review),
and a need turned into a pursuit arrives linked to it. Real databases, real files."""

from __future__ import annotations

from pathlib import Path

from desktop.services import after_sale, offer, pursuit_edits, records
from desktop.services.queries import overview
from desktop.services.sync import dump, importer, review
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit

PASSPHRASE = "correct horse battery"


def take(ws: Workspace, path: Path) -> importer.ImportReport:
    return importer.import_bundle(ws, path, PASSPHRASE)


def first_open(ws: Workspace) -> str:
    with ws.read() as session:
        return session.query(Pursuit.id).filter(Pursuit.alive).order_by(Pursuit.id).first()[0]


def test_two_fields_edited_on_two_computers_both_arrive(replica, write_file, tmp_path) -> None:
    a, b = replica("a"), replica("b")
    pid = first_open(a)
    target = offer.offer_target(pid)
    pursuit_edits.save(a, target, {"features": "模块化"})
    write_file(a, tmp_path / "a0.sync")
    take(b, tmp_path / "a0.sync")  # both now know the offer

    pursuit_edits.save(a, target, {"features": "模块化,可私有部署", "benefits": "交期缩短一半"})
    pursuit_edits.save(b, target, {"value_intersection": "按期投产", "concern_plan": "驻场试点"})
    write_file(a, tmp_path / "a.sync")
    write_file(b, tmp_path / "b.sync")
    assert take(b, tmp_path / "a.sync").preview.counts["offer"].conflicts == 0
    assert take(a, tmp_path / "b.sync").preview.counts["offer"].conflicts == 0
    expected = {
        "features": "模块化,可私有部署",
        "advantages": "",
        "benefits": "交期缩短一半",
        "value_intersection": "按期投产",
        "concern_plan": "驻场试点",
    }
    assert offer.offer_of(a, pid).values() == expected
    assert offer.offer_of(b, pid).values() == expected
    assert review.count(a) == review.count(b) == 0
    assert dump.digest(a.path) == dump.digest(b.path)


def test_the_same_field_edited_twice_waits_for_review(replica, write_file, tmp_path) -> None:
    a, b = replica("a"), replica("b")
    pid = first_open(a)
    target = offer.offer_target(pid)
    pursuit_edits.save(a, target, {"advantages": "本地服务"})
    write_file(a, tmp_path / "a0.sync")
    take(b, tmp_path / "a0.sync")
    pursuit_edits.save(a, target, {"advantages": "本地服务团队 30 人"})
    pursuit_edits.save(b, target, {"advantages": "两小时到场"})
    write_file(a, tmp_path / "a.sync")
    take(b, tmp_path / "a.sync")
    conflicts = [c for c in review.list_conflicts(b) if c.kind == "offer"]
    assert [c.field for c in conflicts] == ["advantages"]
    assert {v.value for v in conflicts[0].versions} == {"本地服务团队 30 人", "两小时到场"}


def test_a_need_made_a_pursuit_arrives_linked(replica, write_file, tmp_path) -> None:
    a, b = replica("a"), replica("b")
    pid = first_open(a)
    values = {"need": "设备物联网", "raised_by": "王工"}
    need, _ = pursuit_edits.add_part(a, "new_need", pid, values)
    new_id, _ = after_sale.convert_need(a, need, "设备物联网平台")
    write_file(a, tmp_path / "a.sync")
    result = take(b, tmp_path / "a.sync")
    assert result.preview.counts["new_need"].new == 1
    assert result.preview.counts["pursuit"].new == 1
    assert after_sale.needs_of(b, pid)[0]["converted_title"] == "设备物联网平台"
    assert overview.overview_of(b, new_id).grew_from is not None
    assert (
        records.get(b, "pursuit", new_id)["account_id"]
        == records.get(b, "pursuit", pid)["account_id"]
    )
    # Taken back on b: the need is open again on a after the next file.
    after_sale.undo_need_conversion(b, need)
    write_file(b, tmp_path / "b.sync")
    take(a, tmp_path / "b.sync")
    assert after_sale.needs_of(a, pid)[0]["converted_pursuit_id"] is None
    with a.read() as session:
        assert session.get(Pursuit, new_id).alive is False
