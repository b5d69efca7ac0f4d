"""Collection (回款): the stage-8 checklist and the instalments, with what is overdue, what is
still to collect (the board and the forecast weigh it), and what keeps a pursuit from being marked
collected (the last milestone, 收款: `domain.status.collect_gaps`)."""

from __future__ import annotations

from collections.abc import Collection as Many
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain import status
from desktop.domain.methodology import Catalog
from desktop.domain.status import CollectGap, InstalmentFacts
from desktop.services import pursuit_edits, records
from desktop.services.pursuit_edits import Target
from desktop.services.workspace import Workspace
from desktop.storage.tables import Collection, Instalment, Pursuit, membership_id

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

    @property
    def overscheduled(self) -> int:
        """How far the instalments go past the contract: kept, not refused (a change order or
        an extra often adds money before anyone raises the pursuit's amount), but said."""
        return max(0, self.scheduled - self.contract)


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


# --- the last milestone: collected ---------------------------------------------------------------
def received_by_pursuit(session: Session, ids: Many[str] | None = None) -> dict[str, int]:
    """{pursuit: amount of its instalments received} for the pursuits with any (all, or `ids`):
    one grouped read, so the board and the forecast weigh what is still to collect."""
    query = (
        select(Instalment.pursuit_id, func.sum(Instalment.amount))
        .where(Instalment.alive, Instalment.received_on.is_not(None))
        .group_by(Instalment.pursuit_id)
    )
    if ids is not None:
        ids = list(ids)
        if not ids:
            return {}
        query = query.where(Instalment.pursuit_id.in_(ids))
    return {pursuit_id: int(total or 0) for pursuit_id, total in session.execute(query)}


def checks_done(record: Collection | None) -> dict[str, bool]:
    """Each item of the stage-8 checklist settled or not (`CollectionSheet.check_done`'s rule)."""
    if record is None or not record.alive:
        return dict.fromkeys(status.CHECKS, False)
    sheet = CollectionSheet(True, records.as_dict(record))
    return {key: sheet.check_done(key) for key in status.CHECKS}


def collect_gaps_in(session: Session, ids: Many[str]) -> dict[str, tuple[CollectGap, ...]]:
    """{pursuit: what keeps it from being marked collected} for the live pursuits among `ids`
    (an empty tuple where nothing does): `domain.status.collect_gaps` on their facts."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    instalments: dict[str, list[InstalmentFacts]] = {}
    for pursuit_id, amount, received_on in session.execute(
        select(Instalment.pursuit_id, Instalment.amount, Instalment.received_on).where(
            Instalment.alive, Instalment.pursuit_id.in_(ids)
        )
    ):
        instalments.setdefault(pursuit_id, []).append(
            InstalmentFacts(amount or 0, received_on is not None)
        )
    checklists = {
        record.pursuit_id: record
        for record in session.scalars(
            select(Collection).where(Collection.pursuit_id.in_(ids), Collection.alive)
        )
    }
    result: dict[str, tuple[CollectGap, ...]] = {}
    for pursuit_id, stage, state in session.execute(
        select(Pursuit.id, Pursuit.stage, Pursuit.status).where(Pursuit.id.in_(ids), Pursuit.alive)
    ):
        result[pursuit_id] = status.collect_gaps(
            stage, state, checks_done(checklists.get(pursuit_id)), instalments.get(pursuit_id, ())
        )
    return result


def collect_gaps(ws: Workspace, ids: Many[str]) -> dict[str, tuple[CollectGap, ...]]:
    """What keeps each pursuit from being marked collected (the close dialog says it)."""
    with ws.read() as session:
        return collect_gaps_in(session, ids)


def describe_gaps(gaps: Iterable[CollectGap], catalog: Catalog, lang: str) -> str:
    """The refusal in words in `lang` ("zh"/"en", or the UI's "zh_CN"), for the refusal that
    `pursuits.close_pursuits` raises and the log (the close dialog words its own in Qt's)."""
    lang = "zh" if lang.startswith("zh") else "en"
    zh = lang == "zh"
    checks = catalog.vocab("collection_checks")
    statuses = catalog.vocab("pursuit_statuses")
    target = catalog.stage(status.COLLECTION_STAGE)
    parts = []
    for gap in gaps:
        if gap.kind == "status":
            label = statuses.label(gap.key, lang)
            parts.append(f"已是「{label}」，不在进行中" if zh else f"it is {label}, not open")
        elif gap.kind == "stage":
            stage = catalog.stage(int(gap.key))
            parts.append(
                f"处于第 {stage.number} 阶段（{stage.process(lang)}），"
                f"尚未进入第 {target.number} 阶段（{target.process(lang)}）"
                if zh
                else f"it is in stage {stage.number} · {stage.process(lang)}, "
                f"not stage {target.number} · {target.process(lang)}"
            )
        elif gap.kind == "check":
            label = checks.label(gap.key, lang)
            parts.append(
                f"回款清单「{label}」尚未完成"
                if zh
                else f'collection checklist: "{label}" is not settled'
            )
        elif zh:
            parts.append(f"{gap.count} 笔回款尚未到账")
        else:
            parts.append(
                "1 instalment not received"
                if gap.count == 1
                else f"{gap.count} instalments not received"
            )
    return ("；" if zh else "; ").join(parts)


def settle_legacy_won(session: Session) -> list[str]:
    """Map pursuits that still say "won" — arrived in a sync file from a database made before
    revision 0004 — as that migration maps them: open in 回款 (stage 8) while an instalment is
    still out, else collected. Done inside the caller's write transaction as a local edit (the
    flush stamps it), so the mapping spreads to every copy, the old one included. Returns the
    ids mapped."""
    pursuits = list(
        session.scalars(
            select(Pursuit)
            .where(Pursuit.status == status.LEGACY_WON)
            .execution_options(populate_existing=True)  # rows just merged below the ORM
        )
    )
    if not pursuits:
        return []
    ids = [p.id for p in pursuits]
    waiting = set(
        session.scalars(
            select(Instalment.pursuit_id).where(
                Instalment.pursuit_id.in_(ids), Instalment.alive, Instalment.received_on.is_(None)
            )
        )
    )
    for pursuit in pursuits:
        won_on = pursuit.closed_on
        won_at = datetime.combine(won_on, time()) if won_on is not None else None
        if pursuit.id in waiting:
            pursuit.status = status.OPEN
            pursuit.closed_on = None
            if won_at is not None:
                pursuit.stage_entered_at = won_at
        else:
            pursuit.status = status.COLLECTED
            if won_at is not None and pursuit.stage < status.COLLECTION_STAGE:
                pursuit.stage_entered_at = won_at
        pursuit.stage = status.COLLECTION_STAGE
    session.flush()
    return ids
