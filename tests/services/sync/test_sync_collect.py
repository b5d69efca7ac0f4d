"""Sync carries the new status, and a "won" from a database older than revision 0004 is mapped on
import the way the migration maps it — as a local edit, so the mapping reaches the old copy too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.services import pursuits, records
from desktop.services.sync import importer
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit
from tests.collecting import collect

PASSPHRASE = "correct horse battery"


def take(ws: Workspace, path: Path) -> importer.ImportReport:
    return importer.import_bundle(ws, path, PASSPHRASE, backup=False)


def test_collected_and_signed_pursuits_travel(replica, write_file, tmp_path: Path) -> None:
    a, b = replica("a"), replica("b")
    won, signed = (c.id for c in pursuits_of(a)[:2])
    collect(a, [won])
    pursuits.move_stage(a, [signed], 7)
    write_file(a, tmp_path / "a.sync")
    take(b, tmp_path / "a.sync")
    assert (records.get(b, "pursuit", won)["status"], records.get(b, "pursuit", won)["stage"]) == (
        "collected",
        8,
    )
    assert (
        records.get(b, "pursuit", signed)["status"],
        records.get(b, "pursuit", signed)["stage"],
    ) == (
        "open",
        7,
    )


def test_a_won_from_an_older_copy_is_mapped_and_the_mapping_spreads(
    replica, write_file, tmp_path: Path
) -> None:
    old, new = replica("old"), replica("new")
    pid = pursuits_of(old)[0].id
    # The older program closed it as won at stage 3: an edit stamped like any other.
    with old.write() as session:
        pursuit = session.get(Pursuit, pid)
        pursuit.status, pursuit.stage = "won", 3
        pursuit.closed_on, pursuit.close_reason = date(2026, 3, 1), "签约"
    write_file(old, tmp_path / "old.sync")
    take(new, tmp_path / "old.sync")
    row = records.get(new, "pursuit", pid)
    assert (row["status"], row["stage"], row["close_reason"]) == ("collected", 8, "签约")
    # The mapping is a local edit of the new copy: exported, it wins over "won" in the old one.
    write_file(new, tmp_path / "new.sync")
    take(old, tmp_path / "new.sync")
    assert records.get(old, "pursuit", pid)["status"] == "collected"


def pursuits_of(ws: Workspace):
    from desktop.services.queries import board

    return board.board_cards(ws)
