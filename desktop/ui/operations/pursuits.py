"""The pursuit gestures a screen offers on its selection: new, edit, move through the gate
(a signed contract is the move into 验收), reorder, close (collected once the money is in, lost,
abandoned), reopen, delete and purge — each one call here, with its dialog and its undo step.

A screen passes what it knows (the context, itself as the dialogs' parent, the ids and the names
it shows) and gets the dialog back (tests reach it there); the service call, the error message,
the undo command and its wording are written once, here, in this module's own translation
context ("PursuitOperations"). What differs between screens — the selection after a move, the
next queued move, a status message — is the screen's, passed in as a callback.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.domain import status as status_rules
from desktop.domain.status import CollectGap
from desktop.services import coaching, collection, gates, pursuit_edits, pursuits
from desktop.services.pursuits import MoveResult
from desktop.ui.common import counts
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.errors import show_error
from desktop.ui.operations.close_dialog import CloseDialog
from desktop.ui.operations.commands import GateMoveCommand, StateCommand, Told
from desktop.ui.operations.gate_dialog import GateDialog
from desktop.ui.operations.purge import confirm_purge
from desktop.ui.operations.pursuit_dialog import PursuitDialog
from desktop.ui.undo import record

D = TypeVar("D", bound=QDialog)
Ids = Callable[[list[str]], None]


def show_dialog(owner: Any, dialog: D) -> D:
    """Open `dialog` window-modal and keep it on `owner.dialog` (tests reach it there)."""
    owner.dialog = dialog
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


# --- new and edit ---------------------------------------------------------------------------------
def new_pursuit(
    ctx: AppContext, parent: QWidget, *, stage: int = 1, on_saved: Callable[[str], None]
) -> PursuitDialog:
    """The new-pursuit dialog; `on_saved(id)` once it is created."""
    dialog = PursuitDialog(ctx, parent, stage=stage)
    dialog.saved.connect(on_saved)
    return show_dialog(parent, dialog)


def edit_pursuit(
    ctx: AppContext,
    parent: QWidget,
    pursuit_id: str,
    *,
    on_saved: Callable[[str], None] | None = None,
) -> PursuitDialog | None:
    """The pursuit's dialog (where no workspace opens it); `on_saved(id)` once it is saved."""
    try:
        dialog = PursuitDialog(ctx, parent, pursuit_id=pursuit_id)
    except Exception as exc:
        show_error(parent, exc)
        return None
    if on_saved is not None:
        dialog.saved.connect(on_saved)
    return show_dialog(parent, dialog)


# --- move and reorder -----------------------------------------------------------------------------
def move_to_stage(
    ctx: AppContext,
    parent: QWidget,
    names: Mapping[str, str],
    stage: int,
    title_of: Callable[[str], str],
    on_moved: Ids,
    *,
    before_id: str | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> GateDialog | None:
    """Move the pursuits `names` (id → "account · title") to `stage` through the stage gate:
    at once when every check passes, else after the gate dialog; one undo step.

    `before_id` places them above that card of the stage (a drop), else at its end.
    `on_moved(ids)` follows a move that went through; `on_cancelled()` a move that did not
    (the gate dialog cancelled, the check or the save failed — the user has been told).
    Returns the gate dialog when it asks.
    """
    ids = list(names)
    try:
        checks = gates.check_moves(ctx.workspace, ids, stage)
    except Exception as exc:
        show_error(parent, exc)
        _call(on_cancelled)
        return None
    if all(c.check.passes for c in checks):
        _move(ctx, parent, ids, stage, before_id, None, "", title_of, on_moved, on_cancelled)
        return None
    answers = GateAnswers(ctx)
    dialog = GateDialog(
        ctx.catalog,
        ctx.lang,
        stage,
        checks,
        dict(names),
        parent,
        save_answer=lambda pid, key, values: answers.save(dialog, pid, key, values),
    )
    dialog.accepted.connect(
        lambda: _move(
            ctx,
            parent,
            ids,
            stage,
            before_id,
            dialog.overrides_by_id(),
            dialog.reason_text(),
            title_of,
            on_moved,
            on_cancelled,
            answers,
        )
    )
    # Go back: the move and the answers given for it are one decision, so nothing is kept.
    dialog.rejected.connect(lambda: answers.take_back(parent))
    if on_cancelled is not None:
        dialog.rejected.connect(on_cancelled)
    return show_dialog(parent, dialog)


def sign_contract(
    ctx: AppContext,
    parent: QWidget,
    names: Mapping[str, str],
    title_of: Callable[[str], str],
    on_moved: Ids,
    *,
    on_cancelled: Callable[[], None] | None = None,
) -> GateDialog | None:
    """ "Contract signed": stage 6's commitment kept, so the pursuits enter 管理期望 · 验收
    (stage 7) — a move like any other, through the same gate (a skip from an earlier stage asks
    for its reason). The deal stays open until the money is in (`mark_collected`)."""
    return move_to_stage(
        ctx,
        parent,
        names,
        status_rules.SIGNED_STAGE,
        title_of,
        on_moved,
        on_cancelled=on_cancelled,
    )


class GateAnswers:
    """The coaching points answered in one gate dialog, and what each held before.

    An answer is saved as soon as it is given, so the gate knows at once what is still open and
    the other screens show it. But it was given for the move: a rep who goes back expects the
    gate to have changed nothing, and a move that goes through is one undo step that takes the
    answers back with it (else Ctrl+Z would undo the step before, and the answers would stay).
    """

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.before: dict[tuple[str, str], coaching.Answer | None] = {}

    def save(
        self, dialog: QWidget, pursuit_id: str, key: str, values: Mapping[str, object]
    ) -> bool:
        """A coaching point answered in the gate: saved like an answer on the Coaching tab."""
        try:
            if (pursuit_id, key) not in self.before:
                sheet = self.ctx.perform_in(dialog, coaching.sheet_of, pursuit_id)
                self.before[(pursuit_id, key)] = sheet.answers.get(key)
            self.ctx.perform_in(
                dialog,
                pursuit_edits.save,
                coaching.answer_target(self.ctx.catalog, pursuit_id, key),
                dict(values),
            )
        except OperationFailed:
            return False
        return True

    def now(self) -> dict[tuple[str, str], coaching.Answer | None]:
        """The answers as the gate left them (what a redo of the move writes again)."""
        sheets = {pid: coaching.sheet_of(self.ctx.workspace, pid) for pid, _key in self.before}
        return {(pid, key): sheets[pid].answers.get(key) for pid, key in self.before}

    def take_back(self, parent: QWidget) -> None:
        """Put every answer given in the gate back as it was."""
        if not self.before:
            return
        with suppress(OperationFailed):  # the user has been told; the answers stay as given
            self.ctx.perform_in(parent, coaching.set_answers, self.ctx.catalog, self.before)
        self.before = {}


def reorder(
    ctx: AppContext,
    parent: QWidget,
    ids: Sequence[str],
    stage: int,
    before_id: str | None,
    title_of: Callable[[str], str],
    on_moved: Ids,
    *,
    on_cancelled: Callable[[], None] | None = None,
) -> None:
    """Put pursuits of `stage` above `before_id` in its column (at its end for None): no stage
    is passed, so no gate; one undo step. The callbacks are those of `move_to_stage`."""
    _move(ctx, parent, list(ids), stage, before_id, None, "", title_of, on_moved, on_cancelled)


def _move(
    ctx: AppContext,
    parent: QWidget,
    ids: list[str],
    stage: int,
    before_id: str | None,
    overrides: dict[str, list[dict[str, object]]] | None,
    reason: str,
    title_of: Callable[[str], str],
    on_moved: Ids,
    on_cancelled: Callable[[], None] | None,
    answers: GateAnswers | None = None,
) -> None:
    try:
        result = ctx.perform_in(
            parent,
            pursuits.move_stage,
            ids,
            stage,
            before_id=before_id,
            overrides_by_id=overrides,
            override_reason=reason,
        )
    except OperationFailed:
        if answers is not None:
            answers.take_back(parent)
        _call(on_cancelled)
        return
    if not result.moves:
        if answers is not None:
            answers.take_back(parent)  # nothing moved: the answers were given for the move
    elif answers is not None and answers.before:
        text = _move_text(ctx, result, title_of)
        record(GateMoveCommand(ctx, result, text, parent, answers.before, answers.now()))
    else:
        record(StateCommand(ctx, result, _move_text(ctx, result, title_of), parent))
    on_moved(ids)


def _move_text(ctx: AppContext, result: MoveResult, title_of: Callable[[str], str]) -> str:
    moves = result.moves
    if all(m.from_stage == m.to_stage for m in moves):
        if len(moves) == 1:
            return QCoreApplication.translate("PursuitOperations", 'Reorder "{0}"').format(
                title_of(moves[0].pursuit_id)
            )
        return QCoreApplication.translate("PursuitOperations", "Reorder {0} pursuits").format(
            len(moves)
        )
    process = ctx.catalog.stage(moves[0].to_stage).process(ctx.lang)
    if len(moves) == 1:
        return QCoreApplication.translate("PursuitOperations", 'Move "{0}" to {1}').format(
            title_of(moves[0].pursuit_id), process
        )
    return QCoreApplication.translate("PursuitOperations", "Move {0} pursuits to {1}").format(
        len(moves), process
    )


def _call(callback: Callable[[], None] | None) -> None:
    if callback is not None:
        callback()


# --- close and reopen -----------------------------------------------------------------------------
def subject_of(names: Sequence[str]) -> str:
    """What the close dialog and its undo step name: the one pursuit, or how many."""
    if len(names) == 1:
        return names[0]
    return counts.pursuits(len(names))


def close_pursuits(
    ctx: AppContext, parent: QWidget, ids: Sequence[str], subject: str, status: str
) -> CloseDialog | None:
    """Mark open pursuits collected / lost / abandoned through the close dialog (preset to
    `status`); one undo step. `subject` names them (see `subject_of`).

    "Collected" (the win) is offered once every one of them is signed (stage 7 on), and allowed
    when stage 8's checklist and instalments are complete: else the dialog says what is missing.
    """
    ids = list(ids)
    try:
        competitors = pursuits.competitor_choices(ctx.workspace)
        gaps = collect_gaps(ctx, ids)
    except Exception as exc:
        show_error(parent, exc)
        return None
    dialog = CloseDialog(
        ctx.catalog, ctx.lang, status, subject, competitors, parent, collect_gaps=gaps
    )
    ids = list(ids)

    def close() -> None:
        competitor_id, name = dialog.competitor()
        chosen = dialog.status()
        try:
            change = ctx.perform_in(
                parent,
                pursuits.close_pursuits,
                ids,
                chosen,
                reason=dialog.reason_text(),
                lost_to_id=competitor_id,
                lost_to_name=name,
                closed_on=dialog.closed_date(),
                lang=ctx.lang,
            )
        except OperationFailed:
            return
        label = ctx.catalog.vocab("pursuit_statuses").label(chosen, ctx.lang)
        text = QCoreApplication.translate("PursuitOperations", "Mark {0} as {1}")
        record(StateCommand(ctx, change, text.format(subject, label), parent))

    dialog.accepted.connect(close)
    return show_dialog(parent, dialog)


def mark_collected(
    ctx: AppContext, parent: QWidget, ids: Sequence[str], subject: str
) -> CloseDialog | None:
    """The last milestone (收款): the close dialog preset to "collected" — it closes them as won
    when the gate allows, and otherwise says what is still missing."""
    return close_pursuits(ctx, parent, ids, subject, status_rules.COLLECTED)


def collect_gaps(ctx: AppContext, ids: Sequence[str]) -> list[CollectGap] | None:
    """What keeps the pursuits `ids` from being collected (merged, in order), or None when one
    of them is not signed yet (before stage 7: the close dialog does not offer it)."""
    found = collection.collect_gaps(ctx.workspace, ids)
    merged: dict[CollectGap, None] = {}
    for pursuit_gaps in found.values():
        for gap in pursuit_gaps:
            if gap.kind == "stage" and int(gap.key) < status_rules.SIGNED_STAGE:
                return None
            merged[gap] = None
    return list(merged)


def reopen_pursuits(
    ctx: AppContext,
    parent: QWidget,
    ids: Sequence[str],
    *,
    title_of: Callable[[str], str] | None = None,
    on_reopened: Ids | None = None,
) -> None:
    """Reopen closed pursuits at the end of the stage they were closed in; one undo step.
    `title_of` names a single one in the step; `on_reopened(ids)` follows when any reopened."""
    ids = list(ids)
    try:
        change = ctx.perform_in(parent, pursuits.reopen_pursuits, ids)
    except OperationFailed:
        return
    if not change.after:
        return  # nothing was closed (reopened elsewhere meanwhile)
    if len(change.after) == 1 and title_of is not None:
        title = title_of(change.after[0].pursuit_id)
        text = QCoreApplication.translate("PursuitOperations", 'Reopen "{0}"').format(title)
    else:
        text = QCoreApplication.translate("PursuitOperations", "Reopen {0} pursuits").format(
            len(change.after)
        )
    record(StateCommand(ctx, change, text, parent))
    if on_reopened is not None:
        on_reopened(ids)


# --- delete and purge -----------------------------------------------------------------------------
def delete_pursuits(ctx: AppContext, parent: QWidget, titles: Mapping[str, str]) -> str | None:
    """Delete the pursuits `titles` (id → title) without asking: undo brings them back
    (UI-GUIDE.md, "Feel"). Returns the undo step's text, None when nothing was deleted."""
    ids = list(titles)
    try:
        change = ctx.perform_in(parent, pursuits.delete_pursuits, ids)
    except OperationFailed:
        return None
    if len(ids) == 1:
        text = QCoreApplication.translate("PursuitOperations", 'Delete "{0}"').format(
            titles[ids[0]]
        )
    else:
        text = QCoreApplication.translate("PursuitOperations", "Delete {0} pursuits").format(
            len(ids)
        )
    # The service's own step: it also holds the activities (and their attendees) it buried
    # with the pursuits, which undo must bring back with them.
    record(Told(ctx, StateCommand(ctx, change, text, parent)))
    return text


def purge_pursuit(ctx: AppContext, parent: Any, pursuit_id: str, name: str) -> QMessageBox:
    """Ask, then blank the pursuit for good (the one question the app asks; see `purge`)."""
    box = confirm_purge(ctx, "pursuit", pursuit_id, name, parent)
    parent.dialog = box
    return box
