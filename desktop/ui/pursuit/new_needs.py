"""New needs of the plateau (平淡期): the after-sale card where a need becomes a pursuit in a click.

The method's last after-sale period asks "how do we stimulate the customer's new needs and
interests?" — a need written here is the next sale to the same customer. One click makes it a
new pursuit in stage 1 on this pursuit's account (`services.after_sale.convert_need`, the path a
referral takes); the row then names that pursuit and opens it, and the new pursuit's overview
links back here. Undo takes the new pursuit back.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QWidget

from desktop.services import after_sale, pursuit_edits
from desktop.services.pursuit_edits import Target
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.pursuit.editing import Autosaver, CallCommand, RecordCommand
from desktop.ui.pursuit.models import Column, RecordTableModel
from desktop.ui.pursuit.table import ConversionRow, RecordTable
from desktop.ui.pursuit.widgets import GREEN, Card, heading, hint
from desktop.ui.undo import record


class NewNeedsCard(Card):
    """The plateau's new needs of one pursuit, as a table with "create pursuit" and "open"."""

    def __init__(
        self, ctx: AppContext, autosaver: Autosaver, accent: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, accent=accent)
        self.ctx = ctx
        self.autosaver = autosaver
        self.pursuit_id: str | None = None
        self.open_pursuit: Callable[[str], None] = lambda _pid: None
        self.setObjectName("new_needs")
        self.body.addWidget(heading(self.tr("New needs (plateau)"), 1.1))
        self.body.addWidget(
            hint(
                self.tr(
                    "Needs and interests found once the system runs day to day. One click turns a "
                    "need into a new pursuit for this customer, in stage 1."
                )
            )
        )
        self.labels = {
            "need": self.tr("New need"),
            "raised_by": self.tr("Raised by"),
            "note": self.tr("Note"),
        }
        self.model = RecordTableModel(
            [
                Column("need", self.labels["need"], placeholder=self.tr("What they need now")),
                Column(
                    "raised_by",
                    self.labels["raised_by"],
                    placeholder=self.tr("Who at the customer"),
                ),
                Column("note", self.labels["note"]),
                Column(
                    "converted",
                    self.tr("Pursuit"),
                    "computed",
                    editable=False,
                    compute=lambda row: (
                        f"✓ {row['converted_title']}" if row.get("converted_title") else ""
                    ),
                    color=lambda row: GREEN if row.get("converted_title") else None,
                ),
            ],
            self,
        )
        self.model.save_cell = self._save
        self.table = RecordTable(self.model, self.tr("Add new need"), stretch=0)
        self.table.setObjectName("new_need_table")
        self.table.add_requested.connect(self.add_need)
        self.table.remove_requested.connect(self.remove_need)
        self.table.view.doubleClicked.connect(self._double_clicked)
        self.conversion = ConversionRow(
            self.table,
            (self.tr("Create pursuit from new need"), self.tr("Open its pursuit")),
            ("convert_need", "open_need_pursuit", "convert_need_message"),
            self.convert_selected,
            self._open_selected,
            lambda pid: self.open_pursuit(pid),  # replaced by the workspace after construction
        )
        self.convert_button = self.conversion.convert_button
        self.open_button = self.conversion.open_button
        self.message = self.conversion.message
        self.table.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.body.addWidget(self.table)
        self.body.addWidget(self.message)
        self._update_buttons()

    def reset(self) -> None:
        self.message.clear()

    def load(self, pursuit_id: str) -> None:
        self.pursuit_id = pursuit_id
        self.model.set_rows(after_sale.needs_of(self.ctx.workspace, pursuit_id))
        self._update_buttons()

    # --- the table --------------------------------------------------------------------------
    def _selected(self) -> dict[str, Any] | None:
        record_id = self.table.selected_id()
        if record_id is None:
            return None
        return self.model.rows[self.model.row_of(record_id)]

    def _update_buttons(self, *_: object) -> None:
        self.conversion.update(self._selected())

    def add_need(self) -> None:
        if self.pursuit_id is None:
            return
        try:
            need_id, _ = self.ctx.perform_in(
                self, pursuit_edits.add_part, "new_need", self.pursuit_id
            )
        except OperationFailed:
            return
        record(RecordCommand(self.ctx, "new_need", need_id, self.tr("Add new need"), added=True))
        self.load(self.pursuit_id)
        self.table.edit_row(need_id, 0)

    def remove_need(self, need_id: str) -> None:
        try:
            self.ctx.perform_in(self, pursuit_edits.delete, "new_need", need_id)
        except OperationFailed:
            return
        record(
            RecordCommand(self.ctx, "new_need", need_id, self.tr("Remove new need"), added=False)
        )
        if self.pursuit_id is not None:
            self.load(self.pursuit_id)

    def _save(self, need_id: str, name: str, new: Any) -> str | None:
        row = self.model.rows[self.model.row_of(need_id)]
        return self.autosaver.save_now(
            Target("new_need", need_id), name, row[name], new, self.labels[name]
        )

    # --- one click: a new pursuit -----------------------------------------------------------
    def convert_selected(self) -> str | None:
        """Make the selected need a new pursuit on this customer (one click); returns its id."""
        row = self._selected()
        if row is None or self.pursuit_id is None:
            return None
        title = row["need"].strip()
        if not title:
            self.table.error.show_message(
                self.tr("Write the need first: it becomes the new pursuit's title.")
            )
            return None
        parts = [self.tr("New need found in the plateau after acceptance.")]
        if row["raised_by"].strip():
            parts.append(self.tr("Raised by {0}.").format(row["raised_by"].strip()))
        if row["note"].strip():
            parts.append(row["note"].strip())
        need_id = row["id"]
        try:
            new_id, _ = self.ctx.perform_in(
                self, after_sale.convert_need, need_id, title, " ".join(parts)
            )
        except OperationFailed:
            return None
        record(
            CallCommand(
                self.ctx,
                self.tr("Create pursuit from new need"),
                (after_sale.redo_need_conversion, (need_id, new_id)),
                (after_sale.undo_need_conversion, (need_id,)),
            )
        )
        link = self.tr("Open it")
        self.message.setText(
            self.tr('Created the pursuit "{0}" in stage 1. {1}').format(
                html.escape(title), f"<a href='{new_id}'>{link}</a>"
            )
        )
        self.load(self.pursuit_id)
        return new_id

    def _open_selected(self) -> None:
        row = self._selected()
        if row and row.get("converted_title") and row.get("converted_pursuit_id"):
            self.open_pursuit(row["converted_pursuit_id"])

    def _double_clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if self.model.columns[index.column()].key == "converted":
            self._open_selected()
