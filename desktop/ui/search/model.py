"""Search results as a flat list: a header row per kind, then that kind's hits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.services.search import Hit

HitRole = Qt.ItemDataRole.UserRole + 1  # the Hit of a row (None on a header)
HeaderRole = Qt.ItemDataRole.UserRole + 2  # True on a group header
QueryRole = Qt.ItemDataRole.UserRole + 3  # the query the results are for
CountRole = Qt.ItemDataRole.UserRole + 4  # a header's number of hits

Index = QModelIndex | QPersistentModelIndex


def kind_title(kind: str) -> str:
    titles = {
        "pursuit": QCoreApplication.translate("SearchKinds", "Pursuits"),
        "account": QCoreApplication.translate("SearchKinds", "Accounts"),
        "stakeholder": QCoreApplication.translate("SearchKinds", "Stakeholders"),
        "visit": QCoreApplication.translate("SearchKinds", "Visits"),
        "coaching_answer": QCoreApplication.translate("SearchKinds", "Coaching answers"),
        "note": QCoreApplication.translate("SearchKinds", "Notes"),
    }
    return titles.get(kind, kind)


class ResultsModel(QAbstractListModel):
    """Hits grouped by kind (the service's order), each group under a header row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Any]] = []  # ("header", (kind, count)) or ("hit", Hit)
        self.query = ""

    def set_hits(self, hits: Sequence[Hit], query: str) -> None:
        self.beginResetModel()
        self.query = query
        self._rows = []
        counts: dict[str, int] = {}
        for hit in hits:
            counts[hit.kind] = counts.get(hit.kind, 0) + 1
        current = None
        for hit in hits:
            if hit.kind != current:
                current = hit.kind
                self._rows.append(("header", (hit.kind, counts[hit.kind])))
            self._rows.append(("hit", hit))
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([], "")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        what, payload = self._rows[index.row()]
        if what == "header":
            kind, count = payload
            if role == Qt.ItemDataRole.DisplayRole:
                return kind_title(kind)
            if role == HeaderRole:
                return True
            if role == CountRole:
                return count
            return None
        hit: Hit = payload
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(t for t in (hit.label, hit.detail, hit.snippet) if t)
        if role == HitRole:
            return hit
        if role == HeaderRole:
            return False
        if role == QueryRole:
            return self.query
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()][0] == "header":
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def hit_rows(self) -> list[int]:
        return [n for n, (what, _p) in enumerate(self._rows) if what == "hit"]

    def hits(self) -> list[Hit]:
        return [p for what, p in self._rows if what == "hit"]
