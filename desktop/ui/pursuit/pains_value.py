"""Pains (痛点), the value case (价值建议书) and our offer (价值交集, 特点、优势、益处).

The pains: where the customer stands, where they want to be, what blocks them, what hurts and what
it costs, how badly, and who feels it most. The value case turns that into figures the
decision-maker accepts: an investment against yearly benefits, with the payback period and the
return recomputed as you type.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.value_case import ValueCaseResult
from desktop.services import pursuit_edits, stakeholders, value
from desktop.services.pursuit_edits import Target
from desktop.services.value import ValueSheet
from desktop.ui.common import format as fmt
from desktop.ui.common.widgets import MoneyEdit
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.pursuit.editing import (
    Autosaver,
    ButtonsField,
    ChoiceField,
    MoneyField,
    RecordCommand,
    ScaleField,
    TextField,
)
from desktop.ui.pursuit.models import Column, RecordTableModel
from desktop.ui.pursuit.offer import OfferCard
from desktop.ui.pursuit.page import SectionPage, with_error
from desktop.ui.pursuit.table import RecordTable
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

PAIN_FIELDS = ("current_state", "goal", "obstacle", "pain", "impact")


class PainCard(Card):
    """One pain, as the consultative-selling chain: situation → goal → obstacle → pain → impact."""

    def __init__(self, page: PainsValuePage, pain: dict[str, Any], number: int) -> None:
        super().__init__(accent=_severity_color(pain["severity"]))
        self.page = page
        self.pain_id = pain["id"]
        self.setObjectName(f"pain_{pain['id']}")
        self.target = Target("pain_point", pain["id"])
        self.title = heading(self.tr("Pain {0}").format(number), 1.05)
        self.severity = ScaleEdit(1, 5)
        self.severity.setObjectName("severity")
        self.severity.setToolTip(self.tr("1 = a nuisance · 5 = it threatens their business"))
        severity_cell, severity_error = with_error(self.severity, "severity")
        self.delete = QToolButton()
        self.delete.setObjectName("delete_pain")
        self.delete.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.delete.setToolTip(self.tr("Remove this pain (Edit ▸ Undo brings it back)"))
        self.delete.setAutoRaise(True)
        self.delete.clicked.connect(lambda: page.remove_pain(self.pain_id))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Severity")))
        top.addWidget(severity_cell)
        top.addWidget(self.delete)
        self.body.addLayout(top)

        labels = {
            "current_state": self.tr("Current state"),
            "goal": self.tr("Business goal"),
            "obstacle": self.tr("Obstacle"),
            "pain": self.tr("Pain"),
            "impact": self.tr("Impact"),
        }
        placeholders = {
            "current_state": self.tr("Where they stand today, in numbers where possible"),
            "goal": self.tr("Where they want to be"),
            "obstacle": self.tr("What keeps them from getting there"),
            "pain": self.tr("What hurts, and whom"),
            "impact": self.tr("What it costs them (money, time, risk)"),
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        bind = page.autosaver.bind
        for n, name in enumerate(PAIN_FIELDS):
            edit = GrowingTextEdit(1, 6)
            edit.setPlaceholderText(placeholders[name])
            cell, error = with_error(edit, name)
            label = QLabel(labels[name])
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            row, col = divmod(n, 2)
            if name == "impact":
                grid.addWidget(label, row, 0)
                grid.addWidget(cell, row, 1, 1, 3)
            else:
                grid.addWidget(label, row, col * 2)
                grid.addWidget(cell, row, col * 2 + 1)
            bind(TextField(edit, error), self.target, name, labels[name], pain[name])
        self.person = QComboBox()
        self.person.setObjectName("stakeholder_id")
        self.person.setMinimumWidth(220)
        self.fill_people(page.people)
        person_cell, person_error = with_error(self.person, "stakeholder_id")
        person_label = QLabel(self.tr("Hurts most"))
        person_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(person_label, 3, 0)
        grid.addWidget(person_cell, 3, 1)
        self.body.addLayout(grid)
        bind(
            ScaleField(self.severity, severity_error),
            self.target,
            "severity",
            self.tr("Severity"),
            pain["severity"],
        )
        bind(
            ChoiceField(self.person, person_error),
            self.target,
            "stakeholder_id",
            self.tr("Person hurt most"),
            pain["stakeholder_id"],
        )

    def fill_people(self, people: list[tuple[str, str]]) -> None:
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("— not known yet —"), None)
        for person_id, label in people:
            self.person.addItem(label, person_id)
        index = self.person.findData(current)
        self.person.setCurrentIndex(max(0, index))
        self.person.blockSignals(False)

    def set_number(self, number: int, severity: int) -> None:
        self.title.setText(self.tr("Pain {0}").format(number))
        self.set_accent(_severity_color(severity))


def _severity_color(severity: int) -> str:
    return RED if severity >= 4 else AMBER if severity == 3 else "#9E9E9E"


class PainsValuePage(SectionPage):
    def __init__(self, ctx: AppContext, autosaver: Autosaver, parent: QWidget | None = None):
        super().__init__(ctx, autosaver, parent)
        lang = ctx.lang
        catalog = ctx.catalog
        self.people: list[tuple[str, str]] = []
        self.cards: dict[str, PainCard] = {}
        self.sheet: ValueSheet | None = None

        pains_head = QHBoxLayout()
        pains_head.addWidget(heading(self.tr("Pains"), 1.25))
        pains_head.addStretch(1)
        self.add_pain_button = QPushButton(self.tr("Add pain"))
        self.add_pain_button.setObjectName("add_pain")
        self.add_pain_button.clicked.connect(self.add_pain)
        pains_head.addWidget(self.add_pain_button)
        self.column.addLayout(pains_head)
        self.column.addWidget(
            hint(
                fmt.sentences(
                    (catalog.question(k).text(lang) for k in ("s2.pain", "s2.pain_owner")), lang
                )
            )
        )
        self.empty_pains = QLabel(
            self.tr("No pain written down yet — add the first one: what hurts the customer?")
        )
        self.empty_pains.setObjectName("empty_pains")
        self.column.addWidget(self.empty_pains)
        self.pains_box = QVBoxLayout()
        self.pains_box.setSpacing(10)
        self.column.addLayout(self.pains_box)
        self.column.addSpacing(10)

        # value case
        case = Card(accent="#5AD8A6")
        case.setObjectName("value")
        self.column.addWidget(case)
        case.body.addWidget(heading(self.tr("Value case"), 1.25))
        case.body.addWidget(
            hint(
                fmt.sentences(
                    (catalog.question(k).text(lang) for k in ("s3.quantified_value", "s3.roi")),
                    lang,
                )
            )
        )
        columns = QHBoxLayout()
        columns.setSpacing(18)
        case.body.addLayout(columns)
        inputs = QVBoxLayout()
        columns.addLayout(inputs, 3)
        row = QHBoxLayout()
        self.investment = MoneyEdit()
        self.investment.setMinimumWidth(160)
        investment_cell, self.investment_error = with_error(self.investment, "investment")
        self.horizon = ScaleEdit(1, 30)
        horizon_cell, self.horizon_error = with_error(self.horizon, "horizon_years")
        row.addWidget(QLabel(self.tr("Investment")))
        row.addWidget(investment_cell, 1)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Over")))
        row.addWidget(horizon_cell)
        row.addWidget(QLabel(self.tr("years")))
        inputs.addLayout(row)
        inputs.addWidget(QLabel(self.tr("Yearly benefits (a running cost is a negative line)")))
        self.benefits = RecordTableModel(
            [
                Column("label", self.tr("Benefit"), placeholder=self.tr("e.g. Fewer stoppages")),
                Column(
                    "amount",
                    self.tr("Per year"),
                    "signed_money",
                    placeholder=self.tr("Enter an amount such as 1,280,000 or 128万."),
                ),
            ],
            self,
        )
        self.benefits.save_cell = self._save_benefit
        self.benefit_table = RecordTable(self.benefits, self.tr("Add benefit line"), stretch=0)
        self.benefit_table.setObjectName("benefits")
        self.benefit_table.add_requested.connect(self.add_benefit)
        self.benefit_table.remove_requested.connect(self.remove_benefit)
        self.benefit_table.delegate.typing.connect(self._typing_benefit)
        inputs.addWidget(self.benefit_table)

        figures = Card()
        figures.setObjectName("figures")
        columns.addWidget(figures, 2)
        self.payback = QLabel()
        self.payback.setObjectName("payback")
        self.roi = QLabel()
        self.roi.setObjectName("roi")
        for label in (self.payback, self.roi):
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            label.setFont(font)
        self.net = QLabel()
        self.net.setObjectName("net_yearly")
        self.total = QLabel()
        self.total.setObjectName("total")
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Payback")), 0, 0)
        grid.addWidget(QLabel(self.tr("Return (ROI)")), 0, 1)
        grid.addWidget(self.payback, 1, 0)
        grid.addWidget(self.roi, 1, 1)
        figures.body.addLayout(grid)
        figures.body.addWidget(self.net)
        figures.body.addWidget(self.total)
        figures.body.addWidget(self.verdict)
        figures.body.addStretch(1)

        case.body.addWidget(QLabel(self.tr("The decision-maker's feedback")))
        self.feedback = GrowingTextEdit(2, 8)
        self.feedback.setPlaceholderText(
            self.tr("What did the decision-maker say about the figures? What do they doubt?")
        )
        feedback_cell, self.feedback_error = with_error(self.feedback, "feedback")
        case.body.addWidget(feedback_cell)
        accepted_row = QHBoxLayout()
        accepted_row.addWidget(QLabel(self.tr("Accepted by the decision-maker?")))
        self.accepted_host = QWidget()
        self.accepted_host.setObjectName("accepted")
        host_box = QHBoxLayout(self.accepted_host)
        host_box.setContentsMargins(0, 0, 0, 0)
        self.accepted_group = QButtonGroup(self)
        self.accepted_buttons: dict[str, QRadioButton] = {}
        for key, text in (
            ("yes", self.tr("Accepted")),
            ("no", self.tr("Not accepted")),
            ("unknown", self.tr("No answer yet")),
        ):
            radio = QRadioButton(text)
            radio.setObjectName(f"accepted_{key}")
            self.accepted_group.addButton(radio)
            self.accepted_buttons[key] = radio
            host_box.addWidget(radio)
        accepted_row.addWidget(self.accepted_host)
        accepted_row.addStretch(1)
        case.body.addLayout(accepted_row)
        self.offer = OfferCard(ctx, autosaver)
        self.column.addWidget(self.offer)
        self.column.addStretch(1)

        self.investment.textEdited.connect(self.recompute)
        self.horizon.lineEdit().textEdited.connect(self.recompute)
        self.horizon.valueChanged.connect(self.recompute)
        self._case_bound = False
        self._override: tuple[int, str, str] | None = None

    # --- loading --------------------------------------------------------------------------
    def reset(self) -> None:
        for card in list(self.cards.values()):
            self._drop(card)
        self.cards = {}
        if self._case_bound and self.sheet is not None:
            self.autosaver.forget(value.case_target(self.sheet.case["pursuit_id"]))
        self._case_bound = False
        self.offer.reset()

    def _drop(self, card: PainCard) -> None:
        self.autosaver.forget(card.target)
        self.pains_box.removeWidget(card)
        card.setParent(None)
        card.deleteLater()

    def load(self) -> None:
        assert self.pursuit_id is not None
        ws = self.ctx.workspace
        pid = self.pursuit_id
        self.people = [
            (p.id, " · ".join(x for x in (p.name, p.fields.get("title") or "") if x))
            for p in stakeholders.people_of(ws, pid)
        ]
        pains = pursuit_edits.parts_of(ws, "pain_point", pid)
        wanted = [p["id"] for p in pains]
        for pain_id in list(self.cards):
            if pain_id not in wanted:
                self._drop(self.cards.pop(pain_id))
        for number, pain in enumerate(pains, 1):
            card = self.cards.get(pain["id"])
            if card is None:
                card = PainCard(self, pain, number)
                self.cards[pain["id"]] = card
            else:
                card.fill_people(self.people)
                self.autosaver.load(card.target, pain)
                card.set_number(number, pain["severity"])
            if self.pains_box.indexOf(card) != number - 1:
                self.pains_box.removeWidget(card)
                self.pains_box.insertWidget(number - 1, card)
                card.show()
        self.empty_pains.setVisible(not pains)

        sheet = value.value_of(ws, pid)
        self.sheet = sheet
        target = value.case_target(pid)
        case = sheet.case
        if not self._case_bound:
            bind = self.autosaver.bind
            bind(
                MoneyField(self.investment, self.investment_error),
                target,
                "investment",
                self.tr("Investment"),
                case["investment"],
            )
            bind(
                ScaleField(self.horizon, self.horizon_error),
                target,
                "horizon_years",
                self.tr("Horizon"),
                case["horizon_years"],
            )
            bind(
                TextField(self.feedback, self.feedback_error),
                target,
                "feedback",
                self.tr("Feedback"),
                case["feedback"],
            )
            bind(
                ButtonsField(self.accepted_buttons, self.accepted_host),
                target,
                "accepted",
                self.tr("Accepted"),
                case["accepted"],
            )
            self._case_bound = True
        else:
            self.autosaver.load(target, case)
        self.investment.currency = sheet.currency
        self.benefits.set_rows([dict(b) for b in sheet.benefits], sheet.currency)
        self.recompute()
        self.offer.load(pid)

    # --- figures --------------------------------------------------------------------------
    def _typing_benefit(self, row: int, key: str, text: str) -> None:
        self._override = (row, key, text)
        self.recompute()
        self._override = None

    def current_result(self) -> ValueCaseResult | None:
        """The figures for what is on screen now, typed but not yet saved included."""
        if self.sheet is None:
            return None
        investment = self.investment.amount()
        horizon = self.horizon.typed()
        if investment is None or horizon is None or not 1 <= horizon <= 30:
            return None
        amounts = [b["amount"] for b in self.benefits.rows]
        if self._override is not None:
            row, key, text = self._override
            typed = fmt.parse_money(text, allow_negative=True, empty=0)
            if key == "amount" and typed is not None and 0 <= row < len(amounts):
                amounts[row] = typed
        if investment == 0 and not any(amounts):
            return None  # nothing entered yet: ask for figures rather than say "never pays back"
        return value.evaluate(investment, amounts, {"horizon_years": horizon})

    def recompute(self, *_: object) -> None:
        result = self.current_result()
        currency = self.sheet.currency if self.sheet else "CNY"
        lang = self.ctx.lang
        if result is None:
            for label in (self.payback, self.roi):
                label.setText("—")
            self.net.setText("")
            self.total.setText("")
            self.verdict.setText(self.tr("Enter the investment and the years to see the figures."))
            self.verdict.setStyleSheet("")
            return
        horizon = self.horizon.typed() or 0
        self.payback.setText(fmt.years(result.payback_years, lang))
        self.roi.setText(fmt.rate(result.roi_percent))
        self.net.setText(
            self.tr("Net benefit a year: {0}").format(
                fmt.money(result.net_yearly_benefit, currency)
            )
        )
        self.total.setText(
            self.tr("Over {0} years: {1}").format(
                horizon, fmt.money(result.total_benefit, currency)
            )
        )
        if result.net_yearly_benefit <= 0:
            self.verdict.setText(self.tr("With these benefits the investment never pays back."))
            color = RED
        elif result.pays_back:
            self.verdict.setText(self.tr("Pays back within the {0} years.").format(horizon))
            color = GREEN
        else:
            self.verdict.setText(self.tr("Does not pay back within the {0} years.").format(horizon))
            color = AMBER
        self.verdict.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.payback.setStyleSheet(f"color: {color};")

    # --- actions --------------------------------------------------------------------------
    def add_pain(self) -> None:
        if self.pursuit_id is None:
            return
        self.autosaver.flush()
        try:
            pain_id, _ = self.ctx.perform_in(
                self, pursuit_edits.add_part, "pain_point", self.pursuit_id
            )
        except OperationFailed:
            return
        record(RecordCommand(self.ctx, "pain_point", pain_id, self.tr("Add pain"), added=True))
        self.load()
        card = self.cards.get(pain_id)
        if card is not None:
            field = card.findChild(QWidget, "current_state")
            if field is not None:
                self.reveal(field)

    def remove_pain(self, pain_id: str) -> None:
        self.autosaver.flush()
        try:
            self.ctx.perform_in(self, pursuit_edits.delete, "pain_point", pain_id)
        except OperationFailed:
            return
        record(RecordCommand(self.ctx, "pain_point", pain_id, self.tr("Remove pain"), added=False))
        self.load()

    def add_benefit(self) -> None:
        if self.pursuit_id is None:
            return
        self.autosaver.flush()
        try:
            line_id, _ = self.ctx.perform_in(self, value.add_benefit, self.pursuit_id)
        except OperationFailed:
            return
        record(
            RecordCommand(
                self.ctx, "value_benefit", line_id, self.tr("Add benefit line"), added=True
            )
        )
        self.load()
        self.benefit_table.edit_row(line_id, 0)

    def remove_benefit(self, line_id: str) -> None:
        try:
            self.ctx.perform_in(self, pursuit_edits.delete, "value_benefit", line_id)
        except OperationFailed:
            return
        record(
            RecordCommand(
                self.ctx, "value_benefit", line_id, self.tr("Remove benefit line"), added=False
            )
        )
        self.load()

    def _save_benefit(self, line_id: str, name: str, new: Any) -> str | None:
        row = self.benefits.rows[self.benefits.row_of(line_id)]
        label = self.tr("Benefit") if name == "label" else self.tr("Benefit per year")
        message = self.autosaver.save_now(
            Target("value_benefit", line_id), name, row[name], new, label
        )
        if message is None:
            row[name] = new
            self.recompute()
        return message

    def focus_target(self, target: str) -> bool:
        if target == "accepted":
            widget = self.accepted_buttons["yes"]
            self.reveal(widget)
            return True
        return super().focus_target(target)
