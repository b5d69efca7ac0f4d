"""Account (客户) use-cases."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.services.workspace import Workspace
from desktop.storage.tables import Account, Pursuit


@dataclass(frozen=True, slots=True)
class AccountRow:
    id: str
    name: str
    industry: str
    pursuits: int


def list_accounts(ws: Workspace) -> list[AccountRow]:
    counts = (
        select(Pursuit.account_id, func.count().label("n"))
        .where(Pursuit.alive)
        .group_by(Pursuit.account_id)
        .subquery()
    )
    query = (
        select(Account.id, Account.name, Account.industry, counts.c.n)
        .outerjoin(counts, counts.c.account_id == Account.id)
        .where(Account.alive)
        .order_by(Account.name)
    )
    with ws.read() as session:
        return [AccountRow(r[0], r[1], r[2], r[3] or 0) for r in session.execute(query)]
