"""The pursuit gestures a screen offers on its selection: new, edit, move through the gate,
close, reopen, delete and purge — each one call here, with its dialog and its undo step.

A screen passes what it knows (the context, itself as the dialogs' parent, the ids and the names
it shows) and gets the dialog back for tests; the service call, the error message and the undo
command are written once, here. The wording keeps the translation context of the screen it came
from ("PursuitsScreen"), so the existing catalogs still apply.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.services import gates, pursuits
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.errors import show_error
from desktop.ui.operations.close_dialog import CloseDialog
from desktop.ui.operations.commands import AliveCommand, MoveCommand, StateCommand
from desktop.ui.operations.gate_dialog import GateDialog
from desktop.ui.operations.purge import confirm_purge
from desktop.ui.undo import record

CONTEXT = "PursuitsScreen"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def show_dialog(owner: Any, dialog: QDialog) -> QDialog:
    """Open `dialog` window-modal and keep it on `owner.dialog` (tests reach it there)."""
    owner.dialog = dialog
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def new_pursuit(
    ctx: AppContext, parent: QWidget, *, stage: int = 1, on_saved: Callable[[str], None]
) -> QDialog:
    """The new-pursuit dialog; `on_saved(id)` once it is created."""
    from desktop.ui.operations.pursuit_dialog import PursuitDialog

    dialog = PursuitDialog(ctx, parent, stage=stage)
    dialog.saved.connect(on_saved)
    return show_dialog(parent, dialog)


def edit_pursuit(ctx: AppContext, parent: QWidget, pursuit_id: str) -> QDialog | None:
    """The pursuit's dialog (where no workspace opens it)."""
    from desktop.ui.operations.pursuit_dialog import PursuitDialog

    try:
        dialog = PursuitDialog(ctx, parent, pursuit_id=pursuit_id)
    except Exception as exc:
        show_error(parent, exc)
        return None
    return show_dialog(parent, dialog)


def move_to_stage(
    ctx: AppContext,
    parent: QWidget,
    names: Mapping[str, str],
    stage: int,
    title_of: Callable[[str], str],
    on_moved: Callable[[list[str]], None],
) -> QDialog | None:
    """Move the pursuits `names` (id → "account · title") to `stage` through the stage gate:
    at once when every check passes, else after the gate dialog; one undo step."""
    ids = list(names)
    try:
        checks = gates.check_moves(ctx.workspace, ids, stage)
    except Exception as exc:
        show_error(parent, exc)
        return None
    if all(c.check.passes for c in checks):
        _move(ctx, parent, ids, stage, None, "", title_of, on_moved)
        return None
    dialog = GateDialog(ctx.catalog, ctx.lang, stage, checks, dict(names), parent)
    dialog.accepted.connect(
        lambda: _move(
            ctx,
            parent,
            ids,
            stage,
            dialog.overrides_by_id(),
            dialog.reason_text(),
            title_of,
            on_moved,
        )
    )
    return show_dialog(parent, dialog)


def _move(
    ctx: AppContext,
    parent: QWidget,
    ids: list[str],
    stage: int,
    overrides: dict[str, list[dict[str, object]]] | None,
    reason: str,
    title_of: Callable[[str], str],
    on_moved: Callable[[list[str]], None],
) -> None:
    try:
        result = ctx.perform_in(
            parent,
            pursuits.move_stage,
            ids,
            stage,
            overrides_by_id=overrides,
            override_reason=reason,
        )
    except OperationFailed:
        return
    if not result.moves:
        return
    process = ctx.catalog.stage(stage).process(ctx.lang)
    if len(result.moves) == 1:
        text = _tr("Move “{0}” to {1}").format(title_of(result.moves[0].pursuit_id), process)
    else:
        text = _tr("Move {0} pursuits to {1}").format(len(result.moves), process)
    record(MoveCommand(ctx, result, text, parent))
    on_moved(ids)


def close_pursuits(
    ctx: AppContext, parent: QWidget, ids: Sequence[str], subject: str, status: str
) -> QDialog | None:
    """Mark open pursuits won / lost / abandoned through the close dialog (which may name the
    competitor that won); one undo step."""
    try:
        competitors = pursuits.competitor_choices(ctx.workspace)
    except Exception as exc:
        show_error(parent, exc)
        return None
    dialog = CloseDialog(ctx.catalog, ctx.lang, status, subject, competitors, parent)
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
            )
        except OperationFailed:
            return
        label = ctx.catalog.vocab("pursuit_statuses").label(chosen, ctx.lang)
        text = _tr("Mark {0} as {1}").format(subject, label)
        record(StateCommand(ctx, change, text, parent))

    dialog.accepted.connect(close)
    return show_dialog(parent, dialog)


def reopen_pursuits(ctx: AppContext, parent: QWidget, ids: Sequence[str]) -> None:
    """Reopen closed pursuits at the stage they were closed in; one undo step."""
    try:
        change = ctx.perform_in(parent, pursuits.reopen_pursuits, list(ids))
    except OperationFailed:
        return
    if change.after:
        text = _tr("Reopen {0} pursuits").format(len(change.after))
        record(StateCommand(ctx, change, text, parent))


def delete_pursuits(ctx: AppContext, parent: QWidget, titles: Mapping[str, str]) -> str | None:
    """Delete the pursuits `titles` (id → title) without asking: undo brings them back
    (UI-GUIDE.md, "Feel"). Returns the undo step's text, None when nothing was deleted."""
    ids = list(titles)
    try:
        ctx.perform_in(parent, pursuits.delete_pursuits, ids)
    except OperationFailed:
        return None
    if len(ids) == 1:
        text = _tr("Delete “{0}”").format(titles[ids[0]])
    else:
        text = _tr("Delete {0} pursuits").format(len(ids))
    record(AliveCommand(ctx, [("pursuit", i) for i in ids], False, text, parent))
    return text


def purge_pursuit(ctx: AppContext, parent: Any, pursuit_id: str, name: str) -> QMessageBox:
    """Ask, then blank the pursuit for good (the one question the app asks; see `purge`)."""
    parent.dialog = confirm_purge(ctx, "pursuit", pursuit_id, name, parent)
    return parent.dialog
