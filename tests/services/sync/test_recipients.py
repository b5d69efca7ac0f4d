"""Export Changes…: a manual file holding only what a colleague has not been sent yet
(everything the first time), remembered per colleague, imported through the ordinary import."""

from __future__ import annotations

from pathlib import Path

from desktop.services import records
from desktop.services.sync import dump, importer, recipients, sharing
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit

from .conftest import FAST_KDF, PASSPHRASE


def _first_pursuits(ws: Workspace, n: int) -> list[str]:
    with ws.read() as session:
        return [p.id for p in session.query(Pursuit).order_by(Pursuit.id).limit(n)]


def _changes(ws: Workspace, path: Path, site: str):
    return recipients.export_changes(
        ws, path, site, passphrase=PASSPHRASE, kdf=FAST_KDF, site_name=ws.path.stem
    )


def test_changes_since_the_last_export_to_that_colleague(replica, write_file, tmp_path) -> None:
    a, b, c = replica("a"), replica("b"), replica("c")
    # a has heard of b and c (their files were imported here once).
    for other in (b, c):
        write_file(other, tmp_path / f"{other.path.stem}.pursuit-sync")
        importer.import_bundle(a, tmp_path / f"{other.path.stem}.pursuit-sync", PASSPHRASE)
    known = recipients.recipients(a)
    assert [(r.name, r.site) for r in known] == [("b", b.db.site_id()), ("c", c.db.site_id())]
    assert all(r.last_export == "" for r in known)

    first = _changes(a, tmp_path / "to-b-1.pursuit-sync", b.db.site_id())
    assert first.records > 100  # nothing sent to b before: everything
    report = importer.import_bundle(b, first.path, PASSPHRASE, backup=False)
    assert not report.preview.rejected

    p = _first_pursuits(a, 3)
    records.update(a, "pursuit", p[0], {"title": "给乙的改动"})
    sharing.set_shared(a, [p[1]], False)
    records.update(a, "pursuit", p[1], {"title": "不给任何人"})
    second = _changes(a, tmp_path / "to-b-2.pursuit-sync", b.db.site_id())
    assert second.counts == {"pursuit": 1} and second.withheld == [p[1]]
    importer.import_bundle(b, second.path, PASSPHRASE, backup=False)
    assert records.get(b, "pursuit", p[0])["title"] == "给乙的改动"
    assert records.get(b, "pursuit", p[1])["title"] != "不给任何人"

    # Nothing new for b: an empty delta; c was never sent anything: everything for c.
    assert _changes(a, tmp_path / "to-b-3.pursuit-sync", b.db.site_id()).records == 0
    assert _changes(a, tmp_path / "to-c-1.pursuit-sync", c.db.site_id()).records > 100
    assert {r.name: bool(r.last_export) for r in recipients.recipients(a)} == {"b": True, "c": True}

    # Shared again: the whole pursuit goes to b in the next file.
    sharing.set_shared(a, [p[1]], True)
    third = _changes(a, tmp_path / "to-b-4.pursuit-sync", b.db.site_id())
    assert third.counts.get("pursuit") == 1 and third.records > 1
    importer.import_bundle(b, third.path, PASSPHRASE, backup=False)
    assert records.get(b, "pursuit", p[1])["title"] == "不给任何人"

    # The deltas carried everything: b and a hold the same (a has also merged b's and c's).
    importer.import_bundle(
        b, write_file(c, tmp_path / "c-again.pursuit-sync").path, PASSPHRASE, backup=False
    )
    assert dump.digest(a.path) == dump.digest(b.path)
