"""Our offer in the workspace: where the method asks for it.

Stage 5 (屏蔽对手) asks "what is our value intersection with the customer?" and "what are our
solution's features, advantages and benefits?" — the `OfferCard`, shown under the value case on
the Pains & value page, since the benefits carry the value case into words. Stage 6 (打消顾虑) asks
"what is the plan to dispel the customer's concerns?" — the `ConcernPlanCard`, at the top of the
Risks & concerns page, above the risks it answers.

Both edit the pursuit's one offer record (`services.offer`) through the workspace's autosaver:
each field saves by itself and each edit is one undo step, like every other field.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from desktop.services import offer
from desktop.services.errors import NotFound
from desktop.services.offer import OfferSheet
from desktop.ui.common import format as fmt
from desktop.ui.context import AppContext
from desktop.ui.pursuit.editing import Autosaver, TextField
from desktop.ui.pursuit.page import with_error
from desktop.ui.pursuit.widgets import Card, ErrorLabel, GrowingTextEdit, heading, hint

OFFER_ACCENT = "#E8684A"  # stage 5's colour: the offer is set against the competitors there
CONCERN_ACCENT = "#6DC8EC"  # stage 6's colour


class _OfferFields(Card):
    """A card whose text fields are fields of the pursuit's offer record."""

    def __init__(
        self, ctx: AppContext, autosaver: Autosaver, accent: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent, accent=accent)
        self.ctx = ctx
        self.autosaver = autosaver
        self.edits: dict[str, tuple[GrowingTextEdit, ErrorLabel, str]] = {}
        self._bound_id: str | None = None

    def _field(self, name: str, label: str, placeholder: str, lines: tuple[int, int]) -> QWidget:
        edit = GrowingTextEdit(*lines)
        edit.setPlaceholderText(placeholder)
        cell, error = with_error(edit, name)
        self.edits[name] = (edit, error, label)
        return cell

    def _question(self, key: str) -> str:
        return self.ctx.catalog.question(key).text(self.ctx.lang)

    def reset(self) -> None:
        """Drop the bindings of the previous pursuit (pending edits are saved first)."""
        if self._bound_id is not None:
            self.autosaver.forget(offer.offer_target(self._bound_id))
        self._bound_id = None

    def load(self, pursuit_id: str, sheet: OfferSheet | None = None) -> None:
        if sheet is None:
            try:
                sheet = offer.offer_of(self.ctx.workspace, pursuit_id)
            except NotFound:  # the workspace says the pursuit is gone
                return
        target = offer.offer_target(pursuit_id)
        values = sheet.values()
        if self._bound_id != pursuit_id:
            self.reset()
            for name, (edit, error, label) in self.edits.items():
                self.autosaver.bind(TextField(edit, error), target, name, label, values[name])
            self._bound_id = pursuit_id
        else:
            self.autosaver.load(target, values)


class OfferCard(_OfferFields):
    """Our value intersection with the customer, and our solution's features, advantages and
    benefits (FAB), side by side: what it is, why it beats the alternatives, what it earns them."""

    def __init__(self, ctx: AppContext, autosaver: Autosaver, parent: QWidget | None = None):
        super().__init__(ctx, autosaver, OFFER_ACCENT, parent)
        self.setObjectName("offer")
        self.body.addWidget(heading(self.tr("Our offer"), 1.25))
        self.body.addWidget(
            hint(
                fmt.sentences(
                    (
                        self._question("s5.value_intersection"),
                        self._question("s5.fab"),
                        self.tr(
                            "Written once for our own solution; each competitor's profile keeps "
                            "what we set against that rival."
                        ),
                    ),
                    ctx.lang,
                )
            )
        )
        self.body.addWidget(QLabel(self.tr("Value intersection")))
        self.body.addWidget(
            self._field(
                "value_intersection",
                self.tr("Value intersection"),
                self.tr("Where what the customer values meets what we do best"),
                (2, 8),
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for column, (name, label, placeholder) in enumerate(
            (
                (
                    "features",
                    self.tr("Features"),
                    self.tr("What our product and solution are and have"),
                ),
                (
                    "advantages",
                    self.tr("Advantages"),
                    self.tr("Why that is better than the alternatives"),
                ),
                (
                    "benefits",
                    self.tr("Benefits"),
                    self.tr("What it earns this customer, in their terms"),
                ),
            )
        ):
            grid.addWidget(QLabel(label), 0, column)
            grid.addWidget(self._field(name, label, placeholder, (3, 10)), 1, column)
            grid.setColumnStretch(column, 1)
        self.body.addLayout(grid)


class ConcernPlanCard(_OfferFields):
    """The plan to dispel the customer's concerns: the risks below say what each one is and how it
    is prevented and remedied; this says how we take the customer through them to a signature."""

    def __init__(self, ctx: AppContext, autosaver: Autosaver, parent: QWidget | None = None):
        super().__init__(ctx, autosaver, CONCERN_ACCENT, parent)
        self.setObjectName("concern_plan_card")
        self.body.addWidget(heading(self.tr("Plan to dispel concerns"), 1.15))
        self.body.addWidget(hint(self._question("s6.concern_plan")))
        self.body.addWidget(
            self._field(
                "concern_plan",
                self.tr("Plan to dispel concerns"),
                self.tr("Who we talk to, with what evidence, in what order, by when"),
                (2, 10),
            )
        )
