"""Our offer in a pursuit (我方方案): its features, advantages, benefits, value intersection and
the plan to dispel concerns.

The method asks these once for our own solution — in stage 5 (屏蔽对手) "what is our value
intersection with the customer?" and "what are our solution's features, advantages and
benefits?", in stage 6 (打消顾虑) "what is the plan to dispel the customer's concerns?". Each
competitor's profile keeps what we set against that rival; this record is the offer itself.

One record per pursuit with a deterministic id (the same on every machine), made on its first
edit through `pursuit_edits.save`, so every field is its own register in sync (two people editing
two fields both keep their edit) and its undo is the workspace's uniform field edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.errors import NotFound
from desktop.services.pursuit_edits import Target
from desktop.services.workspace import Workspace
from desktop.storage.tables import Offer, Pursuit, membership_id

FAB_FIELDS = ("features", "advantages", "benefits")
FIELDS = (*FAB_FIELDS, "value_intersection", "concern_plan")


@dataclass(frozen=True)
class OfferSheet:
    """The offer's texts ("" for a field never written) and whether the record exists yet."""

    id: str
    pursuit_id: str
    exists: bool
    features: str = ""
    advantages: str = ""
    benefits: str = ""
    value_intersection: str = ""
    concern_plan: str = ""

    def values(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in FIELDS}

    @property
    def empty(self) -> bool:
        return not any(text.strip() for text in self.values().values())


def offer_id(pursuit_id: str) -> str:
    return membership_id("offer", pursuit_id)


def offer_target(pursuit_id: str) -> Target:
    """The offer record of a pursuit (created on its first edit)."""
    return Target("offer", offer_id(pursuit_id), (("pursuit_id", pursuit_id),))


def offer_of(ws: Workspace, pursuit_id: str) -> OfferSheet:
    """The pursuit's offer; empty texts when nothing was written yet. NotFound for a pursuit
    that is gone."""
    with ws.read() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or not pursuit.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        record = session.get(Offer, offer_id(pursuit_id))
        if record is None or not record.alive:
            return OfferSheet(offer_id(pursuit_id), pursuit_id, False)
        return OfferSheet(
            record.id,
            pursuit_id,
            True,
            **{name: getattr(record, name) or "" for name in FIELDS},
        )
