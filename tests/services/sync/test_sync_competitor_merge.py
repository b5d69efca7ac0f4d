"""A competitor recorded twice and merged on one laptop is merged on the others by the next sync:
the column, scores and loss moved, the other buried — and its undo travels the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.services import duplicates, indicators, pursuits, records
from desktop.services.indicators import Cell, score_column
from desktop.services.sync import importer
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Competitor,
    IndicatorScore,
    Pursuit,
    PursuitCompetitor,
    SyncReview,
)

PASSPHRASE = "correct horse battery"


def state(ws: Workspace) -> dict[str, dict[str, Any]]:
    with ws.read() as session:
        return {
            row.id: {c: getattr(row, c) for c in ("alive", *row.register_fields())}
            for table in (Competitor, PursuitCompetitor, IndicatorScore, Pursuit)
            for row in session.scalars(select(table))
        }


def test_a_merge_and_its_undo_reach_the_other_laptop(replica, write_file, tmp_path: Path) -> None:
    a, b = replica("a"), replica("b")
    draft = pursuits.PursuitDraft(title="MES", account_name="恒通电子")
    deal = pursuits.create_pursuit(a, draft).pursuit_id
    lost = pursuits.create_pursuit(a, pursuits.PursuitDraft(title="CRM", account_name="新材"))
    keep, _ = indicators.create_competitor(a, "北辰数科")
    twin, _ = records.create(a, "competitor", {"name": "北辰 数科", "weaknesses": "实施慢"})
    for rival in (keep, twin):
        indicators.add_competitor(a, deal, rival)
    row, _ = indicators.add_criterion(a, deal, {"name": "报价", "importance": 4})
    indicators.set_cells(a, deal, [Cell(row, score_column(twin), 2)])
    pursuits.close_pursuits(a, [lost.pursuit_id], "lost", lost_to_id=twin)
    write_file(a, tmp_path / "1.sync")
    importer.import_bundle(b, tmp_path / "1.sync", PASSPHRASE)
    assert state(b) == state(a)

    merge = duplicates.merge_groups(a, [("competitor", [keep, twin])])
    write_file(a, tmp_path / "2.sync")
    importer.import_bundle(b, tmp_path / "2.sync", PASSPHRASE)
    assert state(b) == state(a)
    grid = indicators.load_grid(b, deal)
    assert [v.competitor_id for v in grid.vendors] == [keep]
    assert grid.criteria[0].scores == {keep: 2}
    assert indicators.playbook(b, keep)["weaknesses"] == "实施慢"

    duplicates.undo_merge_groups(a, merge)
    write_file(a, tmp_path / "3.sync")
    importer.import_bundle(b, tmp_path / "3.sync", PASSPHRASE)
    assert state(b) == state(a)
    assert [v.competitor_id for v in indicators.load_grid(b, deal).vendors] == [keep, twin]


def test_what_another_laptop_did_meanwhile_moves_to_the_one_kept(
    replica, write_file, tmp_path: Path
) -> None:
    """Before hearing of the merge, the other laptop put the merged-away competitor in another
    pursuit and lost a pursuit to it: after the files cross, both laptops show the one kept."""
    a, b = replica("a"), replica("b")
    draft = pursuits.PursuitDraft(title="MES", account_name="恒通电子")
    deal = pursuits.create_pursuit(a, draft).pursuit_id
    other = pursuits.create_pursuit(a, pursuits.PursuitDraft(title="WMS", account_name="新材"))
    keep, _ = indicators.create_competitor(a, "北辰数科")
    twin, _ = records.create(a, "competitor", {"name": "北辰 数科"})
    indicators.add_competitor(a, deal, twin)
    write_file(a, tmp_path / "1.sync")
    importer.import_bundle(b, tmp_path / "1.sync", PASSPHRASE)

    duplicates.merge_groups(a, [("competitor", [keep, twin])])
    indicators.add_competitor(b, other.pursuit_id, twin)
    row, _ = indicators.add_criterion(b, other.pursuit_id, {"name": "报价", "importance": 4})
    indicators.set_cells(b, other.pursuit_id, [Cell(row, score_column(twin), 3)])
    lost = pursuits.create_pursuit(b, pursuits.PursuitDraft(title="CRM", account_name="瑞科"))
    pursuits.close_pursuits(b, [lost.pursuit_id], "lost", lost_to_id=twin)
    write_file(a, tmp_path / "2.sync")
    write_file(b, tmp_path / "3.sync")
    importer.import_bundle(b, tmp_path / "2.sync", PASSPHRASE)
    importer.import_bundle(a, tmp_path / "3.sync", PASSPHRASE)
    for ws in (a, b):
        grid = indicators.load_grid(ws, other.pursuit_id)
        assert [v.competitor_id for v in grid.vendors] == [keep]
        assert grid.criteria[0].scores == {keep: 3}
        with ws.read() as session:
            assert session.get(Pursuit, lost.pursuit_id).lost_to_id == keep  # type: ignore[union-attr]
    # Each settled it by itself (the same records, told apart only by the time each buried
    # the other's column); another round makes them one, and nobody is asked.
    write_file(a, tmp_path / "4.sync")
    write_file(b, tmp_path / "5.sync")
    importer.import_bundle(b, tmp_path / "4.sync", PASSPHRASE)
    importer.import_bundle(a, tmp_path / "5.sync", PASSPHRASE)
    assert state(a) == state(b)
    for ws in (a, b):
        with ws.read() as session:
            assert session.scalar(select(func.count()).select_from(SyncReview)) == 0
