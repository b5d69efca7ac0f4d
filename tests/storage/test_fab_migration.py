"""Revision 0006 on a database made at 0003: a pursuit already there gets an offer and new needs on
its first edit, and the revision goes down again leaving the rest as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.services import after_sale, offer, pursuit_edits
from desktop.services.workspace import Workspace
from tests.storage.revisions import move_to, names

PURSUIT = "b0000000-0000-4000-8000-000000000002"


def test_upgrading_from_0003_adds_offers_and_new_needs(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    move_to(path, "0003")
    assert not {"offers", "new_needs"} & names(path, "table")
    db = sqlite3.connect(path)
    meta = (
        "'2026-01-02 03:04:05.000000', '2026-01-02 03:04:05.000000', 1, NULL, 0, NULL, '{}', '{}'"
    )
    db.execute(
        "INSERT INTO accounts (id, name, industry, address, notes, created_at, updated_at, alive,"
        " deleted_at, purged, origin_site, vv, dots)"
        f" VALUES ('a0000000-0000-4000-8000-000000000001', '苏州恒通', '', '', '', {meta})"
    )
    db.execute(
        "INSERT INTO pursuits (id, account_id, title, amount, currency, stage, status,"
        " close_reason, owner, stage_entered_at, next_step, board_rank, notes, created_at,"
        " updated_at, alive, deleted_at, purged, origin_site, vv, dots)"
        f" VALUES ('{PURSUIT}', 'a0000000-0000-4000-8000-000000000001',"
        " 'MES', 0, 'CNY', 7, 'open', '', '', '2026-01-02 03:04:05.000000', '', 0, '',"
        f" {meta})"
    )
    db.commit()
    db.close()

    ws = Workspace.open(path)  # upgrades to head
    try:
        assert not offer.offer_of(ws, PURSUIT).exists
        pursuit_edits.save(ws, offer.offer_target(PURSUIT), {"value_intersection": "按期投产"})
        assert offer.offer_of(ws, PURSUIT).value_intersection == "按期投产"
        need, _ = pursuit_edits.add_part(ws, "new_need", PURSUIT, {"need": "WMS"})
        new_id, _ = after_sale.convert_need(ws, need, "WMS")
        assert after_sale.needs_of(ws, PURSUIT)[0]["converted_pursuit_id"] == new_id
    finally:
        ws.close()

    move_to(path, "0003", down=True)
    tables = names(path, "table")
    assert not {"offers", "new_needs"} & tables and "pursuits" in tables
