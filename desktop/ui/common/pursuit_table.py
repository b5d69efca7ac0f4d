"""The table of pursuits: its columns over `PursuitRow`s and the filter that narrows it.

The Pursuits screen shows it whole; an account's page shows the same rows for one account — so
it lives in the kit, not in either screen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from desktop.domain import status as status_rules
from desktop.domain.methodology import Catalog
from desktop.infra import paths
from desktop.ui.common import colors
from desktop.ui.common.colors import STAGE_COLORS
from desktop.ui.common.format import local_time, long_date, money
from desktop.ui.common.table import RIGHT, Column, RowTableModel

if TYPE_CHECKING:  # the board's cards name `last_touch_text` here and paint before SQLAlchemy
    from desktop.services.queries.pursuit_list import PursuitRow

RED = QColor("#D32F2F")
GREY = QColor("#8A8F98")
STATUS_COLORS = {"collected": QColor("#2E7D32"), "lost": QColor("#C62828"), "abandoned": GREY}
BOLD = QFont()
BOLD.setBold(True)
AMBER = QColor(colors.AMBER)  # stale pursuits
STATUSES = status_rules.STATUSES
CLOSED = status_rules.CLOSED


ICON_SIZE = 12
_dots: dict[int, QIcon] = {}
_flag: list[QIcon] = []


def stage_dot(stage: int) -> QIcon:
    """A round dot in the stage's colour (made once per stage)."""
    found = _dots.get(stage)
    if found is None:
        pixmap = QPixmap(ICON_SIZE * 2, ICON_SIZE * 2)  # drawn at 2x: crisp on high-DPI screens
        pixmap.setDevicePixelRatio(2.0)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STAGE_COLORS[(stage - 1) % len(STAGE_COLORS)]))
        painter.drawEllipse(QRectF(1.5, 1.5, ICON_SIZE - 3, ICON_SIZE - 3))
        painter.end()
        found = _dots[stage] = QIcon(pixmap)
    return found


def flag_icon() -> QIcon:
    if not _flag:
        _flag.append(QIcon(str(paths.icons_dir() / "lists" / "flag.svg")))
    return _flag[0]


def weighted_meaning() -> str:
    """What a weighted amount is: the one wording of the list's heading, the board's column heads
    and the pursuit's figures (in stage 8, at 100 %, it is what is still to collect)."""
    return QCoreApplication.translate(
        "PursuitColumns", "Weighted amount = amount not yet received × win rate"
    )


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""


@dataclass
class ListFilter:
    """What the filter bar asks for. Empty sets mean "all"."""

    text: str = ""
    statuses: frozenset[str] = field(default_factory=lambda: frozenset({"open"}))
    stages: frozenset[int] = frozenset()
    tag: str = ""
    flagged: bool = False  # only pursuits with red flags
    stale: bool = False  # only pursuits over their stage's limit
    overdue: bool = False  # only pursuits whose next step or expected close is past
    # Whose pursuits (a manager's roll-up): the name of the database they came from, "" for this
    # computer's own, None for everyone's.
    rep: str | None = None

    def to_state(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "statuses": sorted(self.statuses),
            "stages": sorted(self.stages),
            "tag": self.tag,
            "flagged": self.flagged,
            "stale": self.stale,
            "overdue": self.overdue,
            "rep": self.rep,
        }

    @classmethod
    def from_state(cls, state: Any) -> ListFilter:
        if not isinstance(state, dict):
            return cls()
        try:
            return cls(
                text=str(state.get("text", "")),
                statuses=frozenset(s for s in state.get("statuses", ["open"]) if s in STATUSES),
                stages=frozenset(int(s) for s in state.get("stages", []) if 1 <= int(s) <= 8),
                tag=str(state.get("tag", "")),
                flagged=bool(state.get("flagged", False)),
                stale=bool(state.get("stale", False)),
                overdue=bool(state.get("overdue", False)),
                rep=state["rep"] if isinstance(state.get("rep"), str) else None,
            )
        except (TypeError, ValueError):
            return cls()

    def with_(self, **changes: Any) -> ListFilter:
        return replace(self, **changes)

    @property
    def is_default(self) -> bool:
        return self == ListFilter()


class PursuitTableModel(RowTableModel):
    """All pursuits; `set_list_filter` narrows what is shown."""

    def __init__(
        self,
        catalog: Catalog,
        lang: str,
        stale_limit: Callable[[int], int],
        parent: QObject | None = None,
        *,
        today: date | None = None,
    ) -> None:
        self.catalog = catalog
        self.lang = lang
        self.stale_limit = stale_limit
        self.today = today or date.today()
        self.flag_counts: dict[str, int] = {}
        self.list_filter = ListFilter()
        self._statuses = catalog.vocab("pursuit_statuses")
        self._totals: tuple[int, tuple[int, int, int, str]] | None = None
        self._haystacks: dict[str, str] = {}  # row id -> the text the filter box searches
        super().__init__(self._columns(), parent)

    # --- the columns ----------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        stage_label = {s.number: f"{s.number} {s.process(self.lang)}" for s in self.catalog.stages}
        stage_tip = {s.number: s.label(self.lang) for s in self.catalog.stages}

        def status(row: PursuitRow) -> str:
            return self._statuses.label(row.status, self.lang)

        def closed_grey(row: PursuitRow) -> QColor | None:
            return QColor("#8A8F98") if row.status != "open" else None

        def close_colour(row: PursuitRow) -> QColor | None:
            if row.status == "open" and row.expected_close and row.expected_close < self.today:
                return RED
            return closed_grey(row)

        def due_colour(row: PursuitRow) -> QColor | None:
            if row.status == "open" and row.next_step_due and row.next_step_due < self.today:
                return RED
            return None

        def days(row: PursuitRow) -> int:
            return row.days_in_stage(self.today)

        def days_key(row: PursuitRow) -> int | None:
            # `days` inlined: the key of 50,000 rows on each sort, one call each instead of three
            if row.status != "open":
                return None
            count = (self.today - row.stage_entered_at.date()).days
            return count if count > 0 else 0

        def idle(row: PursuitRow) -> int:
            return row.days_since_touch(self.today)

        def idle_colour(row: PursuitRow) -> QColor | None:
            return AMBER if self.is_stale(row) else closed_grey(row)

        def idle_tip(row: PursuitRow) -> str:
            if not row.details:
                return ""  # the last touch is still being read
            kind, when = row.last_touch()
            touch = last_touch_text(kind, when, self.lang)
            limit = self.stale_limit(row.stage)
            if self.is_stale(row):
                return QCoreApplication.translate(
                    "PursuitColumns", "{0}; over the stage's limit of {1} days: rotting"
                ).format(touch, limit)
            return QCoreApplication.translate(
                "PursuitColumns", "{0}; the stage's limit is {1} days"
            ).format(touch, limit)

        def flags(row: PursuitRow) -> int:
            return self.flag_counts.get(row.id, 0)

        def flag_tip(row: PursuitRow) -> str:
            count = self.flag_counts.get(row.id, 0)
            if not count:
                return ""
            if count == 1:
                return QCoreApplication.translate(
                    "PursuitColumns", "1 red flag: open the pursuit to see it"
                )
            return QCoreApplication.translate(
                "PursuitColumns", "{0} red flags: open the pursuit to see them"
            ).format(count)

        return [
            Column(
                "account",
                lambda: QCoreApplication.translate("PursuitColumns", "Account"),
                lambda r: r.account,
                lambda r: r.account,
                text=True,
                width=200,
            ),
            Column(
                "title",
                lambda: QCoreApplication.translate("PursuitColumns", "Pursuit"),
                lambda r: r.title,
                lambda r: r.title,
                text=True,
                width=170,
            ),
            # A marker on private pursuits only (most are shared: an empty cell says so).
            Column(
                "shared",
                lambda: QCoreApplication.translate("PursuitColumns", "Sharing"),
                lambda r: (
                    "" if r.shared else QCoreApplication.translate("PursuitColumns", "Private")
                ),
                lambda r: r.shared,
                tooltip=lambda r: (
                    QCoreApplication.translate(
                        "PursuitColumns", "Kept on this computer: never in a sync file"
                    )
                    if not r.shared
                    else QCoreApplication.translate(
                        "PursuitColumns", "Shared with the team through sync"
                    )
                ),
                width=56,
            ),
            Column(
                "stage",
                lambda: QCoreApplication.translate("PursuitColumns", "Stage"),
                lambda r: stage_label[r.stage],
                lambda r: r.stage,
                foreground=closed_grey,
                tooltip=lambda r: stage_tip[r.stage],
                width=118 if self.lang == "zh" else 176,
            ),
            Column(
                "status",
                lambda: QCoreApplication.translate("PursuitColumns", "Status"),
                status,
                lambda r: STATUSES.index(r.status),
                foreground=lambda r: STATUS_COLORS.get(r.status),
                width=64,
            ),
            Column(
                "amount",
                lambda: QCoreApplication.translate("PursuitColumns", "Amount"),
                lambda r: money(r.amount, r.currency),
                lambda r: r.amount,
                align=RIGHT,
                width=108,
            ),
            Column(
                "win_rate",
                lambda: QCoreApplication.translate("PursuitColumns", "Win rate"),
                lambda r: f"{r.win_rate}%",
                lambda r: r.win_rate,
                align=RIGHT,
                width=60,
            ),
            Column(
                "weighted",
                lambda: QCoreApplication.translate("PursuitColumns", "Weighted amount"),
                lambda r: money(r.weighted, r.currency),
                lambda r: r.weighted,
                align=RIGHT,
                width=112,
                heading_tip=weighted_meaning,
            ),
            Column(
                "expected_close",
                lambda: QCoreApplication.translate("PursuitColumns", "Expected close"),
                lambda r: iso(r.expected_close),
                lambda r: r.expected_close,
                foreground=close_colour,
                width=96,
            ),
            Column(
                "days_in_stage",
                lambda: QCoreApplication.translate("PursuitColumns", "Days in stage"),
                lambda r: str(days(r)) if r.status == "open" else "",
                days_key,
                align=RIGHT,
                foreground=closed_grey,
                width=84,
            ),
            Column(
                "days_since_touch",
                lambda: QCoreApplication.translate("PursuitColumns", "Days idle"),
                lambda r: str(idle(r)) if r.status == "open" and r.details else "",
                lambda r: idle(r) if r.status == "open" and r.details else None,
                align=RIGHT,
                foreground=idle_colour,
                tooltip=idle_tip,
                width=84,
            ),
            Column(
                "red_flags",
                lambda: QCoreApplication.translate("PursuitColumns", "Red flags"),
                lambda r: str(flags(r)) if flags(r) else "",
                flags,
                foreground=lambda r: RED,
                tooltip=flag_tip,
                width=76,
            ),
            Column(
                "next_step",
                lambda: QCoreApplication.translate("PursuitColumns", "Next step"),
                lambda r: r.next_step,
                lambda r: r.next_step,
                text=True,
                width=160,
                hidden=True,
            ),
            Column(
                "next_step_due",
                lambda: QCoreApplication.translate("PursuitColumns", "Next step due"),
                lambda r: iso(r.next_step_due),
                lambda r: r.next_step_due,
                foreground=due_colour,
                width=100,
                hidden=True,
            ),
            Column(
                "tags",
                lambda: QCoreApplication.translate("PursuitColumns", "Tags"),
                lambda r: " · ".join(r.tags),
                lambda r: " ".join(r.tags),
                text=True,
                width=120,
            ),
            Column(
                "owner",
                lambda: QCoreApplication.translate("PursuitColumns", "Owner"),
                lambda r: r.owner,
                lambda r: r.owner,
                text=True,
                width=90,
                hidden=True,
            ),
            Column(
                "origin",
                lambda: QCoreApplication.translate("PursuitColumns", "Origin"),
                lambda r: r.origin,
                lambda r: r.origin,
                text=True,
                tooltip=lambda r: (
                    QCoreApplication.translate(
                        "PursuitColumns",
                        "Created on another computer ({0}) and merged from its sync file",
                    ).format(r.origin)
                    if r.origin
                    else ""
                ),
                width=110,
                hidden=True,
            ),
            Column(
                "closed_on",
                lambda: QCoreApplication.translate("PursuitColumns", "Closed on"),
                lambda r: iso(r.closed_on),
                lambda r: r.closed_on,
                width=100,
                hidden=True,
            ),
            Column(
                "close_reason",
                lambda: QCoreApplication.translate("PursuitColumns", "Close reason"),
                lambda r: r.close_reason,
                lambda r: r.close_reason,
                text=True,
                width=160,
                hidden=True,
            ),
            Column(
                "updated_at",
                lambda: QCoreApplication.translate("PursuitColumns", "Last change"),
                lambda r: local_time(r.updated_at),
                lambda r: r.updated_at,
                width=128,
            ),
        ]

    def extra_data(self, row: Any, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and (
            column.key == "account"
            or (column.key == "status" and row.status == status_rules.COLLECTED)
        ):
            return BOLD
        if role == Qt.ItemDataRole.DecorationRole:
            # Painted by Qt's own delegate (no Python per cell): a colour dot for the stage,
            # a flag beside a red-flag count. Colour only ever accompanies the text.
            if column.key == "stage":
                return stage_dot(row.stage)
            if column.key == "red_flags" and self.flag_counts.get(row.id):
                return flag_icon()
        return None

    def rows_changed(self) -> None:
        self._haystacks.clear()

    # --- rules the columns and the filter share ----------------------------------------------
    def is_stale(self, row: PursuitRow) -> bool:
        """Rotting: untouched for longer than its stage's limit (the board's `is_stale`)."""
        if row.status != "open" or not row.details:
            return False  # (without its details the last touch is not known yet)
        return row.days_since_touch(self.today) > self.stale_limit(row.stage)

    def is_overdue(self, row: PursuitRow) -> bool:
        if row.status != "open":
            return False
        return bool(
            (row.next_step_due and row.next_step_due < self.today)
            or (row.expected_close and row.expected_close < self.today)
        )

    # --- filter and flags -----------------------------------------------------------------------
    def set_list_filter(self, list_filter: ListFilter) -> None:
        self.list_filter = list_filter
        self.set_filter(self._predicate(list_filter))

    def _predicate(self, f: ListFilter) -> Callable[[PursuitRow], bool] | None:
        words = [w.casefold() for w in f.text.split()]
        if f == ListFilter(statuses=frozenset()) and not words:
            return None
        statuses, stages, tag = f.statuses, f.stages, f.tag
        flags = self.flag_counts
        haystacks = self._haystacks
        if not (stages or tag or f.flagged or f.stale or f.overdue or f.rep is not None or words):
            # By status alone (the list opens on the open pursuits): one test a row, not eight.
            return lambda row: row.status in statuses

        def accept(row: PursuitRow) -> bool:
            if statuses and row.status not in statuses:
                return False
            if stages and row.stage not in stages:
                return False
            if tag and tag not in row.tags:
                return False
            if f.flagged and not flags.get(row.id):
                return False
            if f.stale and not self.is_stale(row):
                return False
            if f.overdue and not self.is_overdue(row):
                return False
            if f.rep is not None and row.origin != f.rep:
                return False
            if words:
                haystack = haystacks.get(row.id)
                if haystack is None:
                    haystack = haystacks[row.id] = " ".join(
                        (row.account, row.title, row.next_step, row.owner, row.origin, *row.tags)
                    ).casefold()
                return all(w in haystack for w in words)
            return True

        return accept

    def set_flags(self, flags: dict[str, int], *, only: set[str] | None = None) -> None:
        """Red-flag counts from deal health (all, or the given ids' new counts)."""
        counts = self.flag_counts
        if only is None:
            counts = self.flag_counts = dict(flags)
            for row in self._rows.values():
                row.red_flags = counts.get(row.id, 0)
        else:
            # Only these rows' counts changed: the others' rows are left alone (the rows in
            # view, counted with the first paint, are a hundred of 50,000).
            for pursuit_id in only:
                counts.pop(pursuit_id, None)
            counts.update(flags)
            for pursuit_id in {*only, *flags}:
                found = self._rows.get(pursuit_id)
                if found is not None:
                    found.red_flags = counts.get(pursuit_id, 0)
        if self.list_filter.flagged or self.sort_column == self.column_index("red_flags"):
            self.set_list_filter(self.list_filter)
        else:
            self.refresh_column("red_flags")

    def set_details(self, details: dict[str, tuple[tuple[str, ...], datetime | None, str]]) -> None:
        """Fill in the tags and last touches `pursuit_list.list_details` read after the first
        paint; the filter and the sort run again when they depend on them."""
        for row in self._rows.values():
            if not row.details:
                row.fill_details(*details.get(row.id, ((), None, "")))
        self._rows_changed()  # the tags' collation and the filter's texts
        f = self.list_filter
        keys = (
            {self.columns[self.sort_column].key}
            if 0 <= self.sort_column < len(self.columns)
            else set()
        )
        if f.tag or f.stale or f.text.strip() or keys & {"tags", "days_since_touch"}:
            self.set_list_filter(f)
        else:
            self.refresh_column("tags")
            self.refresh_column("days_since_touch")

    def set_today(self, today: date) -> None:
        if today != self.today:
            self.today = today
            self.set_list_filter(self.list_filter)
            if self._shown:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._shown) - 1, len(self.columns) - 1), []
                )

    # --- totals ---------------------------------------------------------------------------------
    def totals(self, rows: list[PursuitRow] | None = None) -> tuple[int, int, int, str]:
        """(count, amount, weighted, currency) of `rows` (the shown rows by default); amounts
        of other currencies than the most common one are left out of the sums."""
        if rows is None:
            if self._totals is None or self._totals[0] != self.membership:
                self._totals = (self.membership, _totals(self._shown))
            return self._totals[1]
        return _totals(rows)


def _totals(rows: list[PursuitRow]) -> tuple[int, int, int, str]:
    if not rows:
        return 0, 0, 0, "CNY"
    # Counted and summed in C (the list's 50,000 rows on every filter): the most common currency
    # (the first seen of those as common), then its rows' amounts — most books have one.
    counts = Counter(map(_currency, rows))
    currency = max(counts, key=counts.__getitem__)
    same = rows if len(counts) == 1 else [row for row in rows if row.currency == currency]
    return len(rows), sum(map(_amount, same)), sum(map(_weighted, same)), currency


_currency = attrgetter("currency")
_amount = attrgetter("amount")
_weighted = attrgetter("weighted")


def last_touch_text(kind: str, when: datetime, lang: str) -> str:
    """ "Last touch: a note, 2026年12月1日" — what a rotting count counts from (board and list)."""
    labels = {
        "activity": QCoreApplication.translate("PursuitColumns", "an activity done"),
        "note": QCoreApplication.translate("PursuitColumns", "a note"),
        "visit": QCoreApplication.translate("PursuitColumns", "a visit held"),
    }
    what = labels.get(kind) or QCoreApplication.translate(
        "PursuitColumns", "entering the current stage"
    )
    day = long_date(when.replace(tzinfo=UTC).astimezone().date(), lang)
    return QCoreApplication.translate("PursuitColumns", "Last touch: {0}, {1}").format(what, day)
