"""What a use-case changed, so that screens refresh only that (Anki's OpChanges)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class ChangeKind(StrEnum):
    """The kinds of record a use-case can touch; screens ask `changes.touches(ChangeKind.X)`.

    One member per synced record kind (`Synced.kind`, checked by a test) and `REVIEW`; a StrEnum
    so that a kind read from a record (`ChangeKind(record.kind)`) and a member compare equal.
    """

    ACCOUNT = "account"
    ACTIVITY = "activity"
    ACTIVITY_ATTENDEE = "activity_attendee"
    AFTER_SALE = "after_sale"
    COACHING_ANSWER = "coaching_answer"
    COLLECTION = "collection"
    COMPETITOR = "competitor"
    DOCUMENT = "document"
    INDICATOR = "indicator"
    INDICATOR_SCORE = "indicator_score"
    INSTALMENT = "instalment"
    NEW_NEED = "new_need"
    NOTE = "note"
    OFFER = "offer"
    PAIN_POINT = "pain_point"
    PERSON = "person"  # a person of an account, on any number of maps
    PURSUIT = "pursuit"
    PURSUIT_COMPETITOR = "pursuit_competitor"
    PURSUIT_PART = "pursuit_part"  # any record that belongs to one pursuit (answers, risks, …)
    PURSUIT_TAG = "pursuit_tag"
    REFERRAL = "referral"
    REVIEW = "review"  # concurrent values waiting for a decision (sync)
    RISK = "risk"
    STAGE_CHANGE = "stage_change"
    STAKEHOLDER = "stakeholder"
    STAKEHOLDER_HELP = "stakeholder_help"
    STAKEHOLDER_LINK = "stakeholder_link"
    STAKEHOLDER_ROLE = "stakeholder_role"
    STEP_PROGRESS = "step_progress"
    VALUE_BENEFIT = "value_benefit"
    VALUE_CASE = "value_case"
    VISIT = "visit"
    VISIT_ATTENDEE = "visit_attendee"


@dataclass(frozen=True)
class Changes:
    """Ids touched per record kind; `everything` after an import, a restore or a database switch."""

    touched: frozenset[tuple[ChangeKind, str]] = field(default_factory=frozenset)
    everything: bool = False

    @classmethod
    def of(cls, kind: ChangeKind, *ids: str) -> Changes:
        return cls(frozenset((kind, i) for i in ids))

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.touched | other.touched, self.everything or other.everything)

    def touches(self, *kinds: ChangeKind) -> bool:
        return self.everything or any(k in kinds for k, _ in self.touched)

    def ids(self, kind: ChangeKind) -> set[str]:
        return {i for k, i in self.touched if k == kind}

    def __bool__(self) -> bool:
        return self.everything or bool(self.touched)


def merge(changes: Iterable[Changes]) -> Changes:
    result = Changes()
    for c in changes:
        result = result | c
    return result
