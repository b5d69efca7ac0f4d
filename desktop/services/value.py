"""The value case (价值建议书) of a pursuit: investment, yearly benefit lines, ROI and payback."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from desktop.domain import value_case
from desktop.domain.value_case import ValueCaseResult
from desktop.services import records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import NotFound
from desktop.services.pursuit_edits import Target, changes_of
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit, ValueBenefit, ValueCase, membership_id

DEFAULT_HORIZON = 3


@dataclass
class ValueSheet:
    """The case's fields (defaults when there is none yet), its benefit lines and the figures."""

    exists: bool
    case: dict[str, Any]
    benefits: list[dict[str, Any]] = field(default_factory=list)
    currency: str = "CNY"

    @property
    def result(self) -> ValueCaseResult:
        return evaluate(self.case["investment"], [b["amount"] for b in self.benefits], self.case)


def evaluate(investment: int, amounts: list[int], case: dict[str, Any]) -> ValueCaseResult:
    return value_case.evaluate(
        max(0, investment), amounts, max(1, case.get("horizon_years") or DEFAULT_HORIZON)
    )


def case_id(pursuit_id: str) -> str:
    return membership_id("value_case", pursuit_id)


def case_target(pursuit_id: str) -> Target:
    """The value-case record (created on its first edit)."""
    return Target("value_case", case_id(pursuit_id), (("pursuit_id", pursuit_id),))


def value_of(ws: Workspace, pursuit_id: str) -> ValueSheet:
    with ws.read() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        currency = pursuit.currency if pursuit is not None else "CNY"
        case = session.get(ValueCase, case_id(pursuit_id))
        if case is None or not case.alive:
            return ValueSheet(
                False,
                {
                    "id": case_id(pursuit_id),
                    "pursuit_id": pursuit_id,
                    "investment": 0,
                    "horizon_years": DEFAULT_HORIZON,
                    "feedback": "",
                    "accepted": "unknown",
                },
                currency=currency,
            )
        benefits = [
            records.as_dict(b)
            for b in session.scalars(
                select(ValueBenefit)
                .where(ValueBenefit.value_case_id == case.id, ValueBenefit.alive)
                .order_by(ValueBenefit.position, ValueBenefit.created_at)
            )
        ]
        return ValueSheet(True, records.as_dict(case), benefits, currency)


def add_benefit(
    ws: Workspace, pursuit_id: str, label: str = "", amount: int = 0
) -> tuple[str, Changes]:
    """A new yearly benefit line at the end (the value case is made when there is none)."""
    records.validate("value_benefit", {"label": label, "amount": amount})
    with ws.write() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or not pursuit.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        case = session.get(ValueCase, case_id(pursuit_id))
        if case is None:
            case = ValueCase(id=case_id(pursuit_id), pursuit_id=pursuit_id)
            session.add(case)
            session.flush()
        elif not case.alive:
            case.alive = True
            case.deleted_at = None
        top = session.scalar(
            select(func.max(ValueBenefit.position)).where(ValueBenefit.value_case_id == case.id)
        )
        line = ValueBenefit(
            value_case_id=case.id, label=label, amount=amount, position=(top or 0.0) + 1.0
        )
        session.add(line)
        session.flush()
        return line.id, changes_of(session, line) | Changes.of(ChangeKind.VALUE_CASE, case.id)
