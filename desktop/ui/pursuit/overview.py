"""Overview: the deal's core fields, next step, forecast, outcome and stage timeline."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.domain.status import COLLECTED, SIGNED_STAGE
from desktop.services import pursuits
from desktop.services.pursuit_edits import Target
from desktop.services.queries import overview
from desktop.services.queries.overview import Overview
from desktop.ui.common import format as fmt
from desktop.ui.common.pursuit_table import weighted_meaning
from desktop.ui.common.widgets import MoneyEdit, OptionalDateEdit
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.operations import pursuits as operations
from desktop.ui.operations.close_dialog import CloseDialog
from desktop.ui.operations.pursuit_dialog import split_tags
from desktop.ui.pursuit.editing import (
    Autosaver,
    CallCommand,
    ChoiceField,
    DateField,
    Field,
    LineField,
    MoneyField,
    TextField,
)
from desktop.ui.pursuit.page import SectionPage, form, with_error
from desktop.ui.pursuit.widgets import (
    AMBER,
    GREEN,
    RED,
    Card,
    ErrorLabel,
    GrowingTextEdit,
    heading,
    hint,
)
from desktop.ui.undo import record

CURRENCIES = ("CNY", "USD", "EUR", "HKD", "GBP", "JPY")


class WinRateEdit(QSpinBox):
    """The pursuit's own win rate, or the stage's (shown as the special value)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, 100)
        self.setSuffix(" %")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)


class WinRateField(Field):
    def __init__(self, widget: WinRateEdit, error: Any = None) -> None:
        super().__init__(widget, error)
        self.spin = widget
        widget.valueChanged.connect(self._user_edit)

    def value(self) -> int | None:
        return None if self.spin.value() < 0 else self.spin.value()

    def _set(self, value: Any) -> None:
        self.spin.setValue(-1 if value is None else int(value))


class OverviewPage(SectionPage):
    def __init__(self, ctx: AppContext, autosaver: Autosaver, parent: QWidget | None = None):
        super().__init__(ctx, autosaver, parent)
        self.view: Overview | None = None
        self.fields: dict[str, Field] = {}

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(12)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.column.addLayout(grid)
        self.column.addStretch(1)

        # The deal
        deal = Card()
        deal.body.addWidget(heading(self.tr("The deal")))
        layout = form()
        deal.body.addLayout(layout)
        self.title_edit = QLineEdit()
        self._title_error = self._row(layout, self.tr("Title"), self.title_edit, "title")
        self.account_label = QLabel()
        self.account_label.setObjectName("account")
        self.account_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addRow(self.tr("Account"), self.account_label)
        money_row = QWidget()
        money_box = QHBoxLayout(money_row)
        money_box.setContentsMargins(0, 0, 0, 0)
        self.amount_edit = MoneyEdit()
        self.currency_combo = QComboBox()
        self.currency_combo.setObjectName("currency")
        for code in CURRENCIES:
            self.currency_combo.addItem(f"{code} {fmt.symbol(code).strip()}", code)
        money_box.addWidget(self.amount_edit, 1)
        money_box.addWidget(self.currency_combo)
        cell, self.amount_error = with_error(money_row, "amount_row")
        self.amount_edit.setObjectName("amount")
        layout.addRow(self.tr("Amount"), cell)
        self.close_edit = OptionalDateEdit()
        self._expected_close_error = self._row(
            layout, self.tr("Expected close"), self.close_edit, "expected_close"
        )
        self.owner_edit = QLineEdit()
        self.owner_edit.setPlaceholderText(self.tr("Who runs this pursuit"))
        self._owner_error = self._row(layout, self.tr("Owner"), self.owner_edit, "owner")
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("tags")
        self.tags_edit.setPlaceholderText(self.tr("Separate tags with commas"))
        self.tags_edit.editingFinished.connect(self._save_tags)
        layout.addRow(self.tr("Tags"), self.tags_edit)
        self.notes_edit = GrowingTextEdit(3, 14)
        self.notes_edit.setPlaceholderText(self.tr("Background, history, anything worth keeping"))
        self._notes_error = self._row(layout, self.tr("Notes"), self.notes_edit, "notes")
        self.referred = QLabel()
        self.referred.setObjectName("referred_by")
        self.referred.linkActivated.connect(lambda pid: self.open_pursuit(pid))
        deal.body.addWidget(self.referred)
        self.grew_from = QLabel()
        self.grew_from.setObjectName("grew_from")
        self.grew_from.linkActivated.connect(lambda pid: self.open_pursuit(pid))
        deal.body.addWidget(self.grew_from)
        deal.body.addStretch(1)
        grid.addWidget(deal, 0, 0, 2, 1)

        # Next step
        step = Card(accent=AMBER)
        step.setObjectName("next_step_card")
        step.body.addWidget(heading(self.tr("Next step")))
        step.body.addWidget(
            hint(self.tr("Every open pursuit needs one concrete next action with a date."))
        )
        layout = form()
        step.body.addLayout(layout)
        self.next_step_edit = QLineEdit()
        self.next_step_edit.setPlaceholderText(
            self.tr("e.g. Meet the CIO to present the value case")
        )
        self._next_step_error = self._row(
            layout, self.tr("Action"), self.next_step_edit, "next_step"
        )
        self.next_due_edit = OptionalDateEdit()
        self._next_step_due_error = self._row(
            layout, self.tr("Due"), self.next_due_edit, "next_step_due"
        )
        step.body.addStretch(1)
        grid.addWidget(step, 0, 1)

        # Forecast
        forecast = Card()
        forecast.setObjectName("stage")
        forecast.body.addWidget(heading(self.tr("Stage and forecast")))
        self.stage_label = QLabel()
        self.stage_label.setObjectName("stage_label")
        self.stage_label.setWordWrap(True)
        forecast.body.addWidget(self.stage_label)
        layout = form()
        forecast.body.addLayout(layout)
        self.rate_edit = WinRateEdit()
        self._win_rate_override_error = self._row(
            layout, self.tr("Win rate"), self.rate_edit, "win_rate_override"
        )
        self.weighted_label = QLabel()
        self.weighted_label.setObjectName("weighted")
        self.weighted_label.setToolTip(weighted_meaning())
        layout.addRow(self.tr("Weighted amount"), self.weighted_label)
        self.days_label = QLabel()
        self.days_label.setObjectName("days_in_stage")
        layout.addRow(self.tr("In this stage"), self.days_label)
        forecast.body.addWidget(
            hint(self.tr("Stages move on the board, where each move checks the stage gate."))
        )
        forecast.body.addStretch(1)
        grid.addWidget(forecast, 1, 1)

        # Outcome
        self.outcome = Card()
        self.outcome.setObjectName("outcome")
        self.outcome.body.addWidget(heading(self.tr("Outcome")))
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("outcome_label")
        self.outcome_label.setWordWrap(True)
        self.outcome.body.addWidget(self.outcome_label)
        buttons = QHBoxLayout()
        # Signing is stage 6's milestone, a move into 验收; the win is the money collected.
        self.sign_button = QPushButton(self.tr("Contract signed"))
        self.sign_button.setObjectName("sign_contract")
        self.sign_button.setToolTip(
            self.tr("The customer signed: move the pursuit into stage 7 (acceptance)")
        )
        self.sign_button.clicked.connect(self.sign_contract)
        buttons.addWidget(self.sign_button)
        self.collected_button = QPushButton(self.tr("Collected…"))
        self.lost_button = QPushButton(self.tr("Lost…"))
        self.abandon_button = QPushButton(self.tr("Abandon…"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        for name, button, status in (
            ("close_collected", self.collected_button, "collected"),
            ("close_lost", self.lost_button, "lost"),
            ("close_abandoned", self.abandon_button, "abandoned"),
        ):
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=status: self.ask_close(s))
            buttons.addWidget(button)
        self.reopen_button.setObjectName("reopen")
        self.reopen_button.clicked.connect(self.reopen)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        self.outcome.body.addLayout(buttons)
        # The card is as tall as the timeline beside it: the room goes under the buttons, not
        # between the heading and the text (word-wrapped labels would share it out).
        self.outcome.body.addStretch(1)
        grid.addWidget(self.outcome, 2, 0)

        # Timeline
        timeline = Card()
        timeline.setObjectName("timeline_card")
        timeline.body.addWidget(heading(self.tr("Stage timeline")))
        self.timeline = QLabel()
        self.timeline.setObjectName("timeline")
        self.timeline.setTextFormat(Qt.TextFormat.RichText)
        self.timeline.setWordWrap(True)
        timeline.body.addWidget(self.timeline)
        timeline.body.addStretch(1)
        grid.addWidget(timeline, 2, 1)
        self.dialog: CloseDialog | None = None
        self.open_pursuit: Any = lambda _pid: None
        # The action and its date are saved one by one, in either order: a date refused for
        # want of an action (or an action cleared under a date) is saved once the other allows.
        autosaver.saved.connect(self._retry_next_step)

    def _row(self, layout: QFormLayout, label: str, widget: QWidget, name: str) -> ErrorLabel:
        """A form row of `widget` named `name`, with its message line (returned)."""
        cell, error = with_error(widget, name)
        layout.addRow(label, cell)
        return error

    # --- loading --------------------------------------------------------------------------
    def reset(self) -> None:
        if self.fields:
            self.autosaver.forget(Target("pursuit", self._bound_id))
        self.fields = {}

    def _bind(self, view: Overview) -> None:
        target = Target("pursuit", view.pursuit["id"])
        self._bound_id = view.pursuit["id"]
        p = view.pursuit
        bind = self.autosaver.bind
        self.fields = {
            "title": bind(
                LineField(self.title_edit, self._title_error, required=True),
                target,
                "title",
                self.tr("Title"),
                p["title"],
            ),
            "amount": bind(
                MoneyField(self.amount_edit, self.amount_error),
                target,
                "amount",
                self.tr("Amount"),
                p["amount"],
            ),
            "currency": bind(
                ChoiceField(self.currency_combo),
                target,
                "currency",
                self.tr("Currency"),
                p["currency"],
            ),
            "expected_close": bind(
                DateField(self.close_edit, self._expected_close_error),
                target,
                "expected_close",
                self.tr("Expected close"),
                p["expected_close"],
            ),
            "owner": bind(
                LineField(self.owner_edit, self._owner_error),
                target,
                "owner",
                self.tr("Owner"),
                p["owner"],
            ),
            "notes": bind(
                TextField(self.notes_edit, self._notes_error),
                target,
                "notes",
                self.tr("Notes"),
                p["notes"],
            ),
            "next_step": bind(
                LineField(self.next_step_edit, self._next_step_error),
                target,
                "next_step",
                self.tr("Next step"),
                p["next_step"],
            ),
            "next_step_due": bind(
                DateField(self.next_due_edit, self._next_step_due_error),
                target,
                "next_step_due",
                self.tr("Next step due"),
                p["next_step_due"],
            ),
            "win_rate_override": bind(
                WinRateField(self.rate_edit, self._win_rate_override_error),
                target,
                "win_rate_override",
                self.tr("Win rate"),
                p["win_rate_override"],
            ),
        }

    def _retry_next_step(self) -> None:
        if not self.fields or self.pursuit_id is None:
            return
        target = Target("pursuit", self._bound_id)
        for name in ("next_step", "next_step_due"):
            self.autosaver.retry(target, name)

    def load(self) -> None:
        assert self.pursuit_id is not None
        try:
            view = overview.overview_of(self.ctx.workspace, self.pursuit_id)
        except Exception:  # the workspace shows "no longer exists" itself
            return
        self.view = view
        if not self.fields:
            self._bind(view)
        else:
            self.autosaver.load(Target("pursuit", view.pursuit["id"]), view.pursuit)
        lang = self.ctx.lang
        p = view.pursuit
        currency = p["currency"]
        self.amount_edit.currency = currency
        self.account_label.setText(view.account)
        if not self.tags_edit.hasFocus():
            self.tags_edit.setText(("、" if fmt.is_zh(lang) else ", ").join(view.tags))
        self._tags = view.tags
        if view.referred_by:
            self.referred.setText(
                self.tr("Referred by {0}").format(
                    f"<a href='{view.referred_by[0]}'>{html.escape(view.referred_by[1])}</a>"
                )
            )
            self.referred.show()
        else:
            self.referred.hide()
        if view.grew_from:
            self.grew_from.setText(
                self.tr("Grew from a new need of {0}").format(
                    f"<a href='{view.grew_from[0]}'>{html.escape(view.grew_from[1])}</a>"
                )
            )
            self.grew_from.show()
        else:
            self.grew_from.hide()

        stage = self.ctx.catalog.stage(p["stage"])
        self.stage_label.setText(
            self.tr("Stage {0}: {1} — milestone: {2}").format(
                p["stage"], stage.process(lang), stage.milestone(lang)
            )
        )
        self.rate_edit.setSpecialValueText(
            self.tr("Stage default ({0}%)").format(view.default_win_rate)
        )
        weighted = fmt.money(view.weighted, currency)
        if view.weighted_base != p["amount"]:
            # Part of the contract is in (回款): the rate weighs only what is still to collect.
            self.weighted_label.setText(
                self.tr("{0} at {1}% of the {2} not yet received").format(
                    weighted, view.win_rate, fmt.money(view.weighted_base, currency)
                )
            )
        else:
            self.weighted_label.setText(self.tr("{0} at {1}%").format(weighted, view.win_rate))
        days = self.tr("{0} days (limit {1})").format(view.days_in_stage, view.stale_limit)
        stale = p["status"] == "open" and view.days_in_stage > view.stale_limit
        self.days_label.setText(days)
        self.days_label.setStyleSheet(f"color: {AMBER};" if stale else "")
        self._show_outcome(view)
        self._show_timeline(view)

    def _show_outcome(self, view: Overview) -> None:
        lang = self.ctx.lang
        p = view.pursuit
        status = p["status"]
        label = self.ctx.catalog.vocab("pursuit_statuses").label(status, lang)
        is_open = status == "open"
        for button in (self.lost_button, self.abandon_button):
            button.setVisible(is_open)
        signed = p["stage"] >= SIGNED_STAGE
        self.sign_button.setVisible(is_open and not signed)
        self.collected_button.setVisible(is_open and signed)
        self.reopen_button.setVisible(not is_open)
        if is_open:
            self.outcome.set_accent(None)
            self.outcome_label.setText(
                self.tr("Open. Won when the money is collected (stage 8).")
                if signed
                else self.tr("Open. When the customer signs, it moves into acceptance.")
            )
            return
        color = GREEN if status == COLLECTED else RED if status == "lost" else AMBER
        self.outcome.set_accent(color)
        parts = [f"<b style='color:{color}'>{html.escape(label)}</b>"]
        if p["closed_on"]:
            parts.append(fmt.long_date(p["closed_on"], lang))
        text = " · ".join(parts)
        if p["close_reason"]:
            text += "<br>" + self.tr("Reason: {0}").format(html.escape(p["close_reason"]))
        if view.lost_to:
            text += "<br>" + self.tr("Lost to: {0}").format(html.escape(view.lost_to))
        self.outcome_label.setText(text)

    def _show_timeline(self, view: Overview) -> None:
        lang = self.ctx.lang
        catalog = self.ctx.catalog
        rows = []
        for change in reversed(view.history):
            to_stage = catalog.stage(change["to_stage"])
            if change["from_stage"] is None:
                what = self.tr("Started in stage {0} · {1}").format(
                    change["to_stage"], html.escape(to_stage.process(lang))
                )
            else:
                arrow = "→" if change["to_stage"] > change["from_stage"] else "←"
                what = f"{change['from_stage']} {arrow} {change['to_stage']} · " + html.escape(
                    to_stage.process(lang)
                )
            extra = []
            if change["note"]:
                extra.append(html.escape(change["note"]))
            if change["overrides"]:
                reason = change["override_reason"] or "—"
                text = self.tr("Gate passed over ({0}): {1}").format(
                    len(change["overrides"]), reason
                )
                extra.append(f"<span style='color:{AMBER}'>{html.escape(text)}</span>")
            detail = "<br>".join(extra)
            rows.append(
                "<tr><td style='padding:2px 10px 2px 0; white-space:nowrap; color:palette(mid)'>"
                f"{fmt.moment(change['changed_at'], lang)}</td>"
                f"<td style='padding:2px 0'><b>{what}</b>"
                + (f"<br>{detail}" if detail else "")
                + "</td></tr>"
            )
        self.timeline.setText("<table>" + "".join(rows) + "</table>")

    # --- tags -----------------------------------------------------------------------------
    def _save_tags(self) -> None:
        if self.pursuit_id is None:
            return
        new = sorted(split_tags(self.tags_edit.text()))
        old = sorted(getattr(self, "_tags", []))
        if new == old:
            return
        pid = self.pursuit_id
        try:
            self.ctx.perform_in(self, pursuits.set_tags, pid, new)
        except OperationFailed:
            return
        self._tags = new
        record(
            CallCommand(
                self.ctx,
                self.tr("Edit tags"),
                (pursuits.set_tags, (pid, new)),
                (pursuits.set_tags, (pid, old)),
            )
        )

    # --- closing (the gestures of ui.operations, on this one pursuit) ---------------------------
    def ask_close(self, status: str) -> CloseDialog | None:
        """Open the close dialog (collected / lost / abandoned), preset to `status`."""
        if self.view is None or self.pursuit_id is None:
            return None
        self.autosaver.flush()  # what is being typed is saved before the pursuit closes
        subject = f"{self.view.account} · {self.view.pursuit['title']}"
        return operations.close_pursuits(self.ctx, self, [self.pursuit_id], subject, status)

    def sign_contract(self) -> None:
        """The customer signed: into 验收 (stage 7) through the gate, like a board move."""
        if self.view is None or self.pursuit_id is None:
            return
        self.autosaver.flush()
        subject = f"{self.view.account} · {self.view.pursuit['title']}"
        title = self.view.pursuit["title"]
        operations.sign_contract(
            self.ctx, self, {self.pursuit_id: subject}, lambda _pid: title, lambda _ids: None
        )

    def reopen(self) -> None:
        if self.view is None or self.pursuit_id is None:
            return
        title = self.view.pursuit["title"]
        operations.reopen_pursuits(self.ctx, self, [self.pursuit_id], title_of=lambda _pid: title)
