"""The one path for every change made from the UI (Anki's CollectionOp, simplified).

Screens call `ctx.perform(service_fn, *args)` — or `ctx.perform_in(widget, service_fn, *args)` to
place an error message over that widget: the service runs one transaction and returns Changes
(alone, as the last element of a tuple such as `(new_id, changes)`, or as a `.changes` attribute);
the context broadcasts them with `changed`, and every screen refreshes what it shows of them. A
failure is shown in the user's language (`ui.errors`, which also knows the refusals a screen
explains in its own words) and nothing changes on screen. Undo commands (`ui.undo`) call services
through this same path.
"""

from __future__ import annotations

import gc
import logging
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Concatenate,
    ParamSpec,
    Protocol,
    TypeVar,
    overload,
    runtime_checkable,
)

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.infra.i18n import catalog_language, ui_language
from desktop.infra.instance_lock import DatabaseLock
from desktop.infra.settings import Settings
from desktop.services.changes import Changes
from desktop.services.workspace import Policy, Workspace

if TYPE_CHECKING:
    from desktop.domain.methodology import Catalog

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


@runtime_checkable
class HasChanges(Protocol):
    """A service result that carries what changed beside other things (a MoveResult, …)."""

    @property
    def changes(self) -> Changes: ...


class AppContext(QObject):
    """What every screen shares: the workspace, settings, undo stack and the change signal."""

    changed = Signal(object)  # Changes
    workspace_replaced = Signal()

    def __init__(self, workspace: Workspace, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.lock: DatabaseLock | None = None  # this instance's hold on the database file
        self.refused_lock: DatabaseLock | None = None  # the last `switch_lock` that failed: why
        self.apply_policy()

    @property
    def catalog(self) -> Catalog:
        return self.workspace.catalog

    @property
    def language(self) -> str:
        """The language this window shows ("zh_CN" / "en"): the installed one, not the saved
        preference, which another instance started in the other language may have rewritten."""
        return ui_language()

    @property
    def lang(self) -> str:
        """The catalog's language code ("zh" / "en") for methodology texts."""
        return catalog_language(ui_language())

    def apply_policy(self) -> None:
        self.workspace.policy = Policy(
            win_rates=self.settings.int_map("win_rates"),
            stale_days=self.settings.int_map("stale_days"),
            share_new=self.settings.share_new,
        )

    def switch_lock(self, path: Path) -> DatabaseLock | None:
        """Take the lock of another database file; None when another instance holds it."""
        if self.lock is not None and self.lock.path == Path(str(path) + ".lock"):
            return self.lock
        lock = DatabaseLock(path)
        if not lock.acquire():
            self.refused_lock = lock
            return None
        if self.lock is not None:
            self.lock.release()
        self.lock = lock
        return lock

    def replace_workspace(self, workspace: Workspace) -> None:
        old = self.workspace
        self.workspace = workspace
        self.apply_policy()
        self.undo_stack.clear()
        old.close()
        # What the old workspace held may have been frozen by the warm-up (`app.warm_up`'s
        # `gc.freeze`): its objects in reference cycles are collected only once unfrozen.
        gc.unfreeze()
        self.workspace_replaced.emit()
        self.changed.emit(Changes.all())

    def perform(
        self, action: Callable[Concatenate[Workspace, P], R], /, *args: P.args, **kwargs: P.kwargs
    ) -> R:
        """Run `action(workspace, *args, **kwargs)` and broadcast its Changes; return its result.

        On failure the user is told (in a box with no parent window) and OperationFailed is raised.
        """
        return Performer(self, None).perform(action, *args, **kwargs)

    def perform_in(
        self,
        parent: QWidget | None,
        action: Callable[Concatenate[Workspace, P], R],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """`perform`, with an error shown over `parent` (the widget the user acted in)."""
        return Performer(self, parent).perform(action, *args, **kwargs)

    def on(
        self, parent: QWidget | None, *, explains: tuple[type[Exception], ...] = ()
    ) -> Performer:
        """The perform path over `parent` for a caller that explains some failures itself.

        `ctx.on(field, explains=(InvalidInput,)).perform(save, ...)` lets an InvalidInput reach
        the caller unchanged (it shows the message at the field: no box, nothing broadcast).
        """
        return Performer(self, parent, explains)

    def broadcast(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)


class Performer:
    """The one perform path: run a service call, broadcast its Changes, or tell the user."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        explains: tuple[type[Exception], ...] = (),
    ) -> None:
        self.ctx = ctx
        self.parent = parent
        self.explains = explains

    def perform(
        self, action: Callable[Concatenate[Workspace, P], R], /, *args: P.args, **kwargs: P.kwargs
    ) -> R:
        from desktop.ui.errors import show_error

        try:
            result = action(self.ctx.workspace, *args, **kwargs)
        except self.explains:
            raise
        except Exception as exc:  # every failure reaches the user as a message, never a traceback
            show_error(self.parent, exc, service=getattr(action, "__module__", "") or "")
            raise OperationFailed(exc) from exc
        self.ctx.broadcast(changes_of(result))
        return result


class ContextRef:
    """A weak `ctx` attribute for undo commands: `ctx = ContextRef()` in the class body.

    A QUndoCommand lives in the context's own undo stack; holding the context strongly from it
    makes a cycle through C++ ownership that PySide6 6.11 can crash on when the garbage collector
    frees it (seen as segfaults and bus errors at the end of tests). Reading it gives None once
    the context is gone.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}_ref"

    @overload
    def __get__(self, obj: None, owner: type) -> ContextRef: ...

    @overload
    def __get__(self, obj: object, owner: type) -> AppContext | None: ...

    def __get__(self, obj: object | None, owner: type) -> ContextRef | AppContext | None:
        if obj is None:
            return self
        ref: weakref.ref[AppContext] = obj.__dict__[self.slot]
        return ref()

    def __set__(self, obj: object, value: AppContext) -> None:
        obj.__dict__[self.slot] = weakref.ref(value)


class OperationFailed(Exception):
    """The user has been told; callers (undo commands, drops) just stop."""


def changes_of(result: object) -> Changes:
    """The Changes a service result carries: itself, a tuple's last element, or `.changes`."""
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple) and result and isinstance(result[-1], Changes):
        return result[-1]
    if isinstance(result, HasChanges) and isinstance(result.changes, Changes):
        return result.changes
    return Changes()
