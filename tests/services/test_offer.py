"""Our offer per pursuit (特点、优势、益处, 价值交集, 打消顾虑的计划): made on its first edit, one
field at a time, each field its own value; on real SQLite."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from desktop.services import offer, pursuit_edits, pursuits
from desktop.services.changes import ChangeKind
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import PursuitDraft
from desktop.storage.tables import Offer


def test_an_offer_is_made_on_its_first_edit_and_keeps_each_field(ws) -> None:
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通"))
    sheet = offer.offer_of(ws, pid)
    assert not sheet.exists and sheet.empty
    assert sheet.id == offer.offer_id(pid) == offer.offer_target(pid).id

    changes = pursuit_edits.save(ws, offer.offer_target(pid), {"features": "云原生架构"})
    assert changes.ids(ChangeKind.OFFER) == {offer.offer_id(pid)}
    assert changes.ids(ChangeKind.PURSUIT_PART) == {pid}
    pursuit_edits.save(ws, offer.offer_target(pid), {"advantages": "两周上线"})
    pursuit_edits.save(ws, offer.offer_target(pid), {"benefits": "每年节省人力 200 万"})
    pursuit_edits.save(ws, offer.offer_target(pid), {"value_intersection": "降本与交期"})
    pursuit_edits.save(ws, offer.offer_target(pid), {"concern_plan": "先试点一条产线"})
    sheet = offer.offer_of(ws, pid)
    assert sheet.exists and not sheet.empty
    assert sheet.values() == {
        "features": "云原生架构",
        "advantages": "两周上线",
        "benefits": "每年节省人力 200 万",
        "value_intersection": "降本与交期",
        "concern_plan": "先试点一条产线",
    }
    with ws.read() as session:
        rows = session.query(Offer).filter(Offer.pursuit_id == pid).all()
    assert len(rows) == 1  # one record per pursuit, whatever the number of edits

    # Writing the same value again writes nothing; an unknown field is refused.
    assert not pursuit_edits.save(ws, offer.offer_target(pid), {"features": "云原生架构"})
    with pytest.raises(InvalidInput):
        pursuit_edits.save(ws, offer.offer_target(pid), {"colour": "red"})


def test_an_edit_is_one_transaction(ws) -> None:
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通"))
    begun: list[str] = []

    def seen(_conn, _cursor, statement: str, *_args) -> None:
        if statement.lstrip().upper().startswith("BEGIN"):
            begun.append(statement.strip().upper())

    event.listen(ws.db.engine, "before_cursor_execute", seen)
    try:
        pursuit_edits.save(ws, offer.offer_target(pid), {"value_intersection": "交期"})
    finally:
        event.remove(ws.db.engine, "before_cursor_execute", seen)
    assert begun == ["BEGIN IMMEDIATE"]


def test_the_offer_of_a_deleted_pursuit_is_not_found(ws) -> None:
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通"))
    pursuits.delete_pursuits(ws, [pid])
    with pytest.raises(NotFound):
        offer.offer_of(ws, pid)
