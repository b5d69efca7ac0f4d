"""The pursuit workspace's Timeline tab: everything that happened on the deal, newest first —
notes, activities with their outcomes, visits, stage changes with their reasons — and a box at
the top to write a dated note.

A visit opens in the Visits tab; a stage change and an activity open nothing (the Today screen
has the activities still to do). The tab reloads itself when a note, an activity, a visit or the
pursuit changes, once per burst of changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.services.changes import ChangeKind, Changes
from desktop.services.queries import timeline
from desktop.services.queries.timeline import VISIT, TimelineEntry
from desktop.ui.common.timeline import KindFilter, NoteBox, TimelineModel, TimelineView
from desktop.ui.context import AppContext

WATCHED = (ChangeKind.NOTE, ChangeKind.ACTIVITY, ChangeKind.VISIT, ChangeKind.PURSUIT)


class TimelinePage(QWidget):
    """A section of the workspace: `set_pursuit(id)` shows that pursuit's timeline."""

    def __init__(self, ctx: AppContext, autosaver: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pursuit_id: str | None = None
        # Set by the workspace: shows one of its tabs and returns its widget.
        self.show_tab: Callable[[str], Any] | None = None
        self.open_pursuit: Callable[[str], None] | None = None
        self.note_box = NoteBox(ctx, self)
        self.note_box.setObjectName("timeline_note_box")
        self.note_box.saved.connect(self.reload)  # at once: the user looks for what they wrote
        self.filter = KindFilter(self)
        self.filter.setObjectName("timeline_filter")
        self.model = TimelineModel(ctx.catalog, ctx.lang, self)
        self.view = TimelineView(self.model, self)
        self.view.setObjectName("timeline_view")
        self.view.opened.connect(self.open_entry)
        self.empty = QLabel()
        self.empty.setObjectName("timeline_empty")
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.filter.changed.connect(self._filter_changed)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 8)
        box.setSpacing(8)
        box.addWidget(self.note_box)
        box.addWidget(self.filter)
        box.addWidget(self.empty)
        box.addWidget(self.view, 1)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        ctx.changed.connect(self._on_changed)

    def set_pursuit(self, pursuit_id: str | None) -> None:
        if pursuit_id != self.pursuit_id:
            self.pursuit_id = pursuit_id
            self.note_box.pursuit_id = pursuit_id
            self.reload()
        else:  # the workspace reloads its sections after a change: we may have already
            self._reload_timer.start()

    def reset(self) -> None:
        self.note_box.pursuit_id = None
        self.model.set_entries([])

    def reload(self) -> None:
        self._reload_timer.stop()
        if not self.pursuit_id:
            self.model.set_entries([])
        else:
            self.model.set_entries(
                timeline.timeline(self.ctx.workspace, pursuit_id=self.pursuit_id)
            )
        self._update_empty()

    def _filter_changed(self, kinds: frozenset[str]) -> None:
        self.model.set_kinds(kinds)
        self._update_empty()

    def _update_empty(self) -> None:
        if self.model.has_hidden():
            self.empty.setText(self.tr("Nothing of the kinds shown: turn on another kind above."))
        else:
            self.empty.setText(self.tr("Nothing has happened on this pursuit yet."))
        self.empty.setVisible(self.model.rowCount() == 0)

    def _on_changed(self, changes: Changes) -> None:
        if self.pursuit_id and (changes.everything or changes.touches(*WATCHED)):
            self._reload_timer.start()

    def open_entry(self, entry: TimelineEntry) -> None:
        """What an entry is about: a visit in the Visits tab; nothing else has a place."""
        if entry.kind == VISIT and self.show_tab is not None:
            tab = self.show_tab("visits")
            if tab is not None and hasattr(tab, "select"):
                tab.select(entry.id)

    def focus_target(self, section: str) -> None:
        self.note_box.edit.setFocus()
