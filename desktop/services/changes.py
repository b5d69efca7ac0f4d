"""What a use-case changed, so that screens refresh only that (Anki's OpChanges)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class ChangeKind(StrEnum):
    """The kinds of record a use-case can touch; screens ask `changes.touches(ChangeKind.X)`.

    A StrEnum so that a kind read from a table name (`ChangeKind(table)`) and a member compare
    equal.
    """

    ACCOUNT = "account"
    ACTIVITY = "activity"
    COMPETITOR = "competitor"
    INDICATOR = "indicator"
    INDICATOR_SCORE = "indicator_score"
    NOTE = "note"
    PURSUIT = "pursuit"
    PURSUIT_COMPETITOR = "pursuit_competitor"
    PURSUIT_PART = "pursuit_part"  # any record that belongs to one pursuit (answers, risks, …)
    REFERRAL = "referral"
    REVIEW = "review"
    STAKEHOLDER = "stakeholder"
    STAKEHOLDER_LINK = "stakeholder_link"
    VALUE_CASE = "value_case"
    VISIT = "visit"
    VISIT_ATTENDEE = "visit_attendee"


# A kind is a ChangeKind; `str` is still accepted because some callers pass a record's own kind
# (`Synced.kind`, e.g. "risk", "stakeholder_role") that has no member yet, and services owned by
# other changes are being converted. Tighten to `ChangeKind` once every caller passes a member.
Kind = ChangeKind | str


@dataclass(frozen=True)
class Changes:
    """Ids touched per record kind; `everything` after an import, a restore or a database switch."""

    touched: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    everything: bool = False

    @classmethod
    def of(cls, kind: Kind, *ids: str) -> Changes:
        return cls(frozenset((kind, i) for i in ids))

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.touched | other.touched, self.everything or other.everything)

    def touches(self, *kinds: Kind) -> bool:
        return self.everything or any(k in kinds for k, _ in self.touched)

    def ids(self, kind: Kind) -> set[str]:
        return {i for k, i in self.touched if k == kind}

    def __bool__(self) -> bool:
        return self.everything or bool(self.touched)


def merge(changes: Iterable[Changes]) -> Changes:
    result = Changes()
    for c in changes:
        result = result | c
    return result
