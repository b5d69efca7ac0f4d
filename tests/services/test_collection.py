"""Collection: the stage-8 checklist and the instalments with what is overdue."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.services import collection, pursuit_edits, pursuits
from desktop.services.pursuits import PursuitDraft
from desktop.storage.tables import StageChange

TODAY = date.today()


def test_checklist_and_receivables(ws) -> None:
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="私有云", account_name="城商行", amount=300_000_00, stage=8)
    )
    with ws.write() as session:
        for change in session.query(StageChange).filter_by(pursuit_id=pid):
            change.changed_at = change.changed_at - timedelta(days=60)
    sheet = collection.collection_of(ws, pid)
    assert not sheet.exists and sheet.checklist["acceptance_signed"] is False
    assert not sheet.check_done("licence_credit")
    assert not sheet.check_done("contract_review")  # nothing ticked: nothing reviewed yet
    target = collection.checklist_target(pid)
    pursuit_edits.save(ws, target, {"licence_checked": True})
    pursuit_edits.save(ws, target, {"credit_checked": True})
    pursuit_edits.save(ws, target, {"contract_theirs": True})
    sheet = collection.collection_of(ws, pid)
    assert sheet.exists and sheet.check_done("licence_credit")
    assert not sheet.check_done("contract_review")
    pursuit_edits.save(ws, target, {"contract_reviewed": True})
    assert collection.collection_of(ws, pid).check_done("contract_review")

    for amount, due, received in (
        (100_000_00, TODAY - timedelta(days=20), TODAY - timedelta(days=18)),
        (100_000_00, TODAY - timedelta(days=3), None),
        (50_000_00, TODAY + timedelta(days=30), None),
    ):
        pursuit_edits.add_part(
            ws, "instalment", pid, {"amount": amount, "due_on": due, "received_on": received}
        )
    money = collection.collection_of(ws, pid).receivables
    assert (money.contract, money.scheduled, money.received) == (300_000_00, 250_000_00, 100_000_00)
    assert (money.outstanding, money.unscheduled) == (150_000_00, 50_000_00)
    assert money.overscheduled == 0
    assert (money.overdue, money.overdue_count) == (100_000_00, 1)
    rows = collection.collection_of(ws, pid).instalments
    assert [r["due_on"] for r in rows] == sorted(r["due_on"] for r in rows)


def test_instalments_past_the_contract_are_kept_and_measured(ws) -> None:
    # A change order planned before the amount is raised: the schedule may pass the contract.
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="数据中台", account_name="证券", amount=850_000_00, stage=5)
    )
    pursuit_edits.add_part(ws, "instalment", pid, {"amount": 900_000_00})
    money = collection.collection_of(ws, pid).receivables
    assert (money.scheduled, money.unscheduled, money.overscheduled) == (900_000_00, 0, 50_000_00)
