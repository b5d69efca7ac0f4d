"""The map's one path to the services: run a use-case, broadcast what changed, explain a refusal.

Undo commands and panels call `run`; the service writes one transaction and returns Changes; the
context broadcasts them, and every open map document refreshes from that (the scene follows its
document). A refusal the map can explain (a reports-to loop, an empty name, a duplicate link) gets
its own message; anything else gets the app's standard one. Either way nothing changed, and
`OperationFailed` tells the caller to stop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.services.changes import Changes
from desktop.services.errors import InvalidInput
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.errors import show_error

log = logging.getLogger(__name__)

_open_boxes: list[QMessageBox] = []


def refusal_message(exc: InvalidInput) -> str | None:
    """The map's own explanation of a refused input, or None for the generic message."""
    messages = {
        ("name", "required"): QCoreApplication.translate(
            "StakeholderMapMessages", "A person needs a name. The previous name was kept."
        ),
        ("reports_to_id", "loop"): QCoreApplication.translate(
            "StakeholderMapMessages",
            "That would make a loop in the org chart: the chosen manager already reports to "
            "this person, directly or through others. Nothing was changed.",
        ),
        ("reports_to_id", "other_pursuit"): QCoreApplication.translate(
            "StakeholderMapMessages",
            "The manager must be on this pursuit's map. Nothing was changed.",
        ),
        ("to_id", "self_link"): QCoreApplication.translate(
            "StakeholderMapMessages", "A person cannot be linked to themselves."
        ),
        ("to_id", "other_pursuit"): QCoreApplication.translate(
            "StakeholderMapMessages",
            "Both people must be on this pursuit's map. Nothing was changed.",
        ),
        ("link_kind", "duplicate"): QCoreApplication.translate(
            "StakeholderMapMessages",
            "These two people are already linked this way. Nothing was changed.",
        ),
        ("source", "same_pursuit"): QCoreApplication.translate(
            "StakeholderMapMessages", "This person is already on this map."
        ),
        ("source", "other_account"): QCoreApplication.translate(
            "StakeholderMapMessages",
            "Only people from other pursuits of the same account can be reused.",
        ),
    }
    return messages.get((exc.field, exc.code))


def show_message(parent: QWidget | None, text: str) -> None:
    """A warning box opened without a modal loop (tests and the window keep running)."""
    if QApplication.instance() is None:
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Errors", "Pursuit"),
        text,
        QMessageBox.StandardButton.Ok,
        parent or QApplication.activeWindow(),
    )
    box.setObjectName("map_message_box")
    _open_boxes.append(box)
    box.finished.connect(lambda _result: _open_boxes.remove(box))
    box.open()


def run(
    ctx: AppContext,
    action: Callable[..., Any],
    *args: Any,
    parent: QWidget | None = None,
    **kwargs: Any,
) -> Any:
    """Call `action(ctx.workspace, *args, **kwargs)`; broadcast its Changes and return its result.

    On failure the user is told what happened and OperationFailed is raised.
    """
    try:
        result = action(ctx.workspace, *args, **kwargs)
    except InvalidInput as exc:
        text = refusal_message(exc)
        if text is None:
            show_error(parent, exc)
        else:
            log.info("map input refused: %s (%s)", exc.field, exc.code)
            show_message(parent, text)
        raise OperationFailed(exc) from exc
    except Exception as exc:  # every failure reaches the user as a message, never a traceback
        show_error(parent, exc)
        raise OperationFailed(exc) from exc
    ctx.broadcast(changes_in(result))
    return result


def changes_in(result: Any) -> Changes:
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple) and result and isinstance(result[-1], Changes):
        return result[-1]
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else Changes()
