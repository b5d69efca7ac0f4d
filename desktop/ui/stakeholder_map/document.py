"""The map's document: the people and links of one pursuit, as a QObject that says what changed.

Like orange-canvas-core's `Scheme`, the document owns the state and emits a signal per change;
the scene only listens and draws. The document never writes: every change goes through a service
(`AppContext.perform`), the context broadcasts the Changes, and the document reloads its pursuit
and emits the difference — so an edit made here, in another screen, by undo, or by a sync import all
reach the map the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from desktop.services import stakeholder_map as service
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import NotFound
from desktop.services.stakeholder_map import MapLink, MapPerson
from desktop.ui.context import AppContext

_WATCHED = (
    ChangeKind.STAKEHOLDER,
    ChangeKind.STAKEHOLDER_LINK,
    ChangeKind.STAKEHOLDER_ROLE,
    ChangeKind.STAKEHOLDER_HELP,
)


class MapDocument(QObject):
    """People and links of one pursuit; signals carry ids."""

    reset = Signal()  # another pursuit (or none): everything was replaced
    person_added = Signal(str)
    person_changed = Signal(str)  # any field, roles, help or reports-to (position included)
    person_moved = Signal(str)  # only the position changed
    person_removed = Signal(str)
    link_added = Signal(str)
    link_changed = Signal(str)
    link_removed = Signal(str)
    updated = Signal()  # after every reload that changed anything (panels recount)

    def __init__(
        self, ctx: AppContext, parent: QObject | None = None, *, listen: bool = True
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pursuit_id: str | None = None
        self.pursuit_title = ""
        self.account_name = ""
        self.missing = False  # the pursuit was deleted (or the database replaced)
        self._people: dict[str, MapPerson] = {}
        self._links: dict[str, MapLink] = {}
        if listen:
            ctx.changed.connect(self._on_changed)

    # --- reading -----------------------------------------------------------------------------
    def people(self) -> list[MapPerson]:
        return list(self._people.values())

    def person(self, person_id: str) -> MapPerson | None:
        return self._people.get(person_id)

    def links(self) -> list[MapLink]:
        return list(self._links.values())

    def link(self, link_id: str) -> MapLink | None:
        return self._links.get(link_id)

    def links_of(self, person_id: str) -> list[MapLink]:
        return [lk for lk in self._links.values() if person_id in (lk.from_id, lk.to_id)]

    def reports_of(self, person_id: str) -> list[str]:
        return [p.id for p in self._people.values() if p.reports_to_id == person_id]

    def under(self, person_id: str) -> set[str]:
        """Everyone who reports to the person, directly or through others."""
        reports: dict[str, list[str]] = {}
        for p in self._people.values():
            if p.reports_to_id:
                reports.setdefault(p.reports_to_id, []).append(p.id)
        found: set[str] = set()
        todo = [person_id]
        while todo:
            for child in reports.get(todo.pop(), ()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        found.discard(person_id)
        return found

    def name(self, person_id: str | None) -> str:
        person = self._people.get(person_id or "")
        return person.name if person else ""

    def __len__(self) -> int:
        return len(self._people)

    # --- loading -----------------------------------------------------------------------------
    def set_pursuit(self, pursuit_id: str | None) -> None:
        """Show another pursuit's map (None shows nothing)."""
        self.pursuit_id = pursuit_id
        self._people, self._links = {}, {}
        self.pursuit_title = self.account_name = ""
        self.missing = False
        if pursuit_id is not None:
            try:
                loaded = service.load_map(self.ctx.workspace, pursuit_id)
            except NotFound:
                self.missing = True
            else:
                self.pursuit_title, self.account_name = loaded.pursuit_title, loaded.account_name
                self._people = {p.id: p for p in loaded.people}
                self._links = {lk.id: lk for lk in loaded.links}
        self.reset.emit()
        self.updated.emit()

    def refresh(self) -> None:
        """Reload the pursuit and emit what differs from what the document held."""
        if self.pursuit_id is None:
            return
        try:
            loaded = service.load_map(self.ctx.workspace, self.pursuit_id)
        except NotFound:
            if not self.missing:
                self.missing = True
                self._people, self._links = {}, {}
                self.reset.emit()
                self.updated.emit()
            return
        if self.missing:
            self.set_pursuit(self.pursuit_id)
            return
        self.pursuit_title, self.account_name = loaded.pursuit_title, loaded.account_name
        self._apply(loaded.people, loaded.links)

    def _apply(self, people: Iterable[MapPerson], links: Iterable[MapLink]) -> None:
        old_people, old_links = self._people, self._links
        new_people = {p.id: p for p in people}
        new_links = {lk.id: lk for lk in links}
        self._people, self._links = new_people, new_links
        touched = False
        for link_id in old_links.keys() - new_links.keys():
            self.link_removed.emit(link_id)
            touched = True
        for person_id in old_people.keys() - new_people.keys():
            self.person_removed.emit(person_id)
            touched = True
        for person_id, person in new_people.items():
            before = old_people.get(person_id)
            if before is None:
                self.person_added.emit(person_id)
                touched = True
            elif before != person:
                touched = True
                if _only_moved(before, person):
                    self.person_moved.emit(person_id)
                else:
                    self.person_changed.emit(person_id)
        for link_id, link in new_links.items():
            before_link = old_links.get(link_id)
            if before_link is None:
                self.link_added.emit(link_id)
                touched = True
            elif before_link != link:
                self.link_changed.emit(link_id)
                touched = True
        if touched:
            self.updated.emit()

    def _on_changed(self, changes: Changes) -> None:
        if self.pursuit_id is None:
            return
        if changes.everything or (ChangeKind.PURSUIT_PART, self.pursuit_id) in changes.touched:
            self.refresh()
            return
        if self.pursuit_id in changes.ids(ChangeKind.PURSUIT):
            self.refresh()  # renamed, or deleted
            return
        if changes.touches(*_WATCHED) and any(
            pid in self._people for pid in changes.ids(ChangeKind.STAKEHOLDER)
        ):
            self.refresh()


def _only_moved(before: MapPerson, after: MapPerson) -> bool:
    return (before.x, before.y) != (after.x, after.y) and _without_position(
        before
    ) == _without_position(after)


def _without_position(person: MapPerson) -> tuple[object, ...]:
    return (
        person.values(),
        person.reports_to_id,
        person.roles,
        person.help,
        person.conflicts,
    )
