"""Search results as a flat list: a header row per kind with how many there are in all, that
kind's hits, and a "Show all" row when the popup shows only the best of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.services.search import COUNT_CAP, Hit

HitRole = Qt.ItemDataRole.UserRole + 1  # the Hit of a row (None on a header)
HeaderRole = Qt.ItemDataRole.UserRole + 2  # True on a group header
QueryRole = Qt.ItemDataRole.UserRole + 3  # the query the results are for
CountRole = Qt.ItemDataRole.UserRole + 4  # a header's number of matches, e.g. "10" or "999+"
MoreRole = Qt.ItemDataRole.UserRole + 5  # the kind a "Show all" row opens (None elsewhere)

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


def count_text(count: int) -> str:
    """A group's count: the number, or "999+" past what the search counts."""
    return f"{COUNT_CAP}+" if count > COUNT_CAP else str(count)


def more_text(count: int) -> str:
    if count > COUNT_CAP:
        return QCoreApplication.translate("SearchResults", "Show the first {0}…").format(COUNT_CAP)
    return QCoreApplication.translate("SearchResults", "Show all {0}…").format(count)


class ResultsModel(QAbstractListModel):
    """Hits grouped by kind (the service's order), each group under a header row saying how
    many match in all, and ending in a "Show all" row when more match than are shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # ("header", (kind, count)), ("hit", Hit) or ("more", (kind, count))
        self._rows: list[tuple[str, Any]] = []
        self.query = ""

    def set_hits(
        self, hits: Sequence[Hit], query: str, totals: Mapping[str, int] | None = None
    ) -> None:
        """Show `hits`; `totals` says how many of a kind match in all when that is more than
        the hits shown (a kind missing from it has just its hits)."""
        self.beginResetModel()
        self.query = query
        self._rows = []
        shown: dict[str, int] = {}
        for hit in hits:
            shown[hit.kind] = shown.get(hit.kind, 0) + 1
        totals = totals or {}
        counts = {kind: max(n, totals.get(kind, 0)) for kind, n in shown.items()}
        current = None
        for hit in hits:
            if hit.kind != current:
                self._close_group(current, shown, counts)
                current = hit.kind
                self._rows.append(("header", (hit.kind, counts[hit.kind])))
            self._rows.append(("hit", hit))
        self._close_group(current, shown, counts)
        self.endResetModel()

    def _close_group(self, kind: str | None, shown: dict[str, int], counts: dict[str, int]) -> None:
        if kind is not None and counts[kind] > shown[kind] and shown[kind] < COUNT_CAP:
            self._rows.append(("more", (kind, counts[kind])))

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
                return count_text(count)
            return None
        if what == "more":
            kind, count = payload
            if role == Qt.ItemDataRole.DisplayRole:
                return more_text(count)
            if role == MoreRole:
                return kind
            if role == HeaderRole:
                return False
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

    def choice_rows(self) -> list[int]:
        """The rows the arrow keys stop on: the hits and the "Show all" rows."""
        return [n for n, (what, _p) in enumerate(self._rows) if what != "header"]

    def more_row(self, kind: str) -> int | None:
        return next(
            (n for n, (what, p) in enumerate(self._rows) if what == "more" and p[0] == kind),
            None,
        )

    def hits(self) -> list[Hit]:
        return [p for what, p in self._rows if what == "hit"]
