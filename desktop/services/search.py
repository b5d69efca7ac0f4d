"""Text search over pursuits, accounts and stakeholders."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from desktop.services.workspace import Workspace
from desktop.storage.tables import Account, Pursuit, Stakeholder


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "pursuit" | "account" | "stakeholder"
    id: str
    label: str
    detail: str
    pursuit_id: str | None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(ws: Workspace, text: str, *, limit: int = 50) -> list[Hit]:
    """Case-insensitive substring search; exact-prefix hits first within each kind."""
    text = text.strip()
    if not text:
        return []
    pattern = _like(text)
    hits: list[Hit] = []
    with ws.read() as session:
        for pid, title, account in session.execute(
            select(Pursuit.id, Pursuit.title, Account.name)
            .join(Account, Account.id == Pursuit.account_id)
            .where(
                Pursuit.alive,
                or_(
                    Pursuit.title.ilike(pattern, escape="\\"),
                    Account.name.ilike(pattern, escape="\\"),
                ),
            )
            .limit(limit)
        ):
            hits.append(Hit("pursuit", pid, title, account, pid))
        for aid, name, industry in session.execute(
            select(Account.id, Account.name, Account.industry)
            .where(Account.alive, Account.name.ilike(pattern, escape="\\"))
            .limit(limit)
        ):
            hits.append(Hit("account", aid, name, industry, None))
        for sid, name, title, pid in session.execute(
            select(Stakeholder.id, Stakeholder.name, Stakeholder.title, Stakeholder.pursuit_id)
            .where(Stakeholder.alive, Stakeholder.name.ilike(pattern, escape="\\"))
            .limit(limit)
        ):
            hits.append(Hit("stakeholder", sid, name, title, pid))
    lowered = text.lower()
    hits.sort(key=lambda h: (h.kind, not h.label.lower().startswith(lowered), h.label))
    return hits
