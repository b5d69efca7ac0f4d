"""Undo commands of the map: each stores old and new values and sets them through a service.

As in orange-canvas-core's `document/commands.py`, a command changes the model only; the map
redraws from the document's signals. Commands hold ids and values (never items or documents), so
they stay valid on the app's one undo stack after the map is closed. A drag is one command,
pushed on release; consecutive arrow-key nudges of the same people merge into one.

Every command follows `ui.undo`'s convention: `push` runs it first and puts it on the stack only
when the service accepted it (the user has been told why when not); a later refused undo or
redo makes it obsolete, so the stack never replays a failed step.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.services import stakeholder_map as service
from desktop.services.stakeholder_map import MapLink, Removal
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.undo import UndoCommand

Position = tuple[float, float]
NUDGE_ID = 0x5EA1  # merge id of keyboard nudges


class AddPersonCommand(UndoCommand):
    """Add a person; undo deletes them, redo brings back the same record."""

    def __init__(
        self,
        ctx: AppContext,
        pursuit_id: str,
        values: Mapping[str, Any],
        roles: tuple[str, ...] = (),
        help_wanted: tuple[str, ...] = (),
    ) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("StakeholderMapCommands", "Add {0}").format(
                values.get("name", "")
            ),
        )
        self.pursuit_id = pursuit_id
        self.values = dict(values)
        self.roles = roles
        self.help_wanted = help_wanted
        self.person_id: str | None = None
        self.removal: Removal | None = None

    def apply(self) -> None:
        if self.removal is not None:
            self.perform(service.restore_people, self.removal)
            return
        self.person_id, _ = self.perform(
            service.create_person, self.pursuit_id, self.values, self.roles, self.help_wanted
        )

    def revert(self) -> None:
        assert self.person_id is not None
        self.removal = self.perform(service.delete_people, [self.person_id])


class CopyPeopleCommand(UndoCommand):
    """Copy people from the account's other pursuits onto this map."""

    def __init__(
        self,
        ctx: AppContext,
        pursuit_id: str,
        source_ids: list[str],
        positions: Mapping[str, Position],
        names: list[str],
    ) -> None:
        text = (
            QCoreApplication.translate("StakeholderMapCommands", "Reuse {0}").format(names[0])
            if len(names) == 1
            else QCoreApplication.translate("StakeholderMapCommands", "Reuse {0} people").format(
                len(names)
            )
        )
        super().__init__(ctx, text)
        self.pursuit_id = pursuit_id
        self.source_ids = source_ids
        self.positions = dict(positions)
        self.person_ids: list[str] = []
        self.removal: Removal | None = None

    def apply(self) -> None:
        if self.removal is not None:
            self.perform(service.restore_people, self.removal)
            return
        self.person_ids, _ = self.perform(
            service.copy_people, self.pursuit_id, self.source_ids, self.positions
        )

    def revert(self) -> None:
        self.removal = self.perform(service.delete_people, self.person_ids)


class EditPersonCommand(UndoCommand):
    """Change fields, roles or help wanted of one person (old and new values kept)."""

    def __init__(
        self,
        ctx: AppContext,
        person_id: str,
        name: str,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        *,
        old_roles: frozenset[str] | None = None,
        new_roles: frozenset[str] | None = None,
        old_help: frozenset[str] | None = None,
        new_help: frozenset[str] | None = None,
        text: str | None = None,
    ) -> None:
        super().__init__(
            ctx,
            text or QCoreApplication.translate("StakeholderMapCommands", "Edit {0}").format(name),
        )
        self.person_id = person_id
        self.old, self.new = dict(old), dict(new)
        self.old_roles, self.new_roles = old_roles, new_roles
        self.old_help, self.new_help = old_help, new_help

    def apply(self) -> None:
        self.perform(service.update_person, self.person_id, self.new, self.new_roles, self.new_help)

    def revert(self) -> None:
        self.perform(service.update_person, self.person_id, self.old, self.old_roles, self.old_help)


class SetReportsToCommand(UndoCommand):
    """Draw, change or remove one person's reports-to line."""

    def __init__(
        self,
        ctx: AppContext,
        person_id: str,
        old_manager: str | None,
        new_manager: str | None,
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.person_id = person_id
        self.old_manager, self.new_manager = old_manager, new_manager

    def apply(self) -> None:
        self.perform(service.set_reports_to, self.person_id, self.new_manager)

    def revert(self) -> None:
        self.perform(service.set_reports_to, self.person_id, self.old_manager)


class MovePeopleCommand(UndoCommand):
    """Move any number of cards: one step however many moved (a drag, a layout, a nudge)."""

    def __init__(
        self,
        ctx: AppContext,
        old: Mapping[str, Position],
        new: Mapping[str, Position],
        text: str | None = None,
        *,
        nudge: bool = False,
    ) -> None:
        count = len(new)
        super().__init__(
            ctx,
            text
            or (
                QCoreApplication.translate("StakeholderMapCommands", "Move {0} people").format(
                    count
                )
                if count != 1
                else QCoreApplication.translate("StakeholderMapCommands", "Move a person")
            ),
        )
        self.old, self.new = dict(old), dict(new)
        self.nudge = nudge

    def id(self) -> int:
        return NUDGE_ID if self.nudge else -1

    def merge(self, other: UndoCommand) -> bool:
        if (
            not isinstance(other, MovePeopleCommand)
            or not (self.nudge and other.nudge)
            or set(other.new) != set(self.new)
        ):
            return False
        self.new = dict(other.new)
        return True

    def apply(self) -> None:
        self.perform(service.move_people, self.new)

    def revert(self) -> None:
        self.perform(service.move_people, self.old)


class DeletePeopleCommand(UndoCommand):
    """Delete people with their links (their reports keep their card, without that manager)."""

    def __init__(self, ctx: AppContext, person_ids: list[str], names: list[str]) -> None:
        text = (
            QCoreApplication.translate("StakeholderMapCommands", "Delete {0}").format(names[0])
            if len(names) == 1
            else QCoreApplication.translate("StakeholderMapCommands", "Delete {0} people").format(
                len(names)
            )
        )
        super().__init__(ctx, text)
        self.person_ids = person_ids
        self.removal: Removal | None = None

    def apply(self) -> None:
        self.removal = self.perform(service.delete_people, self.person_ids)

    def revert(self) -> None:
        assert self.removal is not None
        self.perform(service.restore_people, self.removal)


class AddLinkCommand(UndoCommand):
    """Link two people; undo removes the link, redo brings back the same one."""

    def __init__(
        self, ctx: AppContext, from_id: str, to_id: str, kind: str, text: str, note: str = ""
    ) -> None:
        super().__init__(ctx, text)
        self.from_id, self.to_id, self.kind, self.note = from_id, to_id, kind, note
        self.link_id: str | None = None

    def apply(self) -> None:
        if self.link_id is not None:
            self.perform(service.restore_links, [self.link_id])
            return
        self.link_id, _ = self.perform(
            service.create_link, self.from_id, self.to_id, self.kind, self.note
        )

    def revert(self) -> None:
        assert self.link_id is not None
        self.perform(service.delete_links, [self.link_id])


class ReverseLinkCommand(UndoCommand):
    """Turn a link around (A influences B → B influences A), keeping its kind and note."""

    def __init__(self, ctx: AppContext, link: MapLink, text: str) -> None:
        super().__init__(ctx, text)
        self.old = link
        self.new_id: str | None = None

    def apply(self) -> None:
        self.perform(service.delete_links, [self.old.id])
        try:
            if self.new_id is None:
                self.new_id, _ = self.perform(
                    service.create_link,
                    self.old.to_id,
                    self.old.from_id,
                    self.old.kind,
                    self.old.note,
                )
            else:
                self.perform(service.restore_links, [self.new_id])
        except OperationFailed:
            with contextlib.suppress(OperationFailed):
                self.perform(service.restore_links, [self.old.id])
            raise

    def revert(self) -> None:
        assert self.new_id is not None
        self.perform(service.delete_links, [self.new_id])
        self.perform(service.restore_links, [self.old.id])


class DeleteLinksCommand(UndoCommand):
    def __init__(self, ctx: AppContext, link_ids: list[str], text: str | None = None) -> None:
        super().__init__(
            ctx,
            text
            or (
                QCoreApplication.translate("StakeholderMapCommands", "Delete link")
                if len(link_ids) == 1
                else QCoreApplication.translate(
                    "StakeholderMapCommands", "Delete {0} links"
                ).format(len(link_ids))
            ),
        )
        self.link_ids = link_ids

    def apply(self) -> None:
        self.perform(service.delete_links, self.link_ids)

    def revert(self) -> None:
        self.perform(service.restore_links, self.link_ids)


class EditLinkCommand(UndoCommand):
    def __init__(
        self, ctx: AppContext, link_id: str, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        super().__init__(ctx, QCoreApplication.translate("StakeholderMapCommands", "Edit link"))
        self.link_id = link_id
        self.old, self.new = dict(old), dict(new)

    def apply(self) -> None:
        self.perform(service.update_link, self.link_id, self.new)

    def revert(self) -> None:
        self.perform(service.update_link, self.link_id, self.old)


class DeleteSelectionCommand(UndoCommand):
    """Delete what is selected — links, reports-to lines and people — as one undo step.

    Links go first, then reports-to lines, then people (whose own links and reports the service
    takes care of). If a step is refused, the steps already done are rolled back.
    """

    def __init__(
        self,
        ctx: AppContext,
        *,
        link_ids: list[str],
        reports: Mapping[str, str],
        person_ids: list[str],
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.link_ids = link_ids
        self.reports = dict(reports)  # report id -> the manager they had
        self.person_ids = person_ids
        self.removal: Removal | None = None

    def apply(self) -> None:
        done: list[Callable[[], object]] = []  # how to take back each step already made
        try:
            if self.link_ids:
                self.perform(service.delete_links, self.link_ids)
                done.append(partial(self.perform, service.restore_links, self.link_ids))
            for person_id, manager in self.reports.items():
                self.perform(service.set_reports_to, person_id, None)
                done.append(partial(self.perform, service.set_reports_to, person_id, manager))
            if self.person_ids:
                self.removal = self.perform(service.delete_people, self.person_ids)
        except OperationFailed:
            for step in reversed(done):
                with contextlib.suppress(OperationFailed):
                    step()
            raise

    def revert(self) -> None:
        if self.removal is not None:
            self.perform(service.restore_people, self.removal)
        for person_id, manager in self.reports.items():
            self.perform(service.set_reports_to, person_id, manager)
        if self.link_ids:
            self.perform(service.restore_links, self.link_ids)
