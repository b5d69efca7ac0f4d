"""Collection (回款): the stage-8 checklist and the instalments, with what is overdue, and the last
milestone — "Mark collected…", the win, which the close dialog allows once both are complete."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import collection, pursuit_edits
from desktop.services.collection import CollectionSheet
from desktop.services.pursuit_edits import Target
from desktop.services.queries.board import board_card
from desktop.ui.common import format as fmt
from desktop.ui.common.documents import DocumentsButton
from desktop.ui.common.widgets import OptionalDateEdit
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.operations import pursuits as operations
from desktop.ui.operations.close_dialog import CloseDialog
from desktop.ui.pursuit.editing import (
    Autosaver,
    CheckField,
    DateField,
    LineField,
    RecordCommand,
    TextField,
)
from desktop.ui.pursuit.models import Column, RecordTableModel
from desktop.ui.pursuit.page import SectionPage, with_error
from desktop.ui.pursuit.table import RecordTable
from desktop.ui.pursuit.widgets import (
    AMBER,
    GREEN,
    RED,
    Card,
    GrowingTextEdit,
    check_icon,
    circle_icon,
    heading,
    hint,
)
from desktop.ui.undo import record


class CollectionPage(SectionPage):
    def __init__(self, ctx: AppContext, autosaver: Autosaver, parent: QWidget | None = None):
        super().__init__(ctx, autosaver, parent)
        lang = ctx.lang
        catalog = ctx.catalog
        self.sheet: CollectionSheet | None = None
        self.column.addWidget(heading(self.tr("Collecting the payment"), 1.25))
        self.column.addWidget(
            hint(
                self.tr(
                    "The deal is done when the money is in. Go through the checklist before "
                    "delivery, and keep every instalment in sight."
                )
            )
        )
        checks = catalog.collection_checks
        self.marks: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, Any] = {}
        self.labels: dict[str, str] = {}
        self.documents: dict[str, DocumentsButton] = {}  # the item's files (营业执照, 发票 …)

        def check_card(key: str) -> tuple[Card, QVBoxLayout]:
            item = checks[key]
            card = Card()
            card.setObjectName(f"check_{key}")
            head = QHBoxLayout()
            mark = QLabel()
            mark.setObjectName(f"mark_{key}")
            mark.setFixedWidth(22)
            font = mark.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            mark.setFont(font)
            self.marks[key] = mark
            title = QLabel(item.label(lang))
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            head.addWidget(mark)
            head.addWidget(title)
            head.addStretch(1)
            self.documents[key] = DocumentsButton(ctx, key, item.label(lang))
            head.addWidget(self.documents[key])
            card.body.addLayout(head)
            question = hint(item.text("question", lang))
            question.setContentsMargins(26, 0, 0, 0)
            card.body.addWidget(question)
            inner = QVBoxLayout()
            inner.setContentsMargins(26, 0, 0, 0)
            card.body.addLayout(inner)
            return card, inner

        def box(name: str, text: str) -> QCheckBox:
            widget = QCheckBox(text)
            widget.setObjectName(name)
            self.widgets[name] = widget
            self.labels[name] = text
            return widget

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        self.column.addLayout(grid)

        card, inner = check_card("licence_credit")
        inner.addWidget(
            box("licence_checked", self.tr("Business licence and qualifications in hand"))
        )
        inner.addWidget(box("credit_checked", self.tr("Credit check done")))
        grid.addWidget(card, 0, 0)

        card, inner = check_card("contract_review")
        inner.addWidget(box("contract_theirs", self.tr("We sign the customer's contract")))
        inner.addWidget(box("contract_reviewed", self.tr("The contract to sign has been reviewed")))
        grid.addWidget(card, 0, 1)

        card, inner = check_card("delivery_ok")
        inner.addWidget(box("delivery_ok", self.tr("Delivery, installation and commissioning OK")))
        owner_row = QHBoxLayout()
        owner_label = self.tr("Who fixes problems")
        owner_row.addWidget(QLabel(owner_label))
        owner = QLineEdit()
        owner.setPlaceholderText(self.tr("Name, team, phone"))
        cell, self.errors["delivery_owner"] = with_error(owner, "delivery_owner")
        self.widgets["delivery_owner"] = owner
        self.labels["delivery_owner"] = owner_label
        owner_row.addWidget(cell, 1)
        inner.addLayout(owner_row)
        grid.addWidget(card, 1, 0)

        card, inner = check_card("acceptance_signed")
        inner.addWidget(box("acceptance_signed", self.tr("Acceptance document signed")))
        due_row = QHBoxLayout()
        due_label = self.tr("To be signed by")
        due_row.addWidget(QLabel(due_label))
        due = OptionalDateEdit()
        cell, self.errors["acceptance_due"] = with_error(due, "acceptance_due")
        self.widgets["acceptance_due"] = due
        self.labels["acceptance_due"] = due_label
        due_row.addWidget(cell)
        due_row.addStretch(1)
        inner.addLayout(due_row)
        grid.addWidget(card, 1, 1)

        card, inner = check_card("payment_received")
        inner.addWidget(box("payment_received", self.tr("Payment received in full")))
        inner.addWidget(box("dunning_sent", self.tr("Payment reminder (dunning letter) sent")))
        grid.addWidget(card, 2, 0)

        notes_card = Card()
        notes_card.body.addWidget(QLabel(self.tr("Notes")))
        notes = GrowingTextEdit(3, 10)
        notes.setPlaceholderText(self.tr("Invoices, who signs, anything about getting paid"))
        cell, self.errors["notes"] = with_error(notes, "notes")
        self.widgets["notes"] = notes
        self.labels["notes"] = self.tr("Notes")
        notes_card.body.addWidget(cell)
        grid.addWidget(notes_card, 2, 1)

        # instalments
        money = Card(accent="#269A99")
        money.setObjectName("instalments")
        self.column.addWidget(money)
        money.body.addWidget(heading(self.tr("Instalments"), 1.1))
        self.summary = QLabel()
        self.summary.setObjectName("receivables")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        money.body.addWidget(self.summary)
        self.model = RecordTableModel(
            [
                Column(
                    "amount",
                    self.tr("Amount"),
                    "money",
                    placeholder=self.tr("Enter an amount such as 1,280,000 or 128万."),
                ),
                Column("due_on", self.tr("Due"), "date", placeholder="2026-03-31"),
                Column("received_on", self.tr("Received on"), "date", placeholder="2026-03-31"),
                Column("note", self.tr("Note")),
                Column(
                    "state",
                    self.tr("Status"),
                    "computed",
                    editable=False,
                    compute=self._state_text,
                    color=self._state_color,
                ),
            ],
            self,
        )
        self.model.save_cell = self._save_instalment
        self.table = RecordTable(self.model, self.tr("Add instalment"), stretch=3)
        self.table.setObjectName("instalment_table")
        self.table.add_requested.connect(self.add_instalment)
        self.table.remove_requested.connect(self.remove_instalment)
        money.body.addWidget(self.table)
        finish = QHBoxLayout()
        self.collected_button = QPushButton(self.tr("Mark collected…"))
        self.collected_button.setObjectName("mark_collected")
        self.collected_button.setToolTip(
            self.tr("Close the pursuit as won: the checklist is settled and every instalment in")
        )
        self.collected_button.clicked.connect(self.mark_collected)
        finish.addWidget(self.collected_button)
        finish.addStretch(1)
        self.column.addLayout(finish)
        self.column.addStretch(1)
        self._bound_id: str | None = None
        self._done_icon = check_icon(GREEN, 18)
        self._open_icon = circle_icon("#9E9E9E", 18)

    # --- loading --------------------------------------------------------------------------
    def reset(self) -> None:
        if self._bound_id:
            self.autosaver.forget(collection.checklist_target(self._bound_id))
        self._bound_id = None

    def load(self) -> None:
        assert self.pursuit_id is not None
        pid = self.pursuit_id
        sheet = collection.collection_of(self.ctx.workspace, pid)
        self.sheet = sheet
        target = collection.checklist_target(pid)
        values = sheet.checklist
        if self._bound_id != pid:
            for name, widget in self.widgets.items():
                error = self.errors.get(name)
                if isinstance(widget, QCheckBox):
                    field: Any = CheckField(widget, error)
                elif isinstance(widget, OptionalDateEdit):
                    field = DateField(widget, error)
                elif isinstance(widget, QLineEdit):
                    field = LineField(widget, error)
                else:
                    field = TextField(widget, error)  # type: ignore[arg-type]
                self.autosaver.bind(field, target, name, self.labels[name], values[name])
                if isinstance(widget, QCheckBox):
                    widget.toggled.connect(self._update_marks)
            self._bound_id = pid
        else:
            self.autosaver.load(target, values)
        self._update_marks()
        for button in self.documents.values():
            button.set_pursuit(pid)
        self.model.set_rows(sheet.instalments, sheet.currency)
        self._show_summary()
        card = board_card(self.ctx.workspace, pid)
        self.collected_button.setVisible(card is not None and card.status == "open")

    def mark_collected(self) -> CloseDialog | None:
        """The win: the close dialog preset to collected (it says what is still missing)."""
        if self.pursuit_id is None:
            return None
        self.autosaver.flush()  # a tick just made counts
        card = board_card(self.ctx.workspace, self.pursuit_id)
        if card is None:
            return None
        subject = f"{card.account} · {card.title}"
        return operations.mark_collected(self.ctx, self, [self.pursuit_id], subject)

    def _update_marks(self, *_: object) -> None:
        if self.sheet is None:
            return
        values = {
            name: widget.isChecked()
            for name, widget in self.widgets.items()
            if isinstance(widget, QCheckBox)
        }
        current = CollectionSheet(True, {**self.sheet.checklist, **values})
        for key, mark in self.marks.items():
            done = current.check_done(key)
            mark.setPixmap((self._done_icon if done else self._open_icon).pixmap(QSize(18, 18)))
            mark.setToolTip(self.tr("Settled") if done else self.tr("Still open"))
            mark.setProperty("done", done)

    def _show_summary(self) -> None:
        assert self.sheet is not None
        money = self.sheet.receivables
        currency = self.sheet.currency
        parts = [
            self.tr("Contract {0}").format(fmt.money(money.contract, currency)),
            self.tr("scheduled {0}").format(fmt.money(money.scheduled, currency)),
            self.tr("received {0}").format(fmt.money(money.received, currency)),
            self.tr("outstanding {0}").format(fmt.money(money.outstanding, currency)),
        ]
        text = " · ".join(parts)
        if money.unscheduled:
            text += "<br>" + self.tr("{0} of the contract has no instalment yet.").format(
                fmt.money(money.unscheduled, currency)
            )
        elif money.overscheduled:
            # Warned, not refused: the rep may rightly plan more than the amount written (a
            # change order signed before the pursuit's amount is raised); a slip is seen here.
            over = self.tr(
                "⚠ The instalments exceed the contract by {0}. If the contract grew (a change "
                "order), raise the amount on Overview; otherwise correct an instalment."
            ).format(fmt.money(money.overscheduled, currency))
            text += f"<br><b style='color:{AMBER}'>{html.escape(over)}</b>"
        if money.overdue_count:
            overdue = self.tr("⚑ {0} overdue: {1}").format(
                money.overdue_count, fmt.money(money.overdue, currency)
            )
            text += f"<br><b style='color:{RED}'>{overdue}</b>"
        self.summary.setText(text)

    def _state_text(self, row: dict[str, Any]) -> str:
        today = date.today()
        if row.get("received_on"):
            return self.tr("Received")
        due = row.get("due_on")
        if due is None:
            return self.tr("No due date")
        if due < today:
            return self.tr("Overdue by {0} days").format((today - due).days)
        if due == today:
            return self.tr("Due today")
        return self.tr("Due in {0} days").format((due - today).days)

    def _state_color(self, row: dict[str, Any]) -> str | None:
        if row.get("received_on"):
            return GREEN
        return RED if collection.overdue(row, date.today()) else None

    # --- instalments ----------------------------------------------------------------------
    def add_instalment(self) -> None:
        if self.pursuit_id is None:
            return
        try:
            instalment_id, _ = self.ctx.perform_in(
                self, pursuit_edits.add_part, "instalment", self.pursuit_id
            )
        except OperationFailed:
            return
        record(
            RecordCommand(
                self.ctx, "instalment", instalment_id, self.tr("Add instalment"), added=True
            )
        )
        self.load()
        self.table.edit_row(instalment_id, 0)

    def remove_instalment(self, instalment_id: str) -> None:
        try:
            self.ctx.perform_in(self, pursuit_edits.delete, "instalment", instalment_id)
        except OperationFailed:
            return
        record(
            RecordCommand(
                self.ctx, "instalment", instalment_id, self.tr("Remove instalment"), added=False
            )
        )
        self.load()

    def _save_instalment(self, instalment_id: str, name: str, new: Any) -> str | None:
        row = self.model.rows[self.model.row_of(instalment_id)]
        labels = {
            "amount": self.tr("Instalment amount"),
            "due_on": self.tr("Instalment due date"),
            "received_on": self.tr("Date received"),
            "note": self.tr("Instalment note"),
        }
        message = self.autosaver.save_now(
            Target("instalment", instalment_id), name, row[name], new, labels[name]
        )
        return message

    def focus_target(self, target: str) -> bool:
        if target == "instalments":
            self.reveal(self.table.view)
            return True
        return super().focus_target(target)
