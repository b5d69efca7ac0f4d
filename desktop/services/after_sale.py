"""After the sale (验收 · 管理期望): the four periods and the referrals they bring.

Each period (蜜月期 honeymoon, 磨合期 break-in, 成功期 success, 平淡期 plateau) is one record per
pursuit with a deterministic id. A referral (转介绍) can become a new pursuit in one click; the new
pursuit remembers who referred it (`referred_by_id`) and the referral which pursuit it became.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from desktop.services import pursuits, records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuit_edits import Target
from desktop.services.pursuits import PursuitDraft
from desktop.services.workspace import Workspace
from desktop.storage.tables import AfterSale, Pursuit, Referral, membership_id, utcnow

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
    with ws.write() as session:
        referral = _live_referral(session, referral_id)
        pursuit_id = referral.converted_pursuit_id
        referral.converted_pursuit_id = None
        changes = Changes.of(ChangeKind.REFERRAL, referral.id) | Changes.of(
            ChangeKind.PURSUIT_PART, referral.pursuit_id
        )
        pursuit = session.get(Pursuit, pursuit_id) if pursuit_id else None
        if pursuit is not None and pursuit.alive:
            pursuit.alive = False
            pursuit.deleted_at = utcnow()
            changes = changes | Changes.of(ChangeKind.PURSUIT, pursuit.id)
        return changes


def redo_conversion(ws: Workspace, referral_id: str, pursuit_id: str) -> Changes:
    """Bring a converted pursuit back after `undo_conversion`."""
    with ws.write() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None:
            raise NotFound(f"pursuit {pursuit_id}")
        pursuit.alive = True
        pursuit.deleted_at = None
    return Changes.of(ChangeKind.PURSUIT, pursuit_id) | _link(ws, referral_id, pursuit_id)


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
