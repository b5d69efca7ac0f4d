"""A pursuit's overview, the read model of the workspace's first tab: core fields, stage and
forecast, the stage timeline, where it came from. Closing and reopening are `services.pursuits`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select

from desktop.domain import forecast
from desktop.domain import status as status_rules
from desktop.services import after_sale, collection, pursuit_edits, pursuits, records
from desktop.services.errors import NotFound
from desktop.services.sync.review import origins_in
from desktop.services.workspace import Workspace
from desktop.storage.tables import Account, Competitor, Pursuit, SyncReview


@dataclass
class Overview:
    pursuit: dict[str, Any]
    account: str
    win_rate: int
    default_win_rate: int
    weighted: int
    days_in_stage: int
    stale_limit: int
    started_on: date | None
    tags: list[str] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    lost_to: str = ""
    referred_by: tuple[str, str] | None = None  # (pursuit id, "account · title")
    grew_from: tuple[str, str] | None = None  # a plateau's new need made it: (pursuit id, name)
    origin: str = ""  # whose database it was created in (a merged file's); "" when made here
    in_review: int = 0  # fields of it (or of what belongs to it) awaiting review after a sync
    # What the win rate weighs (`status.weighted_base`): an open pursuit's amount not yet received.
    weighted_base: int = 0


def overview_of(ws: Workspace, pursuit_id: str, today: date | None = None) -> Overview:
    today = today or date.today()
    with ws.read() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or not pursuit.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        values = records.as_dict(pursuit)
        account = session.get(Account, pursuit.account_id)
        account_name = account.name if account else ""
        lost_to = session.get(Competitor, pursuit.lost_to_id) if pursuit.lost_to_id else None
        lost_to_name = lost_to.name if lost_to else ""
        referred_by = None
        if pursuit.referred_by_id:
            source = session.get(Pursuit, pursuit.referred_by_id)
            if source is not None and source.alive:
                source_account = session.get(Account, source.account_id)
                name = source_account.name if source_account else ""
                referred_by = (source.id, f"{name} · {source.title}")
        grew_from = after_sale.need_source(session, pursuit_id)
        started = pursuit_edits.pursuit_start(session, pursuit_id)
        origin = origins_in(session, [pursuit_id]).get(pursuit_id, "")
        in_review = session.scalar(
            select(func.count()).select_from(SyncReview).where(SyncReview.pursuit_id == pursuit_id)
        )
        received = collection.received_by_pursuit(session, [pursuit_id]).get(pursuit_id, 0)
        entered = pursuit.stage_entered_at.replace(tzinfo=UTC).astimezone().date()
    status = values["status"]
    if status != status_rules.OPEN:
        rate = status_rules.closed_rate(status)
    else:
        rate = ws.win_rate(values["stage"], values["win_rate_override"])
    base = status_rules.weighted_base(status, values["amount"], received)
    return Overview(
        pursuit=values,
        account=account_name,
        win_rate=rate,
        default_win_rate=ws.win_rate(values["stage"]),
        weighted=forecast.weighted_amount(base, rate),
        weighted_base=base,
        days_in_stage=max(0, (today - entered).days),
        stale_limit=ws.stale_limit(values["stage"]),
        started_on=started,
        tags=pursuits.tags_of(ws, pursuit_id),
        history=pursuits.stage_history(ws, pursuit_id),
        lost_to=lost_to_name,
        referred_by=referred_by,
        grew_from=grew_from,
        origin=origin,
        in_review=int(in_review or 0),
    )


def local_time(moment: datetime) -> datetime:
    """A UTC timestamp from the database in the user's time zone."""
    return moment.replace(tzinfo=UTC).astimezone()
