"""After the sale (验收 · 管理期望): the four periods, the referrals and the new needs they bring.

Each period (蜜月期 honeymoon, 磨合期 break-in, 成功期 success, 平淡期 plateau) is one record per
pursuit with a deterministic id. A referral (转介绍) can become a new pursuit in one click; the new
pursuit remembers who referred it (`referred_by_id`) and the referral which pursuit it became.
A new need found in the plateau (平淡期: "find and keep stimulating the customer's new needs")
becomes a new pursuit the same way, on the same account; the need names the pursuit it became,
and that pursuit finds where it grew from through the need (`need_source`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services import pursuits, records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuit_edits import Target
from desktop.services.pursuits import PursuitDraft
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Account,
    AfterSale,
    NewNeed,
    Pursuit,
    Referral,
    membership_id,
    utcnow,
)

PERIODS = ("honeymoon", "break_in", "success", "plateau")
PERIOD_FIELDS = ("expectations", "issues", "actions")


def period_id(pursuit_id: str, period: str) -> str:
    return membership_id("after_sale", pursuit_id, period)


def period_target(pursuit_id: str, period: str) -> Target:
    if period not in PERIODS:
        raise InvalidInput("period", "unknown", f"unknown period {period!r}")
    return Target(
        "after_sale",
        period_id(pursuit_id, period),
        (("pursuit_id", pursuit_id), ("period", period)),
    )


def periods_of(ws: Workspace, pursuit_id: str) -> dict[str, dict[str, Any]]:
    """Every period's fields (empty texts for a period not written yet)."""
    result = {
        p: {"id": period_id(pursuit_id, p), **dict.fromkeys(PERIOD_FIELDS, "")} for p in PERIODS
    }
    with ws.read() as session:
        for period in PERIODS:
            record = session.get(AfterSale, period_id(pursuit_id, period))
            if record is not None and record.alive:
                result[period] = records.as_dict(record)
    return result


def convert_referral(
    ws: Workspace, referral_id: str, title: str, notes: str = ""
) -> tuple[str, Changes]:
    """A new pursuit (stage 1) for a referral's company, referred by the referral's pursuit."""
    with ws.read() as session:
        referral = session.get(Referral, referral_id)
        if referral is None or not referral.alive:
            raise NotFound(f"referral {referral_id}")
        if referral.converted_pursuit_id:
            converted = session.get(Pursuit, referral.converted_pursuit_id)
            if converted is not None and converted.alive:
                raise InvalidInput("referral", "converted", "this referral is already a pursuit")
        company = referral.company.strip()
        source = referral.pursuit_id
        owner = (session.get(Pursuit, source) or Pursuit(owner="")).owner
    if not company:
        raise InvalidInput("company", "required", "a referral needs a company to become a pursuit")
    new_id, changes = pursuits.create_pursuit(
        ws, PursuitDraft(title=title, account_name=company, owner=owner, notes=notes)
    )
    return new_id, changes | _link(ws, referral_id, new_id)


def undo_conversion(ws: Workspace, referral_id: str) -> Changes:
    """Take back `convert_referral`: the new pursuit becomes a tombstone, the referral open."""
    return _unconvert(ws, _live_referral, ChangeKind.REFERRAL, referral_id)


def redo_conversion(ws: Workspace, referral_id: str, pursuit_id: str) -> Changes:
    """Bring a converted pursuit back after `undo_conversion`."""
    return _revive(ws, pursuit_id) | _link(ws, referral_id, pursuit_id)


def _unconvert(
    ws: Workspace,
    live: Callable[[Session, str], Referral | NewNeed],
    kind: ChangeKind,
    record_id: str,
) -> Changes:
    """The one undo of both conversions (a referral, a plateau need): the record is open again
    and the pursuit it became a tombstone."""
    with ws.write() as session:
        record = live(session, record_id)
        pursuit_id = record.converted_pursuit_id
        record.converted_pursuit_id = None
        changes = Changes.of(kind, record.id) | Changes.of(
            ChangeKind.PURSUIT_PART, record.pursuit_id
        )
        pursuit = session.get(Pursuit, pursuit_id) if pursuit_id else None
        if pursuit is not None and pursuit.alive:
            pursuit.alive = False
            pursuit.deleted_at = utcnow()
            changes = changes | Changes.of(ChangeKind.PURSUIT, pursuit.id)
        return changes


def _revive(ws: Workspace, pursuit_id: str) -> Changes:
    """The pursuit a conversion made, alive again (its redo; a purged one is gone for good)."""
    with ws.write() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or pursuit.purged:
            raise NotFound(f"pursuit {pursuit_id}")
        pursuit.alive = True
        pursuit.deleted_at = None
    return Changes.of(ChangeKind.PURSUIT, pursuit_id)


def _link(ws: Workspace, referral_id: str, pursuit_id: str) -> Changes:
    with ws.write() as session:
        referral = _live_referral(session, referral_id)
        referral.converted_pursuit_id = pursuit_id
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None:
            raise NotFound(f"pursuit {pursuit_id}")
        pursuit.referred_by_id = referral.pursuit_id
        return (
            Changes.of(ChangeKind.REFERRAL, referral.id)
            | Changes.of(ChangeKind.PURSUIT_PART, referral.pursuit_id)
            | Changes.of(ChangeKind.PURSUIT, pursuit_id)
        )


def _live_referral(session: Session, referral_id: str) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None or not referral.alive:
        raise NotFound(f"referral {referral_id}")
    return referral


# --- new needs of the plateau (平淡期) ----------------------------------------------------------
def convert_need(ws: Workspace, need_id: str, title: str, notes: str = "") -> tuple[str, Changes]:
    """A new pursuit (stage 1) on the need's account, owned like the pursuit it grew from; the
    need then names it. The same path as a referral: `pursuits.create_pursuit`, then the link."""
    with ws.read() as session:
        need = session.get(NewNeed, need_id)
        if need is None or not need.alive:
            raise NotFound(f"new need {need_id}")
        if need.converted_pursuit_id:
            converted = session.get(Pursuit, need.converted_pursuit_id)
            if converted is not None and converted.alive:
                raise InvalidInput("new_need", "converted", "this need is already a pursuit")
        source = session.get(Pursuit, need.pursuit_id)
        if source is None or not source.alive:
            raise NotFound(f"pursuit {need.pursuit_id}")
        account = session.get(Account, source.account_id)
        if account is None or not account.alive:
            raise NotFound(f"account {source.account_id}")
        account_id, owner, described = source.account_id, source.owner, need.need.strip()
    title = title.strip() or described
    if not title:
        raise InvalidInput("need", "required", "write the need before it becomes a pursuit")
    new_id, changes = pursuits.create_pursuit(
        ws, PursuitDraft(title=title, account_id=account_id, owner=owner, notes=notes)
    )
    return new_id, changes | _link_need(ws, need_id, new_id)


def undo_need_conversion(ws: Workspace, need_id: str) -> Changes:
    """Take back `convert_need`: the new pursuit becomes a tombstone, the need open again."""
    return _unconvert(ws, _live_need, ChangeKind.NEW_NEED, need_id)


def redo_need_conversion(ws: Workspace, need_id: str, pursuit_id: str) -> Changes:
    """Bring a pursuit made from a need back after `undo_need_conversion`."""
    return _revive(ws, pursuit_id) | _link_need(ws, need_id, pursuit_id)


def need_source(session: Session, pursuit_id: str) -> tuple[str, str] | None:
    """The pursuit a pursuit grew from through a new need: (its id, "account · title"), or None."""
    row = session.execute(
        select(Pursuit.id, Pursuit.title, Account.name)
        .join(NewNeed, NewNeed.pursuit_id == Pursuit.id)
        .join(Account, Account.id == Pursuit.account_id)
        .where(NewNeed.converted_pursuit_id == pursuit_id, NewNeed.alive, Pursuit.alive)
        .order_by(NewNeed.created_at)
        .limit(1)
    ).first()
    if row is None:
        return None
    source_id, title, account = row
    return source_id, f"{account} · {title}"


def needs_of(ws: Workspace, pursuit_id: str) -> list[dict[str, Any]]:
    """The live new needs of a pursuit, oldest first, each with the title of the pursuit it
    became ("" while it is none, or when that pursuit was deleted)."""
    with ws.read() as session:
        rows = [
            records.as_dict(need)
            for need in session.scalars(
                select(NewNeed)
                .where(NewNeed.pursuit_id == pursuit_id, NewNeed.alive)
                .order_by(NewNeed.created_at)
            )
        ]
        made = [r["converted_pursuit_id"] for r in rows if r["converted_pursuit_id"]]
        titles: dict[str, str] = {
            pursuit_id: title
            for pursuit_id, title in session.execute(
                select(Pursuit.id, Pursuit.title).where(Pursuit.id.in_(made), Pursuit.alive)
            )
        }
    for row in rows:
        row["converted_title"] = titles.get(row["converted_pursuit_id"] or "", "")
    return rows


def _link_need(ws: Workspace, need_id: str, pursuit_id: str) -> Changes:
    with ws.write() as session:
        need = _live_need(session, need_id)
        if session.get(Pursuit, pursuit_id) is None:
            raise NotFound(f"pursuit {pursuit_id}")
        need.converted_pursuit_id = pursuit_id
        return (
            Changes.of(ChangeKind.NEW_NEED, need.id)
            | Changes.of(ChangeKind.PURSUIT_PART, need.pursuit_id)
            | Changes.of(ChangeKind.PURSUIT, pursuit_id)
        )


def _live_need(session: Session, need_id: str) -> NewNeed:
    need = session.get(NewNeed, need_id)
    if need is None or not need.alive:
        raise NotFound(f"new need {need_id}")
    return need
