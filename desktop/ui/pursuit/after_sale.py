"""After the sale (验收 · 管理期望): the four periods, the plateau's new needs and the referrals a
happy customer gives — each need and each referral a new pursuit in one click."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from desktop.services import after_sale, pursuit_edits
from desktop.services.pursuit_edits import Target
from desktop.services.queries import overview
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.pursuit.editing import Autosaver, CallCommand, RecordCommand, TextField
from desktop.ui.pursuit.models import Column, RecordTableModel
from desktop.ui.pursuit.new_needs import NewNeedsCard
from desktop.ui.pursuit.page import SectionPage, with_error
from desktop.ui.pursuit.table import ConversionRow, RecordTable
from desktop.ui.pursuit.widgets import GREEN, Card, GrowingTextEdit, heading, hint
from desktop.ui.undo import record

PERIOD_COLORS = {
    "honeymoon": "#F06292",
    "break_in": "#FB8C00",
    "success": "#43A047",
    "plateau": "#5C6BC0",
}


class AfterSalePage(SectionPage):
    def __init__(self, ctx: AppContext, autosaver: Autosaver, parent: QWidget | None = None):
        super().__init__(ctx, autosaver, parent)
        lang = ctx.lang
        catalog = ctx.catalog
        self.column.addWidget(heading(self.tr("After the sale: managing expectations"), 1.25))
        self.column.addWidget(
            hint(
                self.tr(
                    "Acceptance is where the next sale begins: keep the customer's expectations "
                    "right through the four periods, and ask for referrals when they are happy."
                )
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        self.column.addLayout(grid)
        self.period_edits: dict[str, dict[str, GrowingTextEdit]] = {}
        self.period_errors: dict[str, dict[str, Any]] = {}
        labels = {
            "expectations": (
                self.tr("Expectations"),
                self.tr("What the customer expects in this period"),
            ),
            "issues": (self.tr("Issues"), self.tr("Problems that came up or may come up")),
            "actions": (self.tr("Actions"), self.tr("What we do about it, who and when")),
        }
        self.field_labels = {name: text for name, (text, _) in labels.items()}
        questions = {
            "honeymoon": "s7.honeymoon",
            "break_in": "s7.break_in",
            "success": "s7.success",
            "plateau": "s7.plateau",
        }
        for index, item in enumerate(catalog.after_sale_periods):
            card = Card(accent=PERIOD_COLORS.get(item.key))
            card.setObjectName(f"period_{item.key}")
            card.body.addWidget(heading(item.label(lang), 1.1))
            question = questions.get(item.key)
            text = catalog.question(question).text(lang) if question else ""
            if not text and item.hint:
                text = item.hint(lang)
            card.body.addWidget(hint(text))
            edits: dict[str, GrowingTextEdit] = {}
            errors: dict[str, Any] = {}
            for name, (title, placeholder) in labels.items():
                card.body.addWidget(QLabel(title))
                edit = GrowingTextEdit(2, 8)
                edit.setPlaceholderText(placeholder)
                cell, error = with_error(edit, f"{item.key}.{name}")
                card.body.addWidget(cell)
                edits[name] = edit
                errors[name] = error
            card.body.addStretch(1)
            self.period_edits[item.key] = edits
            self.period_errors[item.key] = errors
            grid.addWidget(card, index // 2, index % 2)

        # the plateau's new needs, each a pursuit in one click
        self.needs = NewNeedsCard(ctx, autosaver, PERIOD_COLORS["plateau"])
        self.needs.open_pursuit = lambda pid: self.open_pursuit(pid)
        self.column.addWidget(self.needs)

        # referrals
        referrals = Card(accent="#26A69A")
        referrals.setObjectName("referrals")
        self.column.addWidget(referrals)
        referrals.body.addWidget(heading(self.tr("Referrals"), 1.1))
        referrals.body.addWidget(
            hint(
                self.tr(
                    "Companies and people this customer can introduce you to. One click turns a "
                    "referral into a new pursuit that remembers who referred it."
                )
            )
        )
        self.model = RecordTableModel(
            [
                Column("company", self.tr("Company"), placeholder=self.tr("Company name")),
                Column("contact", self.tr("Contact"), placeholder=self.tr("Who, and how to reach")),
                Column("note", self.tr("Note")),
                Column(
                    "converted",
                    self.tr("Pursuit"),
                    "computed",
                    editable=False,
                    compute=lambda row: row.get("converted_title", ""),
                    color=lambda row: GREEN if row.get("converted_title") else None,
                ),
            ],
            self,
        )
        self.model.save_cell = self._save_referral
        self.table = RecordTable(self.model, self.tr("Add referral"), stretch=2)
        self.table.setObjectName("referral_table")
        self.table.add_requested.connect(self.add_referral)
        self.table.remove_requested.connect(self.remove_referral)
        self.table.view.doubleClicked.connect(self._double_clicked)
        self.conversion = ConversionRow(
            self.table,
            (self.tr("Create pursuit from referral"), self.tr("Open its pursuit")),
            ("convert", "open_converted", "convert_message"),
            self.convert_selected,
            self._open_selected,
            lambda pid: self.open_pursuit(pid),  # replaced by the workspace after construction
        )
        self.convert_button = self.conversion.convert_button
        self.open_button = self.conversion.open_button
        self.message = self.conversion.message
        self.table.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        referrals.body.addWidget(self.table)
        referrals.body.addWidget(self.message)
        self.column.addStretch(1)
        self._bound = False
        self._bound_id: str | None = None
        self.open_pursuit: Any = lambda _pid: None
        self._update_buttons()

    # --- loading --------------------------------------------------------------------------
    def reset(self) -> None:
        if self._bound and self._bound_id:
            for period in after_sale.PERIODS:
                self.autosaver.forget(after_sale.period_target(self._bound_id, period))
        self._bound = False
        self.message.clear()
        self.needs.reset()

    def load(self) -> None:
        assert self.pursuit_id is not None
        ws = self.ctx.workspace
        pid = self.pursuit_id
        periods = after_sale.periods_of(ws, pid)
        for period, values in periods.items():
            target = after_sale.period_target(pid, period)
            if not self._bound:
                for name, edit in self.period_edits[period].items():
                    self.autosaver.bind(
                        TextField(edit, self.period_errors[period][name]),
                        target,
                        name,
                        self.field_labels[name],
                        values[name],
                    )
            else:
                self.autosaver.load(target, values)
        self._bound = True
        self._bound_id = pid
        self.needs.load(pid)
        rows = pursuit_edits.parts_of(ws, "referral", pid)
        for row in rows:
            converted = row.get("converted_pursuit_id")
            row["converted_title"] = ""
            if converted:
                try:
                    view = overview.overview_of(ws, converted)
                except Exception:
                    continue
                row["converted_title"] = f"✓ {view.pursuit['title']}"
        self.model.set_rows(rows)
        self._update_buttons()

    # --- referrals ------------------------------------------------------------------------
    def _selected(self) -> dict[str, Any] | None:
        record_id = self.table.selected_id()
        if record_id is None:
            return None
        return self.model.rows[self.model.row_of(record_id)]

    def _update_buttons(self, *_: object) -> None:
        self.conversion.update(self._selected())

    def add_referral(self) -> None:
        if self.pursuit_id is None:
            return
        try:
            referral_id, _ = self.ctx.perform_in(
                self, pursuit_edits.add_part, "referral", self.pursuit_id
            )
        except OperationFailed:
            return
        record(
            RecordCommand(self.ctx, "referral", referral_id, self.tr("Add referral"), added=True)
        )
        self.load()
        self.table.edit_row(referral_id, 0)

    def remove_referral(self, referral_id: str) -> None:
        try:
            self.ctx.perform_in(self, pursuit_edits.delete, "referral", referral_id)
        except OperationFailed:
            return
        record(
            RecordCommand(
                self.ctx, "referral", referral_id, self.tr("Remove referral"), added=False
            )
        )
        self.load()

    def _save_referral(self, referral_id: str, name: str, new: Any) -> str | None:
        row = self.model.rows[self.model.row_of(referral_id)]
        labels = {
            "company": self.tr("Company"),
            "contact": self.tr("Contact"),
            "note": self.tr("Note"),
        }
        return self.autosaver.save_now(
            Target("referral", referral_id), name, row[name], new, labels[name]
        )

    def convert_selected(self) -> str | None:
        """Make the selected referral a new pursuit (one click); returns its id."""
        row = self._selected()
        if row is None or self.pursuit_id is None:
            return None
        if not row["company"].strip():
            self.table.error.show_message(
                self.tr("Write the company's name first: it becomes the new pursuit's account.")
            )
            return None
        source = overview.overview_of(self.ctx.workspace, self.pursuit_id)
        title = row["note"].strip() or self.tr("Referral from {0}").format(source.account)
        notes = self.tr("Referred by {0} · {1}. Contact: {2}").format(
            source.account, source.pursuit["title"], row["contact"] or "—"
        )
        referral_id = row["id"]
        try:
            new_id, _ = self.ctx.perform_in(
                self, after_sale.convert_referral, referral_id, title, notes
            )
        except OperationFailed:
            return None
        record(
            CallCommand(
                self.ctx,
                self.tr("Create pursuit from referral"),
                (after_sale.redo_conversion, (referral_id, new_id)),
                (after_sale.undo_conversion, (referral_id,)),
            )
        )
        link = self.tr("Open it")
        self.message.setText(
            self.tr('Created the pursuit "{0}" in stage 1. {1}').format(
                html.escape(title), f"<a href='{new_id}'>{link}</a>"
            )
        )
        self.load()
        return new_id

    def _open_selected(self) -> None:
        row = self._selected()
        if row and row.get("converted_pursuit_id"):
            self.open_pursuit(row["converted_pursuit_id"])

    def _double_clicked(self, index: Any) -> None:
        if self.model.columns[index.column()].key == "converted":
            self._open_selected()
