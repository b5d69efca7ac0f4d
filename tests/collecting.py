"""Reaching the win in tests: a pursuit is won when collected (`domain.status`), which takes
stage 8 and a settled checklist. `collect` does what a rep does, through the real use-cases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from desktop.services import collection, pursuit_edits, pursuits
from desktop.services.pursuits import StateChange
from desktop.services.workspace import Workspace

SETTLED = {
    "licence_checked": True,
    "credit_checked": True,
    "contract_reviewed": True,
    "delivery_ok": True,
    "acceptance_signed": True,
    "payment_received": True,
}


def settle(ws: Workspace, pursuit_id: str, **values: Any) -> None:
    """Tick stage 8's checklist (any field overridden by `values`)."""
    pursuit_edits.save(ws, collection.checklist_target(pursuit_id), {**SETTLED, **values})


def collect(
    ws: Workspace,
    ids: Sequence[str],
    *,
    reason: str = "回款完成",
    closed_on: date | None = None,
) -> StateChange:
    """Move the pursuits into 回款, settle their checklists and mark them collected (the win)."""
    ids = list(ids)
    pursuits.move_stage(ws, [p for p in ids if _stage(ws, p) != 8], 8)
    for pursuit_id in ids:
        settle(ws, pursuit_id)
    return pursuits.close_pursuits(ws, ids, "collected", reason=reason, closed_on=closed_on)


def _stage(ws: Workspace, pursuit_id: str) -> int:
    from desktop.services import records

    return int(records.get(ws, "pursuit", pursuit_id)["stage"])
