"""Collection (回款): the stage-8 checklist and the instalments, with what is overdue."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.services import pursuit_edits, records
from desktop.services.pursuit_edits import Target
from desktop.services.workspace import Workspace
from desktop.storage.tables import Collection, Pursuit, membership_id

# The checklist's fields, grouped by the catalog's collection_checks (one coaching point each).
CHECKS: dict[str, tuple[str, ...]] = {
    "licence_credit": ("licence_checked", "credit_checked"),
    "contract_review": ("contract_theirs", "contract_reviewed"),
    "delivery_ok": ("delivery_ok", "delivery_owner"),
    "acceptance_signed": ("acceptance_signed", "acceptance_due"),
    "payment_received": ("payment_received", "dunning_sent"),
}


@dataclass(frozen=True)
class Receivables:
    """Money of a pursuit: the contract, what is scheduled, received, outstanding and overdue."""

    contract: int
    scheduled: int
    received: int
    overdue: int
    overdue_count: int

    @property
    def outstanding(self) -> int:
        return self.scheduled - self.received

    @property
    def unscheduled(self) -> int:
        return max(0, self.contract - self.scheduled)


@dataclass
class CollectionSheet:
    exists: bool
    checklist: dict[str, Any]
    instalments: list[dict[str, Any]] = field(default_factory=list)
    receivables: Receivables = field(default_factory=lambda: Receivables(0, 0, 0, 0, 0))
    currency: str = "CNY"

    def check_done(self, check: str) -> bool:
        """Whether one item of the checklist is settled."""
        c = self.checklist
        return bool(
            {
                "licence_credit": c["licence_checked"] and c["credit_checked"],
                # Settled when someone reviewed the contract to be signed (ours or, when we must
                # sign it, the customer's): an untouched checklist is not a reviewed contract.
                "contract_review": c["contract_reviewed"],
                "delivery_ok": c["delivery_ok"],
                "acceptance_signed": c["acceptance_signed"],
                "payment_received": c["payment_received"],
            }[check]
        )


def collection_id(pursuit_id: str) -> str:
    return membership_id("collection", pursuit_id)


def checklist_target(pursuit_id: str) -> Target:
    return Target("collection", collection_id(pursuit_id), (("pursuit_id", pursuit_id),))


def overdue(instalment: dict[str, Any], today: date) -> bool:
    due = instalment.get("due_on")
    return instalment.get("received_on") is None and due is not None and due < today


def collection_of(ws: Workspace, pursuit_id: str, today: date | None = None) -> CollectionSheet:
    today = today or date.today()
    with ws.read() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        contract = pursuit.amount if pursuit is not None else 0
        currency = pursuit.currency if pursuit is not None else "CNY"
        record = session.get(Collection, collection_id(pursuit_id))
        exists = record is not None and record.alive
        if record is not None and record.alive:
            checklist = records.as_dict(record)
        else:
            checklist = {
                name: column.default.arg if column.default is not None else None
                for name, column in Collection.__table__.columns.items()
                if name in Collection.register_fields()
            }
            checklist.update(id=collection_id(pursuit_id), pursuit_id=pursuit_id)
        instalments = pursuit_edits.list_parts(session, "instalment", pursuit_id)
    late = [i for i in instalments if overdue(i, today)]
    receivables = Receivables(
        contract=contract,
        scheduled=sum(i["amount"] for i in instalments),
        received=sum(i["amount"] for i in instalments if i["received_on"] is not None),
        overdue=sum(i["amount"] for i in late),
        overdue_count=len(late),
    )
    return CollectionSheet(exists, checklist, instalments, receivables, currency)
