"""Deltas: only what changed since a version vector, in the same format, merged like any file."""

from __future__ import annotations

from pathlib import Path

from desktop.services import pursuits, records, stakeholders
from desktop.services.sync import bundle, dump, importer, purge
from desktop.storage.tables import Pursuit, Stakeholder

from .conftest import FAST_KDF, PASSPHRASE


def _ids(ws) -> list[str]:
    with ws.read() as session:
        return [p.id for p in session.query(Pursuit).order_by(Pursuit.id)]


def test_a_delta_round_trip_converges_with_a_full_export(
    replica, write_file, tmp_path: Path
) -> None:
    a, b, c = replica("a"), replica("b"), replica("c")
    full = write_file(a, tmp_path / "full.sync", since=None, extra={"folder": {"sequence": 1}})
    assert full.frontier.get(a.db.site_id(), 0) >= 0 and full.frontier
    importer.import_bundle(b, tmp_path / "full.sync", PASSPHRASE)
    first, second, third = _ids(a)[:3]
    records.update(a, "pursuit", first, {"title": "只改了这一条"})
    records.delete(a, "pursuit", second)
    person = stakeholders.people_of(a, third)[0]
    person_id = person["id"] if isinstance(person, dict) else person.id
    purge.purge(a, "stakeholder", person_id)
    new_id, _ = pursuits.create_pursuit(
        a, pursuits.PursuitDraft(title="增量里的新项目", account_name="增量客户", amount=7)
    )
    delta = write_file(a, tmp_path / "delta.sync", since=full.frontier)
    # Only the changed records (with the delete's tombstone and the purge) travel.
    assert 4 <= delta.records <= 12, delta.counts
    assert delta.counts["pursuit"] == 3 and delta.counts["stakeholder"] >= 1
    header = bundle.read_header(tmp_path / "delta.sync")
    bundle.unlock(header, PASSPHRASE)
    assert header.fields["delta"] == {"since": full.frontier}
    assert header.fields["frontier"] == delta.frontier
    assert delta.frontier[a.db.site_id()] > full.frontier.get(a.db.site_id(), 0)
    result = importer.import_bundle(b, tmp_path / "delta.sync", PASSPHRASE)
    assert result.committed and result.preview.counts["pursuit"].new == 1
    write_file(a, tmp_path / "all.sync")
    importer.import_bundle(c, tmp_path / "all.sync", PASSPHRASE)
    assert dump.digest(a.path) == dump.digest(b.path) == dump.digest(c.path)
    with b.read() as session:
        assert session.get(Pursuit, second).alive is False
        assert session.get(Pursuit, new_id).title == "增量里的新项目"
        assert session.get(Stakeholder, person_id).purged
    # Nothing changed since: an empty delta writes no file when asked not to.
    empty = write_file(a, tmp_path / "none.sync", since=delta.frontier, if_changed=True)
    assert empty.records == 0 and not (tmp_path / "none.sync").exists()


def test_a_delta_of_records_merged_in_holds_them_when_since_does_not_cover_them(
    replica, write_file, tmp_path: Path
) -> None:
    a, b = replica("a"), replica("b")
    base = write_file(a, tmp_path / "a0.sync", since={}, kdf=FAST_KDF)
    assert base.records > 50  # since nothing: every record
    target = _ids(b)[0]
    records.update(b, "pursuit", target, {"title": "乙改的"})
    write_file(b, tmp_path / "b.sync")
    importer.import_bundle(a, tmp_path / "b.sync", PASSPHRASE)
    relay = write_file(a, tmp_path / "relay.sync", since=base.frontier)
    assert relay.counts == {"pursuit": 1}
