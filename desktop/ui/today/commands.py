"""Undo commands of the Today screen: mark done (with its outcome), move by days, plan the next.

They follow `ui.undo`'s convention (run first, then push) and hold ids and values only. A
pursuit's own next step is two fields of the pursuit (`next_step`, `next_step_due`), written
through the same use-case as the pursuit's overview (`pursuit_edits.save`, which checks the
date) and put back on undo as the pursuit's use-cases put a state back
(`pursuits.restore_states`: the old date was the pursuit's, even one before it began, as an
import or a colleague may have written it).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.infra.lazy import lazy_module
from desktop.ui.context import AppContext
from desktop.ui.undo import UndoCommand

if TYPE_CHECKING:
    from desktop.services import activities, pursuit_edits, pursuits
    from desktop.services.activities import ActivityDraft
else:  # the Today screen paints before SQLAlchemy is imported: a command imports it when run
    activities = lazy_module("desktop.services.activities")
    pursuit_edits = lazy_module("desktop.services.pursuit_edits")
    pursuits = lazy_module("desktop.services.pursuits")

SHIFT_MERGE_ID = 0x70DA1  # consecutive Ctrl+Right presses on one activity are one step
SHIFT_NEXT_STEP_MERGE_ID = 0x70DA2  # … and on one pursuit's next step


class CompleteActivity(UndoCommand):
    def __init__(
        self,
        ctx: AppContext,
        activity_id: str,
        text: str,
        *,
        outcome: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent)
        self.activity_id = activity_id
        self.outcome = outcome

    def apply(self) -> None:
        self.perform(activities.complete_activity, self.activity_id, self.outcome)

    def revert(self) -> None:
        self.perform(activities.reopen_activity, self.activity_id)


class SetOutcome(UndoCommand):
    """The outcome of an activity already done (written after Space, in the offer bar)."""

    def __init__(
        self,
        ctx: AppContext,
        activity_id: str,
        old: str,
        new: str,
        text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent)
        self.activity_id, self.old, self.new = activity_id, old, new

    def apply(self) -> None:
        self.perform(activities.complete_activity, self.activity_id, self.new)

    def revert(self) -> None:
        self.perform(activities.complete_activity, self.activity_id, self.old)


class ShiftActivity(UndoCommand):
    """Move an activity by whole days, keeping its local time of day."""

    merge_id = SHIFT_MERGE_ID

    def __init__(
        self,
        ctx: AppContext,
        activity_id: str,
        days: int,
        text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent)
        self.activity_id = activity_id
        self.days = days

    def apply(self) -> None:
        self.perform(activities.shift_activity, self.activity_id, self.days)

    def revert(self) -> None:
        self.perform(activities.shift_activity, self.activity_id, -self.days)

    def merge(self, other: UndoCommand) -> bool:
        if not isinstance(other, ShiftActivity) or other.activity_id != self.activity_id:
            return False
        self.days += other.days
        return True


class RescheduleActivity(UndoCommand):
    """Move an activity to another day (dropped there), keeping its local time of day."""

    def __init__(
        self,
        ctx: AppContext,
        activity_id: str,
        old_day: date,
        new_day: date,
        text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent)
        self.activity_id = activity_id
        self.old_day, self.new_day = old_day, new_day

    def apply(self) -> None:
        self.perform(activities.reschedule_activity, self.activity_id, self.new_day)

    def revert(self) -> None:
        self.perform(activities.reschedule_activity, self.activity_id, self.old_day)


class CreateActivity(UndoCommand):
    def __init__(
        self, ctx: AppContext, draft: ActivityDraft, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, text, parent)
        self.draft = draft
        # A step's activity has the step's id on every machine.
        self.activity_id: str | None = (
            activities.step_activity_id(draft.pursuit_id, draft.step_key)
            if draft.pursuit_id and draft.step_key
            else None
        )

    def apply(self) -> None:
        self.activity_id, _ = self.perform(
            activities.create_activity, self.draft, activity_id=self.activity_id
        )

    def revert(self) -> None:
        assert self.activity_id is not None
        self.perform(activities.delete_activity, self.activity_id)


# --- a pursuit's own next step ----------------------------------------------------------------
NextStep = tuple[str, date | None]  # (next_step, next_step_due) of a pursuit


class SetNextStep(UndoCommand):
    """A pursuit's next step and its due day, from one value to another: done (cleared), a new
    one written after it, or moved to another day."""

    def __init__(
        self,
        ctx: AppContext,
        pursuit_id: str,
        old: NextStep,
        new: NextStep,
        text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent)
        self.pursuit_id = pursuit_id
        self.old, self.new = old, new

    def apply(self) -> None:
        step, due = self.new
        target = pursuit_edits.Target("pursuit", self.pursuit_id)
        self.perform(pursuit_edits.save, target, {"next_step": step, "next_step_due": due})

    def revert(self) -> None:
        step, due = self.old
        state = pursuits.PursuitState(self.pursuit_id, {"next_step": step, "next_step_due": due})
        self.perform(pursuits.restore_states, [state])


class ShiftNextStep(SetNextStep):
    """A next step moved by days (Ctrl+Right / Ctrl+Left): presses on one pursuit merge."""

    merge_id = SHIFT_NEXT_STEP_MERGE_ID

    def merge(self, other: UndoCommand) -> bool:
        if not isinstance(other, ShiftNextStep) or other.pursuit_id != self.pursuit_id:
            return False
        self.new = other.new
        return True
