"""Table models of the Accounts screen: the accounts, and an account's people and visits."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QFont

from desktop.domain.methodology import Catalog
from desktop.services.accounts import AccountSummary, PersonRow, VisitRow
from desktop.ui.common.format import local_time, money
from desktop.ui.common.table import RIGHT, Column, RowTableModel


def _count(value: int) -> str:
    return f"{value:,}" if value else ""


class AccountTableModel(RowTableModel):
    """Every account with its pipeline; `set_text` filters by name, industry or address."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(self._columns(), parent)
        self.text = ""
        self._bold: QFont | None = None

    @staticmethod
    def _columns() -> list[Column]:
        return [
            Column(
                "name",
                lambda: QCoreApplication.translate("AccountColumns", "Account"),
                lambda r: r.name,
                lambda r: r.name,
                text=True,
                width=220,
            ),
            Column(
                "industry",
                lambda: QCoreApplication.translate("AccountColumns", "Industry"),
                lambda r: r.industry,
                lambda r: r.industry,
                text=True,
                width=60,
            ),
            Column(
                "open",
                lambda: QCoreApplication.translate("AccountColumns", "Open"),
                lambda r: _count(r.open_pursuits),
                lambda r: r.open_pursuits,
                align=RIGHT,
                width=50,
                tooltip=lambda r: (
                    QCoreApplication.translate("AccountColumns", "{0} open of {1} pursuits").format(
                        r.open_pursuits, r.pursuits
                    )
                    if r.totals
                    else ""  # no tooltip until the totals are in
                ),
            ),
            Column(
                "open_amount",
                lambda: QCoreApplication.translate("AccountColumns", "Pipeline"),
                lambda r: money(r.open_amount) if r.open_amount else "",
                lambda r: r.open_amount,
                align=RIGHT,
                width=104,
            ),
            Column(
                "weighted",
                lambda: QCoreApplication.translate("AccountColumns", "Weighted"),
                lambda r: money(r.weighted) if r.weighted else "",
                lambda r: r.weighted,
                align=RIGHT,
                width=104,
            ),
            Column(
                "won",
                lambda: QCoreApplication.translate("AccountColumns", "Won"),
                lambda r: money(r.won_amount) if r.won_amount else "",
                lambda r: r.won_amount,
                align=RIGHT,
                width=110,
                hidden=True,
            ),
            Column(
                "pursuits",
                lambda: QCoreApplication.translate("AccountColumns", "Pursuits"),
                lambda r: _count(r.pursuits),
                lambda r: r.pursuits,
                align=RIGHT,
                width=56,
            ),
            Column(
                "last_change",
                lambda: QCoreApplication.translate("AccountColumns", "Last change"),
                lambda r: local_time(r.last_change),
                lambda r: r.last_change,
                width=124,
                hidden=True,
            ),
        ]

    def extra_data(self, row: AccountSummary, column: Column, role: int) -> object:
        if role == Qt.ItemDataRole.FontRole and column.key == "name" and row.open_pursuits:
            if self._bold is None:  # one font for every bold name, made at the first paint
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        return None

    def set_text(self, text: str) -> None:
        self.text = text
        words = [w.casefold() for w in text.split()]
        if not words:
            self.set_filter(None)
            return

        def accept(row: AccountSummary) -> bool:
            haystack = f"{row.name} {row.industry} {row.address}".casefold()
            return all(w in haystack for w in words)

        self.set_filter(accept)


class PeopleModel(RowTableModel):
    """An account's people, each once, with the pursuits they are on and their roles there."""

    def __init__(self, catalog: Catalog, lang: str, parent: QObject | None = None) -> None:
        relationships = catalog.vocab("relationship_stages")
        roles = catalog.vocab("buying_roles")
        order = {key: n for n, key in enumerate(relationships.keys())}

        separator = "、" if lang == "zh" else ", "

        def pursuit_parts(row: PersonRow) -> list[str]:
            # MES（决策者、内线）: each pursuit with the person's buying roles there.
            parts = []
            for member in row.pursuits:
                held = separator.join(roles.label(r, lang) for r in member.roles)
                if not held:
                    parts.append(member.pursuit_title)
                elif lang == "zh":
                    parts.append(f"{member.pursuit_title}（{held}）")
                else:
                    parts.append(f"{member.pursuit_title} ({held})")
            return parts

        def pursuits_text(row: PersonRow) -> str:
            return ("；" if lang == "zh" else "; ").join(pursuit_parts(row))

        columns = [
            Column(
                "name",
                lambda: QCoreApplication.translate("AccountColumns", "Name"),
                lambda r: r.name,
                lambda r: r.name,
                text=True,
                width=90,
            ),
            Column(
                "title",
                lambda: QCoreApplication.translate("AccountColumns", "Title"),
                lambda r: r.title,
                lambda r: r.title,
                text=True,
                width=110,
            ),
            Column(
                "department",
                lambda: QCoreApplication.translate("AccountColumns", "Department"),
                lambda r: r.department,
                lambda r: r.department,
                text=True,
                width=90,
            ),
            Column(
                "relationship",
                lambda: QCoreApplication.translate("AccountColumns", "Relationship"),
                lambda r: relationships.label(r.relationship, lang),
                lambda r: order.get(r.relationship, -1),
                width=80,
            ),
            Column(
                "pursuits",
                lambda: QCoreApplication.translate("AccountColumns", "Pursuits and roles"),
                pursuits_text,
                pursuits_text,
                text=True,
                width=240,
                # Someone on many maps does not fit the column: one pursuit a line in the tip.
                tooltip=lambda r: "\n".join(pursuit_parts(r)),
            ),
            Column(
                "phone",
                lambda: QCoreApplication.translate("AccountColumns", "Phone"),
                lambda r: r.phone,
                lambda r: r.phone,
                width=110,
            ),
            Column(
                "email",
                lambda: QCoreApplication.translate("AccountColumns", "Email"),
                lambda r: r.email,
                lambda r: r.email,
                width=150,
            ),
        ]
        super().__init__(columns, parent)


class VisitsModel(RowTableModel):
    """An account's visits, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        def when(row: VisitRow) -> str:
            if row.starts_at is None:
                return ""
            return row.starts_at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")

        columns = [
            Column(
                "when",
                lambda: QCoreApplication.translate("AccountColumns", "When"),
                when,
                lambda r: r.starts_at,
                width=124,
            ),
            Column(
                "objective",
                lambda: QCoreApplication.translate("AccountColumns", "Objective"),
                lambda r: r.objective,
                lambda r: r.objective,
                text=True,
                width=220,
            ),
            Column(
                "pursuit",
                lambda: QCoreApplication.translate("AccountColumns", "Pursuit"),
                lambda r: r.pursuit_title,
                lambda r: r.pursuit_title,
                text=True,
                width=150,
            ),
            Column(
                "location",
                lambda: QCoreApplication.translate("AccountColumns", "Location"),
                lambda r: r.location,
                lambda r: r.location,
                text=True,
                width=120,
            ),
            Column(
                "outcome",
                lambda: QCoreApplication.translate("AccountColumns", "Outcome"),
                lambda r: " ".join(r.outcome.split()),
                lambda r: r.outcome,
                text=True,
                width=200,
            ),
        ]
        super().__init__(columns, parent)
