"""Purchase risks and concerns (采购风险 / 顾虑): what could stop the customer signing, whom it
would hurt — the person, the politics, the organisation — and how we prevent and remedy it; above
them the plan to dispel the concerns (打消顾虑的计划, part of our offer: `offer.ConcernPlanCard`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.health import HIGH_IMPACT
from desktop.services import pursuit_edits
from desktop.services.pursuit_edits import Target
from desktop.ui.common import format as fmt
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.pursuit.editing import (
    Autosaver,
    ChoiceField,
    LineField,
    RecordCommand,
    ScaleField,
    TextField,
)
from desktop.ui.pursuit.offer import ConcernPlanCard
from desktop.ui.pursuit.page import SectionPage, with_error
from desktop.ui.pursuit.widgets import (
    AMBER,
    GREEN,
    RED,
    Card,
    GrowingTextEdit,
    ScaleEdit,
    heading,
    hint,
)
from desktop.ui.undo import record

IMPACTS = (
    ("person", "impact_person"),
    ("political", "impact_political"),
    ("organisation", "impact_organisation"),
)


def risk_color(risk: dict[str, Any]) -> str:
    if risk["status"] != "open":
        return GREEN
    return RED if risk["severity"] >= HIGH_IMPACT else AMBER


class RiskCard(Card):
    def __init__(self, page: RisksPage, risk: dict[str, Any]) -> None:
        super().__init__(accent=risk_color(risk))
        self.page = page
        self.risk_id = risk["id"]
        self.setObjectName(f"risk_{risk['id']}")
        self.target = Target("risk", risk["id"])
        lang = page.ctx.lang
        catalog = page.ctx.catalog
        bind = page.autosaver.bind

        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("The risk or concern, as the customer sees it"))
        font = self.description.font()
        font.setBold(True)
        self.description.setFont(font)
        description_cell, description_error = with_error(self.description, "description")
        self.severity = ScaleEdit(1, 5)
        self.severity.setToolTip(self.tr("Impact on the decision: 4 or 5 is high"))
        severity_cell, severity_error = with_error(self.severity, "severity")
        self.status = QComboBox()
        for item in catalog.risk_statuses:
            self.status.addItem(item.label(lang), item.key)
        status_cell, _ = with_error(self.status, "status")
        self.delete = QToolButton()
        self.delete.setObjectName("delete_risk")
        self.delete.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.delete.setToolTip(self.tr("Remove this risk (Edit ▸ Undo brings it back)"))
        self.delete.setAutoRaise(True)
        self.delete.clicked.connect(lambda: page.remove_risk(self.risk_id))
        top = QHBoxLayout()
        top.addWidget(description_cell, 1)
        top.addWidget(QLabel(self.tr("Impact")))
        top.addWidget(severity_cell)
        top.addWidget(status_cell)
        top.addWidget(self.delete)
        self.body.addLayout(top)
        bind(
            LineField(self.description, description_error),
            self.target,
            "description",
            self.tr("Risk"),
            risk["description"],
        )
        bind(
            ScaleField(self.severity, severity_error),
            self.target,
            "severity",
            self.tr("Impact"),
            risk["severity"],
        )
        bind(ChoiceField(self.status), self.target, "status", self.tr("Status"), risk["status"])

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        impacts = catalog.risk_impacts
        for column, (key, name) in enumerate(IMPACTS):
            item = impacts[key]
            label = QLabel(self.tr("{0} impact").format(item.label(lang)))
            label.setToolTip(item.hint(lang) if item.hint else "")
            edit = GrowingTextEdit(2, 6)
            if item.hint:
                edit.setPlaceholderText(item.hint(lang))
            cell, error = with_error(edit, name)
            grid.addWidget(label, 0, column)
            grid.addWidget(cell, 1, column)
            bind(TextField(edit, error), self.target, name, label.text(), risk[name])
        self.body.addLayout(grid)

        plans = QGridLayout()
        plans.setHorizontalSpacing(10)
        for column, (name, title, placeholder) in enumerate(
            (
                ("prevention", self.tr("Prevention"), self.tr("How we keep it from happening")),
                ("remedy", self.tr("Remedy"), self.tr("What we do if it happens anyway")),
            )
        ):
            edit = GrowingTextEdit(2, 6)
            edit.setPlaceholderText(placeholder)
            cell, error = with_error(edit, name)
            plans.addWidget(QLabel(title), 0, column)
            plans.addWidget(cell, 1, column)
            bind(TextField(edit, error), self.target, name, title, risk[name])
        self.body.addLayout(plans)

    def update_accent(self, risk: dict[str, Any]) -> None:
        self.set_accent(risk_color(risk))


class RisksPage(SectionPage):
    def __init__(self, ctx: AppContext, autosaver: Autosaver, parent: QWidget | None = None):
        super().__init__(ctx, autosaver, parent)
        lang = ctx.lang
        self.cards: dict[str, RiskCard] = {}
        head = QHBoxLayout()
        head.addWidget(heading(self.tr("Purchase risks and concerns"), 1.25))
        head.addStretch(1)
        self.add_button = QPushButton(self.tr("Add risk"))
        self.add_button.setObjectName("add_risk")
        self.add_button.clicked.connect(self.add_risk)
        head.addWidget(self.add_button)
        self.column.addLayout(head)
        stage = ctx.catalog.stage(6)
        self.column.addWidget(hint(fmt.sentences((q.text(lang) for q in stage.questions), lang)))
        self.concern_plan = ConcernPlanCard(ctx, autosaver)
        self.column.addWidget(self.concern_plan)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.column.addWidget(self.summary)
        self.empty = QLabel(
            self.tr("No risk written down yet. What could make the customer hesitate to sign?")
        )
        self.empty.setObjectName("empty_risks")
        self.column.addWidget(self.empty)
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(10)
        self.column.addLayout(self.cards_box)
        self.column.addStretch(1)

    def reset(self) -> None:
        for card in list(self.cards.values()):
            self._drop(card)
        self.cards = {}
        self.concern_plan.reset()

    def _drop(self, card: RiskCard) -> None:
        self.autosaver.forget(card.target)
        self.cards_box.removeWidget(card)
        card.setParent(None)
        card.deleteLater()

    def load(self) -> None:
        assert self.pursuit_id is not None
        self.concern_plan.load(self.pursuit_id)
        risks = pursuit_edits.parts_of(self.ctx.workspace, "risk", self.pursuit_id)
        wanted = [r["id"] for r in risks]
        for risk_id in list(self.cards):
            if risk_id not in wanted:
                self._drop(self.cards.pop(risk_id))
        for position, risk in enumerate(risks):
            card = self.cards.get(risk["id"])
            if card is None:
                card = RiskCard(self, risk)
                self.cards[risk["id"]] = card
            else:
                self.autosaver.load(card.target, risk)
                card.update_accent(risk)
            if self.cards_box.indexOf(card) != position:
                self.cards_box.removeWidget(card)
                self.cards_box.insertWidget(position, card)
                card.show()
        self.empty.setVisible(not risks)
        open_high = sum(1 for r in risks if r["status"] == "open" and r["severity"] >= HIGH_IMPACT)
        open_count = sum(1 for r in risks if r["status"] == "open")
        if risks:
            text = self.tr("{0} open, {1} of them high-impact · {2} in all").format(
                open_count, open_high, len(risks)
            )
            self.summary.setText(text)
            self.summary.setStyleSheet(f"color: {RED};" if open_high else "")
            self.summary.show()
        else:
            self.summary.hide()

    def add_risk(self) -> None:
        if self.pursuit_id is None:
            return
        self.autosaver.flush()
        try:
            risk_id, _ = self.ctx.perform_in(self, pursuit_edits.add_part, "risk", self.pursuit_id)
        except OperationFailed:
            return
        record(RecordCommand(self.ctx, "risk", risk_id, self.tr("Add risk"), added=True))
        self.load()
        card = self.cards.get(risk_id)
        if card is not None:
            self.reveal(card.description)

    def remove_risk(self, risk_id: str) -> None:
        self.autosaver.flush()
        try:
            self.ctx.perform_in(self, pursuit_edits.delete, "risk", risk_id)
        except OperationFailed:
            return
        record(RecordCommand(self.ctx, "risk", risk_id, self.tr("Remove risk"), added=False))
        self.load()
