"""Pick people from the account's other pursuits, or the account's people on no map yet, to put
onto this map."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.stakeholder_map import ReuseCandidate
from desktop.ui.stakeholder_map.style import MapStyle, personality_icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ReuseDialog(QDialog):
    """A filterable, checkable list of people; `chosen()` gives the ids of the checked ones."""

    def __init__(
        self,
        candidates: list[ReuseCandidate],
        style: MapStyle,
        account: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reuse_dialog")
        self.setWindowTitle(self.tr("Reuse people from other pursuits"))
        self.resize(460, 520)
        intro = QLabel(
            self.tr(
                "People on {0}'s other pursuits. Their cards (contact, relationship, personality, "
                "roles, help wanted) are copied onto this map; the originals stay as they are."
            ).format(account)
        )
        intro.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("reuse_filter")
        self.filter.setPlaceholderText(self.tr("Filter by name, title or pursuit"))
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        for candidate in candidates:
            details = " · ".join(
                p for p in (candidate.title, candidate.department) if p
            ) or self.tr("no title")
            where = candidate.pursuit_title or self.tr("on no map yet")  # a person of the account
            text = f"{candidate.name}  —  {details}\n{where}"
            if candidate.on_map:
                text += "  " + self.tr("(already on this map)")
            item = QStandardItem(text)
            if candidate.personality:
                item.setIcon(personality_icon(candidate.personality))
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(candidate.id, ID_ROLE)
            item.setToolTip(style.relationship_label(candidate.relationship))
            self.model.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView()
        self.list.setObjectName("reuse_list")
        self.list.setModel(self.proxy)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.activated.connect(self._toggle)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Add to map"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.itemChanged.connect(lambda _item: self.ok.setEnabled(bool(self.chosen())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)

    def _toggle(self, index: QModelIndex) -> None:
        item = self.model.itemFromIndex(self.proxy.mapToSource(index))
        item.setCheckState(
            Qt.CheckState.Unchecked
            if item.checkState() == Qt.CheckState.Checked
            else Qt.CheckState.Checked
        )

    def check(self, candidate_id: str, on: bool = True) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.data(ID_ROLE) == candidate_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [
            self.model.item(row).data(ID_ROLE)
            for row in range(self.model.rowCount())
            if self.model.item(row).checkState() == Qt.CheckState.Checked
        ]
